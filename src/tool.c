/* tool: shared by the tool sources. */
#include "tool.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "sha256.h"
#include "venv.h"

/* Open path without blocking (a FIFO put there cannot hang the shell);
 * fstat into st; regular files only. The descriptor, or -1. */
static int open_regular(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	if (fd < 0)
		return -1;
	if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		return -1;
	}
	return fd;
}

int tool_read_entry(struct found *f, const char *p, struct strbuf *text)
{
	struct stat st;
	int fd = open_regular(p, &st), r;

	if (fd < 0)
		return -1;
	r = strbuf_read_fd(text, fd, TOOL_FILE_MAX);
	close(fd);
	if (r != 0)
		return -1;
	strbuf_set(&f->entry, p);
	f->read_file = 1;
	f->file_uid = st.st_uid;
	f->file_mode = st.st_mode;
	strbuf_setlen(&f->file_sha, 0);
	sha256_hex(text->buf, text->len, &f->file_sha);
	return 0;
}

int tool_read(const char *path, struct strbuf *text)
{
	struct stat st;
	int fd = open_regular(path, &st), r;

	if (fd < 0)
		return -1;
	r = strbuf_read_fd(text, fd, TOOL_FILE_MAX);
	close(fd);
	return r == 0 ? 0 : -1;
}

void tool_first_line(const char *text, struct strbuf *out)
{
	size_t n;

	text += strspn(text, " \t\r");
	n = strcspn(text, "\r\n");
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	strbuf_add(out, text, n);
}

void tool_base64url(const unsigned char *d, size_t n, struct strbuf *out)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)d[i] << 16;

		if (i + 1 < n)
			v |= (unsigned long)d[i + 1] << 8;
		if (i + 2 < n)
			v |= d[i + 2];
		strbuf_addch(out, a[v >> 18 & 63]);
		strbuf_addch(out, a[v >> 12 & 63]);
		strbuf_addch(out, i + 1 < n ? a[v >> 6 & 63] : '=');
		strbuf_addch(out, i + 2 < n ? a[v & 63] : '=');
	}
}

void tool_realpath(const char *dir, struct strbuf *out)
{
	char *r = realpath(dir, NULL);

	strbuf_addstr(out, r ? r : dir);
	free(r);
}

int tool_env_or(struct strbuf *out, const char *var, const char *xdg_var,
		const char *xdg_fallback, const char *sub)
{
	const char *v = var ? getenv(var) : NULL;

	if (v && *v)
		return paths_expand_tilde(out, v);
	if (paths_xdg(out, xdg_var, xdg_fallback) < 0)
		return -1;
	strbuf_addstr(out, sub);
	return 0;
}

void tool_found(struct found *f, const char *env, int in_store)
{
	strbuf_set(&f->env, env);
	f->in_store = in_store;
	f->kind = paths_is_venv(env) ? FOUND_ENV : FOUND_MISSING;
}

int tool_owner_rule(const struct found *f, int changed, struct strbuf *why)
{
	if (f->in_store)
		return 0;
	if (paths_within(f->env.buf, f->dir.buf)) {
		/* in the project: judged as a project's venv folder is */
		struct strbuf real = STRBUF_INIT;
		int here;

		tool_realpath(f->env.buf, &real);
		here = venv_made_here(f->env.buf, real.buf, why);
		strbuf_release(&real);
		return here ? 0 : -1;
	}
	strbuf_addf(why, changed ? "'%s' changed since it was allowed" :
		    "'%s' names an env outside the project and your own stores",
		    f->entry.buf);
	return -1;
}

int tool_identity(const struct found *f, struct strbuf *hash)
{
	struct sha256 s;
	unsigned char d[SHA256_LEN];

	if (!f->read_file)
		return -1;
	sha256_init(&s);
	sha256_update(&s, f->file_sha.buf, f->file_sha.len + 1);
	sha256_update(&s, f->env.buf, f->env.len);
	sha256_final(&s, d);
	sha256_tohex(d, hash);
	return 0;
}
