/* discover: which env a directory wants, walking up to "/". */
#ifndef DISCOVER_H
#define DISCOVER_H

#include <sys/types.h>

#include "config.h"
#include "strbuf.h"

enum found_kind {
	FOUND_NONE,	/* nothing up to "/" */
	FOUND_ENV,	/* env is the env to activate */
	FOUND_OPTOUT,	/* a .venvrc with no env stops the search */
	FOUND_MISSING,	/* a .venvrc names an env that does not exist */
	FOUND_REFUSED,	/* env is not to be activated: see why */
};

struct found {
	enum found_kind kind;
	struct strbuf dir;	/* the directory that decided */
	struct strbuf source;	/* the .venvrc or venv folder that decided */
	struct strbuf env;	/* the env's absolute path */
	int from_rc;		/* decided by a .venvrc */
	int has_prompt;		/* the .venvrc gave a prompt */
	struct strbuf prompt;
	int env_is_path;	/* the .venvrc named a path, not a name */
	uid_t rc_uid;		/* owner and mode of the .venvrc as read */
	mode_t rc_mode;
	struct strbuf rc_sha;	/* SHA-256 of the .venvrc as read */
	struct strbuf why;	/* FOUND_REFUSED: the reason, for messages */
	int can_allow;		/* FOUND_REFUSED: `vswitch allow` would help */
};

/* Walk from pwd (absolute) up to "/" and fill f with the first decision,
 * judged by the trust rules (see trust.h). */
void discover(struct found *f, const struct config *cfg, const char *pwd);
/* Free what f holds. */
void found_free(struct found *f);

#endif
