/* Persons in a family (parents, carers, children, partners, housemates), with their
 * birth date and an optional BSN that must pass the elfproef. The BSN is never part of
 * struct person: it is read only through person_reveal_bsn(), which is logged. */
#ifndef CASUS_PERSON_H
#define CASUS_PERSON_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"
#include "casus/family.h"

enum person_role { PERSON_OUDER, PERSON_VERZORGER, PERSON_KIND, PERSON_PARTNER,
	PERSON_HUISGENOOT, PERSON_ROLE_COUNT };
const char *person_role_name(enum person_role r);  /* stored form: "ouder" */
const char *person_role_label(enum person_role r); /* translated */
int person_role_parse(const char *s);             /* -1 if unknown */

/* The elfproef (mod-11 check) for a 9-digit BSN; false for anything else. */
bool bsn_valid(const char *bsn);
/* "******782"-style mask: only the last 3 digits (out >= 10 bytes); "" for no BSN,
 * all stars for anything that is not 9 characters. */
void bsn_mask(const char *bsn, char out[static 10]);

struct person {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	char given_name[100 * 4 + 1];
	char family_name[100 * 4 + 1];
	char birth_date[11]; /* "" when unknown */
	enum person_role role;
	bool authority;      /* parent with parental authority (gezag) */
	bool has_bsn;
	int64_t rev;
};

struct person_new {
	const char *given_name;
	const char *family_name;
	const char *birth_date; /* optional; not in the future */
	enum person_role role;
	bool authority;
	const char *bsn;        /* optional; must pass the elfproef */
};

/* Add a person to an open family (family_id: id or case number). Authority (gezag)
 * is refused for a kind or huisgenoot. out may be NULL. */
enum casus_rc person_add(struct casus_ctx *ctx, const char *family_id,
	const struct person_new *in, struct person *out, struct casus_err *err);
/* Save p's names, birth date, role and authority; p->rev as read (conflict otherwise). */
enum casus_rc person_update(struct casus_ctx *ctx, struct person *p, struct casus_err *err);
/* Set or clear (bsn NULL) the BSN. */
enum casus_rc person_set_bsn(struct casus_ctx *ctx, struct person *p, const char *bsn,
	struct casus_err *err);
/* Read the BSN for display: writes an access-log 'reveal' row in the same
 * transaction (no row, no BSN). CASUS_E_NOTFOUND when none is recorded. */
enum casus_rc person_reveal_bsn(struct casus_ctx *ctx, const char *person_id,
	char out[static 10], struct casus_err *err);
enum casus_rc person_get(struct casus_ctx *ctx, const char *person_id, struct person *out,
	struct casus_err *err);
/* Persons of a family: parents/carers first, then children oldest first. */
enum casus_rc person_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct person *p), void *arg, struct casus_err *err);
/* Age in whole years on today's date, or -1 when the birth date is unknown. */
int person_age(const struct person *p);

#endif
