/* cmd_switch: the commands that move the shell (export, off, on, use). */
#include <errno.h>
#include <string.h>

#include "backlinks.h"
#include "command.h"
#include "engine.h"
#include "envhome.h"
#include "envlist.h"
#include "error.h"
#include "paths.h"

int cmd_render(struct cmd_ctx *c, const struct shell *sh, enum engine_cmd cmd)
{
	struct changes ch = CHANGES_INIT;
	int rc;

	c->in.hook = 1;
	rc = engine_run(&c->cfg, &c->in, cmd, &ch);
	sh->render(&ch, c->out);
	changes_free(&ch);
	return rc < 0 ? 1 : 0;
}

int cmd_export(struct cmd_ctx *c)
{
	const struct shell *sh = shell_find(c->argv[0]);
	struct strbuf names = STRBUF_INIT;

	if (!sh) {
		shell_names(&names, ", ");
		error("unknown shell '%s' (known: %s)", c->argv[0], names.buf);
		strbuf_release(&names);
		return 2;
	}
	for (int i = 1; i < c->argc; i++) {
		const char *a = c->argv[i];

		if (!strcmp(a, "--init") && !c->in.init)
			c->in.init = 1;
		else if (!strncmp(a, "--have=", 7) && !c->in.have)
			c->in.have = a + 7;
		else
			return error("usage: vswitch export SHELL [--init] [--have=TAG]"), 2;
	}
	c->in.shell = sh;
	return cmd_render(c, sh, ENGINE_EXPORT);
}

int cmd_off(struct cmd_ctx *c)
{
	return cmd_render(c, c->shell, ENGINE_OFF);
}

/* on also reads every env's .project again: one written into an env
 * that was there already changes no time the index is checked by. */
int cmd_on(struct cmd_ctx *c)
{
	backlinks_refresh(&c->cfg);
	return cmd_render(c, c->shell, ENGINE_ON);
}

/* Append " (did you mean 'a', 'b' or 'c'?)" for names of home close to
 * name, or a pointer to `vswitch list` when none is. */
static void suggest(struct strbuf *msg, const char *home, const char *name)
{
	struct strlist list = STRLIST_INIT;
	const char *close[5];
	size_t n;

	if (envlist_read(home, "", &list) < 0) {
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
	strlist_free(&list);
}

/* use NAME|PATH: NAME is an env in the env home, PATH a venv folder
 * (relative to $PWD), told apart as in a .venvrc. A wrong one changes
 * nothing: the message goes to stderr and stdout stays empty. */
int cmd_use(struct cmd_ctx *c)
{
	struct strbuf env = STRBUF_INIT, msg = STRBUF_INIT;
	const char *v = c->argv[0];
	int rc = 1;

	if (!*v)
		return error("usage: vswitch use NAME|PATH"), 2;
	if (envhome_resolve(&c->cfg, v, c->in.pwd, &env)) {
		if (paths_is_venv(env.buf))
			goto ok;
		error("no env at '%s' (no pyvenv.cfg there)", env.buf);
	} else if (paths_is_venv(env.buf)) {
		goto ok;
	} else {
		strbuf_setlen(&env, 0);
		if (envhome_dir(&c->cfg, &env) < 0) {
			error("no env home to find '%s' in: %s", v, paths_no_home());
			goto done;
		}
		strbuf_addf(&msg, "no env '%s' in '%s'", v, env.buf);
		suggest(&msg, env.buf, v);
		error("%s", msg.buf);
	}
	goto done;
ok:
	c->in.use_env = env.buf;
	rc = cmd_render(c, c->shell, ENGINE_USE);
done:
	strbuf_release(&env);
	strbuf_release(&msg);
	return rc;
}
