/* inifile: read an INI file with inih, knowing each key's line number.
 *
 * inih (as Debian builds it) neither tells a handler its line nor copes
 * with lines over 200 bytes; feeding it through our own reader gives
 * both: every key arrives with its line, and an over-long line is
 * reported and skipped instead of being parsed in pieces.
 *
 * A broken file never floods: at most INIFILE_SHOWN problems are shown,
 * then one line says how many more there were; and a file whose
 * problems were reported is quiet until its bytes change (note.h). */
#ifndef INIFILE_H
#define INIFILE_H

#include <stddef.h>
#include <sys/stat.h>

#include "strbuf.h"

/* Problems shown per file. */
#define INIFILE_SHOWN 5
/* A config or .venvrc is a few lines; a bigger file is not read. */
#define INIFILE_MAX (1 << 20)

/* Called for each key; return 0 to report "FILE:LINE: <msg>". */
typedef int (*inifile_fn)(void *data, const char *section, const char *key,
			  const char *value, unsigned line, const char **msg);

/* Read path into text: opened without blocking (a FIFO cannot hang the
 * shell), a regular file only, at most INIFILE_MAX bytes. Returns 0;
 * -1 when it does not exist (nothing printed); -2 when it exists but
 * cannot be read, with why ("larger than 1 MiB", "not a regular file",
 * the errno text) set for the caller to report. *st gets its status. */
int inifile_read(const char *path, struct strbuf *text, struct stat *st,
		 const char **why);
/* Parse len bytes of buf as the file path, calling fn for each key;
 * problems are reported as "vswitch: PATH:LINE: ...", capped, unless
 * quiet. Returns how many problems there were. */
unsigned inifile_parse_mem(const char *buf, size_t len, const char *path,
			   int quiet, inifile_fn fn, void *data);
/* Read and parse path, its problems reported once per version of the
 * file. Returns 0 when read, -1 when the file does not exist (errno
 * ENOENT, nothing printed), -2 when it exists but cannot be read
 * (reported, once per version of that failure). */
int inifile_parse(const char *path, inifile_fn fn, void *data);

#endif
