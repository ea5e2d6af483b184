/* changes: what a shell must do, decided without knowing the shell. */
#ifndef CHANGES_H
#define CHANGES_H

#include <stddef.h>

enum change_kind {
	CH_SET,			/* export name=value */
	CH_UNSET,		/* unset name */
	CH_PATH,		/* the ':'-list name becomes value: entry add
				 * (or none) put first, entry del (or none)
				 * taken out; shells that hold PATH as a list
				 * set it element by element */
	CH_PROMPT,		/* show "(value) " before the prompt */
	CH_PROMPT_CLEAR,	/* take our prefix out of the prompt */
};

struct change {
	enum change_kind kind;
	char *name;
	char *value;
	char *add;		/* CH_PATH: the entry put first, or NULL */
	char *del;		/* CH_PATH: the entry taken out, or NULL */
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
/* Free every change. */
void changes_free(struct changes *ch);

#endif
