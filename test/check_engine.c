/* check_engine: scenarios run against a simulated shell, which applies
 * each change list to its variables, over real temp project trees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "helpers.h"
#include "pathlist.h"
#include "shell.h"
#include "suites.h"

enum { V_PATH, V_VE, V_VEP, V_PH, V_STATE, NVARS };
static const char *const var_names[NVARS] = {
	"PATH", "VIRTUAL_ENV", "VIRTUAL_ENV_PROMPT", "PYTHONHOME", "VSWITCH_STATE",
};

/* The simulated shell: its variables (NULL: unset) and prompt label. */
static char *var[NVARS];
static char *prompt;
static struct config cfg;
static char *err;	/* stderr of the last step, root as "@" */
static int rc;		/* engine_run's result in the last step */
static const struct shell *shell;	/* the shell's row; NULL: one that holds all */

static void set_var(int v, const char *value)
{
	free(var[v]);
	var[v] = value ? strdup(value) : NULL;
}

/* Config that hides folders outside the temp root; extra is appended. */
static void load_cfg(const char *extra)
{
	char text[8192];

	config_free(&cfg);
	snprintf(text, sizeof(text),
		 "[search]\nignore = ^(?!\\Q%s\\E(/|$))\n%s[trust]\nmode = all\n",
		 troot(), extra);
	twrite("c.ini", text);
	config_load_file(&cfg, tpath("c.ini"));
}

static void setup(void)
{
	memset(&cfg, 0, sizeof(cfg));
	load_cfg("");
	set_var(V_PATH, "/usr/bin:/bin");
	tvenv("a/venv", "home = /usr/bin\n");
	tvenv("b/.venv", "");
	tmkdir("a/src");
	tmkdir("out");
}

static void teardown(void)
{
	for (int v = 0; v < NVARS; v++)
		set_var(v, NULL);
	free(prompt);
	prompt = NULL;
	free(err);
	err = NULL;
	config_free(&cfg);
}

static int var_index(const char *name)
{
	for (int v = 0; v < NVARS; v++)
		if (!strcmp(var_names[v], name))
			return v;
	ck_abort_msg("engine touched unexpected variable %s", name);
	return -1;
}

/* A CH_PATH change is what its entries say: old less del, add first. */
static void path_edits(const char *old, const struct change *c)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	strbuf_addstr(&a, old ? old : "");
	if (c->del) {
		ck_assert(pathlist_remove(a.buf, c->del, &b));
		strbuf_set(&a, b.buf);
	}
	if (c->add) {
		strbuf_setlen(&b, 0);
		pathlist_prepend(a.buf, c->add, &b);
		strbuf_set(&a, b.buf);
	}
	ck_assert_str_eq(a.buf, c->value);
	strbuf_release(&a);
	strbuf_release(&b);
}

/* Apply ch to the simulated shell and describe it, one change a line.
 * The state, which must come first (a shell that stops at an error then
 * still knows what was done), is described last, where the reader of
 * an expectation looks for it. */
static void apply(const struct changes *ch, struct strbuf *out)
{
	struct strbuf state = STRBUF_INIT;

	for (size_t i = 0; i < ch->n; i++) {
		const struct change *c = &ch->v[i];

		if (c->name && !strcmp(c->name, "VSWITCH_STATE")) {
			ck_assert_msg(i == 0, "the state is change %zu, not the first", i);
			if (c->kind == CH_SET)
				strbuf_addf(&state, "set %s=%s\n", c->name, c->value);
			else
				strbuf_addf(&state, "unset %s\n", c->name);
			set_var(var_index(c->name), c->kind == CH_SET ? c->value : NULL);
			continue;
		}
		switch (c->kind) {
		case CH_HOOK_VAR:
		case CH_HOOK_LIST:
			ck_abort_msg("hook variables without a hook");
			break;
		case CH_SET:
			strbuf_addf(out, "set %s=%s\n", c->name, c->value);
			set_var(var_index(c->name), c->value);
			break;
		case CH_UNSET:
			strbuf_addf(out, "unset %s\n", c->name);
			set_var(var_index(c->name), NULL);
			break;
		case CH_PROMPT:
			strbuf_addf(out, "prompt %s\n", c->value);
			free(prompt);
			prompt = strdup(c->value);
			break;
		case CH_PROMPT_CLEAR:
			strbuf_addstr(out, "prompt-clear\n");
			free(prompt);
			prompt = NULL;
			break;
		case CH_PATH:
			strbuf_addf(out, "set %s=%s\n", c->name, c->value);
			path_edits(var[var_index(c->name)], c);
			set_var(var_index(c->name), c->value);
			break;
		}
	}
	strbuf_addstr(out, state.buf);
	strbuf_release(&state);
}

