/* Family pair: LDP/STP W and X, LDPSW, LDNP/STNP; post, pre, signed offset.
 * Every form reports ISV=0 (no control exists for pairs).
 *
 * Encoding (Arm ARM C4.1.94, "Load/store register pair"):
 *   opc[31:30] 101 V[26]=0 0 idx[24:23] L[22] imm7[21:15] Rt2[14:10] Rn Rt
 *   idx: 00 no-allocate (LDNP/STNP), 01 post, 10 offset, 11 pre            */
#include "family.h"

#define LSP_BASE     0x28000000u
#define LSP_OPC(o)   ((uint32_t)(o) << 30)
#define LSP_IDX(i)   ((uint32_t)(i) << 23)
#define LSP_LOAD     (1u << 22)
#define IDX_NA       0
#define IDX_POST     1
#define IDX_OFF      2
#define IDX_PRE      3
#define OPC_W        0
#define OPC_SW       1
#define OPC_X        2

#define F_RT   { OP_RT, 0, 5, 0, 0 }
#define F_RT2  { OP_RT2, 10, 5, 0, 0 }
#define F_RN   { OP_RN, 5, 5, 0, 0 }
#define F_IMM7 { OP_IMM, 15, 7, FLD_SIGNED, 0 }

#define PAIR(mn, w, opc, l, idx, mode, sc, rw, fl, fmt) \
	{ mn "-" #w "-" mode, LSP_BASE | LSP_OPC(opc) | LSP_IDX(idx) | ((l) ? LSP_LOAD : 0), \
	  { F_RT, F_RT2, F_RN, F_IMM7 }, \
	  idx == IDX_POST ? AM_POST : idx == IDX_PRE ? AM_PRE : AM_OFFSET, \
	  1 << (sc), 2, sc, (fl) | FF_PAIR | ((idx == IDX_POST || idx == IDX_PRE) ? FF_WB : 0), \
	  FEAT_NONE, rw, mn " {t:" #w "}, {t2:" #w "}, " fmt, 0 }

#define POST "[{n}], {imm}"
#define PRE  "[{n}, {imm}]!"
#define OFF  "[{n}{,imm}]"
#define Q FF_QUICK
static const struct form pair_forms[] = {
	PAIR("stp",   w, OPC_W,  0, IDX_POST, "post", 2, 4, FF_STORE | Q, POST),
	PAIR("stp",   w, OPC_W,  0, IDX_PRE,  "pre",  2, 4, FF_STORE, PRE),
	PAIR("stp",   w, OPC_W,  0, IDX_OFF,  "off",  2, 4, FF_STORE | Q, OFF),
	PAIR("ldp",   w, OPC_W,  1, IDX_POST, "post", 2, 4, FF_LOAD | Q, POST),
	PAIR("ldp",   w, OPC_W,  1, IDX_PRE,  "pre",  2, 4, FF_LOAD | Q, PRE),
	PAIR("ldp",   w, OPC_W,  1, IDX_OFF,  "off",  2, 4, FF_LOAD | Q, OFF),
	PAIR("stp",   x, OPC_X,  0, IDX_POST, "post", 3, 8, FF_STORE, POST),
	PAIR("stp",   x, OPC_X,  0, IDX_PRE,  "pre",  3, 8, FF_STORE | Q, PRE),
	PAIR("stp",   x, OPC_X,  0, IDX_OFF,  "off",  3, 8, FF_STORE, OFF),
	PAIR("ldp",   x, OPC_X,  1, IDX_POST, "post", 3, 8, FF_LOAD | Q, POST),
	PAIR("ldp",   x, OPC_X,  1, IDX_PRE,  "pre",  3, 8, FF_LOAD, PRE),
	PAIR("ldp",   x, OPC_X,  1, IDX_OFF,  "off",  3, 8, FF_LOAD | Q, OFF),
	PAIR("ldpsw", x, OPC_SW, 1, IDX_POST, "post", 2, 8, FF_LOAD | FF_SIGNED | Q, POST),
	PAIR("ldpsw", x, OPC_SW, 1, IDX_PRE,  "pre",  2, 8, FF_LOAD | FF_SIGNED, PRE),
	PAIR("ldpsw", x, OPC_SW, 1, IDX_OFF,  "off",  2, 8, FF_LOAD | FF_SIGNED, OFF),
	PAIR("stnp",  w, OPC_W,  0, IDX_NA,   "off",  2, 4, FF_STORE | Q, OFF),
	PAIR("ldnp",  w, OPC_W,  1, IDX_NA,   "off",  2, 4, FF_LOAD, OFF),
	PAIR("stnp",  x, OPC_X,  0, IDX_NA,   "off",  3, 8, FF_STORE, OFF),
	PAIR("ldnp",  x, OPC_X,  1, IDX_NA,   "off",  3, 8, FF_LOAD | Q, OFF),
};
#undef Q

const struct family family_pair = {
	"pair", pair_forms, sizeof(pair_forms) / sizeof(pair_forms[0]),
};
