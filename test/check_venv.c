/* check_venv: pyvenv.cfg values (Python repr quoting undone) and the
 * label rule. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "suites.h"
#include "venv.h"

/* The prompt of a venv whose pyvenv.cfg holds cfg; "<none>" if absent. */
static char *prompt_of(const char *cfg)
{
	struct strbuf sb = STRBUF_INIT;

	tvenv("v", cfg);
	if (!venv_cfg_get(tpath("v"), "prompt", &sb))
		strbuf_set(&sb, "<none>");
	return strbuf_detach(&sb);
}

#define CHECK_PROMPT(cfg, want) do { \
		char *got_ = prompt_of(cfg); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

START_TEST(unquoted)
{
	CHECK_PROMPT("home = /usr/bin\nprompt = my env\nversion = 3.12\n", "my env");
	CHECK_PROMPT("prompt=tight", "tight");
	CHECK_PROMPT("  prompt \t=  spaced out \t\r\n", "spaced out");
	CHECK_PROMPT("prompt = it's \"mine\"\n", "it's \"mine\"");
	CHECK_PROMPT("prompt = 'half\n", "'half");
	CHECK_PROMPT("prompt = '\n", "'");
}
END_TEST

/* What `python -m venv --prompt X` writes: prompt = repr(X). */
START_TEST(python_repr)
{
	CHECK_PROMPT("prompt = 'plain'\n", "plain");
	CHECK_PROMPT("prompt = \"it's\"\n", "it's");
	CHECK_PROMPT("prompt = 'it\\'s'\n", "it's");
	CHECK_PROMPT("prompt = 'a\"b\\'c'\n", "a\"b'c");
	CHECK_PROMPT("prompt = 'back\\\\slash'\n", "back\\slash");
	CHECK_PROMPT("prompt = 'tab\\there\\nnl\\rcr'\n", "tab\there\nnl\rcr");
	CHECK_PROMPT("prompt = '\\x1b[31m'\n", "\033[31m");
	CHECK_PROMPT("prompt = 'caf\xc3\xa9'\n", "caf\xc3\xa9");
	CHECK_PROMPT("prompt = ''\n", "");
	CHECK_PROMPT("prompt = 'keep\\q'\n", "keep\\q");
	CHECK_PROMPT("prompt = 'bad\\x4'\n", "bad\\x4");
	CHECK_PROMPT("prompt = 'end\\'\n", "end\\");
	CHECK_PROMPT("prompt = 'nul\\x00gone'\n", "nulgone");
}
END_TEST

/* repr() writes code points, not bytes: '\xad' is U+00AD, which the
 * label must hold as UTF-8, and '\u200b' and '\U0001f40d' likewise. */
START_TEST(python_repr_code_points)
{
	CHECK_PROMPT("prompt = 'soft\\xadhyphen'\n", "soft\xc2\xadhyphen");
	CHECK_PROMPT("prompt = '\\x85'\n", "\xc2\x85");
	CHECK_PROMPT("prompt = 'zw\\u200bsp'\n", "zw\xe2\x80\x8bsp");
	CHECK_PROMPT("prompt = '\\U0001f40d'\n", "\xf0\x9f\x90\x8d");
	CHECK_PROMPT("prompt = 'short\\u20'\n", "short\\u20");
}
END_TEST

START_TEST(keys)
{
	struct strbuf sb = STRBUF_INIT;

	tvenv("v", "prompt_x = no\nxprompt = no\nprompt\nhome = /usr/bin\n");
	ck_assert(!venv_cfg_get(tpath("v"), "prompt", &sb));
	ck_assert(venv_cfg_get(tpath("v"), "home", &sb));
	ck_assert_str_eq(sb.buf, "/usr/bin");
	ck_assert(!venv_cfg_get(tpath("nothere"), "home", &sb));
	strbuf_release(&sb);
	CHECK_PROMPT("prompt = first\nprompt = second\n", "first");
}
END_TEST

