/* shell_nu: data for nushell, not code. Each change is one JSON object
 * on a line of its own, which the hook reads with `from json --objects`
 * (it runs nothing): {"op":"set","name":N,"value":V}, {"op":"unset",
 * "name":N}, {"op":"prompt","value":L}, {"op":"prompt-clear"},
 * {"op":"hook-var","name":N,"value":V} and {"op":"hook-list","name":N,
 * "value":[...]}. nushell keeps PATH as a list of strings, and a string
 * put in its place breaks it, so PATH's value is a JSON list. nushell
 * holds only UTF-8 text (0.115 panics at start-up on an environment
 * value that is not): an env whose path or label is not UTF-8 is
 * refused (cannot_hold), so the values that reach a renderer are UTF-8;
 * a byte that is not is written as U+FFFD. nu remembers no command
 * paths: no rehash. */
#include <string.h>

#include "shell.h"
#include "utf8.h"

extern const char hook_text_nu[];

/* Append s with each control character, DEL and each character in also
 * written as an escape, fmt given its code point; characters of
 * well-formed UTF-8 as they are, and each byte that is not part of one
 * as U+FFFD. */
static void escaped(struct strbuf *out, const char *s, const char *also,
		    const char *fmt)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		size_t n = c >= 0x80 ? utf8_len(s) : 1;

		if (!n) {
			strbuf_addf(out, fmt, 0xfffdu);
			s++;
		} else if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr(also, c))) {
			strbuf_addf(out, fmt, (unsigned)c);
			s++;
		} else {
			strbuf_add(out, s, n);
			s += n;
		}
	}
}

/* A JSON string. */
static void json(struct strbuf *out, const char *s)
{
	strbuf_addch(out, '"');
	escaped(out, s, "\"\\", "\\u%04x");
	strbuf_addch(out, '"');
}

/* A nu string literal: "..." reads \u{H...} escapes and expands nothing
 * (only $"..." interpolates). */
static void quote(struct strbuf *out, const char *s)
{
	strbuf_addch(out, '"');
	escaped(out, s, "\"\\", "\\u{%x}");
	strbuf_addch(out, '"');
}

/* const _vswitch_NAME = "...": a const, since the hook's def commands
 * can read a const but not a let. */
static void var(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, "const _vswitch_%s = ", name);
	quote(out, value);
	strbuf_addch(out, '\n');
}

/* {"op":OP,"name":NAME,"value": */
static void head(struct strbuf *out, const char *op, const char *name)
{
	strbuf_addf(out, "{\"op\":\"%s\",\"name\":", op);
	json(out, name);
	strbuf_addstr(out, ",\"value\":");
}

/* {"op":OP,"name":NAME,"value":VALUE} */
static void pair(struct strbuf *out, const char *op, const char *name,
		 const char *value)
{
	head(out, op, name);
	json(out, value);
	strbuf_addstr(out, "}\n");
}

static void set(struct strbuf *out, const char *name, const char *value)
{
	pair(out, "set", name, value);
}

static void unset(struct strbuf *out, const char *name)
{
	strbuf_addstr(out, "{\"op\":\"unset\",\"name\":");
	json(out, name);
	strbuf_addstr(out, "}\n");
}

/* The ':'-list as a JSON list, split at each ':' ("" is [""], which nu
 * joins back into ""). */
static void path(struct strbuf *out, const struct change *c)
{
	struct strbuf item = STRBUF_INIT;
	const char *s = c->value;

	head(out, "set", c->name);
	strbuf_addch(out, '[');
	for (;;) {
		size_t n = strcspn(s, ":");

		strbuf_setlen(&item, 0);
		strbuf_add(&item, s, n);
		json(out, item.buf);
		s += n;
		if (!*s++)
			break;
		strbuf_addch(out, ',');
	}
	strbuf_addstr(out, "]}\n");
	strbuf_release(&item);
}

static void prompt(struct strbuf *out, const char *label)
{
	if (!label) {
		strbuf_addstr(out, "{\"op\":\"prompt-clear\"}\n");
		return;
	}
	strbuf_addstr(out, "{\"op\":\"prompt\",\"value\":");
	json(out, label);
	strbuf_addstr(out, "}\n");
}

static void hook_var(struct strbuf *out, const char *name, const char *value)
{
	pair(out, "hook-var", name, value);
}

static void hook_list(struct strbuf *out, const char *name,
		      const struct strlist *items)
{
	head(out, "hook-list", name);
	strbuf_addch(out, '[');
	for (size_t i = 0; i < items->n; i++) {
		if (i)
			strbuf_addch(out, ',');
		json(out, items->v[i]);
	}
	strbuf_addstr(out, "]}\n");
}

static const struct line_syntax nu_syntax = {
	set, unset, path, prompt, hook_var, hook_list, NULL,
};

static void render(const struct changes *ch, struct strbuf *out)
{
	shell_render_lines(&nu_syntax, ch, out);
}

/* nu 0.115 panics at start-up on an environment value that is not
 * UTF-8 (nushell #12348), and its strings hold only UTF-8: an env's
 * path, its label, and the hook's own values alike. */
static const char *cannot_hold(const char *value, enum hold_kind what)
{
	if (utf8_valid(value))
		return NULL;
	return what == HOLD_LABEL ? "nushell holds only UTF-8 text, so it cannot hold this label"
				  : "nushell holds only UTF-8 text, so it cannot hold this path";
}

const struct shell shell_nu = {
	.name = "nu",
	/* nu cannot evaluate text it is given: the hook is saved, once, to
	 * its autoload folder, which nu reads at start-up and does not
	 * make. Two lines, typed in nu. */
	.setup = "mkdir $nu.user-autoload-dirs.0\n"
		 "vswitch hook nu | save -f ($nu.user-autoload-dirs.0)/vswitch.nu",
	.rcfile = "nu, once",
	.hook_text = hook_text_nu,
	.quote = quote,
	.var = var,
	.render = render,
	.cannot_hold = cannot_hold,
};
