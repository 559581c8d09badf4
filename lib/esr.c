/* ESR decoding: one table of fields that the YAML printer walks. */
#include <stdio.h>
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

void esr_yaml(uint64_t esr, int full, void (*line)(const char *s))
{
	char buf[112];
	int n = snprintf(buf, sizeof(buf), "esr: 0x%llx  # %s", (unsigned long long)esr, ec_name(esr_ec(esr)));
	line(buf);
	unsigned ec = esr_ec(esr);
	if (ec != EC_DABT_CUR && ec != EC_DABT_LOWER)
		return;
	if (!full) {
		snprintf(buf, sizeof(buf), "esr_fields: {ISV: %u, EA: %u, WnR: %u, DFSC: 0x%02x}",
			 (unsigned)(esr >> ESR_ISV_SHIFT) & 1, (unsigned)(esr >> 9) & 1, (unsigned)(esr >> 6) & 1,
			 (unsigned)esr & 0x3f);
		line(buf);
		goto upper;
	}
	n = snprintf(buf, sizeof(buf), "esr_fields: {");
	unsigned nf = sizeof(dabt_fields) / sizeof(dabt_fields[0]);
	for (unsigned i = 0; i < nf; i++) {
		const struct esr_field *f = &dabt_fields[i];
		unsigned v = (unsigned)(esr >> f->shift) & ((1u << f->width) - 1);
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, f->hex ? "%s: 0x%02x%s" : "%s: %u%s", f->name, v,
			      i + 1 < nf ? ", " : "}");
		if (n > 90 && i + 1 < nf) {
			line(buf);
			n = snprintf(buf, sizeof(buf), "  ");
		}
	}
	line(buf);
upper:;
	uint64_t upper = esr >> 32;
	if (upper) {
		snprintf(buf, sizeof(buf), "esr_upper: 0x%llx  # ISS2 / RES0 bits 63:32",
			 (unsigned long long)upper);
		line(buf);
	}
}
