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

START_TEST(names_vars_stamp)
{
	struct config cfg;
	struct engine_input in;
	struct changes ch = CHANGES_INIT;
	struct strlist w = STRLIST_INIT;
	const struct strlist *names, *vars;

	twrite("c.ini", "[search]\nnames = env .env\nrcfile = .projrc\n");
	config_load_file(&cfg, tpath("c.ini"));
	memset(&in, 0, sizeof(in));
	in.init = 1;
	hookdata_changes(&cfg, &in, &w, &ch);
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

		if (ch.v[i].kind != CH_HOOK_VAR)
			continue;
		ck_assert_str_eq(ch.v[i].name, "stampdir");
		ck_assert_str_eq(ch.v[i].value, tpath("home/.cache/vswitch/stamps"));
		ck_assert_int_eq(stat(ch.v[i].value, &st), 0);
		ck_assert_uint_eq(st.st_mode & 0777, 0700);
	}
	changes_free(&ch);
	strlist_free(&w);
	config_free(&cfg);
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
	struct engine_input in;
	struct changes ch = CHANGES_INIT;
	struct strlist w = STRLIST_INIT;
	char want[8192];

	config_load_file(&cfg, NULL);
	tmkdir("p/venv/bin");
	tmkdir("p/a/b");
	memset(&in, 0, sizeof(in));
	in.pwd = tpath("p/a/b");
	hookdata_changes(&cfg, &in, &w, &ch);
	snprintf(want, sizeof(want), "-%s", tpath("p/venv/pyvenv.cfg"));
	ck_assert(strlist_has(list_of(&ch, "watch"), want));
	changes_free(&ch);
	strlist_free(&w);
	config_free(&cfg);
}
END_TEST

Suite *hookdata_suite(void)
{
	Suite *s = suite_create("hookdata");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, names_vars_stamp);
	tcase_add_test(tc, watch_found);
	tcase_add_test(tc, watch_candidate_folder);
	suite_add_tcase(s, tc);
	return s;
}
