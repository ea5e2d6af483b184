/* strbuf: a growable byte string.
 *
 * Invariants: buf is never NULL and always NUL-terminated, so buf can be
 * passed to any C string function at any time; len never counts that NUL.
 * An initialised strbuf that was never grown points at a shared empty
 * string and owns no memory. Running out of memory is fatal. */
#ifndef STRBUF_H
#define STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char strbuf_empty[];
#define STRBUF_INIT { strbuf_empty, 0, 0 }

/* Make sb empty, owning nothing. */
void strbuf_init(struct strbuf *sb);
/* Free what sb owns and make it empty again. */
void strbuf_release(struct strbuf *sb);
/* Hand the buffer to the caller (always malloc'd) and reset sb. */
char *strbuf_detach(struct strbuf *sb);
/* Make room for extra more bytes plus the NUL. */
void strbuf_grow(struct strbuf *sb, size_t extra);
/* Cut sb to len bytes (len must not exceed sb->len). */
void strbuf_setlen(struct strbuf *sb, size_t len);
/* Append len bytes of data, which may hold any byte. */
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
/* Append a C string. */
void strbuf_addstr(struct strbuf *sb, const char *s);
/* Append one byte. */
void strbuf_addch(struct strbuf *sb, int c);
/* Append printf-style formatted text. */
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append formatted text from a va_list. */
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Append n bytes of s percent-encoded: bytes outside printable ASCII,
 * '%' and ':' become %HH, so any byte string is one printable line that
 * can sit between ':' separators. */
void strbuf_add_percent(struct strbuf *sb, const char *s, size_t n);
/* The code point named by the n hex digits at s, or -1 (not hex, or
 * above 0x10ffff). */
long strbuf_hex_codepoint(const char *s, size_t n);
/* Append code point c (at most 0x10ffff) in UTF-8. */
void strbuf_add_utf8(struct strbuf *sb, long c);
/* Append the percent-encoded text at p, up to the first stop byte or
 * its end, decoded; returns where it stopped, or NULL for a '%' not
 * followed by two hex digits, or one that encodes NUL. */
const char *strbuf_add_unpercent(struct strbuf *sb, const char *p, int stop);
/* The value of the hex digit c (either case), or -1: the inverse of the
 * digits strbuf_add_percent() writes. */
int hexval(int c);
/* Replace the contents with a C string. */
void strbuf_set(struct strbuf *sb, const char *s);
/* Append what fd holds, up to max bytes (retrying on EINTR). Returns 0,
 * 1 when there was more than max (the first max bytes are kept), or -1
 * on a read error (errno set). */
int strbuf_read_fd(struct strbuf *sb, int fd, size_t max);
/* strbuf_read_fd on path, which must be a regular file: opened without
 * blocking (a FIFO put there cannot hang the shell) and never as a
 * controlling terminal. -1 (errno set) when it cannot be read. */
int strbuf_read_file(struct strbuf *sb, const char *path, size_t max);
/* Write all of sb to fd (retrying on EINTR); 0, or -1 (errno set). */
int strbuf_write_fd(const struct strbuf *sb, int fd);

#endif
