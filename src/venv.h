/* venv: facts about one env folder: its pyvenv.cfg and its label. */
#ifndef VENV_H
#define VENV_H

#include "config.h"
#include "strbuf.h"

/* Append the value of key in env/pyvenv.cfg, with Python's repr quoting
 * (as `python -m venv --prompt` writes it) undone. Returns 1 if found. */
int venv_cfg_get(const char *env, const char *key, struct strbuf *out);
/* Append the label for env: rc_prompt if given, else pyvenv.cfg's prompt,
 * else the folder's name, or the project folder's name when the folder
 * name is one of the search names (so no two projects both say "venv"). */
void venv_label(const struct config *cfg, const char *env,
		const char *rc_prompt, struct strbuf *out);
/* Whether env is broken: its bin/python a link to an interpreter that
 * is gone (the Python it was made with was removed or upgraded), or its
 * pyvenv.cfg's home folder gone. Then the reason, naming what is
 * missing and the fix, is appended to why; returns 1. */
int venv_broken(const char *env, struct strbuf *why);
/* Whether env was made where it is: the tools that make venvs record
 * the env's own absolute path, python -m venv, virtualenv, uv, poetry
 * and pipenv in bin/activate (a VIRTUAL_ENV= line), python -m venv 3.11
 * and later also at the end of pyvenv.cfg's command. Either naming env,
 * or real (its resolved path, may be NULL), is the evidence; a copy, a
 * clone or an unpacked archive names where it was made. Otherwise the
 * reason is appended to why; returns 0. */
int venv_made_here(const char *env, const char *real, struct strbuf *why);
/* Append the Python version env was made with: pyvenv.cfg's version
 * (python -m venv), else version_info (virtualenv, uv) cut to three
 * parts. Returns 0 and appends nothing when neither is there. */
int venv_python_version(const char *env, struct strbuf *out);

#endif
