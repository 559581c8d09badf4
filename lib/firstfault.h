#ifndef ISV_FIRSTFAULT_H
#define ISV_FIRSTFAULT_H
/* The first-fault register after an SVE load (Arm ARM, LDFF1* pseudocode
 * and MemSingleNF). FFR and the governing predicate hold one bit per byte
 * of the vector; element e of eb bytes owns bits e*eb .. e*eb+eb-1 and is
 * active when bit e*eb of the predicate is set. */
#include <stdint.h>

/* The first active element whose FFR bits are not all set: from there on
 * FFR says a first-fault load stopped (VL / eb: it loaded every element). */
unsigned ffr_loaded(const uint8_t *ffr, const uint8_t *pred, unsigned vl, unsigned eb);

/* The first active element at or after e (VL / eb: none). */
unsigned ffr_next_active(const uint8_t *pred, unsigned vl, unsigned eb, unsigned e);

/* Is ffr a value LDFF1 may leave, from FFR all true? Over the active
 * elements it is true up to an active element after the first one and
 * false from there (or true throughout); kmax bounds that element: the
 * first later active element the CPU must not access (Device memory).
 * Inactive elements' bits are not judged: the pseudocode keeps them true
 * before that element, but QEMU TCG clears FFR from the element after the
 * first active one whether it is active or not (record_fault in
 * sve_helper.c), which no software reading FFR under the predicate sees. */
int ffr_ff_valid(const uint8_t *ffr, const uint8_t *pred, unsigned vl, unsigned eb, unsigned kmax);

/* FFR with its first k elements true, the rest false. */
void ffr_make(uint8_t *ffr, unsigned vl, unsigned eb, unsigned k);
#endif
