/* stamp: the folder where each shell's hook keeps a stamp file, touched
 * before every run of the binary. A file the binary read whose time is
 * not older than the stamp may have changed since, so the hook runs the
 * binary again; one older than the stamp has not, so a cd that reaches
 * the same candidate folder needs no run at all. */
#ifndef STAMP_H
#define STAMP_H

#include "strbuf.h"

/* Append the stamp folder ($XDG_RUNTIME_DIR/vswitch, else
 * $XDG_CACHE_HOME/vswitch/stamps, else ~/.cache/vswitch/stamps), making
 * it if need be. With prune, remove the stamps of shells that are gone
 * (the files are named by process id). Returns 0, or -1 (out left as it
 * was) when there is no folder that is the user's alone: the hooks then
 * run the binary at every cd, as without a stamp. */
int stamp_dir(struct strbuf *out, int prune);

#endif
