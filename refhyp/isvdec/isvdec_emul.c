/* isvdec emulator: one routine over the decoded description (isvdec.h).
 * Order: address from the registers; every element read (into temporaries);
 * new values computed; every element written; then the destination
 * registers, the status register and the base. A refused read therefore
 * changes nothing; a refused write may leave earlier elements written (a
 * device cannot take back a write: the caller keeps accesses reachable). */
#include <stddef.h>
#include "isvdec.h"

#define REG_31         31u
#define VBYTES         16
#define MAX_REGS       4
#define ZVA_CHUNK      16
#define W_MASK         0xffffffffULL
#define STATUS_FAIL    1
#define SVE_VL_MAX     256      /* bytes: 2048-bit vectors */
#define SVE_VL_UNIT    16
#define SIGN_BIT8      0x80u
#define BYTE_ONES      0xffu

struct emu {
	const struct isvdec_insn *d;
	const struct isvdec_ops *cb;
	void *ctx;
	struct isvdec_env env;
	int unpriv;
};

static uint64_t rget(const struct emu *m, struct isvdec_reg r)
{
	if (r.num == REG_31 && r.kind == ISVDEC_R_ZR)
		return 0;
	if (r.num == REG_31 && r.kind == ISVDEC_R_SP)
		return m->cb->sp(m->ctx);
	return m->cb->xreg(m->ctx, r.num);
}

static void rset(const struct emu *m, struct isvdec_reg r, uint64_t v)
{
	if (r.num == REG_31 && r.kind == ISVDEC_R_ZR)
		return;
	if (r.num == REG_31 && r.kind == ISVDEC_R_SP)
		m->cb->set_sp(m->ctx, v);
	else
		m->cb->set_xreg(m->ctx, r.num, v);
}

static uint64_t size_mask(unsigned log2) { return log2 >= 3 ? ~0ULL : (1ULL << (8u << log2)) - 1; }

static int64_t sext_bits(uint64_t v, unsigned bits)
{
	uint64_t m = 1ULL << (bits - 1);
	v &= bits >= 64 ? ~0ULL : (1ULL << bits) - 1;
	return (int64_t)((v ^ m) - m);
}

/* Element values are little-significance byte arrays (val[0] = bits 7:0). */
static uint64_t val_u64(const uint8_t *v)
{
	uint64_t x = 0;
	for (unsigned i = 0; i < 8; i++)
		x |= (uint64_t)v[i] << (8 * i);
	return x;
}

static void u64_val(uint64_t x, uint8_t *v)
{
	for (unsigned i = 0; i < VBYTES; i++)
		v[i] = i < 8 ? (uint8_t)(x >> (8 * i)) : 0;
}

static int mem_read(const struct emu *m, uint64_t va, unsigned bytes, uint8_t *val)
{
	uint8_t buf[VBYTES];
	if (m->cb->read(m->ctx, va, bytes, buf, m->unpriv))
		return ISVDEC_FAULT;
	for (unsigned i = 0; i < VBYTES; i++)
		val[i] = i >= bytes ? 0 : m->env.big_endian ? buf[bytes - 1 - i] : buf[i];
	return ISVDEC_OK;
}

static int mem_write(const struct emu *m, uint64_t va, unsigned bytes, const uint8_t *val)
{
	uint8_t buf[VBYTES];
	for (unsigned i = 0; i < bytes; i++)
		buf[i] = m->env.big_endian ? val[bytes - 1 - i] : val[i];
	return m->cb->write(m->ctx, va, bytes, buf, m->unpriv) ? ISVDEC_FAULT : ISVDEC_OK;
}

/* A GPR load result: sign or zero extension to the register width. */
static uint64_t gpr_result(const struct isvdec_insn *d, uint64_t raw)
{
	uint64_t v = raw & size_mask(d->size);
	if (d->flags & ISVDEC_F_SEXT)
		v = (uint64_t)sext_bits(v, 8u << d->size);
	return d->regsize == 2 ? (v & W_MASK) : v;
}

