/* check_command: the command table, the texts made from it, and the
 * checks made before a command runs. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "helpers.h"
#include "state.h"
#include "suites.h"

START_TEST(table)
{
	ck_assert_uint_ge(command_count, 9);
	for (size_t i = 0; i < command_count; i++) {
		const struct command *c = &command_table[i];

		ck_assert_ptr_eq(command_find(c->name), c);
		ck_assert(c->fn != NULL);
		ck_assert_ptr_nonnull(c->args);
		ck_assert_ptr_nonnull(c->help);
		ck_assert_int_le(c->min_args, c->max_args);
		/* a command that renders for the shell reads its state */
		if (c->flags & (CMD_HOOK | CMD_RENDER))
			ck_assert(c->flags & CMD_INPUT);
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(command_table[j].name, c->name);
	}
	ck_assert_ptr_null(command_find("nope"));
	ck_assert_ptr_null(command_find(""));
}
END_TEST

/* --help names every command and every shell's set-up line, and fits
 * in 80 columns. */
START_TEST(usage_from_table)
{
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	const char *line;

	command_usage(&sb);
	ck_assert(!strncmp(sb.buf, "usage: vswitch COMMAND [ARGS]\n", 30));
	for (size_t i = 0; i < command_count; i++) {
		strbuf_set(&want, "\n  ");
		strbuf_addstr(&want, command_table[i].name);
		strbuf_addch(&want, command_table[i].args[0] ? ' ' : ' ');
		ck_assert_msg(strstr(sb.buf, want.buf), "no line for %s",
			      command_table[i].name);
	}
	/* each line of each (nu's has two) */
	for (size_t i = 0; i < shell_count; i++) {
		for (const char *p = shell_table[i]->setup; *p;) {
			size_t n = strcspn(p, "\n");

			strbuf_set(&want, "");
			strbuf_add(&want, p, n);
			ck_assert_ptr_nonnull(strstr(sb.buf, want.buf));
			p += n + (p[n] != '\0');
		}
	}
	for (line = sb.buf; *line;) {
		size_t n = strcspn(line, "\n");

		ck_assert_uint_le(n, 80);
		line += n + (line[n] != '\0');
	}
	strbuf_release(&sb);
	strbuf_release(&want);
}
END_TEST

START_TEST(shell_changing_names)
{
	struct strbuf sb = STRBUF_INIT;

	command_shell_names(&sb);
	ck_assert_str_eq(sb.buf, "off on use allow deny");
	strbuf_release(&sb);
}
END_TEST

/* Run command name with the given arguments; returns the exit code,
 * with stdout in *out and stderr in *err (the root shown as "@"). */
static int run(const char *name, const struct shell *sh, int argc,
	       char **argv, char **out, char **err)
{
	struct strbuf sb = STRBUF_INIT;
	struct cmd_ctx c;
	char *raw;
	int rc;

	memset(&c, 0, sizeof(c));
	c.argc = argc;
	c.argv = argv;
	c.shell = sh;
	c.out = &sb;
	stderr_begin();
	rc = command_run(command_find(name), &c);
	raw = stderr_end();
	*err = unroot(raw);
	free(raw);
	*out = strbuf_detach(&sb);
	return rc;
}

START_TEST(argument_counts)
{
	char *args[] = { "a", "b", "c" }, *out, *err;

	ck_assert_int_eq(run("status", NULL, 1, args, &out, &err), 2);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "vswitch: usage: vswitch status\n");
	free(out);
	free(err);
	ck_assert_int_eq(run("hook", NULL, 0, args, &out, &err), 2);
	ck_assert_str_eq(err, "vswitch: usage: vswitch hook SHELL|--list\n");
	free(out);
	free(err);
	ck_assert_int_eq(run("list", NULL, 3, args, &out, &err), 2);
	free(out);
	free(err);
	/* the command's own check of what the arguments say */
	ck_assert_int_eq(run("list", NULL, 1, args, &out, &err), 2);
	ck_assert_str_eq(err, "vswitch: usage: vswitch list [--long] [--prefix=STR]\n");
	free(out);
	free(err);
}
END_TEST

/* A command that changes the shell, run without the hook: one line that
 * gives the set-up line of every shell; nothing on stdout. */
#define HOOK_MSG "vswitch: 'off' changes the shell, so it needs the hook: "

