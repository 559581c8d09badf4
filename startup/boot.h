/* Boot-time routines shared by the two images that start with the MMU off
 * and a -pie link at address 0: the ROM (startup/head.S) and refhyp
 * (refhyp/head.S). Assembler macros; clobber x0-x5 and the flags. */
#ifndef ISV_BOOT_H
#define ISV_BOOT_H

#define R_AARCH64_RELATIVE 1027

/* arm64 Linux Image header (Documentation/arch/arm64/booting.rst). */
#define IMAGE_MAGIC        0x644d5241       /* "ARM\x64" */
/* flags: bit 0 = 0 little-endian, bits 2:1 = 01 4K pages, bit 3 = 1
 * placement anywhere (2 MiB aligned base) */
#define IMAGE_FLAGS        ((1 << 1) | (1 << 3))

/* The 64-byte header at _start: branch to \entry, image_size up to
 * _image_end (BSS, stacks and pools included), no PE header. */
.macro image_header entry
	b	\entry                          /* code0 */
	.long	0                               /* code1 */
	.quad	0                               /* text_offset */
	.quad	_image_end - _start             /* image_size */
	.quad	IMAGE_FLAGS
	.quad	0, 0, 0                         /* res2-res4 */
	.long	IMAGE_MAGIC
	.long	0                               /* res5 */
.endm

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
