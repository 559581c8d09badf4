/* Assembler-only: Z0-Z31 whole, at the current vector length, to or from
 * the buffer at x2 (startup/cell.S loads them before a cell, vectors.S
 * saves them after it). The encodings are written out because the ROM is
 * assembled without +sve: LDR/STR Zn, [x2, #n, MUL VL], whose imm9 is
 * split into bits 21:16 (high 6) and 12:10 (low 3). */
#ifndef ISV_SVE_H
#define ISV_SVE_H

#define A64_LDR_Z_X2	0x85804040	/* ldr z0, [x2, #0, mul vl] */
#define A64_STR_Z_X2	0xe5804040	/* str z0, [x2, #0, mul vl] */

/* z_all_x2 BASE: BASE Zn, [x2, #n, MUL VL] for n = 0..31 */
.macro z_all_x2 base
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.inst	\base | ((\n >> 3) << 16) | ((\n & 7) << 10) | \n
	.endr
.endm
#endif
