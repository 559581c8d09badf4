/* Family simd: LDR/STR of one SIMD&FP register B/H/S/D/Q in every
 * addressing mode. ESR has no syndrome for V registers: every form is
 * ISV=0. A load writes the whole 128-bit register (zeroing above the
 * element); the judge compares all 128 bits of every V register.
 *
 * Encoding (Arm ARM C4.1.94): size[31:30] 111 V[26]=1 ... opc[23:22]
 *   imm9 forms 0x3c000000 (idx[11:10]), unsigned offset 0x3d000000,
 *   register offset 0x3c200800. Q: size=00, opc<1>=1.                    */
#include "fields.h"

#define SIMD_IMM9     0x3c000000u
#define SIMD_UIMM12   0x3d000000u
#define SIMD_REG      0x3c200800u
#define V_SIZE(s)     ((uint32_t)(s) << 30)
#define V_OPC(o)      ((uint32_t)(o) << 22)
#define IDX_UNSCALED  (0u << 10)
#define IDX_POST      (1u << 10)
#define IDX_PRE       (3u << 10)

/* mn/umn: ldr/ldur or str/stur; r: register letter; sz: size field; opc;
 * lg: log2 bytes; fl: load/store; qmask: FF_QUICK for post,pre,off,unscaled,reg;
 * The full matrix sweeps registers on post-index B, S and Q. */
#define VOP(mn, umn, r, sz, opc, lg, fl, qpost, qpre, qoff, qun, qreg) \
	{ mn "-" #r "-post", SIMD_IMM9 | V_SIZE(sz) | V_OPC(opc) | IDX_POST, { F_RT, F_RN, F_IMM9 }, \
	  AM_POST, 1 << (lg), 1, 0, (fl) | FF_SIMD | FF_WB | ((lg) == 1 || (lg) == 3 ? FF_NOSWEEP : 0) | (qpost), \
	  FEAT_NONE, 1 << (lg), \
	  mn " {t:" #r "}, " T_POST, 0 }, \
	{ mn "-" #r "-pre", SIMD_IMM9 | V_SIZE(sz) | V_OPC(opc) | IDX_PRE, { F_RT, F_RN, F_IMM9 }, \
	  AM_PRE, 1 << (lg), 1, 0, (fl) | FF_SIMD | FF_WB | FF_NOSWEEP | (qpre), FEAT_NONE, 1 << (lg), \
	  mn " {t:" #r "}, " T_PRE, 0 }, \
	{ mn "-" #r "-off", SIMD_UIMM12 | V_SIZE(sz) | V_OPC(opc), { F_RT, F_RN, F_IMM12 }, \
	  AM_OFFSET, 1 << (lg), 1, lg, (fl) | FF_SIMD | FF_NOSWEEP | (qoff), FEAT_NONE, 1 << (lg), \
	  mn " {t:" #r "}, " T_OFF, 0 }, \
	{ umn "-" #r "-unscaled", SIMD_IMM9 | V_SIZE(sz) | V_OPC(opc) | IDX_UNSCALED, { F_RT, F_RN, F_IMM9 }, \
	  AM_UNSCALED, 1 << (lg), 1, 0, (fl) | FF_SIMD | FF_NOSWEEP | (qun), FEAT_NONE, 1 << (lg), \
	  umn " {t:" #r "}, " T_OFF, 0 }, \
	{ mn "-" #r "-register", SIMD_REG | V_SIZE(sz) | V_OPC(opc), { F_RT, F_RN, F_RM, F_OPTION, F_S }, \
	  AM_REGISTER, 1 << (lg), 1, lg, (fl) | FF_SIMD | FF_NOSWEEP | (qreg), FEAT_NONE, 1 << (lg), \
	  mn " {t:" #r "}, " T_REG, 0 }

static const struct form simd_forms[] = {
	VOP("str", "stur", b, 0, 0, 0, FF_STORE, Q, 0, 0, 0, 0),
	VOP("ldr", "ldur", b, 0, 1, 0, FF_LOAD,  0, 0, 0, Q, Q),
	VOP("str", "stur", h, 1, 0, 1, FF_STORE, 0, Q, 0, 0, 0),
	VOP("ldr", "ldur", h, 1, 1, 1, FF_LOAD,  Q, 0, 0, 0, 0),
	VOP("str", "stur", s, 2, 0, 2, FF_STORE, 0, 0, Q, 0, 0),
	VOP("ldr", "ldur", s, 2, 1, 2, FF_LOAD,  Q, 0, 0, 0, Q),
	VOP("str", "stur", d, 3, 0, 3, FF_STORE, Q, 0, 0, 0, 0),
	VOP("ldr", "ldur", d, 3, 1, 3, FF_LOAD,  0, Q, Q, 0, 0),
	VOP("str", "stur", q, 0, 2, 4, FF_STORE, Q, 0, 0, Q, 0),
	VOP("ldr", "ldur", q, 0, 3, 4, FF_LOAD,  Q, 0, Q, 0, Q),
};

const struct family family_simd = { "simd", simd_forms, NFORMS(simd_forms) };
