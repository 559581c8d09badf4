/* Family excl: load/store exclusive, single and pair, plain and
 * acquire/release. The status register of a store-exclusive is checked
 * state like any other register.
 *
 * The exclusive monitor in a one-instruction cell: startup/cell.S executes
 * CLREX before entering the cell, so no monitor is ever armed and every
 * store-exclusive must fail - status 1, memory unchanged - on RAM (the
 * oracle) and on the target. A hypervisor that emulates a trapped STXR as
 * a successful store (status 0, data written) is graded corrupt; one that
 * injects an abort is graded abort. Exclusives need natural alignment, so
 * no unaligned or page-crossing placement exists.
 *
 * Encoding (Arm ARM C4.1.94, "Load/store exclusive register/pair"):
 *   size[31:30] 001000 o2=0 L[22] o1[21] Rs[20:16] o0[15] Rt2[14:10] Rn Rt
 *   unused Rs/Rt2 fields are 11111. A pair is one single-copy-atomic access
 *   of twice the register size (esize below): LDXP W is a 64-bit access.  */
#include "fields.h"

#define EX_BASE      0x08000000u
#define EX_SIZE(s)   ((uint32_t)(s) << 30)
#define EX_LOAD      (1u << 22)
#define EX_PAIR      (1u << 21)
#define EX_ORDERED   (1u << 15)   /* o0: acquire (load) / release (store) */
#define EX_NO_RS     (0x1fu << 16)
#define EX_NO_RT2    (0x1fu << 10)

#define EXF FF_EXCL | FF_ALIGN
/* Register sweep on the W and X forms without ordering */
#define EXSW(sz, o) (((sz) < 2 || (o)) ? FF_NOSWEEP : 0)
/* mn, width letter, size field, bytes, ordered */
#define LDX(mn, w, sz, b, o, q) \
	{ mn "-" #w, EX_BASE | EX_SIZE(sz) | EX_LOAD | EX_NO_RS | EX_NO_RT2 | ((o) ? EX_ORDERED : 0), \
	  { F_RT, F_RN }, AM_NOOFFSET, b, 1, 0, FF_LOAD | EXF | EXSW(sz, o) | (q), FEAT_NONE, (b) > 4 ? 8 : 4, \
	  mn " {t:" #w "}, " T_BASE, 0 }
#define STX(mn, w, sz, b, o, q) \
	{ mn "-" #w, EX_BASE | EX_SIZE(sz) | EX_NO_RT2 | ((o) ? EX_ORDERED : 0), \
	  { F_RT, F_RN, F_RS }, AM_NOOFFSET, b, 1, 0, FF_STORE | FF_RS | EXF | EXSW(sz, o) | (q), FEAT_NONE, \
	  (b) > 4 ? 8 : 4, \
	  mn " {s:w}, {t:" #w "}, " T_BASE, 0 }
#define LDXP(mn, w, sz, b, o, q) \
	{ mn "-" #w, EX_BASE | EX_SIZE(sz) | EX_LOAD | EX_PAIR | EX_NO_RS | ((o) ? EX_ORDERED : 0), \
	  { F_RT, F_RN, F_RT2 }, AM_NOOFFSET, 2 * (b), 1, 0, FF_LOAD | FF_PAIR | EXF | EXSW(sz, o) | (q), FEAT_NONE, b, \
	  mn " {t:" #w "}, {t2:" #w "}, " T_BASE, 0 }
#define STXP(mn, w, sz, b, o, q) \
	{ mn "-" #w, EX_BASE | EX_SIZE(sz) | EX_PAIR | ((o) ? EX_ORDERED : 0), \
	  { F_RT, F_RN, F_RS, F_RT2 }, AM_NOOFFSET, 2 * (b), 1, 0, FF_STORE | FF_PAIR | FF_RS | EXF | EXSW(sz, o) | (q), \
	  FEAT_NONE, b, \
	  mn " {s:w}, {t:" #w "}, {t2:" #w "}, " T_BASE, 0 }

static const struct form excl_forms[] = {
	LDX("ldxrb", w, 0, 1, 0, Q),  LDX("ldaxrb", w, 0, 1, 1, 0),
	LDX("ldxrh", w, 1, 2, 0, 0),  LDX("ldaxrh", w, 1, 2, 1, Q),
	LDX("ldxr", w, 2, 4, 0, Q),   LDX("ldaxr", w, 2, 4, 1, 0),
	LDX("ldxr", x, 3, 8, 0, 0),   LDX("ldaxr", x, 3, 8, 1, Q),
	STX("stxrb", w, 0, 1, 0, 0),  STX("stlxrb", w, 0, 1, 1, Q),
	STX("stxrh", w, 1, 2, 0, Q),  STX("stlxrh", w, 1, 2, 1, 0),
	STX("stxr", w, 2, 4, 0, Q),   STX("stlxr", w, 2, 4, 1, 0),
	STX("stxr", x, 3, 8, 0, 0),   STX("stlxr", x, 3, 8, 1, Q),
	LDXP("ldxp", w, 2, 4, 0, Q),  LDXP("ldaxp", w, 2, 4, 1, 0),
	LDXP("ldxp", x, 3, 8, 0, 0),  LDXP("ldaxp", x, 3, 8, 1, Q),
	STXP("stxp", w, 2, 4, 0, 0),  STXP("stlxp", w, 2, 4, 1, Q),
	STXP("stxp", x, 3, 8, 0, Q),  STXP("stlxp", x, 3, 8, 1, 0),
};

const struct family family_excl = { "excl", excl_forms, NFORMS(excl_forms) };
