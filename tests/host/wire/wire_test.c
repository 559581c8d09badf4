/* Host unit test of the console wire's framing (lib/wire.c) and of
 * isvwire's decoder (tools/host/decode.c), driven by a seed:
 *
 *   wire_test SEEDS      runs seeds 1..SEEDS, prints TAP, exit 1 on a failure
 *
 * Per seed: ROM-like lines (TAP, YAML with braces and backticks, up to 111
 * characters) are framed as the ROM frames them, then the console is made
 * hostile the way VMMs do: a line prefix, ANSI colour, CR and NUL bytes,
 * lines split at random lengths (the prefix repeated on the rest), noise
 * lines between (fake TAP results, fake and damaged frames), and on some
 * seeds real damage (a byte of a frame changed, a frame lost, the console
 * cut in the middle of a frame). The decoder's ROM lines must be the
 * original lines in order, none changed, none duplicated; without damage,
 * all of them and no @@wire line; with damage, every missing line must be
 * reported (@@wire gap / bad-frame / truncated). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "wire.h"

#define LINES_MAX   160
#define LINE_LEN    112
#define OUT_MAX     (1 << 20)

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return n ? (unsigned)((rng >> 33) % n) : 0;
}

static const char *const samples[] = {
	"ok 12 - pass gicd/ldst-imm/ldr-w-off/rt2-rn1-imm+0",
	"not ok 13 - abort hole/ldst-imm/ldr-w-pre/rt2-rn1-imm+4 # TODO abort, misrouted",
	"  esr_fields: {ISV: 0, EA: 0, WnR: 1, DFSC: 0x10}",
	"  - {item: x2, expected: 0xffffffd4, got: 0xffffffffffffffd4}",
	"  insn: 0x78c02422  # ldrsh w2, [x1], #2",
	"# target gicd writes: w8:ok w16:inconsistent w32:ok w64:inconsistent; bytes writable 64",
	"a `backtick` and {braces} and }{ and {00 and }",
	"",
	"  ...",
};

static void make_line(char *buf, unsigned i)
{
	const char *s = samples[rnd(sizeof(samples) / sizeof(samples[0]))];
	int n = snprintf(buf, LINE_LEN, "%s", s);
	/* vary the length up to the ROM's maximum (111 characters) */
	unsigned extra = rnd(4) ? 0 : rnd(LINE_LEN - 1 - (unsigned)n);
	for (unsigned k = 0; k < extra; k++)
		buf[n + (int)k] = (char)(' ' + (k + i) % ('~' - ' '));
	buf[n + (int)extra] = 0;
	if (buf[0] == WIRE_ESC)
		buf[0] = ' ';   /* a readable line never starts with the compact escape */
}

struct sink { char *p; size_t n, cap; };
static void put(struct sink *s, const char *p, size_t n)
{
	if (s->n + n > s->cap)
		return;
	memcpy(s->p + s->n, p, n);
	s->n += n;
}
static void puts_(struct sink *s, const char *p) { put(s, p, strlen(p)); }

static const char *const prefixes[] = { "", "(XEN) DOM1: ", "[vmm] ", "\x1b[32m" };

/* One hostile console line holding text t (which may be a split piece). */
static void emit_piece(struct sink *s, const char *prefix, const char *t, size_t n, int ansi)
{
	puts_(s, prefix);
	if (ansi)
		puts_(s, "\x1b[1;33m");
	for (size_t i = 0; i < n; i++) {
		put(s, t + i, 1);
		if (!rnd(40))
			put(s, rnd(2) ? "\r" : "", 1);   /* CR, or NUL (the terminating 0) */
	}
	if (ansi)
		puts_(s, "\x1b[0m");
	puts_(s, rnd(2) ? "\r\n" : "\n");
}

static const char *const noise[] = {
	"ok 11 - pass x/y",
	"[vmm] ok 12 - pass gicd/ldst-imm/ldr-w-off/rt2-rn1-imm+0",
	"{00112233fake frame}",
	"{0a05ffffhello}",
	"(XEN) d1v0 Unable to decode instruction",
	"{",
	"}",
};

static void emit_noise(struct sink *s, const char *prefix)
{
	const char *t = noise[rnd(sizeof(noise) / sizeof(noise[0]))];
	emit_piece(s, prefix, t, strlen(t), 0);
}

