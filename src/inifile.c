/* inifile: inih with line numbers, long-line handling and a cap. */
#include "inifile.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "note.h"

#define MAX_FILE_LINES 100000

struct reader {
	FILE *fp;
	const char *path;
	unsigned line;		/* line most recently handed to inih */
	unsigned bad_line;	/* line our handler rejected, if any */
	unsigned problems;	/* found so far */
	int quiet;
	inifile_fn fn;
	void *data;
};

/* Count a problem at line; show it while under the cap. */
static void problem(struct reader *r, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct reader *r, unsigned line, const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;

	if (!r->quiet && r->problems < INIFILE_SHOWN) {
		va_start(ap, fmt);
		strbuf_vaddf(&msg, fmt, ap);
		va_end(ap);
		error_at(r->path, line, "%s", msg.buf);
		strbuf_release(&msg);
	}
	r->problems++;
}

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
			problem(r, r->line, "more than %d lines; the rest is ignored",
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
		problem(r, r->line, "line longer than %d bytes ignored", num - 2);
	else if (nul)
		problem(r, r->line, "NUL byte in line; line ignored");
	else if (!syntax_ok(str))
		problem(r, r->line, "syntax error (expected 'key = value' or '[section]')");
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
	problem(r, r->line, "%s", msg);
	r->bad_line = r->line;
	return 1;
}

unsigned inifile_parse_mem(const char *buf, size_t len, const char *path,
			   int quiet, inifile_fn fn, void *data)
{
	struct reader r = { NULL, path, 0, 0, 0, quiet, fn, data };
	int rc;

	if (!len)
		return 0;	/* fmemopen refuses size 0; nothing to parse */
	r.fp = fmemopen((void *)buf, len, "r");
	if (!r.fp)
		die("out of memory");
	rc = ini_parse_stream(read_line, &r, handler, &r);
	fclose(r.fp);
	/* inih returns only the first syntax error; report it unless our
	 * handler already did for that line. */
	if (rc > 0 && (unsigned)rc != r.bad_line)
		problem(&r, (unsigned)rc, "syntax error (expected 'key = value' or '[section]')");
	if (!quiet && r.problems > INIFILE_SHOWN)
		error_at(path, 0, "... and %u more problems", r.problems - INIFILE_SHOWN);
	return r.problems;
}

int inifile_read(const char *path, struct strbuf *text, struct stat *st,
		 const char **why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	int r = 0, err = 0;

	*why = NULL;
	if (fd < 0 || fstat(fd, st) < 0)
		err = errno;
	else if (S_ISDIR(st->st_mode))
		err = EISDIR;
	else if (!S_ISREG(st->st_mode))
		*why = "not a regular file";
	else if ((r = strbuf_read_fd(text, fd, INIFILE_MAX)) > 0)
		*why = "larger than 1 MiB";
	else if (r < 0)
		err = errno;
	if (fd >= 0)
		close(fd);
	if (err == ENOENT || err == ENOTDIR) {
		errno = err;
		return -1;
	}
	if (err)
		*why = strerror(err);
	if (*why) {
		strbuf_setlen(text, 0);
		return -2;
	}
	return 0;
}

int inifile_parse(const char *path, inifile_fn fn, void *data)
{
	struct strbuf text = STRBUF_INIT, id = STRBUF_INIT;
	struct stat st;
	const char *why;
	int rc = inifile_read(path, &text, &st, &why);

	if (rc == -2) {
		note_id(&id, "unreadable", path, why, strlen(why));
		if (note_fresh(id.buf))
			error("cannot read '%s': %s", path, why);
	} else if (rc == 0) {
		note_id(&id, "file", path, text.buf, text.len);
		if (inifile_parse_mem(text.buf, text.len, path, note_seen(id.buf),
				      fn, data))
			note_keep(id.buf);
	}
	strbuf_release(&text);
	strbuf_release(&id);
	if (rc == -1)
		errno = ENOENT;
	return rc;
}
