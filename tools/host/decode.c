/* isvwire decode: raw console in, the ROM's readable lines out.
 *
 * Per input line: strip what a VMM or terminal adds (ANSI escapes, CR,
 * NUL, other control bytes), find frames anywhere in it, keep only those
 * whose length, closing brace and CRC verify, rejoin a frame the VMM split
 * over lines (try the fragment with each suffix of the following lines),
 * and emit frames strictly in sequence order. Compact case blocks are
 * expanded through lib/wire.c with the tokens computed from the host's own
 * enumeration (lib/matrix.c, lib/encode.c). Everything else this tool has
 * to say is a line starting "@@wire ". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "select.h"
#include "wire.h"

#define LINE_MAX_IN    65536
#define PEND_MAX       64        /* split-frame candidates waiting for their rest */
#define PEND_AGE_MAX   4         /* lines a fragment waits before it is dropped */
#define REJOIN_AHEAD   8         /* a frame joined at an arbitrary offset: seq at most this far ahead */
#define PREFIX_MAX     64
#define SEQ_HALF       (WIRE_SEQ_MOD / 2)
#define ESC_CHAR       0x1b
#define BEL_CHAR       0x07
#define CSI_FINAL_LO   0x40
#define CSI_FINAL_HI   0x7e
#define PRINT_LO       0x20
#define PRINT_HI       0x7e
#define EXPAND_MAX     (4 * WIRE_BLOCK_MAX + 4096)
#define STAT_SLOTS     6
#define STAT_OTHER     (STAT_SLOTS - 1)

struct pend {
	char buf[WIRE_FRAME_MAX];
	size_t len;
	char prefix[PREFIX_MAX];     /* what stood before '{' on its line (the VMM's prefix) */
	size_t plen;
	int age;
};

struct target_va { char name[16]; uint64_t va, nc_va; int set; };

static struct {
	FILE *out;
	int noise;                   /* --noise: report unframed text */
	int readable;                /* --readable: the input is wire=tap text (stats only) */
	FILE *stats;                 /* --stats FILE: bytes per outcome */
	unsigned long frame_bytes;   /* console bytes not yet attributed */
	int cur;                     /* outcome slot of the case being printed */
	unsigned long st_n[STAT_SLOTS], st_bytes[STAT_SLOTS];
	int started;
	unsigned expect;             /* next sequence number */
	struct pend pend[PEND_MAX];
	unsigned npend;
	/* compact */
	struct wire_mru mru;
	char acc[2 * WIRE_BLOCK_MAX];
	size_t acc_len;
	int acc_bad;
	unsigned long next_n;
	int desync;
	struct selection sel;
	int have_sel;
	char sel_err[160];
	unsigned rom_cases;
	unsigned long long rom_fp;
	int have_fp;
	struct target_va tv[SEL_TARGETS];
} d;

/* Bytes per outcome: a case owns its result line, its YAML and the
 * control frames before them; everything else is "other". */
static const char *const stat_names[STAT_SLOTS] = { "pass", "skip", "abort", "unclean", "corrupt", "other" };

static void stat_line(const char *s, size_t n)
{
	const char *dash = memchr(s, '-', n);
	int result = (n > 3 && !memcmp(s, "ok ", 3)) || (n > 7 && !memcmp(s, "not ok ", 7));
	if (result && dash) {
		d.cur = STAT_OTHER;
		for (int k = 0; k < STAT_OTHER; k++) {
			size_t l = strlen(stat_names[k]);
			if ((size_t)(s + n - dash) > l + 2 && !memcmp(dash + 2, stat_names[k], l) && dash[2 + l] == ' ')
				d.cur = k;
		}
		d.st_n[d.cur]++;
	} else if (!(n >= 2 && s[0] == ' ' && s[1] == ' ')) {
		d.cur = STAT_OTHER;
	}
	d.st_bytes[d.cur] += d.frame_bytes;
	d.frame_bytes = 0;
}

static void out_line(const char *s, size_t n)
{
	if (d.stats)
		stat_line(s, n);
	fwrite(s, 1, n, d.out);
	fputc('\n', d.out);
}

