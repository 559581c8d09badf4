/* Case inputs (lib/inputs.h): window bytes and register context.
 *
 * Window bytes: pseudo-random from the case's seed, made non-uniform on
 * purpose: bits 6:4 of the bytes of any 8-byte run all differ (they count
 * with the position), so the elements of a structure, the halves of a pair
 * and the bytes of an element are never equal, even on a target that keeps
 * only the top bits (GIC priority bytes: write mask 0xf0/0xf8). Then the
 * case's own rules: the sign bit of every element a signed load reads is
 * set (clear for the -pos variant); an LD<op> reads a negative element with
 * bit 0 clear and gets a positive Rs with bit 0 set, so signed and unsigned
 * min/max pick different values and SET/CLR/EOR/ADD all change memory. */
#include <string.h>
#include "inputs.h"
#include "sysreg.h"

#define SIGN_BIT         0x80u
#define LOW_BIT          0x01u
#define RANDOM_BITS      0x8fu      /* bit 7 and bits 3:0: random */
#define COUNT_SHIFT      4          /* bits 6:4 count with the position */
#define COUNT_MASK       0x7u
#define NONZERO_BYTE     0x08u
#define POS_BIAS         0x10000    /* keeps lead-in positions positive */
#define SALT_BYTES       0x5b17e000ULL
#define SVE_VL_BYTES     16
#define PRED_IRREGULAR   0xb2d6u    /* -pirr: element e active if bit e % 16 (element 0 inactive) */
#define FPSR_WRITABLE    0xf800009fULL   /* N Z C V QC, IDC IXC UFC OFC DZC IOC */
#define FPCR_WRITABLE    0x07c00000ULL   /* AHP DN FZ RMode: no effect on a load or store */
#define FPSR_QC          (1ULL << 27)    /* always set: never all zero */
#define FPCR_DN          (1ULL << 25)
#define SEED_PSTATE      200
#define SEED_FPSR        201
#define SEED_FPCR        202

uint64_t inputs_mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static int is_bigendian(const struct case_desc *c)
{
	return c->placement == PL_BIGENDIAN || c->placement == PL_BIGENDIAN_EL1;
}

/* LD<op> and SWP: a read-modify-write whose operand is Rs (CAS excluded). */
static int is_ldop(const struct form *f)
{
	return (f->flags & (FF_LOAD | FF_STORE | FF_RS | FF_CAS | FF_MOPS)) == (FF_LOAD | FF_STORE | FF_RS);
}

/* The byte at window offset pos (negative: the lead-in page). */
static uint8_t byte_at(const struct case_desc *c, uint64_t seed, int32_t pos)
{
	const struct form *f = case_form(c);
	uint32_t p = (uint32_t)(pos + POS_BIAS);
	uint64_t r = inputs_mix64(seed ^ SALT_BYTES ^ p);
	uint32_t count = (p + (p >> 3) + (uint32_t)(seed >> 61)) & COUNT_MASK;
	uint8_t b = (uint8_t)((r & RANDOM_BITS) | count << COUNT_SHIFT);
	int32_t rel = pos - c->off;
	if (rel < 0 || (uint32_t)rel >= c->bytes || !f->esize)
		return b;
	uint32_t in = (uint32_t)rel % f->esize;
	int msb = in == (is_bigendian(c) ? 0 : f->esize - 1u);
	int lsb = in == (is_bigendian(c) ? f->esize - 1u : 0);
	if ((f->flags & (FF_LOAD | FF_SIGNED)) == (FF_LOAD | FF_SIGNED) && msb)
		b = c->variant == VAR_POS ? (uint8_t)(b & ~SIGN_BIT) : (uint8_t)(b | SIGN_BIT);
	if (is_ldop(f)) {
		if (msb)
			b |= SIGN_BIT;
		if (lsb)
			b &= (uint8_t)~LOW_BIT;
	}
	/* Never zero: a lane a buggy emulation fills from memory instead of
	 * zeroing (an inactive SVE element) must differ. */
	return b ? b : NONZERO_BYTE;
}

