/* shell: the table of shells and rendering of a change list. */
#include "shell.h"

#include <string.h>

static const struct shell *const shells[] = { &shell_bash, &shell_zsh, &shell_fish };

const struct shell *shell_find(const char *name)
{
	for (size_t i = 0; i < sizeof(shells) / sizeof(shells[0]); i++)
		if (!strcmp(shells[i]->name, name))
			return shells[i];
	return NULL;
}

const char *shell_names(void)
{
	return "bash, zsh, fish";
}

void shell_render(const struct shell *sh, const struct changes *ch,
		  struct strbuf *out)
{
	for (size_t i = 0; i < ch->n; i++) {
		const struct change *c = &ch->v[i];

		switch (c->kind) {
		case CH_SET:
			sh->set(out, c->name, c->value);
			break;
		case CH_UNSET:
			sh->unset(out, c->name);
			break;
		case CH_PROMPT:
			sh->prompt(out, c->value);
			break;
		case CH_PROMPT_CLEAR:
			sh->prompt(out, NULL);
			break;
		case CH_REHASH:
			sh->rehash(out);
			break;
		}
	}
}
