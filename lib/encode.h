#ifndef ISV_ENCODE_H
#define ISV_ENCODE_H
#include <stddef.h>
#include "family.h"

/* Encode a form with operands. Returns 0 and *insn, or -1 when an operand
 * does not fit its field (never silently truncated). */
int encode(const struct form *f, const struct operands *o, uint32_t *insn);
/* The instruction text objdump prints for it (asm_fmt filled). */
void format_asm(const struct form *f, const struct operands *o, char *buf, size_t len);
/* Field extent of an operand, if the form has it: width (0 = absent). */
const struct field *form_field(const struct form *f, enum operand op);
/* Smallest and largest byte offset the immediate field can express. */
void imm_range(const struct form *f, int64_t *min, int64_t *max);
#endif
