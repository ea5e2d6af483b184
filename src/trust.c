/* trust: owner checks, the allow/deny store, and the verdict. */
#include "trust.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "paths.h"
#include "sha256.h"

/* A record is two short lines and a path; pyvenv.cfg is a few lines. */
#define RECORD_MAX 65536
#define CFG_MAX 65536

void trust_store_dir(struct strbuf *out)
{
	paths_xdg(out, "XDG_DATA_HOME", ".local/share");
	strbuf_addstr(out, "/vswitch/trust");
}

int trust_venv_hash(const char *env, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	struct sha256 s;
	unsigned char d[SHA256_LEN];
	int rc;

	strbuf_addstr(&path, env);
	strbuf_addstr(&path, "/pyvenv.cfg");
	rc = strbuf_read_file(&text, path.buf, CFG_MAX) < 0 ? -1 : 0;
	if (!rc) {
		sha256_init(&s);
		sha256_update(&s, "venv", 5);	/* with its NUL */
		sha256_update(&s, env, strlen(env) + 1);
		sha256_update(&s, text.buf, text.len);
		sha256_final(&s, d);
		sha256_tohex(d, out);
	}
	strbuf_release(&path);
	strbuf_release(&text);
	return rc;
}

int trust_entry_hash(const struct found *f, struct strbuf *out)
{
	if (f->from_rc) {
		if (f->rc_sha.len != 2 * SHA256_LEN)
			return -1;	/* unreadable: nothing to pin */
		strbuf_addstr(out, f->rc_sha.buf);
		return 0;
	}
	return trust_venv_hash(f->env.buf, out);
}

/* The record's file name: the SHA-256 of the path it is about. */
static void record_path(const char *source, struct strbuf *out)
{
	trust_store_dir(out);
	strbuf_addch(out, '/');
	sha256_hex(source, strlen(source), out);
}

/* Whether the store may be believed: records in a folder others can
 * write could have been planted. */
static int store_safe(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) < 0)
		return 0;	/* no store yet: nothing recorded */
	if ((st.st_uid != geteuid() && st.st_uid != 0) ||
	    (st.st_mode & (S_IWGRP | S_IWOTH))) {
		error("ignoring the trust store '%s': it is not yours alone", dir);
		return 0;
	}
	return 1;
}

enum trust_record trust_lookup(const char *source, struct strbuf *hash)
{
	struct strbuf dir = STRBUF_INIT, file = STRBUF_INIT;
	struct strbuf text = STRBUF_INIT, want = STRBUF_INIT;
	enum trust_record r = TRUST_NONE;
	const char *p;
	size_t n;

	trust_store_dir(&dir);
	if (!store_safe(dir.buf))
		goto out;
	record_path(source, &file);
	if (strbuf_read_file(&text, file.buf, RECORD_MAX) < 0)
		goto out;
	/* "vswitch-trust 1\n" then "allow HEX\n" or "deny\n", then
	 * "path ENCODED\n"; anything else is ignored as no record. */
	strbuf_addstr(&want, "path ");
	strbuf_add_percent(&want, source, strlen(source));
	strbuf_addch(&want, '\n');
	if (strncmp(text.buf, "vswitch-trust 1\n", 16))
		goto out;
	p = text.buf + 16;
	if (!strncmp(p, "deny\n", 5)) {
		p += 5;
		if (!strcmp(p, want.buf))
			r = TRUST_DENIED;
	} else if (!strncmp(p, "allow ", 6)) {
		p += 6;
		n = strspn(p, "0123456789abcdef");
		if (n == 2 * SHA256_LEN && p[n] == '\n' && !strcmp(p + n + 1, want.buf)) {
			strbuf_add(hash, p, n);
			r = TRUST_ALLOWED;
		}
	}
out:
	strbuf_release(&dir);
	strbuf_release(&file);
	strbuf_release(&text);
	strbuf_release(&want);
	return r;
}

/* mkdir -p for the store, private to the user. */
static int make_dirs(struct strbuf *dir)
{
	for (size_t i = 1; i <= dir->len; i++) {
		if (i < dir->len && dir->buf[i] != '/')
			continue;
		dir->buf[i] = '\0';
		if (mkdir(dir->buf, 0700) < 0 && errno != EEXIST) {
			int e = errno;

			dir->buf[i] = i < dir->len ? '/' : '\0';
			errno = e;
			return -1;
		}
		dir->buf[i] = i < dir->len ? '/' : '\0';
	}
	return 0;
}

int trust_store(const char *source, const char *hash)
{
	struct strbuf dir = STRBUF_INIT, file = STRBUF_INIT;
	struct strbuf tmp = STRBUF_INIT, text = STRBUF_INIT;
	int fd = -1, rc = -1;

	trust_store_dir(&dir);
	if (make_dirs(&dir) < 0) {
		error("cannot create '%s': %s", dir.buf, strerror(errno));
		goto out;
	}
	record_path(source, &file);
	strbuf_addf(&tmp, "%s/.tmp.XXXXXX", dir.buf);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		error("cannot write in '%s': %s", dir.buf, strerror(errno));
		goto out;
	}
	strbuf_addstr(&text, "vswitch-trust 1\n");
	if (hash)
		strbuf_addf(&text, "allow %s\n", hash);
	else
		strbuf_addstr(&text, "deny\n");
	strbuf_addstr(&text, "path ");
	strbuf_add_percent(&text, source, strlen(source));
	strbuf_addch(&text, '\n');
	if (strbuf_write_fd(&text, fd) < 0 || fsync(fd) < 0 ||
	    close(fd) < 0) {
		error("cannot write '%s': %s", tmp.buf, strerror(errno));
		fd = -1;
		unlink(tmp.buf);
		goto out;
	}
	fd = -1;
	if (rename(tmp.buf, file.buf) < 0) {
		error("cannot rename '%s' to '%s': %s", tmp.buf, file.buf,
		      strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	strbuf_release(&dir);
	strbuf_release(&file);
	strbuf_release(&tmp);
	strbuf_release(&text);
	return rc;
}

/* Why path may not be used as a venv folder (or its bin/) in owner
 * mode: it must belong to the user or root and be writable by no one
 * else. Returns 0 when it is fine. A missing bin/ is fine: nobody but
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
	if (st.st_uid != geteuid() && st.st_uid != 0) {
		strbuf_addf(why, "'%s' belongs to uid %lu, not to you", path,
			    (unsigned long)st.st_uid);
		return -1;
	}
	if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		strbuf_addf(why, "'%s' is writable by %s", path,
			    st.st_mode & S_IWOTH ? "others" : "its group");
		return -1;
	}
	return 0;
}

/* Owner mode: the .venvrc's own checks, then the env's folder. */
static int owner_refuses(const struct found *f, int changed, struct strbuf *why)
{
	struct strbuf bin = STRBUF_INIT;
	int bad;

	if (f->from_rc) {
		if (f->rc_uid != geteuid()) {
			strbuf_addf(why, "'%s' belongs to uid %lu, not to you",
				    f->source.buf, (unsigned long)f->rc_uid);
			return 1;
		}
		if (f->rc_mode & S_IWOTH) {
			strbuf_addf(why, "'%s' is writable by others", f->source.buf);
			return 1;
		}
		if (f->env_is_path) {
			strbuf_addf(why, changed ? "'%s' changed since it was allowed" :
				    "'%s' names a path, not an env home name",
				    f->source.buf);
			return 1;
		}
	}
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
	r = trust_lookup(f->source.buf, &allowed);
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
				    f->source.buf);
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
