/* cmd_hook: `vswitch hook SHELL` prints the hook text; `hook --list`
 * names the shells, one per line (for completion and scripts). */
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "error.h"

int cmd_hook(struct cmd_ctx *c)
{
	const struct shell *sh;
	struct strbuf names = STRBUF_INIT, cmds = STRBUF_INIT;
	char self[PATH_MAX];
	ssize_t n;

	if (!strcmp(c->argv[0], "--list")) {
		shell_names(c->out, "\n");
		strbuf_addch(c->out, '\n');
		return 0;
	}
	sh = shell_find(c->argv[0]);
	if (!sh) {
		shell_names(&names, ", ");
		error("unknown shell '%s' (known: %s)", c->argv[0], names.buf);
		strbuf_release(&names);
		return 2;
	}
	/* The absolute path makes the hook independent of PATH, which the
	 * user (or a broken rc file) may empty. */
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		n = 0;
	self[n] = '\0';
	command_shell_names(&cmds);
	{
		const struct hook_var vars[] = {
			{ "bin", n > 0 ? self : "vswitch" },
			{ "cmds", cmds.buf },
			{ "shell", sh->name },
		};

		shell_hook(sh, vars, sizeof(vars) / sizeof(vars[0]), c->out);
	}
	strbuf_release(&cmds);
	return 0;
}
