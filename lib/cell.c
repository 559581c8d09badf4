/* The cell executor's C side: the slot page, and the one routine that runs
 * a cell and says how it ended. The asm half is startup/cell.S. */
#include <stddef.h>
#include <string.h>
#include "cell.h"
#include "esr.h"
#include "layout.h"
#include "mmu.h"
#include "sysreg.h"

_Static_assert(offsetof(struct frame, sp) == FRAME_SP, "frame layout");
_Static_assert(offsetof(struct frame, pc) == FRAME_PC, "frame layout");
_Static_assert(offsetof(struct frame, pstate) == FRAME_PSTATE, "frame layout");
_Static_assert(offsetof(struct frame, esr) == FRAME_ESR, "frame layout");
_Static_assert(offsetof(struct frame, far) == FRAME_FAR, "frame layout");
_Static_assert(offsetof(struct frame, vector) == FRAME_VECTOR, "frame layout");
_Static_assert(offsetof(struct frame, isr) == FRAME_ISR, "frame layout");
_Static_assert(offsetof(struct frame, fpsr) == FRAME_FPSR, "frame layout");
_Static_assert(offsetof(struct frame, fpcr) == FRAME_FPCR, "frame layout");
_Static_assert(offsetof(struct frame, v) == FRAME_V, "frame layout");
_Static_assert(offsetof(struct frame, sp_el0) == FRAME_SP_EL0, "frame layout");
_Static_assert(sizeof(struct frame) == FRAME_SIZE, "frame layout");

/* BRK #imm16: 0xd4200000 | imm16 << 5. The slot is all BRKs except the
 * instruction, so wherever the PC goes next we learn where it went. */
#define A64_BRK(imm)    (0xd4200000u | ((uint32_t)(imm) << 5))
#define SLOT_BRK_IMM    0xce11
#define VECTOR_GROUP(v) ((v) & 0x180)   /* sync/irq/fiq/serror within a group */
#define VECTOR_BASE(v)  ((v) & 0x600)   /* which of the four groups */
#define VEC_KIND_SYNC   0x000
#define VEC_KIND_SERROR 0x180
/* PAR_EL1 before every cell: guest state no access changes, which a
 * hypervisor that translates the faulting address or fetches the
 * instruction with AT (KVM's __translate_far_to_hpfar, Xen's gva_to_ipa)
 * must save and restore. F=1 with a fault status and PA bits set, so a
 * successful AT by the hypervisor (F=0) or a failed one (other bits) shows. */
#define CELL_PAR_IN     0x00000a5a5c3e1e25ULL

static uint32_t slot_page[PAGE_SIZE / 4] __attribute__((aligned(4096)));
/* An EL1h cell's SP_EL0 points into the middle of this page (CELL_SP_EL0),
 * zeroed before each such cell: a hypervisor that takes SP_EL0 for the
 * cell's SP (SPSel ignored) loads zeros from here and stores here, not to
 * the target, and writes SP_EL0 back: each shows as a wrong item, as a
 * guest kernel's SP_EL0 (Linux: `current`) would silently take it. */
static uint8_t decoy_page[PAGE_SIZE] __attribute__((aligned(4096)));
static uint32_t slot_insn;
static int slot_valid;
/* startup/cell.S: a big-endian EL1 cell's SCTLR_EL1 (0: none) and TTBR0_EL1 */
extern uint64_t cell_ee_sctlr, cell_ee_ttbr;
extern uint8_t *cell_zsave;          /* startup/cell.S: Z0-Z31 saved there by cell_exit */

extern const uint8_t *cell_zload;    /* startup/cell.S: Z0-Z31 loaded from there by cell_run */
/* Where vectors.S:cell_exit stores FFR (VL / 8 bytes, through P15) when a
 * cell ends, 0: not. Saved there, next to the Z registers, because nothing
 * between the cell's instruction and that store executes an SVE
 * instruction, so nothing else can have written FFR. */
uint8_t *cell_ffrsave;
void cell_sve_save(uint8_t *z, uint8_t *ffr)
{
	cell_zsave = z;
	cell_ffrsave = ffr;
}
void cell_sve_load(const uint8_t *buf) { cell_zload = buf; }

void cell_init(void)
{
	for (unsigned i = 0; i < PAGE_SIZE / 4; i++)
		slot_page[i] = A64_BRK(SLOT_BRK_IMM);
	uint64_t pa = mmu_va_to_pa((uint64_t)(uintptr_t)slot_page);
	/* Executable at EL1 and EL0, read-only through this alias. */
	mmu_map(SLOT_VA, pa, PAGE_SIZE, MT_NORMAL, MP_RO | MP_EXEC | MP_EL0, 0);
	/* EL0 too: an unprivileged LDTR/STTR through it must not fault either. */
	mmu_map(DECOY_VA, mmu_va_to_pa((uint64_t)(uintptr_t)decoy_page), PAGE_SIZE, MT_NORMAL, MP_RW | MP_EL0, 0);
	mmu_sync();
	write_sysreg(tpidrro_el0, 0); /* no big-endian EL1 cell running (vectors.S ee_off) */
	slot_valid = 0;
}

uint64_t cell_slot_va(void) { return SLOT_VA + SLOT_INSN_OFFSET; }

void cell_load(uint32_t insn)
{
	if (slot_valid && insn == slot_insn)
		return;
	volatile uint32_t *w = &slot_page[SLOT_INSN_OFFSET / 4];
	*w = insn;
	/* Make the new instruction visible to instruction fetch through the
	 * executable alias: clean D to PoU, invalidate I by the alias' VA. */
	__asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %1\n\tdsb ish\n\tisb"
			 : : "r"(w), "r"(cell_slot_va()) : "memory");
	slot_insn = insn;
	slot_valid = 1;
}

