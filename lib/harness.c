/* Exceptions taken by the harness itself (vectors.S SP_ELx group): the
 * guarded accessors' faults, a late SError let in on purpose, the
 * semihosting probe; anything else is a harness bug: Bail out!. */
#include "guard.h"
#include "frame.h"
#include "esr.h"
#include "mmio.h"
#include "sysreg.h"
#include "tap.h"
#include "psci.h"

#define A64_INSN_BYTES 4

static volatile int guard_active;
static volatile int guard_faulted;
static volatile uint64_t guard_esr;
static volatile int serror_expected;
static volatile int serror_seen;
static volatile uint64_t serror_esr;
volatile int semihosting_probe;
volatile int semihosting_failed;
extern enum psci_conduit rom_psci;

void harness_exception(struct frame *f, uint64_t vector);
void harness_exception(struct frame *f, uint64_t vector)
{
	if (vector == VEC_CUR_SPX_SERROR && serror_expected) {
		serror_seen = 1;
		serror_esr = f->esr;
		return;
	}
	if (vector == VEC_CUR_SPX_SYNC && guard_active) {
		guard_faulted = 1;
		guard_esr = f->esr;
		f->pc += A64_INSN_BYTES;
		return;
	}
	if (vector == VEC_CUR_SPX_SYNC && semihosting_probe) {
		semihosting_failed = 1;
		f->pc += A64_INSN_BYTES;
		return;
	}
	tap_printf("Bail out! harness exception: vector 0x%llx %s ESR 0x%llx FAR 0x%llx ELR 0x%llx",
		   (unsigned long long)vector, ec_name(esr_ec(f->esr)), (unsigned long long)f->esr,
		   (unsigned long long)f->far, (unsigned long long)f->pc);
	tap_done();
	psci_system_off(rom_psci);
}

static int guard_begin(void)
{
	guard_faulted = 0;
	guard_active = 1;
	__asm__ volatile("" : : : "memory");
	return 0;
}

static int guard_end(uint64_t *esr)
{
	__asm__ volatile("" : : : "memory");
	guard_active = 0;
	if (guard_faulted && esr)
		*esr = guard_esr;
	return guard_faulted ? -1 : 0;
}

int guarded_read(uintptr_t a, unsigned bytes, uint64_t *val, uint64_t *esr)
{
	uint64_t v = 0;
	guard_begin();
	switch (bytes) {
	case 1: v = mmio_read8(a); break;
	case 2: v = mmio_read16(a); break;
	case 4: v = mmio_read32(a); break;
	default: v = mmio_read64(a); break;
	}
	int r = guard_end(esr);
	*val = r ? 0 : v;
	return r;
}

int guarded_write(uintptr_t a, unsigned bytes, uint64_t v, uint64_t *esr)
{
	guard_begin();
	switch (bytes) {
	case 1: mmio_write8(a, (uint8_t)v); break;
	case 2: mmio_write16(a, (uint16_t)v); break;
	case 4: mmio_write32(a, (uint32_t)v); break;
	default: mmio_write64(a, v); break;
	}
	return guard_end(esr);
}

int serror_flush(uint64_t *esr)
{
	serror_seen = 0;
	serror_expected = 1;
	__asm__ volatile("msr daifclr, #4\n\tisb\n\tmsr daifset, #4\n\tisb" : : : "memory");
	serror_expected = 0;
	if (serror_seen && esr)
		*esr = serror_esr;
	return serror_seen;
}
