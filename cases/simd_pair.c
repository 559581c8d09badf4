/* Family simd-pair: LDP/STP/LDNP/STNP of S, D and Q registers; post, pre,
 * signed offset. ISV=0 (V registers, pairs).
 *
 * Encoding (Arm ARM C4.1.94, "Load/store register pair", V[26]=1):
 *   opc[31:30] (00 S, 01 D, 10 Q) 101 1 0 idx[24:23] L[22] imm7 Rt2 Rn Rt */
#include "fields.h"

#define VP_BASE      0x2c000000u
#define VP_OPC(o)    ((uint32_t)(o) << 30)
#define VP_IDX(i)    ((uint32_t)(i) << 23)
#define VP_LOAD      (1u << 22)
#define IDX_NA       0
#define IDX_POST     1
#define IDX_OFF      2
#define IDX_PRE      3

#define VPAIR(mn, r, opc, l, idx, mode, am, lg, fl, fmt) \
	{ mn "-" #r "-" mode, VP_BASE | VP_OPC(opc) | VP_IDX(idx) | ((l) ? VP_LOAD : 0), \
	  { F_RT, F_RT2, F_RN, F_IMM7 }, am, 1 << (lg), 2, lg, \
	  (fl) | FF_SIMD | FF_PAIR | ((l) ? FF_LOAD : FF_STORE) | \
	  ((idx == IDX_POST || idx == IDX_PRE) ? FF_WB : 0), FEAT_NONE, 1 << (lg), \
	  mn " {t:" #r "}, {t2:" #r "}, " fmt, 0 }

#define VPAIRS(r, opc, lg, qst, qld, sw) \
	VPAIR("stp",  r, opc, 0, IDX_POST, "post", AM_POST,   lg, (qst) | (sw), T_POST), \
	VPAIR("stp",  r, opc, 0, IDX_PRE,  "pre",  AM_PRE,    lg, FF_NOSWEEP, T_PRE), \
	VPAIR("stp",  r, opc, 0, IDX_OFF,  "off",  AM_OFFSET, lg, FF_NOSWEEP, T_OFF), \
	VPAIR("ldp",  r, opc, 1, IDX_POST, "post", AM_POST,   lg, (sw), T_POST), \
	VPAIR("ldp",  r, opc, 1, IDX_PRE,  "pre",  AM_PRE,    lg, (qld) | FF_NOSWEEP, T_PRE), \
	VPAIR("ldp",  r, opc, 1, IDX_OFF,  "off",  AM_OFFSET, lg, (qst) | FF_NOSWEEP, T_OFF), \
	VPAIR("stnp", r, opc, 0, IDX_NA,   "off",  AM_OFFSET, lg, FF_NOSWEEP, T_OFF), \
	VPAIR("ldnp", r, opc, 1, IDX_NA,   "off",  AM_OFFSET, lg, (qld) | FF_NOSWEEP, T_OFF)

static const struct form simd_pair_forms[] = {
	VPAIRS(s, 0, 2, Q, 0, FF_NOSWEEP),
	VPAIRS(d, 1, 3, 0, Q, FF_NOSWEEP),
	VPAIRS(q, 2, 4, Q, Q, 0),
};

const struct family family_simd_pair = { "simd-pair", simd_pair_forms, NFORMS(simd_pair_forms) };