static void reset_stream(void)
{
	d.started = 0;
	d.expect = 0;
	wire_mru_reset(&d.mru);
	d.acc_len = 0;
	d.acc_bad = 0;
	d.next_n = 0;
	d.desync = 0;
	if (d.have_sel)
		selection_free(&d.sel);
	d.have_sel = 0;
	d.sel_err[0] = 0;
	d.have_fp = 0;
	memset(d.tv, 0, sizeof(d.tv));
}

/* ---- compact payloads ---- */

static void control(const char *p, size_t n)
{
	char buf[WIRE_PAYLOAD_MAX + 1];
	memcpy(buf, p, n);
	buf[n] = 0;
	switch (buf[0]) {
	case 's':
		if (d.have_sel)
			selection_free(&d.sel);
		d.have_sel = 0;
		{
			const char *why = selection_build(&d.sel, buf + 1);
			if (why) {
				snprintf(d.sel_err, sizeof(d.sel_err), "selection: %s", why);
				fprintf(d.out, "@@wire cannot-expand %s\n", d.sel_err);
				return;
			}
		}
		d.have_sel = 1;
		if (d.have_fp && (d.sel.n != d.rom_cases || d.sel.fingerprint != d.rom_fp)) {
			snprintf(d.sel_err, sizeof(d.sel_err), "fingerprint mismatch: rom %u %016llx, host %u %016llx",
				 d.rom_cases, d.rom_fp, d.sel.n, (unsigned long long)d.sel.fingerprint);
			fprintf(d.out, "@@wire fingerprint-mismatch rom %016llx host %016llx\n", d.rom_fp,
			       (unsigned long long)d.sel.fingerprint);
			d.have_sel = 0;
			selection_free(&d.sel);
		}
		return;
	case 't': {
		char name[16];
		unsigned long long va, nc;
		if (sscanf(buf + 1, " %15s %llx %llx", name, &va, &nc) != 3)
			break;
		for (unsigned i = 0; i < SEL_TARGETS; i++)
			if (!d.tv[i].set || !strcmp(d.tv[i].name, name)) {
				snprintf(d.tv[i].name, sizeof(d.tv[i].name), "%s", name);
				d.tv[i].va = va;
				d.tv[i].nc_va = nc;
				d.tv[i].set = 1;
				break;
			}
		return;
	}
	case 'n':
		d.next_n = strtoul(buf + 1, NULL, 10);
		return;
	case 'r':
		wire_mru_reset(&d.mru);
		d.desync = 0;
		return;
	default:
		break;
	}
	fprintf(d.out, "@@wire bad-control %s\n", buf);
}

static void expand_block(const char *w, size_t n)
{
	unsigned long cn = d.next_n++;
	if (d.desync) {
		fprintf(d.out, "@@wire lost case %lu (compact table out of step since a gap)\n", cn);
		return;
	}
	if (!d.have_sel || cn < 1 || cn > d.sel.n) {
		fprintf(d.out, "@@wire cannot-expand case %lu: %s\n", cn,
		       d.sel_err[0] ? d.sel_err : !d.have_sel ? "no selection received" : "case number out of range");
		return;
	}
	char id[SEL_ID_MAX];
	selection_id(&d.sel, (unsigned)cn, id, sizeof(id));
	const struct target_va *t = NULL;
	for (unsigned i = 0; i < SEL_TARGETS; i++)
		if (d.tv[i].set && !strcmp(d.tv[i].name, d.sel.names[d.sel.target[cn - 1]]))
			t = &d.tv[i];
	if (!t) {
		fprintf(d.out, "@@wire cannot-expand case %lu: no window address for its target\n", cn);
		return;
	}
	static struct wire_tokens tk;
	static char text[EXPAND_MAX];
	wire_case_tokens(&tk, cn, id, &d.sel.cases[cn - 1], t->va, t->nc_va);
	int l = wire_expand(w, n, &tk, text, sizeof(text));
	if (l < 0) {
		fprintf(d.out, "@@wire cannot-expand case %lu: malformed block\n", cn);
		return;
	}
	for (int i = 0, b = 0; i < l; i++)
		if (text[i] == '\n') {
			out_line(text + b, (size_t)(i - b));
			b = i + 1;
		}
}

