/* strlist: a growable list of owned C strings. */
#include "strlist.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

void strlist_addn(struct strlist *l, const char *s, size_t n)
{
	char *copy = malloc(n + 1);

	if (!copy)
		die("out of memory");
	memcpy(copy, s, n);
	copy[n] = '\0';
	if (l->n == l->alloc) {
		size_t want = l->alloc ? 2 * l->alloc : 16;
		char **v = realloc(l->v, want * sizeof(*v));

		if (!v)
			die("out of memory");
		l->v = v;
		l->alloc = want;
	}
	l->v[l->n++] = copy;
}

void strlist_add(struct strlist *l, const char *s)
{
	strlist_addn(l, s, strlen(s));
}

int strlist_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return 1;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void strlist_sort(struct strlist *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp);
}

void strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}
