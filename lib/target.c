/* Targets: the MMIO windows the matrix aims at, their aliases in the cell
 * area, and what ISV=1 probing says about them (per width: does a read or
 * write abort, are reads stable, which bits of each byte follow writes). */
#include <string.h>
#include <stdio.h>
#include "target.h"
#include "bootargs.h"
#include "layout.h"
#include "mmu.h"
#include "guard.h"
#include "tap.h"

/* GIC distributor: IPRIORITYR for SPIs (INTID 32 up) and GICD_TYPER */
#define GICD_TYPER              0x004
#define GICD_TYPER_ITLINES_MASK 0x1f
#define GICD_IPRIORITYR_SPI     0x420
#define GICD_WINDOW_MAX         64
#define HOLE_WINDOW_LEN         4096
#define PROBE_PATTERN           0xa5c3e18796b4d2f0ULL
#define PROBE_TRIAL             0x5a5a5a5a5a5a5a5aULL  /* flips every other bit of what is there */

static struct target targets[TARGET_MAX];
static unsigned ntargets;
static uint8_t lead_pages[TARGET_MAX][PAGE_SIZE] __attribute__((aligned(4096)));

static const unsigned widths[NWIDTHS] = { 1, 2, 4, 8 };

unsigned width_index(unsigned bytes)
{
	return bytes >= 8 ? 3 : bytes >= 4 ? 2 : bytes >= 2 ? 1 : 0;
}

unsigned targets_count(void) { return ntargets; }
struct target *target_get(unsigned i) { return &targets[i]; }

/* Probe steps (issue 13): each printed before it runs, each can be disabled
 * with noprobe=TARGET[:STEP][,...] so a runner can reboot past a step that
 * killed or hung the VM. */
static const struct config *probe_cfg;

static int step_disabled(const char *target, const char *step)
{
	size_t tn = strlen(target), sn = strlen(step);
	for (const char *p = probe_cfg ? probe_cfg->noprobe : ""; *p;) {
		const char *e = strchr(p, ',');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l >= tn && !memcmp(p, target, tn) &&
		    (l == tn || (p[tn] == ':' && l - tn - 1 == sn && !memcmp(p + tn + 1, step, sn))))
			return 1;
		p += l + (e ? 1 : 0);
	}
	return 0;
}

/* Announce a step; 0 if it is disabled (then it does not run). */
static int step_begin(const struct target *t, const char *step)
{
	if (step_disabled(t->name, step))
		return 0;
	tap_printf("# probe %s %s", t->name, step);
	return 1;
}

static void finding(struct target *t, const char *what)
{
	tap_printf("# finding: probe %s %s", t->name, what);
	t->findings++;
}

static int override(const struct config *cfg, const char *name, uint64_t *addr)
{
	for (unsigned i = 0; i < cfg->ntov; i++)
		if (!strcmp(cfg->tov[i].name, name)) {
			*addr = cfg->tov[i].addr;
			return 1;
		}
	return 0;
}

/* Map lead-in page + window pages at base (Device) and base+NC (Normal-NC). */
static int map_target(struct target *t, unsigned idx)
{
	uint64_t base = TARGET_AREA_VA + idx * TARGET_STRIDE;
	uint64_t page = t->pa & ~PAGE_MASK;
	uint64_t npages = ((t->pa + t->len + PAGE_MASK) & ~PAGE_MASK) - page;
	t->lead = lead_pages[idx];
	uint64_t lead_pa = mmu_va_to_pa((uint64_t)(uintptr_t)t->lead);
	for (int nc = 0; nc < 2; nc++) {
		uint64_t b = base + (nc ? TARGET_NC_OFFSET : 0);
		if (mmu_map(b, lead_pa, PAGE_SIZE, MT_NORMAL, MP_EL0, 0) ||
		    mmu_map(b + PAGE_SIZE, page, npages, nc ? MT_NORMAL_NC : MT_DEVICE_nGnRE, MP_EL0, 0))
			return -1;
	}
	t->va = base + PAGE_SIZE + (t->pa & PAGE_MASK);
	t->nc_va = t->va + TARGET_NC_OFFSET;
	return 0;
}

