#ifndef ISV_TAP_H
#define ISV_TAP_H
#include <stdarg.h>
#include <stdint.h>
#include "wire.h"

/* Every line the ROM prints goes through here (one line per call, < 110
 * characters: Xen splits longer guest lines). How it travels is the wire
 * (bootarg wire=): readable, framed, or framed + compact case blocks. */
void tap_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tap_vprintf(const char *fmt, va_list ap);
void tap_header(void);
void tap_plan(unsigned long n);
void tap_bail(const char *reason);
void tap_done(void);

void tap_set_wire(enum wire_mode m);
enum wire_mode tap_wire(void);
/* Compact wire only: a control payload (`!...), framed as is. */
void tap_control(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The lines printed between these two are case n's readable block
 * (result line + YAML); on the compact wire they travel as one block. */
struct case_desc;
void tap_case_begin(unsigned long n, const char *id, const struct case_desc *c, uint64_t va, uint64_t nc_va);
void tap_case_end(void);
#endif
