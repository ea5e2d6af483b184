/* check_run: exec and env, for shells that draw no prompt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "command.h"
#include "helpers.h"
#include "suites.h"

/* Run command name with argv (NULL-ended) in root/rel; stdout into
 * *out, stderr into *err (root as "@"); returns the exit code. */
static int run(const char *name, const char *rel, char **argv, char **out, char **err)
{
	struct strbuf sb = STRBUF_INIT;
	struct cmd_ctx c;
	char *raw;
	int rc, argc = 0;

	while (argv[argc])
		argc++;
	memset(&c, 0, sizeof(c));
	c.argc = argc;
	c.argv = argv;
	c.out = &sb;
	setenv("PWD", tpath(rel), 1);
	stderr_begin();
	rc = command_run(command_find(name), &c);
	raw = stderr_end();
	*err = unroot(raw);
	free(raw);
	raw = strbuf_detach(&sb);
	*out = unroot(raw);
	free(raw);
	return rc;
}

START_TEST(env_prints_sh)
{
	char *args[] = { NULL }, *out, *err, want[256];

	tvenv("p/venv", "home = /usr/bin\n");
	tmkdir("p/sub");
	setenv("PATH", "/usr/bin:/bin", 1);
	ck_assert_int_eq(run("env", "p/sub", args, &out, &err), 0);
	snprintf(want, sizeof(want),
		 "export VSWITCH_STATE='2:%lu:a:@/p/venv::-:p::'\n"
		 "export VIRTUAL_ENV='@/p/venv'\n"
		 "export VIRTUAL_ENV_PROMPT='p'\n"
		 "export PATH='@/p/venv/bin:/usr/bin:/bin'\n",
		 (unsigned long)geteuid());
	ck_assert_str_eq(out, want);
	ck_assert_str_eq(err, "");
	free(out);
	free(err);
	/* nothing to activate: nothing printed, success */
	tmkdir("q");
	ck_assert_int_eq(run("env", "q", args, &out, &err), 0);
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
}
END_TEST

START_TEST(env_refused)
{
	char *args[] = { NULL }, *out, *err;

	tvenv("p/venv", "home = /usr/bin\n");
	chmod(tpath("p/venv"), 0777);
	ck_assert_int_eq(run("env", "p", args, &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(err, "is writable by others"));
	ck_assert_ptr_null(strstr(out, "VIRTUAL_ENV="));
	free(out);
	free(err);
}
END_TEST

/* exec in a child: what CMD sees, and its status passed through. */
static int exec_in_child(const char *rel, char **argv)
{
	pid_t pid = fork();
	int st;

	ck_assert_int_ge(pid, 0);
	if (!pid) {
		char *out, *err;

		_exit(run("exec", rel, argv, &out, &err));
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st));
	return WEXITSTATUS(st);
}

START_TEST(exec_runs_with_the_env)
{
	char script[8192];
	char *argv[] = { "--", "/bin/sh", "-c", script, NULL };
	char *refused[] = { "--", "/bin/sh", "-c", "touch ran; exit 0", NULL };
	char *dir[] = { "--dir", "../p", "--", "/bin/sh", "-c", "exit 7", NULL };

	tvenv("p/venv", "home = /usr/bin\n");
	tmkdir("q");
	setenv("PATH", "/usr/bin:/bin", 1);
	snprintf(script, sizeof(script),
		 "echo \"$VIRTUAL_ENV|$PATH|${PYTHONHOME-unset}\" > '%s'; exit 3",
		 tpath("seen"));
	setenv("PYTHONHOME", "/ph", 1);
	ck_assert_int_eq(exec_in_child("p", argv), 3);
	{
		FILE *f = fopen(tpath("seen"), "r");
		char line[8192], want[8192];

		ck_assert_ptr_nonnull(f);
		ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
		fclose(f);
		snprintf(want, sizeof(want), "%s|%s/bin:/usr/bin:/bin|unset\n",
			 tpath("p/venv"), tpath("p/venv"));
		ck_assert_str_eq(line, want);
	}
	unsetenv("PYTHONHOME");
	ck_assert_int_eq(exec_in_child("q", dir), 7);
	/* a refused env runs nothing */
	chmod(tpath("p/venv"), 0777);
	ck_assert_int_eq(chdir(troot()), 0);
	ck_assert_int_eq(exec_in_child("p", refused), 1);
	ck_assert_int_ne(access(tpath("ran"), F_OK), 0);
}
END_TEST

START_TEST(exec_usage)
{
	char *no_dash[] = { "ls", NULL }, *out, *err;

	ck_assert_int_eq(run("exec", "", no_dash, &out, &err), 2);
	ck_assert_str_eq(err, "vswitch: usage: vswitch exec [--dir DIR] -- CMD...\n");
	free(out);
	free(err);
}
END_TEST

Suite *run_suite(void)
{
	Suite *s = suite_create("run");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, env_prints_sh);
	tcase_add_test(tc, env_refused);
	tcase_add_test(tc, exec_runs_with_the_env);
	tcase_add_test(tc, exec_usage);
	suite_add_tcase(s, tc);
	return s;
}
