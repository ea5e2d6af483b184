/* source_poetry: the pyproject.toml of a poetry project wants the env that
 * poetry made for it, found as poetry finds it, without running poetry:
 *  - an in-project .venv folder, unless virtualenvs.in-project is false;
 *  - else {virtualenvs.path}/{S}-{H}-py{X.Y}: S the project's name,
 *    canonical (runs of -_. as one -), lower case, with each of
 *    ` $`!*@"\` and CR, LF, TAB as '_', cut to 42 bytes; H the first 8
 *    characters of the URL-safe base64 of the SHA-256 of the folder's
 *    real path; X.Y the `minor` that envs.toml (in that folder) records
 *    for {S}-{H}, else the one such env there is.
 * The project: [tool.poetry], or poetry's build backend; its name from
 * [project], else [tool.poetry].
 * Settings come, first found first, from POETRY_VIRTUALENVS_PATH and
 * POETRY_VIRTUALENVS_IN_PROJECT, the project's poetry.toml, poetry's
 * config.toml ($POETRY_CONFIG_DIR, else $XDG_CONFIG_HOME/pypoetry), and
 * the defaults: {cache-dir}/virtualenvs, cache-dir $POETRY_CACHE_DIR,
 * else $XDG_CACHE_HOME/pypoetry. A folder the project's poetry.toml
 * chose is not the user's store: its env is judged as a project's. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "naming.h"
#include "paths.h"
#include "sha256.h"
#include "source.h"
#include "toml.h"
#include "tool.h"

/* The folders of poetry's global settings. */
static void config_toml(struct strbuf *out)
{
	if (tool_env_or(out, "POETRY_CONFIG_DIR", "XDG_CONFIG_HOME", ".config", "/pypoetry") == 0)
		strbuf_addstr(out, "/config.toml");
}

/* Where a setting came from: a project's own poetry.toml can point
 * anywhere, so a folder it names is not the user's store. */
enum origin { UNSET, FROM_ENV, FROM_PROJECT, FROM_USER };

/* Setting key (under [virtualenvs] or at the top), from the first of
 * env var, the project's poetry.toml text, the global config text. */
static enum origin setting(const char *var, const struct strbuf *local,
			   const struct strbuf *global, const char *table,
			   const char *key, struct strbuf *out)
{
	const char *v = var ? getenv(var) : NULL;

	if (v && *v) {
		strbuf_addstr(out, v);
		return FROM_ENV;
	}
	if (toml_get(local->buf, local->len, table, key, out))
		return FROM_PROJECT;
	if (toml_get(global->buf, global->len, table, key, out))
		return FROM_USER;
	return UNSET;
}

/* The cache folder, appended to out; 0 when the project set it, -1
 * when there is no home to find it in. */
static int cache_dir(const struct strbuf *local, const struct strbuf *global,
		     struct strbuf *out)
{
	enum origin o = setting("POETRY_CACHE_DIR", local, global, "",
				"cache-dir", out);

	if (o == UNSET && tool_env_or(out, NULL, "XDG_CACHE_HOME", ".cache", "/pypoetry") < 0)
		return -1;
	return o != FROM_PROJECT;
}

/* A poetry project, and its name: poetry 2 takes [project] name before
 * [tool.poetry] name, and needs no [tool.poetry] table when the build
 * backend is poetry's own. */
static int project_name(const struct strbuf *text, struct strbuf *name)
{
	struct strbuf backend = STRBUF_INIT;
	int poetry = toml_has_table(text->buf, text->len, "tool.poetry");

	if (!poetry &&
	    toml_get(text->buf, text->len, "build-system", "build-backend", &backend))
		poetry = !strcmp(backend.buf, "poetry.core.masonry.api");
	strbuf_release(&backend);
	return poetry &&
	       (toml_get(text->buf, text->len, "project", "name", name) ||
		toml_get(text->buf, text->len, "tool.poetry", "name", name));
}

/* S: the name as poetry makes it. */
static void env_base(const char *name, struct strbuf *out)
{
	size_t start = out->len;
	int dash = 0;

	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '-' || c == '_' || c == '.') {
			dash = 1;
			continue;
		}
		if (dash)
			strbuf_addch(out, '-');
		dash = 0;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (strchr(" $`!*@\"\\\r\n\t", c) && c)
			c = '_';
		strbuf_addch(out, c);
	}
	if (dash)
		strbuf_addch(out, '-');
	if (out->len - start > 42)
		strbuf_setlen(out, start + 42);
}

void poetry_env_name(const char *name, const char *realdir, struct strbuf *out)
{
	struct strbuf b64 = STRBUF_INIT;
	unsigned char d[SHA256_LEN];
	struct sha256 s;

	env_base(name, out);
	sha256_init(&s);
	sha256_update(&s, realdir, strlen(realdir));
	sha256_final(&s, d);
	tool_base64url(d, sizeof(d), &b64);
	strbuf_addch(out, '-');
	strbuf_add(out, b64.buf, 8);
	strbuf_release(&b64);
}

/* The env {S}-{H}-py* in folder venvs: the one envs.toml records, else
 * the only one there; appended to env. 1 found, 0 none, -1 several. */
