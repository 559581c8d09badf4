/* What refhyp must produce for every case of the matrix, with or without a
 * mutant (refhyp.bug=NAME), derived from the nature of each bug and the
 * case's description - never from recorded output:
 *
 *   predict MUTANT quick|full  ->  lines "TARGET/ID EXPECTED"
 *
 * EXPECTED is pass, abort (refhyp deliberately does not emulate the form),
 * corrupt, hang, or either (pass or corrupt: the bug shows only for data
 * the predictor cannot know). The judge may also skip a case (probe, feature, CONSTRAINED
 * UNPREDICTABLE); the checker accepts skip anywhere but requires the
 * predicted outcome to be seen. Host-compiled with the ROM's matrix and
 * isvdec (for instruction classes the generator does not name).
 *
 * Data-dependent mutants are predicted from the data lib/inputs.c gives
 * each case (the judge refills the window before every case): no byte of
 * the footprint is zero, no two bytes of an 8-byte run are equal, a signed
 * load's elements have the sign bit set (clear for -pos), an LD<op> reads
 * a negative element with bit 0 clear and has a positive Rs with bit 0 set,
 * a CAS -eq compares equal to memory. */
#include <stdio.h>
#include <string.h>
#include "matrix.h"
#include "encode.h"
#include "isvdec.h"

#define REG_31        31u
#define FF_UNCLAIMED  (FF_MOPS | FF_RT8)   /* not emulated (docs/refhyp.md) */
#define PRED_IRREGULAR 0xb2d6u             /* lib/inputs.c: -pirr, element e active if bit e % 16 */

static const char *const mutants[] = {
	"none", "no-writeback", "wb-before-access", "no-sext", "sext-w-upper", "r31-sp", "base-zr",
	"pair-drop-rt2", "no-zero-upper", "no-bswap", "pc-only", "refault", "serror", "clobber",
	"struct-order", "struct-no-bswap", "cas-no-store", "postreg-imm", "rt-before-rn", "sve-ignore-pred", "sve-vl128",
	"fp-ctrl-reset", "daif-clear", "sve-keep-inactive", "par-clobber", "sp-el0",
	"ffr-claims-all", "ffr-clear", "ff-every-element",
	"refuse",   /* not a bug: refhyp.refuse, every trapped ISV=0 access aborted */
	/* refuse=1 plus a malformed refusal: every refusal unclean (lib/judge.c
	 * abort_defects), except where the vector mutants route right:
	 * wrong-vector (EL1t to +0x200, as Xen) at EL0 (-be) and EL1h (-el1h),
	 * vector-sp0 (EL1h to +0x000) everywhere but at EL1h */
	"refuse+wrong-far", "refuse+wrong-vector", "refuse+upper-esr", "refuse+dfsc0", "refuse+vector-sp0",
};
static const char *mutant;

static int is(const char *m) { return !strcmp(mutant, m); }

/* The visible effects of emulating the case correctly. */
struct effects {
	int dest;     /* a register receives loaded data (not XZR) */
	int signed_dest;   /* ... sign-extended */
	int mem;      /* target memory changes */
	int status;   /* a store-exclusive status register (not WZR) */
	int wb;       /* base writeback by a non-zero amount */
};

static void effects_of(const struct form *f, const struct case_desc *c, const struct isvdec_insn *d,
		       struct effects *e)
{
	const struct operands *o = &c->ops;
	int simd = (f->flags & FF_SIMD) != 0, load = (f->flags & FF_LOAD) != 0, store = (f->flags & FF_STORE) != 0;
	int rt_vis = simd || o->rt != REG_31;
	int rt2_vis = form_field(f, OP_RT2) && (simd || o->rt2 != REG_31);
	memset(e, 0, sizeof(*e));
	if (d->cls == ISVDEC_C_CAS) {
		e->dest = o->rs != REG_31;    /* Rs gets the old value; the compare fails on seeded data */
	} else if (load) {
		e->dest = rt_vis || rt2_vis || (f->flags & FF_SVE);
		e->signed_dest = (f->flags & FF_SIGNED) && e->dest;
	}
	if (store && (f->flags & FF_EXCL))
		e->status = o->rs != REG_31;  /* the monitor is clear: status 1, nothing stored */
	else if (store || (f->flags & FF_ZVA))
		e->mem = d->cls != ISVDEC_C_CAS;
	if (f->flags & FF_WB)
		e->wb = f->mode == AM_POSTREG ? c->rm_val != 0 : form_field(f, OP_IMM) ? o->imm != 0 : 1;
}

