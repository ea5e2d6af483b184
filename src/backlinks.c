/* backlinks: the index of .project back-links.
 *
 * Format: "vswitch-projects 1\n"; per env folder read, "home PATH:SEC:NSEC\n"
 * (its time then, or "-:-" when it was not there); per back-link,
 * "PROJECT:ENV\n". Paths are percent-encoded (strbuf_add_percent), so
 * ':' and newlines in them cannot be taken for separators. */
#include "backlinks.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "envhome.h"
#include "error.h"
#include "paths.h"
#include "tool.h"

#define INDEX_MAX (64 << 20)

struct link {
	char *project;
	char *env;
};

/* The index as read for this run (once: a run's walk asks at every
 * level), keyed by the index's path and the env folders. */
static struct {
	char *key;
	struct link *v;
	size_t n, alloc;
} cache;

/* The index's path; none with no home (the envs are read each time). */
static void index_path(struct strbuf *out)
{
	if (paths_xdg(out, "XDG_CACHE_HOME", ".cache") == 0)
		strbuf_addstr(out, "/vswitch/projects");
}

/* The env folders whose envs may hold .project: the env home, and
 * pipenv's when it is another. */
static void homes(const struct config *cfg, struct strlist *out)
{
	struct strbuf h = STRBUF_INIT;

	if (envhome_dir(cfg, &h) == 0)
		strlist_add(out, h.buf);
	strbuf_setlen(&h, 0);
	if (tool_env_or(&h, "WORKON_HOME", "XDG_DATA_HOME", ".local/share", "/virtualenvs") == 0 &&
	    !strlist_has(out, h.buf))
		strlist_add(out, h.buf);
	strbuf_release(&h);
}

/* Whether any of the env folders is there. */
static int any_home(const struct strlist *h)
{
	struct stat st;

	for (size_t i = 0; i < h->n; i++)
		if (stat(h->v[i], &st) == 0)
			return 1;
	return 0;
}

/* The header lines for homes as they are now. */
static void header(const struct strlist *h, struct strbuf *out)
{
	strbuf_addstr(out, "vswitch-projects 1\n");
	for (size_t i = 0; i < h->n; i++) {
		struct stat st;

		strbuf_addstr(out, "home ");
		strbuf_add_percent(out, h->v[i], strlen(h->v[i]));
		if (stat(h->v[i], &st) == 0)
			strbuf_addf(out, ":%lld:%ld\n", (long long)st.st_mtim.tv_sec,
				    (long)st.st_mtim.tv_nsec);
		else
			strbuf_addstr(out, ":-:-\n");
	}
}

static void add(const char *project, const char *env)
{
	if (cache.n == cache.alloc) {
		size_t a = cache.alloc ? 2 * cache.alloc : 16;
		struct link *v = realloc(cache.v, a * sizeof(*v));

		if (!v)
			die("out of memory");
		cache.v = v;
		cache.alloc = a;
	}
	cache.v[cache.n].project = strdup(project);
	cache.v[cache.n].env = strdup(env);
	if (!cache.v[cache.n].project || !cache.v[cache.n].env)
		die("out of memory");
	cache.n++;
}

static void forget(void)
{
	for (size_t i = 0; i < cache.n; i++) {
		free(cache.v[i].project);
		free(cache.v[i].env);
	}
	free(cache.v);
	free(cache.key);
	memset(&cache, 0, sizeof(cache));
}

static int cmp(const void *a, const void *b)
{
	return strcmp(((const struct link *)a)->project,
		      ((const struct link *)b)->project);
}

/* Read every env's .project in the homes into the cache. */
static void scan(const struct strlist *h)
{
	struct strbuf p = STRBUF_INIT, text = STRBUF_INIT, proj = STRBUF_INIT;

	for (size_t i = 0; i < h->n; i++) {
		DIR *d = opendir(h->v[i]);
		struct dirent *e;

		if (!d)
			continue;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			strbuf_setlen(&p, 0);
			strbuf_addf(&p, "%s/%s/.project", h->v[i], e->d_name);
			strbuf_setlen(&text, 0);
			strbuf_setlen(&proj, 0);
			if (tool_read(p.buf, &text) < 0)
				continue;
			tool_first_line(text.buf, &proj);
			while (proj.len > 1 && proj.buf[proj.len - 1] == '/')
				strbuf_setlen(&proj, proj.len - 1);
			if (proj.buf[0] != '/')
				continue;
			strbuf_setlen(&p, p.len - strlen("/.project"));
			add(proj.buf, p.buf);
		}
		closedir(d);
	}
	strbuf_release(&p);
	strbuf_release(&text);
	strbuf_release(&proj);
}

