/* check_shell: each shell's rendering and quoting, byte for byte. */
#include <stdlib.h>
#include <string.h>

#include "shell.h"
#include "suites.h"

extern const char hook_text_posix[], hook_text_korn[];

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
	const struct shell *const shells[] = {
		&shell_bash, &shell_zsh, &shell_ksh, &shell_mksh,
	};

	for (size_t i = 0; i < sizeof(shells) / sizeof(shells[0]); i++) {
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
		CHECK_QUOTE(sh, "${x} ${|f;} ${ f;} \\'", "'${x} ${|f;} ${ f;} \\'\\'''");
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

/* tcsh: ' ! \ outside the quotes behind a backslash, a newline as
 * $_vswitch_nl:q, every other byte inside single quotes. */
START_TEST(tcsh_quoting)
{
	const struct shell *sh = &shell_tcsh;

	CHECK_QUOTE(sh, "", "''");
	CHECK_QUOTE(sh, "plain words", "'plain words'");
	CHECK_QUOTE(sh, "it's", "'it'\\''s'");
	CHECK_QUOTE(sh, "'", "\\'");
	CHECK_QUOTE(sh, "!!", "\\!\\!");
	CHECK_QUOTE(sh, "a!b", "'a'\\!'b'");
	CHECK_QUOTE(sh, "back\\slash\\", "'back'\\\\'slash'\\\\");
	CHECK_QUOTE(sh, "a\nb", "'a'$_vswitch_nl:q'b'");
	CHECK_QUOTE(sh, "\n\n", "$_vswitch_nl:q$_vswitch_nl:q");
	/* what tcsh reads inside double quotes or bare stays quoted */
	CHECK_QUOTE(sh, "$HOME `id` $(id) \"q\" %n ~ * ? [a] {b,c} ; & | < > # ^",
		    "'$HOME `id` $(id) \"q\" %n ~ * ? [a] {b,c} ; & | < > # ^'");
	CHECK_QUOTE(sh, "\t\r\x1b\xff\xc3(\x80", "'\t\r\x1b\xff\xc3(\x80'");
	CHECK_QUOTE(sh, "-n", "'-n'");
	/* a history event, a quote closed early, an escaped newline */
	CHECK_QUOTE(sh, "!-1 '; touch x; ' \\\n",
		    "\\!'-1 '\\''; touch x; '\\'' '\\\\$_vswitch_nl:q");
}
END_TEST

/* No quoted word holds a newline, a ! or a backslash inside its quotes,
 * whatever the bytes. */
START_TEST(tcsh_quoting_every_byte)
{
	char s[3] = "x";

	for (int c = 1; c < 256; c++) {
		struct strbuf sb = STRBUF_INIT;
		int open = 0;

		s[0] = (char)c;
		s[1] = (char)(c ^ 0x55 ? c ^ 0x55 : 1);
		shell_tcsh.quote(&sb, s);
		for (size_t i = 0; i < sb.len; i++) {
			if (sb.buf[i] == '\\' && !open) {
				i++;
				continue;
			}
			if (sb.buf[i] == '\'')
				open = !open;
			else if (open)
				ck_assert(sb.buf[i] != '\n' && sb.buf[i] != '!' &&
					  sb.buf[i] != '\\');
			else
				ck_assert(sb.buf[i] == '$' || strchr("_vswitchnl:q", sb.buf[i]));
		}
		ck_assert(!open);
		strbuf_release(&sb);
	}
}
END_TEST

/* elvish: printable ASCII but " and \ as is, every other byte \xHH
 * (raw bytes: what is not UTF-8 stays so); $, ` and ' mean nothing
 * inside elvish's double quotes. */
START_TEST(elvish_quoting)
{
	const struct shell *sh = &shell_elvish;

	CHECK_QUOTE(sh, "", "\"\"");
	CHECK_QUOTE(sh, "plain words", "\"plain words\"");
	CHECK_QUOTE(sh, "it's $x (cmd) `id` {a,b} ~ *", "\"it's $x (cmd) `id` {a,b} ~ *\"");
	CHECK_QUOTE(sh, "\"q\"", "\"\\x22q\\x22\"");
	CHECK_QUOTE(sh, "back\\slash", "\"back\\x5cslash\"");
	CHECK_QUOTE(sh, "a\nb\tc", "\"a\\x0ab\\x09c\"");
	CHECK_QUOTE(sh, "\x1b[0m\x7f", "\"\\x1b[0m\\x7f\"");
	CHECK_QUOTE(sh, "caf\xc3\xa9\xff", "\"caf\\xc3\\xa9\\xff\"");
	CHECK_QUOTE(sh, "-n", "\"-n\"");
}
END_TEST

/* xonsh: a Python expression for the str of those bytes; in the bytes
 * literal, printable ASCII but ' and \ as is, every other byte \xHH. */
START_TEST(xonsh_quoting)
{
	const struct shell *sh = &shell_xonsh;

	CHECK_QUOTE(sh, "", "__import__('os').fsdecode(b'')");
	CHECK_QUOTE(sh, "it's \"q\" $x {a}", "__import__('os').fsdecode(b'it\\x27s \"q\" $x {a}')");
	CHECK_QUOTE(sh, "back\\slash\n", "__import__('os').fsdecode(b'back\\x5cslash\\x0a')");
	CHECK_QUOTE(sh, "caf\xc3\xa9\xff", "__import__('os').fsdecode(b'caf\\xc3\\xa9\\xff')");
}
END_TEST

/* nu: "..." with \u{H} for each control character, DEL, " and \;
 * UTF-8 characters as they are; a byte that is not UTF-8 (which nu
 * cannot hold: such a value is refused first) as U+FFFD. */
START_TEST(nu_quoting)
{
	const struct shell *sh = &shell_nu;

	CHECK_QUOTE(sh, "", "\"\"");
	CHECK_QUOTE(sh, "it's $x (cmd) `id` {a} ~ *", "\"it's $x (cmd) `id` {a} ~ *\"");
	CHECK_QUOTE(sh, "\"q\" back\\slash", "\"\\u{22}q\\u{22} back\\u{5c}slash\"");
	CHECK_QUOTE(sh, "a\nb\x1b\x7f", "\"a\\u{a}b\\u{1b}\\u{7f}\"");
	CHECK_QUOTE(sh, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d", "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d\"");
	CHECK_QUOTE(sh, "x\xffy\xc3", "\"x\\u{fffd}y\\u{fffd}\"");
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
	changes_add_path(&ch, "PATH", "/p/venv/bin::/usr/bin", "/p/venv/bin", NULL);
	changes_add(&ch, CH_PROMPT, NULL, "it's");
	sh->render(&ch, &sb);
	changes_free(&ch);
	return strbuf_detach(&sb);
}

START_TEST(render_bash_zsh)
{
	char *b = render_all(&shell_bash), *z = render_all(&shell_zsh);

	/* bash and zsh forget remembered commands on any PATH assignment:
	 * no rehash */
	ck_assert_str_eq(b, "_vswitch_leave\n"
			    "builtin export VIRTUAL_ENV='/p/it'\\''s venv'\n"
			    "builtin unset PYTHONHOME\n"
			    "builtin export PATH='/p/venv/bin::/usr/bin'\n"
			    "_vswitch_enter 'it'\\''s'\n");
	ck_assert_str_eq(z, b);
	free(b);
	free(z);
}
END_TEST

/* ksh93 and mksh: special builtins behind a backslash, no rehash. */
START_TEST(render_ksh_mksh)
{
	char *k = render_all(&shell_ksh), *m = render_all(&shell_mksh);

	ck_assert_str_eq(k, "_vswitch_leave\n"
			    "\\export VIRTUAL_ENV='/p/it'\\''s venv'\n"
			    "\\unset PYTHONHOME\n"
			    "\\export PATH='/p/venv/bin::/usr/bin'\n"
			    "_vswitch_enter 'it'\\''s'\n");
	ck_assert_str_eq(m, k);
	free(k);
	free(m);
	/* an empty list empties the array */
	{
		struct changes ch = CHANGES_INIT;
		struct strlist none = STRLIST_INIT;
		struct strbuf sb = STRBUF_INIT;

		changes_add_list(&ch, "names", &none);
		shell_ksh.render(&ch, &sb);
		ck_assert_str_eq(sb.buf, "\\set -A _vswitch_names --\n");
		changes_free(&ch);
		strbuf_release(&sb);
	}
}
END_TEST

START_TEST(render_fish)
{
	char *f = render_all(&shell_fish);

	ck_assert_str_eq(f, "__vswitch_leave\n"
			    "set -gx VIRTUAL_ENV '/p/it\\'s venv'\n"
			    "set -e -g PYTHONHOME\n"
			    "set -gx PATH '/p/venv/bin' '' '/usr/bin'\n"
			    "__vswitch_enter 'it\\'s'\n");
	free(f);
}
END_TEST

static char *render_one(const struct shell *sh, enum change_kind kind,
			const char *name, const char *value);

/* tcsh: setenv and unsetenv, PATH set whole (set path would turn an
 * empty entry into '.'), the label in a variable, ';' after each
 * command as the hook's eval joins the lines. */
START_TEST(render_tcsh)
{
	char *t = render_all(&shell_tcsh);

	ck_assert_str_eq(t, "_vswitch_leave;\n"
			    "setenv VIRTUAL_ENV '/p/it'\\''s venv';\n"
			    "unsetenv PYTHONHOME;\n"
			    "setenv PATH '/p/venv/bin::/usr/bin';\n"
			    "set _vswitch_label = 'it'\\''s'; _vswitch_enter;\n");
	free(t);
	/* a label the prompt shows as nothing */
	t = render_one(&shell_tcsh, CH_PROMPT, NULL, "");
	ck_assert_str_eq(t, "set _vswitch_label = ''; _vswitch_enter;\n");
	free(t);
	t = render_one(&shell_tcsh, CH_SET, "VIRTUAL_ENV", "/a!\nb");
	ck_assert_str_eq(t, "setenv VIRTUAL_ENV '/a'\\!$_vswitch_nl:q'b';\n");
	free(t);
}
END_TEST

/* elvish: one command a line, each of those the hook's namespace
 * holds; PATH is a string like any variable, and no rehash. */
START_TEST(render_elvish)
{
	char *e = render_all(&shell_elvish);

	ck_assert_str_eq(e, "prompt-clear\n"
			    "set-env VIRTUAL_ENV \"/p/it's venv\"\n"
			    "unset-env PYTHONHOME\n"
			    "set-env PATH \"/p/venv/bin::/usr/bin\"\n"
			    "prompt-set \"it's\"\n");
	free(e);
}
END_TEST

/* xonsh: data, a Python literal a line, values as bytes. */
START_TEST(render_xonsh)
{
	char *x = render_all(&shell_xonsh);

	ck_assert_str_eq(x, "('prompt-clear',)\n"
			    "('set', 'VIRTUAL_ENV', b'/p/it\\x27s venv')\n"
			    "('unset', 'PYTHONHOME')\n"
			    "('set', 'PATH', b'/p/venv/bin::/usr/bin')\n"
			    "('prompt', b'it\\x27s')\n");
	free(x);
}
END_TEST

/* nu: JSON Lines; PATH a list, split at each ':' (an empty entry
 * kept); control characters, " and \ as \u00HH or \" \\. */
START_TEST(render_nu)
{
	char *n = render_all(&shell_nu);

	ck_assert_str_eq(n, "{\"op\":\"prompt-clear\"}\n"
			    "{\"op\":\"set\",\"name\":\"VIRTUAL_ENV\",\"value\":\"/p/it's venv\"}\n"
			    "{\"op\":\"unset\",\"name\":\"PYTHONHOME\"}\n"
			    "{\"op\":\"set\",\"name\":\"PATH\",\"value\":[\"/p/venv/bin\",\"\",\"/usr/bin\"]}\n"
			    "{\"op\":\"prompt\",\"value\":\"it's\"}\n");
	free(n);
	n = render_one(&shell_nu, CH_SET, "X", "\"a\\b\"\n\t\x7f\xc3\xa9");
	ck_assert_str_eq(n, "{\"op\":\"set\",\"name\":\"X\",\"value\":\"\\u0022a\\u005cb\\u0022\\u000a\\u0009\\u007f\xc3\xa9\"}\n");
	free(n);
	n = render_one(&shell_nu, CH_PATH, "PATH", "");
	ck_assert_str_eq(n, "{\"op\":\"set\",\"name\":\"PATH\",\"value\":[\"\"]}\n");
	free(n);
	n = render_one(&shell_nu, CH_PATH, "PATH", ":a:");
	ck_assert_str_eq(n, "{\"op\":\"set\",\"name\":\"PATH\",\"value\":[\"\",\"a\",\"\"]}\n");
	free(n);
}
END_TEST

/* nu refuses an env whose path or label is not UTF-8, and a hook value
 * that is not; it holds every UTF-8 text, '$', '~' and ':' included. */
START_TEST(nu_cannot_hold)
{
	static const char *const bad[] = {
		"/p/\xff/venv", "\xc3", "a\xc3(", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\x80", "\xe2\x82",
	};
	const char *why;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_ptr_nonnull(shell_cannot_hold(&shell_nu, bad[i], HOLD_ENV_PATH));
		ck_assert_ptr_nonnull(shell_cannot_hold(&shell_nu, bad[i], HOLD_LABEL));
		ck_assert_ptr_nonnull(shell_cannot_hold(&shell_nu, bad[i], HOLD_HOOK_VAR));
	}
	why = shell_cannot_hold(&shell_nu, "\xff", HOLD_LABEL);
	ck_assert_ptr_null(strchr(why, '\n'));
	ck_assert_ptr_nonnull(strstr(why, "UTF-8"));
	ck_assert_ptr_nonnull(strstr(why, "cannot hold this label"));
	ck_assert_ptr_nonnull(strstr(shell_cannot_hold(&shell_nu, "\xff", HOLD_ENV_PATH),
				     "cannot hold this path"));
	ck_assert_ptr_null(shell_cannot_hold(&shell_nu, "/p/$HOME/~/a:b/venv", HOLD_ENV_PATH));
	ck_assert_ptr_null(shell_cannot_hold(&shell_nu, "caf\xc3\xa9 \xf0\x9f\x90\x8d \xc2\x85\n", HOLD_LABEL));
	ck_assert_ptr_null(shell_cannot_hold(&shell_nu, "", HOLD_LABEL));
}
END_TEST

