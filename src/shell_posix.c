/* shell_posix: bash and zsh, whose syntax is the same for everything
 * vswitch prints. Values are exported with `export`, not `typeset`, so
 * that evaluating them inside the hook function still sets globals in
 * zsh. The prompt work is done by functions the hooks define; here they
 * are only called with quoted words. */
#include "shell.h"

extern const char hook_text_posix[], hook_text_bash[], hook_text_zsh[];

/* Every command is run as `builtin NAME`, so an alias or a function of
 * the user's called export, unset or typeset changes nothing. */

/* _vswitch_NAME='value' */
static void bash_var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "_vswitch_%s=", name);
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

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

static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "_vswitch_leave\n");
		return;
	}
	strbuf_addstr(out, "_vswitch_enter ");
	shell_quote_single(out, label);
	strbuf_addch(out, '\n');
}

/* The variables, the part bash and zsh share, then the shell's own. */
static void hook(const struct shell *sh, const struct hook_var *v, size_t n,
		 struct strbuf *out)
{
	for (size_t i = 0; i < n; i++)
		sh->var(out, v[i].name, v[i].value);
	strbuf_addstr(out, hook_text_posix);
	strbuf_addstr(out, sh->hook_text);
}

/* No rehash: bash and zsh forget every remembered command when PATH is
 * assigned. */
static const struct line_syntax bash_syntax = {
	set, unset, NULL, prompt, bash_var, bash_list, NULL,
};

static const struct line_syntax zsh_syntax = {
	set, unset, NULL, prompt, zsh_var, zsh_list, NULL,
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
	.quote = shell_quote_single,
	.var = bash_var,
	.render = render_bash,
	.hook = hook,
};

const struct shell shell_zsh = {
	.name = "zsh",
	.setup = "eval \"$(vswitch hook zsh)\"",
	.rcfile = "~/.zshrc",
	.hook_text = hook_text_zsh,
	.quote = shell_quote_single,
	.var = zsh_var,
	.render = render_zsh,
	.hook = hook,
};
