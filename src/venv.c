/* venv: pyvenv.cfg and labels. */
#include "venv.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

#define CFG_MAX 65536

/* Undo Python's repr() of a str: 'it\'s' or "it's", with \\ \n \t \r
 * and \xHH, \uHHHH, \UHHHHHHHH, which name code points (so '\xad' is
 * U+00AD, two bytes in UTF-8); anything else is kept as written.
 * Unquoted values (virtualenv, uv) are taken as they are. */
static void unrepr(const char *v, size_t n, struct strbuf *out)
{
	if (n < 2 || (v[0] != '\'' && v[0] != '"') || v[n - 1] != v[0]) {
		strbuf_add(out, v, n);
		return;
	}
	for (size_t i = 1; i < n - 1; i++) {
		int c = (unsigned char)v[i];

		if (c == '\\' && i + 1 < n - 1) {
			int e = v[++i];
			size_t d = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
			long cp;

			if (d && i + d < n - 1 && (cp = strbuf_hex_codepoint(v + i + 1, d)) >= 0) {
				if (cp)
					strbuf_add_utf8(out, cp);
				i += d;
				continue;
			}
			if (e == 'n')
				c = '\n';
			else if (e == 't')
				c = '\t';
			else if (e == 'r')
				c = '\r';
			else if (e == '\\' || e == '\'' || e == '"')
				c = e;
			else {
				strbuf_addch(out, '\\');
				c = e;
			}
		}
		if (c)
			strbuf_addch(out, c);
	}
}

int venv_cfg_get(const char *env, const char *key, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	size_t klen = strlen(key), len;
	char *buf;
	int found = 0;

	strbuf_addstr(&path, env);
	strbuf_addstr(&path, "/pyvenv.cfg");
	if (strbuf_read_file(&text, path.buf, CFG_MAX) < 0) {
		strbuf_release(&path);
		return 0;
	}
	strbuf_release(&path);
	buf = text.buf;
	len = text.len;
	for (char *line = buf; line < buf + len && !found;) {
		char *end = memchr(line, '\n', (size_t)(buf + len - line));
		char *p = line, *v, *ve;

		if (!end)
			end = buf + len;
		p += strspn(p, " \t");
		if ((size_t)(end - p) > klen && !memcmp(p, key, klen)) {
			v = p + klen;
			v += strspn(v, " \t");
			if (v < end && *v == '=') {
				v++;
				while (v < end && (*v == ' ' || *v == '\t'))
					v++;
				ve = end;
				while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' ||
						  ve[-1] == '\r'))
					ve--;
				unrepr(v, (size_t)(ve - v), out);
				found = 1;
			}
		}
		line = end + 1;
	}
	strbuf_release(&text);
	return found;
}

void venv_label(const struct config *cfg, const char *env,
		const char *rc_prompt, struct strbuf *out)
{
	size_t len = strlen(env), blen;
	const char *base;

	if (rc_prompt) {
		strbuf_addstr(out, rc_prompt);
		return;
	}
	if (venv_cfg_get(env, "prompt", out) && out->len)
		return;
	while (len > 1 && env[len - 1] == '/')
		len--;
	base = paths_basename(env, len, &blen);
	if (config_is_name(cfg, base, blen) && base > env + 1) {
		len = (size_t)(base - env) - 1;
		base = paths_basename(env, len, &blen);
	}
	strbuf_add(out, base, blen);
}

int venv_python_version(const char *env, struct strbuf *out)
{
	size_t start = out->len, dots = 0;

	if (venv_cfg_get(env, "version", out) && out->len > start)
		return 1;
	strbuf_setlen(out, start);
	if (!venv_cfg_get(env, "version_info", out) || out->len == start)
		return strbuf_setlen(out, start), 0;
	/* virtualenv writes "3.11.2.final.0" */
	for (size_t i = start; i < out->len; i++)
		if (out->buf[i] == '.' && ++dots == 3) {
			strbuf_setlen(out, i);
			break;
		}
	return 1;
}

