/* System register access and the architectural constants the ROM uses.
 * Named here once; logic never uses bare hex. */
#ifndef ISV_SYSREG_H
#define ISV_SYSREG_H

/* CurrentEL */
#define CURRENTEL_EL_SHIFT  2

/* SPSR / PSTATE */
#define PSR_MODE_MASK       0xf   /* SPSR.M[3:0]: EL and SP selection */
#define PSR_MODE_EL0T       0x0
#define PSR_MODE_EL1T       0x4
#define PSR_MODE_EL1H       0x5
#define PSR_F               (1 << 6)
#define PSR_I               (1 << 7)
#define PSR_A               (1 << 8)
#define PSR_D               (1 << 9)
#define PSR_NZCV_SHIFT      28
#define PSR_NZCV_MASK       (0xfUL << PSR_NZCV_SHIFT)

/* HCR_EL2 */
#define HCR_EL2_RW          (1 << 31)
/* CNTHCTL_EL2: EL1 physical counter/timer access */
#define CNTHCTL_EL1PCTEN    (1 << 0)
#define CNTHCTL_EL1PCEN     (1 << 1)
/* CPTR_EL2 (nVHE): RES1 bits 13,12,9,7:0; TZ (bit 8) and TFP (bit 10) clear */
#define CPTR_EL2_RES1_NOTRAP 0x32ff
/* CPACR_EL1 */
#define CPACR_ZEN_EL1EL0    (3 << 16)
#define CPACR_FPEN_EL1EL0   (3 << 20)

/* SCTLR_EL1 */
#define SCTLR_M             (1 << 0)
#define SCTLR_A             (1 << 1)
#define SCTLR_C             (1 << 2)
#define SCTLR_SA            (1 << 3)
#define SCTLR_SA0           (1 << 4)
#define SCTLR_I             (1 << 12)
#define SCTLR_DZE           (1 << 14)
#define SCTLR_UCT           (1 << 15)
#define SCTLR_WXN           (1 << 19)
#define SCTLR_E0E           (1 << 24)
#define SCTLR_EE            (1 << 25)
#define SCTLR_UCI           (1 << 26)
#define SCTLR_SPAN          (1 << 23)
/* RES1 bits of SCTLR_EL1 in ARMv8.0 (11, 20, 22, 23, 28, 29) */
#define SCTLR_EL1_RES1      0x30d00800

/* ISR_EL1 */
#define ISR_A               (1 << 8)

#ifndef __ASSEMBLY__
#include <stdint.h>
#define read_sysreg(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" : : "r"((uint64_t)(v)) : "memory")
#define isb() __asm__ volatile("isb" : : : "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt : : : "memory")

/* ID register field extraction: 4-bit fields */
static inline unsigned id_field(uint64_t reg, unsigned shift) { return (reg >> shift) & 0xf; }
#endif
#endif
