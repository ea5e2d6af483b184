/* check_label: what a prompt draws of a label holds no control
 * character, and everything else is kept byte for byte. */
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "suites.h"

static void expect(const char *label, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	label_visible(&sb, label);
	ck_assert_str_eq(sb.buf, want);
	strbuf_release(&sb);
}

START_TEST(c0_and_del)
{
	expect("plain", "plain");
	expect("", "");
	expect("\x1b]0;title\x07", "\\x1b]0;title\\x07");
	expect("\x1b]52;c;cHduZWQ=\x1b\\", "\\x1b]52;c;cHduZWQ=\\x1b\\");
	expect("a\nb\rc\td\x7f", "a\\x0ab\\x0dc\\x09d\\x7f");
	/* a backslash or a $ stays as written: only controls are shown */
	expect("back\\slash $(x) %n", "back\\slash $(x) %n");
}
END_TEST

START_TEST(c1)
{
	/* U+009B (CSI) and U+0085 in UTF-8, and the same bytes alone */
	expect("a\xc2\x9b" "31mb", "a\\u009b31mb");
	expect("\xc2\x85", "\\u0085");
	expect("\x9b" "31m", "\\x9b31m");
	expect("\x80\x9f", "\\x80\\x9f");
	/* a C1 byte after a lead byte that is not its character's */
	expect("\xe2\x9b", "\xe2\\x9b");
}
END_TEST

START_TEST(other_bytes_kept)
{
	/* U+00A0 and up, in two, three and four bytes; continuation bytes
	 * 0x80-0x9f inside them are no controls */
	expect("\xc2\xa0\xc3\xa9", "\xc2\xa0\xc3\xa9");
	expect("\xe2\x80\x94 \xf0\x9f\x90\x8d", "\xe2\x80\x94 \xf0\x9f\x90\x8d");
	expect("\xc4\x81", "\xc4\x81");
	/* bytes that are no UTF-8 and no C1 stay raw */
	expect("\xff\xfe\xa0", "\xff\xfe\xa0");
	/* an overlong NUL or a surrogate is no character: its bytes alone */
	expect("\xc0\x80", "\xc0\\x80");
	expect("\xed\xa0\x80", "\xed\xa0\\x80");
}
END_TEST

/* Every byte alone: the result holds no control byte. */
START_TEST(no_control_left)
{
	char in[2] = { 0, 0 };

	for (int b = 1; b < 256; b++) {
		struct strbuf sb = STRBUF_INIT;

		in[0] = (char)b;
		label_visible(&sb, in);
		for (size_t i = 0; i < sb.len; i++) {
			unsigned char c = (unsigned char)sb.buf[i];

			ck_assert_msg(c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f),
				      "byte %02x left control %02x", b, c);
		}
		strbuf_release(&sb);
	}
}
END_TEST

Suite *label_suite(void)
{
	Suite *s = suite_create("label");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, c0_and_del);
	tcase_add_test(tc, c1);
	tcase_add_test(tc, other_bytes_kept);
	tcase_add_test(tc, no_control_left);
	suite_add_tcase(s, tc);
	return s;
}
