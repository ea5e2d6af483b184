/* cmd_run: the commands for shells that draw no prompt, where no hook
 * runs: `vswitch exec [--dir DIR] -- CMD...` runs CMD with the env DIR
 * wants, and `vswitch env [SHELL]` prints the activation for $PWD once. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "error.h"
#include "paths.h"
#include "state.h"

/* The changes that activate what in->pwd wants, without the hook's own
 * (prompt, hook variables). Returns -1 when the env is refused or
 * missing, or the engine would not (reported by it), else 0. */
static int changes_for(struct cmd_ctx *c, struct changes *ch)
{
	struct changes all = CHANGES_INIT;
	int rc, refused = 0;

	c->in.hook = 0;
	c->in.refused = &refused;
	c->in.init = 1;		/* report a refusal whatever the state says */
	rc = engine_run(&c->cfg, &c->in, ENGINE_EXPORT, &all);
	for (size_t i = 0; i < all.n; i++) {
		struct change *x = &all.v[i];

		if (x->kind == CH_SET || x->kind == CH_UNSET)
			changes_add(ch, x->kind, x->name, x->value);
		else if (x->kind == CH_PATH)
			changes_add_path(ch, x->name, x->value, x->add, x->del);
	}
	changes_free(&all);
	return rc < 0 || refused ? -1 : 0;
}

int cmd_exec(struct cmd_ctx *c)
{
	struct strbuf dir = STRBUF_INIT;
	struct changes ch = CHANGES_INIT;
	char **argv = c->argv;
	int argc = c->argc;

	if (argc >= 2 && !strcmp(argv[0], "--dir")) {
		paths_absolute(&dir, c->in.pwd, argv[1]);
		c->in.pwd = dir.buf;
		argv += 2;
		argc -= 2;
	}
	if (argc < 2 || strcmp(argv[0], "--")) {
		strbuf_release(&dir);
		return error("usage: vswitch exec [--dir DIR] -- CMD [ARG...]"), 2;
	}
	argv++;
	if (changes_for(c, &ch) < 0) {
		/* the engine said why, in one line; CMD is not run with a
		 * half-right env */
		changes_free(&ch);
		strbuf_release(&dir);
		return 1;
	}
	for (size_t i = 0; i < ch.n; i++) {
		struct change *x = &ch.v[i];

		if ((x->kind == CH_UNSET && unsetenv(x->name) < 0) ||
		    (x->kind != CH_UNSET && setenv(x->name, x->value, 1) < 0))
			die("cannot set %s: %s", x->name, strerror(errno));
	}
	changes_free(&ch);
	strbuf_release(&dir);
	execvp(argv[0], argv);
	error_errno("cannot run '%s'", argv[0]);
	return errno == ENOENT ? 127 : 126;
}

/* POSIX sh: export and unset with single quotes, for `env` with no
 * shell named: any sh reads it. */
static void render_sh(const struct changes *ch, struct strbuf *out)
{
	for (size_t i = 0; i < ch->n; i++) {
		const struct change *x = &ch->v[i];

		if (x->kind == CH_UNSET) {
			strbuf_addf(out, "unset %s\n", x->name);
			continue;
		}
		strbuf_addf(out, "export %s=", x->name);
		shell_quote_single(out, x->value);
		strbuf_addch(out, '\n');
	}
}

int cmd_env(struct cmd_ctx *c)
{
	const struct shell *sh = NULL;
	struct changes ch = CHANGES_INIT;
	int rc;

	if (c->argc && !(sh = shell_find(c->argv[0]))) {
		struct strbuf names = STRBUF_INIT;

		shell_names(&names, ", ");
		error("unknown shell '%s' (known: %s)", c->argv[0], names.buf);
		strbuf_release(&names);
		return 2;
	}
	c->in.shell = sh;
	/* refused or missing: nothing to evaluate, as exec runs nothing */
	rc = changes_for(c, &ch);
	if (rc == 0 && sh)
		sh->render(&ch, c->out);
	else if (rc == 0)
		render_sh(&ch, c->out);
	changes_free(&ch);
	return rc < 0 ? 1 : 0;
}
