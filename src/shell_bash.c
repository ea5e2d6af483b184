/* shell_bash: bash syntax (shared with zsh in shell_posix.c); the
 * prompt functions it calls are in hooks/bash.sh. */
#include "shell.h"

static void hook(struct strbuf *out, const char *self)
{
	shell_posix_hook(out, self, hook_text_bash);
}

static void rehash(struct strbuf *out)
{
	strbuf_addstr(out, "hash -r\n");
}

const struct shell shell_bash = {
	"bash", hook, shell_quote_single, shell_posix_set, shell_posix_unset,
	shell_posix_prompt, rehash,
};
