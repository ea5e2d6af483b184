/* shell: one row per supported shell. A row says how the shell is set
 * up, quotes a word, receives the hook and applies a change list; the
 * rest of vswitch knows no shell syntax. Adding a shell means one file
 * src/shell_NAME.c defining its row, one hook file hooks/NAME.*, and
 * the row's name in the table in shell.c. */
#ifndef SHELL_H
#define SHELL_H

#include "changes.h"
#include "strbuf.h"

/* What a value is to the shell, for shell_cannot_hold(): an env's
 * path, its label, or a value the hook text holds (the binary's path,
 * the stamp folder). */
enum hold_kind { HOLD_ENV_PATH, HOLD_LABEL, HOLD_HOOK_VAR };

/* A variable the hook text reads, printed before it by `vswitch hook`. */
struct hook_var {
	const char *name;	/* "bin": the shell's row decides the spelling */
	const char *value;
};

struct shell {
	const char *name;	/* as given to hook, export and --shell */
	const char *setup;	/* the line that loads the hook, for rcfile
				 * (lines, for a shell that takes two) */
	const char *rcfile;	/* the start-up file it goes in */
	const char *hook_text;	/* hooks/NAME.*, embedded at build time */
	/* NULL, or the hook text this shell shares with its kin (bash and
	 * zsh, ksh93 and mksh), printed before hook_text. */
	const char *hook_shared;
	/* Append s as one word that evaluates to exactly s. */
	void (*quote)(struct strbuf *out, const char *s);
	/* Append the code that gives hook variable name the value. */
	void (*var)(struct strbuf *out, const char *name, const char *value);
	/* Append the code (or data) that applies the whole change list. */
	void (*render)(const struct changes *ch, struct strbuf *out);
	/* NULL, or why the shell cannot hold value (an env path or a label)
	 * as it must: such an env is refused with this reason. */
	const char *(*cannot_hold)(const char *value, enum hold_kind what);
	/* NULL, or a hook printer that replaces the default (the variables,
	 * hook_shared, then hook_text). */
	void (*hook)(const struct shell *sh, const struct hook_var *v, size_t n,
		     struct strbuf *out);
};

/* The table: every shell, in the order users see them listed. */
extern const struct shell *const shell_table[];
extern const size_t shell_count;

/* The shell called name, or NULL. */
const struct shell *shell_find(const char *name);
/* Append the names of all shells, separated by sep. */
void shell_names(struct strbuf *out, const char *sep);
/* Append the hook for sh: its variables, then its texts. */
void shell_hook(const struct shell *sh, const struct hook_var *v, size_t n,
		struct strbuf *out);
/* Why sh cannot hold value, or NULL when it can. */
const char *shell_cannot_hold(const struct shell *sh, const char *value,
			      enum hold_kind what);

/* For shells whose output is one command per line: how each change
 * reads. shell_render_lines() walks the list with it. */
struct line_syntax {
	void (*set)(struct strbuf *out, const char *name, const char *value);
	void (*unset)(struct strbuf *out, const char *name);
	/* A CH_PATH change; NULL sets the list like any variable. */
	void (*path)(struct strbuf *out, const struct change *c);
	/* Show "(label) " in the prompt; NULL label takes it out. */
	void (*prompt)(struct strbuf *out, const char *label);
	/* A variable of the hook's own (as shell->var) and a list. */
	void (*hook_var)(struct strbuf *out, const char *name, const char *value);
	void (*hook_list)(struct strbuf *out, const char *name,
			  const struct strlist *items);
	const char *rehash;	/* a line after a PATH change, or NULL */
};

/* Append one line per change in ch, in syn's syntax. */
void shell_render_lines(const struct line_syntax *syn, const struct changes *ch,
			struct strbuf *out);
/* POSIX single quoting, shared by the Bourne-like shells: 'it'\''s'. */
void shell_quote_single(struct strbuf *out, const char *s);
/* Append s with each byte that is not printable ASCII, and each byte
 * in also, written \xHH: the inside of elvish's "..." and of a Python
 * bytes literal. */
void shell_add_hex_escaped(struct strbuf *out, const char *s, const char *also);
/* The Bourne-like shells' hook variable line: _vswitch_NAME='value'. */
void shell_posix_var(struct strbuf *out, const char *name, const char *value);
/* The Bourne-like shells' prompt line: a call of the hook's
 * _vswitch_enter 'label', or of _vswitch_leave for a NULL label. */
void shell_posix_prompt(struct strbuf *out, const char *label);

/* Rows, each defined in its shell_NAME.c. */
extern const struct shell shell_bash, shell_zsh, shell_fish, shell_ksh, shell_mksh,
	shell_tcsh, shell_elvish, shell_xonsh, shell_nu;

#endif