static void compact(const char *p, size_t n)
{
	char k = n > 1 ? p[1] : 0;
	const char *alpha = k ? strchr(WIRE_MRU_ALPHABET, k) : NULL;
	if (k == '!') {
		control(p + 2, n - 2);
	} else if (k == '&' || k == '+') {
		if (d.acc_len + n - 2 > sizeof(d.acc))
			d.acc_bad = 1;
		else
			memcpy(d.acc + d.acc_len, p + 2, n - 2);
		d.acc_len += n - 2;
		if (k == '+') {
			if (d.acc_bad) {
				fprintf(d.out, "@@wire lost case %lu (block too long)\n", d.next_n++);
			} else {
				wire_mru_add(&d.mru, d.acc, d.acc_len);
				expand_block(d.acc, d.acc_len);
			}
			d.acc_len = 0;
			d.acc_bad = 0;
		}
	} else if (alpha && n == 2) {
		unsigned i = (unsigned)(alpha - WIRE_MRU_ALPHABET);
		if (i >= d.mru.n) {
			fprintf(d.out, "@@wire lost case %lu (reference to an unknown block)\n", d.next_n++);
			return;
		}
		char tmp[WIRE_MRU_ENTRY_MAX];
		size_t l = d.mru.len[i];
		memcpy(tmp, d.mru.text[i], l);
		wire_mru_use(&d.mru, i);
		expand_block(tmp, l);
	} else {
		fprintf(d.out, "@@wire bad-payload %.*s\n", (int)n, p);
	}
}

/* ---- frames in order ---- */

static void literal(const char *p, size_t n)
{
	unsigned cases;
	unsigned long long fp;
	if (sscanf(p, "# cases %u fingerprint %llx", &cases, &fp) == 2) {
		d.rom_cases = cases;
		d.rom_fp = fp;
		d.have_fp = 1;
	}
	out_line(p, n);
}

static void accept(unsigned seq, const char *p, size_t n)
{
	d.npend = 0;   /* a later frame arrived: older fragments cannot complete in order */
	d.frame_bytes += WIRE_HDR_LEN + n + 2;   /* the frame and its LF */
	static const char boot[] = "TAP version 13";
	if (seq == 0 && n == sizeof(boot) - 1 && !memcmp(p, boot, n) && d.started)
		reset_stream();        /* the VM booted again: a new stream */
	unsigned ahead = (seq - d.expect) % WIRE_SEQ_MOD;
	if (d.started && ahead >= SEQ_HALF) {
		fprintf(d.out, "@@wire dup seq %02x (expected %02x): dropped\n", seq, d.expect);
		return;
	}
	if (ahead) {
		fprintf(d.out, "@@wire gap %u frame(s) lost before seq %02x\n", ahead, seq);
		d.desync = 1;
		d.acc_len = 0;
	}
	d.started = 1;
	d.expect = (seq + 1) % WIRE_SEQ_MOD;
	if (n && p[0] == WIRE_ESC)
		compact(p, n);
	else
		literal(p, n);
}

/* ---- finding frames ---- */

static void add_pend(const char *s, size_t n, const char *prefix, size_t plen, int age)
{
	if (n > WIRE_FRAME_MAX)
		return;
	if (d.npend == PEND_MAX) {
		memmove(&d.pend[0], &d.pend[1], (PEND_MAX - 1) * sizeof(d.pend[0]));
		d.npend--;
	}
	struct pend *p = &d.pend[d.npend++];
	memcpy(p->buf, s, n);
	p->len = n;
	p->plen = plen < PREFIX_MAX ? plen : 0;
	memcpy(p->prefix, prefix, p->plen);
	p->age = age;
}

static void drop_pend(unsigned i)
{
	memmove(&d.pend[i], &d.pend[i + 1], (d.npend - i - 1) * sizeof(d.pend[0]));
	d.npend--;
}

