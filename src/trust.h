/* trust: whether the env a directory wants may be activated, and the
 * store of `vswitch allow` / `vswitch deny` decisions.
 *
 * The store is one small file per .venvrc or venv folder, in
 * $XDG_DATA_HOME/vswitch/trust/ (default ~/.local/share/vswitch/trust/),
 * named by the SHA-256 of the absolute path and holding "allow HASH" or
 * "deny" and the path. Each file is written to a temporary name and
 * renamed into place, so shells that allow and deny at once never see a
 * half-written record, and one path's record never touches another's.
 *
 * HASH is the SHA-256 of what identifies the entry: for a .venvrc, its
 * bytes; for a venv folder, "venv", NUL, its path, NUL, and the bytes of
 * its pyvenv.cfg. Editing an allowed .venvrc therefore withdraws trust. */
#ifndef TRUST_H
#define TRUST_H

#include "config.h"
#include "discover.h"
#include "strbuf.h"

enum trust_record { TRUST_NONE, TRUST_ALLOWED, TRUST_DENIED };

/* Append the store's directory (.../vswitch/trust). */
void trust_store_dir(struct strbuf *out);
/* Append the hash that identifies the venv folder env; -1 when its
 * pyvenv.cfg cannot be read. */
int trust_venv_hash(const char *env, struct strbuf *out);
/* Append the hash that identifies f's deciding entry (the .venvrc's
 * bytes as read, or the venv folder's); -1 when it cannot be read. */
int trust_entry_hash(const struct found *f, struct strbuf *out);
/* The record kept for source; for TRUST_ALLOWED the hash it was allowed
 * with is appended to hash. */
enum trust_record trust_lookup(const char *source, struct strbuf *hash);
/* Record an allow (hash given) or a deny (hash NULL) for source,
 * atomically. Returns 0, or -1 (reported). */
int trust_store(const char *source, const char *hash);
/* Decide whether f (fresh from discovery) may be used under cfg's trust
 * mode; if not, turn it into FOUND_REFUSED with the reason in f->why. */
void trust_judge(struct found *f, const struct config *cfg);

#endif
