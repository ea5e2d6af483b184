/* source_backlink: an env whose .project names this folder (see
 * backlinks.h) is the env the folder wants, though the folder holds no
 * file of ours: virtualenvwrapper's `mkvirtualenv -a DIR` and
 * `setvirtualenvproject`, and pipenv. The env is in the user's own env
 * home; what allow and deny record is its .project. */
#include <string.h>

#include "backlinks.h"
#include "source.h"
#include "tool.h"

static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	struct strbuf env = STRBUF_INIT, text = STRBUF_INIT;
	int r = 0;

	(void)p;
	(void)cfg;
	if (backlinks_find(dir, &env)) {
		struct strbuf dot = STRBUF_INIT;

		strbuf_addf(&dot, "%s/.project", env.buf);
		if (tool_read_entry(f, dot.buf, &text) < 0)
			strbuf_set(&f->entry, dot.buf);	/* gone since the index */
		tool_found(f, env.buf, 1);
		strbuf_release(&dot);
		r = 1;
	}
	strbuf_release(&env);
	strbuf_release(&text);
	return r;
}

static int prepare(const struct config *cfg)
{
	return backlinks_load(cfg) > 0;
}

/* It is the folder itself that is named: see the hooks' links. */
const struct source source_backlink = {
	.name = "backlink",
	.probe = probe,
	.identity = tool_identity,
	.owner_rule = tool_owner_rule,
	.prepare = prepare,
};
