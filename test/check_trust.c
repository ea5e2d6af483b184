/* check_trust: the trust store, the verdicts of each mode, the state's
 * Runs as any user: the rule about another
 * user's folders is checked on stats made up for the purpose. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "discover.h"
#include "pathlist.h"
#include "paths.h"
#include "state.h"
#include "trust.h"
#include "truststore.h"

Suite *trust_suite(void);

static char tmp[64];
static struct config cfg;

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Run a shell command in tmp; the test fails if it does. */
static void sh(const char *fmt, ...)
{
	struct strbuf cmd = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&cmd, "cd '%s' && ", tmp);
	va_start(ap, fmt);
	strbuf_vaddf(&cmd, fmt, ap);
	va_end(ap);
	ck_assert_msg(system(cmd.buf) == 0, "failed: %s", cmd.buf);
	strbuf_release(&cmd);
}

static void setup(void)
{
	strcpy(tmp, "/tmp/check-trust.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	chmod(tmp, 0755);
	setenv("HOME", tmp, 1);
	unsetenv("XDG_DATA_HOME");
	unsetenv("WORKON_HOME");
	config_load_file(&cfg, NULL);
	sh("mkdir -p p/sub p/venv/bin q/env/bin home/named/bin .virtualenvs/named/bin"
	   " && echo 'home = /usr/bin' > p/venv/pyvenv.cfg"
	   " && echo 'home = /usr/bin' > q/env/pyvenv.cfg"
	   " && echo 'home = /usr/bin' > .virtualenvs/named/pyvenv.cfg"
	   " && for e in p/venv q/env; do"
	   " printf 'VIRTUAL_ENV=\"%%s\"\\n' \"$PWD/$e\" > $e/bin/activate; done");
}

static void teardown(void)
{
	config_free(&cfg);
	sh("cd / && rm -rf '%s'", tmp);
}

/* discover from tmp/REL */
static void find(struct found *f, const char *rel)
{
	struct strbuf d = STRBUF_INIT;

	strbuf_addf(&d, "%s/%s", tmp, rel);
	discover(f, &cfg, d.buf);
	strbuf_release(&d);
}

static void expect_kind(const char *rel, enum found_kind kind, const char *why)
{
	struct found f;

	find(&f, rel);
	ck_assert_msg(f.kind == kind, "%s: kind %d, expected %d (%s)", rel,
		      f.kind, kind, f.why.buf);
	if (why)
		ck_assert_msg(strstr(f.why.buf, why), "%s: why '%s', expected '%s'",
			      rel, f.why.buf, why);
	found_free(&f);
}

START_TEST(own_venv_is_used)
{
	expect_kind("p/sub", FOUND_ENV, NULL);
}
END_TEST

START_TEST(writable_venv_is_refused)
{
	sh("chmod g+w p/venv");
	expect_kind("p/sub", FOUND_REFUSED, "is writable by its group");
	sh("chmod g-w p/venv && chmod o+w p/venv/bin");
	expect_kind("p/sub", FOUND_REFUSED, "p/venv/bin' is writable by others");
	/* no bin/: nothing to run; made here, as its command says */
	sh("rm -r p/venv/bin && printf 'command = python3 -m venv %%s\\n' \"$PWD/p/venv\" >> p/venv/pyvenv.cfg");
	sh("chmod o-w p/venv");
	expect_kind("p/sub", FOUND_ENV, NULL);
}
END_TEST

/* The owner rule on stats made up for any user: another user's folder
 * is refused, root's and one's own are fine, group or other write bits
 * are refused whoever owns it. */
START_TEST(foreign_owner_rule)
{
	static const struct {
		uid_t uid;
		mode_t mode;
		const char *why;
	} cases[] = {
		{ 1000, 0755, "" },
		{ 0, 0755, "" },
		{ 0, 01777, "'/e' is writable by others" },
		{ 65534, 0755, "'/e' belongs to uid 65534, not to you" },
		{ 1000, 0775, "'/e' is writable by its group" },
		{ 1000, 0757, "'/e' is writable by others" },
		{ 1001, 0700, "'/e' belongs to uid 1001, not to you" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct stat st = { 0 };
		struct strbuf why = STRBUF_INIT;

		st.st_uid = cases[i].uid;
		st.st_mode = S_IFDIR | cases[i].mode;
		ck_assert_int_eq(trust_stat_unsafe("/e", &st, 1000, &why),
				 *cases[i].why ? -1 : 0);
		ck_assert_str_eq(why.buf, cases[i].why);
		strbuf_release(&why);
	}
}
END_TEST

START_TEST(venvrc_path_needs_allow)
{
	struct found f;
	struct strbuf h = STRBUF_INIT;

	sh("printf 'env = ../q/env\\n' > p/.venvrc");
	expect_kind("p/sub", FOUND_REFUSED, "names a path, not an env home name");
	find(&f, "p/sub");
	ck_assert(f.can_allow);
	ck_assert_int_eq(trust_entry_hash(&f, &h), 0);
	ck_assert_int_eq(truststore_put(f.entry.buf, h.buf), 0);
	found_free(&f);
	expect_kind("p/sub", FOUND_ENV, NULL);
	/* an edit withdraws it */
	sh("printf 'env = ../q/env\\nprompt = x\\n' > p/.venvrc");
	expect_kind("p/sub", FOUND_REFUSED, "changed since it was allowed");
	strbuf_release(&h);
}
END_TEST

START_TEST(venvrc_name_is_used_at_once)
{
	sh("printf 'env = named\\n' > p/.venvrc");
	expect_kind("p/sub", FOUND_ENV, NULL);
	sh("chmod o+w p/.venvrc");
	expect_kind("p/sub", FOUND_REFUSED, "is writable by others");
	sh("chmod o-w,g+w p/.venvrc");	/* group-writable is allowed */
	expect_kind("p/sub", FOUND_ENV, NULL);
}
END_TEST

START_TEST(deny_blocks_in_every_mode)
{
	struct strbuf src = STRBUF_INIT;

	strbuf_addf(&src, "%s/p/venv", tmp);
	ck_assert_int_eq(truststore_put(src.buf, NULL), 0);
	expect_kind("p/sub", FOUND_REFUSED, "denied");
	cfg.trust = TRUST_ALL;
	expect_kind("p/sub", FOUND_REFUSED, "denied");
	strbuf_release(&src);
}
END_TEST

START_TEST(strict_and_all)
{
	struct found f;
	struct strbuf h = STRBUF_INIT;

	cfg.trust = TRUST_STRICT;
	expect_kind("p/sub", FOUND_REFUSED, "'strict'");
	find(&f, "p/sub");
	ck_assert_int_eq(trust_entry_hash(&f, &h), 0);
	ck_assert_int_eq(truststore_put(f.entry.buf, h.buf), 0);
	found_free(&f);
	expect_kind("p/sub", FOUND_ENV, NULL);
	/* a venv's identity is its pyvenv.cfg: a new one needs allow again */
	sh("echo 'version = 3.11' >> p/venv/pyvenv.cfg");
	expect_kind("p/sub", FOUND_REFUSED, "changed since it was allowed");
	cfg.trust = TRUST_ALL;
	sh("chmod 777 p/venv");
	expect_kind("p/sub", FOUND_ENV, NULL);
	strbuf_release(&h);
}
END_TEST

/* A venv that arrived with its folder (a clone, a copy, an archive)
 * names where it was made: refused until allowed. One that records no
 * place is refused too; python -m venv's command in pyvenv.cfg counts. */
START_TEST(venv_made_elsewhere_is_refused)
{
	sh("mkdir -p c/venv/bin && cp p/venv/pyvenv.cfg p/venv/bin/activate c/venv/");
	sh("mv c/venv/activate c/venv/bin/");
	expect_kind("c", FOUND_REFUSED, "it was made at '");
	sh("printf \"VIRTUAL_ENV='%%s'\\n\" \"$PWD/c/venv\" > c/venv/bin/activate");
	expect_kind("c", FOUND_ENV, NULL);
	sh("export VIRTUAL_ENV=x; printf 'export VIRTUAL_ENV=%%s\\n' \"$PWD/c/venv\" > c/venv/bin/activate");
	expect_kind("c", FOUND_ENV, NULL);
	sh("rm c/venv/bin/activate");
	expect_kind("c", FOUND_REFUSED, "nothing in it says it was made here");
	sh("printf 'home = /usr/bin\\ncommand = /usr/bin/python3 -m venv %%s\\n' \"$PWD/c/venv\" > c/venv/pyvenv.cfg");
	expect_kind("c", FOUND_ENV, NULL);
}
END_TEST

/* A folder above the env that others can write could swap the env:
 * refused, as the env's own folders are. */
START_TEST(writable_parent_is_refused)
{
	sh("chmod g+w p");
	expect_kind("p/sub", FOUND_REFUSED, "p' is writable by its group");
	sh("chmod g-w p");
	expect_kind("p/sub", FOUND_ENV, NULL);
}
END_TEST

/* What goes on PATH is the env's real path, links resolved; a link
 * that leads somewhere others can write is refused. */
START_TEST(link_is_resolved)
{
	struct found f;
	struct strbuf want = STRBUF_INIT;

	sh("mkdir -p l && ln -s ../q/env l/venv");
	find(&f, "l");
	ck_assert_int_eq(f.kind, FOUND_ENV);
	strbuf_addf(&want, "%s/l/venv", tmp);
	ck_assert_str_eq(f.env.buf, want.buf);
	strbuf_setlen(&want, 0);
	strbuf_addf(&want, "%s/q/env", tmp);
	ck_assert_str_eq(f.real.buf, want.buf);
	found_free(&f);
	sh("chmod o+w q");
	expect_kind("l", FOUND_REFUSED, "/q' is writable by others");
	/* mode all trusts the way, and still resolves it */
	cfg.trust = TRUST_ALL;
	find(&f, "l");
	ck_assert_int_eq(f.kind, FOUND_ENV);
	ck_assert_str_eq(f.real.buf, want.buf);
	found_free(&f);
	strbuf_release(&want);
}
END_TEST

START_TEST(colon_in_path_is_refused)
{
	sh("mkdir -p 'a:b/venv/bin' && echo 'home = /usr' > 'a:b/venv/pyvenv.cfg'"
	   " && printf 'VIRTUAL_ENV=\"%%s\"\\n' \"$PWD/a:b/venv\" > 'a:b/venv/bin/activate'");
	expect_kind("a:b", FOUND_REFUSED, "holds ':'");
}
END_TEST

Suite *trust_suite(void)
{
	Suite *s = suite_create("trust");
	TCase *tc = tcase_create("trust");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, own_venv_is_used);
	tcase_add_test(tc, writable_venv_is_refused);
	tcase_add_test(tc, foreign_owner_rule);
	tcase_add_test(tc, venvrc_path_needs_allow);
	tcase_add_test(tc, venvrc_name_is_used_at_once);
	tcase_add_test(tc, deny_blocks_in_every_mode);
	tcase_add_test(tc, strict_and_all);
	tcase_add_test(tc, colon_in_path_is_refused);
	tcase_add_test(tc, writable_parent_is_refused);
	tcase_add_test(tc, link_is_resolved);
	tcase_add_test(tc, venv_made_elsewhere_is_refused);
	suite_add_tcase(s, tc);
	return s;
}
