/* hookdata: the hook's variables for skipping runs. */
#include "hookdata.h"

#include <sys/stat.h>

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
	strbuf_release(&p);
}

void hookdata_watch_found(struct strlist *w, const struct found *f)
{
	if (f->kind == FOUND_NONE)
		return;
	watch(w, f->entry.buf);
	if (f->kind == FOUND_MISSING)
		watch(w, f->env.buf);
	else if (f->env.len)
		hookdata_watch_env(w, f->env.buf);
}

void hookdata_changes(const struct config *cfg, const struct engine_input *in,
		      struct strlist *w, struct changes *out)
{
	struct strlist names = STRLIST_INIT, vs = STRLIST_INIT;
	struct strbuf dir = STRBUF_INIT;

	for (size_t i = 0; i < source_count; i++)
		source_table[i]->names(cfg, &names);
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		strlist_add(&vs, vars[i]);
	watch(w, cfg->path.buf);
	truststore_dir(&dir);
	watch(w, dir.buf);
	strbuf_setlen(&dir, 0);
	changes_add_list(out, "names", &names);
	changes_add_list(out, "watch", w);
	changes_add_list(out, "vars", &vs);
	if (stamp_dir(&dir, in->init) < 0)
		strbuf_setlen(&dir, 0);
	changes_add(out, CH_HOOK_VAR, "stampdir", dir.buf);
	strlist_free(&names);
	strlist_free(&vs);
	strbuf_release(&dir);
}
