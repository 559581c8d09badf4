/* The generic variant generator: from a form's fields it derives the cases
 * that matter to decoders - immediates at 0, +/-1 element, min and max;
 * every Rt/Rt2 0..31 and every base 0..30 plus SP; extend options; placements
 * that cross a page or are unaligned; big-endian data; EL1h with the base
 * in SP. Families hold data
 * only. Host-compilable. */
#include <stdio.h>
#include <string.h>
#include "matrix.h"
#include "encode.h"

#define DEFAULT_RT   2
#define DEFAULT_RT2  3
#define DEFAULT_RN   1
#define DEFAULT_RM   4
#define DEFAULT_RS   5
#define REG_SP_ZR    31
#define DEFAULT_RS_EVEN 6    /* CASP: Rs pair x6,x7 beside Rt pair x2,x3 */
#define DEFAULT_LANE 1
#define LS64_RT_MAX  22     /* LD64B/ST64B: Rt..Rt+7 below x31 */

/* Register sweep: variant k (0..31) uses these; the multipliers are odd and
 * differ in parity from 1, so Rn never equals Rt (see DEVELOPERS notes). */
#define SWEEP_RN(k)  (((k) * 11 + 5) & 31)
#define SWEEP_RT2(k) (((k) * 13 + 7) & 31)
#define SWEEP_RM(k)  (((k) * 7 + 9) & 31)
#define SWEEP_RS(k)  (((k) * 5 + 12) & 31)

/* Index register values: upper bits that UXTW/SXTW must ignore. */
#define RM_UXTW_JUNK 0xdeadbeef00000000ULL
#define RM_SXTW_NEG1 0x12345678ffffffffULL
/* Post-index by Xm: never the transfer size (that would look like the
 * immediate form), once positive and once negative (VAR_XM_NEG). */
#define POSTREG_XM      0x1d0
#define SVE_VQ_BITS     128
#define QUICK_VL_LOAD   1
#define QUICK_VL_STORE  2
#define QUICK_VQ        2      /* 256 bits: fits the smallest target window */
#define SVE_VQ_PRED     2      /* 256 bits: partial predicates at a VL above 128 bits */
#define POSTREG_XM_NEG  (-0x2a8)

const struct form *case_form(const struct case_desc *c)
{
	return &all_families[c->family]->forms[c->form];
}

const struct family *case_family(const struct case_desc *c)
{
	return all_families[c->family];
}

static int has(const struct form *f, enum operand op) { return form_field(f, op) != NULL; }

static int uses_rn_writeback(const struct form *f)
{
	return (f->flags & FF_WB) != 0;
}

/* Extended/shifted index value for register offset */
static int64_t index_value(const struct form *f, const struct operands *o, uint64_t rm)
{
	if (o->rm == REG_SP_ZR)
		rm = 0;
	int64_t v;
	switch (o->option) {
	case 2: v = (int64_t)(uint32_t)rm; break;            /* UXTW */
	case 6: v = (int64_t)(int32_t)(uint32_t)rm; break;   /* SXTW */
	default: v = (int64_t)rm; break;                     /* LSL / SXTX */
	}
	return o->s || (f->flags & FF_SVE) ? v * ((int64_t)1 << f->scale) : v; /* SVE: always scaled */
}

static uint64_t rm_value_for(const struct form *f, const struct operands *o)
{
	uint64_t unit = (uint64_t)1 << f->scale;
	switch (o->option) {
	case 2: return RM_UXTW_JUNK | (o->s ? 1 : unit);
	case 6: return RM_SXTW_NEG1;
	case 7: return (uint64_t)-(int64_t)(o->s ? 1 : unit);
	default: return o->s || (f->flags & FF_SVE) ? 1 : unit;
	}
}

/* Fill the address arithmetic: rn_off so that the first byte accessed is at
 * c->off, and the footprint. */
static void place(const struct form *f, struct case_desc *c)
{
	int64_t a = c->off, vq = c->vq ? c->vq : 1;   /* SVE: imm is in vector lengths */
	switch (f->mode) {
	case AM_POST: case AM_NOOFFSET: case AM_POSTREG:
		c->rn_off = a;
		break;
	case AM_REGISTER:
		c->rn_off = a - index_value(f, &c->ops, c->rm_val);
		break;
	default:
		c->rn_off = a - c->ops.imm * vq;
		break;
	}
	c->bytes = (f->flags & FF_NOTRANSFER) ? 0 : (uint32_t)f->esize * f->nelem * (uint32_t)vq;
}

