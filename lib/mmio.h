/* ISV=1-safe MMIO accessors: one general register, plain [Xn] addressing, no
 * writeback, so any hypervisor gets a full syndrome. The harness (console,
 * probes outside cells) uses only these; the compiler can never pick a
 * pair, writeback or SIMD form for them. */
#ifndef ISV_MMIO_H
#define ISV_MMIO_H
#include <stdint.h>

static inline uint8_t mmio_read8(uintptr_t a)
{ uint32_t v; __asm__ volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(a) : "memory"); return (uint8_t)v; }
static inline uint16_t mmio_read16(uintptr_t a)
{ uint32_t v; __asm__ volatile("ldrh %w0, [%1]" : "=r"(v) : "r"(a) : "memory"); return (uint16_t)v; }
static inline uint32_t mmio_read32(uintptr_t a)
{ uint32_t v; __asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(a) : "memory"); return v; }
static inline uint64_t mmio_read64(uintptr_t a)
{ uint64_t v; __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(a) : "memory"); return v; }
static inline void mmio_write8(uintptr_t a, uint8_t v)
{ __asm__ volatile("strb %w0, [%1]" : : "r"((uint32_t)v), "r"(a) : "memory"); }
static inline void mmio_write16(uintptr_t a, uint16_t v)
{ __asm__ volatile("strh %w0, [%1]" : : "r"((uint32_t)v), "r"(a) : "memory"); }
static inline void mmio_write32(uintptr_t a, uint32_t v)
{ __asm__ volatile("str %w0, [%1]" : : "r"(v), "r"(a) : "memory"); }
static inline void mmio_write64(uintptr_t a, uint64_t v)
{ __asm__ volatile("str %0, [%1]" : : "r"(v), "r"(a) : "memory"); }
#endif
