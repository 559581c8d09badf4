/* Console drivers: PL011 / arm,sbsa-uart, ns16550 (reg-shift, reg-io-width),
 * a virtio console on virtio-mmio (lib/virtio_console.c, only when
 * stdout-path names it) and Arm semihosting as a fallback. Every register access is an ISV=1-safe
 * accessor from mmio.h. Output is line-buffered so a whole line goes out in
 * one burst (Xen's vpl011 prints a guest line when it sees the newline),
 * and a UART whose FIFO is empty is filled without re-reading its flags. */
#include "console.h"
#include "mmio.h"
#include "virtio_console.h"

/* PL011 / SBSA UART */
#define PL011_DR        0x00
#define PL011_FR        0x18
#define PL011_FR_TXFF   (1u << 5)
#define PL011_FR_TXFE   (1u << 7)
#define PL011_FIFO_DEPTH 16
/* NS16550 */
#define NS16550_THR     0
#define NS16550_LSR     5
#define NS16550_LSR_THRE (1u << 5)
#define NS16550_IIR     2
#define NS16550_IIR_FIFO_MASK 0xc0u  /* 16550A: both bits set = FIFOs enabled */
#define NS16550_FIFO_DEPTH 16
/* Semihosting (A64: HLT #0xF000) */
#define SEMIHOST_SYS_WRITE0 0x04
#define SEMIHOST_HLT_IMM    0xf000
/* Bounded wait for a full FIFO: a broken UART must not hang the suite. */
#define TX_SPIN_LIMIT   1000000

static struct console_desc con;
static unsigned ns16550_fifo = 1;   /* bytes per LSR.THRE */

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

/* How many bytes the UART takes now without another flag read: a whole
 * FIFO when it says it is empty, one byte when it only says "not full".
 * (Xen's in-hypervisor vpl011 backend clears TXFE on the first write and
 * never sets it again, nor TXFF: it gets one byte per FR read, as before;
 * QEMU's PL011 keeps TXFE set and takes 16 bytes per FR read.) */
static unsigned uart_room(void)
{
	uint32_t f;
	switch (con.kind) {
	case CONSOLE_PL011:
		f = mmio_read32(con.base + PL011_FR);
		return f & PL011_FR_TXFE ? PL011_FIFO_DEPTH : f & PL011_FR_TXFF ? 0 : 1;
	case CONSOLE_NS16550:
		return ns16550_read(NS16550_LSR) & NS16550_LSR_THRE ? ns16550_fifo : 0;
	default:
		return 1;
	}
}

static void uart_put(char c)
{
	if (con.kind == CONSOLE_PL011)
		mmio_write32(con.base + PL011_DR, (uint8_t)c);
	else if (con.kind == CONSOLE_NS16550)
		ns16550_write(NS16550_THR, (uint8_t)c);
}

static void uart_write(const char *s, size_t n, int crlf)
{
	unsigned room = 0;
	int cr_due = 1;   /* the '\r' before this '\n' is still to be sent */
	for (size_t i = 0; i < n;) {
		for (unsigned spin = 0; !room && spin < TX_SPIN_LIMIT; spin++)
			room = uart_room();
		if (!room)
			room = 1;   /* a broken UART must not hang the suite */
		if (crlf && s[i] == '\n' && cr_due) {
			uart_put('\r');
			cr_due = 0;
		} else {
			uart_put(s[i++]);
			cr_due = 1;
		}
		room--;
	}
}

void console_init(const struct console_desc *d)
{
	con = *d;
	ns16550_fifo = 1;
	if (con.kind == CONSOLE_VIRTIO && virtio_console_init(con.base))
		con.kind = CONSOLE_NONE;
	/* THRE means "the FIFO is empty" only with FIFOs enabled (IIR 7:6). */
	if (con.kind == CONSOLE_NS16550 &&
	    (ns16550_read(NS16550_IIR) & NS16550_IIR_FIFO_MASK) == NS16550_IIR_FIFO_MASK)
		ns16550_fifo = NS16550_FIFO_DEPTH;
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
	if (con.kind == CONSOLE_SEMIHOSTING)
		semihost_write(s, n);
	else if (con.kind == CONSOLE_VIRTIO)
		virtio_console_write(s, n, 1);
	else
		uart_write(s, n, 1);
}

void console_write_raw(const char *s, size_t n)
{
	if (con.kind == CONSOLE_SEMIHOSTING)
		semihost_write(s, n);
	else if (con.kind == CONSOLE_VIRTIO)
		virtio_console_write(s, n, 0);
	else
		uart_write(s, n, 0);
}

void console_puts(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	console_write(s, n);
}
