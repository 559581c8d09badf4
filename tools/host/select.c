/* Host enumeration of the ROM's selection: the same matrix, the same
 * target order (hole, then gicd: lib/target.c targets_setup), the same
 * only= glob (fnmatch, flags 0), the same fingerprint (lib/wire.c). */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "select.h"
#include "bootargs.h"
#include "encode.h"
#include "wire.h"

static const char *const rom_targets[SEL_TARGETS] = { "hole", "gicd" };

struct all { struct case_desc *c; unsigned n, cap; };

static void collect(const struct case_desc *c, void *arg)
{
	struct all *a = arg;
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 1024;
		a->c = realloc(a->c, a->cap * sizeof(*a->c));
		if (!a->c) {
			perror("isvwire");
			exit(2);
		}
	}
	a->c[a->n++] = *c;
}

void selection_id(const struct selection *s, unsigned n, char *buf, size_t len)
{
	int k = snprintf(buf, len, "%s/", s->names[s->target[n - 1]]);
	case_id(&s->cases[n - 1], buf + k, len - (size_t)k);
}

const char *selection_build(struct selection *s, const char *bootargs)
{
	static char err[160];
	struct config cfg;
	memset(s, 0, sizeof(*s));
	const char *why = bootargs_parse(bootargs, &cfg, err, sizeof(err));
	if (why)
		return why;
	struct all a = { 0 };
	matrix_enumerate((int)cfg.matrix, collect, &a);
	for (unsigned t = 0; t < SEL_TARGETS; t++)
		if (bootargs_target_selected(&cfg, rom_targets[t])) {
			size_t k = strlen(s->target_list);
			snprintf(s->names[s->ntargets++], sizeof(s->names[0]), "%s", rom_targets[t]);
			snprintf(s->target_list + k, sizeof(s->target_list) - k, "%s%s", k ? "," : "", rom_targets[t]);
		}
	s->cases = malloc(((size_t)a.n * s->ntargets + 1) * sizeof(*s->cases));
	s->target = malloc((size_t)a.n * s->ntargets + 1);
	if (!s->cases || !s->target) {
		perror("isvwire");
		exit(2);
	}
	s->fingerprint = WIRE_FP_INIT;
	char id[SEL_ID_MAX];
	for (unsigned t = 0; t < s->ntargets; t++)
		for (unsigned i = 0; i < a.n; i++) {
			int k = snprintf(id, sizeof(id), "%s/", s->names[t]);
			case_id(&a.c[i], id + k, sizeof(id) - (size_t)k);
			if (cfg.only[0] && fnmatch(cfg.only, id, 0))
				continue;
			uint32_t insn = 0;
			encode(case_form(&a.c[i]), &a.c[i].ops, &insn);
			s->fingerprint = wire_fp_add(s->fingerprint, id, insn);
			s->cases[s->n] = a.c[i];
			s->target[s->n++] = (unsigned char)t;
		}
	free(a.c);
	return NULL;
}

void selection_free(struct selection *s)
{
	free(s->cases);
	free(s->target);
	memset(s, 0, sizeof(*s));
}
