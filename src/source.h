/* source: one row per kind of entry that says which env a directory
 * wants (a .venvrc, a venv folder, ...). Discovery asks each source in
 * turn in every directory; the first that decides wins. Adding a source
 * means one file src/source_NAME.c defining its row, and the row in the
 * table in source.c. */
#ifndef SOURCE_H
#define SOURCE_H

#include "config.h"
#include "discover.h"
#include "strbuf.h"
#include "strlist.h"

struct source {
	const char *name;	/* for the config and for status */
	/* Look in dir (absolute, no trailing '/'); p holds dir followed by
	 * '/' (just "/" for the root) to build names on. Returns 1 when
	 * the source decided, with f->kind, f->entry, f->env and what else
	 * it knows filled in; 0 (f untouched) to ask the next source. */
	int (*probe)(struct found *f, const struct config *cfg, const char *dir,
		     struct strbuf *p);
	/* Append what `allow` pins for f's entry, a hex SHA-256 that
	 * changes when the entry is edited; -1 when it cannot be read. */
	int (*identity)(const struct found *f, struct strbuf *hash);
	/* Owner mode: whether f's entry itself may be used (the way to the
	 * env folder is checked for every source by trust.c). 0 when it
	 * may; else the reason is appended to why and the result is -2
	 * when the entry belongs to another user (no advice to allow it),
	 * else -1. changed: it was allowed once, and has changed since. */
	int (*owner_rule)(const struct found *f, int changed, struct strbuf *why);
	/* NULL (see files), or store in out (room for max) the names the
	 * probe looks for in a directory, strings the config or the source
	 * owns; returns how many. Discovery asks a source only in a
	 * directory where one of them is, and a hook that sees none of any
	 * source's names in a directory knows that no source decides there. */
	size_t (*names)(const struct config *cfg, const char **out, size_t max);
	/* NULL, or the names (NULL-ended) when they do not depend on the
	 * config; with neither, the source has no names. */
	const char *const *files;
	/* Append the paths in dir (ending in '/') whose coming or going
	 * would change what the probe decides there, beyond the names: a
	 * hook that sees the same names may still have to ask again. */
	void (*watch_in)(const struct config *cfg, const char *dir,
			 struct strlist *out);
	/* NULL, or the environment variables (NULL-ended) the probe reads:
	 * a hook runs the binary again when one changes. */
	const char *const *vars;
	/* NULL, or what to do once before a walk (read an index);
	 * returns 0 when the source can find nothing in this walk, which
	 * then does not ask it. */
	int (*prepare)(const struct config *cfg);
};

/* Room enough for any source's names, and for every source's. */
#define SOURCE_NAMES_MAX 16
#define SOURCE_ALL_NAMES_MAX (SOURCE_NAMES_MAX * sizeof(((struct config *)0)->sources))

/* The table, in the order the sources are asked within a directory. */
extern const struct source *const source_table[];
extern const size_t source_count;

/* Store in out (room for SOURCE_ALL_NAMES_MAX) the names any source the
 * config asks looks for, each once, in the order they are asked;
 * returns how many. A folder holding none of them is one where no
 * source decides, save those with no names (they are asked anyway). */
size_t source_all_names(const struct config *cfg, const char **out);
/* The index of name among the *n in names, added at the end (and *n
 * grown) when it is not there yet. */
size_t source_name_slot(const char **names, size_t *n, const char *name);
/* Store in out (room for max) the names src looks for; returns how many. */
size_t source_names(const struct source *src, const struct config *cfg,
		    const char **out, size_t max);


/* Rows, each defined in its source_NAME.c. */
extern const struct source source_venvrc, source_venvfile, source_venv,
	source_poetry, source_pipenv, source_pdm, source_pyenv, source_backlink;

#endif
