/* Host unit test of isvdec (refhyp/isvdec): every encoding of the full
 * matrix (whatever families cases/ holds: enumerated with matrix_enumerate)
 * must decode to the description the case generator intended - registers,
 * element size, register width, addressing mode, immediate, writeback, sign
 * extension, pair/structure registers, lane, SVE element sizes and
 * predicate, footprint. The generator's own
 * encodings are checked against aarch64-linux-gnu-objdump by test-encode, so
 * the comparison is against an independently verified description. Forms
 * refhyp does not claim (MOPS, LS64, SVE non-fault) and a list of non-load/store and
 * unallocated encodings must come back ISVDEC_UNSUPPORTED. Output: TAP. */
#include <stdio.h>
#include <string.h>
#include "matrix.h"
#include "encode.h"
#include "isvdec.h"

#define MAX_FAMILIES   64
#define DIAG_PER_FAM   4
#define NOMINAL_ZVA    64        /* DC ZVA: any block size for the footprint check */

/* Forms isvdec deliberately does not handle (docs/refhyp.md): MOPS, LS64,
 * and SVE non-fault loads (they never access Device memory, so never trap) */
#define FF_UNCLAIMED   (FF_MOPS | FF_RT8 | FF_NODEVICE)
#define SVE_TEST_VL    16        /* the cell's vector length (lib/cell.c) */

struct fam_result { unsigned cases, bad, diags; };
static struct fam_result fam[MAX_FAMILIES];
static unsigned tap_n, tap_fail;

static void tap(int ok, const char *fmt, const char *a, unsigned n)
{
	tap_n++;
	tap_fail += !ok;
	printf("%s %u - ", ok ? "ok" : "not ok", tap_n);
	printf(fmt, a, n);
	printf("\n");
}

static unsigned expect_mode(unsigned am)
{
	switch (am) {
	case AM_PRE: return ISVDEC_AM_PRE;
	case AM_POST: return ISVDEC_AM_POST;
	case AM_REGISTER: return ISVDEC_AM_REGISTER;
	case AM_POSTREG: return ISVDEC_AM_POSTREG;
	default: return ISVDEC_AM_OFFSET;
	}
}

