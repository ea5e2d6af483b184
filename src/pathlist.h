/* pathlist: edit a colon-separated PATH as a list of entries. */
#ifndef PATHLIST_H
#define PATHLIST_H

#include "strbuf.h"

/* Whether entry is one of the entries of path. */
int pathlist_has(const char *path, const char *entry);
/* Append path with its first entry equal to entry left out; returns 1
 * if one was found. An entry vswitch added to an empty PATH leaves it
 * empty again. */
int pathlist_remove(const char *path, const char *entry, struct strbuf *out);
/* Append entry followed by path (no ':' when path is empty, which would
 * otherwise put the current directory on PATH). */
void pathlist_prepend(const char *path, const char *entry, struct strbuf *out);

#endif