START_TEST(needs_the_hook)
{
	char *out, *err;

	ck_assert_int_eq(run("off", NULL, 0, NULL, &out, &err), 1);
	ck_assert_str_eq(out, "");
	ck_assert(!strncmp(err, HOOK_MSG, strlen(HOOK_MSG)));
	ck_assert_ptr_eq(strchr(err, '\n'), err + strlen(err) - 1);
	/* each line of each set-up; nu's two lines as "A; B" */
	for (size_t i = 0; i < shell_count; i++) {
		struct strbuf want = STRBUF_INIT;

		for (const char *p = shell_table[i]->setup; *p; p++)
			if (*p == '\n')
				strbuf_addstr(&want, "; ");
			else
				strbuf_addch(&want, *p);
		ck_assert_ptr_nonnull(strstr(err, want.buf));
		strbuf_release(&want);
	}
	free(out);
	free(err);
	/* with it (--shell), off outside any project deactivates nothing */
	ck_assert_int_eq(run("off", shell_table[0], 0, NULL, &out, &err), 0);
	ck_assert_str_eq(err, "");
	free(out);
	free(err);
}
END_TEST

#define UNKNOWN_MSG "vswitch: unknown shell 'cobol' (known: "

START_TEST(hook_list)
{
	char *args[] = { "--list" }, *out, *err;
	struct strbuf want = STRBUF_INIT;

	shell_names(&want, "\n");
	strbuf_addch(&want, '\n');
	ck_assert_int_eq(run("hook", NULL, 1, args, &out, &err), 0);
	ck_assert_str_eq(out, want.buf);
	free(out);
	free(err);
	args[0] = "cobol";
	ck_assert_int_eq(run("hook", NULL, 1, args, &out, &err), 2);
	ck_assert(!strncmp(err, UNKNOWN_MSG, strlen(UNKNOWN_MSG)));
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	strbuf_release(&want);
}
END_TEST

/* hook nu: the binary's path, as invoked, in a const; a path that is
 * not UTF-8, which nu cannot hold, is refused with the reason and no
 * hook. */
START_TEST(hook_nu_utf8_only)
{
	char *args[] = { "nu" }, *raw;
	struct strbuf sb = STRBUF_INIT;
	struct cmd_ctx c;

	memset(&c, 0, sizeof(c));
	c.argc = 1;
	c.argv = args;
	c.argv0 = "/opt/caf\xc3\xa9/vswitch";
	c.out = &sb;
	stderr_begin();
	ck_assert_int_eq(command_run(command_find("hook"), &c), 0);
	raw = stderr_end();
	ck_assert_str_eq(raw, "");
	free(raw);
	ck_assert(!strncmp(sb.buf, "const _vswitch_bin = \"/opt/caf\xc3\xa9/vswitch\"\n", 41));
	strbuf_setlen(&sb, 0);
	c.argv0 = "/opt/b\xff" "d/vswitch";
	stderr_begin();
	ck_assert_int_eq(command_run(command_find("hook"), &c), 1);
	raw = stderr_end();
	ck_assert_str_eq(sb.buf, "");
	ck_assert_ptr_nonnull(strstr(raw, "vswitch: cannot write the nu hook: '/opt/b\xff" "d/vswitch': "
				     "nushell holds only UTF-8 text"));
	free(raw);
	strbuf_release(&sb);
}
END_TEST

/* status judges an inherited state as the hook does: another user's
 * (sudo -E) is shown as ignored, and its env is not called active. */
START_TEST(status_of_another_users_state)
{
	struct state st;
	struct strbuf enc = STRBUF_INIT;
	char *out, *err;

	state_init(&st);
	st.has_uid = 1;
	st.uid = (unsigned long)geteuid() + 1;
	st.mode = MODE_USE;
	strbuf_set(&st.env, "/tmp/theirs");
	strbuf_set(&st.label, "theirs");
	state_encode(&st, &enc);
	setenv(STATE_VAR, enc.buf, 1);
	ck_assert_int_eq(run("status", NULL, 0, NULL, &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(out, "was made by uid"));
	ck_assert_ptr_nonnull(strstr(out, "active:    none\n"));
	ck_assert_ptr_null(strstr(out, "/tmp/theirs"));
	free(out);
	free(err);
	/* one's own is shown */
	st.uid = (unsigned long)geteuid();
	strbuf_setlen(&enc, 0);
	state_encode(&st, &enc);
	setenv(STATE_VAR, enc.buf, 1);
	ck_assert_int_eq(run("status", NULL, 0, NULL, &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(out, "active:    /tmp/theirs (chosen with 'use')"));
	free(out);
	free(err);
	unsetenv(STATE_VAR);
	state_free(&st);
	strbuf_release(&enc);
}
END_TEST

Suite *command_suite(void)
{
	Suite *s = suite_create("command");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, table);
	tcase_add_test(tc, usage_from_table);
	tcase_add_test(tc, shell_changing_names);
	tcase_add_test(tc, argument_counts);
	tcase_add_test(tc, needs_the_hook);
	tcase_add_test(tc, hook_list);
	tcase_add_test(tc, hook_nu_utf8_only);
	tcase_add_test(tc, status_of_another_users_state);
	suite_add_tcase(s, tc);
	return s;
}
