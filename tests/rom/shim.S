/* Test shim: a minimal arm64 Image that QEMU boots with -kernel; it jumps
 * to the ROM placed elsewhere by -device loader (ROM_ADDR), handing over x0
 * per SHIM_X0: 0 = the DTB QEMU gave us, 1 = no DTB (x0 = 0), 2 = a pointer
 * to something that is not a DTB (the ROM itself). */
	.text
	.globl _start
_start:
	b	1f
	.long	0
	.quad	0                       /* text_offset */
	.quad	0x10000                 /* image_size */
	.quad	0xa                     /* LE, 4K, anywhere */
	.quad	0, 0, 0
	.long	0x644d5241              /* "ARM\x64" */
	.long	0
1:	movz	x16, #((ROM_ADDR >> 48) & 0xffff), lsl #48
	movk	x16, #((ROM_ADDR >> 32) & 0xffff), lsl #32
	movk	x16, #((ROM_ADDR >> 16) & 0xffff), lsl #16
	movk	x16, #(ROM_ADDR & 0xffff)
.if SHIM_X0 == 1
	mov	x0, #0
.endif
.if SHIM_X0 == 2
	mov	x0, x16
.endif
	br	x16
