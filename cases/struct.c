/* Family struct: SIMD structure loads/stores. LD1-LD4/ST1-ST4 multiple
 * structures (1-4 registers for LD1/ST1, every arrangement 8B..2D), single
 * structure to/from one lane, LD1R-LD4R replicate; without offset,
 * post-indexed by the transfer size (Rm = 31) and by a register Xm. The
 * register list starts at Rt and wraps past V31 (the sweep reaches it).
 * Every access is element-sized; a load writes the whole of each listed
 * register (8B..1D forms zero the upper half, single-lane forms keep the
 * other lanes) and the judge compares all 128 bits of every V register.
 *
 * The full product of (op, registers, arrangement, mode) is large: every
 * arrangement runs without offset; the post-indexed modes use two
 * arrangements each; the register sweep (incl. the wrap past V31) runs on
 * the 16B (or B-lane) form of the 1- and 4-register operations.
 *
 * Encoding (Arm ARM C4.1.93, "Advanced SIMD load/store multiple/single"):
 *   multiple: 0 Q 0011000 L 000000 opcode[15:12] size[11:10] Rn Rt
 *             0 Q 0011001 L 0 Rm opcode size Rn Rt    (post-index)
 *   single:   0 Q 0011010 L R 00000 opcode[15:13] S size Rn Rt
 *             0 Q 0011011 L R Rm opcode S size Rn Rt  (post-index)       */
#include "fields.h"

#define MULT_BASE    0x0c000000u
#define SINGLE_BASE  0x0d000000u
#define POST_INDEX   (1u << 23)
#define RM_IMM       (0x1fu << 16)   /* Rm = 31: post-index by the transfer size */
#define ST_LOAD      (1u << 22)
#define ST_Q         (1u << 30)
#define SINGLE_R     (1u << 21)      /* LD2/LD4 (single) */
#define OPC_M(o)     ((uint32_t)(o) << 12)
#define OPC_S(o)     ((uint32_t)(o) << 13)
#define SIZE(s)      ((uint32_t)(s) << 10)

/* Multiple-structure opcodes */
#define M_LD4 0x0
#define M_LD1_4 0x2
#define M_LD3 0x4
#define M_LD1_3 0x6
#define M_LD1_1 0x7
#define M_LD2 0x8
#define M_LD1_2 0xa


/* The register sweep runs on one form of each 1- and 4-register operation. */
#define SWEEP_N(n)   ((n) == 2 || (n) == 3 ? FF_NOSWEEP : 0)
#define F_LIST_RT { OP_RT, 0, 5, 0, 0 }
#define NOF { OP_NONE, 0, 0, 0, 0 }

/* Per mode: extra bits, the Rm field, addressing mode, writeback, text, id word */
#define MB_off     0
#define MF_off     NOF
#define MA_off     AM_NOOFFSET
#define MW_off     0
#define MT_off     ""
#define MB_post    (POST_INDEX | RM_IMM)
#define MF_post    NOF
#define MA_post    AM_POST
#define MW_post    FF_WB
#define MT_post    ", {bytes}"
#define MB_postreg POST_INDEX
#define MF_postreg F_RM
#define MA_postreg AM_POSTREG
#define MW_postreg FF_WB
#define MT_postreg ", {m:x}"

/* Per arrangement: Q, size field */
#define AQ_8b  0
#define AS_8b  0
#define AQ_16b 1
#define AS_16b 0
#define AQ_4h  0
#define AS_4h  1
#define AQ_8h  1
#define AS_8h  1
#define AQ_2s  0
#define AS_2s  2
#define AQ_4s  1
#define AS_4s  2
#define AQ_1d  0
#define AS_1d  3
#define AQ_2d  1
#define AS_2d  3

