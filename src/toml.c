/* toml: a reader of the few values the tool sources need. */
#include "toml.h"

#include <string.h>

/* A cursor over the text. */
struct scan {
	const char *p, *end;
};

static int at(const struct scan *s, const char *lit)
{
	size_t n = strlen(lit);

	return (size_t)(s->end - s->p) >= n && !memcmp(s->p, lit, n);
}

static void skip_blanks(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
		s->p++;
}

/* To the start of the next line. */
static void skip_line(struct scan *s)
{
	const char *nl = memchr(s->p, '\n', (size_t)(s->end - s->p));

	s->p = nl ? nl + 1 : s->end;
}

/* A basic string's escape at s->p (after the backslash); appended to
 * out when out is not NULL. 0, or -1 for one TOML does not have. */
static int escape(struct scan *s, struct strbuf *out)
{
	static const char from[] = "btnfr\"\\", to[] = "\b\t\n\f\r\"\\";
	const char *e;
	size_t d;
	long cp;

	if (s->p >= s->end)
		return -1;
	if ((e = strchr(from, *s->p)) && *s->p) {
		if (out)
			strbuf_addch(out, to[e - from]);
		s->p++;
		return 0;
	}
	d = *s->p == 'u' ? 4 : *s->p == 'U' ? 8 : 0;
	if (!d || (size_t)(s->end - s->p) <= d ||
	    (cp = strbuf_hex_codepoint(s->p + 1, d)) < 0)
		return -1;
	if (out)
		strbuf_add_utf8(out, cp);
	s->p += d + 1;
	return 0;
}

/* A string of any of the four kinds at s->p, appended to out (if not
 * NULL); 0, or -1 when it does not close as it must. */
static int string(struct scan *s, struct strbuf *out)
{
	int lit = *s->p == '\'', multi = at(s, lit ? "'''" : "\"\"\"");
	char q = *s->p;

	s->p += multi ? 3 : 1;
	if (multi && s->p < s->end && *s->p == '\n')
		s->p++;		/* a newline right after the quotes is dropped */
	while (s->p < s->end) {
		char c = *s->p;

		if (multi && at(s, lit ? "'''" : "\"\"\"")) {
			s->p += 3;
			return 0;
		}
		if (!multi && c == q) {
			s->p++;
			return 0;
		}
		if (!multi && c == '\n')
			return -1;
		if (c == '\\' && !lit) {
			s->p++;
			if (multi && s->p < s->end && (*s->p == '\n' || *s->p == ' ')) {
				/* a line-ending backslash eats the white space */
				while (s->p < s->end && strchr(" \t\r\n", *s->p))
					s->p++;
				continue;
			}
			if (escape(s, out) < 0)
				return -1;
			continue;
		}
		if (out)
			strbuf_addch(out, c);
		s->p++;
	}
	return -1;
}

/* A dotted key (or table name) at s->p, up to stop ('=' or ']'),
 * parts joined with '.' into out; 0, or -1. */
