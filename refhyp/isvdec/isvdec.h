/* isvdec: decode and emulate the AArch64 loads and stores that fault at
 * stage 2 without an instruction syndrome (ESR_EL2.ISV == 0).
 *
 * Self-contained (C11, <stdint.h> only), no dependence on any hypervisor:
 * the caller supplies register and memory access through callbacks.
 *
 *   struct isvdec_insn d;
 *   if (isvdec_decode(insn, &d) == ISVDEC_OK &&
 *       isvdec_emulate(&d, &ops, ctx, far) == ISVDEC_OK)
 *           step the PC;
 *   else
 *           inject an abort;
 *
 * Anything not described below is ISVDEC_UNSUPPORTED: never guessed. */
#ifndef ISVDEC_H
#define ISVDEC_H
#include <stdint.h>

/* Return codes */
#define ISVDEC_OK           0
#define ISVDEC_UNSUPPORTED  (-1)   /* encoding outside the supported set */
#define ISVDEC_FAULT        (-2)   /* a callback refused (memory not reachable) */

/* Instruction classes */
enum isvdec_class {
	ISVDEC_C_SINGLE,     /* one register: LDR/STR/LDUR/LDTR..., GPR or SIMD&FP */
	ISVDEC_C_PAIR,       /* LDP/STP/LDNP/STNP/LDPSW, GPR or SIMD&FP */
	ISVDEC_C_EXCL,       /* LDXR/STXR/LDAXR/STLXR and pairs */
	ISVDEC_C_ORDERED,    /* LDAR/STLR/LDLAR/STLLR/LDAPR/LDAPUR/STLUR */
	ISVDEC_C_ATOMIC,     /* LSE LD<op>, SWP */
	ISVDEC_C_CAS,        /* CAS, CASP */
	ISVDEC_C_STRUCT,     /* SIMD LD1-4/ST1-4: multiple, single lane, replicate */
	ISVDEC_C_ZVA,        /* DC ZVA */
	ISVDEC_C_CMO,        /* DC CIVAC/CVAC/IVAC/CVAU/CVAP/CVADP: no data */
	ISVDEC_C_PRFM,       /* PRFM/PRFUM: no data, never faults */
	ISVDEC_C_SVE,        /* SVE contiguous LD1, LDFF1, ST1: scalar+imm, scalar+scalar */
};

/* Operation */
enum isvdec_op {
	ISVDEC_LOAD, ISVDEC_STORE,
	ISVDEC_ADD, ISVDEC_CLR, ISVDEC_EOR, ISVDEC_SET,
	ISVDEC_SMAX, ISVDEC_SMIN, ISVDEC_UMAX, ISVDEC_UMIN, ISVDEC_SWP,
	ISVDEC_CMPSWP, ISVDEC_ZERO, ISVDEC_NONE,
};

/* Addressing modes */
enum isvdec_mode {
	ISVDEC_AM_OFFSET,    /* [Xn, #imm] (imm may be 0; unscaled and unsigned alike) */
	ISVDEC_AM_PRE,       /* [Xn, #imm]! */
	ISVDEC_AM_POST,      /* [Xn], #imm */
	ISVDEC_AM_REGISTER,  /* [Xn, Xm{, extend #shift}] */
	ISVDEC_AM_POSTREG,   /* [Xn], Xm (structures) */
};

/* Register files. Register number 31 means SP for ISVDEC_R_SP, the zero
 * register for ISVDEC_R_ZR, and V31 for ISVDEC_R_V. */
enum isvdec_regkind { ISVDEC_R_NONE, ISVDEC_R_ZR, ISVDEC_R_SP, ISVDEC_R_V, ISVDEC_R_Z };

struct isvdec_reg {
	uint8_t num;
	uint8_t kind;        /* enum isvdec_regkind */
};

/* Register-offset extend (the option field) */
enum isvdec_extend { ISVDEC_UXTW = 2, ISVDEC_LSL = 3, ISVDEC_SXTW = 6, ISVDEC_SXTX = 7 };

/* Flags */
#define ISVDEC_F_WB        (1u << 0)   /* base register written back */
#define ISVDEC_F_SEXT      (1u << 1)   /* sign-extending load */
#define ISVDEC_F_ACQUIRE   (1u << 2)
#define ISVDEC_F_RELEASE   (1u << 3)
#define ISVDEC_F_EXCL      (1u << 4)   /* exclusive: monitor, status in rs */
#define ISVDEC_F_UNPRIV    (1u << 5)   /* LDTR/STTR: EL0 permissions at EL1 */
#define ISVDEC_F_REPLICATE (1u << 6)   /* LD1R-LD4R */
#define ISVDEC_F_ZEROUPPER (1u << 7)   /* a SIMD load writes the whole V register */
#define ISVDEC_F_MULVL     (1u << 8)   /* SVE: imm counts vector lengths ("#imm, mul vl") */
#define ISVDEC_F_FIRSTFAULT (1u << 9)  /* SVE LDFF1: later elements' faults suppressed */

