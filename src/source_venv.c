/* source_venv: a venv folder in the directory, under one of the
 * configured names (venv, .venv): any folder holding pyvenv.cfg. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "sha256.h"
#include "source.h"
#include "tool.h"
#include "venv.h"

/* pyvenv.cfg is a few lines. */
#define CFG_MAX 65536

/* A folder of that name that cannot be looked into decides too,
 * refused: using the next name or an outer project instead would
 * surprise. */
static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	size_t base = p->len;

	(void)dir;
	for (size_t i = 0; i < cfg->nnames; i++) {
		struct stat st;
		int err;

		strbuf_setlen(p, base);
		strbuf_addstr(p, cfg->names[i]);
		strbuf_addstr(p, "/pyvenv.cfg");
		if (stat(p->buf, &st) == 0 && S_ISREG(st.st_mode))
			err = 0;
		else if (errno == EACCES || errno == ELOOP)
			err = errno;
		else
			continue;
		strbuf_setlen(p, p->len - strlen("/pyvenv.cfg"));
		if (err && (lstat(p->buf, &st) < 0 || S_ISREG(st.st_mode)))
			continue;
		strbuf_set(&f->env, p->buf);
		strbuf_set(&f->entry, p->buf);
		f->kind = FOUND_ENV;
		if (err) {
			f->kind = FOUND_REFUSED;
			strbuf_addf(&f->why, "cannot look into it: %s", strerror(err));
		}
		return 1;
	}
	return 0;
}

/* "venv", NUL, the path, NUL, and the bytes of pyvenv.cfg. */
static int identity(const struct found *f, struct strbuf *hash)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	struct sha256 s;
	unsigned char d[SHA256_LEN];
	int rc;

	strbuf_addstr(&path, f->env.buf);
	strbuf_addstr(&path, "/pyvenv.cfg");
	rc = strbuf_read_file(&text, path.buf, CFG_MAX) < 0 ? -1 : 0;
	if (!rc) {
		sha256_init(&s);
		sha256_update(&s, "venv", 5);	/* with its NUL */
		sha256_update(&s, f->env.buf, f->env.len + 1);
		sha256_update(&s, text.buf, text.len);
		sha256_final(&s, d);
		sha256_tohex(d, hash);
	}
	strbuf_release(&path);
	strbuf_release(&text);
	return rc;
}

/* A venv folder must have been made where it is (venv.h): one that
 * arrived with a clone or an archive waits for `vswitch allow`. The way
 * to it is trust.c's to check. */
static int owner_rule(const struct found *f, int changed, struct strbuf *why)
{
	struct strbuf real = STRBUF_INIT;
	int here;

	(void)changed;
	tool_realpath(f->env.buf, &real);
	here = venv_made_here(f->env.buf, real.buf, why);
	strbuf_release(&real);
	return here ? 0 : -1;
}

static size_t names(const struct config *cfg, const char **out, size_t max)
{
	size_t n = 0;

	for (; n < max && n < cfg->nnames; n++)
		out[n] = cfg->names[n];
	return n;
}

/* A folder of one of the names is a venv by its pyvenv.cfg. */
static void watch_in(const struct config *cfg, const char *dir,
		     struct strlist *out)
{
	struct strbuf p = STRBUF_INIT;

	for (size_t i = 0; i < cfg->nnames; i++) {
		strbuf_setlen(&p, 0);
		strbuf_addf(&p, "%s%s/pyvenv.cfg", dir, cfg->names[i]);
		strlist_add(out, p.buf);
	}
	strbuf_release(&p);
}

const struct source source_venv = {
	.name = "venv",
	.probe = probe,
	.identity = identity,
	.owner_rule = owner_rule,
	.names = names,
	.watch_in = watch_in,
};
