/* discover: the nearest directory where a source decides wins. */
#include "discover.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"
#include "venv.h"
#include "trust.h"

void found_init(struct found *f)
{
	memset(f, 0, sizeof(*f));
	f->kind = FOUND_NONE;
	strbuf_init(&f->dir);
	strbuf_init(&f->entry);
	strbuf_init(&f->env);
	strbuf_init(&f->real);
	strbuf_init(&f->prompt);
	strbuf_init(&f->file_sha);
	strbuf_init(&f->why);
	strbuf_init(&f->cand);
}

void found_free(struct found *f)
{
	strbuf_release(&f->dir);
	strbuf_release(&f->entry);
	strbuf_release(&f->env);
	strbuf_release(&f->real);
	strbuf_release(&f->prompt);
	strbuf_release(&f->file_sha);
	strbuf_release(&f->why);
	strbuf_release(&f->cand);
}

/* Cut dir to its parent; returns 0 at "/". */
static int go_up(struct strbuf *dir)
{
	size_t n = dir->len;

	if (n <= 1)
		return 0;
	while (n > 1 && dir->buf[n - 1] != '/')
		n--;
	if (n > 1)
		n--;
	strbuf_setlen(dir, n);
	return 1;
}

/* A walk: every name any source looks for, what each level holds of
 * them, and the sources in the order the config gives, each with its
 * names as places in that list. A level where none of a source's names
 * is present is passed over without asking it, so each level costs one
 * open and a stat per name. */
enum { ABSENT, EXISTS, UNSEEN };	/* UNSEEN: cannot be looked at */

struct asked {
	const struct source *src;
	size_t idx[SOURCE_NAMES_MAX];
	size_t nnames;
};

struct walk {
	const char *names[SOURCE_ALL_NAMES_MAX];
	unsigned char here[SOURCE_ALL_NAMES_MAX];
	size_t nnames;
	struct asked a[sizeof(((struct config *)0)->sources)];
	size_t n;
};

/* The names of every source the config asks, each once and in the
 * order asked (as source_all_names gives them), and where each asked
 * source's names are among them: one pass. */
static void walk_init(struct walk *w, const struct config *cfg)
{
	w->nnames = 0;
	w->n = 0;
	for (size_t i = 0; i < cfg->nsources; i++) {
		struct asked *a = &w->a[w->n];
		const char *v[SOURCE_NAMES_MAX];

		a->src = source_table[cfg->sources[i]];
		a->nnames = source_names(a->src, cfg, v, SOURCE_NAMES_MAX);
		for (size_t j = 0; j < a->nnames; j++)
			a->idx[j] = source_name_slot(w->names, &w->nnames, v[j]);
		if (!a->src->prepare || a->src->prepare(cfg))
			w->n++;
	}
}

/* Look for every name in dir (or, unless look, take none to be there);
 * returns whether one exists. One that cannot be looked at counts for
 * the sources, so their probes can say why, not for the candidate. */
static int look_in(struct walk *w, const char *dir, int look)
{
	int dfd = look ? open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
	int any = 0;
	struct stat st;

	for (size_t i = 0; i < w->nnames; i++) {
		if (dfd < 0)
			w->here[i] = ABSENT;
		else if (fstatat(dfd, w->names[i], &st, 0) == 0)
			w->here[i] = EXISTS, any = 1;
		else
			w->here[i] = errno == ENOENT || errno == ENOTDIR ? ABSENT : UNSEEN;
	}
	if (dfd >= 0)
		close(dfd);
	return any;
}

static int present(const struct walk *w, const struct asked *a)
{
	for (size_t i = 0; i < a->nnames; i++)
		if (w->here[a->idx[i]] != ABSENT)
			return 1;
	return 0;
}

/* Ask each source in dir, as look_in left it; returns 1 when one
 * decided. */
static int probe_dir(struct found *f, const struct config *cfg,
		     const struct walk *w, const char *dir, size_t len,
		     struct strbuf *p)
{
	for (size_t i = 0; i < w->n; i++) {
		if (w->a[i].nnames && !present(w, &w->a[i]))
			continue;
		strbuf_setlen(p, 0);
		strbuf_add(p, dir, len);
		if (len > 1)
			strbuf_addch(p, '/');
		if (w->a[i].src->probe(f, cfg, dir, p)) {
			f->by = w->a[i].src;
			return 1;
		}
	}
	return 0;
}

void discover(struct found *f, const struct config *cfg, const char *pwd)
{
	struct strbuf dir = STRBUF_INIT, p = STRBUF_INIT;
	struct walk w;

	walk_init(&w, cfg);
	found_init(f);
	strbuf_addstr(&dir, pwd);
	while (dir.len > 1 && dir.buf[dir.len - 1] == '/')
		strbuf_setlen(&dir, dir.len - 1);
	do {
		int ignored = config_ignored(cfg, dir.buf, dir.len);

		/* an ignored folder is looked in only for the candidate */
		if (look_in(&w, dir.buf, !ignored || !f->cand.len) &&
		    !f->cand.len)
			strbuf_set(&f->cand, dir.buf);
		if (!ignored && probe_dir(f, cfg, &w, dir.buf, dir.len, &p)) {
			strbuf_set(&f->dir, dir.buf);
			break;
		}
	} while (go_up(&dir));
	strbuf_release(&dir);
	strbuf_release(&p);
	trust_judge(f, cfg);
	/* a broken env is named, not used: its python would not run */
	if (f->kind == FOUND_ENV && venv_broken(f->env.buf, &f->why))
		f->kind = FOUND_REFUSED;
}
