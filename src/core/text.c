/* Text checks for user input and the sort key for family names. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/text.h"

/* Decode one code point; returns its length in bytes, or 0 when invalid. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	uint32_t min;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2, min = 0x80, *cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3, min = 0x800, *cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4, min = 0x10000, *cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

bool text_valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	while (*p) {
		size_t n = utf8_decode(p, &cp);
		if (!n)
			return false;
		p += n;
	}
	return true;
}

size_t text_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xc0) != 0x80)
			n++;
	return n;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static bool has_control(const char *s, enum text_kind kind)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	while (*p) {
		size_t n = utf8_decode(p, &cp);
		if (cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return true;
		if (cp < 0x20 && !(kind == TEXT_MULTILINE && (cp == '\n' || cp == '\t')))
			return true;
		p += n;
	}
	return false;
}

enum casus_rc text_check_optional(const char *field, const char *s, size_t max_chars,
	enum text_kind kind, struct casus_err *err)
{
	if (!s || !*s)
		return CASUS_OK;
	if (!text_valid_utf8(s))
		return err_set(err, CASUS_E_INVALID,
			_("%s is not valid text (invalid UTF-8); check the terminal's character set"),
			field);
	if (has_control(s, kind))
		return err_set(err, CASUS_E_INVALID,
			kind == TEXT_LINE ? _("%s must be a single line without control characters")
					  : _("%s contains control characters"),
			field);
	size_t n = text_chars(s);
	if (n > max_chars)
		return err_set(err, CASUS_E_INVALID,
			_("%s is too long: %zu characters, at most %zu allowed"), field, n, max_chars);
	return CASUS_OK;
}

enum casus_rc text_check(const char *field, const char *s, size_t max_chars,
	enum text_kind kind, struct casus_err *err)
{
	if (!s || blank(s))
		return err_set(err, CASUS_E_INVALID, _("%s is required"), field);
	return text_check_optional(field, s, max_chars, kind, err);
}

/* Fold Latin-1 Supplement and Latin Extended-A letters to ASCII for sorting. */
static const char *fold_latin(uint32_t cp)
{
	static const char *const l1[] = {
		/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		/* D0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
		/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		/* F0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
	};
	static const char ext_a[] =
		"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
		"nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
	static char one[2];
	if (cp >= 0xc0 && cp <= 0xff)
		return l1[cp - 0xc0];
	if (cp >= 0x100 && cp <= 0x17f && cp - 0x100 < sizeof ext_a - 1) {
		one[0] = ext_a[cp - 0x100];
		one[1] = '\0';
		return one;
	}
	return NULL;
}

static const char *const name_prefixes[] = {
	"van der ", "van den ", "van de ", "van 't ", "van ", "de ", "den ", "der ", "het ",
	"ter ", "ten ", "te ", "in 't ", "op de ", "'t ", NULL,
};

void text_sort_key(const char *name, char *out, size_t outsz)
{
	char folded[512];
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)name;
	uint32_t cp;
	while (*p && o + 4 < sizeof folded) {
		size_t n = utf8_decode(p, &cp);
		if (!n) {
			p++;
			continue;
		}
		const char *f = cp < 0x80 ? NULL : fold_latin(cp);
		if (cp < 0x80)
			folded[o++] = (char)tolower((int)cp);
		else if (f)
			for (; *f && o + 1 < sizeof folded; f++)
				folded[o++] = *f;
		else
			for (size_t i = 0; i < n; i++)
				folded[o++] = (char)p[i];
		p += n;
	}
	folded[o] = '\0';
	const char *rest = folded;
	const char *prefix = "";
	for (int i = 0; name_prefixes[i]; i++) {
		size_t len = strlen(name_prefixes[i]);
		if (strncmp(folded, name_prefixes[i], len) == 0 && folded[len]) {
			rest = folded + len;
			prefix = name_prefixes[i];
			break;
		}
	}
	/* "berg, van der": the prefix follows, so equal surnames still group together. */
	size_t plen = strlen(prefix);
	if (plen) {
		char trimmed[32];
		snprintf(trimmed, sizeof trimmed, "%.*s", (int)(plen - 1), prefix);
		snprintf(out, outsz, "%s, %s", rest, trimmed);
	} else {
		snprintf(out, outsz, "%s", rest);
	}
}
