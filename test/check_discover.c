/* check_discover: real temp trees; the nearest .venvrc or venv decides. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "discover.h"
#include "source.h"
#include "helpers.h"
#include "suites.h"

/* Config whose ignore regex hides every folder outside the temp root, so
 * a venv in /tmp or / on this machine cannot change a result; extra is
 * appended to [search]. Trust mode is "all": this suite is about the
 * walk; check_trust is about refusals. */
static void load_cfg(struct config *cfg, const char *extra)
{
	char text[8192];

	snprintf(text, sizeof(text),
		 "[search]\nignore = ^(?!\\Q%s\\E(/|$))\n%s[trust]\nmode = all\n",
		 troot(), extra);
	twrite("c.ini", text);
	config_load_file(cfg, tpath("c.ini"));
	ck_assert_uint_eq(cfg->nignore, 1 + (strstr(extra, "ignore") != NULL));
}

/* Discover from root/rel with extra config; describe the result as
 * "KIND dir=D src=S env=E [rc] [prompt=P]" (and " cand=C" with cand)
 * with the root shown as "@". */
static char *find_as(const char *rel, const char *extra, int cand)
{
	static const char *const kinds[] = { "none", "env", "optout", "missing", "refused" };
	struct config cfg;
	struct found f;
	struct strbuf sb = STRBUF_INIT;
	char *s;

	load_cfg(&cfg, extra);
	discover(&f, &cfg, rel[0] == '/' ? rel : tpath(rel));
	strbuf_addf(&sb, "%s dir=%s src=%s env=%s", kinds[f.kind], f.dir.buf,
		    f.entry.buf, f.env.buf);
	if (f.by == &source_venvrc)
		strbuf_addstr(&sb, " rc");
	if (f.has_prompt)
		strbuf_addf(&sb, " prompt=%s", f.prompt.buf);
	if (cand)
		strbuf_addf(&sb, " cand=%s", f.cand.buf);
	found_free(&f);
	config_free(&cfg);
	s = unroot(sb.buf);
	strbuf_release(&sb);
	return s;
}

static char *find(const char *rel, const char *extra)
{
	return find_as(rel, extra, 0);
}

#define CHECK_FIND(rel, extra, want) do { \
		char *got_ = find(rel, extra); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

START_TEST(nearest_wins)
{
	tvenv("p/venv", "");
	tvenv("p/q/venv", "");
	tmkdir("p/q/r/s");
	tmkdir("p/x");
	CHECK_FIND("p/q/r/s", "", "env dir=@/p/q src=@/p/q/venv env=@/p/q/venv");
	CHECK_FIND("p/q", "", "env dir=@/p/q src=@/p/q/venv env=@/p/q/venv");
	CHECK_FIND("p/x", "", "env dir=@/p src=@/p/venv env=@/p/venv");
	CHECK_FIND("p", "", "env dir=@/p src=@/p/venv env=@/p/venv");
	CHECK_FIND("", "", "none dir= src= env=");
}
END_TEST

START_TEST(venvrc_beats_venv_beside_it)
{
	tvenv("p/venv", "");
	tvenv("p/other", "");
	twrite("p/.venvrc", "env = ./other\nprompt = Other\n");
	tmkdir("p/sub");
	CHECK_FIND("p/sub", "", "env dir=@/p src=@/p/.venvrc env=@/p/other rc prompt=Other");
}
END_TEST

START_TEST(names_order)
{
	tvenv("p/venv", "");
	tvenv("p/.venv", "");
	CHECK_FIND("p", "", "env dir=@/p src=@/p/venv env=@/p/venv");
	CHECK_FIND("p", "names = .venv venv\n", "env dir=@/p src=@/p/.venv env=@/p/.venv");
	CHECK_FIND("p", "names = env\n", "none dir= src= env=");
}
END_TEST

START_TEST(folder_without_pyvenv_cfg_skipped)
{
	tvenv("p/venv", "");
	tmkdir("p/q/venv/bin");
	tmkdir("p/q/.venv/pyvenv.cfg");	/* a folder, not a file */
	CHECK_FIND("p/q", "", "env dir=@/p src=@/p/venv env=@/p/venv");
}
END_TEST

START_TEST(ignore_skips_dir)
{
	tvenv("p/venv", "");
	tvenv("p/node_modules/venv", "");
	twrite("p/skip/.venvrc", "env = ./x\n");
	tmkdir("p/node_modules/a");
	CHECK_FIND("p/node_modules/a", "ignore = /node_modules$\n",
		   "env dir=@/p src=@/p/venv env=@/p/venv");
	CHECK_FIND("p/skip", "ignore = /skip$\n", "env dir=@/p src=@/p/venv env=@/p/venv");
	/* ignoring a folder does not ignore the folders below it */
	CHECK_FIND("p/node_modules/a", "ignore = /p$\n",
		   "env dir=@/p/node_modules src=@/p/node_modules/venv env=@/p/node_modules/venv");
}
END_TEST

#define CHECK_CAND(rel, extra, want) do { \
		char *got_ = find_as(rel, extra, 1); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

/* The candidate is the nearest folder holding any source's name, as a
 * hook finds it: a pyproject.toml that decides nothing, an ignored
 * folder, a venv folder with no pyvenv.cfg all count. */