void inputs_window(const struct case_desc *c, uint64_t seed, uint8_t *want, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		want[i] = byte_at(c, seed, (int32_t)i);
}

void inputs_lead(const struct case_desc *c, uint64_t seed, uint8_t *page, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		page[i] = byte_at(c, seed, (int32_t)i - (int32_t)len);
}

/* n bytes of memory at window offset off as the register value the CPU
 * compares with (data endianness of the case). */
static uint64_t mem_value(const struct case_desc *c, const uint8_t *window, int32_t off, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v |= (uint64_t)window[off + (int32_t)(is_bigendian(c) ? n - 1 - i : i)] << (8 * i);
	return v;
}

/* Bits at and above 8*n of x, the rest from v: what a register of an
 * n-byte access holds beyond the access is left random. */
static uint64_t merge_low(uint64_t x, uint64_t v, unsigned n)
{
	uint64_t m = n >= 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
	return (x & ~m) | (v & m);
}

/* CAS/CASP -eq: the compare value equals memory, so the store runs. */
static void cas_equal(const struct case_desc *c, const uint8_t *window, uint32_t len, struct frame *f)
{
	const struct form *fm = case_form(c);
	unsigned regs = (fm->flags & FF_EVEN) ? 2 : 1, n = fm->esize / regs;
	if (c->off < 0 || (uint32_t)c->off + fm->esize > len)
		return;
	for (unsigned i = 0; i < regs; i++) {
		unsigned r = c->ops.rs + i;
		/* CASP big-endian: the first register holds the lower address. */
		if (r < 31)
			f->x[r] = merge_low(f->x[r], mem_value(c, window, c->off + (int32_t)(i * n), n), n);
	}
}

/* Deterministic full context for a case (same seed -> same TAP). */
void inputs_frame(const struct case_desc *c, uint64_t seed, const uint8_t *window, uint32_t len, struct frame *f)
{
	const struct form *fm = case_form(c);
	memset(f, 0, sizeof(*f));
	for (unsigned i = 0; i < 31; i++)
		f->x[i] = inputs_mix64(seed + i);
	f->sp = inputs_mix64(seed + 31) & ~0xfULL;
	for (unsigned i = 0; i < 32; i++) {
		f->v[i].lo = inputs_mix64(seed + 64 + 2 * i);
		f->v[i].hi = inputs_mix64(seed + 65 + 2 * i);
	}
	f->pstate = inputs_mix64(seed + SEED_PSTATE) & PSR_NZCV_MASK;
	/* FP control and status: non-zero, so a hypervisor that resets or loses
	 * them while it handles the V registers shows. */
	f->fpsr = (inputs_mix64(seed + SEED_FPSR) & FPSR_WRITABLE) | FPSR_QC;
	f->fpcr = (inputs_mix64(seed + SEED_FPCR) & FPCR_WRITABLE) | FPCR_DN;
	if (is_ldop(fm) && c->ops.rs < 31) {
		/* Positive at the access size, bit 0 set (memory: negative, bit 0 clear). */
		uint64_t top = 1ULL << (8 * fm->esize - 1);
		f->x[c->ops.rs] = (f->x[c->ops.rs] & ~top) | LOW_BIT;
	}
	if (c->variant == VAR_CAS_EQ)
		cas_equal(c, window, len, f);
}

void inputs_sve_pred(const struct case_desc *c, uint8_t *p, unsigned vl_bytes)
{
	const struct form *f = case_form(c);
	unsigned eb = SVE_VL_BYTES / (f->nelem ? f->nelem : 1), nel = vl_bytes / eb;
	memset(p, 0, vl_bytes / 8);
	for (unsigned e = 0; e < nel; e++) {
		int on = c->variant == VAR_PRED_HALF ? e < nel / 2
			 : c->variant == VAR_PRED_IRR ? (PRED_IRREGULAR >> (e % 16)) & 1
			 : 1;
		if (on)
			p[e * eb / 8] |= (uint8_t)(1u << (e * eb % 8));
	}
}
