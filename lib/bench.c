/* bench=forms: per form, what an access costs the guest, measured with
 * CNTVCT around cell_exec (the executor every case runs through):
 *   ram   the form on the RAM shadow: the cell's own cost, no trap;
 *   isv1  an ISV=1 LDR/STR (unsigned offset, the form's width, or the
 *         target's widest working width when the probe says that width
 *         aborts) at the form's first byte on the same target;
 *   form  the form itself on the target.
 * Each is run BENCH_REPS times, interleaved in blocks of BENCH_BLOCK (ram,
 * form, ram, form..., then isv1...) so a noisy host slows all three alike; the table gives the median and
 * p10-p90. Whether the form was emulated or refused is what happened: the
 * judge's verdict on the same case first (pass/corrupt = it ran, abort =
 * refused), then every timed run's cell result must agree (else `~`).
 * What the hypervisor spends: isv1 - ram = trap + ISV=1 emulation (the
 * syndrome names everything); form - isv1 = fetching and decoding the
 * instruction (emulated), or injecting the abort instead (refused). */
#include <stdio.h>
#include <string.h>
#include "bench.h"
#include "encode.h"
#include "esr.h"
#include "inputs.h"
#include "layout.h"
#include "mmu.h"
#include "sysreg.h"
#include "tap.h"

#define BENCH_REPS   64
#define BENCH_BLOCK  8          /* runs per cell_load */
#define REG_SP       31
#define BENCH_P10    (BENCH_REPS / 10)
#define BENCH_P90    (BENCH_REPS - 1 - BENCH_REPS / 10)
#define BENCH_RT     2          /* the ISV=1 reference: ldr/str w2|x2, [x1] */
#define BENCH_RN     1
#define REG_RN_SHIFT 5
#define LDST_SIZE_SHIFT 30
#define NS_PER_S     1000000000ULL
#define NS_PER_US    1000u
#define MAX_FORMS    512
#define VREG_BYTES   16         /* an SVE quadword */        /* per target: medians kept for the summary */

/* LDR/STR (immediate, unsigned offset), size field 0 (B) .. 3 (X) at bit 30 */
static const struct { const char *name; uint32_t bits; } isv1_ref[] = {
	{ "ldr-uimm", 0x39400000 },
	{ "str-uimm", 0x39000000 },
};
enum { REF_LOAD, REF_STORE };

enum run_class { RC_EMUL, RC_ABORT, RC_OTHER };
static const char *const class_word[] = { "emul", "abrt", "othr" };

struct series { uint64_t t[BENCH_REPS]; };

static uint64_t frq;
static const struct target *cur_target;
/* Per target: form - isv1 (ns) of every emulated and every refused form */
static uint64_t d_emul[MAX_FORMS], d_abort[MAX_FORMS];
static unsigned n_emul, n_abort;

static enum run_class run_class(const struct cell_result *r)
{
	unsigned ec = esr_ec(r->out.esr);
	if (r->kind == CELL_DONE)
		return RC_EMUL;
	if (r->kind == CELL_EXCEPTION && r->pc_off == 0 && (ec == EC_DABT_CUR || ec == EC_DABT_LOWER))
		return RC_ABORT;
	return RC_OTHER;
}

static uint64_t ticks_now(void)
{
	isb();
	uint64_t t = read_sysreg(cntvct_el0);
	isb();
	return t;
}

/* SVE forms: the predicate and vector length the judge used (VL bytes) */
static uint8_t sve_pred[INPUTS_SVE_PRED_MAX];
static unsigned sve_vq;

/* One timed run of the loaded instruction from *in; its class. */
static enum run_class timed_exec(const struct frame *in, int sve, uint64_t *ticks)
{
	struct frame f = *in;
	struct cell_result r;
	if (sve)
		cell_sve_setup(sve_pred, sve_vq);
	uint64_t t0 = ticks_now();
	cell_exec(&f, CELL_EL1T, 0, &r);
	*ticks = ticks_now() - t0;
	return run_class(&r);
}

static void sort_u64(uint64_t *a, unsigned n)
{
	for (unsigned i = 1; i < n; i++)
		for (unsigned j = i; j && a[j - 1] > a[j]; j--) {
			uint64_t x = a[j];
			a[j] = a[j - 1];
			a[j - 1] = x;
		}
}

