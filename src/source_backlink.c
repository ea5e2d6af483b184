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
		strbuf_addstr(&text, env.buf);
		strbuf_addstr(&text, "/.project");
		strbuf_setlen(&env, 0);
		strbuf_add(&env, text.buf, text.len - strlen("/.project"));
		strbuf_set(&f->entry, text.buf);
		strbuf_setlen(&text, 0);
		if (tool_read_entry(f, f->entry.buf, &text) < 0)
			strbuf_setlen(&f->file_sha, 0);
		tool_found(f, env.buf, 1);
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
static size_t names(const struct config *cfg, const char **out, size_t max)
{
	(void)cfg;
	(void)out;
	(void)max;
	return 0;
}

const struct source source_backlink = {
	.name = "backlink",
	.probe = probe,
	.identity = tool_identity,
	.owner_rule = tool_owner_rule,
	.names = names,
	.prepare = prepare,
};
