#ifndef ISV_MMU_H
#define ISV_MMU_H
#include <stdint.h>

/* Memory types: index into MAIR_EL1 (see mmu.c mair table). */
enum mem_type { MT_DEVICE_nGnRE = 0, MT_NORMAL = 1, MT_NORMAL_NC = 2, MT_DEVICE_nGnRnE = 3 };

/* Permission flags */
#define MP_RW      0          /* EL1 read/write, no EL0 access */
#define MP_RO      (1u << 0)  /* read-only */
#define MP_EL0     (1u << 1)  /* EL0 may access too */
#define MP_EXEC    (1u << 2)  /* executable at EL1 (and at EL0 with MP_EL0) */

#define PAGE_SIZE  4096ULL
#define PAGE_MASK  (PAGE_SIZE - 1)

/* Map [va, va+size) -> pa. fill_only: leave already-valid entries alone
 * (used to lay Device memory around RAM). Returns 0 or -1 (pool exhausted,
 * or a live mapping would need splitting). */
int mmu_map(uint64_t va, uint64_t pa, uint64_t size, enum mem_type t, unsigned perm, int fill_only);
void mmu_enable(void);
void mmu_sync(void);
/* Physical address of a VA via AT S1E1R; ~0 when it does not translate. */
uint64_t mmu_va_to_pa(uint64_t va);
/* TTBR0_EL1 value of the big-endian copy of the tables (SCTLR_EL1.EE = 1). */
uint64_t mmu_be_ttbr(void);
#endif
