/* The judge: the CPU is the oracle. Each case runs twice through the same
 * cell executor - on a normal-RAM shadow seeded with what the target holds
 * (no trap: the CPU's own result), then on the target (trap: the
 * hypervisor's result) - and the complete states are compared. The outcome
 * is decided in one place, classify(). */
#include <string.h>
#include <stdio.h>
#include "judge.h"
#include "encode.h"
#include "esr.h"
#include "firstfault.h"
#include "guard.h"
#include "inputs.h"
#include "layout.h"
#include "mmu.h"
#include "sysreg.h"

#define REG_SP_ZR        31
#define READBACK_MARGIN  16     /* also check bytes around the footprint */
#define LS64_REGS        8      /* LD64B: Rt..Rt+7 */
#define MERGE_BYTES      8      /* FF_MERGE forms: accesses up to this wide */
#define VREG_BYTES       16
#define A64_INSN_BYTES   4
#define NZREGS           32
#define ZREG_MAX_BYTES   256    /* SVE: VL up to 2048 bits */
#define ZCHUNK           8      /* Z lanes compared 8 bytes at a time */
#define FFR_MAX_BYTES    (ZREG_MAX_BYTES / 8)

/* ID register fields */
#define ISAR0_ATOMIC_SHIFT 20
#define ISAR1_LRCPC_SHIFT  20
#define ISAR1_LS64_SHIFT   60
#define ISAR2_MOPS_SHIFT   16
#define MMFR1_LO_SHIFT     16
#define MMFR2_AT_SHIFT     32     /* FEAT_LSE2 */
#define PFR0_SVE_SHIFT     32
#define LSE_ATOMICS        2
#define LRCPC2_LEVEL       2
#define DCZID_BS_MASK      0xf
#define DCZID_DZP          (1 << 4)

static uint8_t shadow_pages[1 + WINDOW_PAGES][PAGE_SIZE] __attribute__((aligned(4096)));
static struct frame in_s, in_t;
static int shadow_mapped;

/* The shadow: a lead-in page and the window pages, normal memory, at
 * SHADOW_VA with the same page offsets as the target window. */
static void shadow_map(void)
{
	if (shadow_mapped)
		return;
	for (unsigned i = 0; i < 1 + WINDOW_PAGES; i++)
		mmu_map(SHADOW_VA + i * PAGE_SIZE, mmu_va_to_pa((uint64_t)(uintptr_t)shadow_pages[i]), PAGE_SIZE,
			MT_NORMAL, MP_EL0, 0);
	mmu_sync();
	shadow_mapped = 1;
}
static struct cell_result res_s;
/* SVE cases: Z0-Z31 at the case's VL as each run left them (cell_sve_save). */
static uint8_t z_s[NZREGS * ZREG_MAX_BYTES] __attribute__((aligned(16)));
static uint8_t z_t[NZREGS * ZREG_MAX_BYTES] __attribute__((aligned(16)));
static uint8_t z_in[NZREGS * ZREG_MAX_BYTES] __attribute__((aligned(16)));
/* SVE cases: the VL in bytes (0: not an SVE case), the governing predicate,
 * and FFR as each run left it (set all true before each run). */
static unsigned sve_vl;
static uint8_t sve_pred[INPUTS_SVE_PRED_MAX];
static uint8_t ffr_s[FFR_MAX_BYTES], ffr_t[FFR_MAX_BYTES];
static uint8_t z_ld1[NZREGS * ZREG_MAX_BYTES] __attribute__((aligned(16)));
#define SVE_LDFF1_BIT    (1u << 13)   /* LDFF1 (scalar + scalar) -> LD1, same dtype and registers */

/* The Z registers an SVE case starts with: V0-V31 of the frame below 128
 * bits, case-seeded random bytes above, so a lane a load must zero or write
 * never holds the right value by chance. */
static void z_inputs(const struct frame *f, uint64_t seed, unsigned vl)
{
	for (unsigned n = 0; n < NZREGS; n++) {
		uint8_t *row = z_in + n * vl;
		memcpy(row, &f->v[n].lo, sizeof(f->v[n].lo));
		memcpy(row + sizeof(f->v[n].lo), &f->v[n].hi, sizeof(f->v[n].hi));
		for (unsigned b = VREG_BYTES; b + ZCHUNK <= vl; b += ZCHUNK) {
			uint64_t r = inputs_mix64(seed ^ ((uint64_t)(n * ZREG_MAX_BYTES + b) << 32));
			memcpy(row + b, &r, ZCHUNK);
		}
	}
}

void features_detect(struct cpu_features *f)
{
	uint64_t isar0 = read_sysreg(id_aa64isar0_el1), isar1 = read_sysreg(id_aa64isar1_el1);
	uint64_t isar2 = read_sysreg(S3_0_C0_C6_2), mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1), dczid = read_sysreg(dczid_el0);
	memset(f, 0, sizeof(*f));
	f->lse = id_field(isar0, ISAR0_ATOMIC_SHIFT) >= LSE_ATOMICS;
	f->lse2 = id_field(read_sysreg(id_aa64mmfr2_el1), MMFR2_AT_SHIFT) >= 1;
	f->lrcpc = id_field(isar1, ISAR1_LRCPC_SHIFT) >= 1;
	f->lrcpc2 = id_field(isar1, ISAR1_LRCPC_SHIFT) >= LRCPC2_LEVEL;
	f->ls64 = id_field(isar1, ISAR1_LS64_SHIFT) >= 1;
	f->mops = id_field(isar2, ISAR2_MOPS_SHIFT) >= 1;
	f->lor = id_field(mmfr1, MMFR1_LO_SHIFT) >= 1;
	f->sve = id_field(pfr0, PFR0_SVE_SHIFT) >= 1;
	f->dczid_bytes = (dczid & DCZID_DZP) ? 0 : 4ULL << (dczid & DCZID_BS_MASK);
}

const char *feature_name(unsigned feat)
{
	static const char *const names[] = { "", "FEAT_LSE", "FEAT_LRCPC", "FEAT_LRCPC2", "FEAT_LOR",
					     "FEAT_MOPS", "FEAT_LS64", "FEAT_SVE" };
	return feat < sizeof(names) / sizeof(names[0]) ? names[feat] : "?";
}

static int feature_present(const struct cpu_features *f, unsigned feat)
{
	switch (feat) {
	case FEAT_NONE: return 1;
	case FEAT_LSE: return f->lse;
	case FEAT_LRCPC: return f->lrcpc;
	case FEAT_LRCPC2: return f->lrcpc2;
	case FEAT_LOR: return f->lor;
	case FEAT_MOPS: return f->mops;
	case FEAT_LS64: return f->ls64;
	case FEAT_SVE: return f->sve;
	default: return 0;
	}
}

