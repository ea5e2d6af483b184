/* cmd_hook: `vswitch hook SHELL` prints the hook text; `hook --list`
 * names the shells, one per line (for completion and scripts). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "error.h"
#include "paths.h"
#include "stamp.h"

/* Append the binary's path as it was invoked, not resolved: a package
 * manager that upgrades by pointing a link elsewhere (Homebrew, stow,
 * nix) leaves that path working, where the old real file is gone. The
 * hook looks the binary up on PATH when even that path is gone. */
static void self_path(const char *argv0, struct strbuf *out)
{
	char cwd[PATH_MAX], self[PATH_MAX];
	ssize_t n;

	if (paths_invoked(out, argv0 ? argv0 : "", getenv("PATH"),
			  getcwd(cwd, sizeof(cwd))) == 0)
		return;
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	self[n > 0 ? n : 0] = '\0';
	strbuf_addstr(out, n > 0 ? self : "vswitch");
}

int cmd_hook(struct cmd_ctx *c)
{
	const struct shell *sh;
	struct strbuf names = STRBUF_INIT, cmds = STRBUF_INIT, self = STRBUF_INIT;
	struct strbuf stamps = STRBUF_INIT;
	int rc;

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
	/* said once, as the shell starts: the hook works on without them */
	if (!paths_home())
		error("%s: no config, trust store or env home is used", paths_no_home());
	/* An absolute path makes the hook independent of PATH, which the
	 * user (or a broken rc file) may empty. */
	self_path(c->argv0, &self);
	command_shell_names(&cmds);
	/* Known before the first run, the stamp is touched before it too:
	 * else the first cd after start-up would find no stamp and run the
	 * binary again. Each run says it anew. */
	if (stamp_dir(&stamps, 0) < 0)
		strbuf_setlen(&stamps, 0);
	{
		const struct hook_var vars[] = {
			{ "bin", self.buf },
			{ "cmds", cmds.buf },
			{ "shell", sh->name },
			{ "stampdir", stamps.buf },
		};

		size_t n = sizeof(vars) / sizeof(vars[0]);
		const char *why = NULL;

		/* a value the shell's row says its hook text cannot hold */
		for (size_t i = 0; i < n && !why; i++)
			if ((why = shell_cannot_hold(sh, vars[i].value, HOLD_HOOK_VAR)))
				error("cannot write the %s hook: '%s': %s", sh->name,
				      vars[i].value, why);
		if (!why)
			shell_hook(sh, vars, n, c->out);
		rc = why ? 1 : 0;
	}
	strbuf_release(&cmds);
	strbuf_release(&self);
	strbuf_release(&stamps);
	return rc;
}
