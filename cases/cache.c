/* Family cache: DC ZVA (zeroes the DCZID_EL0 block around the address; the
 * judge widens the footprint at run time), DC CIVAC/CVAC/CVAU/IVAC to the
 * target (no data: expected to complete as a no-op - registers, PC and the
 * target bytes unchanged), PRFM/PRFUM (a hint: must not fault).
 *
 * Encoding (Arm ARM C5.3, "DC"; C6.2, "PRFM"):
 *   DC: SYS #op1, C7, Cm, #op2, Xt = 0xd5080000 | op1 << 16 | CRm << 8 | op2 << 5 | Xt
 *   PRFM imm: 0xf9800000 | imm12 << 10, PRFUM: 0xf8800000 | imm9 << 12,
 *   PRFM reg: 0xf8a00800 | Rm, option, S; Rt is the prefetch operation.   */
#include "fields.h"

#define DC_ZVA       0xd50b7420u
#define DC_CIVAC     0xd50b7e20u
#define DC_CVAC      0xd50b7a20u
#define DC_CVAU      0xd50b7b20u
#define DC_IVAC      0xd5087620u
#define PRFM_IMM     0xf9800000u
#define PRFUM        0xf8800000u
#define PRFM_REG     0xf8a00800u
#define PLDL1KEEP    0x00u
#define PSTL1STRM    0x11u
#define ZVA_NOMINAL  64          /* bytes; the real block size comes from DCZID_EL0 */

#define F_XT_BASE    { OP_RN, 0, 5, FLD_NO31, 0 }   /* DC's Xt is the address */

#define DC(mn, bits, q) \
	{ "dc-" mn, bits, { F_XT_BASE }, AM_NOOFFSET, 1, 1, 0, FF_NOTRANSFER | (q), FEAT_NONE, 8, \
	  "dc " mn ", {n:x}", 0 }
#define PRF(name, bits, op, opname, f2, f3, f4, am, sc, fmt, q) \
	{ name, (bits) | (op), { F_RN, f2, f3, f4 }, am, 8, 1, sc, FF_NOTRANSFER | (q), FEAT_NONE, 8, \
	  opname fmt, 0 }
#define NOF { OP_NONE, 0, 0, 0, 0 }

static const struct form cache_forms[] = {
	{ "dc-zva", DC_ZVA, { F_XT_BASE }, AM_NOOFFSET, 1, ZVA_NOMINAL, 0, FF_ZVA | FF_STORE | FF_ALIGN | Q, FEAT_NONE, 8,
	  "dc zva, {n:x}", 0 },
	DC("civac", DC_CIVAC, Q),
	DC("cvac", DC_CVAC, Q),
	DC("cvau", DC_CVAU, Q),
	DC("ivac", DC_IVAC, Q),
	PRF("prfm-pldl1keep-off", PRFM_IMM, PLDL1KEEP, "prfm pldl1keep, ", F_IMM12, NOF, NOF, AM_OFFSET, 3, T_OFF, Q),
	PRF("prfm-pstl1strm-off", PRFM_IMM, PSTL1STRM, "prfm pstl1strm, ", F_IMM12, NOF, NOF, AM_OFFSET, 3, T_OFF, 0),
	PRF("prfum-pldl1keep-unscaled", PRFUM, PLDL1KEEP, "prfum pldl1keep, ", F_IMM9, NOF, NOF, AM_UNSCALED, 0,
	    T_OFF, Q),
	PRF("prfm-pldl1keep-register", PRFM_REG, PLDL1KEEP, "prfm pldl1keep, ", F_RM, F_OPTION, F_S, AM_REGISTER, 3,
	    T_REG, Q),
};

const struct family family_cache = { "cache", cache_forms, NFORMS(cache_forms) };