/* The label of root/env with the .venvrc prompt rc (may be NULL). */
static char *label_of(const char *env, const char *rc, const char *names)
{
	struct config cfg;
	struct strbuf sb = STRBUF_INIT;

	if (names) {
		twrite("c.ini", names);
		config_load_file(&cfg, tpath("c.ini"));
	} else {
		config_load_file(&cfg, NULL);
	}
	venv_label(&cfg, env[0] == '/' ? env : tpath(env), rc, &sb);
	config_free(&cfg);
	return strbuf_detach(&sb);
}

#define CHECK_LABEL(env, rc, names, want) do { \
		char *got_ = label_of(env, rc, names); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

START_TEST(label_rule)
{
	tvenv("proj/venv", "home = /usr/bin\n");
	tvenv("other/.venv", "");
	tvenv("envs/named", "");
	tvenv("pp/venv", "prompt = 'from cfg'\n");
	tvenv("empty/venv", "prompt = ''\n");
	CHECK_LABEL("proj/venv", NULL, NULL, "proj");
	CHECK_LABEL("proj/venv/", NULL, NULL, "proj");
	CHECK_LABEL("other/.venv", NULL, NULL, "other");
	CHECK_LABEL("envs/named", NULL, NULL, "named");
	CHECK_LABEL("pp/venv", NULL, NULL, "from cfg");
	CHECK_LABEL("pp/venv", "from rc", NULL, "from rc");
	CHECK_LABEL("empty/venv", NULL, NULL, "empty");
	CHECK_LABEL("/venv", NULL, NULL, "venv");
	CHECK_LABEL("/nothere/venv", NULL, NULL, "nothere");
	CHECK_LABEL("envs/named", NULL, "[search]\nnames = named\n", "envs");
	CHECK_LABEL("proj/venv", NULL, "[search]\nnames = env\n", "venv");
}
END_TEST

START_TEST(python_version)
{
	struct strbuf v = STRBUF_INIT;

	tvenv("beta", "version = 3.11.2\n");
	tvenv("alpha", "version_info = 3.12.1.final.0\n");
	tvenv("Zed", "home = /usr/bin\n");
	ck_assert(venv_python_version(tpath("beta"), &v));
	ck_assert_str_eq(v.buf, "3.11.2");
	strbuf_setlen(&v, 0);
	ck_assert(venv_python_version(tpath("alpha"), &v));
	ck_assert_str_eq(v.buf, "3.12.1");
	strbuf_setlen(&v, 0);
	ck_assert(!venv_python_version(tpath("Zed"), &v));
	ck_assert_uint_eq(v.len, 0);
	strbuf_release(&v);
}
END_TEST

/* A venv whose python is a link to an interpreter that is gone, or
 * whose pyvenv.cfg home is gone, is broken; the reason says the fix. */
START_TEST(broken)
{
	struct strbuf why = STRBUF_INIT;

	tvenv("ok", "home = /usr/bin\n");
	tmkdir("ok/bin");
	ck_assert_int_eq(symlink("/bin/sh", tpath("ok/bin/python")), 0);
	ck_assert(!venv_broken(tpath("ok"), &why));
	tvenv("gone", "home = /usr/bin\n");
	tmkdir("gone/bin");
	ck_assert_int_eq(symlink("/nonexistent/python3.9", tpath("gone/bin/python")), 0);
	ck_assert(venv_broken(tpath("gone"), &why));
	ck_assert_ptr_nonnull(strstr(why.buf, "'/nonexistent/python3.9', which is gone"));
	ck_assert_ptr_nonnull(strstr(why.buf, "python3 -m venv --upgrade"));
	strbuf_setlen(&why, 0);
	tvenv("nohome", "home = /nonexistent/bin\n");
	ck_assert(venv_broken(tpath("nohome"), &why));
	ck_assert_ptr_nonnull(strstr(why.buf, "'/nonexistent/bin'"));
	strbuf_release(&why);
}
END_TEST

Suite *venv_suite(void)
{
	Suite *s = suite_create("venv");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, unquoted);
	tcase_add_test(tc, python_repr);
	tcase_add_test(tc, python_repr_code_points);
	tcase_add_test(tc, keys);
	tcase_add_test(tc, label_rule);
	tcase_add_test(tc, python_version);
	tcase_add_test(tc, broken);
	suite_add_tcase(s, tc);
	return s;
}
