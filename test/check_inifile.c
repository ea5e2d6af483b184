/* check_inifile: keys with their line numbers, and every bad line
 * reported as "vswitch: FILE:LINE: ..." while the rest is still read. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "inifile.h"
#include "strbuf.h"
#include "suites.h"

static struct strbuf seen = STRBUF_INIT;

/* Records "section|key|value|line"; refuses the key "bad". */
static int record(void *data, const char *section, const char *key,
		  const char *value, unsigned line, const char **msg)
{
	(void)data;
	strbuf_addf(&seen, "%s|%s|%s|%u\n", section, key, value, line);
	if (!strcmp(key, "bad")) {
		*msg = "nope";
		return 0;
	}
	return 1;
}

/* Parse root/rel; returns the result, its stderr in *err (with the root
 * shown as "@") and the keys seen in the static strbuf `seen`. */
static int parse(const char *rel, char **err)
{
	char *raw;
	int r;

	strbuf_release(&seen);
	stderr_begin();
	r = inifile_parse(tpath(rel), record, NULL);
	raw = stderr_end();
	*err = unroot(raw);
	free(raw);
	return r;
}

#define SYNTAX "syntax error (expected 'key = value' or '[section]')"

START_TEST(keys_with_lines)
{
	char *err;

	twrite("a.ini", "top = 0\n[s]\n  a = 1\n\n; comment\n# too\nb=two words ; c\n"
		       "[t]\nc : 3\r\n");
	ck_assert_int_eq(parse("a.ini", &err), 0);
	ck_assert_str_eq(seen.buf, "|top|0|1\ns|a|1|3\ns|b|two words|7\nt|c|3|9\n");
	ck_assert_str_eq(err, "");
	free(err);
	strbuf_release(&seen);
}
END_TEST

START_TEST(refused_key_reported_at_its_line)
{
	char *err;

	twrite("a.ini", "[s]\nok = 1\nbad = 2\nok = 3\n");
	ck_assert_int_eq(parse("a.ini", &err), 0);
	ck_assert_str_eq(seen.buf, "s|ok|1|2\ns|bad|2|3\ns|ok|3|4\n");
	ck_assert_str_eq(err, "vswitch: @/a.ini:3: nope\n");
	free(err);
	strbuf_release(&seen);
}
END_TEST

START_TEST(lines_without_equals)
{
	char *err;

	twrite("a.ini", "[s]\njunk\nb = 2\n[broken\nmore junk\nc = 3\n");
	ck_assert_int_eq(parse("a.ini", &err), 0);
	ck_assert_str_eq(seen.buf, "s|b|2|3\ns|c|3|6\n");
	ck_assert_str_eq(err, "vswitch: @/a.ini:2: " SYNTAX "\n"
			      "vswitch: @/a.ini:4: " SYNTAX "\n"
			      "vswitch: @/a.ini:5: " SYNTAX "\n");
	free(err);
	strbuf_release(&seen);
}
END_TEST

/* Indented text continues the previous value (inih's multi-line values);
 * with no previous key it is an error only inih itself can see. */
START_TEST(indented_lines)
{
	char *err;

	twrite("a.ini", "  lonely\n[s]\na = 1\n  more\n");
	ck_assert_int_eq(parse("a.ini", &err), 0);
	ck_assert_str_eq(seen.buf, "s|a|1|3\ns|a|more|4\n");
	ck_assert_str_eq(err, "vswitch: @/a.ini:1: " SYNTAX "\n");
	free(err);
	strbuf_release(&seen);
}
END_TEST

/* Build "k = vvv...\n" of exactly n bytes before the newline. */
static void long_line(struct strbuf *sb, size_t n)
{
	strbuf_addstr(sb, "k = ");
	while (sb->len < n)
		strbuf_addch(sb, 'v');
}

