/* check_sha256: FIPS 180-4 test vectors, block boundaries, and that
 * feeding the data in pieces gives the same digest as all at once. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

Suite *sha256_suite(void);

static void expect_hex(const void *data, size_t len, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	sha256_hex(data, len, &sb);
	ck_assert_str_eq(sb.buf, want);
	strbuf_release(&sb);
}

START_TEST(nist_vectors)
{
	expect_hex("", 0,
		   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	expect_hex("abc", 3,
		   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	expect_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
		   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

START_TEST(million_a)
{
	struct sha256 s;
	unsigned char d[SHA256_LEN], chunk[1000];
	struct strbuf sb = STRBUF_INIT;

	memset(chunk, 'a', sizeof(chunk));
	sha256_init(&s);
	for (int i = 0; i < 1000; i++)
		sha256_update(&s, chunk, sizeof(chunk));
	sha256_final(&s, d);
	sha256_tohex(d, &sb);
	ck_assert_str_eq(sb.buf,
			 "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	strbuf_release(&sb);
}
END_TEST

/* Lengths around the padding edges: 55 bytes fit one block with the
 * length, 56 do not; 64 fill a block exactly. */
static const struct {
	size_t len;
	const char *hex;
} edges[] = {
	{ 55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b" },
	{ 56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27" },
	{ 57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73" },
	{ 63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055" },
	{ 64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241" },
	{ 65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e" },
	{ 119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e" },
	{ 120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5" },
	{ 128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6" },
};

static void pattern(unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)(i * 7 + 3);
}

START_TEST(block_edges)
{
	unsigned char buf[128];

	pattern(buf, sizeof(buf));
	expect_hex(buf, edges[_i].len, edges[_i].hex);
}
END_TEST

/* Every way of cutting the 128-byte pattern in two, and byte by byte,
 * gives the one-shot digest. */
START_TEST(pieces)
{
	unsigned char buf[128], d[SHA256_LEN];
	struct strbuf one = STRBUF_INIT, got = STRBUF_INIT;
	struct sha256 s;

	pattern(buf, sizeof(buf));
	sha256_hex(buf, sizeof(buf), &one);
	for (size_t cut = 0; cut <= sizeof(buf); cut++) {
		sha256_init(&s);
		sha256_update(&s, buf, cut);
		sha256_update(&s, buf + cut, sizeof(buf) - cut);
		sha256_final(&s, d);
		strbuf_setlen(&got, 0);
		sha256_tohex(d, &got);
		ck_assert_str_eq(got.buf, one.buf);
	}
	sha256_init(&s);
	for (size_t i = 0; i < sizeof(buf); i++)
		sha256_update(&s, buf + i, 1);
	sha256_final(&s, d);
	strbuf_setlen(&got, 0);
	sha256_tohex(d, &got);
	ck_assert_str_eq(got.buf, one.buf);
	strbuf_release(&one);
	strbuf_release(&got);
}
END_TEST

/* sha256_hex appends; it does not replace. */
START_TEST(hex_appends)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "x=");
	sha256_hex("abc", 3, &sb);
	ck_assert_uint_eq(sb.len, 66);
	ck_assert(!strncmp(sb.buf, "x=ba7816bf", 10));
	strbuf_release(&sb);
}
END_TEST

Suite *sha256_suite(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("sha256");

	tcase_add_test(tc, nist_vectors);
	tcase_add_test(tc, million_a);
	tcase_add_loop_test(tc, block_edges, 0, (int)(sizeof(edges) / sizeof(edges[0])));
	tcase_add_test(tc, pieces);
	tcase_add_test(tc, hex_appends);
	suite_add_tcase(s, tc);
	return s;
}