/* Which widths abort (ISV=1), and the width the harness uses for its own
 * reads/writes: the one whose writes visibly stick the most (ties: wider).
 * Widths the architecture does not define for the window are not touched. */
static int arch_width(const struct target *t, unsigned w)
{
	return !t->arch || widths[w] == 1 || widths[w] == 4;
}

static void probe_widths(struct target *t)
{
	uint64_t v, ones, zeros, esr = 0;
	unsigned best_score = 0;
	char step[8];
	t->aborts_all = 1;
	t->stable = 1;
	for (unsigned w = 0; w < NWIDTHS; w++) {
		unsigned b = widths[w];
		if (t->len < b)
			continue;
		if (!arch_width(t, w)) {
			t->read_ok[w] = t->write_ok[w] = PROBE_UNDEFINED;
			continue;
		}
		v = 0;
		snprintf(step, sizeof(step), "r%u", b * 8);
		if (step_begin(t, step))
			t->read_ok[w] = !guarded_read(t->va, b, &v, &t->read_esr[w]);
		else
			t->read_ok[w] = PROBE_DISABLED;
		snprintf(step, sizeof(step), "w%u", b * 8);
		if (step_begin(t, step))
			t->write_ok[w] = !guarded_write(t->va, b, v, &t->write_esr[w]);
		else
			t->write_ok[w] = PROBE_DISABLED;
		if (t->read_ok[w] != PROBE_OK)
			continue;
		t->aborts_all = 0;
		if (t->write_ok[w] != PROBE_OK || guarded_write(t->va, b, ~0ULL, &esr) || guarded_read(t->va, b, &ones, &esr) ||
		    guarded_write(t->va, b, 0, &esr) || guarded_read(t->va, b, &zeros, &esr))
			continue;
		guarded_write(t->va, b, v, &esr);
		unsigned score = (unsigned)__builtin_popcountll(ones & ~zeros) + 1;
		if (score >= best_score) {
			best_score = score;
			t->best_width = b;
		}
	}
}

/* Per-byte write masks over the window with the best width: write ones,
 * read, write zeros, read. Then fill it with a pattern whose bytes have the
 * top bit set (so sign extension shows) and record the mirror. */
static void probe_masks(struct target *t)
{
	unsigned b = t->best_width;
	uint64_t ones, zeros, v, esr;
	memset(t->wmask, 0, t->len);
	for (uint32_t off = 0; b && off + b <= t->len; off += b) {
		uintptr_t a = t->va + off;
		if (guarded_write(a, b, ~0ULL, &esr) || guarded_read(a, b, &ones, &esr) ||
		    guarded_write(a, b, 0, &esr) || guarded_read(a, b, &zeros, &esr))
			continue;
		for (unsigned i = 0; i < b; i++)
			t->wmask[off + i] = (uint8_t)((ones >> (8 * i)) & ~(zeros >> (8 * i)));
		uint64_t pat = PROBE_PATTERN ^ ((uint64_t)off * 0x0101010101010101ULL);
		pat |= 0x8080808080808080ULL;
		guarded_write(a, b, pat, &esr);
	}
	/* Every offset was written before any is read back: a target that
	 * remembers only its last write (kvmtool's unclaimed MMIO returns the
	 * previous exit's bytes) cannot return each offset's own pattern. */
	t->stable = 1;
	unsigned incoherent = 0;
	for (uint32_t off = 0; off < t->len; off += b ? b : 1) {
		uint64_t again = 0;
		if (!b || guarded_read(t->va + off, b, &v, &esr))
			v = 0;
		else if (!guarded_read(t->va + off, b, &again, &esr) && again != v)
			t->stable = 0;
		uint64_t pat = (PROBE_PATTERN ^ ((uint64_t)off * 0x0101010101010101ULL)) | 0x8080808080808080ULL;
		for (unsigned i = 0; i < (b ? b : 1) && off + i < t->len; i++) {
			t->mirror[off + i] = (uint8_t)(v >> (8 * i));
			incoherent += ((t->mirror[off + i] ^ (uint8_t)(pat >> (8 * i))) & t->wmask[off + i]) != 0;
		}
	}
	if (b && incoherent) {
		char what[96];
		snprintf(what, sizeof(what), "stale: %u written byte(s) read back other values (stores unchecked)",
			 incoherent);
		finding(t, what);
		t->stale = 1;
		memset(t->wmask, 0, t->len);   /* nothing written can be verified */
	}
}

