/* config: the user's settings, from config.ini or the built-in defaults. */
#ifndef CONFIG_H
#define CONFIG_H

#include <stddef.h>

#include "strbuf.h"

enum trust_mode { TRUST_OWNER, TRUST_STRICT, TRUST_ALL };

struct config {
	char **names;		/* venv folder names, in search order */
	size_t nnames;
	void **ignore;		/* compiled pcre2_code *, matched against dirs */
	size_t nignore;
	void *match;		/* pcre2_match_data * for them, made once */
	char *rcfile;		/* name of the per-project file, ".venvrc" */
	char *home;		/* [envs] home as written (~ not expanded), or NULL */
	int prompt_disable;
	enum trust_mode trust;
	unsigned char sources[16];	/* the sources asked, in order, as
					 * indexes into source_table */
	size_t nsources;
	struct strbuf path;	/* the file consulted */
	int found;		/* whether that file existed */
};

/* Load the config named by $VSWITCH_CONFIG, else the XDG location; a
 * missing file gives the defaults, a broken one is reported line by line
 * and the rest applies. */
void config_load(struct config *cfg);
/* Load defaults, then the file at path (NULL: defaults only). */
void config_load_file(struct config *cfg, const char *path);
/* Free everything cfg holds. */
void config_free(struct config *cfg);
/* Whether dir matches one of the ignore regexes. */
int config_ignored(const struct config *cfg, const char *dir, size_t len);
/* Whether name is one of the venv folder names. */
int config_is_name(const struct config *cfg, const char *name, size_t len);

#endif
