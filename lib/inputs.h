/* Case inputs: the bytes a case finds in its window and the register
 * context it starts from. One room for "what data does a case see", so the
 * judge (lib/judge.c) only moves bytes and compares states.
 *
 * Contract (judge_case order):
 *   1. inputs_window(c, seed, want, len): the window content this case wants
 *      (case-unique, non-uniform; the judge writes it to the target with
 *      ISV=1 stores under the probe's write mask, reads it back into the
 *      mirror and seeds the shadow from that). inputs_lead(): the same for
 *      the RAM page before the window (the -cross lead-in), both sides.
 *   2. inputs_frame(c, seed, window, len, f): the full register context,
 *      knowing what the window really holds (window = the mirror after the
 *      refill), e.g. so a CAS compare value can equal memory.
 *   3. the judge then sets the address registers (base, index) itself.
 * Everything depends on the case and its seed only, never on an earlier
 * case. Host-compilable: no ROM-only headers. */
#ifndef ISV_INPUTS_H
#define ISV_INPUTS_H
#include <stdint.h>
#include "frame.h"
#include "matrix.h"

void inputs_window(const struct case_desc *c, uint64_t seed, uint8_t *want, uint32_t len);
/* The lead-in page: page[i] is the byte at window offset i - len. */
void inputs_lead(const struct case_desc *c, uint64_t seed, uint8_t *page, uint32_t len);
void inputs_frame(const struct case_desc *c, uint64_t seed, const uint8_t *window, uint32_t len, struct frame *f);
/* SVE: p0 for the case (vl_bytes / 8 bytes, one bit per vector byte, bit
 * e * esize set for an active element e), from its predicate variant. */
#define INPUTS_SVE_PRED_MAX 32     /* 2048-bit vectors */
void inputs_sve_pred(const struct case_desc *c, uint8_t *p, unsigned vl_bytes);
uint64_t inputs_mix64(uint64_t x);
#endif
