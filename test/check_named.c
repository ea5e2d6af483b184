/* check_named: the env home listing, close-name matching, the
 * name-or-path rule and the Python version of an env (issue 3). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "envhome.h"
#include "venv.h"

Suite *named_suite(void);

static char home[] = "/tmp/check-named.XXXXXX";

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

	strcpy(home, "/tmp/check-named.XXXXXX");
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
	struct envlist l = ENVLIST_INIT;

	ck_assert_int_eq(envhome_list(home, "", &l), 0);
	ck_assert_uint_eq(l.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < l.n; i++)
		ck_assert_str_eq(l.names[i], want[i]);
	ck_assert(envlist_has(&l, "sp ace"));
	ck_assert(!envlist_has(&l, "notenv"));
	ck_assert(!envlist_has(&l, ".hidden"));
	envlist_free(&l);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(list_prefix)
{
	struct envlist l = ENVLIST_INIT;

	ck_assert_int_eq(envhome_list(home, "a", &l), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.names[0], "alpha");
	envlist_free(&l);
	ck_assert_int_eq(envhome_list(home, "zz", &l), 0);
	ck_assert_uint_eq(l.n, 0);
	envlist_free(&l);
}
END_TEST

START_TEST(list_missing_home)
{
	struct envlist l = ENVLIST_INIT;

	ck_assert_int_eq(envhome_list("/nonexistent/envs", "", &l), -1);
	ck_assert_uint_eq(l.n, 0);
	envlist_free(&l);
}
END_TEST

static size_t close_to(const char *const *names, size_t n, const char *name,
		       const char **out, size_t max)
{
	static struct envlist l;

	envlist_free(&l);
	l.names = calloc(n, sizeof(char *));
	for (size_t i = 0; i < n; i++)
		l.names[i] = strdup(names[i]);
	l.n = l.alloc = n;
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

START_TEST(name_or_path)
{
	ck_assert(!envhome_is_path("myenv"));
	ck_assert(!envhome_is_path("\"';&&$e|'\""));
	ck_assert(envhome_is_path("./venv"));
	ck_assert(envhome_is_path(".venv"));
	ck_assert(envhome_is_path("~/envs/x"));
	ck_assert(envhome_is_path("a/b"));
	ck_assert(envhome_is_path("/abs"));
}
END_TEST

START_TEST(resolve)
{
	struct config cfg;
	struct strbuf sb = STRBUF_INIT;

	setenv("HOME", "/home/me", 1);
	setenv("WORKON_HOME", "/envs", 1);
	config_load_file(&cfg, NULL);
	ck_assert_int_eq(envhome_resolve(&cfg, "myenv", "/p", &sb), 0);
	ck_assert_str_eq(sb.buf, "/envs/myenv");
	strbuf_setlen(&sb, 0);
	ck_assert_int_eq(envhome_resolve(&cfg, "./venv/", "/p", &sb), 1);
	ck_assert_str_eq(sb.buf, "/p/venv");
	strbuf_setlen(&sb, 0);
	envhome_resolve(&cfg, "venv/.", "/", &sb);
	ck_assert_str_eq(sb.buf, "/venv");
	strbuf_setlen(&sb, 0);
	envhome_resolve(&cfg, "~/e", "/p", &sb);
	ck_assert_str_eq(sb.buf, "/home/me/e");
	strbuf_setlen(&sb, 0);
	envhome_resolve(&cfg, "~x", "/p", &sb);
	ck_assert_str_eq(sb.buf, "/p/~x");
	strbuf_release(&sb);
	config_free(&cfg);
	unsetenv("WORKON_HOME");
}
END_TEST

START_TEST(python_version)
{
	struct strbuf env = STRBUF_INIT, v = STRBUF_INIT;

	strbuf_addf(&env, "%s/beta", home);
	ck_assert(venv_python_version(env.buf, &v));
	ck_assert_str_eq(v.buf, "3.11.2");
	strbuf_setlen(&v, 0);
	strbuf_set(&env, home);
	strbuf_addstr(&env, "/alpha");
	ck_assert(venv_python_version(env.buf, &v));
	ck_assert_str_eq(v.buf, "3.12.1");
	strbuf_setlen(&v, 0);
	strbuf_set(&env, home);
	strbuf_addstr(&env, "/Zed");
	ck_assert(!venv_python_version(env.buf, &v));
	ck_assert_uint_eq(v.len, 0);
	strbuf_release(&env);
	strbuf_release(&v);
}
END_TEST

Suite *named_suite(void)
{
	Suite *s = suite_create("named");
	TCase *t = tcase_create("envhome");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, list_sorted_in_byte_order);
	tcase_add_test(t, list_prefix);
	tcase_add_test(t, list_missing_home);
	tcase_add_test(t, python_version);
	suite_add_tcase(s, t);
	t = tcase_create("names");
	tcase_add_test(t, close_names);
	tcase_add_test(t, name_or_path);
	tcase_add_test(t, resolve);
	suite_add_tcase(s, t);
	return s;
}
