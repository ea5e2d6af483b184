/* check_hookdata: what the binary tells a hook so that it can skip
 * runs: the names, the watch list, the variables and the stamp folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hookdata.h"
#include "helpers.h"
#include "source.h"
#include "suites.h"

/* The list change called name in ch. */
static const struct strlist *list_of(const struct changes *ch, const char *name)
{
	for (size_t i = 0; i < ch->n; i++)
		if (ch->v[i].kind == CH_HOOK_LIST && !strcmp(ch->v[i].name, name))
			return &ch->v[i].list;
	ck_abort_msg("no list %s", name);
	return NULL;
}

/* Whether ch holds a change called name. */
static int has_change(const struct changes *ch, const char *name)
{
	for (size_t i = 0; i < ch->n; i++)
		if (ch->v[i].name && !strcmp(ch->v[i].name, name))
			return 1;
	return 0;
}

/* The hook's variables for a run with cfg from folder pwd (or none). */
static void changes_for(const struct config *cfg, const char *pwd, int held,
			const char *cand, struct changes *ch)
{
	struct engine_input in;
	struct hookdata hd;
	struct strlist w = STRLIST_INIT;

	memset(&in, 0, sizeof(in));
	in.init = 1;
	in.pwd = pwd;
	hookdata_init(&hd, cfg, &in);
	hookdata_changes(cfg, &hd, held, cand, &w, ch);
	hookdata_free(&hd);
	strlist_free(&w);
}

START_TEST(names_vars_stamp)
{
	struct config cfg;
	struct changes ch = CHANGES_INIT;
	const struct strlist *names, *vars;

	twrite("c.ini", "[search]\nnames = env .env\nrcfile = .projrc\n");
	config_load_file(&cfg, tpath("c.ini"));
	changes_for(&cfg, NULL, 0, NULL, &ch);
	names = list_of(&ch, "names");
	/* the configured names, never hard-coded ones */
	ck_assert(strlist_has(names, ".projrc"));
	ck_assert(strlist_has(names, "env"));
	ck_assert(strlist_has(names, ".env"));
	ck_assert(!strlist_has(names, "venv"));
	ck_assert(!strlist_has(names, ".venvrc"));
	vars = list_of(&ch, "vars");
	ck_assert(strlist_has(vars, "VIRTUAL_ENV"));
	ck_assert(strlist_has(vars, "VSWITCH_STATE"));
	ck_assert(strlist_has(vars, "PATH"));
	ck_assert(strlist_has(vars, "XDG_DATA_HOME"));
	/* the config file that exists, the trust store that does not */
	{
		const struct strlist *wl = list_of(&ch, "watch");
		char want[8192];

		snprintf(want, sizeof(want), "+%s", tpath("c.ini"));
		ck_assert(strlist_has(wl, want));
		snprintf(want, sizeof(want), "-%s", tpath("xdg-data/vswitch/trust"));
		ck_assert(strlist_has(wl, want));
	}
	/* the stamp folder is made, the user's alone */
	for (size_t i = 0; i < ch.n; i++) {
		struct stat st;

		if (ch.v[i].kind != CH_HOOK_VAR || strcmp(ch.v[i].name, "stampdir"))
			continue;
		ck_assert_str_eq(ch.v[i].value, tpath("home/.cache/vswitch/stamps"));
		ck_assert_int_eq(stat(ch.v[i].value, &st), 0);
		ck_assert_uint_eq(st.st_mode & 0777, 0700);
	}
	changes_free(&ch);
	config_free(&cfg);
}
END_TEST

/* The tag stands for the names, links, vars and stamp folder: the same
 * for the same config, another when the names change; a hook holding
 * it gets the watch list alone. */
