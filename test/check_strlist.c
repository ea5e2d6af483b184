/* check_strlist: a list of owned strings. */
#include <stdlib.h>
#include <string.h>

#include "strlist.h"
#include "suites.h"

START_TEST(add_has_sort_free)
{
	struct strlist l = STRLIST_INIT;
	char buf[] = "b\0ignored";

	for (int i = 0; i < 100; i++)
		strlist_add(&l, i % 2 ? "z" : "a");
	strlist_addn(&l, buf, 1);
	buf[0] = 'x';		/* the list holds a copy */
	ck_assert_uint_eq(l.n, 101);
	ck_assert(strlist_has(&l, "b"));
	ck_assert(!strlist_has(&l, "x"));
	strlist_sort(&l);
	ck_assert_str_eq(l.v[0], "a");
	ck_assert_str_eq(l.v[50], "b");
	ck_assert_str_eq(l.v[100], "z");
	strlist_free(&l);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_ptr_null(l.v);
	strlist_free(&l);
}
END_TEST

Suite *strlist_suite(void)
{
	Suite *s = suite_create("strlist");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, add_has_sort_free);
	suite_add_tcase(s, tc);
	return s;
}
