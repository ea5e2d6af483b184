/* check_pathlist: PATH edited as a list, so that removing vswitch's one
 * entry gives back exactly what was there. */
#include <stdlib.h>

#include "pathlist.h"
#include "suites.h"

#define E "/p/venv/bin"

/* Remove entry from path; check the result and the return value. */
static void check_remove(const char *path, const char *want, int found)
{
	struct strbuf sb = STRBUF_INIT;

	ck_assert_int_eq(pathlist_remove(path, E, &sb), found);
	ck_assert_str_eq(sb.buf, want);
	strbuf_release(&sb);
}

START_TEST(has)
{
	ck_assert(pathlist_has(E, E));
	ck_assert(pathlist_has("/a:" E, E));
	ck_assert(pathlist_has(E ":/a", E));
	ck_assert(pathlist_has("/a:" E ":/b", E));
	ck_assert(!pathlist_has("/a:" E "/:/b", E));
	ck_assert(!pathlist_has("/a:/p/venv", E));
	ck_assert(!pathlist_has("/a:x" E, E));
	ck_assert(!pathlist_has("", E));
	ck_assert(!pathlist_has(NULL, E));
	ck_assert(pathlist_has("/a::/b", ""));
}
END_TEST

START_TEST(remove_positions)
{
	check_remove(E ":/usr/bin:/bin", "/usr/bin:/bin", 1);
	check_remove("/usr/bin:" E ":/bin", "/usr/bin:/bin", 1);
	check_remove("/usr/bin:/bin:" E, "/usr/bin:/bin", 1);
	check_remove(E, "", 1);
}
END_TEST

START_TEST(remove_first_match_only)
{
	check_remove(E ":/a:" E, "/a:" E, 1);
	check_remove("/a:" E ":" E, "/a:" E, 1);
	check_remove(E ":" E, E, 1);
}
END_TEST

START_TEST(remove_not_found)
{
	check_remove("/usr/bin:/bin", "/usr/bin:/bin", 0);
	check_remove(E "x:x" E ":" E "/", E "x:x" E ":" E "/", 0);
	check_remove("", "", 0);
	check_remove(NULL, "", 0);
}
END_TEST

START_TEST(remove_keeps_empty_entries)
{
	check_remove("::" E "::", ":::", 1);
	check_remove(":" E, "", 1);	/* [""] is written "" */
	check_remove(E ":", "", 1);
	check_remove(E "::", ":", 1);
	check_remove("/a::" E, "/a:", 1);
}
END_TEST

START_TEST(prepend)
{
	struct strbuf sb = STRBUF_INIT;

	pathlist_prepend("/usr/bin", E, &sb);
	ck_assert_str_eq(sb.buf, E ":/usr/bin");
	strbuf_setlen(&sb, 0);
	pathlist_prepend("", E, &sb);	/* no ':' that would add "." */
	ck_assert_str_eq(sb.buf, E);
	strbuf_setlen(&sb, 0);
	pathlist_prepend(NULL, E, &sb);
	ck_assert_str_eq(sb.buf, E);
	strbuf_setlen(&sb, 0);
	pathlist_prepend(":", E, &sb);
	ck_assert_str_eq(sb.buf, E "::");
	strbuf_release(&sb);
}
END_TEST

/* Prepending then removing gives back every PATH byte for byte. */
START_TEST(round_trip)
{
	static const char *const paths[] = {
		"", ":", "::", "/usr/bin", "/a::/b", ":/a", "/a:", E, "/a:" E,
		E ":/a", "/a:" E "x",
	};

	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;

		pathlist_prepend(paths[i], E, &in);
		ck_assert_int_eq(pathlist_remove(in.buf, E, &out), 1);
		ck_assert_str_eq(out.buf, paths[i]);
		strbuf_release(&in);
		strbuf_release(&out);
	}
}
END_TEST

START_TEST(path_entry_with_colon)
{
	struct strbuf out = STRBUF_INIT;

	ck_assert(pathlist_has("/x:/a:b/bin:/y", "/a:b/bin"));
	ck_assert(!pathlist_has("/x:/a:b/binx", "/a:b/bin"));
	ck_assert(pathlist_remove("/a:b/bin:/usr/bin", "/a:b/bin", &out));
	ck_assert_str_eq(out.buf, "/usr/bin");
	strbuf_setlen(&out, 0);
	ck_assert(pathlist_remove("/usr/bin:/a:b/bin", "/a:b/bin", &out));
	ck_assert_str_eq(out.buf, "/usr/bin");
	strbuf_release(&out);
}
END_TEST

Suite *pathlist_suite(void)
{
	Suite *s = suite_create("pathlist");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, has);
	tcase_add_test(tc, remove_positions);
	tcase_add_test(tc, remove_first_match_only);
	tcase_add_test(tc, remove_not_found);
	tcase_add_test(tc, remove_keeps_empty_entries);
	tcase_add_test(tc, prepend);
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, path_entry_with_colon);
	suite_add_tcase(s, tc);
	return s;
}
