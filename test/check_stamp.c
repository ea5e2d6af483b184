/* check_stamp: the stamp folder is private, and stamps of shells that
 * are gone are pruned. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "stamp.h"
#include "suites.h"

START_TEST(runtime_dir_first)
{
	struct strbuf d = STRBUF_INIT;

	tmkdir("run");
	chmod(tpath("run"), 0700);
	setenv("XDG_RUNTIME_DIR", tpath("run"), 1);
	ck_assert_int_eq(stamp_dir(&d, 0), 0);
	ck_assert_str_eq(d.buf, tpath("run/vswitch"));
	strbuf_setlen(&d, 0);
	/* relative: not used */
	setenv("XDG_RUNTIME_DIR", "run", 1);
	ck_assert_int_eq(stamp_dir(&d, 0), 0);
	ck_assert_str_eq(d.buf, tpath("home/.cache/vswitch/stamps"));
	unsetenv("XDG_RUNTIME_DIR");
	strbuf_release(&d);
}
END_TEST

/* A folder others can write, or a file in its place: no stamps. */
START_TEST(unsafe_refused)
{
	struct strbuf d = STRBUF_INIT;

	tmkdir("home/.cache/vswitch/stamps");
	chmod(tpath("home/.cache/vswitch/stamps"), 0777);
	ck_assert_int_eq(stamp_dir(&d, 0), -1);
	ck_assert_uint_eq(d.len, 0);
	rmdir(tpath("home/.cache/vswitch/stamps"));
	twrite("home/.cache/vswitch/stamps", "");
	ck_assert_int_eq(stamp_dir(&d, 0), -1);
	strbuf_release(&d);
}
END_TEST

START_TEST(prune_gone_shells)
{
	struct strbuf d = STRBUF_INIT;
	char live[64], dead[64];
	pid_t kid = fork();

	ck_assert_int_ge(kid, 0);
	if (!kid)
		_exit(0);
	ck_assert_int_eq(waitpid(kid, NULL, 0), kid);
	ck_assert_int_eq(stamp_dir(&d, 0), 0);
	snprintf(live, sizeof(live), "home/.cache/vswitch/stamps/%ld", (long)getpid());
	snprintf(dead, sizeof(dead), "home/.cache/vswitch/stamps/%ld", (long)kid);
	twrite(live, "");
	twrite(dead, "");
	twrite("home/.cache/vswitch/stamps/notapid", "");
	strbuf_setlen(&d, 0);
	ck_assert_int_eq(stamp_dir(&d, 1), 0);
	ck_assert_int_eq(access(tpath(live), F_OK), 0);
	ck_assert_int_ne(access(tpath(dead), F_OK), 0);
	ck_assert_int_eq(access(tpath("home/.cache/vswitch/stamps/notapid"), F_OK), 0);
	strbuf_release(&d);
}
END_TEST

Suite *stamp_suite(void)
{
	Suite *s = suite_create("stamp");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, runtime_dir_first);
	tcase_add_test(tc, unsafe_refused);
	tcase_add_test(tc, prune_gone_shells);
	suite_add_tcase(s, tc);
	return s;
}
