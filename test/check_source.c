/* check_source: the table of env sources, and each row's probe, identity
 * and owner rule on real files. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "source.h"
#include "suites.h"

static struct config cfg;

static void load(void)
{
	config_load_file(&cfg, NULL);
}

START_TEST(table)
{
	ck_assert_uint_ge(source_count, 2);
	for (size_t i = 0; i < source_count; i++) {
		const struct source *s = source_table[i];

		ck_assert_ptr_nonnull(s->name);
		ck_assert(s->probe != NULL);
		ck_assert(s->identity != NULL);
		ck_assert(s->owner_rule != NULL);
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(source_table[j]->name, s->name);
	}
	/* within one directory: a .venvrc, a .venv file, venv folders,
	 * then the tools' records */
	ck_assert_ptr_eq(source_table[0], &source_venvrc);
	ck_assert_ptr_eq(source_table[1], &source_venvfile);
	ck_assert_ptr_eq(source_table[2], &source_venv);
	ck_assert_ptr_eq(source_table[3], &source_poetry);
}
END_TEST

/* A source's names come from the config (venv, venvrc), from its fixed
 * list (the tools), or there are none (back-links). */
START_TEST(names)
{
	const char *v[SOURCE_NAMES_MAX];

	load();
	ck_assert_uint_eq(source_names(&source_venv, &cfg, v, SOURCE_NAMES_MAX),
			  cfg.nnames);
	ck_assert_str_eq(v[0], cfg.names[0]);
	ck_assert_uint_eq(source_names(&source_venvrc, &cfg, v, SOURCE_NAMES_MAX), 1);
	ck_assert_str_eq(v[0], ".venvrc");
	ck_assert_uint_eq(source_names(&source_pdm, &cfg, v, SOURCE_NAMES_MAX), 2);
	ck_assert_str_eq(v[0], ".pdm-python");
	ck_assert_str_eq(v[1], ".pdm.toml");
	ck_assert_uint_eq(source_names(&source_pdm, &cfg, v, 1), 1);
	ck_assert_uint_eq(source_names(&source_poetry, &cfg, v, SOURCE_NAMES_MAX), 1);
	ck_assert_str_eq(v[0], "pyproject.toml");
	ck_assert_uint_eq(source_names(&source_backlink, &cfg, v, SOURCE_NAMES_MAX), 0);
	config_free(&cfg);
}
END_TEST

/* Probe src in root/rel; returns whether it decided. */
static int probe(const struct source *src, const char *rel, struct found *f)
{
	struct strbuf p = STRBUF_INIT;
	const char *dir = tpath(rel);
	int r;

	found_init(f);
	strbuf_addf(&p, "%s/", dir);
	r = src->probe(f, &cfg, dir, &p);
	strbuf_release(&p);
	return r;
}

START_TEST(venv_probe)
{
	struct found f;
	struct strbuf h1 = STRBUF_INIT, h2 = STRBUF_INIT;

	load();
	tmkdir("none");
	ck_assert_int_eq(probe(&source_venv, "none", &f), 0);
	ck_assert_int_eq(f.kind, FOUND_NONE);
	found_free(&f);
	/* the configured names, in order: venv before .venv */
	tvenv("p/.venv", "home = /usr/bin\n");
	tvenv("p/venv", "home = /usr/bin\n");
	ck_assert_int_eq(probe(&source_venv, "p", &f), 1);
	ck_assert_int_eq(f.kind, FOUND_ENV);
	ck_assert_str_eq(f.env.buf, tpath("p/venv"));
	ck_assert_str_eq(f.entry.buf, tpath("p/venv"));
	ck_assert_int_eq(source_venv.identity(&f, &h1), 0);
	ck_assert_uint_eq(h1.len, 64);
	ck_assert_int_eq(source_venv.owner_rule(&f, 0, &h2), 0);
	found_free(&f);
	/* the identity follows pyvenv.cfg */
	tvenv("p/venv", "home = /usr/local/bin\n");
	ck_assert_int_eq(probe(&source_venv, "p", &f), 1);
	ck_assert_int_eq(source_venv.identity(&f, &h2), 0);
	ck_assert_str_ne(h1.buf, h2.buf);
	found_free(&f);
	/* a folder of that name without pyvenv.cfg is not a venv */
	tmkdir("q/venv/bin");
	ck_assert_int_eq(probe(&source_venv, "q", &f), 0);
	found_free(&f);
	strbuf_release(&h1);
	strbuf_release(&h2);
	config_free(&cfg);
}
END_TEST

