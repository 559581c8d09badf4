/* TAP result lines and their YAML diagnostics. The outcome word is always
 * the first word of the description, the case id the second. */
#include <stdio.h>
#include "report.h"
#include "encode.h"
#include "esr.h"
#include "tap.h"

static void yaml_line(const char *s) { tap_printf("  %s", s); }

static void yaml_diffs(const struct verdict *v)
{
	if (!v->nd)
		return;
	tap_printf("  diff:");
	for (unsigned i = 0; i < v->nd; i++) {
		const struct diff *d = &v->d[i];
		if (d->wide)
			tap_printf("    - {item: %s, expected: 0x%016llx%016llx, got: 0x%016llx%016llx}", d->item,
				   (unsigned long long)d->exp_hi, (unsigned long long)d->exp,
				   (unsigned long long)d->got_hi, (unsigned long long)d->got);
		else
			tap_printf("    - {item: %s, expected: 0x%llx, got: 0x%llx}", d->item,
				   (unsigned long long)d->exp, (unsigned long long)d->got);
	}
	if (v->ndiff_total > v->nd)
		tap_printf("  diff_more: %u", v->ndiff_total - v->nd);
}

int misrouted(const struct verdict *v)
{
	return v->tgt.kind == CELL_EXCEPTION && !v->tgt.vector_ok;
}

void report_result(unsigned long n, const char *id, const struct case_desc *c, const struct verdict *v, int strict)
{
	const char *word = outcome_word(v->outcome);
	switch (v->outcome) {
	case OUT_PASS:
		/* Stored bytes a write-ignoring target cannot show were not verified:
		 * say so on the line (a comment, not a directive). */
		if (v->unknown_load)
			tap_printf("ok %lu - %s %s # unchecked: loaded data (stale target)", n, word, id);
		else if (v->unseeded_load && v->unchecked)
			tap_printf("ok %lu - %s %s # unchecked: loaded data (target ignores writes), %u stored bytes", n, word,
				   id, v->unchecked);
		else if (v->unseeded_load)
			tap_printf("ok %lu - %s %s # unchecked: loaded data (target ignores writes)", n, word, id);
		else if (v->unchecked)
			tap_printf("ok %lu - %s %s # unchecked: %u stored bytes", n, word, id, v->unchecked);
		else
			tap_printf("ok %lu - %s %s", n, word, id);
		return;
	case OUT_SKIP:
		tap_printf("ok %lu - %s %s # SKIP %s", n, word, id, v->reason);
		return;
	case OUT_ABORT:
		tap_printf("not ok %lu - %s %s%s", n, word, id, strict ? "" : " # TODO abort");
		break;
	default:
		tap_printf("not ok %lu - %s %s", n, word, id);
		break;
	}
	char text[80];
	format_asm(case_form(c), &c->ops, text, sizeof(text));
	tap_printf("  ---");
	tap_printf("  insn: 0x%08x  # %s", (unsigned)v->insn, text);
	if (v->outcome == OUT_CORRUPT)
		tap_printf("  reason: \"%s\"", v->reason);
	if (v->ndefects) {
		tap_printf("  defects:");
		for (unsigned i = 0; i < v->ndefects; i++)
			tap_printf("    - {field: %s, expected: \"%s\", got: \"%s\"}", v->defects[i].field,
				   v->defects[i].expected, v->defects[i].got);
	}
	if (v->tgt.kind != CELL_DONE) {
		esr_yaml(v->tgt.out.esr, v->outcome == OUT_CORRUPT || v->outcome == OUT_UNCLEAN, yaml_line);
		tap_printf("  far: 0x%llx", (unsigned long long)v->tgt.out.far);
		if (misrouted(v))
			tap_printf("  vector: 0x%llx  # want 0x%x", (unsigned long long)v->tgt.out.vector,
				   v->tgt.vector_want);
	}
	if (v->unchecked)
		tap_printf("  unchecked: \"%u stored byte(s) the target cannot show\"", v->unchecked);
	if (v->nc_to)
		tap_printf("  not_compared: \"z%d bytes %u..%u: FFR marks them not loaded (UNKNOWN)\"", v->nc_reg,
			   v->nc_from, v->nc_to - 1);
	yaml_diffs(v);
	tap_printf("  ...");
}
