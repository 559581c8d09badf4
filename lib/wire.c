/* The console wire, both ends: frames (sequence + length + CRC-16 around
 * one printable line) and compact case blocks (a case's readable block
 * with the strings the host can compute replaced by tokens, sent once and
 * then named by its index in a move-to-front table both sides keep). */
#include <stdio.h>
#include <string.h>
#include "wire.h"
#include "matrix.h"
#include "encode.h"

#define CRC16_POLY   0x1021u   /* CRC-16/CCITT-FALSE: poly 0x1021, init 0xffff */
#define CRC16_TOP    0x8000u
#define HEX_DIGITS   "0123456789abcdef"
#define NIBBLE_BITS  4
#define NIBBLE_MASK  0xfu
#define PRINT_FIRST  0x20
#define PRINT_LAST   0x7e
#define FNV_PRIME    0x100000001b3ULL
#define ESC_NEWLINE  '/'
#define ESC_RAWBYTE  '%'       /* `%HH: a byte outside printable ASCII */
#define ESC_RAW_LEN  4

uint16_t wire_crc16(uint16_t crc, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		crc ^= (uint16_t)((uint8_t)s[i] << 8);
		for (int b = 0; b < 8; b++)
			crc = (uint16_t)(crc & CRC16_TOP ? ((unsigned)crc << 1) ^ CRC16_POLY : (unsigned)crc << 1);
	}
	return crc;
}

static void put_hex(char *out, unsigned v, unsigned digits)
{
	for (unsigned i = 0; i < digits; i++)
		out[i] = HEX_DIGITS[(v >> (NIBBLE_BITS * (digits - 1 - i))) & NIBBLE_MASK];
}

static int get_hex(const char *s, unsigned digits, unsigned *v)
{
	unsigned r = 0;
	for (unsigned i = 0; i < digits; i++) {
		const char *p = s[i] ? strchr(HEX_DIGITS, s[i]) : NULL;
		if (!p)
			return -1;
		r = r << NIBBLE_BITS | (unsigned)(p - HEX_DIGITS);
	}
	*v = r;
	return 0;
}

size_t wire_frame(char *out, unsigned seq, const char *payload, size_t n)
{
	out[0] = WIRE_OPEN;
	put_hex(out + 1, seq % WIRE_SEQ_MOD, WIRE_SEQ_DIGITS);
	put_hex(out + 1 + WIRE_SEQ_DIGITS, (unsigned)n, WIRE_LEN_DIGITS);
	uint16_t crc = wire_crc16(WIRE_CRC_INIT, out + 1, WIRE_SEQ_DIGITS + WIRE_LEN_DIGITS);
	crc = wire_crc16(crc, payload, n);
	put_hex(out + 1 + WIRE_SEQ_DIGITS + WIRE_LEN_DIGITS, crc, WIRE_CRC_DIGITS);
	memcpy(out + WIRE_HDR_LEN, payload, n);
	out[WIRE_HDR_LEN + n] = WIRE_CLOSE;
	return WIRE_HDR_LEN + n + 1;
}

int wire_parse(const char *s, size_t n, unsigned *seq, const char **payload, size_t *plen)
{
	if (!n || s[0] != WIRE_OPEN)
		return -1;
	/* Header digits seen so far must be hex. */
	for (size_t i = 1; i < n && i < WIRE_HDR_LEN; i++)
		if (!strchr(HEX_DIGITS, s[i]) || !s[i])
			return -1;
	if (n < WIRE_HDR_LEN)
		return 0;
	unsigned sq = 0, len = 0, crc = 0;
	get_hex(s + 1, WIRE_SEQ_DIGITS, &sq);
	get_hex(s + 1 + WIRE_SEQ_DIGITS, WIRE_LEN_DIGITS, &len);
	get_hex(s + 1 + WIRE_SEQ_DIGITS + WIRE_LEN_DIGITS, WIRE_CRC_DIGITS, &crc);
	size_t total = WIRE_HDR_LEN + len + 1;
	for (size_t i = WIRE_HDR_LEN; i < n && i < total - 1; i++)
		if ((uint8_t)s[i] < PRINT_FIRST || (uint8_t)s[i] > PRINT_LAST)
			return -1;
	if (n < total)
		return 0;
	if (s[total - 1] != WIRE_CLOSE)
		return -1;
	uint16_t c = wire_crc16(WIRE_CRC_INIT, s + 1, WIRE_SEQ_DIGITS + WIRE_LEN_DIGITS);
	if (wire_crc16(c, s + WIRE_HDR_LEN, len) != crc)
		return -1;
	*seq = sq;
	*payload = s + WIRE_HDR_LEN;
	*plen = len;
	return (int)total;
}

