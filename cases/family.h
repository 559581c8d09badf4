/* The case model. A family (one file in cases/) is a table of forms, each
 * an encoding template with named fields (QEMU decodetree style), plus how
 * the generic variant generator should sweep its operands. No code per
 * mnemonic: lib/encode.c fills any form, lib/matrix.c enumerates variants.
 * Host-compilable (tests/host builds it with the host cc). */
#ifndef ISV_FAMILY_H
#define ISV_FAMILY_H
#include <stdint.h>

/* Operands a field can carry */
enum operand {
	OP_NONE, OP_RT, OP_RT2, OP_RN, OP_RM, OP_RS,
	OP_IMM,        /* the immediate, encoded as imm >> form.scale */
	OP_OPTION,     /* register-offset extend option (3 bits) */
	OP_S,          /* register-offset shift bit */
	OP_LANE,       /* SIMD lane index, split over Q:S:size fields by the form */
};

/* Field flags */
#define FLD_SIGNED   (1u << 0)   /* two's complement immediate */
#define FLD_PART     (1u << 1)   /* low part of a split operand: masked, not range checked */
#define FLD_NO31     (1u << 2)   /* never 31 in the sweep (31 is XZR where an address is needed, or unallocated) */

struct field {
	uint8_t op;      /* enum operand */
	uint8_t lsb;
	uint8_t width;
	uint8_t flags;
	uint8_t vshift;  /* the field holds operand >> vshift (a lane split over Q:S:size) */
};

/* Addressing modes: the words used in case ids */
enum addr_mode { AM_OFFSET, AM_PRE, AM_POST, AM_UNSCALED, AM_REGISTER, AM_NOOFFSET, AM_POSTREG };

/* Form flags */
#define FF_LOAD      (1u << 0)
#define FF_STORE     (1u << 1)
#define FF_SIGNED    (1u << 2)   /* sign-extending load */
#define FF_ISV1      (1u << 3)   /* reported with ISV=1: a control */
#define FF_SIMD      (1u << 4)   /* Rt/Rt2 are V registers */
#define FF_PAIR      (1u << 5)   /* Rt2 used */
#define FF_QUICK     (1u << 6)   /* in matrix=quick */
#define FF_WB        (1u << 7)   /* base writeback */
#define FF_RS        (1u << 8)   /* Rs used (status / compare register) */
#define FF_NOTRANSFER (1u << 9)  /* cache maintenance / prefetch: no data */
#define FF_UNPRIV    (1u << 10)  /* LDTR/STTR */
#define FF_ZVA       (1u << 11)  /* DC ZVA: stores zeros to the DCZID block (size known at run time) */
#define FF_EVEN      (1u << 12)  /* Rt and Rs name even-odd register pairs (CASP) */
#define FF_NOSWEEP   (1u << 13)  /* full matrix: no register sweep (a sibling form sweeps) */
#define FF_NODEVICE  (1u << 14)  /* never accesses Device memory (SVE non-fault load) */
#define FF_RSADDR    (1u << 15)  /* Rs is a second address register (MOPS CPY source) */
#define FF_MOPS      (1u << 16)  /* Rd, Rs, Rn distinct and not 31, else CONSTRAINED UNPREDICTABLE */
#define FF_EXCL      (1u << 17)  /* exclusive: the cell clears the monitor first (startup/cell.S) */
#define FF_SVE       (1u << 18)  /* Z registers, governed by p0 (the case's predicate variant), VL = 128 (lib/cell.c) */
#define FF_RT8       (1u << 19)  /* Rt..Rt+7 transferred (LS64): Rt even and <= 22 */
#define FF_ALIGN     (1u << 20)  /* natural alignment required: no unaligned or page-crossing placement */
#define FF_MERGE     (1u << 21)  /* consecutive elements of a register may be accessed 8 bytes at a time */
#define FF_FIRSTFAULT (1u << 22) /* SVE first-fault: only the first element must be read from MMIO; FFR
                                  * (not compared) says which others were, unread ones are free */
#define FF_CAS       (1u << 23)  /* CAS/CASP: Rs is the compare value (lib/inputs.c can make it equal memory) */

/* Features a form may need (checked against ID registers at run time) */
enum feature { FEAT_NONE, FEAT_LSE, FEAT_LRCPC, FEAT_LRCPC2, FEAT_LOR, FEAT_MOPS, FEAT_LS64, FEAT_SVE };

#define FORM_FIELDS 6

struct form {
	const char *name;        /* "ldr-w-post": mnemonic-width-mode, unique in family */
	uint32_t bits;           /* fixed bits of the encoding */
	struct field f[FORM_FIELDS];
	uint8_t mode;            /* enum addr_mode */
	uint8_t esize;           /* bytes per element (the width of each single access) */
	uint8_t nelem;           /* elements transferred (pair = 2) */
	uint8_t scale;           /* log2 of the immediate's unit */
	uint32_t flags;          /* FF_* */
	uint8_t feature;         /* enum feature */
	uint8_t regwidth;        /* destination/source register width in bytes (W=4, X=8, B..Q) */
	const char *asm_fmt;     /* objdump-style text, see lib/encode.c */
	uint8_t nregs;           /* registers in a SIMD list (structures), 0 = 1 */
};

/* One concrete case of a form */
struct operands {
	uint8_t rt, rt2, rn, rm, rs;
	uint8_t option, s, lane;
	int64_t imm;             /* byte offset (already scaled) */
};

struct family {
	const char *name;        /* "ldst-imm" */
	const struct form *forms;
	unsigned nforms;
};

/* Every family, in matrix order (cases/families.c). */
extern const struct family *const all_families[];
extern const unsigned n_families;
#endif
