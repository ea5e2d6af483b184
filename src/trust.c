/* trust: the verdict on the env discovery found. */
#include "trust.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safepath.h"
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
	return safepath_stat_unsafe(path, st, me, 0, why) < 0 ? -1 : 0;
}

int trust_env_path(const char *env, int judge, struct strbuf *real,
		   struct strbuf *why)
{
	int rc = safepath_env(env, geteuid(), judge, real, why);

	/* PATH is split at every ':', so ENV/bin with one would put other
	 * directories (maybe relative ones, or "." in fish) on PATH. */
	if (!rc && strchr(real->buf, ':')) {
		strbuf_addstr(why, "its path holds ':', which PATH cannot hold");
		strbuf_setlen(real, 0);
		rc = -1;
	}
	return rc;
}

int trust_may_parse(const struct config *cfg, const char *entry, uid_t uid,
		    mode_t mode, const char *sha, struct strbuf *why)
{
	struct strbuf allowed = STRBUF_INIT;
	int rc = 0;

	if (cfg->trust == TRUST_ALL || (uid == geteuid() && !(mode & S_IWOTH)))
		return 0;
	if (truststore_lookup(entry, &allowed) == TRUST_ALLOWED &&
	    !strcmp(allowed.buf, sha)) {
		rc = 0;
	} else if (uid != geteuid()) {
		strbuf_addf(why, "it belongs to uid %lu, not to you", (unsigned long)uid);
		rc = -2;
	} else {
		strbuf_addstr(why, "it is writable by others");
		rc = -1;
	}
	strbuf_release(&allowed);
	return rc;
}

void trust_judge(struct found *f, const struct config *cfg)
{
	struct strbuf allowed = STRBUF_INIT, have = STRBUF_INIT;
	enum trust_record r;
	int changed = 0, admitted = 0, rc;

	if (f->kind != FOUND_ENV)
		return;
	r = truststore_lookup(f->entry.buf, &allowed);
	if (r == TRUST_DENIED) {
		strbuf_addstr(&f->why, "it was denied with 'vswitch deny'");
		f->can_allow = 1;
		goto refuse;
	}
	if (r == TRUST_ALLOWED) {
		if (trust_entry_hash(f, &have) == 0 && !strcmp(have.buf, allowed.buf))
			admitted = 1;
		else
			changed = 1;
	}
	if (!admitted && cfg->trust == TRUST_STRICT) {
		if (changed)
			strbuf_addf(&f->why, "'%s' changed since it was allowed",
				    f->entry.buf);
		else
			strbuf_addstr(&f->why, "trust mode is 'strict' and it is not allowed yet");
		f->can_allow = 1;
		goto refuse;
	}
	/* Owner mode: the source's rule for its entry, then the way to
	 * the env; an allow or mode all trusts both. Another user's entry
	 * or folder is refused without advice to allow it. */
	if (!admitted && cfg->trust == TRUST_OWNER &&
	    (rc = f->by->owner_rule(f, changed, &f->why)) < 0) {
		f->can_allow = rc != -2;
		goto refuse;
	}
	rc = trust_env_path(f->env.buf, !admitted && cfg->trust == TRUST_OWNER,
			    &f->real, &f->why);
	if (rc < 0) {
		f->can_allow = rc != -2 && !strchr(f->env.buf, ':');
		goto refuse;
	}
	goto out;
refuse:
	f->kind = FOUND_REFUSED;
out:
	strbuf_release(&allowed);
	strbuf_release(&have);
}
