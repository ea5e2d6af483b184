/* label: control characters shown as text. */
#include "label.h"

/* The length of the well-formed UTF-8 character at s (its first byte
 * 0xc2 or above), or 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	unsigned long cp;

	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	cp = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and code points past U+10FFFF */
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void label_visible(struct strbuf *out, const char *label)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)label;

	while (*s) {
		size_t n = *s >= 0x80 ? utf8_len(s) : 1;

		if (*s < 0x20 || *s == 0x7f || (!n && *s < 0xa0)) {
			strbuf_addstr(out, "\\x");
			strbuf_addch(out, hex[*s >> 4]);
			strbuf_addch(out, hex[*s & 15]);
			s++;
		} else if (n == 2 && s[0] == 0xc2 && s[1] < 0xa0) {
			strbuf_addstr(out, "\\u00");
			strbuf_addch(out, hex[s[1] >> 4]);
			strbuf_addch(out, hex[s[1] & 15]);
			s += 2;
		} else {
			n = n ? n : 1;
			strbuf_add(out, s, n);
			s += n;
		}
	}
}
