/* rcfile: a project's .venvrc ("env = NAME|PATH", "prompt = LABEL"). */
#ifndef RCFILE_H
#define RCFILE_H

#include "config.h"
#include "strbuf.h"

struct rcfile {
	int has_env;		/* an env key with a non-empty value */
	int env_is_path;	/* the value names a path, not an env home name */
	struct strbuf env;	/* the env, resolved to an absolute path */
	struct strbuf raw;	/* the value as written */
	int has_prompt;
	struct strbuf prompt;
};

/* Read the rc file at path in directory dir (absolute, no trailing '/').
 * Problems are reported as "vswitch: FILE:LINE: ..."; an unreadable file
 * is reported and treated as one that names no env. Returns 0, or -1
 * when the file vanished. */
int rcfile_read(struct rcfile *rc, const struct config *cfg, const char *dir,
		const char *path);
/* Free what rc holds. */
void rcfile_free(struct rcfile *rc);

#endif
