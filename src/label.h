/* label: a prompt label as a prompt may draw it. A label comes from a
 * .venvrc or a pyvenv.cfg, which anyone can write; a terminal takes
 * control bytes in it for commands (set the window title, write the
 * clipboard), so what the prompt shows has none. */
#ifndef LABEL_H
#define LABEL_H

#include "strbuf.h"

/* Append label with every control character shown as text: C0 bytes and
 * DEL as \xHH, C1 characters encoded in UTF-8 as \u00HH, and a byte
 * 0x80-0x9f that is not part of a UTF-8 character (a C1 control to
 * terminals that read 8-bit bytes) as \xHH. Every other byte, and every
 * other well-formed or ill-formed sequence, is kept as it is. */
void label_visible(struct strbuf *out, const char *label);

#endif
