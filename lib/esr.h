#ifndef ISV_ESR_H
#define ISV_ESR_H
#include <stdint.h>
#include <stddef.h>

/* ESR_ELx fields (Arm ARM D17.2.40); Data Abort ISS fields */
#define ESR_EC_SHIFT      26
#define ESR_EC_WIDTH      6
#define ESR_IL_SHIFT      25
#define ESR_ISV_SHIFT     24
#define ESR_DFSC_WIDTH    6
#define ESR_ISS_BRK_MASK  0xffffu
#define ESR_UPPER_SHIFT   32    /* ISS2 and RES0 bits 63:32 */

#define EC_UNKNOWN        0x00
#define EC_SVC64          0x15
#define EC_DABT_LOWER     0x24
#define EC_DABT_CUR       0x25
#define EC_SP_ALIGN       0x26
#define EC_SERROR         0x2f
#define EC_BRK64          0x3c
#define EC_IABT_LOWER     0x20
#define EC_IABT_CUR       0x21
#define EC_PC_ALIGN       0x22

static inline unsigned esr_ec(uint64_t esr) { return (unsigned)(esr >> ESR_EC_SHIFT) & ((1u << ESR_EC_WIDTH) - 1); }
static inline unsigned esr_iss_brk(uint64_t esr) { return (unsigned)(esr & ESR_ISS_BRK_MASK); }

/* Data-abort ESR as YAML flow mappings, split over lines < 110 chars.
 * Calls line() for each line of text (already indented by the caller). */
void esr_yaml(uint64_t esr, int full, void (*line)(const char *s));
const char *ec_name(unsigned ec);
#endif