const char *outcome_word(enum outcome o)
{
	static const char *const w[OUT_COUNT] = { "pass", "abort", "corrupt", "skip", "unclean" };
	return w[o];
}

void set_addr_regs(struct frame *f, const struct case_desc *c, uint64_t window)
{
	const struct form *fm = case_form(c);
	uint64_t base = window + (uint64_t)c->rn_off;
	if (c->ops.rn == REG_SP_ZR)
		f->sp = base;
	else
		f->x[c->ops.rn] = base;
	if (form_field(fm, OP_RM) && c->ops.rm != REG_SP_ZR)
		f->x[c->ops.rm] = c->rm_val;
	if ((fm->flags & FF_RSADDR) && c->ops.rs != REG_SP_ZR)
		f->x[c->ops.rs] = base;  /* MOPS CPY: the source is the window too */
}

static void add_diff(struct verdict *v, const char *item, uint64_t eh, uint64_t e, uint64_t gh, uint64_t g, int wide)
{
	v->ndiff_total++;
	if (v->nd >= VERDICT_MAX_DIFFS)
		return;
	struct diff *d = &v->d[v->nd++];
	snprintf(d->item, sizeof(d->item), "%s", item);
	d->exp_hi = eh;
	d->exp = e;
	d->got_hi = gh;
	d->got = g;
	d->wide = wide;
}

/* Compare register state. delta: target window minus shadow window; an
 * address register may differ by exactly that (base writeback). */
static void compare_regs(const struct frame *exp, const struct frame *got, const struct frame *in_exp,
			 const struct frame *in_got, int whole_psr, struct verdict *v)
{
	char name[12];
	for (unsigned i = 0; i < 31; i++) {
		uint64_t e = exp->x[i], g = got->x[i];
		uint64_t delta = in_got->x[i] - in_exp->x[i];
		if (g == e || (delta && g == e + delta))
			continue;
		snprintf(name, sizeof(name), "x%u", i);
		add_diff(v, name, 0, delta ? e + delta : e, 0, g, 0);
	}
	uint64_t sdelta = in_got->sp - in_exp->sp;
	if (got->sp != exp->sp && !(sdelta && got->sp == exp->sp + sdelta))
		add_diff(v, "sp", 0, exp->sp + sdelta, 0, got->sp, 0);
	/* EL1h: sp is SP_EL1; SP_EL0 is not the cell's and must stay as it was. */
	if ((in_got->pstate & PSR_MODE_MASK) == PSR_MODE_EL1H && got->sp_el0 != exp->sp_el0)
		add_diff(v, "sp_el0", 0, exp->sp_el0, 0, got->sp_el0, 0);
	if ((got->pstate & PSR_NZCV_MASK) != (exp->pstate & PSR_NZCV_MASK))
		add_diff(v, "nzcv", 0, exp->pstate >> PSR_NZCV_SHIFT & 0xf, 0, got->pstate >> PSR_NZCV_SHIFT & 0xf, 0);
	/* The rest of PSTATE (mode, DAIF, PAN, SS, SSBS, BTYPE...) as SPSR_EL1
	 * recorded it: an emulated access changes none of it (a refusal's SPSR
	 * is one of abort_defects' fields). */
	if (whole_psr && (got->pstate & ~PSR_NZCV_MASK) != (exp->pstate & ~PSR_NZCV_MASK))
		add_diff(v, "pstate", 0, exp->pstate & ~PSR_NZCV_MASK, 0, got->pstate & ~PSR_NZCV_MASK, 0);
	for (unsigned i = 0; i < 32; i++) {
		if (got->v[i].lo == exp->v[i].lo && got->v[i].hi == exp->v[i].hi)
			continue;
		snprintf(name, sizeof(name), "v%u", i);
		add_diff(v, name, exp->v[i].hi, exp->v[i].lo, got->v[i].hi, got->v[i].lo, 1);
	}
	if (got->fpsr != exp->fpsr)
		add_diff(v, "fpsr", 0, exp->fpsr, 0, got->fpsr, 0);
	if (got->fpcr != exp->fpcr)
		add_diff(v, "fpcr", 0, exp->fpcr, 0, got->fpcr, 0);
}

static uint8_t lead_before[PAGE_SIZE];   /* the lead-in page as the case found it */

static uint8_t *shadow_window(const struct target *t)
{
	return &shadow_pages[1][0] + (t->pa & PAGE_MASK);
}

/* The case's own data (lib/inputs.c), so no case reads what an earlier one
 * left: the lead-in page on both sides, and the window's footprint (with
 * the read-back margin) written to the target with ISV=1 stores under the
 * probe's write mask and read back into the mirror, which seeds the shadow. */
static void seed_memory(struct target *t, const struct case_desc *c, uint64_t seed, struct verdict *v)
{
	static uint8_t want[WINDOW_MAX_LEN];
	uint64_t esr;
	inputs_lead(c, seed, shadow_pages[0], PAGE_SIZE);
	memcpy(t->lead, shadow_pages[0], PAGE_SIZE);
	memcpy(lead_before, shadow_pages[0], PAGE_SIZE);
	unsigned b = t->best_width;
	if (!t->aborts_all && b) {
		inputs_window(c, seed, want, t->len);
		int32_t lo = c->off - READBACK_MARGIN, hi = c->off + (int32_t)c->bytes + READBACK_MARGIN;
		lo = lo < 0 ? 0 : lo & ~(int32_t)(b - 1);
		hi = hi > (int32_t)t->len ? (int32_t)t->len : hi;
		for (int32_t o = lo; o + (int32_t)b <= hi; o += (int32_t)b) {
			uint64_t val = 0, mask = 0;
			for (unsigned i = 0; i < b; i++) {
				uint8_t m = t->wmask[o + (int32_t)i];
				val |= (uint64_t)((want[o + (int32_t)i] & m) | (t->mirror[o + (int32_t)i] & ~m)) << (8 * i);
				mask |= m;
			}
			if (!mask)
				continue;   /* nothing there follows writes (RAZ/WI): no trap */
			guarded_write(t->va + (uint64_t)o, b, val, &esr);
			v->traps++;
		}
		if (hi > lo && !target_readback(t, (uint32_t)lo, (uint32_t)(hi - lo), t->mirror + lo))
			v->traps += ((uint32_t)(hi - lo) + b - 1) / b;
	}
	memcpy(shadow_window(t), t->mirror, t->len);
}

