/* sha256: SHA-256 (FIPS 180-4), small and self-contained, for the
 * content hashes of the trust store. No library: the binary runs on
 * every cd, and each shared library costs start-up time. */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

#define SHA256_LEN 32

struct sha256 {
	uint32_t h[8];
	uint64_t total;		/* bytes hashed so far */
	unsigned char block[64];
	size_t fill;		/* bytes waiting in block */
};

/* Start a new hash. */
void sha256_init(struct sha256 *s);
/* Hash len more bytes of data. */
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* Finish and write the 32-byte digest; s must be initialised again
 * before reuse. */
void sha256_final(struct sha256 *s, unsigned char out[SHA256_LEN]);
/* Append the digest of data as 64 lowercase hex digits. */
void sha256_hex(const void *data, size_t len, struct strbuf *out);
/* Append a digest as 64 lowercase hex digits. */
void sha256_tohex(const unsigned char d[SHA256_LEN], struct strbuf *out);

#endif
