/* shell_fish: fish syntax. Inside fish's single quotes only \\ and \'
 * are escapes; every byte outside printable ASCII is written outside the
 * quotes as \xHH or \XHH (a raw byte), which fish reads the same in any
 * locale. PATH is a list in fish, so it is set element by element. */
#include <string.h>

#include "shell.h"

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

static void hook(struct strbuf *out, const char *self)
{
	strbuf_addstr(out, "set -g __vswitch_bin ");
	quote(out, self);
	strbuf_addch(out, '\n');
	strbuf_addstr(out, hook_text_fish);
}

/* A ':'-separated list becomes one quoted word per element. */
static void set_list(struct strbuf *out, const char *value)
{
	struct strbuf elem = STRBUF_INIT;

	if (!*value)
		return;
	for (;;) {
		const char *end = strchr(value, ':');
		size_t n = end ? (size_t)(end - value) : strlen(value);

		strbuf_setlen(&elem, 0);
		strbuf_add(&elem, value, n);
		strbuf_addch(out, ' ');
		quote(out, elem.buf);
		if (!end)
			break;
		value = end + 1;
	}
	strbuf_release(&elem);
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "set -gx %s", name);
	if (!strcmp(name, "PATH")) {
		set_list(out, value);
	} else {
		strbuf_addch(out, ' ');
		quote(out, value);
	}
	strbuf_addch(out, '\n');
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addf(out, "set -e -g %s\n", name);
}

static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "__vswitch_prompt_clear\n");
		return;
	}
	strbuf_addstr(out, "__vswitch_prompt_set ");
	quote(out, label);
	strbuf_addch(out, '\n');
}

static void rehash(struct strbuf *out)
{
	(void)out;	/* fish caches no command paths */
}

const struct shell shell_fish = {
	"fish", hook, quote, set, unset, prompt, rehash,
};