/* xonsh refuses an env whose path holds '$', and holds any label. */
START_TEST(xonsh_cannot_hold)
{
	const char *why = shell_cannot_hold(&shell_xonsh, "/p/$HOME/venv", HOLD_ENV_PATH);

	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_null(strchr(why, '\n'));
	ck_assert_ptr_nonnull(strstr(why, "cannot hold"));
	/* and ~, which it expands also after an = (a venv at /p/a=~/venv) */
	ck_assert_ptr_nonnull(shell_cannot_hold(&shell_xonsh, "/p/a=~/venv", HOLD_ENV_PATH));
	ck_assert_ptr_null(shell_cannot_hold(&shell_xonsh, "/p/\xff:venv", HOLD_ENV_PATH));
	ck_assert_ptr_null(shell_cannot_hold(&shell_xonsh, "$x {y}", HOLD_LABEL));
}
END_TEST

/* sh's rendering of one change of kind to name=value. */
static char *render_one(const struct shell *sh, enum change_kind kind,
			const char *name, const char *value)
{
	struct changes ch = CHANGES_INIT;
	struct strbuf sb = STRBUF_INIT;

	if (kind == CH_PATH)
		changes_add_path(&ch, name, value, NULL, NULL);
	else
		changes_add(&ch, kind, name, value);
	sh->render(&ch, &sb);
	changes_free(&ch);
	return strbuf_detach(&sb);
}

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
		char *got = render_one(&shell_fish, CH_PATH, "PATH", cases[i][0]);

		ck_assert_str_eq(got, cases[i][1]);
		free(got);
		/* a plain variable keeps its colons */
		got = render_one(&shell_fish, CH_SET, "OTHER", cases[i][0]);
		ck_assert(!strncmp(got, "set -gx OTHER ", 14));
		ck_assert_int_eq(strchr(got, '\n') - got, (long)strlen(got) - 1);
		free(got);
	}
}
END_TEST