/* Transfer register i (0 = Rt, 1 = Rt2) of a single/pair/exclusive. */
static struct isvdec_reg treg(const struct isvdec_insn *d, unsigned i) { return i ? d->rt2 : d->rt; }

static void load_result(const struct emu *m, struct isvdec_reg r, const uint8_t *val)
{
	if (r.kind == ISVDEC_R_V) {
		uint8_t v[VBYTES];
		unsigned bytes = 1u << m->d->size;
		m->cb->vreg(m->ctx, r.num, v);
		for (unsigned i = 0; i < VBYTES; i++)
			if (i < bytes || (m->d->flags & ISVDEC_F_ZEROUPPER))
				v[i] = i < bytes ? val[i] : 0;
		m->cb->set_vreg(m->ctx, r.num, v);
	} else {
		rset(m, r, gpr_result(m->d, val_u64(val)));
	}
}

static void store_value(const struct emu *m, struct isvdec_reg r, uint8_t *val)
{
	if (r.kind == ISVDEC_R_V)
		m->cb->vreg(m->ctx, r.num, val);
	else
		u64_val(rget(m, r), val);
}

/* Single, pair, ordered, exclusive: nregs consecutive elements. */
static int emu_transfer(const struct emu *m, uint64_t addr)
{
	const struct isvdec_insn *d = m->d;
	unsigned eb = 1u << d->size;
	uint8_t val[2][VBYTES];
	int rc;
	if (d->op == ISVDEC_LOAD) {
		for (unsigned i = 0; i < d->nregs; i++)
			if ((rc = mem_read(m, addr + i * eb, eb, val[i])))
				return rc;
		if ((d->flags & ISVDEC_F_EXCL) && m->cb->monitor)
			m->cb->monitor(m->ctx, addr, eb * d->nregs, 0);
		for (unsigned i = 0; i < d->nregs; i++)
			load_result(m, treg(d, i), val[i]);
		return ISVDEC_OK;
	}
	if (d->flags & ISVDEC_F_EXCL) {
		int ok = m->cb->monitor && m->cb->monitor(m->ctx, addr, eb * d->nregs, 1);
		if (ok) {
			for (unsigned i = 0; i < d->nregs; i++) {
				store_value(m, treg(d, i), val[i]);
				if ((rc = mem_write(m, addr + i * eb, eb, val[i])))
					return rc;
			}
		}
		rset(m, d->rs, ok ? 0 : STATUS_FAIL);
		return ISVDEC_OK;
	}
	for (unsigned i = 0; i < d->nregs; i++)
		store_value(m, treg(d, i), val[i]);
	for (unsigned i = 0; i < d->nregs; i++)
		if ((rc = mem_write(m, addr + i * eb, eb, val[i])))
			return rc;
	return ISVDEC_OK;
}

static uint64_t atomic_op(unsigned op, unsigned size, uint64_t old, uint64_t s)
{
	unsigned bits = 8u << size;
	switch (op) {
	case ISVDEC_ADD: return old + s;
	case ISVDEC_CLR: return old & ~s;
	case ISVDEC_EOR: return old ^ s;
	case ISVDEC_SET: return old | s;
	case ISVDEC_SMAX: return sext_bits(old, bits) > sext_bits(s, bits) ? old : s;
	case ISVDEC_SMIN: return sext_bits(old, bits) < sext_bits(s, bits) ? old : s;
	case ISVDEC_UMAX: return (old & size_mask(size)) > (s & size_mask(size)) ? old : s;
	case ISVDEC_UMIN: return (old & size_mask(size)) < (s & size_mask(size)) ? old : s;
	default: return s;   /* SWP */
	}
}

static int emu_atomic(const struct emu *m, uint64_t addr)
{
	const struct isvdec_insn *d = m->d;
	unsigned eb = 1u << d->size;
	uint8_t val[VBYTES];
	int rc = mem_read(m, addr, eb, val);
	if (rc)
		return rc;
	uint64_t old = val_u64(val) & size_mask(d->size);
	u64_val(atomic_op(d->op, d->size, old, rget(m, d->rs)) & size_mask(d->size), val);
	if ((rc = mem_write(m, addr, eb, val)))
		return rc;
	rset(m, d->rt, old);
	return ISVDEC_OK;
}