/* Read back [lo, hi) of the target window, compare with what is expected
 * there, and refresh the mirror. charge = 0: only count the differing bytes
 * (into *moved, the first at *first), charge nothing. */
static unsigned compare_range_as(struct target *t, int32_t lo, int32_t hi, const uint8_t *want, struct verdict *v,
				 int charge, uint32_t *first)
{
	char name[12];
	unsigned moved = 0;
	if (hi <= lo)
		return 0;
	uint8_t got[WINDOW_MAX_LEN];
	target_readback(t, (uint32_t)lo, (uint32_t)(hi - lo), got);
	v->traps += ((uint32_t)(hi - lo) + t->best_width - 1) / t->best_width;
	for (int32_t b = lo; b < hi; b++) {
		uint8_t m = t->wmask[b];
		uint8_t exp = (uint8_t)((want[b] & m) | (t->mirror[b] & ~m));
		if (charge && want[b] != t->mirror[b] && m != 0xff)
			v->unchecked++;
		if (got[b - lo] == exp)
			continue;
		if (!charge) {
			if (!moved++ && first)
				*first = (uint32_t)b;
			continue;
		}
		snprintf(name, sizeof(name), "mem+%d", (int)b);
		add_diff(v, name, 0, exp, 0, got[b - lo], 0);
	}
	if (charge)
		memcpy(t->mirror + lo, got, (size_t)(hi - lo));
	return moved;
}

static void compare_range(struct target *t, int32_t lo, int32_t hi, const uint8_t *want, struct verdict *v)
{
	compare_range_as(t, lo, hi, want, v, 1, NULL);
}

/* The target run of the case, kept so the judge can run it once more (the
 * drift check below). */
static enum cell_mode run_mode;
static int run_be;

/* The window outside [lo, hi) was last read when an earlier case touched
 * it, so a difference there may be this case's stray write or a change
 * between cases (target drift). Tell them apart: put the expected bytes
 * back, run the instruction again, read again. What changes again is the
 * case's (charged, as a diff); what does not was drift (a finding, never
 * charged). */
static void compare_outside(struct target *t, int32_t lo, int32_t hi, const uint8_t *want, struct verdict *v)
{
	uint32_t first = 0, first2 = 0;
	unsigned moved = compare_range_as(t, 0, lo, want, v, 0, &first) +
			 compare_range_as(t, hi, (int32_t)t->len, want, v, 0, first ? NULL : &first);
	if (!moved)
		return;
	/* What the window should hold: expected bytes outside the footprint,
	 * what was just read inside it. */
	uint8_t exp[WINDOW_MAX_LEN];
	for (int32_t b = 0; b < (int32_t)t->len; b++)
		exp[b] = b >= lo && b < hi ? t->mirror[b] :
			 (uint8_t)((want[b] & t->wmask[b]) | (t->mirror[b] & ~t->wmask[b]));
	unsigned w = t->best_width;
	uint64_t esr;
	for (int32_t o = 0; o + (int32_t)w <= (int32_t)t->len; o += (int32_t)w) {
		if (o >= (lo & ~(int32_t)(w - 1)) && o + (int32_t)w <= hi)
			continue;   /* wholly inside the footprint: leave it */
		uint64_t val = 0;
		for (unsigned i = 0; i < w; i++)
			val |= (uint64_t)exp[o + (int32_t)i] << (8 * i);
		guarded_write(t->va + (uint64_t)o, w, val, &esr);
		v->traps++;
	}
	struct frame again = in_t;
	struct cell_result r;
	cell_exec(&again, run_mode, run_be, &r);
	v->traps += 1;
	unsigned moved2 = compare_range_as(t, 0, lo, want, v, 0, &first2) +
			  compare_range_as(t, hi, (int32_t)t->len, want, v, 0, NULL);
	if (moved2) {
		/* The instruction writes there: charge it (and refresh the mirror). */
		compare_range(t, 0, lo, want, v);
		compare_range(t, hi, (int32_t)t->len, want, v);
	} else {
		v->drift_n = moved;
		v->drift_lo = first;
		memcpy(t->mirror, exp, (size_t)lo);
		memcpy(t->mirror + hi, exp + hi, t->len - (size_t)hi);
	}
	/* The second run may have changed the footprint again: re-learn it. */
	uint8_t got[WINDOW_MAX_LEN];
	if (!target_readback(t, (uint32_t)lo, (uint32_t)(hi - lo), got))
		memcpy(t->mirror + lo, got, (size_t)(hi - lo));
}

unsigned judge_sweep(struct target *t, uint32_t *first, uint32_t *traps)
{
	uint8_t got[WINDOW_MAX_LEN];
	unsigned moved = 0;
	*traps = 0;
	if (t->aborts_all || !t->best_width || t->stale || target_readback(t, 0, t->len, got))
		return 0;
	*traps = (t->len + t->best_width - 1) / t->best_width;
	for (uint32_t b = 0; b < t->len; b++)
		if (got[b] != t->mirror[b] && !moved++)
			*first = b;
	memcpy(t->mirror, got, t->len);
	return moved;
}

/* Memory effects. Lead-in bytes are RAM on both sides; target bytes are
 * read back with ISV=1 loads and compared under the probe's write mask.
 * 'want' is the expected window content (shadow after, or mirror before). */
