/* rom_main: bootargs -> matrix -> cell -> compare -> classify -> TAP. */
#include <stdio.h>
#include <string.h>
#include <fnmatch.h>
#include <libfdt.h>
#include "bench.h"
#include "bootargs.h"
#include "cell.h"
#include "console.h"
#include "guard.h"
#include "judge.h"
#include "matrix.h"
#include "mmu.h"
#include "platform.h"
#include "psci.h"
#include "romcfg.h"
#include "report.h"
#include "sysreg.h"
#include "tap.h"
#include "encode.h"
#include "target.h"

#define ISVSUITE_VERSION "0.1"
#define BOOT_MAP_ALIGN   0x200000ULL
#define MAX_CASES        32768   /* one matrix (matrix=all: 25527) */
#define MAX_SELECTED     (MAX_CASES * TARGET_MAX)
#define SEL_TARGET_SHIFT 16      /* selected[]: target << 16 | case index */
#define SEL_CASE_MASK    0xffffu
_Static_assert(MAX_CASES <= SEL_CASE_MASK + 1, "case index fits selected[]");
#define ID_MAX           112
#define APPENDED_DTB_TOO_BIG 1   /* startup/boot.h: move_appended_dtb */
#define BENCH_FORM_BITS  8        /* bench=forms: key = family << 8 | form */
#define BENCH_FORM_KEYS  (64 << BENCH_FORM_BITS)

extern char _image_start[], _image_end[];
enum psci_conduit rom_psci;

static struct platform plat;
static struct config cfg;
static struct cpu_features feat;
static char errbuf[128];

/* Selected cases: (target, case) pairs in TAP order. */
static struct case_desc all_cases[MAX_CASES];
static unsigned n_all;
static uint32_t selected[MAX_SELECTED];   /* target << 16 | case index */
static unsigned n_selected;
static unsigned long counts[OUT_COUNT];

static void finish(void) __attribute__((noreturn));
static void semihosting_exit(void);
static void finish(void)
{
	tap_done();
	/* Without a DTB there is no PSCI conduit to trust; a semihosting
	 * console can still end the run. */
	if (rom_psci == PSCI_NONE && console_current()->kind == CONSOLE_SEMIHOSTING)
		semihosting_exit();
	psci_system_off(rom_psci);
}

static void bail(const char *reason) __attribute__((noreturn));
static void bail(const char *reason)
{
	tap_bail(reason);
	finish();
}

/* Map the 2 MiB blocks holding [a, a+n) as normal memory (boot phase). */
static void boot_map(uint64_t a, uint64_t n)
{
	uint64_t s = a & ~(BOOT_MAP_ALIGN - 1), e = (a + n + BOOT_MAP_ALIGN - 1) & ~(BOOT_MAP_ALIGN - 1);
	mmu_map(s, s, e - s, MT_NORMAL, MP_EXEC, 1);
}

static int semihosting_works(void)
{
	semihosting_probe = 1;
	semihosting_failed = 0;
	static const char nothing[] = "";
	register uint64_t op __asm__("x0") = 0x04; /* SYS_WRITE0 of an empty string */
	register const char *arg __asm__("x1") = nothing;
	__asm__ volatile("hlt #0xf000" : "+r"(op) : "r"(arg) : "memory");
	semihosting_probe = 0;
	return !semihosting_failed;
}

static void semihosting_exit(void)
{
	/* SYS_EXIT (0x18); on A64 x1 points at {reason, subcode}:
	 * ADP_Stopped_ApplicationExit (0x20026), exit code 0. */
	static const uint64_t block[2] = { 0x20026, 0 };
	register uint64_t op __asm__("x0") = 0x18;
	register const uint64_t *arg __asm__("x1") = block;
	__asm__ volatile("hlt #0xf000" : "+r"(op) : "r"(arg) : "memory");
}

/* The last-resort console named at build time (EARLY_CONSOLE=, tools/romcfg.sh)
 * for a ROM that found no DTB: its page mapped Device, then used. */
static int early_console(void)
{
#ifdef ROM_EARLY_CONSOLE
	uint64_t page = ROM_EARLY_CONSOLE_BASE & ~PAGE_MASK;
	if (mmu_map(page, page, PAGE_SIZE, MT_DEVICE_nGnRE, MP_RW, 1))
		return 0;
	mmu_sync();
	console_init(&(struct console_desc){ .kind = ROM_EARLY_CONSOLE_KIND, .base = ROM_EARLY_CONSOLE_BASE,
					     .reg_shift = ROM_EARLY_CONSOLE_SHIFT,
					     .io_width = ROM_EARLY_CONSOLE_WIDTH,
					     .compatible = ROM_EARLY_CONSOLE_NAME });
	return 1;
#else
	return 0;
#endif
}

