/* isvdec: A64 load/store decoder and emulator (see isvdec.h).
 *
 * Decoding is one table of encoding groups {mask, value, decoder}, each
 * decoder reading named fields (Arm ARM C4.1 "Loads and Stores"). The
 * emulator is one generic routine over the description: compute the
 * address, read every element, compute, write every element, then the
 * registers and the base - so a refused access changes no register. */
#include <stddef.h>
#include "isvdec.h"

/* Field extraction */
#define BITS(x, hi, lo)  (((x) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))
#define BIT(x, n)        (((x) >> (n)) & 1u)
#define REG_31           31u
#define MAX_ELEM_BYTES   16
#define MAX_STRUCT_BYTES 64     /* LD4 of four Q registers */

/* Encoding groups (mask, value) */
#define G_LDST_IMM9_MASK   0x3b200000u  /* size 111 V 00 opc 0 imm9 idx Rn Rt */
#define G_LDST_IMM9        0x38000000u
#define G_LDST_REG_MASK    0x3b200c00u  /* size 111 V 00 opc 1 Rm option S 10 */
#define G_LDST_REG         0x38200800u
#define G_LDST_UIMM_MASK   0x3b000000u  /* size 111 V 01 opc imm12 */
#define G_LDST_UIMM        0x39000000u
#define G_PAIR_MASK        0x3a000000u  /* opc 101 V 0 idx L imm7 Rt2 */
#define G_PAIR             0x28000000u
#define G_EXCL_MASK        0x3f000000u  /* size 001000 o2 L o1 Rs o0 Rt2 */
#define G_EXCL             0x08000000u
#define G_RCPC_MASK        0x3f200c00u  /* size 011001 opc 0 imm9 00 */
#define G_RCPC             0x19000000u
#define G_ATOMIC_MASK      0x3f200c00u  /* size 111 0 00 A R 1 Rs o3 opc 00 */
#define G_ATOMIC           0x38200000u
#define G_SIMD_MULT_MASK   0xbfbf0000u  /* 0 Q 0011000 L 000000 opcode size */
#define G_SIMD_MULT        0x0c000000u
#define G_SIMD_MULTP_MASK  0xbfa00000u  /* 0 Q 0011001 L 0 Rm opcode size */
#define G_SIMD_MULTP       0x0c800000u
#define G_SIMD_SING_MASK   0xbf9f0000u  /* 0 Q 0011010 L R 00000 opcode S size */
#define G_SIMD_SING        0x0d000000u
#define G_SIMD_SINGP_MASK  0xbf800000u  /* 0 Q 0011011 L R Rm opcode S size */
#define G_SIMD_SINGP       0x0d800000u
#define G_SYS_CRN7_MASK    0xfff8f000u  /* SYS op0=01 op1 CRn=0111: DC, IC, AT */
#define G_SYS_CRN7         0xd5087000u
#define G_SVE_LDI_MASK     0xfe10e000u  /* 1010010 dtype 0 imm4 101 Pg Rn Zt: LD1 imm */
#define G_SVE_LDI          0xa400a000u
#define G_SVE_LDR_MASK     0xfe00c000u  /* 1010010 dtype Rm 01 ff Pg Rn Zt: LD1/LDFF1 reg */
#define G_SVE_LDR          0xa4004000u
#define G_SVE_STI_MASK     0xfe10e000u  /* 1110010 msz esz 0 imm4 111 Pg Rn Zt: ST1 imm */
#define G_SVE_STI          0xe400e000u
#define G_SVE_STR_MASK     0xfe00e000u  /* 1110010 msz esz Rm 010 Pg Rn Zt: ST1 reg */
#define G_SVE_STR          0xe4004000u
#define SVE_FF_BIT         13           /* LDFF1 (scalar+scalar) */
#define G_DC_MASK          0xffffffe0u  /* DC <op>, Xt */
#define DC_ZVA             0xd50b7420u
#define DC_IVAC            0xd5087620u
#define DC_CVAC            0xd50b7a20u
#define DC_CVAU            0xd50b7b20u
#define DC_CVAP            0xd50b7c20u
#define DC_CVADP           0xd50b7d20u
#define DC_CIVAC           0xd50b7e20u

