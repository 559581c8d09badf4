/* Guest traps: stage-2 data aborts (the MMIO window), PSCI calls (HVC, and
 * SMC trapped by HCR_EL2.TSC), abort injection, and the RAM-like device
 * that backs every unmapped IPA outside RAM. */
#include <string.h>
#include "refhyp.h"
#include "sysreg.h"

/* ESR_EL2 */
#define ESR_EC_SHIFT     26
#define ESR_EC_MASK      0x3fULL
#define ESR_IL           (1ULL << 25)
#define EC_HVC64         0x16
#define EC_SMC64         0x17
#define EC_DABT_LOW      0x24
#define EC_DABT_CUR      0x25
#define ISS_ISV          (1ULL << 24)
#define ISS_S1PTW        (1ULL << 7)
#define ISS_WNR          (1ULL << 6)
#define ISS_DFSC_MASK    0x3fULL
#define DFSC_TRANS_MASK  0x3cULL      /* translation fault, level 0-3: 0b0001xx */
#define DFSC_TRANS       0x04ULL
#define DFSC_SEA         0x10ULL      /* synchronous external abort */
#define HPFAR_FIPA_MASK  0x00000ffffffffff0ULL
#define HPFAR_FIPA_SHIFT 8            /* FIPA[43:4] = IPA[51:12] */
/* SPSR / vector offsets for injection */
#define SPSR_M_MASK      0xfULL
#define VEC_CUR_SP0      0x000
#define VEC_CUR_SPX      0x200
#define VEC_LOWER_A64    0x400
#define INJECT_SPSR      (PSR_MODE_EL1H | PSR_D | PSR_A | PSR_I | PSR_F)
#define MUTANT_ESR_UPPER 0xffffffff00000000ULL   /* KVM 6.1's sign-extended EC */
#define MUTANT_FAR_XOR   0xdead000ULL
/* PSCI */
#define PSCI_FN_SYSTEM_OFF 0x84000008ULL
#define PSCI_FN_SYSTEM_RESET 0x84000009ULL
#define PSCI_RET_NOT_SUPPORTED ((uint64_t)-1)
#define A64_INSN_BYTES   4
/* The RAM-like MMIO device: pages allocated on first touch */
#define MMIO_PAGES       16

struct rh_stats rh_stats;

static struct { uint64_t ipa; uint8_t data[RH_PAGE_SIZE]; } mmio[MMIO_PAGES] __attribute__((aligned(4096)));
static unsigned mmio_used;

int rh_is_guest_ram(uint64_t ipa, uint64_t size)
{
	for (unsigned i = 0; i < rh_cfg.nram; i++)
		if (ipa >= rh_cfg.ram[i].base && ipa + size <= rh_cfg.ram[i].base + rh_cfg.ram[i].size)
			return 1;
	return 0;
}

static int is_host_ram(uint64_t ipa)
{
	for (unsigned i = 0; i < rh_cfg.nhost; i++)
		if (ipa >= rh_cfg.host[i].base && ipa < rh_cfg.host[i].base + rh_cfg.host[i].size)
			return 1;
	return 0;
}

/* Backing page of an MMIO IPA (not RAM, not a mapped device: it faulted),
 * allocated zeroed on first use; NULL when the pool is exhausted. */
uint8_t *rh_mmio_page(uint64_t ipa)
{
	uint64_t page = ipa & ~RH_PAGE_MASK;
	if (is_host_ram(ipa) || ipa >= (1ULL << RH_IPA_BITS))
		return NULL;
	for (unsigned i = 0; i < mmio_used; i++)
		if (mmio[i].ipa == page)
			return mmio[i].data;
	if (mmio_used == MMIO_PAGES)
		return NULL;
	mmio[mmio_used].ipa = page;
	memset(mmio[mmio_used].data, 0, RH_PAGE_SIZE);
	return mmio[mmio_used++].data;
}

/* A synchronous external data abort into the guest, as if the access
 * itself had aborted: ESR/FAR/ELR/SPSR_EL1, then VBAR_EL1 + the vector for
 * the EL and SP the guest was using. */
