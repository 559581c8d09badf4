/* Platform discovery from the DTB with libfdt: RAM, console, PSCI, GIC, and
 * every address range something lives at (to find an MMIO hole). */
#include <string.h>
#include <libfdt.h>
#include "platform.h"

#define HOLE_SIZE      0x10000ULL     /* the hole must be free for 64 KiB */
#define HOLE_ALIGN     0x100000ULL    /* start 1 MiB into a gap, 1 MiB aligned */
#define FOUR_GIB       0x100000000ULL

static uint64_t read_cells(const fdt32_t *c, int n)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v = (v << 32) | fdt32_to_cpu(c[i]);
	return v;
}

static int cells(const void *fdt, int node, const char *name, int dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);
	return (p && len == 4) ? (int)fdt32_to_cpu(*p) : dflt;
}

/* Translate a child-bus address to the root through the parents' "ranges".
 * Returns 0 if a parent has no ranges (address not CPU-visible). */
static int translate(const void *fdt, int node, uint64_t *addr)
{
	int parent = fdt_parent_offset(fdt, node);
	while (parent > 0) {
		int grand = fdt_parent_offset(fdt, parent);
		int len;
		const fdt32_t *r = fdt_getprop(fdt, parent, "ranges", &len);
		if (!r)
			return 0;
		if (len > 0) {
			int ca = cells(fdt, parent, "#address-cells", 2);
			int pa = cells(fdt, grand < 0 ? 0 : grand, "#address-cells", 2);
			int cs = cells(fdt, parent, "#size-cells", 1);
			int step = ca + pa + cs, n = len / 4 / step, hit = 0;
			for (int i = 0; i < n; i++) {
				const fdt32_t *e = r + i * step;
				uint64_t cb = read_cells(e, ca), pb = read_cells(e + ca, pa);
				uint64_t sz = read_cells(e + ca + pa, cs);
				if (*addr >= cb && *addr - cb < sz) {
					*addr = *addr - cb + pb;
					hit = 1;
					break;
				}
			}
			if (!hit)
				return 0;
		}
		parent = grand;
	}
	return 1;
}

/* reg entry idx of node, translated to a CPU address. */
static int node_reg(const void *fdt, int node, int idx, uint64_t *base, uint64_t *size)
{
	int parent = fdt_parent_offset(fdt, node), len;
	int ac = cells(fdt, parent, "#address-cells", 2), sc = cells(fdt, parent, "#size-cells", 1);
	const fdt32_t *r = fdt_getprop(fdt, node, "reg", &len);
	if (!r || ac < 1 || ac > 2 || sc < 0 || sc > 2 || (idx + 1) * (ac + sc) * 4 > len)
		return 0;
	*base = read_cells(r + idx * (ac + sc), ac);
	*size = sc ? read_cells(r + idx * (ac + sc) + ac, sc) : 0;
	return translate(fdt, node, base);
}

static void add_busy(struct platform *p, uint64_t b, uint64_t s)
{
	if (p->nbusy < PLAT_MAX_REGIONS && s)
		p->busy[p->nbusy++] = (struct region){ b, s };
}

static int overlaps(const struct region *r, unsigned n, uint64_t a, uint64_t s)
{
	for (unsigned i = 0; i < n; i++)
		if (a < r[i].base + r[i].size && r[i].base < a + s)
			return 1;
	return 0;
}

int platform_is_ram(const struct platform *p, uint64_t a, uint64_t s)
{
	return overlaps(p->ram, p->nram, a, s);
}

int platform_is_busy(const struct platform *p, uint64_t a, uint64_t s)
{
	return overlaps(p->busy, p->nbusy, a, s) || platform_is_ram(p, a, s);
}

static void find_memory(const void *fdt, struct platform *p)
{
	int node;
	fdt_for_each_subnode(node, fdt, 0) {
		const char *dt = fdt_getprop(fdt, node, "device_type", NULL);
		if (!dt || strcmp(dt, "memory"))
			continue;
		uint64_t b, s;
		for (int i = 0; p->nram < PLAT_MAX_RAM && node_reg(fdt, node, i, &b, &s); i++)
			if (s)
				p->ram[p->nram++] = (struct region){ b, s };
	}
}

/* Every reg of every node, and the windows of PCI-like buses ("ranges" of a
 * node with device_type "pci"): nothing of that may be taken for a hole. */
