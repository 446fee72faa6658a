/* Privacy mode (the meeting on a projector, DOMAIN.md §6-7). What it shows:
 *  - a family as the initials of its name plus the ages of its children:
 *    "van der Berg" with children of 4 and 9 -> "v.d.B. (4, 9)";
 *  - a person as initials plus age: "T.J. (9)";
 *  - no address or phone number of any family but the opened one, no free text (it
 *    can name anyone, so not even the opened family's), and no BSN anywhere (the TUI
 *    never shows a BSN).
 * Names are masked everywhere, the opened family included: the screen may be visible
 * from the corridor. Turning it on or off is written to the access log. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/audit.h"
#include "casus/i18n.h"
#include "casus/person.h"
#include "draw.h"

/* Letters of alphabetic scripts (Latin, Greek, Cyrillic, ...). An initial of a CJK
 * name would often be the whole surname, and emoji are no initials at all: words
 * that start with anything else are left out. */
static bool initial_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	return cp >= 0xc0 && cp < 0x2000 && cp != 0xd7 && cp != 0xf7;
}

/* One initial per word; hyphenated parts keep their hyphen ("Berg-Çelik" -> "B.-Ç."),
 * and lower-case name prefixes stay lower-case ("van der" -> "v.d."). */
void privacy_initials(const char *name, char *out, size_t outsz)
{
	size_t o = 0;
	bool start = true;
	if (outsz == 0)
		return;
	for (const char *p = name; *p && o + 6 < outsz;) {
		uint32_t cp;
		size_t n = draw_utf8_next(p, &cp);
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
		snprintf(ag->text + len, sizeof ag->text - len, ", %s", draw_glyph(DG_ELLIPSIS));
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

unsigned privacy_toggle(struct app *a)
{
	struct casus_err err;
	bool on = !a->privacy;
	enum casus_rc r = audit_log(a->ctx, AUDIT_PRIVACY, NULL, NULL, NULL,
		on ? "privacy mode on" : "privacy mode off", &err);
	/* Showing names must be on the record; hiding them never waits for the log. */
	if (r && !on) {
		app_message(a, true, _("Privacy mode stays on: %s"), err.msg);
		return R_PAINT_MSG;
	}
	a->privacy = on;
	if (r)
		app_message(a, true, "%s", err.msg);
	else
		app_message(a, false, "%s", on ? _("Privacy mode on: names are initials and ages.")
					      : _("Privacy mode off."));
	return R_REFRESH_LIST | R_RELOAD_FAMILY | R_PAINT_ALL;
}
