/* Strict bootargs parser: every word must be a known key with a valid value;
 * anything else is a Bail out!, never a silent default. */
#include <string.h>
#include <stdio.h>
#include "bootargs.h"

enum arg_kind { ARG_FLAG, ARG_UINT, ARG_WORD };

/* An error names at most this many characters of a word (lines stay short). */
#define MAX_SHOWN 40
/* Added to an unknown-key or console= error when the command line has no
 * "--" fence and the line still fits (lines stay under 110 characters). */
#define FENCE_HINT " (VMM words? put -- before ours)"
#define MAX_ERR_LINE 99

struct arg_spec {
	const char *key;
	enum arg_kind kind;
	const char *help;
};

/* The one table of keys (README "Bootargs" mirrors it). */
static const struct arg_spec arg_specs[] = {
	{ "matrix",  ARG_WORD, "quick|full|all" },
	{ "targets", ARG_WORD, "comma list of target names" },
	{ "noprobe", ARG_WORD, "TARGET[:STEP][,...] probe steps not to run" },
	{ "target",  ARG_WORD, "NAME@ADDR" },
	{ "start",   ARG_UINT, "first test number (1-based)" },
	{ "count",   ARG_UINT, "number of tests to run" },
	{ "only",    ARG_WORD, "glob on case ids" },
	{ "list",    ARG_FLAG, "print case ids only" },
	{ "strict",  ARG_FLAG, "abort is a plain not ok" },
	{ "bench",   ARG_FLAG, "timing lines; bench=forms: per-form cost table" },
	{ "console", ARG_WORD, "semihosting|dtb" },
	{ "wire",    ARG_WORD, "tap|frame|compact" },
};

static int parse_uint(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	int base = 10;
	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		n -= 2;
	}
	if (!n || n > 16)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		unsigned d;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return 0;
		v = v * (uint64_t)base + d;
	}
	*out = v;
	return 1;
}

static int copy_word(char *dst, size_t cap, const char *v, size_t n)
{
	if (!n || n >= cap)
		return 0;
	memcpy(dst, v, n);
	dst[n] = 0;
	return 1;
}

static int set_value(struct config *c, const char *key, const char *v, size_t n)
{
	uint64_t u;
	if (!strcmp(key, "matrix")) {
		if (n == 5 && !memcmp(v, "quick", 5))
			c->matrix = MATRIX_QUICK;
		else if (n == 4 && !memcmp(v, "full", 4))
			c->matrix = MATRIX_FULL;
		else if (n == 3 && !memcmp(v, "all", 3))
			c->matrix = MATRIX_ALL;
		else
			return 0;
		return 1;
	}
	if (!strcmp(key, "start")) {
		if (!parse_uint(v, n, &u) || !u)
			return 0;
		c->start = (unsigned long)u;
		return 1;
	}
	if (!strcmp(key, "count")) {
		if (!parse_uint(v, n, &u) || !u)
			return 0;
		c->count = (unsigned long)u;
		return 1;
	}
	if (!strcmp(key, "only"))
		return copy_word(c->only, sizeof(c->only), v, n);
	if (!strcmp(key, "noprobe"))
		return copy_word(c->noprobe, sizeof(c->noprobe), v, n);
	if (!strcmp(key, "targets"))
		return copy_word(c->targets, sizeof(c->targets), v, n);
	if (!strcmp(key, "target")) {
		const char *at = memchr(v, '@', n);
		struct target_override *t = &c->tov[c->ntov];
		if (!at || c->ntov >= BOOTARGS_MAX_TARGETS ||
		    !copy_word(t->name, sizeof(t->name), v, (size_t)(at - v)) ||
		    !parse_uint(at + 1, n - (size_t)(at + 1 - v), &t->addr))
			return 0;
		c->ntov++;
		return 1;
	}
	if (!strcmp(key, "wire")) {
		static const char *const w[] = { "tap", "frame", "compact" };  /* enum wire_mode */
		for (unsigned i = 0; i < sizeof(w) / sizeof(w[0]); i++)
			if (strlen(w[i]) == n && !memcmp(v, w[i], n)) {
				c->wire = i;
				return 1;
			}
		return 0;
	}
	if (!strcmp(key, "bench")) {  /* the flag's one value */
		if (n != 5 || memcmp(v, "forms", 5))
			return 0;
		c->bench = BENCH_FORMS;
		return 1;
	}
	if (!strcmp(key, "console")) {
		if (n == 11 && !memcmp(v, "semihosting", 11))
			c->console_semihosting = 1;
		else if (n == 3 && !memcmp(v, "dtb", 3))
			c->console_semihosting = 0;
		else
			return 0;
		return 1;
	}
	return 0;
}

