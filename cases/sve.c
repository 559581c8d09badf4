/* Family sve (FEAT_SVE): contiguous LD1 and ST1 with scalar + immediate
 * (in multiples of the vector length) and scalar + scalar offsets, the
 * sign-extending loads, first-fault LDFF1* and non-fault LDNF1*. The cell
 * runs SVE forms with VL = 128 bits and p0 all true (lib/cell.c), so a Z
 * register is exactly the V register the judge compares, and each form's
 * transfer size is fixed: elements = 16 / register element size. Without
 * SVE in ID_AA64PFR0_EL1 every case is a skip.
 *
 * Encoding (Arm ARM C8.2, "SVE Memory - Contiguous Load/Store"):
 *   LD1 imm:   1010010 dtype[24:21] 0 imm4[19:16] 101 Pg Rn Zt
 *   LDNF1 imm: 1010010 dtype 1 imm4 101 Pg Rn Zt
 *   LD1 reg:   1010010 dtype Rm 010 Pg Rn Zt   (Rm = 31 unallocated)
 *   LDFF1 reg: 1010010 dtype Rm 011 Pg Rn Zt
 *   ST1 imm:   1110010 msz[24:23] esz[22:21] 0 imm4 111 Pg Rn Zt
 *   ST1 reg:   1110010 msz esz Rm 010 Pg Rn Zt                          */
#include "fields.h"

#define LD1_IMM      0xa400a000u
#define LDNF1_IMM    0xa410a000u
#define LD1_REG      0xa4004000u
#define LDFF1_REG    0xa4006000u
#define ST1_IMM      0xe400e000u
#define ST1_REG      0xe4004000u
#define DTYPE(d)     ((uint32_t)(d) << 21)
#define MSZ_ESZ(m, e) ((uint32_t)(m) << 23 | (uint32_t)(e) << 21)
#define VL_BYTES     16

#define F_IMM4  { OP_IMM, 16, 4, FLD_SIGNED, 0 }
#define F_RM_NO31 { OP_RM, 16, 5, FLD_NO31, 0 }
#define F_RM_ZR   { OP_RM, 16, 5, 0, 0 }

/* Memory element log2 size ms, register element log2 size rs: a transfer
 * of 16 >> rs elements of 1 << ms bytes. The immediate's unit is that
 * transfer (one vector length's worth). */
#define NEL(rs)        (VL_BYTES >> (rs))
#define XFER_LG(ms, rs) ((ms) + 4 - (rs))
#define ZT(e)          "{z1." e "}"
#define PZ             ", p0/z, "   /* loads: zeroing predicate */
#define PS             ", p0, "     /* stores */
#define SVE_IMM(mn, e, bits, ms, rs, pg, fl) \
	{ mn "-" e "-off", bits, { F_RT, F_RN, F_IMM4 }, AM_OFFSET, 1 << (ms), NEL(rs), XFER_LG(ms, rs), \
	  FF_SVE | FF_SIMD | (fl), FEAT_SVE, 16, \
	  mn " " ZT(e) pg "[{n}{,vl}]", 0 }
