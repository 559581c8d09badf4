/* Emulation of trapped MMIO accesses against the RAM-like device:
 *   ISV=1: the syndrome says everything (size, sign, register, direction);
 *   ISV=0: fetch the instruction at ELR_EL2 (translated through the guest's
 *          stage 1 with AT, never assuming VA == PA), decode and emulate it
 *          with isvdec, step the PC; what isvdec does not handle gets a
 *          synchronous external abort.
 * The mutants (refhyp.bug=) are injected here, on the ISV=0 path only. */
#include <string.h>
#include "refhyp.h"
#include "sysreg.h"
#include "isvdec.h"

/* Data-abort ISS (ISV=1 fields) */
#define ISS_SAS_SHIFT    22
#define ISS_SAS_MASK     0x3u
#define ISS_SSE          (1ULL << 21)
#define ISS_SRT_SHIFT    16
#define ISS_SRT_MASK     0x1fu
#define ISS_SF           (1ULL << 15)
#define ISS_WNR          (1ULL << 6)
#define REG_ZR           31u
#define W_MASK           0xffffffffULL
#define SPSR_M_MASK      0xfULL
#define PAR_F            (1ULL << 0)
#define PAR_PA_MASK      0x0000fffffffff000ULL
#define DCZID_BS_MASK    0xfULL
#define DCZID_DZP        (1ULL << 4)
#define DCZID_WORDS      4u           /* block = 4 << BS bytes */
#define A64_INSN_BYTES   4
#define NVREGS           32
#define VBYTES           16
#define NPREGS           16
#define SVE_VL_MAX       256          /* bytes (2048-bit vectors) */
#define PFR0_SVE_SHIFT   32
#define ZCR_LEN_MASK     0xfULL
/* Mutant constants */
#define HCR_VSE          (1ULL << 8)
#define PFR0_RAS_SHIFT   28
#define VSESR_ISS        0            /* virtual SError syndrome: IMPLEMENTATION DEFINED 0 */
#define CLOBBER_PATTERN  0x5eedbad0c0ffee00ULL
#define CLOBBER_FIRST    9            /* look for an unused register from x9 */
#define PRED_ALL_TRUE    0xff
#define SVE_VL_128       16           /* bytes */
#define PSR_DIF          (PSR_D | PSR_I | PSR_F)   /* daif-clear: SPSR rebuilt as mode + NZCV + A */
#define ZVA_HOST_FACTOR  2            /* zva-block2: the host's DC ZVA block, twice the guest's */

struct vctx {
	struct gregs *g;
	uint64_t spsr;
	int el0;                          /* the access was made at EL0 */
	int isv0;                         /* the ISV=0 path (where mutants act) */
	int be;                           /* big-endian data at that EL */
	int v_loaded;
	uint32_t v_dirty;                 /* V registers written (bit n) */
	uint8_t v[NVREGS][VBYTES] __attribute__((aligned(16)));
	unsigned sve_vl;                  /* SVE state saved at this VL (0: not) */
	int z_dirty, sve_entered;
	uint64_t zcr_el2;
	const struct isvdec_insn *d;      /* the instruction being emulated (mutants) */
};

/* SVE registers of the guest at its vector length */
static uint8_t sve_z[NVREGS][SVE_VL_MAX] __attribute__((aligned(16)));
static uint8_t sve_p[NPREGS][SVE_VL_MAX / 8] __attribute__((aligned(16)));

static void ctx_init(struct vctx *c, struct gregs *g)
{
	uint64_t sctlr = read_sysreg(sctlr_el1);
	c->g = g;
	c->spsr = read_sysreg(spsr_el2);
	c->el0 = (c->spsr & SPSR_M_MASK) == PSR_MODE_EL0T;
	c->isv0 = 0;
	c->be = (sctlr & (c->el0 ? SCTLR_E0E : SCTLR_EE)) != 0;
	c->v_loaded = 0;
	c->v_dirty = 0;
	c->sve_vl = 0;
	c->z_dirty = 0;
	c->sve_entered = 0;
	c->d = NULL;
}

