/* changes: what a shell must do, decided without knowing the shell. */
#ifndef CHANGES_H
#define CHANGES_H

#include <stddef.h>

#include "strlist.h"

enum change_kind {
	CH_SET,			/* export name=value */
	CH_UNSET,		/* unset name */
	CH_PATH,		/* the ':'-list name becomes value: entry add
				 * (or none) put first, entry del (or none)
				 * taken out; shells that hold PATH as a list
				 * set it element by element */
	CH_PROMPT,		/* an env of ours is active: show "(value) "
				 * before the prompt ("" shows none) */
	CH_PROMPT_CLEAR,	/* none is: take our prefix out of the prompt */
	CH_HOOK_VAR,		/* the hook's own variable name (not
				 * exported) becomes value */
	CH_HOOK_LIST,		/* the hook's own list name becomes list */
};

struct change {
	enum change_kind kind;
	char *name;
	char *value;
	char *add;		/* CH_PATH: the entry put first, or NULL */
	char *del;		/* CH_PATH: the entry taken out, or NULL */
	struct strlist list;	/* CH_HOOK_LIST: the items */
};

struct changes {
	struct change *v;
	size_t n;
	size_t alloc;
};

#define CHANGES_INIT { NULL, 0, 0 }

/* Append one change; name and value are copied (either may be NULL). */
void changes_add(struct changes *ch, enum change_kind kind, const char *name,
		 const char *value);
/* Append a CH_PATH change of list name to value, recording the entry
 * added and the one removed (either may be NULL). */
void changes_add_path(struct changes *ch, const char *name, const char *value,
		      const char *add, const char *del);
/* Append a CH_HOOK_LIST change: the hook's list name becomes a copy
 * of items. */
void changes_add_list(struct changes *ch, const char *name,
		      const struct strlist *items);
/* Move change from to position to, shifting those between. */
void changes_move(struct changes *ch, size_t from, size_t to);
/* Free every change. */
void changes_free(struct changes *ch);

#endif
