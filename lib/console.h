#ifndef ISV_CONSOLE_H
#define ISV_CONSOLE_H
#include <stdint.h>
#include <stddef.h>

enum console_kind { CONSOLE_NONE, CONSOLE_PL011, CONSOLE_NS16550, CONSOLE_SEMIHOSTING, CONSOLE_VIRTIO };

struct console_desc {
	enum console_kind kind;
	uintptr_t base;
	unsigned reg_shift;      /* ns16550: register stride = 1 << reg_shift */
	unsigned io_width;       /* ns16550: 1 or 4 bytes */
	const char *compatible;  /* what the DTB said */
};

/* A virtio console that does not initialise leaves no console (NONE). */
void console_init(const struct console_desc *d);
const struct console_desc *console_current(void);
void console_write(const char *s, size_t n);      /* "\n" goes out as "\r\n" */
void console_write_raw(const char *s, size_t n);  /* bytes as they are */
void console_puts(const char *s);
#endif
