/* shell: one struct per supported shell; each renders the shell-neutral
 * change list in its own syntax. Adding a shell means one file and one
 * row in the table in shell.c. */
#ifndef SHELL_H
#define SHELL_H

#include "changes.h"
#include "strbuf.h"

struct shell {
	const char *name;
	/* Append the hook; self is the vswitch binary's absolute path. */
	void (*hook)(struct strbuf *out, const char *self);
	/* Append s as one word that evaluates to exactly s. */
	void (*quote)(struct strbuf *out, const char *s);
	/* Append code that exports name=value. */
	void (*set)(struct strbuf *out, const char *name, const char *value);
	/* Append code that unsets name. */
	void (*unset)(struct strbuf *out, const char *name);
	/* Append code that shows "(label) " in the prompt; NULL removes it. */
	void (*prompt)(struct strbuf *out, const char *label);
	/* Append code that makes the shell forget cached command paths. */
	void (*rehash)(struct strbuf *out);
};

extern const struct shell shell_bash, shell_zsh, shell_fish;

/* The shell called name, or NULL. */
const struct shell *shell_find(const char *name);
/* The names of all shells, separated by ", " (for messages). */
const char *shell_names(void);
/* Append the code for every change in ch. */
void shell_render(const struct shell *sh, const struct changes *ch,
		  struct strbuf *out);
/* The parts bash and zsh share (shell_posix.c): their syntax is the same
 * for everything vswitch prints but the hook text and the rehash. */
/* POSIX single quoting: 'it'\''s'. */
void shell_quote_single(struct strbuf *out, const char *s);
/* The line that tells the hook where the binary is, then the hook text. */
void shell_posix_hook(struct strbuf *out, const char *self, const char *text);
/* export name='value' */
void shell_posix_set(struct strbuf *out, const char *name, const char *value);
/* unset name */
void shell_posix_unset(struct strbuf *out, const char *name);
/* A call of the prompt function the hook defines. */
void shell_posix_prompt(struct strbuf *out, const char *label);

/* Hook texts, embedded from hooks/ at build time. */
extern const char hook_text_bash[], hook_text_zsh[], hook_text_fish[];

#endif
