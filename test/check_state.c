/* check_state: $VSWITCH_STATE round-trips any bytes; anything else reads
 * as no state, without crashing. */
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "suites.h"

static void check_empty(const struct state *st)
{
	ck_assert_int_eq(st->mode, MODE_AUTO);
	ck_assert_uint_eq(st->env.len, 0);
	ck_assert_uint_eq(st->dir.len, 0);
	ck_assert_int_eq(st->had_pythonhome, 0);
	ck_assert_uint_eq(st->pythonhome.len, 0);
	ck_assert_uint_eq(st->label.len, 0);
	ck_assert(state_is_empty(st));
}

/* Fill st from literal fields. */
static void fill(struct state *st, enum state_mode mode, const char *env,
		 const char *dir, const char *ph, const char *label)
{
	state_init(st);
	st->mode = mode;
	strbuf_set(&st->env, env);
	strbuf_set(&st->dir, dir);
	st->had_pythonhome = ph != NULL;
	strbuf_set(&st->pythonhome, ph ? ph : "");
	strbuf_set(&st->label, label);
}

/* Encode st, check the text if want is given, decode it and compare. */
static void round_trip(const struct state *st, const char *want)
{
	struct strbuf enc = STRBUF_INIT;
	struct state back;

	state_encode(st, &enc);
	if (want)
		ck_assert_str_eq(enc.buf, want);
	for (size_t i = 0; i < enc.len; i++)
		ck_assert(enc.buf[i] >= 0x20 && enc.buf[i] < 0x7f);
	state_init(&back);
	ck_assert_int_eq(state_decode(&back, enc.buf), 0);
	ck_assert_int_eq(back.mode, st->mode);
	ck_assert_str_eq(back.env.buf, st->env.buf);
	ck_assert_str_eq(back.dir.buf, st->dir.buf);
	ck_assert_int_eq(back.had_pythonhome, st->had_pythonhome);
	ck_assert_str_eq(back.pythonhome.buf, st->pythonhome.buf);
	ck_assert_str_eq(back.label.buf, st->label.buf);
	ck_assert_str_eq(back.refused.buf, st->refused.buf);
	ck_assert_str_eq(back.noted.buf, st->noted.buf);
	ck_assert_int_eq(back.has_uid, 1);
	ck_assert_uint_eq(back.uid, st->uid);
	state_free(&back);
	strbuf_release(&enc);
}

START_TEST(encode_exact)
{
	struct state st;

	fill(&st, MODE_AUTO, "/p/venv", "", NULL, "p");
	st.uid = 1000;
	round_trip(&st, "2:1000:a:/p/venv::-:p::");
	state_free(&st);
	fill(&st, MODE_OFF, "", "/a:b", "/ph", "");
	st.uid = 0;
	round_trip(&st, "2:0:o::/a%3Ab:=/ph:::");
	state_free(&st);
	fill(&st, MODE_USE, "/e 100%", "", "", "it's\n\xff");
	st.uid = 65534;
	strbuf_set(&st.refused, "/r");
	strbuf_set(&st.noted, "0123456789abcdef,fedcba9876543210");
	round_trip(&st, "2:65534:u:/e 100%25::=:it's%0A%FF:/r:0123456789abcdef,fedcba9876543210");
	ck_assert(!state_is_empty(&st));
	state_free(&st);
	check_empty(&st);
}
END_TEST

/* Every byte 1..255, alone, in every field and every mode. (One test,
 * not a loop test: 255 forks would triple the suite's run time.) */
START_TEST(every_byte)
{
	static const enum state_mode modes[] = { MODE_AUTO, MODE_OFF, MODE_USE };
	char env[] = "/e?x", dir[] = "/d?", ph[] = "?", label[] = "?l?";
	struct state st;

	for (int b = 1; b < 256; b++) {
		env[2] = dir[2] = ph[0] = label[0] = label[2] = (char)b;
		for (size_t m = 0; m < 3; m++) {
			fill(&st, modes[m], env, dir, ph, label);
			round_trip(&st, NULL);
			state_free(&st);
		}
	}
}
END_TEST

START_TEST(all_bytes_at_once)
{
	char all[256];
	struct state st;

	all[0] = '/';
	for (int i = 1; i < 256; i++)
		all[i] = (char)(i == '/' ? 1 : i);
	all[255] = '\0';
	fill(&st, MODE_OFF, all, all, all + 1, all + 1);
	round_trip(&st, NULL);
	state_free(&st);
}
END_TEST

START_TEST(absent_is_empty)
{
	struct state st;

	state_init(&st);
	ck_assert_int_eq(state_decode(&st, NULL), 0);
	check_empty(&st);
	ck_assert_int_eq(state_decode(&st, ""), 0);
	check_empty(&st);
	ck_assert_int_eq(state_decode(&st, "1:a:::-:"), 0);
	check_empty(&st);
	ck_assert_int_eq(state_decode(&st, "2:7:a:::-:::"), 0);
	check_empty(&st);
	state_free(&st);
}
END_TEST

