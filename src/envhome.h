/* envhome: the folder of named envs ([envs] home, $WORKON_HOME,
 * ~/.virtualenvs) and looking names up in it. */
#ifndef ENVHOME_H
#define ENVHOME_H

#include "config.h"
#include "strbuf.h"

/* Append the env home's absolute path. */
void envhome_dir(const struct config *cfg, struct strbuf *out);
/* Whether name can name an env: not empty, no '/', not "." or "..". */
int envhome_valid_name(const char *name);
/* Append the path of env name (which need not exist). */
void envhome_path(const struct config *cfg, const char *name, struct strbuf *out);

#endif