/* A width is usable for a case only if it agrees with the best width: its
 * reads return the mirror's bytes, its writes land as the mask says. A
 * device that reads-as-zero or ignores writes at some width (QEMU's GICv3
 * at 16 and 64 bits) would otherwise look like a hypervisor bug. */
static void probe_consistency(struct target *t)
{
	uint64_t v, esr, back;
	unsigned b = t->best_width;
	if (!b)
		return;
	for (unsigned w = 0; w < NWIDTHS; w++) {
		unsigned n = widths[w];
		if (n > t->len || widths[w] == b || t->read_ok[w] >= PROBE_UNDEFINED)
			continue;
		uint64_t want = 0, mask = 0;
		for (unsigned i = 0; i < n; i++) {
			want |= (uint64_t)t->mirror[i] << (8 * i);
			mask |= (uint64_t)t->wmask[i] << (8 * i);
		}
		if (t->read_ok[w] == PROBE_OK && (guarded_read(t->va, n, &v, &esr) || v != want))
			t->read_ok[w] = PROBE_INCONSISTENT;
		if (t->write_ok[w] != PROBE_OK)
			continue;
		uint64_t trial = want ^ PROBE_TRIAL;
		uint8_t got[8];
		if (guarded_write(t->va, n, trial, &esr) || target_readback(t, 0, n, got))
			t->write_ok[w] = 2;
		uint64_t seen = 0;
		for (unsigned i = 0; i < n; i++)
			seen |= (uint64_t)got[i] << (8 * i);
		if (((seen ^ ((trial & mask) | (want & ~mask))) & (n == 8 ? ~0ULL : ((1ULL << (8 * n)) - 1))))
			t->write_ok[w] = 2;
		guarded_write(t->va, n, want, &esr);
		if (!target_readback(t, 0, n, got))
			for (unsigned i = 0; i < n; i++)
				back = got[i], t->mirror[i] = (uint8_t)back;
	}
}

int target_readback(struct target *t, uint32_t off, uint32_t n, uint8_t *buf)
{
	unsigned b = t->best_width;
	uint64_t v, esr;
	int rc = 0;
	if (!b)
		return -1;
	uint32_t start = off & ~(b - 1), end = (off + n + b - 1) & ~(b - 1);
	for (uint32_t o = start; o < end && o < t->len; o += b) {
		if (guarded_read(t->va + o, b, &v, &esr)) {
			rc = -1;
			v = 0;
		}
		for (unsigned i = 0; i < b; i++)
			if (o + i >= off && o + i < off + n)
				buf[o + i - off] = (uint8_t)(v >> (8 * i));
	}
	return rc;
}


/* Write the mirror's bytes back over [off, off+n), aligned, best width. */
static void target_rewrite(struct target *t, uint32_t off, uint32_t n)
{
	unsigned b = t->best_width;
	uint64_t esr;
	uint32_t start = off & ~(b - 1), end = (off + n + b - 1) & ~(b - 1);
	for (uint32_t o = start; o < end && o + b <= t->len; o += b) {
		uint64_t v = 0;
		for (unsigned i = 0; i < b; i++)
			v |= (uint64_t)t->mirror[o + i] << (8 * i);
		guarded_write(t->va + o, b, v, &esr);
	}
}

/* Unaligned accesses (the -unaligned placement, on the Normal-NC alias at
 * window offset UNALIGNED_OFF): a device need not define them (the GIC
 * architecture does not), so each width is tried with an ISV=1 access and
 * compared with the bytes the aligned probe found. */
