/*
 * Exception vectors. Four groups, each with its own meaning here:
 *   current EL, SP_EL0  (0x000-0x180): the cell (EL1t) took an exception:
 *                                      this is how every cell run ends
 *   current EL, SP_ELx  (0x200-0x380): the harness itself: unexpected, except
 *                                      a late SError that the harness lets in;
 *                                      and the exit of an EL1h cell
 *   lower EL, AArch64   (0x400-0x580): the cell ran at EL0 (big-endian data
 *                                      variant): same as the first group
 *   lower EL, AArch32   (0x600-0x780): impossible; treated as unexpected
 * While an EL1h cell runs (cell_el1h != 0, startup/cell.S) SP is the
 * cell's SP_EL1, which may point anywhere (the MMIO window, unaligned):
 * every cell group checks that first (el1h_check) and leaves by
 * cell_exit_el1h without touching the stack. A hypervisor may inject into
 * the wrong group, so each group handles every kind of cell; lib/cell.c
 * judges the vector.
 * Every path saves the same struct frame (lib/frame.h).
 */
#include "frame.h"
#include "sysreg.h"

#include "sve.h"

/* Save x2..x30 into the frame at x0 (x0/x1 already saved by the caller). */
.macro save_x2_x30
	stp	x2, x3, [x0, #FRAME_X + 16]
	stp	x4, x5, [x0, #FRAME_X + 32]
	stp	x6, x7, [x0, #FRAME_X + 48]
	stp	x8, x9, [x0, #FRAME_X + 64]
	stp	x10, x11, [x0, #FRAME_X + 80]
	stp	x12, x13, [x0, #FRAME_X + 96]
	stp	x14, x15, [x0, #FRAME_X + 112]
	stp	x16, x17, [x0, #FRAME_X + 128]
	stp	x18, x19, [x0, #FRAME_X + 144]
	stp	x20, x21, [x0, #FRAME_X + 160]
	stp	x22, x23, [x0, #FRAME_X + 176]
	stp	x24, x25, [x0, #FRAME_X + 192]
	stp	x26, x27, [x0, #FRAME_X + 208]
	stp	x28, x29, [x0, #FRAME_X + 224]
	str	x30, [x0, #FRAME_X + 240]
.endm

/* Leave a big-endian EL1 cell's setting (cell.S) before any memory access:
 * TPIDRRO_EL0 holds the little-endian TTBR0_EL1 while such a cell runs (0
 * otherwise); x0 is parked in TPIDR_EL1 meanwhile. Tables first, then EE
 * (the TLB entry of the vector page carries the fetch in between). */
.macro ee_off
	msr	tpidr_el1, x0
	mrs	x0, tpidrro_el0
	cbz	x0, .Lee_done\@
	msr	ttbr0_el1, x0
	mrs	x0, sctlr_el1
	bic	x0, x0, #SCTLR_EE
	msr	sctlr_el1, x0
	isb
	msr	tpidrro_el0, xzr
.Lee_done\@:
	mrs	x0, tpidr_el1
.endm

/* An EL1h cell's exit (cell_el1h holds its output frame): SP is the
 * cell's, so no stack. x0 is parked in TPIDR_EL1 (as ee_off does), x1 goes
 * straight into the frame, and cell_exit_el1h continues with x0 = frame,
 * x1 = vector offset. Otherwise fall through with x0/x1 as they were. */
.macro el1h_check off
	msr	tpidr_el1, x0
	adrp	x0, cell_el1h
	ldr	x0, [x0, :lo12:cell_el1h]
	cbz	x0, .Lel1h_no\@
	str	x1, [x0, #FRAME_X + 8]
	mov	x1, #\off
	b	cell_exit_el1h
.Lel1h_no\@:
	mrs	x0, tpidr_el1
.endm

/* A cell exit: stash x0/x1 on the (harness) SP_EL1 stack and continue in
 * cell_exit_stacked with the vector offset.
 * An EL1h cell sent here was misrouted (its group is SP_ELx): el1h_check
 * takes it out first. */
.macro vec_cell off
	.org	vectors + \off                 /* an error if the slot before overflowed */
	ee_off
	el1h_check \off
	stp	x0, x1, [sp, #-16]!
	mov	x1, #\off
	b	cell_exit_stacked
.endm

/* A harness exception: full frame on the SP_EL1 stack, then C. */
.macro vec_harness off
	.org	vectors + \off
	harness_body \off
.endm

.macro harness_body off
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_X]
	mov	x0, sp
	save_x2_x30
	mov	x1, #\off
	b	harness_entry
.endm

/* Current EL with SP_ELx. An EL1h cell's exits come here (el1h_check,
 * before anything touches the stack). Otherwise the harness runs at EL1h,
 * so an exception whose SPSR_EL1.M says EL1t came from the cell: the
 * hypervisor delivered it to the wrong vector group (the architecture uses
 * Current EL with SP0 for EL1t). It is still the cell's exit; lib/cell.c
 * notes the vector. */
.macro vec_spx off
	.org	vectors + \off
	ee_off
	el1h_check \off
	stp	x0, x1, [sp, #-16]!
	mrs	x0, spsr_el1
	and	x0, x0, #PSR_MODE_MASK
	cmp	x0, #PSR_MODE_EL1T
	mov	x1, #\off
	b.eq	cell_exit_stacked
	ldp	x0, x1, [sp], #16
	b	spx_harness_\off
.endm

	.section .vectors, "ax"
	.balign 2048
	.globl vectors
vectors:
	vec_cell    0x000
	vec_cell    0x080
	vec_cell    0x100
	vec_cell    0x180
	vec_spx     0x200
	vec_spx     0x280
	vec_spx     0x300
	vec_spx     0x380
	vec_cell    0x400
	vec_cell    0x480
	vec_cell    0x500
	vec_cell    0x580
	vec_harness 0x600
	vec_harness 0x680
	vec_harness 0x700
	vec_harness 0x780
	.org	vectors + 0x800                 /* the last slot fits too */

	.text
/* The harness half of vec_spx, out of line (the vector slot is 32
 * instructions). */
.irp off, 0x200, 0x280, 0x300, 0x380
spx_harness_\off:
	harness_body \off
.endr

/* Save the system part of a frame at x0 (vector offset in x1); SP as
 * SP_EL0 (cell_exit_el1h replaces it with the EL1h cell's SP). */
save_sys:
	str	x1, [x0, #FRAME_VECTOR]
	mrs	x2, sp_el0
	str	x2, [x0, #FRAME_SP]
	str	x2, [x0, #FRAME_SP_EL0]
	mrs	x2, elr_el1
	str	x2, [x0, #FRAME_PC]
	mrs	x2, spsr_el1
	str	x2, [x0, #FRAME_PSTATE]
	mrs	x2, esr_el1
	str	x2, [x0, #FRAME_ESR]
	mrs	x2, far_el1
	str	x2, [x0, #FRAME_FAR]
	ret

/* A cell exit with the cell's x0/x1 on the harness stack, x1 = vector
 * offset (vec_cell, or vec_spx for an EL1t cell): point x0 at the cell's
 * output frame, save x2-x30. */
cell_exit_stacked:
	adrp	x0, cell_out
	ldr	x0, [x0, :lo12:cell_out]
	save_x2_x30
	b	cell_exit

/* An EL1h cell's exit from el1h_check: x0 = frame (x1 saved in it), x1 =
 * vector offset, the cell's x0 in TPIDR_EL1, SP = the cell's SP_EL1. Save
 * the registers and that SP, then the harness stack back (cell_jmp) and
 * cell_el1h cleared before anything else can take an exception on it. */
cell_exit_el1h:
	save_x2_x30
	mrs	x2, tpidr_el1
	str	x2, [x0, #FRAME_X]              /* the cell's x0 */
	mov	x3, sp                          /* the cell's SP (SP_EL1) */
	adrp	x2, cell_jmp
	add	x2, x2, :lo12:cell_jmp
	ldr	x2, [x2, #CELL_JMP_SP]
	mov	sp, x2
	adrp	x2, cell_el1h
	str	xzr, [x2, :lo12:cell_el1h]
	bl	save_sys                        /* uses x2 only: x3 survives */
	str	x3, [x0, #FRAME_SP]             /* the frame's SP is SP_EL1 here */
	b	cell_exit_state

cell_exit:
	ldp	x2, x3, [sp], #16               /* the cell's x0, x1 */
	stp	x2, x3, [x0, #FRAME_X]
	bl	save_sys
cell_exit_state:                        /* x0-x30 and the system part saved */
	/* SIMD&FP state as the instruction left it. */
	add	x2, x0, #FRAME_V
	stp	q0, q1, [x2], #32
	stp	q2, q3, [x2], #32
	stp	q4, q5, [x2], #32
	stp	q6, q7, [x2], #32
	stp	q8, q9, [x2], #32
	stp	q10, q11, [x2], #32
	stp	q12, q13, [x2], #32
	stp	q14, q15, [x2], #32
	stp	q16, q17, [x2], #32
	stp	q18, q19, [x2], #32
	stp	q20, q21, [x2], #32
	stp	q22, q23, [x2], #32
	stp	q24, q25, [x2], #32
	stp	q26, q27, [x2], #32
	stp	q28, q29, [x2], #32
	stp	q30, q31, [x2], #32
	mrs	x2, fpsr
	str	x2, [x0, #FRAME_FPSR]
	mrs	x2, fpcr
	str	x2, [x0, #FRAME_FPCR]
	/* SVE cases (lib/cell.c cell_sve_save): every Z register at the current VL,
	 * STR Zn, [x2, #n, MUL VL], so the lanes above the V part are judged too. */
	adrp	x2, cell_zsave
	ldr	x2, [x2, :lo12:cell_zsave]
	cbz	x2, 1f
	z_all_x2 A64_STR_Z_X2
1:
	/* SVE cases (lib/cell.c cell_sve_save): FFR as the instruction left it,
	 * RDFFR into P15 (no case uses it; P registers are not judged), STR P15. */
#define A64_RDFFR_P15	0x2519f00f	/* rdffr p15.b */
#define A64_STR_P15_X2	0xe580004f	/* str p15, [x2] */
	adrp	x2, cell_ffrsave
	ldr	x2, [x2, :lo12:cell_ffrsave]
	cbz	x2, 2f
	.inst	A64_RDFFR_P15
	.inst	A64_STR_P15_X2
2:
	/* Give a late asynchronous abort caused by the cell a chance to become
	 * pending (ESB is a NOP without FEAT_RAS), then record ISR_EL1. */
	hint	#16                             /* esb */
	isb
	mrs	x2, isr_el1
	str	x2, [x0, #FRAME_ISR]
	/* Back into the harness: restore the context cell_run saved. */
	mov	x0, x1                          /* return value: vector offset */
	b	cell_resume

harness_entry:
	bl	save_sys
	mov	x19, x0                         /* frame */
	bl	harness_exception               /* (frame, vector) in C */
	/* Returns only for a recoverable case (late SError): restore and eret. */
	ldr	x2, [x19, #FRAME_PC]
	msr	elr_el1, x2
	ldr	x2, [x19, #FRAME_PSTATE]
	msr	spsr_el1, x2
	mov	x0, x19
	ldp	x2, x3, [x0, #FRAME_X + 16]
	ldp	x4, x5, [x0, #FRAME_X + 32]
	ldp	x6, x7, [x0, #FRAME_X + 48]
	ldp	x8, x9, [x0, #FRAME_X + 64]
	ldp	x10, x11, [x0, #FRAME_X + 80]
	ldp	x12, x13, [x0, #FRAME_X + 96]
	ldp	x14, x15, [x0, #FRAME_X + 112]
	ldp	x16, x17, [x0, #FRAME_X + 128]
	ldp	x18, x19, [x0, #FRAME_X + 144]
	ldp	x20, x21, [x0, #FRAME_X + 160]
	ldp	x22, x23, [x0, #FRAME_X + 176]
	ldp	x24, x25, [x0, #FRAME_X + 192]
	ldp	x26, x27, [x0, #FRAME_X + 208]
	ldp	x28, x29, [x0, #FRAME_X + 224]
	ldr	x30, [x0, #FRAME_X + 240]
	ldp	x0, x1, [x0, #FRAME_X]
	add	sp, sp, #FRAME_SIZE
	eret
