/* The privacy mask (the meeting on a projector, DOMAIN.md §6-7): names as initials, a
 * family as its initials plus the ages of its children. One rule for the full-screen
 * interface and the exported minutes. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "casus/person.h"
#include "casus/privacy.h"

/* Decode one UTF-8 code point (input is valid: it passed text_check). */
static size_t utf8_next(const char *p, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t n = s[0] < 0x80 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	unsigned c = n == 1 ? s[0] : s[0] & (0x3fu >> (n - 1));
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return *cp = 0xfffd, i;
		c = c << 6 | (s[i] & 0x3f);
	}
	*cp = c;
	return n;
}

/* Letters of alphabetic scripts (Latin, Greek, Cyrillic, ...): an initial of a CJK
 * name would often be the whole surname, and emoji are no initials at all, so words
 * that start with anything else are left out. */
static bool initial_letter(unsigned cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	return cp >= 0xc0 && cp < 0x2000 && cp != 0xd7 && cp != 0xf7;
}

void privacy_initials(const char *name, char *out, size_t outsz)
{
	size_t o = 0;
	bool start = true;
	if (outsz == 0)
		return;
	for (const char *p = name ? name : ""; *p && o + 6 < outsz;) {
		unsigned cp;
		size_t n = utf8_next(p, &cp);
		if (*p == ' ' || *p == '-') {
			if (*p == '-' && o > 0 && out[o - 1] == '.')
				out[o++] = '-';
			start = true;
		} else if (start) {
			if (initial_letter(cp)) {
				memcpy(out + o, p, n);
				o += n;
				out[o++] = '.';
			}
			start = false;
		}
		p += n;
	}
	out[o] = '\0';
	if (o == 0)
		snprintf(out, outsz, "%s", "?.");
}

struct ages {
	char text[64];
	int n;
};

static int add_child_age(void *arg, const struct person *p)
{
	struct ages *ag = arg;
	int age = person_age(p);
	if (p->role != PERSON_KIND || age < 0)
		return 0;
	size_t len = strlen(ag->text);
	if (ag->n == 6) {
		snprintf(ag->text + len, sizeof ag->text - len, ", \xe2\x80\xa6");
		return 1;
	}
	snprintf(ag->text + len, sizeof ag->text - len, "%s%d", ag->n ? ", " : "", age);
	ag->n++;
	return 0;
}

void privacy_family_mask(struct casus_ctx *ctx, const char *family_id, const char *name,
	char *out, size_t outsz)
{
	char ini[64];
	struct ages ag = { "", 0 };
	struct casus_err err;
	privacy_initials(name, ini, sizeof ini);
	person_each(ctx, family_id, add_child_age, &ag, &err);
	if (ag.n)
		snprintf(out, outsz, "%s (%s)", ini, ag.text);
	else
		snprintf(out, outsz, "%s", ini);
}
