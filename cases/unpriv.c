/* Family unpriv: LDTR/STTR and their byte, halfword and signed forms. At
 * EL1 they access memory with EL0 permissions (the target aliases are EL0
 * accessible). Single register, no writeback: ISV=1 controls.
 *
 * Encoding (Arm ARM C4.1.94, "Load/store register (unprivileged)"):
 *   size[31:30] 111 V=0 00 opc[23:22] 0 imm9[20:12] 10 Rn Rt */
#include "fields.h"

#define LDTR_BASE    0x38000800u
#define LS_SIZE(s)   ((uint32_t)(s) << 30)
#define LS_OPC(o)    ((uint32_t)(o) << 22)

/* The full matrix sweeps registers on the W and X sizes. */
#define LDT(mn, w, size, opc, rw, fl) \
	{ mn "-" #w "-unscaled", LDTR_BASE | LS_SIZE(size) | LS_OPC(opc), \
	  { F_RT, F_RN, F_IMM9 }, AM_UNSCALED, 1 << (size), 1, 0, \
	  (fl) | FF_UNPRIV | FF_ISV1 | ((size) < 2 ? FF_NOSWEEP : 0), FEAT_NONE, rw, \
	  mn " {t:" #w "}, " T_OFF, 0 }

static const struct form unpriv_forms[] = {
	LDT("sttrb",  w, 0, 0, 4, FF_STORE | Q),
	LDT("ldtrb",  w, 0, 1, 4, FF_LOAD),
	LDT("ldtrsb", x, 0, 2, 8, FF_LOAD | FF_SIGNED),
	LDT("ldtrsb", w, 0, 3, 4, FF_LOAD | FF_SIGNED | Q),
	LDT("sttrh",  w, 1, 0, 4, FF_STORE),
	LDT("ldtrh",  w, 1, 1, 4, FF_LOAD | Q),
	LDT("ldtrsh", x, 1, 2, 8, FF_LOAD | FF_SIGNED),
	LDT("ldtrsh", w, 1, 3, 4, FF_LOAD | FF_SIGNED),
	LDT("sttr",   w, 2, 0, 4, FF_STORE),
	LDT("ldtr",   w, 2, 1, 4, FF_LOAD | Q),
	LDT("ldtrsw", x, 2, 2, 8, FF_LOAD | FF_SIGNED),
	LDT("sttr",   x, 3, 0, 8, FF_STORE | Q),
	LDT("ldtr",   x, 3, 1, 8, FF_LOAD),
};

const struct family family_unpriv = { "unpriv", unpriv_forms, NFORMS(unpriv_forms) };