/* CONSTRAINED UNPREDICTABLE register overlaps: skipped with that reason. */
static const char *unpredictable(const struct form *f, const struct operands *o)
{
	int wb = uses_rn_writeback(f) && o->rn != REG_SP_ZR;
	int gp = !(f->flags & FF_SIMD);
	if (wb && gp && o->rt == o->rn && o->rt != REG_SP_ZR)
		return "CONSTRAINED UNPREDICTABLE: Rt == Rn, writeback";
	if (wb && gp && (f->flags & FF_PAIR) && o->rt2 == o->rn)
		return "CONSTRAINED UNPREDICTABLE: Rt2 == Rn, writeback";
	if ((f->flags & FF_PAIR) && (f->flags & FF_LOAD) && o->rt == o->rt2)
		return "CONSTRAINED UNPREDICTABLE: Rt == Rt2";
	if ((f->flags & FF_RS) && (f->flags & FF_STORE) && !(f->flags & FF_LOAD) &&
	    (o->rs == o->rt || (o->rs == o->rn && o->rn != REG_SP_ZR) || ((f->flags & FF_PAIR) && o->rs == o->rt2)))
		return "CONSTRAINED UNPREDICTABLE: Rs overlaps";
	/* MOPS: Xd is the Rn operand, the count Xn the Rm operand. */
	if ((f->flags & FF_MOPS) && (o->rn == o->rm || o->rn == o->rs || o->rm == o->rs || o->rn == REG_SP_ZR ||
				    o->rm == REG_SP_ZR || ((f->flags & FF_RSADDR) && o->rs == REG_SP_ZR)))
		return "CONSTRAINED UNPREDICTABLE: MOPS register overlap/31";
	if ((f->flags & FF_RT8) && (o->rt & 1 || o->rt > LS64_RT_MAX))
		return "UNDEFINED: LS64 Rt odd or above x22";
	if ((f->flags & FF_RT8) && (f->flags & FF_LOAD) && o->rn >= o->rt && o->rn <= o->rt + 7 && o->rn != REG_SP_ZR)
		return "CONSTRAINED UNPREDICTABLE: Rn within Rt..Rt+7";
	return NULL;
}

struct gen {
	case_sink emit;
	void *arg;
	unsigned n;
	int level;
	int sweeping;            /* register sweep: only the CAS twin (half the CAS cases succeed) */
	uint32_t quick_seen[32]; /* quick: variants a family already has (one twin each) */
	int quick_vl;            /* quick: QUICK_VL_* already emitted */
	uint32_t quick_el1h;     /* quick: families that have their EL1h case */
};

static void emit_one(struct gen *g, const struct case_desc *c0, enum variant var)
{
	const struct form *f = case_form(c0);
	struct case_desc c = *c0;
	c.variant = (uint8_t)var;
	if (f->mode == AM_POSTREG)
		c.rm_val = (uint64_t)(var == VAR_XM_NEG ? POSTREG_XM_NEG : POSTREG_XM);
	place(f, &c);
	g->emit(&c, g->arg);
	g->n++;
}

/* The data variants a case has besides its default (enum variant). */
static int variant_applies(const struct form *f, enum variant v)
{
	switch (v) {
	case VAR_POS: return (f->flags & (FF_LOAD | FF_SIGNED)) == (FF_LOAD | FF_SIGNED);
	case VAR_CAS_EQ: return (f->flags & FF_CAS) != 0;
	case VAR_XM_NEG: return f->mode == AM_POSTREG;
	case VAR_PRED_HALF: case VAR_PRED_IRR: return (f->flags & (FF_SVE | FF_NODEVICE)) == FF_SVE;
	default: return 0;
	}
}

static void emit_vl(struct gen *g, unsigned fam, unsigned form, const struct operands *o, unsigned vq, unsigned var);

