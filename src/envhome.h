/* envhome: the folder of named envs ([envs] home, $WORKON_HOME,
 * ~/.virtualenvs), listing it and looking names up in it, and the rule
 * that tells an env name from a path (shared by .venvrc and `use`). */
#ifndef ENVHOME_H
#define ENVHOME_H

#include <stddef.h>

#include "config.h"
#include "strbuf.h"

/* The names of the envs in one env home, sorted in byte order. */
struct envlist {
	char **names;
	size_t n;
	size_t alloc;
};

#define ENVLIST_INIT { NULL, 0, 0 }

/* Append the env home's absolute path. */
void envhome_dir(const struct config *cfg, struct strbuf *out);
/* Whether name can name an env: not empty, no '/', not "." or "..". */
int envhome_valid_name(const char *name);
/* Append the path of env name (which need not exist). */
void envhome_path(const struct config *cfg, const char *name, struct strbuf *out);
/* Whether value (of `env =` or `use`) is a path rather than a name: it
 * holds '/' or starts with '.' or '~'. */
int envhome_is_path(const char *value);
/* Append the env value names: a name is looked up in the env home; a
 * path has "~" or "~/" expanded, is made absolute against dir (absolute,
 * no trailing '/') and loses trailing "/", "/." and inner "/./". Returns
 * whether value was a path. */
int envhome_resolve(const struct config *cfg, const char *value,
		    const char *dir, struct strbuf *out);
/* Fill list with the envs in folder dir whose names start with prefix
 * ("" for all): subfolders (or links to them) holding pyvenv.cfg whose
 * names are names, not paths (so no leading '.' or '~'). One stat per
 * entry that has the prefix; pyvenv.cfg is not read. Returns 0, or -1
 * when dir cannot be opened (errno set, nothing reported). */
int envhome_list(const char *dir, const char *prefix, struct envlist *list);
/* Free what list holds and make it empty. */
void envlist_free(struct envlist *list);
/* Whether list holds name. */
int envlist_has(const struct envlist *list, const char *name);
/* Store in out up to max names of list that look like a mistyped name:
 * a small edit distance (ASCII case ignored, a swap of neighbours counts
 * one), or name as a prefix; closest first, then in byte order. Returns
 * how many were stored. */
size_t envlist_close(const struct envlist *list, const char *name,
		     const char **out, size_t max);

#endif