/* Single-register index field (bits 11:10, imm9 group) */
#define IDX_UNSCALED 0
#define IDX_POST     1
#define IDX_UNPRIV   2
#define IDX_PRE      3
/* Pair index field (bits 24:23) */
#define PIDX_NA      0
#define PIDX_POST    1
#define PIDX_OFF     2
#define PIDX_PRE     3
/* GPR opc (bits 23:22) */
#define OPC_STORE    0
#define OPC_LOAD     1
#define OPC_SIGNED_X 2
#define OPC_SIGNED_W 3
#define SIZE_X       3
#define SIZE_W       2
#define LOG2_Q       4
/* Atomic o3:opc */
#define ATOMIC_SWP   8
#define ATOMIC_LDAPR 12
/* SIMD single structure opcode<2:1> */
#define SSCALE_REPL  3
#define SSCALE_S_D   2

static int64_t sext(uint64_t v, unsigned bits)
{
	uint64_t m = 1ULL << (bits - 1);
	v &= bits == 64 ? ~0ULL : (1ULL << bits) - 1;
	return (int64_t)((v ^ m) - m);
}

static struct isvdec_reg gpr(unsigned n, unsigned kind) { return (struct isvdec_reg){ (uint8_t)n, (uint8_t)kind }; }
static struct isvdec_reg vreg(unsigned n) { return gpr(n, ISVDEC_R_V); }
static struct isvdec_reg none(void) { return gpr(0, ISVDEC_R_NONE); }

static void clear(struct isvdec_insn *d, uint32_t insn)
{
	*d = (struct isvdec_insn){ 0 };
	d->insn = insn;
	d->nregs = 1;
	d->selem = 1;
	d->lane = -1;
	d->rt = d->rt2 = d->rm = d->rs = none();
	d->rn = gpr(BITS(insn, 9, 5), ISVDEC_R_SP);
}

/* GPR size/opc -> op, regsize, sign. Returns -1 for unallocated/PRFM. */
static int gpr_sizeopc(struct isvdec_insn *d, unsigned size, unsigned opc)
{
	d->size = (uint8_t)size;
	switch (opc) {
	case OPC_STORE: d->op = ISVDEC_STORE; d->regsize = size == SIZE_X ? SIZE_X : SIZE_W; return 0;
	case OPC_LOAD: d->op = ISVDEC_LOAD; d->regsize = size == SIZE_X ? SIZE_X : SIZE_W; return 0;
	case OPC_SIGNED_X:
		if (size == SIZE_X)
			return -1;
		d->op = ISVDEC_LOAD; d->regsize = SIZE_X; d->flags |= ISVDEC_F_SEXT; return 0;
	default:
		if (size >= SIZE_W)
			return -1;
		d->op = ISVDEC_LOAD; d->regsize = SIZE_W; d->flags |= ISVDEC_F_SEXT; return 0;
	}
}

/* SIMD&FP size/opc -> element size (B H S D Q). */
static int simd_sizeopc(struct isvdec_insn *d, unsigned size, unsigned opc)
{
	unsigned log2 = size;
	if (opc & 2) {
		if (size)
			return -1;
		log2 = LOG2_Q;
	}
	d->size = (uint8_t)log2;
	d->regsize = LOG2_Q;
	d->op = (opc & 1) ? ISVDEC_LOAD : ISVDEC_STORE;
	if (d->op == ISVDEC_LOAD)
		d->flags |= ISVDEC_F_ZEROUPPER;
	return 0;
}

