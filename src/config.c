/* config: [search], [envs], [prompt] and [trust] from config.ini. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "config.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "inifile.h"
#include "paths.h"
#include "source.h"

static const char *const default_names[] = { "venv", ".venv" };

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die("out of memory");
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static void clear_names(struct config *cfg)
{
	for (size_t i = 0; i < cfg->nnames; i++)
		free(cfg->names[i]);
	free(cfg->names);
	cfg->names = NULL;
	cfg->nnames = 0;
}

/* names = venv .venv: split on blanks; a name with '/' or one that is
 * "." or ".." could escape the directory, so the line is refused and the
 * names before it stay. */
static int set_names(struct config *cfg, const char *value, const char **msg)
{
	struct config next = { 0 };
	const char *p = value;

	while (*p) {
		size_t n;

		p += strspn(p, " \t");
		n = strcspn(p, " \t");
		if (!n)
			break;
		if (memchr(p, '/', n) || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.')) {
			*msg = "names: a name may not contain '/' or be '.' or '..'";
			clear_names(&next);
			return 0;
		}
		next.names = xrealloc(next.names, (next.nnames + 1) * sizeof(char *));
		next.names[next.nnames] = strndup(p, n);
		if (!next.names[next.nnames])
			die("out of memory");
		next.nnames++;
		p += n;
	}
	clear_names(cfg);
	cfg->names = next.names;
	cfg->nnames = next.nnames;
	return 1;
}

/* The message for a name that is no source's: it lists the table's. */
static const char *unknown_source(void)
{
	static char text[200];
	struct strbuf msg = STRBUF_INIT;

	strbuf_addstr(&msg, "sources: unknown source (known:");
	for (size_t i = 0; i < source_count; i++)
		strbuf_addf(&msg, " %s", source_table[i]->name);
	strbuf_addch(&msg, ')');
	snprintf(text, sizeof(text), "%s", msg.buf);
	strbuf_release(&msg);
	return text;
}

/* sources = venvrc venv poetry: the sources asked, in this order; any
 * left out are not asked. An unknown name refuses the whole line. */
static int set_sources(struct config *cfg, const char *value, const char **msg)
{
	unsigned char next[sizeof(cfg->sources)];
	size_t n = 0;
	const char *p = value;

	while (*p) {
		size_t len, i;

		p += strspn(p, " \t");
		len = strcspn(p, " \t");
		if (!len)
			break;
		for (i = 0; i < source_count; i++)
			if (strlen(source_table[i]->name) == len &&
			    !memcmp(source_table[i]->name, p, len))
				break;
		if (i == source_count) {
			*msg = unknown_source();
			return 0;
		}
		if (!memchr(next, (int)i, n) && n < sizeof(next))
			next[n++] = (unsigned char)i;
		p += len;
	}
	memcpy(cfg->sources, next, n);
	cfg->nsources = n;
	return 1;
}

/* A bad regex is refused with its own detail, in *msg. */
static int add_ignore(struct config *cfg, const char *value, const char **msg)
{
	static char text[300];
	pcre2_code *re;
	PCRE2_UCHAR buf[200];
	PCRE2_SIZE off;
	int code;

	re = pcre2_compile((PCRE2_SPTR)value, PCRE2_ZERO_TERMINATED, 0, &code,
			   &off, NULL);
	if (!re) {
		pcre2_get_error_message(code, buf, sizeof(buf));
		snprintf(text, sizeof(text), "ignore: bad regex at offset %zu: %s",
			 (size_t)off, (char *)buf);
		*msg = text;
		return 0;
	}
	cfg->ignore = xrealloc(cfg->ignore, (cfg->nignore + 1) * sizeof(void *));
	cfg->ignore[cfg->nignore++] = re;
	/* One match block serves every regex: only whether it matched counts. */
	if (!cfg->match && !(cfg->match = pcre2_match_data_create(1, NULL)))
		die("out of memory");
	return 1;
}

static int parse_bool(const char *v, int *out)
{
	if (!strcasecmp(v, "true") || !strcasecmp(v, "yes") ||
	    !strcasecmp(v, "on") || !strcmp(v, "1"))
		*out = 1;
	else if (!strcasecmp(v, "false") || !strcasecmp(v, "no") ||
		 !strcasecmp(v, "off") || !strcmp(v, "0"))
		*out = 0;
	else
		return 0;
	return 1;
}