/* CAS and CASP: Rs (and Rs+1) compared, Rt (and Rt+1) stored if equal,
 * Rs (and Rs+1) always receive the old memory value. */
static int emu_cas(const struct emu *m, uint64_t addr)
{
	const struct isvdec_insn *d = m->d;
	unsigned eb = 1u << d->size;
	uint64_t mask = size_mask(d->size), old[2];
	uint8_t val[VBYTES];
	int equal = 1, rc;
	struct isvdec_reg rs[2] = { d->rs, { (uint8_t)(d->rs.num + 1), d->rs.kind } };
	struct isvdec_reg rt[2] = { d->rt, d->rt2 };
	for (unsigned i = 0; i < d->nregs; i++) {
		if ((rc = mem_read(m, addr + i * eb, eb, val)))
			return rc;
		old[i] = val_u64(val) & mask;
		equal &= old[i] == (rget(m, rs[i]) & mask);
	}
	for (unsigned i = 0; equal && i < d->nregs; i++) {
		u64_val(rget(m, rt[i]) & mask, val);
		if ((rc = mem_write(m, addr + i * eb, eb, val)))
			return rc;
	}
	for (unsigned i = 0; i < d->nregs; i++)
		rset(m, rs[i], old[i]);
	return ISVDEC_OK;
}

/* LD1-4/ST1-4: multiple structures, one lane, or replicate. */
static int emu_struct(const struct emu *m, uint64_t addr)
{
	const struct isvdec_insn *d = m->d;
	unsigned eb = 1u << d->size, nregs = d->nregs, selem = d->selem;
	uint8_t v[MAX_REGS][VBYTES], val[VBYTES];
	uint64_t offs = 0;
	int rc;
	for (unsigned r = 0; r < nregs; r++) {
		unsigned n = (d->rt.num + r) % 32;
		if (d->op == ISVDEC_STORE || d->lane >= 0 || !(d->flags & ISVDEC_F_ZEROUPPER))
			m->cb->vreg(m->ctx, n, v[r]);
		else
			for (unsigned i = 0; i < VBYTES; i++)
				v[r][i] = 0;
	}
	if (d->flags & ISVDEC_F_REPLICATE) {
		for (unsigned s = 0; s < selem; s++, offs += eb) {
			if ((rc = mem_read(m, addr + offs, eb, val)))
				return rc;
			for (unsigned i = 0; i < d->vbytes; i++)
				v[s][i] = val[i % eb];
		}
	} else if (d->lane >= 0) {
		for (unsigned s = 0; s < selem; s++, offs += eb) {
			uint8_t *lane = &v[s][(unsigned)d->lane * eb];
			if (d->op == ISVDEC_LOAD) {
				if ((rc = mem_read(m, addr + offs, eb, val)))
					return rc;
				for (unsigned i = 0; i < eb; i++)
					lane[i] = val[i];
			} else if ((rc = mem_write(m, addr + offs, eb, lane))) {
				return rc;
			}
		}
	} else {
		unsigned rpt = nregs / selem, elements = d->vbytes / eb;
		for (unsigned r = 0; r < rpt; r++)
			for (unsigned e = 0; e < elements; e++)
				for (unsigned s = 0; s < selem; s++, offs += eb) {
					uint8_t *el = &v[r + s][e * eb];
					if (d->op == ISVDEC_STORE) {
						if ((rc = mem_write(m, addr + offs, eb, el)))
							return rc;
						continue;
					}
					if ((rc = mem_read(m, addr + offs, eb, val)))
						return rc;
					for (unsigned i = 0; i < eb; i++)
						el[i] = val[i];
				}
	}
	if (d->op == ISVDEC_LOAD)
		for (unsigned r = 0; r < nregs; r++)
			m->cb->set_vreg(m->ctx, (d->rt.num + r) % 32, v[r]);
	return ISVDEC_OK;
}

