/* hookdata: the hook's variables for skipping runs. */
#include "hookdata.h"

#include <string.h>
#include <sys/stat.h>

#include "backlinks.h"
#include "paths.h"
#include "source.h"
#include "stamp.h"
#include "truststore.h"

/* Every variable the result depends on, beside $PWD. */
static const char *const vars[] = {
	"VIRTUAL_ENV", "VSWITCH_STATE", "PATH", "PYTHONHOME", "HOME",
	"VSWITCH_CONFIG", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
	"XDG_RUNTIME_DIR", "WORKON_HOME",
};

/* "+path" when path exists (even as a dangling link), else "-path". */
static void watch(struct strlist *w, const char *path)
{
	struct strbuf e = STRBUF_INIT;
	struct stat st;

	if (!*path)
		return;
	strbuf_addch(&e, lstat(path, &st) == 0 ? '+' : '-');
	strbuf_addstr(&e, path);
	if (!strlist_has(w, e.buf))
		strlist_add(w, e.buf);
	strbuf_release(&e);
}

void hookdata_watch_env(struct strlist *w, const char *env)
{
	struct strbuf p = STRBUF_INIT;

	watch(w, env);
	strbuf_addf(&p, "%s/pyvenv.cfg", env);
	watch(w, p.buf);
	strbuf_setlen(&p, 0);
	strbuf_addf(&p, "%s/bin", env);
	watch(w, p.buf);
	/* the record of where a venv was made (source_venv.c) */
	strbuf_addstr(&p, "/activate");
	watch(w, p.buf);
	strbuf_release(&p);
}

void hookdata_watch_found(struct strlist *w, const struct found *f)
{
	if (f->kind == FOUND_NONE)
		return;
	watch(w, f->entry.buf);
	if (f->kind == FOUND_MISSING) {
		/* made later, in a folder that then changes */
		struct strbuf parent = STRBUF_INIT;
		size_t n;

		watch(w, f->env.buf);
		paths_basename(f->env.buf, f->env.len, &n);
		strbuf_add(&parent, f->env.buf, f->env.len - n);
		if (parent.len > 1)
			strbuf_setlen(&parent, parent.len - 1);
		watch(w, parent.buf);
		strbuf_release(&parent);
	}
	else if (f->env.len)
		hookdata_watch_env(w, f->env.buf);
	/* what goes on PATH, when a link leads there */
	if (f->real.len && strcmp(f->real.buf, f->env.buf))
		hookdata_watch_env(w, f->real.buf);
}

/* The folder the hook will find: the nearest from pwd up that holds one
 * of the names (appended to dir with a '/' after it); 0 when none. */
static int candidate(const char *pwd, const struct strlist *names,
		     struct strbuf *dir)
{
	struct strbuf p = STRBUF_INIT;
	size_t len = strlen(pwd);
	struct stat st;
	int found = 0;

	while (len > 1 && pwd[len - 1] == '/')
		len--;
	for (;;) {
		strbuf_setlen(&p, 0);
		strbuf_add(&p, pwd, len);
		if (len > 1)
			strbuf_addch(&p, '/');
		for (size_t i = 0, base = p.len; i < names->n && !found; i++) {
			strbuf_setlen(&p, base);
			strbuf_addstr(&p, names->v[i]);
			found = stat(p.buf, &st) == 0;
		}
		if (found || len <= 1)
			break;
		while (len > 1 && pwd[len - 1] != '/')
			len--;
		if (len > 1)
			len--;
	}
	if (found) {
		strbuf_add(dir, pwd, len);
		if (len > 1)
			strbuf_addch(dir, '/');
	}
	strbuf_release(&p);
	return found;
}

void hookdata_changes(const struct config *cfg, const struct engine_input *in,
		      struct strlist *w, struct changes *out)
{
	struct strlist names = STRLIST_INIT, vs = STRLIST_INIT, more = STRLIST_INIT;
	struct strbuf dir = STRBUF_INIT;

	for (size_t i = 0; i < cfg->nsources; i++) {
		const char *v[SOURCE_NAMES_MAX];
		size_t k = source_table[cfg->sources[i]]->names(cfg, v, SOURCE_NAMES_MAX);

		for (size_t j = 0; j < k; j++)
			if (!strlist_has(&names, v[j]))
				strlist_add(&names, v[j]);
	}
	/* what in that folder would change the result though the names
	 * stay: a venv folder's pyvenv.cfg removed or put back */
	if (in->pwd && candidate(in->pwd, &names, &dir))
		for (size_t i = 0; i < cfg->nsources; i++)
			if (source_table[cfg->sources[i]]->watch_in)
				source_table[cfg->sources[i]]->watch_in(cfg, dir.buf, &more);
	for (size_t i = 0; i < more.n; i++)
		watch(w, more.v[i]);
	strbuf_setlen(&dir, 0);
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		strlist_add(&vs, vars[i]);
	for (size_t i = 0; i < source_count; i++)
		for (const char *const *v = source_table[i]->vars; v && *v; v++)
			if (!strlist_has(&vs, *v))
				strlist_add(&vs, *v);
	watch(w, cfg->path.buf);
	truststore_dir(&dir);
	watch(w, dir.buf);
	strbuf_setlen(&dir, 0);
	changes_add_list(out, "names", &names);
	strlist_free(&more);
	for (size_t i = 0; i < cfg->nsources; i++)
		if (source_table[cfg->sources[i]] == &source_backlink) {
			backlinks_projects(cfg, &more);
			backlinks_watch(cfg, w);
		}
	changes_add_list(out, "links", &more);
	changes_add_list(out, "watch", w);
	changes_add_list(out, "vars", &vs);
	if (stamp_dir(&dir, in->init) < 0)
		strbuf_setlen(&dir, 0);
	changes_add(out, CH_HOOK_VAR, "stampdir", dir.buf);
	strlist_free(&names);
	strlist_free(&vs);
	strlist_free(&more);
	strbuf_release(&dir);
}
