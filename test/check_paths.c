/* check_paths: home, XDG locations and the small path helpers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "paths.h"
#include "suites.h"

/* Only an absolute HOME is a home: a relative one would put the config
 * and the trust store wherever the shell is. */
START_TEST(home)
{
	setenv("HOME", "/h", 1);
	ck_assert_str_eq(paths_home(), "/h");
	unsetenv("HOME");
	ck_assert_ptr_null(paths_home());
	ck_assert_str_eq(paths_no_home(), "HOME is not set");
	setenv("HOME", "", 1);
	ck_assert_ptr_null(paths_home());
	ck_assert_str_eq(paths_no_home(), "HOME is empty");
	setenv("HOME", "rel/h", 1);
	ck_assert_ptr_null(paths_home());
	ck_assert_str_eq(paths_no_home(), "HOME is not an absolute path");
	setenv("HOME", "/h", 1);
}
END_TEST

/* With no home, nothing is made from it: an absolute XDG variable still
 * counts, a relative one (or a "~") gives no path at all. */
START_TEST(no_home)
{
	struct strbuf sb = STRBUF_INIT;

	setenv("HOME", "rel", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	ck_assert_int_eq(paths_xdg(&sb, "XDG_DATA_HOME", ".local/share"), 0);
	ck_assert_str_eq(sb.buf, "/data");
	strbuf_setlen(&sb, 0);
	setenv("XDG_DATA_HOME", "rel/data", 1);
	ck_assert_int_eq(paths_xdg(&sb, "XDG_DATA_HOME", ".local/share"), -1);
	ck_assert_uint_eq(sb.len, 0);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	ck_assert_int_eq(paths_xdg(&sb, "XDG_DATA_HOME", ".local/share"), -1);
	ck_assert_int_eq(paths_expand_tilde(&sb, "~/x"), -1);
	ck_assert_int_eq(paths_expand_tilde(&sb, "~"), -1);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_int_eq(paths_expand_tilde(&sb, "/abs/~"), 0);
	ck_assert_str_eq(sb.buf, "/abs/~");
	setenv("HOME", "/h", 1);
	strbuf_release(&sb);
}
END_TEST

START_TEST(xdg)
{
	struct strbuf sb = STRBUF_INIT;

	setenv("HOME", "/h", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	paths_xdg(&sb, "XDG_DATA_HOME", ".local/share");
	ck_assert_str_eq(sb.buf, "/data");
	strbuf_setlen(&sb, 0);
	setenv("XDG_DATA_HOME", "rel/data", 1);
	paths_xdg(&sb, "XDG_DATA_HOME", ".local/share");
	ck_assert_str_eq(sb.buf, "/h/.local/share");
	strbuf_setlen(&sb, 0);
	setenv("XDG_DATA_HOME", "", 1);
	paths_xdg(&sb, "XDG_DATA_HOME", ".local/share");
	ck_assert_str_eq(sb.buf, "/h/.local/share");
	strbuf_setlen(&sb, 0);
	unsetenv("XDG_DATA_HOME");
	paths_xdg(&sb, "XDG_DATA_HOME", ".local/share");
	ck_assert_str_eq(sb.buf, "/h/.local/share");
	strbuf_release(&sb);
}
END_TEST

/* Expand path with HOME=/h and compare. */
static void check_tilde(const char *path, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	paths_expand_tilde(&sb, path);
	ck_assert_str_eq(sb.buf, want);
	strbuf_release(&sb);
}

START_TEST(tilde)
{
	setenv("HOME", "/h", 1);
	check_tilde("~", "/h");
	check_tilde("~/", "/h/");
	check_tilde("~/envs", "/h/envs");
	check_tilde("~user/envs", "~user/envs");
	check_tilde("/a/~/b", "/a/~/b");
	check_tilde("", "");
}
END_TEST

START_TEST(within)
{
	ck_assert(paths_within("/a", "/a"));
	ck_assert(paths_within("/a/b", "/a"));
	ck_assert(paths_within("/a/b/c", "/a/b"));
	ck_assert(!paths_within("/ab", "/a"));
	ck_assert(!paths_within("/a", "/a/b"));
	ck_assert(paths_within("/", "/"));
	ck_assert(paths_within("/x/y", "/"));
	ck_assert(!paths_within("rel", "/"));
}
END_TEST

/* The last component of the first len bytes of path. */
static void check_base(const char *path, size_t len, const char *want)
{
	size_t blen;
	const char *b = paths_basename(path, len, &blen);

	ck_assert_uint_eq(blen, strlen(want));
	ck_assert(!memcmp(b, want, blen));
}

START_TEST(last_component)
{
	check_base("/a/b", 4, "b");
	check_base("/a/b", 2, "a");
	check_base("plain", 5, "plain");
	check_base("/a/", 3, "");
	check_base("/", 1, "");
	check_base("", 0, "");
}
END_TEST

START_TEST(is_venv)
{
	tvenv("v", "home = /usr/bin\n");
	tmkdir("notvenv");
	tmkdir("dirvenv/pyvenv.cfg");
	twrite("file", "x");
	ck_assert(paths_is_venv(tpath("v")));
	ck_assert(paths_is_venv(tpath("v/")));
	ck_assert(!paths_is_venv(tpath("notvenv")));
	ck_assert(!paths_is_venv(tpath("dirvenv")));
	ck_assert(!paths_is_venv(tpath("file")));
	ck_assert(!paths_is_venv(tpath("missing")));
}
END_TEST

static void expect_abs(const char *base, const char *arg, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	paths_absolute(&sb, base, arg);
	ck_assert_str_eq(sb.buf, want);
	strbuf_release(&sb);
}

START_TEST(absolute_paths)
{
	expect_abs("/a/b", ".", "/a/b");
	expect_abs("/a/b", "..", "/a");
	expect_abs("/a/b", "../../..", "/");
	expect_abs("/a/b", "c//d/./", "/a/b/c/d");
	expect_abs("/a/b", "/x/../y", "/y");
	expect_abs("/", ".", "/");
	expect_abs("/a", "-n", "/a/-n");
}
END_TEST

static void expect_invoked(const char *argv0, const char *path, const char *cwd,
			   const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	int r = paths_invoked(&sb, argv0, path, cwd);

	if (!want) {
		ck_assert_int_eq(r, -1);
		ck_assert_str_eq(sb.buf, "");
	} else {
		ck_assert_int_eq(r, 0);
		ck_assert_str_eq(sb.buf, want);
	}
	strbuf_release(&sb);
}

/* The binary's path as invoked: made absolute, links not resolved. */
START_TEST(invoked_path)
{
	char path[8192], want[8192];

	twrite("real/vswitch", "#!/bin/sh\n");
	ck_assert_int_eq(chmod(tpath("real/vswitch"), 0755), 0);
	tmkdir("bin");
	tmkdir("empty");
	ck_assert_int_eq(symlink(tpath("real/vswitch"), tpath("bin/vswitch")), 0);
	twrite("noexec/vswitch", "");
	/* with a '/': against the cwd, as written */
	expect_invoked("/opt/x/vswitch", NULL, "/cwd", "/opt/x/vswitch");
	expect_invoked("./vswitch", NULL, "/cwd", "/cwd/vswitch");
	expect_invoked("bin/vswitch", NULL, "/cwd/", "/cwd/bin/vswitch");
	expect_invoked("../up/vswitch", NULL, "/cwd", "/cwd/../up/vswitch");
	expect_invoked("bin/vswitch", NULL, NULL, NULL);
	/* a bare name: the PATH entry it is found in, the link unresolved;
	 * an entry without an executable of that name is passed over */
	snprintf(path, sizeof(path), "%s:%s:%s:/usr/bin", tpath("empty"),
		 tpath("noexec"), tpath("bin"));
	snprintf(want, sizeof(want), "%s/vswitch", tpath("bin"));
	expect_invoked("vswitch", path, "/cwd", want);
	/* relative and empty entries are against the cwd */
	expect_invoked("vswitch", "/nonexistent:bin", troot(), want);
	snprintf(want, sizeof(want), "%s/vswitch", tpath("bin"));
	expect_invoked("vswitch", ":/nonexistent", tpath("bin"), want);
	expect_invoked("vswitch", "/nonexistent", "/", NULL);
	expect_invoked("vswitch", NULL, "/", NULL);
	expect_invoked("", "/bin", "/", NULL);
}
END_TEST

Suite *paths_suite(void)
{
	Suite *s = suite_create("paths");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, home);
	tcase_add_test(tc, no_home);
	tcase_add_test(tc, xdg);
	tcase_add_test(tc, tilde);
	tcase_add_test(tc, within);
	tcase_add_test(tc, last_component);
	tcase_add_test(tc, is_venv);
	tcase_add_test(tc, absolute_paths);
	tcase_add_test(tc, invoked_path);
	suite_add_tcase(s, tc);
	return s;
}