void cell_exec(struct frame *in, enum cell_mode mode, int bigendian, struct cell_result *r)
{
	static const uint64_t psr_mode[] = { [CELL_EL1T] = PSR_MODE_EL1T, [CELL_EL0] = PSR_MODE_EL0T,
					     [CELL_EL1H] = PSR_MODE_EL1H };
	/* The architected group (Arm ARM D1.3.1, "Exception vectors"): Current
	 * EL with SP0 for EL1t, with SPx for EL1h, Lower EL AArch64 for EL0. */
	static const unsigned vec_want[] = { [CELL_EL1T] = VEC_CUR_SP0_SYNC, [CELL_EL0] = VEC_LOWER64_SYNC,
					     [CELL_EL1H] = VEC_CUR_SPX_SYNC };
	uint64_t sctlr = 0;
	struct frame swapped;
	const struct frame *run = in;
	int el0 = mode == CELL_EL0, ee = bigendian && mode == CELL_EL1T;
	in->pc = cell_slot_va();
	in->pstate = (in->pstate & PSR_NZCV_MASK) | psr_mode[mode] |
		     PSR_D | PSR_I | PSR_F; /* SError (A) unmasked in the cell */
	if (mode == CELL_EL1H) {
		in->sp_el0 = CELL_SP_EL0;
		memset(decoy_page, 0, sizeof(decoy_page));
	}
	if (bigendian && el0) {
		/* EL0 data big-endian: E0E, the walks are not affected. */
		sctlr = read_sysreg(sctlr_el1);
		write_sysreg(sctlr_el1, sctlr | SCTLR_E0E);
		isb();
	} else if (ee) {
		/* EL1 data big-endian: cell.S switches to EE and the big-endian
		 * tables just before it loads x0-x30, which it then reads
		 * big-endian: hand it those byte-swapped. The vectors switch back
		 * with the little-endian TTBR0 left in TPIDRRO_EL0. */
		swapped = *in;
		for (unsigned i = 0; i < 31; i++)
			swapped.x[i] = __builtin_bswap64(in->x[i]);
		run = &swapped;
		cell_ee_ttbr = mmu_be_ttbr();
		cell_ee_sctlr = read_sysreg(sctlr_el1) | SCTLR_EE;
		write_sysreg(tpidrro_el0, read_sysreg(ttbr0_el1));
		isb();
	}
	write_sysreg(par_el1, CELL_PAR_IN);
	isb();
	uint64_t vec = cell_run(run, &r->out);
	r->par = read_sysreg(par_el1);
	if (bigendian && el0) {
		write_sysreg(sctlr_el1, sctlr);
		isb();
	} else if (ee) {
		cell_ee_sctlr = 0;
	}
	r->pc_off = (int64_t)(r->out.pc - in->pc);
	/* Any other group than the mode's is a misrouted injection. */
	r->el0 = el0;
	r->vector_want = vec_want[mode];
	r->vector_ok = VECTOR_BASE(vec) == vec_want[mode];
	unsigned kind = VECTOR_GROUP(vec);
	unsigned ec = esr_ec(r->out.esr);
	if (kind == VEC_KIND_SERROR)
		r->kind = CELL_SERROR;
	else if (kind != VEC_KIND_SYNC)
		r->kind = CELL_OTHER;
	else if (ec == EC_BRK64 && esr_iss_brk(r->out.esr) == SLOT_BRK_IMM && r->pc_off == 4)
		r->kind = CELL_DONE;
	else
		r->kind = CELL_EXCEPTION;
}

/* SVE forms (FF_SVE) run at the case's vector length (ZCR_EL1.LEN = vq - 1;
 * the effective VL, read back with RDVL, is returned: the CPU or the
 * hypervisor may offer less) under p0 = the case's predicate (lib/inputs.c:
 * all true, or a partial or irregular pattern, whose inactive lanes a load
 * zeroes and a store leaves in memory: both visible in the low 128 bits),
 * with the first-fault register all true (SETFFR; the judge sets it again
 * before the target run and compares it after each run: cell_sve_save). The frame holds the low 128 bits of each Z register (its V
 * register): at a longer VL the judge sees the upper lanes of a load only
 * through the address (an immediate counts vector lengths) and those of a
 * store in memory. Called before each SVE case. */
#define A64_LDR_P0_X0   0x85800000   /* ldr p0, [x0]: VL / 8 bytes */
#define A64_RDVL_X0_1   0x04bf5020   /* rdvl x0, #1: VL in bytes */
#define A64_SETFFR      0x252c9000   /* setffr */
#define INSN_TEXT(x)    INSN_TEXT_(x)
#define INSN_TEXT_(x)   ".inst " #x "\n\t"
unsigned cell_sve_setup(const uint8_t *pred, unsigned vq)
{
	write_sysreg(S3_0_C1_C2_0, (uint64_t)vq - 1); /* ZCR_EL1.LEN */
	isb();
	register uint64_t x0 __asm__("x0") = (uint64_t)(uintptr_t)pred;
	__asm__ volatile(INSN_TEXT(A64_LDR_P0_X0) INSN_TEXT(A64_SETFFR) INSN_TEXT(A64_RDVL_X0_1)
			 : "+r"(x0) : : "memory");
	return (unsigned)x0;
}

/* FFR all true again (what the oracle run left does not carry over). The
 * ROM is built without SVE code generation (-march default), so no
 * compiled instruction touches FFR between this and the cell. */
void cell_sve_setffr(void)
{
	__asm__ volatile(INSN_TEXT(A64_SETFFR) ::: "memory");
}
