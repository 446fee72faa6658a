/* Consent (toestemming) to share a person's data with an involved party: recording
 * grants under the Dutch age bands, withdrawals, and today's status. Rows are never
 * deleted, so the dossier shows who agreed to what and until when. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/consent.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/text.h"

enum consent_band consent_band_for_age(int age)
{
	if (age < 0)
		return CONSENT_SELF;
	if (age < 12)
		return CONSENT_PARENTS;
	return age < 16 ? CONSENT_CHILD_AND_PARENTS : CONSENT_SELF;
}

const char *consent_band_label(enum consent_band b)
{
	switch (b) {
	case CONSENT_PARENTS:
		return _("under 12: the parents with authority (gezag) decide");
	case CONSENT_CHILD_AND_PARENTS:
		return _("12 to 15: the child and a parent with authority (gezag) both consent");
	case CONSENT_SELF:
		return _("16 or older: the person decides");
	}
	return "?";
}

static enum casus_rc require_member(struct casus_ctx *ctx, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	return CASUS_OK;
}

/* A strict date, not in the future; "" or NULL means today. */
static enum casus_rc check_date(const char *field, const char *d, char out[static 11],
	struct casus_err *err)
{
	char today[11];
	clock_today(today);
	if (!d || !*d) {
		memcpy(out, today, sizeof today);
		return CASUS_OK;
	}
	if (!clock_parse_date(d, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
			field, d);
	if (strcmp(d, today) > 0)
		return err_set(err, CASUS_E_INVALID, _("%s (%s) lies in the future."), field, d);
	memcpy(out, d, 11);
	return CASUS_OK;
}

/* Only parents, carers and a parent's partner can hold gezag (see person.c). */
static bool holds_authority(const struct person *g)
{
	return g->authority && (g->role == PERSON_OUDER || g->role == PERSON_VERZORGER
		|| g->role == PERSON_PARTNER);
}

/* The band of p on date on. A child whose birth date is unknown has no band
 * (returns -1): guessing could let a young child consent alone. */
static int band_on(const struct person *p, const char *on)
{
	if (!p->birth_date[0])
		return p->role == PERSON_KIND ? -1 : (int)CONSENT_SELF;
	return (int)consent_band_for_age(clock_age_years(p->birth_date, on));
}

/* May g give consent for p on date on? */
static enum casus_rc check_giver(const struct person *p, const struct person *g,
	const char *on, struct casus_err *err)
{
	if (strcmp(p->family_id, g->family_id) != 0)
		return err_set(err, CASUS_E_INVALID,
			_("%s belongs to another family and cannot give consent for %s."),
			g->given_name, p->given_name);
	if (p->birth_date[0] && strcmp(on, p->birth_date) < 0)
		return err_set(err, CASUS_E_INVALID, _("The date of consent (%s) lies before %s's "
			"birth date."), on, p->given_name);
	int band = band_on(p, on);
	if (band < 0)
		return err_set(err, CASUS_E_STATE,
			_("%s's birth date is not recorded. Whose consent counts depends on age; "
			  "record the birth date first."), p->given_name);
	bool self = strcmp(p->id, g->id) == 0;
	if (self && band == CONSENT_PARENTS)
		return err_set(err, CASUS_E_INVALID,
			_("%s is under 12 and cannot give consent; a parent with authority (gezag) "
			  "decides."), p->given_name);
	if (!self && band == CONSENT_SELF)
		return err_set(err, CASUS_E_INVALID,
			_("%s is 16 or older (or an adult) and decides alone; %s cannot give consent "
			  "for them."), p->given_name, g->given_name);
	if (!self && !holds_authority(g))
		return err_set(err, CASUS_E_INVALID,
			_("%s cannot give consent for %s: only the person or a parent or carer with "
			  "authority (gezag) can."), g->given_name, p->given_name);
	return CASUS_OK;
}

#define CONSENT_COLS \
	"id, family_id, person_id, party_id, given_by, purpose, granted_on, withdrawn_on, rev"

static void read_consent(sqlite3_stmt *st, struct consent *c)
{
	memset(c, 0, sizeof *c);
	db_col_text(st, 0, c->id, sizeof c->id);
	db_col_text(st, 1, c->family_id, sizeof c->family_id);
	db_col_text(st, 2, c->person_id, sizeof c->person_id);
	db_col_text(st, 3, c->party_id, sizeof c->party_id);
	db_col_text(st, 4, c->given_by, sizeof c->given_by);
	db_col_text(st, 5, c->purpose, sizeof c->purpose);
	db_col_text(st, 6, c->granted_on, sizeof c->granted_on);
	db_col_text(st, 7, c->withdrawn_on, sizeof c->withdrawn_on);
	c->rev = sqlite3_column_int64(st, 8);
}

static const char SQL_GET[] = "SELECT " CONSENT_COLS " FROM consent WHERE id = ?1";

enum casus_rc consent_get(struct casus_ctx *ctx, const char *consent_id, struct consent *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, consent_id ? consent_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_consent(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no consent record with id %.40s."),
			consent_id ? consent_id : "");
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_EACH[] =
	"SELECT " CONSENT_COLS " FROM consent WHERE family_id = ?1 ORDER BY granted_on, rowid";

enum casus_rc consent_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct consent *c), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct consent c;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_consent(st, &c);
		if (fn(arg, &c))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- granting ---- */

static const char SQL_DUPLICATE[] =
	"SELECT count(*) FROM consent WHERE person_id = ?1 AND party_id = ?2 AND given_by = ?3"
	" AND purpose = ?4 AND withdrawn_on IS NULL";
static const char SQL_INSERT[] =
	"INSERT INTO consent(id, family_id, person_id, party_id, given_by, purpose, granted_on,"
	" recorded_by, created_at, rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?9, ?8)";

/* The people and party a grant is about, looked up inside the transaction. */
struct grant {
	struct person p, g;
	struct party party;
	const char *purpose;
	char on[11];
};

/* Everything about a grant that needs the database: same family, open, allowed giver,
 * not already recorded. */
static enum casus_rc check_grant(struct casus_ctx *ctx, const char *person_id,
	const char *party_id, const char *given_by, struct grant *g, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = person_get(ctx, person_id, &g->p, err)) || (r = person_get(ctx, given_by, &g->g, err))
	    || (r = party_get(ctx, party_id, &g->party, err))
	    || (r = family_require_open(ctx, g->p.family_id, err)))
		return r;
	if (strcmp(g->party.family_id, g->p.family_id) != 0)
		return err_set(err, CASUS_E_INVALID,
			_("%s is an involved party of another family."), g->party.name);
	if (!g->party.active)
		return err_set(err, CASUS_E_STATE,
			_("%s is no longer involved; consent to share with them cannot be added."),
			g->party.name);
	if ((r = check_giver(&g->p, &g->g, g->on, err)))
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_DUPLICATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, g->p.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, g->party.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, g->g.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, g->purpose, -1, SQLITE_STATIC);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	if (n > 0)
		return err_set(err, CASUS_E_EXISTS,
			_("This consent of %s is already recorded and in force."), g->g.given_name);
	return CASUS_OK;
}

