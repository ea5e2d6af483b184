/* command: the table of subcommands, and the texts made from it. */
#include "command.h"

#include <string.h>

#include "error.h"

const struct command command_table[] = {
	{ "hook", cmd_hook, 1, 1, "SHELL|--list",
	  "print the hook for SHELL; --list names the shells", 0 },
	{ "export", cmd_export, 1, 3, "SHELL [--init]",
	  "print the code that moves the shell to what\n"
	  "$PWD wants (the hook runs this, with --have:\n"
	  "what it holds already)", CMD_CONFIG | CMD_INPUT | CMD_STATE },
	{ "off", cmd_off, 0, 0, "",
	  "deactivate; stays off inside this project\n"
	  "until you leave it", CMD_HOOK | CMD_CONFIG | CMD_INPUT | CMD_STATE },
	{ "on", cmd_on, 0, 0, "",
	  "resume automatic switching here (ends an off\n"
	  "or a use)", CMD_HOOK | CMD_CONFIG | CMD_INPUT | CMD_STATE },
	{ "use", cmd_use, 1, 1, "NAME|PATH",
	  "activate an env from the env home, or the venv\n"
	  "at PATH, and keep it across cd until off or on",
	  CMD_HOOK | CMD_CONFIG | CMD_INPUT | CMD_STATE },
	{ "list", cmd_list, 0, 2, "[--long]",
	  "the envs in the env home, one name per line,\n"
	  "sorted; --long adds the Python version and the\n"
	  "path; --prefix=STR keeps names starting STR", CMD_CONFIG },
	{ "status", cmd_status, 0, 0, "",
	  "what is active, what chose it, why an env was\n"
	  "refused, which config was read", CMD_CONFIG | CMD_INPUT },
	{ "allow", cmd_allow, 0, 1, "[DIR]",
	  "trust the entry that governs DIR (default:\n"
	  "here: a .venvrc, a venv folder, a tool's file)\n"
	  "and activate its env; editing it withdraws\n"
	  "the trust",
	  CMD_RENDER | CMD_CONFIG | CMD_INPUT | CMD_STATE },
	{ "deny", cmd_deny, 0, 1, "[DIR]",
	  "never activate the env of the entry that\n"
	  "governs DIR (default: here), until allowed", CMD_RENDER | CMD_CONFIG | CMD_INPUT | CMD_STATE },
	{ "exec", cmd_exec, 2, 1 << 20, "[--dir DIR] -- CMD...",
	  "run CMD with the env DIR (default: here)\n"
	  "wants, no hook needed (agents, cron, make)", CMD_CONFIG | CMD_INPUT },
	{ "env", cmd_env, 0, 1, "[SHELL]",
	  "print the activation for here once, for\n"
	  "shells that draw no prompt (default: sh)", CMD_CONFIG | CMD_INPUT },
};
const size_t command_count = sizeof(command_table) / sizeof(command_table[0]);

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (!strcmp(command_table[i].name, name))
			return &command_table[i];
	return NULL;
}

/* "  NAME ARGS", padded to width, then the help with each line after the
 * first indented to the same column. */
static void usage_row(struct strbuf *out, const char *left, size_t width,
		      const char *help)
{
	strbuf_addf(out, "  %-*s  ", (int)width, left);
	for (const char *p = help; *p; p++) {
		strbuf_addch(out, *p);
		if (*p == '\n')
			strbuf_addf(out, "  %-*s  ", (int)width, "");
	}
	strbuf_addch(out, '\n');
}

/* The set-up lines are aligned in a column this wide; a longer one
 * (xonsh's) stands unpadded. */
#define SETUP_COLUMN 40

/* "  NAME   SETUP  (RCFILE)", the rc file on a line of its own where
 * the row would pass 80 columns, or the set-up takes lines. */
static void setup_row(struct strbuf *out, const struct shell *sh, size_t width)
{
	size_t n = strlen(sh->setup);

	if (n > width)
		width = n;
	if (!strchr(sh->setup, '\n') &&
	    2 + 7 + width + 2 + strlen(sh->rcfile) + 2 <= 80) {
		strbuf_addf(out, "  %-6s %-*s  (%s)\n", sh->name, (int)width,
			    sh->setup, sh->rcfile);
		return;
	}
	strbuf_addf(out, "  %-6s ", sh->name);
	for (const char *p = sh->setup; *p; p++) {
		strbuf_addch(out, *p);
		if (*p == '\n')
			strbuf_addf(out, "  %-6s ", "");
	}
	strbuf_addf(out, "\n  %-6s (%s)\n", "", sh->rcfile);
}

