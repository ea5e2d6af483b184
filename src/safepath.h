/* safepath: an env's real path, and whether everything on the way to
 * it is safe to put on PATH.
 *
 * Whoever can write a directory on the way to ENV/bin, or replace a
 * symbolic link there, can swap the programs in it after vswitch has
 * looked. So the path is resolved (what goes on PATH has no link left),
 * and, as OpenSSH checks the folders above its key files, every
 * directory from "/" down to ENV/bin, and every link on the way, must
 * belong to the user or to root, and no directory may be writable by
 * group or others. A directory above ENV that is sticky (as /tmp is)
 * may be writable by all, since no one can then rename or replace what
 * another put in it; ENV and ENV/bin may not be, since anyone could
 * then add a program to them. */
#ifndef SAFEPATH_H
#define SAFEPATH_H

#include <sys/stat.h>
#include <sys/types.h>

#include "strbuf.h"

/* Judge one directory (or link) on the way for user me, from its stat;
 * sticky_ok: it lies above the env, where the sticky bit excuses write
 * bits. 0 when it may be used; else the reason is appended to why and
 * the result is -2 when it belongs to another user, -1 when others
 * can write it. */
int safepath_stat_unsafe(const char *path, const struct stat *st, uid_t me,
			 int sticky_ok, struct strbuf *why);
/* Set real to env (absolute) with every symbolic link resolved, "." and
 * ".." taken as the kernel takes them. With judge, also check every
 * directory and link from "/" to env, and env/bin (resolved too, when
 * it is a link; missing is fine: nobody but env's owner can make it),
 * for user me. Returns 0; else real is emptied, the reason appended to
 * why, and the result is -2 when what was refused belongs to another
 * user, else -1. */
int safepath_env(const char *env, uid_t me, int judge, struct strbuf *real,
		 struct strbuf *why);

#endif
