/*
 * The cell executor: run exactly one instruction with a complete, chosen
 * architectural state and capture the complete state afterwards.
 *
 *   uint64_t cell_run(const struct frame *in, struct frame *out)
 *
 * in->pc is the slot holding the instruction (followed by BRKs), in->pstate
 * the mode (EL1t, EL0t or EL1h), NZCV and DAIF for the cell. At EL1t and
 * EL0 the cell's SP is SP_EL0, so the instruction may use SP freely while
 * every exception lands on SP_EL1, the harness stack. At EL1h (what guest
 * kernels run at) the cell's SP is SP_EL1 itself: the harness stack pointer
 * is parked in cell_jmp, SP_EL0 holds in->sp_el0, and every exception lands
 * on the cell's SP (which may point into the MMIO window): the vectors see
 * cell_el1h != 0 and touch no stack before they have switched back.
 * Whatever ends the cell (the BRK after the instruction, a data abort, an
 * UNDEF, an SError) comes back through vectors.S:cell_exit, which saves
 * *out and branches to cell_resume; we then return the vector offset to
 * the caller like a longjmp.
 */
#include "frame.h"
#include "sysreg.h"

#include "sve.h"

	.text
	.globl cell_run
cell_run:
	/* Harness context: callee-saved registers and SP_EL1. */
	adrp	x2, cell_jmp
	add	x2, x2, :lo12:cell_jmp
	stp	x19, x20, [x2, #0]
	stp	x21, x22, [x2, #16]
	stp	x23, x24, [x2, #32]
	stp	x25, x26, [x2, #48]
	stp	x27, x28, [x2, #64]
	stp	x29, x30, [x2, #80]
	mov	x3, sp
	str	x3, [x2, #CELL_JMP_SP]
	adrp	x2, cell_out
	str	x1, [x2, :lo12:cell_out]

	/* SIMD&FP registers, FPSR, FPCR. */
	add	x2, x0, #FRAME_V
	ldp	q0, q1, [x2], #32
	ldp	q2, q3, [x2], #32
	ldp	q4, q5, [x2], #32
	ldp	q6, q7, [x2], #32
	ldp	q8, q9, [x2], #32
	ldp	q10, q11, [x2], #32
	ldp	q12, q13, [x2], #32
	ldp	q14, q15, [x2], #32
	ldp	q16, q17, [x2], #32
	ldp	q18, q19, [x2], #32
	ldp	q20, q21, [x2], #32
	ldp	q22, q23, [x2], #32
	ldp	q24, q25, [x2], #32
	ldp	q26, q27, [x2], #32
	ldp	q28, q29, [x2], #32
	ldp	q30, q31, [x2], #32
	ldr	x2, [x0, #FRAME_FPSR]
	msr	fpsr, x2
	ldr	x2, [x0, #FRAME_FPCR]
	msr	fpcr, x2
	/* SVE cases (lib/cell.c cell_sve_load): Z0-Z31 whole, LDR Zn, [x2, #n, MUL VL]
	 * (their low 128 bits are the frame's V registers), so the lanes above
	 * 128 bits start non-zero too. */
	adrp	x2, cell_zload
	ldr	x2, [x2, :lo12:cell_zload]
	cbz	x2, 2f
	z_all_x2 A64_LDR_Z_X2
2:

	/* The cell's entry point and PSTATE (mode, NZCV, DAIF). */
	ldr	x2, [x0, #FRAME_PC]
	msr	elr_el1, x2
	ldr	x2, [x0, #FRAME_PSTATE]
	msr	spsr_el1, x2

	/* The cell's SP. EL1t and EL0: SP_EL0; SP_EL1 stays the harness stack. */
	and	x2, x2, #PSR_MODE_MASK
	cmp	x2, #PSR_MODE_EL1H
	b.eq	3f
	ldr	x2, [x0, #FRAME_SP]
	msr	sp_el0, x2
	b	4f
3:	/* EL1h: SP_EL0 gets the frame's sp_el0 (the cell must leave it alone),
	 * SP_EL1 the cell's SP. From here to the ERET the harness has no stack:
	 * mask every exception (the ERET restores the cell's DAIF) and tell the
	 * vectors where the cell's frame goes (cell_el1h = out, x1), which is
	 * also what makes them leave the stack alone. SP is set last. */
	msr	daifset, #0xf
	ldr	x2, [x0, #FRAME_SP_EL0]
	msr	sp_el0, x2
	adrp	x2, cell_el1h
	str	x1, [x2, :lo12:cell_el1h]
	ldr	x2, [x0, #FRAME_SP]
	mov	sp, x2
4:

	/* A cell at EL1 with big-endian data (SCTLR_EL1.EE = 1, lib/cell.c sets
	 * cell_ee_sctlr): EE also makes the stage-1 walks big-endian, so switch
	 * to the big-endian copy of the tables first, then EE (the TLB entry of
	 * this page carries the fetch in between). From here on loads are
	 * big-endian: the caller byte-swapped x0-x30 in *in. The vectors switch
	 * back (ee_off) before they store anything. */
	adrp	x2, cell_ee_sctlr
	ldr	x3, [x2, :lo12:cell_ee_sctlr]
	cbz	x3, 1f
	adrp	x2, cell_ee_ttbr
	ldr	x2, [x2, :lo12:cell_ee_ttbr]
	msr	ttbr0_el1, x2
	msr	sctlr_el1, x3
	isb
1:

	/* General registers last; x30 holds the frame pointer until the end. */
	mov	x30, x0
	ldp	x0, x1, [x30, #FRAME_X + 0]
	ldp	x2, x3, [x30, #FRAME_X + 16]
	ldp	x4, x5, [x30, #FRAME_X + 32]
	ldp	x6, x7, [x30, #FRAME_X + 48]
	ldp	x8, x9, [x30, #FRAME_X + 64]
	ldp	x10, x11, [x30, #FRAME_X + 80]
	ldp	x12, x13, [x30, #FRAME_X + 96]
	ldp	x14, x15, [x30, #FRAME_X + 112]
	ldp	x16, x17, [x30, #FRAME_X + 128]
	ldp	x18, x19, [x30, #FRAME_X + 144]
	ldp	x20, x21, [x30, #FRAME_X + 160]
	ldp	x22, x23, [x30, #FRAME_X + 176]
	ldp	x24, x25, [x30, #FRAME_X + 192]
	ldp	x26, x27, [x30, #FRAME_X + 208]
	ldp	x28, x29, [x30, #FRAME_X + 224]
	ldr	x30, [x30, #FRAME_X + 240]
	/* No exclusive monitor is armed when the cell starts: a store-exclusive
	 * as the cell's one instruction always fails (status 1, nothing
	 * stored), on RAM and on the target alike, whatever the harness did. */
	clrex
	isb
	eret

	/* Entered from vectors.S:cell_exit with x0 = vector offset. */
	.globl cell_resume
cell_resume:
	adrp	x2, cell_jmp
	add	x2, x2, :lo12:cell_jmp
	ldr	x3, [x2, #CELL_JMP_SP]
	mov	sp, x3
	ldp	x19, x20, [x2, #0]
	ldp	x21, x22, [x2, #16]
	ldp	x23, x24, [x2, #32]
	ldp	x25, x26, [x2, #48]
	ldp	x27, x28, [x2, #64]
	ldp	x29, x30, [x2, #80]
	ret

	.bss
	.balign 16
	.globl cell_jmp, cell_out, cell_ee_sctlr, cell_ee_ttbr, cell_zsave, cell_zload, cell_el1h
cell_jmp:                               /* x19-x30, then the harness SP at +96 */
	.skip	112
cell_out:
	.skip	8
cell_el1h:                              /* an EL1h cell runs: its output frame, else 0 */
	.skip	8
cell_ee_sctlr:                          /* SCTLR_EL1 for an EE cell, else 0 */
	.skip	8
cell_ee_ttbr:                           /* its TTBR0_EL1 (big-endian tables) */
	.skip	8
cell_zsave:                             /* where cell_exit saves Z0-Z31 (0: not) */
	.skip	8
cell_zload:                             /* Z0-Z31 loaded from there by cell_run (0: not) */
	.skip	8
