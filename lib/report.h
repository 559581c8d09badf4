#ifndef ISV_REPORT_H
#define ISV_REPORT_H
#include "judge.h"
void report_result(unsigned long n, const char *id, const struct case_desc *c, const struct verdict *v, int strict);
/* The case ended in an exception delivered through the wrong vector group. */
int misrouted(const struct verdict *v);
#endif