#define MULTI(mn, n, opc, l, arr, mode, fl) \
	{ mn "-" #n "-" #arr "-" #mode, MULT_BASE | (AQ_##arr ? ST_Q : 0) | ((l) ? ST_LOAD : 0) | OPC_M(opc) | \
	  SIZE(AS_##arr) | MB_##mode, { F_LIST_RT, F_RN, MF_##mode }, MA_##mode, 1 << AS_##arr, \
	  (uint8_t)((AQ_##arr ? 16 : 8) >> AS_##arr) * (n), AS_##arr, \
	  FF_SIMD | ((l) ? FF_LOAD : FF_STORE) | MW_##mode | (fl), \
	  FEAT_NONE, AQ_##arr ? 16 : 8, \
	  mn " {l" #n "." #arr "}, " T_BASE MT_##mode, n }

/* All arrangements without offset (16B sweeps), two per post mode. */
#define MULTI_ALL(mn, n, opc, l, q1, q2, q3, mg) \
	MULTI(mn, n, opc, l, 8b, off, FF_NOSWEEP | (mg)), \
	MULTI(mn, n, opc, l, 16b, off, (q1) | (mg) | SWEEP_N(n)), \
	MULTI(mn, n, opc, l, 4h, off, FF_NOSWEEP | (mg)), \
	MULTI(mn, n, opc, l, 8h, off, FF_NOSWEEP | (mg)), \
	MULTI(mn, n, opc, l, 2s, off, FF_NOSWEEP | (mg)), \
	MULTI(mn, n, opc, l, 4s, off, FF_NOSWEEP | (mg)), \
	MULTI(mn, n, opc, l, 2d, off, FF_NOSWEEP | (mg)), \
	MULTI(mn, n, opc, l, 16b, post, FF_NOSWEEP | (q2) | (mg)), \
	MULTI(mn, n, opc, l, 2s, post, FF_NOSWEEP | (mg) | (q2)), \
	MULTI(mn, n, opc, l, 8h, postreg, FF_NOSWEEP | (q3) | (mg)), \
	MULTI(mn, n, opc, l, 2d, postreg, FF_NOSWEEP | (mg) | (q3))
/* LD1/ST1 may access the elements of one register together (FF_MERGE). */
#define MULTI_LD1(mn, n, opc, l, q1, q2, q3) \
	MULTI_ALL(mn, n, opc, l, q1, q2, q3, FF_MERGE), MULTI(mn, n, opc, l, 1d, off, FF_NOSWEEP | FF_MERGE)

/* Single structure, per element size: log2 bytes, opcode low bits and size
 * field, and the lane split (B: Q:S:size, H: Q:S:size<1>, S: Q:S, D: Q). */
#define EL_b 0
#define EO_b 0                       /* opcode 0x0, size 00 */
#define LF_b { OP_LANE, 30, 1, 0, 3 }, { OP_LANE, 12, 1, FLD_PART, 2 }, { OP_LANE, 10, 2, FLD_PART, 0 }
#define EL_h 1
#define EO_h (OPC_S(2))              /* opcode 01x */
#define LF_h { OP_LANE, 30, 1, 0, 2 }, { OP_LANE, 12, 1, FLD_PART, 1 }, { OP_LANE, 11, 1, FLD_PART, 0 }
#define EL_s 2
#define EO_s (OPC_S(4))              /* opcode 10x, size 00 */
#define LF_s { OP_LANE, 30, 1, 0, 1 }, { OP_LANE, 12, 1, FLD_PART, 0 }, NOF
#define EL_d 3
#define EO_d (OPC_S(4) | SIZE(1))    /* opcode 10x, size 01 */
#define LF_d { OP_LANE, 30, 1, 0, 0 }, NOF, NOF

/* r: the R bit (LD2/LD4), odd: opcode bit 13 (LD3/LD4) */
#define LANE(mn, n, r, odd, l, et, mode, fl) \
	{ mn "-" #n "-" #et "-" #mode, SINGLE_BASE | ((l) ? ST_LOAD : 0) | ((r) ? SINGLE_R : 0) | \
	  ((odd) ? OPC_S(1) : 0) | EO_##et | MB_##mode, { F_LIST_RT, F_RN, MF_##mode, LF_##et }, \
	  MA_##mode, 1 << EL_##et, n, EL_##et, FF_SIMD | ((l) ? FF_LOAD : FF_STORE) | MW_##mode | (fl), \
	  FEAT_NONE, 16, mn " {l" #n "." #et "}[{lane}], " T_BASE MT_##mode, n }
#define LANES(mn, n, r, odd, l, q1, q2) \
	LANE(mn, n, r, odd, l, b, off, (q1) | SWEEP_N(n)), \
	LANE(mn, n, r, odd, l, h, off, FF_NOSWEEP | (q1)), \
	LANE(mn, n, r, odd, l, s, off, FF_NOSWEEP | (q1)), \
	LANE(mn, n, r, odd, l, d, off, FF_NOSWEEP | (q1)), \
	LANE(mn, n, r, odd, l, b, post, FF_NOSWEEP | (q2)), \
	LANE(mn, n, r, odd, l, s, postreg, FF_NOSWEEP)

/* Replicate: opcode 110 (LD1R/LD2R) or 111 (LD3R/LD4R), S = 0. */
#define OPC_REPL     OPC_S(6)
#define REPL(mn, n, r, odd, arr, mode, fl) \
	{ mn "-" #n "-" #arr "-" #mode, SINGLE_BASE | ST_LOAD | (AQ_##arr ? ST_Q : 0) | ((r) ? SINGLE_R : 0) | \
	  OPC_REPL | ((odd) ? OPC_S(1) : 0) | SIZE(AS_##arr) | MB_##mode, { F_LIST_RT, F_RN, MF_##mode }, \
	  MA_##mode, 1 << AS_##arr, n, AS_##arr, FF_SIMD | FF_LOAD | MW_##mode | (fl), FEAT_NONE, \
	  AQ_##arr ? 16 : 8, mn " {l" #n "." #arr "}, " T_BASE MT_##mode, n }
#define REPLS(mn, n, r, odd, q1, q2) \
	REPL(mn, n, r, odd, 8b, off, FF_NOSWEEP), \
	REPL(mn, n, r, odd, 16b, off, (q1) | SWEEP_N(n)), \
	REPL(mn, n, r, odd, 4h, off, FF_NOSWEEP), \
	REPL(mn, n, r, odd, 8h, off, FF_NOSWEEP), \
	REPL(mn, n, r, odd, 2s, off, FF_NOSWEEP), \
	REPL(mn, n, r, odd, 4s, off, FF_NOSWEEP), \
	REPL(mn, n, r, odd, 1d, off, FF_NOSWEEP), \
	REPL(mn, n, r, odd, 2d, off, FF_NOSWEEP), \
	REPL(mn, n, r, odd, 4s, post, FF_NOSWEEP | (q2)), \
	REPL(mn, n, r, odd, 8b, postreg, FF_NOSWEEP)

static const struct form struct_forms[] = {
	MULTI_LD1("ld1", 1, M_LD1_1, 1, Q, 0, 0),
	MULTI_LD1("ld1", 2, M_LD1_2, 1, 0, Q, 0),
	MULTI_LD1("ld1", 3, M_LD1_3, 1, 0, 0, Q),
	MULTI_LD1("ld1", 4, M_LD1_4, 1, Q, 0, 0),
	MULTI_ALL("ld2", 2, M_LD2, 1, 0, Q, 0, 0),
	MULTI_ALL("ld3", 3, M_LD3, 1, Q, 0, 0, 0),
	MULTI_ALL("ld4", 4, M_LD4, 1, 0, 0, Q, 0),
	MULTI_LD1("st1", 1, M_LD1_1, 0, 0, Q, 0),
	MULTI_LD1("st1", 2, M_LD1_2, 0, Q, 0, 0),
	MULTI_LD1("st1", 3, M_LD1_3, 0, 0, 0, Q),
	MULTI_LD1("st1", 4, M_LD1_4, 0, 0, Q, 0),
	MULTI_ALL("st2", 2, M_LD2, 0, Q, 0, 0, 0),
	MULTI_ALL("st3", 3, M_LD3, 0, 0, Q, 0, 0),
	MULTI_ALL("st4", 4, M_LD4, 0, 0, 0, Q, 0),
	LANES("ld1", 1, 0, 0, 1, Q, 0),
	LANES("ld2", 2, 1, 0, 1, 0, Q),
	LANES("ld3", 3, 0, 1, 1, 0, 0),
	LANES("ld4", 4, 1, 1, 1, Q, 0),
	LANES("st1", 1, 0, 0, 0, 0, Q),
	LANES("st2", 2, 1, 0, 0, Q, 0),
	LANES("st3", 3, 0, 1, 0, 0, Q),
	LANES("st4", 4, 1, 1, 0, 0, 0),
	REPLS("ld1r", 1, 0, 0, Q, 0),
	REPLS("ld2r", 2, 1, 0, 0, Q),
	REPLS("ld3r", 3, 0, 1, 0, 0),
	REPLS("ld4r", 4, 1, 1, Q, 0),
};

const struct family family_struct = { "struct", struct_forms, NFORMS(struct_forms) };
