/* cmd_hook: `vswitch hook SHELL` prints the hook text. */
#include <limits.h>
#include <unistd.h>

#include "commands.h"
#include "error.h"

int cmd_hook(struct cmd_ctx *c)
{
	const struct shell *sh;
	char self[PATH_MAX];
	ssize_t n;

	if (c->argc != 1)
		return error("usage: vswitch hook SHELL (one of %s)", shell_names()), 2;
	sh = shell_find(c->argv[0]);
	if (!sh)
		return error("unknown shell '%s' (known: %s)", c->argv[0], shell_names()), 2;
	/* The absolute path makes the hook independent of PATH, which the
	 * user (or a broken rc file) may empty. */
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		self[n = 0] = '\0';
	self[n] = '\0';
	sh->hook(c->out, n > 0 ? self : "vswitch");
	return 0;
}
