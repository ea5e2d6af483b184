/* check_config: defaults, each key, and broken lines reported while the
 * rest of the file still applies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "helpers.h"
#include "source.h"
#include "suites.h"

/* Load root/rel (NULL: defaults only) into cfg; returns stderr with the
 * root shown as "@". */
static char *load(struct config *cfg, const char *rel)
{
	char *raw, *err;

	stderr_begin();
	config_load_file(cfg, rel ? tpath(rel) : NULL);
	raw = stderr_end();
	err = unroot(raw);
	free(raw);
	return err;
}

static void check_defaults(const struct config *cfg)
{
	ck_assert_uint_eq(cfg->nnames, 2);
	ck_assert_str_eq(cfg->names[0], "venv");
	ck_assert_str_eq(cfg->names[1], ".venv");
	ck_assert_uint_eq(cfg->nignore, 0);
	ck_assert_str_eq(cfg->rcfile, ".venvrc");
	ck_assert_ptr_null(cfg->home);
	ck_assert_int_eq(cfg->prompt_disable, 0);
	ck_assert_int_eq(cfg->trust, TRUST_OWNER);
	/* every source, in the table's order */
	ck_assert_uint_eq(cfg->nsources, source_count);
	for (size_t i = 0; i < source_count; i++)
		ck_assert_uint_eq(cfg->sources[i], i);
}

START_TEST(defaults)
{
	struct config cfg;
	char *err = load(&cfg, NULL);

	check_defaults(&cfg);
	ck_assert_int_eq(cfg.found, 0);
	ck_assert_str_eq(cfg.path.buf, "");
	ck_assert_str_eq(err, "");
	config_free(&cfg);
	free(err);
	err = load(&cfg, "missing.ini");
	check_defaults(&cfg);
	ck_assert_int_eq(cfg.found, 0);
	ck_assert_str_eq(err, "");
	config_free(&cfg);
	free(err);
}
END_TEST

START_TEST(every_key)
{
	struct config cfg;
	char *err;

	twrite("c.ini", "[search]\nnames = env  .env\tvenv\nignore = ^/skip\n"
			"ignore = /node_modules(/|$)\nrcfile = .pyenvrc\n"
			"[envs]\nhome = ~/envs\n[prompt]\ndisable = yes\n"
			"[trust]\nmode = strict\n");
	err = load(&cfg, "c.ini");
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(cfg.found, 1);
	ck_assert_uint_eq(cfg.nnames, 3);
	ck_assert_str_eq(cfg.names[0], "env");
	ck_assert_str_eq(cfg.names[1], ".env");
	ck_assert_str_eq(cfg.names[2], "venv");
	ck_assert(config_is_name(&cfg, ".env", 4));
	ck_assert(config_is_name(&cfg, "venvX", 4));
	ck_assert(!config_is_name(&cfg, ".venv", 5));
	ck_assert(!config_is_name(&cfg, "en", 2));
	ck_assert_uint_eq(cfg.nignore, 2);
	ck_assert_str_eq(cfg.rcfile, ".pyenvrc");
	ck_assert_str_eq(cfg.home, "~/envs");
	ck_assert_int_eq(cfg.prompt_disable, 1);
	ck_assert_int_eq(cfg.trust, TRUST_STRICT);
	config_free(&cfg);
	free(err);
}
END_TEST

START_TEST(ignore_matches)
{
	struct config cfg;
	char *err;

	twrite("c.ini", "[search]\nignore = ^/skip\nignore = /node_modules(/|$)\n");
	err = load(&cfg, "c.ini");
	ck_assert_str_eq(err, "");
	ck_assert(config_ignored(&cfg, "/skip/a", 7));
	ck_assert(config_ignored(&cfg, "/a/node_modules", 15));
	ck_assert(config_ignored(&cfg, "/a/node_modules/b", 17));
	ck_assert(!config_ignored(&cfg, "/a/node_modulesx", 16));
	ck_assert(!config_ignored(&cfg, "/a/skip", 7));
	/* only len bytes count: "/a/node_modules" of a longer string */
	ck_assert(config_ignored(&cfg, "/a/node_modulesx", 15));
	config_free(&cfg);
	free(err);
	err = load(&cfg, NULL);
	ck_assert(!config_ignored(&cfg, "/skip", 5));
	config_free(&cfg);
	free(err);
}
END_TEST

START_TEST(bad_regex_rest_applies)
{
	struct config cfg;
	char *err;

	twrite("c.ini", "[search]\nignore = ^/good\nignore = (unclosed\n"
			"ignore = [z-a]\n[prompt]\ndisable = true\n");
	err = load(&cfg, "c.ini");
	ck_assert_str_eq(err,
		"vswitch: @/c.ini:3: ignore: bad regex at offset 9: missing closing parenthesis\n"
		"vswitch: @/c.ini:4: ignore: bad regex at offset 3: range out of order in character class\n");
	ck_assert_uint_eq(cfg.nignore, 1);
	ck_assert(config_ignored(&cfg, "/good", 5));
	ck_assert_int_eq(cfg.prompt_disable, 1);
	config_free(&cfg);
	free(err);
}
END_TEST

/* A refused value is reported and leaves the setting as it was; past
 * the first few, problems are counted, not shown. */
