/* trust: whether the env a directory wants may be activated.
 *
 * A deny in the store refuses it, an allow whose hash still matches
 * admits it, and otherwise the trust mode decides: `all` admits,
 * `strict` refuses, and `owner` asks the source's own rule about its
 * entry and requires every directory from "/" to the env's bin/ to be
 * the user's (or root's) and writable by no one else (safepath.h).
 * Whatever admits it, the env's path is resolved (what goes on PATH
 * holds no link) and must be one PATH can hold. */
#ifndef TRUST_H
#define TRUST_H

#include <sys/stat.h>

#include "config.h"
#include "discover.h"
#include "strbuf.h"

/* Append the hash that identifies f's deciding entry (its source's
 * identity); -1 when it cannot be read. */
int trust_entry_hash(const struct found *f, struct strbuf *out);
/* Judge one folder on the way to an env for user me, from its stat:
 * it must belong to me or root and be writable by no one else. 0 when
 * it may be used; else -1 with the reason appended to why. */
int trust_stat_unsafe(const char *path, const struct stat *st, uid_t me,
		      struct strbuf *why);
/* Set real to env resolved, refusing a real path that PATH cannot
 * hold (a ':'); with judge, also the way to it for the current user
 * (safepath_env). 0, or -1 (-2: another user's) with why appended. */
int trust_env_path(const char *env, int judge, struct strbuf *real,
		   struct strbuf *why);
/* Whether a file (a .venvrc) with this owner, mode and hash (hex) may
 * be parsed at all at entry: in mode all, or when it is the user's and
 * not writable by others, or allowed with this hash. A file that may
 * not is refused unread, so another user's junk cannot flood the
 * terminal. 0 when it may; else -1 (-2: another user's) with the reason
 * appended to why. */
int trust_may_parse(const struct config *cfg, const char *entry, uid_t uid,
		    mode_t mode, const char *sha, struct strbuf *why);
/* Decide whether f (fresh from discovery) may be used under cfg's trust
 * mode; if not, turn it into FOUND_REFUSED with the reason in f->why. */
void trust_judge(struct found *f, const struct config *cfg);

#endif
