/* note: the notes reported, and those met in this run. */
#include "note.h"

#include <string.h>

#include "sha256.h"
#include "strlist.h"

/* An id is the first 16 hex digits of a SHA-256. */
#define ID_LEN 16
/* A run meets a few files; more ids than this are not kept. */
#define KEEP_MAX 8

static struct strlist seen, kept;

void note_begin(const char *noted)
{
	strlist_free(&seen);
	strlist_free(&kept);
	while (noted && strlen(noted) >= ID_LEN) {
		strlist_addn(&seen, noted, ID_LEN);
		noted += ID_LEN;
		noted += *noted == ',';
	}
}

void note_id(struct strbuf *id, const char *kind, const char *what,
	     const void *data, size_t len)
{
	struct sha256 s;
	unsigned char d[SHA256_LEN];
	struct strbuf hex = STRBUF_INIT;

	sha256_init(&s);
	sha256_update(&s, kind, strlen(kind) + 1);
	sha256_update(&s, what, strlen(what) + 1);
	sha256_update(&s, data, len);
	sha256_final(&s, d);
	sha256_tohex(d, &hex);
	strbuf_add(id, hex.buf, ID_LEN);
	strbuf_release(&hex);
}

int note_seen(const char *id)
{
	return strlist_has(&seen, id) || strlist_has(&kept, id);
}

void note_keep(const char *id)
{
	if (!strlist_has(&kept, id) && kept.n < KEEP_MAX)
		strlist_add(&kept, id);
}

int note_fresh(const char *id)
{
	int fresh = !note_seen(id);

	note_keep(id);
	return fresh;
}

void note_list(struct strbuf *out)
{
	for (size_t i = 0; i < kept.n; i++) {
		if (i)
			strbuf_addch(out, ',');
		strbuf_addstr(out, kept.v[i]);
	}
}
