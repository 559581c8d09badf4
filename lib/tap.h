#ifndef ISV_TAP_H
#define ISV_TAP_H
#include <stdarg.h>

/* Every line the ROM prints goes through here (one line per call, < 110
 * characters: Xen splits longer guest lines). */
void tap_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tap_vprintf(const char *fmt, va_list ap);
void tap_header(void);
void tap_plan(unsigned long n);
void tap_bail(const char *reason);
void tap_done(void);
#endif
