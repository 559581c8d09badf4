/* Family acqrel: load-acquire/store-release. LDAR/STLR (all sizes),
 * LDLAR/STLLR (FEAT_LOR), LDAPR (FEAT_LRCPC), LDAPUR/STLUR with signed
 * forms and a signed 9-bit offset (FEAT_LRCPC2). Natural alignment is
 * required (no unaligned/page-crossing placement); ESR reports them with
 * ISV=1 and AR=1.
 *
 * Encoding (Arm ARM C4.1.94):
 *   LDAR/STLR/LDLAR/STLLR: size 001000 1 L 0 11111 o0 11111 Rn Rt
 *   LDAPR:                 size 111000 1 0 1 11111 1100 00 Rn Rt
 *   LDAPUR/STLUR:          size 011001 opc 0 imm9 00 Rn Rt               */
#include "fields.h"

#define AR_BASE      0x089f7c00u   /* STLLR, size 0 */
#define AR_LOAD      (1u << 22)
#define AR_ORDERED   (1u << 15)   /* o0: LDAR/STLR rather than LDLAR/STLLR */
#define LDAPR_BASE   0x38bfc000u
#define RCPC2_BASE   0x19000000u
#define SZ(s)        ((uint32_t)(s) << 30)
#define OPC(o)       ((uint32_t)(o) << 22)

#define ARF FF_ALIGN | FF_ISV1
/* The full matrix sweeps registers on the W and X forms (B/H and the named
 * exceptions get the default operands, limits and placements). */
#define SWEEP_WX(sz, except) (((sz) < 2 || (except)) ? FF_NOSWEEP : 0)
#define AR(mn, w, sz, l, o0, feat, q) \
	{ mn "-" #w, AR_BASE | SZ(sz) | ((l) ? AR_LOAD : 0) | ((o0) ? AR_ORDERED : 0), { F_RT, F_RN }, \
	  AM_NOOFFSET, 1 << (sz), 1, 0, ((l) ? FF_LOAD : FF_STORE) | ARF | SWEEP_WX(sz, !(o0)) | (q), feat, \
	  (sz) == 3 ? 8 : 4, \
	  mn " {t:" #w "}, " T_BASE, 0 }
#define LDAPR(mn, w, sz, q) \
	{ mn "-" #w, LDAPR_BASE | SZ(sz), { F_RT, F_RN }, AM_NOOFFSET, 1 << (sz), 1, 0, \
	  FF_LOAD | ARF | SWEEP_WX(sz, 0) | (q), \
	  FEAT_LRCPC, (sz) == 3 ? 8 : 4, mn " {t:" #w "}, " T_BASE, 0 }
#define RCPC2(mn, w, sz, opc, rw, fl) \
	{ mn "-" #w "-unscaled", RCPC2_BASE | SZ(sz) | OPC(opc), { F_RT, F_RN, F_IMM9 }, AM_UNSCALED, 1 << (sz), 1, 0, \
	  (fl) | ARF | SWEEP_WX(sz, (fl) & FF_SIGNED && (rw) == 4), FEAT_LRCPC2, rw, mn " {t:" #w "}, " T_OFF, 0 }

static const struct form acqrel_forms[] = {
	AR("stlrb", w, 0, 0, 1, FEAT_NONE, Q), AR("ldarb", w, 0, 1, 1, FEAT_NONE, 0),
	AR("stlrh", w, 1, 0, 1, FEAT_NONE, 0), AR("ldarh", w, 1, 1, 1, FEAT_NONE, Q),
	AR("stlr", w, 2, 0, 1, FEAT_NONE, 0),  AR("ldar", w, 2, 1, 1, FEAT_NONE, Q),
	AR("stlr", x, 3, 0, 1, FEAT_NONE, Q),  AR("ldar", x, 3, 1, 1, FEAT_NONE, 0),
	AR("stllrb", w, 0, 0, 0, FEAT_LOR, 0), AR("ldlarb", w, 0, 1, 0, FEAT_LOR, Q),
	AR("stllrh", w, 1, 0, 0, FEAT_LOR, 0), AR("ldlarh", w, 1, 1, 0, FEAT_LOR, 0),
	AR("stllr", w, 2, 0, 0, FEAT_LOR, Q),  AR("ldlar", w, 2, 1, 0, FEAT_LOR, 0),
	AR("stllr", x, 3, 0, 0, FEAT_LOR, 0),  AR("ldlar", x, 3, 1, 0, FEAT_LOR, 0),
	LDAPR("ldaprb", w, 0, 0), LDAPR("ldaprh", w, 1, 0), LDAPR("ldapr", w, 2, Q), LDAPR("ldapr", x, 3, 0),
	RCPC2("stlurb",   w, 0, 0, 4, FF_STORE | Q),
	RCPC2("ldapurb",  w, 0, 1, 4, FF_LOAD),
	RCPC2("ldapursb", x, 0, 2, 8, FF_LOAD | FF_SIGNED),
	RCPC2("ldapursb", w, 0, 3, 4, FF_LOAD | FF_SIGNED | Q),
	RCPC2("stlurh",   w, 1, 0, 4, FF_STORE),
	RCPC2("ldapurh",  w, 1, 1, 4, FF_LOAD),
	RCPC2("ldapursh", x, 1, 2, 8, FF_LOAD | FF_SIGNED),
	RCPC2("ldapursh", w, 1, 3, 4, FF_LOAD | FF_SIGNED),
	RCPC2("stlur",    w, 2, 0, 4, FF_STORE),
	RCPC2("ldapur",   w, 2, 1, 4, FF_LOAD | Q),
	RCPC2("ldapursw", x, 2, 2, 8, FF_LOAD | FF_SIGNED),
	RCPC2("stlur",    x, 3, 0, 8, FF_STORE),
	RCPC2("ldapur",   x, 3, 1, 8, FF_LOAD),
};

const struct family family_acqrel = { "acqrel", acqrel_forms, NFORMS(acqrel_forms) };
