/* source_venvrc: a .venvrc file (the name is configurable) names the
 * env, by name in the env home or by path, and may give a label. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "rcfile.h"
#include "sha256.h"
#include "source.h"
#include "trust.h"

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

/* The file is judged before it is parsed: another user's, or one others
 * can write, is refused unread (unless allowed as it is). */
static int probe(struct found *f, const struct config *cfg, const char *dir,
		 struct strbuf *p)
{
	struct strbuf text = STRBUF_INIT;
	struct rcfile rc;
	int may;

	strbuf_addstr(p, cfg->rcfile);
	if (!is_file(p->buf))
		return 0;
	if (rcfile_load(&rc, p->buf, &text) < 0) {
		rcfile_free(&rc);
		strbuf_release(&text);
		return 0;
	}
	strbuf_set(&f->entry, p->buf);
	f->read_file = 1;
	f->file_uid = rc.uid;
	f->file_mode = rc.mode;
	strbuf_set(&f->file_sha, rc.sha.buf);
	may = rc.unreadable ? 0 : trust_may_parse(cfg, p->buf, rc.uid, rc.mode,
						  rc.sha.buf, &f->why);
	if (may < 0) {
		f->kind = FOUND_REFUSED;
		f->can_allow = may != -2;
		rcfile_free(&rc);
		strbuf_release(&text);
		return 1;
	}
	if (!rc.unreadable)
		rcfile_parse(&rc, cfg, dir, p->buf, text.buf, text.len);
	strbuf_release(&text);
	f->names_path = rc.env_is_path;
	if (rc.has_prompt) {
		f->has_prompt = 1;
		strbuf_set(&f->prompt, rc.prompt.buf);
	}
	if (!rc.has_env) {
		f->kind = FOUND_OPTOUT;
	} else {
		strbuf_set(&f->env, rc.env.buf);
		f->kind = paths_is_venv(rc.env.buf) ? FOUND_ENV : FOUND_MISSING;
	}
	rcfile_free(&rc);
	return 1;
}

/* The bytes as read: editing the file withdraws an allow. */
static int identity(const struct found *f, struct strbuf *hash)
{
	if (f->file_sha.len != 2 * SHA256_LEN)
		return -1;	/* unreadable: nothing to pin */
	strbuf_addstr(hash, f->file_sha.buf);
	return 0;
}

/* Yours, not writable by others, and naming an env home name (a path
 * could point anywhere, so it needs allow). */
static int owner_rule(const struct found *f, int changed, struct strbuf *why)
{
	if (f->file_uid != geteuid()) {
		strbuf_addf(why, "'%s' belongs to uid %lu, not to you",
			    f->entry.buf, (unsigned long)f->file_uid);
		return -2;
	}
	if (f->file_mode & S_IWOTH) {
		strbuf_addf(why, "'%s' is writable by others", f->entry.buf);
		return -1;
	}
	if (f->names_path) {
		strbuf_addf(why, changed ? "'%s' changed since it was allowed" :
			    "'%s' names a path, not an env home name", f->entry.buf);
		return -1;
	}
	return 0;
}

static size_t names(const struct config *cfg, const char **out, size_t max)
{
	if (!max)
		return 0;
	out[0] = cfg->rcfile;
	return 1;
}

const struct source source_venvrc = {
	.name = "venvrc",
	.probe = probe,
	.identity = identity,
	.owner_rule = owner_rule,
	.names = names,
};
