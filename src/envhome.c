/* envhome: named envs in one folder, as virtualenvwrapper keeps them. */
#include "envhome.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "paths.h"

/* A relative env home would make VIRTUAL_ENV depend on $PWD, so it is
 * reported and the default used instead. */
void envhome_dir(const struct config *cfg, struct strbuf *out)
{
	const char *w = getenv("WORKON_HOME");
	const char *set = cfg->home ? cfg->home : w && *w ? w : NULL;
	size_t start = out->len;

	if (set) {
		paths_expand_tilde(out, set);
		if (out->buf[start] == '/')
			return;
		error("env home '%s' (%s) is not an absolute path; using ~/.virtualenvs",
		      set, cfg->home ? "[envs] home" : "$WORKON_HOME");
		strbuf_setlen(out, start);
	}
	strbuf_addstr(out, paths_home());
	strbuf_addstr(out, "/.virtualenvs");
}

int envhome_valid_name(const char *name)
{
	return *name && !strchr(name, '/') && strcmp(name, ".") &&
	       strcmp(name, "..");
}

void envhome_path(const struct config *cfg, const char *name, struct strbuf *out)
{
	envhome_dir(cfg, out);
	strbuf_addch(out, '/');
	strbuf_addstr(out, name);
}
