#ifndef ISV_WIRE_H
#define ISV_WIRE_H
/* The console wire (docs/contracts.md "Console wire"): framing and the
 * compact case blocks. Compiled into the ROM (encoder) and into the host
 * tool build/host/isvwire (decoder): one definition of the format. */
#include <stddef.h>
#include <stdint.h>

enum wire_mode { WIRE_TAP, WIRE_FRAME, WIRE_COMPACT };

/* Frame: '{' SS LL CCCC PAYLOAD '}'  (SS sequence mod 256, LL payload
 * length, CCCC CRC-16/CCITT-FALSE over "SSLL" + payload; all hex, lower
 * case; payload printable ASCII 0x20..0x7e). */
#define WIRE_OPEN          '{'
#define WIRE_CLOSE         '}'
#define WIRE_SEQ_DIGITS    2
#define WIRE_LEN_DIGITS    2
#define WIRE_CRC_DIGITS    4
#define WIRE_HDR_LEN       (1 + WIRE_SEQ_DIGITS + WIRE_LEN_DIGITS + WIRE_CRC_DIGITS)
#define WIRE_PAYLOAD_MAX   255
#define WIRE_FRAME_MAX     (WIRE_HDR_LEN + WIRE_PAYLOAD_MAX + 1)
#define WIRE_SEQ_MOD       256

uint16_t wire_crc16(uint16_t crc, const char *s, size_t n);
#define WIRE_CRC_INIT      0xffffu
/* Frame payload[0..n) with sequence seq into out (WIRE_FRAME_MAX bytes);
 * returns the frame length (no newline). n must be <= WIRE_PAYLOAD_MAX. */
size_t wire_frame(char *out, unsigned seq, const char *payload, size_t n);
/* Parse a frame at s[0..n): returns the frame's length and sets *seq,
 * *payload, *plen when s holds a whole frame whose CRC verifies; 0 when s
 * could still be the start of a frame that continues past n (every byte
 * so far fits); -1 when it is not (or no longer can be) a valid frame. */
int wire_parse(const char *s, size_t n, unsigned *seq, const char **payload, size_t *plen);

/* Compact payloads start with WIRE_ESC, which no readable TAP line does.
 *   `K          backref: MRU entry K (K in WIRE_MRU_ALPHABET)
 *   `+TEXT      literal case block (last chunk); enters the MRU at 0
 *   `&TEXT      literal chunk, more follows
 *   `!s ARGS    selection: the bootargs words matrix= targets= only=
 *   `!t NAME VA NCVA   a target's window addresses (hex)
 *   `!n N       the next case block is case N
 *   `!r         the MRU table is emptied (both sides)
 * Block text: lines joined by `/ ; `` is a backtick; `N `I `X `A `F `G
 * `W `V stand for the case's tokens (enum wire_token order). */
#define WIRE_ESC           '`'
#define WIRE_MRU_ALPHABET  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define WIRE_MRU_SIZE      62
#define WIRE_BLOCK_MAX     2048   /* templated block; longer ones bypass the MRU */
#define WIRE_MRU_ENTRY_MAX 1024   /* longer literals are not remembered (an unclean block with esr_fields is ~600) */
#define WIRE_CHUNK_MAX     96     /* literal chunk payload: frames stay < 110 chars */
#define WIRE_RESET_EVERY   512    /* case blocks between MRU resets (loss recovery) */

enum wire_token { TK_N, TK_ID, TK_INSN, TK_ASM, TK_FAR, TK_FAR_NC, TK_WIN, TK_WIN_NC, TK_COUNT };
#define WIRE_TOKEN_LETTERS "NIXAFGWV"
#define WIRE_TOKEN_MAX     112

struct wire_tokens { char s[TK_COUNT][WIRE_TOKEN_MAX]; };

struct case_desc;
/* The strings the host can compute for case n (id with target prefix, on
 * the target whose Device/Normal-NC window aliases are va/nc_va). */
void wire_case_tokens(struct wire_tokens *tk, unsigned long n, const char *id, const struct case_desc *c,
		      uint64_t va, uint64_t nc_va);
/* Readable block text (lines ending '\n') -> templated wire text. Returns
 * its length, or 0 if it does not fit out (cap bytes). */
size_t wire_template(const char *text, size_t n, const struct wire_tokens *tk, char *out, size_t cap);
/* Templated wire text -> readable lines (each ending '\n'); -1 if malformed
 * or it does not fit out. */
int wire_expand(const char *w, size_t n, const struct wire_tokens *tk, char *out, size_t cap);

/* Move-to-front table of recent distinct templated blocks. */
struct wire_mru {
	unsigned n;
	uint16_t len[WIRE_MRU_SIZE];
	char text[WIRE_MRU_SIZE][WIRE_MRU_ENTRY_MAX];
};
void wire_mru_reset(struct wire_mru *m);
int wire_mru_find(const struct wire_mru *m, const char *s, size_t n);   /* index or -1 */
void wire_mru_use(struct wire_mru *m, unsigned k);                      /* move k to front */
void wire_mru_add(struct wire_mru *m, const char *s, size_t n);         /* insert at front */

/* Case-list fingerprint: FNV-1a 64 over "ID INSN\n" (INSN 8 hex digits)
 * of every selected case, in order. */
#define WIRE_FP_INIT       0xcbf29ce484222325ULL
uint64_t wire_fp_add(uint64_t h, const char *id, uint32_t insn);
#endif
