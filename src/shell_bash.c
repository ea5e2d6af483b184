/* shell_bash: bash syntax. The prompt work is done by functions the hook
 * defines (hooks/bash.sh); here we only call them with quoted words. */
#include "shell.h"

static void hook(struct strbuf *out, const char *self)
{
	strbuf_addstr(out, "_vswitch_bin=");
	shell_quote_single(out, self);
	strbuf_addch(out, '\n');
	strbuf_addstr(out, hook_text_bash);
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addstr(out, "export ");
	strbuf_addstr(out, name);
	strbuf_addch(out, '=');
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addstr(out, "unset ");
	strbuf_addstr(out, name);
	strbuf_addch(out, '\n');
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

static void rehash(struct strbuf *out)
{
	strbuf_addstr(out, "hash -r\n");
}

const struct shell shell_bash = {
	"bash", hook, shell_quote_single, set, unset, prompt, rehash,
};
