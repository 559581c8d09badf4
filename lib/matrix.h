#ifndef ISV_MATRIX_H
#define ISV_MATRIX_H
#include <stddef.h>
#include "family.h"

/* Placement variants beyond the plain one */
enum placement {
	PL_PLAIN,      /* access at the window start, Device mapping */
	PL_CROSS,      /* access straddles a page boundary into the target */
	PL_UNALIGNED,  /* access at +1, Normal non-cacheable alias */
	PL_BIGENDIAN,  /* data big-endian (cell at EL0 with SCTLR_EL1.E0E) */
	PL_BIGENDIAN_EL1, /* data big-endian (cell at EL1 with SCTLR_EL1.EE) */
	PL_EL1H,       /* cell at EL1h (SP_EL1 is its SP), base register SP */
};

/* Data variants of a case (lib/inputs.c gives each its data); the id says
 * which with a suffix, the default (VAR_NONE) has none. */
enum variant {
	VAR_NONE,      /* signed loads: every element's sign bit set; CAS: compare fails */
	VAR_POS,       /* "-pos": signed loads, every element's sign bit clear */
	VAR_CAS_EQ,    /* "-eq": CAS/CASP compare value equal to memory: the store runs */
	VAR_XM_NEG,    /* "-xmneg": post-index by a negative Xm */
	VAR_PRED_HALF, /* "-phalf": SVE, governing predicate true for the low half of the elements */
	VAR_PRED_IRR,  /* "-pirr": SVE, irregular governing predicate (PRED_IRREGULAR) */
	VAR_COUNT,
};

/* SVE vector lengths beyond 128 bits the matrix asks for (the CPU may offer
 * fewer: the judge skips those): every power of two up to the architecture's
 * 2048 bits. */
#define SVE_VQ_MAX 16

struct case_desc {
	uint16_t family, form;
	uint8_t placement;        /* enum placement */
	uint8_t variant;          /* enum variant */
	uint8_t vq;               /* SVE: vector length in quadwords ("-vlN"); 0 = 1, 128 bits */
	struct operands ops;
	uint64_t rm_val;          /* index register value (register offset / post-reg) */
	int64_t rn_off;           /* base register value minus the window start */
	int32_t off;              /* first byte accessed, relative to the window start */
	uint32_t bytes;           /* bytes the access touches (0 = none) */
	const char *skip;         /* static skip reason (CONSTRAINED UNPREDICTABLE ...) */
};

/* Enumerate the matrix: calls emit for each case in order. Returns count.
 * level: MATRIX_LEVEL_QUICK, _FULL (register sweeps on the representative
 * forms), _ALL (full, plus the sweep on every form). */
#define MATRIX_LEVEL_QUICK 0
#define MATRIX_LEVEL_FULL  1
#define MATRIX_LEVEL_ALL   2
typedef void (*case_sink)(const struct case_desc *c, void *arg);
unsigned matrix_enumerate(int level, case_sink emit, void *arg);
/* "ldst-imm/ldr-w-post/rt2-rn1-imm+4" (no target prefix) */
void case_id(const struct case_desc *c, char *buf, size_t len);
const struct form *case_form(const struct case_desc *c);
const struct family *case_family(const struct case_desc *c);
const char *mode_word(enum addr_mode m);
#endif