/* The user's uid in a state written is shown as "U". */
static void uid_as_u(struct strbuf *desc)
{
	struct strbuf out = STRBUF_INIT, pat = STRBUF_INIT;
	const char *p = desc->buf, *hit;

	strbuf_addf(&pat, "VSWITCH_STATE=2:%lu:", (unsigned long)geteuid());
	while ((hit = strstr(p, pat.buf))) {
		strbuf_add(&out, p, (size_t)(hit - p));
		strbuf_addstr(&out, "VSWITCH_STATE=2:U:");
		p = hit + pat.len;
	}
	strbuf_addstr(&out, p);
	strbuf_set(desc, out.buf);
	strbuf_release(&out);
	strbuf_release(&pat);
}

/* Run cmd in root/rel (use: the env of `use`, under the root) and apply
 * the result; returns its description with the root shown as "@". */
static char *run(const char *rel, enum engine_cmd cmd, int init, const char *use)
{
	struct engine_input in;
	struct changes ch = CHANGES_INIT;
	struct strbuf desc = STRBUF_INIT;
	char pwd[8192], env[8192], *raw, *s;

	snprintf(pwd, sizeof(pwd), "%s", tpath(rel));
	snprintf(env, sizeof(env), "%s", use ? tpath(use) : "");
	memset(&in, 0, sizeof(in));
	in.pwd = pwd;
	in.path = var[V_PATH];
	in.virtual_env = var[V_VE];
	in.pythonhome = var[V_PH];
	in.state = var[V_STATE];
	in.init = init;
	in.use_env = use ? env : NULL;
	in.shell = shell;
	stderr_begin();
	engine_notes_begin(&in);	/* as a command does before it runs */
	rc = engine_run(&cfg, &in, cmd, &ch);
	raw = stderr_end();
	free(err);
	err = unroot(raw);
	free(raw);
	apply(&ch, &desc);
	changes_free(&ch);
	uid_as_u(&desc);
	s = unroot(desc.buf);
	strbuf_release(&desc);
	return s;
}

#define STEP(rel, cmd, init, use, want) do { \
		char *got_ = run(rel, cmd, init, use); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)
#define CD(rel, want) STEP(rel, ENGINE_EXPORT, 0, NULL, want)

#define ENTER_A \
	"set VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\n" \
	"set PATH=@/a/venv/bin:/usr/bin:/bin\nprompt a\n" \
	"set VSWITCH_STATE=2:U:a:@/a/venv::-:a::\n"
#define LEAVE(path) \
	"prompt-clear\nunset VIRTUAL_ENV\nunset VIRTUAL_ENV_PROMPT\n" \
	"set PATH=" path "\n"

/* The shell is back where it started: only PATH, as it was. */
static void check_clean(const char *path)
{
	ck_assert_str_eq(var[V_PATH], path);
	for (int v = V_VE; v < NVARS; v++)
		ck_assert_msg(!var[v], "%s still set", var_names[v]);
	ck_assert_ptr_null(prompt);
}

