/* backlinks: the projects that envs name in their .project files
 * (virtualenvwrapper's mkvirtualenv -a and setvirtualenvproject, and
 * pipenv), for the env home and pipenv's home.
 *
 * Reading every env's .project at each cd would not scale to thousands
 * of envs, so they are kept in an index, $XDG_CACHE_HOME/vswitch/projects
 * (private, written to a temporary file and renamed), which records the
 * times of the env folders it was made from and is made again when one
 * of those times differs: an env made or removed. A .project written
 * into an env that was already there is seen when the index is next
 * made; `vswitch on` makes it anew. */
#ifndef BACKLINKS_H
#define BACKLINKS_H

#include "config.h"
#include "strbuf.h"
#include "strlist.h"

/* Read the index (or make it when it is stale) for cfg's env folders;
 * read once, it is not read again while they stay the same. Returns
 * how many back-links there are. */
int backlinks_load(const struct config *cfg);
/* Append the env whose .project names project (absolute, no trailing
 * '/'), as backlinks_load last read them; 1 when one does, else 0. */
int backlinks_find(const char *project, struct strbuf *env);
/* Append every project the index names to out. */
void backlinks_projects(const struct config *cfg, struct strlist *out);
/* Append to watch (as hookdata does: "+PATH" or "-PATH") the env
 * folders, whose times make the index stale. */
void backlinks_watch(const struct config *cfg, struct strlist *watch);
/* Make the index again, whatever the times say. */
void backlinks_refresh(const struct config *cfg);

#endif