/* Run EL2 at the guest's vector length (ZCR_EL2 <- ZCR_EL1's length, the
 * effective VL being the smaller) and save Z/P there. */
static void sve_enter(struct vctx *c)
{
	if (!id_field(read_sysreg(id_aa64pfr0_el1), PFR0_SVE_SHIFT))
		return;
	c->zcr_el2 = read_sysreg(S3_4_C1_C2_0);
	c->sve_entered = 1;
	uint64_t len = read_sysreg(S3_0_C1_C2_0) & ZCR_LEN_MASK;
	if (len > (c->zcr_el2 & ZCR_LEN_MASK))
		len = c->zcr_el2 & ZCR_LEN_MASK;
	write_sysreg(S3_4_C1_C2_0, len);
	isb();
	c->sve_vl = (unsigned)sve_vl();
	if (c->sve_vl > SVE_VL_MAX) {
		c->sve_vl = 0;
		return;
	}
	sve_save(&sve_z[0][0], &sve_p[0][0]);
}

static void sve_leave(struct vctx *c)
{
	if (!c->sve_entered)
		return;
	if (c->z_dirty)
		sve_load_z(&sve_z[0][0]);
	write_sysreg(S3_4_C1_C2_0, c->zcr_el2);
	isb();
}

/* Guest VA -> IPA through the guest's stage 1 (AT S1E0* for EL0 and for
 * LDTR/STTR, S1E1* otherwise). PAR_EL1 is the guest's: kept intact. */
static int va_to_ipa(const struct vctx *c, uint64_t va, int write, int unpriv, uint64_t *ipa)
{
	uint64_t saved = read_sysreg(par_el1), par;
	if (c->el0 || unpriv) {
		if (write)
			__asm__ volatile("at s1e0w, %0" : : "r"(va));
		else
			__asm__ volatile("at s1e0r, %0" : : "r"(va));
	} else if (write) {
		__asm__ volatile("at s1e1w, %0" : : "r"(va));
	} else {
		__asm__ volatile("at s1e1r, %0" : : "r"(va));
	}
	isb();
	par = read_sysreg(par_el1);
	if (!(rh_cfg.bug == BUG_PAR_CLOBBER && c->isv0))
		write_sysreg(par_el1, saved);   /* mutant par-clobber: the guest's PAR_EL1 left as AT set it */
	if (par & PAR_F)
		return -1;
	*ipa = (par & PAR_PA_MASK) | (va & RH_PAGE_MASK);
	return 0;
}

/* Bytes within one page of IPA space: guest RAM or the MMIO device. */
/* Device mutants, on the bytes of the RAM-like device only: 8-byte reads
 * return zero; reads return the last bytes written anywhere; a read also
 * changes what it read. */
#define STALE_BYTES      64
#define WRITE_ON_LOAD    0x01
static uint8_t stale_last[STALE_BYTES];

static void device_copy(uint8_t *dev, uint8_t *buf, unsigned len, unsigned total, int write)
{
	if (rh_cfg.razwi) {   /* QEMU's unassigned region behind KVM: RAZ/WI */
		if (!write)
			memset(buf, 0, len);
		return;
	}
	if (write) {
		memcpy(dev, buf, len);
		if (rh_cfg.bug == BUG_STALE_READ)
			memcpy(stale_last, buf, len < STALE_BYTES ? len : STALE_BYTES);
		return;
	}
	memcpy(buf, dev, len);
	if (rh_cfg.bug == BUG_READ64_ZERO && total == 8)
		memset(buf, 0, len);
	if (rh_cfg.bug == BUG_STALE_READ)
		for (unsigned i = 0; i < len; i++)
			buf[i] = stale_last[i % STALE_BYTES];
	if (rh_cfg.bug == BUG_WRITE_ON_LOAD)
		for (unsigned i = 0; i < len; i++)
			dev[i] ^= WRITE_ON_LOAD;
}

