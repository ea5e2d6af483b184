/* check_error: message format on stderr and the return values. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "helpers.h"
#include "suites.h"

START_TEST(formats)
{
	char *err;

	stderr_begin();
	ck_assert_int_eq(error("cannot read '%s'", "x"), -1);
	ck_assert_int_eq(error_at("f.ini", 7, "bad %d", 1), -1);
	ck_assert_int_eq(error_at("f.ini", 0, "whole file"), -1);
	err = stderr_end();
	ck_assert_str_eq(err, "vswitch: cannot read 'x'\n"
			      "vswitch: f.ini:7: bad 1\n"
			      "vswitch: f.ini: whole file\n");
	free(err);
}
END_TEST

START_TEST(with_errno)
{
	char *err;

	stderr_begin();
	errno = ENOENT;
	ck_assert_int_eq(error_errno("cannot open '%s'", "f"), -1);
	ck_assert_int_eq(errno, ENOENT);
	err = stderr_end();
	ck_assert_str_eq(err, "vswitch: cannot open 'f': No such file or directory\n");
	free(err);
}
END_TEST

/* A path may hold a newline; the message must stay one line. */
START_TEST(control_bytes_masked)
{
	char *err;

	stderr_begin();
	error_at("a\nb", 2, "x\ty\x7fz\033");
	err = stderr_end();
	ck_assert_str_eq(err, "vswitch: a?b:2: x?y?z?\n");
	free(err);
}
END_TEST

START_TEST(long_message_truncated)
{
	char big[20000], *err;
	size_t n;

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	stderr_begin();
	error("%s", big);
	err = stderr_end();
	n = strlen(err);
	ck_assert_uint_le(n, 8193);
	ck_assert_int_eq(err[n - 1], '\n');
	ck_assert(!strncmp(err, "vswitch: aaa", 12));
	free(err);
}
END_TEST

Suite *error_suite(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, formats);
	tcase_add_test(tc, with_errno);
	tcase_add_test(tc, control_bytes_masked);
	tcase_add_test(tc, long_message_truncated);
	suite_add_tcase(s, tc);
	return s;
}