/* Every row is complete, its name unique and found, its set-up line
 * loads its own hook. */
START_TEST(table)
{
	struct strbuf names = STRBUF_INIT, want = STRBUF_INIT;

	ck_assert_uint_ge(shell_count, 3);
	for (size_t i = 0; i < shell_count; i++) {
		const struct shell *sh = shell_table[i];

		ck_assert_ptr_nonnull(sh->name);
		ck_assert_ptr_nonnull(sh->setup);
		ck_assert_ptr_nonnull(sh->rcfile);
		ck_assert_ptr_nonnull(sh->hook_text);
		ck_assert(sh->quote != NULL);
		ck_assert(sh->var != NULL);
		ck_assert(sh->render != NULL);
		ck_assert_ptr_eq(shell_find(sh->name), sh);
		ck_assert_ptr_nonnull(strstr(sh->setup, "vswitch hook "));
		ck_assert_ptr_nonnull(strstr(sh->setup, sh->name));
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(shell_table[j]->name, sh->name);
		if (i)
			strbuf_addstr(&want, "|");
		strbuf_addstr(&want, sh->name);
	}
	shell_names(&names, "|");
	ck_assert_str_eq(names.buf, want.buf);
	ck_assert_ptr_null(shell_find("tcshh"));
	ck_assert_ptr_null(shell_find(""));
	ck_assert_ptr_null(shell_find("Bash"));
	strbuf_release(&names);
	strbuf_release(&want);
}
END_TEST

