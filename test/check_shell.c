/* check_shell: each shell's rendering and quoting, byte for byte. */
#include <stdlib.h>
#include <string.h>

#include "shell.h"
#include "suites.h"

/* sh's quoting of s. */
static char *quoted(const struct shell *sh, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	sh->quote(&sb, s);
	return strbuf_detach(&sb);
}

#define CHECK_QUOTE(sh, s, want) do { \
		char *got_ = quoted(sh, s); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

START_TEST(posix_quoting)
{
	const struct shell *const shells[] = { &shell_bash, &shell_zsh };

	for (size_t i = 0; i < 2; i++) {
		const struct shell *sh = shells[i];

		CHECK_QUOTE(sh, "", "''");
		CHECK_QUOTE(sh, "plain", "'plain'");
		CHECK_QUOTE(sh, "it's", "'it'\\''s'");
		CHECK_QUOTE(sh, "''", "''\\'''\\'''");
		CHECK_QUOTE(sh, "$(rm -rf ~) `id` $HOME !! \\w %n",
			    "'$(rm -rf ~) `id` $HOME !! \\w %n'");
		CHECK_QUOTE(sh, "a\nb\tc", "'a\nb\tc'");
		CHECK_QUOTE(sh, "\xff\xc3(\x80", "'\xff\xc3(\x80'");
		CHECK_QUOTE(sh, "-n", "'-n'");
	}
}
END_TEST

START_TEST(fish_quoting)
{
	const struct shell *sh = &shell_fish;

	CHECK_QUOTE(sh, "", "''");
	CHECK_QUOTE(sh, "plain words", "'plain words'");
	CHECK_QUOTE(sh, "it's", "'it\\'s'");
	CHECK_QUOTE(sh, "back\\slash", "'back\\\\slash'");
	CHECK_QUOTE(sh, "\\'", "'\\\\\\''");
	CHECK_QUOTE(sh, "$x (cmd) \"q\" *?{a,b} ~", "'$x (cmd) \"q\" *?{a,b} ~'");
	CHECK_QUOTE(sh, "a\nb", "'a'\\x0a'b'");
	CHECK_QUOTE(sh, "\t", "\\x09");
	CHECK_QUOTE(sh, "\x1b[0m\x7f", "\\x1b'[0m'\\x7f");
	CHECK_QUOTE(sh, "caf\xc3\xa9", "'caf'\\Xc3\\Xa9");
	CHECK_QUOTE(sh, "\xff", "\\Xff");
	CHECK_QUOTE(sh, "\x80z\x01", "\\X80'z'\\x01");
}
END_TEST

/* The code sh renders for a list with one change of each kind. */
static char *render_all(const struct shell *sh)
{
	struct changes ch = CHANGES_INIT;
	struct strbuf sb = STRBUF_INIT;

	changes_add(&ch, CH_PROMPT_CLEAR, NULL, NULL);
	changes_add(&ch, CH_SET, "VIRTUAL_ENV", "/p/it's venv");
	changes_add(&ch, CH_UNSET, "PYTHONHOME", NULL);
	changes_add(&ch, CH_SET, "PATH", "/p/venv/bin::/usr/bin");
	changes_add(&ch, CH_PROMPT, NULL, "it's");
	changes_add(&ch, CH_REHASH, NULL, NULL);
	shell_render(sh, &ch, &sb);
	changes_free(&ch);
	return strbuf_detach(&sb);
}

START_TEST(render_bash_zsh)
{
	char *b = render_all(&shell_bash), *z = render_all(&shell_zsh);

	ck_assert_str_eq(b, "_vswitch_prompt_clear\n"
			    "export VIRTUAL_ENV='/p/it'\\''s venv'\n"
			    "unset PYTHONHOME\n"
			    "export PATH='/p/venv/bin::/usr/bin'\n"
			    "_vswitch_prompt_set 'it'\\''s'\n"
			    "hash -r\n");
	ck_assert_str_eq(z, "_vswitch_prompt_clear\n"
			    "export VIRTUAL_ENV='/p/it'\\''s venv'\n"
			    "unset PYTHONHOME\n"
			    "export PATH='/p/venv/bin::/usr/bin'\n"
			    "_vswitch_prompt_set 'it'\\''s'\n"
			    "rehash\n");
	free(b);
	free(z);
}
END_TEST

