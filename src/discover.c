/* discover: the nearest directory where a source decides wins. */
#include "discover.h"

#include <string.h>

#include "source.h"
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

/* Ask each source in dir; returns 1 when one decided. */
static int probe_dir(struct found *f, const struct config *cfg,
		     const char *dir, size_t len, struct strbuf *p)
{
	size_t base;

	strbuf_setlen(p, 0);
	strbuf_add(p, dir, len);
	if (len > 1)
		strbuf_addch(p, '/');
	base = p->len;
	for (size_t i = 0; i < source_count; i++) {
		strbuf_setlen(p, base);
		if (source_table[i]->probe(f, cfg, dir, p)) {
			f->by = source_table[i];
			return 1;
		}
	}
	return 0;
}

void discover(struct found *f, const struct config *cfg, const char *pwd)
{
	struct strbuf dir = STRBUF_INIT, p = STRBUF_INIT;

	found_init(f);
	strbuf_addstr(&dir, pwd);
	while (dir.len > 1 && dir.buf[dir.len - 1] == '/')
		strbuf_setlen(&dir, dir.len - 1);
	do {
		if (!config_ignored(cfg, dir.buf, dir.len) &&
		    probe_dir(f, cfg, dir.buf, dir.len, &p)) {
			strbuf_set(&f->dir, dir.buf);
			break;
		}
	} while (go_up(&dir));
	strbuf_release(&dir);
	strbuf_release(&p);
	trust_judge(f, cfg);
}
