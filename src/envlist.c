/* envlist: the names in an env home, and names close to a mistyped one. */
#include "envlist.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "strbuf.h"

/* The stats are nearly all the cost, so the prefix is checked first.
 * The type from readdir saves no stat: the one stat of NAME/pyvenv.cfg
 * answers both "a folder?" and "an env?"; only entries that are certainly
 * not folders or links are skipped without it. */
int envlist_read(const char *dir, const char *prefix, struct strlist *list)
{
	size_t plen = strlen(prefix);
	struct strbuf rel = STRBUF_INIT;
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(dir);

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || e->d_name[0] == '~' ||
		    strncmp(e->d_name, prefix, plen))
			continue;
		if (e->d_type != DT_DIR && e->d_type != DT_LNK &&
		    e->d_type != DT_UNKNOWN)
			continue;
		strbuf_set(&rel, e->d_name);
		strbuf_addstr(&rel, "/pyvenv.cfg");
		if (fstatat(dirfd(d), rel.buf, &st, 0) == 0 && S_ISREG(st.st_mode))
			strlist_add(list, e->d_name);
	}
	closedir(d);
	strbuf_release(&rel);
	strlist_sort(list);
	return 0;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* Optimal string alignment distance between a and b, or limit + 1 once
 * it is certainly above limit. */
static size_t distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), d;
	size_t *rows, *prev2, *prev, *cur;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	rows = calloc(3 * (lb + 1), sizeof(size_t));
	if (!rows)
		die("out of memory");
	prev2 = rows;
	prev = prev2 + lb + 1;
	cur = prev + lb + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t *t;

		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			int ca = lower((unsigned char)a[i - 1]);
			int cb = lower((unsigned char)b[j - 1]);
			size_t v = prev[j - 1] + (ca != cb);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && ca == lower((unsigned char)b[j - 2]) &&
			    lower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[lb];
	free(rows);
	return d;
}

struct scored {
	size_t score;
	const char *name;
};

static int cmp_scored(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* About one edit per four bytes of name, and at least one, is a typo;
 * names that merely start with name rank after every typo. */
size_t envlist_close(const struct strlist *list, const char *name,
		     const char **out, size_t max)
{
	size_t len = strlen(name), limit = len < 6 ? 1 : (len + 2) / 4;
	size_t n = 0;
	struct scored *v;

	if (!list->n || !max)
		return 0;
	v = calloc(list->n, sizeof(*v));
	if (!v)
		die("out of memory");
	for (size_t i = 0; i < list->n; i++) {
		const char *cand = list->v[i];
		size_t d = distance(name, cand, limit);

		if (d > limit && len && !strncmp(cand, name, len))
			d = limit + 1;
		else if (d > limit)
			continue;
		v[n].score = d;
		v[n++].name = cand;
	}
	qsort(v, n, sizeof(*v), cmp_scored);
	if (n > max)
		n = max;
	for (size_t i = 0; i < n; i++)
		out[i] = v[i].name;
	free(v);
	return n;
}