static int run_seed(unsigned seed, char *why, size_t whylen)
{
	static char lines[LINES_MAX][LINE_LEN];
	static char console[OUT_MAX], out[OUT_MAX];
	struct sink con = { console, 0, sizeof(console) };
	rng = seed;
	unsigned nl = 20 + rnd(LINES_MAX - 20);
	int damage = seed % 4 == 0;          /* every fourth seed damages the console */
	unsigned damaged = 0;
	const char *prefix = prefixes[rnd(sizeof(prefixes) / sizeof(prefixes[0]))];
	int ansi = rnd(2);
	for (unsigned i = 0; i < nl; i++) {
		make_line(lines[i], i);
		char f[WIRE_FRAME_MAX];
		size_t fl = wire_frame(f, i, lines[i], strlen(lines[i]));
		if (damage && !rnd(25)) {
			damaged++;
			if (rnd(2))
				continue;                        /* frame lost */
			f[WIRE_HDR_LEN + rnd((unsigned)(fl - WIRE_HDR_LEN - 1))] ^= 0x01;  /* a payload bit flips */
		}
		if (!rnd(6))
			emit_noise(&con, prefix);
		/* split into 1-3 pieces at random lengths */
		size_t at = 0;
		unsigned pieces = rnd(3) ? 1 : 2 + rnd(2);
		for (unsigned p = 0; p < pieces; p++) {
			size_t l = p + 1 == pieces ? fl - at : rnd((unsigned)(fl - at));
			emit_piece(&con, prefix, f + at, l, ansi);
			if (p + 1 < pieces && !rnd(8))
				emit_noise(&con, prefix);   /* another writer between the pieces */
			at += l;
		}
	}
	int cut = 0;
	if (damage && rnd(2)) {
		/* death in the middle of a last frame */
		cut = 1;
		char f[WIRE_FRAME_MAX];
		size_t fl = wire_frame(f, nl, "ok 999 - pass cut/off", 21);
		put(&con, f, fl / 2);
		damaged++;
	}
	if (getenv("WIRE_DUMP") && (unsigned)atoi(getenv("WIRE_DUMP")) == seed) {
		FILE *df = fopen("wire_dump.console", "w");
		if (df) {
			fwrite(console, 1, con.n, df);
			fclose(df);
		}
	}
	FILE *in = fmemopen(console, con.n, "r");
	FILE *o = fmemopen(out, sizeof(out) - 1, "w");
	decode_stream(in, o, 0, 0, NULL);
	long olen = ftell(o);
	fclose(o);
	fclose(in);
	out[olen < 0 ? 0 : olen] = 0;
	/* Compare */
	unsigned next = 0, reported = 0, got = 0, losses = 0;
	for (char *l = out, *e; *l; l = e + 1) {
		e = strchr(l, '\n');
		if (!e)
			break;
		*e = 0;
		if (!strncmp(l, "@@wire ", 7)) {
			reported++;
			losses += !strncmp(l, "@@wire gap", 10) || !strncmp(l, "@@wire truncated", 16) || !strncmp(l, "@@wire dup", 10);
			continue;
		}
		unsigned k = next;
		while (k < nl && strcmp(lines[k], l))
			k++;
		if (k == nl) {
			snprintf(why, whylen, "line not in the original (or out of order): '%.60s'", l);
			return 0;
		}
		if (k != next && !damage) {
			snprintf(why, whylen, "lines %u..%u lost without damage", next, k - 1);
			return 0;
		}
		got++;
		next = k + 1;
	}
	if (!damage && (got != nl || losses)) {
		snprintf(why, whylen, "no damage, but %u of %u lines, %u loss reports", got, nl, losses);
		return 0;
	}
	if (damage && got < nl && !reported && !(cut && got == next)) {
		snprintf(why, whylen, "%u lines missing, nothing reported", nl - got);
		return 0;
	}
	if (got + damaged < nl) {
		snprintf(why, whylen, "%u lines missing, only %u damaged", nl - got, damaged);
		return 0;
	}
	return 1;
}

/* Fixed checks of the frame format itself. */
static int format_checks(char *why, size_t whylen)
{
	char f[WIRE_FRAME_MAX];
	size_t n = wire_frame(f, 0x1ff, "TAP version 13", 14);
	unsigned seq;
	const char *p;
	size_t pl;
	/* CRC-16/CCITT-FALSE check value: "123456789" -> 0x29b1 */
	if (wire_crc16(WIRE_CRC_INIT, "123456789", 9) != 0x29b1)
		return snprintf(why, whylen, "CRC-16/CCITT-FALSE check value"), 0;
	if (n != WIRE_HDR_LEN + 14 + 1 || memcmp(f, "{ff0e", 5) || f[n - 1] != '}')
		return snprintf(why, whylen, "frame layout '%.*s'", (int)n, f), 0;
	if (wire_parse(f, n, &seq, &p, &pl) != (int)n || seq != 0xff || pl != 14 || memcmp(p, "TAP version 13", 14))
		return snprintf(why, whylen, "parse of a good frame"), 0;
	if (wire_parse(f, n - 3, &seq, &p, &pl) != 0)
		return snprintf(why, whylen, "a cut frame must need more"), 0;
	f[7] ^= 1;
	if (wire_parse(f, n, &seq, &p, &pl) != -1)
		return snprintf(why, whylen, "a damaged frame must fail"), 0;
	return 1;
}

int main(int argc, char **argv)
{
	unsigned seeds = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 200;
	char why[200];
	unsigned fails = 0, n = 0;
	printf("TAP version 13\n");
	if (format_checks(why, sizeof(why)))
		printf("ok %u - frame format (layout, CRC check value, cut, damage)\n", ++n);
	else
		printf("not ok %u - frame format: %s\n", ++n, why), fails++;
	unsigned bad_seed = 0;
	for (unsigned s = 1; s <= seeds; s++)
		if (!run_seed(s, why, sizeof(why))) {
			if (!bad_seed)
				printf("# seed %u: %s\n", s, why);
			bad_seed = bad_seed ? bad_seed : s;
			fails++;
		}
	if (!bad_seed)
		printf("ok %u - hostile console, %u seeds: no line lost, changed, duplicated or reordered; damage reported\n",
		       ++n, seeds);
	else
		printf("not ok %u - hostile console: first failing seed %u\n", ++n, bad_seed);
	printf("1..%u\n", n);
	return fails ? 1 : 0;
}
