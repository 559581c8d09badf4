/* Family ldst-reg: LDR/STR/LDRB/LDRH/LDRSB/LDRSH/LDRSW, W and X, register
 * offset [Xn, Xm{, LSL|UXTW|SXTW|SXTX #s}]. No writeback: these report
 * ISV=1 and are controls for the decoders' base + index arithmetic.
 *
 * Encoding (Arm ARM C4.1.94, "Load/store register (register offset)"):
 *   size[31:30] 111 V[26]=0 00 opc[23:22] 1 Rm option[15:13] S[12] 10 Rn Rt */
#include "fields.h"

#define LSR_BASE     0x38200800u
#define LS_SIZE(s)   ((uint32_t)(s) << 30)
#define LS_OPC(o)    ((uint32_t)(o) << 22)

/* mn, register width letter, log2 size, opc, register bytes, flags. The
 * full matrix sweeps registers on the W and X sizes. */
#define LSR(mn, w, size, opc, rw, fl) \
	{ mn "-" #w "-register", LSR_BASE | LS_SIZE(size) | LS_OPC(opc), \
	  { F_RT, F_RN, F_RM, F_OPTION, F_S }, AM_REGISTER, 1 << (size), 1, size, \
	  (fl) | FF_ISV1 | ((size) < 2 ? FF_NOSWEEP : 0), FEAT_NONE, rw, \
	  mn " {t:" #w "}, " T_REG, 0 }

static const struct form ldst_reg_forms[] = {
	LSR("strb",  w, 0, 0, 4, FF_STORE | Q),
	LSR("ldrb",  w, 0, 1, 4, FF_LOAD),
	LSR("ldrsb", x, 0, 2, 8, FF_LOAD | FF_SIGNED),
	LSR("ldrsb", w, 0, 3, 4, FF_LOAD | FF_SIGNED | Q),
	LSR("strh",  w, 1, 0, 4, FF_STORE),
	LSR("ldrh",  w, 1, 1, 4, FF_LOAD | Q),
	LSR("ldrsh", x, 1, 2, 8, FF_LOAD | FF_SIGNED),
	LSR("ldrsh", w, 1, 3, 4, FF_LOAD | FF_SIGNED),
	LSR("str",   w, 2, 0, 4, FF_STORE),
	LSR("ldr",   w, 2, 1, 4, FF_LOAD | Q),
	LSR("ldrsw", x, 2, 2, 8, FF_LOAD | FF_SIGNED | Q),
	LSR("str",   x, 3, 0, 8, FF_STORE | Q),
	LSR("ldr",   x, 3, 1, 8, FF_LOAD),
};

const struct family family_ldst_reg = { "ldst-reg", ldst_reg_forms, NFORMS(ldst_reg_forms) };