static int single_common(struct isvdec_insn *d, uint32_t insn)
{
	unsigned size = BITS(insn, 31, 30), opc = BITS(insn, 23, 22), rt = BITS(insn, 4, 0);
	d->cls = ISVDEC_C_SINGLE;
	if (BIT(insn, 26)) {
		d->rt = vreg(rt);
		return simd_sizeopc(d, size, opc);
	}
	d->rt = gpr(rt, ISVDEC_R_ZR);
	if (size == SIZE_X && opc == OPC_SIGNED_X) {   /* PRFM / PRFUM */
		d->cls = ISVDEC_C_PRFM;
		d->op = ISVDEC_NONE;
		d->rt = none();
		return 0;
	}
	return gpr_sizeopc(d, size, opc);
}

static int dec_ldst_imm9(struct isvdec_insn *d, uint32_t insn)
{
	unsigned idx = BITS(insn, 11, 10);
	if (single_common(d, insn))
		return -1;
	d->imm = sext(BITS(insn, 20, 12), 9);
	switch (idx) {
	case IDX_UNSCALED: d->mode = ISVDEC_AM_OFFSET; break;
	case IDX_POST: d->mode = ISVDEC_AM_POST; d->flags |= ISVDEC_F_WB; break;
	case IDX_PRE: d->mode = ISVDEC_AM_PRE; d->flags |= ISVDEC_F_WB; break;
	default:
		if (BIT(insn, 26) || d->cls == ISVDEC_C_PRFM)
			return -1;
		d->mode = ISVDEC_AM_OFFSET;
		d->flags |= ISVDEC_F_UNPRIV;
		break;
	}
	if (d->cls == ISVDEC_C_PRFM && (d->flags & ISVDEC_F_WB))
		return -1;
	return 0;
}

static int dec_ldst_uimm(struct isvdec_insn *d, uint32_t insn)
{
	if (single_common(d, insn))
		return -1;
	unsigned scale = d->cls == ISVDEC_C_PRFM ? SIZE_X : d->size;
	d->mode = ISVDEC_AM_OFFSET;
	d->imm = (int64_t)BITS(insn, 21, 10) << scale;
	return 0;
}

static int dec_ldst_reg(struct isvdec_insn *d, uint32_t insn)
{
	unsigned option = BITS(insn, 15, 13);
	if (!(option & 2) || single_common(d, insn))
		return -1;
	unsigned scale = d->cls == ISVDEC_C_PRFM ? SIZE_X : d->size;
	d->mode = ISVDEC_AM_REGISTER;
	d->rm = gpr(BITS(insn, 20, 16), ISVDEC_R_ZR);
	d->extend = (uint8_t)option;
	d->shift = (uint8_t)(BIT(insn, 12) ? scale : 0);
	return 0;
}

static int dec_pair(struct isvdec_insn *d, uint32_t insn)
{
	unsigned opc = BITS(insn, 31, 30), idx = BITS(insn, 24, 23), load = BIT(insn, 22);
	unsigned rt = BITS(insn, 4, 0), rt2 = BITS(insn, 14, 10), scale;
	d->cls = ISVDEC_C_PAIR;
	d->nregs = 2;
	d->op = load ? ISVDEC_LOAD : ISVDEC_STORE;
	if (BIT(insn, 26)) {
		if (opc == 3)
			return -1;
		scale = 2 + opc;
		d->regsize = LOG2_Q;
		d->rt = vreg(rt);
		d->rt2 = vreg(rt2);
		if (load)
			d->flags |= ISVDEC_F_ZEROUPPER;
	} else {
		if (opc == 3 || (opc == 1 && (!load || idx == PIDX_NA)))
			return -1;   /* unallocated, STGP (MTE), LDNP with opc 01 */
		scale = opc == 2 ? SIZE_X : SIZE_W;
		d->regsize = opc == 0 ? SIZE_W : SIZE_X;
		if (opc == 1)
			d->flags |= ISVDEC_F_SEXT;
		d->rt = gpr(rt, ISVDEC_R_ZR);
		d->rt2 = gpr(rt2, ISVDEC_R_ZR);
	}
	d->size = (uint8_t)scale;
	d->imm = sext(BITS(insn, 21, 15), 7) * ((int64_t)1 << scale);
	d->mode = idx == PIDX_POST ? ISVDEC_AM_POST : idx == PIDX_PRE ? ISVDEC_AM_PRE : ISVDEC_AM_OFFSET;
	if (idx == PIDX_POST || idx == PIDX_PRE)
		d->flags |= ISVDEC_F_WB;
	return 0;
}

