/* shell_posix: bash and zsh, whose syntax is the same for everything
 * vswitch prints. Values are exported with `export`, not `typeset`, so
 * that evaluating them inside the hook function still sets globals in
 * zsh. The prompt work is done by functions the hooks define; here they
 * are only called with quoted words. */
#include "shell.h"

extern const char hook_text_posix[], hook_text_bash[], hook_text_zsh[];

/* Every command is run as `builtin NAME`, so an alias or a function of
 * the user's called export, unset or typeset changes nothing. */

/* The same, global even from inside a function, and without a warning
 * under WARN_CREATE_GLOBAL. */
static void zsh_var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "builtin typeset -g _vswitch_%s=", name);
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

/* ('a' 'b') */
static void add_array(struct strbuf *out, const struct strlist *items)
{
	strbuf_addch(out, '(');
	for (size_t i = 0; i < items->n; i++) {
		if (i)
			strbuf_addch(out, ' ');
		shell_quote_single(out, items->v[i]);
	}
	strbuf_addstr(out, ")\n");
}

static void bash_list(struct strbuf *out, const char *name,
		      const struct strlist *items)
{
	strbuf_addf(out, "_vswitch_%s=", name);
	add_array(out, items);
}

static void zsh_list(struct strbuf *out, const char *name,
		     const struct strlist *items)
{
	strbuf_addf(out, "builtin typeset -ga _vswitch_%s; _vswitch_%s=", name, name);
	add_array(out, items);
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "builtin export %s=", name);
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "builtin unset %s\n", name);
}

/* No rehash: bash and zsh forget every remembered command when PATH is
 * assigned. */
static const struct line_syntax bash_syntax = {
	set, unset, NULL, shell_posix_prompt, shell_posix_var, bash_list, NULL,
};

static const struct line_syntax zsh_syntax = {
	set, unset, NULL, shell_posix_prompt, zsh_var, zsh_list, NULL,
};

static void render_bash(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&bash_syntax, ch, out);
}

static void render_zsh(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&zsh_syntax, ch, out);
}

const struct shell shell_bash = {
	.name = "bash",
	.setup = "eval \"$(vswitch hook bash)\"",
	.rcfile = "~/.bashrc",
	.hook_text = hook_text_bash,
	.hook_shared = hook_text_posix,
	.quote = shell_quote_single,
	.var = shell_posix_var,
	.render = render_bash,
};

const struct shell shell_zsh = {
	.name = "zsh",
	.setup = "eval \"$(vswitch hook zsh)\"",
	.rcfile = "~/.zshrc",
	.hook_text = hook_text_zsh,
	.hook_shared = hook_text_posix,
	.quote = shell_quote_single,
	.var = zsh_var,
	.render = render_zsh,
};
