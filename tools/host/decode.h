#ifndef ISVWIRE_DECODE_H
#define ISVWIRE_DECODE_H
#include <stdio.h>
/* Raw console on in -> the ROM's readable lines (and @@wire lines) on stdout. */
int decode_stream(FILE *in, int noise);
#endif
