/* envlist: the names of the envs in an env home, sorted, and the names
 * among them that look like a mistyped one. */
#ifndef ENVLIST_H
#define ENVLIST_H

#include <stddef.h>

#include "strlist.h"

/* Fill list (sorted in byte order) with the envs in folder dir whose names start with prefix
 * ("" for all): subfolders (or links to them) holding pyvenv.cfg whose
 * names are names, not paths (so no leading '.' or '~'). One stat per
 * entry that has the prefix; pyvenv.cfg is not read. Returns 0, or -1
 * when dir cannot be opened (errno set, nothing reported). */
int envlist_read(const char *dir, const char *prefix, struct strlist *list);
/* Store in out up to max names of list that look like a mistyped name:
 * a small edit distance (ASCII case ignored, a swap of neighbours counts
 * one), or name as a prefix; closest first, then in byte order. Returns
 * how many were stored. */
size_t envlist_close(const struct strlist *list, const char *name,
		     const char **out, size_t max);

#endif
