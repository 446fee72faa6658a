/* Involved parties of a family: network members (grandparents, neighbours, ...) and
 * professionals with their organisation and contact. */
#ifndef CASUS_PARTY_H
#define CASUS_PARTY_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"

enum party_kind { PARTY_NETWERK, PARTY_PROFESSIONAL };
const char *party_kind_name(enum party_kind k);
int party_kind_parse(const char *s);

struct party {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	enum party_kind kind;
	char name[200 * 4 + 1];
	char organisation[200 * 4 + 1];
	char role[200 * 4 + 1];
	char contact[300 * 4 + 1];
	bool active;
	int64_t rev;
};

struct party_new {
	enum party_kind kind;
	const char *name;         /* required */
	const char *organisation; /* optional; professionals usually have one */
	const char *role;         /* "oma", "huisarts", "ambulant hulpverlener", ... */
	const char *contact;      /* phone / e-mail; hidden in privacy mode */
};

enum casus_rc party_add(struct casus_ctx *ctx, const char *family_id, const struct party_new *in,
	struct party *out, struct casus_err *err);
/* Save fields of p (including active = false when no longer involved); p->rev as read. */
enum casus_rc party_update(struct casus_ctx *ctx, struct party *p, struct casus_err *err);
enum casus_rc party_get(struct casus_ctx *ctx, const char *party_id, struct party *out,
	struct casus_err *err);
enum casus_rc party_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct party *p), void *arg, struct casus_err *err);

#endif
