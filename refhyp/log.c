/* refhyp's console lines ("refhyp: ..." on the platform UART, through the
 * ROM's ISV=1-safe console driver lib/console.c) and power-off. */
#include <stdarg.h>
#include <stdio.h>
#include <sys/types.h>
#include "refhyp.h"
#include "console.h"

#define LINE_MAX_CHARS 110
#define PSCI_SYSTEM_OFF 0x84000008ULL

void rh_printf(const char *fmt, ...)
{
	char buf[LINE_MAX_CHARS + 2];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, LINE_MAX_CHARS, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if (n >= LINE_MAX_CHARS)
		n = LINE_MAX_CHARS - 1;
	buf[n++] = '\n';
	console_write(buf, (size_t)n);
}

/* PSCI SYSTEM_OFF through the platform's conduit (from EL2: the firmware or
 * QEMU's built-in PSCI answers it). */
void rh_power_off(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;
	if (rh_cfg.psci_smc)
		__asm__ volatile("smc #0" : "+r"(x0) : : "memory");
	else
		__asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
	for (;;)
		__asm__ volatile("wfi");
}

const char *rh_bug_name(enum rh_bug b)
{
	static const char *const names[BUG_COUNT] = {
		[BUG_NONE] = "none", [BUG_NO_WRITEBACK] = "no-writeback",
		[BUG_WB_BEFORE_ACCESS] = "wb-before-access", [BUG_NO_SEXT] = "no-sext",
		[BUG_SEXT_W_UPPER] = "sext-w-upper", [BUG_R31_SP] = "r31-sp", [BUG_BASE_ZR] = "base-zr",
		[BUG_PAIR_DROP_RT2] = "pair-drop-rt2", [BUG_NO_ZERO_UPPER] = "no-zero-upper",
		[BUG_NO_BSWAP] = "no-bswap", [BUG_PC_ONLY] = "pc-only", [BUG_REFAULT] = "refault",
		[BUG_SERROR] = "serror", [BUG_CLOBBER] = "clobber",
		[BUG_STRUCT_ORDER] = "struct-order", [BUG_STRUCT_NO_BSWAP] = "struct-no-bswap",
		[BUG_CAS_NO_STORE] = "cas-no-store", [BUG_POSTREG_IMM] = "postreg-imm",
		[BUG_RT_BEFORE_RN] = "rt-before-rn", [BUG_SVE_IGNORE_PRED] = "sve-ignore-pred",
		[BUG_SVE_VL128] = "sve-vl128",
		[BUG_WRONG_FAR] = "wrong-far", [BUG_WRONG_VECTOR] = "wrong-vector", [BUG_UPPER_ESR] = "upper-esr",
		[BUG_DFSC0] = "dfsc0", [BUG_READ64_ZERO] = "read64-zero", [BUG_STALE_READ] = "stale-read",
		[BUG_WRITE_ON_LOAD] = "write-on-load",
		[BUG_FP_CTRL_RESET] = "fp-ctrl-reset", [BUG_DAIF_CLEAR] = "daif-clear", [BUG_ZVA_BLOCK2] = "zva-block2",
		[BUG_SP_EL0] = "sp-el0",
		[BUG_SVE_KEEP_INACTIVE] = "sve-keep-inactive",
		[BUG_STORE_SKIP] = "store-skip",
		[BUG_PAR_CLOBBER] = "par-clobber",
		[BUG_VECTOR_SP0] = "vector-sp0",
		[BUG_FFR_CLAIMS_ALL] = "ffr-claims-all", [BUG_FFR_CLEAR] = "ffr-clear",
		[BUG_FF_EVERY_ELEMENT] = "ff-every-element",
	};
	return b < BUG_COUNT ? names[b] : "?";
}

/* picolibc's abort()/assert paths end here. */
void _exit(int status) __attribute__((noreturn));
void _exit(int status)
{
	rh_printf("refhyp: exit(%d)", status);
	rh_power_off();
}

