/* The ROM's end of picolibc's abort()/assert paths: the run ends visibly
 * (stdio and getpid/kill are lib/stdio_glue.c, shared with refhyp). */
#include "tap.h"

void _exit(int status) __attribute__((noreturn));
void _exit(int status)
{
	tap_printf("Bail out! libc exit(%d) (abort or assertion in the ROM)", status);
	tap_done();
	for (;;)
		__asm__ volatile("wfi");
}
