/* truststore: the record of `vswitch allow` and `vswitch deny`.
 *
 * One small file per entry (a .venvrc, a venv folder, ...), in
 * $XDG_DATA_HOME/vswitch/trust/ (default ~/.local/share/vswitch/trust/),
 * named by the SHA-256 of the entry's absolute path and holding
 * "allow HASH" or "deny" and the path. Each file is written to a
 * temporary name and renamed into place, so shells that allow and deny
 * at once never see a half-written record, and one path's record never
 * touches another's. HASH is the entry's identity (source.h), so editing
 * an allowed entry withdraws the allow. */
#ifndef TRUSTSTORE_H
#define TRUSTSTORE_H

#include "strbuf.h"

enum trust_record { TRUST_NONE, TRUST_ALLOWED, TRUST_DENIED };

/* Append the store's directory (.../vswitch/trust); returns 0, or -1
 * (out unchanged) with no home. */
int truststore_dir(struct strbuf *out);
/* The record kept for entry; for TRUST_ALLOWED the hash it was allowed
 * with is appended to hash. */
enum trust_record truststore_lookup(const char *entry, struct strbuf *hash);
/* Record an allow (hash given) or a deny (hash NULL) for entry,
 * atomically. Returns 0, or -1 (reported). */
int truststore_put(const char *entry, const char *hash);

#endif
