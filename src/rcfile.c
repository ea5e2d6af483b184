/* rcfile: parse and resolve a .venvrc. */
#include "rcfile.h"

#include <string.h>

#include "envhome.h"
#include "inifile.h"

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
		rc->env_is_path = envhome_resolve(cfg, rc->raw.buf, dir, &rc->env);
	return 0;
}

void rcfile_free(struct rcfile *rc)
{
	strbuf_release(&rc->env);
	strbuf_release(&rc->raw);
	strbuf_release(&rc->prompt);
}