/* rt-before-rn: a non-writeback GPR pair load whose Rt is its base (the
 * second element's address comes from the loaded Rt), or an LD<op>/SWP
 * whose Rs is Rt (the operand becomes the old value: memory differs unless
 * op(old, old) == op(old, Rs), i.e. SMIN and UMAX, with memory negative and
 * Rs positive). CAS with Rs = Rt stores the same either way. */
static int rt_before_rn(const struct form *f, const struct operands *o, const struct isvdec_insn *d)
{
	if ((d->cls == ISVDEC_C_PAIR || d->cls == ISVDEC_C_EXCL) && d->op == ISVDEC_LOAD && d->nregs == 2 &&
	    !(f->flags & (FF_SIMD | FF_WB)))
		return o->rt == o->rn && o->rn != REG_31;
	if (d->cls == ISVDEC_C_ATOMIC && o->rs == o->rt && o->rt != REG_31)
		return d->op != ISVDEC_SMIN && d->op != ISVDEC_UMAX;
	return 0;
}

/* An ISV=1 access that refhyp addresses through the instruction's Rn, not
 * FAR: one of 2+ bytes whose FAR is within its size of a page start might
 * have begun in the page before (refhyp/emul.c rh_emulate_isv1), and the
 * hole's window starts a page, so every such access at its start (off 0).
 * Only sp-el0 changes what Rn = SP reads there. */
static int isv1_by_rn(const struct form *f, const struct case_desc *c)
{
	return is("sp-el0") && c->off == 0 && f->esize >= 2;
}

/* SVE: how many elements the case's predicate makes active (lib/inputs.c
 * inputs_sve_pred): all, the lower half (-phalf) or the -pirr pattern. */
static unsigned sve_active(const struct form *f, const struct case_desc *c)
{
	unsigned n = f->nelem * (c->vq ? c->vq : 1u), a = 0;
	for (unsigned e = 0; e < n; e++)
		a += c->variant == VAR_PRED_HALF ? e < n / 2
		     : c->variant == VAR_PRED_IRR ? (PRED_IRREGULAR >> (e % 16)) & 1 : 1;
	return a;
}

