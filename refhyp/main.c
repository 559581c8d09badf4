/* refhyp boot: DTB -> platform, bootargs, guest memory layout, guest DTB,
 * stage 2, EL2 configuration, then enter the guest (the isvsuite ROM) at
 * EL1h with x0 = its DTB. */
#include <stdio.h>
#include <string.h>
#include <libfdt.h>
#include "refhyp.h"
#include "console.h"
#include "platform.h"
#include "sysreg.h"

#define ROM_DEFAULT_OFFSET  0x4000000ULL    /* refhyp.rom default: RAM base + 64 MiB */
#define GUEST_DTB_ROOM      0x10000         /* extra space for the edited DTB */
#define GUEST_DTB_TOP_GAP   RH_BLOCK_2M     /* guest DTB 2 MiB below the top of guest RAM */
#define BOOTARGS_MAX        1024
#define IMAGE_MAGIC_OFFSET  0x38
#define IMAGE_MAGIC         0x644d5241u
#define BUG_PREFIX          "refhyp.bug="
#define ROM_PREFIX          "refhyp.rom="
#define HALT_PREFIX         "refhyp.halt="
#define OWN_PREFIX          "refhyp."

/* HCR_EL2: stage 2 on, AArch64 EL1, SMC trapped (PSCI through us), virtual
 * SError routing (AMO) so a mutant can inject one, set/way -> clean+inv. */
#define HCR_VM              (1ULL << 0)
#define HCR_SWIO            (1ULL << 1)
#define HCR_AMO             (1ULL << 5)
#define HCR_TSC             (1ULL << 19)
#define HCR_RW              (1ULL << 31)
#define HCR_GUEST           (HCR_VM | HCR_SWIO | HCR_AMO | HCR_TSC | HCR_RW)
#define CPTR_EL2_NOTRAP     0x32ffULL       /* RES1 bits; TFP, TZ clear */
#define CNTHCTL_EL1PCTEN_EN 0x3ULL          /* EL1PCTEN | EL1PCEN */
#define ZCR_LEN_MAX         0xfULL
#define PFR0_SVE_SHIFT      32
#define GUEST_SPSR          (PSR_MODE_EL1H | PSR_D | PSR_A | PSR_I | PSR_F)

struct rh_config rh_cfg;
static struct platform plat;
static char guest_args[BOOTARGS_MAX];

extern char _image_start[], _image_end[];

static void fatal(const char *why) __attribute__((noreturn));
static void fatal(const char *why)
{
	rh_printf("Bail out! refhyp: %s", why);   /* TAP: the runner reports it as a configuration error */
	rh_power_off();
}

static uint64_t parse_u64(const char *s, size_t n, int *ok)
{
	uint64_t v = 0;
	unsigned base = 10;
	*ok = n > 0;
	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		n -= 2;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 99;
		if (d >= base)
			*ok = 0;
		v = v * base + d;
	}
	return v;
}

/* Our words (refhyp.*) out of the command line; the rest is the guest's. */
static void parse_bootargs(const char *args)
{
	size_t out = 0;
	char msg[96];
	for (const char *p = args ? args : ""; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		int ok = 1;
		if (n > strlen(BUG_PREFIX) && !strncmp(p, BUG_PREFIX, strlen(BUG_PREFIX))) {
			size_t k = strlen(BUG_PREFIX);
			ok = 0;
			for (unsigned b = 0; b < BUG_COUNT; b++)
				if (strlen(rh_bug_name(b)) == n - k && !strncmp(p + k, rh_bug_name(b), n - k)) {
					rh_cfg.bug = (enum rh_bug)b;
					ok = 1;
				}
		} else if (n > strlen(ROM_PREFIX) && !strncmp(p, ROM_PREFIX, strlen(ROM_PREFIX))) {
			rh_cfg.rom = parse_u64(p + strlen(ROM_PREFIX), n - strlen(ROM_PREFIX), &ok);
		} else if (n > strlen(HALT_PREFIX) && !strncmp(p, HALT_PREFIX, strlen(HALT_PREFIX))) {
			ok = !rh_halt_parse(p + strlen(HALT_PREFIX), n - strlen(HALT_PREFIX));
		} else if (n == strlen("refhyp.stats") && !strncmp(p, "refhyp.stats", n)) {
			rh_cfg.stats = 1;
		} else if (n == strlen("refhyp.refuse") && !strncmp(p, "refhyp.refuse", n)) {
			rh_cfg.refuse = 1;
		} else if (n == strlen("refhyp.razwi") && !strncmp(p, "refhyp.razwi", n)) {
			rh_cfg.razwi = 1;
		} else if (n == strlen("refhyp.drift") && !strncmp(p, "refhyp.drift", n)) {
			rh_cfg.drift = 1;
		} else if (!strncmp(p, OWN_PREFIX, strlen(OWN_PREFIX))) {
			ok = 0;
		} else if (out + n + 1 < sizeof(guest_args)) {
			if (out)
				guest_args[out++] = ' ';
			memcpy(guest_args + out, p, n);
			out += n;
		}
		if (!ok) {
			snprintf(msg, sizeof(msg), "bad bootarg '%.*s'", (int)(n < 40 ? n : 40), p);
			fatal(msg);
		}
		p += n;
	}
	guest_args[out] = 0;
}

