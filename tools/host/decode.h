#ifndef ISVWIRE_DECODE_H
#define ISVWIRE_DECODE_H
#include <stdio.h>
/* Raw console on in -> the ROM's readable lines (and @@wire lines) on stdout.
 * readable: the input is wire=tap text (no frames; for --stats baselines).
 * stats: if not NULL, console bytes per outcome are written there. */
int decode_stream(FILE *in, FILE *out, int noise, int readable, FILE *stats);
#endif
