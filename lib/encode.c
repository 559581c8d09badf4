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
		int64_t v = operand_value(f, o, (enum operand)fl->op, &ok) >> fl->vshift;
		int64_t lo = 0, hi = ((int64_t)1 << fl->width) - 1;
		if (fl->flags & FLD_SIGNED) {
			lo = -((int64_t)1 << (fl->width - 1));
			hi = ((int64_t)1 << (fl->width - 1)) - 1;
		}
		if (!(fl->flags & FLD_PART) && (v < lo || v > hi))
			ok = 0;
		uint32_t mask = (uint32_t)(((uint64_t)1 << fl->width) - 1);
		w |= ((uint32_t)v & mask) << fl->lsb;
	}
	*insn = w;
	return ok ? 0 : -1;
}

/* asm_fmt placeholders, replaced by what objdump prints:
 *   {t:w} {t:x} {t2:w} {t2:x} {s:w} {s:x} {m:w} {m:x}  general register (31 = wzr/xzr)
 *   {t1:x} {s1:x}                                       the odd half of an even pair (Rt+1, Rs+1)
 *   {m:r}                                               Rm as w or x, by the extend option
 *   {t:b} {t:h} {t:s} {t:d} {t:q} {t2:..}               SIMD&FP register
 *   {l3.16b} {l1.b} {z1.s}                              register list of Rt.. (v or z), 3 regs
 *   {n}  base: xN or sp       {n:x}  xN or xzr (DC/LS64 operands that are not a base)
 *   {imm}  #imm       {,imm}  ", #imm" unless imm == 0    {,vl} ", #imm, mul vl" (SVE) unless 0
 *   {bytes} the transfer size (structure post-index)      {lane} the lane index
 *   {ext}  register-offset extend/shift (", lsl #3", ", sxtw", ...)
 *   {mode} the id word for the addressing mode
 * "A|B": text B when Rt = 31 (an alias objdump prints, e.g. stadd for ldadd). */
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

/* "{v2.16b-v4.16b}" for 3-4 consecutive registers, else a comma list
 * (objdump's spelling, also when the list wraps past V31). */
static int list_text(char *out, size_t len, char cls, unsigned first, unsigned n, const char *arr)
{
	int w = 0;
	if (n >= 3 && first + n - 1 <= 31)
		return snprintf(out, len, "{%c%u.%s-%c%u.%s}", cls, first, arr, cls, first + n - 1, arr);
	w += snprintf(out, len, "{");
	for (unsigned i = 0; i < n && (size_t)w < len; i++)
		w += snprintf(out + w, len - (size_t)w, "%s%c%u.%s", i ? ", " : "", cls, (first + i) & 31, arr);
	if ((size_t)w < len)
		w += snprintf(out + w, len - (size_t)w, "}");
	return w;
}

static unsigned reg_of(const struct operands *o, const char *key)
{
	switch (key[0]) {
	case 't': return key[1] == '2' ? o->rt2 : key[1] == '1' ? (o->rt + 1u) & 31 : o->rt;
	case 's': return key[1] == '1' ? (o->rs + 1u) & 31 : o->rs;
	case 'm': return o->rm;
	default: return o->rn;
	}
}

static int key_text(const struct form *f, const struct operands *o, const char *key, size_t kl, char *dst,
		    size_t room)
{
	if (!strcmp(key, "n"))
		return o->rn == 31 ? snprintf(dst, room, "sp") : snprintf(dst, room, "x%u", o->rn);
	if (!strcmp(key, "imm"))
		return snprintf(dst, room, "#%lld", (long long)o->imm);
	if (!strcmp(key, ",imm"))
		return o->imm ? snprintf(dst, room, ", #%lld", (long long)o->imm) : 0;
	if (!strcmp(key, ",vl"))
		return o->imm ? snprintf(dst, room, ", #%lld, mul vl", (long long)(o->imm >> f->scale)) : 0;
	if (!strcmp(key, "bytes"))
		return snprintf(dst, room, "#%u", (unsigned)f->esize * f->nelem);
	if (!strcmp(key, "lane"))
		return snprintf(dst, room, "%u", o->lane);
	if (!strcmp(key, "ext"))
		return ext_text(f, o, dst, room);
	if (!strcmp(key, "mode"))
		return snprintf(dst, room, "%s", mode_words[f->mode]);
	if ((key[0] == 'l' || key[0] == 'z') && key[1] >= '1' && key[1] <= '4' && key[2] == '.')
		return list_text(dst, room, key[0] == 'l' ? 'v' : 'z', o->rt, (unsigned)(key[1] - '0'), key + 3);
	if (kl >= 3 && key[kl - 2] == ':') {
		char cls = key[kl - 1];
		if (cls == 'r') /* extend option bit 0 clear: a W index register */
			cls = (o->option & 1) ? 'x' : 'w';
		return reg_text(dst, room, reg_of(o, key), cls);
	}
	return 0;
}

void format_asm(const struct form *f, const struct operands *o, char *buf, size_t len)
{
	const char *p = f->asm_fmt, *alt = strchr(p, '|');
	const char *stop = alt ? alt : p + strlen(p);
	if (alt && o->rt == 31) {
		p = alt + 1;
		stop = p + strlen(p);
	}
	size_t n = 0;
	buf[0] = 0;
	while (p < stop && n + 1 < len) {
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
		size_t room = len - n;
		int w = key_text(f, o, key, kl, buf + n, room);
		if (w < 0)
			w = 0;
		n += (size_t)w < room ? (size_t)w : room - 1;
		p = end + 1;
	}
	buf[n] = 0;
}

const char *mode_word(enum addr_mode m);
const char *mode_word(enum addr_mode m) { return mode_words[m]; }