static uint64_t to_ns(uint64_t ticks) { return frq ? ticks * NS_PER_S / frq : 0; }

/* Microseconds in at most 4 characters for anything under 10 s of a
 * second: "1.23", "12.3", "123", "1234" (short lines whatever the host). */
#define US_2DEC 10u
#define US_1DEC 100u
static const char *us(uint64_t ns, char *buf, size_t len)
{
	unsigned long long u = ns / NS_PER_US, f = ns % NS_PER_US;
	if (u < US_2DEC)
		snprintf(buf, len, "%llu.%02llu", u, f / (NS_PER_US / 100));
	else if (u < US_1DEC)
		snprintf(buf, len, "%llu.%llu", u, f / (NS_PER_US / 10));
	else
		snprintf(buf, len, "%llu", u);
	return buf;
}

/* "med p10-p90" of a series, sorted in place; returns the median (ns) */
static uint64_t stats(struct series *s, char *buf, size_t len)
{
	char a[16], b[16], c[16];
	sort_u64(s->t, BENCH_REPS);
	uint64_t med = to_ns(s->t[BENCH_REPS / 2]);
	snprintf(buf, len, "%s %s-%s", us(med, a, sizeof(a)), us(to_ns(s->t[BENCH_P10]), b, sizeof(b)),
		 us(to_ns(s->t[BENCH_P90]), c, sizeof(c)));
	return med;
}

/* The ISV=1 reference access: same direction and width as the form where
 * the probe says the target takes that width, else its widest good width. */
static uint32_t reference_insn(const struct target *t, const struct form *f, unsigned *bytes, int *store)
{
	unsigned w = width_index(f->esize && f->esize < 8 ? f->esize : 8);
	*store = !(f->flags & FF_LOAD) && (f->flags & (FF_STORE | FF_ZVA));
	const uint8_t *ok = *store ? t->write_ok : t->read_ok;
	if (ok[w] != 1 && t->best_width)
		w = width_index(t->best_width);
	*bytes = 1u << w;
	return isv1_ref[*store ? REF_STORE : REF_LOAD].bits | (uint32_t)w << LDST_SIZE_SHIFT |
	       BENCH_RN << REG_RN_SHIFT | BENCH_RT;
}

void bench_forms_begin(void)
{
	frq = read_sysreg(cntfrq_el0);
	tap_printf("# bf: us per access, median p10-p90 of %u, CNTFRQ %llu Hz; ram = the form on RAM,", BENCH_REPS,
		   (unsigned long long)frq);
	tap_printf("# bf: isv1 = ISV=1 LDR/STR of WIDTH on the target, form = the form on the target,");
	tap_printf("# bf: d = form - isv1; emul = ran, abrt = refused (abort), ~ = runs disagreed");
	tap_printf("# bf %-4s %-30s %5s %-4s %-5s %-15s %-5s %-15s %s", "tgt", "form", "ram", "isv1", "class",
		   "med p10-p90", "form", "med p10-p90", "d");
}

static void summary(void)
{
	char a[16], b[16];
	if (!cur_target)
		return;
	sort_u64(d_emul, n_emul);
	sort_u64(d_abort, n_abort);
	tap_printf("# bf-summary %s: %u emulated, d median %s us; %u refused, d median %s us", cur_target->name,
		   n_emul, n_emul ? us(d_emul[n_emul / 2], a, sizeof(a)) : "-", n_abort,
		   n_abort ? us(d_abort[n_abort / 2], b, sizeof(b)) : "-");
	n_emul = n_abort = 0;
}

void bench_forms_end(void)
{
	summary();
}