/* SVE contiguous: active elements (predicate bit per byte of element 0 of
 * each lane) transferred with msize bytes, extended to the Z element;
 * inactive elements of a load are zero. First-fault (LDFF1): only the first
 * active element is read; each later one is a MemNF access, which must not
 * be performed on Device memory and may be declined for any reason, so it
 * is declined: FFR is cleared from the second active element to the end
 * and the destination from there left zero (one of the CONSTRAINED
 * UNPREDICTABLE choices). Right whatever the guest's memory type. */
static int emu_sve(const struct emu *m, uint64_t addr)
{
	const struct isvdec_insn *d = m->d;
	unsigned vl = m->env.sve_vl, eb = 1u << d->regsize, mb = 1u << d->size, n = vl / eb;
	uint8_t z[SVE_VL_MAX], p[SVE_VL_MAX / 8], val[VBYTES];
	int rc;
	m->cb->preg(m->ctx, d->pg, p);
	if (d->op == ISVDEC_STORE)
		m->cb->zreg(m->ctx, d->rt.num, z);
	else
		for (unsigned i = 0; i < vl; i++)
			z[i] = 0;
	unsigned loaded = 0;
	for (unsigned e = 0; e < n; e++) {
		uint8_t *el = &z[e * eb];
		if (!((p[e * eb / 8] >> (e * eb % 8)) & 1))
			continue;
		if ((d->flags & ISVDEC_F_FIRSTFAULT) && loaded++) {
			uint8_t ffr[SVE_VL_MAX / 8];
			m->cb->ffr(m->ctx, ffr);
			for (unsigned i = e * eb; i < vl; i++)
				ffr[i / 8] &= (uint8_t)~(1u << (i % 8));
			m->cb->set_ffr(m->ctx, ffr);
			break;
		}
		if (d->op == ISVDEC_STORE) {
			if ((rc = mem_write(m, addr + (uint64_t)e * mb, mb, el)))
				return rc;
			continue;
		}
		if ((rc = mem_read(m, addr + (uint64_t)e * mb, mb, val)))
			return rc;
		uint8_t fill = (d->flags & ISVDEC_F_SEXT) && (val[mb - 1] & SIGN_BIT8) ? BYTE_ONES : 0;
		for (unsigned i = 0; i < eb; i++)
			el[i] = i < mb ? val[i] : fill;
	}
	if (d->op == ISVDEC_LOAD)
		m->cb->set_zreg(m->ctx, d->rt.num, z);
	return ISVDEC_OK;
}

static int emu_zva(const struct emu *m, uint64_t addr)
{
	uint8_t zero[VBYTES] = { 0 };
	int rc;
	for (uint64_t o = 0; o < m->env.zva_bytes; o += ZVA_CHUNK)
		if ((rc = m->cb->write(m->ctx, addr + o, ZVA_CHUNK, zero, 0)))
			return ISVDEC_FAULT;
	return ISVDEC_OK;
}

unsigned isvdec_footprint(const struct isvdec_insn *d, const struct isvdec_env *e)
{
	switch (d->cls) {
	case ISVDEC_C_ZVA: return e->zva_bytes;
	case ISVDEC_C_CMO: case ISVDEC_C_PRFM: return 0;
	case ISVDEC_C_SVE: return (e->sve_vl >> d->regsize) << d->size;
	case ISVDEC_C_STRUCT:
		return d->lane >= 0 || (d->flags & ISVDEC_F_REPLICATE) ? (unsigned)d->selem << d->size
								       : (unsigned)d->nregs * d->vbytes;
	default: return (unsigned)d->nregs << d->size;
	}
}

static uint64_t address(const struct emu *m, uint64_t base)
{
	const struct isvdec_insn *d = m->d;
	switch (d->mode) {
	case ISVDEC_AM_POST: case ISVDEC_AM_POSTREG: return base;
	case ISVDEC_AM_REGISTER: {
		uint64_t off = rget(m, d->rm);
		if (d->extend == ISVDEC_UXTW)
			off &= W_MASK;
		else if (d->extend == ISVDEC_SXTW)
			off = (uint64_t)sext_bits(off, 32);
		return base + (off << d->shift);
	}
	default:
		if (d->flags & ISVDEC_F_MULVL)
			return base + (uint64_t)d->imm * ((m->env.sve_vl >> d->regsize) << d->size);
		return base + (uint64_t)d->imm;
	}
}