static void find_busy(const void *fdt, struct platform *p)
{
	for (int node = fdt_next_node(fdt, 0, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		uint64_t b, s;
		for (int i = 0; node_reg(fdt, node, i, &b, &s); i++)
			add_busy(p, b, s ? s : 1);
		const char *dt = fdt_getprop(fdt, node, "device_type", NULL);
		int len;
		const fdt32_t *r = fdt_getprop(fdt, node, "ranges", &len);
		if (dt && !strcmp(dt, "pci") && r) {
			int pa = cells(fdt, fdt_parent_offset(fdt, node), "#address-cells", 2);
			int ca = cells(fdt, node, "#address-cells", 3), cs = cells(fdt, node, "#size-cells", 2);
			int step = ca + pa + cs;
			for (int i = 0; i < len / 4 / step; i++)
				add_busy(p, read_cells(r + i * step + ca, pa), read_cells(r + i * step + ca + pa, cs));
		}
	}
}

static int compat_is(const void *fdt, int node, const char *c)
{
	return fdt_node_check_compatible(fdt, node, c) == 0;
}

/* virtio: only when stdout-path names the node (virtio_ok) */
static void set_console(const void *fdt, int node, struct platform *p, int virtio_ok)
{
	uint64_t b, s;
	struct console_desc *c = &p->console;
	if (!node_reg(fdt, node, 0, &b, &s))
		return;
	if (compat_is(fdt, node, "arm,pl011") || compat_is(fdt, node, "arm,sbsa-uart")) {
		c->kind = CONSOLE_PL011;
		c->compatible = compat_is(fdt, node, "arm,pl011") ? "pl011" : "sbsa-uart";
	} else if (compat_is(fdt, node, "ns16550a") || compat_is(fdt, node, "ns16550") ||
		   compat_is(fdt, node, "snps,dw-apb-uart")) {
		c->kind = CONSOLE_NS16550;
		c->compatible = "ns16550";
		c->reg_shift = (unsigned)cells(fdt, node, "reg-shift", 0);
		c->io_width = (unsigned)cells(fdt, node, "reg-io-width", 1);
	} else if (virtio_ok && compat_is(fdt, node, "virtio,mmio")) {
		c->kind = CONSOLE_VIRTIO;
		c->compatible = "virtio-console";
	} else {
		return;
	}
	c->base = b;
	const char *name = fdt_get_name(fdt, node, NULL);
	strncpy(p->console_node, name ? name : "?", sizeof(p->console_node) - 1);
}

static void find_console(const void *fdt, struct platform *p)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len;
	const char *path = chosen >= 0 ? fdt_getprop(fdt, chosen, "stdout-path", &len) : NULL;
	if (path) {
		char buf[128];
		size_t n = strcspn(path, ":");
		if (n < sizeof(buf)) {
			memcpy(buf, path, n);
			buf[n] = 0;
			int node = fdt_path_offset(fdt, buf);
			if (node >= 0)
				set_console(fdt, node, p, 1);
		}
	}
	if (p->console.kind != CONSOLE_NONE)
		return;
	/* No usable stdout-path: the first UART the DTB describes. */
	for (int node = fdt_next_node(fdt, 0, NULL); node >= 0 && p->console.kind == CONSOLE_NONE;
	     node = fdt_next_node(fdt, node, NULL)) {
		const char *st = fdt_getprop(fdt, node, "status", NULL);
		if (!st || !strcmp(st, "okay"))
			set_console(fdt, node, p, 0);
	}
}

static void find_psci_gic(const void *fdt, struct platform *p)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci");
	if (node >= 0) {
		const char *m = fdt_getprop(fdt, node, "method", NULL);
		p->psci = !m ? PSCI_NONE : !strcmp(m, "hvc") ? PSCI_HVC : !strcmp(m, "smc") ? PSCI_SMC : PSCI_NONE;
	}
	static const struct { const char *compat; unsigned version; } gics[] = {
		{ "arm,gic-v3", 3 }, { "arm,cortex-a15-gic", 2 }, { "arm,gic-400", 2 },
	};
	for (unsigned i = 0; i < sizeof(gics) / sizeof(gics[0]); i++) {
		node = fdt_node_offset_by_compatible(fdt, -1, gics[i].compat);
		if (node >= 0 && node_reg(fdt, node, 0, &p->gicd, &p->gicd_size)) {
			p->gic_version = gics[i].version;
			break;
		}
	}
}

/* The hole: 1 MiB into the largest gap below the first RAM bank (or below
 * 4 GiB), 1 MiB aligned, free of RAM and of every reg/bus window for 64 KiB.
 * Starting inside a large gap keeps clear of things a VMM maps without
 * telling the DTB (KVM's PV-time page next to the virt devices, say). */
static void find_hole(struct platform *p)
{
	uint64_t limit = FOUR_GIB, best = 0, best_len = 0;
	for (unsigned i = 0; i < p->nram; i++)
		if (p->ram[i].base && p->ram[i].base < limit)
			limit = p->ram[i].base;
	uint64_t a = HOLE_ALIGN;
	while (a + HOLE_SIZE <= limit) {
		if (platform_is_busy(p, a, HOLE_SIZE)) {
			a += HOLE_ALIGN;
			continue;
		}
		uint64_t e = a;
		while (e + HOLE_ALIGN <= limit && !platform_is_busy(p, e, HOLE_ALIGN))
			e += HOLE_ALIGN;
		if (e - a > best_len) {
			best = a;
			best_len = e - a;
		}
		a = e + HOLE_ALIGN;
	}
	/* One alignment step into the gap when it is large enough. */
	p->hole = best_len >= 4 * HOLE_ALIGN ? best + HOLE_ALIGN : best;
}

const char *platform_probe(const void *fdt, struct platform *p)
{
	memset(p, 0, sizeof(*p));
	if (!fdt)
		return "no DTB (x0 = 0)";
	if (fdt_check_header(fdt))
		return "invalid DTB (bad header)";
	p->fdt = fdt;
	find_memory(fdt, p);
	if (!p->nram)
		return "DTB has no /memory";
	find_busy(fdt, p);
	find_console(fdt, p);
	find_psci_gic(fdt, p);
	int chosen = fdt_path_offset(fdt, "/chosen");
	p->bootargs = chosen >= 0 ? fdt_getprop(fdt, chosen, "bootargs", NULL) : NULL;
	find_hole(p);
	return NULL;
}
