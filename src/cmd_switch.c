/* cmd_switch: the commands that change the shell (export, off, on). */
#include <string.h>

#include "commands.h"
#include "config.h"
#include "engine.h"
#include "error.h"

static int run(struct cmd_ctx *c, const struct shell *sh, enum engine_cmd cmd,
	       int init)
{
	struct config cfg;
	struct engine_input in;
	struct changes ch = CHANGES_INIT;
	int rc;

	config_load(&cfg);
	engine_input_from_env(&in);
	in.init = init;
	rc = engine_run(&cfg, &in, cmd, &ch);
	shell_render(sh, &ch, c->out);
	changes_free(&ch);
	config_free(&cfg);
	return rc < 0 ? 1 : 0;
}

int cmd_export(struct cmd_ctx *c)
{
	const struct shell *sh;
	int init = 0;

	if (c->argc == 2 && !strcmp(c->argv[1], "--init"))
		init = 1;
	else if (c->argc != 1)
		return error("usage: vswitch export SHELL [--init] (SHELL: %s)",
			     shell_names()), 2;
	sh = shell_find(c->argv[0]);
	if (!sh)
		return error("unknown shell '%s' (known: %s)", c->argv[0], shell_names()), 2;
	return run(c, sh, ENGINE_EXPORT, init);
}

/* off and on must run through the shell function the hook defines,
 * which passes --shell and evaluates what we print. */
static int shell_command(struct cmd_ctx *c, const char *name, enum engine_cmd cmd)
{
	if (c->argc)
		return error("usage: vswitch %s", name), 2;
	if (!c->shell)
		return error("'%s' changes the shell, so it needs the hook: add eval \"$(vswitch hook bash)\" (or zsh, fish) to your shell's rc file",
			     name), 1;
	return run(c, c->shell, cmd, 0);
}

int cmd_off(struct cmd_ctx *c)
{
	return shell_command(c, "off", ENGINE_OFF);
}

int cmd_on(struct cmd_ctx *c)
{
	return shell_command(c, "on", ENGINE_ON);
}