START_TEST(candidate_is_nearest_name)
{
	tvenv("p/venv", "");
	twrite("p/q/pyproject.toml", "[project]\nname = \"q\"\n");
	tmkdir("p/q/r/s");
	CHECK_CAND("p/q/r/s", "", "env dir=@/p src=@/p/venv env=@/p/venv cand=@/p/q");
	CHECK_CAND("p/q/r/s", "ignore = /q$\n", "env dir=@/p src=@/p/venv env=@/p/venv cand=@/p/q");
	tmkdir("p/q/r/venv/bin");
	CHECK_CAND("p/q/r/s", "", "env dir=@/p src=@/p/venv env=@/p/venv cand=@/p/q/r");
	CHECK_CAND("p", "", "env dir=@/p src=@/p/venv env=@/p/venv cand=@/p");
}
END_TEST

START_TEST(optout_stops_search)
{
	tvenv("p/venv", "");
	twrite("p/q/.venvrc", "");
	tvenv("p/q/venv", "");		/* the empty .venvrc beats it too */
	tmkdir("p/q/r");
	CHECK_FIND("p/q/r", "", "optout dir=@/p/q src=@/p/q/.venvrc env= rc");
	twrite("p/q/.venvrc", "env =\nprompt = x\n");
	CHECK_FIND("p/q/r", "", "optout dir=@/p/q src=@/p/q/.venvrc env= rc prompt=x");
}
END_TEST

START_TEST(venvrc_naming_missing_env)
{
	setenv("WORKON_HOME", tpath("envs"), 1);
	tvenv("envs/known", "");
	twrite("p/.venvrc", "env = gone\n");
	twrite("k/.venvrc", "env = known\n");
	twrite("d/.venvrc", "env = ./nothere\n");
	tvenv("d/venv", "");
	CHECK_FIND("p", "", "missing dir=@/p src=@/p/.venvrc env=@/envs/gone rc");
	CHECK_FIND("k", "", "env dir=@/k src=@/k/.venvrc env=@/envs/known rc");
	CHECK_FIND("d", "", "missing dir=@/d src=@/d/.venvrc env=@/d/nothere rc");
}
END_TEST

START_TEST(other_rcfile_name)
{
	tvenv("p/venv", "");
	tvenv("p/e", "");
	twrite("p/.venvrc", "env = ./nothere\n");
	twrite("p/.envrc", "env = ./e\n");
	CHECK_FIND("p", "rcfile = .envrc\n", "env dir=@/p src=@/p/.envrc env=@/p/e rc");
	tmkdir("q/.venvrc");			/* a folder named .venvrc */
	tvenv("q/venv", "");
	CHECK_FIND("q", "", "env dir=@/q src=@/q/venv env=@/q/venv");
}
END_TEST

START_TEST(trailing_slashes_and_root)
{
	struct strbuf p = STRBUF_INIT;

	tvenv("p/venv", "");
	tmkdir("p/q");
	strbuf_addf(&p, "%s///", tpath("p/q"));
	CHECK_FIND(p.buf, "", "env dir=@/p src=@/p/venv env=@/p/venv");
	CHECK_FIND("p/", "", "env dir=@/p src=@/p/venv env=@/p/venv");
	CHECK_FIND("/", "", "none dir= src= env=");
	CHECK_FIND("//", "", "none dir= src= env=");
	CHECK_FIND("/no/such/dir", "", "none dir= src= env=");
	strbuf_release(&p);
}
END_TEST

START_TEST(longer_than_path_max)
{
	struct strbuf p = STRBUF_INIT;

	tvenv("p/venv", "");
	strbuf_addstr(&p, tpath("p"));
	while (p.len < 3 * 4096)
		strbuf_addstr(&p, "/abcdefghijklmnopqrstuvwxyz");
	CHECK_FIND(p.buf, "", "env dir=@/p src=@/p/venv env=@/p/venv");
	strbuf_release(&p);
}
END_TEST

/* A real tree deeper than PATH_MAX, built a folder at a time, with a
 * venv at the bottom that no path can reach and one at the top. */
START_TEST(real_tree_deeper_than_path_max)
{
	struct strbuf p = STRBUF_INIT;
	char name[201];
	int fd, next_file;

	tvenv("p/venv", "");
	memset(name, 'd', 200);
	name[200] = '\0';
	fd = open(tpath("p"), O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(fd, 0);
	strbuf_addstr(&p, tpath("p"));
	for (int i = 0; i < 25; i++) {
		int next;

		ck_assert_int_eq(mkdirat(fd, name, 0755), 0);
		next = openat(fd, name, O_RDONLY | O_DIRECTORY);
		ck_assert_int_ge(next, 0);
		close(fd);
		fd = next;
		strbuf_addf(&p, "/%s", name);
	}
	ck_assert_int_eq(mkdirat(fd, "venv", 0755), 0);
	next_file = openat(fd, "venv/pyvenv.cfg", O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(next_file, 0);
	close(next_file);
	close(fd);
	ck_assert_uint_gt(p.len, 4096);
	CHECK_FIND(p.buf, "", "env dir=@/p src=@/p/venv env=@/p/venv");
	strbuf_release(&p);
}
END_TEST

Suite *discover_suite(void)
{
	Suite *s = suite_create("discover");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, nearest_wins);
	tcase_add_test(tc, venvrc_beats_venv_beside_it);
	tcase_add_test(tc, names_order);
	tcase_add_test(tc, folder_without_pyvenv_cfg_skipped);
	tcase_add_test(tc, ignore_skips_dir);
	tcase_add_test(tc, optout_stops_search);
	tcase_add_test(tc, candidate_is_nearest_name);
	tcase_add_test(tc, venvrc_naming_missing_env);
	tcase_add_test(tc, other_rcfile_name);
	tcase_add_test(tc, trailing_slashes_and_root);
	tcase_add_test(tc, longer_than_path_max);
	tcase_add_test(tc, real_tree_deeper_than_path_max);
	suite_add_tcase(s, tc);
	return s;
}
