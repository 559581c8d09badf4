/* Family ls64 (FEAT_LS64/_V/_ACCDATA): 64-byte single-copy-atomic loads and
 * stores of Xt..Xt+7, and the ST64BV/ST64BV0 status register Xs. Made for
 * Device memory; without FEAT_LS64 in ID_AA64ISAR1_EL1 every case is a skip.
 *
 * Encoding (Arm ARM C6.2): 11111000 001 Rs 1 opc[14:12] 00 Rn Rt
 *   LD64B Rs=11111 opc=101, ST64B Rs=11111 opc=001, ST64BV opc=011,
 *   ST64BV0 opc=010.                                                        */
#include "fields.h"

#define LD64B        0xf83fd000u
#define ST64B        0xf83f9000u
#define ST64BV       0xf820b000u
#define ST64BV0      0xf820a000u
#define LS64_BYTES   64

#define LS64F FF_RT8 | FF_ALIGN
static const struct form ls64_forms[] = {
	{ "ld64b", LD64B, { F_RT, F_RN }, AM_NOOFFSET, LS64_BYTES, 1, 0, FF_LOAD | LS64F | Q, FEAT_LS64, 8,
	  "ld64b {t:x}, " T_BASE, 0 },
	{ "st64b", ST64B, { F_RT, F_RN }, AM_NOOFFSET, LS64_BYTES, 1, 0, FF_STORE | LS64F | Q, FEAT_LS64, 8,
	  "st64b {t:x}, " T_BASE, 0 },
	{ "st64bv", ST64BV, { F_RT, F_RN, F_RS }, AM_NOOFFSET, LS64_BYTES, 1, 0, FF_STORE | FF_RS | LS64F | Q,
	  FEAT_LS64, 8, "st64bv {s:x}, {t:x}, " T_BASE, 0 },
	{ "st64bv0", ST64BV0, { F_RT, F_RN, F_RS }, AM_NOOFFSET, LS64_BYTES, 1, 0, FF_STORE | FF_RS | LS64F | Q,
	  FEAT_LS64, 8, "st64bv0 {s:x}, {t:x}, " T_BASE, 0 },
};

const struct family family_ls64 = { "ls64", ls64_forms, NFORMS(ls64_forms) };