/* Every shell's hook holds each variable's value, quoted its way, and
 * ends with its hook text. */
START_TEST(hooks)
{
	const struct hook_var v[] = {
		{ "bin", "/opt/it's/vswitch" }, { "cmds", "off on" },
	};

	for (size_t i = 0; i < shell_count; i++) {
		const struct shell *sh = shell_table[i];
		struct strbuf sb = STRBUF_INIT, q = STRBUF_INIT;
		size_t tl = strlen(sh->hook_text);

		shell_hook(sh, v, 2, &sb);
		ck_assert_uint_gt(tl, 100);
		ck_assert_uint_gt(sb.len, tl);
		ck_assert_str_eq(sb.buf + sb.len - tl, sh->hook_text);
		for (size_t k = 0; k < 2; k++) {
			strbuf_setlen(&q, 0);
			sh->quote(&q, v[k].value);
			ck_assert_ptr_nonnull(strstr(sb.buf, q.buf));
		}
		strbuf_release(&sb);
		strbuf_release(&q);
	}
}
END_TEST

/* The variables' exact lines in the shells that have them. */
START_TEST(hook_vars)
{
	const struct hook_var v[] = { { "bin", "/opt/it's/vswitch" } };
	struct strbuf sb = STRBUF_INIT;

	shell_hook(&shell_bash, v, 1, &sb);
	ck_assert(!strncmp(sb.buf, "_vswitch_bin='/opt/it'\\''s/vswitch'\n", 35));
	ck_assert_ptr_nonnull(strstr(sb.buf, hook_text_posix));
	strbuf_setlen(&sb, 0);
	shell_hook(&shell_fish, v, 1, &sb);
	ck_assert(!strncmp(sb.buf, "set -g __vswitch_bin '/opt/it\\'s/vswitch'\n", 41));
	strbuf_setlen(&sb, 0);
	shell_hook(&shell_elvish, v, 1, &sb);
	ck_assert(!strncmp(sb.buf, "var bin = \"/opt/it's/vswitch\"\n", 30));
	strbuf_setlen(&sb, 0);
	shell_hook(&shell_nu, v, 1, &sb);
	ck_assert(!strncmp(sb.buf, "const _vswitch_bin = \"/opt/it's/vswitch\"\n", 41));
	/* ksh93 and mksh: the part they share, then each one's own */
	for (size_t i = 0; i < 2; i++) {
		const struct shell *sh = i ? &shell_mksh : &shell_ksh;
		const char *shared;

		strbuf_setlen(&sb, 0);
		shell_hook(sh, v, 1, &sb);
		ck_assert(!strncmp(sb.buf, "_vswitch_bin='/opt/it'\\''s/vswitch'\n", 35));
		shared = strstr(sb.buf, hook_text_korn);
		ck_assert_ptr_nonnull(shared);
		ck_assert_ptr_eq(shared + strlen(hook_text_korn),
				 sb.buf + sb.len - strlen(sh->hook_text));
	}
	/* tcsh: histchars put aside first, then the newline, then the
	 * variables, then the hook text */
	strbuf_setlen(&sb, 0);
	shell_hook(&shell_tcsh, v, 1, &sb);
	ck_assert(!strncmp(sb.buf, "unset _vswitch_hc\nif ( $?histchars ) then\n", 41));
	ck_assert_ptr_nonnull(strstr(sb.buf, "set _vswitch_nl = \"\\\n\"\n"
				     "set _vswitch_bin = '/opt/it'\\''s/vswitch';\n"));
	strbuf_release(&sb);
}
END_TEST

