/* shell_xonsh: data for xonsh, not code. Each change is one Python
 * literal on a line of its own, which the hook reads with
 * ast.literal_eval (it runs nothing): ('set', 'N', b'V'), ('unset', 'N'),
 * ('prompt', b'L'), ('prompt-clear',), ('hook-var', 'N', b'V'),
 * ('hook-list', 'N', [b'A', b'B']). A value is a bytes literal, printable
 * ASCII but ' and \ as it is and every other byte \xHH, which the hook
 * turns into a str with os.fsdecode (surrogateescape): children get the
 * very bytes. xonsh remembers no command paths: no rehash. */
#include <string.h>

#include "shell.h"

extern const char hook_text_xonsh[];

/* b'...' */
static void bytes(struct strbuf *out, const char *s)
{
	strbuf_addstr(out, "b'");
	shell_add_hex_escaped(out, s, "'\\");
	strbuf_addch(out, '\'');
}

/* A Python expression for the str whose bytes are s. */
static void quote(struct strbuf *out, const char *s)
{
	strbuf_addstr(out, "__import__('os').fsdecode(");
	bytes(out, s);
	strbuf_addch(out, ')');
}

/* _vswitch_NAME = ...: a global of the hook's. */
static void var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "_vswitch_%s = ", name);
	quote(out, value);
	strbuf_addch(out, '\n');
}

static void hook_var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "('hook-var', '%s', ", name);
	bytes(out, value);
	strbuf_addstr(out, ")\n");
}

static void hook_list(struct strbuf *out, const char *name,
		      const struct strlist *items)
{
	strbuf_addf(out, "('hook-list', '%s', [", name);
	for (size_t i = 0; i < items->n; i++) {
		if (i)
			strbuf_addstr(out, ", ");
		bytes(out, items->v[i]);
	}
	strbuf_addstr(out, "])\n");
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "('set', '%s', ", name);
	bytes(out, value);
	strbuf_addstr(out, ")\n");
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "('unset', '%s')\n", name);
}

static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "('prompt-clear',)\n");
		return;
	}
	strbuf_addstr(out, "('prompt', ");
	bytes(out, label);
	strbuf_addstr(out, ")\n");
}

static const struct line_syntax xonsh_syntax = {
	set, unset, NULL, prompt, hook_var, hook_list, NULL,
};

static void render(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&xonsh_syntax, ch, out);
}

/* xonsh expands $NAME, and ~ (also after an '='), in each PATH entry
 * it holds (EnvPath), so an entry holding '$' or '~' reaches children
 * changed and cannot be taken out again. */
static const char *cannot_hold(const char *value, enum hold_kind what)
{
	if (what == HOLD_ENV_PATH && strpbrk(value, "$~"))
		return "xonsh expands '$' and '~' in PATH entries, so it cannot hold this path";
	return NULL;
}

const struct shell shell_xonsh = {
	.name = "xonsh",
	/* Python's own pipe: xonsh's $(...) in the rc file now and then
	 * captures nothing when keys were typed before the first prompt. */
	.setup = "exec(__import__('os').popen('vswitch hook xonsh').read())",
	.rcfile = "~/.xonshrc",
	.hook_text = hook_text_xonsh,
	.quote = quote,
	.var = var,
	.render = render,
	.cannot_hold = cannot_hold,
};
