/* cmd_switch: the commands that change the shell (export, off, on, use). */
#include <errno.h>
#include <string.h>

#include "commands.h"
#include "config.h"
#include "engine.h"
#include "envhome.h"
#include "error.h"
#include "paths.h"

int cmd_render(struct cmd_ctx *c, const struct shell *sh, enum engine_cmd cmd,
	       const struct config *cfg, const struct engine_input *in)
{
	struct changes ch = CHANGES_INIT;
	int rc;

	rc = engine_run(cfg, in, cmd, &ch);
	shell_render(sh, &ch, c->out);
	changes_free(&ch);
	return rc < 0 ? 1 : 0;
}

static int run(struct cmd_ctx *c, const struct shell *sh, enum engine_cmd cmd,
	       int init)
{
	struct config cfg;
	struct engine_input in;
	int rc;

	config_load(&cfg);
	engine_input_from_env(&in);
	in.init = init;
	rc = cmd_render(c, sh, cmd, &cfg, &in);
	config_free(&cfg);
	return rc;
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

/* off, on and use must run through the shell function the hook defines,
 * which passes --shell and evaluates what we print. */
static int need_hook(const struct cmd_ctx *c, const char *name)
{
	if (c->shell)
		return 0;
	return error("'%s' changes the shell, so it needs the hook: add eval \"$(vswitch hook bash)\" (or zsh, fish) to your shell's rc file",
		     name);
}

static int shell_command(struct cmd_ctx *c, const char *name, enum engine_cmd cmd)
{
	if (c->argc)
		return error("usage: vswitch %s", name), 2;
	if (need_hook(c, name) < 0)
		return 1;
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

/* Append " (did you mean 'a', 'b' or 'c'?)" for names of home close to
 * name, or a pointer to `vswitch list` when none is. */
static void suggest(struct strbuf *msg, const char *home, const char *name)
{
	struct envlist list = ENVLIST_INIT;
	const char *close[5];
	size_t n;

	if (envhome_list(home, "", &list) < 0) {
		strbuf_addf(msg, " (%s)", strerror(errno));
		return;
	}
	n = envlist_close(&list, name, close, sizeof(close) / sizeof(close[0]));
	if (!n) {
		strbuf_addstr(msg, " ('vswitch list' shows the envs there)");
	} else {
		strbuf_addstr(msg, "; did you mean ");
		for (size_t i = 0; i < n; i++)
			strbuf_addf(msg, "%s'%s'", !i ? "" : i + 1 < n ? ", " : " or ",
				    close[i]);
		strbuf_addch(msg, '?');
	}
	envlist_free(&list);
}

/* use NAME|PATH: NAME is an env in the env home, PATH a venv folder
 * (relative to $PWD), told apart as in a .venvrc. A wrong one changes
 * nothing: the message goes to stderr and stdout stays empty. */
int cmd_use(struct cmd_ctx *c)
{
	struct config cfg;
	struct engine_input in;
	struct strbuf env = STRBUF_INIT, msg = STRBUF_INIT;
	const char *v;
	int rc = 1;

	if (c->argc != 1 || !*c->argv[0])
		return error("usage: vswitch use NAME|PATH"), 2;
	if (need_hook(c, "use") < 0)
		return 1;
	v = c->argv[0];
	config_load(&cfg);
	engine_input_from_env(&in);
	if (envhome_resolve(&cfg, v, in.pwd, &env)) {
		if (paths_is_venv(env.buf))
			goto ok;
		error("no env at '%s' (no pyvenv.cfg there)", env.buf);
	} else if (paths_is_venv(env.buf)) {
		goto ok;
	} else {
		strbuf_setlen(&env, 0);
		envhome_dir(&cfg, &env);
		strbuf_addf(&msg, "no env '%s' in '%s'", v, env.buf);
		suggest(&msg, env.buf, v);
		error("%s", msg.buf);
	}
	goto done;
ok:
	/* PATH is split at every ':', so ENV/bin would not be one entry. */
	if (strchr(env.buf, ':')) {
		error("cannot use '%s': its path holds ':', which PATH cannot hold",
		      env.buf);
		goto done;
	}
	in.use_env = env.buf;
	rc = cmd_render(c, c->shell, ENGINE_USE, &cfg, &in);
done:
	strbuf_release(&env);
	strbuf_release(&msg);
	config_free(&cfg);
	return rc;
}
