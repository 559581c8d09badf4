/* Family ldst-imm: LDR/STR/LDRB/LDRH/LDRSB/LDRSH/LDRSW, W and X, immediate
 * offset in all four addressing modes. Post/pre-index are the ISV=0 forms
 * Xen's decoder handles (post-index only); unsigned offset and unscaled
 * forms report ISV=1 and are the controls.
 *
 * Encoding (Arm ARM C4.1.94, "Load/store register (immediate ...)"):
 *   size[31:30] 111 V[26]=0 0 0|1 opc[23:22] ...
 *   unscaled/post/pre: 0 imm9[20:12] idx[11:10] Rn[9:5] Rt[4:0]
 *   unsigned offset:   bit24=1, imm12[21:10]                                   */
#include "family.h"

#define LS_IMM9      0x38000000u   /* size=0 opc=0, bit 24 clear */
#define LS_UIMM12    0x39000000u
#define LS_SIZE(s)   ((uint32_t)(s) << 30)
#define LS_OPC(o)    ((uint32_t)(o) << 22)
#define IDX_UNSCALED (0u << 10)
#define IDX_POST     (1u << 10)
#define IDX_PRE      (3u << 10)

#define F_RT  { OP_RT, 0, 5, 0, 0 }
#define F_RN  { OP_RN, 5, 5, 0, 0 }
#define F_IMM9  { OP_IMM, 12, 9, FLD_SIGNED, 0 }
#define F_IMM12 { OP_IMM, 10, 12, 0, 0 }

/* One load/store operation in its four addressing modes.
 *   mn/umn: mnemonic (and its unscaled spelling), w: register width letter,
 *   size: log2 bytes, opc, rw: register bytes, fl: FF_LOAD/FF_STORE/FF_SIGNED,
 *   q: FF_QUICK per mode (post, pre, off, unscaled) */
#define LS_OP(mn, umn, w, size, opc, rw, fl, qpost, qpre, qoff, qun) \
	{ mn "-" #w "-post", LS_IMM9 | LS_SIZE(size) | LS_OPC(opc) | IDX_POST, \
	  { F_RT, F_RN, F_IMM9 }, AM_POST, 1 << (size), 1, 0, (fl) | FF_WB | (qpost), FEAT_NONE, rw, \
	  mn " {t:" #w "}, [{n}], {imm}", 0 }, \
	{ mn "-" #w "-pre", LS_IMM9 | LS_SIZE(size) | LS_OPC(opc) | IDX_PRE, \
	  { F_RT, F_RN, F_IMM9 }, AM_PRE, 1 << (size), 1, 0, (fl) | FF_WB | (qpre), FEAT_NONE, rw, \
	  mn " {t:" #w "}, [{n}, {imm}]!", 0 }, \
	{ mn "-" #w "-off", LS_UIMM12 | LS_SIZE(size) | LS_OPC(opc), \
	  { F_RT, F_RN, F_IMM12 }, AM_OFFSET, 1 << (size), 1, size, (fl) | FF_ISV1 | (qoff), FEAT_NONE, rw, \
	  mn " {t:" #w "}, [{n}{,imm}]", 0 }, \
	{ umn "-" #w "-unscaled", LS_IMM9 | LS_SIZE(size) | LS_OPC(opc) | IDX_UNSCALED, \
	  { F_RT, F_RN, F_IMM9 }, AM_UNSCALED, 1 << (size), 1, 0, (fl) | FF_ISV1 | (qun), FEAT_NONE, rw, \
	  umn " {t:" #w "}, [{n}{,imm}]", 0 }

#define Q FF_QUICK
static const struct form ldst_imm_forms[] = {
	LS_OP("strb",  "sturb",  w, 0, 0, 4, FF_STORE,            Q, 0, 0, 0),
	LS_OP("ldrb",  "ldurb",  w, 0, 1, 4, FF_LOAD,             Q, 0, 0, 0),
	LS_OP("ldrsb", "ldursb", x, 0, 2, 8, FF_LOAD | FF_SIGNED, Q, 0, 0, 0),
	LS_OP("ldrsb", "ldursb", w, 0, 3, 4, FF_LOAD | FF_SIGNED, Q, Q, 0, 0),
	LS_OP("strh",  "sturh",  w, 1, 0, 4, FF_STORE,            Q, 0, 0, 0),
	LS_OP("ldrh",  "ldurh",  w, 1, 1, 4, FF_LOAD,             Q, 0, Q, 0),
	LS_OP("ldrsh", "ldursh", x, 1, 2, 8, FF_LOAD | FF_SIGNED, Q, 0, 0, 0),
	LS_OP("ldrsh", "ldursh", w, 1, 3, 4, FF_LOAD | FF_SIGNED, Q, 0, 0, 0),
	LS_OP("str",   "stur",   w, 2, 0, 4, FF_STORE,            Q, Q, Q, Q),
	LS_OP("ldr",   "ldur",   w, 2, 1, 4, FF_LOAD,             Q, Q, Q, 0),
	LS_OP("ldrsw", "ldursw", x, 2, 2, 8, FF_LOAD | FF_SIGNED, Q, 0, 0, 0),
	LS_OP("str",   "stur",   x, 3, 0, 8, FF_STORE,            Q, Q, 0, 0),
	LS_OP("ldr",   "ldur",   x, 3, 1, 8, FF_LOAD,             Q, Q, 0, Q),
};
#undef Q

const struct family family_ldst_imm = {
	"ldst-imm", ldst_imm_forms, sizeof(ldst_imm_forms) / sizeof(ldst_imm_forms[0]),
};