void command_usage(struct strbuf *out)
{
	struct strbuf left = STRBUF_INIT;
	size_t width = strlen("--version"), swidth = 0;

	for (size_t i = 0; i < command_count; i++) {
		const struct command *c = &command_table[i];
		size_t n = strlen(c->name) + (*c->args ? 1 + strlen(c->args) : 0);

		if (n > width)
			width = n;
	}
	for (size_t i = 0; i < shell_count; i++) {
		size_t n = strlen(shell_table[i]->setup);

		if (n > swidth && n <= SETUP_COLUMN)
			swidth = n;
	}
	strbuf_addstr(out,
		"usage: vswitch COMMAND [ARGS]\n"
		"\n"
		"Activates the Python virtual env of the project you are in, and restores\n"
		"the shell when you leave. Set it up once, in your shell's rc file:\n");
	for (size_t i = 0; i < shell_count; i++)
		setup_row(out, shell_table[i], swidth);
	strbuf_addstr(out, "\ncommands:\n");
	for (size_t i = 0; i < command_count; i++) {
		const struct command *c = &command_table[i];

		strbuf_set(&left, c->name);
		if (*c->args)
			strbuf_addf(&left, " %s", c->args);
		usage_row(out, left.buf, width, c->help);
	}
	usage_row(out, "--help", width, "this text");
	usage_row(out, "--version", width, "the version");
	strbuf_addstr(out,
		"\n"
		"By default ([trust] mode = owner) an env is used only when every folder\n"
		"on the way to its bin/ is yours (or root's) and writable by no one else;\n"
		"a .venvrc that names a path, and a tool's file that names an env outside\n"
		"the project and your own stores, need 'vswitch allow' first.\n"
		"\n"
		"See vswitch(1), vswitch-venvrc(5), vswitch-config(5), vswitch-trust(7).\n");
	strbuf_release(&left);
}

void command_shell_names(struct strbuf *out)
{
	int first = 1;

	for (size_t i = 0; i < command_count; i++) {
		if (!(command_table[i].flags & (CMD_HOOK | CMD_RENDER)))
			continue;
		if (!first)
			strbuf_addch(out, ' ');
		strbuf_addstr(out, command_table[i].name);
		first = 0;
	}
}

int command_need_hook(const char *name)
{
	struct strbuf lines = STRBUF_INIT;

	for (size_t i = 0; i < shell_count; i++) {
		strbuf_addstr(&lines, i ? "; " : "");
		/* a set-up of two lines, on this one line */
		for (const char *p = shell_table[i]->setup; *p; p++)
			if (*p == '\n')
				strbuf_addstr(&lines, "; ");
			else
				strbuf_addch(&lines, *p);
		strbuf_addf(&lines, " in %s", shell_table[i]->rcfile);
	}
	error("'%s' changes the shell, so it needs the hook: add the line for your shell to its rc file (%s)",
	      name, lines.buf);
	strbuf_release(&lines);
	return -1;
}

int command_run(const struct command *cmd, struct cmd_ctx *c)
{
	int rc;

	if (c->argc < cmd->min_args || c->argc > cmd->max_args) {
		error("usage: vswitch %s%s%s", cmd->name, *cmd->args ? " " : "",
		      cmd->args);
		return 2;
	}
	if ((cmd->flags & CMD_HOOK) && !c->shell) {
		command_need_hook(cmd->name);
		return 1;
	}
	if (cmd->flags & CMD_INPUT) {
		engine_input_from_env(&c->in);
		c->in.shell = c->shell;
	}
	/* before the config, whose problems are notes too */
	if (cmd->flags & CMD_STATE)
		engine_notes_begin(&c->in);
	if (cmd->flags & CMD_CONFIG)
		config_load(&c->cfg);
	rc = cmd->fn(c);
	if (cmd->flags & CMD_CONFIG)
		config_free(&c->cfg);
	return rc;
}
