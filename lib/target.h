#ifndef ISV_TARGET_H
#define ISV_TARGET_H
#include <stdint.h>
#include "platform.h"

#define TARGET_MAX       4
#define WINDOW_MAX_LEN   4096
#define NWIDTHS          4      /* 1, 2, 4, 8 bytes */
enum probe_state { PROBE_ABORT, PROBE_OK, PROBE_INCONSISTENT, PROBE_UNDEFINED, PROBE_DISABLED };

struct target {
	const char *name;
	uint64_t pa;               /* window start (physical) */
	uint32_t len;              /* window length in bytes */
	uint64_t va;               /* window start, Device alias */
	uint64_t nc_va;            /* window start, Normal-NC alias */
	uint8_t *lead;             /* RAM page mapped just before the window page */
	/* probe results */
	/* per width: PROBE_ABORT, PROBE_OK, PROBE_INCONSISTENT (works but
	 * disagrees), PROBE_UNDEFINED (the architecture defines no such access:
	 * not probed), PROBE_DISABLED (noprobe=) */
	uint8_t read_ok[NWIDTHS], write_ok[NWIDTHS];
	uint8_t ua_read_ok[NWIDTHS], ua_write_ok[NWIDTHS]; /* the same at an unaligned address */
	uint64_t read_esr[NWIDTHS], write_esr[NWIDTHS];
	int aborts_all;            /* every ISV=1 read aborts */
	int stable;                /* reads repeat */
	uint8_t wmask[WINDOW_MAX_LEN];   /* bits that follow writes, per byte */
	uint8_t mirror[WINDOW_MAX_LEN];  /* what the target holds */
	unsigned best_width;
	int stale;                 /* reads do not return what was written (last-write-wins, incoherent) */
	const char *arch;          /* what the architecture defines for the window (NULL: any access) */
	int mask_disabled;         /* noprobe=TARGET:mask */
	unsigned findings;         /* probe anomalies printed as '# finding:' */       /* widest width whose reads and writes work */
};

/* Build the targets (hole, gicd) from the platform and the config; map
 * their aliases; probe them with ISV=1 accesses. Returns NULL or a Bail
 * out! reason. */
struct config;
const char *targets_setup(const struct platform *p, const struct config *cfg, char *err, unsigned errlen);
unsigned targets_count(void);
struct target *target_get(unsigned i);
/* Read back [off, off+n) of the window into buf (guarded, best width);
 * returns 0 or -1 if a read faulted. */
int target_readback(struct target *t, uint32_t off, uint32_t n, uint8_t *buf);
unsigned width_index(unsigned bytes);
#endif
