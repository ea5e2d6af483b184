/* safepath: resolve an env's path one component at a time, judging
 * each as it is met: one lstat per component. */
#include "safepath.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* Links followed on one path before giving up, as the kernel does. */
#define MAX_LINKS 40

int safepath_stat_unsafe(const char *path, const struct stat *st, uid_t me,
			 int sticky_ok, struct strbuf *why)
{
	if (st->st_uid != me && st->st_uid != 0) {
		strbuf_addf(why, "'%s' belongs to uid %lu, not to you", path,
			    (unsigned long)st->st_uid);
		return -2;
	}
	if (S_ISLNK(st->st_mode) || (sticky_ok && (st->st_mode & S_ISVTX)))
		return 0;
	if (st->st_mode & (S_IWGRP | S_IWOTH)) {
		strbuf_addf(why, "'%s' is writable by %s", path,
			    st->st_mode & S_IWOTH ? "others" : "its group");
		return -1;
	}
	return 0;
}

static int cannot(const char *path, int err, struct strbuf *why)
{
	strbuf_addf(why, "cannot check '%s': %s", path, strerror(err));
	return -1;
}

/* Put a link's target in front of the components still to walk, todo
 * from offset at; an absolute target starts real again at "/". */
static int splice_link(const char *link, struct strbuf *real, struct strbuf *todo,
		       size_t *at, struct strbuf *why)
{
	struct strbuf target = STRBUF_INIT;
	ssize_t n;

	strbuf_grow(&target, 256);
	for (;;) {
		n = readlink(link, target.buf, target.alloc - 1);
		if (n < 0) {
			strbuf_release(&target);
			return cannot(link, errno, why);
		}
		if ((size_t)n < target.alloc - 1)
			break;
		strbuf_grow(&target, target.alloc);
	}
	target.len = (size_t)n;
	target.buf[n] = '\0';
	if (target.buf[0] == '/')
		strbuf_setlen(real, 0);
	strbuf_addch(&target, '/');
	strbuf_addstr(&target, todo->buf + *at);
	strbuf_set(todo, target.buf);
	*at = 0;
	strbuf_release(&target);
	return 0;
}

/* Resolve path into real (which must be empty), judging each directory
 * and link when judge is set; the directory the path ends at gets no
 * sticky excuse. */
static int walk(const char *path, uid_t me, int judge, struct strbuf *real,
		struct strbuf *why)
{
	struct strbuf todo = STRBUF_INIT;
	struct stat st;
	size_t at = 0;
	int links = 0, rc = -1, bad = 0, strict_done = 0;

	if (lstat("/", &st) < 0) {
		cannot("/", errno, why);
		goto out;
	}
	if (judge && (bad = safepath_stat_unsafe("/", &st, me, 1, why)) < 0)
		goto out;
	strbuf_addstr(&todo, path);
	while (todo.buf[at]) {
		const char *c = todo.buf + at;
		size_t n = strcspn(c, "/"), base = real->len;
		int last;

		at += n + (c[n] == '/');
		if (!n || (n == 1 && c[0] == '.'))
			continue;
		strict_done = 0;
		if (n == 2 && c[0] == '.' && c[1] == '.') {
			while (real->len && real->buf[real->len - 1] != '/')
				real->len--;
			strbuf_setlen(real, real->len ? real->len - 1 : 0);
			continue;
		}
		strbuf_addch(real, '/');
		strbuf_add(real, c, n);
		if (lstat(real->buf, &st) < 0) {
			cannot(real->buf, errno, why);
			goto out;
		}
		last = !todo.buf[at + strspn(todo.buf + at, "/")];
		if (judge && (bad = safepath_stat_unsafe(real->buf, &st, me, !last, why)) < 0)
			goto out;
		if (S_ISLNK(st.st_mode)) {
			if (++links > MAX_LINKS) {
				cannot(path, ELOOP, why);
				goto out;
			}
			if (splice_link(real->buf, real, &todo, &at, why) < 0)
				goto out;
			if (real->len)
				strbuf_setlen(real, base);
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			cannot(real->buf, ENOTDIR, why);
			goto out;
		}
		strict_done = last;
	}
	if (!real->len)
		strbuf_addch(real, '/');
	/* A path ending in ".." ends at a directory judged on the way, with
	 * the sticky excuse: judge it again without. */
	if (judge && !strict_done) {
		if (lstat(real->buf, &st) < 0) {
			cannot(real->buf, errno, why);
			goto out;
		}
		if ((bad = safepath_stat_unsafe(real->buf, &st, me, 0, why)) < 0)
			goto out;
	}
	rc = 0;
out:
	strbuf_release(&todo);
	return bad < 0 ? bad : rc;
}

int safepath_env(const char *env, uid_t me, int judge, struct strbuf *real,
		 struct strbuf *why)
{
	struct strbuf bin = STRBUF_INIT, binreal = STRBUF_INIT;
	struct stat st;
	int rc = -1;

	strbuf_setlen(real, 0);
	if (env[0] != '/') {
		strbuf_addf(why, "'%s' is not an absolute path", env);
		return -1;
	}
	if ((rc = walk(env, me, judge, real, why)) < 0)
		goto out;
	if (!judge) {
		rc = 0;
		goto out;
	}
	strbuf_addf(&bin, "%s/bin", real->len > 1 ? real->buf : "");
	rc = -1;
	if (lstat(bin.buf, &st) < 0) {
		if (errno == ENOENT)
			rc = 0;
		else
			cannot(bin.buf, errno, why);
	} else if (S_ISLNK(st.st_mode)) {
		rc = safepath_stat_unsafe(bin.buf, &st, me, 0, why);
		if (!rc)
			rc = walk(bin.buf, me, 1, &binreal, why);
	} else {
		rc = safepath_stat_unsafe(bin.buf, &st, me, 0, why);
	}
out:
	if (rc < 0)
		strbuf_setlen(real, 0);
	strbuf_release(&bin);
	strbuf_release(&binreal);
	return rc;
}
