/* tool: what the sources of Python tools' envs (poetry, pipenv, pdm,
 * pyenv, a .venv file, back-links) share: reading their small files,
 * the hashes their naming rules are made of, and the trust rule for an
 * env a file names. No tool is ever run: each rule is computed here. */
#ifndef TOOL_H
#define TOOL_H

#include "config.h"
#include "discover.h"
#include "strbuf.h"

/* Tool files are small; a bigger one is not read. */
#define TOOL_FILE_MAX (1 << 20)

/* Read p (a regular file, not blocking, at most TOOL_FILE_MAX) into
 * text, and record it in f as the entry that decided (owner, mode, the
 * hash of its bytes). 0, or -1 when it is not there or not readable. */
int tool_read_entry(struct found *f, const char *p, struct strbuf *text);
/* Read a tool's own settings file path into text; 0, or -1. */
int tool_read(const char *path, struct strbuf *text);
/* Append the first line of text, blanks around it taken off. */
void tool_first_line(const char *text, struct strbuf *out);
/* Append URL-safe base64 of n bytes (with '=' padding). */
void tool_base64url(const unsigned char *data, size_t n, struct strbuf *out);
/* Append dir's real path (symbolic links resolved), or dir itself when
 * it cannot be resolved. */
void tool_realpath(const char *dir, struct strbuf *out);
/* Append $VAR when it is set and not empty, else $XDG_VAR/xdg_sub (see
 * paths_xdg); returns 0, or -1 (out unchanged) with no home for it. */
int tool_env_or(struct strbuf *out, const char *var, const char *xdg_var,
		 const char *xdg_fallback, const char *sub);
/* Set f to decide for env: FOUND_ENV when it holds pyvenv.cfg, else
 * FOUND_MISSING; in_store says the env lies in the user's own store
 * for that tool (no allow needed). */
void tool_found(struct found *f, const char *env, int in_store);
/* The owner rule of the tool sources: an env in the user's own store
 * is theirs; one inside the project is judged as a project's venv; one
 * the project's file points to elsewhere needs allow. */
int tool_owner_rule(const struct found *f, int changed, struct strbuf *why);
/* What allow pins for a tool source: the entry's bytes and the env. */
int tool_identity(const struct found *f, struct strbuf *hash);

#endif