static void emit_case(struct gen *g, unsigned fam, unsigned form, const struct operands *o,
		      enum placement pl, int32_t off)
{
	const struct form *f = &all_families[fam]->forms[form];
	struct case_desc c;
	memset(&c, 0, sizeof(c));
	c.family = (uint16_t)fam;
	c.form = (uint16_t)form;
	c.ops = *o;
	c.placement = (uint8_t)pl;
	c.off = off;
	if (has(f, OP_RM))
		c.rm_val = f->flags & FF_MOPS ? (uint64_t)f->esize * f->nelem : rm_value_for(f, o);
	c.skip = unpredictable(f, o);
	emit_one(g, &c, VAR_NONE);
	if (c.skip)
		return;   /* CONSTRAINED UNPREDICTABLE: no data twins */
	/* Twins with other data: every CAS case (half of them succeed); the
	 * others beside each non-sweep case; in matrix=quick the first quick
	 * form of a family that has the variant. */
	for (unsigned v = VAR_NONE + 1; v < VAR_COUNT; v++) {
		if (!variant_applies(f, (enum variant)v) || (g->sweeping && v != VAR_CAS_EQ))
			continue;
		/* A successful CAS that stores its own base stores an address, which
		 * differs between the shadow and the target; one that compares its
		 * base (CASP Rs+1 = Rn) or XZR cannot be made to succeed. */
		int last_rs = (f->flags & FF_EVEN) ? o->rs + 1 : o->rs;
		if (v == VAR_CAS_EQ && ((o->rn != REG_SP_ZR && (o->rn == o->rt || o->rn == last_rs ||
							 ((f->flags & FF_EVEN) && o->rn == o->rt + 1))) ||
					last_rs >= REG_SP_ZR))
			continue;
		/* A predicate on a page-crossing access may leave only its RAM part active. */
		if ((v == VAR_PRED_HALF || v == VAR_PRED_IRR) && pl != PL_PLAIN)
			continue;
		if (g->level == MATRIX_LEVEL_QUICK) {
			if (g->quick_seen[fam % 32] & (1u << v))
				continue;
			g->quick_seen[fam % 32] |= 1u << v;
		}
		emit_one(g, &c, (enum variant)v);
	}
}
/* "One element" for immediates: the transfer size of one register. */
static int64_t elem_unit(const struct form *f)
{
	int64_t u = (int64_t)1 << f->scale;
	return f->esize > u ? f->esize : u;
}

static void default_ops(const struct form *f, struct operands *o)
{
	memset(o, 0, sizeof(*o));
	o->rt = DEFAULT_RT;
	o->rt2 = DEFAULT_RT2;
	o->rn = DEFAULT_RN;
	o->rm = DEFAULT_RM;
	o->rs = DEFAULT_RS;
	o->option = 3; /* LSL */
	o->s = has(f, OP_S) ? 1 : 0;
	if (f->flags & FF_EVEN)
		o->rs = DEFAULT_RS_EVEN;
	if (has(f, OP_LANE))
		o->lane = DEFAULT_LANE;
	if (has(f, OP_IMM)) {
		int64_t lo, hi;
		imm_range(f, &lo, &hi);
		o->imm = hi > 0 ? elem_unit(f) : 0;
	}
}

/* An SVE case at VL = vq * 128 bits (data variant var, plain placement). */
static void emit_vl(struct gen *g, unsigned fam, unsigned form, const struct operands *o, unsigned vq, unsigned var)
{
	struct case_desc c;
	memset(&c, 0, sizeof(c));
	c.family = (uint16_t)fam;
	c.form = (uint16_t)form;
	c.ops = *o;
	c.placement = PL_PLAIN;
	c.vq = (uint8_t)vq;
	if (has(case_form(&c), OP_RM))
		c.rm_val = rm_value_for(case_form(&c), o);
	c.skip = unpredictable(case_form(&c), o);
	emit_one(g, &c, var);
}

/* Legal register overlaps the architecture defines (a hypervisor that
 * writes Rt before it has read Rn or Rs gets them wrong), and next to them
 * the CONSTRAINED UNPREDICTABLE ones, which unpredictable() marks as skip:
 * Rt = Rn (loads; with writeback UNPREDICTABLE), Rt2 = Rn and Rt = Rt2
 * (pair loads), Rs = Rt (LD<op>, SWP, CAS, CASP; store-exclusive
 * UNPREDICTABLE) and Rs = Rn (store-exclusive, UNPREDICTABLE). */
