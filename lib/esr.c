/* ESR decoding: one table of fields that the YAML printer walks. */
#include <stdio.h>
#include <string.h>
#include "esr.h"

struct esr_field { const char *name; uint8_t shift, width; uint8_t hex; };

/* Data Abort ISS (EC 0x24/0x25) plus the common fields; ISS2 and the
 * reserved upper bits are shown when non-zero. */
static const struct esr_field dabt_fields[] = {
	{ "EC", 26, 6, 1 }, { "IL", 25, 1, 0 }, { "ISV", 24, 1, 0 }, { "SAS", 22, 2, 0 },
	{ "SSE", 21, 1, 0 }, { "SRT", 16, 5, 0 }, { "SF", 15, 1, 0 }, { "AR", 14, 1, 0 },
	{ "VNCR", 13, 1, 0 }, { "LST", 11, 2, 0 }, { "FnV", 10, 1, 0 }, { "EA", 9, 1, 0 },
	{ "CM", 8, 1, 0 }, { "S1PTW", 7, 1, 0 }, { "WnR", 6, 1, 0 }, { "DFSC", 0, 6, 1 },
};

static const struct { unsigned ec; const char *name; } ec_names[] = {
	{ EC_UNKNOWN, "unknown/UNDEF" }, { EC_SVC64, "SVC" }, { EC_DABT_LOWER, "data abort (lower EL)" },
	{ EC_DABT_CUR, "data abort" }, { EC_SP_ALIGN, "SP alignment" }, { EC_SERROR, "SError" },
	{ EC_BRK64, "BRK" }, { EC_IABT_LOWER, "instruction abort (lower EL)" },
	{ EC_IABT_CUR, "instruction abort" }, { EC_PC_ALIGN, "PC alignment" },
};

const char *ec_name(unsigned ec)
{
	for (unsigned i = 0; i < sizeof(ec_names) / sizeof(ec_names[0]); i++)
		if (ec_names[i].ec == ec)
			return ec_names[i].name;
	return "other";
}

/* The fields a clean refusal is summarised by (short form). */
static const char *const short_fields[] = { "ISV", "EA", "WnR", "DFSC" };

static unsigned field_value(uint64_t esr, const struct esr_field *f)
{
	return (unsigned)(esr >> f->shift) & ((1u << f->width) - 1);
}

static const struct esr_field *field_named(const char *name)
{
	for (unsigned i = 0; i < sizeof(dabt_fields) / sizeof(dabt_fields[0]); i++)
		if (!strcmp(dabt_fields[i].name, name))
			return &dabt_fields[i];
	return NULL;
}

static int field_text(char *buf, size_t len, uint64_t esr, const struct esr_field *f, const char *sep)
{
	return snprintf(buf, len, f->hex ? "%s%s: 0x%02x" : "%s%s: %u", sep, f->name, field_value(esr, f));
}

/* YAMLish that Perl's TAP::Parser reads too: the short form is a one-line
 * flow mapping, the full form a block mapping (one field per line). */
void esr_yaml(uint64_t esr, int full, void (*line)(const char *s))
{
	char buf[112];
	snprintf(buf, sizeof(buf), "esr: 0x%llx  # %s", (unsigned long long)esr, ec_name(esr_ec(esr)));
	line(buf);
	unsigned ec = esr_ec(esr);
	if (ec != EC_DABT_CUR && ec != EC_DABT_LOWER)
		return;
	if (!full) {
		int n = snprintf(buf, sizeof(buf), "esr_fields: {");
		for (unsigned i = 0; i < sizeof(short_fields) / sizeof(short_fields[0]); i++)
			n += field_text(buf + n, sizeof(buf) - (size_t)n, esr, field_named(short_fields[i]),
					i ? ", " : "");
		snprintf(buf + n, sizeof(buf) - (size_t)n, "}");
		line(buf);
	} else {
		line("esr_fields:");
		for (unsigned i = 0; i < sizeof(dabt_fields) / sizeof(dabt_fields[0]); i++) {
			field_text(buf, sizeof(buf), esr, &dabt_fields[i], "  ");
			line(buf);
		}
	}
	uint64_t upper = esr >> ESR_UPPER_SHIFT;
	if (upper) {
		snprintf(buf, sizeof(buf), "esr_upper: 0x%llx  # ISS2 / RES0 bits 63:32",
			 (unsigned long long)upper);
		line(buf);
	}
}
