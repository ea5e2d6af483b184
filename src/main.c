/* main: parse global options and dispatch from the command table. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "error.h"

#ifndef VERSION
#define VERSION "unknown"
#endif

static const struct command {
	const char *name;
	int (*fn)(struct cmd_ctx *c);
} commands[] = {
	{ "hook", cmd_hook },
	{ "export", cmd_export },
	{ "off", cmd_off },
	{ "on", cmd_on },
	{ "use", cmd_use },
	{ "list", cmd_list },
	{ "status", cmd_status },
	{ "allow", cmd_allow },
	{ "deny", cmd_deny },
};

void usage_text(struct strbuf *out)
{
	strbuf_addstr(out,
"usage: vswitch COMMAND [ARGS]\n"
"\n"
"Activates the Python virtual env of the project you are in, and restores\n"
"the shell when you leave. Set it up once, in your shell's rc file:\n"
"  bash:  eval \"$(vswitch hook bash)\"     (~/.bashrc)\n"
"  zsh:   eval \"$(vswitch hook zsh)\"      (~/.zshrc)\n"
"  fish:  vswitch hook fish | source      (~/.config/fish/config.fish)\n"
"\n"
"commands:\n"
"  hook SHELL     print the hook for bash, zsh or fish\n"
"  export SHELL   print the code that moves the shell to what $PWD wants\n"
"                 (the hook runs this)\n"
"  off            deactivate; stays off inside this project until you leave\n"
"  on             resume automatic switching here (ends an off or a use)\n"
"  use NAME|PATH  activate an env from the env home, or the venv at PATH,\n"
"                 and keep it across cd until off or on\n"
"  list [--long]  the envs in the env home, one name per line, sorted;\n"
"                 --long adds the Python version and the path\n"
"  status         what is active, what chose it, why an env was refused,\n"
"                 which config was read\n"
"  allow [DIR]    trust the .venvrc or venv that governs DIR (default: here)\n"
"                 and activate it; editing a .venvrc withdraws the trust\n"
"  deny [DIR]     never activate the .venvrc or venv that governs DIR\n"
"  --help         this text\n"
"  --version      the version\n"
"\n"
"By default ([trust] mode = owner) a venv folder is used only when it and\n"
"its bin/ are yours (or root's) and writable by no one else, and a .venvrc\n"
"that names a path needs 'vswitch allow' first.\n"
"\n"
"See vswitch(1) for discovery, .venvrc files, trust and the config file.\n");
}

int main(int argc, char **argv)
{
	struct strbuf out = STRBUF_INIT;
	struct cmd_ctx c = { 0, NULL, NULL, &out };
	const char *name;
	int i = 1, rc = -1;

	for (; i < argc && !strncmp(argv[i], "--shell", 7) &&
	       (argv[i][7] == '=' || argv[i][7] == '\0'); i++) {
		const char *v = argv[i][7] == '=' ? argv[i] + 8 :
				i + 1 < argc ? argv[++i] : "";

		if (!(c.shell = shell_find(v))) {
			error("unknown shell '%s' (known: %s)", v, shell_names());
			return 2;
		}
	}
	if (i >= argc) {
		usage_text(&out);
		strbuf_write_fd(&out, 2);
		return 2;
	}
	name = argv[i];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		usage_text(&out);
		rc = 0;
	} else if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		strbuf_addstr(&out, "vswitch " VERSION "\n");
		rc = 0;
	}
	for (size_t k = 0; rc < 0 && k < sizeof(commands) / sizeof(commands[0]); k++) {
		if (strcmp(name, commands[k].name))
			continue;
		c.argc = argc - i - 1;
		c.argv = argv + i + 1;
		rc = commands[k].fn(&c);
	}
	if (rc < 0) {
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