void bench_form(struct target *t, const struct case_desc *c, uint64_t seed, const struct cpu_features *feat)
{
	static struct verdict v;
	static struct series ram, ref, form;
	char id[80], sr[48], sx[48], sf[48], su[16];
	const struct form *f = case_form(c);
	if (t != cur_target) {
		summary();
		cur_target = t;
	}
	int n = snprintf(id, sizeof(id), "%s/", case_family(c)->name);
	snprintf(id + n, sizeof(id) - (size_t)n, "%s", f->name);
	/* What happens to this case, judged as in a run (this also seeds the
	 * target and the shadow and maps the shadow). */
	judge_case(t, c, seed, feat, &v);
	if (v.outcome == OUT_SKIP) {
		tap_printf("# bf %-4s %-30s skip: %.56s", t->name, id, v.reason);
		return;
	}
	struct frame in, in_ram, in_ref;
	inputs_frame(c, seed, t->mirror, t->len, &in);
	in_ram = in;
	set_addr_regs(&in, c, t->va);
	set_addr_regs(&in_ram, c, SHADOW_VA + PAGE_SIZE + (t->pa & PAGE_MASK));
	unsigned rbytes;
	int rstore, sve = (f->flags & FF_SVE) != 0;
	if (sve) {
		sve_vq = c->vq ? c->vq : 1;
		inputs_sve_pred(c, sve_pred, sve_vq * VREG_BYTES);
	}
	uint32_t rinsn = reference_insn(t, f, &rbytes, &rstore);
	in_ref = in;
	in_ref.x[BENCH_RN] = t->va + (uint64_t)(c->off & ~(int32_t)(rbytes - 1));
	in_ref.x[BENCH_RT] = 0;
	if (rstore) /* write back what the target holds: no state change */
		memcpy(&in_ref.x[BENCH_RT], t->mirror + (c->off & ~(int32_t)(rbytes - 1)), rbytes);
	struct frame in_ref_ram = in_ref;
	in_ref_ram.x[BENCH_RN] = in_ram.x[c->ops.rn] - in.x[c->ops.rn] + in_ref.x[BENCH_RN];
	if (c->ops.rn == REG_SP)
		in_ref_ram.x[BENCH_RN] = in_ram.sp - in.sp + in_ref.x[BENCH_RN];
	enum run_class rc_ref = RC_OTHER, rc_form = RC_OTHER;
	int ref_mixed = 0, form_mixed = 0;
	uint64_t warm;
	/* Blocks: a changed slot costs a refetch (TCG retranslates), so each
	 * cell_load is followed by one untimed run on RAM. */
	for (unsigned b = 0; b < BENCH_REPS; b += BENCH_BLOCK) {
		cell_load(v.insn);
		timed_exec(&in_ram, sve, &warm);
		for (unsigned i = b; i < b + BENCH_BLOCK; i++) {
			timed_exec(&in_ram, sve, &ram.t[i]);
			enum run_class k = timed_exec(&in, sve, &form.t[i]);
			form_mixed |= i && k != rc_form;
			rc_form = k;
		}
		cell_load(rinsn);
		timed_exec(&in_ref_ram, 0, &warm);
		for (unsigned i = b; i < b + BENCH_BLOCK; i++) {
			enum run_class k = timed_exec(&in_ref, 0, &ref.t[i]);
			ref_mixed |= i && k != rc_ref;
			rc_ref = k;
		}
	}
	/* the verdict's class: pass/corrupt ran, abort refused */
	enum run_class vc = v.outcome == OUT_ABORT ? RC_ABORT : v.tgt.kind == CELL_DONE ? RC_EMUL : RC_OTHER;
	form_mixed |= vc != rc_form;
	stats(&ram, sr, sizeof(sr));
	uint64_t mr = stats(&ref, sx, sizeof(sx)), mf = stats(&form, sf, sizeof(sf));
	uint64_t d = mf > mr ? mf - mr : mr - mf;
	if (rc_form == RC_EMUL && !form_mixed && n_emul < MAX_FORMS)
		d_emul[n_emul++] = mf > mr ? d : 0;
	if (rc_form == RC_ABORT && !form_mixed && n_abort < MAX_FORMS)
		d_abort[n_abort++] = mf > mr ? d : 0;
	char *ram_med = sr, rw[8], rcl[8], fcl[8];
	*strchr(ram_med, ' ') = 0;
	snprintf(rw, sizeof(rw), "%c%u", rstore ? 'w' : 'r', rbytes * 8);
	snprintf(rcl, sizeof(rcl), "%s%s", class_word[rc_ref], ref_mixed ? "~" : "");
	snprintf(fcl, sizeof(fcl), "%s%s", class_word[rc_form], form_mixed ? "~" : "");
	tap_printf("# bf %-4s %-30s %5s %-4s %-5s %-15s %-5s %-15s %c%s", t->name, id, ram_med, rw, rcl, sx, fcl,
		   sf, mf >= mr ? '+' : '-', us(d, su, sizeof(su)));
}
