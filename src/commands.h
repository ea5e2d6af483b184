/* commands: one function per subcommand, dispatched from main.c.
 * Each appends what goes to stdout to out and returns the exit code. */
#ifndef COMMANDS_H
#define COMMANDS_H

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
int cmd_status(struct cmd_ctx *c);
int cmd_allow(struct cmd_ctx *c);
int cmd_deny(struct cmd_ctx *c);

/* Print the usage summary to out. */
void usage_text(struct strbuf *out);

#endif
