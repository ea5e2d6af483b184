/* check_strbuf: the invariants strbuf.h promises. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"
#include "suites.h"

/* The promise of strbuf.h: never NULL, NUL-terminated, len < alloc. */
static void check_inv(const struct strbuf *sb)
{
	ck_assert_ptr_nonnull(sb->buf);
	ck_assert_int_eq(sb->buf[sb->len], '\0');
	if (sb->alloc)
		ck_assert_uint_lt(sb->len, sb->alloc);
	else
		ck_assert_uint_eq(sb->len, 0);
}

START_TEST(init_is_empty)
{
	struct strbuf a = STRBUF_INIT, b;

	strbuf_init(&b);
	check_inv(&a);
	check_inv(&b);
	ck_assert_str_eq(a.buf, "");
	ck_assert_uint_eq(b.alloc, 0);
	strbuf_release(&a);	/* owns nothing: must not free */
	check_inv(&a);
	strbuf_setlen(&a, 0);
	check_inv(&a);
	ck_assert_int_eq(strbuf_empty[0], '\0');
}
END_TEST

START_TEST(add_and_release)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "abc");
	strbuf_addch(&sb, 'd');
	strbuf_add(&sb, "efgh", 2);
	check_inv(&sb);
	ck_assert_str_eq(sb.buf, "abcdef");
	ck_assert_uint_eq(sb.len, 6);
	strbuf_release(&sb);
	check_inv(&sb);
	ck_assert_ptr_eq(sb.buf, strbuf_empty);
}
END_TEST

START_TEST(embedded_bytes)
{
	struct strbuf sb = STRBUF_INIT;
	const char data[] = { 'a', '\0', 'b', '\n', (char)0xff, '\0' };

	strbuf_add(&sb, data, sizeof(data));
	strbuf_addch(&sb, '\0');
	check_inv(&sb);
	ck_assert_uint_eq(sb.len, sizeof(data) + 1);
	ck_assert_mem_eq(sb.buf, data, sizeof(data));
	ck_assert_int_eq(sb.buf[sizeof(data)], '\0');
	strbuf_release(&sb);
}
END_TEST

START_TEST(detach)
{
	struct strbuf sb = STRBUF_INIT;
	char *s = strbuf_detach(&sb);

	/* even an empty strbuf hands back memory the caller may free */
	ck_assert_str_eq(s, "");
	ck_assert(s != strbuf_empty);
	free(s);
	check_inv(&sb);
	strbuf_addstr(&sb, "hello");
	s = strbuf_detach(&sb);
	ck_assert_str_eq(s, "hello");
	ck_assert_ptr_eq(sb.buf, strbuf_empty);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_uint_eq(sb.alloc, 0);
	free(s);
}
END_TEST

START_TEST(setlen_and_set)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "abcdef");
	strbuf_setlen(&sb, 3);
	check_inv(&sb);
	ck_assert_str_eq(sb.buf, "abc");
	strbuf_set(&sb, "xy");
	check_inv(&sb);
	ck_assert_str_eq(sb.buf, "xy");
	strbuf_set(&sb, "");
	check_inv(&sb);
	ck_assert_uint_eq(sb.len, 0);
	strbuf_release(&sb);
}
END_TEST

START_TEST(grow_keeps_content)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_grow(&sb, 0);
	check_inv(&sb);
	ck_assert_uint_gt(sb.alloc, 0);
	strbuf_addstr(&sb, "x");
	strbuf_grow(&sb, 10000);
	check_inv(&sb);
	ck_assert_uint_ge(sb.alloc, 10002);
	ck_assert_str_eq(sb.buf, "x");
	strbuf_release(&sb);
}
END_TEST

/* addf's first try writes into the spare room; exactly full and one
 * byte too many are the edges where it must grow and try again. */
