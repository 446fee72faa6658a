/* Files embedded into the binary at build time (tools/embed.py). */
#ifndef CASUS_EMBED_H
#define CASUS_EMBED_H
#include <stddef.h>

struct embedded_file {
	const char *name; /* base name, e.g. "0001_init.sql"; NULL ends the array */
	const char *text;
};

extern const struct embedded_file casus_schema[];
extern const size_t casus_schema_count;

#endif
