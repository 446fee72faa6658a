/* Team members: who may use this team database, in which role. Members who leave
 * are deactivated, never deleted, so the record of what they did stays readable. */
#ifndef CASUS_MEMBER_H
#define CASUS_MEMBER_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"

struct member {
	char id[CASUS_ID_LEN];
	char login[CASUS_LOGIN_MAX + 1];
	char name[CASUS_NAME_MAX * 4 + 1];
	enum member_role role;
	bool aandacht;
	bool active;
	int64_t rev;
	int caseload; /* families with this member as regievoerder (member_each only) */
};

const char *member_role_name(enum member_role role); /* "coach", ... (stored form) */
const char *member_role_label(enum member_role role); /* translated, for display */
/* Parse "coach", "gedragswetenschapper", "teamleider" (also "gw", "tl"); -1 if unknown. */
int member_role_parse(const char *s);

/* Add a member. Only a teamleider may; the very first member of a new team (casus
 * init) is added by casus itself as teamleider. */
enum casus_rc member_add(struct casus_ctx *ctx, const char *login, const char *name,
	enum member_role role, bool aandacht, struct member *out, struct casus_err *err);
/* Bootstrap: the first member of an empty team, as teamleider (no acting user yet). */
enum casus_rc member_add_first(struct casus_ctx *ctx, const char *login, const char *name,
	struct member *out, struct casus_err *err);

struct member_change {
	int role;      /* -1: unchanged */
	int aandacht;  /* -1: unchanged */
	int active;    /* -1: unchanged; 0 deactivates */
	const char *name; /* NULL: unchanged */
};
/* Change a member (teamleider only). A team never loses its last active teamleider. */
enum casus_rc member_change(struct casus_ctx *ctx, const char *login,
	const struct member_change *ch, struct member *out, struct casus_err *err);

enum casus_rc member_get_by_login(struct casus_ctx *ctx, const char *login, struct member *out,
	struct casus_err *err);
enum casus_rc member_get(struct casus_ctx *ctx, const char *id, struct member *out,
	struct casus_err *err);
/* Every member, active first then by name; fn returns non-zero to stop. */
enum casus_rc member_each(struct casus_ctx *ctx, bool include_inactive,
	int (*fn)(void *arg, const struct member *m), void *arg, struct casus_err *err);

/* Permission helpers (check the acting user). */
bool member_is(struct casus_ctx *ctx, enum member_role role);
enum casus_rc member_require(struct casus_ctx *ctx, enum member_role role, const char *what,
	struct casus_err *err);

#endif