static const char *predict(const struct case_desc *c)
{
	const struct form *f = case_form(c);
	const struct operands *o = &c->ops;
	struct isvdec_insn d;
	struct effects e;
	uint32_t insn;
	if (encode(f, o, &insn) || (f->flags & FF_NODEVICE))
		return "pass";
	/* No trap, so no mutant can matter: PRFM never faults; QEMU TCG
	 * implements DC CIVAC/CVAC/CVAU/IVAC without a translation, and a
	 * store-exclusive whose monitor is clear (the cell executes CLREX)
	 * without an access. ISV=1 forms take the syndrome path, which no
	 * mutant touches. */
	isvdec_decode(insn, &d);
	if (d.cls == ISVDEC_C_PRFM || d.cls == ISVDEC_C_CMO || ((f->flags & FF_ISV1) && !isv1_by_rn(f, c)) ||
	    ((f->flags & FF_EXCL) && (f->flags & FF_STORE)))
		return "pass";
#ifdef FF_FIRSTFAULT
	/* A first-fault load whose first element is in RAM (page-crossing
	 * placement) suppresses the later elements' faults: no trap. */
	if ((f->flags & FF_FIRSTFAULT) && c->placement == PL_CROSS)
		return "pass";
#endif
	/* These three act before any decoding: every trapped form. */
	effects_of(f, c, &d, &e);
	if (is("refuse"))
		return "abort";
	if (is("refuse+wrong-vector"))
		return c->placement == PL_BIGENDIAN || c->placement == PL_EL1H ? "abort" : "unclean";
	if (is("refuse+vector-sp0"))
		return c->placement == PL_EL1H ? "unclean" : "abort";
	if (!strncmp(mutant, "refuse+", 7))
		return "unclean";
	if (is("refault"))
		return "hang";
	if (is("serror"))
		return "corrupt";
	if (is("pc-only"))
		return e.dest || e.mem || e.status || e.wb ? "corrupt" : "pass";
	if (is("par-clobber"))   /* PAR_EL1 left as the instruction fetch's AT set it: every trapped form */
		return "corrupt";
	if (f->flags & FF_UNCLAIMED)
		return "abort";
	if (is("clobber") || is("daif-clear"))   /* every emulated form: a register / PSTATE changed */
		return "corrupt";
	int hit = 0;
	if (is("none"))
		hit = 0;
	else if (is("no-writeback"))
		hit = e.wb;
	else if (is("wb-before-access"))
		hit = f->mode == AM_POST && e.wb && (e.dest || e.mem);
	else if (is("no-sext"))
		hit = e.signed_dest && c->variant != VAR_POS;
	else if (is("sext-w-upper"))
		hit = e.signed_dest && f->regwidth == 4 && c->variant != VAR_POS;
	else if (is("r31-sp"))
		hit = !(f->flags & FF_SIMD) && d.cls != ISVDEC_C_CAS && !(f->flags & FF_EXCL && f->flags & FF_STORE) &&
		      (o->rt == REG_31 || (form_field(f, OP_RT2) && o->rt2 == REG_31)) && form_field(f, OP_RT);
	/* A CAS stores Rt (CASP: Rt+1 too) only when the compare succeeds (-eq, Rs not XZR). */
	if (is("r31-sp") && d.cls == ISVDEC_C_CAS && c->variant == VAR_CAS_EQ && o->rs != REG_31)
		hit = d.rt.num == REG_31 || (d.nregs == 2 && d.rt2.num == REG_31);
	else if (is("base-zr"))
		hit = e.wb && o->rn == REG_31;
	else if (is("pair-drop-rt2"))
		hit = d.cls == ISVDEC_C_PAIR && (e.mem || ((f->flags & FF_SIMD) || o->rt2 != REG_31));
	else if (is("no-zero-upper"))
		hit = (f->flags & FF_SIMD) && (f->flags & FF_LOAD) && d.lane < 0 && d.cls != ISVDEC_C_SVE &&
		      (d.cls == ISVDEC_C_STRUCT ? d.vbytes < 16 : d.size < 4);
	else if (is("no-bswap"))
		hit = (c->placement == PL_BIGENDIAN || c->placement == PL_BIGENDIAN_EL1) && d.size > 0 && (e.dest || e.mem) && d.cls != ISVDEC_C_ZVA;
	else if (is("struct-order"))   /* LD2-LD4 (multiple) not de-interleaved */
		hit = d.cls == ISVDEC_C_STRUCT && d.op == ISVDEC_LOAD && d.lane < 0 && !(d.flags & ISVDEC_F_REPLICATE) &&
		      d.selem > 1;
	else if (is("struct-no-bswap"))
		hit = d.cls == ISVDEC_C_STRUCT && d.op == ISVDEC_LOAD && d.size > 0 &&
		      (c->placement == PL_BIGENDIAN || c->placement == PL_BIGENDIAN_EL1);
	else if (is("cas-no-store"))   /* the store would change memory: Rt is not the compare value */
		hit = d.cls == ISVDEC_C_CAS && c->variant == VAR_CAS_EQ && o->rs != REG_31 && o->rs != o->rt;
	else if (is("postreg-imm"))    /* Xm is never the transfer size */
		hit = f->mode == AM_POSTREG;
	else if (is("rt-before-rn"))
		hit = rt_before_rn(f, o, &d);
	else if (is("sve-ignore-pred"))   /* inactive elements transferred; LDFF1: -phalf's first
					   * element is active and FFR cuts before any inactive one */
		hit = (c->variant == VAR_PRED_HALF || c->variant == VAR_PRED_IRR) &&
		      !((f->flags & FF_FIRSTFAULT) && c->variant == VAR_PRED_HALF);
	else if (is("sve-vl128"))   /* a longer VL: a store leaves bytes unwritten, an immediate counts VLs,
				     * a load (not first-fault) leaves the Z lanes above 128 bits */
		hit = (f->flags & FF_FIRSTFAULT) ?   /* FFR above 128 bits left true: active elements
						      * there, except under -phalf (inactive, not judged) */
		      c->vq > 1 && c->variant != VAR_PRED_HALF :
		      c->vq > 1 && ((f->flags & FF_STORE) || (f->mode == AM_OFFSET && o->imm != 0) ||
				   (f->flags & FF_LOAD)) &&
		      /* -phalf at VL 256 without an immediate: every active element in
		       * the first 128 bits, which is all the mutant moves; refhyp
		       * zeroes the rest (observed) */
		      !(c->variant == VAR_PRED_HALF && c->vq == 2 && !(f->mode == AM_OFFSET && o->imm != 0));
	else if (is("sve-keep-inactive"))   /* a load's inactive elements not zeroed; LDFF1: only
					     * those before FFR's cut (the second active element) */
		hit = d.cls == ISVDEC_C_SVE && (f->flags & FF_LOAD) &&
		      (c->variant == VAR_PRED_HALF || c->variant == VAR_PRED_IRR) &&
		      !((f->flags & FF_FIRSTFAULT) && c->variant == VAR_PRED_HALF && sve_active(f, c) > 1);
	else if (is("ffr-claims-all") || is("ffr-clear"))   /* LDFF1 with a second active element,
							     * which refhyp declines: FFR not cleared
							     * (lanes stay zero), or cleared whole */
		hit = (f->flags & FF_FIRSTFAULT) && sve_active(f, c) > 1;
	else if (is("ff-every-element"))   /* LDFF1 as LD1: the second active element read from
					    * Device memory (FFR all true); the Normal-NC alias allows it */
		hit = (f->flags & FF_FIRSTFAULT) && sve_active(f, c) > 1 && c->placement != PL_UNALIGNED;
	else if (is("fp-ctrl-reset"))   /* the V-register path resets FPSR/FPCR */
		hit = (f->flags & FF_SIMD) && d.cls != ISVDEC_C_SVE;
	else if (is("sp-el0"))   /* base SP read/written as SP_EL0 at EL1h (only -el1h cases have SP_EL1 as SP):
				  * a load reads the zeroed decoy page SP_EL0 points into (the window's
				  * bytes are never zero), a store writes it instead of the target, a
				  * writeback moves SP_EL0 and not SP_EL1 */
		hit = c->placement == PL_EL1H && o->rn == REG_31 && (e.dest || e.mem || e.status || e.wb);
	if (is("r31-sp") && hit && (f->flags & FF_STORE) && f->esize == 1)
		return "either";   /* stores SP's low byte: 16-byte aligned SP, so 0 one time in 16 */
	return hit ? "corrupt" : "pass";
}