/* Scan s[0..n) for frames; a frame cut by the end of the line waits. */
static void scan(const char *s, size_t n, size_t from)
{
	size_t noise_from = from;
	for (size_t i = from; i < n; i++) {
		if (s[i] != WIRE_OPEN)
			continue;
		unsigned seq;
		const char *p;
		size_t pl;
		int r = wire_parse(s + i, n - i, &seq, &p, &pl);
		if (r > 0) {
			if (d.noise && i > noise_from)
				fprintf(d.out, "@@wire noise %.*s\n", (int)(i - noise_from), s + noise_from);
			accept(seq, p, pl);
			i += (size_t)r - 1;
			noise_from = i + 1;
		} else if (r == 0) {
			add_pend(s + i, n - i, s, i, 0);
			n = i;
			break;
		} else if (n - i >= WIRE_HDR_LEN) {
			/* Frame-shaped (hex header, closing brace where the length
			 * says) but the CRC fails: damage, reported. */
			unsigned len;
			char hex[WIRE_LEN_DIGITS + 1];
			memcpy(hex, s + i + 1 + WIRE_SEQ_DIGITS, WIRE_LEN_DIGITS);
			hex[WIRE_LEN_DIGITS] = 0;
			int hexhdr = 1;
			for (size_t k = 1; k < WIRE_HDR_LEN; k++)
				hexhdr &= strchr("0123456789abcdef", s[i + k]) && s[i + k];
			if (hexhdr && sscanf(hex, "%x", &len) == 1 && i + WIRE_HDR_LEN + len < n &&
			    s[i + WIRE_HDR_LEN + len] == WIRE_CLOSE)
				fprintf(d.out, "@@wire bad-frame %.*s\n", (int)(WIRE_HDR_LEN + len + 1), s + i);
		}
	}
	if (d.noise && n > noise_from)
		fprintf(d.out, "@@wire noise %.*s\n", (int)(n - noise_from), s + noise_from);
}

/* Try to finish pending fragments with this line; returns where the rest
 * of the line starts (0 when nothing was completed). */
static size_t rejoin(const char *s, size_t n)
{
	static struct pend ext_list[PEND_MAX];
	unsigned next = 0;
	for (unsigned pi = 0; pi < d.npend; pi++) {
		struct pend *pd = &d.pend[pi];
		char cand[WIRE_FRAME_MAX];
		size_t order0 = pd->plen && pd->plen <= n && !memcmp(s, pd->prefix, pd->plen) ? pd->plen : 0;
		long ext = -1;
		for (size_t t = 0; t <= n + 1; t++) {
			/* the VMM's own prefix first, then every suffix */
			size_t j = t == 0 ? order0 : t - 1;
			if (t && j == order0)
				continue;
			if (j > n)
				break;
			size_t take = n - j;
			if (pd->len + take > sizeof(cand))
				take = sizeof(cand) - pd->len;
			memcpy(cand, pd->buf, pd->len);
			memcpy(cand + pd->len, s + j, take);
			unsigned seq;
			const char *p;
			size_t pl;
			int r = wire_parse(cand, pd->len + take, &seq, &p, &pl);
			if (r > 0 && (t == 0 || !d.started || (seq - d.expect) % WIRE_SEQ_MOD < REJOIN_AHEAD)) {
				/* Trying every suffix costs CRC strength; the sequence
				 * number (due, or just after a loss) buys it back. */
				size_t used = j + (size_t)r - pd->len;
				/* Older fragments can no longer complete in order. */
				d.npend = 0;
				accept(seq, p, pl);
				return used;
			}
			if (r == 0 && ext < 0 && (t == 0 || j == 0))
				ext = (long)j;
		}
		if (ext >= 0 && pd->age < PEND_AGE_MAX) {
			/* This whole line may be the middle of the frame. */
			size_t j = (size_t)ext;
			if (pd->len + n - j <= WIRE_FRAME_MAX && next < PEND_MAX) {
				struct pend *e = &ext_list[next++];
				*e = *pd;
				memcpy(e->buf + pd->len, s + j, n - j);
				e->len = pd->len + n - j;
				e->age = pd->age + 1;
			}
		}
	}
	/* Added after the loop: the array must not move under it. */
	for (unsigned i = 0; i < next; i++)
		add_pend(ext_list[i].buf, ext_list[i].len, ext_list[i].prefix, ext_list[i].plen, ext_list[i].age);
	return 0;
}