/* Guest RAM: every bank, except that the bank refhyp was loaded into starts
 * after refhyp's image (2 MiB aligned). */
static void layout(uint64_t load)
{
	uint64_t end = (load + (uint64_t)(_image_end - _image_start) + RH_BLOCK_2M - 1) & ~(RH_BLOCK_2M - 1);
	for (unsigned i = 0; i < plat.nram && i < RH_MAX_RAM; i++) {
		struct rh_region r = { plat.ram[i].base, plat.ram[i].size };
		rh_cfg.host[rh_cfg.nhost++] = r;
		if (load >= r.base && load < r.base + r.size) {
			if (end >= r.base + r.size)
				fatal("no guest RAM after refhyp in its bank");
			r.size = r.base + r.size - end;
			r.base = end;
		}
		rh_cfg.ram[rh_cfg.nram++] = r;
	}
	if (!rh_cfg.rom)
		rh_cfg.rom = plat.ram[0].base + ROM_DEFAULT_OFFSET;
	if (!rh_is_guest_ram(rh_cfg.rom, RH_PAGE_SIZE))
		fatal("refhyp.rom is not in guest RAM");
	if (*(volatile uint32_t *)(uintptr_t)(rh_cfg.rom + IMAGE_MAGIC_OFFSET) != IMAGE_MAGIC)
		fatal("no arm64 Image at refhyp.rom (load it with -device loader)");
}

static int set_cells(void *fdt, int node, const char *name, const uint64_t *v, int n, int parent)
{
	int ac = fdt_address_cells(fdt, parent), sc = fdt_size_cells(fdt, parent);
	fdt32_t cells[8];
	int k = 0;
	for (int i = 0; i < n; i++) {
		int c = i % 2 ? sc : ac;
		if (c == 2)
			cells[k++] = cpu_to_fdt32((uint32_t)(v[i] >> 32));
		cells[k++] = cpu_to_fdt32((uint32_t)v[i]);
	}
	return fdt_setprop(fdt, node, name, cells, k * (int)sizeof(fdt32_t));
}

/* The guest's DTB: the platform's, with our bootargs words removed and the
 * memory node shrunk to guest RAM. Placed 2 MiB below the top of guest RAM. */
static uint64_t guest_dtb(const void *dtb)
{
	struct rh_region *top = &rh_cfg.ram[0];
	uint64_t at = (top->base + top->size - GUEST_DTB_TOP_GAP) & ~(RH_BLOCK_2M - 1);
	void *g = (void *)(uintptr_t)at;
	int size = (int)fdt_totalsize(dtb) + GUEST_DTB_ROOM;
	if (fdt_open_into(dtb, g, size))
		fatal("cannot copy the DTB");
	int chosen = fdt_path_offset(g, "/chosen");
	if (chosen < 0)
		chosen = fdt_add_subnode(g, 0, "chosen");
	if (chosen < 0 || fdt_setprop_string(g, chosen, "bootargs", guest_args))
		fatal("cannot set /chosen/bootargs");
	int node;
	fdt_for_each_subnode(node, g, 0) {
		const char *dt = fdt_getprop(g, node, "device_type", NULL);
		const fdt32_t *r = fdt_getprop(g, node, "reg", NULL);
		if (!dt || strcmp(dt, "memory") || !r)
			continue;
		uint64_t b = fdt_address_cells(g, 0) == 2 ? (uint64_t)fdt32_to_cpu(r[0]) << 32 | fdt32_to_cpu(r[1])
							   : fdt32_to_cpu(r[0]);
		for (unsigned i = 0; i < rh_cfg.nram; i++) {
			uint64_t v[2] = { rh_cfg.ram[i].base, rh_cfg.ram[i].size };
			if (b == rh_cfg.host[i].base && set_cells(g, node, "reg", v, 2, 0))
				fatal("cannot shrink /memory");
		}
	}
	fdt_pack(g);
	return at;
}

