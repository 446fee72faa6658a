/* UUID generation: libuuid, or a seeded xorshift generator for deterministic tests. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <uuid/uuid.h>

#include "casus/ids.h"

static uint64_t seed_state;
static int seed_loaded;

static uint64_t next64(void)
{
	/* splitmix64: good spread from consecutive seeds, trivially reproducible. */
	uint64_t z = (seed_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int seeded(void)
{
	if (!seed_loaded) {
		const char *s = getenv("CASUS_UUID_SEED");
		seed_loaded = s && *s ? 1 : -1;
		if (seed_loaded > 0)
			seed_state = strtoull(s, NULL, 10);
	}
	return seed_loaded > 0;
}

void ids_reset(void)
{
	seed_loaded = 0;
}

void ids_salt(unsigned long long salt)
{
	if (seeded())
		seed_state ^= (uint64_t)salt * 0xd1342543de82ef95ULL;
}

void ids_new(char out[static CASUS_ID_LEN])
{
	uuid_t u;
	if (seeded()) {
		uint64_t a = next64(), b = next64();
		for (int i = 0; i < 8; i++) {
			u[i] = (unsigned char)(a >> (8 * i));
			u[8 + i] = (unsigned char)(b >> (8 * i));
		}
		u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);
		u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
	} else {
		uuid_generate_random(u);
	}
	uuid_unparse_lower(u, out);
}