/* refhyp.drift: a device with a status byte of its own. An ISV=1 store to
 * the first DRIFT_TRIGGER bytes of an MMIO page also bumps the page's last
 * byte, which no instruction addressed. The suite stores there when it
 * seeds a case's window (between cases) and in ISV=1 store cases; the last
 * byte is never in a case's footprint, so the change is drift to every
 * case. */
#define DRIFT_TRIGGER  64
static void device_drift(uint64_t ipa)
{
	uint8_t *page = rh_cfg.drift && (ipa & RH_PAGE_MASK) < DRIFT_TRIGGER && !rh_is_guest_ram(ipa, 1) ? rh_mmio_page(ipa) : NULL;
	if (page)
		page[RH_PAGE_SIZE - 1]++;
}

static uint8_t *ipa_ptr(uint64_t ipa, unsigned n)
{
	if (rh_is_guest_ram(ipa, n))
		return (uint8_t *)(uintptr_t)ipa;
	uint8_t *p = rh_mmio_page(ipa);
	return p ? p + (ipa & RH_PAGE_MASK) : NULL;
}

/* A guest-VA access, split at page boundaries; every page is translated
 * before any byte moves, so a refused access changes nothing. */
static int va_access(const struct vctx *c, uint64_t va, uint8_t *buf, unsigned n, int write, int unpriv)
{
	uint8_t *p[2];
	unsigned len[2], k = 0, total = n;
	int dev[2];
	while (n && k < 2) {
		uint64_t ipa, room = RH_PAGE_SIZE - (va & RH_PAGE_MASK);
		len[k] = n < room ? n : (unsigned)room;
		if (va_to_ipa(c, va, write, unpriv, &ipa) || !(p[k] = ipa_ptr(ipa, len[k])))
			return -1;
		dev[k] = !rh_is_guest_ram(ipa, len[k]);
		va += len[k];
		n -= len[k++];
	}
	if (n)
		return -1;
	for (unsigned i = 0; i < k; buf += len[i++]) {
		if (dev[i])
			device_copy(p[i], buf, len[i], total, write);
		else
			write ? memcpy(p[i], buf, len[i]) : memcpy(buf, p[i], len[i]);
	}
	return 0;
}

/* isvdec callbacks */
static uint64_t cb_xreg(void *ctx, unsigned n) { return ((struct vctx *)ctx)->g->x[n]; }
static void cb_set_xreg(void *ctx, unsigned n, uint64_t v) { ((struct vctx *)ctx)->g->x[n] = v; }

static uint64_t cb_sp(void *ctx)
{
	const struct vctx *c = ctx;
	/* mutant sp-el0: SP_EL0 whatever SPSel says (right only for EL1t and EL0) */
	return (c->spsr & SPSR_M_MASK) == PSR_MODE_EL1H && rh_cfg.bug != BUG_SP_EL0 ? read_sysreg(sp_el1) : read_sysreg(sp_el0);
}

static void cb_set_sp(void *ctx, uint64_t v)
{
	const struct vctx *c = ctx;
	if ((c->spsr & SPSR_M_MASK) == PSR_MODE_EL1H && rh_cfg.bug != BUG_SP_EL0)
		write_sysreg(sp_el1, v);
	else
		write_sysreg(sp_el0, v);
}

/* V registers: the guest's live SIMD&FP state, saved on first use and
 * loaded back only if an emulation wrote one. */
static void v_fetch(struct vctx *c)
{
	if (!c->v_loaded)
		fpsimd_save(&c->v[0][0]);
	c->v_loaded = 1;
}

static void cb_vreg(void *ctx, unsigned n, uint8_t out[16])
{
	struct vctx *c = ctx;
	v_fetch(c);
	memcpy(out, c->v[n], VBYTES);
}

static void cb_set_vreg(void *ctx, unsigned n, const uint8_t in[16])
{
	struct vctx *c = ctx;
	v_fetch(c);
	memcpy(c->v[n], in, VBYTES);
	c->v_dirty |= 1u << n;
}