START_TEST(venvrc_probe)
{
	struct found f;
	struct strbuf h = STRBUF_INIT, why = STRBUF_INIT;

	load();
	tvenv("p/env", "");
	twrite("p/.venvrc", "env = ./env\nprompt = P\n");
	ck_assert_int_eq(probe(&source_venvrc, "p", &f), 1);
	ck_assert_int_eq(f.kind, FOUND_ENV);
	ck_assert_str_eq(f.entry.buf, tpath("p/.venvrc"));
	ck_assert_str_eq(f.env.buf, tpath("p/env"));
	ck_assert(f.has_prompt);
	ck_assert_str_eq(f.prompt.buf, "P");
	ck_assert(f.names_path);
	ck_assert(f.read_file);
	ck_assert_uint_eq(f.file_uid, geteuid());
	/* what allow pins is the bytes read */
	ck_assert_int_eq(source_venvrc.identity(&f, &h), 0);
	ck_assert_str_eq(h.buf, f.file_sha.buf);
	/* a path needs allow; once allowed, a change is said as such */
	ck_assert_int_eq(source_venvrc.owner_rule(&f, 0, &why), -1);
	ck_assert_ptr_nonnull(strstr(why.buf, "' names a path, not an env home name"));
	strbuf_setlen(&why, 0);
	ck_assert_int_eq(source_venvrc.owner_rule(&f, 1, &why), -1);
	ck_assert_ptr_nonnull(strstr(why.buf, "changed since it was allowed"));
	found_free(&f);
	/* no env: the search stops here */
	twrite("q/.venvrc", "");
	ck_assert_int_eq(probe(&source_venvrc, "q", &f), 1);
	ck_assert_int_eq(f.kind, FOUND_OPTOUT);
	found_free(&f);
	/* an env that is not there */
	twrite("r/.venvrc", "env = ./gone\n");
	ck_assert_int_eq(probe(&source_venvrc, "r", &f), 1);
	ck_assert_int_eq(f.kind, FOUND_MISSING);
	found_free(&f);
	strbuf_release(&h);
	strbuf_release(&why);
	config_free(&cfg);
}
END_TEST

/* The .venvrc's owner rule judges the file as it was read: owner and
 * mode recorded by the probe, not looked up again. */
START_TEST(venvrc_owner_rule)
{
	struct found f;
	struct strbuf why = STRBUF_INIT;

	load();
	twrite("p/.venvrc", "env = named\n");
	ck_assert_int_eq(probe(&source_venvrc, "p", &f), 1);
	ck_assert(!f.names_path);
	ck_assert_int_eq(source_venvrc.owner_rule(&f, 0, &why), 0);
	f.file_mode |= S_IWGRP;		/* group-writable is allowed */
	ck_assert_int_eq(source_venvrc.owner_rule(&f, 0, &why), 0);
	f.file_mode |= S_IWOTH;
	ck_assert_int_eq(source_venvrc.owner_rule(&f, 0, &why), -1);
	ck_assert_ptr_nonnull(strstr(why.buf, "is writable by others"));
	strbuf_setlen(&why, 0);
	f.file_mode &= ~(mode_t)S_IWOTH;
	f.file_uid = geteuid() + 1;
	/* another user's: -2, so that no one is told to allow it */
	ck_assert_int_eq(source_venvrc.owner_rule(&f, 0, &why), -2);
	ck_assert_ptr_nonnull(strstr(why.buf, "not to you"));
	found_free(&f);
	strbuf_release(&why);
	config_free(&cfg);
}
END_TEST

Suite *source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, table);
	tcase_add_test(tc, names);
	tcase_add_test(tc, venv_probe);
	tcase_add_test(tc, venvrc_probe);
	tcase_add_test(tc, venvrc_owner_rule);
	suite_add_tcase(s, tc);
	return s;
}