START_TEST(tag_held)
{
	struct config cfg, other;
	struct engine_input in;
	struct hookdata a, b, c;
	struct changes ch = CHANGES_INIT;

	config_load_file(&cfg, NULL);
	twrite("c.ini", "[search]\nnames = env\n");
	config_load_file(&other, tpath("c.ini"));
	memset(&in, 0, sizeof(in));
	hookdata_init(&a, &cfg, &in);
	hookdata_init(&b, &cfg, &in);
	hookdata_init(&c, &other, &in);
	ck_assert_uint_eq(a.tag.len, 16);
	ck_assert_str_eq(a.tag.buf, b.tag.buf);
	ck_assert_str_ne(a.tag.buf, c.tag.buf);
	changes_for(&cfg, NULL, 0, NULL, &ch);
	ck_assert(has_change(&ch, "tag") && has_change(&ch, "names") &&
		  has_change(&ch, "vars") && has_change(&ch, "links") &&
		  has_change(&ch, "stampdir") && has_change(&ch, "watch"));
	changes_free(&ch);
	changes_for(&cfg, NULL, 1, NULL, &ch);
	ck_assert(has_change(&ch, "watch"));
	ck_assert(!has_change(&ch, "tag") && !has_change(&ch, "names") &&
		  !has_change(&ch, "vars") && !has_change(&ch, "links") &&
		  !has_change(&ch, "stampdir"));
	changes_free(&ch);
	hookdata_free(&a);
	hookdata_free(&b);
	hookdata_free(&c);
	config_free(&cfg);
	config_free(&other);
}
END_TEST

/* What decided and its env are watched: "+" for what exists. */
START_TEST(watch_found)
{
	struct config cfg;
	struct found f;
	struct strlist w = STRLIST_INIT;
	char want[8192];

	config_load_file(&cfg, NULL);
	twrite("p/venv/pyvenv.cfg", "");
	discover(&f, &cfg, tpath("p"));
	hookdata_watch_found(&w, &f);
	snprintf(want, sizeof(want), "+%s", tpath("p/venv/pyvenv.cfg"));
	ck_assert(strlist_has(&w, want));
	/* no bin/ yet: watched as missing, so making it counts */
	snprintf(want, sizeof(want), "-%s", tpath("p/venv/bin"));
	ck_assert(strlist_has(&w, want));
	found_free(&f);
	strlist_free(&w);
	/* a .venvrc naming an env that is not there: made later, it counts */
	twrite("q/.venvrc", "env = ./gone\n");
	discover(&f, &cfg, tpath("q"));
	hookdata_watch_found(&w, &f);
	snprintf(want, sizeof(want), "+%s", tpath("q/.venvrc"));
	ck_assert(strlist_has(&w, want));
	snprintf(want, sizeof(want), "-%s", tpath("q/gone"));
	ck_assert(strlist_has(&w, want));
	found_free(&f);
	strlist_free(&w);
	config_free(&cfg);
}
END_TEST

/* A folder named like a venv that holds no pyvenv.cfg decides nothing,
 * but one put there later makes it decide: watched as missing. */
START_TEST(watch_candidate_folder)
{
	struct config cfg;
	struct changes ch = CHANGES_INIT;
	struct found f;
	char want[8192];

	config_load_file(&cfg, NULL);
	tmkdir("p/venv/bin");
	tmkdir("p/a/b");
	/* the folder discovery saw holding a name */
	discover(&f, &cfg, tpath("p/a/b"));
	ck_assert_str_eq(f.cand.buf, tpath("p"));
	changes_for(&cfg, tpath("p/a/b"), 0, f.cand.buf, &ch);
	snprintf(want, sizeof(want), "-%s", tpath("p/venv/pyvenv.cfg"));
	ck_assert(strlist_has(list_of(&ch, "watch"), want));
	changes_free(&ch);
	/* none: nothing of the folder's */
	changes_for(&cfg, tpath("p/a/b"), 0, NULL, &ch);
	ck_assert(!strlist_has(list_of(&ch, "watch"), want));
	changes_free(&ch);
	found_free(&f);
	config_free(&cfg);
}
END_TEST

Suite *hookdata_suite(void)
{
	Suite *s = suite_create("hookdata");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, names_vars_stamp);
	tcase_add_test(tc, tag_held);
	tcase_add_test(tc, watch_found);
	tcase_add_test(tc, watch_candidate_folder);
	suite_add_tcase(s, tc);
	return s;
}
