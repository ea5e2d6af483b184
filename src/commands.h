/* commands: one function per subcommand, dispatched from main.c.
 * Each appends what goes to stdout to out and returns the exit code. */
#ifndef COMMANDS_H
#define COMMANDS_H

#include "config.h"
#include "engine.h"
#include "shell.h"
#include "strbuf.h"

struct cmd_ctx {
	int argc;		/* arguments after the command name */
	char **argv;
	const struct shell *shell;	/* from --shell, or NULL */
	struct strbuf *out;
};

int cmd_hook(struct cmd_ctx *c);
int cmd_export(struct cmd_ctx *c);
int cmd_off(struct cmd_ctx *c);
int cmd_on(struct cmd_ctx *c);
int cmd_use(struct cmd_ctx *c);
int cmd_list(struct cmd_ctx *c);
int cmd_status(struct cmd_ctx *c);
int cmd_allow(struct cmd_ctx *c);
int cmd_deny(struct cmd_ctx *c);

/* Run the engine for cmd on the shell state in, render the changes for
 * sh into c->out; returns the exit code (1 when the engine refused). */
int cmd_render(struct cmd_ctx *c, const struct shell *sh, enum engine_cmd cmd,
	       const struct config *cfg, const struct engine_input *in);

/* Print the usage summary to out. */
void usage_text(struct strbuf *out);

#endif
