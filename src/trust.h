/* trust: whether the env a directory wants may be activated.
 *
 * Every source's env must have a path PATH can hold; then a deny in the
 * store refuses it, an allow whose hash still matches admits it, and
 * otherwise the trust mode decides: `all` admits, `strict` refuses, and
 * `owner` asks the source's own rule about its entry and requires the
 * env folder and its bin/ to be the user's (or root's) and writable by
 * no one else. */
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
/* Decide whether f (fresh from discovery) may be used under cfg's trust
 * mode; if not, turn it into FOUND_REFUSED with the reason in f->why. */
void trust_judge(struct found *f, const struct config *cfg);

#endif
