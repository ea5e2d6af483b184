/* command: one row per subcommand. main.c checks the arguments against
 * the row, loads what its flags ask for, calls it, and writes what it
 * put in out to stdout; `--help` is made from the table. Adding a
 * command means one function (in a cmd_*.c file) and one row in
 * command.c. */
#ifndef COMMAND_H
#define COMMAND_H

#include "config.h"
#include "engine.h"
#include "shell.h"
#include "strbuf.h"

enum command_flag {
	CMD_HOOK = 1,		/* changes the shell: only through the hook's
				 * function, which passes --shell and
				 * evaluates the output */
	CMD_RENDER = 2,		/* changes the shell when run through the
				 * function, and works without it */
	CMD_CONFIG = 4,		/* needs the config */
	CMD_INPUT = 8,		/* needs the shell's state (engine_input) */
	CMD_STATE = 16,		/* its output sets the state: problems the
				 * state says were reported stay quiet */
};

struct cmd_ctx {
	const char *argv0;	/* how the binary was started (argv[0]) */
	int argc;		/* arguments after the command name */
	char **argv;
	const struct shell *shell;	/* from --shell, or NULL */
	struct config cfg;	/* loaded for CMD_CONFIG */
	struct engine_input in;	/* read for CMD_INPUT */
	struct strbuf *out;	/* what goes to stdout */
};

struct command {
	const char *name;
	int (*fn)(struct cmd_ctx *c);	/* returns the exit code */
	int min_args, max_args;
	const char *args;	/* the arguments, as usage shows them */
	const char *help;	/* what it does; '\n' starts a new line */
	unsigned flags;
};

extern const struct command command_table[];
extern const size_t command_count;

/* Check c's arguments against cmd (usage, exit 2), and that a command
 * that changes the shell came through the hook (exit 1); load the
 * config and input its flags ask for, run it, free what was loaded.
 * Returns the exit code. */
int command_run(const struct command *cmd, struct cmd_ctx *c);
/* The command called name, or NULL. */
const struct command *command_find(const char *name);
/* Append the usage text: set-up lines per shell, then every command. */
void command_usage(struct strbuf *out);
/* Append the names of the commands that change the shell, separated by
 * blanks (the hooks' function evaluates their output). */
void command_shell_names(struct strbuf *out);
/* Report that name needs the hook, with the set-up line of each shell;
 * returns -1. */
int command_need_hook(const char *name);

/* Run the engine for cmd on c's config and input, render the changes for
 * sh into c->out; returns the exit code (1 when the engine refused). */
int cmd_render(struct cmd_ctx *c, const struct shell *sh, enum engine_cmd cmd);

int cmd_hook(struct cmd_ctx *c);
int cmd_export(struct cmd_ctx *c);
int cmd_off(struct cmd_ctx *c);
int cmd_on(struct cmd_ctx *c);
int cmd_use(struct cmd_ctx *c);
int cmd_list(struct cmd_ctx *c);
int cmd_status(struct cmd_ctx *c);
int cmd_allow(struct cmd_ctx *c);
int cmd_deny(struct cmd_ctx *c);
int cmd_exec(struct cmd_ctx *c);
int cmd_env(struct cmd_ctx *c);

#endif