static void emit(const struct case_desc *c, void *arg)
{
	char id[128];
	(void)arg;
	case_id(c, id, sizeof(id));
	printf("hole/%s %s\n", id, predict(c));
	if (is("none"))
		printf("gicd/%s pass\n", id);   /* the distributor is passed through: never trapped */
}

int main(int argc, char **argv)
{
	int known = 0;
	if (argc != 3 || (strcmp(argv[2], "quick") && strcmp(argv[2], "full"))) {
		fprintf(stderr, "usage: predict MUTANT quick|full\n");
		return 2;
	}
	/* refhyp.drift (a device that changes by itself between cases) changes
	 * no verdict: "drift" is predicted as "none", "drift+BUG" as BUG. */
	mutant = argv[1];
	if (!strcmp(mutant, "drift"))
		mutant = "none";
	else if (!strncmp(mutant, "drift+", strlen("drift+")))
		mutant += strlen("drift+");
	for (unsigned i = 0; i < sizeof(mutants) / sizeof(mutants[0]); i++)
		known |= is(mutants[i]);
	if (!known) {
		fprintf(stderr, "predict: unknown mutant '%s'\n", mutant);
		return 2;
	}
	matrix_enumerate(!strcmp(argv[2], "full"), emit, NULL);
	return 0;
}