/* Which DTB: x0's when it holds one, else one appended to the image
 * (startup/boot.h), else none. *why is set for an unusable one. */
static const void *pick_dtb(const void *x0, const void *appended, const char **why)
{
	*why = NULL;
	if (x0 && fdt_magic(x0) == FDT_MAGIC)
		return x0;
	if ((uintptr_t)appended == APPENDED_DTB_TOO_BIG)
		*why = "DTB appended to the image is larger than 64 KiB";
	else if (appended)
		return appended;
	else if (x0)
		*why = "invalid DTB (no FDT magic at x0) and none appended to the image";
	else
		*why = "no DTB (x0 = 0) and none appended to the image (README: static partitioning)";
	return NULL;
}

static void collect(const struct case_desc *c, void *arg)
{
	(void)arg;
	if (n_all < MAX_CASES)
		all_cases[n_all] = *c;
	n_all++;
}

static void select_cases(void)
{
	char id[ID_MAX];
	for (unsigned t = 0; t < targets_count(); t++)
		for (unsigned i = 0; i < n_all && n_selected < MAX_SELECTED; i++) {
			int n = snprintf(id, sizeof(id), "%s/", target_get(t)->name);
			case_id(&all_cases[i], id + n, sizeof(id) - (size_t)n);
			if (cfg.only[0] && fnmatch(cfg.only, id, 0))
				continue;
			selected[n_selected++] = t << SEL_TARGET_SHIFT | i;
		}
}

static uint64_t id_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
	while (*s)
		h = (h ^ (uint8_t)*s++) * 0x100000001b3ULL;
	return h;
}

/* "# cases M fingerprint HEX targets LIST": the host tool enumerates the
 * same cases (isvwire ids) and compares; on the compact wire, what the host
 * needs to expand case blocks follows (selection, window addresses). */
static void print_selection(void)
{
	char id[ID_MAX], names[64] = "";
	uint64_t fp = WIRE_FP_INIT;
	size_t k = 0;
	for (unsigned n = 1; n <= n_selected; n++) {
		uint32_t s = selected[n - 1];
		const struct case_desc *c = &all_cases[s & SEL_CASE_MASK];
		uint32_t insn = 0;
		int l = snprintf(id, sizeof(id), "%s/", target_get(s >> SEL_TARGET_SHIFT)->name);
		case_id(c, id + l, sizeof(id) - (size_t)l);
		encode(case_form(c), &c->ops, &insn);
		fp = wire_fp_add(fp, id, insn);
	}
	for (unsigned t = 0; t < targets_count(); t++)
		k += (size_t)snprintf(names + k, sizeof(names) - k, "%s%s", t ? "," : "", target_get(t)->name);
	tap_printf("# cases %u fingerprint %016llx targets %s", n_selected, (unsigned long long)fp, names);
	static const char *const level[] = { "quick", "full", "all" };
	tap_control("s matrix=%s targets=%s%s%.80s", level[cfg.matrix], names, cfg.only[0] ? " only=" : "", cfg.only);
	for (unsigned t = 0; t < targets_count(); t++)
		tap_control("t %s %llx %llx", target_get(t)->name, (unsigned long long)target_get(t)->va,
			    (unsigned long long)target_get(t)->nc_va);
}

/* The whole-window sweep (judge_sweep) runs after the last case of each
 * family on a target, and after a target's last case of the run; on a
 * target where no byte follows writes (RAZ/WI: nothing a case stores can
 * land there) only after its last case, since each sweep reads the whole
 * window. */
static int sweep_due(const struct target *t, const struct case_desc *c, unsigned long n, unsigned long last)
{
	if (n == last)
		return 1;
	uint32_t s = selected[n];
	if (target_get(s >> SEL_TARGET_SHIFT) != t)
		return 1;
	if (all_cases[s & SEL_CASE_MASK].family == c->family)
		return 0;
	for (uint32_t b = 0; b < t->len; b++)
		if (t->wmask[b])
			return 1;
	return 0;
}

