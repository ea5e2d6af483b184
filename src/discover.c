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

/* The sources in the order the config gives, each with the names its
 * probe looks for: a level where none of a source's names is present
 * is passed over without asking it, so each level costs one open and a
 * stat per name. */
struct asked {
	const struct source *src;
	const char *names[SOURCE_NAMES_MAX];
	size_t nnames;
};

/* Whether any of names is in the folder open as dfd (or might be: one
 * that cannot be looked at counts, so its probe can say why). */
static int present(int dfd, const struct asked *a)
{
	struct stat st;

	for (size_t i = 0; i < a->nnames; i++)
		if (fstatat(dfd, a->names[i], &st, 0) == 0 ||
		    (errno != ENOENT && errno != ENOTDIR))
			return 1;
	return 0;
}

/* Ask each source in dir; returns 1 when one decided. */
static int probe_dir(struct found *f, const struct config *cfg,
		     const struct asked *a, size_t n, const char *dir,
		     size_t len, struct strbuf *p)
{
	int dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	size_t base = 0;
	int decided = 0;

	for (size_t i = 0; i < n && !decided; i++) {
		if (a[i].nnames && (dfd < 0 || !present(dfd, &a[i])))
			continue;
		if (!base) {
			strbuf_setlen(p, 0);
			strbuf_add(p, dir, len);
			if (len > 1)
				strbuf_addch(p, '/');
			base = p->len;
		}
		strbuf_setlen(p, base);
		if (a[i].src->probe(f, cfg, dir, p)) {
			f->by = a[i].src;
			decided = 1;
		}
	}
	if (dfd >= 0)
		close(dfd);
	return decided;
}

void discover(struct found *f, const struct config *cfg, const char *pwd)
{
	struct strbuf dir = STRBUF_INIT, p = STRBUF_INIT;
	struct asked a[sizeof(cfg->sources)];
	size_t n = 0;

	for (size_t i = 0; i < cfg->nsources; i++) {
		a[n].src = source_table[cfg->sources[i]];
		a[n].nnames = a[n].src->names(cfg, a[n].names, SOURCE_NAMES_MAX);
		if (!a[n].src->prepare || a[n].src->prepare(cfg))
			n++;
	}
	found_init(f);
	strbuf_addstr(&dir, pwd);
	while (dir.len > 1 && dir.buf[dir.len - 1] == '/')
		strbuf_setlen(&dir, dir.len - 1);
	do {
		if (!config_ignored(cfg, dir.buf, dir.len) &&
		    probe_dir(f, cfg, a, n, dir.buf, dir.len, &p)) {
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
