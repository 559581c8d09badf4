#ifndef ISV_JUDGE_H
#define ISV_JUDGE_H
#include <stdint.h>
#include "matrix.h"
#include "target.h"
#include "cell.h"

/* Counted in this order; the TAP words are outcome_word(). */
enum outcome { OUT_PASS, OUT_ABORT, OUT_CORRUPT, OUT_SKIP, OUT_UNCLEAN, OUT_COUNT };

#define VERDICT_MAX_DIFFS 12
#define VERDICT_MAX_DEFECTS 8

/* One malformed field of a refusal (outcome unclean): expected vs got, as text. */
struct defect {
	const char *field;
	char expected[48], got[24];
};

struct diff {
	char item[12];
	uint64_t exp_hi, exp, got_hi, got;
	int wide;                 /* 128-bit item (V register) */
};

struct verdict {
	enum outcome outcome;
	char reason[96];          /* skip reason, or the corrupt headline */
	struct diff d[VERDICT_MAX_DIFFS];
	unsigned nd, ndiff_total;
	unsigned unchecked;       /* stored bytes the target cannot show */
	struct cell_result tgt;   /* how the target run ended */
	uint32_t insn;
	int serror;
	uint64_t serror_esr;
	unsigned traps;           /* target accesses this case caused (incl. read-back) */
	unsigned drift_n;         /* window bytes that changed between cases (not charged) */
	uint32_t drift_lo, drift_hi;
	struct defect defects[VERDICT_MAX_DEFECTS];
	unsigned ndefects;
	int unknown_load;         /* loaded data not judged: the target is stale (t->stale) */
	int unseeded_load;        /* loaded from target bytes no write reaches (RAZ/WI): not case-unique data */
	int nc_reg;               /* SVE first-fault: Z register whose bytes nc_from..nc_to-1 */
	unsigned nc_from, nc_to;  /* FFR leaves UNKNOWN, not compared (nc_to 0: none) */
};

struct cpu_features { int lse, lse2, lrcpc, lrcpc2, lor, mops, ls64, sve; uint64_t dczid_bytes; };
void features_detect(struct cpu_features *f);
const char *feature_name(unsigned feat);

void judge_case(struct target *t, const struct case_desc *c, uint64_t seed, const struct cpu_features *feat,
		struct verdict *v);
/* The whole window read once and compared with what the judge last saw
 * there (the mirror, which then takes the bytes read): returns how many
 * bytes changed since (the first at *first), 0 for a target nothing can be
 * read back from. Between groups of cases (lib/main.c), it finds what no
 * case's own check covers: target drift, or a stray write far from a
 * footprint by a case that otherwise looked right. */
unsigned judge_sweep(struct target *t, uint32_t *first, uint32_t *traps);
const char *outcome_word(enum outcome o);
/* The case's base (and index) registers for its window at window (lib/bench.c too). */
void set_addr_regs(struct frame *f, const struct case_desc *c, uint64_t window);
#endif
