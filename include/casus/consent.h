/* Consent (toestemming) to share a person's data with a party for a purpose.
 * Whose consent counts depends on the person's age (Dutch consent bands):
 * under 12 the parents with authority decide; 12-15 the child and the parents;
 * 16 and over the person themself. Grants and withdrawals are kept, never deleted. */
#ifndef CASUS_CONSENT_H
#define CASUS_CONSENT_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"

enum consent_band {
	CONSENT_PARENTS,           /* under 12 */
	CONSENT_CHILD_AND_PARENTS, /* 12 to 15 */
	CONSENT_SELF,              /* 16 and over, or unknown age of an adult role */
};
/* The band for an age in years (age < 0: unknown, treated as CONSENT_SELF). */
enum consent_band consent_band_for_age(int age);
const char *consent_band_label(enum consent_band b); /* translated explanation */

struct consent {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	char person_id[CASUS_ID_LEN];
	char party_id[CASUS_ID_LEN];
	char given_by[CASUS_ID_LEN]; /* person id of who gave it */
	char purpose[300 * 4 + 1];
	char granted_on[11];
	char withdrawn_on[11];       /* "" while in force */
	int64_t rev;
};

/* Record consent given by given_by (the person or, by the age rule, a parent with
 * authority in the same family) for person to share with party. */
enum casus_rc consent_grant(struct casus_ctx *ctx, const char *person_id, const char *party_id,
	const char *given_by, const char *purpose, const char *granted_on, struct consent *out,
	struct casus_err *err);
/* Record withdrawal on a date (NULL or "": today; c->rev as read). On success c is
 * reloaded. */
enum casus_rc consent_withdraw(struct casus_ctx *ctx, struct consent *c, const char *on,
	struct casus_err *err);
/* One consent record by id. */
enum casus_rc consent_get(struct casus_ctx *ctx, const char *consent_id, struct consent *out,
	struct casus_err *err);
enum casus_rc consent_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct consent *c), void *arg, struct casus_err *err);

struct consent_status {
	bool valid;            /* all needed consents are in force */
	bool need_parent;      /* a parent's consent is needed and missing */
	bool need_self;        /* the person's own consent is needed and missing */
	enum consent_band band;
};
/* Whether sharing person's data with party is covered by consent today (for any
 * purpose). */
enum casus_rc consent_check(struct casus_ctx *ctx, const char *person_id, const char *party_id,
	struct consent_status *out, struct casus_err *err);
/* The same for one purpose (compared without regard to case; NULL: any purpose). */
enum casus_rc consent_check_for(struct casus_ctx *ctx, const char *person_id,
	const char *party_id, const char *purpose, struct consent_status *out,
	struct casus_err *err);

/* ---- sharing a document with a party ---- */

#define SHARE_GROUND_MAX 300 /* characters */

struct share_check {
	int persons;            /* members of the family whose data the document holds */
	int missing;            /* ... without valid consent for this party (and purpose) */
	char missing_names[600]; /* "Eva Jansen (parent's consent), Mees Jansen (own and parent's)" */
};
/* Which family members' consent to share with party is missing today. */
enum casus_rc consent_share_check(struct casus_ctx *ctx, const char *family_id,
	const char *party_id, const char *purpose, struct share_check *out,
	struct casus_err *err);
/* Record that a document (what: "plan", "meldcode", ...) of the family is shared with
 * party for purpose. When consent is missing for anyone, a legal ground is required
 * (e.g. "meldrecht Veilig Thuis (art. 5.2.6 Wmo 2015)") and recorded; without one it is
 * refused (CASUS_E_STATE, naming whose consent is missing) and nothing is recorded.
 * Writes an 'export' row with object 'share' and the party, purpose, consent state and
 * ground in its detail. */
enum casus_rc consent_share(struct casus_ctx *ctx, const char *family_id, const char *party_id,
	const char *what, const char *purpose, const char *legal_ground, struct casus_err *err);

#endif
