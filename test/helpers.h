/* helpers: temp trees, files and stderr capture for the Check suites.
 *
 * A TCase made by fixture_tcase() owns one temp root, made in the runner
 * process (so it is removed even when a forked test fails) and emptied
 * before each test. Each test also starts with HOME, XDG_CONFIG_HOME and
 * XDG_DATA_HOME inside the root and VSWITCH_CONFIG, WORKON_HOME,
 * VIRTUAL_ENV, PYTHONHOME and VSWITCH_STATE unset, so the machine's own
 * settings cannot leak into a test. */
#ifndef HELPERS_H
#define HELPERS_H

#include <check.h>
#include <stddef.h>

/* A TCase with the temp-root fixture. */
TCase *fixture_tcase(const char *name);
/* The temp root of the running test: an absolute path. */
const char *troot(void);
/* root/rel, in one of eight rotating static buffers. */
const char *tpath(const char *rel);
/* mkdir -p root/rel. */
void tmkdir(const char *rel);
/* Write text to root/rel, making its parent folders. */
void twrite(const char *rel, const char *text);
/* Write len bytes to root/rel, making its parent folders. */
void twrite_bytes(const char *rel, const void *data, size_t len);
/* Make root/rel a venv folder whose pyvenv.cfg holds cfg. */
void tvenv(const char *rel, const char *cfg);
/* Copy of s with every occurrence of the temp root written as "@". */
char *unroot(const char *s);
/* Remove a tree of any depth (even beyond PATH_MAX); missing is fine. */
void rm_tree(const char *path);

/* Run fn in a child process as a user whom file modes stop: this user,
 * or nobody (uid and gid 65534) when the tests run as root, so a check
 * of permissions means the same everywhere. Returns fn's result (0 for
 * success); fn reports through it, never through ck_assert. */
int tunprivileged(int (*fn)(void));

/* Send fd 2 to a temp file until stderr_end(). */
void stderr_begin(void);
/* Restore fd 2; returns what was written meanwhile (caller frees). */
char *stderr_end(void);

#endif
