/* Case inputs (lib/inputs.h): window bytes and register context. */
#include <string.h>
#include "inputs.h"
#include "sysreg.h"

uint64_t inputs_mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Stub (to be replaced): one pseudo-random byte per offset, top bit set. */
void inputs_window(const struct case_desc *c, uint64_t seed, uint8_t *want, uint32_t len)
{
	(void)c;
	for (uint32_t i = 0; i < len; i++)
		want[i] = (uint8_t)(inputs_mix64(seed ^ (0x1000 + i)) | 0x80);
}

/* Deterministic full context for a case (same seed -> same TAP). */
void inputs_frame(const struct case_desc *c, uint64_t seed, const uint8_t *window, uint32_t len, struct frame *f)
{
	(void)c;
	(void)window;
	(void)len;
	memset(f, 0, sizeof(*f));
	for (unsigned i = 0; i < 31; i++)
		f->x[i] = inputs_mix64(seed + i);
	f->sp = inputs_mix64(seed + 31) & ~0xfULL;
	for (unsigned i = 0; i < 32; i++) {
		f->v[i].lo = inputs_mix64(seed + 64 + 2 * i);
		f->v[i].hi = inputs_mix64(seed + 65 + 2 * i);
	}
	f->pstate = inputs_mix64(seed + 200) & PSR_NZCV_MASK;
}