static int handle(void *data, const char *section, const char *key,
		  const char *value, unsigned line, const char **msg)
{
	struct config *cfg = data;

	(void)line;
	if (!strcmp(section, "search")) {
		if (!strcmp(key, "names"))
			return set_names(cfg, value, msg);
		if (!strcmp(key, "ignore"))
			return add_ignore(cfg, value, msg);
		if (!strcmp(key, "sources"))
			return set_sources(cfg, value, msg);
		if (!strcmp(key, "rcfile")) {
			if (!*value || strchr(value, '/') || !strcmp(value, ".") ||
			    !strcmp(value, "..")) {
				*msg = "rcfile: must be a plain file name";
				return 0;
			}
			free(cfg->rcfile);
			cfg->rcfile = xstrdup(value);
			return 1;
		}
	} else if (!strcmp(section, "envs")) {
		if (!strcmp(key, "home")) {
			free(cfg->home);
			cfg->home = *value ? xstrdup(value) : NULL;
			return 1;
		}
	} else if (!strcmp(section, "prompt")) {
		if (!strcmp(key, "disable")) {
			if (parse_bool(value, &cfg->prompt_disable))
				return 1;
			*msg = "disable: expected true or false";
			return 0;
		}
	} else if (!strcmp(section, "trust")) {
		if (!strcmp(key, "mode")) {
			if (!strcmp(value, "owner"))
				cfg->trust = TRUST_OWNER;
			else if (!strcmp(value, "strict"))
				cfg->trust = TRUST_STRICT;
			else if (!strcmp(value, "all"))
				cfg->trust = TRUST_ALL;
			else {
				*msg = "mode: expected owner, strict or all";
				return 0;
			}
			return 1;
		}
	} else {
		*msg = "unknown section";
		return 0;
	}
	*msg = "unknown key";
	return 0;
}

static void set_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	strbuf_init(&cfg->path);
	cfg->nnames = sizeof(default_names) / sizeof(default_names[0]);
	cfg->names = xrealloc(NULL, cfg->nnames * sizeof(char *));
	for (size_t i = 0; i < cfg->nnames; i++)
		cfg->names[i] = xstrdup(default_names[i]);
	cfg->rcfile = xstrdup(".venvrc");
	for (size_t i = 0; i < source_count && i < sizeof(cfg->sources); i++)
		cfg->sources[cfg->nsources++] = (unsigned char)i;
	cfg->trust = TRUST_OWNER;
}

void config_load_file(struct config *cfg, const char *path)
{
	set_defaults(cfg);
	if (!path)
		return;
	strbuf_set(&cfg->path, path);
	cfg->found = inifile_parse(path, handle, cfg) != -1;
}

void config_load(struct config *cfg)
{
	struct strbuf path = STRBUF_INIT;
	const char *env = getenv("VSWITCH_CONFIG");

	/* with no home, no config file: the defaults */
	if (env && *env)
		strbuf_addstr(&path, env);
	else if (paths_xdg(&path, "XDG_CONFIG_HOME", ".config") == 0)
		strbuf_addstr(&path, "/vswitch/config.ini");
	config_load_file(cfg, path.len ? path.buf : NULL);
	strbuf_release(&path);
}

void config_free(struct config *cfg)
{
	clear_names(cfg);
	for (size_t i = 0; i < cfg->nignore; i++)
		pcre2_code_free(cfg->ignore[i]);
	free(cfg->ignore);
	pcre2_match_data_free(cfg->match);
	free(cfg->rcfile);
	free(cfg->home);
	strbuf_release(&cfg->path);
	memset(cfg, 0, sizeof(*cfg));
}

int config_ignored(const struct config *cfg, const char *dir, size_t len)
{
	int hit = 0;

	for (size_t i = 0; i < cfg->nignore && !hit; i++)
		hit = pcre2_match(cfg->ignore[i], (PCRE2_SPTR)dir, len, 0, 0,
				  cfg->match, NULL) >= 0;
	return hit;
}

int config_is_name(const struct config *cfg, const char *name, size_t len)
{
	for (size_t i = 0; i < cfg->nnames; i++)
		if (strlen(cfg->names[i]) == len && !memcmp(cfg->names[i], name, len))
			return 1;
	return 0;
}