/* The hook's own variables, global from inside a function: a word for
 * a scalar, an array for a list. */
START_TEST(hook_variables)
{
	struct changes ch = CHANGES_INIT;
	struct strlist l = STRLIST_INIT;
	struct strbuf b = STRBUF_INIT, z = STRBUF_INIT, f = STRBUF_INIT;
	struct strbuf k = STRBUF_INIT, m = STRBUF_INIT, e = STRBUF_INIT;
	struct strbuf x = STRBUF_INIT, n = STRBUF_INIT;

	strlist_add(&l, "+/it's");
	strlist_add(&l, "");
	changes_add(&ch, CH_HOOK_VAR, "stampdir", "/s d");
	changes_add_list(&ch, "watch", &l);
	shell_bash.render(&ch, &b);
	shell_zsh.render(&ch, &z);
	shell_fish.render(&ch, &f);
	shell_ksh.render(&ch, &k);
	shell_mksh.render(&ch, &m);
	shell_elvish.render(&ch, &e);
	shell_xonsh.render(&ch, &x);
	shell_nu.render(&ch, &n);
	ck_assert_str_eq(b.buf, "_vswitch_stampdir='/s d'\n"
			      "_vswitch_watch=('+/it'\\''s' '')\n");
	ck_assert_str_eq(z.buf, "builtin typeset -g _vswitch_stampdir='/s d'\n"
			      "builtin typeset -ga _vswitch_watch; _vswitch_watch=('+/it'\\''s' '')\n");
	ck_assert_str_eq(f.buf, "set -g __vswitch_stampdir '/s d'\n"
			      "set -g __vswitch_watch '+/it\\'s' ''\n");
	/* set -A: ksh93 reads x=() as a compound variable */
	ck_assert_str_eq(k.buf, "_vswitch_stampdir='/s d'\n"
			      "\\set -A _vswitch_watch -- '+/it'\\''s' ''\n");
	ck_assert_str_eq(m.buf, k.buf);
	strbuf_setlen(&k, 0);
	shell_tcsh.render(&ch, &k);
	ck_assert_str_eq(k.buf, "set _vswitch_stampdir = '/s d';\n"
			      "set _vswitch_watch = ( '+/it'\\''s' '' );\n");
	ck_assert_str_eq(e.buf, "hook-var stampdir \"/s d\"\n"
			      "hook-list watch \"+/it's\" \"\"\n");
	ck_assert_str_eq(x.buf, "('hook-var', 'stampdir', b'/s d')\n"
			      "('hook-list', 'watch', [b'+/it\\x27s', b''])\n");
	ck_assert_str_eq(n.buf, "{\"op\":\"hook-var\",\"name\":\"stampdir\",\"value\":\"/s d\"}\n"
			      "{\"op\":\"hook-list\",\"name\":\"watch\",\"value\":[\"+/it's\",\"\"]}\n");
	changes_free(&ch);
	strlist_free(&l);
	strbuf_release(&b);
	strbuf_release(&z);
	strbuf_release(&f);
	strbuf_release(&k);
	strbuf_release(&m);
	strbuf_release(&e);
	strbuf_release(&x);
	strbuf_release(&n);
}
END_TEST