START_TEST(bad_values_keep_previous)
{
	struct config cfg;
	char *err;

	twrite("c.ini", "[search]\nnames = venv ../up\nnames = a/b\nrcfile = x/y\n"
			"rcfile =\n[prompt]\ndisable = maybe\n[trust]\nmode = all\n"
			"mode = some\n");
	err = load(&cfg, "c.ini");
	ck_assert_str_eq(err,
		"vswitch: @/c.ini:2: names: a name may not contain '/' or be '.' or '..'\n"
		"vswitch: @/c.ini:3: names: a name may not contain '/' or be '.' or '..'\n"
		"vswitch: @/c.ini:4: rcfile: must be a plain file name\n"
		"vswitch: @/c.ini:5: rcfile: must be a plain file name\n"
		"vswitch: @/c.ini:7: disable: expected true or false\n"
		"vswitch: @/c.ini: ... and 1 more problems\n");
	ck_assert_uint_eq(cfg.nnames, 2);
	ck_assert_str_eq(cfg.names[0], "venv");
	ck_assert_str_eq(cfg.names[1], ".venv");
	ck_assert_str_eq(cfg.rcfile, ".venvrc");
	ck_assert_int_eq(cfg.prompt_disable, 0);
	ck_assert_int_eq(cfg.trust, TRUST_ALL);
	config_free(&cfg);
	free(err);
}
END_TEST

START_TEST(unknown_keys_and_sections)
{
	struct config cfg;
	char *err;

	twrite("c.ini", "early = 1\n[search]\nnmaes = x\n[bogus]\nk = v\n[trust]\n"
			"mode = owner\n");
	err = load(&cfg, "c.ini");
	ck_assert_str_eq(err, "vswitch: @/c.ini:1: unknown section\n"
			      "vswitch: @/c.ini:3: unknown key\n"
			      "vswitch: @/c.ini:5: unknown section\n");
	check_defaults(&cfg);
	ck_assert_int_eq(cfg.found, 1);
	config_free(&cfg);
	free(err);
}
END_TEST

START_TEST(trust_modes_and_bools)
{
	static const char *const modes[] = { "owner", "strict", "all" };
	static const enum trust_mode want[] = { TRUST_OWNER, TRUST_STRICT, TRUST_ALL };
	struct config cfg;
	char text[100], *err;

	for (size_t i = 0; i < 3; i++) {
		snprintf(text, sizeof(text), "[trust]\nmode = %s\n[prompt]\ndisable = %s\n",
			 modes[i], i == 1 ? "ON" : "off");
		twrite("c.ini", text);
		err = load(&cfg, "c.ini");
		ck_assert_str_eq(err, "");
		ck_assert_int_eq(cfg.trust, want[i]);
		ck_assert_int_eq(cfg.prompt_disable, i == 1);
		config_free(&cfg);
		free(err);
	}
}
END_TEST

START_TEST(empty_names_and_home)
{
	struct config cfg;
	char *err;

	twrite("c.ini", "[search]\nnames =\n[envs]\nhome = /h\nhome =\n");
	err = load(&cfg, "c.ini");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(cfg.nnames, 0);
	ck_assert(!config_is_name(&cfg, "venv", 4));
	ck_assert_ptr_null(cfg.home);
	config_free(&cfg);
	free(err);
}
END_TEST

/* config_load: $VSWITCH_CONFIG, else $XDG_CONFIG_HOME, else ~/.config. */
START_TEST(which_file)
{
	struct config cfg;
	char *p;

	twrite("xdg-config/vswitch/config.ini", "[trust]\nmode = all\n");
	config_load(&cfg);
	p = unroot(cfg.path.buf);
	ck_assert_str_eq(p, "@/xdg-config/vswitch/config.ini");
	ck_assert_int_eq(cfg.found, 1);
	ck_assert_int_eq(cfg.trust, TRUST_ALL);
	config_free(&cfg);
	free(p);

	setenv("VSWITCH_CONFIG", tpath("other.ini"), 1);
	config_load(&cfg);
	p = unroot(cfg.path.buf);
	ck_assert_str_eq(p, "@/other.ini");
	ck_assert_int_eq(cfg.found, 0);
	ck_assert_int_eq(cfg.trust, TRUST_OWNER);
	config_free(&cfg);
	free(p);

	setenv("VSWITCH_CONFIG", "", 1);
	setenv("XDG_CONFIG_HOME", "relative", 1);	/* not absolute: ignored */
	config_load(&cfg);
	p = unroot(cfg.path.buf);
	ck_assert_str_eq(p, "@/home/.config/vswitch/config.ini");
	config_free(&cfg);
	free(p);
}
END_TEST

/* sources: the order given, the rest off; an unknown name refuses the
 * line, which keeps what was there. */
START_TEST(sources_order)
{
	struct config cfg;
	char *err;

	twrite("c.ini", "[search]\nsources = poetry venv poetry\n");
	err = load(&cfg, "c.ini");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(cfg.nsources, 2);
	ck_assert_ptr_eq(source_table[cfg.sources[0]], &source_poetry);
	ck_assert_ptr_eq(source_table[cfg.sources[1]], &source_venv);
	config_free(&cfg);
	free(err);
	twrite("c.ini", "[search]\nsources = venv conda\n");
	err = load(&cfg, "c.ini");
	ck_assert_ptr_eq(strstr(err, "vswitch: @/c.ini:2: sources: unknown source"), err);
	ck_assert_uint_eq(cfg.nsources, source_count);
	config_free(&cfg);
	free(err);
}
END_TEST

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, every_key);
	tcase_add_test(tc, ignore_matches);
	tcase_add_test(tc, bad_regex_rest_applies);
	tcase_add_test(tc, bad_values_keep_previous);
	tcase_add_test(tc, unknown_keys_and_sections);
	tcase_add_test(tc, trust_modes_and_bools);
	tcase_add_test(tc, empty_names_and_home);
	tcase_add_test(tc, which_file);
	tcase_add_test(tc, sources_order);
	suite_add_tcase(s, tc);
	return s;
}
