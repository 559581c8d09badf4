#ifndef ISV_CELL_H
#define ISV_CELL_H
#include <stdint.h>
#include "frame.h"
#include "layout.h"

/* How a cell run ended */
enum cell_exit_kind {
	CELL_DONE,        /* reached the BRK after the instruction */
	CELL_EXCEPTION,   /* a synchronous exception (abort, UNDEF, ...) */
	CELL_SERROR,      /* an SError interrupted the cell */
	CELL_OTHER,       /* IRQ/FIQ or an unexpected vector */
};

/* An EL1h cell's SP_EL0: mid-page in a zeroed decoy page (lib/cell.c) */
#define CELL_SP_EL0 (DECOY_VA + 0x800)

/* Where a cell runs; the cell's SP is in->sp in every mode. */
enum cell_mode {
	CELL_EL1T,        /* EL1 with SP_EL0 (the harness keeps SP_EL1) */
	CELL_EL0,         /* EL0 (SP_EL0) */
	CELL_EL1H,        /* EL1 with SP_EL1, as guest kernels run; SP_EL0 = CELL_SP_EL0 */
};

struct cell_result {
	enum cell_exit_kind kind;
	int64_t pc_off;           /* exception/BRK address minus the instruction's */
	int vector_ok;            /* exception taken through the architected vector group */
	unsigned vector_want;     /* ... which is this one's sync vector */
	int el0;                  /* the cell ran at EL0 */
	uint64_t par;             /* PAR_EL1 after the cell (CELL_PAR_IN before it) */
	struct frame out;
};

void cell_init(void);
/* Put insn into the slot (with cache maintenance when it changed). */
void cell_load(uint32_t insn);
uint64_t cell_slot_va(void);
/* Run with full state *in (in->pc, in->pstate's mode and, at EL1h,
 * in->sp_el0 are set here); big-endian data: E0E at EL0, EE at EL1t. */
void cell_exec(struct frame *in, enum cell_mode mode, int bigendian, struct cell_result *r);
/* VL = 128, p0 = all true, FFR = all true: the state SVE cases run in. */
/* ZCR_EL1.LEN = vq - 1, p0 from pred (VL / 8 bytes, lib/inputs.c
 * inputs_sve_pred), FFR all true; returns the effective VL in bytes. */
unsigned cell_sve_setup(const uint8_t *pred, unsigned vq);
/* Save Z0-Z31 at the current VL (32 rows of VL bytes) into z and FFR (VL / 8
 * bytes) into ffr when a cell ends; NULL: do not. */
void cell_sve_save(uint8_t *z, uint8_t *ffr);
/* FFR = all true (SETFFR), as cell_sve_setup leaves it. */
void cell_sve_setffr(void);
/* Load Z0-Z31 (32 rows of VL bytes) from buf when a cell starts, after the
 * frame's V registers (which it must repeat); NULL: do not. */
void cell_sve_load(const uint8_t *buf);
#endif
