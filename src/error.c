/* error: one-line messages on stderr. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned count;

/* Build the whole line first so it reaches stderr in one write and a
 * message can never be split by another process writing there. Control
 * bytes in names (a path may hold a newline) are shown as '?' so the
 * message stays on one line. */
static void emit(const char *file, unsigned line, const char *fmt, va_list ap)
{
	char msg[8192];
	size_t n = 0;
	int r;

	r = snprintf(msg, sizeof(msg), "vswitch: ");
	n = (size_t)r;
	if (file) {
		r = line ? snprintf(msg + n, sizeof(msg) - n, "%s:%u: ", file, line)
			 : snprintf(msg + n, sizeof(msg) - n, "%s: ", file);
		if (r > 0)
			n += (size_t)r < sizeof(msg) - n ? (size_t)r : sizeof(msg) - n - 1;
	}
	r = vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
	if (r > 0)
		n += (size_t)r < sizeof(msg) - n ? (size_t)r : sizeof(msg) - n - 1;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
			msg[i] = '?';
	msg[n++] = '\n';
	count++;
	if (write(2, msg, n) < 0)
		return;
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(NULL, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int error_at(const char *file, unsigned line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(file, line, fmt, ap);
	va_end(ap);
	return -1;
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(NULL, 0, fmt, ap);
	va_end(ap);
	exit(1);
}

unsigned error_count(void)
{
	return count;
}
