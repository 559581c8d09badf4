/* Page tables: EL2's own stage 1 (identity, 1 GiB blocks: Normal where RAM
 * is, Device elsewhere) and the guest's stage 2 (identity for guest RAM and
 * the platform devices, 4 KiB granule; everything else unmapped so that a
 * guest access faults to us). Both use a 39-bit address space starting at
 * level 1. */
#include <string.h>
#include "refhyp.h"
#include "sysreg.h"

#define PT_ENTRIES      512
#define S2_POOL_PAGES   32
#define START_LEVEL     1
#define LAST_LEVEL      3
#define GIB             (1ULL << 30)

/* Descriptor bits (both stages) */
#define D_VALID         (1ULL << 0)
#define D_TABLE         (1ULL << 1)     /* table at L1/L2, page at L3 */
#define D_AF            (1ULL << 10)
#define D_SH_INNER      (3ULL << 8)
#define D_ADDR_MASK     0x0000fffffffff000ULL
/* Stage 1 (EL2 regime) */
#define S1_ATTR(i)      ((uint64_t)(i) << 2)
#define S1_XN           (1ULL << 54)
#define MAIR_IDX_DEVICE 0
#define MAIR_IDX_NORMAL 1
#define MAIR_VALUE      (0x04ULL | 0xffULL << 8)   /* Device-nGnRE, Normal WB RA/WA */
/* Stage 2 */
#define S2_MEMATTR_NORMAL  (0xfULL << 2)           /* Normal, outer/inner WB */
#define S2_MEMATTR_DEVICE  (0x1ULL << 2)           /* Device-nGnRE */
#define S2_AP_RW           (3ULL << 6)

/* TCR_EL2 (nVHE) / VTCR_EL2 */
#define TCR_T0SZ        (64 - RH_IPA_BITS)
#define TCR_IRGN0_WBWA  (1ULL << 8)
#define TCR_ORGN0_WBWA  (1ULL << 10)
#define TCR_SH0_INNER   (3ULL << 12)
#define TCR_PS_SHIFT    16
#define TCR_PS_40BIT    2ULL
#define TCR_EL2_RES1    ((1ULL << 31) | (1ULL << 23))
#define VTCR_SL0_L1     (1ULL << 6)
#define VTCR_RES1       (1ULL << 31)
/* SCTLR_EL2: M, C, I on top of the RES1 bits (4,5,11,16,18,22,23,28,29) */
#define SCTLR_EL2_RES1  0x30c50830ULL

static uint64_t s1_l1[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t s2_pool[S2_POOL_PAGES][PT_ENTRIES] __attribute__((aligned(4096)));
static unsigned s2_used;

static int overlaps(const struct rh_region *r, unsigned n, uint64_t a, uint64_t s)
{
	for (unsigned i = 0; i < n; i++)
		if (a < r[i].base + r[i].size && r[i].base < a + s)
			return 1;
	return 0;
}

void el2_mmu_enable(const struct rh_region *normal, unsigned n)
{
	for (unsigned i = 0; i < PT_ENTRIES; i++) {
		uint64_t a = (uint64_t)i * GIB;
		uint64_t attr = overlaps(normal, n, a, GIB) ? S1_ATTR(MAIR_IDX_NORMAL) | D_SH_INNER
							    : S1_ATTR(MAIR_IDX_DEVICE) | S1_XN;
		s1_l1[i] = a | attr | D_AF | D_VALID;
	}
	write_sysreg(mair_el2, MAIR_VALUE);
	write_sysreg(tcr_el2, TCR_EL2_RES1 | TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER |
				      (TCR_PS_40BIT << TCR_PS_SHIFT));
	write_sysreg(ttbr0_el2, (uint64_t)(uintptr_t)s1_l1);
	dsb(ish);
	isb();
	__asm__ volatile("tlbi alle2\n\tdsb ish" : : : "memory");
	isb();
	write_sysreg(sctlr_el2, SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I);
	isb();
}

static uint64_t *s2_table(void)
{
	if (s2_used >= S2_POOL_PAGES)
		return NULL;
	uint64_t *t = s2_pool[s2_used++];
	memset(t, 0, RH_PAGE_SIZE);
	return t;
}

static unsigned shift_of(int level) { return 12 + 9 * (unsigned)(LAST_LEVEL - level); }

int s2_map(uint64_t ipa, uint64_t pa, uint64_t size, int device)
{
	uint64_t attr = (device ? S2_MEMATTR_DEVICE : S2_MEMATTR_NORMAL | D_SH_INNER) | S2_AP_RW | D_AF;
	if (!s2_used && !s2_table())
		return -1;
	while (size) {
		uint64_t *t = s2_pool[0];
		for (int level = START_LEVEL; level <= LAST_LEVEL; level++) {
			uint64_t blk = 1ULL << shift_of(level);
			uint64_t *e = &t[(ipa >> shift_of(level)) & (PT_ENTRIES - 1)];
			if (!(ipa & (blk - 1)) && !(pa & (blk - 1)) && size >= blk && !(*e & D_VALID)) {
				*e = pa | attr | D_VALID | (level == LAST_LEVEL ? D_TABLE : 0);
				ipa += blk;
				pa += blk;
				size -= blk;
				break;
			}
			if ((*e & D_VALID) && (level == LAST_LEVEL || !(*e & D_TABLE))) {
				/* Already mapped (overlapping regions): keep it, skip on. */
				uint64_t skip = blk - (ipa & (blk - 1));
				skip = skip < size ? skip : size;
				ipa += skip;
				pa += skip;
				size -= skip;
				break;
			}
			if (level == LAST_LEVEL)
				return -1;
			if (!(*e & D_VALID)) {
				uint64_t *n = s2_table();
				if (!n)
					return -1;
				*e = (uint64_t)(uintptr_t)n | D_VALID | D_TABLE;
			}
			t = (uint64_t *)(uintptr_t)(*e & D_ADDR_MASK);
		}
	}
	return 0;
}

void s2_enable(void)
{
	write_sysreg(vtcr_el2, VTCR_RES1 | TCR_T0SZ | VTCR_SL0_L1 | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
				       TCR_SH0_INNER | (TCR_PS_40BIT << TCR_PS_SHIFT));
	write_sysreg(vttbr_el2, (uint64_t)(uintptr_t)s2_pool[0]);
	dsb(ish);
	isb();
	__asm__ volatile("tlbi alle1\n\tdsb ish" : : : "memory");
	isb();
}