/* Saved with the VL as the row length: row n starts at n * VL bytes. */
static void cb_zreg(void *ctx, unsigned n, uint8_t *out)
{
	const struct vctx *c = ctx;
	memcpy(out, &sve_z[0][0] + n * c->sve_vl, c->sve_vl);
}

static void cb_set_zreg(void *ctx, unsigned n, const uint8_t *in)
{
	struct vctx *c = ctx;
	if (rh_cfg.bug == BUG_SVE_KEEP_INACTIVE && c->d) {
		/* mutant: inactive elements of a load keep their old value (not zeroed) */
		unsigned eb = 1u << c->d->regsize;
		const uint8_t *p = &sve_p[0][0] + c->d->pg * (c->sve_vl / 8);
		uint8_t *row = &sve_z[0][0] + n * c->sve_vl;
		for (unsigned i = 0; i < c->sve_vl; i++) {
			unsigned e0 = i / eb * eb;
			if ((p[e0 / 8] >> (e0 % 8)) & 1)
				row[i] = in[i];
		}
		c->z_dirty = 1;
		return;
	}
	memcpy(&sve_z[0][0] + n * c->sve_vl, in, c->sve_vl);
	c->z_dirty = 1;
}

static void cb_preg(void *ctx, unsigned n, uint8_t *out)
{
	const struct vctx *c = ctx;
	memcpy(out, &sve_p[0][0] + n * (c->sve_vl / 8), c->sve_vl / 8);
	if (rh_cfg.bug == BUG_SVE_IGNORE_PRED)
		memset(out, PRED_ALL_TRUE, c->sve_vl / 8);   /* governing predicate taken as all true */
}

/* FFR at the guest's VL (EL2 runs at it, sve_enter). Mutants: the element
 * declined but FFR left all true (ffr-claims-all), or cleared whole, the
 * first element's bit too (ffr-clear). */
static void cb_ffr(void *ctx, uint8_t *out)
{
	(void)ctx;
	sve_ffr(out, &sve_p[0][0]);
}

static void cb_set_ffr(void *ctx, const uint8_t *in)
{
	uint8_t none[SVE_VL_MAX / 8] = { 0 };
	(void)ctx;
	if (rh_cfg.bug == BUG_FFR_CLAIMS_ALL)
		return;
	sve_set_ffr(rh_cfg.bug == BUG_FFR_CLEAR ? none : in, &sve_p[0][0]);
}

static int cb_read(void *ctx, uint64_t va, unsigned bytes, uint8_t *buf, int unpriv)
{
	return va_access(ctx, va, buf, bytes, 0, unpriv);
}

static int cb_write(void *ctx, uint64_t va, unsigned bytes, const uint8_t *buf, int unpriv)
{
	const struct vctx *c = ctx;
	uint8_t tmp[VBYTES];
	if (rh_cfg.bug == BUG_CAS_NO_STORE && c->d && c->d->cls == ISVDEC_C_CAS)
		return 0;                             /* compare succeeded: "stored", nothing written */
	memcpy(tmp, buf, bytes);
	return va_access(ctx, va, tmp, bytes, 1, unpriv);
}

static void cb_env(void *ctx, struct isvdec_env *e)
{
	const struct vctx *c = ctx;
	uint64_t dczid = read_sysreg(dczid_el0);
	e->big_endian = c->be && rh_cfg.bug != BUG_NO_BSWAP &&
			 !(rh_cfg.bug == BUG_STRUCT_NO_BSWAP && c->d && c->d->cls == ISVDEC_C_STRUCT && c->d->op == ISVDEC_LOAD);
	e->zva_bytes = (dczid & DCZID_DZP) ? 0 : DCZID_WORDS << (dczid & DCZID_BS_MASK);
	e->sve_vl = rh_cfg.bug == BUG_SVE_VL128 && c->sve_vl ? SVE_VL_128 : c->sve_vl;   /* mutant: VL assumed */
	if (rh_cfg.bug == BUG_ZVA_BLOCK2)
		e->zva_bytes *= ZVA_HOST_FACTOR;   /* mutant: the host's block size, not DCZID_EL0's */
}

