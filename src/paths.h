/* paths: where things live (home, XDG dirs) and small path helpers. */
#ifndef PATHS_H
#define PATHS_H

#include <stddef.h>

#include "strbuf.h"

/* $HOME when it is an absolute path, else NULL (no home): vswitch never
 * asks the passwd database, and a home relative to $PWD would put its
 * files, and what it trusts, wherever the shell is. */
const char *paths_home(void);
/* Why there is no home, for a message: "HOME is not set" or the like. */
const char *paths_no_home(void);
/* Append $VAR if it is an absolute path (the XDG rule: a relative one is
 * ignored), else $HOME/fallback; returns 0, or -1 (out unchanged) with
 * no home. */
int paths_xdg(struct strbuf *out, const char *var, const char *fallback);
/* Append path with a leading "~" or "~/" replaced by $HOME; returns 0,
 * or -1 (out unchanged) for such a path with no home. */
int paths_expand_tilde(struct strbuf *out, const char *path);
/* Whether path is dir itself or lies below it (both absolute, clean). */
int paths_within(const char *path, const char *dir);
/* Length of the last component of path (after the last '/'). */
const char *paths_basename(const char *path, size_t len, size_t *blen);
/* Append arg made absolute against base (an absolute directory) and
 * cleaned as `cd` does it: "." and empty parts dropped, ".." taking
 * off the part before it, no symbolic links resolved. */
void paths_absolute(struct strbuf *out, const char *base, const char *arg);
/* mkdir -p dir, each folder made private to the user (0700); 0, or -1
 * (errno set). */
int paths_mkdirs(struct strbuf *dir);
/* Append the path a program was started by, as invoked: argv0 when it
 * holds a '/', made absolute against cwd; else the first entry of path
 * (a PATH value; an empty entry is cwd) holding an executable argv0.
 * Symbolic links are not resolved, so a link that an upgrade points
 * elsewhere keeps working. Returns 0, or -1 (out unchanged) when
 * neither gives an absolute path. */
int paths_invoked(struct strbuf *out, const char *argv0, const char *path,
		  const char *cwd);
/* Whether path names an existing directory holding pyvenv.cfg. */
int paths_is_venv(const char *path);

#endif