static void gen_overlaps(struct gen *g, unsigned fam, unsigned fi, const struct operands *d)
{
	const struct form *f = &all_families[fam]->forms[fi];
	struct operands o;
	if ((f->flags & (FF_SIMD | FF_MOPS | FF_RT8 | FF_NOTRANSFER)) || !has(f, OP_RT))
		return;
	int atomic = (f->flags & (FF_LOAD | FF_STORE | FF_RS)) == (FF_LOAD | FF_STORE | FF_RS);
	/* Loads only: a store of its own base stores an address, which differs
	 * between the shadow and the target (and writes no register). */
	if (!atomic && (f->flags & FF_LOAD)) {
		o = *d;
		o.rt = o.rn;
		if (has(f, OP_RS) && o.rs == o.rt)
			o.rs = DEFAULT_RS;
		emit_case(g, fam, fi, &o, PL_PLAIN, 0);
	}
	if ((f->flags & FF_PAIR) && (f->flags & FF_LOAD) && has(f, OP_RT2)) {
		o = *d;
		o.rt2 = o.rn;
		emit_case(g, fam, fi, &o, PL_PLAIN, 0);
		o = *d;
		o.rt2 = o.rt;
		emit_case(g, fam, fi, &o, PL_PLAIN, 0);
	}
	if (has(f, OP_RS)) {
		o = *d;
		o.rs = o.rt;
		emit_case(g, fam, fi, &o, PL_PLAIN, 0);
		if (!atomic) {
			o = *d;
			o.rs = o.rn;
			emit_case(g, fam, fi, &o, PL_PLAIN, 0);
		}
	}
}

/* The cell at EL1h with the base in SP (so SP means SP_EL1, not SP_EL0 as
 * in every other case): the default operands with Rn = 31, at the window
 * start, wherever the form lets Rn be SP and that is not UNPREDICTABLE
 * (MOPS). In matrix=quick only the first quick form of each family that
 * can have one, as for the data variants. */
static void gen_el1h(struct gen *g, unsigned fam, unsigned fi, const struct operands *d)
{
	const struct form *f = &all_families[fam]->forms[fi];
	struct operands o = *d;
	o.rn = REG_SP_ZR;
	if (!has(f, OP_RN) || (form_field(f, OP_RN)->flags & FLD_NO31) || unpredictable(f, &o))
		return;
	if (g->level == MATRIX_LEVEL_QUICK) {   /* ... and one that accesses memory */
		if ((f->flags & (FF_QUICK | FF_NOTRANSFER)) != FF_QUICK || (g->quick_el1h & (1u << (fam % 32))))
			return;
		g->quick_el1h |= 1u << (fam % 32);
	}
	emit_case(g, fam, fi, &o, PL_EL1H, 0);
}

