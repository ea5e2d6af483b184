/* toml: read one string or boolean out of a TOML text, as the tool
 * sources need (a project's name in pyproject.toml, a setting in
 * poetry's config.toml, a recorded Python version in envs.toml).
 *
 * A subset, read safely rather than fully: tables ([a.b], ["quoted"]),
 * keys (bare, quoted, dotted), basic and literal strings with TOML's
 * escapes, multi-line strings, booleans; every other value (numbers,
 * dates, arrays and inline tables, over several lines too) is skipped.
 * What does not parse is skipped line by line, never an error: the tool
 * itself reports its own files' errors. */
#ifndef TOML_H
#define TOML_H

#include <stddef.h>

#include "strbuf.h"

/* Look up key in table ("" for the top level) of the len bytes at text;
 * both are dotted paths of bare names ("tool.poetry", "virtualenvs.path").
 * A string's value, or "true"/"false", is appended to out. Returns 1 when
 * found, 0 when not (out unchanged). The last assignment wins. */
int toml_get(const char *text, size_t len, const char *table, const char *key,
	     struct strbuf *out);
/* Whether table is defined (a [table] header, or a key under it). */
int toml_has_table(const char *text, size_t len, const char *table);

#endif
