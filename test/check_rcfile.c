/* check_rcfile: a .venvrc's env is a path when it holds '/' or starts
 * with '.' or '~' (relative to the rc file's folder), else a name in the
 * env home; an empty env opts out. */
#include <stdlib.h>

#include "helpers.h"
#include "rcfile.h"
#include "suites.h"

static struct config cfg;

static void cfg_setup(void)
{
	setenv("WORKON_HOME", tpath("envs"), 1);
	config_load_file(&cfg, NULL);
}

static void cfg_teardown(void)
{
	config_free(&cfg);
}

/* Write text to p/.venvrc and read it as if found in dir (NULL: the
 * folder p under the root); returns stderr with the root as "@". */
static char *read_rc(struct rcfile *rc, const char *text, const char *dir, int *r)
{
	char *raw, *err;

	twrite("p/.venvrc", text);
	stderr_begin();
	*r = rcfile_read(rc, &cfg, dir ? dir : tpath("p"), tpath("p/.venvrc"));
	raw = stderr_end();
	err = unroot(raw);
	free(raw);
	return err;
}

/* Check that text's env resolves to want (root as "@") as a path or not. */
static void check_env(const char *text, const char *dir, const char *want,
		      int is_path)
{
	struct rcfile rc;
	char *err, *env;
	int r;

	err = read_rc(&rc, text, dir, &r);
	ck_assert_int_eq(r, 0);
	ck_assert_str_eq(err, "");
	ck_assert_msg(rc.has_env, "no env in '%s'", text);
	ck_assert_int_eq(rc.env_is_path, is_path);
	env = unroot(rc.env.buf);
	ck_assert_str_eq(env, want);
	free(env);
	free(err);
	rcfile_free(&rc);
}

START_TEST(names_in_env_home)
{
	check_env("env = myproject\n", NULL, "@/envs/myproject", 0);
	check_env("env = my-project ; a comment\n", NULL, "@/envs/my-project", 0);
	check_env("env=x~\n", NULL, "@/envs/x~", 0);
}
END_TEST

START_TEST(paths_relative_to_rc_dir)
{
	check_env("env = ./venv\n", NULL, "@/p/venv", 1);
	check_env("env = .venv\n", NULL, "@/p/.venv", 1);
	check_env("env = sub/env\n", NULL, "@/p/sub/env", 1);
	check_env("env = ../other/venv\n", NULL, "@/p/../other/venv", 1);
	check_env("env = venv/\n", NULL, "@/p/venv", 1);
	check_env("env = ./venv/.\n", NULL, "@/p/venv", 1);
	check_env("env = .\n", NULL, "@/p", 1);
	check_env("env = ./\n", NULL, "@/p", 1);
	check_env("env = ./venv\n", "/", "/venv", 1);
}
END_TEST

START_TEST(absolute_and_tilde)
{
	check_env("env = /opt/envs/x/\n", NULL, "/opt/envs/x", 1);
	check_env("env = ~/envs/x\n", NULL, "@/home/envs/x", 1);
	check_env("env = ~\n", NULL, "@/home", 1);
	check_env("env = ~x\n", NULL, "@/p/~x", 1);
}
END_TEST

START_TEST(empty_env_opts_out)
{
	static const char *const texts[] = {
		"", "env =\n", "; nothing\n", "prompt = p\n", "env = x\nenv =\n",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct rcfile rc;
		char *err;
		int r;

		err = read_rc(&rc, texts[i], NULL, &r);
		ck_assert_int_eq(r, 0);
		ck_assert_str_eq(err, "");
		ck_assert_msg(!rc.has_env, "env in '%s'", texts[i]);
		ck_assert_str_eq(rc.env.buf, "");
		free(err);
		rcfile_free(&rc);
	}
}
END_TEST

START_TEST(prompt)
{
	struct rcfile rc;
	char *err;
	int r;

	err = read_rc(&rc, "env = x\nprompt = my project\n", NULL, &r);
	ck_assert_int_eq(rc.has_prompt, 1);
	ck_assert_str_eq(rc.prompt.buf, "my project");
	ck_assert_str_eq(rc.raw.buf, "x");
	free(err);
	rcfile_free(&rc);
	err = read_rc(&rc, "env = x\n", NULL, &r);
	ck_assert_int_eq(rc.has_prompt, 0);
	free(err);
	rcfile_free(&rc);
	/* an empty prompt falls through to the next label rule */
	err = read_rc(&rc, "env = x\nprompt =\n", NULL, &r);
	ck_assert_int_eq(rc.has_prompt, 0);
	free(err);
	rcfile_free(&rc);
}
END_TEST

START_TEST(problems_reported)
{
	struct rcfile rc;
	char *err;
	int r;

	err = read_rc(&rc, "env = x\nenvv = y\n[sec]\nprompt = z\njunk\n", NULL, &r);
	ck_assert_int_eq(r, 0);
	ck_assert_str_eq(err,
		"vswitch: @/p/.venvrc:2: unknown key (expected env or prompt)\n"
		"vswitch: @/p/.venvrc:4: keys belong at the top, before any [section]\n"
		"vswitch: @/p/.venvrc:5: syntax error (expected 'key = value' or '[section]')\n");
	ck_assert(rc.has_env);
	ck_assert(!rc.has_prompt);
	free(err);
	rcfile_free(&rc);
}
END_TEST

START_TEST(missing_and_unreadable)
{
	struct rcfile rc;
	char *raw, *err;

	ck_assert_int_eq(rcfile_read(&rc, &cfg, tpath("p"), tpath("p/.venvrc")), -1);
	rcfile_free(&rc);
	/* a .venvrc that is not a regular file is no .venvrc, silently */
	tmkdir("q/.venvrc");
	stderr_begin();
	ck_assert_int_eq(rcfile_read(&rc, &cfg, tpath("q"), tpath("q/.venvrc")), -1);
	raw = stderr_end();
	err = unroot(raw);
	ck_assert_str_eq(err, "");
	ck_assert(!rc.has_env);
	free(raw);
	free(err);
	rcfile_free(&rc);
}
END_TEST

Suite *rcfile_suite(void)
{
	Suite *s = suite_create("rcfile");
	TCase *tc = fixture_tcase("core");

	tcase_add_checked_fixture(tc, cfg_setup, cfg_teardown);
	tcase_add_test(tc, names_in_env_home);
	tcase_add_test(tc, paths_relative_to_rc_dir);
	tcase_add_test(tc, absolute_and_tilde);
	tcase_add_test(tc, empty_env_opts_out);
	tcase_add_test(tc, prompt);
	tcase_add_test(tc, problems_reported);
	tcase_add_test(tc, missing_and_unreadable);
	suite_add_tcase(s, tc);
	return s;
}