/* Write the cache as the index, privately and whole. */
static void save(const char *path, const struct strbuf *head)
{
	struct strbuf text = STRBUF_INIT, dir = STRBUF_INIT, tmp = STRBUF_INIT;
	size_t n;
	int fd;

	strbuf_addstr(&text, head->buf);
	for (size_t i = 0; i < cache.n; i++) {
		strbuf_add_percent(&text, cache.v[i].project, strlen(cache.v[i].project));
		strbuf_addch(&text, ':');
		strbuf_add_percent(&text, cache.v[i].env, strlen(cache.v[i].env));
		strbuf_addch(&text, '\n');
	}
	paths_basename(path, strlen(path), &n);
	strbuf_add(&dir, path, strlen(path) - n - 1);
	strbuf_addf(&tmp, "%s.XXXXXX", path);
	if (paths_mkdirs(&dir) == 0 && (fd = mkstemp(tmp.buf)) >= 0) {
		if (strbuf_write_fd(&text, fd) < 0 || close(fd) < 0 ||
		    rename(tmp.buf, path) < 0)
			unlink(tmp.buf);
	}
	strbuf_release(&text);
	strbuf_release(&dir);
	strbuf_release(&tmp);
}

/* Parse the records after the header in text into the cache; -1 when
 * one does not parse. */
static int parse(const char *p)
{
	struct strbuf proj = STRBUF_INIT, env = STRBUF_INIT;
	int rc = 0;

	while (*p) {
		strbuf_setlen(&proj, 0);
		strbuf_setlen(&env, 0);
		p = strbuf_add_unpercent(&proj, p, ':');
		if (!p || *p != ':' || !(p = strbuf_add_unpercent(&env, p + 1, '\n')) ||
		    *p != '\n') {
			rc = -1;
			break;
		}
		add(proj.buf, env.buf);
		p++;
	}
	strbuf_release(&proj);
	strbuf_release(&env);
	return rc;
}

int backlinks_load(const struct config *cfg)
{
	struct strbuf path = STRBUF_INIT, key = STRBUF_INIT, head = STRBUF_INIT;
	struct strbuf text = STRBUF_INIT;
	struct strlist h = STRLIST_INIT;

	index_path(&path);
	homes(cfg, &h);
	/* no env folder, no back-link: nothing to read or write */
	if (!any_home(&h)) {
		forget();
		goto out;
	}
	/* the index as read stands while its env folders' times do */
	header(&h, &head);
	strbuf_addstr(&key, path.buf);
	strbuf_addch(&key, '\n');
	strbuf_addstr(&key, head.buf);
	if (cache.key && !strcmp(cache.key, key.buf))
		goto out;
	forget();
	cache.key = strbuf_detach(&key);
	if (strbuf_read_file(&text, path.buf, INDEX_MAX) != 0 ||
	    strncmp(text.buf, head.buf, head.len) || parse(text.buf + head.len) < 0) {
		for (size_t i = 0; i < cache.n; i++) {
			free(cache.v[i].project);
			free(cache.v[i].env);
		}
		cache.n = 0;
		scan(&h);
		if (path.buf[0] == '/')
			save(path.buf, &head);
	}
	if (cache.n > 1)
		qsort(cache.v, cache.n, sizeof(*cache.v), cmp);
out:
	strbuf_release(&path);
	strbuf_release(&key);
	strbuf_release(&head);
	strbuf_release(&text);
	strlist_free(&h);
	return (int)(cache.n > 0x7fffffff ? 0x7fffffff : cache.n);
}

int backlinks_find(const char *project, struct strbuf *env)
{
	struct link key = { (char *)project, NULL }, *l;

	if (!cache.n)
		return 0;
	l = bsearch(&key, cache.v, cache.n, sizeof(*cache.v), cmp);
	if (!l)
		return 0;
	strbuf_addstr(env, l->env);
	return 1;
}

void backlinks_projects(const struct config *cfg, struct strlist *out)
{
	backlinks_load(cfg);
	for (size_t i = 0; i < cache.n; i++)
		if (!strlist_has(out, cache.v[i].project))
			strlist_add(out, cache.v[i].project);
}

void backlinks_watch(const struct config *cfg, struct strlist *watch)
{
	struct strlist h = STRLIST_INIT;
	struct strbuf e = STRBUF_INIT;
	struct stat st;

	homes(cfg, &h);
	for (size_t i = 0; i < h.n; i++) {
		strbuf_setlen(&e, 0);
		strbuf_addch(&e, stat(h.v[i], &st) == 0 ? '+' : '-');
		strbuf_addstr(&e, h.v[i]);
		if (!strlist_has(watch, e.buf))
			strlist_add(watch, e.buf);
	}
	strlist_free(&h);
	strbuf_release(&e);
}

void backlinks_refresh(const struct config *cfg)
{
	struct strbuf path = STRBUF_INIT;

	index_path(&path);
	if (path.len)
		unlink(path.buf);
	forget();
	backlinks_load(cfg);
	strbuf_release(&path);
}
