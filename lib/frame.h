/* Full architectural state of the CPU as saved by every exception path and
 * loaded/saved by the cell executor. One layout, used by asm (offsets below)
 * and C (struct frame); _Static_asserts in lib/cell.c keep them in sync. */
#ifndef ISV_FRAME_H
#define ISV_FRAME_H

#define FRAME_X        0      /* x0..x30: 31 * 8 */
#define FRAME_SP       248    /* the cell's SP: SP_EL0 (EL1t, EL0) or SP_EL1 (EL1h) */
#define FRAME_PC       256    /* ELR: where the exception was taken / cell entry */
#define FRAME_PSTATE   264    /* SPSR: NZCV, DAIF, mode */
#define FRAME_ESR      272
#define FRAME_FAR      280
#define FRAME_VECTOR   288    /* vector offset the exception came through */
#define FRAME_ISR      296    /* ISR_EL1 after ESB: pending SError/IRQ */
#define FRAME_FPSR     304
#define FRAME_FPCR     312
#define FRAME_V        320    /* v0..v31: 32 * 16, 16-byte aligned */
#define FRAME_SP_EL0   832    /* SP_EL0 itself (an EL1h cell must leave it alone) */
#define FRAME_SIZE     848

/* startup/cell.S cell_jmp: x19-x30, then the harness SP */
#define CELL_JMP_SP    96

/* Vector table offsets (VBAR_EL1 + ...) */
#define VEC_CUR_SP0_SYNC    0x000
#define VEC_CUR_SP0_SERROR  0x180
#define VEC_CUR_SPX_SYNC    0x200
#define VEC_CUR_SPX_IRQ     0x280
#define VEC_CUR_SPX_SERROR  0x380
#define VEC_LOWER64_SYNC    0x400
#define VEC_LOWER64_SERROR  0x580

#ifndef __ASSEMBLY__
#include <stdint.h>

struct vreg { uint64_t lo, hi; };

struct frame {
	uint64_t x[31];
	uint64_t sp;
	uint64_t pc;
	uint64_t pstate;
	uint64_t esr;
	uint64_t far;
	uint64_t vector;
	uint64_t isr;
	uint64_t fpsr;
	uint64_t fpcr;
	struct vreg v[32];
	uint64_t sp_el0;
	uint64_t pad;
} __attribute__((aligned(16)));

/* startup/cell.S: load *in, eret to in->pc, come back (through the vectors)
 * with the full state in *out. Returns the vector offset taken. */
uint64_t cell_run(const struct frame *in, struct frame *out);
#endif
#endif
