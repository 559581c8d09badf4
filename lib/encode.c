/* The one generic encoder: a form's fixed bits plus each named field. */
#include <stdio.h>
#include <string.h>
#include "encode.h"

static const char *const mode_words[] = {
	[AM_OFFSET] = "off", [AM_PRE] = "pre", [AM_POST] = "post", [AM_UNSCALED] = "unscaled",
	[AM_REGISTER] = "register", [AM_NOOFFSET] = "off", [AM_POSTREG] = "post",
};

const struct field *form_field(const struct form *f, enum operand op)
{
	for (unsigned i = 0; i < FORM_FIELDS; i++)
		if (f->f[i].width && f->f[i].op == op)
			return &f->f[i];
	return NULL;
}

void imm_range(const struct form *f, int64_t *min, int64_t *max)
{
	const struct field *fl = form_field(f, OP_IMM);
	*min = *max = 0;
	if (!fl)
		return;
	if (fl->flags & FLD_SIGNED) {
		*min = -((int64_t)1 << (fl->width - 1)) << f->scale;
		*max = (((int64_t)1 << (fl->width - 1)) - 1) << f->scale;
	} else {
		*max = (((int64_t)1 << fl->width) - 1) << f->scale;
	}
}

static int64_t operand_value(const struct form *f, const struct operands *o, enum operand op, int *ok)
{
	switch (op) {
	case OP_RT: return o->rt;
	case OP_RT2: return o->rt2;
	case OP_RN: return o->rn;
	case OP_RM: return o->rm;
	case OP_RS: return o->rs;
	case OP_OPTION: return o->option;
	case OP_S: return o->s;
	case OP_LANE: return o->lane;
	case OP_IMM:
		if (o->imm & (((int64_t)1 << f->scale) - 1))
			*ok = 0; /* not a multiple of the unit */
		return o->imm >> f->scale;
	default: *ok = 0; return 0;
	}
}

int encode(const struct form *f, const struct operands *o, uint32_t *insn)
{
	uint32_t w = f->bits;
	int ok = 1;
	for (unsigned i = 0; i < FORM_FIELDS; i++) {
		const struct field *fl = &f->f[i];
		if (!fl->width)
			continue;
		int64_t v = operand_value(f, o, (enum operand)fl->op, &ok);
		int64_t lo = 0, hi = ((int64_t)1 << fl->width) - 1;
		if (fl->flags & FLD_SIGNED) {
			lo = -((int64_t)1 << (fl->width - 1));
			hi = ((int64_t)1 << (fl->width - 1)) - 1;
		}
		if (v < lo || v > hi)
			ok = 0;
		uint32_t mask = (uint32_t)(((uint64_t)1 << fl->width) - 1);
		w |= ((uint32_t)v & mask) << fl->lsb;
	}
	*insn = w;
	return ok ? 0 : -1;
}

/* asm_fmt placeholders, replaced by what objdump prints:
 *   {t:w} {t:x} {t2:w} {t2:x} {s:w} {s:x} {m:w} {m:x}  general register (31 = wzr/xzr)
 *   {t:b} {t:h} {t:s} {t:d} {t:q} {t2:..}               SIMD&FP register
 *   {n}                                                 base: xN or sp
 *   {imm}  #imm       {,imm}  ", #imm" unless imm == 0
 *   {ext}  register-offset extend/shift (", lsl #3", ", sxtw", ...)
 *   {mode} the id word for the addressing mode */
static int reg_text(char *out, size_t len, unsigned r, char cls)
{
	if (cls == 'w' || cls == 'x')
		return r == 31 ? snprintf(out, len, "%czr", cls) : snprintf(out, len, "%c%u", cls, r);
	return snprintf(out, len, "%c%u", cls, r);
}

static int ext_text(const struct form *f, const struct operands *o, char *out, size_t len)
{
	static const char *const opt[8] = { "", "", "uxtw", "lsl", "", "", "sxtw", "sxtx" };
	unsigned amount = o->s ? f->scale : 0;
	const char *name = opt[o->option & 7];
	if (o->option == 3 && !o->s)
		return snprintf(out, len, "%s", "");
	if (o->s || (o->option == 3))
		return snprintf(out, len, ", %s #%u", name, amount);
	return snprintf(out, len, ", %s", name);
}

void format_asm(const struct form *f, const struct operands *o, char *buf, size_t len)
{
	const char *p = f->asm_fmt;
	size_t n = 0;
	buf[0] = 0;
	while (*p && n + 1 < len) {
		if (*p != '{') {
			buf[n++] = *p++;
			buf[n] = 0;
			continue;
		}
		const char *end = strchr(p, '}');
		if (!end)
			break;
		char key[8] = { 0 };
		size_t kl = (size_t)(end - p - 1);
		if (kl >= sizeof(key))
			kl = sizeof(key) - 1;
		memcpy(key, p + 1, kl);
		char *dst = buf + n;
		size_t room = len - n;
		int w = 0;
		if (!strcmp(key, "n"))
			w = o->rn == 31 ? snprintf(dst, room, "sp") : snprintf(dst, room, "x%u", o->rn);
		else if (!strcmp(key, "imm"))
			w = snprintf(dst, room, "#%lld", (long long)o->imm);
		else if (!strcmp(key, ",imm"))
			w = o->imm ? snprintf(dst, room, ", #%lld", (long long)o->imm) : 0;
		else if (!strcmp(key, "ext"))
			w = ext_text(f, o, dst, room);
		else if (!strcmp(key, "mode"))
			w = snprintf(dst, room, "%s", mode_words[f->mode]);
		else if (kl >= 3 && key[kl - 2] == ':') {
			unsigned r = key[0] == 't' ? (key[1] == '2' ? o->rt2 : o->rt) :
				     key[0] == 's' ? o->rs : key[0] == 'm' ? o->rm : o->rn;
			w = reg_text(dst, room, r, key[kl - 1]);
		}
		if (w < 0)
			w = 0;
		n += (size_t)w < room ? (size_t)w : room - 1;
		p = end + 1;
	}
	buf[n] = 0;
}

const char *mode_word(enum addr_mode m);
const char *mode_word(enum addr_mode m) { return mode_words[m]; }
