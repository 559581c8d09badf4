/*
 * isvsuite ROM entry.
 *
 * Booted like a Linux arm64 kernel by any VMM: the 64-byte Image header below
 * makes QEMU -kernel, Xen (dom0less / xl), kvmtool, Firecracker,
 * cloud-hypervisor and crosvm load us. x0 = physical address of the DTB,
 * MMU off, entered at EL2 or EL1. We are position independent: linked at 0,
 * we apply our own R_AARCH64_RELATIVE relocations for the load address.
 */
#include "sysreg.h"

#include "boot.h"

	.section .head, "ax"
	.globl _start
_start:
	image_header entry

	.section .text.entry, "ax"
entry:
	/* Keep the boot arguments in callee-saved registers for the whole path:
	 * x19 = DTB, x20 = load address, x21 = EL we were entered at,
	 * x22 = appended DTB. */
	mov	x19, x0
	adr	x20, _start
	mrs	x21, CurrentEL
	lsr	x21, x21, #CURRENTEL_EL_SHIFT

	/* Apply our RELA relocations for the load address (startup/boot.h). */
	self_relocate x20
	cmp	x21, #2
	b.eq	from_el2
	cmp	x21, #1
	b.eq	at_el1
	/* EL3 or EL0: not a supported entry; spin (no console known yet). */
4:	wfe
	b	4b

from_el2:
	/* Configure EL2 just enough for a bare EL1 guest: AArch64 EL1 (RW), no
	 * traps of FP/SIMD/SVE, EL1 timer access, no stage 2, then drop to EL1h
	 * with all exceptions masked. */
	mov	x0, #HCR_EL2_RW
	msr	hcr_el2, x0
	mov	x0, #CPTR_EL2_RES1_NOTRAP
	msr	cptr_el2, x0
	mov	x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	msr	vttbr_el2, xzr
	msr	hstr_el2, xzr
	mrs	x0, midr_el1                    /* EL1 reads of MIDR/MPIDR see the real ones */
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	/* SVE present (ID_AA64PFR0_EL1.SVE, bits 35:32)? Give EL1 the max VL. */
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #32, #4
	cbz	x0, 5f
	mov	x0, #0xf                        /* ZCR_EL2.LEN: max vector length */
	msr	S3_4_C1_C2_0, x0                /* ZCR_EL2 */
5:	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	mov	x0, #(PSR_MODE_EL1H | PSR_F | PSR_I | PSR_A | PSR_D)
	msr	spsr_el2, x0
	adr	x0, at_el1
	msr	elr_el2, x0
	isb
	eret

at_el1:
	/* EL1h from here on. MMU and caches off (SCTLR_EL1 RES1 only). */
	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	msr	daifset, #0xf
	adr	x0, vectors
	msr	vbar_el1, x0
	msr	spsel, #1
	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0
	/* FP/SIMD and SVE usable at EL1/EL0 without traps. */
	mov	x0, #(CPACR_FPEN_EL1EL0 | CPACR_ZEN_EL1EL0)
	msr	cpacr_el1, x0
	isb
	/* A DTB appended to the image file lies where BSS starts: move it out
	 * first (startup/boot.h), then clear BSS. x22 = the copy, 0 or
	 * APPENDED_DTB_TOO_BIG. */
	move_appended_dtb x22
	clear_bss
	mov	x0, x19                         /* dtb */
	mov	x1, x21                         /* entry EL */
	mov	x2, x20                         /* load address */
	mov	x3, x22                         /* appended DTB */
	bl	rom_main
8:	wfe
	b	8b
	.ltorg
