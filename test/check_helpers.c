/* check_helpers: the shared fixture and file helpers of helpers.h. Not a
 * suite; named check_* only so the Makefile links it into check_unit. */
#include "helpers.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char root[4096];
static int saved_fd2 = -1;
static FILE *capture;

/* Fixture failures happen outside any test, so they end the run. */
static void fatal(const char *what)
{
	perror(what);
	exit(2);
}

/* Remove name in the folder open as at, and everything below it, one level at a time by
 * file descriptor, so depth is never limited by PATH_MAX. */
static void rm_at(int at, const char *name)
{
	int fd;
	DIR *d;
	struct dirent *e;

	if (!unlinkat(at, name, 0) || errno == ENOENT)
		return;
	fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			rm_at(dirfd(d), e->d_name);
	closedir(d);
	unlinkat(at, name, AT_REMOVEDIR);
}

void rm_tree(const char *path)
{
	rm_at(AT_FDCWD, path);
}

static void root_open(void)
{
	const char *t = getenv("TMPDIR");

	if (snprintf(root, sizeof(root), "%s/vswitch-check.XXXXXX",
		     t && t[0] == '/' ? t : "/tmp") >= (int)sizeof(root))
		fatal("TMPDIR too long");
	if (!mkdtemp(root))
		fatal("mkdtemp");
}

static void root_close(void)
{
	rm_tree(root);
}

/* Per test: an empty root and an environment that points inside it,
 * with none of the other variables a result depends on (a test that
 * sets one is not undone when tests share a process, CK_FORK=no). */
static void root_reset(void)
{
	static const char *const unset[] = {
		"VSWITCH_CONFIG", "WORKON_HOME", "VIRTUAL_ENV", "PYTHONHOME",
		"VSWITCH_STATE", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR",
		"POETRY_VIRTUALENVS_PATH", "POETRY_VIRTUALENVS_IN_PROJECT",
		"POETRY_CACHE_DIR", "POETRY_CONFIG_DIR", "PIPENV_VENV_IN_PROJECT",
		"PIPENV_CUSTOM_VENV_NAME", "PIPENV_PYTHON", "PYENV_ROOT",
	};

	rm_tree(root);
	if (mkdir(root, 0755))
		fatal("mkdir root");
	tmkdir("home");
	setenv("HOME", tpath("home"), 1);
	setenv("XDG_CONFIG_HOME", tpath("xdg-config"), 1);
	setenv("XDG_DATA_HOME", tpath("xdg-data"), 1);
	for (size_t i = 0; i < sizeof(unset) / sizeof(unset[0]); i++)
		unsetenv(unset[i]);
}

TCase *fixture_tcase(const char *name)
{
	TCase *tc = tcase_create(name);

	tcase_add_unchecked_fixture(tc, root_open, root_close);
	tcase_add_checked_fixture(tc, root_reset, NULL);
	return tc;
}

const char *troot(void)
{
	return root;
}

const char *tpath(const char *rel)
{
	static char bufs[8][8192];
	static unsigned next;
	char *b = bufs[next++ % 8];

	ck_assert_int_lt(snprintf(b, sizeof(bufs[0]), "%s/%s", root, rel),
			 (int)sizeof(bufs[0]));
	return b;
}

void tmkdir(const char *rel)
{
	char p[8192];

	ck_assert_int_lt(snprintf(p, sizeof(p), "%s", tpath(rel)), (int)sizeof(p));
	for (char *s = p + strlen(root) + 1; ; s++) {
		if (*s == '/' || !*s) {
			char c = *s;

			*s = '\0';
			ck_assert_msg(!mkdir(p, 0755) || errno == EEXIST,
				      "mkdir %s: %s", p, strerror(errno));
			*s = c;
			if (!c)
				break;
		}
	}
}

void twrite_bytes(const char *rel, const void *data, size_t len)
{
	const char *slash = strrchr(rel, '/');
	FILE *f;

	if (slash) {
		char dir[4096];

		ck_assert_uint_lt((size_t)(slash - rel), sizeof(dir));
		memcpy(dir, rel, (size_t)(slash - rel));
		dir[slash - rel] = '\0';
		tmkdir(dir);
	}
	f = fopen(tpath(rel), "wb");
	ck_assert_msg(f != NULL, "cannot write %s", rel);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

void twrite(const char *rel, const char *text)
{
	twrite_bytes(rel, text, strlen(text));
}

void tvenv(const char *rel, const char *cfg)
{
	char p[4096];

	char text[4200];

	ck_assert_int_lt(snprintf(p, sizeof(p), "%s/pyvenv.cfg", rel), (int)sizeof(p));
	twrite(p, cfg);
	/* made here, as the tools record it (venv_made_here) */
	ck_assert_int_lt(snprintf(p, sizeof(p), "%s/bin/activate", rel), (int)sizeof(p));
	ck_assert_int_lt(snprintf(text, sizeof(text), "VIRTUAL_ENV=\"%s\"\n", tpath(rel)),
			 (int)sizeof(text));
	twrite(p, text);
}

char *unroot(const char *s)
{
	size_t rl = strlen(root), n = 0;
	char *out = malloc(strlen(s) + 1);

	ck_assert_ptr_nonnull(out);
	while (*s) {
		if (!strncmp(s, root, rl)) {
			out[n++] = '@';
			s += rl;
		} else {
			out[n++] = *s++;
		}
	}
	out[n] = '\0';
	return out;
}

int tunprivileged(int (*fn)(void))
{
	pid_t pid = fork();
	int status;

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (geteuid() == 0 &&
		    (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0))
			_exit(125);
		_exit(fn());
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

void stderr_begin(void)
{
	fflush(stderr);
	capture = tmpfile();
	ck_assert_ptr_nonnull(capture);
	saved_fd2 = dup(2);
	ck_assert_int_ge(saved_fd2, 0);
	ck_assert_int_ge(dup2(fileno(capture), 2), 0);
}

char *stderr_end(void)
{
	long n;
	char *s;

	fflush(stderr);
	ck_assert_int_ge(dup2(saved_fd2, 2), 0);
	close(saved_fd2);
	saved_fd2 = -1;
	ck_assert_int_eq(fseek(capture, 0, SEEK_END), 0);
	n = ftell(capture);
	rewind(capture);
	s = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(fread(s, 1, (size_t)n, capture), (size_t)n);
	s[n] = '\0';
	fclose(capture);
	capture = NULL;
	return s;
}
