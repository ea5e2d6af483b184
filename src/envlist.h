/* envlist: the names of the envs in an env home, sorted, and the names
 * among them that look like a mistyped one. */
#ifndef ENVLIST_H
#define ENVLIST_H

#include <stddef.h>

/* The names of the envs in one env home, sorted in byte order. */
struct envlist {
	char **names;
	size_t n;
	size_t alloc;
};

#define ENVLIST_INIT { NULL, 0, 0 }

/* Fill list with the envs in folder dir whose names start with prefix
 * ("" for all): subfolders (or links to them) holding pyvenv.cfg whose
 * names are names, not paths (so no leading '.' or '~'). One stat per
 * entry that has the prefix; pyvenv.cfg is not read. Returns 0, or -1
 * when dir cannot be opened (errno set, nothing reported). */
int envlist_read(const char *dir, const char *prefix, struct envlist *list);
/* Free what list holds and make it empty. */
void envlist_free(struct envlist *list);
/* Store in out up to max names of list that look like a mistyped name:
 * a small edit distance (ASCII case ignored, a swap of neighbours counts
 * one), or name as a prefix; closest first, then in byte order. Returns
 * how many were stored. */
size_t envlist_close(const struct envlist *list, const char *name,
		     const char **out, size_t max);

#endif
