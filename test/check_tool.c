/* check_tool: the tool sources. Names are checked against the names the
 * tools gave (poetry 1.3's EnvManager.generate_env_name and pipenv
 * 2022.12's Project.virtualenv_name, from Debian 12), and each probe on
 * a tree laid out as the tool lays it out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "naming.h"
#include "source.h"
#include "suites.h"
#include "tool.h"

START_TEST(poetry_names)
{
	static const char *const v[][3] = {
		{ "Demo_Proj.x", "/tmp/tools/demo-proj", "demo-proj-x-rcMTdABj" },
		{ "my $weird*name!", "/srv/a b/p", "my__weird_name_-q9CLvRyV" },
		{ "A.B_C--d", "/x", "a-b-c-d-s9HbMYZx" },
		{ "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		  "/very/long/yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
		  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-302Q5Iiv" },
		{ "proj", "/home/u/proj", "proj-nAn4BVom" },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		poetry_env_name(v[i][0], v[i][1], &sb);
		ck_assert_str_eq(sb.buf, v[i][2]);
		strbuf_release(&sb);
	}
}
END_TEST

START_TEST(pipenv_names)
{
	static const char *const v[][3] = {
		{ "/tmp/vec/my proj(1)/Pipfile", NULL, "my_proj_1_-pwb7pGqk" },
		{ "/tmp/tools/my proj(1)/Pipfile", NULL, "my_proj_1_-5MQy4U6E" },
		{ "/tmp/vec/we$ird [x] & `y`!/Pipfile", NULL, "we_ird__x_____y__-nVOdvDr2" },
		{ "/tmp/vec/Case Kept/Pipfile", NULL, "Case_Kept-Dm7PbPZi" },
		{ "/tmp/vec/Case Kept/Pipfile", "/usr/bin/python3", "Case_Kept-Dm7PbPZi-python3" },
		{ "/tmp/vec/zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/Pipfile", NULL,
		  "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-SjYr84yf" },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		pipenv_env_name(v[i][0], v[i][1], &sb);
		ck_assert_str_eq(sb.buf, v[i][2]);
		strbuf_release(&sb);
	}
}
END_TEST

START_TEST(base64url)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "\xfb\xff\xfe", "-__-" },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		tool_base64url((const unsigned char *)v[i].in, strlen(v[i].in), &sb);
		ck_assert_str_eq(sb.buf, v[i].out);
		strbuf_release(&sb);
	}
}
END_TEST

/* Discover from root/rel under a config with only source src on (and
 * trust mode all: this suite is about finding). */
static char *find(const char *rel, const char *src)
{
	struct config cfg;
	struct found f;
	struct strbuf sb = STRBUF_INIT;
	char text[256];
	char *s;

	snprintf(text, sizeof(text), "[search]\nsources = %s\n[trust]\nmode = all\n", src);
	twrite("c.ini", text);
	config_load_file(&cfg, tpath("c.ini"));
	discover(&f, &cfg, tpath(rel));
	strbuf_addf(&sb, "%d %s", f.kind, f.env.buf);
	if (f.by)
		strbuf_addf(&sb, " by %s", f.by->name);
	found_free(&f);
	config_free(&cfg);
	s = unroot(sb.buf);
	strbuf_release(&sb);
	return s;
}

#define CHECK_FIND(rel, src, want) do { \
		char *got_ = find(rel, src); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

/* What was found starts with PREFIX, or holds PART. */
#define CHECK_FIND_PREFIX(rel, src, prefix) do { \
		char *got_ = find(rel, src); \
		ck_assert_msg(!strncmp(got_, prefix, strlen(prefix)), "%s", got_); \
		free(got_); \
	} while (0)

#define CHECK_FIND_HAS(rel, src, part) do { \
		char *got_ = find(rel, src); \
		ck_assert_msg(strstr(got_, part), "%s", got_); \
		free(got_); \
	} while (0)