static void gen_form(struct gen *g, unsigned fam, unsigned fi, int level)
{
	const struct form *f = &all_families[fam]->forms[fi];
	struct operands d, o;
	default_ops(f, &d);
	if (level == MATRIX_LEVEL_QUICK) {
		if (f->flags & FF_QUICK)
			emit_case(g, fam, fi, &d, PL_PLAIN, 0);
		gen_el1h(g, fam, fi, &d);
		/* One longer vector length: the first quick SVE load and store. */
		int bit = f->flags & FF_LOAD ? QUICK_VL_LOAD : QUICK_VL_STORE;
		if ((f->flags & (FF_QUICK | FF_SVE | FF_NODEVICE | FF_FIRSTFAULT)) == (FF_QUICK | FF_SVE) &&
		    !(g->quick_vl & bit)) {
			g->quick_vl |= bit;
			emit_vl(g, fam, fi, &d, QUICK_VQ, VAR_NONE);
		}
		return;
	}
	emit_case(g, fam, fi, &d, PL_PLAIN, 0);
	/* Immediates: 0, +1 element (the default), -1 element, min, max. */
	if (has(f, OP_IMM)) {
		int64_t lo, hi, unit = elem_unit(f);
		imm_range(f, &lo, &hi);
		int64_t vals[4] = { 0, -unit, lo, hi };
		for (unsigned i = 0; i < 4; i++) {
			int dup = vals[i] == d.imm || vals[i] < lo || vals[i] > hi;
			for (unsigned j = 0; j < i; j++)
				dup |= vals[j] == vals[i];
			if (dup)
				continue;
			o = d;
			o.imm = vals[i];
			emit_case(g, fam, fi, &o, PL_PLAIN, 0);
		}
	}
	/* Register-offset extend/shift options. */
	if (has(f, OP_OPTION)) {
		static const uint8_t opts[][2] = { { 3, 0 }, { 2, 0 }, { 2, 1 }, { 6, 0 }, { 6, 1 }, { 7, 0 }, { 7, 1 } };
		for (unsigned i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
			if (opts[i][0] == d.option && opts[i][1] == d.s)
				continue;
			o = d;
			o.option = opts[i][0];
			o.s = opts[i][1];
			emit_case(g, fam, fi, &o, PL_PLAIN, 0);
		}
	}
	/* Lanes: the first and the last besides the default. */
	if (has(f, OP_LANE)) {
		unsigned bits = 0;
		for (unsigned i = 0; i < FORM_FIELDS; i++)
			if (f->f[i].width && f->f[i].op == OP_LANE)
				bits += f->f[i].width;
		unsigned lanes[2] = { 0, (1u << bits) - 1 };
		for (unsigned i = 0; i < 2; i++) {
			if (lanes[i] == d.lane)
				continue;
			o = d;
			o.lane = (uint8_t)lanes[i];
			emit_case(g, fam, fi, &o, PL_PLAIN, 0);
		}
	}
	/* Register sweep: every Rt (and Rt2, Rs, Rm) 0..31 and every base. */
	int sweep = !(f->flags & FF_NOSWEEP) || level == MATRIX_LEVEL_ALL;
	g->sweeping = 1;
	for (unsigned k = 0; k < 32 && sweep; k++) {
		o = d;
		o.rt = (uint8_t)k;
		o.rn = (uint8_t)SWEEP_RN(k);
		o.rt2 = (uint8_t)SWEEP_RT2(k);
		o.rm = (uint8_t)SWEEP_RM(k);
		o.rs = (uint8_t)SWEEP_RS(k);
		while (has(f, OP_RT2) && (o.rt2 == o.rt || o.rt2 == o.rn))
			o.rt2 = (o.rt2 + 1) & 31;
		while (has(f, OP_RM) && (o.rm == o.rn || (o.rm == o.rt && (f->flags & FF_SIMD) == 0) ||
					 ((f->mode == AM_POSTREG || (form_field(f, OP_RM)->flags & FLD_NO31)) && o.rm == REG_SP_ZR)))
			o.rm = (o.rm + 1) & 31;
		if (f->flags & FF_EVEN) {
			if (k & 1)
				continue;
			o.rs = (uint8_t)((o.rt + 4) & 31);
		}
		while (has(f, OP_RS) && !(f->flags & FF_EVEN) &&
		       (o.rs == o.rt || o.rs == o.rn || (has(f, OP_RT2) && o.rs == o.rt2)))
			o.rs = (o.rs + 1) & 31;
		if ((o.rt == d.rt || !has(f, OP_RT)) && o.rn == d.rn)
			continue;
		if (o.rn == REG_SP_ZR && (form_field(f, OP_RN)->flags & FLD_NO31))
			continue;
		emit_case(g, fam, fi, &o, PL_PLAIN, 0);
	}
	g->sweeping = 0;
	if (sweep)
		gen_overlaps(g, fam, fi, &d);
	/* A form whose text has an alias for Rt = 31 (LDADD -> STADD) gets
	 * that case even when it does not sweep. */
	if ((f->flags & FF_NOSWEEP) && strchr(f->asm_fmt, '|') && d.rt != REG_SP_ZR) {
		o = d;
		o.rt = REG_SP_ZR;
		emit_case(g, fam, fi, &o, PL_PLAIN, 0);
	}
	/* SVE: the default case at every longer vector length. */
	if ((f->flags & (FF_SVE | FF_NODEVICE)) == FF_SVE)
		for (unsigned vq = 2; vq <= SVE_VQ_MAX; vq *= 2)
			emit_vl(g, fam, fi, &d, vq, VAR_NONE);
	/* ... and the partial predicates at VL 256, whose inactive elements are
	 * then all above the first 128 bits (-phalf) or on both sides (-pirr). */
	if ((f->flags & (FF_SVE | FF_NODEVICE)) == FF_SVE) {
		emit_vl(g, fam, fi, &d, SVE_VQ_PRED, VAR_PRED_HALF);
		emit_vl(g, fam, fi, &d, SVE_VQ_PRED, VAR_PRED_IRR);
	}
	/* Placements: across a page boundary into the target, unaligned on a
	 * Normal-NC alias, big-endian data. */
	if (f->esize * f->nelem > 1 && !(f->flags & (FF_NOTRANSFER | FF_ALIGN)))
		emit_case(g, fam, fi, &d, PL_CROSS, -(int32_t)(f->esize * f->nelem / 2));
	if (!(f->flags & (FF_NOTRANSFER | FF_ALIGN)))
		emit_case(g, fam, fi, &d, PL_UNALIGNED, 1);
	if ((f->esize > 1 || (f->flags & FF_PAIR)) && !(f->flags & (FF_NOTRANSFER | FF_ZVA))) {
		emit_case(g, fam, fi, &d, PL_BIGENDIAN, 0);     /* at EL0, SCTLR_EL1.E0E */
		emit_case(g, fam, fi, &d, PL_BIGENDIAN_EL1, 0); /* at EL1, SCTLR_EL1.EE */
	}
	gen_el1h(g, fam, fi, &d);   /* at EL1h, base SP_EL1 */
}

