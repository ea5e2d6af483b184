/* check_envlist: reading an env home's names, and the names close to a
 * mistyped one. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "envlist.h"
#include "strbuf.h"

Suite *envlist_suite(void);

static char home[] = "/tmp/check-envlist.XXXXXX";

/* Make env name in the test home, with pyvenv.cfg holding cfg. */
static void mkenv(const char *name, const char *cfg)
{
	char p[4096];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", home, name);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/%s/pyvenv.cfg", home, name);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(cfg, f);
	fclose(f);
}

static void setup(void)
{
	char p[4096];

	strcpy(home, "/tmp/check-envlist.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(home));
	mkenv("beta", "version = 3.11.2\n");
	mkenv("alpha", "version_info = 3.12.1.final.0\n");
	mkenv("Zed", "home = /usr/bin\n");
	mkenv("\"';&&$e|'\"", "");
	mkenv("sp ace", "");
	mkenv("\xff\xfe", "");
	mkenv(".hidden", "");
	mkenv("~tilde", "");
	snprintf(p, sizeof(p), "%s/notenv", home);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/file", home);
	fclose(fopen(p, "w"));
	snprintf(p, sizeof(p), "%s/link", home);
	ck_assert_int_eq(symlink("alpha", p), 0);
}

static void teardown(void)
{
	char cmd[4200];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", home);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(list_sorted_in_byte_order)
{
	static const char *const want[] = {
		"\"';&&$e|'\"", "Zed", "alpha", "beta", "link", "sp ace", "\xff\xfe",
	};
	struct strlist l = STRLIST_INIT;

	ck_assert_int_eq(envlist_read(home, "", &l), 0);
	ck_assert_uint_eq(l.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < l.n; i++)
		ck_assert_str_eq(l.v[i], want[i]);
	ck_assert(strlist_has(&l, "sp ace"));
	ck_assert(!strlist_has(&l, "notenv"));
	ck_assert(!strlist_has(&l, ".hidden"));
	strlist_free(&l);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(list_prefix)
{
	struct strlist l = STRLIST_INIT;

	ck_assert_int_eq(envlist_read(home, "a", &l), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0], "alpha");
	strlist_free(&l);
	ck_assert_int_eq(envlist_read(home, "zz", &l), 0);
	ck_assert_uint_eq(l.n, 0);
	strlist_free(&l);
}
END_TEST

START_TEST(list_missing_home)
{
	struct strlist l = STRLIST_INIT;

	ck_assert_int_eq(envlist_read("/nonexistent/envs", "", &l), -1);
	ck_assert_uint_eq(l.n, 0);
	strlist_free(&l);
}
END_TEST

static size_t close_to(const char *const *names, size_t n, const char *name,
		       const char **out, size_t max)
{
	static struct strlist l;

	strlist_free(&l);
	for (size_t i = 0; i < n; i++)
		strlist_add(&l, names[i]);
	return envlist_close(&l, name, out, max);
}

START_TEST(close_names)
{
	static const char *const names[] = {
		"alpha", "alps", "beta", "myenv", "myenv2", "other", "tools",
	};
	const char *out[5];
	size_t n = sizeof(names) / sizeof(names[0]);

	/* a swap of neighbours is one edit */
	ck_assert_uint_eq(close_to(names, n, "alhpa", out, 5), 1);
	ck_assert_str_eq(out[0], "alpha");
	/* case is ignored; the closest comes first */
	ck_assert_uint_eq(close_to(names, n, "MYENV", out, 5), 2);
	ck_assert_str_eq(out[0], "myenv");
	ck_assert_str_eq(out[1], "myenv2");
	/* a prefix matches, after typos, in byte order */
	ck_assert_uint_eq(close_to(names, n, "al", out, 5), 2);
	ck_assert_str_eq(out[0], "alpha");
	ck_assert_str_eq(out[1], "alps");
	ck_assert_uint_eq(close_to(names, n, "nothing-like-it", out, 5), 0);
	/* max is kept */
	ck_assert_uint_eq(close_to(names, n, "myenv", out, 1), 1);
	ck_assert_str_eq(out[0], "myenv");
	ck_assert_uint_eq(close_to(names, 0, "x", out, 5), 0);
}
END_TEST

Suite *envlist_suite(void)
{
	Suite *s = suite_create("envlist");
	TCase *t = tcase_create("read");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, list_sorted_in_byte_order);
	tcase_add_test(t, list_prefix);
	tcase_add_test(t, list_missing_home);
	suite_add_tcase(s, t);
	t = tcase_create("names");
	tcase_add_test(t, close_names);
	suite_add_tcase(s, t);
	return s;
}