START_TEST(poetry_probe)
{
	struct strbuf name = STRBUF_INIT, real = STRBUF_INIT, want = STRBUF_INIT;

	twrite("p/pyproject.toml", "[tool.poetry]\nname = \"Demo\"\n");
	tmkdir("p/sub");
	/* no env yet: the project decides, with none */
	CHECK_FIND_PREFIX("p/sub", "poetry", "3 @/home/.cache/pypoetry/virtualenvs/demo-");
	CHECK_FIND_HAS("p/sub", "poetry", "-py* by poetry");
	tool_realpath(tpath("p"), &real);
	poetry_env_name("Demo", real.buf, &name);
	strbuf_addf(&want, "home/.cache/pypoetry/virtualenvs/%s-py3.11", name.buf);
	tvenv(want.buf, "");
	strbuf_set(&want, "1 @/");
	strbuf_addf(&want, "home/.cache/pypoetry/virtualenvs/%s-py3.11 by poetry", name.buf);
	CHECK_FIND("p/sub", "poetry", want.buf);
	/* envs.toml says which of two */
	strbuf_setlen(&want, 0);
	strbuf_addf(&want, "home/.cache/pypoetry/virtualenvs/%s-py3.12", name.buf);
	tvenv(want.buf, "");
	CHECK_FIND_PREFIX("p/sub", "poetry", "4 @/home/.cache/pypoetry/virtualenvs/demo-");
	strbuf_setlen(&want, 0);
	strbuf_addf(&want, "[%s]\nminor = \"3.12\"\n", name.buf);
	twrite("home/.cache/pypoetry/virtualenvs/envs.toml", want.buf);
	CHECK_FIND_PREFIX("p/sub", "poetry", "1 ");
	CHECK_FIND_HAS("p/sub", "poetry", "-py3.12 by poetry");
	/* an in-project .venv wins; a pyproject without [tool.poetry]
	 * is not poetry's */
	tvenv("p/.venv", "");
	CHECK_FIND("p/sub", "poetry", "1 @/p/.venv by poetry");
	twrite("q/pyproject.toml", "[project]\nname = \"q\"\n");
	CHECK_FIND("q", "poetry", "0 ");
	strbuf_release(&name);
	strbuf_release(&real);
	strbuf_release(&want);
}
END_TEST

START_TEST(pipenv_probe)
{
	struct strbuf real = STRBUF_INIT, name = STRBUF_INIT, want = STRBUF_INIT;

	twrite("p p/Pipfile", "");
	tool_realpath(tpath("p p/Pipfile"), &real);
	pipenv_env_name(real.buf, NULL, &name);
	strbuf_addf(&want, "xdg-data/virtualenvs/%s", name.buf);
	tvenv(want.buf, "");
	strbuf_set(&want, "1 @/");
	strbuf_addf(&want, "xdg-data/virtualenvs/%s by pipenv", name.buf);
	CHECK_FIND("p p", "pipenv", want.buf);
	setenv("PIPENV_CUSTOM_VENV_NAME", "custom", 1);
	CHECK_FIND("p p", "pipenv", "3 @/xdg-data/virtualenvs/custom by pipenv");
	unsetenv("PIPENV_CUSTOM_VENV_NAME");
	setenv("PIPENV_VENV_IN_PROJECT", "1", 1);
	CHECK_FIND("p p", "pipenv", "3 @/p p/.venv by pipenv");
	unsetenv("PIPENV_VENV_IN_PROJECT");
	strbuf_release(&real);
	strbuf_release(&name);
	strbuf_release(&want);
}
END_TEST