static void run_cases(void)
{
	char id[ID_MAX];
	static struct verdict v;
	unsigned long first = cfg.start, last = n_selected;
	if (cfg.count && first + cfg.count - 1 < last)
		last = first + cfg.count - 1;
	uint64_t t0 = read_sysreg(cntvct_el0), traps = 0;
	unsigned long misrouted_n = 0;
	unsigned long unchecked_n = 0;
	unsigned long unseeded_n = 0;
	unsigned long sweep_from = 0;
	for (unsigned long n = first; n <= last; n++) {
		uint32_t s = selected[n - 1];
		struct target *t = target_get(s >> SEL_TARGET_SHIFT);
		const struct case_desc *c = &all_cases[s & SEL_CASE_MASK];
		int k = snprintf(id, sizeof(id), "%s/", t->name);
		case_id(c, id + k, sizeof(id) - (size_t)k);
		judge_case(t, c, id_hash(id), &feat, &v);
		counts[v.outcome]++;
		misrouted_n += (unsigned long)misrouted(&v);
		unchecked_n += v.outcome == OUT_PASS && v.unchecked;
		unseeded_n += v.outcome == OUT_PASS && v.unseeded_load;
		traps += v.traps;
		tap_case_begin(n, id, c, t->va, t->nc_va);
		report_result(n, id, c, &v, cfg.strict);
		tap_case_end();
		if (v.drift_n)
			tap_printf("# finding: drift %s: %u byte(s) from +%u changed between cases (not charged to case %lu)",
				   t->name, v.drift_n, (unsigned)v.drift_lo, n);
		if (!sweep_from)
			sweep_from = n;
		if (sweep_due(t, c, n, last)) {
			uint32_t first_b = 0, sweep_traps;
			unsigned moved = judge_sweep(t, &first_b, &sweep_traps);
			traps += sweep_traps;
			if (moved)
				tap_printf("# finding: drift %s: %u byte(s) from +%u changed, unchecked by cases %lu..%lu "
					   "(drift or a stray write)", t->name, moved, (unsigned)first_b,
					   sweep_from, n);
			sweep_from = 0;
		}
	}
	tap_printf("# summary pass=%lu abort=%lu unclean=%lu corrupt=%lu skip=%lu", counts[OUT_PASS],
		   counts[OUT_ABORT], counts[OUT_UNCLEAN], counts[OUT_CORRUPT], counts[OUT_SKIP]);
	if (unchecked_n)
		tap_printf("# unchecked: %lu passing case(s) stored bytes the target does not show", unchecked_n);
	if (unseeded_n)
		tap_printf("# unchecked: %lu passing load(s) read a target that ignores writes (not case-unique data)",
			   unseeded_n);
	if (misrouted_n)
		tap_printf("# misrouted: %lu exception(s) came through the wrong vector group (vector: in YAML)", misrouted_n);
	if (cfg.bench) {
		uint64_t ticks = read_sysreg(cntvct_el0) - t0, frq = read_sysreg(cntfrq_el0);
		unsigned long ran = last >= first ? last - first + 1 : 0;
		tap_printf("# bench cases=%lu guest_ms=%llu target_accesses=%llu", ran,
			   (unsigned long long)(frq ? ticks * 1000 / frq : 0), (unsigned long long)traps);
	}
}

/* bench=forms: one case per (target, form) of the selection, the first at
 * the plain placement without a static skip (lib/bench.c), no plan. */
static void bench_selected_forms(void)
{
	char id[ID_MAX];
	static uint8_t seen[TARGET_MAX][BENCH_FORM_KEYS / 8];
	bench_forms_begin();
	for (unsigned n = 1; n <= n_selected; n++) {
		uint32_t s = selected[n - 1];
		unsigned ti = s >> SEL_TARGET_SHIFT;
		const struct case_desc *c = &all_cases[s & SEL_CASE_MASK];
		unsigned key = (unsigned)c->family << BENCH_FORM_BITS | c->form;
		if (c->placement != PL_PLAIN || c->skip || key >= BENCH_FORM_KEYS ||
		    (seen[ti][key / 8] & 1u << key % 8))
			continue;
		seen[ti][key / 8] |= (uint8_t)(1u << key % 8);
		int k = snprintf(id, sizeof(id), "%s/", target_get(ti)->name);
		case_id(c, id + k, sizeof(id) - (size_t)k);
		bench_form(target_get(ti), c, id_hash(id), &feat);
	}
	bench_forms_end();
	tap_printf("1..0 # SKIP bench mode");
}

