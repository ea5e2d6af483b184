/* fuzz_quote: every shell's quoting must read back as exactly the bytes
 * quoted. Each quoted word is decoded here by the shell's rules (POSIX
 * single quotes; fish's quotes and \xHH / \XHH; tcsh's; elvish's and
 * xonsh's escapes) and compared with the input; nu's, of UTF-8 text
 * only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* POSIX: '...' holds anything but '; \' outside quotes is a quote. */
static int unquote_posix(const char *q, struct strbuf *out)
{
	while (*q) {
		if (*q == '\'') {
			const char *end = strchr(q + 1, '\'');

			if (!end)
				return -1;
			strbuf_add(out, q + 1, (size_t)(end - q - 1));
			q = end + 1;
		} else if (q[0] == '\\' && q[1] == '\'') {
			strbuf_addch(out, '\'');
			q += 2;
		} else {
			return -1;	/* anything else would be shell syntax */
		}
	}
	return 0;
}

static int hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* fish: '...' where only \\ and \' are escapes; outside, \xHH (< 0x80)
 * and \XHH (a raw byte). */
static int unquote_fish(const char *q, struct strbuf *out)
{
	while (*q) {
		if (*q == '\'') {
			for (q++; *q != '\''; q++) {
				if (!*q)
					return -1;
				if (*q == '\\' && (q[1] == '\\' || q[1] == '\''))
					q++;
				strbuf_addch(out, *q);
			}
			q++;
		} else if (q[0] == '\\' && (q[1] == 'x' || q[1] == 'X') &&
			   hex(q[2]) >= 0 && hex(q[3]) >= 0) {
			int c = hex(q[2]) * 16 + hex(q[3]);

			if (q[1] == 'x' && c >= 0x80)
				return -1;
			strbuf_addch(out, c);
			q += 4;
		} else {
			return -1;
		}
	}
	return 0;
}

/* The inside of elvish's "..." or a Python bytes literal, up to the
 * closing quote end: printable ASCII as is, \xHH for any byte. The
 * closing quote, or NULL. */
static const char *unquote_hex(const char *q, char end, struct strbuf *out)
{
	for (; *q != end; q++) {
		if (!*q)
			return NULL;
		if (*q == '\\') {
			if (q[1] != 'x' || hex(q[2]) < 0 || hex(q[3]) < 0)
				return NULL;
			strbuf_addch(out, hex(q[2]) * 16 + hex(q[3]));
			q += 3;
		} else if (*q < 0x20 || *q == 0x7f) {
			return NULL;
		} else {
			strbuf_addch(out, *q);
		}
	}
	return q;
}

/* elvish: "..." */
static int unquote_elvish(const char *q, struct strbuf *out)
{
	if (*q != '"' || !(q = unquote_hex(q + 1, '"', out)))
		return -1;
	return q[1] ? -1 : 0;
}

/* xonsh: __import__('os').fsdecode(b'...') */
static int unquote_xonsh(const char *q, struct strbuf *out)
{
	static const char head[] = "__import__('os').fsdecode(b'";

	if (strncmp(q, head, strlen(head)) ||
	    !(q = unquote_hex(q + strlen(head), '\'', out)))
		return -1;
	return strcmp(q, "')") ? -1 : 0;
}

/* tcsh: '...' holding no ', !, \ or newline; outside, \' \! \\ and
 * $_vswitch_nl:q (the hook's variable holding a newline). */
static int unquote_tcsh(const char *q, struct strbuf *out)
{
	static const char nl[] = "$_vswitch_nl:q";

	while (*q) {
		if (*q == '\'') {
			for (q++; *q != '\''; q++) {
				if (!*q || *q == '!' || *q == '\\' || *q == '\n')
					return -1;
				strbuf_addch(out, *q);
			}
			q++;
		} else if (q[0] == '\\' && q[1] && strchr("'!\\", q[1])) {
			strbuf_addch(out, q[1]);
			q += 2;
		} else if (!strncmp(q, nl, sizeof(nl) - 1)) {
			strbuf_addch(out, '\n');
			q += sizeof(nl) - 1;
		} else {
			return -1;
		}
	}
	return 0;
}

/* nu: "..." where \u{H...} is a code point, written out in UTF-8,
 * and every other byte but a control character, " and \ stands as it
 * is. */
static int unquote_nu(const char *q, struct strbuf *out)
{
	if (*q++ != '"')
		return -1;
	for (; *q != '"'; q++) {
		if (!*q || (unsigned char)*q < 0x20 || *q == 0x7f)
			return -1;
		if (*q != '\\') {
			strbuf_addch(out, *q);
			continue;
		}
		if (q[1] != 'u' || q[2] != '{')
			return -1;
		{
			size_t n = strspn(q + 3, "0123456789abcdef");
			long c = strbuf_hex_codepoint(q + 3, n);

			if (!n || n > 6 || q[3 + n] != '}' || c < 0)
				return -1;
			strbuf_add_utf8(out, c);
			q += 3 + n;
		}
	}
	return q[1] ? -1 : 0;
}

/* The decoder for each shell's quoting: POSIX single quotes for every
 * row that uses shell_quote_single, else by name. A shell with none
 * stops the fuzzer at once, so a new quoting is never left unchecked. */
static const struct {
	const char *name;
	int (*unquote)(const char *q, struct strbuf *out);
} decoders[] = {
	{ "fish", unquote_fish },
	{ "elvish", unquote_elvish },
	{ "xonsh", unquote_xonsh },
	{ "tcsh", unquote_tcsh },
	{ "nu", unquote_nu },
};

static int (*decoder(const struct shell *sh))(const char *, struct strbuf *)
{
	if (sh->quote == shell_quote_single)
		return unquote_posix;
	for (size_t i = 0; i < sizeof(decoders) / sizeof(decoders[0]); i++)
		if (!strcmp(decoders[i].name, sh->name))
			return decoders[i].unquote;
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';		/* a C string: stops at the first NUL */
	for (size_t i = 0; i < shell_count; i++) {
		const struct shell *sh = shell_table[i];
		struct strbuf q = STRBUF_INIT, back = STRBUF_INIT;

		/* a value the shell cannot hold (nu: not UTF-8) never gets
		 * into its hook: `vswitch hook` refuses it */
		if (shell_cannot_hold(sh, s, HOLD_HOOK_VAR))
			continue;
		sh->quote(&q, s);
		if (decoder(sh)(q.buf, &back) < 0 || strcmp(back.buf, s) || !q.len)
			abort();
		strbuf_release(&q);
		strbuf_release(&back);
	}
	free(s);
	return 0;
}