static void compare_memory(struct target *t, const struct case_desc *c, const uint8_t *want, struct verdict *v)
{
	char name[12];
	if (c->off < 0) {
		uint32_t lo = PAGE_SIZE - (uint32_t)(-c->off);
		uint32_t hi = PAGE_SIZE - (uint32_t)(-c->off) + c->bytes;
		if (hi > PAGE_SIZE)
			hi = PAGE_SIZE;
		int aborted = want == t->mirror;
		for (uint32_t b = lo; b < hi; b++) {
			uint8_t exp = aborted ? lead_before[b] : shadow_pages[0][b];
			/* An access split across pages that aborts on the target part
			 * may or may not have written its RAM part (the Arm ARM leaves
			 * those bytes UNKNOWN): either value is a clean abort. */
			if (aborted && t->lead[b] == shadow_pages[0][b])
				continue;
			if (t->lead[b] != exp) {
				snprintf(name, sizeof(name), "mem%+d", (int)b - (int)PAGE_SIZE);
				add_diff(v, name, 0, exp, 0, t->lead[b], 0);
			}
		}
	}
	if (t->aborts_all || !t->best_width || t->stale) {
		/* Nothing can be read back: whatever the instruction stored in the
		 * target is unverified, never a plain pass (a store the hypervisor
		 * drops on a target that refuses ISV=1 came out "pass").
		 * Counted as in compare_range: the bytes the CPU changed on RAM. */
		for (int32_t b = c->off > 0 ? c->off : 0; want != t->mirror && b < c->off + (int32_t)c->bytes; b++)
			v->unchecked += want[b] != t->mirror[b];
		return;
	}
	/* The footprint and a margin around it, refilled and read just before
	 * the instruction (seed_memory): a difference there is the case's,
	 * loads included. A case that is already wrong gets the rest of the
	 * window checked too (compare_outside), so a stray write far from the
	 * footprint is charged to this case, and drift to nobody. */
	int32_t lo = c->off - READBACK_MARGIN, hi = c->off + (int32_t)c->bytes + READBACK_MARGIN;
	if (lo < 0)
		lo = 0;
	if (hi > (int32_t)t->len)
		hi = (int32_t)t->len;
	unsigned before = v->ndiff_total;
	compare_range(t, lo, hi, want, v);
	if (before || v->ndiff_total)
		compare_outside(t, lo, hi, want, v);
}

static int step_disabled_mask(const struct target *t)
{
	return t->mask_disabled;
}

/* The widest single access the CPU may make for a form. LD1/ST1 multiple
 * may merge the elements of one register (QEMU TCG does, 8 bytes at a
 * time). With FEAT_LSE2 a pair of 32-bit registers (LDP/STP/LDNP/STNP W,
 * not LDPSW) is one 64-bit access: the Arm ARM's LDP/STP pseudocode reads
 * or writes Mem[address, 2 * dbytes] as one access when FEAT_LSE2 is
 * implemented (QEMU 10 does exactly that, QEMU 7.2 issued two). */
static unsigned widest_access(const struct form *f, const struct cpu_features *feat)
{
	if (f->flags & FF_MERGE)
		return MERGE_BYTES;
	if (feat->lse2 && (f->flags & FF_PAIR) && !(f->flags & (FF_SIGNED | FF_SIMD)) && f->esize < MERGE_BYTES)
		return 2u * f->esize;
	return f->esize;
}

static const char *static_skip(const struct target *t, const struct case_desc *c, const struct cpu_features *feat,
			       char *buf, size_t len)
{
	const struct form *f = case_form(c);
	/* An absent feature names itself first, even for an UNPREDICTABLE variant. */
	if (!feature_present(feat, f->feature)) {
		snprintf(buf, len, "%s not implemented", feature_name(f->feature));
		return buf;
	}
	if (c->skip)
		return c->skip;
	/* The destination of a non-fault load from MMIO is not defined by a
	 * value the oracle can produce: the elements are not accessed and only
	 * FFR (which the frame does not hold) records it. */
	if (f->flags & FF_NODEVICE)
		return "non-fault load: MMIO is not accessed";
	if (c->placement == PL_CROSS && (t->pa & PAGE_MASK))
		return "window not page aligned";
	if ((f->flags & FF_ZVA) && !feat->dczid_bytes)
		return "DC ZVA prohibited (DCZID_EL0.DZP)";
	if ((f->flags & FF_ZVA) && (t->pa & (feat->dczid_bytes - 1)))
		return "window not aligned to the DC ZVA block";
	if (c->off + (int64_t)c->bytes > (int64_t)t->len || c->off < -(int64_t)PAGE_SIZE)
		return "outside the target window";
	if (c->bytes) {
		/* The widest single access the CPU may make: LD1/ST1 multiple may merge
		 * the elements of one register (QEMU TCG does, 8 bytes at a time).
		 * Only what the architecture leaves undefined for the target, or a
		 * probe step the runner disabled, is a skip; a width that aborts or
		 * answers inconsistently is graded (the case shows it). */
		unsigned w = width_index(widest_access(f, feat));
		int load = (f->flags & FF_LOAD) != 0, store = (f->flags & FF_STORE) != 0;
		int ua = c->placement == PL_UNALIGNED && w;
		unsigned rs = ua ? t->ua_read_ok[w] : t->read_ok[w], ws = ua ? t->ua_write_ok[w] : t->write_ok[w];
		unsigned st = load && rs >= PROBE_UNDEFINED ? rs : store && ws >= PROBE_UNDEFINED ? ws : PROBE_OK;
		char dir = load && rs >= PROBE_UNDEFINED ? 'r' : 'w';
		if (st == PROBE_UNDEFINED) {
			snprintf(buf, len, "architecture: no %s%u-bit access to %s (%s)", ua ? "unaligned " : "",
				 8u << w, t->name, ua ? "GICv3 12.1.3" : "8/32-bit only, GICv3 12.1.3");
			return buf;
		}
		if (st == PROBE_DISABLED) {
			snprintf(buf, len, "probe disabled: %s %s%c%u", t->name, ua ? "ua-" : "", dir, 8u << w);
			return buf;
		}
		if (!t->best_width && !t->aborts_all && step_disabled_mask(t)) {
			snprintf(buf, len, "probe disabled: %s mask", t->name);
			return buf;
		}
	}
	return NULL;
}

/* A load that crosses into the target from RAM and aborts on the target
 * part may already have written its destination registers: the Arm ARM
 * makes them UNKNOWN after a synchronous Data Abort. Take whatever they
 * hold as expected; every other register must still be as loaded. */
static void unknown_destinations(const struct case_desc *c, struct frame *exp, const struct frame *got, int always)
{
	const struct form *f = case_form(c);
	unsigned n = f->nregs ? f->nregs : 1;
	if (!(f->flags & FF_LOAD) || (c->off >= 0 && !always))
		return;
	if (f->flags & FF_RT8)
		n = LS64_REGS;
	for (unsigned i = 0; i < n; i++) {
		unsigned r = (c->ops.rt + i) & REG_SP_ZR;
		if (f->flags & FF_SIMD)
			exp->v[r] = got->v[r];
		else if (r != REG_SP_ZR)
			exp->x[r] = got->x[r];
	}
	if (f->flags & FF_PAIR) {
		if (f->flags & FF_SIMD)
			exp->v[c->ops.rt2] = got->v[c->ops.rt2];
		else if (c->ops.rt2 != REG_SP_ZR)
			exp->x[c->ops.rt2] = got->x[c->ops.rt2];
	}
}