START_TEST(addf_edges)
{
	struct strbuf sb = STRBUF_INIT;
	char fill[300];
	size_t room;

	strbuf_addch(&sb, '<');
	room = sb.alloc - sb.len - 1;	/* bytes that fit before the NUL */
	memset(fill, 'f', sizeof(fill));
	fill[room] = '\0';
	strbuf_addf(&sb, "%s", fill);
	check_inv(&sb);
	ck_assert_uint_eq(sb.len, 1 + room);
	strbuf_setlen(&sb, 1);
	fill[room] = 'f';
	fill[room + 1] = '\0';
	strbuf_addf(&sb, "%s", fill);
	check_inv(&sb);
	ck_assert_uint_eq(sb.len, 2 + room);
	ck_assert_int_eq(sb.buf[0], '<');
	ck_assert_int_eq(sb.buf[sb.len - 1], 'f');
	strbuf_release(&sb);
}
END_TEST

START_TEST(addf_growth)
{
	struct strbuf sb = STRBUF_INIT;
	char want[16384];
	size_t n = 0;

	for (int i = 0; i < 2000; i++) {
		strbuf_addf(&sb, "%d,%s;", i, i % 7 ? "" : "seven");
		n += (size_t)snprintf(want + n, sizeof(want) - n, "%d,%s;", i,
				      i % 7 ? "" : "seven");
		ck_assert_uint_lt(n, sizeof(want));
	}
	check_inv(&sb);
	ck_assert_uint_eq(sb.len, n);
	ck_assert_str_eq(sb.buf, want);
	strbuf_addf(&sb, "%s", "");
	ck_assert_uint_eq(sb.len, n);
	strbuf_release(&sb);
}
END_TEST

START_TEST(addf_on_empty)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s", "");
	check_inv(&sb);
	ck_assert_str_eq(sb.buf, "");
	strbuf_addf(&sb, "%c%c", 'a', 'b');
	ck_assert_str_eq(sb.buf, "ab");
	strbuf_release(&sb);
}
END_TEST

/* Write text to a new temp file; returns its path (caller unlinks). */
static char *temp_file(const void *text, size_t len)
{
	char *path = strdup("/tmp/check-strbuf.XXXXXX");
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

START_TEST(read_and_write_fd)
{
	struct strbuf sb = STRBUF_INIT, out = STRBUF_INIT;
	char *path = temp_file("ab\0cdef", 7);
	int p[2];

	/* all of it, NUL included, appended after what was there */
	strbuf_addstr(&sb, ">");
	ck_assert_int_eq(strbuf_read_file(&sb, path, 7), 0);
	ck_assert_uint_eq(sb.len, 8);
	ck_assert_mem_eq(sb.buf, ">ab\0cdef", 9);
	/* more than max: the first max bytes, and 1 */
	strbuf_setlen(&sb, 0);
	ck_assert_int_eq(strbuf_read_file(&sb, path, 3), 1);
	ck_assert_str_eq(sb.buf, "ab");
	ck_assert_uint_eq(sb.len, 3);
	/* not a regular file, or missing */
	ck_assert_int_eq(strbuf_read_file(&sb, "/tmp", 10), -1);
	ck_assert_int_eq(errno, EINVAL);
	unlink(path);
	ck_assert_int_eq(strbuf_read_file(&sb, path, 10), -1);
	ck_assert_int_eq(errno, ENOENT);
	/* write_fd writes every byte */
	ck_assert_int_eq(pipe(p), 0);
	strbuf_set(&out, "x");
	strbuf_add(&out, "\0y", 2);
	ck_assert_int_eq(strbuf_write_fd(&out, p[1]), 0);
	close(p[1]);
	strbuf_setlen(&sb, 0);
	ck_assert_int_eq(strbuf_read_fd(&sb, p[0], 100), 0);
	close(p[0]);
	ck_assert_uint_eq(sb.len, 3);
	ck_assert_mem_eq(sb.buf, "x\0y", 3);
	free(path);
	strbuf_release(&sb);
	strbuf_release(&out);
}
END_TEST

Suite *strbuf_suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, init_is_empty);
	tcase_add_test(tc, add_and_release);
	tcase_add_test(tc, embedded_bytes);
	tcase_add_test(tc, detach);
	tcase_add_test(tc, setlen_and_set);
	tcase_add_test(tc, grow_keeps_content);
	tcase_add_test(tc, addf_edges);
	tcase_add_test(tc, addf_growth);
	tcase_add_test(tc, addf_on_empty);
	tcase_add_test(tc, read_and_write_fd);
	suite_add_tcase(s, tc);
	return s;
}
