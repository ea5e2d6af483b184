/* shell_zsh: zsh syntax (shared with bash in shell_posix.c); the
 * prompt functions it calls are in hooks/zsh.sh. */
#include "shell.h"

static void hook(struct strbuf *out, const char *self)
{
	shell_posix_hook(out, self, hook_text_zsh);
}

static void rehash(struct strbuf *out)
{
	strbuf_addstr(out, "rehash\n");
}

const struct shell shell_zsh = {
	"zsh", hook, shell_quote_single, shell_posix_set, shell_posix_unset,
	shell_posix_prompt, rehash,
};