/* Exclusives, LDAR/STLR, LDLAR/STLLR, CAS, CASP */
static int dec_excl(struct isvdec_insn *d, uint32_t insn)
{
	unsigned size = BITS(insn, 31, 30), o2 = BIT(insn, 23), load = BIT(insn, 22), o1 = BIT(insn, 21);
	unsigned rs = BITS(insn, 20, 16), o0 = BIT(insn, 15), rt2 = BITS(insn, 14, 10);
	unsigned rt = BITS(insn, 4, 0);
	d->rt = gpr(rt, ISVDEC_R_ZR);
	d->op = load ? ISVDEC_LOAD : ISVDEC_STORE;
	d->size = (uint8_t)size;
	d->regsize = size == SIZE_X ? SIZE_X : SIZE_W;
	d->mode = ISVDEC_AM_OFFSET;
	if (o2 && o1) {                                  /* CAS */
		if (rt2 != REG_31)
			return -1;
		d->cls = ISVDEC_C_CAS;
		d->op = ISVDEC_CMPSWP;
		d->rs = gpr(rs, ISVDEC_R_ZR);
		d->flags |= (load ? ISVDEC_F_ACQUIRE : 0) | (o0 ? ISVDEC_F_RELEASE : 0);
		return 0;
	}
	if (o2) {                                        /* LDAR/STLR, LDLAR/STLLR */
		if (rs != REG_31 || rt2 != REG_31)
			return -1;
		d->cls = ISVDEC_C_ORDERED;
		d->flags |= load ? ISVDEC_F_ACQUIRE : ISVDEC_F_RELEASE;
		return 0;
	}
	if (o1 && !(size & 2)) {                         /* CASP */
		if (rt2 != REG_31 || (rs & 1) || (rt & 1))
			return -1;
		d->cls = ISVDEC_C_CAS;
		d->op = ISVDEC_CMPSWP;
		d->nregs = 2;
		d->size = d->regsize = (uint8_t)(SIZE_W + (size & 1));
		d->rs = gpr(rs, ISVDEC_R_ZR);
		d->rt2 = gpr(rt + 1, ISVDEC_R_ZR);
		d->flags |= (load ? ISVDEC_F_ACQUIRE : 0) | (o0 ? ISVDEC_F_RELEASE : 0);
		return 0;
	}
	d->cls = ISVDEC_C_EXCL;                          /* LD(A)XR/ST(L)XR, pairs */
	d->flags |= ISVDEC_F_EXCL | (o0 ? (load ? ISVDEC_F_ACQUIRE : ISVDEC_F_RELEASE) : 0);
	if (o1) {
		d->nregs = 2;
		d->size = d->regsize = (uint8_t)(SIZE_W + (size & 1));
		d->rt2 = gpr(rt2, ISVDEC_R_ZR);
	} else if (rt2 != REG_31) {
		return -1;
	}
	if (load) {
		if (rs != REG_31)
			return -1;
	} else {
		d->rs = gpr(rs, ISVDEC_R_ZR);
	}
	return 0;
}

static int dec_rcpc(struct isvdec_insn *d, uint32_t insn)
{
	unsigned size = BITS(insn, 31, 30), opc = BITS(insn, 23, 22);
	d->cls = ISVDEC_C_ORDERED;
	d->rt = gpr(BITS(insn, 4, 0), ISVDEC_R_ZR);
	if (gpr_sizeopc(d, size, opc))
		return -1;
	d->flags |= d->op == ISVDEC_LOAD ? ISVDEC_F_ACQUIRE : ISVDEC_F_RELEASE;
	d->mode = ISVDEC_AM_OFFSET;
	d->imm = sext(BITS(insn, 20, 12), 9);
	return 0;
}