void rh_inject_abort(uint64_t esr, uint64_t far)
{
	uint64_t spsr = read_sysreg(spsr_el2), mode = spsr & SPSR_M_MASK;
	int from_el0 = mode == PSR_MODE_EL0T;
	uint64_t ec = from_el0 ? EC_DABT_LOW : EC_DABT_CUR;
	uint64_t off = from_el0 ? VEC_LOWER_A64 : mode == PSR_MODE_EL1T ? VEC_CUR_SP0 : VEC_CUR_SPX;
	uint64_t esr1 = ec << ESR_EC_SHIFT | ESR_IL | (esr & ISS_WNR) | DFSC_SEA;
	/* Refusal mutants: what Xen (vector, DFSC 0) and KVM 6.1 (bits 63:32)
	 * get wrong, and a FAR that is not the accessed address. */
	if (rh_cfg.bug == BUG_WRONG_VECTOR && mode == PSR_MODE_EL1T)
		off = VEC_CUR_SPX;
	if (rh_cfg.bug == BUG_VECTOR_SP0 && !from_el0)   /* SPSel ignored the other way: EL1h to +0x000 */
		off = VEC_CUR_SP0;
	if (rh_cfg.bug == BUG_UPPER_ESR)
		esr1 |= MUTANT_ESR_UPPER;
	if (rh_cfg.bug == BUG_DFSC0)
		esr1 &= ~ISS_DFSC_MASK;
	if (rh_cfg.bug == BUG_WRONG_FAR)
		far ^= MUTANT_FAR_XOR;
	write_sysreg(esr_el1, esr1);
	write_sysreg(far_el1, far);
	write_sysreg(elr_el1, read_sysreg(elr_el2));
	write_sysreg(spsr_el1, spsr);
	write_sysreg(elr_el2, read_sysreg(vbar_el1) + off);
	write_sysreg(spsr_el2, INJECT_SPSR);
	rh_stats.aborts++;
}

static void data_abort(struct gregs *g, uint64_t esr)
{
	uint64_t far = read_sysreg(far_el2), hpfar = read_sysreg(hpfar_el2);
	uint64_t ipa = (hpfar & HPFAR_FIPA_MASK) << HPFAR_FIPA_SHIFT | (far & RH_PAGE_MASK);
	/* Only stage-2 translation faults on a data access outside RAM are
	 * ours to emulate; a stage-1 walk into the hole, or anything else, is
	 * refused the way hardware would. */
	if ((esr & ISS_S1PTW) || (esr & DFSC_TRANS_MASK) != DFSC_TRANS) {
		rh_inject_abort(esr, far);
		return;
	}
	if (rh_cfg.halt && rh_halt_abort(g, esr, far, ipa, &rh_cfg.gicd))
		return;
	if (!rh_mmio_page(ipa)) {
		rh_inject_abort(esr, far);
		return;
	}
	if (esr & ISS_ISV)
		rh_emulate_isv1(g, esr, far, ipa);
	else
		rh_emulate_isv0(g, esr, far, ipa);
}

static void stats_line(void)
{
	if (rh_cfg.stats)
		rh_printf("refhyp: traps=%llu isv1=%llu isv0=%llu emulated=%llu aborts=%llu serrors=%llu bug=%s",
			  (unsigned long long)rh_stats.traps, (unsigned long long)rh_stats.isv1,
			  (unsigned long long)rh_stats.isv0, (unsigned long long)rh_stats.emulated,
			  (unsigned long long)rh_stats.aborts, (unsigned long long)rh_stats.serrors,
			  rh_bug_name(rh_cfg.bug));
}

/* PSCI from the guest: passed to the platform's firmware unchanged. */
static void psci(struct gregs *g)
{
	rh_stats.psci++;
	if (g->x[0] == PSCI_FN_SYSTEM_OFF && (rh_cfg.halt & RH_HALT_NOOFF)) {
		g->x[0] = PSCI_RET_NOT_SUPPORTED;   /* halt=nooff: like Bao, no SYSTEM_OFF */
		return;
	}
	if (g->x[0] == PSCI_FN_SYSTEM_OFF || g->x[0] == PSCI_FN_SYSTEM_RESET)
		stats_line();
	register uint64_t x0 __asm__("x0") = g->x[0];
	register uint64_t x1 __asm__("x1") = g->x[1];
	register uint64_t x2 __asm__("x2") = g->x[2];
	register uint64_t x3 __asm__("x3") = g->x[3];
	if (rh_cfg.psci_smc)
		__asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	else
		__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	g->x[0] = x0;
	g->x[1] = x1;
	g->x[2] = x2;
	g->x[3] = x3;
}

void refhyp_trap(struct gregs *g)
{
	uint64_t esr = read_sysreg(esr_el2);
	rh_stats.traps++;
	switch ((esr >> ESR_EC_SHIFT) & ESR_EC_MASK) {
	case EC_DABT_LOW:
		data_abort(g, esr);
		return;
	case EC_HVC64:
		psci(g);                          /* ELR_EL2 is already past the HVC */
		return;
	case EC_SMC64:
		psci(g);
		write_sysreg(elr_el2, read_sysreg(elr_el2) + A64_INSN_BYTES);   /* a trapped SMC is not stepped */
		return;
	default:
		refhyp_panic(g, VEC_LOWER_A64);
	}
}

void refhyp_panic(struct gregs *g, uint64_t vector)
{
	rh_printf("refhyp: unexpected exception vector 0x%llx ESR_EL2 0x%llx ELR_EL2 0x%llx FAR_EL2 0x%llx x0 0x%llx",
		  (unsigned long long)vector, (unsigned long long)read_sysreg(esr_el2),
		  (unsigned long long)read_sysreg(elr_el2), (unsigned long long)read_sysreg(far_el2),
		  (unsigned long long)g->x[0]);
	stats_line();
	rh_power_off();
}
