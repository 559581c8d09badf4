/* Field declarations shared by the family tables (Arm ARM A64 load/store
 * encoding classes put these operands at the same bits everywhere). */
#ifndef ISV_FIELDS_H
#define ISV_FIELDS_H
#include "family.h"

#define F_RT     { OP_RT, 0, 5, 0, 0 }
#define F_RN     { OP_RN, 5, 5, 0, 0 }
#define F_RT2    { OP_RT2, 10, 5, 0, 0 }
#define F_RM     { OP_RM, 16, 5, 0, 0 }
#define F_RS     { OP_RS, 16, 5, 0, 0 }
#define F_IMM9   { OP_IMM, 12, 9, FLD_SIGNED, 0 }
#define F_IMM12  { OP_IMM, 10, 12, 0, 0 }
#define F_IMM7   { OP_IMM, 15, 7, FLD_SIGNED, 0 }
#define F_OPTION { OP_OPTION, 13, 3, 0, 0 }
#define F_S      { OP_S, 12, 1, 0, 0 }

/* The addressing-mode text objdump prints, per mode */
#define T_POST   "[{n}], {imm}"
#define T_PRE    "[{n}, {imm}]!"
#define T_OFF    "[{n}{,imm}]"
#define T_REG    "[{n}, {m:r}{ext}]"
#define T_BASE   "[{n}]"

#define NFORMS(a) (sizeof(a) / sizeof((a)[0]))
#define Q FF_QUICK
#endif
