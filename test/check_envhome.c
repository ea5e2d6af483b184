/* check_envhome: [envs] home, then $WORKON_HOME, then ~/.virtualenvs;
 * the rule that tells a name from a path, and resolving either. */
#include <stdlib.h>

#include "envhome.h"
#include "helpers.h"
#include "suites.h"

/* The env home for a config file holding text (NULL: no file). */
static char *home_for(const char *text, const char *name)
{
	struct config cfg;
	struct strbuf sb = STRBUF_INIT;
	char *s;

	if (text)
		twrite("c.ini", text);
	config_load_file(&cfg, text ? tpath("c.ini") : NULL);
	if (name)
		envhome_path(&cfg, name, &sb);
	else
		envhome_dir(&cfg, &sb);
	config_free(&cfg);
	s = unroot(sb.buf);
	strbuf_release(&sb);
	return s;
}

#define CHECK_HOME(text, name, want) do { \
		char *got_ = home_for(text, name); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

START_TEST(default_home)
{
	CHECK_HOME(NULL, NULL, "@/home/.virtualenvs");
	CHECK_HOME(NULL, "proj", "@/home/.virtualenvs/proj");
	setenv("WORKON_HOME", "", 1);
	CHECK_HOME(NULL, NULL, "@/home/.virtualenvs");
}
END_TEST

START_TEST(workon_home)
{
	setenv("WORKON_HOME", "/w", 1);
	CHECK_HOME(NULL, NULL, "/w");
	CHECK_HOME(NULL, "proj", "/w/proj");
	setenv("WORKON_HOME", "~/w", 1);
	CHECK_HOME(NULL, NULL, "@/home/w");
}
END_TEST

START_TEST(config_beats_workon_home)
{
	setenv("WORKON_HOME", "/w", 1);
	CHECK_HOME("[envs]\nhome = /cfg/envs\n", "x", "/cfg/envs/x");
	CHECK_HOME("[envs]\nhome = ~/envs\n", NULL, "@/home/envs");
	/* an empty home is no home: back to $WORKON_HOME */
	CHECK_HOME("[envs]\nhome =\n", NULL, "/w");
}
END_TEST

/* A relative home would make VIRTUAL_ENV depend on $PWD: reported, and
 * the default used. */
START_TEST(relative_home_refused)
{
	char *err;

	setenv("WORKON_HOME", "envs", 1);
	stderr_begin();
	CHECK_HOME(NULL, "x", "@/home/.virtualenvs/x");
	err = stderr_end();
	ck_assert_str_eq(err, "vswitch: env home 'envs' ($WORKON_HOME) is not an absolute path; using ~/.virtualenvs\n");
	free(err);
	stderr_begin();
	CHECK_HOME("[envs]\nhome = rel/dir\n", NULL, "@/home/.virtualenvs");
	err = stderr_end();
	ck_assert_str_eq(err, "vswitch: env home 'rel/dir' ([envs] home) is not an absolute path; using ~/.virtualenvs\n");
	free(err);
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

Suite *envhome_suite(void)
{
	Suite *s = suite_create("envhome");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, default_home);
	tcase_add_test(tc, workon_home);
	tcase_add_test(tc, config_beats_workon_home);
	tcase_add_test(tc, relative_home_refused);
	tcase_add_test(tc, name_or_path);
	tcase_add_test(tc, resolve);
	suite_add_tcase(s, tc);
	return s;
}
