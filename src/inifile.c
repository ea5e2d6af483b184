/* inifile: inih with line numbers and long-line handling. */
#include "inifile.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

#define MAX_FILE_LINES 100000

struct reader {
	FILE *fp;
	const char *path;
	unsigned line;		/* line most recently handed to inih */
	unsigned bad_line;	/* line our handler rejected, if any */
	inifile_fn fn;
	void *data;
};

/* Whether inih will accept line. Checked here, not left to inih, so that
 * every bad line is reported rather than only the first. An indented line
 * without '=' continues the previous value, as inih allows. */
static int syntax_ok(const char *line)
{
	const char *p = line + strspn(line, " \t\r\n");

	if (!*p || *p == ';' || *p == '#')
		return 1;
	if (*p == '[')
		return strchr(p, ']') != NULL;
	return p > line || strpbrk(p, "=:") != NULL;
}

/* fgets for inih that counts lines, and blanks (after reporting) a line
 * that is too long, holds a NUL byte or is not INI, so that a bad line is
 * one clear error rather than garbage keys. */
static char *read_line(char *str, int num, void *stream)
{
	struct reader *r = stream;
	size_t n = 0, room = (size_t)num - 2;	/* keep space for "\n\0" */
	int c, nul = 0, too_long = 0;

	if (r->line >= MAX_FILE_LINES) {
		if (getc(r->fp) != EOF)
			error_at(r->path, r->line, "more than %d lines; the rest is ignored",
				 MAX_FILE_LINES);
		return NULL;
	}
	while ((c = getc(r->fp)) != EOF && c != '\n') {
		if (!c)
			nul = 1;
		else if (n < room)
			str[n++] = (char)c;
		else
			too_long = 1;
	}
	if (c == EOF && !n && !nul)
		return NULL;
	r->line++;
	str[n++] = '\n';
	str[n] = '\0';
	if (too_long)
		error_at(r->path, r->line, "line longer than %d bytes ignored", num - 2);
	else if (nul)
		error_at(r->path, r->line, "NUL byte in line; line ignored");
	else if (!syntax_ok(str))
		error_at(r->path, r->line,
			 "syntax error (expected 'key = value' or '[section]')");
	else
		return str;
	r->bad_line = r->line;
	str[0] = '\n';
	str[1] = '\0';
	return str;
}

static int handler(void *user, const char *section, const char *name,
		   const char *value)
{
	struct reader *r = user;
	const char *msg = "bad value";

	if (r->fn(r->data, section, name, value, r->line, &msg))
		return 1;
	error_at(r->path, r->line, "%s", msg);
	r->bad_line = r->line;
	return 1;
}

int inifile_parse_stream(FILE *fp, const char *path, inifile_fn fn, void *data)
{
	struct reader r = { fp, path, 0, 0, fn, data };
	int rc;

	rc = ini_parse_stream(read_line, &r, handler, &r);
	if (ferror(fp)) {
		error_errno("cannot read '%s'", path);
		return -2;
	}
	/* inih returns only the first syntax error; report it unless our
	 * handler already did for that line. */
	if (rc > 0 && (unsigned)rc != r.bad_line)
		error_at(path, (unsigned)rc, "syntax error (expected 'key = value' or '[section]')");
	return 0;
}

int inifile_parse(const char *path, inifile_fn fn, void *data)
{
	FILE *fp = fopen(path, "r");
	int rc;

	if (!fp) {
		if (errno == ENOENT || errno == ENOTDIR)
			return -1;
		error_errno("cannot read '%s'", path);
		return -2;
	}
	rc = inifile_parse_stream(fp, path, fn, data);
	fclose(fp);
	return rc;
}
