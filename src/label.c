/* label: control characters shown as text. */
#include "label.h"

#include "utf8.h"

void label_visible(struct strbuf *out, const char *label)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)label;

	while (*s) {
		size_t n = *s >= 0x80 ? utf8_len((const char *)s) : 1;

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