static void age_pends(unsigned old)
{
	for (unsigned i = 0; i < old && i < d.npend;) {
		if (++d.pend[i].age > PEND_AGE_MAX) {
			drop_pend(i);
			old--;
		} else {
			i++;
		}
	}
}

/* Remove ANSI escape sequences, CR, NUL and other non-printable bytes. */
static size_t clean(char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ESC_CHAR && i + 1 < n) {
			unsigned char k = (unsigned char)s[++i];
			if (k == '[') {
				while (i + 1 < n && ((unsigned char)s[i + 1] < CSI_FINAL_LO || (unsigned char)s[i + 1] > CSI_FINAL_HI))
					i++;
				i++;
			} else if (k == ']') {
				while (i + 1 < n && s[i + 1] != BEL_CHAR && s[i + 1] != ESC_CHAR)
					i++;
				i++;
				if (i < n && s[i] == ESC_CHAR)
					i++;   /* ST = ESC '\' */
			}
			continue;
		}
		if (c >= PRINT_LO && c <= PRINT_HI)
			s[o++] = (char)c;
	}
	return o;
}

static void line(char *s, size_t n)
{
	n = clean(s, n);
	if (d.readable) {
		d.frame_bytes += n + 2;   /* the line and its CR LF */
		out_line(s, n);
		return;
	}
	unsigned old = d.npend;
	size_t from = old ? rejoin(s, n) : 0;
	if (from) {
		old = 0;
		d.npend = 0;
	}
	age_pends(old);
	scan(s, n, from);
	fflush(d.out);
}

int decode_stream(FILE *in, FILE *out, int noise, int readable, FILE *stats)
{
	static char buf[LINE_MAX_IN];
	size_t n = 0;
	int c;
	memset(&d, 0, sizeof(d));
	d.out = out;
	d.noise = noise;
	d.readable = readable;
	d.stats = stats;
	while ((c = getc(in)) != EOF) {
		if (c == '\n' || n == sizeof(buf)) {
			line(buf, n);
			n = 0;
			if (c == '\n')
				continue;
		}
		buf[n++] = (char)c;
	}
	if (n)
		line(buf, n);
	/* A cut frame that was the next one due. (Frames lost at the very end
	 * cannot be told from silence: the missing done line tells.) */
	for (unsigned i = 0; i < d.npend; i++) {
		unsigned sq;
		char hex[WIRE_SEQ_DIGITS + 1] = { 0 };
		if (d.pend[i].len < 1 + WIRE_SEQ_DIGITS)
			continue;
		memcpy(hex, d.pend[i].buf + 1, WIRE_SEQ_DIGITS);
		if (sscanf(hex, "%x", &sq) != 1)
			continue;
		unsigned ahead = (sq - d.expect) % WIRE_SEQ_MOD;
		if (ahead == 0) {
			fprintf(d.out, "@@wire truncated: frame %02x cut off at the end of the console\n", sq);
			break;
		}
	}
	if (stats) {
		unsigned long tn = 0, tb = 0;
		fprintf(stats, "outcome cases bytes bytes/case\n");
		for (int k = 0; k < STAT_SLOTS; k++) {
			tn += k < STAT_OTHER ? d.st_n[k] : 0;
			tb += d.st_bytes[k];
			if (d.st_n[k] || d.st_bytes[k])
				fprintf(stats, "%s %lu %lu %.1f\n", stat_names[k], d.st_n[k], d.st_bytes[k],
					d.st_n[k] ? (double)d.st_bytes[k] / (double)d.st_n[k] : 0.0);
		}
		fprintf(stats, "all %lu %lu %.1f\n", tn, tb, tn ? (double)tb / (double)tn : 0.0);
	}
	fflush(d.out);
	return 0;
}
