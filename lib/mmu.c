/* Stage-1 translation for the ROM: 4 KiB granule, 48-bit VA, four levels,
 * tables from a static pool. Identity map for RAM (Normal WB) and for all
 * other address space (Device-nGnRE), plus the cell area at a high VA
 * (lib/layout.h) where slot, shadow and target aliases live. */
#include <string.h>
#include "mmu.h"
#include "sysreg.h"

#define PT_ENTRIES      512
#define MMU_POOL_PAGES  64
#define LEVELS          4

/* Descriptor bits */
#define DESC_VALID      (1ULL << 0)
#define DESC_TABLE      (1ULL << 1)     /* table at L0-L2, page at L3 */
#define DESC_ATTRIDX(i) ((uint64_t)(i) << 2)
#define DESC_AP_EL0     (1ULL << 6)     /* AP[1] */
#define DESC_AP_RO      (1ULL << 7)     /* AP[2] */
#define DESC_SH_INNER   (3ULL << 8)
#define DESC_AF         (1ULL << 10)
#define DESC_PXN        (1ULL << 53)
#define DESC_UXN        (1ULL << 54)
#define DESC_ADDR_MASK  0x0000fffffffff000ULL
#define DESC_ATTR_MASK  (~DESC_ADDR_MASK & ~(DESC_VALID | DESC_TABLE))

/* MAIR_EL1 attribute encodings, in enum mem_type order */
#define MAIR_DEVICE_nGnRE   0x04ULL
#define MAIR_NORMAL_WB      0xffULL
#define MAIR_NORMAL_NC      0x44ULL
#define MAIR_DEVICE_nGnRnE  0x00ULL

/* TCR_EL1 */
#define TCR_T0SZ_48     16ULL
#define TCR_IRGN0_WBWA  (1ULL << 8)
#define TCR_ORGN0_WBWA  (1ULL << 10)
#define TCR_SH0_INNER   (3ULL << 12)
#define TCR_TG0_4K      (0ULL << 14)
#define TCR_EPD1        (1ULL << 23)
#define TCR_IPS_SHIFT   32
#define ID_MMFR0_PARANGE_SHIFT 0
#define PAR_F           (1ULL << 0)

static uint64_t pool[MMU_POOL_PAGES][PT_ENTRIES] __attribute__((aligned(4096)));
static unsigned pool_used;
static uint64_t *root;
static unsigned tables_gen;

static uint64_t *new_table(void)
{
	if (pool_used >= MMU_POOL_PAGES)
		return NULL;
	uint64_t *t = pool[pool_used++];
	memset(t, 0, PAGE_SIZE);
	return t;
}

static unsigned level_shift(int level) { return 12 + 9 * (unsigned)(3 - level); }

static uint64_t leaf_attrs(enum mem_type t, unsigned perm)
{
	uint64_t a = DESC_ATTRIDX(t) | DESC_AF;
	if (t == MT_NORMAL || t == MT_NORMAL_NC)
		a |= DESC_SH_INNER;
	if (perm & MP_RO)
		a |= DESC_AP_RO;
	if (perm & MP_EL0)
		a |= DESC_AP_EL0;
	if (!(perm & MP_EXEC))
		a |= DESC_PXN | DESC_UXN;
	else if (!(perm & MP_EL0))
		a |= DESC_UXN;
	return a;
}

/* Replace a block entry by a table of next-level entries with its attributes
 * (only done on entries not in use: before the MMU is on, or in the cell
 * area before it is used). */
static uint64_t *split_block(uint64_t *entry, int level)
{
	uint64_t *t = new_table();
	if (!t)
		return NULL;
	uint64_t base = *entry & DESC_ADDR_MASK, attrs = *entry & DESC_ATTR_MASK;
	uint64_t step = 1ULL << level_shift(level + 1);
	uint64_t leaf = (level + 1 == 3) ? (DESC_VALID | DESC_TABLE) : DESC_VALID;
	for (unsigned i = 0; i < PT_ENTRIES; i++)
		t[i] = (base + i * step) | attrs | leaf;
	*entry = (uint64_t)(uintptr_t)t | DESC_VALID | DESC_TABLE;
	return t;
}