/* Returns NULL if d matches what the generator meant, else what differs. */
static const char *compare(const struct form *f, const struct operands *o, const struct isvdec_insn *d)
{
	static char why[96];
	int simd = (f->flags & FF_SIMD) != 0, notransfer = (f->flags & FF_NOTRANSFER) != 0;
	struct isvdec_env env = { 0, NOMINAL_ZVA, SVE_TEST_VL };
#define CHECK(cond, ...) do { if (!(cond)) { snprintf(why, sizeof(why), __VA_ARGS__); return why; } } while (0)
	if (notransfer) {
		CHECK(d->cls == ISVDEC_C_CMO || d->cls == ISVDEC_C_PRFM, "class %s, want cmo/prfm",
		      isvdec_class_name(d->cls));
	} else if (f->flags & FF_ZVA) {
		CHECK(d->cls == ISVDEC_C_ZVA, "class %s, want zva", isvdec_class_name(d->cls));
	} else if ((f->flags & FF_LOAD) && (f->flags & FF_STORE)) {
		CHECK(d->op != ISVDEC_LOAD && d->op != ISVDEC_STORE, "op %s, want read-modify-write",
		      isvdec_op_name(d->op));
	} else {
		unsigned want = (f->flags & FF_LOAD) ? ISVDEC_LOAD : ISVDEC_STORE;
		CHECK(d->op == want, "op %s, want %s", isvdec_op_name(d->op), isvdec_op_name(want));
	}
	if (form_field(f, OP_RN))
		CHECK(d->rn.num == o->rn && d->rn.kind == (f->flags & FF_ZVA || notransfer ? d->rn.kind : ISVDEC_R_SP),
		      "rn %u/%u, want %u", d->rn.num, d->rn.kind, o->rn);
	if (notransfer)
		return NULL;
	unsigned kind = (f->flags & FF_SVE) ? ISVDEC_R_Z : simd ? ISVDEC_R_V : ISVDEC_R_ZR;
	if (form_field(f, OP_RT) && !(f->flags & FF_ZVA))
		CHECK(d->rt.num == o->rt && d->rt.kind == kind, "rt %u/%u, want %u/%u", d->rt.num, d->rt.kind, o->rt, kind);
	if (form_field(f, OP_RT2))
		CHECK(d->rt2.num == o->rt2 && d->rt2.kind == kind, "rt2 %u, want %u", d->rt2.num, o->rt2);
	if (form_field(f, OP_RS))
		CHECK(d->rs.num == o->rs && d->rs.kind == ISVDEC_R_ZR, "rs %u, want %u", d->rs.num, o->rs);
	if (form_field(f, OP_RM))
		CHECK(d->rm.num == o->rm, "rm %u, want %u", d->rm.num, o->rm);
	if (form_field(f, OP_OPTION))
		CHECK(d->extend == o->option && d->shift == (o->s ? f->scale : 0), "extend %u #%u, want %u #%u",
		      d->extend, d->shift, o->option, o->s ? f->scale : 0);
	CHECK(d->mode == expect_mode(f->mode), "mode %s, want %s", isvdec_mode_name(d->mode),
	      isvdec_mode_name(expect_mode(f->mode)));
	int64_t imm = d->flags & ISVDEC_F_MULVL ? d->imm * ((SVE_TEST_VL >> d->regsize) << d->size) : d->imm;
	if (form_field(f, OP_IMM))
		CHECK(imm == o->imm, "imm %lld, want %lld", (long long)imm, (long long)o->imm);
	CHECK(!(d->flags & ISVDEC_F_WB) == !(f->flags & FF_WB), "writeback %d", !!(d->flags & ISVDEC_F_WB));
	CHECK(!(d->flags & ISVDEC_F_SEXT) == !(f->flags & FF_SIGNED), "sign-extend %d", !!(d->flags & ISVDEC_F_SEXT));
	CHECK(!(d->flags & ISVDEC_F_UNPRIV) == !(f->flags & FF_UNPRIV), "unpriv %d", !!(d->flags & ISVDEC_F_UNPRIV));
	CHECK(!(d->flags & ISVDEC_F_EXCL) == !(f->flags & FF_EXCL), "exclusive %d", !!(d->flags & ISVDEC_F_EXCL));
	CHECK(isvdec_footprint(d, &env) == (f->flags & FF_ZVA ? NOMINAL_ZVA : (unsigned)f->esize * f->nelem),
	      "footprint %u, want %u", isvdec_footprint(d, &env), (unsigned)f->esize * f->nelem);
	if (f->flags & FF_ZVA)
		return NULL;
	if (f->flags & FF_SVE) {
		CHECK(d->cls == ISVDEC_C_SVE && (1u << d->size) == f->esize && d->pg == 0,
		      "SVE class %s, memory element %u bytes, p%u", isvdec_class_name(d->cls), 1u << d->size, d->pg);
		CHECK(!(d->flags & ISVDEC_F_FIRSTFAULT) == !(f->flags & FF_FIRSTFAULT), "first-fault %d",
		      !!(d->flags & ISVDEC_F_FIRSTFAULT));
		return NULL;
	}
	if (d->cls == ISVDEC_C_STRUCT) {
		CHECK(d->nregs == (f->nregs ? f->nregs : 1) && d->vbytes == f->regwidth, "struct %u regs x %u bytes",
		      d->nregs, d->vbytes);
		CHECK((1u << d->size) == f->esize, "element %u bytes, want %u", 1u << d->size, f->esize);
		if (form_field(f, OP_LANE))
			CHECK(d->lane == o->lane, "lane %d, want %u", d->lane, o->lane);
		else
			CHECK(d->lane < 0, "lane %d for a whole-register form", d->lane);
		return NULL;
	}
	CHECK(d->cls != ISVDEC_C_STRUCT, "structure class for a non-structure form");
	CHECK((d->nregs == 2) == ((f->flags & (FF_PAIR | FF_EVEN)) != 0), "registers %u", d->nregs);
	if (simd)
		CHECK((1u << d->size) == f->regwidth, "SIMD register %u bytes, want %u", 1u << d->size, f->regwidth);
	else
		CHECK((1u << d->regsize) == f->regwidth, "GPR %u bytes, want %u", 1u << d->regsize, f->regwidth);
	return NULL;
#undef CHECK
}

static void check_case(const struct case_desc *c, void *arg)
{
	const struct form *f = case_form(c);
	struct fam_result *r = &fam[c->family];
	struct isvdec_insn d;
	char id[128];
	uint32_t insn;
	(void)arg;
	r->cases++;
	if (encode(f, &c->ops, &insn))
		return;   /* test-encode reports operands that do not fit */
	int rc = isvdec_decode(insn, &d);
	const char *why = NULL;
	if (f->flags & FF_UNCLAIMED)
		why = rc == ISVDEC_UNSUPPORTED ? NULL : "decoded, but refhyp does not claim this form";
	else
		why = rc != ISVDEC_OK ? "ISVDEC_UNSUPPORTED" : compare(f, &c->ops, &d);
	if (!why)
		return;
	r->bad++;
	if (r->diags++ < DIAG_PER_FAM) {
		case_id(c, id, sizeof(id));
		printf("# %s insn 0x%08x: %s\n", id, insn, why);
	}
}

/* Outside the supported set: must be reported, never mis-decoded (each
 * checked with aarch64-linux-gnu-objdump: another instruction, or undefined). */