/* An SVE first-fault load: the destination elements from the first one
 * FFR marks not loaded (by either run: the oracle's FFR on RAM is all true
 * on QEMU, but a CPU may decline any non-first element) are CONSTRAINED
 * UNPREDICTABLE, so they are not compared (named in the YAML as
 * not_compared). Returns the byte of Zt from which nothing is compared. */
static unsigned ff_compared_bytes(const struct case_desc *c)
{
	const struct form *f = case_form(c);
	if (!sve_vl || !(f->flags & FF_FIRSTFAULT))
		return ZREG_MAX_BYTES;   /* all */
	unsigned eb = VREG_BYTES / f->nelem;
	unsigned ks = ffr_loaded(ffr_s, sve_pred, sve_vl, eb), kt = ffr_loaded(ffr_t, sve_pred, sve_vl, eb);
	return (ks < kt ? ks : kt) * eb;
}

/* Take the uncompared bytes of Zt below 128 bits (the frame's V register)
 * as the target left them. */
static void ff_unknown_lanes(const struct case_desc *c, unsigned from, struct frame *exp, const struct frame *got)
{
	uint8_t e[VREG_BYTES], g[VREG_BYTES];
	struct vreg *ev = &exp->v[c->ops.rt];
	if (from >= VREG_BYTES)
		return;
	memcpy(e, &ev->lo, 8);
	memcpy(e + 8, &ev->hi, 8);
	memcpy(g, &got->v[c->ops.rt].lo, 8);
	memcpy(g + 8, &got->v[c->ops.rt].hi, 8);
	memcpy(e + from, g + from, VREG_BYTES - from);
	memcpy(&ev->lo, e, 8);
	memcpy(&ev->hi, e + 8, 8);
}

/* The first active element after the first one that a first-fault load
 * must not access: one with a byte on Device memory (the target's mapping,
 * except the Normal-NC alias of -unaligned, where any may be declined).
 * VL / eb: none. */
static unsigned ff_kmax(const struct case_desc *c, unsigned eb)
{
	const struct form *f = case_form(c);
	unsigned n = sve_vl / eb, e = ffr_next_active(sve_pred, sve_vl, eb, 0);
	if (c->placement == PL_UNALIGNED)
		return n;
	while (e < n && (e = ffr_next_active(sve_pred, sve_vl, eb, e + 1)) < n)
		if (c->off + (int64_t)(e + 1) * f->esize > 0)
			return e;
	return n;
}

/* FFR after the target run of an SVE case. A first-fault load that
 * completed: a value the architecture allows (lib/firstfault.c), else
 * compared with the one the CPU itself gives (cleared from the first
 * element it must not access, all true when there is none). Any other SVE
 * form, and any refusal: unchanged, all true. 8 bytes at a time. */
static void compare_ffr(const struct case_desc *c, int done, struct verdict *v)
{
	const struct form *f = case_form(c);
	unsigned eb = VREG_BYTES / (f->nelem ? f->nelem : 1), n = sve_vl / 8;
	uint8_t want[FFR_MAX_BYTES];
	char name[12];
	if (done && (f->flags & FF_FIRSTFAULT)) {
		unsigned kmax = ff_kmax(c, eb);
		if (ffr_ff_valid(ffr_t, sve_pred, sve_vl, eb, kmax))
			return;
		ffr_make(want, sve_vl, eb, kmax);
	} else {
		ffr_make(want, sve_vl, eb, sve_vl / eb);
	}
	for (unsigned b = 0; b < n; b += ZCHUNK) {
		uint64_t e = 0, g = 0;
		unsigned len = n - b < ZCHUNK ? n - b : ZCHUNK;
		memcpy(&e, want + b, len);
		memcpy(&g, ffr_t + b, len);
		if (e == g)
			continue;
		if (b)
			snprintf(name, sizeof(name), "ffr+%u", b);
		else
			snprintf(name, sizeof(name), "ffr");
		add_diff(v, name, 0, e, 0, g, 0);
	}
}

/* A refusal is clean only if the guest can act on it as on a real abort of
 * that instruction (Arm ARM DDI 0487, ESR_ELx and FAR_ELx; contract
 * "unclean"). Each field that breaks it is a defect, named with what was
 * expected and what came. */
#define DFSC_SEA           0x10   /* synchronous External abort, not on a walk */
#define DFSC_TRANS_L0      0x04   /* translation fault, levels 0-3: 0x04-0x07 */
#define DFSC_TRANS_L3      0x07
#define DFSC_ACCESS_L1     0x09   /* access flag fault levels 1-3, permission 0-3: 0x09-0x0f */
#define DFSC_PERM_L3       0x0f
#define DFSC_ALIGN         0x21   /* alignment fault */
#define ESR_IL_BIT         (1ULL << ESR_IL_SHIFT)
#define ESR_FNV_BIT        (1ULL << 10)
#define ESR_WNR_BIT        (1ULL << 6)
#define FAR_ROUND          16     /* widest single access (Q register) */
#define ESR_DFSC_MASK      ((1ULL << ESR_DFSC_WIDTH) - 1)

static void add_defect(struct verdict *v, const char *field, const char *exp, const char *fmt, uint64_t got)
{
	if (v->ndefects >= VERDICT_MAX_DEFECTS)
		return;
	struct defect *d = &v->defects[v->ndefects++];
	d->field = field;
	snprintf(d->expected, sizeof(d->expected), "%s", exp);
	snprintf(d->got, sizeof(d->got), fmt, (unsigned long long)got);
}

/* A DFSC a guest can act on: a synchronous External abort (what a device or
 * a refusing hypervisor reports), or a translation/access flag/permission/
 * alignment fault of the access itself. Everything else describes something
 * the access did not do: DFSC 0x00 is "Address size fault, level 0 of
 * translation or translation table base register" - a broken TTBR. Linux
 * (arch/arm64/mm/fault.c fault_info[0], "ttbr address size fault") handles
 * it with do_bad: SIGKILL for EL0, an oops at EL1; a guest cannot fix up
 * the access from it. */
static int dfsc_actionable(unsigned dfsc)
{
	return dfsc == DFSC_SEA || (dfsc >= DFSC_TRANS_L0 && dfsc <= DFSC_TRANS_L3) ||
	       (dfsc >= DFSC_ACCESS_L1 && dfsc <= DFSC_PERM_L3) || dfsc == DFSC_ALIGN;
}

