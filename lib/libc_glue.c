/* The few hooks picolibc needs on bare metal: stdio through our console,
 * and _exit/kill/getpid for abort() paths (which end the run visibly). */
#include <stdio.h>
#include <sys/types.h>
#include "console.h"
#include "tap.h"

static int glue_putc(char c, FILE *f)
{
	(void)f;
	console_write(&c, 1);
	return (unsigned char)c;
}

static FILE glue_stdout = FDEV_SETUP_STREAM(glue_putc, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &glue_stdout;
FILE *const stderr = &glue_stdout;

void _exit(int status) __attribute__((noreturn));
void _exit(int status)
{
	tap_printf("Bail out! libc exit(%d) (abort or assertion in the ROM)", status);
	tap_done();
	for (;;)
		__asm__ volatile("wfi");
}

pid_t getpid(void);
pid_t getpid(void) { return 1; }
int kill(pid_t pid, int sig);
int kill(pid_t pid, int sig)
{
	(void)pid;
	_exit(128 + sig);
}
