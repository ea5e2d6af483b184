/* rcfile: parse and resolve a .venvrc. */
#include "rcfile.h"

#include <string.h>

#include "envhome.h"
#include "inifile.h"
#include "paths.h"

static int handle(void *data, const char *section, const char *key,
		  const char *value, unsigned line, const char **msg)
{
	struct rcfile *rc = data;

	(void)line;
	if (*section) {
		*msg = "keys belong at the top, before any [section]";
		return 0;
	}
	if (!strcmp(key, "env")) {
		strbuf_set(&rc->raw, value);
		rc->has_env = *value != '\0';
		return 1;
	}
	if (!strcmp(key, "prompt")) {
		/* An empty prompt falls through to the next label rule. */
		strbuf_set(&rc->prompt, value);
		rc->has_prompt = *value != '\0';
		return 1;
	}
	*msg = "unknown key (expected env or prompt)";
	return 0;
}

/* A value is a path when it holds '/' or starts with '.' or '~'. */
static void resolve(struct rcfile *rc, const struct config *cfg, const char *dir)
{
	const char *v = rc->raw.buf;

	rc->env_is_path = strchr(v, '/') || v[0] == '.' || v[0] == '~';
	if (!rc->env_is_path) {
		envhome_path(cfg, v, &rc->env);
		return;
	}
	if (v[0] == '~' && (v[1] == '/' || v[1] == '\0')) {
		paths_expand_tilde(&rc->env, v);
	} else if (v[0] == '/') {
		strbuf_addstr(&rc->env, v);
	} else {
		strbuf_addstr(&rc->env, dir);
		if (strcmp(dir, "/"))
			strbuf_addch(&rc->env, '/');
		strbuf_addstr(&rc->env, v);
	}
	/* "./venv/" and "venv/." name the same env as "venv". */
	while (rc->env.len > 1 && rc->env.buf[rc->env.len - 1] == '/')
		strbuf_setlen(&rc->env, rc->env.len - 1);
	while (rc->env.len > 2 && !strcmp(rc->env.buf + rc->env.len - 2, "/."))
		strbuf_setlen(&rc->env, rc->env.len - 2);
	{
		char *s = rc->env.buf;
		size_t i = 0, j = 0;

		/* collapse "/./" left by "./venv" */
		while (s[i]) {
			if (s[i] == '/' && s[i + 1] == '.' && s[i + 2] == '/')
				i += 2;
			else
				s[j++] = s[i++];
		}
		strbuf_setlen(&rc->env, j);
	}
}

int rcfile_read(struct rcfile *rc, const struct config *cfg, const char *dir,
		const char *path)
{
	int r;

	memset(rc, 0, sizeof(*rc));
	strbuf_init(&rc->env);
	strbuf_init(&rc->raw);
	strbuf_init(&rc->prompt);
	r = inifile_parse(path, handle, rc);
	if (r == -1)
		return -1;
	if (r == -2)
		rc->has_env = 0;
	if (rc->has_env)
		resolve(rc, cfg, dir);
	return 0;
}

void rcfile_free(struct rcfile *rc)
{
	strbuf_release(&rc->env);
	strbuf_release(&rc->raw);
	strbuf_release(&rc->prompt);
}