static void abort_defects(const struct target *t, const struct case_desc *c, const struct cpu_features *feat,
			  uint64_t tw, struct verdict *v)
{
	const struct cell_result *r = &v->tgt;
	const struct form *f = case_form(c);
	uint64_t esr = r->out.esr;
	char buf[40];
	(void)t;
	/* Vector: EL1t takes it through Current EL with SP0, EL1h through
	 * Current EL with SPx, EL0 through Lower EL AArch64 (Arm ARM D1.3.1,
	 * "Exception vectors"). */
	if (!r->vector_ok) {
		snprintf(buf, sizeof(buf), "0x%x", r->vector_want);
		add_defect(v, "vector", buf, "0x%llx", r->out.vector);
	}
	/* SPSR_EL1: the PSTATE the instruction ran with (mode, DAIF, NZCV...). */
	if ((r->out.pstate ^ in_t.pstate) & ~(uint64_t)PSR_NZCV_MASK)
		add_defect(v, "SPSR", "the PSTATE at the instruction", "0x%llx", r->out.pstate);
	/* ELR: the instruction itself (a synchronous abort is precise). */
	if (r->pc_off)
		add_defect(v, "elr", "the instruction (insn+0)", "insn%+lld", (uint64_t)r->pc_off);
	unsigned ec_want = r->el0 ? EC_DABT_LOWER : EC_DABT_CUR;
	if (esr_ec(esr) != ec_want) {
		snprintf(buf, sizeof(buf), "0x%02x", ec_want);
		add_defect(v, "EC", buf, "0x%02llx", esr_ec(esr));
	}
	/* IL is RES1 for a Data Abort with ISV=0 (ESR_ELx.IL). */
	if (!(esr & ESR_IL_BIT))
		add_defect(v, "IL", "1", "%llu", 0);
	/* WnR: 1 for a write, and always 1 for cache maintenance (and DC ZVA,
	 * a write). For an atomic read-modify-write (LD<op>, SWP, CAS, CASP)
	 * the Arm ARM sets it to 0 if a read of the address would have caused
	 * the fault reported, otherwise 1: which one the hypervisor's refusal
	 * stands for is not visible to the guest, so either is accepted. */
	int rmw = (f->flags & FF_LOAD) && (f->flags & FF_STORE) && !(f->flags & FF_EXCL);
	int write = (f->flags & (FF_STORE | FF_ZVA | FF_NOTRANSFER)) != 0;
	unsigned wnr = (esr & ESR_WNR_BIT) != 0;
	if (!rmw && wnr != (unsigned)write)
		add_defect(v, "WnR", write ? "1" : "0", "%llu", wnr);
	unsigned dfsc = (unsigned)(esr & ESR_DFSC_MASK);
	if (!dfsc_actionable(dfsc))
		add_defect(v, "DFSC", "0x10/translation/access/permission/alignment", "0x%02llx", dfsc);
	/* Bits 63:32 are RES0 except ISS2, which only FEAT_LS64 (ST64BV*: Xs)
	 * and later features the ROM does not use define. */
	uint64_t upper = esr >> ESR_UPPER_SHIFT;
	if (upper && !((f->flags & FF_RT8) && feat->ls64))
		add_defect(v, "ESR_upper", "0", "0x%llx", upper);
	/* FAR (valid when FnV = 0): the address the access faulted on. A single
	 * aligned access faults at its address: exact. For a multi-element or
	 * multi-register access, an unaligned one or one crossing into the
	 * target from RAM, the Arm ARM lets FAR be any address within the
	 * faulting access (and never the RAM part, which did not fault); DC ZVA
	 * and cache maintenance: the register's address or any in the block. */
	if (!(esr & ESR_FNV_BIT) && c->bytes) {
		uint64_t start = tw + (uint64_t)(int64_t)c->off, end = start + c->bytes;
		/* Not exact: the faulting part may start below an unaligned address;
		 * QEMU TCG (the architectural model here) reports the start
		 * rounded down to the access size, up to FAR_ROUND bytes. */
		uint64_t lo = start < tw ? tw : start & ~(uint64_t)(FAR_ROUND - 1), far = r->out.far;
		int single = c->bytes == f->esize && !(f->flags & (FF_PAIR | FF_MERGE | FF_SVE | FF_MOPS | FF_RT8)) &&
			     f->nregs <= 1 && f->nelem <= 1 && c->placement != PL_CROSS && c->placement != PL_UNALIGNED &&
			     !(f->flags & (FF_ZVA | FF_NOTRANSFER));
		int ok = single ? far == start : (far >= lo && far < end);
		if ((f->flags & (FF_ZVA | FF_NOTRANSFER)) && far == tw + (uint64_t)c->rn_off)
			ok = 1;
		if (!ok) {
			if (single)
				snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)start);
			else
				snprintf(buf, sizeof(buf), "0x%llx..0x%llx", (unsigned long long)lo,
					 (unsigned long long)end - 1);
			add_defect(v, "FAR", buf, "0x%llx", far);
		}
	}
}

/* The instruction changed no register (a failing store-exclusive, a
 * skipped cache operation, or an access that was dropped): its wrong items
 * are then not "emulated" ones. */
static int no_effect(const struct frame *out)
{
	struct frame a = *out, b = in_t;
	a.pc = b.pc = 0;
	int el1h = (in_t.pstate & PSR_MODE_MASK) == PSR_MODE_EL1H;   /* SP_EL0 is a register it may not touch */
	return !memcmp(a.x, b.x, sizeof(a.x)) && a.sp == b.sp && !memcmp(a.v, b.v, sizeof(a.v)) &&
	       (!el1h || a.sp_el0 == b.sp_el0);
}

/* The inputs the target run is compared against: a load into its own base
 * (Rt or Rt2 = Rn, no writeback) leaves data there, not an address, so that
 * register is not translated between the shadow and the target window. */
static const struct frame *compare_inputs(const struct case_desc *c, struct frame *tmp)
{
	const struct form *f = case_form(c);
	const struct operands *o = &c->ops;
	if (!(f->flags & FF_LOAD) || (f->flags & FF_SIMD) || o->rn == REG_SP_ZR ||
	    (o->rt != o->rn && !((f->flags & FF_PAIR) && o->rt2 == o->rn)))
		return &in_t;
	*tmp = in_t;
	tmp->x[o->rn] = in_s.x[o->rn];
	return tmp;
}

/* Whether any bit of the target part of the footprint follows writes: if
 * none does (RAZ/WI), seed_memory could not give the case its own data. */
static int seed_reaches(const struct target *t, const struct case_desc *c)
{
	int32_t lo = c->off > 0 ? c->off : 0, hi = c->off + (int32_t)c->bytes;
	if (hi > (int32_t)t->len)
		hi = (int32_t)t->len;
	if (hi <= lo || t->aborts_all || !t->best_width)
		return 1;
	for (int32_t b = lo; b < hi; b++)
		if (t->wmask[b])
			return 1;
	return 0;
}

