/* strlist: a growable list of C strings, each owned by the list. */
#ifndef STRLIST_H
#define STRLIST_H

#include <stddef.h>

struct strlist {
	char **v;
	size_t n;
	size_t alloc;
};

#define STRLIST_INIT { NULL, 0, 0 }

/* Append a copy of s. */
void strlist_add(struct strlist *l, const char *s);
/* Append a copy of the n bytes at s. */
void strlist_addn(struct strlist *l, const char *s, size_t n);
/* Whether l holds s. */
int strlist_has(const struct strlist *l, const char *s);
/* Sort l in byte order. */
void strlist_sort(struct strlist *l);
/* Free every string and make l empty. */
void strlist_free(struct strlist *l);

#endif
