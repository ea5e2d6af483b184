/* strlist: a growable list of C strings, owned by the list. The strings
 * are kept one after the other in one buffer, so adding one costs a copy
 * and no allocation of its own; v[] points into it (and is kept right
 * when the buffer moves). */
#ifndef STRLIST_H
#define STRLIST_H

#include <stddef.h>

struct strlist {
	char **v;		/* the strings, in order */
	size_t n;
	size_t alloc;		/* room in v */
	char *buf;		/* the bytes, each string with its NUL */
	size_t used, size;
};

#define STRLIST_INIT { NULL, 0, 0, NULL, 0, 0 }

/* Make l empty. */
void strlist_init(struct strlist *l);
/* Append a copy of s. */
void strlist_add(struct strlist *l, const char *s);
/* Append a copy of the n bytes at s. */
void strlist_addn(struct strlist *l, const char *s, size_t n);
/* Whether l holds s. */
int strlist_has(const struct strlist *l, const char *s);
/* Take out string i, keeping the order of the rest. */
void strlist_remove(struct strlist *l, size_t i);
/* Sort l in byte order. */
void strlist_sort(struct strlist *l);
/* Free everything and make l empty. */
void strlist_free(struct strlist *l);

#endif
