/* rcfile: parse and resolve a .venvrc. */
#include "rcfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "envhome.h"
#include "error.h"
#include "inifile.h"
#include "sha256.h"

/* A .venvrc is two short lines; a bigger one is not read at all. */
#define RC_MAX (1 << 20)

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
	FILE *fp;

	rc_init(rc);
	if (!len)
		return;		/* fmemopen refuses size 0; nothing to parse */
	fp = fmemopen((void *)buf, len, "r");
	if (!fp)
		die("out of memory");
	if (inifile_parse_stream(fp, path, handle, rc) < 0)
		rc->has_env = 0;
	fclose(fp);
	if (rc->has_env)
		rc->env_is_path = envhome_resolve(cfg, rc->raw.buf, dir, &rc->env);
}

int rcfile_read(struct rcfile *rc, const struct config *cfg, const char *dir,
		const char *path)
{
	struct strbuf text = STRBUF_INIT;
	struct stat st;
	int fd, r, err = 0;

	rc_init(rc);	/* callers may free rc whatever we return */
	/* O_NONBLOCK: a FIFO swapped in after the caller's stat must not
	 * hang the shell; fstat then sees it is not a regular file. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0 || fstat(fd, &st) < 0)
		err = errno;
	else if (!S_ISREG(st.st_mode))
		err = ENOENT;
	else if ((r = strbuf_read_fd(&text, fd, RC_MAX)) != 0)
		err = r > 0 ? EFBIG : errno;
	if (fd >= 0)
		close(fd);
	if (err == ENOENT || err == ENOTDIR) {
		strbuf_release(&text);
		return -1;
	}
	if (err) {
		error("cannot read '%s': %s", path,
		      err == EFBIG ? "larger than 1 MiB" : strerror(err));
		strbuf_release(&text);
		rc->unreadable = 1;
		return 0;
	}
	rcfile_parse_mem(rc, cfg, dir, path, text.buf, text.len);
	rc->uid = st.st_uid;
	rc->mode = st.st_mode;
	sha256_hex(text.buf, text.len, &rc->sha);
	strbuf_release(&text);
	return 0;
}

void rcfile_free(struct rcfile *rc)
{
	strbuf_release(&rc->env);
	strbuf_release(&rc->raw);
	strbuf_release(&rc->prompt);
	strbuf_release(&rc->sha);
}
