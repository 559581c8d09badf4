#ifndef ISV_BENCH_H
#define ISV_BENCH_H
#include "judge.h"

/* bench=forms: the guest-observed price of each form (lib/bench.c). */
void bench_forms_begin(void);
/* Measure one case of a form on target t (one call per form and target;
 * the caller picks the case). */
void bench_form(struct target *t, const struct case_desc *c, uint64_t seed, const struct cpu_features *feat);
void bench_forms_end(void);
#endif
