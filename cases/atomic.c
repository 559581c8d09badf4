/* Family atomic (FEAT_LSE): LDADD/LDCLR/LDEOR/LDSET/LDSMAX/LDSMIN/LDUMAX/
 * LDUMIN, SWP, CAS, CASP - every size and every ordering (none, A, L, AL).
 * Rt = 31 of the non-acquire LD<op> forms is the ST<op> alias, which the
 * register sweep reaches. Natural alignment is required. The full matrix
 * sweeps every register for the W and X forms without ordering; the others
 * get the default operands and the big-endian placement.
 *
 * Encoding (Arm ARM C4.1.94, "Atomic memory operations", "Compare and swap"):
 *   LD<op>/SWP: size 111000 A R 1 Rs o3 opc[14:12] 00 Rn Rt
 *   CAS:        size 0010001 L 1 Rs o0 11111 Rn Rt
 *   CASP:       0 sz 0010000 L 1 Rs o0 11111 Rn Rt   (Rs, Rt even pairs)  */
#include "fields.h"

#define AMO_BASE     0x38200000u
#define AMO_OPC(o)   ((uint32_t)(o) << 12)
#define AMO_SWP      (1u << 15)     /* o3 */
#define CAS_BASE     0x08a07c00u
#define CASP_BASE    0x08207c00u
#define ORD_A        (1u << 23)     /* LD<op>/SWP acquire */
#define ORD_R        (1u << 22)     /* LD<op>/SWP release */
#define CAS_A        (1u << 22)     /* CAS/CASP acquire (L) */
#define CAS_R        (1u << 15)     /* CAS/CASP release (o0) */
#define SZ(s)        ((uint32_t)(s) << 30)

#define AMF (FF_LOAD | FF_STORE | FF_RS | FF_ALIGN)
/* Register sweep: W and X forms without ordering; of the LD<op>s only LDADD
 * sweeps X (the other operations differ from it in opc alone). */
#define NOSW(sz, ord) (((sz) < 2 || (ord)) ? FF_NOSWEEP : 0)
#define NOSW_OP(bits, sz, ord) (NOSW(sz, ord) | (((bits) & AMO_OPC(7)) && (sz) == 3 ? FF_NOSWEEP : 0))

/* One LD<op>/SWP form: base bits, mnemonic root, order suffix and bits,
 * size suffix and field, register letter, alias text (or none). */