static int *flag_of(struct config *c, const char *key)
{
	if (!strcmp(key, "list"))
		return &c->list;
	if (!strcmp(key, "strict"))
		return &c->strict;
	if (!strcmp(key, "bench"))
		return &c->bench;
	return NULL;
}

/* Words a VMM put in front of ours (kvmtool: console=ttyS0 rw ...) can be
 * fenced off: say how, unless the command line has the fence already. */
static const char *fence_hint(const struct config *cfg, char *err, unsigned errlen)
{
	size_t n = strlen(err);
	if (!cfg->vmm_words_skipped && n + sizeof(FENCE_HINT) <= MAX_ERR_LINE &&
	    n + sizeof(FENCE_HINT) <= errlen)
		strcat(err, FENCE_HINT);
	return err;
}

int bootargs_target_selected(const struct config *cfg, const char *name)
{
	if (!cfg->targets[0])
		return 1;
	size_t n = strlen(name);
	for (const char *p = cfg->targets; *p;) {
		const char *e = strchr(p, ',');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == n && !memcmp(p, name, n))
			return 1;
		p += l + (e ? 1 : 0);
	}
	return 0;
}

const char *bootargs_parse(const char *args, struct config *cfg, char *err, unsigned errlen)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->matrix = MATRIX_QUICK;
	cfg->start = 1;
	if (!args)
		return NULL;
	const char *p = args;
	/* VMMs that put their own words on the kernel command line (kvmtool adds
	 * console= and the like): everything up to a standalone "--" is theirs.
	 * Only the words after the last "--" are ours, and they stay strict. */
	for (const char *s = args; *s; s++)
		if (s[0] == '-' && s[1] == '-' && (s == args || s[-1] == ' ') &&
		    (s[2] == 0 || s[2] == ' ')) {
			cfg->vmm_words_skipped = 1;
			p = s + 2;
		}
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		const char *w = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		size_t wl = (size_t)(p - w);
		const char *eq = memchr(w, '=', wl);
		size_t kl = eq ? (size_t)(eq - w) : wl;
		char key[24];
		const struct arg_spec *spec = NULL;
		if (kl < sizeof(key)) {
			memcpy(key, w, kl);
			key[kl] = 0;
			for (unsigned i = 0; i < sizeof(arg_specs) / sizeof(arg_specs[0]); i++)
				if (!strcmp(arg_specs[i].key, key))
					spec = &arg_specs[i];
		}
		int shown = wl > MAX_SHOWN ? MAX_SHOWN : (int)wl;
		if (!spec) {
			snprintf(err, errlen, "bootargs: unknown key '%.*s'", shown, w);
			return fence_hint(cfg, err, errlen);
		}
		if (spec->kind == ARG_FLAG) {
			if (eq && !strcmp(key, "bench")) {
				if (set_value(cfg, key, eq + 1, wl - kl - 1))
					continue;
				snprintf(err, errlen, "bootargs: bad value for 'bench' (forms)");
				return err;
			}
			if (eq) {
				snprintf(err, errlen, "bootargs: '%s' takes no value", key);
				return err;
			}
			*flag_of(cfg, key) = 1;
			continue;
		}
		if (!eq || !set_value(cfg, key, eq + 1, wl - kl - 1)) {
			/* the value alone: the key is named already */
			int vl = eq ? (int)(wl - kl - 1) : 0;
			snprintf(err, errlen, "bootargs: bad value for '%s' (%s): '%.*s'", key, spec->help,
				 vl > MAX_SHOWN ? MAX_SHOWN : vl, eq ? eq + 1 : "");
			return strcmp(key, "console") ? err : fence_hint(cfg, err, errlen);
		}
	}
	return NULL;
}