struct isvdec_insn {
	uint32_t insn;
	uint8_t cls;            /* enum isvdec_class */
	uint8_t op;             /* enum isvdec_op */
	uint8_t mode;           /* enum isvdec_mode */
	uint8_t size;           /* log2 bytes of one element (0..4) */
	uint8_t regsize;        /* log2 bytes of the GPR written by a load (2 = W, 3 = X);
				   SVE: of the Z register element */
	uint8_t nregs;          /* transfer registers: 1, 2 (pairs, CASP), 1-4 (structures) */
	uint8_t selem;          /* structures: elements per structure (LDn: n) */
	uint8_t vbytes;         /* structures: register width in bytes (8 or 16) */
	int8_t lane;            /* structures: lane index, -1 = every lane */
	uint8_t extend, shift;  /* ISVDEC_AM_REGISTER: option and shift amount */
	uint8_t pg;             /* SVE: governing predicate P0-P7 */
	uint16_t flags;         /* ISVDEC_F_* */
	struct isvdec_reg rt, rt2, rn, rm, rs;
	int64_t imm;            /* byte offset (already scaled); SVE mul vl: vector lengths */
};

/* The guest context an emulation needs besides registers. */
struct isvdec_env {
	int big_endian;         /* data endianness at the faulting EL (SCTLR_EL1.EE/E0E) */
	uint32_t zva_bytes;     /* DC ZVA block size (4 << DCZID_EL0.BS) */
	uint32_t sve_vl;        /* SVE vector length in bytes at the faulting EL, 0 = none */
};

/* Callbacks. Memory is given in memory byte order (buf[0] at va); the
 * library applies the endianness. Each returns 0 or non-zero to refuse
 * (the emulation then stops with ISVDEC_FAULT). unpriv: LDTR/STTR. */
struct isvdec_ops {
	uint64_t (*xreg)(void *ctx, unsigned n);              /* X0-X30 */
	void (*set_xreg)(void *ctx, unsigned n, uint64_t v);
	uint64_t (*sp)(void *ctx);                             /* the SP of the faulting context */
	void (*set_sp)(void *ctx, uint64_t v);
	void (*vreg)(void *ctx, unsigned n, uint8_t out[16]);  /* V register, byte 0 = bits 7:0 */
	void (*set_vreg)(void *ctx, unsigned n, const uint8_t in[16]);
	/* SVE (optional: NULL makes SVE forms ISVDEC_UNSUPPORTED): Z registers
	 * and predicates at env.sve_vl (VL bytes, VL/8 bytes), byte 0 first */
	void (*zreg)(void *ctx, unsigned n, uint8_t *out);
	void (*set_zreg)(void *ctx, unsigned n, const uint8_t *in);
	void (*preg)(void *ctx, unsigned n, uint8_t *out);
	/* The first-fault register (VL/8 bytes), for LDFF1 (optional: NULL
	 * makes LDFF1 ISVDEC_UNSUPPORTED). */
	void (*ffr)(void *ctx, uint8_t *out);
	void (*set_ffr)(void *ctx, const uint8_t *in);
	int (*read)(void *ctx, uint64_t va, unsigned bytes, uint8_t *buf, int unpriv);
	int (*write)(void *ctx, uint64_t va, unsigned bytes, const uint8_t *buf, int unpriv);
	void (*env)(void *ctx, struct isvdec_env *e);
	/* Exclusive monitor (optional). store == 0: a load-exclusive arms it;
	 * store == 1: return 1 if the store-exclusive may succeed (and disarm).
	 * NULL: every store-exclusive fails (status 1, nothing stored), which
	 * the architecture allows at any time. */
	int (*monitor)(void *ctx, uint64_t va, unsigned bytes, int store);
};

/* Decode one A64 instruction. ISVDEC_OK and *out filled, or
 * ISVDEC_UNSUPPORTED (not a load/store, unallocated, or not handled). */
int isvdec_decode(uint32_t insn, struct isvdec_insn *out);

/* Emulate a decoded instruction: address from the registers, memory
 * through the callbacks, destination and base registers written. The PC
 * is not touched (the caller steps it). The address is always recomputed
 * from the registers; fault_addr (FAR_EL2) is cross-checked against it
 * (ISVDEC_FAULT if it lies outside the access: the guest changed the
 * instruction or a register under us). ISVDEC_ANY_ADDR skips the check. */
#define ISVDEC_ANY_ADDR (~(uint64_t)0)
int isvdec_emulate(const struct isvdec_insn *d, const struct isvdec_ops *cb, void *ctx, uint64_t fault_addr);

/* The first byte the instruction accesses (DC ZVA: the block start), from
 * the registers through the callbacks. For a hypervisor that takes the
 * data width from the syndrome (ISV=1) but needs the true start of an
 * access that crossed into the faulting page. */
int isvdec_address(const struct isvdec_insn *d, const struct isvdec_ops *cb, void *ctx, uint64_t *va);

/* Total bytes the instruction accesses (0 for cache maintenance). */
unsigned isvdec_footprint(const struct isvdec_insn *d, const struct isvdec_env *e);

/* Short names for logs: class, op, mode. */
const char *isvdec_class_name(unsigned cls);
const char *isvdec_op_name(unsigned op);
const char *isvdec_mode_name(unsigned mode);
#endif
