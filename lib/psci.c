/* PSCI SYSTEM_OFF through the conduit the DTB names. */
#include <stdint.h>
#include "psci.h"

#define PSCI_0_2_FN_SYSTEM_OFF 0x84000008u

void psci_system_off(enum psci_conduit c)
{
	register uint64_t x0 __asm__("x0") = PSCI_0_2_FN_SYSTEM_OFF;
	if (c == PSCI_HVC)
		__asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
	else if (c == PSCI_SMC)
		__asm__ volatile("smc #0" : "+r"(x0) : : "memory");
	for (;;)
		__asm__ volatile("wfi");
}