static const struct { uint32_t insn; const char *what; } unsupported[] = {
	{ 0xd503201fu, "nop" },
	{ 0x8b020020u, "add x0, x1, x2" },
	{ 0x14000000u, "b ." },
	{ 0xd65f03c0u, "ret" },
	{ 0xd4000002u, "hvc #0" },
	{ 0x58000040u, "ldr x0, <literal>" },
	{ 0x1c000040u, "ldr s0, <literal> (SIMD literal)" },
	{ 0xd8000040u, "prfm <literal>" },
	{ 0xf8200420u, "ldraa x0, [x1] (pointer authentication)" },
	{ 0xf8c00420u, "ldr size=11 opc=11 post-index (unallocated)" },
	{ 0xb8c00420u, "ldrsw opc=11 (unallocated)" },
	{ 0xf8800c20u, "prfm pre-index (unallocated)" },
	{ 0xbc800c20u, "SIMD size=10 opc=10 pre (unallocated)" },
	{ 0x7cc00420u, "SIMD size=01 opc=1x (unallocated)" },
	{ 0x38a00820u, "ldrsb register offset option=000 (unallocated)" },
	{ 0x3c600820u, "SIMD register offset option=000 (unallocated)" },
	{ 0x69000420u, "stgp (MTE)" },
	{ 0xe9400420u, "ldp opc=11 (unallocated)" },
	{ 0x68400420u, "ldnp opc=01 (unallocated)" },
	{ 0xec400420u, "ldp SIMD opc=11 (unallocated)" },
	{ 0x885f0020u, "ldxr with Rt2 != 31 (should-be-one bits: CONSTRAINED UNPREDICTABLE)" },
	{ 0x88df0020u, "ldlar with Rt2 != 31 (should-be-one bits)" },
	{ 0x48207c21u, "casp with odd Rt" },
	{ 0xf83fd020u, "ld64b (FEAT_LS64)" },
	{ 0xb8bfc420u, "ldapr with Rt2-style bits set (unallocated)" },
	{ 0x0c401c20u, "ld1 multiple opcode 0001 (unallocated)" },
	{ 0x0c400c20u, "ld1 {v0.1d..} LD4 with size=11 Q=0 (unallocated)" },
	{ 0x0d404420u, "ld1 lane H with size<0> set (unallocated)" },
	{ 0x0d408c20u, "ld1 lane D with S set (unallocated)" },
	{ 0x0d00c020u, "st1r (replicate store, unallocated)" },
	{ 0xd5087640u, "dc isw (set/way: no address)" },
	{ 0xd50b7520u, "ic ivau" },
	{ 0xd5087800u, "at s1e1r" },
	{ 0xd53b4200u, "mrs x0, nzcv" },
	{ 0xa410a020u, "ldnf1b (SVE non-fault: never traps)" },
	{ 0xe500e020u, "st1w with esz < msz (not ST1)" },
	{ 0xa5ff4020u, "ld1d scalar+scalar with Rm = 31 (unallocated)" },
	{ 0x85804000u, "ldr z0, [x0] (SVE register fill)" },
	{ 0xd9c00020u, "ldapur size=11 opc=11 (unallocated)" },
};

int main(void)
{
	unsigned n = matrix_enumerate(MATRIX_LEVEL_ALL, check_case, NULL);
	for (unsigned i = 0; i < n_families && i < MAX_FAMILIES; i++) {
		int unclaimed = 1;
		for (unsigned k = 0; k < all_families[i]->nforms; k++)
			unclaimed &= (all_families[i]->forms[k].flags & FF_UNCLAIMED) != 0;
		tap(fam[i].bad == 0, unclaimed ? "isvdec: %s: all %u encodings ISVDEC_UNSUPPORTED (not claimed)"
					       : "isvdec: %s: %u encodings decode as generated", all_families[i]->name,
		    fam[i].cases);
		if (fam[i].bad)
			printf("# %s: %u of %u wrong\n", all_families[i]->name, fam[i].bad, fam[i].cases);
	}
	for (unsigned i = 0; i < sizeof(unsupported) / sizeof(unsupported[0]); i++) {
		struct isvdec_insn d;
		int rc = isvdec_decode(unsupported[i].insn, &d);
		tap_n++;
		tap_fail += rc != ISVDEC_UNSUPPORTED;
		printf("%s %u - isvdec: 0x%08x %s -> %s\n", rc == ISVDEC_UNSUPPORTED ? "ok" : "not ok", tap_n,
		       unsupported[i].insn, unsupported[i].what,
		       rc == ISVDEC_UNSUPPORTED ? "unsupported" : isvdec_class_name(d.cls));
	}
	tap(n > 0, "isvdec: %s%u matrix cases enumerated", "", n);
	printf("1..%u\n", tap_n);
	return tap_fail ? 1 : 0;
}
