/* check_trust: the trust store, the verdicts of each mode, the state's
 * REFUSED field, and the helpers trust added (paths_absolute, PATH
 * entries that hold ':'). Runs as any user; what needs another owner
 * uses chown and is skipped when that is not permitted. */
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
	   " && echo 'home = /usr/bin' > .virtualenvs/named/pyvenv.cfg");
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
	sh("rm -r p/venv/bin");		/* no bin/: nothing to run */
	sh("chmod o-w p/venv");
	expect_kind("p/sub", FOUND_ENV, NULL);
}
END_TEST

START_TEST(foreign_venv_is_refused)
{
	if (geteuid() != 0)
		return;		/* only root can give files away */
	sh("chown -R 65534 p/venv");
	expect_kind("p/sub", FOUND_REFUSED, "belongs to uid 65534, not to you");
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
	ck_assert_int_eq(trust_store(f.source.buf, h.buf), 0);
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
	ck_assert_int_eq(trust_store(src.buf, NULL), 0);
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
	ck_assert_int_eq(trust_store(f.source.buf, h.buf), 0);
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

START_TEST(colon_in_path_is_refused)
{
	sh("mkdir -p 'a:b/venv/bin' && echo 'home = /usr' > 'a:b/venv/pyvenv.cfg'");
	expect_kind("a:b", FOUND_REFUSED, "holds ':'");
}
END_TEST

START_TEST(unsafe_store_is_ignored)
{
	struct strbuf src = STRBUF_INIT, h = STRBUF_INIT;

	strbuf_addf(&src, "%s/p/venv", tmp);
	ck_assert_int_eq(trust_store(src.buf, NULL), 0);
	ck_assert_int_eq(trust_lookup(src.buf, &h), TRUST_DENIED);
	sh("chmod o+w .local/share/vswitch/trust");
	ck_assert_int_eq(trust_lookup(src.buf, &h), TRUST_NONE);
	strbuf_release(&src);
	strbuf_release(&h);
}
END_TEST

/* Records are one file per path, read back only for that path, and
 * garbage in one reads as no record. */
START_TEST(store_records)
{
	struct strbuf a = STRBUF_INIT, h = STRBUF_INIT, dir = STRBUF_INIT;
	const char *hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	strbuf_addstr(&a, "/x/odd\npath%:'\xff");
	ck_assert_int_eq(trust_lookup(a.buf, &h), TRUST_NONE);
	ck_assert_int_eq(trust_store(a.buf, hash), 0);
	ck_assert_int_eq(trust_lookup(a.buf, &h), TRUST_ALLOWED);
	ck_assert_str_eq(h.buf, hash);
	ck_assert_int_eq(trust_lookup("/x/other", &h), TRUST_NONE);
	ck_assert_int_eq(trust_store(a.buf, NULL), 0);
	strbuf_setlen(&h, 0);
	ck_assert_int_eq(trust_lookup(a.buf, &h), TRUST_DENIED);
	trust_store_dir(&dir);
	sh("for f in '%s'/*; do printf 'vswitch-trust 1\\nallow zz\\n' > \"$f\"; done", dir.buf);
	ck_assert_int_eq(trust_lookup(a.buf, &h), TRUST_NONE);
	sh("test -z \"$(ls -A '%s' | grep tmp)\"", dir.buf);	/* no temp left */
	strbuf_release(&a);
	strbuf_release(&h);
	strbuf_release(&dir);
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

				if (trust_store("/same", k % 2 ? hash : NULL) < 0)
					bad = 1;
				if (trust_lookup("/same", &h) == TRUST_NONE)
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

START_TEST(state_refused_field)
{
	struct state st;
	struct strbuf enc = STRBUF_INIT;

	state_init(&st);
	/* old format reads as before; no REFUSED written when empty */
	ck_assert_int_eq(state_decode(&st, "1:a:/e::-:lab"), 0);
	ck_assert_uint_eq(st.refused.len, 0);
	state_encode(&st, &enc);
	ck_assert_str_eq(enc.buf, "1:a:/e::-:lab");
	/* with REFUSED, and a state that holds only that is kept */
	ck_assert_int_eq(state_decode(&st, "1:a:::-::/p/%3A.venvrc"), 0);
	ck_assert_str_eq(st.refused.buf, "/p/:.venvrc");
	ck_assert(!state_is_empty(&st));
	strbuf_setlen(&enc, 0);
	state_encode(&st, &enc);
	ck_assert_str_eq(enc.buf, "1:a:::-::/p/%3A.venvrc");
	/* garbage is no state */
	ck_assert_int_eq(state_decode(&st, "1:a:::-::relative"), -1);
	ck_assert(state_is_empty(&st));
	ck_assert_int_eq(state_decode(&st, "1:a:::-::/p:/q"), -1);
	ck_assert_int_eq(state_decode(&st, "\x01\xff:::"), -1);
	ck_assert(state_is_empty(&st));
	state_free(&st);
	strbuf_release(&enc);
}
END_TEST

static void expect_abs(const char *base, const char *arg, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	paths_absolute(&sb, base, arg);
	ck_assert_str_eq(sb.buf, want);
	strbuf_release(&sb);
}

START_TEST(absolute_paths)
{
	expect_abs("/a/b", ".", "/a/b");
	expect_abs("/a/b", "..", "/a");
	expect_abs("/a/b", "../../..", "/");
	expect_abs("/a/b", "c//d/./", "/a/b/c/d");
	expect_abs("/a/b", "/x/../y", "/y");
	expect_abs("/", ".", "/");
	expect_abs("/a", "-n", "/a/-n");
}
END_TEST

START_TEST(path_entry_with_colon)
{
	struct strbuf out = STRBUF_INIT;

	ck_assert(pathlist_has("/x:/a:b/bin:/y", "/a:b/bin"));
	ck_assert(!pathlist_has("/x:/a:b/binx", "/a:b/bin"));
	ck_assert(pathlist_remove("/a:b/bin:/usr/bin", "/a:b/bin", &out));
	ck_assert_str_eq(out.buf, "/usr/bin");
	strbuf_setlen(&out, 0);
	ck_assert(pathlist_remove("/usr/bin:/a:b/bin", "/a:b/bin", &out));
	ck_assert_str_eq(out.buf, "/usr/bin");
	strbuf_release(&out);
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
	tcase_add_test(tc, foreign_venv_is_refused);
	tcase_add_test(tc, venvrc_path_needs_allow);
	tcase_add_test(tc, venvrc_name_is_used_at_once);
	tcase_add_test(tc, deny_blocks_in_every_mode);
	tcase_add_test(tc, strict_and_all);
	tcase_add_test(tc, colon_in_path_is_refused);
	tcase_add_test(tc, unsafe_store_is_ignored);
	tcase_add_test(tc, store_records);
	tcase_add_test(tc, store_concurrent);
	tcase_add_test(tc, state_refused_field);
	tcase_add_test(tc, absolute_paths);
	tcase_add_test(tc, path_entry_with_colon);
	suite_add_tcase(s, tc);
	return s;
}
