/* shell_ksh: ksh93 and mksh, whose syntax is the same for everything
 * vswitch prints. Values are in POSIX single quotes; each command is a
 * special builtin (export, unset, set), which no function of the user's
 * can replace, written with a backslash, which no alias can. The hook's
 * lists are arrays set with `set -A`, which both shells read alike
 * (ksh93 takes `x=()` for a compound variable). Both forget remembered
 * commands when PATH is assigned: no rehash. */
#include "shell.h"

extern const char hook_text_korn[], hook_text_ksh[], hook_text_mksh[];

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "\\export %s=", name);
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "\\unset %s\n", name);
}

/* \set -A _vswitch_NAME -- 'a' 'b' */
static void list(struct strbuf *out, const char *name, const struct strlist *items)
{
	strbuf_addf(out, "\\set -A _vswitch_%s --", name);
	for (size_t i = 0; i < items->n; i++) {
		strbuf_addch(out, ' ');
		shell_quote_single(out, items->v[i]);
	}
	strbuf_addch(out, '\n');
}

static const struct line_syntax ksh_syntax = {
	set, unset, NULL, shell_posix_prompt, shell_posix_var, list, NULL,
};

static void render(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&ksh_syntax, ch, out);
}

const struct shell shell_ksh = {
	.name = "ksh",
	.setup = "eval \"$(vswitch hook ksh)\"",
	.rcfile = "~/.kshrc",
	.hook_text = hook_text_ksh,
	.hook_shared = hook_text_korn,
	.quote = shell_quote_single,
	.var = shell_posix_var,
	.render = render,
};

const struct shell shell_mksh = {
	.name = "mksh",
	.setup = "eval \"$(vswitch hook mksh)\"",
	.rcfile = "~/.mkshrc",
	.hook_text = hook_text_mksh,
	.hook_shared = hook_text_korn,
	.quote = shell_quote_single,
	.var = shell_posix_var,
	.render = render,
};
