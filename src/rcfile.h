/* rcfile: a project's .venvrc ("env = NAME|PATH", "prompt = LABEL"). */
#ifndef RCFILE_H
#define RCFILE_H

#include <sys/types.h>

#include "config.h"
#include "strbuf.h"

struct rcfile {
	int has_env;		/* an env key with a non-empty value */
	int env_is_path;	/* the value names a path, not an env home name */
	struct strbuf env;	/* the env, resolved to an absolute path */
	struct strbuf raw;	/* the value as written */
	int has_prompt;
	struct strbuf prompt;
	int unreadable;		/* it exists but could not be read (reported) */
	uid_t uid;		/* owner and mode of the file that was read */
	mode_t mode;
	struct strbuf sha;	/* SHA-256 of the bytes parsed, 64 hex digits */
};

/* Read the rc file at path into text (at most 1 MiB, without blocking),
 * with its owner, mode and hash in rc, which describe exactly the bytes
 * read, so trust decisions cannot be raced; nothing is parsed, so a file
 * can be judged first. An unreadable file is reported (once per reason)
 * and marked unreadable. Returns 0, or -1 when the file vanished or is
 * not a regular file (rc is empty either way and must be freed). */
int rcfile_load(struct rcfile *rc, const char *path, struct strbuf *text);
/* Parse len bytes read from path in directory dir (absolute, no
 * trailing '/') into rc, which rcfile_load() filled. Problems are
 * reported as "vswitch: FILE:LINE: ...", a few at most, and once per
 * version of the file (note.h). */
void rcfile_parse(struct rcfile *rc, const struct config *cfg, const char *dir,
		  const char *path, const char *buf, size_t len);
/* rcfile_load(), then rcfile_parse() unless it was unreadable: an
 * unreadable file is treated as one that names no env. Returns as
 * rcfile_load() does. */
int rcfile_read(struct rcfile *rc, const struct config *cfg, const char *dir,
		const char *path);
/* Parse len bytes of rc text as if read from path in dir into an empty
 * rc (for tests and fuzzing); uid, mode and sha are left empty. */
void rcfile_parse_mem(struct rcfile *rc, const struct config *cfg,
		      const char *dir, const char *path, const char *buf,
		      size_t len);
/* Free what rc holds. */
void rcfile_free(struct rcfile *rc);

#endif
