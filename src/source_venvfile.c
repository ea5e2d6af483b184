/* source_venvfile: a .venv *file* (not a folder; the PEP 832 draft, and
 * what pipenv and zsh-autoswitch-virtualenv write) holds the env on its
 * first line: a path, relative to its folder, or a bare name of an env
 * in the env home (told apart as in a .venvrc). */
#include <string.h>

#include "envhome.h"
#include "paths.h"
#include "source.h"
#include "tool.h"

static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	struct strbuf text = STRBUF_INIT, v = STRBUF_INIT, env = STRBUF_INIT;
	int r = 0;

	strbuf_addstr(p, ".venv");
	if (tool_read_entry(f, p->buf, &text) == 0) {
		tool_first_line(text.buf, &v);
		if (v.len) {
			f->names_path = envhome_is_path(v.buf);
			if (f->names_path) {
				/* ".." is taken as cd takes it, so that "inside
				 * the project" means what it says */
				struct strbuf t = STRBUF_INIT;

				if (paths_expand_tilde(&t, v.buf) == 0)
					paths_absolute(&env, dir, t.buf);
				strbuf_release(&t);
			} else {
				envhome_path(cfg, v.buf, &env);
			}
			/* a name is in the user's own env home */
			tool_found(f, env.buf, !f->names_path);
			r = 1;
		}
	}
	if (!r) {
		f->read_file = 0;
		strbuf_setlen(&f->entry, 0);
	}
	strbuf_release(&text);
	strbuf_release(&v);
	strbuf_release(&env);
	return r;
}

static const char *const files[] = { ".venv", NULL };

const struct source source_venvfile = {
	.name = "venvfile",
	.probe = probe,
	.identity = tool_identity,
	.owner_rule = tool_owner_rule,
	.files = files,
};