#define UNALIGNED_OFF 1
static void probe_unaligned(struct target *t)
{
	uint64_t v, esr;
	uint8_t got[8];
	for (unsigned w = 0; w < NWIDTHS; w++) {
		unsigned n = widths[w];
		char step[12];
		t->ua_read_ok[w] = t->read_ok[w];
		t->ua_write_ok[w] = t->write_ok[w];
		if (n == 1 || UNALIGNED_OFF + n > t->len || !t->best_width)
			continue;
		if (t->arch) {   /* the GIC architecture does not define unaligned accesses */
			t->ua_read_ok[w] = t->ua_write_ok[w] = PROBE_UNDEFINED;
			continue;
		}
		snprintf(step, sizeof(step), "ua-r%u", n * 8);
		if (t->read_ok[w] == PROBE_OK && !step_begin(t, step))
			t->ua_read_ok[w] = PROBE_DISABLED;
		snprintf(step, sizeof(step), "ua-w%u", n * 8);
		if (t->write_ok[w] == PROBE_OK && !step_begin(t, step))
			t->ua_write_ok[w] = PROBE_DISABLED;
		uint64_t want = 0, mask = 0;
		for (unsigned i = 0; i < n; i++) {
			want |= (uint64_t)t->mirror[UNALIGNED_OFF + i] << (8 * i);
			mask |= (uint64_t)t->wmask[UNALIGNED_OFF + i] << (8 * i);
		}
		if (t->ua_read_ok[w] == PROBE_OK) {
			if (guarded_read(t->nc_va + UNALIGNED_OFF, n, &v, &esr))
				t->ua_read_ok[w] = 0;
			else if (v != want)
				t->ua_read_ok[w] = 2;
		}
		if (t->ua_write_ok[w] != PROBE_OK)
			continue;
		uint64_t trial = want ^ PROBE_TRIAL;
		if (guarded_write(t->nc_va + UNALIGNED_OFF, n, trial, &esr)) {
			t->ua_write_ok[w] = 0;
			continue;
		}
		uint64_t seen = 0;
		if (target_readback(t, UNALIGNED_OFF, n, got))
			t->ua_write_ok[w] = 2;
		for (unsigned i = 0; i < n; i++)
			seen |= (uint64_t)got[i] << (8 * i);
		if ((seen ^ ((trial & mask) | (want & ~mask))) & (n == 8 ? ~0ULL : ((1ULL << (8 * n)) - 1)))
			t->ua_write_ok[w] = 2;
		/* Put the bytes back (aligned, best width). */
		target_rewrite(t, UNALIGNED_OFF, n);
	}
}

static const char *add_target(const struct platform *p, const char *name, uint64_t pa, uint32_t len,
			      char *err, unsigned errlen)
{
	if (platform_is_ram(p, pa, len)) {
		snprintf(err, errlen, "target %s @0x%llx overlaps RAM", name, (unsigned long long)pa);
		return err;
	}
	struct target *t = &targets[ntargets];
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->pa = pa;
	t->len = len;
	if (map_target(t, ntargets)) {
		snprintf(err, errlen, "target %s: out of page tables", name);
		return err;
	}
	ntargets++;
	return NULL;
}

static void probe_findings(struct target *t);
static void target_print(const struct target *t);

const char *targets_setup(const struct platform *p, const struct config *cfg, char *err, unsigned errlen)
{
	uint64_t a;
	const char *r;
	for (unsigned i = 0; i < cfg->ntov; i++)
		if (strcmp(cfg->tov[i].name, "hole") && strcmp(cfg->tov[i].name, "gicd")) {
			snprintf(err, errlen, "bootargs: unknown target '%s'", cfg->tov[i].name);
			return err;
		}
	if (bootargs_target_selected(cfg, "hole")) {
		a = p->hole;
		if (!override(cfg, "hole", &a) && !a) {
			snprintf(err, errlen, "no MMIO hole found in the DTB address map (use target=hole@ADDR)");
			return err;
		}
		if ((r = add_target(p, "hole", a, HOLE_WINDOW_LEN, err, errlen)))
			return r;
	}
	if (bootargs_target_selected(cfg, "gicd") && (p->gicd || override(cfg, "gicd", &a))) {
		uint64_t gicd = p->gicd;
		uint64_t win = override(cfg, "gicd", &a) ? a : gicd + GICD_IPRIORITYR_SPI;
		uint32_t len = GICD_WINDOW_MAX;
		if (gicd && !override(cfg, "gicd", &a)) {
			uint64_t typer = 0, esr;
			/* SPIs implemented: 32 * (ITLinesNumber + 1) - 32, one byte each */
			if (!guarded_read(gicd + GICD_TYPER, 4, &typer, &esr)) {
				uint32_t spis = 32 * ((uint32_t)(typer & GICD_TYPER_ITLINES_MASK) + 1) - 32;
				if (spis < len)
					len = spis;
			}
		}
		if (len && (r = add_target(p, "gicd", win, len, err, errlen)))
			return r;
		/* GICv3/v4 architecture (IHI 0069, 12.1.3 "GIC memory-mapped register
		 * access"; GICD_IPRIORITYR<n>): byte- and 32-bit accessible; other
		 * widths and unaligned accesses are not defined. */
		if (len)
			targets[ntargets - 1].arch = "GICD_IPRIORITYR: 8/32-bit aligned accesses only (GICv3 12.1.3)";
	}
	mmu_sync();
	probe_cfg = cfg;
	for (unsigned i = 0; i < ntargets; i++) {
		struct target *t = &targets[i];
		probe_widths(t);
		if (t->best_width && step_begin(t, "mask"))
			probe_masks(t);
		else if (t->best_width)
			t->best_width = 0, t->mask_disabled = 1;   /* no mask, no mirror: the window cannot be read back */
		probe_consistency(t);
		probe_unaligned(t);
		probe_findings(t);
		target_print(t);
	}
	if (!ntargets) {
		snprintf(err, errlen, "no target selected/available (targets=%s)", cfg->targets);
		return err;
	}
	return NULL;
}

