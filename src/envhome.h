/* envhome: the folder of named envs ([envs] home, $WORKON_HOME,
 * ~/.virtualenvs), and the rule that tells an env name from a path
 * (shared by .venvrc and `use`). Listing it is envlist's. */
#ifndef ENVHOME_H
#define ENVHOME_H

#include "config.h"
#include "strbuf.h"

/* Append the env home's absolute path; returns 0, or -1 (out unchanged)
 * when there is none (no home, see paths_home). */
int envhome_dir(const struct config *cfg, struct strbuf *out);
/* Append the path of env name (which need not exist); 0, or -1 (out
 * unchanged) when there is no env home. */
int envhome_path(const struct config *cfg, const char *name, struct strbuf *out);
/* Whether value (of `env =` or `use`) is a path rather than a name: it
 * holds '/' or starts with '.' or '~'. */
int envhome_is_path(const char *value);
/* Append the env value names: a name is looked up in the env home; a
 * path has "~" or "~/" expanded, is made absolute against dir (absolute,
 * no trailing '/') and loses trailing "/", "/." and inner "/./". Returns
 * whether value was a path. With no home, a name or a path from "~"
 * appends nothing. */
int envhome_resolve(const struct config *cfg, const char *value,
		    const char *dir, struct strbuf *out);

#endif
