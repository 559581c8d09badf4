/* Boot-time routines shared by the two images that start with the MMU off
 * and a -pie link at address 0: the ROM (startup/head.S) and refhyp
 * (refhyp/head.S). Assembler macros; clobber x0-x5 and the flags. */
#ifndef ISV_BOOT_H
#define ISV_BOOT_H

#define R_AARCH64_RELATIVE 1027

/* Apply the RELA relocations between __rela_start and __rela_end for the
 * load address in \base: *(base + r_offset) = base + r_addend. The MMU is
 * off, so these are Device accesses: every target is 8-byte aligned, and
 * -pie emits nothing but R_AARCH64_RELATIVE. */
.macro self_relocate base
	adrp	x1, __rela_start
	add	x1, x1, :lo12:__rela_start
	adrp	x2, __rela_end
	add	x2, x2, :lo12:__rela_end
.Lreloc_loop\@:
	cmp	x1, x2
	b.hs	.Lreloc_done\@
	ldp	x3, x4, [x1]                    /* r_offset, r_info */
	ldr	x5, [x1, #16]                   /* r_addend */
	add	x1, x1, #24
	cmp	x4, #R_AARCH64_RELATIVE
	b.ne	.Lreloc_loop\@
	add	x5, x5, \base
	str	x5, [\base, x3]
	b	.Lreloc_loop\@
.Lreloc_done\@:
.endm

/* Zero __bss_start..__bss_end (16-byte aligned both ends; aligned stores,
 * safe on Device memory). */
.macro clear_bss
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
.Lbss_loop\@:
	cmp	x0, x1
	b.hs	.Lbss_done\@
	stp	xzr, xzr, [x0], #16
	b	.Lbss_loop\@
.Lbss_done\@:
.endm
#endif