static int key(struct scan *s, int stop, struct strbuf *out)
{
	for (;;) {
		skip_blanks(s);
		if (s->p >= s->end)
			return -1;
		if (*s->p == '"' || *s->p == '\'') {
			if (at(s, "\"\"\"") || at(s, "'''") || string(s, out) < 0)
				return -1;
		} else {
			size_t n = strspn(s->p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

			if (!n || n > (size_t)(s->end - s->p))
				return -1;
			strbuf_add(out, s->p, n);
			s->p += n;
		}
		skip_blanks(s);
		if (s->p < s->end && *s->p == stop)
			return 0;
		if (s->p >= s->end || *s->p != '.')
			return -1;
		strbuf_addch(out, '.');
		s->p++;
	}
}

/* Past a value that is not a string or a boolean: to the end of the
 * line, or past the bracket or brace that closes an array or inline
 * table over any number of lines, strings and comments inside. */
static void skip_value(struct scan *s)
{
	int depth = 0;

	while (s->p < s->end) {
		char c = *s->p;

		if (c == '"' || c == '\'') {
			if (string(s, NULL) < 0)
				return;
			continue;
		}
		if (c == '#') {
			skip_line(s);
			if (!depth)
				return;
			continue;
		}
		if (c == '\n' && !depth)
			return;
		if (c == '[' || c == '{')
			depth++;
		else if ((c == ']' || c == '}') && depth && !--depth) {
			s->p++;
			return;
		}
		s->p++;
	}
}

/* Whether path is name, or begins with it and a '.'. */
static int under(const char *path, const char *name)
{
	size_t n = strlen(name);

	return !strncmp(path, name, n) && (path[n] == '\0' || path[n] == '.');
}

/* Walk every assignment, and say each to fn; stops when fn returns 1. */
static int walk(const char *text, size_t len,
		int (*fn)(void *arg, const char *path, const char *val, int has_val),
		void *arg)
{
	struct scan s = { text, text + len };
	struct strbuf table = STRBUF_INIT, k = STRBUF_INIT, v = STRBUF_INIT;
	int done = 0;

	while (!done && s.p < s.end) {
		skip_blanks(&s);
		if (s.p >= s.end)
			break;
		if (*s.p == '\n' || *s.p == '\r' || *s.p == '#') {
			skip_line(&s);
			continue;
		}
		strbuf_setlen(&k, 0);
		if (*s.p == '[') {
			int array = at(&s, "[[");

			s.p += array ? 2 : 1;
			if (key(&s, ']', &k) == 0) {
				strbuf_set(&table, k.buf);
				done = fn(arg, table.buf, NULL, 0);
			}
			skip_line(&s);
			continue;
		}
		if (key(&s, '=', &k) < 0) {
			skip_line(&s);
			continue;
		}
		s.p++;
		skip_blanks(&s);
		if (table.len) {
			strbuf_setlen(&v, 0);
			strbuf_addf(&v, "%s.%s", table.buf, k.buf);
			strbuf_set(&k, v.buf);
		}
		strbuf_setlen(&v, 0);
		if (s.p < s.end && (*s.p == '"' || *s.p == '\'')) {
			if (string(&s, &v) < 0) {
				skip_line(&s);
				continue;
			}
			done = fn(arg, k.buf, v.buf, 1);
		} else if (at(&s, "true") || at(&s, "false")) {
			strbuf_addstr(&v, *s.p == 't' ? "true" : "false");
			s.p += v.len;
			done = fn(arg, k.buf, v.buf, 1);
		} else {
			skip_value(&s);
			done = fn(arg, k.buf, NULL, 0);
		}
		skip_line(&s);
	}
	strbuf_release(&table);
	strbuf_release(&k);
	strbuf_release(&v);
	return done;
}

struct lookup {
	const char *want;
	struct strbuf *out;
	int found;
};

static int match(void *arg, const char *path, const char *val, int has_val)
{
	struct lookup *l = arg;

	if (has_val && !strcmp(path, l->want)) {
		strbuf_set(l->out, val);
		l->found = 1;
	}
	return 0;	/* the last assignment wins: read on */
}

int toml_get(const char *text, size_t len, const char *table, const char *key_,
	     struct strbuf *out)
{
	struct strbuf want = STRBUF_INIT, val = STRBUF_INIT;
	struct lookup l = { NULL, &val, 0 };

	if (*table)
		strbuf_addf(&want, "%s.%s", table, key_);
	else
		strbuf_addstr(&want, key_);
	l.want = want.buf;
	walk(text, len, match, &l);
	if (l.found)
		strbuf_addstr(out, val.buf);
	strbuf_release(&want);
	strbuf_release(&val);
	return l.found;
}

static int has(void *arg, const char *path, const char *val, int has_val)
{
	(void)val;
	(void)has_val;
	return under(path, arg);
}

int toml_has_table(const char *text, size_t len, const char *table)
{
	return walk(text, len, has, (void *)table);
}
