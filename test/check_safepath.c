/* check_safepath: an env's path resolved, and every directory and link
 * on the way judged: another user's (made by a user whom the tests are
 * not, or on made-up stats) and writable ones refused, sticky ones above
 * the env excused. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "safepath.h"
#include "suites.h"

/* Judge root/rel as the running user; returns the result, the resolved
 * path and the reason in the buffers (root shown as "@"). */
static int judge(const char *rel, uid_t me, char **real, char **why)
{
	struct strbuf r = STRBUF_INIT, w = STRBUF_INIT;
	int rc = safepath_env(tpath(rel), me, 1, &r, &w);

	*real = unroot(r.buf);
	*why = unroot(w.buf);
	strbuf_release(&r);
	strbuf_release(&w);
	return rc;
}

static void expect(const char *rel, int want_rc, const char *want_real,
		   const char *want_why)
{
	char *real, *why;
	int rc = judge(rel, geteuid(), &real, &why);

	ck_assert_msg(rc == want_rc, "%s: %d (%s), expected %d", rel, rc, why, want_rc);
	ck_assert_str_eq(real, want_real);
	ck_assert_str_eq(why, want_why);
	free(real);
	free(why);
}

START_TEST(made_up_stats)
{
	static const struct {
		uid_t uid;
		mode_t mode;
		int sticky_ok, rc;
		const char *why;
	} cases[] = {
		{ 1000, S_IFDIR | 0755, 0, 0, "" },
		{ 0, S_IFDIR | 0755, 0, 0, "" },
		{ 0, S_IFDIR | 01777, 1, 0, "" },
		{ 0, S_IFDIR | 01777, 0, -1, "'/e' is writable by others" },
		{ 0, S_IFDIR | 0777, 1, -1, "'/e' is writable by others" },
		{ 65534, S_IFDIR | 01777, 1, -2, "'/e' belongs to uid 65534, not to you" },
		{ 1000, S_IFDIR | 02775, 1, -1, "'/e' is writable by its group" },
		/* a link's bits mean nothing; its owner can replace it */
		{ 1000, S_IFLNK | 0777, 0, 0, "" },
		{ 0, S_IFLNK | 0777, 0, 0, "" },
		{ 1001, S_IFLNK | 0777, 1, -2, "'/e' belongs to uid 1001, not to you" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct stat st = { 0 };
		struct strbuf why = STRBUF_INIT;

		st.st_uid = cases[i].uid;
		st.st_mode = cases[i].mode;
		ck_assert_int_eq(safepath_stat_unsafe("/e", &st, 1000, cases[i].sticky_ok,
						      &why), cases[i].rc);
		ck_assert_str_eq(why.buf, cases[i].why);
		strbuf_release(&why);
	}
}
END_TEST

START_TEST(resolved)
{
	tmkdir("p/venv/bin");
	tmkdir("store/env/bin");
	ck_assert_int_eq(symlink("../store/env", tpath("p/link")), 0);
	ck_assert_int_eq(symlink(tpath("p"), tpath("abs")), 0);
	expect("p/venv", 0, "@/p/venv", "");
	expect("p/./venv/", 0, "@/p/venv", "");
	expect("p/link", 0, "@/store/env", "");
	expect("abs/link", 0, "@/store/env", "");
	/* ".." after a link is the target's parent, as the kernel has it */
	expect("abs/link/../env", 0, "@/store/env", "");
	expect("p/venv/../venv", 0, "@/p/venv", "");
	/* no bin/ is fine; a file where a folder should be is not */
	tmkdir("nobin/venv");
	expect("nobin/venv", 0, "@/nobin/venv", "");
	twrite("file", "");
	expect("file/venv", -1, "", "cannot check '@/file': Not a directory");
	expect("gone/venv", -1, "", "cannot check '@/gone': No such file or directory");
	ck_assert_int_eq(symlink("loop", tpath("loop")), 0);
	expect("loop", -1, "", "cannot check '@/loop': Too many levels of symbolic links");
}
END_TEST

START_TEST(writable_on_the_way)
{
	tmkdir("a/b/venv/bin");
	ck_assert_int_eq(chmod(tpath("a"), 0775), 0);
	expect("a/b/venv", -1, "", "'@/a' is writable by its group");
	ck_assert_int_eq(chmod(tpath("a"), 0755), 0);
	ck_assert_int_eq(chmod(tpath("a/b/venv/bin"), 0757), 0);
	expect("a/b/venv", -1, "", "'@/a/b/venv/bin' is writable by others");
	ck_assert_int_eq(chmod(tpath("a/b/venv/bin"), 0755), 0);
	/* a sticky folder above the env, as /tmp is, is excused; the env
	 * and its bin/ are not, as anyone could add a program there */
	ck_assert_int_eq(chmod(tpath("a/b"), 01777), 0);
	expect("a/b/venv", 0, "@/a/b/venv", "");
	ck_assert_int_eq(chmod(tpath("a/b/venv"), 01777), 0);
	expect("a/b/venv", -1, "", "'@/a/b/venv' is writable by others");
	ck_assert_int_eq(chmod(tpath("a/b/venv"), 0755), 0);
	ck_assert_int_eq(chmod(tpath("a/b/venv/bin"), 01777), 0);
	expect("a/b/venv", -1, "", "'@/a/b/venv/bin' is writable by others");
	ck_assert_int_eq(chmod(tpath("a/b/venv/bin"), 0755), 0);
	/* a path ending in ".." ends at a folder met on the way */
	tmkdir("a/b/venv/sub");
	ck_assert_int_eq(chmod(tpath("a/b/venv"), 01777), 0);
	expect("a/b/venv/sub/..", -1, "", "'@/a/b/venv' is writable by others");
	ck_assert_int_eq(chmod(tpath("a/b"), 0755), 0);
	ck_assert_int_eq(chmod(tpath("a/b/venv"), 0755), 0);
	/* the way through a link is judged where it leads */
	tmkdir("w/env/bin");
	ck_assert_int_eq(chmod(tpath("w"), 0777), 0);
	ck_assert_int_eq(symlink("../w/env", tpath("a/link")), 0);
	expect("a/link", -1, "", "'@/w' is writable by others");
	/* and a bin/ that is a link, where it leads */
	tmkdir("x/env");
	ck_assert_int_eq(symlink("../../w/env/bin", tpath("x/env/bin")), 0);
	expect("x/env", -1, "", "'@/w' is writable by others");
}
END_TEST

/* Made by a user the tests are not: nobody when they run as root. */
static int make_theirs(void)
{
	return mkdir(tpath("shared/theirs"), 0755) || mkdir(tpath("shared/theirs/venv"), 0755) ||
	       symlink("theirs/venv", tpath("shared/link"));
}

START_TEST(another_users)
{
	char *real, *why, want[8192];
	/* for a user who is not root, what the test made is another's to
	 * the next uid */
	uid_t me = geteuid() ? geteuid() + 1 : 0;
	uid_t them;
	struct stat st;

	tmkdir("shared");
	ck_assert_int_eq(chmod(tpath("shared"), 01777), 0);
	ck_assert_int_eq(tunprivileged(make_theirs), 0);
	ck_assert_int_eq(lstat(tpath("shared/theirs"), &st), 0);
	them = st.st_uid;
	ck_assert_int_ne(them, me);
	ck_assert_int_eq(judge("shared/theirs/venv", me, &real, &why), -2);
	snprintf(want, sizeof(want), "'@/shared/theirs' belongs to uid %lu, not to you",
		 (unsigned long)them);
	ck_assert_str_eq(why, want);
	ck_assert_str_eq(real, "");
	free(real);
	free(why);
	/* a link of theirs in a sticky folder: they can point it anywhere */
	ck_assert_int_eq(judge("shared/link", me, &real, &why), -2);
	snprintf(want, sizeof(want), "'@/shared/link' belongs to uid %lu, not to you",
		 (unsigned long)them);
	ck_assert_str_eq(why, want);
	free(real);
	free(why);
}
END_TEST

Suite *safepath_suite(void)
{
	Suite *s = suite_create("safepath");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, made_up_stats);
	tcase_add_test(tc, resolved);
	tcase_add_test(tc, writable_on_the_way);
	tcase_add_test(tc, another_users);
	suite_add_tcase(s, tc);
	return s;
}
