/* source_pipenv: a Pipfile wants the env pipenv made for it, found as
 * pipenv finds it, without running pipenv:
 *  - an in-project .venv folder (pipenv's .venv file is the venvfile
 *    source's), or where PIPENV_VENV_IN_PROJECT is set, .venv there;
 *  - else {home}/{S}-{H}: home $WORKON_HOME, else
 *    $XDG_DATA_HOME/virtualenvs; S the name of the folder the Pipfile
 *    really is in, each of ` &$`!*@"()[]\` and CR, LF, TAB as '_', cut
 *    to 42 bytes, case kept; H the URL-safe base64 of the first 6 bytes
 *    of the SHA-256 of the Pipfile's real path; then "-" and
 *    PIPENV_PYTHON's last part, when that is set. PIPENV_CUSTOM_VENV_NAME
 *    names it outright. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "naming.h"
#include "paths.h"
#include "sha256.h"
#include "source.h"
#include "tool.h"

/* The folder pipenv keeps its envs in. */
static int home(struct strbuf *out)
{
	return tool_env_or(out, "WORKON_HOME", "XDG_DATA_HOME", ".local/share", "/virtualenvs");
}

/* Whether PIPENV_VENV_IN_PROJECT says yes (pipenv's true values). */
static int in_project(void)
{
	const char *v = getenv("PIPENV_VENV_IN_PROJECT");

	return v && (!strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "True") ||
		     !strcmp(v, "yes") || !strcmp(v, "on"));
}

void pipenv_env_name(const char *pipfile, const char *py, struct strbuf *out)
{
	struct strbuf b64 = STRBUF_INIT;
	unsigned char d[SHA256_LEN];
	size_t blen, start = out->len, plen = strlen(pipfile);
	const char *base;
	struct sha256 s;

	base = paths_basename(pipfile, plen > 8 ? plen - 8 : 0, &blen);
	for (size_t i = 0; i < blen; i++) {
		char c = base[i];

		strbuf_addch(out, c && strchr(" &$`!*@\"()[]\\\r\n\t", c) ? '_' : c);
	}
	if (out->len - start > 42)
		strbuf_setlen(out, start + 42);
	sha256_init(&s);
	sha256_update(&s, pipfile, plen);
	sha256_final(&s, d);
	tool_base64url(d, 6, &b64);
	strbuf_addf(out, "-%.8s", b64.buf);
	if (py && *py) {
		size_t n;
		const char *last = paths_basename(py, strlen(py), &n);

		strbuf_addch(out, '-');
		strbuf_add(out, py[0] == '/' ? last : py, py[0] == '/' ? n : strlen(py));
	}
	strbuf_release(&b64);
}

static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	struct strbuf text = STRBUF_INIT, env = STRBUF_INIT;
	const char *custom = getenv("PIPENV_CUSTOM_VENV_NAME");
	size_t dlen = p->len;
	struct stat st;

	(void)cfg;
	(void)dir;
	strbuf_addstr(p, "Pipfile");
	if (tool_read_entry(f, p->buf, &text) < 0) {
		strbuf_release(&text);
		return 0;
	}
	strbuf_setlen(p, dlen);
	strbuf_addstr(p, ".venv");
	if (in_project() || (stat(p->buf, &st) == 0 && S_ISDIR(st.st_mode))) {
		tool_found(f, p->buf, 0);
	} else if (home(&env) == 0) {
		strbuf_addch(&env, '/');
		if (custom && *custom) {
			strbuf_addstr(&env, custom);
		} else {
			struct strbuf real = STRBUF_INIT;

			tool_realpath(f->entry.buf, &real);
			pipenv_env_name(real.buf, getenv("PIPENV_PYTHON"), &env);
			strbuf_release(&real);
		}
		tool_found(f, env.buf, 1);
	} else {
		f->kind = FOUND_REFUSED;
		strbuf_addf(&f->why, "pipenv's folder of envs cannot be found: %s",
			    paths_no_home());
	}
	strbuf_release(&text);
	strbuf_release(&env);
	return 1;
}

static const char *const files[] = { "Pipfile", NULL };

static void watch_in(const struct config *cfg, const char *dir,
		     struct strlist *out)
{
	struct strbuf p = STRBUF_INIT;

	(void)cfg;
	strbuf_addf(&p, "%s.venv", dir);
	strlist_add(out, p.buf);
	strbuf_release(&p);
}

static const char *const vars[] = {
	"PIPENV_VENV_IN_PROJECT", "PIPENV_CUSTOM_VENV_NAME", "PIPENV_PYTHON",
	"WORKON_HOME", "XDG_DATA_HOME", NULL,
};

const struct source source_pipenv = {
	.name = "pipenv",
	.probe = probe,
	.identity = tool_identity,
	.owner_rule = tool_owner_rule,
	.files = files,
	.watch_in = watch_in,
	.vars = vars,
};
