/* cmd_list: `vswitch list [--long]` prints the envs of the env home. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "envhome.h"
#include "envlist.h"
#include "error.h"
#include "paths.h"
#include "venv.h"

/* NAME  VERSION  PATH, names padded to the longest. Reads every
 * pyvenv.cfg, so completion uses the short form. */
static void print_long(struct strbuf *out, const char *home,
		       const struct strlist *list)
{
	struct strbuf env = STRBUF_INIT, ver = STRBUF_INIT;
	size_t width = 0;

	for (size_t i = 0; i < list->n; i++)
		if (strlen(list->v[i]) > width)
			width = strlen(list->v[i]);
	for (size_t i = 0; i < list->n; i++) {
		const char *name = list->v[i];

		strbuf_set(&env, home);
		strbuf_addch(&env, '/');
		strbuf_addstr(&env, name);
		strbuf_setlen(&ver, 0);
		if (!venv_python_version(env.buf, &ver))
			strbuf_addch(&ver, '-');
		strbuf_addf(out, "%-*s  %-8s  %s\n", (int)width, name, ver.buf, env.buf);
	}
	strbuf_release(&env);
	strbuf_release(&ver);
}

/* A name with a newline would read as two names to every consumer of
 * this one-per-line list, so it is left out, and said so. */
static void drop_multiline(const char *home, struct strlist *list)
{
	for (size_t i = 0; i < list->n;) {
		if (!strchr(list->v[i], '\n')) {
			i++;
			continue;
		}
		error("%s/%s: skipped: an env name with a newline cannot be listed",
		      home, list->v[i]);
		strlist_remove(list, i);
	}
}

int cmd_list(struct cmd_ctx *c)
{
	struct strbuf home = STRBUF_INIT;
	struct strlist list = STRLIST_INIT;
	const char *prefix = "";
	int rc = 0, lng = 0;

	for (int i = 0; i < c->argc; i++) {
		if (!strcmp(c->argv[i], "--long") || !strcmp(c->argv[i], "-l"))
			lng = 1;
		else if (!strncmp(c->argv[i], "--prefix=", 9))
			prefix = c->argv[i] + 9;
		else
			return error("usage: vswitch list [--long] [--prefix=STR]"), 2;
	}
	if (envhome_dir(&c->cfg, &home) < 0) {
		error("no env home: %s", paths_no_home());
		rc = 1;
		goto out;
	}
	/* --prefix is for completion: it saves a stat per name left out */
	if (envlist_read(home.buf, prefix, &list) < 0 && errno != ENOENT) {
		error_errno("cannot read '%s'", home.buf);
		rc = 1;
	}
	drop_multiline(home.buf, &list);
	if (lng) {
		print_long(c->out, home.buf, &list);
	} else {
		for (size_t i = 0; i < list.n; i++) {
			strbuf_addstr(c->out, list.v[i]);
			strbuf_addch(c->out, '\n');
		}
	}
out:
	strlist_free(&list);
	strbuf_release(&home);
	return rc;
}
