/* main: parse the global options and run one command from the table. */
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "error.h"

#ifndef VERSION
#define VERSION "unknown"
#endif

int main(int argc, char **argv)
{
	struct strbuf out = STRBUF_INIT, names = STRBUF_INIT;
	struct cmd_ctx c;
	const struct command *cmd;
	const char *name;
	int i = 1, rc;

	memset(&c, 0, sizeof(c));
	c.out = &out;
	c.argv0 = argc ? argv[0] : "";
	for (; i < argc && !strncmp(argv[i], "--shell", 7) &&
	       (argv[i][7] == '=' || argv[i][7] == '\0'); i++) {
		const char *v = argv[i][7] == '=' ? argv[i] + 8 :
				i + 1 < argc ? argv[++i] : "";

		if (!(c.shell = shell_find(v))) {
			shell_names(&names, ", ");
			error("unknown shell '%s' (known: %s)", v, names.buf);
			strbuf_release(&names);
			return 2;
		}
	}
	if (i >= argc) {
		command_usage(&out);
		strbuf_write_fd(&out, 2);
		strbuf_release(&out);
		return 2;
	}
	name = argv[i];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		command_usage(&out);
		rc = 0;
	} else if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		strbuf_addstr(&out, "vswitch " VERSION "\n");
		rc = 0;
	} else if ((cmd = command_find(name))) {
		c.argc = argc - i - 1;
		c.argv = argv + i + 1;
		rc = command_run(cmd, &c);
	} else {
		error("unknown command '%s'; see 'vswitch --help'", name);
		return 2;
	}
	/* stdout is checked: a failed write there would leave the hook
	 * evaluating half a command. */
	if (strbuf_write_fd(&out, 1) < 0) {
		error("cannot write output");
		rc = 1;
	}
	strbuf_release(&out);
	return rc;
}
