#ifndef ISV_BOOTARGS_H
#define ISV_BOOTARGS_H
#include <stdint.h>

#define BOOTARGS_MAX_TARGETS 4

enum matrix_level { MATRIX_QUICK, MATRIX_FULL, MATRIX_ALL };  /* = matrix_enumerate()'s level */

enum bench_mode { BENCH_OFF, BENCH_TOTALS, BENCH_FORMS };

struct target_override { char name[16]; uint64_t addr; };

struct config {
	enum matrix_level matrix;
	unsigned long start;            /* 1-based first test number */
	unsigned long count;            /* 0 = no limit */
	char only[96];                  /* glob, empty = all */
	char targets[64];               /* comma list, empty = all available */
	char noprobe[96];               /* TARGET[:STEP][,...]: probe steps disabled (issue 13) */
	struct target_override tov[BOOTARGS_MAX_TARGETS];
	unsigned ntov;
	int list, strict;
	int bench;                      /* enum bench_mode: bench, bench=forms */
	int console_semihosting;        /* console=semihosting */
	int vmm_words_skipped;          /* words before a standalone "--" were ignored */
	unsigned wire;                  /* wire=: enum wire_mode (lib/wire.h), 0 = tap */
};

/* Parse /chosen/bootargs. NULL on success, else a message for Bail out!. */
/* Is NAME in targets= (a comma-separated list; empty = every target)? */
int bootargs_target_selected(const struct config *cfg, const char *name);
const char *bootargs_parse(const char *args, struct config *cfg, char *err, unsigned errlen);
#endif
