/* refhyp: a reference EL2 hypervisor for isvsuite (see docs/refhyp.md).
 * Shared declarations of its few rooms: boot/DTB (main.c), page tables
 * (pgtable.c), traps and ISV=0 emulation (trap.c, emul.c), console (log.c). */
#ifndef REFHYP_H
#define REFHYP_H
#include <stdint.h>
#include <stddef.h>

#define RH_PAGE_SIZE   4096ULL
#define RH_PAGE_MASK   (RH_PAGE_SIZE - 1)
#define RH_BLOCK_2M    0x200000ULL
#define RH_IPA_BITS    39
#define RH_MAX_RAM     8

/* Guest general registers as saved by head.S (x0..x30 + pad) */
struct gregs {
	uint64_t x[31];
	uint64_t pad;
};

struct rh_region { uint64_t base, size; };

/* Mutants (refhyp.bug=NAME): each a realistic decoder/emulation bug */
enum rh_bug {
	BUG_NONE, BUG_NO_WRITEBACK, BUG_WB_BEFORE_ACCESS, BUG_NO_SEXT, BUG_SEXT_W_UPPER,
	BUG_R31_SP, BUG_BASE_ZR, BUG_PAIR_DROP_RT2, BUG_NO_ZERO_UPPER, BUG_NO_BSWAP,
	BUG_PC_ONLY, BUG_REFAULT, BUG_SERROR, BUG_CLOBBER,
	BUG_STRUCT_ORDER, BUG_STRUCT_NO_BSWAP, BUG_CAS_NO_STORE, BUG_POSTREG_IMM, BUG_RT_BEFORE_RN, BUG_SVE_IGNORE_PRED,
	BUG_SVE_VL128,
	/* refusal and device mutants (h-verdict) */
	BUG_WRONG_FAR, BUG_WRONG_VECTOR, BUG_UPPER_ESR, BUG_DFSC0, BUG_READ64_ZERO, BUG_STALE_READ,
	BUG_WRITE_ON_LOAD,
	BUG_FP_CTRL_RESET, BUG_DAIF_CLEAR, BUG_ZVA_BLOCK2,
	BUG_SP_EL0,
	BUG_SVE_KEEP_INACTIVE,
	BUG_STORE_SKIP,
	BUG_PAR_CLOBBER,
	BUG_VECTOR_SP0,
	BUG_FFR_CLAIMS_ALL, BUG_FFR_CLEAR, BUG_FF_EVERY_ELEMENT,
	BUG_COUNT,
};

/* Halt modes (refhyp.halt=LIST, halt.c): a static partitioning hypervisor */
#define RH_HALT_ISV0   (1u << 0)
#define RH_HALT_HOLE   (1u << 1)
#define RH_HALT_GICD   (1u << 2)
#define RH_HALT_X0     (1u << 3)
#define RH_HALT_NOOFF  (1u << 4)
#define RH_HALT_ALL    (RH_HALT_ISV0 | RH_HALT_HOLE | RH_HALT_GICD | RH_HALT_X0 | RH_HALT_NOOFF)

struct rh_config {
	enum rh_bug bug;
	unsigned halt;                /* refhyp.halt=: RH_HALT_* bits */
	struct rh_region gicd;        /* the GIC distributor (trapped with halt=gicd) */
	uint64_t rom;                 /* guest Image address (refhyp.rom=) */
	int stats;                    /* refhyp.stats: trap counts at power-off */
	int refuse;                   /* refhyp.refuse: abort every ISV=0 access (no decoding) */
	int razwi;                    /* refhyp.razwi: the device reads as zero, ignores writes */
	int drift;                    /* refhyp.drift: the device changes by itself between cases (emul.c) */
	unsigned psci_smc;            /* platform PSCI conduit: 1 = SMC, 0 = HVC */
	struct rh_region ram[RH_MAX_RAM];   /* guest RAM (stage 2 identity) */
	unsigned nram;
	struct rh_region host[RH_MAX_RAM];  /* every RAM bank (refhyp's part included) */
	unsigned nhost;
};
extern struct rh_config rh_cfg;

struct rh_stats { uint64_t traps, isv1, isv0, emulated, aborts, serrors, psci; };
extern struct rh_stats rh_stats;

/* log.c */
void rh_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void rh_power_off(void) __attribute__((noreturn));
const char *rh_bug_name(enum rh_bug b);

/* pgtable.c: EL2 stage 1 (1 GiB blocks) and stage 2 (4 KiB granule) */
void el2_mmu_enable(const struct rh_region *normal, unsigned n);
int s2_map(uint64_t ipa, uint64_t pa, uint64_t size, int device);
void s2_enable(void);

/* trap.c */
void refhyp_trap(struct gregs *g);
void refhyp_panic(struct gregs *g, uint64_t vector) __attribute__((noreturn));
int rh_is_guest_ram(uint64_t ipa, uint64_t size);

/* emul.c: the ISV=0 path */
void rh_emulate_isv0(struct gregs *g, uint64_t esr, uint64_t far, uint64_t ipa);
void rh_emulate_isv1(struct gregs *g, uint64_t esr, uint64_t far, uint64_t ipa);
void rh_inject_abort(uint64_t esr, uint64_t far);
uint8_t *rh_mmio_page(uint64_t ipa);

/* halt.c: refhyp.halt= modes */
int rh_halt_parse(const char *s, size_t n);
void rh_halt_names(char *buf, size_t size);
/* A stage-2 translation fault outside RAM: 1 = handled (forwarded to the
 * GICD, or refused), 0 = carry on; does not return when it halts. */
int rh_halt_abort(struct gregs *g, uint64_t esr, uint64_t far, uint64_t ipa, const struct rh_region *gicd);

/* head.S */
void guest_enter(uint64_t x0, uint64_t pc, uint64_t spsr) __attribute__((noreturn));
void fpsimd_save(uint8_t *buf);
void fpsimd_load_one(unsigned n, const uint8_t *buf);
void sve_save(uint8_t *z, uint8_t *p);
void sve_load_z(const uint8_t *z);
uint64_t sve_vl(void);
void sve_ffr(uint8_t *out, const uint8_t *p0);
void sve_set_ffr(const uint8_t *in, const uint8_t *p0);
#endif
