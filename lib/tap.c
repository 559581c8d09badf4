/* TAP emitter: version 13 header (Perl's TAP::Parser rejects 14; node-tap
 * reads both) with a stream that is also valid TAP 14. Each line goes out
 * on the wire chosen by the bootargs (docs/contracts.md "Console wire"). */
#include <stdio.h>
#include <string.h>
#include "tap.h"
#include "console.h"

#define TAP_LINE_MAX   200    /* a result line with a long id and its comment; < WIRE_PAYLOAD_MAX */
#define BLOCK_RAW_MAX  4096   /* a case's readable block (corrupt YAML ~1.5 KB) */

static enum wire_mode wire = WIRE_TAP;
static unsigned seq;                  /* frames sent, mod 256 on the wire */

/* Compact wire state */
static struct wire_mru mru;
static int capturing;
static char block[BLOCK_RAW_MAX];
static size_t block_len;
static int block_overflow;
static struct wire_tokens tokens;
static unsigned long case_n, next_n;   /* next_n: what the host expects next (0 = unknown) */
static unsigned long blocks_sent;

void tap_set_wire(enum wire_mode m) { wire = m; }
enum wire_mode tap_wire(void) { return wire; }

static void send_frame(const char *payload, size_t n)
{
	char f[WIRE_FRAME_MAX + 1];
	size_t l = wire_frame(f, seq++, payload, n);
	f[l++] = '\n';
	console_write_raw(f, l);
}

static void emit_line(const char *s, size_t n)
{
	if (wire == WIRE_TAP) {
		char buf[TAP_LINE_MAX + 2];
		memcpy(buf, s, n);
		buf[n++] = '\n';
		console_write(buf, n);
		return;
	}
	if (capturing && !block_overflow) {
		if (block_len + n + 1 <= sizeof(block)) {
			memcpy(block + block_len, s, n);
			block_len += n;
			block[block_len++] = '\n';
			return;
		}
		/* Too long for one block: what was captured goes out as lines. */
		block_overflow = 1;
		next_n = 0;
		for (size_t i = 0, b = 0; i < block_len; i++)
			if (block[i] == '\n') {
				send_frame(block + b, i - b);
				b = i + 1;
			}
	}
	send_frame(s, n);
}

void tap_vprintf(const char *fmt, va_list ap)
{
	char buf[TAP_LINE_MAX + 2];
	int n = vsnprintf(buf, TAP_LINE_MAX, fmt, ap);
	if (n < 0)
		n = 0;
	if (n >= TAP_LINE_MAX)
		n = TAP_LINE_MAX - 1;
	emit_line(buf, (size_t)n);
}

void tap_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_vprintf(fmt, ap);
	va_end(ap);
}

void tap_control(const char *fmt, ...)
{
	if (wire != WIRE_COMPACT)
		return;
	char buf[TAP_LINE_MAX + 2];
	buf[0] = WIRE_ESC;
	buf[1] = '!';
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + 2, TAP_LINE_MAX - 2, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if (n >= TAP_LINE_MAX - 2)
		n = TAP_LINE_MAX - 3;
	send_frame(buf, (size_t)n + 2);
}

void tap_case_begin(unsigned long n, const char *id, const struct case_desc *c, uint64_t va, uint64_t nc_va)
{
	if (wire != WIRE_COMPACT)
		return;
	if (blocks_sent && blocks_sent % WIRE_RESET_EVERY == 0) {
		/* Bounded damage: a lost frame desynchronises the host's table
		 * only until the next reset. */
		tap_control("r");
		wire_mru_reset(&mru);
	}
	if (n != next_n)
		tap_control("n %lu", n);
	case_n = n;
	wire_case_tokens(&tokens, n, id, c, va, nc_va);
	capturing = 1;
	block_len = 0;
	block_overflow = 0;
}

static void send_block(const char *w, size_t n)
{
	char p[WIRE_CHUNK_MAX + 2];
	int k = wire_mru_find(&mru, w, n);
	if (k >= 0) {
		p[0] = WIRE_ESC;
		p[1] = WIRE_MRU_ALPHABET[k];
		send_frame(p, 2);
		wire_mru_use(&mru, (unsigned)k);
		return;
	}
	for (size_t o = 0; o < n || !n;) {
		size_t l = n - o < WIRE_CHUNK_MAX ? n - o : WIRE_CHUNK_MAX;
		p[0] = WIRE_ESC;
		p[1] = o + l < n ? '&' : '+';
		memcpy(p + 2, w + o, l);
		send_frame(p, l + 2);
		o += l;
		if (!n)
			break;
	}
	wire_mru_add(&mru, w, n);
}

void tap_case_end(void)
{
	if (wire != WIRE_COMPACT || !capturing)
		return;
	capturing = 0;
	if (block_overflow)
		return;
	static char w[2 * BLOCK_RAW_MAX];
	size_t n = wire_template(block, block_len, &tokens, w, sizeof(w));
	if (!n && block_len) {
		/* Cannot happen with a 2x buffer; keep the lines anyway. */
		next_n = 0;
		for (size_t i = 0, b = 0; i < block_len; i++)
			if (block[i] == '\n') {
				send_frame(block + b, i - b);
				b = i + 1;
			}
		return;
	}
	send_block(w, n);
	blocks_sent++;
	next_n = case_n + 1;
}

void tap_header(void) { tap_printf("TAP version 13"); }
void tap_plan(unsigned long n) { tap_printf("1..%lu", n); }
void tap_bail(const char *reason) { tap_printf("Bail out! %s", reason); }
void tap_done(void) { tap_printf("# isvsuite: done"); }
