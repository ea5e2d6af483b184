/* inifile: read an INI file with inih, knowing each key's line number.
 *
 * inih (as Debian builds it) neither tells a handler its line nor copes
 * with lines over 200 bytes; feeding it through our own reader gives
 * both: every key arrives with its line, and an over-long line is
 * reported and skipped instead of being parsed in pieces. */
#ifndef INIFILE_H
#define INIFILE_H

#include <stdio.h>

/* Called for each key; return 0 to report "FILE:LINE: <msg>". */
typedef int (*inifile_fn)(void *data, const char *section, const char *key,
			  const char *value, unsigned line, const char **msg);

/* Parse path, calling fn for each key. Syntax errors are reported as
 * "vswitch: PATH:LINE: ..." and parsing goes on. Returns 0 when read,
 * -1 when the file does not exist (errno ENOENT, nothing printed), -2
 * when it exists but cannot be read (reported). */
int inifile_parse(const char *path, inifile_fn fn, void *data);
/* Parse what fp holds (a file or memory), naming it path in messages.
 * Returns 0, or -2 when reading fails (reported). */
int inifile_parse_stream(FILE *fp, const char *path, inifile_fn fn, void *data);

#endif
