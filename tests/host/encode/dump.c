/* Host side of the encoder test: enumerate the full (or quick) matrix and
 * write, per case, the encoding as an `.inst` line (for the cross assembler,
 * then objdump) and the case's own asm text and id. The shell half
 * (check.sh) compares objdump's disassembly with the text.
 *
 *   dump full|quick WORDS.S EXPECT.txt      exit 1 on encode failure or duplicate ids */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "matrix.h"
#include "encode.h"

#define ID_LEN   112
#define MAX_IDS  65536

struct sink {
	FILE *words, *expect;
	unsigned bad;
	unsigned n;
	char (*ids)[ID_LEN];
};

static void one(const struct case_desc *c, void *arg)
{
	struct sink *s = arg;
	char id[ID_LEN], text[96];
	uint32_t insn;
	case_id(c, id, sizeof(id));
	format_asm(case_form(c), &c->ops, text, sizeof(text));
	if (encode(case_form(c), &c->ops, &insn)) {
		fprintf(stderr, "encode: operand does not fit: %s\n", id);
		s->bad++;
	}
	fprintf(s->words, "\t.inst 0x%08x\n", (unsigned)insn);
	/* A CONSTRAINED UNPREDICTABLE case (skipped when run) may be one that
	 * objdump refuses to decode: the checker accepts "undefined" for it. */
	fprintf(s->expect, "%s\t%s\t%s\n", text, id, c->skip ? "unpredictable" : "defined");
	if (s->n < MAX_IDS)
		memcpy(s->ids[s->n], id, sizeof(id));
	s->n++;
}

static int cmp_id(const void *a, const void *b) { return strcmp(a, b); }

int main(int argc, char **argv)
{
	if (argc != 4 || (strcmp(argv[1], "all") && strcmp(argv[1], "full") && strcmp(argv[1], "quick"))) {
		fprintf(stderr, "usage: %s all|full|quick WORDS.S EXPECT.txt\n", argv[0]);
		return 2;
	}
	struct sink s = { fopen(argv[2], "w"), fopen(argv[3], "w"), 0, 0, calloc(MAX_IDS, ID_LEN) };
	if (!s.words || !s.expect || !s.ids) {
		perror("dump");
		return 2;
	}
	unsigned n = matrix_enumerate(!strcmp(argv[1], "all") ? MATRIX_LEVEL_ALL : !strcmp(argv[1], "full") ? MATRIX_LEVEL_FULL : MATRIX_LEVEL_QUICK, one, &s);
	if (n > MAX_IDS) {
		fprintf(stderr, "dump: %u cases, more than %u\n", n, MAX_IDS);
		return 1;
	}
	qsort(s.ids, n, ID_LEN, cmp_id);
	for (unsigned i = 1; i < n; i++)
		if (!strcmp(s.ids[i - 1], s.ids[i])) {
			fprintf(stderr, "duplicate case id: %s\n", s.ids[i]);
			s.bad++;
		}
	fclose(s.words);
	fclose(s.expect);
	printf("%u cases, %u families\n", n, n_families);
	return s.bad ? 1 : 0;
}
