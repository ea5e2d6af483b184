/* shell_fish: fish syntax. Inside fish's single quotes only \\ and \'
 * are escapes; every byte outside printable ASCII is written outside the
 * quotes as \xHH or \XHH (a raw byte), which fish reads the same in any
 * locale. PATH is a list in fish, so it is set element by element. */
#include <string.h>

#include "shell.h"

extern const char hook_text_fish[];

static void quote(struct strbuf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	int open = 0;

	if (!*s) {
		strbuf_addstr(out, "''");
		return;
	}
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c < 0x7f) {
			if (!open)
				strbuf_addch(out, '\'');
			open = 1;
			if (c == '\\' || c == '\'')
				strbuf_addch(out, '\\');
			strbuf_addch(out, c);
			continue;
		}
		if (open)
			strbuf_addch(out, '\'');
		open = 0;
		strbuf_addstr(out, c < 0x80 ? "\\x" : "\\X");
		strbuf_addch(out, hex[c >> 4]);
		strbuf_addch(out, hex[c & 15]);
	}
	if (open)
		strbuf_addch(out, '\'');
}

/* set -g __vswitch_NAME 'value' */
static void var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "set -g __vswitch_%s ", name);
	quote(out, value);
	strbuf_addch(out, '\n');
}

/* set -g __vswitch_NAME 'a' 'b' */
static void list(struct strbuf *out, const char *name, const struct strlist *items)
{
	strbuf_addf(out, "set -g __vswitch_%s", name);
	for (size_t i = 0; i < items->n; i++) {
		strbuf_addch(out, ' ');
		quote(out, items->v[i]);
	}
	strbuf_addch(out, '\n');
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "set -gx %s ", name);
	quote(out, value);
	strbuf_addch(out, '\n');
}

/* A ':'-separated list becomes one quoted word per element; an empty
 * list none at all. */
static void path(struct strbuf *out, const struct change *c)
{
	struct strbuf elem = STRBUF_INIT;
	const char *value = c->value;

	strbuf_addf(out, "set -gx %s", c->name);
	while (*value) {
		const char *end = strchr(value, ':');
		size_t n = end ? (size_t)(end - value) : strlen(value);

		strbuf_setlen(&elem, 0);
		strbuf_add(&elem, value, n);
		strbuf_addch(out, ' ');
		quote(out, elem.buf);
		if (!end)
			break;
		value = end + 1;
		if (!*value)
			strbuf_addstr(out, " ''");	/* a trailing empty entry */
	}
	strbuf_addch(out, '\n');
	strbuf_release(&elem);
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "set -e -g %s\n", name);
}

static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "__vswitch_leave\n");
		return;
	}
	strbuf_addstr(out, "__vswitch_enter ");
	quote(out, label);
	strbuf_addch(out, '\n');
}

/* fish caches no command paths: no rehash. */
static const struct line_syntax fish_syntax = {
	set, unset, path, prompt, var, list, NULL,
};

static void render(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&fish_syntax, ch, out);
}

const struct shell shell_fish = {
	.name = "fish",
	.setup = "vswitch hook fish | source",
	.rcfile = "~/.config/fish/config.fish",
	.hook_text = hook_text_fish,
	.quote = quote,
	.var = var,
	.render = render,
};