int isvdec_address(const struct isvdec_insn *d, const struct isvdec_ops *cb, void *ctx, uint64_t *va)
{
	struct emu m = { d, cb, ctx, { 0, 0, 0 }, 0 };
	cb->env(ctx, &m.env);
	*va = address(&m, rget(&m, d->rn));
	if (d->cls == ISVDEC_C_ZVA && m.env.zva_bytes)
		*va &= ~(uint64_t)(m.env.zva_bytes - 1);
	return ISVDEC_OK;
}

int isvdec_emulate(const struct isvdec_insn *d, const struct isvdec_ops *cb, void *ctx, uint64_t fault_addr)
{
	struct emu m = { d, cb, ctx, { 0, 0, 0 }, (d->flags & ISVDEC_F_UNPRIV) != 0 };
	cb->env(ctx, &m.env);
	uint64_t base = rget(&m, d->rn), addr = address(&m, base);
	uint64_t wb = d->mode == ISVDEC_AM_POSTREG ? base + rget(&m, d->rm) : base + (uint64_t)d->imm;
	if (d->cls == ISVDEC_C_ZVA) {
		if (!m.env.zva_bytes || (m.env.zva_bytes & (m.env.zva_bytes - 1)) || m.env.zva_bytes % ZVA_CHUNK)
			return ISVDEC_UNSUPPORTED;
		addr &= ~(uint64_t)(m.env.zva_bytes - 1);
	}
	if (d->cls == ISVDEC_C_SVE && (!cb->zreg || !cb->set_zreg || !cb->preg || !m.env.sve_vl ||
				       m.env.sve_vl > SVE_VL_MAX || m.env.sve_vl % SVE_VL_UNIT ||
				       ((d->flags & ISVDEC_F_FIRSTFAULT) && (!cb->ffr || !cb->set_ffr))))
		return ISVDEC_UNSUPPORTED;
	unsigned bytes = isvdec_footprint(d, &m.env);
	if (fault_addr != ISVDEC_ANY_ADDR && bytes && fault_addr - addr >= bytes)
		return ISVDEC_FAULT;
	int rc;
	switch (d->cls) {
	case ISVDEC_C_CMO: case ISVDEC_C_PRFM: rc = ISVDEC_OK; break;
	case ISVDEC_C_ZVA: rc = emu_zva(&m, addr); break;
	case ISVDEC_C_ATOMIC: rc = emu_atomic(&m, addr); break;
	case ISVDEC_C_CAS: rc = emu_cas(&m, addr); break;
	case ISVDEC_C_STRUCT: rc = emu_struct(&m, addr); break;
	case ISVDEC_C_SVE: rc = emu_sve(&m, addr); break;
	default: rc = emu_transfer(&m, addr); break;
	}
	if (rc == ISVDEC_OK && (d->flags & ISVDEC_F_WB))
		rset(&m, d->rn, wb);
	return rc;
}

const char *isvdec_class_name(unsigned cls)
{
	static const char *const n[] = { "single", "pair", "exclusive", "ordered", "atomic", "cas",
					 "struct", "zva", "cmo", "prfm", "sve" };
	return cls < sizeof(n) / sizeof(n[0]) ? n[cls] : "?";
}

const char *isvdec_op_name(unsigned op)
{
	static const char *const n[] = { "load", "store", "add", "clr", "eor", "set", "smax", "smin",
					 "umax", "umin", "swp", "cas", "zero", "none" };
	return op < sizeof(n) / sizeof(n[0]) ? n[op] : "?";
}

const char *isvdec_mode_name(unsigned mode)
{
	static const char *const n[] = { "off", "pre", "post", "register", "postreg" };
	return mode < sizeof(n) / sizeof(n[0]) ? n[mode] : "?";
}
