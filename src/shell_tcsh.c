/* shell_tcsh: tcsh syntax. Inside tcsh's single quotes only history
 * substitution happens, and a newline is an error; so the three bytes
 * tcsh reads inside them ('  !  \) go outside as \' \! \\, a newline
 * goes outside as $_vswitch_nl:q (a variable holding one, which the
 * hook sets first), and every other byte, non-UTF-8 ones included,
 * stays inside. The hook evaluates the output with eval "`...`", which
 * joins the lines with blanks: every command ends with ';'.
 * `setenv PATH` rebuilds tcsh's command hash and keeps `path` in step;
 * `set path = (...)` is never used, as it turns an empty entry into '.'. */
#include <string.h>

#include "shell.h"

extern const char hook_text_tcsh[];

static void quote(struct strbuf *out, const char *s)
{
	int open = 0;

	if (!*s) {
		strbuf_addstr(out, "''");
		return;
	}
	while (*s) {
		size_t n = strcspn(s, "'!\\\n");

		if (n) {
			if (!open)
				strbuf_addch(out, '\'');
			open = 1;
			strbuf_add(out, s, n);
			s += n;
			continue;
		}
		if (open)
			strbuf_addch(out, '\'');
		open = 0;
		if (*s == '\n')
			strbuf_addstr(out, "$_vswitch_nl:q");
		else {
			strbuf_addch(out, '\\');
			strbuf_addch(out, *s);
		}
		s++;
	}
	if (open)
		strbuf_addch(out, '\'');
}

/* set _vswitch_NAME = 'value'; */
static void var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "set _vswitch_%s = ", name);
	quote(out, value);
	strbuf_addstr(out, ";\n");
}

/* set _vswitch_NAME = ( 'a' 'b' ); an empty word stays a word */
static void list(struct strbuf *out, const char *name, const struct strlist *items)
{
	strbuf_addf(out, "set _vswitch_%s = (", name);
	for (size_t i = 0; i < items->n; i++) {
		strbuf_addch(out, ' ');
		quote(out, items->v[i]);
	}
	strbuf_addstr(out, " );\n");
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "setenv %s ", name);
	quote(out, value);
	strbuf_addstr(out, ";\n");
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "unsetenv %s;\n", name);
}

/* The label goes in a variable, not as an alias argument: \!* would
 * read the user's histchars, and the hook's aliases take none. */
static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "_vswitch_leave;\n");
		return;
	}
	strbuf_addstr(out, "set _vswitch_label = ");
	quote(out, label);
	strbuf_addstr(out, "; _vswitch_enter;\n");
}

/* No rehash: setenv PATH rebuilds the hash table itself. */
static const struct line_syntax tcsh_syntax = {
	set, unset, NULL, prompt, var, list, NULL,
};

static void render(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&tcsh_syntax, ch, out);
}

/* The hook is read by `source`, which does history substitution on
 * each line: histchars is put aside before anything else (the values
 * below may hold \!), and the hook text gives it back at its end. The
 * newline variable comes next, as the quoting of the values may need it. */
static void hook(const struct shell *sh, const struct hook_var *v, size_t n,
		 struct strbuf *out)
{
	strbuf_addstr(out,
		      "unset _vswitch_hc\n"
		      "if ( $?histchars ) then\n"
		      "\tset _vswitch_hc = $histchars:q\n"
		      "\tunset histchars\n"
		      "endif\n"
		      "set _vswitch_nl = \"\\\n\"\n");
	for (size_t i = 0; i < n; i++)
		sh->var(out, v[i].name, v[i].value);
	strbuf_addstr(out, sh->hook_text);
}

const struct shell shell_tcsh = {
	.name = "tcsh",
	.setup = "vswitch hook tcsh | source /dev/stdin",
	.rcfile = "~/.tcshrc",
	.hook_text = hook_text_tcsh,
	.quote = quote,
	.var = var,
	.render = render,
	.hook = hook,
};
