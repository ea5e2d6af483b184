/* source_pyenv: a .python-version whose first line names an env of
 * pyenv-virtualenv, under ${PYENV_ROOT:-~/.pyenv}/versions/: NAME (a
 * link pyenv-virtualenv makes) or X.Y.Z/envs/NAME, holding pyvenv.cfg.
 * A plain version (3.11.2, as uv writes) is no env, says nothing, and
 * lets the search go on. */
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "source.h"
#include "tool.h"

static int versions(struct strbuf *out)
{
	const char *root = getenv("PYENV_ROOT");

	if (paths_expand_tilde(out, root && *root ? root : "~/.pyenv") < 0)
		return -1;
	strbuf_addstr(out, "/versions");
	return 0;
}

static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	struct strbuf text = STRBUF_INIT, name = STRBUF_INIT, env = STRBUF_INIT;
	int r = 0;

	(void)cfg;
	(void)dir;
	strbuf_addstr(p, ".python-version");
	if (tool_read_entry(f, p->buf, &text) == 0) {
		tool_first_line(text.buf, &name);
		if (versions(&env) == 0) {
			strbuf_addch(&env, '/');
			strbuf_addstr(&env, name.buf);
		}
		/* a name, or X.Y.Z/envs/NAME: nothing that climbs out; with
		 * no home, no pyenv root and no env */
		if (env.len && name.len && name.buf[0] != '/' && !strstr(name.buf, "..") &&
		    paths_is_venv(env.buf)) {
			tool_found(f, env.buf, 1);
			r = 1;
		}
	}
	if (!r) {
		f->read_file = 0;
		strbuf_setlen(&f->entry, 0);
	}
	strbuf_release(&text);
	strbuf_release(&name);
	strbuf_release(&env);
	return r;
}

static const char *const files[] = { ".python-version", NULL };

static const char *const vars[] = { "PYENV_ROOT", NULL };

const struct source source_pyenv = {
	.name = "pyenv",
	.probe = probe,
	.identity = tool_identity,
	.owner_rule = tool_owner_rule,
	.files = files,
	.vars = vars,
};
