/* engine: from the shell's state and the directory, decide the changes
 * that move the shell where it should be. Knows no shell syntax. */
#ifndef ENGINE_H
#define ENGINE_H

#include "changes.h"
#include "config.h"

struct shell;

enum engine_cmd {
	ENGINE_EXPORT,	/* the hook: follow $PWD */
	ENGINE_OFF,	/* deactivate and stay off inside this project */
	ENGINE_ON,	/* back to automatic switching */
	ENGINE_USE,	/* activate the given env until off or on */
};

/* What the shell looks like now; the strings are its variables (NULL
 * when unset). */
struct engine_input {
	const char *pwd;
	const char *path;
	const char *virtual_env;
	const char *pythonhome;
	const char *state;
	int init;		/* first run in a new shell: redo the prompt */
	const char *use_env;	/* for ENGINE_USE: the env's absolute path */
	int quiet;		/* do not report a refused env (the caller
				 * just said why, as `deny` does) */
	const struct shell *shell;	/* the shell the changes are for, whose
				 * row may refuse what it cannot hold */
	int hook;		/* for a hook: add its variables (hookdata.h) */
	const char *have;	/* the tag of the variables the hook holds,
				 * or NULL */
	int *refused;		/* if not NULL, set to 1 when the env the
				 * directory wants is refused or missing */
};

/* Read the input from the process environment. */
void engine_input_from_env(struct engine_input *in);
/* Start the run's notes (note.h) from the state in in, if it is this
 * user's: problems it says were reported are not reported again. */
void engine_notes_begin(const struct engine_input *in);
/* Append to out the changes cmd calls for. Returns 0, or -1 when cmd
 * cannot be done (an env activated by hand is in the way; reported). */
int engine_run(const struct config *cfg, const struct engine_input *in,
	       enum engine_cmd cmd, struct changes *out);

#endif
