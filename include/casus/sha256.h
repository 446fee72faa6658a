/* SHA-256 (FIPS 180-4), for the audit log's hash chain. */
#ifndef CASUS_SHA256_H
#define CASUS_SHA256_H
#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t used;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, unsigned char out[32]);
/* Hash data and write 64 lower-case hex digits and a NUL into hex. */
void sha256_hex(const void *data, size_t n, char hex[65]);
void sha256_final_hex(struct sha256 *s, char hex[65]);

#endif
