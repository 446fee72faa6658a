/* Inzage: everything casus holds about one family, for a request for access under the
 * Jeugdwet (art. 7.3.10) and the AVG (art. 15) — the family, its members and network,
 * consent, every version of the plan, notes, meldcode trajectories, escalations, what
 * the case meetings said and decided about it, and the access report (who looked at
 * the dossier, when, from where and why). A teamleider makes it, and can leave out a
 * part with a reason (for instance when it would harm another person's privacy); the
 * document says what was left out and why. Markdown for the family, JSON with stable
 * keys ("casus.dossier/1") for other systems. */
#ifndef CASUS_DOSSIER_H
#define CASUS_DOSSIER_H
#include <stdbool.h>
#include <stdio.h>

#include "casus/db.h"

enum dossier_part {
	DOSSIER_MEMBERS, DOSSIER_CONSENT, DOSSIER_PLANS, DOSSIER_NOTES, DOSSIER_MELDCODE,
	DOSSIER_ESCALATIONS, DOSSIER_MEETINGS, DOSSIER_ACCESS, DOSSIER_PART_COUNT
};
/* The stable key of a part ("members", "consent", "plans", "notes", "meldcode",
 * "escalations", "meetings", "access") and its label in the current language. */
const char *dossier_part_name(enum dossier_part p);
const char *dossier_part_label(enum dossier_part p);
int dossier_part_parse(const char *s); /* -1 if unknown */

#define DOSSIER_REASON_MAX 300 /* characters */

struct dossier_opts {
	bool json;
	const char *lang;                      /* "nl" (default) or "en" */
	bool leave_out[DOSSIER_PART_COUNT];
	const char *reason;                    /* required when a part is left out */
};

/* Write the dossier of a family. Teamleider only; recorded in the access log (with
 * the parts left out and the reason) before anything is written. */
enum casus_rc dossier_export(struct casus_ctx *ctx, const char *family_key,
	const struct dossier_opts *o, FILE *out, struct casus_err *err);

/* The access report alone, for the family (NEN 7513): every access to its dossier
 * with who (name and role), when, from where and why. Teamleider only; recorded. */
enum casus_rc access_report_export(struct casus_ctx *ctx, const char *family_key, bool json,
	const char *lang, FILE *out, struct casus_err *err);

#endif
