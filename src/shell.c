/* shell: the table of shells, and what their rows share. */
#include "shell.h"

#include <string.h>

const struct shell *const shell_table[] = {
	&shell_bash, &shell_zsh, &shell_fish, &shell_ksh, &shell_mksh, &shell_tcsh,
	&shell_elvish, &shell_xonsh, &shell_nu,
};
const size_t shell_count = sizeof(shell_table) / sizeof(shell_table[0]);

const struct shell *shell_find(const char *name)
{
	for (size_t i = 0; i < shell_count; i++)
		if (!strcmp(shell_table[i]->name, name))
			return shell_table[i];
	return NULL;
}

void shell_names(struct strbuf *out, const char *sep)
{
	for (size_t i = 0; i < shell_count; i++) {
		if (i)
			strbuf_addstr(out, sep);
		strbuf_addstr(out, shell_table[i]->name);
	}
}

void shell_hook(const struct shell *sh, const struct hook_var *v, size_t n,
		struct strbuf *out)
{
	if (sh->hook) {
		sh->hook(sh, v, n, out);
		return;
	}
	for (size_t i = 0; i < n; i++)
		sh->var(out, v[i].name, v[i].value);
	if (sh->hook_shared)
		strbuf_addstr(out, sh->hook_shared);
	strbuf_addstr(out, sh->hook_text);
}

const char *shell_cannot_hold(const struct shell *sh, const char *value,
			      enum hold_kind what)
{
	return sh && sh->cannot_hold ? sh->cannot_hold(value, what) : NULL;
}

void shell_render_lines(const struct line_syntax *syn, const struct changes *ch,
			struct strbuf *out)
{
	int path = 0;

	for (size_t i = 0; i < ch->n; i++) {
		const struct change *c = &ch->v[i];

		switch (c->kind) {
		case CH_SET:
			syn->set(out, c->name, c->value);
			break;
		case CH_UNSET:
			syn->unset(out, c->name);
			break;
		case CH_PATH:
			if (syn->path)
				syn->path(out, c);
			else
				syn->set(out, c->name, c->value);
			path = 1;
			break;
		case CH_PROMPT:
			syn->prompt(out, c->value);
			break;
		case CH_PROMPT_CLEAR:
			syn->prompt(out, NULL);
			break;
		case CH_HOOK_VAR:
			syn->hook_var(out, c->name, c->value);
			break;
		case CH_HOOK_LIST:
			syn->hook_list(out, c->name, &c->list);
			break;
		}
	}
	if (path && syn->rehash) {
		strbuf_addstr(out, syn->rehash);
		strbuf_addch(out, '\n');
	}
}

void shell_quote_single(struct strbuf *out, const char *s)
{
	strbuf_addch(out, '\'');
	/* Copy the runs between quotes whole: this is most of the output. */
	for (;;) {
		size_t n = strcspn(s, "'");

		strbuf_add(out, s, n);
		s += n;
		if (!*s)
			break;
		strbuf_addstr(out, "'\\''");
		s++;
	}
	strbuf_addch(out, '\'');
}

void shell_add_hex_escaped(struct strbuf *out, const char *s, const char *also)
{
	static const char hex[] = "0123456789abcdef";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c < 0x7f && !strchr(also, c)) {
			strbuf_addch(out, c);
			continue;
		}
		strbuf_addstr(out, "\\x");
		strbuf_addch(out, hex[c >> 4]);
		strbuf_addch(out, hex[c & 15]);
	}
}

void shell_posix_var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "_vswitch_%s=", name);
	shell_quote_single(out, value);
	strbuf_addch(out, '\n');
}

void shell_posix_prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "_vswitch_leave\n");
		return;
	}
	strbuf_addstr(out, "_vswitch_enter ");
	shell_quote_single(out, label);
	strbuf_addch(out, '\n');
}
