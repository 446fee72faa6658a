/* Retention and destruction of dossiers (Jeugdwet art. 7.3.8–7.3.9, AVG art. 17).
 *
 * A closed family's dossier is kept for the retention term (setting retention.years)
 * after the case was closed. Past the term, or earlier when the family asked for
 * destruction (a request recorded here), a teamleider can destroy it: every row about
 * the family is removed in one transaction, the access-log rows about it are redacted
 * (kept in the hash chain without family, object or detail), and one 'destroy' row
 * records when, by whom and why — with no personal data. The case number is never
 * given out again. */
#ifndef CASUS_RETENTION_H
#define CASUS_RETENTION_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"

#define RETENTION_REASON_MAX 300 /* characters */

struct retention_row {
	char family_id[CASUS_ID_LEN];
	char case_no[16];
	char display_name[200 * 4 + 1];
	char closed_on[11];     /* "" while the case is open */
	char keep_until[11];    /* closed_on + the retention term; "" while open */
	bool past_term;
	char requested_on[11];  /* the newest request for early destruction, or "" */
	char requested_by[200 * 4 + 1];
};

/* The date until which a dossier closed on closed_on must be kept ("" if not closed). */
void retention_keep_until(struct casus_ctx *ctx, const char *closed_on, char out[static 11]);

/* Families past the retention term and families with a request for early destruction,
 * by case number. Teamleider only. */
enum casus_rc retention_each(struct casus_ctx *ctx,
	int (*fn)(void *arg, const struct retention_row *row), void *arg, struct casus_err *err);

/* Record that requested_by (e.g. "moeder", "Sanne (17)") asked on requested_on
 * (NULL: today) to destroy the family's dossier early. Any active member may record
 * one; audited. */
enum casus_rc retention_request(struct casus_ctx *ctx, const char *case_no_or_id,
	const char *requested_by, const char *requested_on, const char *reason,
	struct casus_err *err);

/* Destroy the dossier of a closed family that is past the retention term or has a
 * request for early destruction. Teamleider only; reason is required and must not
 * hold personal data (it stays in the access log). confirm_case_no must repeat the
 * case number (the second confirmation). On success *destroy_seq (may be NULL) is the
 * access-log row that records the destruction. */
enum casus_rc retention_destroy(struct casus_ctx *ctx, const char *case_no,
	const char *confirm_case_no, const char *reason, int64_t *destroy_seq,
	struct casus_err *err);

#endif
