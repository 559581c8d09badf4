#ifndef ISVWIRE_SELECT_H
#define ISVWIRE_SELECT_H
/* The ROM's case selection, computed on the host from the same sources
 * (lib/matrix.c, cases/, lib/bootargs.c). */
#include <stdint.h>
#include "matrix.h"

#define SEL_ID_MAX   112
#define SEL_TARGETS  2           /* the ROM's targets, in the ROM's order */

struct selection {
	unsigned n;                  /* selected cases */
	struct case_desc *cases;     /* [n] */
	unsigned char *target;       /* [n] index into names[] */
	char names[SEL_TARGETS][8];
	unsigned ntargets;
	char target_list[64];        /* "hole,gicd" */
	uint64_t fingerprint;
};

/* Parse bootargs words (space separated, as the ROM gets them) and select.
 * NULL on success, else a message. */
const char *selection_build(struct selection *s, const char *bootargs);
void selection_free(struct selection *s);
/* "TARGET/..." id of selected case n (1-based) */
void selection_id(const struct selection *s, unsigned n, char *buf, size_t len);
#endif
