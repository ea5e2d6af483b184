/* changes: what a shell must do, decided without knowing the shell. */
#ifndef CHANGES_H
#define CHANGES_H

#include <stddef.h>

enum change_kind {
	CH_SET,			/* export name=value */
	CH_UNSET,		/* unset name */
	CH_PROMPT,		/* show "(value) " before the prompt */
	CH_PROMPT_CLEAR,	/* take our prefix out of the prompt */
	CH_REHASH,		/* forget cached command locations */
};

struct change {
	enum change_kind kind;
	char *name;
	char *value;
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
/* Free every change. */
void changes_free(struct changes *ch);

#endif