/* EL1 system registers the access leaves alone (lib/cell.c): PAR_EL1 as
 * the oracle run left it. */
static void compare_sysregs(const struct cell_result *exp, const struct cell_result *got, struct verdict *v)
{
	if (got->par != exp->par)
		add_diff(v, "par_el1", 0, exp->par, 0, got->par, 0);
}

/* The one place an outcome is decided. */
static void classify(struct target *t, const struct case_desc *c, const struct cpu_features *feat, uint64_t tw,
		     struct verdict *v)
{
	struct frame in_cmp;
	const struct cell_result *r = &v->tgt;
	if (r->kind == CELL_DONE) {
		struct frame exp = res_s.out;
		unsigned from = ff_compared_bytes(c);
		ff_unknown_lanes(c, from, &exp, &r->out);
		if (from < sve_vl) {
			v->nc_reg = c->ops.rt;
			v->nc_from = from;
			v->nc_to = sve_vl;
		}
		/* A stale target's loads return whatever it last saw: what was
		 * loaded cannot be judged (said on the line), the rest can. */
		if (t->stale && (case_form(c)->flags & FF_LOAD)) {
			unknown_destinations(c, &exp, &r->out, 1);
			v->unknown_load = 1;
		} else if ((case_form(c)->flags & FF_LOAD) && !seed_reaches(t, c)) {
			/* Judged all the same, but against what the device holds, not
			 * data written for this case: a hypervisor that returns that
			 * value for every load passes too. Said on the line. */
			v->unseeded_load = 1;
		}
		compare_regs(&exp, &r->out, &in_s, compare_inputs(c, &in_cmp), 1, v);
		compare_sysregs(&res_s, r, v);
		if (sve_vl)
			compare_ffr(c, 1, v);
		/* Loads too: a hypervisor that writes during a load is caught here. */
		compare_memory(t, c, shadow_window(t), v);
		v->outcome = v->ndiff_total ? OUT_CORRUPT : OUT_PASS;
		if (v->ndiff_total)
			snprintf(v->reason, sizeof(v->reason), "%s with %u wrong item(s)",
				 no_effect(&r->out) ? "completed without any effect" : "emulated", v->ndiff_total);
	} else if (r->kind == CELL_EXCEPTION && (r->pc_off == 0 || r->pc_off == A64_INSN_BYTES) &&
		   (esr_ec(r->out.esr) == EC_DABT_CUR || esr_ec(r->out.esr) == EC_DABT_LOWER)) {
		/* A refusal changes nothing: registers as loaded, memory as before;
		 * then it is clean, or unclean when the abort itself is malformed. */
		struct frame exp = in_t;
		unknown_destinations(c, &exp, &r->out, 0);
		compare_regs(&exp, &r->out, &in_t, &in_t, 0, v);
		compare_sysregs(&res_s, r, v);
		if (sve_vl)
			compare_ffr(c, 0, v);
		compare_memory(t, c, t->mirror, v);
		abort_defects(t, c, feat, tw, v);
		v->outcome = v->ndiff_total ? OUT_CORRUPT : v->ndefects ? OUT_UNCLEAN : OUT_ABORT;
		if (v->ndiff_total)
			snprintf(v->reason, sizeof(v->reason), "data abort after a partial update");
	} else {
		v->outcome = OUT_CORRUPT;
		if (r->kind == CELL_SERROR)
			snprintf(v->reason, sizeof(v->reason), "SError instead of the access");
		else if (r->kind == CELL_OTHER)
			snprintf(v->reason, sizeof(v->reason), "unexpected interrupt (vector 0x%llx)",
				 (unsigned long long)r->out.vector);
		else
			snprintf(v->reason, sizeof(v->reason), "%s at insn%+lld", ec_name(esr_ec(r->out.esr)),
				 (long long)r->pc_off);
		compare_regs(&res_s.out, &r->out, &in_s, compare_inputs(c, &in_cmp), 1, v);
	}
	if (v->serror) {
		v->outcome = OUT_CORRUPT;
		snprintf(v->reason, sizeof(v->reason), "SError after the access (ESR 0x%llx)",
			 (unsigned long long)v->serror_esr);
	}
}

/* SVE at a VL above 128 bits: the Z lanes the frame does not hold (bytes
 * VREG_BYTES..VL of each Z register) must be as the CPU left them on RAM: a
 * load writes (or zeroes) them, nothing else changes them; except the
 * bytes of a first-fault load's Zt that FFR leaves UNKNOWN (v->nc_*). */
static void compare_z_upper(unsigned vl, struct verdict *v)
{
	char name[16];
	for (unsigned n = 0; n < NZREGS; n++)
		for (unsigned b = VREG_BYTES; b + ZCHUNK <= vl; b += ZCHUNK) {
			uint8_t *es = z_s + n * vl + b, *gt = z_t + n * vl + b;
			uint64_t e, g;
			for (unsigned i = 0; i < ZCHUNK && v->nc_to && n == (unsigned)v->nc_reg; i++)
				if (b + i >= v->nc_from)
					es[i] = gt[i];
			memcpy(&e, es, ZCHUNK);
			memcpy(&g, gt, ZCHUNK);
			if (e == g)
				continue;
			snprintf(name, sizeof(name), "z%u+%u", n, b);
			add_diff(v, name, 0, e, 0, g, 0);
		}
}

/* The data a first-fault load's loaded elements must hold: LD1's on the
 * same RAM (the elements FFR marks loaded are loaded as LD1 loads them),
 * not the CPU's own LDFF1 on RAM: QEMU 7.2 TCG's (sve_ldnfff1_r) misreads
 * the predicate when the first active element starts at predicate bit 8
 * or above (it loads 64 predicate bits from byte reg_off / 8 but shifts by
 * reg_off % 64), so ldff1d -pirr came back zero on RAM. The LDFF1 oracle
 * still gives FFR. LD1 with Rm = 31 is unallocated: that case keeps it. */
