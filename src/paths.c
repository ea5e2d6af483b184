/* paths: locations and small path helpers. */
#include "paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *paths_home(void)
{
	const char *h = getenv("HOME");

	return h && h[0] == '/' ? h : NULL;
}

const char *paths_no_home(void)
{
	const char *h = getenv("HOME");

	return !h ? "HOME is not set" : !*h ? "HOME is empty" :
		"HOME is not an absolute path";
}

int paths_xdg(struct strbuf *out, const char *var, const char *fallback)
{
	const char *v = getenv(var);

	if (v && v[0] == '/') {
		strbuf_addstr(out, v);
		return 0;
	}
	if (!paths_home())
		return -1;
	strbuf_addstr(out, paths_home());
	strbuf_addch(out, '/');
	strbuf_addstr(out, fallback);
	return 0;
}

int paths_expand_tilde(struct strbuf *out, const char *path)
{
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0')) {
		if (!paths_home())
			return -1;
		strbuf_addstr(out, paths_home());
		path++;
	}
	strbuf_addstr(out, path);
	return 0;
}

int paths_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (n == 1 && dir[0] == '/')
		return path[0] == '/';
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

const char *paths_basename(const char *path, size_t len, size_t *blen)
{
	size_t i = len;

	while (i > 0 && path[i - 1] != '/')
		i--;
	*blen = len - i;
	return path + i;
}

void paths_absolute(struct strbuf *out, const char *base, const char *arg)
{
	struct strbuf in = STRBUF_INIT;
	size_t start = out->len;
	const char *p;

	if (arg[0] != '/') {
		strbuf_addstr(&in, base);
		strbuf_addch(&in, '/');
	}
	strbuf_addstr(&in, arg);
	for (p = in.buf; *p;) {
		size_t n;

		p += strspn(p, "/");
		n = strcspn(p, "/");
		if (!n || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			size_t l = out->len;

			while (l > start && out->buf[l - 1] != '/')
				l--;
			strbuf_setlen(out, l > start ? l - 1 : start);
		} else {
			strbuf_addch(out, '/');
			strbuf_add(out, p, n);
		}
		p += n;
	}
	if (out->len == start)
		strbuf_addch(out, '/');
	strbuf_release(&in);
}

/* Append dir/name, dir made absolute against cwd (NULL: unknown), and
 * "./" at the start of either dropped; -1 when it cannot be absolute. */
static int join_absolute(struct strbuf *out, const char *cwd, const char *dir,
			 size_t dlen, const char *name)
{
	while (dlen >= 2 && dir[0] == '.' && dir[1] == '/') {
		dir += 2;
		dlen -= 2;
	}
	if (dlen == 1 && dir[0] == '.')
		dlen = 0;
	if (!dlen || dir[0] != '/') {
		if (!cwd || cwd[0] != '/')
			return -1;
		strbuf_addstr(out, cwd);
		if (out->buf[out->len - 1] != '/')
			strbuf_addch(out, '/');
	}
	strbuf_add(out, dir, dlen);
	if (dlen && dir[dlen - 1] != '/')
		strbuf_addch(out, '/');
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	strbuf_addstr(out, name);
	return 0;
}

int paths_invoked(struct strbuf *out, const char *argv0, const char *path,
		  const char *cwd)
{
	struct strbuf cand = STRBUF_INIT;
	const char *slash = strrchr(argv0, '/');
	int rc = -1;

	if (!*argv0)
		return -1;
	if (slash)
		return join_absolute(out, cwd, argv0, (size_t)(slash - argv0 + 1),
				     slash + 1);
	for (const char *p = path ? path : ""; path;) {
		size_t n = strcspn(p, ":");
		struct stat st;

		strbuf_setlen(&cand, 0);
		if (join_absolute(&cand, cwd, p, n, argv0) == 0 &&
		    access(cand.buf, X_OK) == 0 && stat(cand.buf, &st) == 0 &&
		    S_ISREG(st.st_mode)) {
			strbuf_addstr(out, cand.buf);
			rc = 0;
			break;
		}
		if (!p[n])
			break;
		p += n + 1;
	}
	strbuf_release(&cand);
	return rc;
}

int paths_is_venv(const char *path)
{
	struct strbuf cfg = STRBUF_INIT;
	struct stat st;
	int ok;

	strbuf_addstr(&cfg, path);
	strbuf_addstr(&cfg, "/pyvenv.cfg");
	ok = stat(cfg.buf, &st) == 0 && S_ISREG(st.st_mode);
	strbuf_release(&cfg);
	return ok;
}

int paths_mkdirs(struct strbuf *dir)
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