/* Stage 2: guest RAM Normal, every device the DTB describes Device; the
 * rest (the MMIO holes the suite aims at) unmapped. */
static void stage2(void)
{
	for (unsigned i = 0; i < rh_cfg.nram; i++)
		if (s2_map(rh_cfg.ram[i].base, rh_cfg.ram[i].base, rh_cfg.ram[i].size, 0))
			fatal("stage 2: out of tables (RAM)");
	for (unsigned i = 0; i < plat.nbusy; i++) {
		uint64_t b = plat.busy[i].base & ~RH_PAGE_MASK;
		uint64_t e = (plat.busy[i].base + plat.busy[i].size + RH_PAGE_MASK) & ~RH_PAGE_MASK;
		int ram = 0;
		for (unsigned k = 0; k < rh_cfg.nhost; k++)
			ram |= b < rh_cfg.host[k].base + rh_cfg.host[k].size && rh_cfg.host[k].base < e;
		if (ram || e > (1ULL << RH_IPA_BITS))
			continue;
		if ((rh_cfg.halt & RH_HALT_GICD) && b < rh_cfg.gicd.base + rh_cfg.gicd.size && rh_cfg.gicd.base < e)
			continue;   /* trapped: halt.c forwards the 8/32-bit accesses */
		if (s2_map(b, b, e - b, 1))
			fatal("stage 2: out of tables (devices)");
	}
	s2_enable();
}

static void el2_setup(void)
{
	write_sysreg(cptr_el2, CPTR_EL2_NOTRAP);
	write_sysreg(cnthctl_el2, CNTHCTL_EL1PCTEN_EN);
	write_sysreg(cntvoff_el2, 0);
	write_sysreg(hstr_el2, 0);
	write_sysreg(vpidr_el2, read_sysreg(midr_el1));
	write_sysreg(vmpidr_el2, read_sysreg(mpidr_el1));
	if (id_field(read_sysreg(id_aa64pfr0_el1), PFR0_SVE_SHIFT))
		write_sysreg(S3_4_C1_C2_0, ZCR_LEN_MAX);   /* ZCR_EL2: the guest gets the max VL */
	write_sysreg(sctlr_el1, SCTLR_EL1_RES1);
	write_sysreg(hcr_el2, HCR_GUEST);
	isb();
}

void refhyp_main(const void *dtb, uint64_t load);
void refhyp_main(const void *dtb, uint64_t load)
{
	struct rh_region boot[2] = { { load, 1 }, { (uint64_t)(uintptr_t)dtb, 1 } };
	el2_mmu_enable(boot, 2);
	if (!dtb || fdt_check_header(dtb) || platform_probe(dtb, &plat))
		for (;;)
			__asm__ volatile("wfe");   /* no console to say why */
	console_init(&plat.console);
	rh_cfg.psci_smc = plat.psci == PSCI_SMC;
	rh_cfg.gicd = (struct rh_region){ plat.gicd, plat.gicd_size };
	parse_bootargs(plat.bootargs);
	layout(load);
	el2_mmu_enable(rh_cfg.host, rh_cfg.nhost);
	uint64_t gdtb = guest_dtb(dtb);
	stage2();
	el2_setup();
	rh_printf("refhyp: EL2 load=0x%llx guest rom=0x%llx dtb=0x%llx ram=0x%llx+0x%llx bug=%s",
		  (unsigned long long)load, (unsigned long long)rh_cfg.rom, (unsigned long long)gdtb,
		  (unsigned long long)rh_cfg.ram[0].base, (unsigned long long)rh_cfg.ram[0].size,
		  rh_bug_name(rh_cfg.bug));
	if (rh_cfg.halt) {
		char halt[48];
		rh_halt_names(halt, sizeof(halt));
		rh_printf("refhyp: halt=%s (static partitioning fixture, refhyp/halt.c)", halt);
	}
	guest_enter(rh_cfg.halt & RH_HALT_X0 ? 0 : gdtb, rh_cfg.rom, GUEST_SPSR);
}
