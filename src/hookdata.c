/* hookdata: the hook's variables for skipping runs. */
#include "hookdata.h"

#include <stdint.h>
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

/* FNV-1a, 64 bits, of len bytes at p, on from h: the tag needs to tell
 * lists apart, not to resist anyone. */
static uint64_t fnv1a(uint64_t h, const void *p, size_t len)
{
	const unsigned char *b = p;

	while (len--)
		h = (h ^ *b++) * 0x100000001b3ULL;
	return h;
}

void hookdata_init(struct hookdata *hd, const struct config *cfg,
		   const struct engine_input *in)
{
	const char *names[SOURCE_ALL_NAMES_MAX];
	size_t n = source_all_names(cfg, names);
	const struct strlist *lists[] = { &hd->names, &hd->links, &hd->vars };
	uint64_t h = 0xcbf29ce484222325ULL;

	strlist_init(&hd->names);
	strlist_init(&hd->links);
	strlist_init(&hd->vars);
	strbuf_init(&hd->stampdir);
	strbuf_init(&hd->tag);
	for (size_t i = 0; i < n; i++)
		strlist_add(&hd->names, names[i]);
	hd->backlinks = 0;
	for (size_t i = 0; i < cfg->nsources; i++)
		hd->backlinks |= source_table[cfg->sources[i]] == &source_backlink;
	if (hd->backlinks)
		backlinks_projects(cfg, &hd->links);
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		strlist_add(&hd->vars, vars[i]);
	for (size_t i = 0; i < source_count; i++)
		for (const char *const *v = source_table[i]->vars; v && *v; v++)
			if (!strlist_has(&hd->vars, *v))
				strlist_add(&hd->vars, *v);
	if (stamp_dir(&hd->stampdir, in->init) < 0)
		strbuf_setlen(&hd->stampdir, 0);
	/* each string with its NUL, each list ended by a byte no name
	 * holds */
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		for (size_t j = 0; j < lists[i]->n; j++)
			h = fnv1a(h, lists[i]->v[j], strlen(lists[i]->v[j]) + 1);
		h = fnv1a(h, "/", 1);
	}
	h = fnv1a(h, hd->stampdir.buf, hd->stampdir.len);
	strbuf_addf(&hd->tag, "%016llx", (unsigned long long)h);
}

void hookdata_free(struct hookdata *hd)
{
	strlist_free(&hd->names);
	strlist_free(&hd->links);
	strlist_free(&hd->vars);
	strbuf_release(&hd->stampdir);
	strbuf_release(&hd->tag);
}

void hookdata_changes(const struct config *cfg, const struct hookdata *hd,
		      int held, const char *cand, struct strlist *w,
		      struct changes *out)
{
	struct strlist more = STRLIST_INIT;
	struct strbuf dir = STRBUF_INIT;

	/* what in that folder would change the result though the names
	 * stay: a venv folder's pyvenv.cfg removed or put back */
	if (cand && *cand) {
		strbuf_addstr(&dir, cand);
		if (dir.len > 1)
			strbuf_addch(&dir, '/');
		for (size_t i = 0; i < cfg->nsources; i++)
			if (source_table[cfg->sources[i]]->watch_in)
				source_table[cfg->sources[i]]->watch_in(cfg, dir.buf, &more);
		strbuf_setlen(&dir, 0);
	}
	for (size_t i = 0; i < more.n; i++)
		watch(w, more.v[i]);
	watch(w, cfg->path.buf);
	if (truststore_dir(&dir) == 0)
		watch(w, dir.buf);
	if (hd->backlinks)
		backlinks_watch(cfg, w);
	changes_add_list(out, "watch", w);
	if (!held) {
		changes_add_list(out, "names", &hd->names);
		changes_add_list(out, "links", &hd->links);
		changes_add_list(out, "vars", &hd->vars);
		changes_add(out, CH_HOOK_VAR, "stampdir", hd->stampdir.buf);
		changes_add(out, CH_HOOK_VAR, "tag", hd->tag.buf);
	}
	strlist_free(&more);
	strbuf_release(&dir);
}
