/* strbuf: a growable byte string; see strbuf.h for the invariants. */
#include "strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

char strbuf_empty[1];

void strbuf_init(struct strbuf *sb)
{
	sb->buf = strbuf_empty;
	sb->len = 0;
	sb->alloc = 0;
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb);
}

char *strbuf_detach(struct strbuf *sb)
{
	char *s;

	if (!sb->alloc)
		strbuf_grow(sb, 0);
	s = sb->buf;
	strbuf_init(sb);
	return s;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want;
	char *p;

	if (extra > (size_t)-1 / 2 - sb->len)
		die("string too long");
	want = sb->len + extra + 1;
	if (sb->alloc >= want)
		return;
	if (want < 2 * sb->alloc)
		want = 2 * sb->alloc;
	if (want < 64)
		want = 64;
	p = realloc(sb->alloc ? sb->buf : NULL, want);
	if (!p)
		die("out of memory");
	if (!sb->alloc)
		p[0] = '\0';
	sb->buf = p;
	sb->alloc = want;
}

void strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (len > sb->len)
		die("strbuf_setlen beyond end (%zu > %zu)", len, sb->len);
	sb->len = len;
	if (sb->alloc)
		sb->buf[len] = '\0';
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, int c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc ? sb->alloc - sb->len : 0,
		      fmt, cp);
	va_end(cp);
	if (n < 0)
		die("bad format");
	if (!sb->alloc || (size_t)n >= sb->alloc - sb->len) {
		strbuf_grow(sb, (size_t)n);
		n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_set(struct strbuf *sb, const char *s)
{
	strbuf_setlen(sb, 0);
	strbuf_addstr(sb, s);
}

void strbuf_add_percent(struct strbuf *sb, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c > 0x7e || c == '%' || c == ':') {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[c >> 4]);
			strbuf_addch(sb, hex[c & 15]);
		} else {
			strbuf_addch(sb, c);
		}
	}
}

const char *strbuf_add_unpercent(struct strbuf *out, const char *p, int stop)
{
	while (*p && *p != stop) {
		if (*p == '%') {
			int h = hexval((unsigned char)p[1]);
			int l = h < 0 ? -1 : hexval((unsigned char)p[2]);

			if (l < 0 || (h == 0 && l == 0))
				return NULL;
			strbuf_addch(out, h * 16 + l);
			p += 3;
		} else {
			strbuf_addch(out, *p++);
		}
	}
	return p;
}

long strbuf_hex_codepoint(const char *s, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n; i++) {
		if (hexval((unsigned char)s[i]) < 0)
			return -1;
		v = v * 16 + hexval((unsigned char)s[i]);
		if (v > 0x10ffff)
			return -1;
	}
	return v;
}

void strbuf_add_utf8(struct strbuf *out, long c)
{
	if (c < 0x80) {
		strbuf_addch(out, (int)c);
	} else if (c < 0x800) {
		strbuf_addch(out, (int)(0xc0 | c >> 6));
		strbuf_addch(out, (int)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		strbuf_addch(out, (int)(0xe0 | c >> 12));
		strbuf_addch(out, (int)(0x80 | (c >> 6 & 0x3f)));
		strbuf_addch(out, (int)(0x80 | (c & 0x3f)));
	} else {
		strbuf_addch(out, (int)(0xf0 | c >> 18));
		strbuf_addch(out, (int)(0x80 | (c >> 12 & 0x3f)));
		strbuf_addch(out, (int)(0x80 | (c >> 6 & 0x3f)));
		strbuf_addch(out, (int)(0x80 | (c & 0x3f)));
	}
}

int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int strbuf_read_fd(struct strbuf *sb, int fd, size_t max)
{
	size_t start = sb->len;

	/* One byte past max tells "exactly max" from "more than max". */
	strbuf_grow(sb, max + 1);
	while (sb->len - start <= max) {
		ssize_t n = read(fd, sb->buf + sb->len, max + 1 - (sb->len - start));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			sb->buf[sb->len] = '\0';
			return -1;
		}
		if (!n)
			break;
		sb->len += (size_t)n;
	}
	if (sb->len - start > max) {
		strbuf_setlen(sb, start + max);
		return 1;
	}
	sb->buf[sb->len] = '\0';
	return 0;
}

int strbuf_read_file(struct strbuf *sb, const char *path, size_t max)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	int rc, e;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	rc = strbuf_read_fd(sb, fd, max);
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

int strbuf_write_fd(const struct strbuf *sb, int fd)
{
	const char *p = sb->buf;
	size_t left = sb->len;

	while (left) {
		ssize_t n = write(fd, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		left -= (size_t)n;
	}
	return 0;
}
