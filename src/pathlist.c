/* pathlist: PATH as a list. */
#include "pathlist.h"

#include <string.h>

/* The first entry of path equal to entry, its length in *len; or NULL.
 * entry may itself hold ':' (a project path can), so it is matched at
 * each entry boundary rather than against the pieces between colons. */
static const char *find(const char *path, const char *entry, size_t *len)
{
	size_t n = strlen(entry);
	const char *p = path;

	for (;;) {
		if (!strncmp(p, entry, n) && (p[n] == ':' || p[n] == '\0')) {
			*len = n;
			return p;
		}
		p = strchr(p, ':');
		if (!p)
			return NULL;
		p++;
	}
}

int pathlist_has(const char *path, const char *entry)
{
	size_t len;

	return path && find(path, entry, &len) != NULL;
}

int pathlist_remove(const char *path, const char *entry, struct strbuf *out)
{
	size_t len;
	const char *p = path ? find(path, entry, &len) : NULL;

	if (!p) {
		if (path)
			strbuf_addstr(out, path);
		return 0;
	}
	if (p[len] == ':') {
		/* "E:rest" or "a:E:rest": drop "E:" */
		strbuf_add(out, path, (size_t)(p - path));
		strbuf_addstr(out, p + len + 1);
	} else if (p > path) {
		/* "a:E": drop ":E" */
		strbuf_add(out, path, (size_t)(p - path) - 1);
	}
	/* else "E" alone: nothing is left */
	return 1;
}

void pathlist_prepend(const char *path, const char *entry, struct strbuf *out)
{
	strbuf_addstr(out, entry);
	if (path && *path) {
		strbuf_addch(out, ':');
		strbuf_addstr(out, path);
	}
}