START_TEST(pdm_pyenv_venvfile_probes)
{
	char text[8192];

	tvenv("p/.venvs/e", "");
	snprintf(text, sizeof(text), "%s/bin/python3.11\n", tpath("p/.venvs/e"));
	twrite("p/.pdm-python", text);
	CHECK_FIND("p", "pdm", "1 @/p/.venvs/e by pdm");
	/* older pdm, relative to the project; a plain interpreter is no env */
	twrite("q/.pdm.toml", "[python]\npath = \"../p/.venvs/e/bin/python\"\n");
	CHECK_FIND("q", "pdm", "1 @/p/.venvs/e by pdm");
	twrite("r/.pdm-python", "/usr/bin/python3\n");
	CHECK_FIND("r", "pdm", "0 ");
	/* pyenv: an env name, the long form, a plain version */
	setenv("PYENV_ROOT", tpath("pyenv"), 1);
	tvenv("pyenv/versions/3.11.2/envs/tool", "");
	twrite("s/.python-version", "3.11.2/envs/tool\n");
	CHECK_FIND("s", "pyenv", "1 @/pyenv/versions/3.11.2/envs/tool by pyenv");
	twrite("t/.python-version", "3.11.2\n");
	CHECK_FIND("t", "pyenv", "0 ");
	twrite("u/.python-version", "../../etc\n");
	CHECK_FIND("u", "pyenv", "0 ");
	unsetenv("PYENV_ROOT");
	/* .venv file: a path, or a name in the env home */
	twrite("v/.venv", "../p/.venvs/e\n");
	CHECK_FIND("v", "venvfile", "1 @/p/.venvs/e by venvfile");
	tvenv("home/.virtualenvs/named", "");
	twrite("w/.venv", "named\n");
	CHECK_FIND("w", "venvfile", "1 @/home/.virtualenvs/named by venvfile");
}
END_TEST

/* An env in pdm's store is the user's; one elsewhere is not. */
START_TEST(pdm_store)
{
	char text[8192];
	struct config cfg;
	struct found f;

	tvenv("xdg-data/pdm/venvs/p-abc-3.11", "");
	snprintf(text, sizeof(text), "%s/bin/python\n",
		 tpath("xdg-data/pdm/venvs/p-abc-3.11"));
	twrite("p/.pdm-python", text);
	tvenv("elsewhere/e", "");
	snprintf(text, sizeof(text), "%s/bin/python\n", tpath("elsewhere/e"));
	twrite("q/.pdm-python", text);
	twrite("c.ini", "[search]\nsources = pdm\n");
	config_load_file(&cfg, tpath("c.ini"));
	discover(&f, &cfg, tpath("p"));
	ck_assert_int_eq(f.kind, FOUND_ENV);
	ck_assert_int_eq(f.in_store, 1);
	found_free(&f);
	discover(&f, &cfg, tpath("q"));
	ck_assert_int_eq(f.in_store, 0);
	found_free(&f);
	/* venv.location in pdm's config moves the store */
	snprintf(text, sizeof(text), "[venv]\nlocation = \"%s\"\n", tpath("elsewhere"));
	twrite("xdg-config/pdm/config.toml", text);
	discover(&f, &cfg, tpath("q"));
	ck_assert_int_eq(f.in_store, 1);
	found_free(&f);
	config_free(&cfg);
}
END_TEST

/* poetry 2: a project with poetry's build backend and only [project]
 * is poetry's, and [project] name wins; a store the project's own
 * poetry.toml chose is not the user's. */
START_TEST(poetry_project_forms)
{
	struct strbuf real = STRBUF_INIT, name = STRBUF_INIT, env = STRBUF_INIT;
	struct config cfg;
	struct found f;
	char text[8192];

	twrite("p/pyproject.toml", "[project]\nname = \"Two\"\n"
	       "[tool.poetry]\nname = \"one\"\n");
	twrite("q/pyproject.toml", "[project]\nname = \"Q\"\n[build-system]\n"
	       "build-backend = \"poetry.core.masonry.api\"\n");
	tool_realpath(tpath("p"), &real);
	poetry_env_name("Two", real.buf, &name);
	strbuf_addf(&env, "home/.cache/pypoetry/virtualenvs/%s-py3.11", name.buf);
	tvenv(env.buf, "");
	strbuf_set(&env, "1 @/");
	strbuf_addf(&env, "home/.cache/pypoetry/virtualenvs/%s-py3.11 by poetry", name.buf);
	CHECK_FIND("p", "poetry", env.buf);
	CHECK_FIND_PREFIX("q", "poetry", "3 @/home/.cache/pypoetry/virtualenvs/q-");
	twrite("c.ini", "[search]\nsources = poetry\n");
	config_load_file(&cfg, tpath("c.ini"));
	discover(&f, &cfg, tpath("p"));
	ck_assert_int_eq(f.in_store, 1);
	found_free(&f);
	snprintf(text, sizeof(text), "cache-dir = \"%s\"\n", tpath("home/.cache/pypoetry"));
	twrite("p/poetry.toml", text);
	discover(&f, &cfg, tpath("p"));
	ck_assert_int_eq(f.kind, FOUND_REFUSED);
	ck_assert_int_eq(f.in_store, 0);
	ck_assert(f.can_allow);
	found_free(&f);
	snprintf(text, sizeof(text), "[virtualenvs]\npath = \"%s\"\n",
		 tpath("home/.cache/pypoetry/virtualenvs"));
	twrite("p/poetry.toml", text);
	discover(&f, &cfg, tpath("p"));
	ck_assert_int_eq(f.kind, FOUND_REFUSED);
	ck_assert_int_eq(f.in_store, 0);
	ck_assert(f.can_allow);
	found_free(&f);
	config_free(&cfg);
	strbuf_release(&real);
	strbuf_release(&name);
	strbuf_release(&env);
}
END_TEST