#define AMO(bits, root, os, ob, ss, sz, w, alias, q) \
	{ root os ss "-" #w, (bits) | SZ(sz) | (ob), { F_RT, F_RN, F_RS }, AM_NOOFFSET, 1 << (sz), 1, 0, \
	  AMF | NOSW_OP(bits, sz, ob) | (q), FEAT_LSE, (sz) == 3 ? 8 : 4, \
	  root os ss " {s:" #w "}, {t:" #w "}, " T_BASE alias, 0 }
#define ST_ALIAS(st, os, ss, w) "|" st os ss " {s:" #w "}, " T_BASE

/* Every size of one ordering */
#define AMO_SIZES(bits, root, st, os, ob, qsz) \
	AMO(bits, root, os, ob, "b", 0, w, ST_ALIAS(st, os, "b", w), (qsz) == 0 ? Q : 0), \
	AMO(bits, root, os, ob, "h", 1, w, ST_ALIAS(st, os, "h", w), (qsz) == 1 ? Q : 0), \
	AMO(bits, root, os, ob, "",  2, w, ST_ALIAS(st, os, "", w),  (qsz) == 2 ? Q : 0), \
	AMO(bits, root, os, ob, "",  3, x, ST_ALIAS(st, os, "", x),  (qsz) == 3 ? Q : 0)
#define AMO_NOALIAS(bits, root, os, ob, qsz) \
	AMO(bits, root, os, ob, "b", 0, w, "", (qsz) == 0 ? Q : 0), \
	AMO(bits, root, os, ob, "h", 1, w, "", (qsz) == 1 ? Q : 0), \
	AMO(bits, root, os, ob, "",  2, w, "", (qsz) == 2 ? Q : 0), \
	AMO(bits, root, os, ob, "",  3, x, "", (qsz) == 3 ? Q : 0)
/* Every ordering; the ST alias exists for the non-acquire ones. qo/qs pick
 * the one (ordering, size) that is in matrix=quick. */
#define LDOP(opc, root, st, qo, qs) \
	AMO_SIZES(AMO_BASE | AMO_OPC(opc), root, st, "", 0, (qo) == 0 ? (qs) : -1), \
	AMO_NOALIAS(AMO_BASE | AMO_OPC(opc), root, "a", ORD_A, (qo) == 1 ? (qs) : -1), \
	AMO_SIZES(AMO_BASE | AMO_OPC(opc), root, st, "l", ORD_R, (qo) == 2 ? (qs) : -1), \
	AMO_NOALIAS(AMO_BASE | AMO_OPC(opc), root, "al", ORD_A | ORD_R, (qo) == 3 ? (qs) : -1)
#define ALLORD(bits, root, a, r, qo, qs) \
	AMO_NOALIAS(bits, root, "", 0, (qo) == 0 ? (qs) : -1), \
	AMO_NOALIAS(bits, root, "a", a, (qo) == 1 ? (qs) : -1), \
	AMO_NOALIAS(bits, root, "l", r, (qo) == 2 ? (qs) : -1), \
	AMO_NOALIAS(bits, root, "al", (a) | (r), (qo) == 3 ? (qs) : -1)

/* CAS: Rs is the compare value and receives the old value. */
#define CAS(os, ob, ss, sz, w, q) \
	{ "cas" os ss "-" #w, CAS_BASE | SZ(sz) | (ob), { F_RT, F_RN, F_RS }, AM_NOOFFSET, 1 << (sz), 1, 0, \
	  AMF | FF_CAS | NOSW(sz, ob) | (q), FEAT_LSE, (sz) == 3 ? 8 : 4, \
	  "cas" os ss " {s:" #w "}, {t:" #w "}, " T_BASE, 0 }
#define CAS_SIZES(os, ob, qs) \
	CAS(os, ob, "b", 0, w, (qs) == 0 ? Q : 0), CAS(os, ob, "h", 1, w, (qs) == 1 ? Q : 0), \
	CAS(os, ob, "", 2, w, (qs) == 2 ? Q : 0), CAS(os, ob, "", 3, x, (qs) == 3 ? Q : 0)
/* CASP: Rs:Rs+1 compare/old, Rt:Rt+1 new; sz 0 = W pairs, 1 = X pairs. */
#define CASP(os, ob, sz, w, q) \
	{ "casp" os "-" #w, CASP_BASE | SZ(sz) | (ob), { F_RT, F_RN, F_RS }, AM_NOOFFSET, 8 << (sz), 1, 0, \
	  AMF | FF_CAS | FF_EVEN | NOSW(2 + (sz), ob) | (q), FEAT_LSE, 4 << (sz), \
	  "casp" os " {s:" #w "}, {s1:" #w "}, {t:" #w "}, {t1:" #w "}, " T_BASE, 0 }

static const struct form atomic_forms[] = {
	LDOP(0, "ldadd", "stadd", 0, 2),
	LDOP(1, "ldclr", "stclr", 1, 0),
	LDOP(2, "ldeor", "steor", 2, 3),
	LDOP(3, "ldset", "stset", 3, 1),
	LDOP(4, "ldsmax", "stsmax", 0, 0),
	LDOP(5, "ldsmin", "stsmin", 1, 2),
	LDOP(6, "ldumax", "stumax", 2, 0),
	LDOP(7, "ldumin", "stumin", 3, 2),
	ALLORD(AMO_BASE | AMO_SWP, "swp", ORD_A, ORD_R, 0, 2),
	CAS_SIZES("", 0, 2), CAS_SIZES("a", CAS_A, 0), CAS_SIZES("l", CAS_R, 1), CAS_SIZES("al", CAS_A | CAS_R, 3),
	CASP("", 0, 0, w, Q), CASP("", 0, 1, x, 0), CASP("a", CAS_A, 0, w, 0), CASP("a", CAS_A, 1, x, 0),
	CASP("l", CAS_R, 0, w, 0), CASP("l", CAS_R, 1, x, Q), CASP("al", CAS_A | CAS_R, 0, w, 0),
	CASP("al", CAS_A | CAS_R, 1, x, 0),
};

const struct family family_atomic = { "atomic", atomic_forms, NFORMS(atomic_forms) };
