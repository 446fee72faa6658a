/* Privacy mode (the meeting on a projector, DOMAIN.md §6-7). What it shows:
 *  - a family as the initials of its name plus the ages of its children:
 *    "van der Berg" with children of 4 and 9 -> "v.d.B. (4, 9)";
 *  - a person as initials plus age: "T.J. (9)";
 *  - no address, phone number or other contact details of any family or party (the
 *    opened family included), no birth dates, no free text (it can name anyone), and
 *    no BSN anywhere (the TUI never shows a BSN).
 * Names are masked everywhere, the opened family included: the screen may be visible
 * from the corridor. The masks are core's (casus/privacy.h), the same as in exported
 * minutes. Turning the mode on or off is written to the access log. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/audit.h"
#include "casus/i18n.h"

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
