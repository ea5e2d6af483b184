/* changes: a growable list of shell-neutral changes. */
#include "changes.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

static char *dup_or_null(const char *s)
{
	char *p;

	if (!s)
		return NULL;
	p = strdup(s);
	if (!p)
		die("out of memory");
	return p;
}

void changes_add(struct changes *ch, enum change_kind kind, const char *name,
		 const char *value)
{
	if (ch->n == ch->alloc) {
		size_t a = ch->alloc ? 2 * ch->alloc : 8;
		struct change *v = realloc(ch->v, a * sizeof(*v));

		if (!v)
			die("out of memory");
		ch->v = v;
		ch->alloc = a;
	}
	ch->v[ch->n].kind = kind;
	ch->v[ch->n].name = dup_or_null(name);
	ch->v[ch->n].value = dup_or_null(value);
	ch->n++;
}

void changes_free(struct changes *ch)
{
	for (size_t i = 0; i < ch->n; i++) {
		free(ch->v[i].name);
		free(ch->v[i].value);
	}
	free(ch->v);
	ch->v = NULL;
	ch->n = ch->alloc = 0;
}
