/* error: one-line messages on stderr. */
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MSG_MAX 8192

/* Append to msg (holding *n bytes) what fmt makes, cut to fit with one
 * byte left for the newline. */
static void vput(char *msg, size_t *n, const char *fmt, va_list ap)
{
	int r = vsnprintf(msg + *n, MSG_MAX - *n, fmt, ap);

	if (r > 0)
		*n += (size_t)r < MSG_MAX - *n ? (size_t)r : MSG_MAX - *n - 1;
}

static void put(char *msg, size_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vput(msg, n, fmt, ap);
	va_end(ap);
}

/* Build the whole line first so it reaches stderr in one write and a
 * message can never be split by another process writing there. Control
 * bytes in names (a path may hold a newline) are shown as '?' so the
 * message stays on one line. err, when not 0, adds its text. */
static void emit(const char *file, unsigned line, int err, const char *fmt,
		 va_list ap)
{
	char msg[MSG_MAX];
	size_t n = 0;

	put(msg, &n, "vswitch: ");
	if (file && line)
		put(msg, &n, "%s:%u: ", file, line);
	else if (file)
		put(msg, &n, "%s: ", file);
	vput(msg, &n, fmt, ap);
	if (err)
		put(msg, &n, ": %s", strerror(err));
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
			msg[i] = '?';
	msg[n++] = '\n';
	if (write(2, msg, n) < 0)
		return;
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(NULL, 0, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int error_at(const char *file, unsigned line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(file, line, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int error_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	emit(NULL, 0, err, fmt, ap);
	va_end(ap);
	errno = err;
	return -1;
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(NULL, 0, 0, fmt, ap);
	va_end(ap);
	exit(1);
}