static const struct isvdec_ops ops = {
	.xreg = cb_xreg, .set_xreg = cb_set_xreg, .sp = cb_sp, .set_sp = cb_set_sp,
	.vreg = cb_vreg, .set_vreg = cb_set_vreg, .zreg = cb_zreg, .set_zreg = cb_set_zreg, .preg = cb_preg,
	.ffr = cb_ffr, .set_ffr = cb_set_ffr,
	.read = cb_read, .write = cb_write,
	.env = cb_env, .monitor = NULL,   /* no monitor: a trapped store-exclusive fails */
};

static void step(void) { write_sysreg(elr_el2, read_sysreg(elr_el2) + A64_INSN_BYTES); }

/* The instruction at ELR_EL2: translated like a data read at the guest's
 * EL (instructions are always little-endian), then decoded. */
static int fetch_decode(const struct vctx *c, struct isvdec_insn *d)
{
	uint64_t ipa;
	if (va_to_ipa(c, read_sysreg(elr_el2), 0, 0, &ipa) || !rh_is_guest_ram(ipa, A64_INSN_BYTES))
		return ISVDEC_FAULT;
	return isvdec_decode(*(volatile uint32_t *)(uintptr_t)ipa, d);
}

void rh_emulate_isv1(struct gregs *g, uint64_t esr, uint64_t far, uint64_t ipa)
{
	struct vctx c;
	unsigned bytes = 1u << ((esr >> ISS_SAS_SHIFT) & ISS_SAS_MASK);
	unsigned srt = (esr >> ISS_SRT_SHIFT) & ISS_SRT_MASK;
	uint64_t va = far, v = 0;
	uint8_t buf[8];
	struct isvdec_insn d;
	int rc;
	rh_stats.isv1++;
	ctx_init(&c, g);
	if (rh_cfg.bug == BUG_STORE_SKIP) {
		rh_inject_abort(esr, far);   /* mutant store-skip: ISV=1 refused (like Xen on a hole) */
		return;
	}
	/* A page-crossing access: QEMU reports FAR = the start of the faulting
	 * page (an access begun in the page before), hardware may report the
	 * first byte (then it runs off FAR's page). Either way the true start
	 * comes from the instruction; the syndrome still gives the rest. */
	uint64_t off = far & RH_PAGE_MASK;
	if ((off < bytes - 1 || off + bytes > RH_PAGE_SIZE) && fetch_decode(&c, &d) == ISVDEC_OK)
		isvdec_address(&d, &ops, &c, &va);
	if (esr & ISS_WNR) {
		v = srt == REG_ZR ? 0 : g->x[srt];
		for (unsigned i = 0; i < bytes; i++)
			buf[c.be ? bytes - 1 - i : i] = (uint8_t)(v >> (8 * i));
	}
	if (va == far && (ipa & RH_PAGE_MASK) + bytes <= RH_PAGE_SIZE) {
		uint8_t *p = ipa_ptr(ipa, bytes);
		rc = p ? 0 : -1;
		if (p)
			device_copy(p, buf, bytes, bytes, (esr & ISS_WNR) != 0);
	} else {
		rc = va_access(&c, va, buf, bytes, (esr & ISS_WNR) != 0, 0);
	}
	if (!rc && (esr & ISS_WNR))
		device_drift(ipa);
	if (rc) {
		rh_inject_abort(esr, far);
		return;
	}
	if (!(esr & ISS_WNR)) {
		for (unsigned i = 0; i < bytes; i++)
			v |= (uint64_t)buf[c.be ? bytes - 1 - i : i] << (8 * i);
		if ((esr & ISS_SSE) && bytes < 8 && (v >> (8 * bytes - 1)) & 1)
			v |= ~0ULL << (8 * bytes);
		if (!(esr & ISS_SF))
			v &= W_MASK;
		if (srt != REG_ZR)
			g->x[srt] = v;
	}
	step();
}

