/* envhome: named envs in one folder, as virtualenvwrapper keeps them. */
#include "envhome.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "paths.h"

/* A relative env home would make VIRTUAL_ENV depend on $PWD, so it is
 * reported and the default used instead. */
int envhome_dir(const struct config *cfg, struct strbuf *out)
{
	const char *w = getenv("WORKON_HOME");
	const char *set = cfg->home ? cfg->home : w && *w ? w : NULL;
	size_t start = out->len;

	if (set) {
		if (paths_expand_tilde(out, set) == 0 && out->buf[start] == '/')
			return 0;
		error("env home '%s' (%s) is not an absolute path; using ~/.virtualenvs",
		      set, cfg->home ? "[envs] home" : "$WORKON_HOME");
		strbuf_setlen(out, start);
	}
	return paths_expand_tilde(out, "~/.virtualenvs");
}

int envhome_path(const struct config *cfg, const char *name, struct strbuf *out)
{
	if (envhome_dir(cfg, out) < 0)
		return -1;
	strbuf_addch(out, '/');
	strbuf_addstr(out, name);
	return 0;
}

int envhome_is_path(const char *value)
{
	return strchr(value, '/') || value[0] == '.' || value[0] == '~';
}

/* Drop trailing "/" and "/.", and collapse "/./", so that "./venv/" and
 * "venv/." name the same env as "venv". ".." is kept as written. */
static void tidy(struct strbuf *p, size_t start)
{
	char *s = p->buf + start;
	size_t i = 0, j = 0;

	while (p->len > start + 1 && p->buf[p->len - 1] == '/')
		strbuf_setlen(p, p->len - 1);
	while (p->len > start + 2 && !strcmp(p->buf + p->len - 2, "/."))
		strbuf_setlen(p, p->len - 2);
	while (s[i]) {
		if (s[i] == '/' && s[i + 1] == '.' && s[i + 2] == '/')
			i += 2;
		else
			s[j++] = s[i++];
	}
	strbuf_setlen(p, start + j);
}

int envhome_resolve(const struct config *cfg, const char *value,
		    const char *dir, struct strbuf *out)
{
	size_t start = out->len;

	if (!envhome_is_path(value)) {
		envhome_path(cfg, value, out);
		return 0;
	}
	if (value[0] == '~' && (value[1] == '/' || value[1] == '\0')) {
		paths_expand_tilde(out, value);
	} else if (value[0] == '/') {
		strbuf_addstr(out, value);
	} else {
		strbuf_addstr(out, dir);
		if (strcmp(dir, "/"))
			strbuf_addch(out, '/');
		strbuf_addstr(out, value);
	}
	tidy(out, start);
	return 1;
}