unsigned matrix_enumerate(int level, case_sink emit, void *arg)
{
	struct gen g;
	memset(&g, 0, sizeof(g));
	g.emit = emit;
	g.arg = arg;
	g.level = level;
	for (unsigned fam = 0; fam < n_families; fam++)
		for (unsigned fi = 0; fi < all_families[fam]->nforms; fi++)
			gen_form(&g, fam, fi, level);
	return g.n;
}

static int reg_name(char *out, size_t len, const char *prefix, unsigned r, int gp, int is_base)
{
	if (r == REG_SP_ZR && gp)
		return snprintf(out, len, "%s%s", prefix, is_base ? "sp" : "zr");
	return snprintf(out, len, "%s%u", prefix, r);
}

void case_id(const struct case_desc *c, char *buf, size_t len)
{
	const struct form *f = case_form(c);
	const struct operands *o = &c->ops;
	int gp = !(f->flags & FF_SIMD);
	char v[64];
	size_t n = 0;
	if (has(f, OP_RT))
		n += (size_t)reg_name(v + n, sizeof(v) - n, "rt", o->rt, gp, 0);
	if (has(f, OP_RT2))
		n += (size_t)reg_name(v + n, sizeof(v) - n, "-rt", o->rt2, gp, 0);
	if (has(f, OP_RS))
		n += (size_t)reg_name(v + n, sizeof(v) - n, n ? "-rs" : "rs", o->rs, 1, 0);
	n += (size_t)reg_name(v + n, sizeof(v) - n, n ? "-rn" : "rn", o->rn, 1, 1);
	if (has(f, OP_RM)) {
		n += (size_t)reg_name(v + n, sizeof(v) - n, "-rm", o->rm, 1, 0);
		if (has(f, OP_OPTION)) {
			static const char *const opt[8] = { "", "", "uxtw", "lsl", "", "", "sxtw", "sxtx" };
			n += (size_t)snprintf(v + n, sizeof(v) - n, "-%s%s", opt[o->option & 7], o->s ? "s" : "");
		}
	}
	if (has(f, OP_LANE))
		n += (size_t)snprintf(v + n, sizeof(v) - n, "-lane%u", o->lane);
	if (has(f, OP_IMM))
		n += (size_t)snprintf(v + n, sizeof(v) - n, "-imm%+lld", (long long)o->imm);
	static const char *const pl[] = { "", "-cross", "-unaligned", "-be", "-ee", "-el1h" };
	static const char *const var[VAR_COUNT] = { "", "-pos", "-eq", "-xmneg", "-phalf", "-pirr" };
	/* Data variant and VL before the placement, so a glob on the placement
	 * ("*-be", "*-cross" in expected/) covers every variant too. */
	n += (size_t)snprintf(v + n, sizeof(v) - n, "%s", var[c->variant]);
	if (c->vq > 1)
		n += (size_t)snprintf(v + n, sizeof(v) - n, "-vl%u", (unsigned)c->vq * SVE_VQ_BITS);
	snprintf(v + n, sizeof(v) - n, "%s", pl[c->placement]);
	snprintf(buf, len, "%s/%s/%s", case_family(c)->name, f->name, v);
}
