/* utf8: well-formed UTF-8, as the Unicode standard defines it. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/* The length of the well-formed UTF-8 character at s (its first byte
 * 0x80 or above), or 0 when it is not one: a stray continuation byte,
 * a truncated sequence, an overlong form, a surrogate or a code point
 * past U+10FFFF. */
size_t utf8_len(const char *s);
/* Whether s, all of it, is well-formed UTF-8. */
int utf8_valid(const char *s);

#endif