/* Description-level mutants: what a buggy decoder would have produced. */
static void mutate(struct isvdec_insn *d)
{
	switch (rh_cfg.bug) {
	case BUG_NO_WRITEBACK: d->flags &= (uint16_t)~ISVDEC_F_WB; break;
	case BUG_WB_BEFORE_ACCESS:
		if (d->mode == ISVDEC_AM_POST)
			d->mode = ISVDEC_AM_PRE;   /* base updated, then used as the address */
		break;
	case BUG_NO_SEXT: d->flags &= (uint16_t)~ISVDEC_F_SEXT; break;
	case BUG_FF_EVERY_ELEMENT:   /* LDFF1 emulated as LD1: every element read from the device */
		d->flags &= (uint16_t)~ISVDEC_F_FIRSTFAULT;
		break;
	case BUG_SEXT_W_UPPER:
		if ((d->flags & ISVDEC_F_SEXT) && d->regsize == 2 && d->cls != ISVDEC_C_SVE)
			d->regsize = 3;
		break;
	case BUG_R31_SP:
		if (d->rt.kind == ISVDEC_R_ZR)
			d->rt.kind = ISVDEC_R_SP;
		if (d->rt2.kind == ISVDEC_R_ZR)
			d->rt2.kind = ISVDEC_R_SP;
		break;
	case BUG_PAIR_DROP_RT2:
		if (d->cls == ISVDEC_C_PAIR)
			d->nregs = 1;
		break;
	case BUG_NO_ZERO_UPPER: d->flags &= (uint16_t)~ISVDEC_F_ZEROUPPER; break;
	case BUG_STRUCT_ORDER:   /* LD2-LD4 (multiple) filled in memory order: no de-interleaving */
		if (d->cls == ISVDEC_C_STRUCT && d->op == ISVDEC_LOAD && d->lane < 0 && !(d->flags & ISVDEC_F_REPLICATE))
			d->selem = 1;
		break;
	case BUG_POSTREG_IMM:    /* post-index by Xm taken as post-index by the transfer size */
		if (d->mode == ISVDEC_AM_POSTREG) {
			struct isvdec_env e = { 0, 0, 0 };
			d->mode = ISVDEC_AM_POST;
			d->imm = isvdec_footprint(d, &e);
		}
		break;
	default: break;
	}
}

static int uses(const struct isvdec_insn *d, unsigned r)
{
	const struct isvdec_reg *regs[] = { &d->rt, &d->rt2, &d->rn, &d->rm, &d->rs };
	for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (regs[i]->kind != ISVDEC_R_NONE && regs[i]->kind != ISVDEC_R_V &&
		    (regs[i]->num == r || (d->cls == ISVDEC_C_CAS && regs[i]->num + 1u == r)))
			return 1;
	return 0;
}

/* Mutant rt-before-rn: a decoder that emulates element by element and
 * writes each destination register at once: a pair's second address is
 * computed from Rn after Rt was written, an LD<op>/SWP reads its operand
 * Rs after Rt received the old value. Same result unless they overlap. */
static int emulate_rt_first(const struct isvdec_insn *d, struct vctx *c)
{
	struct isvdec_insn one = *d;
	int rc;
	if ((d->cls == ISVDEC_C_PAIR || d->cls == ISVDEC_C_EXCL) && d->op == ISVDEC_LOAD && d->nregs == 2 &&
	    d->mode == ISVDEC_AM_OFFSET && !(d->flags & ISVDEC_F_WB)) {
		one.nregs = 1;
		if ((rc = isvdec_emulate(&one, &ops, c, ISVDEC_ANY_ADDR)))
			return rc;
		one.rt = d->rt2;
		one.imm += 1LL << d->size;
		return isvdec_emulate(&one, &ops, c, ISVDEC_ANY_ADDR);
	}
	if (d->cls == ISVDEC_C_ATOMIC) {
		one.cls = ISVDEC_C_SINGLE;
		one.op = ISVDEC_LOAD;
		one.flags = 0;
		one.nregs = 1;
		if ((rc = isvdec_emulate(&one, &ops, c, ISVDEC_ANY_ADDR)))
			return rc;
	}
	return isvdec_emulate(d, &ops, c, ISVDEC_ANY_ADDR);
}