void wire_case_tokens(struct wire_tokens *tk, unsigned long n, const char *id, const struct case_desc *c,
		      uint64_t va, uint64_t nc_va)
{
	uint32_t insn = 0;
	encode(case_form(c), &c->ops, &insn);
	snprintf(tk->s[TK_N], WIRE_TOKEN_MAX, "%lu", n);
	snprintf(tk->s[TK_ID], WIRE_TOKEN_MAX, "%s", id);
	snprintf(tk->s[TK_INSN], WIRE_TOKEN_MAX, "0x%08x", (unsigned)insn);
	format_asm(case_form(c), &c->ops, tk->s[TK_ASM], WIRE_TOKEN_MAX);
	snprintf(tk->s[TK_FAR], WIRE_TOKEN_MAX, "0x%llx", (unsigned long long)(va + (uint64_t)(int64_t)c->off));
	snprintf(tk->s[TK_FAR_NC], WIRE_TOKEN_MAX, "0x%llx",
		 (unsigned long long)(nc_va + (uint64_t)(int64_t)c->off));
	snprintf(tk->s[TK_WIN], WIRE_TOKEN_MAX, "0x%llx", (unsigned long long)va);
	snprintf(tk->s[TK_WIN_NC], WIRE_TOKEN_MAX, "0x%llx", (unsigned long long)nc_va);
}

static int alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The longest token whose string stands at text[i] as a whole word. */
static int token_at(const char *text, size_t n, size_t i, const struct wire_tokens *tk, size_t *len)
{
	int best = -1;
	size_t bl = 0;
	if (i && alnum(text[i - 1]))
		return -1;
	for (int k = 0; k < TK_COUNT; k++) {
		size_t l = strlen(tk->s[k]);
		if (l <= bl || i + l > n || memcmp(text + i, tk->s[k], l) || (i + l < n && alnum(text[i + l])))
			continue;
		best = k;
		bl = l;
	}
	*len = bl;
	return best;
}

size_t wire_template(const char *text, size_t n, const struct wire_tokens *tk, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t tl;
		int k = token_at(text, n, i, tk, &tl);
		char esc[ESC_RAW_LEN];
		size_t el = 2;
		esc[0] = WIRE_ESC;
		if (k >= 0) {
			esc[1] = WIRE_TOKEN_LETTERS[k];
			i += tl;
		} else {
			char ch = text[i++];
			if (ch == WIRE_ESC)
				esc[1] = WIRE_ESC;
			else if (ch == '\n')
				esc[1] = ESC_NEWLINE;
			else if ((uint8_t)ch < PRINT_FIRST || (uint8_t)ch > PRINT_LAST) {
				esc[1] = ESC_RAWBYTE;
				put_hex(esc + 2, (uint8_t)ch, 2);
				el = ESC_RAW_LEN;
			} else {
				esc[0] = ch;
				el = 1;
			}
		}
		if (o + el > cap)
			return 0;
		memcpy(out + o, esc, el);
		o += el;
	}
	return o;
}

int wire_expand(const char *w, size_t n, const struct wire_tokens *tk, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		const char *s = w + i;
		size_t l = 1;
		char raw;
		i++;
		if (*s == WIRE_ESC) {
			if (i >= n)
				return -1;
			char e = w[i++];
			const char *tl = strchr(WIRE_TOKEN_LETTERS, e);
			if (e == WIRE_ESC) {
				s = "`";
			} else if (e == ESC_NEWLINE) {
				s = "\n";
			} else if (e == ESC_RAWBYTE) {
				unsigned v;
				if (i + 2 > n || get_hex(w + i, 2, &v))
					return -1;
				raw = (char)v;
				s = &raw;
				i += 2;
			} else if (tl && e) {
				s = tk->s[tl - WIRE_TOKEN_LETTERS];
				l = strlen(s);
			} else {
				return -1;
			}
		}
		if (o + l > cap)
			return -1;
		memcpy(out + o, s, l);
		o += l;
	}
	return (int)o;
}

void wire_mru_reset(struct wire_mru *m) { m->n = 0; }

int wire_mru_find(const struct wire_mru *m, const char *s, size_t n)
{
	for (unsigned k = 0; k < m->n; k++)
		if (m->len[k] == n && !memcmp(m->text[k], s, n))
			return (int)k;
	return -1;
}

static void mru_shift(struct wire_mru *m, unsigned k, const char *s, size_t n)
{
	/* Entries 0..k-1 move down one; s goes to the front. */
	for (unsigned j = k; j > 0; j--) {
		m->len[j] = m->len[j - 1];
		memcpy(m->text[j], m->text[j - 1], m->len[j - 1]);
	}
	m->len[0] = (uint16_t)n;
	memcpy(m->text[0], s, n);
}

void wire_mru_use(struct wire_mru *m, unsigned k)
{
	char tmp[WIRE_MRU_ENTRY_MAX];
	size_t n = m->len[k];
	memcpy(tmp, m->text[k], n);
	mru_shift(m, k, tmp, n);
}

void wire_mru_add(struct wire_mru *m, const char *s, size_t n)
{
	if (n > WIRE_MRU_ENTRY_MAX)
		return;
	if (m->n < WIRE_MRU_SIZE)
		m->n++;
	mru_shift(m, m->n - 1, s, n);
}

uint64_t wire_fp_add(uint64_t h, const char *id, uint32_t insn)
{
	char line[WIRE_TOKEN_MAX + 16];
	snprintf(line, sizeof(line), "%s %08x\n", id, (unsigned)insn);
	for (const char *p = line; *p; p++)
		h = (h ^ (uint8_t)*p) * FNV_PRIME;
	return h;
}
