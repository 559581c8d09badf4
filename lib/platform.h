#ifndef ISV_PLATFORM_H
#define ISV_PLATFORM_H
#include <stdint.h>
#include "console.h"

#define PLAT_MAX_RAM     8
#define PLAT_MAX_REGIONS 96

struct region { uint64_t base, size; };

enum psci_conduit { PSCI_NONE, PSCI_HVC, PSCI_SMC };

struct platform {
	const void *fdt;
	struct region ram[PLAT_MAX_RAM];
	unsigned nram;
	struct region busy[PLAT_MAX_REGIONS];   /* every device reg / bus window */
	unsigned nbusy;
	struct console_desc console;
	char console_node[64];
	enum psci_conduit psci;
	uint64_t gicd, gicd_size;
	unsigned gic_version;                   /* 2 or 3, 0 = none */
	const char *bootargs;
	uint64_t hole;                          /* discovered MMIO hole, 0 = none */
};

/* Parse the DTB. Returns NULL on success or a reason for a Bail out!. */
const char *platform_probe(const void *fdt, struct platform *p);
int platform_is_ram(const struct platform *p, uint64_t addr, uint64_t size);
int platform_is_busy(const struct platform *p, uint64_t addr, uint64_t size);
#endif