static int which_env(const char *venvs, const char *base, struct strbuf *env)
{
	struct strbuf p = STRBUF_INIT, text = STRBUF_INIT, minor = STRBUF_INIT;
	size_t blen = strlen(base);
	struct dirent *e;
	DIR *d;
	int n = 0;

	strbuf_addf(&p, "%s/envs.toml", venvs);
	/* the table is named by base, which holds no '.': it is one key */
	if (tool_read(p.buf, &text) == 0 &&
	    toml_get(text.buf, text.len, base, "minor", &minor)) {
		strbuf_addf(env, "%s/%s-py%s", venvs, base, minor.buf);
		n = 1;
	} else if ((d = opendir(venvs))) {
		while ((e = readdir(d)))
			if (!strncmp(e->d_name, base, blen) &&
			    !strncmp(e->d_name + blen, "-py", 3) && n++ == 0)
				strbuf_addf(env, "%s/%s", venvs, e->d_name);
		closedir(d);
	}
	strbuf_release(&p);
	strbuf_release(&text);
	strbuf_release(&minor);
	return n > 1 ? -1 : n;
}

static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	struct strbuf text = STRBUF_INIT, name = STRBUF_INIT, local = STRBUF_INIT;
	struct strbuf global = STRBUF_INIT, v = STRBUF_INIT, venvs = STRBUF_INIT;
	struct strbuf base = STRBUF_INIT, env = STRBUF_INIT;
	size_t dlen = p->len;
	int in_store = 1, r;

	(void)cfg;
	strbuf_addstr(p, "pyproject.toml");
	if (tool_read_entry(f, p->buf, &text) < 0 || !project_name(&text, &name)) {
		f->read_file = 0;
		strbuf_setlen(&f->entry, 0);
		strbuf_release(&text);
		strbuf_release(&name);
		return 0;
	}
	strbuf_setlen(p, dlen);
	strbuf_addstr(p, "poetry.toml");
	tool_read(p->buf, &local);
	config_toml(&v);
	if (v.len)
		tool_read(v.buf, &global);
	strbuf_setlen(&v, 0);
	/* an in-project .venv folder wins */
	if (!setting("POETRY_VIRTUALENVS_IN_PROJECT", &local, &global,
		     "virtualenvs", "in-project", &v) || strcmp(v.buf, "false")) {
		struct stat st;

		strbuf_setlen(p, dlen);
		strbuf_addstr(p, ".venv");
		if (stat(p->buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			tool_found(f, p->buf, 0);
			goto out;
		}
	}
	strbuf_setlen(&v, 0);
	switch (setting("POETRY_VIRTUALENVS_PATH", &local, &global,
			"virtualenvs", "path", &venvs)) {
	case UNSET:
		in_store = cache_dir(&local, &global, &venvs);
		strbuf_addstr(&venvs, "/virtualenvs");
		break;
	case FROM_PROJECT:
		in_store = 0;
		break;
	default:
		break;
	}
	/* "{cache-dir}" in a configured path stands for the cache folder */
	if (!strncmp(venvs.buf, "{cache-dir}", 11)) {
		strbuf_setlen(&v, 0);
		r = cache_dir(&local, &global, &v);
		in_store = r < 0 ? r : in_store && r;
		strbuf_addstr(&v, venvs.buf + 11);
		strbuf_set(&venvs, v.buf);
	}
	strbuf_setlen(&v, 0);
	if (in_store < 0 || paths_expand_tilde(&v, venvs.buf) < 0) {
		f->kind = FOUND_REFUSED;
		strbuf_addf(&f->why, "poetry's folder of envs cannot be found: %s",
			    paths_no_home());
		goto out;
	}
	strbuf_set(&venvs, v.buf);
	strbuf_setlen(&v, 0);
	tool_realpath(dir, &v);
	poetry_env_name(name.buf, v.buf, &base);
	r = which_env(venvs.buf, base.buf, &env);
	if (r < 0) {
		f->kind = FOUND_REFUSED;
		strbuf_addf(&f->env, "%s/%s-py*", venvs.buf, base.buf);
		strbuf_addf(&f->why, "poetry has several envs for it in '%s' and no record of which",
			    venvs.buf);
	} else if (r == 0) {
		strbuf_addf(&env, "%s/%s-py*", venvs.buf, base.buf);
		tool_found(f, env.buf, in_store);
	} else {
		tool_found(f, env.buf, in_store);
	}
out:
	strbuf_release(&text);
	strbuf_release(&name);
	strbuf_release(&local);
	strbuf_release(&global);
	strbuf_release(&v);
	strbuf_release(&venvs);
	strbuf_release(&base);
	strbuf_release(&env);
	return 1;
}

static const char *const files[] = { "pyproject.toml", NULL };

/* poetry.toml beside it, and the in-project .venv, change the answer. */
static void watch_in(const struct config *cfg, const char *dir,
		     struct strlist *out)
{
	struct strbuf p = STRBUF_INIT;

	(void)cfg;
	strbuf_addf(&p, "%spoetry.toml", dir);
	strlist_add(out, p.buf);
	strbuf_setlen(&p, 0);
	strbuf_addf(&p, "%s.venv", dir);
	strlist_add(out, p.buf);
	strbuf_setlen(&p, 0);
	config_toml(&p);
	strlist_add(out, p.buf);
	strbuf_release(&p);
}

static const char *const vars[] = {
	"POETRY_VIRTUALENVS_PATH", "POETRY_VIRTUALENVS_IN_PROJECT",
	"POETRY_CACHE_DIR", "POETRY_CONFIG_DIR", NULL,
};

const struct source source_poetry = {
	.name = "poetry",
	.probe = probe,
	.identity = tool_identity,
	.owner_rule = tool_owner_rule,
	.files = files,
	.watch_in = watch_in,
	.vars = vars,
};
