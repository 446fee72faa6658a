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
/* Whether sharing person's data with party is covered by consent today. */
enum casus_rc consent_check(struct casus_ctx *ctx, const char *person_id, const char *party_id,
	struct consent_status *out, struct casus_err *err);

#endif