static void inject_serror(void)
{
	if (id_field(read_sysreg(id_aa64pfr0_el1), PFR0_RAS_SHIFT))
		write_sysreg(S3_4_C5_C2_3, VSESR_ISS);   /* VSESR_EL2 */
	write_sysreg(hcr_el2, read_sysreg(hcr_el2) | HCR_VSE);
	isb();
	rh_stats.serrors++;
}

void rh_emulate_isv0(struct gregs *g, uint64_t esr, uint64_t far, uint64_t ipa)
{
	struct vctx c;
	struct isvdec_insn d;
	(void)ipa;   /* the address comes from the instruction (an access may span pages) */
	rh_stats.isv0++;
	if (rh_cfg.refuse) {
		rh_inject_abort(esr, far);             /* a hypervisor that emulates no ISV=0 form */
		return;
	}
	switch (rh_cfg.bug) {
	case BUG_PC_ONLY: step(); return;          /* "handled": nothing emulated */
	case BUG_REFAULT: return;                  /* PC not stepped: the guest faults again */
	case BUG_SERROR: inject_serror(); return;  /* SError instead of a synchronous abort */
	default: break;
	}
	ctx_init(&c, g);
	c.isv0 = 1;
	if (fetch_decode(&c, &d) != ISVDEC_OK) {
		rh_inject_abort(esr, far);
		return;
	}
	mutate(&d);
	if (rh_cfg.bug == BUG_STORE_SKIP && d.op == ISVDEC_STORE) {
		step();                      /* ... and an ISV=0 store "handled" as write-ignored */
		return;
	}
	uint64_t sp_before = cb_sp(&c);
	if (d.cls == ISVDEC_C_SVE)
		sve_enter(&c);
	c.d = &d;
	int rc = rh_cfg.bug == BUG_RT_BEFORE_RN ? emulate_rt_first(&d, &c)
		 : isvdec_emulate(&d, &ops, &c, rh_cfg.bug ? ISVDEC_ANY_ADDR : far);
	if (d.cls == ISVDEC_C_SVE)
		sve_leave(&c);
	if (rc != ISVDEC_OK) {
		rh_inject_abort(esr, far);
		return;
	}
	if (rh_cfg.bug == BUG_BASE_ZR && d.rn.num == REG_ZR && (d.flags & ISVDEC_F_WB))
		cb_set_sp(&c, sp_before);             /* base 31 taken as XZR: writeback lost */
	if (rh_cfg.bug == BUG_CLOBBER)
		for (unsigned r = CLOBBER_FIRST; r < REG_ZR; r++)
			if (!uses(&d, r)) {
				g->x[r] ^= CLOBBER_PATTERN;
				break;
			}
	for (unsigned n = 0; n < NVREGS; n++)
		if (c.v_dirty & (1u << n))
			fpsimd_load_one(n, c.v[n]);
	if (rh_cfg.bug == BUG_FP_CTRL_RESET && c.v_loaded) {
		write_sysreg(fpsr, 0);         /* mutant: the SIMD path "restores" FP control at reset values */
		write_sysreg(fpcr, 0);
	}
	if (rh_cfg.bug == BUG_DAIF_CLEAR)
		write_sysreg(spsr_el2, read_sysreg(spsr_el2) & ~(uint64_t)PSR_DIF);   /* mutant: D, I, F unmasked */
	rh_stats.emulated++;
	step();
}
