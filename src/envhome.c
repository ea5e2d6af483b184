/* envhome: named envs in one folder, as virtualenvwrapper keeps them. */
#include "envhome.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"

void envhome_dir(const struct config *cfg, struct strbuf *out)
{
	const char *w = getenv("WORKON_HOME");

	if (cfg->home)
		paths_expand_tilde(out, cfg->home);
	else if (w && *w)
		paths_expand_tilde(out, w);
	else {
		strbuf_addstr(out, paths_home());
		strbuf_addstr(out, "/.virtualenvs");
	}
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
