/* discover: the nearest .venvrc or venv folder decides. */
#include "discover.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "rcfile.h"
#include "trust.h"

static void found_init(struct found *f)
{
	f->kind = FOUND_NONE;
	strbuf_init(&f->dir);
	strbuf_init(&f->source);
	strbuf_init(&f->env);
	strbuf_init(&f->prompt);
	strbuf_init(&f->rc_sha);
	strbuf_init(&f->why);
	f->from_rc = 0;
	f->has_prompt = 0;
	f->env_is_path = 0;
	f->rc_uid = 0;
	f->rc_mode = 0;
	f->can_allow = 0;
}

void found_free(struct found *f)
{
	strbuf_release(&f->dir);
	strbuf_release(&f->source);
	strbuf_release(&f->env);
	strbuf_release(&f->prompt);
	strbuf_release(&f->rc_sha);
	strbuf_release(&f->why);
}

/* Whether path is a regular file (following links). One that exists
 * but cannot be looked at (a symbolic link loop, no permission) counts,
 * so that reading it reports why. */
static int is_file(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0)
		return S_ISREG(st.st_mode);
	return errno != ENOENT && errno != ENOTDIR && lstat(path, &st) == 0;
}

/* Look in dir for the rc file; returns 1 when it decided. */
static int try_rcfile(struct found *f, const struct config *cfg,
		      struct strbuf *p, const char *dir)
{
	struct rcfile rc;

	strbuf_addstr(p, cfg->rcfile);
	if (!is_file(p->buf) || rcfile_read(&rc, cfg, dir, p->buf) < 0)
		return 0;
	f->from_rc = 1;
	strbuf_set(&f->source, p->buf);
	f->env_is_path = rc.env_is_path;
	f->rc_uid = rc.uid;
	f->rc_mode = rc.mode;
	strbuf_set(&f->rc_sha, rc.sha.buf);
	if (rc.has_prompt) {
		f->has_prompt = 1;
		strbuf_set(&f->prompt, rc.prompt.buf);
	}
	if (!rc.has_env)
		f->kind = FOUND_OPTOUT;
	else {
		strbuf_set(&f->env, rc.env.buf);
		f->kind = paths_is_venv(rc.env.buf) ? FOUND_ENV : FOUND_MISSING;
	}
	rcfile_free(&rc);
	return 1;
}

/* Look in dir for a venv folder, in the configured name order. A folder
 * of that name that cannot be looked into decides too, refused: using
 * the next name or an outer project instead would surprise. */
static int try_venv(struct found *f, const struct config *cfg,
		    struct strbuf *p, size_t base)
{
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
		strbuf_set(&f->source, p->buf);
		f->kind = FOUND_ENV;
		if (err) {
			f->kind = FOUND_REFUSED;
			strbuf_addf(&f->why, "cannot look into it: %s", strerror(err));
		}
		return 1;
	}
	return 0;
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

void discover(struct found *f, const struct config *cfg, const char *pwd)
{
	struct strbuf dir = STRBUF_INIT, p = STRBUF_INIT;

	found_init(f);
	strbuf_addstr(&dir, pwd);
	while (dir.len > 1 && dir.buf[dir.len - 1] == '/')
		strbuf_setlen(&dir, dir.len - 1);
	for (;;) {
		size_t base;

		if (!config_ignored(cfg, dir.buf, dir.len)) {
			strbuf_set(&p, dir.buf);
			if (dir.len > 1)
				strbuf_addch(&p, '/');
			base = p.len;
			if (try_rcfile(f, cfg, &p, dir.buf) ||
			    (strbuf_setlen(&p, base), try_venv(f, cfg, &p, base))) {
				strbuf_set(&f->dir, dir.buf);
				break;
			}
		}
		if (!go_up(&dir))
			break;
	}
	strbuf_release(&dir);
	strbuf_release(&p);
	trust_judge(f, cfg);
}
