/* The cell area: high virtual addresses (above the identity map) where the
 * slot, the shadow window and each target's aliases live. A hypervisor sees
 * FAR = these VAs and must translate (HPFAR gives the IPA; ELR must be
 * walked through stage 1): nothing here is identity mapped on purpose. */
#ifndef ISV_LAYOUT_H
#define ISV_LAYOUT_H
#define CELL_AREA_VA      0x0000008000000000ULL   /* 512 GiB */
#define SLOT_VA           (CELL_AREA_VA)          /* the executable slot page */
#define DECOY_VA          (CELL_AREA_VA + 0x20000000ULL)  /* what SP_EL0 points into at EL1h */
#define SHADOW_VA         (CELL_AREA_VA + 0x40000000ULL)  /* lead-in page, window pages */
#define TARGET_AREA_VA    (CELL_AREA_VA + 0x80000000ULL)
#define TARGET_STRIDE     0x1000000ULL            /* 16 MiB per target */
#define TARGET_NC_OFFSET  0x800000ULL             /* Normal-NC alias inside it */
#define WINDOW_PAGES      2                       /* window pages after the lead-in */
#define SLOT_INSN_OFFSET  0x800                   /* instruction in mid-page, BRKs around */
#endif
