/*
 * refhyp entry and EL2 exception vectors.
 *
 * Booted like a Linux arm64 kernel (64-byte Image header) at EL2 with
 * x0 = DTB, MMU off. Position independent: linked at 0, we apply our own
 * R_AARCH64_RELATIVE relocations (same scheme as the ROM's startup/head.S).
 */
#include "../startup/boot.h"
#define CURRENTEL_SHIFT    2
#define GREGS_SIZE         256              /* struct gregs: x0-x30 + pad */

	.section .head, "ax"
	.globl _start
_start:
	image_header entry

	.section .text.entry, "ax"
entry:
	/* x19 = DTB, x20 = load address for the whole boot path. */
	mov	x19, x0
	adr	x20, _start
	/* Only EL2 makes sense for a hypervisor: anything else spins. */
	mrs	x0, CurrentEL
	lsr	x0, x0, #CURRENTEL_SHIFT
	cmp	x0, #2
	b.ne	halt
	/* Our RELA relocations for the load address (startup/boot.h). */
	self_relocate x20
	/* Our vectors, our stack, all exceptions masked. */
	msr	daifset, #0xf
	adr	x0, el2_vectors
	msr	vbar_el2, x0
	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0
	isb
	/* Clear BSS (startup/boot.h). */
	clear_bss
	mov	x0, x19                         /* dtb */
	mov	x1, x20                         /* load address */
	bl	refhyp_main
halt:	wfe
	b	halt

/*
 * guest_enter(x0 = guest x0, x1 = entry PC, x2 = SPSR): first entry into the
 * guest. The EL2 stack restarts empty: every later trap builds its frame at
 * the top.
 */
	.globl guest_enter
guest_enter:
	msr	elr_el2, x1
	msr	spsr_el2, x2
	adrp	x1, __stack_top
	add	x1, x1, :lo12:__stack_top
	mov	sp, x1
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	isb
	eret

/* Save the guest's x0..x30 into a struct gregs on the EL2 stack. */
.macro save_guest
	sub	sp, sp, #GREGS_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	b	save_rest
.endm

/* An exception refhyp did not expect: report it (vector offset in x1). */
.macro vec_panic off
	.balign 0x80
	save_guest_panic \off
.endm
.macro save_guest_panic off
	sub	sp, sp, #GREGS_SIZE
	stp	x0, x1, [sp, #0]
	mov	x0, sp
	mov	x1, #\off
	b	refhyp_panic_vector
.endm

	.section .vectors, "ax"
	.balign 2048
el2_vectors:
	vec_panic 0x000                         /* EL2 with SP_EL0: never used */
	vec_panic 0x080
	vec_panic 0x100
	vec_panic 0x180
	vec_panic 0x200                         /* EL2 itself: a refhyp bug */
	vec_panic 0x280
	vec_panic 0x300
	vec_panic 0x380
	.balign 0x80                            /* 0x400: guest (AArch64) sync */
	save_guest
	vec_panic 0x480                         /* guest IRQ/FIQ: not routed here */
	vec_panic 0x500
	vec_panic 0x580                         /* physical SError (AMO=1) */
	vec_panic 0x600                         /* AArch32 guest: impossible */
	vec_panic 0x680
	vec_panic 0x700
	vec_panic 0x780

	.text
save_rest:
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mov	x0, sp
	bl	refhyp_trap                     /* (struct gregs *): handles and returns */
	/* Back to the guest with whatever the handler left in the frame and
	 * in ELR_EL2/SPSR_EL2. */
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	ldp	x0, x1, [sp, #0]
	add	sp, sp, #GREGS_SIZE
	eret

refhyp_panic_vector:
	bl	refhyp_panic                    /* (frame, vector): does not return */
	b	halt

/*
 * The guest's SIMD&FP registers, on purpose and only here (refhyp is built
 * with -mgeneral-regs-only): fpsimd_save(buf), 32 x 16 bytes, V0 first.
 */
	.globl fpsimd_save
fpsimd_save:
	stp	q0, q1, [x0, #0]
	stp	q2, q3, [x0, #32]
	stp	q4, q5, [x0, #64]
	stp	q6, q7, [x0, #96]
	stp	q8, q9, [x0, #128]
	stp	q10, q11, [x0, #160]
	stp	q12, q13, [x0, #192]
	stp	q14, q15, [x0, #224]
	stp	q16, q17, [x0, #256]
	stp	q18, q19, [x0, #288]
	stp	q20, q21, [x0, #320]
	stp	q22, q23, [x0, #352]
	stp	q24, q25, [x0, #384]
	stp	q26, q27, [x0, #416]
	stp	q28, q29, [x0, #448]
	stp	q30, q31, [x0, #480]
	ret
/* fpsimd_load_one(n, buf): V<n> = 16 bytes at buf, nothing else touched
 * (writing every V register would zero the upper bits of every SVE Z
 * register beyond 128). A table of 8-byte entries, one per register. */
	.globl fpsimd_load_one
fpsimd_load_one:
	adr	x2, 1f
	add	x2, x2, x0, lsl #3
	br	x2
1:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ldr	q\n, [x1]
	ret
	.endr

/*
 * SVE state at the current vector length (refhyp sets ZCR_EL2 to the
 * guest's length first): sve_save(z, p) stores Z0-Z31 (VL bytes each) and
 * P0-P15 (VL/8 bytes each); sve_load_z(z) loads Z0-Z31 back; sve_vl()
 * returns VL in bytes.
 */
	.arch_extension sve
	.globl sve_save, sve_load_z, sve_vl, sve_ffr, sve_set_ffr
sve_save:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	str	z\n, [x0, #\n, mul vl]
	.endr
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	str	p\n, [x1, #\n, mul vl]
	.endr
	ret
sve_load_z:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ldr	z\n, [x0, #\n, mul vl]
	.endr
	ret
sve_vl:
	rdvl	x0, #1
	ret
/* sve_ffr(out, p0) / sve_set_ffr(in, p0): FFR (VL/8 bytes) through P0,
 * which is then reloaded from p0 (the guest's, as sve_save stored it). */
sve_ffr:
	rdffr	p0.b
	str	p0, [x0]
	ldr	p0, [x1]
	ret
sve_set_ffr:
	ldr	p0, [x0]
	wrffr	p0.b
	ldr	p0, [x1]
	ret

	.ltorg
