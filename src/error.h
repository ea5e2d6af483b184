/* error: every message vswitch prints goes through here, to stderr, as
 * one line starting "vswitch: ". stdout is reserved for shell code. */
#ifndef ERROR_H
#define ERROR_H

/* Print "vswitch: MSG" and return -1, so callers can `return error(...)`. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "vswitch: FILE:LINE: MSG" (LINE 0 leaves it out) and return -1. */
int error_at(const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Print "vswitch: MSG: " and the text for errno, and return -1. */
int error_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "vswitch: MSG" and exit 1. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
