/* trust: the verdict on the env discovery found. */
#include "trust.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"
#include "truststore.h"

int trust_entry_hash(const struct found *f, struct strbuf *out)
{
	if (!f->by)
		return -1;
	return f->by->identity(f, out);
}

int trust_stat_unsafe(const char *path, const struct stat *st, uid_t me,
		      struct strbuf *why)
{
	if (st->st_uid != me && st->st_uid != 0) {
		strbuf_addf(why, "'%s' belongs to uid %lu, not to you", path,
			    (unsigned long)st->st_uid);
		return -1;
	}
	if (st->st_mode & (S_IWGRP | S_IWOTH)) {
		strbuf_addf(why, "'%s' is writable by %s", path,
			    st->st_mode & S_IWOTH ? "others" : "its group");
		return -1;
	}
	return 0;
}

/* Why path may not be used as an env folder (or its bin/) in owner
 * mode. Returns 0 when it is fine. A missing bin/ is fine: nobody but
 * the owner can create it. */
static int unsafe_dir(const char *path, int missing_ok, struct strbuf *why)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		if (missing_ok && errno == ENOENT)
			return 0;
		strbuf_addf(why, "cannot check '%s': %s", path, strerror(errno));
		return -1;
	}
	return trust_stat_unsafe(path, &st, geteuid(), why);
}

/* Owner mode: the source's rule for its entry, then the env's folder. */
static int owner_refuses(const struct found *f, int changed, struct strbuf *why)
{
	struct strbuf bin = STRBUF_INIT;
	int bad;

	if (f->by->owner_rule(f, changed, why) < 0)
		return 1;
	strbuf_addf(&bin, "%s/bin", f->env.buf);
	bad = unsafe_dir(f->env.buf, 0, why) || unsafe_dir(bin.buf, 1, why);
	strbuf_release(&bin);
	return bad;
}

void trust_judge(struct found *f, const struct config *cfg)
{
	struct strbuf allowed = STRBUF_INIT, have = STRBUF_INIT;
	enum trust_record r;
	int changed = 0;

	if (f->kind != FOUND_ENV)
		return;
	/* PATH is split at every ':', so ENV/bin with one would put other
	 * directories (maybe relative ones, or "." in fish) on PATH. */
	if (strchr(f->env.buf, ':')) {
		f->kind = FOUND_REFUSED;
		strbuf_addstr(&f->why, "its path holds ':', which PATH cannot hold");
		return;
	}
	r = truststore_lookup(f->entry.buf, &allowed);
	if (r == TRUST_DENIED) {
		strbuf_addstr(&f->why, "it was denied with 'vswitch deny'");
		goto refuse;
	}
	if (r == TRUST_ALLOWED) {
		if (trust_entry_hash(f, &have) == 0 && !strcmp(have.buf, allowed.buf))
			goto out;
		changed = 1;
	}
	switch (cfg->trust) {
	case TRUST_ALL:
		goto out;
	case TRUST_STRICT:
		if (changed)
			strbuf_addf(&f->why, "'%s' changed since it was allowed",
				    f->entry.buf);
		else
			strbuf_addstr(&f->why, "trust mode is 'strict' and it is not allowed yet");
		goto refuse;
	case TRUST_OWNER:
		if (owner_refuses(f, changed, &f->why))
			goto refuse;
		goto out;
	}
refuse:
	f->kind = FOUND_REFUSED;
	f->can_allow = 1;
out:
	strbuf_release(&allowed);
	strbuf_release(&have);
}
