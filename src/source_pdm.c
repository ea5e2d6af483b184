/* source_pdm: pdm records the interpreter a project uses, in
 * .pdm-python (one line: its absolute path) or, before pdm 2.5, in
 * .pdm.toml's [python] path. The env is that path less /bin/python*,
 * when it holds pyvenv.cfg; a plain interpreter (pdm use /usr/bin/python3)
 * is no env, and lets the search go on. An env in pdm's own store
 * (venv.location in $XDG_CONFIG_HOME/pdm/config.toml, else
 * $XDG_DATA_HOME/pdm/venvs) is the user's, as poetry's and pipenv's are;
 * one elsewhere outside the project needs `vswitch allow`. */
#include <string.h>

#include "paths.h"
#include "source.h"
#include "toml.h"
#include "tool.h"

/* The env of interpreter py: py less "/bin/NAME", appended to out; 0,
 * or -1 when py does not end so. */
static int env_of(const char *py, struct strbuf *out)
{
	const char *slash = strrchr(py, '/');
	size_t n;

	if (!slash || strncmp(slash + 1, "python", 6) || slash - py < 4 ||
	    strncmp(slash - 4, "/bin", 4))
		return -1;
	n = (size_t)(slash - 4 - py);
	strbuf_add(out, py, n ? n : 1);
	return 0;
}

/* pdm's folder of envs, into out; nothing with no home. */
static void store(struct strbuf *out)
{
	struct strbuf cfg = STRBUF_INIT, text = STRBUF_INIT, loc = STRBUF_INIT;

	if (paths_xdg(&cfg, "XDG_CONFIG_HOME", ".config") == 0)
		strbuf_addstr(&cfg, "/pdm/config.toml");
	if (cfg.len && tool_read(cfg.buf, &text) == 0 &&
	    toml_get(text.buf, text.len, "venv", "location", &loc) && loc.len)
		paths_expand_tilde(out, loc.buf);
	else
		tool_env_or(out, NULL, "XDG_DATA_HOME", ".local/share", "/pdm/venvs");
	strbuf_release(&cfg);
	strbuf_release(&text);
	strbuf_release(&loc);
}

static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	struct strbuf text = STRBUF_INIT, py = STRBUF_INIT, env = STRBUF_INIT;
	size_t dlen = p->len;
	int r = 0;

	(void)cfg;
	strbuf_addstr(p, ".pdm-python");
	if (tool_read_entry(f, p->buf, &text) == 0) {
		tool_first_line(text.buf, &py);
	} else {
		strbuf_setlen(p, dlen);
		strbuf_addstr(p, ".pdm.toml");
		if (tool_read_entry(f, p->buf, &text) == 0)
			toml_get(text.buf, text.len, "python", "path", &py);
	}
	if (py.len && py.buf[0] != '/') {
		/* relative to the project, as pdm resolves it */
		struct strbuf abs = STRBUF_INIT;

		paths_absolute(&abs, dir, py.buf);
		strbuf_set(&py, abs.buf);
		strbuf_release(&abs);
	}
	if (py.len && env_of(py.buf, &env) == 0 && paths_is_venv(env.buf)) {
		struct strbuf mine = STRBUF_INIT;

		store(&mine);
		/* with no home, pdm has no store of the user's */
		tool_found(f, env.buf, mine.len && paths_within(env.buf, mine.buf));
		strbuf_release(&mine);
		r = 1;
	} else {
		f->read_file = 0;
		strbuf_setlen(&f->entry, 0);
	}
	strbuf_release(&text);
	strbuf_release(&py);
	strbuf_release(&env);
	return r;
}

static const char *const files[] = { ".pdm-python", ".pdm.toml", NULL };

const struct source source_pdm = {
	.name = "pdm",
	.probe = probe,
	.identity = tool_identity,
	.owner_rule = tool_owner_rule,
	.files = files,
};