START_TEST(long_lines_skipped)
{
	struct strbuf text = STRBUF_INIT, fits = STRBUF_INIT, want = STRBUF_INIT;
	char *err;

	long_line(&fits, 198);
	strbuf_addf(&text, "[s]\n%s\n", fits.buf);
	long_line(&text, text.len + 199);
	strbuf_addstr(&text, "\na = 1\n");
	long_line(&text, text.len + 5000);
	strbuf_addstr(&text, "\nb = 2\n");
	long_line(&text, text.len + 250);	/* last line, no newline */
	twrite("a.ini", text.buf);
	ck_assert_int_eq(parse("a.ini", &err), 0);
	strbuf_addf(&want, "s|k|%s|2\ns|a|1|4\ns|b|2|6\n", fits.buf + 4);
	ck_assert_str_eq(seen.buf, want.buf);
	ck_assert_str_eq(err, "vswitch: @/a.ini:3: line longer than 198 bytes ignored\n"
			      "vswitch: @/a.ini:5: line longer than 198 bytes ignored\n"
			      "vswitch: @/a.ini:7: line longer than 198 bytes ignored\n");
	free(err);
	strbuf_release(&text);
	strbuf_release(&fits);
	strbuf_release(&want);
	strbuf_release(&seen);
}
END_TEST

/* A NUL must not cut the line short, swallow the next line, or pass for
 * a long line. */
START_TEST(nul_bytes)
{
	static const char text[] = "[s]\na = x\0y\nb = 2\n\0\nc = 3\nd = 4\0";
	char *err;

	twrite_bytes("a.ini", text, sizeof(text) - 1);
	ck_assert_int_eq(parse("a.ini", &err), 0);
	ck_assert_str_eq(seen.buf, "s|b|2|3\ns|c|3|5\n");
	ck_assert_str_eq(err, "vswitch: @/a.ini:2: NUL byte in line; line ignored\n"
			      "vswitch: @/a.ini:4: NUL byte in line; line ignored\n"
			      "vswitch: @/a.ini:6: NUL byte in line; line ignored\n");
	free(err);
	strbuf_release(&seen);
}
END_TEST

START_TEST(empty_file)
{
	char *err;

	twrite("a.ini", "");
	ck_assert_int_eq(parse("a.ini", &err), 0);
	ck_assert_str_eq(seen.buf, "");
	ck_assert_str_eq(err, "");
	free(err);
}
END_TEST

START_TEST(missing_file_is_silent)
{
	char *err;

	ck_assert_int_eq(parse("nothere.ini", &err), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_str_eq(err, "");
	free(err);
	twrite("file", "x");
	ck_assert_int_eq(parse("file/below.ini", &err), -1);
	ck_assert_str_eq(err, "");
	free(err);
}
END_TEST

/* Run as a user whom the file's mode stops: 0 when secret.ini is
 * reported unreadable in one line and no key is seen. */
static int parse_secret(void)
{
	char *err;
	int ok = parse("secret.ini", &err) == -2 && !seen.len &&
		 !strcmp(err, "vswitch: cannot read '@/secret.ini': Permission denied\n");

	free(err);
	return !ok;
}

START_TEST(unreadable_is_reported)
{
	char *err;

	tmkdir("dir.ini");
	ck_assert_int_eq(parse("dir.ini", &err), -2);
	ck_assert_str_eq(err, "vswitch: cannot read '@/dir.ini': Is a directory\n");
	free(err);
	twrite("secret.ini", "a = 1\n");
	ck_assert_int_eq(chmod(tpath("secret.ini"), 0), 0);
	ck_assert_int_eq(tunprivileged(parse_secret), 0);
}
END_TEST

Suite *inifile_suite(void)
{
	Suite *s = suite_create("inifile");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, keys_with_lines);
	tcase_add_test(tc, refused_key_reported_at_its_line);
	tcase_add_test(tc, lines_without_equals);
	tcase_add_test(tc, indented_lines);
	tcase_add_test(tc, long_lines_skipped);
	tcase_add_test(tc, nul_bytes);
	tcase_add_test(tc, empty_file);
	tcase_add_test(tc, missing_file_is_silent);
	tcase_add_test(tc, unreadable_is_reported);
	suite_add_tcase(s, tc);
	return s;
}