#define LSL_0 ""
#define LSL_1 ", lsl #1"
#define LSL_2 ", lsl #2"
#define LSL_3 ", lsl #3"
#define SVE_REG(mn, e, bits, rm, ms, rs, lsl, pg, fl) \
	{ mn "-" e "-register", bits, { F_RT, F_RN, F_RM_##rm }, AM_REGISTER, 1 << (ms), NEL(rs), ms, \
	  FF_SVE | FF_SIMD | (fl), FEAT_SVE, 16, \
	  mn " " ZT(e) pg "[{n}, {m:x}" lsl "]", 0 }

#define LD FF_LOAD
#define LDS (FF_LOAD | FF_SIGNED)
#define ST FF_STORE
#define NS FF_NOSWEEP

static const struct form sve_forms[] = {
	/* LD1 scalar + immediate: every dtype */
	SVE_IMM("ld1b", "b", LD1_IMM | DTYPE(0x0), 0, 0, PZ, LD | Q),
	SVE_IMM("ld1b", "h", LD1_IMM | DTYPE(0x1), 0, 1, PZ, LD | NS),
	SVE_IMM("ld1b", "s", LD1_IMM | DTYPE(0x2), 0, 2, PZ, LD | NS),
	SVE_IMM("ld1b", "d", LD1_IMM | DTYPE(0x3), 0, 3, PZ, LD | NS),
	SVE_IMM("ld1sw", "d", LD1_IMM | DTYPE(0x4), 2, 3, PZ, LDS | NS),
	SVE_IMM("ld1h", "h", LD1_IMM | DTYPE(0x5), 1, 1, PZ, LD | NS),
	SVE_IMM("ld1h", "s", LD1_IMM | DTYPE(0x6), 1, 2, PZ, LD | NS),
	SVE_IMM("ld1h", "d", LD1_IMM | DTYPE(0x7), 1, 3, PZ, LD | NS),
	SVE_IMM("ld1sh", "d", LD1_IMM | DTYPE(0x8), 1, 3, PZ, LDS | NS),
	SVE_IMM("ld1sh", "s", LD1_IMM | DTYPE(0x9), 1, 2, PZ, LDS | NS),
	SVE_IMM("ld1w", "s", LD1_IMM | DTYPE(0xa), 2, 2, PZ, LD | Q),
	SVE_IMM("ld1w", "d", LD1_IMM | DTYPE(0xb), 2, 3, PZ, LD | NS),
	SVE_IMM("ld1sb", "d", LD1_IMM | DTYPE(0xc), 0, 3, PZ, LDS | NS),
	SVE_IMM("ld1sb", "s", LD1_IMM | DTYPE(0xd), 0, 2, PZ, LDS | NS),
	SVE_IMM("ld1sb", "h", LD1_IMM | DTYPE(0xe), 0, 1, PZ, LDS | Q | NS),
	SVE_IMM("ld1d", "d", LD1_IMM | DTYPE(0xf), 3, 3, PZ, LD | Q | NS),
	/* LD1 scalar + scalar (index scaled by the memory element size) */
	SVE_REG("ld1b", "b", LD1_REG | DTYPE(0x0), NO31, 0, 0, LSL_0, PZ, LD | Q),
	SVE_REG("ld1h", "h", LD1_REG | DTYPE(0x5), NO31, 1, 1, LSL_1, PZ, LD | NS),
	SVE_REG("ld1w", "s", LD1_REG | DTYPE(0xa), NO31, 2, 2, LSL_2, PZ, LD | NS),
	SVE_REG("ld1d", "d", LD1_REG | DTYPE(0xf), NO31, 3, 3, LSL_3, PZ, LD | NS),
	SVE_REG("ld1sb", "d", LD1_REG | DTYPE(0xc), NO31, 0, 3, LSL_0, PZ, LDS | NS),
	/* First-fault, scalar + scalar (Rm = 31 allowed: XZR) */
	SVE_REG("ldff1b", "b", LDFF1_REG | DTYPE(0x0), ZR, 0, 0, LSL_0, PZ, LD | FF_FIRSTFAULT | Q),
	SVE_REG("ldff1h", "h", LDFF1_REG | DTYPE(0x5), ZR, 1, 1, LSL_1, PZ, LD | FF_FIRSTFAULT | NS),
	SVE_REG("ldff1w", "s", LDFF1_REG | DTYPE(0xa), ZR, 2, 2, LSL_2, PZ, LD | FF_FIRSTFAULT | NS),
	SVE_REG("ldff1d", "d", LDFF1_REG | DTYPE(0xf), ZR, 3, 3, LSL_3, PZ, LD | FF_FIRSTFAULT | NS),
	SVE_REG("ldff1sw", "d", LDFF1_REG | DTYPE(0x4), ZR, 2, 3, LSL_2, PZ, LDS | FF_FIRSTFAULT | NS),
	/* Non-fault, scalar + immediate */
	SVE_IMM("ldnf1b", "b", LDNF1_IMM | DTYPE(0x0), 0, 0, PZ, LD | FF_NODEVICE | Q | NS),
	SVE_IMM("ldnf1sh", "s", LDNF1_IMM | DTYPE(0x9), 1, 2, PZ, LDS | FF_NODEVICE | NS),
	SVE_IMM("ldnf1d", "d", LDNF1_IMM | DTYPE(0xf), 3, 3, PZ, LD | FF_NODEVICE | NS),
	/* ST1 scalar + immediate and scalar + scalar */
	SVE_IMM("st1b", "b", ST1_IMM | MSZ_ESZ(0, 0), 0, 0, PS, ST | Q),
	SVE_IMM("st1b", "d", ST1_IMM | MSZ_ESZ(0, 3), 0, 3, PS, ST | NS),
	SVE_IMM("st1h", "h", ST1_IMM | MSZ_ESZ(1, 1), 1, 1, PS, ST | NS),
	SVE_IMM("st1w", "s", ST1_IMM | MSZ_ESZ(2, 2), 2, 2, PS, ST | Q | NS),
	SVE_IMM("st1d", "d", ST1_IMM | MSZ_ESZ(3, 3), 3, 3, PS, ST | NS),
	SVE_REG("st1b", "b", ST1_REG | MSZ_ESZ(0, 0), NO31, 0, 0, LSL_0, PS, ST | NS),
	SVE_REG("st1w", "s", ST1_REG | MSZ_ESZ(2, 2), NO31, 2, 2, LSL_2, PS, ST | Q | NS),
	SVE_REG("st1d", "d", ST1_REG | MSZ_ESZ(3, 3), NO31, 3, 3, LSL_3, PS, ST | NS),
};

const struct family family_sve = { "sve", sve_forms, NFORMS(sve_forms) };