int venv_broken(const char *env, struct strbuf *why)
{
	struct strbuf p = STRBUF_INIT, home = STRBUF_INIT;
	char target[4096];
	struct stat st;
	ssize_t n;
	int broken = 0;

	strbuf_addf(&p, "%s/bin/python", env);
	if (lstat(p.buf, &st) == 0 && S_ISLNK(st.st_mode) && stat(p.buf, &st) < 0) {
		n = readlink(p.buf, target, sizeof(target) - 1);
		target[n > 0 ? n : 0] = '\0';
		strbuf_addf(why, "its python is a link to '%s', which is gone; "
			    "run 'python3 -m venv --upgrade %s' or make it anew", target, env);
		broken = 1;
	} else if (venv_cfg_get(env, "home", &home) && home.buf[0] == '/' &&
		   stat(home.buf, &st) < 0) {
		strbuf_addf(why, "the Python it was made with ('%s', its pyvenv.cfg's home) is gone; "
			    "run 'python3 -m venv --upgrade %s' or make it anew", home.buf, env);
		broken = 1;
	}
	strbuf_release(&p);
	strbuf_release(&home);
	return broken;
}

/* bin/activate is a few KiB; a bigger one is not a tool's. */
#define ACTIVATE_MAX (64 * 1024)

/* The value of a shell assignment at v, up to a blank, ';' or the end
 * of its line outside quotes (quotes may hold newlines): "..." (as
 * python -m venv before 3.13 writes it), '...' with '\'' for a quote
 * (shlex.quote: virtualenv, 3.13), or a bare word. */
static void shell_value(const char *v, const char *end, struct strbuf *out)
{
	while (v < end && *v != ' ' && *v != '\t' && *v != ';' && *v != '\n') {
		if (*v == '"') {
			const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));

			if (!q)
				q = end;
			strbuf_add(out, v + 1, (size_t)(q - v - 1));
			v = q < end ? q + 1 : end;
		} else if (*v == '\'') {
			const char *q = memchr(v + 1, '\'', (size_t)(end - v - 1));

			if (!q)
				q = end;
			strbuf_add(out, v + 1, (size_t)(q - v - 1));
			v = q < end ? q + 1 : end;
		} else if (*v == '\\' && v + 1 < end) {
			strbuf_addch(out, v[1]);
			v += 2;
		} else {
			strbuf_addch(out, *v++);
		}
	}
}

static int names_env(const char *s, const char *env, const char *real)
{
	return !strcmp(s, env) || (real && !strcmp(s, real));
}

/* Whether bin/activate assigns env (or real) to VIRTUAL_ENV; the first
 * value it assigns, if any, into first. */
static int activate_names(const char *env, const char *real, struct strbuf *first)
{
	struct strbuf p = STRBUF_INIT, text = STRBUF_INIT, v = STRBUF_INIT;
	const char *line, *end;
	int found = 0;

	strbuf_addf(&p, "%s/bin/activate", env);
	if (strbuf_read_file(&text, p.buf, ACTIVATE_MAX) < 0)
		goto out;
	for (line = text.buf; !found && line < text.buf + text.len; line = end + 1) {
		const char *t = line;

		end = memchr(line, '\n', (size_t)(text.buf + text.len - line));
		if (!end)
			end = text.buf + text.len;
		t += strspn(t, " \t");
		if (!strncmp(t, "export ", 7))
			t += 7;
		if (strncmp(t, "VIRTUAL_ENV=", 12) || t[12] == '$')
			continue;
		strbuf_setlen(&v, 0);
		shell_value(t + 12, text.buf + text.len, &v);
		if (!first->len)
			strbuf_set(first, v.buf);
		found = names_env(v.buf, env, real);
	}
out:
	strbuf_release(&p);
	strbuf_release(&text);
	strbuf_release(&v);
	return found;
}

/* Whether pyvenv.cfg's command ends in " env" (or " real"). */
static int command_names(const char *env, const char *real)
{
	struct strbuf cmd = STRBUF_INIT;
	int found = 0;

	if (venv_cfg_get(env, "command", &cmd)) {
		for (int i = 0; i < 2 && !found; i++) {
			const char *e = i ? real : env;
			size_t n = e ? strlen(e) : 0;

			found = e && cmd.len > n && cmd.buf[cmd.len - n - 1] == ' ' &&
				!strcmp(cmd.buf + cmd.len - n, e);
		}
	}
	strbuf_release(&cmd);
	return found;
}

int venv_made_here(const char *env, const char *real, struct strbuf *why)
{
	struct strbuf first = STRBUF_INIT;
	int here = activate_names(env, real, &first) || command_names(env, real);

	if (!here && first.len)
		strbuf_addf(why, "it was made at '%s', not here (a copy, a clone or a moved folder)",
			    first.buf);
	else if (!here)
		strbuf_addf(why, "nothing in it says it was made here "
			    "(its bin/activate names no VIRTUAL_ENV)");
	strbuf_release(&first);
	return here;
}
