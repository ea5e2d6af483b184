/* hookdata: what a hook needs to know to skip running the binary.
 *
 * At each run the binary tells the hook, in its own variables: the names
 * any source looks for in a directory (names), the files whose change
 * would change the result (watch: "+PATH" for one that exists, "-PATH"
 * for one that does not), the environment variables the result depends
 * on (vars), and the folder of stamp files (stampdir, see stamp.h). On
 * a later cd, a hook that finds the same nearest folder holding any of
 * those names, the same values of those variables, and no watched file
 * changed since its stamp, knows the binary would print nothing new. */
#ifndef HOOKDATA_H
#define HOOKDATA_H

#include "changes.h"
#include "config.h"
#include "discover.h"
#include "engine.h"
#include "strlist.h"

/* What a hook keeps between runs beside the watch list, and a tag that
 * stands for all of it: a hook that gives the tag back holds them, and
 * they are not printed again. */
struct hookdata {
	struct strlist names;	/* the names any source looks for */
	struct strlist links;	/* the projects envs' .project files name */
	struct strlist vars;
	struct strbuf stampdir;	/* "" for none */
	struct strbuf tag;
	int backlinks;		/* the config asks the back-link source */
};

/* Append to watch the entry that decided in f and its env, as found
 * and resolved. */
void hookdata_watch_found(struct strlist *watch, const struct found *f);
/* Append to watch an env folder and what in it is read. */
void hookdata_watch_env(struct strlist *watch, const char *env);
/* Fill hd for a run with cfg and in. */
void hookdata_init(struct hookdata *hd, const struct config *cfg,
		   const struct engine_input *in);
void hookdata_free(struct hookdata *hd);
/* Append the hook's variables to out: watch, completed with what in
 * cand (the nearest folder holding a name, or NULL) would change the
 * result, the config file, the trust store and the env folders of
 * back-links; then hd, unless held (the hook gave hd's tag). */
void hookdata_changes(const struct config *cfg, const struct hookdata *hd,
		      int held, const char *cand, struct strlist *watch,
		      struct changes *out);

#endif