static enum casus_rc insert_grant(struct casus_ctx *ctx, const char *id, const struct grant *g,
	struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, g->p.family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, g->p.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, g->party.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, g->g.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, g->purpose, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, g->on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, ctx->user.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc consent_grant(struct casus_ctx *ctx, const char *person_id, const char *party_id,
	const char *given_by, const char *purpose, const char *granted_on, struct consent *out,
	struct casus_err *err)
{
	enum casus_rc r;
	struct grant g = { .purpose = purpose };
	if ((r = require_member(ctx, err))
	    || (r = text_check(_("The purpose"), purpose, 300, TEXT_LINE, err))
	    || (r = check_date(_("The date of consent"), granted_on, g.on, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	char id[CASUS_ID_LEN], detail[128];
	ids_new(id);
	if ((r = check_grant(ctx, person_id, party_id, given_by, &g, err)))
		goto fail;
	snprintf(detail, sizeof detail, "person %s party %s given by %s", g.p.id, g.party.id,
		strcmp(g.p.id, g.g.id) == 0 ? "self" : "parent");
	if ((r = insert_grant(ctx, id, &g, err))
	    || (r = audit_log(ctx, AUDIT_CREATE, g.p.family_id, "consent", id, detail, err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? consent_get(ctx, id, out, err) : CASUS_OK;
fail:
	db_rollback(ctx);
	return r;
}

/* ---- withdrawal ---- */

static const char SQL_WHO_CHANGED[] =
	"SELECT c.updated_at, m.login, m.name FROM consent c"
	" LEFT JOIN member m ON m.id = c.updated_by WHERE c.id = ?1";


static const char SQL_WITHDRAW[] =
	"UPDATE consent SET withdrawn_on = ?3, rev = rev + 1, updated_at = ?4, updated_by = ?5"
	" WHERE id = ?1 AND rev = ?2";

static enum casus_rc write_withdrawal(struct casus_ctx *ctx, const struct consent *c,
	const char *on, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_WITHDRAW, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->rev);
	sqlite3_bind_text(st, 3, on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_STATIC);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0) {
		db_conflict(ctx, SQL_WHO_CHANGED, c->id, _("This consent"),
			_("This consent record no longer exists."), err);
		r = CASUS_E_CONFLICT;
	}
	return r;
}

enum casus_rc consent_withdraw(struct casus_ctx *ctx, struct consent *c, const char *on,
	struct casus_err *err)
{
	enum casus_rc r;
	char date[11];
	if ((r = require_member(ctx, err))
	    || (r = check_date(_("The date of withdrawal"), on, date, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	struct consent cur;
	if ((r = consent_get(ctx, c->id, &cur, err))
	    || (r = family_require_open(ctx, cur.family_id, err)))
		goto fail;
	if (cur.withdrawn_on[0] && cur.rev == c->rev) {
		r = err_set(err, CASUS_E_STATE, _("This consent was already withdrawn on %s."),
			cur.withdrawn_on);
		goto fail;
	}
	/* The stored grant date counts, not the caller's copy. */
	if (strcmp(date, cur.granted_on) < 0) {
		r = err_set(err, CASUS_E_INVALID,
			_("The date of withdrawal (%s) lies before the date consent was given (%s)."),
			date, cur.granted_on);
		goto fail;
	}
	if ((r = write_withdrawal(ctx, c, date, err))
	    || (r = audit_log(ctx, AUDIT_UPDATE, cur.family_id, "consent", c->id, "withdrawn",
			err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return consent_get(ctx, c->id, c, err);
fail:
	db_rollback(ctx);
	return r;
}

/* ---- today's status ---- */

/* Grants in force today, split into the person's own and those of someone who holds
 * gezag now: a parent whose authority has since ended no longer speaks for the child. */
static const char SQL_IN_FORCE[] =
	"SELECT coalesce(sum(c.given_by = c.person_id), 0),"
	" coalesce(sum(c.given_by <> c.person_id AND g.authority = 1"
	"   AND g.role IN ('ouder', 'verzorger', 'partner')), 0)"
	" FROM consent c JOIN person g ON g.id = c.given_by"
	" WHERE c.person_id = ?1 AND c.party_id = ?2 AND c.granted_on <= ?3"
	" AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ?3)"
	" AND (?4 IS NULL OR lower(c.purpose) = lower(?4))";

enum casus_rc consent_check(struct casus_ctx *ctx, const char *person_id, const char *party_id,
	struct consent_status *out, struct casus_err *err)
{
	return consent_check_for(ctx, person_id, party_id, NULL, out, err);
}

enum casus_rc consent_check_for(struct casus_ctx *ctx, const char *person_id,
	const char *party_id, const char *purpose, struct consent_status *out,
	struct casus_err *err)
{
	enum casus_rc r;
	struct person p;
	struct party party;
	char today[11];
	clock_today(today);
	if ((r = person_get(ctx, person_id, &p, err)) || (r = party_get(ctx, party_id, &party, err)))
		return r;
	if (strcmp(party.family_id, p.family_id) != 0)
		return err_set(err, CASUS_E_INVALID,
			_("%s is an involved party of another family."), party.name);
	sqlite3_stmt *st = db_stmt(ctx, SQL_IN_FORCE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, p.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, party.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, today, -1, SQLITE_STATIC);
	db_bind_text(st, 4, purpose);
	int rc = sqlite3_step(st);
	bool self = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	bool parent = rc == SQLITE_ROW && sqlite3_column_int(st, 1) > 0;
	db_done(st);
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	/* A child of unknown age needs both: the strictest band, until the date is known. */
	int band = band_on(&p, today);
	out->band = band < 0 ? CONSENT_CHILD_AND_PARENTS : (enum consent_band)band;
	out->need_self = out->band != CONSENT_PARENTS && !self;
	out->need_parent = out->band != CONSENT_SELF && !parent;
	out->valid = !out->need_self && !out->need_parent;
	return CASUS_OK;
}
