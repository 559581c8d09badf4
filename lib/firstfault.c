/* The first-fault register: what an SVE first-fault load may leave in it.
 * From the Arm ARM's LDFF1* pseudocode: the first active element is read
 * with Mem[] (a fault is taken); each later active element with
 * MemNF[], which may decline the access for any reason and must decline it
 * for Device memory ("Non-fault load from Device memory must not be
 * performed externally"); from the first declined element on, every FFR
 * element (active or not) is set false and the destination elements are
 * CONSTRAINED UNPREDICTABLE. Inactive elements never decline. */
#include "firstfault.h"

static int bit(const uint8_t *p, unsigned i) { return (p[i / 8] >> (i % 8)) & 1; }

static int all_set(const uint8_t *p, unsigned e, unsigned eb)
{
	for (unsigned b = 0; b < eb; b++)
		if (!bit(p, e * eb + b))
			return 0;
	return 1;
}

static int any_set(const uint8_t *p, unsigned e, unsigned eb)
{
	for (unsigned b = 0; b < eb; b++)
		if (bit(p, e * eb + b))
			return 1;
	return 0;
}

unsigned ffr_loaded(const uint8_t *ffr, const uint8_t *pred, unsigned vl, unsigned eb)
{
	unsigned n = vl / eb, e = ffr_next_active(pred, vl, eb, 0);
	while (e < n && all_set(ffr, e, eb))
		e = ffr_next_active(pred, vl, eb, e + 1);
	return e < n ? e : n;
}

unsigned ffr_next_active(const uint8_t *pred, unsigned vl, unsigned eb, unsigned e)
{
	unsigned n = vl / eb;
	while (e < n && !bit(pred, e * eb))
		e++;
	return e;
}

int ffr_ff_valid(const uint8_t *ffr, const uint8_t *pred, unsigned vl, unsigned eb, unsigned kmax)
{
	unsigned n = vl / eb, k = ffr_loaded(ffr, pred, vl, eb);
	if (k > kmax || (k < n && k == ffr_next_active(pred, vl, eb, 0)))
		return 0;   /* an element that must not be accessed counted as loaded, or the first not */
	for (unsigned e = k; e < n; e = ffr_next_active(pred, vl, eb, e + 1))
		if (any_set(ffr, e, eb))
			return 0;   /* not a prefix: true again after a false active element */
	return 1;
}

void ffr_make(uint8_t *ffr, unsigned vl, unsigned eb, unsigned k)
{
	for (unsigned i = 0; i < vl / 8; i++)
		ffr[i] = 0;
	for (unsigned i = 0; i < k * eb && i < vl; i++)
		ffr[i / 8] |= (uint8_t)(1u << (i % 8));
}