static int dec_atomic(struct isvdec_insn *d, uint32_t insn)
{
	static const uint8_t ops[8] = { ISVDEC_ADD, ISVDEC_CLR, ISVDEC_EOR, ISVDEC_SET,
					ISVDEC_SMAX, ISVDEC_SMIN, ISVDEC_UMAX, ISVDEC_UMIN };
	unsigned size = BITS(insn, 31, 30), a = BIT(insn, 23), r = BIT(insn, 22);
	unsigned rs = BITS(insn, 20, 16), o3opc = BITS(insn, 15, 12);
	d->size = (uint8_t)size;
	d->regsize = size == SIZE_X ? SIZE_X : SIZE_W;
	d->mode = ISVDEC_AM_OFFSET;
	d->rt = gpr(BITS(insn, 4, 0), ISVDEC_R_ZR);
	if (o3opc == ATOMIC_LDAPR) {
		if (!a || r || rs != REG_31)
			return -1;
		d->cls = ISVDEC_C_ORDERED;
		d->op = ISVDEC_LOAD;
		d->flags |= ISVDEC_F_ACQUIRE;
		return 0;
	}
	if (o3opc > ATOMIC_SWP)
		return -1;   /* LD64B/ST64B* and the rest: not handled */
	d->cls = ISVDEC_C_ATOMIC;
	d->op = o3opc == ATOMIC_SWP ? ISVDEC_SWP : ops[o3opc];
	d->rs = gpr(rs, ISVDEC_R_ZR);
	d->flags |= (a ? ISVDEC_F_ACQUIRE : 0) | (r ? ISVDEC_F_RELEASE : 0);
	return 0;
}

/* LD1-4/ST1-4 multiple structures: opcode -> registers, elements */
static int dec_simd_mult(struct isvdec_insn *d, uint32_t insn)
{
	static const struct { uint8_t opcode, nregs, selem; } tab[] = {
		{ 0x0, 4, 4 }, { 0x2, 4, 1 }, { 0x4, 3, 3 }, { 0x6, 3, 1 },
		{ 0x7, 1, 1 }, { 0x8, 2, 2 }, { 0xa, 2, 1 },
	};
	unsigned q = BIT(insn, 30), opcode = BITS(insn, 15, 12), size = BITS(insn, 11, 10);
	unsigned i, n = sizeof(tab) / sizeof(tab[0]);
	for (i = 0; i < n && tab[i].opcode != opcode; i++)
		;
	if (i == n || (size == SIZE_X && !q && tab[i].selem > 1))
		return -1;
	d->cls = ISVDEC_C_STRUCT;
	d->op = BIT(insn, 22) ? ISVDEC_LOAD : ISVDEC_STORE;
	d->nregs = tab[i].nregs;
	d->selem = tab[i].selem;
	d->size = (uint8_t)size;
	d->regsize = LOG2_Q;
	d->vbytes = q ? 16 : 8;
	d->rt = vreg(BITS(insn, 4, 0));
	if (d->op == ISVDEC_LOAD)
		d->flags |= ISVDEC_F_ZEROUPPER;
	d->mode = ISVDEC_AM_OFFSET;
	if (BIT(insn, 23)) {
		unsigned rm = BITS(insn, 20, 16);
		d->flags |= ISVDEC_F_WB;
		d->imm = (int64_t)d->nregs * d->vbytes;
		d->mode = rm == REG_31 ? ISVDEC_AM_POST : ISVDEC_AM_POSTREG;
		if (rm != REG_31)
			d->rm = gpr(rm, ISVDEC_R_ZR);
	}
	return 0;
}

