/* state: encode and decode $VSWITCH_STATE. */
#include "state.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void state_init(struct state *st)
{
	st->has_uid = 1;
	st->uid = (unsigned long)geteuid();
	st->mode = MODE_AUTO;
	strbuf_init(&st->env);
	strbuf_init(&st->dir);
	st->had_pythonhome = 0;
	strbuf_init(&st->pythonhome);
	strbuf_init(&st->label);
	strbuf_init(&st->refused);
	strbuf_init(&st->noted);
}

void state_free(struct state *st)
{
	strbuf_release(&st->env);
	strbuf_release(&st->dir);
	strbuf_release(&st->pythonhome);
	strbuf_release(&st->label);
	strbuf_release(&st->refused);
	strbuf_release(&st->noted);
	state_init(st);
}

/* "2:UID:" with UID in decimal, no leading zero, at most 10 digits;
 * returns what follows or NULL. */
static const char *decode_uid(const char *v, struct state *st)
{
	size_t n = strspn(v, "0123456789");
	char *end;

	if (!n || n > 10 || (n > 1 && v[0] == '0') || v[n] != ':')
		return NULL;
	st->uid = strtoul(v, &end, 10);
	if ((uid_t)st->uid != st->uid || (uid_t)st->uid == (uid_t)-1)
		return NULL;
	st->has_uid = 1;
	return v + n + 1;
}

/* Whether s is "" or IDs of 16 lowercase hex digits joined by ','. */
static int noted_ok(const char *s)
{
	while (*s) {
		if (strspn(s, "0123456789abcdef") != 16 || (s[16] && s[16] != ','))
			return 0;
		s += 16 + (s[16] == ',');
		if (s[-1] == ',' && !*s)
			return 0;
	}
	return 1;
}

int state_decode(struct state *st, const char *v)
{
	struct strbuf ph = STRBUF_INIT;
	struct strbuf *fields[] = { &st->env, &st->dir, &ph, &st->label,
				    &st->refused, &st->noted };
	int version;

	state_free(st);
	if (!v || !*v)
		return 0;
	if (!strncmp(v, "2:", 2) && (v = decode_uid(v + 2, st))) {
		version = 2;
	} else if (v && !strncmp(v, "1:", 2)) {
		version = 1;
		st->has_uid = 0;
		st->uid = 0;
		v += 2;
	} else {
		goto bad;
	}
	if (!*v || !strchr("aou", *v) || v[1] != ':')
		goto bad;
	st->mode = (enum state_mode)*v;
	v += 2;
	/* Version 2: six fields, each but the last ending in ':'. Version
	 * 1: four end in ':', then LABEL ends the value or, with REFUSED
	 * (written only when set) after it, a ':'. */
	for (size_t i = 0; i < 6; i++) {
		v = strbuf_add_unpercent(fields[i], v, ':');
		if (!v)
			goto bad;
		if (version == 2 ? (i < 5) != (*v == ':') :
		    (i < 3 && *v != ':') || i == 5 ||
		    (i == 4 && (*v || !st->refused.len)))
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
	    (st->refused.len && st->refused.buf[0] != '/') ||
	    !noted_ok(st->noted.buf))
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
	strbuf_addf(out, "2:%lu:%c:", st->uid, (char)st->mode);
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
	strbuf_addch(out, ':');
	strbuf_add_percent(out, st->refused.buf, st->refused.len);
	strbuf_addch(out, ':');
	strbuf_add_percent(out, st->noted.buf, st->noted.len);
}

int state_is_empty(const struct state *st)
{
	return st->mode == MODE_AUTO && !st->env.len && !st->refused.len &&
	       !st->noted.len;
}
