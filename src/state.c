/* state: encode and decode $VSWITCH_STATE. */
#include "state.h"

#include <string.h>

void state_init(struct state *st)
{
	st->mode = MODE_AUTO;
	strbuf_init(&st->env);
	strbuf_init(&st->dir);
	st->had_pythonhome = 0;
	strbuf_init(&st->pythonhome);
	strbuf_init(&st->label);
	strbuf_init(&st->refused);
}

void state_free(struct state *st)
{
	strbuf_release(&st->env);
	strbuf_release(&st->dir);
	strbuf_release(&st->pythonhome);
	strbuf_release(&st->label);
	strbuf_release(&st->refused);
	state_init(st);
}

int state_decode(struct state *st, const char *v)
{
	struct strbuf ph = STRBUF_INIT;
	struct strbuf *fields[] = { &st->env, &st->dir, &ph, &st->label,
				    &st->refused };

	state_free(st);
	if (!v || !*v)
		return 0;
	if (strncmp(v, "1:", 2) || !v[2] || !strchr("aou", v[2]) || v[3] != ':')
		goto bad;
	st->mode = (enum state_mode)v[2];
	v += 4;
	/* four fields end in ':', then LABEL ends the value or, with
	 * REFUSED after it, a ':' */
	for (size_t i = 0; i < 5; i++) {
		v = strbuf_add_unpercent(fields[i], v, ':');
		/* REFUSED is written only when set: an empty one is not ours */
		if (!v || (i < 3 && *v != ':') || (i == 4 && (*v || !st->refused.len)))
			goto bad;
		if (!*v)
			break;
		v++;
	}
	if (ph.len == 1 && ph.buf[0] == '-')
		st->had_pythonhome = 0;
	else if (ph.len >= 1 && ph.buf[0] == '=') {
		st->had_pythonhome = 1;
		strbuf_add(&st->pythonhome, ph.buf + 1, ph.len - 1);
	} else
		goto bad;
	if ((st->env.len && st->env.buf[0] != '/') ||
	    (st->mode == MODE_OFF && st->dir.buf[0] != '/') ||
	    (st->mode == MODE_USE && !st->env.len) ||
	    (st->refused.len && st->refused.buf[0] != '/'))
		goto bad;
	strbuf_release(&ph);
	return 0;
bad:
	strbuf_release(&ph);
	state_free(st);
	return -1;
}

void state_encode(const struct state *st, struct strbuf *out)
{
	strbuf_addf(out, "1:%c:", (char)st->mode);
	strbuf_add_percent(out, st->env.buf, st->env.len);
	strbuf_addch(out, ':');
	strbuf_add_percent(out, st->dir.buf, st->dir.len);
	strbuf_addch(out, ':');
	if (st->had_pythonhome) {
		strbuf_addch(out, '=');
		strbuf_add_percent(out, st->pythonhome.buf, st->pythonhome.len);
	} else {
		strbuf_addch(out, '-');
	}
	strbuf_addch(out, ':');
	strbuf_add_percent(out, st->label.buf, st->label.len);
	if (st->refused.len) {
		strbuf_addch(out, ':');
		strbuf_add_percent(out, st->refused.buf, st->refused.len);
	}
}

int state_is_empty(const struct state *st)
{
	return st->mode == MODE_AUTO && !st->env.len && !st->refused.len;
}
