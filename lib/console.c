/* Console drivers: PL011 / arm,sbsa-uart, ns16550 (reg-shift, reg-io-width),
 * and Arm semihosting as a fallback. Every register access is an ISV=1-safe
 * accessor from mmio.h. Output is line-buffered so a whole line goes out in
 * one burst (Xen's vpl011 prints a guest line when it sees the newline). */
#include "console.h"
#include "mmio.h"

/* PL011 / SBSA UART */
#define PL011_DR        0x00
#define PL011_FR        0x18
#define PL011_FR_TXFF   (1u << 5)
/* NS16550 */
#define NS16550_THR     0
#define NS16550_LSR     5
#define NS16550_LSR_THRE (1u << 5)
/* Semihosting (A64: HLT #0xF000) */
#define SEMIHOST_SYS_WRITE0 0x04
#define SEMIHOST_HLT_IMM    0xf000
/* Bounded wait for a full FIFO: a broken UART must not hang the suite. */
#define TX_SPIN_LIMIT   1000000

static struct console_desc con;

static void semihost_write0(const char *s)
{
	register uint64_t op __asm__("x0") = SEMIHOST_SYS_WRITE0;
	register const char *arg __asm__("x1") = s;
	__asm__ volatile("hlt %2" : "+r"(op) : "r"(arg), "i"(SEMIHOST_HLT_IMM) : "memory");
}

static uint32_t ns16550_read(unsigned reg)
{
	uintptr_t a = con.base + ((uintptr_t)reg << con.reg_shift);
	return con.io_width == 4 ? mmio_read32(a) : mmio_read8(a);
}

static void ns16550_write(unsigned reg, uint32_t v)
{
	uintptr_t a = con.base + ((uintptr_t)reg << con.reg_shift);
	if (con.io_width == 4)
		mmio_write32(a, v);
	else
		mmio_write8(a, (uint8_t)v);
}

static void uart_putc(char c)
{
	unsigned spin = 0;
	switch (con.kind) {
	case CONSOLE_PL011:
		while ((mmio_read32(con.base + PL011_FR) & PL011_FR_TXFF) && spin++ < TX_SPIN_LIMIT)
			;
		mmio_write32(con.base + PL011_DR, (uint8_t)c);
		break;
	case CONSOLE_NS16550:
		while (!(ns16550_read(NS16550_LSR) & NS16550_LSR_THRE) && spin++ < TX_SPIN_LIMIT)
			;
		ns16550_write(NS16550_THR, (uint8_t)c);
		break;
	default:
		break;
	}
}

void console_init(const struct console_desc *d)
{
	con = *d;
}

const struct console_desc *console_current(void)
{
	return &con;
}

/* Semihosting wants NUL-terminated chunks. */
static void semihost_write(const char *s, size_t n)
{
	char buf[128];
	while (n) {
		size_t k = n < sizeof(buf) - 1 ? n : sizeof(buf) - 1;
		for (size_t i = 0; i < k; i++)
			buf[i] = s[i];
		buf[k] = 0;
		semihost_write0(buf);
		s += k;
		n -= k;
	}
}

void console_write(const char *s, size_t n)
{
	if (con.kind == CONSOLE_SEMIHOSTING) {
		semihost_write(s, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
}

void console_puts(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	console_write(s, n);
}