void rom_main(const void *x0, uint64_t entry_el, uint64_t load, const void *appended);
void rom_main(const void *x0, uint64_t entry_el, uint64_t load, const void *appended)
{
	/* Phase 1: our image and the DTB as normal memory, MMU on (libfdt and
	 * the string functions need unaligned access). */
	boot_map(load, (uint64_t)(_image_end - _image_start));
	const char *why;
	const void *dtb = pick_dtb(x0, appended, &why);
	if (dtb)
		boot_map((uint64_t)(uintptr_t)dtb, fdt_totalsize(dtb));
	mmu_enable();

	if (!why)
		why = platform_probe(dtb, &plat);
	if (!why) {
		/* Phase 2: RAM normal, every other address Device. */
		for (unsigned i = 0; i < plat.nram; i++)
			mmu_map(plat.ram[i].base, plat.ram[i].base, plat.ram[i].size, MT_NORMAL, MP_EXEC, 1);
		uint64_t pa_top = 1ULL << 39;
		mmu_map(0, 0, pa_top, MT_DEVICE_nGnRE, MP_RW, 1);
		mmu_sync();
		rom_psci = plat.psci;
		why = bootargs_parse(plat.bootargs, &cfg, errbuf, sizeof(errbuf));
		if (!cfg.console_semihosting && plat.console.kind != CONSOLE_NONE)
			console_init(&plat.console);
		else if (semihosting_works())
			console_init(&(struct console_desc){ .kind = CONSOLE_SEMIHOSTING });
		else if (!cfg.console_semihosting)
			early_console();
	} else if (!early_console() && semihosting_works()) {
		console_init(&(struct console_desc){ .kind = CONSOLE_SEMIHOSTING });
	}
	if (!why)
		tap_set_wire((enum wire_mode)cfg.wire);
	tap_header();
	tap_printf("# isvsuite %s entry-el=%llu el=1 load=0x%llx dtb=0x%llx", ISVSUITE_VERSION,
		   (unsigned long long)entry_el, (unsigned long long)load, (unsigned long long)(uintptr_t)dtb);
	if (dtb && dtb != x0)
		tap_printf("# dtb: the one appended to the image (x0 = 0x%llx)", (unsigned long long)(uintptr_t)x0);
	if (why)
		bail(why);
	const struct console_desc *con = console_current();
	if (con->kind == CONSOLE_SEMIHOSTING)
		tap_printf("# console: semihosting");
	else if (plat.console.kind == CONSOLE_NONE)
		tap_printf("# console: %s @0x%llx (EARLY_CONSOLE, built in)", con->compatible,
			   (unsigned long long)con->base);
	else
		tap_printf("# console: %s @0x%llx (%s)", con->compatible, (unsigned long long)con->base,
			   plat.console_node);
	tap_printf("# bootargs: %.96s", plat.bootargs ? plat.bootargs : "");
	if (cfg.vmm_words_skipped)
		tap_printf("# bootargs: the words before the last '--' are the VMM's: ignored");
	features_detect(&feat);
	tap_printf("# cpu: midr=0x%llx lse=%d lrcpc=%d lrcpc2=%d lor=%d mops=%d ls64=%d sve=%d dczva=%llu",
		   (unsigned long long)read_sysreg(midr_el1), feat.lse, feat.lrcpc, feat.lrcpc2, feat.lor,
		   feat.mops, feat.ls64, feat.sve, (unsigned long long)feat.dczid_bytes);
	cell_init();
	n_all = matrix_enumerate((int)cfg.matrix, collect, NULL);
	if (n_all > MAX_CASES)
		bail("matrix larger than the ROM's case table");
	if ((why = targets_setup(&plat, &cfg, errbuf, sizeof(errbuf))))
		bail(why);
	select_cases();
	print_selection();
	if (cfg.list) {
		char id[ID_MAX];
		for (unsigned n = 1; n <= n_selected; n++) {
			uint32_t s = selected[n - 1];
			int k = snprintf(id, sizeof(id), "%s/", target_get(s >> SEL_TARGET_SHIFT)->name);
			case_id(&all_cases[s & SEL_CASE_MASK], id + k, sizeof(id) - (size_t)k);
			tap_printf("# id %u %s", n, id);
		}
		tap_printf("1..0 # SKIP list mode");
		finish();
	}
	if (cfg.start > n_selected + 1 && n_selected) {
		snprintf(errbuf, sizeof(errbuf), "bootargs: start=%lu beyond the %u selected cases", cfg.start,
			 n_selected);
		bail(errbuf);
	}
	if (cfg.bench == BENCH_FORMS) {
		bench_selected_forms();
		finish();
	}
	tap_plan(n_selected);
	run_cases();
	finish();
}
