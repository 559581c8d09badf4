/* TAP emitter: version 13 header (Perl's TAP::Parser rejects 14; node-tap
 * reads both) with a stream that is also valid TAP 14. */
#include <stdio.h>
#include "tap.h"
#include "console.h"

#define TAP_LINE_MAX 112

void tap_vprintf(const char *fmt, va_list ap)
{
	char buf[TAP_LINE_MAX + 2];
	int n = vsnprintf(buf, TAP_LINE_MAX, fmt, ap);
	if (n < 0)
		n = 0;
	if (n >= TAP_LINE_MAX)
		n = TAP_LINE_MAX - 1;
	buf[n++] = '\n';
	console_write(buf, (size_t)n);
}

void tap_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_vprintf(fmt, ap);
	va_end(ap);
}

void tap_header(void) { tap_printf("TAP version 13"); }
void tap_plan(unsigned long n) { tap_printf("1..%lu", n); }
void tap_bail(const char *reason) { tap_printf("Bail out! %s", reason); }
void tap_done(void) { tap_printf("# isvsuite: done"); }