/* LD1-4/ST1-4 single structure, LD1R-LD4R */
static int dec_simd_single(struct isvdec_insn *d, uint32_t insn)
{
	unsigned q = BIT(insn, 30), load = BIT(insn, 22), r = BIT(insn, 21);
	unsigned opcode = BITS(insn, 15, 13), s = BIT(insn, 12), size = BITS(insn, 11, 10);
	unsigned scale = opcode >> 1, index = 0;
	d->cls = ISVDEC_C_STRUCT;
	d->selem = d->nregs = (uint8_t)(((opcode & 1) << 1 | r) + 1);
	switch (scale) {
	case SSCALE_REPL:
		if (!load || s)
			return -1;
		scale = size;
		d->flags |= ISVDEC_F_REPLICATE | ISVDEC_F_ZEROUPPER;
		break;
	case 0: index = q << 3 | s << 2 | size; break;
	case 1:
		if (size & 1)
			return -1;
		index = q << 2 | s << 1 | size >> 1;
		break;
	default:
		if (size & 2)
			return -1;
		if (size & 1) {
			if (s)
				return -1;
			index = q;
			scale = SIZE_X;
		} else {
			index = q << 1 | s;
		}
		break;
	}
	d->op = load ? ISVDEC_LOAD : ISVDEC_STORE;
	d->size = (uint8_t)scale;
	d->regsize = LOG2_Q;
	/* A lane names its place in the whole 128-bit register (Q is part of
	 * the index); a replicate fills 64 or 128 bits. */
	d->vbytes = q || !(d->flags & ISVDEC_F_REPLICATE) ? 16 : 8;
	d->lane = (d->flags & ISVDEC_F_REPLICATE) ? -1 : (int8_t)index;
	d->rt = vreg(BITS(insn, 4, 0));
	d->mode = ISVDEC_AM_OFFSET;
	if (BIT(insn, 23)) {
		unsigned rm = BITS(insn, 20, 16);
		d->flags |= ISVDEC_F_WB;
		d->imm = (int64_t)d->selem << scale;
		d->mode = rm == REG_31 ? ISVDEC_AM_POST : ISVDEC_AM_POSTREG;
		if (rm != REG_31)
			d->rm = gpr(rm, ISVDEC_R_ZR);
	}
	return 0;
}

static int dec_dc(struct isvdec_insn *d, uint32_t insn)
{
	uint32_t op = insn & G_DC_MASK;
	d->rn = gpr(BITS(insn, 4, 0), ISVDEC_R_ZR);  /* DC takes Xt: 31 is XZR */
	d->mode = ISVDEC_AM_OFFSET;
	d->op = ISVDEC_NONE;
	if (op == DC_ZVA) {
		d->cls = ISVDEC_C_ZVA;
		d->op = ISVDEC_ZERO;
		return 0;
	}
	if (op == DC_IVAC || op == DC_CVAC || op == DC_CVAU || op == DC_CVAP || op == DC_CVADP || op == DC_CIVAC) {
		d->cls = ISVDEC_C_CMO;
		return 0;
	}
	return -1;
}

/* SVE contiguous loads: dtype -> memory element, register element, signed
 * (Arm ARM C8.2, "LD1B ... LD1D", the dtype table). */
static const struct { uint8_t msz, esz, sext; } sve_dtype[16] = {
	{ 0, 0, 0 }, { 0, 1, 0 }, { 0, 2, 0 }, { 0, 3, 0 },   /* LD1B .B .H .S .D */
	{ 2, 3, 1 },                                          /* LD1SW .D */
	{ 1, 1, 0 }, { 1, 2, 0 }, { 1, 3, 0 },                /* LD1H .H .S .D */
	{ 1, 3, 1 }, { 1, 2, 1 },                             /* LD1SH .D .S */
	{ 2, 2, 0 }, { 2, 3, 0 },                             /* LD1W .S .D */
	{ 0, 3, 1 }, { 0, 2, 1 }, { 0, 1, 1 },                /* LD1SB .D .S .H */
	{ 3, 3, 0 },                                          /* LD1D .D */
};