int mmu_map(uint64_t va, uint64_t pa, uint64_t size, enum mem_type type, unsigned perm, int fill_only)
{
	tables_gen++;
	if (!root && !(root = new_table()))
		return -1;
	uint64_t attrs = leaf_attrs(type, perm);
	while (size) {
		uint64_t *table = root;
		for (int level = 0; level < LEVELS; level++) {
			unsigned shift = level_shift(level);
			uint64_t blk = 1ULL << shift;
			uint64_t *e = &table[(va >> shift) & (PT_ENTRIES - 1)];
			int leaf_ok = level >= 1 && !(va & (blk - 1)) && !(pa & (blk - 1)) && size >= blk;
			int valid = *e & DESC_VALID;
			int is_table = valid && level < 3 && (*e & DESC_TABLE);
			if (leaf_ok && !is_table) {
				if (!(valid && fill_only))
					*e = pa | attrs | DESC_VALID | (level == 3 ? DESC_TABLE : 0);
				va += blk;
				pa += blk;
				size -= blk;
				break;
			}
			if (!valid) {
				uint64_t *t = new_table();
				if (!t)
					return -1;
				*e = (uint64_t)(uintptr_t)t | DESC_VALID | DESC_TABLE;
				table = t;
			} else if (is_table) {
				table = (uint64_t *)(uintptr_t)(*e & DESC_ADDR_MASK);
			} else if (fill_only) {
				/* A block already covers this: skip to its end. */
				uint64_t skip = blk - (va & (blk - 1));
				if (skip > size)
					skip = size;
				va += skip;
				pa += skip;
				size -= skip;
				break;
			} else {
				table = split_block(e, level);
				if (!table)
					return -1;
			}
		}
	}
	return 0;
}

void mmu_sync(void)
{
	dsb(ishst);
	__asm__ volatile("tlbi vmalle1" : : : "memory");
	dsb(ish);
	isb();
}

void mmu_enable(void)
{
	uint64_t mair = MAIR_DEVICE_nGnRE << (8 * MT_DEVICE_nGnRE) | MAIR_NORMAL_WB << (8 * MT_NORMAL) |
			MAIR_NORMAL_NC << (8 * MT_NORMAL_NC) | MAIR_DEVICE_nGnRnE << (8 * MT_DEVICE_nGnRnE);
	uint64_t ips = id_field(read_sysreg(id_aa64mmfr0_el1), ID_MMFR0_PARANGE_SHIFT);
	if (ips > 5)
		ips = 5; /* 48 bits: what our descriptors can express */
	uint64_t tcr = TCR_T0SZ_48 | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K |
		       TCR_EPD1 | (ips << TCR_IPS_SHIFT);
	write_sysreg(mair_el1, mair);
	write_sysreg(tcr_el1, tcr);
	write_sysreg(ttbr0_el1, (uint64_t)(uintptr_t)root);
	isb();
	__asm__ volatile("tlbi vmalle1\n\tdsb ish" : : : "memory");
	isb();
	/* MMU and caches on; no alignment checks beyond the architecture's (the
	 * matrix makes unaligned accesses on purpose), SP alignment checks off
	 * (a case may point SP anywhere), no WXN (the cell slot is written then
	 * executed), EL0 may use DC ZVA / cache maintenance / CTR (cells at EL0). */
	uint64_t sctlr = read_sysreg(sctlr_el1);
	sctlr |= SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_DZE | SCTLR_UCI | SCTLR_UCT | SCTLR_SPAN;
	sctlr &= ~(uint64_t)(SCTLR_A | SCTLR_SA | SCTLR_SA0 | SCTLR_WXN | SCTLR_EE | SCTLR_E0E);
	write_sysreg(sctlr_el1, sctlr);
	isb();
}

uint64_t mmu_va_to_pa(uint64_t va)
{
	__asm__ volatile("at s1e1r, %0" : : "r"(va));
	isb();
	uint64_t par = read_sysreg(par_el1);
	if (par & PAR_F)
		return ~0ULL;
	return (par & DESC_ADDR_MASK) | (va & PAGE_MASK);
}

/* A big-endian copy of the tables, for cells that run at EL1 with
 * SCTLR_EL1.EE = 1: EE makes the EL1&0 stage-1 walks read descriptors
 * big-endian, so such a cell runs on this copy (same translations, bytes
 * swapped, table pointers moved into the copy). Rebuilt when the tables
 * changed since the last copy. */
static uint64_t be_pool[MMU_POOL_PAGES][PT_ENTRIES] __attribute__((aligned(4096)));
static unsigned be_gen = ~0u;

static void be_copy(const uint64_t *t, int level)
{
	unsigned idx = (unsigned)((t - &pool[0][0]) / PT_ENTRIES);
	uint64_t delta = (uint64_t)(uintptr_t)be_pool - (uint64_t)(uintptr_t)pool;
	for (unsigned i = 0; i < PT_ENTRIES; i++) {
		uint64_t d = t[i];
		if (level < 3 && (d & DESC_VALID) && (d & DESC_TABLE)) {
			be_copy((const uint64_t *)(uintptr_t)(d & DESC_ADDR_MASK), level + 1);
			d += delta;
		}
		be_pool[idx][i] = __builtin_bswap64(d);
	}
}

uint64_t mmu_be_ttbr(void)
{
	if (be_gen != tables_gen) {
		be_copy(root, 0);
		dsb(ishst);
		be_gen = tables_gen;
	}
	return (uint64_t)(uintptr_t)be_pool + ((uint64_t)(uintptr_t)root - (uint64_t)(uintptr_t)pool);
}
