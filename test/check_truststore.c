/* check_truststore: allow and deny records, one file per entry, read
 * back whole, and a store others could write ignored. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "suites.h"
#include "truststore.h"

/* Overwrite every record in dir with one that does not parse. */
static void spoil_records(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[8192];

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		f = fopen(p, "w");
		ck_assert_ptr_nonnull(f);
		fputs("vswitch-trust 1\nallow zz\n", f);
		fclose(f);
	}
	closedir(d);
}

/* How many temporary files a write left in dir. */
static size_t count_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		n += strstr(e->d_name, "tmp") != NULL;
	closedir(d);
	return n;
}

START_TEST(unsafe_store_is_ignored)
{
	struct strbuf src = STRBUF_INIT, h = STRBUF_INIT, dir = STRBUF_INIT;
	char *err;

	strbuf_addstr(&src, "/p/venv");
	ck_assert_int_eq(truststore_put(src.buf, NULL), 0);
	ck_assert_int_eq(truststore_lookup(src.buf, &h), TRUST_DENIED);
	truststore_dir(&dir);
	ck_assert_int_eq(chmod(dir.buf, 0777), 0);
	stderr_begin();
	ck_assert_int_eq(truststore_lookup(src.buf, &h), TRUST_NONE);
	err = stderr_end();
	ck_assert(!strncmp(err, "vswitch: ignoring the trust store '", 35));
	ck_assert_ptr_nonnull(strstr(err, "': it is not yours alone\n"));
	free(err);
	strbuf_release(&src);
	strbuf_release(&h);
	strbuf_release(&dir);
}
END_TEST

/* Records are one file per path, read back only for that path, and
 * garbage in one reads as no record. */
START_TEST(store_records)
{
	struct strbuf a = STRBUF_INIT, h = STRBUF_INIT, dir = STRBUF_INIT;
	const char *hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	strbuf_addstr(&a, "/x/odd\npath%:'\xff");
	ck_assert_int_eq(truststore_lookup(a.buf, &h), TRUST_NONE);
	ck_assert_int_eq(truststore_put(a.buf, hash), 0);
	ck_assert_int_eq(truststore_lookup(a.buf, &h), TRUST_ALLOWED);
	ck_assert_str_eq(h.buf, hash);
	ck_assert_int_eq(truststore_lookup("/x/other", &h), TRUST_NONE);
	ck_assert_int_eq(truststore_put(a.buf, NULL), 0);
	strbuf_setlen(&h, 0);
	ck_assert_int_eq(truststore_lookup(a.buf, &h), TRUST_DENIED);
	truststore_dir(&dir);
	spoil_records(dir.buf);
	ck_assert_int_eq(truststore_lookup(a.buf, &h), TRUST_NONE);
	ck_assert_uint_eq(count_temps(dir.buf), 0);
	strbuf_release(&a);
	strbuf_release(&h);
	strbuf_release(&dir);
}
END_TEST

/* With no home (HOME relative) there is no store: nothing is recorded
 * anywhere, with one line that says why, and nothing reads as allowed. */
START_TEST(no_home_no_store)
{
	struct strbuf dir = STRBUF_INIT, h = STRBUF_INIT;
	char *err;

	setenv("HOME", "rel", 1);
	unsetenv("XDG_DATA_HOME");
	ck_assert_int_eq(truststore_dir(&dir), -1);
	stderr_begin();
	ck_assert_int_eq(truststore_put("/p/.venvrc", NULL), -1);
	err = stderr_end();
	ck_assert_str_eq(err, "vswitch: no trust store: HOME is not an absolute path\n");
	free(err);
	ck_assert_int_eq(truststore_lookup("/p/.venvrc", &h), TRUST_NONE);
	ck_assert_int_eq(access("rel", F_OK), -1);
	strbuf_release(&dir);
	strbuf_release(&h);
}
END_TEST

/* Many processes allowing and denying the same path at once: every
 * read sees a whole record. */
START_TEST(store_concurrent)
{
	const char *hash = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	pid_t kids[8];

	for (int k = 0; k < 8; k++) {
		kids[k] = fork();
		ck_assert_int_ge(kids[k], 0);
		if (!kids[k]) {
			int bad = 0;

			for (int i = 0; i < 40; i++) {
				struct strbuf h = STRBUF_INIT;

				if (truststore_put("/same", k % 2 ? hash : NULL) < 0)
					bad = 1;
				if (truststore_lookup("/same", &h) == TRUST_NONE)
					bad = 1;
				strbuf_release(&h);
			}
			_exit(bad);
		}
	}
	for (int k = 0; k < 8; k++) {
		int st;

		ck_assert_int_eq(waitpid(kids[k], &st, 0), kids[k]);
		ck_assert_msg(WIFEXITED(st) && !WEXITSTATUS(st), "child %d saw a torn record", k);
	}
}
END_TEST

Suite *truststore_suite(void)
{
	Suite *s = suite_create("truststore");
	TCase *tc = fixture_tcase("core");

	tcase_add_test(tc, unsafe_store_is_ignored);
	tcase_add_test(tc, store_records);
	tcase_add_test(tc, store_concurrent);
	tcase_add_test(tc, no_home_no_store);
	suite_add_tcase(s, tc);
	return s;
}