/* A width the architecture defines that answers inconsistently is the
 * hypervisor's anomaly: reported, and its cases are graded, not skipped. */
static void probe_findings(struct target *t)
{
	char what[96];
	for (unsigned w = 0; w < NWIDTHS; w++) {
		const uint8_t *st[] = { &t->read_ok[w], &t->write_ok[w], &t->ua_read_ok[w], &t->ua_write_ok[w] };
		for (unsigned k = 0; k < 4; k++) {
			if (*st[k] != PROBE_INCONSISTENT || (k >= 2 && (*st[k - 2] == PROBE_INCONSISTENT || w == 0)))
				continue;
			snprintf(what, sizeof(what), "%s%c%u inconsistent with the %u-bit accesses (cases graded)",
				 k >= 2 ? "ua-" : "", k & 1 ? 'w' : 'r', widths[w] * 8, t->best_width * 8);
			finding(t, what);
		}
	}
}

static void target_print(const struct target *t)
{
	{
		char rd[80] = "", wr[80] = "";
		char ua[128] = "";
		size_t nu = 0;
		size_t nr = 0, nw = 0;
		for (unsigned w = 0; w < NWIDTHS; w++) {
			static const char *const st[] = { "abort", "ok", "inconsistent", "n/a", "off" };
			nr += (size_t)snprintf(rd + nr, sizeof(rd) - nr, " r%u:%s", widths[w] * 8, st[t->read_ok[w]]);
			nw += (size_t)snprintf(wr + nw, sizeof(wr) - nw, " w%u:%s", widths[w] * 8, st[t->write_ok[w]]);
			if (w)
				nu += (size_t)snprintf(ua + nu, sizeof(ua) - nu, " r%u:%s w%u:%s", widths[w] * 8,
						       st[t->ua_read_ok[w]], widths[w] * 8, st[t->ua_write_ok[w]]);
		}
		unsigned ram = 0, wi = 0;
		for (uint32_t b = 0; b < t->len; b++) {
			ram += t->wmask[b] == 0xff;
			wi += t->wmask[b] == 0;
		}
		const char *kind = t->aborts_all ? "aborting" : t->stale ? "stale (incoherent)" : ram == t->len ? "ram-like" :
				   wi == t->len ? "write-ignored" : "partly writable";
		tap_printf("# target %s @0x%llx len %u: %s%s", t->name, (unsigned long long)t->pa, t->len, kind,
			   t->stable ? "" : ", volatile reads");
		tap_printf("# target %s reads:%s", t->name, rd);
		tap_printf("# target %s writes:%s; bytes writable %u, ignored %u, partial %u", t->name, wr, ram,
			   wi, t->len - ram - wi);
		tap_printf("# target %s unaligned +%u:%s", t->name, UNALIGNED_OFF, ua);
		if (t->arch)
			tap_printf("# target %s architecture: %s", t->name, t->arch);
	}
}