START_TEST(malformed)
{
	static const char *const bad[] = {
		"x", "1", "1:", "1:a", "1:a:", "1:a::-:", "1:a:::-::", "2:a:::-:",
		"11:a:::-:", "1:q:::-:", "1:aa:::-:", "1::::-:", "1:a:::x:",
		"1:a:::::", "1:a:::-x:", "1:a:rel::-:", "1:o:::-:", "1:o::rel:-:",
		"1:u:::-:", "1:a:/e%:::-:", "1:a:/e%2::-:", "1:a:/e%zz::-:",
		"1:a:/e%00::-:", "1:a:/e%0::-:", "1:a:::-:%", "1:a:::-:%4",
		" 1:a:::-:", "1:a:::-:x\n:",
		/* version 2: a uid, and every field, always */
		"2:a:::-:::", "2::a:::-:::", "2:x:a:::-:::", "2:01:a:::-:::",
		"2:12345678901:a:::-:::", "2:4294967295:a:::-:::", "2:1:a:::-:",
		"2:1:a:::-::", "2:1:a:::-::::", "2:1:a:::-:::zz",
		"2:1:a:::-:::0123456789abcde", "2:1:a:::-:::0123456789abcdef,",
		"2:1:a:::-:::0123456789ABCDEF", "2:1:a:::-:::0123456789abcdef0",
		"2:-1:a:::-:::",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct state st;

		fill(&st, MODE_USE, "/old", "/d", "/ph", "old");
		ck_assert_msg(state_decode(&st, bad[i]) == -1, "accepted '%s'", bad[i]);
		check_empty(&st);
		state_free(&st);
	}
}
END_TEST

/* A tiny xorshift, so the fuzz run is the same every time. */
static unsigned rnd(unsigned *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Random bytes and mutations of a valid value: decode returns 0 or -1,
 * leaves st empty on -1, and what it accepts encodes back stably. */
START_TEST(fuzz)
{
	const char *valid = "1:o:/a%3Ab:/d:=/p%25:lab%0Ael";
	unsigned seed = 12345;
	char buf[64];

	for (int round = 0; round < 20000; round++) {
		struct state st, again;
		struct strbuf enc = STRBUF_INIT, enc2 = STRBUF_INIT;
		size_t n = rnd(&seed) % 40;
		int r;

		if (round % 2) {
			for (size_t i = 0; i < n; i++)
				buf[i] = (char)(1 + rnd(&seed) % 255);
			buf[n] = '\0';
		} else {
			strcpy(buf, valid);
			for (int k = rnd(&seed) % 3; k >= 0; k--)
				buf[rnd(&seed) % strlen(valid)] =
					"%:/-=aou01Ax"[rnd(&seed) % 12];
		}
		state_init(&st);
		r = state_decode(&st, buf);
		ck_assert(r == 0 || r == -1);
		if (r < 0) {
			check_empty(&st);
			continue;
		}
		state_encode(&st, &enc);
		state_init(&again);
		ck_assert_int_eq(state_decode(&again, enc.buf), 0);
		state_encode(&again, &enc2);
		ck_assert_str_eq(enc.buf, enc2.buf);
		state_free(&st);
		state_free(&again);
		strbuf_release(&enc);
		strbuf_release(&enc2);
	}
}
END_TEST

START_TEST(state_refused_field)
{
	struct state st;
	struct strbuf enc = STRBUF_INIT;

	state_init(&st);
	/* the older format reads as a state of no known user */
	ck_assert_int_eq(state_decode(&st, "1:a:/e::-:lab"), 0);
	ck_assert_uint_eq(st.refused.len, 0);
	ck_assert_int_eq(st.has_uid, 0);
	ck_assert_str_eq(st.env.buf, "/e");
	ck_assert_int_eq(state_decode(&st, "2:5:a:/e::-:lab::"), 0);
	ck_assert_int_eq(st.has_uid, 1);
	ck_assert_uint_eq(st.uid, 5);
	state_encode(&st, &enc);
	ck_assert_str_eq(enc.buf, "2:5:a:/e::-:lab::");
	/* with REFUSED, and a state that holds only that is kept */
	ck_assert_int_eq(state_decode(&st, "1:a:::-::/p/%3A.venvrc"), 0);
	ck_assert_str_eq(st.refused.buf, "/p/:.venvrc");
	ck_assert(!state_is_empty(&st));
	ck_assert_int_eq(state_decode(&st, "2:5:a:::-::/p/%3A.venvrc:"), 0);
	ck_assert_str_eq(st.refused.buf, "/p/:.venvrc");
	strbuf_setlen(&enc, 0);
	state_encode(&st, &enc);
	ck_assert_str_eq(enc.buf, "2:5:a:::-::/p/%3A.venvrc:");
	/* a state that holds only notes is kept too */
	ck_assert_int_eq(state_decode(&st, "2:5:a:::-:::0123456789abcdef"), 0);
	ck_assert(!state_is_empty(&st));
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

Suite *state_suite(void)
{
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, encode_exact);
	tcase_add_test(tc, every_byte);
	tcase_add_test(tc, all_bytes_at_once);
	tcase_add_test(tc, absent_is_empty);
	tcase_add_test(tc, malformed);
	tcase_add_test(tc, fuzz);
	tcase_add_test(tc, state_refused_field);
	suite_add_tcase(s, tc);
	return s;
}
