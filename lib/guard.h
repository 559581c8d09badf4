#ifndef ISV_GUARD_H
#define ISV_GUARD_H
#include <stdint.h>
/* Guarded ISV=1 accesses for the harness's own target reads/writes (probe,
 * read-back): an exception they cause is recorded and skipped instead of
 * killing the run. Returns 0, or -1 with *esr set. */
int guarded_read(uintptr_t a, unsigned bytes, uint64_t *val, uint64_t *esr);
int guarded_write(uintptr_t a, unsigned bytes, uint64_t val, uint64_t *esr);
/* Take a pending SError now (if any): returns 1 and its ESR if one came. */
int serror_flush(uint64_t *esr);
extern volatile int semihosting_probe;
extern volatile int semihosting_failed;
#endif
