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

/* Append to watch the entry that decided in f and its env, as found
 * and resolved. */
void hookdata_watch_found(struct strlist *watch, const struct found *f);
/* Append to watch an env folder and what in it is read. */
void hookdata_watch_env(struct strlist *watch, const char *env);
/* Append the hook's variables to out, watch completed with the config
 * file and the trust store. */
void hookdata_changes(const struct config *cfg, const struct engine_input *in,
		      struct strlist *watch, struct changes *out);

#endif