static int sve_common(struct isvdec_insn *d, uint32_t insn, unsigned msz, unsigned esz, int imm)
{
	d->cls = ISVDEC_C_SVE;
	d->size = (uint8_t)msz;
	d->regsize = (uint8_t)esz;
	d->rt = gpr(BITS(insn, 4, 0), ISVDEC_R_Z);
	d->pg = (uint8_t)BITS(insn, 12, 10);
	if (imm) {                                         /* scalar + immediate */
		d->mode = ISVDEC_AM_OFFSET;
		d->imm = sext(BITS(insn, 19, 16), 4);
		d->flags |= ISVDEC_F_MULVL;
		return 0;
	}
	unsigned rm = BITS(insn, 20, 16);                  /* scalar + scalar, LSL #msz */
	if (rm == REG_31 && !(d->flags & ISVDEC_F_FIRSTFAULT))
		return -1;
	d->mode = ISVDEC_AM_REGISTER;
	d->rm = gpr(rm, ISVDEC_R_ZR);
	d->extend = ISVDEC_LSL;
	d->shift = (uint8_t)msz;
	return 0;
}

static int sve_ld(struct isvdec_insn *d, uint32_t insn, int imm)
{
	unsigned dtype = BITS(insn, 24, 21);
	d->op = ISVDEC_LOAD;
	if (!imm && BIT(insn, SVE_FF_BIT))
		d->flags |= ISVDEC_F_FIRSTFAULT;
	if (sve_dtype[dtype].sext)
		d->flags |= ISVDEC_F_SEXT;
	return sve_common(d, insn, sve_dtype[dtype].msz, sve_dtype[dtype].esz, imm);
}

static int sve_st(struct isvdec_insn *d, uint32_t insn, int imm)
{
	unsigned msz = BITS(insn, 24, 23), esz = BITS(insn, 22, 21);
	if (esz < msz)
		return -1;   /* not ST1 (other SVE/SVE2 stores live there) */
	d->op = ISVDEC_STORE;
	return sve_common(d, insn, msz, esz, imm);
}

static int dec_sve_ldi(struct isvdec_insn *d, uint32_t insn) { return sve_ld(d, insn, 1); }
static int dec_sve_ldr(struct isvdec_insn *d, uint32_t insn) { return sve_ld(d, insn, 0); }
static int dec_sve_sti(struct isvdec_insn *d, uint32_t insn) { return sve_st(d, insn, 1); }
static int dec_sve_str(struct isvdec_insn *d, uint32_t insn) { return sve_st(d, insn, 0); }

static const struct {
	uint32_t mask, value;
	int (*dec)(struct isvdec_insn *d, uint32_t insn);
} groups[] = {
	{ G_LDST_IMM9_MASK, G_LDST_IMM9, dec_ldst_imm9 },
	{ G_LDST_REG_MASK, G_LDST_REG, dec_ldst_reg },
	{ G_LDST_UIMM_MASK, G_LDST_UIMM, dec_ldst_uimm },
	{ G_PAIR_MASK, G_PAIR, dec_pair },
	{ G_EXCL_MASK, G_EXCL, dec_excl },
	{ G_RCPC_MASK, G_RCPC, dec_rcpc },
	{ G_ATOMIC_MASK, G_ATOMIC, dec_atomic },
	{ G_SIMD_MULT_MASK, G_SIMD_MULT, dec_simd_mult },
	{ G_SIMD_MULTP_MASK, G_SIMD_MULTP, dec_simd_mult },
	{ G_SIMD_SING_MASK, G_SIMD_SING, dec_simd_single },
	{ G_SIMD_SINGP_MASK, G_SIMD_SINGP, dec_simd_single },
	{ G_SYS_CRN7_MASK, G_SYS_CRN7, dec_dc },
	{ G_SVE_LDI_MASK, G_SVE_LDI, dec_sve_ldi },
	{ G_SVE_LDR_MASK, G_SVE_LDR, dec_sve_ldr },
	{ G_SVE_STI_MASK, G_SVE_STI, dec_sve_sti },
	{ G_SVE_STR_MASK, G_SVE_STR, dec_sve_str },
};

int isvdec_decode(uint32_t insn, struct isvdec_insn *out)
{
	for (unsigned i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		if ((insn & groups[i].mask) != groups[i].value)
			continue;
		clear(out, insn);
		if (groups[i].dec(out, insn))
			break;
		return ISVDEC_OK;
	}
	clear(out, insn);
	return ISVDEC_UNSUPPORTED;
}