static void ff_data_oracle(const struct case_desc *c, uint32_t insn, enum cell_mode mode, int be, unsigned zvl)
{
	struct frame in = in_s;
	struct cell_result r;
	unsigned rt = c->ops.rt;
	if (!(case_form(c)->flags & FF_FIRSTFAULT) || c->ops.rm == REG_SP_ZR)
		return;
	cell_load(insn & ~SVE_LDFF1_BIT);
	cell_sve_load(zvl ? z_in : NULL);
	cell_sve_save(zvl ? z_ld1 : NULL, NULL);
	cell_exec(&in, mode, be, &r);
	cell_sve_save(NULL, NULL);
	cell_sve_load(NULL);
	cell_load(insn);
	if (r.kind != CELL_DONE)
		return;
	res_s.out.v[rt] = r.out.v[rt];
	if (zvl)
		memcpy(z_s + rt * zvl, z_ld1 + rt * zvl, zvl);
}

/* DC ZVA's footprint is the naturally aligned DCZID block around the
 * address, known only at run time: widen the case to it. */
static const struct case_desc *runtime_footprint(const struct case_desc *c, const struct cpu_features *feat,
						 struct case_desc *tmp)
{
	if (!(case_form(c)->flags & FF_ZVA))
		return c;
	*tmp = *c;
	uint32_t bs = (uint32_t)feat->dczid_bytes;
	tmp->bytes = bs;
	if (bs)
		tmp->off = c->off & ~(int32_t)(bs - 1);
	return tmp;
}

void judge_case(struct target *t, const struct case_desc *c0, uint64_t seed, const struct cpu_features *feat,
		struct verdict *v)
{
	struct case_desc tmp;
	const struct case_desc *c = runtime_footprint(c0, feat, &tmp);
	const struct form *f = case_form(c);
	memset(v, 0, sizeof(*v));
	encode(f, &c->ops, &v->insn);
	const char *s = static_skip(t, c, feat, v->reason, sizeof(v->reason));
	if (s) {
		if (s != v->reason)
			snprintf(v->reason, sizeof(v->reason), "%s", s);
		v->outcome = OUT_SKIP;
		return;
	}
	enum cell_mode mode = c->placement == PL_BIGENDIAN ? CELL_EL0 : c->placement == PL_EL1H ? CELL_EL1H : CELL_EL1T;
	int be = c->placement == PL_BIGENDIAN || c->placement == PL_BIGENDIAN_EL1;
	shadow_map();
	uint64_t tw = c->placement == PL_UNALIGNED ? t->nc_va : t->va;
	uint64_t sw = SHADOW_VA + PAGE_SIZE + (t->pa & PAGE_MASK);
	cell_load(v->insn);
	unsigned zvl = 0;   /* SVE: the VL whose Z lanes above 128 bits are compared */
	sve_vl = 0;
	if (f->flags & FF_SVE) {
		unsigned vq = c->vq ? c->vq : 1, vl;
		inputs_sve_pred(c, sve_pred, vq * VREG_BYTES);
		if ((vl = cell_sve_setup(sve_pred, vq)) != vq * VREG_BYTES) {
			snprintf(v->reason, sizeof(v->reason), "SVE VL %u not offered (max %u)", vq * VREG_BYTES * 8,
				 vl * 8);
			v->outcome = OUT_SKIP;
			return;
		}
		if (vl <= ZREG_MAX_BYTES)
			sve_vl = vl;
		if (vl > VREG_BYTES && vl <= ZREG_MAX_BYTES)
			zvl = vl;
	}

	/* 1. The oracle: the CPU on the shadow. */
	seed_memory(t, c, seed, v);
	inputs_frame(c, seed, t->mirror, t->len, &in_s);
	set_addr_regs(&in_s, c, sw);
	in_t = in_s;
	set_addr_regs(&in_t, c, tw);
	if (zvl)
		z_inputs(&in_s, seed, zvl);
	struct frame in_s_copy = in_s;
	cell_sve_load(zvl ? z_in : NULL);
	cell_sve_save(zvl ? z_s : NULL, sve_vl ? ffr_s : NULL);
	cell_exec(&in_s_copy, mode, be, &res_s);
	cell_sve_save(NULL, NULL);
	cell_sve_load(NULL);
	in_s.pc = in_s_copy.pc;
	in_s.pstate = in_s_copy.pstate;   /* the full PSTATE the cell was entered with */
	in_s.sp_el0 = in_s_copy.sp_el0;   /* EL1h: the SP_EL0 it must leave alone */
	if (res_s.kind != CELL_DONE) {
		/* UNDEFINED on normal RAM although the ID registers the guest sees
		 * advertise the instruction (static_skip checked them): the
		 * hypervisor traps or disables what it advertises (e.g. FEAT_MOPS
		 * with HCRX_EL2.MSCEn clear). Not a skip: that would hide it. Other
		 * faults on RAM are the architecture's (a MOPS exception, a copy
		 * that runs off the shadow) and stay a skip. */
		int undef = res_s.kind == CELL_EXCEPTION && esr_ec(res_s.out.esr) == EC_UNKNOWN;
		v->outcome = undef ? OUT_CORRUPT : OUT_SKIP;
		snprintf(v->reason, sizeof(v->reason), "%s: ESR 0x%llx",
			 undef ? "UNDEFINED on RAM though the ID registers advertise it" : "oracle faults on RAM",
			 (unsigned long long)res_s.out.esr);
		return;
	}

	ff_data_oracle(c, v->insn, mode, be, zvl);

	/* 2. The same instruction on the target. */
	struct frame in_t_copy = in_t;
	run_mode = mode;
	run_be = be;
	cell_sve_load(zvl ? z_in : NULL);
	cell_sve_save(zvl ? z_t : NULL, sve_vl ? ffr_t : NULL);
	if (sve_vl)
		cell_sve_setffr();
	cell_exec(&in_t_copy, mode, be, &v->tgt);
	cell_sve_save(NULL, NULL);
	cell_sve_load(NULL);
	v->traps += 1;
	if ((v->tgt.out.isr & ISR_A) || v->tgt.kind == CELL_SERROR)
		v->serror = serror_flush(&v->serror_esr) || v->tgt.kind == CELL_SERROR;
	if (v->tgt.kind == CELL_SERROR && !v->serror_esr)
		v->serror_esr = v->tgt.out.esr;
	in_t.pc = in_t_copy.pc;
	in_t.pstate = in_t_copy.pstate;
	in_t.sp_el0 = in_t_copy.sp_el0;
	classify(t, c, feat, tw, v);
	if (zvl && v->tgt.kind == CELL_DONE && !v->serror && !v->unknown_load) {
		unsigned before = v->ndiff_total;
		compare_z_upper(zvl, v);
		if (v->ndiff_total != before) {
			v->outcome = OUT_CORRUPT;
			snprintf(v->reason, sizeof(v->reason), "emulated with %u wrong item(s)", v->ndiff_total);
		}
	}
}
