/* Family mops (FEAT_MOPS): memory copy and set, prologue/main/epilogue,
 * each run alone as the cell's one instruction with a 16-byte count. CPY*
 * copies the window onto itself (Xs = Xd), SET* stores the low byte of Xs.
 * Without FEAT_MOPS in ID_AA64ISAR2_EL1 every case is a skip.
 *
 * Encoding (Arm ARM C6.2, CPYP/SETP...): sz=00 011 o0 01 op1[23:22] 0 Rs
 *   op2[15:12] 01 Rn Rd; Xd (destination address) bits 4:0, Xn (count)
 *   bits 9:5, Xs (source address / data) bits 20:16.                      */
#include "fields.h"

#define CPY_BASE     0x1d000400u
#define CPYF_BASE    0x19000400u
#define SET_BASE     0x19c00400u
#define MOPS_OP1(o)  ((uint32_t)(o) << 22)   /* CPY: 0 prologue, 1 main, 2 epilogue */
#define SET_OP2(o)   ((uint32_t)(o) << 14)   /* SET: 0 prologue, 1 main, 2 epilogue */
#define MOPS_COUNT   16

#define F_XD  { OP_RN, 0, 5, FLD_NO31, 0 }
#define F_XN  { OP_RM, 5, 5, 0, 0 }

#define MOPS(name, bits, fl, fmt, q) \
	{ name, bits, { F_XD, F_XN, F_RS }, AM_NOOFFSET, 1, MOPS_COUNT, 0, (fl) | FF_MOPS | FF_RS | FF_STORE | (q), \
	  FEAT_MOPS, 8, name " " fmt, 0 }
#define CPYT "[{n:x}]!, [{s:x}]!, {m:x}!"
#define SETT "[{n:x}]!, {m:x}!, {s:x}"
#define CPYF FF_LOAD | FF_RSADDR

static const struct form mops_forms[] = {
	MOPS("cpyp", CPY_BASE | MOPS_OP1(0), CPYF, CPYT, Q),
	MOPS("cpym", CPY_BASE | MOPS_OP1(1), CPYF | FF_NOSWEEP, CPYT, 0),
	MOPS("cpye", CPY_BASE | MOPS_OP1(2), CPYF | FF_NOSWEEP, CPYT, 0),
	MOPS("cpyfp", CPYF_BASE | MOPS_OP1(0), CPYF | FF_NOSWEEP, CPYT, 0),
	MOPS("cpyfm", CPYF_BASE | MOPS_OP1(1), CPYF | FF_NOSWEEP, CPYT, Q),
	MOPS("cpyfe", CPYF_BASE | MOPS_OP1(2), CPYF | FF_NOSWEEP, CPYT, 0),
	MOPS("setp", SET_BASE | SET_OP2(0), 0, SETT, Q),
	MOPS("setm", SET_BASE | SET_OP2(1), FF_NOSWEEP, SETT, 0),
	MOPS("sete", SET_BASE | SET_OP2(2), FF_NOSWEEP, SETT, 0),
};

const struct family family_mops = { "mops", mops_forms, NFORMS(mops_forms) };
