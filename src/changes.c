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

/* Room for one more, zeroed. */
static struct change *next_slot(struct changes *ch)
{
	if (ch->n == ch->alloc) {
		size_t a = ch->alloc ? 2 * ch->alloc : 8;
		struct change *v = realloc(ch->v, a * sizeof(*v));

		if (!v)
			die("out of memory");
		ch->v = v;
		ch->alloc = a;
	}
	memset(&ch->v[ch->n], 0, sizeof(ch->v[ch->n]));
	return &ch->v[ch->n++];
}

void changes_add(struct changes *ch, enum change_kind kind, const char *name,
		 const char *value)
{
	struct change *c = next_slot(ch);

	c->kind = kind;
	c->name = dup_or_null(name);
	c->value = dup_or_null(value);
}

void changes_add_path(struct changes *ch, const char *name, const char *value,
		      const char *add, const char *del)
{
	struct change *c = next_slot(ch);

	c->kind = CH_PATH;
	c->name = dup_or_null(name);
	c->value = dup_or_null(value);
	c->add = dup_or_null(add);
	c->del = dup_or_null(del);
}

void changes_add_list(struct changes *ch, const char *name,
		      const struct strlist *items)
{
	struct change *c = next_slot(ch);

	c->kind = CH_HOOK_LIST;
	c->name = dup_or_null(name);
	for (size_t i = 0; i < items->n; i++)
		strlist_add(&c->list, items->v[i]);
}

void changes_move(struct changes *ch, size_t from, size_t to)
{
	struct change c = ch->v[from];

	if (from > to)
		memmove(&ch->v[to + 1], &ch->v[to], (from - to) * sizeof(c));
	else
		memmove(&ch->v[from], &ch->v[from + 1], (to - from) * sizeof(c));
	ch->v[to] = c;
}

void changes_free(struct changes *ch)
{
	for (size_t i = 0; i < ch->n; i++) {
		free(ch->v[i].name);
		free(ch->v[i].value);
		free(ch->v[i].add);
		free(ch->v[i].del);
		strlist_free(&ch->v[i].list);
	}
	free(ch->v);
	ch->v = NULL;
	ch->n = ch->alloc = 0;
}
