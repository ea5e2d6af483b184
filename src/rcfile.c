/* rcfile: parse and resolve a .venvrc. */
#include "rcfile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "envhome.h"
#include "error.h"
#include "inifile.h"
#include "note.h"
#include "sha256.h"

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

static void rc_init(struct rcfile *rc)
{
	memset(rc, 0, sizeof(*rc));
	strbuf_init(&rc->env);
	strbuf_init(&rc->raw);
	strbuf_init(&rc->prompt);
	strbuf_init(&rc->sha);
}

void rcfile_parse_mem(struct rcfile *rc, const struct config *cfg,
		      const char *dir, const char *path, const char *buf,
		      size_t len)
{
	rc_init(rc);
	rcfile_parse(rc, cfg, dir, path, buf, len);
}

void rcfile_parse(struct rcfile *rc, const struct config *cfg, const char *dir,
		  const char *path, const char *buf, size_t len)
{
	struct strbuf id = STRBUF_INIT;

	note_id(&id, "file", path, buf, len);
	if (inifile_parse_mem(buf, len, path, note_seen(id.buf), handle, rc))
		note_keep(id.buf);
	strbuf_release(&id);
	if (rc->has_env)
		rc->env_is_path = envhome_resolve(cfg, rc->raw.buf, dir, &rc->env);
}

int rcfile_load(struct rcfile *rc, const char *path, struct strbuf *text)
{
	struct strbuf id = STRBUF_INIT;
	struct stat st;
	const char *why;
	int r;

	rc_init(rc);	/* callers may free rc whatever we return */
	r = inifile_read(path, text, &st, &why);
	if (r == -1)
		return -1;
	/* Not a regular file (a FIFO, a folder): no .venvrc. */
	if (r == -2 && (S_ISDIR(st.st_mode) || (why && !strcmp(why, "not a regular file"))))
		return -1;
	if (r == -2) {
		note_id(&id, "unreadable", path, why, strlen(why));
		if (note_fresh(id.buf))
			error("cannot read '%s': %s", path, why);
		strbuf_release(&id);
		rc->unreadable = 1;
		return 0;
	}
	rc->uid = st.st_uid;
	rc->mode = st.st_mode;
	sha256_hex(text->buf, text->len, &rc->sha);
	return 0;
}

int rcfile_read(struct rcfile *rc, const struct config *cfg, const char *dir,
		const char *path)
{
	struct strbuf text = STRBUF_INIT;
	int r = rcfile_load(rc, path, &text);

	if (r == 0 && !rc->unreadable)
		rcfile_parse(rc, cfg, dir, path, text.buf, text.len);
	strbuf_release(&text);
	return r;
}

void rcfile_free(struct rcfile *rc)
{
	strbuf_release(&rc->env);
	strbuf_release(&rc->raw);
	strbuf_release(&rc->prompt);
	strbuf_release(&rc->sha);
}
