/* shell_posix: what bash and zsh print alike. Values are exported with
 * `export`, not `typeset`, so that evaluating them inside the hook
 * function still sets globals in zsh. The prompt work is done by
 * functions the hooks define; here they are only called with quoted
 * words. */
#include <string.h>

#include "shell.h"

void shell_quote_single(struct strbuf *out, const char *s)
{
	strbuf_addch(out, '\'');
	/* Copy the runs between quotes whole: this is most of the output. */
	for (;;) {
		size_t n = strcspn(s, "'");

		strbuf_add(out, s, n);
		s += n;
		if (!*s)
			break;
		strbuf_addstr(out, "'\\''");
		s++;
	}
	strbuf_addch(out, '\'');
}

void shell_posix_hook(struct strbuf *out, const char *self, const char *text)
{
	strbuf_addstr(out, "_vswitch_bin=");
	shell_quote_single(out, self);
	strbuf_addch(out, '\n');
	strbuf_addstr(out, text);
}

void shell_posix_set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addstr(out, "export ");
	strbuf_addstr(out, name);
	strbuf_addch(out, '=');
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

void shell_posix_unset(struct strbuf *out, const char *name)
{
	strbuf_addstr(out, "unset ");
	strbuf_addstr(out, name);
	strbuf_addch(out, '\n');
}

void shell_posix_prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "_vswitch_prompt_clear\n");
		return;
	}
	strbuf_addstr(out, "_vswitch_prompt_set ");
	shell_quote_single(out, label);
	strbuf_addch(out, '\n');
}
