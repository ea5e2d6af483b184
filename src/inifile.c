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

/* fgets for inih that counts lines and drops the tail of a line that
 * does not fit, so a long line is one error rather than garbage keys. */
static char *read_line(char *str, int num, void *stream)
{
	struct reader *r = stream;
	size_t len;
	int c;

	/* Fill first: then the NUL fgets ends with is the last NUL in str,
	 * which gives the length read even when the line holds a NUL. */
	memset(str, '\n', (size_t)num);
	if (r->line >= MAX_FILE_LINES || !fgets(str, num, r->fp))
		return NULL;
	r->line++;
	len = (size_t)((char *)memrchr(str, '\0', (size_t)num) - str);
	if (len && str[len - 1] != '\n' && !feof(r->fp)) {
		while ((c = getc(r->fp)) != EOF && c != '\n')
			;
		error_at(r->path, r->line, "line longer than %d bytes ignored",
			 num - 2);
		str[0] = '\n';
		str[1] = '\0';
	} else if (strlen(str) != len) {
		/* A NUL byte would cut the line short without inih noticing. */
		error_at(r->path, r->line, "NUL byte in line; line ignored");
		str[0] = '\n';
		str[1] = '\0';
	}
	if (!syntax_ok(str)) {
		error_at(r->path, r->line,
			 "syntax error (expected 'key = value' or '[section]')");
		r->bad_line = r->line;
		str[0] = '\n';
		str[1] = '\0';
	}
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

int inifile_parse(const char *path, inifile_fn fn, void *data)
{
	struct reader r = { NULL, path, 0, 0, fn, data };
	int rc;

	r.fp = fopen(path, "r");
	if (!r.fp) {
		if (errno == ENOENT || errno == ENOTDIR)
			return -1;
		error("cannot read '%s': %s", path, strerror(errno));
		return -2;
	}
	rc = ini_parse_stream(read_line, &r, handler, &r);
	if (ferror(r.fp)) {
		error("cannot read '%s': %s", path, strerror(errno));
		fclose(r.fp);
		return -2;
	}
	fclose(r.fp);
	/* inih returns only the first syntax error; report it unless our
	 * handler already did for that line. */
	if (rc > 0 && (unsigned)rc != r.bad_line)
		error_at(path, (unsigned)rc, "syntax error (expected 'key = value' or '[section]')");
	return 0;
}