START_TEST(nothing_anywhere)
{
	CD("out", "");
	CD("", "");
	check_clean("/usr/bin:/bin");
	ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(enter_and_leave)
{
	CD("a/src", ENTER_A);
	CD("a/src", "");
	CD("a", "");
	CD("out", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	check_clean("/usr/bin:/bin");
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(err, "");
}
END_TEST

/* The value of the hook variable name in ch, or NULL; lists: "". */
static const char *hook_value(const struct changes *ch, const char *name)
{
	for (size_t i = 0; i < ch->n; i++)
		if (ch->v[i].name && !strcmp(ch->v[i].name, name))
			return ch->v[i].value ? ch->v[i].value : "";
	return NULL;
}

/* For a hook: the lists and their tag; given the tag back, the watch
 * list alone; a wrong tag gets them all again. */
START_TEST(hook_lists_held)
{
	struct engine_input in;
	struct changes ch = CHANGES_INIT;
	char tag[64];

	memset(&in, 0, sizeof(in));
	in.pwd = tpath("a/src");
	in.path = "/usr/bin:/bin";
	in.hook = 1;
	ck_assert_int_eq(engine_run(&cfg, &in, ENGINE_EXPORT, &ch), 0);
	ck_assert_ptr_nonnull(hook_value(&ch, "names"));
	ck_assert_ptr_nonnull(hook_value(&ch, "watch"));
	ck_assert_ptr_nonnull(hook_value(&ch, "tag"));
	snprintf(tag, sizeof(tag), "%s", hook_value(&ch, "tag"));
	changes_free(&ch);
	in.have = tag;
	ck_assert_int_eq(engine_run(&cfg, &in, ENGINE_EXPORT, &ch), 0);
	ck_assert_str_eq(hook_value(&ch, "VIRTUAL_ENV"), tpath("a/venv"));
	ck_assert_ptr_nonnull(hook_value(&ch, "watch"));
	ck_assert_ptr_null(hook_value(&ch, "names"));
	ck_assert_ptr_null(hook_value(&ch, "vars"));
	ck_assert_ptr_null(hook_value(&ch, "tag"));
	changes_free(&ch);
	in.have = "0123456789abcdef";
	ck_assert_int_eq(engine_run(&cfg, &in, ENGINE_EXPORT, &ch), 0);
	ck_assert_str_eq(hook_value(&ch, "tag"), tag);
	ck_assert_ptr_nonnull(hook_value(&ch, "names"));
	changes_free(&ch);
}
END_TEST

START_TEST(user_path_edits_kept)
{
	char path[8192], *p;

	CD("a", ENTER_A);
	p = unroot(var[V_PATH]);
	ck_assert_str_eq(p, "@/a/venv/bin:/usr/bin:/bin");
	free(p);
	/* the user adds entries, one an empty one and one a second copy of
	 * the env's bin: only vswitch's own entry goes */
	snprintf(path, sizeof(path), "/mine:%s/a/venv/bin:/usr/bin::%s/a/venv/bin:/end",
		 troot(), troot());
	set_var(V_PATH, path);
	CD("out", LEAVE("/mine:/usr/bin::@/a/venv/bin:/end") "unset VSWITCH_STATE\n");
	/* a PATH the user already stripped of the env is left alone */
	CD("a", "set VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\n"
		"set PATH=@/a/venv/bin:/mine:/usr/bin::@/a/venv/bin:/end\nprompt a\n"
		"set VSWITCH_STATE=2:U:a:@/a/venv::-:a::\n");
	set_var(V_PATH, "/only");
	CD("out", "prompt-clear\nunset VIRTUAL_ENV\nunset VIRTUAL_ENV_PROMPT\n"
		  "unset VSWITCH_STATE\n");
	check_clean("/only");
}
END_TEST

START_TEST(switch_between_projects)
{
	CD("a", ENTER_A);
	CD("b", "prompt-clear\nset VIRTUAL_ENV=@/b/.venv\nset VIRTUAL_ENV_PROMPT=b\n"
		"set PATH=@/b/.venv/bin:/usr/bin:/bin\nprompt b\n"
		"set VSWITCH_STATE=2:U:a:@/b/.venv::-:b::\n");
	CD("a/src", "prompt-clear\nset VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\n"
		    "set PATH=@/a/venv/bin:/usr/bin:/bin\nprompt a\n"
		    "set VSWITCH_STATE=2:U:a:@/a/venv::-:a::\n");
	CD("out", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	check_clean("/usr/bin:/bin");
}
END_TEST

START_TEST(nested_projects)
{
	tvenv("a/sub/venv", "prompt = 'inner one'\n");
	tmkdir("a/sub/x");
	twrite("a/no/.venvrc", "");
	CD("a", ENTER_A);
	CD("a/sub/x", "prompt-clear\nset VIRTUAL_ENV=@/a/sub/venv\n"
		      "set VIRTUAL_ENV_PROMPT=inner one\n"
		      "set PATH=@/a/sub/venv/bin:/usr/bin:/bin\nprompt inner one\n"
		      "set VSWITCH_STATE=2:U:a:@/a/sub/venv::-:inner one::\n");
	CD("a/sub", "");
	CD("a/src", "prompt-clear\nset VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\n"
		    "set PATH=@/a/venv/bin:/usr/bin:/bin\nprompt a\n"
		    "set VSWITCH_STATE=2:U:a:@/a/venv::-:a::\n");
	/* an empty .venvrc inside the project opts its subtree out */
	CD("a/no", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	check_clean("/usr/bin:/bin");
}
END_TEST

START_TEST(pythonhome_saved_and_restored)
{
	static const char *const values[] = { "/ph", "" };

	for (size_t i = 0; i < 2; i++) {
		char want[300];

		set_var(V_PH, values[i]);
		snprintf(want, sizeof(want), "set VIRTUAL_ENV=@/a/venv\n"
			 "set VIRTUAL_ENV_PROMPT=a\nunset PYTHONHOME\n"
			 "set PATH=@/a/venv/bin:/usr/bin:/bin\nprompt a\n"
			 "set VSWITCH_STATE=2:U:a:@/a/venv::=%s:a::\n", values[i]);
		CD("a", want);
		ck_assert_ptr_null(var[V_PH]);
		snprintf(want, sizeof(want), "prompt-clear\nset VIRTUAL_ENV=@/b/.venv\n"
			 "set VIRTUAL_ENV_PROMPT=b\nset PATH=@/b/.venv/bin:/usr/bin:/bin\n"
			 "prompt b\nset VSWITCH_STATE=2:U:a:@/b/.venv::=%s:b::\n", values[i]);
		CD("b", want);
		snprintf(want, sizeof(want), "prompt-clear\nunset VIRTUAL_ENV\n"
			 "unset VIRTUAL_ENV_PROMPT\nset PYTHONHOME=%s\nset PATH=/usr/bin:/bin\n"
			 "unset VSWITCH_STATE\n", values[i]);
		CD("out", want);
		ck_assert_str_eq(var[V_PH], values[i]);
		set_var(V_PH, NULL);
		check_clean("/usr/bin:/bin");
	}
}
END_TEST

START_TEST(off_and_on)
{
	CD("a/src", ENTER_A);
	STEP("a/src", ENGINE_OFF, 0, NULL,
	     LEAVE("/usr/bin:/bin") "set VSWITCH_STATE=2:U:o::@/a:-:::\n");
	CD("a", "");			/* off holds inside the project */
	CD("a/src", "");
	STEP("a", ENGINE_ON, 0, NULL, ENTER_A);
	STEP("a", ENGINE_OFF, 0, NULL,
	     LEAVE("/usr/bin:/bin") "set VSWITCH_STATE=2:U:o::@/a:-:::\n");
	CD("out", "unset VSWITCH_STATE\n");	/* leaving ends the off */
	CD("a", ENTER_A);
	CD("out", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	STEP("out", ENGINE_OFF, 0, NULL, "");	/* nothing to turn off */
	STEP("out", ENGINE_ON, 0, NULL, "");
	check_clean("/usr/bin:/bin");
}
END_TEST

START_TEST(off_does_not_follow_into_other_project)
{
	CD("a", ENTER_A);
	STEP("a", ENGINE_OFF, 0, NULL,
	     LEAVE("/usr/bin:/bin") "set VSWITCH_STATE=2:U:o::@/a:-:::\n");
	CD("b", "set VIRTUAL_ENV=@/b/.venv\nset VIRTUAL_ENV_PROMPT=b\n"
		"set PATH=@/b/.venv/bin:/usr/bin:/bin\nprompt b\n"
		"set VSWITCH_STATE=2:U:a:@/b/.venv::-:b::\n");
}
END_TEST

START_TEST(use_stays_until_on)
{
	tvenv("envs/tool", "");
	STEP("out", ENGINE_USE, 0, "envs/tool",
	     "set VIRTUAL_ENV=@/envs/tool\nset VIRTUAL_ENV_PROMPT=tool\n"
	     "set PATH=@/envs/tool/bin:/usr/bin:/bin\nprompt tool\n"
	     "set VSWITCH_STATE=2:U:u:@/envs/tool::-:tool::\n");
	CD("a", "");
	CD("out", "");
	STEP("a", ENGINE_ON, 0, NULL,
	     "prompt-clear\nset VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\n"
	     "set PATH=@/a/venv/bin:/usr/bin:/bin\nprompt a\n"
	     "set VSWITCH_STATE=2:U:a:@/a/venv::-:a::\n");
	STEP("a", ENGINE_USE, 0, "envs/tool",
	     "prompt-clear\nset VIRTUAL_ENV=@/envs/tool\nset VIRTUAL_ENV_PROMPT=tool\n"
	     "set PATH=@/envs/tool/bin:/usr/bin:/bin\nprompt tool\n"
	     "set VSWITCH_STATE=2:U:u:@/envs/tool::-:tool::\n");
	STEP("a", ENGINE_OFF, 0, NULL,
	     LEAVE("/usr/bin:/bin") "set VSWITCH_STATE=2:U:o::@/a:-:::\n");
	CD("out", "unset VSWITCH_STATE\n");
	check_clean("/usr/bin:/bin");
}
END_TEST

START_TEST(hand_activated_left_alone)
{
	static const enum engine_cmd cmds[] = { ENGINE_OFF, ENGINE_ON, ENGINE_USE };
	static const char *const names[] = { "off", "on", "use" };

	set_var(V_VE, "/elsewhere/venv");
	set_var(V_PATH, "/elsewhere/venv/bin:/usr/bin:/bin");
	CD("a", "");
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(err, "");
	CD("out", "");
	for (size_t i = 0; i < 3; i++) {
		char want[200];

		STEP("a", cmds[i], 0, cmds[i] == ENGINE_USE ? "b/.venv" : NULL, "");
		ck_assert_int_eq(rc, -1);
		snprintf(want, sizeof(want), "vswitch: cannot '%s': '/elsewhere/venv' "
			 "was activated by hand; run 'deactivate' first\n", names[i]);
		ck_assert_str_eq(err, want);
	}
	/* once deactivated by hand, vswitch takes over again */
	set_var(V_VE, NULL);
	set_var(V_PATH, "/usr/bin:/bin");
	CD("a", ENTER_A);
}
END_TEST

START_TEST(hand_activation_over_ours)
{
	char path[8192];

	CD("a", ENTER_A);
	set_var(V_VE, tpath("b/.venv"));
	snprintf(path, sizeof(path), "%s/b/.venv/bin:%s", troot(), var[V_PATH]);
	set_var(V_PATH, path);
	/* an activate script's env on top of ours: only its label shows */
	CD("out", "prompt-clear\n");
	CD("b", "prompt-clear\n");
	ck_assert_ptr_null(prompt);
	/* its deactivate puts back the PATH it found, ours in it; in a
	 * project of ours, vswitch takes over again, label and all */
	set_var(V_VE, NULL);
	snprintf(path, sizeof(path), "%s/a/venv/bin:/usr/bin:/bin", troot());
	set_var(V_PATH, path);
	CD("a", "set VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\nprompt a\n");
	CD("out", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	check_clean("/usr/bin:/bin");
}
END_TEST

START_TEST(init_redraws_prompt)
{
	CD("a", ENTER_A);
	free(prompt);			/* a new shell: no prompt prefix yet */
	prompt = NULL;
	STEP("a", ENGINE_EXPORT, 1, NULL, "prompt a\n");
	ck_assert_str_eq(prompt, "a");
	STEP("a", ENGINE_EXPORT, 1, NULL, "prompt a\n");
	STEP("out", ENGINE_EXPORT, 1, NULL, LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	STEP("out", ENGINE_EXPORT, 1, NULL, "");
}
END_TEST

/* A login shell started inside an active one (tmux, `bash -l`) resets
 * PATH but inherits the state: the env's bin comes back, once. */
START_TEST(child_shell_with_login_path)
{
	CD("a/src", ENTER_A);
	set_var(V_PATH, "/usr/local/bin:/usr/bin:/bin");
	free(prompt);
	prompt = NULL;
	STEP("a/src", ENGINE_EXPORT, 1, NULL,
	     "set PATH=@/a/venv/bin:/usr/local/bin:/usr/bin:/bin\nprompt a\n");
	CD("a", "");
	CD("out", LEAVE("/usr/local/bin:/usr/bin:/bin") "unset VSWITCH_STATE\n");
	/* a child that lost VIRTUAL_ENV but kept the state gets it back */
	set_var(V_PATH, "/usr/bin:/bin");
	CD("a", ENTER_A);
	set_var(V_VE, NULL);
	set_var(V_VEP, NULL);
	STEP("a", ENGINE_EXPORT, 1, NULL,
	     "set VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\nprompt a\n");
}
END_TEST

START_TEST(garbage_state)
{
	set_var(V_STATE, "1:a:not-absolute::-:x");
	CD("out", "unset VSWITCH_STATE\n");
	check_clean("/usr/bin:/bin");
	set_var(V_STATE, "\x01\xff garbage %%%");
	CD("a", ENTER_A);
	ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(prompt_sources_and_disable)
{
	tvenv("c/e", "prompt = 'from cfg'\n");
	twrite("c/.venvrc", "env = ./e\nprompt = C $(x)\n");
	CD("c", "set VIRTUAL_ENV=@/c/e\nset VIRTUAL_ENV_PROMPT=C $(x)\n"
		"set PATH=@/c/e/bin:/usr/bin:/bin\nprompt C $(x)\n"
		"set VSWITCH_STATE=2:U:a:@/c/e::-:C $(x)::\n");
	CD("out", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	/* disabled: the hook still hears that an env is active (it offers
	 * deactivate), with no label to show */
	load_cfg("[prompt]\ndisable = true\n");
	CD("a", "set VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\n"
		"set PATH=@/a/venv/bin:/usr/bin:/bin\nprompt \n"
		"set VSWITCH_STATE=2:U:a:@/a/venv::-:a::\n");
	STEP("a", ENGINE_EXPORT, 1, NULL, "prompt \n");
}
END_TEST

/* The label is read on activation and then kept in the state: an edit
 * shows on the next activation, and a cd inside reads nothing again. */
START_TEST(label_kept_while_active)
{
	tvenv("l/venv", "prompt = 'one'\n");
	tmkdir("l/sub");
	CD("l", "set VIRTUAL_ENV=@/l/venv\nset VIRTUAL_ENV_PROMPT=one\n"
		"set PATH=@/l/venv/bin:/usr/bin:/bin\nprompt one\n"
		"set VSWITCH_STATE=2:U:a:@/l/venv::-:one::\n");
	tvenv("l/venv", "prompt = 'two'\n");
	CD("l/sub", "");
	/* a new shell inherits the env: its prompt says what the env says */
	STEP("l/sub", ENGINE_EXPORT, 1, NULL, "prompt one\n");
	CD("out", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
	CD("l", "set VIRTUAL_ENV=@/l/venv\nset VIRTUAL_ENV_PROMPT=two\n"
		"set PATH=@/l/venv/bin:/usr/bin:/bin\nprompt two\n"
		"set VSWITCH_STATE=2:U:a:@/l/venv::-:two::\n");
}
END_TEST

/* A label with control characters: the prompt shows them as text,
 * VIRTUAL_ENV_PROMPT and the state keep the exact bytes. */
START_TEST(prompt_label_without_controls)
{
	tvenv("t/e", "");
	twrite("t/.venvrc", "env = ./e\nprompt = \x1b]0;owned\x07 \xc2\x9b" "2J\n");
	CD("t", "set VIRTUAL_ENV=@/t/e\nset VIRTUAL_ENV_PROMPT=\x1b]0;owned\x07 \xc2\x9b" "2J\n"
		"set PATH=@/t/e/bin:/usr/bin:/bin\nprompt \\x1b]0;owned\\x07 \\u009b2J\n"
		"set VSWITCH_STATE=2:U:a:@/t/e::-:%1B]0;owned%07 %C2%9B2J::\n");
	STEP("t", ENGINE_EXPORT, 1, NULL, "prompt \\x1b]0;owned\\x07 \\u009b2J\n");
}
END_TEST

/* An env reached through a link: PATH, VIRTUAL_ENV and the state hold
 * its real path, the label is the project's. */
START_TEST(link_resolved_on_path)
{
	tvenv("store/e1", "");
	tmkdir("k");
	ck_assert_int_eq(symlink("../store/e1", tpath("k/venv")), 0);
	CD("k", "set VIRTUAL_ENV=@/store/e1\nset VIRTUAL_ENV_PROMPT=k\n"
		"set PATH=@/store/e1/bin:/usr/bin:/bin\nprompt k\n"
		"set VSWITCH_STATE=2:U:a:@/store/e1::-:k::\n");
	CD("k", "");
	CD("out", LEAVE("/usr/bin:/bin") "unset VSWITCH_STATE\n");
}
END_TEST

START_TEST(venvrc_naming_missing_env)
{
	twrite("m/.venvrc", "env = ./nothere\n");
	/* reported once on entering: the state remembers the entry */
	CD("m", "set VSWITCH_STATE=2:U:a:::-::@/m/.venvrc:\n");
	ck_assert_str_eq(err, "vswitch: @/m/.venvrc: no env at '@/m/nothere'\n");
	CD("m", "");
	ck_assert_str_eq(err, "");
	CD("a", ENTER_A);
	CD("m", LEAVE("/usr/bin:/bin") "set VSWITCH_STATE=2:U:a:::-::@/m/.venvrc:\n");
}
END_TEST

/* A step whose output the test does not spell out; it must not fail. */
static void quiet(const char *rel, enum engine_cmd cmd)
{
	free(run(rel, cmd, 0, NULL));
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(err, "");
}

/* After a long walk the child environment is what it was, to the byte. */
START_TEST(round_trip_leaves_no_trace)
{
	static const char path[] = ":/usr/bin::/odd dir/$(x)\n:";

	tvenv("a/sub/venv", "");
	set_var(V_PATH, path);
	set_var(V_PH, "/ph");
	CD("a", "set VIRTUAL_ENV=@/a/venv\nset VIRTUAL_ENV_PROMPT=a\nunset PYTHONHOME\n"
		"set PATH=@/a/venv/bin::/usr/bin::/odd dir/$(x)\n:\nprompt a\n"
		"set VSWITCH_STATE=2:U:a:@/a/venv::=/ph:a::\n");
	quiet("a/sub", ENGINE_EXPORT);
	quiet("b", ENGINE_EXPORT);
	quiet("b", ENGINE_OFF);
	quiet("b", ENGINE_ON);
	quiet("a", ENGINE_EXPORT);
	quiet("out", ENGINE_EXPORT);
	ck_assert_str_eq(var[V_PATH], path);
	ck_assert_str_eq(var[V_PH], "/ph");
	ck_assert_ptr_null(var[V_VE]);
	ck_assert_ptr_null(var[V_VEP]);
	ck_assert_ptr_null(var[V_STATE]);
	ck_assert_ptr_null(prompt);
}
END_TEST

/* An env whose path the shell cannot hold (xonsh: a '$') is refused
 * when found and when used, and when a child shell inherits it from a
 * parent that could hold it, followed or kept by use. */
START_TEST(what_the_shell_cannot_hold)
{
	static const char why[] = "xonsh expands '$' and '~' in PATH entries, so it cannot hold this path";

	tvenv("d$x/venv", "");
	shell = &shell_xonsh;
	free(run("d$x", ENGINE_EXPORT, 0, NULL));
	ck_assert_ptr_null(var[V_VE]);
	ck_assert_ptr_nonnull(strstr(err, "not activating '@/d$x/venv': "));
	ck_assert_ptr_nonnull(strstr(err, why));
	STEP("out", ENGINE_USE, 0, "d$x/venv", "");
	ck_assert_int_eq(rc, -1);
	ck_assert_ptr_nonnull(strstr(err, "cannot use '@/d$x/venv': "));
	/* followed in a parent shell (bash), inherited by a new xonsh */
	shell = NULL;
	free(run("d$x", ENGINE_EXPORT, 0, NULL));
	ck_assert_ptr_nonnull(var[V_VE]);
	shell = &shell_xonsh;
	free(run("d$x", ENGINE_EXPORT, 1, NULL));
	ck_assert_ptr_null(var[V_VE]);
	ck_assert_str_eq(var[V_PATH], "/usr/bin:/bin");
	ck_assert_ptr_nonnull(strstr(err, why));
	/* kept by use in the parent: the use ends, and so does the env */
	shell = NULL;
	free(run("out", ENGINE_USE, 0, "d$x/venv"));
	ck_assert_ptr_nonnull(var[V_VE]);
	shell = &shell_xonsh;
	free(run("out", ENGINE_EXPORT, 1, NULL));
	ck_assert_ptr_null(var[V_VE]);
	ck_assert_str_eq(var[V_PATH], "/usr/bin:/bin");
	ck_assert_ptr_nonnull(strstr(err, "no longer using '@/d$x/venv': "));
	ck_assert_ptr_nonnull(strstr(err, why));
	shell = NULL;
	check_clean("/usr/bin:/bin");
}
END_TEST

/* nushell holds only UTF-8: an env whose label (from pyvenv.cfg) or
 * path is not is refused, with the reason; one that is UTF-8 is used,
 * '$' and '~' in its path included. */
START_TEST(nu_holds_only_utf8)
{
	tvenv("lab/venv", "prompt = caf\xe9\n");
	tvenv("p\xff/venv", "");
	tvenv("ok$~/venv", "prompt = caf\xc3\xa9\n");
	shell = &shell_nu;
	free(run("lab", ENGINE_EXPORT, 0, NULL));
	ck_assert_ptr_null(var[V_VE]);
	ck_assert_ptr_nonnull(strstr(err, "not activating '@/lab/venv': "
				     "nushell holds only UTF-8 text, so it cannot hold this label"));
	free(run("p\xff", ENGINE_EXPORT, 0, NULL));
	ck_assert_ptr_null(var[V_VE]);
	ck_assert_ptr_nonnull(strstr(err, "cannot hold this path"));
	STEP("out", ENGINE_USE, 0, "lab/venv", "");
	ck_assert_int_eq(rc, -1);
	free(run("ok$~", ENGINE_EXPORT, 0, NULL));
	ck_assert_ptr_nonnull(var[V_VE]);
	ck_assert_str_eq(var[V_VEP], "caf\xc3\xa9");
	shell = NULL;
}
END_TEST

Suite *engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = fixture_tcase("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nothing_anywhere);
	tcase_add_test(tc, enter_and_leave);
	tcase_add_test(tc, hook_lists_held);
	tcase_add_test(tc, user_path_edits_kept);
	tcase_add_test(tc, switch_between_projects);
	tcase_add_test(tc, nested_projects);
	tcase_add_test(tc, pythonhome_saved_and_restored);
	tcase_add_test(tc, off_and_on);
	tcase_add_test(tc, off_does_not_follow_into_other_project);
	tcase_add_test(tc, use_stays_until_on);
	tcase_add_test(tc, hand_activated_left_alone);
	tcase_add_test(tc, hand_activation_over_ours);
	tcase_add_test(tc, init_redraws_prompt);
	tcase_add_test(tc, child_shell_with_login_path);
	tcase_add_test(tc, garbage_state);
	tcase_add_test(tc, prompt_sources_and_disable);
	tcase_add_test(tc, venvrc_naming_missing_env);
	tcase_add_test(tc, label_kept_while_active);
	tcase_add_test(tc, prompt_label_without_controls);
	tcase_add_test(tc, link_resolved_on_path);
	tcase_add_test(tc, round_trip_leaves_no_trace);
	tcase_add_test(tc, what_the_shell_cannot_hold);
	tcase_add_test(tc, nu_holds_only_utf8);
	suite_add_tcase(s, tc);
	return s;
}
