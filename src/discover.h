/* discover: which env a directory wants, walking up to "/" and asking
 * each env source (source.h) in every directory. */
#ifndef DISCOVER_H
#define DISCOVER_H

#include <sys/types.h>

#include "config.h"
#include "strbuf.h"

struct source;

enum found_kind {
	FOUND_NONE,	/* nothing up to "/" */
	FOUND_ENV,	/* env is the env to activate */
	FOUND_OPTOUT,	/* the entry names no env: the search stops */
	FOUND_MISSING,	/* the entry names an env that does not exist */
	FOUND_REFUSED,	/* env is not to be activated: see why */
};

struct found {
	enum found_kind kind;
	const struct source *by;	/* the source that decided, or NULL */
	struct strbuf dir;	/* the directory that decided */
	struct strbuf entry;	/* the file or folder that decided: what
				 * allow and deny record */
	struct strbuf env;	/* the env's absolute path, as found */
	struct strbuf real;	/* FOUND_ENV: env with every link resolved,
				 * what goes on PATH (set by trust.c) */
	int has_prompt;		/* the entry gave a prompt label */
	struct strbuf prompt;
	int names_path;		/* the entry names the env by a path */
	int in_store;		/* the env is in the user's own store of a
				 * tool's envs (poetry's cache, pyenv's
				 * versions, ...), computed, not named */
	/* The entry's file as it was read, for sources that read one, so
	 * that trust judges exactly the bytes that were used. */
	int read_file;
	uid_t file_uid;
	mode_t file_mode;
	struct strbuf file_sha;	/* SHA-256 of its bytes, hex */
	struct strbuf why;	/* FOUND_REFUSED: the reason, for messages */
	int can_allow;		/* FOUND_REFUSED: `vswitch allow` would help */
	struct strbuf cand;	/* the nearest folder from pwd up to the one
				 * that decided holding a name any source
				 * looks for (source_all_names), as a hook
				 * finds it; empty when none did */
};

/* Walk from pwd (absolute) up to "/" and fill f with the first decision,
 * judged by the trust rules (see trust.h). */
void discover(struct found *f, const struct config *cfg, const char *pwd);
/* An empty f (FOUND_NONE). */
void found_init(struct found *f);
/* Free what f holds. */
void found_free(struct found *f);

#endif