/* Rows without a rule hold everything; the rule is asked otherwise. */
START_TEST(cannot_hold)
{
	for (size_t i = 0; i < shell_count; i++)
		if (!shell_table[i]->cannot_hold)
			ck_assert_ptr_null(shell_cannot_hold(shell_table[i], "\xff:$x",
							     HOLD_ENV_PATH));
	ck_assert_ptr_null(shell_cannot_hold(NULL, "x", HOLD_LABEL));
}
END_TEST

Suite *shell_suite(void)
{
	Suite *s = suite_create("shell");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, posix_quoting);
	tcase_add_test(tc, fish_quoting);
	tcase_add_test(tc, tcsh_quoting);
	tcase_add_test(tc, tcsh_quoting_every_byte);
	tcase_add_test(tc, elvish_quoting);
	tcase_add_test(tc, xonsh_quoting);
	tcase_add_test(tc, render_bash_zsh);
	tcase_add_test(tc, render_ksh_mksh);
	tcase_add_test(tc, render_fish);
	tcase_add_test(tc, render_tcsh);
	tcase_add_test(tc, render_elvish);
	tcase_add_test(tc, render_xonsh);
	tcase_add_test(tc, xonsh_cannot_hold);
	tcase_add_test(tc, nu_quoting);
	tcase_add_test(tc, render_nu);
	tcase_add_test(tc, nu_cannot_hold);
	tcase_add_test(tc, fish_path_list);
	tcase_add_test(tc, table);
	tcase_add_test(tc, hooks);
	tcase_add_test(tc, hook_vars);
	tcase_add_test(tc, hook_variables);
	tcase_add_test(tc, cannot_hold);
	suite_add_tcase(s, tc);
	return s;
}
