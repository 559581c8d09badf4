/* The matrix order of families. Adding a family = one file in cases/ with a
 * `const struct family family_X` and one line here. New families go at the
 * end: case ids carry no index, but the order of the TAP stream does. */
#include "family.h"

extern const struct family family_ldst_imm, family_pair, family_ldst_reg, family_unpriv, family_simd,
	family_simd_pair, family_excl, family_acqrel, family_atomic, family_cache, family_mops, family_ls64,
	family_struct, family_sve;

const struct family *const all_families[] = {
	&family_ldst_imm,
	&family_pair,
	&family_ldst_reg,
	&family_unpriv,
	&family_simd,
	&family_simd_pair,
	&family_excl,
	&family_acqrel,
	&family_atomic,
	&family_cache,
	&family_mops,
	&family_ls64,
	&family_struct,
	&family_sve,
};
const unsigned n_families = sizeof(all_families) / sizeof(all_families[0]);