START_TEST(render_fish)
{
	char *f = render_all(&shell_fish);

	ck_assert_str_eq(f, "__vswitch_prompt_clear\n"
			    "set -gx VIRTUAL_ENV '/p/it\\'s venv'\n"
			    "set -e -g PYTHONHOME\n"
			    "set -gx PATH '/p/venv/bin' '' '/usr/bin'\n"
			    "__vswitch_prompt_set 'it\\'s'\n");
	free(f);
}
END_TEST

/* fish's PATH is a list: one word per entry, empty ones kept. */
START_TEST(fish_path_list)
{
	static const char *const cases[][2] = {
		{ "/a:/b", "set -gx PATH '/a' '/b'\n" },
		{ "/a", "set -gx PATH '/a'\n" },
		{ "", "set -gx PATH\n" },
		{ ":", "set -gx PATH '' ''\n" },
		{ ":/a:", "set -gx PATH '' '/a' ''\n" },
		{ "/it's:/\xe2\x82\xac", "set -gx PATH '/it\\'s' '/'\\Xe2\\X82\\Xac\n" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		shell_fish.set(&sb, "PATH", cases[i][0]);
		ck_assert_str_eq(sb.buf, cases[i][1]);
		strbuf_setlen(&sb, 0);
		/* any other variable keeps its colons */
		shell_fish.set(&sb, "OTHER", cases[i][0]);
		ck_assert(!strncmp(sb.buf, "set -gx OTHER ", 14));
		ck_assert_int_eq(strchr(sb.buf, '\n') - sb.buf, (long)sb.len - 1);
		strbuf_release(&sb);
	}
}
END_TEST

START_TEST(table)
{
	ck_assert_ptr_eq(shell_find("bash"), &shell_bash);
	ck_assert_ptr_eq(shell_find("zsh"), &shell_zsh);
	ck_assert_ptr_eq(shell_find("fish"), &shell_fish);
	ck_assert_ptr_null(shell_find("tcsh"));
	ck_assert_ptr_null(shell_find(""));
	ck_assert_ptr_null(shell_find("Bash"));
	ck_assert_str_eq(shell_names(), "bash, zsh, fish");
}
END_TEST

/* The hook is one line naming the binary, then the embedded text. */
static void check_hook(const struct shell *sh, const char *first,
		       const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(first);

	sh->hook(&sb, "/opt/it's/vswitch");
	ck_assert_uint_eq(sb.len, n + strlen(text));
	ck_assert(!strncmp(sb.buf, first, n));
	ck_assert_str_eq(sb.buf + n, text);
	ck_assert_uint_gt(strlen(text), 100);
	strbuf_release(&sb);
}

START_TEST(hooks)
{
	check_hook(&shell_bash, "_vswitch_bin='/opt/it'\\''s/vswitch'\n", hook_text_bash);
	check_hook(&shell_zsh, "_vswitch_bin='/opt/it'\\''s/vswitch'\n", hook_text_zsh);
	check_hook(&shell_fish, "set -g __vswitch_bin '/opt/it\\'s/vswitch'\n",
		   hook_text_fish);
}
END_TEST

Suite *shell_suite(void)
{
	Suite *s = suite_create("shell");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, posix_quoting);
	tcase_add_test(tc, fish_quoting);
	tcase_add_test(tc, render_bash_zsh);
	tcase_add_test(tc, render_fish);
	tcase_add_test(tc, fish_path_list);
	tcase_add_test(tc, table);
	tcase_add_test(tc, hooks);
	suite_add_tcase(s, tc);
	return s;
}
