/* strlist: a growable list of owned C strings in one buffer. */
#include "strlist.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

void strlist_init(struct strlist *l)
{
	memset(l, 0, sizeof(*l));
}

void strlist_addn(struct strlist *l, const char *s, size_t n)
{
	if (n >= (size_t)-1 / 4 - l->size)
		die("string too long");
	if (l->used + n + 1 > l->size) {
		size_t want = 2 * l->size > l->used + n + 1 ? 2 * l->size : l->used + n + 1 + 256;
		char *b = realloc(l->buf, want);

		if (!b)
			die("out of memory");
		/* the strings moved with the buffer */
		for (size_t i = 0; i < l->n; i++)
			l->v[i] = b + (l->v[i] - l->buf);
		l->buf = b;
		l->size = want;
	}
	if (l->n == l->alloc) {
		size_t want = l->alloc ? 2 * l->alloc : 16;
		char **v = realloc(l->v, want * sizeof(*v));

		if (!v)
			die("out of memory");
		l->v = v;
		l->alloc = want;
	}
	memcpy(l->buf + l->used, s, n);
	l->buf[l->used + n] = '\0';
	l->v[l->n++] = l->buf + l->used;
	l->used += n + 1;
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

void strlist_remove(struct strlist *l, size_t i)
{
	memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof(*l->v));
	l->n--;
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
	free(l->v);
	free(l->buf);
	strlist_init(l);
}
