/* shell_posix: bash and zsh, whose syntax is the same for everything
 * vswitch prints. Values are exported with `export`, not `typeset`, so
 * that evaluating them inside the hook function still sets globals in
 * zsh. The prompt work is done by functions the hooks define; here they
 * are only called with quoted words. */
#include "shell.h"

extern const char hook_text_posix[], hook_text_bash[], hook_text_zsh[];

/* _vswitch_NAME='value' */
static void var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "_vswitch_%s=", name);
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "export %s=", name);
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "unset %s\n", name);
}

static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "_vswitch_prompt_clear\n");
		return;
	}
	strbuf_addstr(out, "_vswitch_prompt_set ");
	shell_quote_single(out, label);
	strbuf_addch(out, '\n');
}

/* The variables, the part bash and zsh share, then the shell's own. */
static void hook(const struct shell *sh, const struct hook_var *v, size_t n,
		 struct strbuf *out)
{
	for (size_t i = 0; i < n; i++)
		var(out, v[i].name, v[i].value);
	strbuf_addstr(out, hook_text_posix);
	strbuf_addstr(out, sh->hook_text);
}

static const struct line_syntax bash_syntax = {
	set, unset, NULL, prompt, "hash -r",
};

static const struct line_syntax zsh_syntax = {
	set, unset, NULL, prompt, "rehash",
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
	.var = var,
	.render = render_bash,
	.hook = hook,
};

const struct shell shell_zsh = {
	.name = "zsh",
	.setup = "eval \"$(vswitch hook zsh)\"",
	.rcfile = "~/.zshrc",
	.hook_text = hook_text_zsh,
	.quote = shell_quote_single,
	.var = var,
	.render = render_zsh,
	.hook = hook,
};
