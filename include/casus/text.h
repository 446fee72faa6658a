/* Checking text that comes from users before it reaches the database: valid UTF-8,
 * no control characters (newlines only where a field allows them), length limits
 * counted in characters. Messages name the field. */
#ifndef CASUS_TEXT_H
#define CASUS_TEXT_H
#include <stdbool.h>
#include <stddef.h>

#include "casus/err.h"

enum text_kind {
	TEXT_LINE,      /* one line: no control characters at all */
	TEXT_MULTILINE, /* newlines and tabs allowed */
};

bool text_valid_utf8(const char *s);
/* Number of code points (s must be valid UTF-8). */
size_t text_chars(const char *s);
/* Check a required field: not empty (after trimming), valid UTF-8, within max_chars. */
enum casus_rc text_check(const char *field, const char *s, size_t max_chars,
	enum text_kind kind, struct casus_err *err);
/* Same, but NULL or "" is allowed. */
enum casus_rc text_check_optional(const char *field, const char *s, size_t max_chars,
	enum text_kind kind, struct casus_err *err);
/* Lower-cased, diacritics folded (ASCII letters), name prefixes ("van der", "de")
 * moved to the end, for sorting family names as Dutch teams expect:
 * "van der Berg" sorts under B. Writes at most outsz bytes. */
void text_sort_key(const char *name, char *out, size_t outsz);

#endif
