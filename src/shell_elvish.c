/* shell_elvish: elvish code. A value is one double-quoted string in
 * which printable ASCII but " and \ stands as it is and every other
 * byte is \xHH. elvish expands nothing inside double quotes (it has no
 * interpolation), and \xHH gives the raw byte, so a value that is not
 * UTF-8, which elvish refuses as source text, still round-trips. The
 * hook evaluates what is printed here in a namespace that holds only
 * set-env, unset-env, prompt-set, prompt-clear, hook-var and hook-list.
 * PATH is set as a string ($paths follows it); elvish remembers no
 * command paths: no rehash. */
#include "shell.h"

extern const char hook_text_elvish[];

static void quote(struct strbuf *out, const char *s)
{
	strbuf_addch(out, '"');
	shell_add_hex_escaped(out, s, "\"\\");
	strbuf_addch(out, '"');
}

/* var NAME = "value": a variable of the hook's own namespace. */
static void var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "var %s = ", name);
	quote(out, value);
	strbuf_addch(out, '\n');
}

static void hook_var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "hook-var %s ", name);
	quote(out, value);
	strbuf_addch(out, '\n');
}

/* hook-list NAME "a" "b" */
static void hook_list(struct strbuf *out, const char *name,
		      const struct strlist *items)
{
	strbuf_addf(out, "hook-list %s", name);
	for (size_t i = 0; i < items->n; i++) {
		strbuf_addch(out, ' ');
		quote(out, items->v[i]);
	}
	strbuf_addch(out, '\n');
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "set-env %s ", name);
	quote(out, value);
	strbuf_addch(out, '\n');
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "unset-env %s\n", name);
}

static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "prompt-clear\n");
		return;
	}
	strbuf_addstr(out, "prompt-set ");
	quote(out, label);
	strbuf_addch(out, '\n');
}

static const struct line_syntax elvish_syntax = {
	set, unset, NULL, prompt, hook_var, hook_list, NULL,
};

static void render(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&elvish_syntax, ch, out);
}

const struct shell shell_elvish = {
	.name = "elvish",
	.setup = "eval (vswitch hook elvish | slurp)",
	.rcfile = "~/.config/elvish/rc.elv",
	.hook_text = hook_text_elvish,
	.quote = quote,
	.var = var,
	.render = render,
};
