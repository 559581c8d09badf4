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

/* A DTB appended to the image file (`cat isvsuite.bin my.dtb > rom.bin`,
 * what `make DTB=` builds): it starts at _file_end, the file's end (16-byte
 * aligned: the build pads the file), which is where BSS begins once loaded.
 * Copy it to __appended_dtb (NOLOAD, APPENDED_DTB_MAX bytes past the stack)
 * before BSS is cleared, last 16 bytes first (the copy lies above the
 * original and may overlap it). \out = the copy, 0 without FDT magic, or
 * APPENDED_DTB_TOO_BIG. Runs with the MMU off: aligned LDP/STP only.
 * Clobbers x0-x7 too. */
#define FDT_MAGIC_LE          0xedfe0dd0      /* 0xd00dfeed read little-endian */
#define FDT_TOTALSIZE_OFFSET  4
#define APPENDED_DTB_MAX      0x10000         /* 64 KiB: a compiled VM description */
#define APPENDED_DTB_TOO_BIG  1
.macro move_appended_dtb out
	mov	\out, #0
	adrp	x0, _file_end
	add	x0, x0, :lo12:_file_end
	ldr	w1, [x0]
	ldr	w2, =FDT_MAGIC_LE
	cmp	w1, w2
	b.ne	.Ladtb_done\@
	mov	\out, #APPENDED_DTB_TOO_BIG
	ldr	w3, [x0, #FDT_TOTALSIZE_OFFSET]
	rev	w3, w3                          /* FDT header fields are big-endian */
	mov	x4, #APPENDED_DTB_MAX
	cmp	x3, x4
	b.hi	.Ladtb_done\@
	add	x3, x3, #15
	and	x3, x3, #~15
	adrp	x1, __appended_dtb
	add	x1, x1, :lo12:__appended_dtb
.Ladtb_copy\@:
	cbz	x3, .Ladtb_copied\@
	sub	x3, x3, #16
	add	x6, x0, x3
	add	x7, x1, x3
	ldp	x4, x5, [x6]
	stp	x4, x5, [x7]
	b	.Ladtb_copy\@
.Ladtb_copied\@:
	mov	\out, x1
.Ladtb_done\@:
.endm
#endif
