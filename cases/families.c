/* The matrix order of families. Adding a family = one file in cases/ with a
 * `const struct family family_X` and one line here. */
#include "family.h"

extern const struct family family_ldst_imm, family_pair;

const struct family *const all_families[] = {
	&family_ldst_imm,
	&family_pair,
};
const unsigned n_families = sizeof(all_families) / sizeof(all_families[0]);
