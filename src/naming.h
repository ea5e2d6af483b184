/* naming: the names poetry and pipenv give the envs they make, computed
 * as the tools compute them (each in its source's file), here for the
 * sources and for tests against names the tools themselves gave. */
#ifndef NAMING_H
#define NAMING_H

#include "strbuf.h"

/* Append poetry's {S}-{H} for a project called name in the folder whose
 * real path is realdir. */
void poetry_env_name(const char *name, const char *realdir, struct strbuf *out);
/* Append pipenv's {S}-{H}, then "-" and python's last part when python
 * (PIPENV_PYTHON) is not NULL or empty, for the Pipfile whose real path
 * is pipfile. */
void pipenv_env_name(const char *pipfile, const char *python, struct strbuf *out);

#endif