/* The trust rule of the tool sources: in a store, fine; in the
 * project, judged as a project's venv; elsewhere, allow first. */
START_TEST(tool_trust)
{
	struct found f;
	struct strbuf why = STRBUF_INIT;

	found_init(&f);
	tvenv("p/env", "");
	strbuf_set(&f.dir, tpath("p"));
	strbuf_set(&f.entry, "/p/.venv");
	strbuf_set(&f.env, tpath("p/env"));
	ck_assert_int_eq(tool_owner_rule(&f, 0, &why), 0);
	/* in the project but made elsewhere: as a project's venv, refused */
	twrite("p/env/bin/activate", "VIRTUAL_ENV='/home/someone/p/env'\n");
	ck_assert_int_eq(tool_owner_rule(&f, 0, &why), -1);
	ck_assert_str_eq(why.buf, "it was made at '/home/someone/p/env', not here "
			 "(a copy, a clone or a moved folder)");
	strbuf_setlen(&why, 0);
	strbuf_set(&f.env, "/elsewhere/env");
	ck_assert_int_eq(tool_owner_rule(&f, 0, &why), -1);
	ck_assert_str_eq(why.buf, "'/p/.venv' names an env outside the project and your own stores");
	f.in_store = 1;
	ck_assert_int_eq(tool_owner_rule(&f, 0, &why), 0);
	found_free(&f);
	strbuf_release(&why);
}
END_TEST

/* Back-links: an env's .project names the folder; the index is made,
 * read back, and made again when an env is added. */
START_TEST(backlink_probe)
{
	char text[8192];

	tvenv("home/.virtualenvs/wrapped", "");
	tmkdir("proj/sub");
	snprintf(text, sizeof(text), "%s\n", tpath("proj"));
	twrite("home/.virtualenvs/wrapped/.project", text);
	CHECK_FIND("proj/sub", "backlink", "1 @/home/.virtualenvs/wrapped by backlink");
	ck_assert_int_eq(access(tpath("home/.cache/vswitch/projects"), F_OK), 0);
	CHECK_FIND("proj/sub", "backlink", "1 @/home/.virtualenvs/wrapped by backlink");
	/* a new env with a .project: the env home's time changed */
	tvenv("home/.virtualenvs/second", "");
	tmkdir("other");
	snprintf(text, sizeof(text), "%s\n", tpath("other"));
	twrite("home/.virtualenvs/second/.project", text);
	CHECK_FIND("other", "backlink", "1 @/home/.virtualenvs/second by backlink");
	CHECK_FIND("", "backlink", "0 ");
}
END_TEST

Suite *tool_suite(void)
{
	Suite *s = suite_create("tool");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, poetry_names);
	tcase_add_test(tc, pipenv_names);
	tcase_add_test(tc, base64url);
	tcase_add_test(tc, poetry_probe);
	tcase_add_test(tc, poetry_project_forms);
	tcase_add_test(tc, pipenv_probe);
	tcase_add_test(tc, pdm_pyenv_venvfile_probes);
	tcase_add_test(tc, pdm_store);
	tcase_add_test(tc, tool_trust);
	tcase_add_test(tc, backlink_probe);
	suite_add_tcase(s, tc);
	return s;
}
