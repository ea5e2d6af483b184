/* check_toml: the values the tool sources read, and what is skipped on
 * the way to them. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "toml.h"

/* The value of table.key in text, or "<none>". */
static char *get(const char *text, const char *table, const char *key)
{
	struct strbuf sb = STRBUF_INIT;

	if (!toml_get(text, strlen(text), table, key, &sb))
		strbuf_set(&sb, "<none>");
	return strbuf_detach(&sb);
}

#define CHECK_GET(text, table, key, want) do { \
		char *got_ = get(text, table, key); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

START_TEST(pyproject)
{
	const char *t =
		"[build-system]\nrequires = [\"poetry-core\"]\n\n"
		"[tool.poetry]\nname = \"Demo_Proj.x\"  # the name\nversion = \"0.1.0\"\n"
		"authors = [\n  \"a <a@b.c>\",  # [not a table]\n  \"]\"\n]\n"
		"description = '''\n[tool.poetry]\nname = \"fake\"\n'''\n"
		"[tool.poetry.dependencies]\npython = \"^3.11\"\n";

	CHECK_GET(t, "tool.poetry", "name", "Demo_Proj.x");
	CHECK_GET(t, "tool.poetry", "version", "0.1.0");
	CHECK_GET(t, "tool.poetry.dependencies", "python", "^3.11");
	CHECK_GET(t, "tool.poetry", "authors", "<none>");
	CHECK_GET(t, "", "name", "<none>");
	ck_assert(toml_has_table(t, strlen(t), "tool.poetry"));
	ck_assert(toml_has_table(t, strlen(t), "tool"));
	ck_assert(!toml_has_table(t, strlen(t), "tool.pdm"));
	ck_assert(!toml_has_table(t, strlen(t), "tool.po"));
}
END_TEST

START_TEST(strings_and_keys)
{
	CHECK_GET("a = \"t\\tab \\\"q\\\" \\u00e9 \\U0001F600\\\\\"\n", "", "a",
		  "t\tab \"q\" \xc3\xa9 \xf0\x9f\x98\x80\\");
	CHECK_GET("a = 'C:\\raw'\n", "", "a", "C:\\raw");
	CHECK_GET("a = \"\"\"\nline\\\n   joined\"\"\"\n", "", "a", "linejoined");
	CHECK_GET("virtualenvs.path = \"{cache-dir}/v\"\n", "virtualenvs", "path", "{cache-dir}/v");
	CHECK_GET("[virtualenvs]\nin-project = true\n", "virtualenvs", "in-project", "true");
	CHECK_GET("[\"quoted\"]\nk = \"v\"\n", "quoted", "k", "v");
	CHECK_GET("[demo-proj-x-rcMTdABj]\nminor = \"3.11\"\npatch = \"3.11.2\"\n",
		  "demo-proj-x-rcMTdABj", "minor", "3.11");
	/* the last assignment wins; a bad escape skips the line */
	CHECK_GET("a = \"1\"\na = \"2\"\n", "", "a", "2");
	CHECK_GET("a = \"ok\"\na = \"bad \\q\"\n", "", "a", "ok");
	CHECK_GET("[python]\npath = \"/e/bin/python\"\n", "python", "path", "/e/bin/python");
}
END_TEST

/* Junk and cut-off text end the reading, never anything else. */
START_TEST(hostile)
{
	static const char *const junk[] = {
		"", "[", "[[", "a", "a =", "a = \"", "a = '''", "a = [1, [2,",
		"= 1", "\"\" = 2", "[a.]\nb = \"x\"", "a = {b = \"}\"", "\xff\xfe = \"\\u\"",
		"a = \"\\U11111111\"", "[x]\n\0y = \"z\"",
	};

	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		char *got = get(junk[i], "", "a");

		free(got);
		toml_has_table(junk[i], strlen(junk[i]), "x");
	}
	CHECK_GET("a = [1, [2, \"]\"], 3]\nb = \"after\"\n", "", "b", "after");
	CHECK_GET("a = {b = \"}\"}\nc = \"after\"\n", "", "c", "after");
}
END_TEST

Suite *toml_suite(void)
{
	Suite *s = suite_create("toml");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, pyproject);
	tcase_add_test(tc, strings_and_keys);
	tcase_add_test(tc, hostile);
	suite_add_tcase(s, tc);
	return s;
}
