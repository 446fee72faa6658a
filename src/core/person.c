/* Persons in a family: adding and changing them with optimistic concurrency, the BSN
 * (elfproef, masking, logged reveal) and the family order used by every listing.
 * The BSN is written here and read back only by person_reveal_bsn(), so that no
 * listing or struct can leak it onto a shared screen by accident. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/person.h"
#include "casus/text.h"

#define PERSON_NAME_MAX 100

static const char *const role_names[] = { "ouder", "verzorger", "kind", "partner",
	"huisgenoot" };

const char *person_role_name(enum person_role r)
{
	return (unsigned)r < PERSON_ROLE_COUNT ? role_names[r] : "?";
}

const char *person_role_label(enum person_role r)
{
	switch (r) {
	case PERSON_OUDER: return _("ouder");
	case PERSON_VERZORGER: return _("verzorger");
	case PERSON_KIND: return _("kind");
	case PERSON_PARTNER: return _("partner");
	case PERSON_HUISGENOOT: return _("huisgenoot");
	default: return "?";
	}
}

int person_role_parse(const char *s)
{
	for (int i = 0; s && i < PERSON_ROLE_COUNT; i++)
		if (strcmp(s, role_names[i]) == 0)
			return i;
	return -1;
}

/* ---- BSN ---- */

bool bsn_valid(const char *bsn)
{
	if (!bsn || strlen(bsn) != 9)
		return false;
	int sum = 0;
	bool nonzero = false;
	for (int i = 0; i < 9; i++) {
		if (bsn[i] < '0' || bsn[i] > '9')
			return false;
		int d = bsn[i] - '0';
		nonzero |= d != 0;
		/* weights 9..2 for the first eight digits, -1 for the check digit */
		sum += i < 8 ? d * (9 - i) : -d;
	}
	/* 000000000 passes the arithmetic but is no BSN. */
	return nonzero && sum % 11 == 0;
}

void bsn_mask(const char *bsn, char out[static 10])
{
	if (!bsn || !*bsn) {
		out[0] = '\0';
		return;
	}
	/* Show the last 3 digits only of something that looks like a BSN; anything else
	 * is masked completely rather than partly leaked. */
	memcpy(out, "*********", 10);
	if (strlen(bsn) == 9)
		memcpy(out + 6, bsn + 6, 3);
}

/* ---- validation ---- */

static enum casus_rc require_member(struct casus_ctx *ctx, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	return CASUS_OK;
}

static enum casus_rc check_birth_date(const char *d, struct casus_err *err)
{
	char today[11];
	if (!d || !*d)
		return CASUS_OK;
	if (!clock_parse_date(d, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
			_("The birth date"), d);
	clock_today(today);
	if (strcmp(d, today) > 0)
		return err_set(err, CASUS_E_INVALID, _("%s (%s) lies in the future."),
			_("The birth date"), d);
	return CASUS_OK;
}

static enum casus_rc check_bsn(const char *bsn, struct casus_err *err)
{
	/* The message never repeats the number: errors may be shown on a shared screen. */
	if (bsn && *bsn && !bsn_valid(bsn))
		return err_set(err, CASUS_E_INVALID,
			_("The BSN is not valid: a BSN has 9 digits and must pass the elfproef."));
	return CASUS_OK;
}

static enum casus_rc check_person(const char *given, const char *family, const char *birth,
	enum person_role role, bool authority, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = text_check(_("The given name"), given, PERSON_NAME_MAX, TEXT_LINE, err))
	    || (r = text_check(_("The family name"), family, PERSON_NAME_MAX, TEXT_LINE, err))
	    || (r = check_birth_date(birth, err)))
		return r;
	if ((unsigned)role >= PERSON_ROLE_COUNT)
		return err_set(err, CASUS_E_INVALID,
			_("The role in the family must be ouder, verzorger, kind, partner or "
			  "huisgenoot."));
	/* Gezag belongs to parents and carers; a parent's partner can share it by court
	 * order (gezamenlijk gezag). A child or housemate never has it. */
	if (authority && (role == PERSON_KIND || role == PERSON_HUISGENOOT))
		return err_set(err, CASUS_E_INVALID,
			_("Parental authority (gezag) is for a parent, carer or partner, not for a %s."),
			person_role_label(role));
	return CASUS_OK;
}

/* ---- reading ---- */

#define PERSON_COLS \
	"id, family_id, given_name, family_name, birth_date, role, authority," \
	" bsn IS NOT NULL, rev"

static void read_person(sqlite3_stmt *st, struct person *p)
{
	memset(p, 0, sizeof *p);
	db_col_text(st, 0, p->id, sizeof p->id);
	db_col_text(st, 1, p->family_id, sizeof p->family_id);
	db_col_text(st, 2, p->given_name, sizeof p->given_name);
	db_col_text(st, 3, p->family_name, sizeof p->family_name);
	db_col_text(st, 4, p->birth_date, sizeof p->birth_date);
	int role = person_role_parse((const char *)sqlite3_column_text(st, 5));
	p->role = role < 0 ? PERSON_HUISGENOOT : (enum person_role)role;
	p->authority = sqlite3_column_int(st, 6);
	p->has_bsn = sqlite3_column_int(st, 7);
	p->rev = sqlite3_column_int64(st, 8);
}

static const char SQL_GET[] = "SELECT " PERSON_COLS " FROM person WHERE id = ?1";

enum casus_rc person_get(struct casus_ctx *ctx, const char *person_id, struct person *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, person_id ? person_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_person(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no person with id %.40s."),
			person_id ? person_id : "");
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

/* Parents and carers first, then partners and housemates, then the children; within
 * each role the oldest first, unknown birth dates last. */
static const char SQL_EACH[] =
	"SELECT " PERSON_COLS " FROM person WHERE family_id = ?1"
	" ORDER BY CASE role WHEN 'ouder' THEN 0 WHEN 'verzorger' THEN 1 WHEN 'partner' THEN 2"
	" WHEN 'huisgenoot' THEN 3 ELSE 4 END, birth_date IS NULL, birth_date, given_name, rowid";

enum casus_rc person_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct person *p), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct person p;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_person(st, &p);
		if (fn(arg, &p))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

int person_age(const struct person *p)
{
	char today[11];
	if (!p || !p->birth_date[0])
		return -1;
	clock_today(today);
	return clock_age_years(p->birth_date, today);
}

/* ---- adding ---- */

static const char SQL_INSERT[] =
	"INSERT INTO person(id, family_id, given_name, family_name, birth_date, role, authority,"
	" bsn, created_at, rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?9, ?10)";

static enum casus_rc insert_person(struct casus_ctx *ctx, const char *id, const char *family_id,
	const struct person_new *in, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, in->given_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->family_name, -1, SQLITE_STATIC);
	db_bind_text(st, 5, in->birth_date);
	sqlite3_bind_text(st, 6, person_role_name(in->role), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, in->authority);
	db_bind_text(st, 8, in->bsn);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc person_add(struct casus_ctx *ctx, const char *family_id,
	const struct person_new *in, struct person *out, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = require_member(ctx, err))
	    || (r = check_person(in->given_name, in->family_name, in->birth_date, in->role,
			in->authority, err))
	    || (r = check_bsn(in->bsn, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	if ((r = family_require_open(ctx, family_id, err)))
		goto fail;
	char id[CASUS_ID_LEN], detail[64];
	ids_new(id);
	/* Family id from the stored row: the caller may have passed a case number. */
	struct family f;
	if ((r = family_get(ctx, family_id, &f, err)))
		goto fail;
	snprintf(detail, sizeof detail, "role %s%s", person_role_name(in->role),
		in->bsn && *in->bsn ? " with bsn" : "");
	if ((r = insert_person(ctx, id, f.id, in, err))
	    || (r = family_fts_refresh(ctx, f.id, err))
	    || (r = audit_log(ctx, AUDIT_CREATE, f.id, "person", id, detail, err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? person_get(ctx, id, out, err) : CASUS_OK;
fail:
	db_rollback(ctx);
	return r;
}

/* ---- optimistic concurrency ---- */

static const char SQL_WHO_CHANGED[] =
	"SELECT p.updated_at, m.login, m.name, p.given_name || ' ' || p.family_name FROM person p"
	" LEFT JOIN member m ON m.id = p.updated_by WHERE p.id = ?1";


/* Start a change of an existing person: identified user, open transaction, and the
 * stored family (which must not be closed) in family_id. */
static enum casus_rc change_begin(struct casus_ctx *ctx, const char *person_id,
	char family_id[static CASUS_ID_LEN], struct casus_err *err)
{
	enum casus_rc r;
	struct person cur;
	if ((r = require_member(ctx, err)) || (r = db_begin(ctx, err)))
		return r;
	if ((r = person_get(ctx, person_id, &cur, err))
	    || (r = family_require_open(ctx, cur.family_id, err))) {
		db_rollback(ctx);
		return r;
	}
	memcpy(family_id, cur.family_id, CASUS_ID_LEN);
	return CASUS_OK;
}

/* Finish a change: conflict check, refresh of the search index, audit, commit and
 * reload of p. Rolls back on any failure. */
static enum casus_rc change_end(struct casus_ctx *ctx, struct person *p, const char *family_id,
	const char *what, struct casus_err *err)
{
	enum casus_rc r;
	if (sqlite3_changes(ctx->db) == 0) {
		db_conflict(ctx, SQL_WHO_CHANGED, p->id, NULL,
			_("This person no longer exists."), err);
		r = CASUS_E_CONFLICT;
		goto fail;
	}
	if ((r = family_fts_refresh(ctx, family_id, err))
	    || (r = audit_log(ctx, AUDIT_UPDATE, family_id, "person", p->id, what, err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return person_get(ctx, p->id, p, err);
fail:
	db_rollback(ctx);
	return r;
}

static const char SQL_UPDATE[] =
	"UPDATE person SET given_name = ?3, family_name = ?4, birth_date = ?5, role = ?6,"
	" authority = ?7, rev = rev + 1, updated_at = ?8, updated_by = ?9"
	" WHERE id = ?1 AND rev = ?2";

enum casus_rc person_update(struct casus_ctx *ctx, struct person *p, struct casus_err *err)
{
	enum casus_rc r;
	char family_id[CASUS_ID_LEN], now[21];
	if ((r = check_person(p->given_name, p->family_name, p->birth_date, p->role, p->authority,
		     err))
	    || (r = change_begin(ctx, p->id, family_id, err)))
		return r;
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st) {
		db_rollback(ctx);
		return err->rc;
	}
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, p->rev);
	sqlite3_bind_text(st, 3, p->given_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->family_name, -1, SQLITE_STATIC);
	db_bind_text(st, 5, p->birth_date);
	sqlite3_bind_text(st, 6, person_role_name(p->role), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, p->authority);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, ctx->user.id, -1, SQLITE_STATIC);
	if ((r = db_exec_stmt(ctx, st, err))) {
		db_rollback(ctx);
		return r;
	}
	return change_end(ctx, p, family_id, "details", err);
}

static const char SQL_SET_BSN[] =
	"UPDATE person SET bsn = ?3, rev = rev + 1, updated_at = ?4, updated_by = ?5"
	" WHERE id = ?1 AND rev = ?2";

enum casus_rc person_set_bsn(struct casus_ctx *ctx, struct person *p, const char *bsn,
	struct casus_err *err)
{
	enum casus_rc r;
	char family_id[CASUS_ID_LEN], now[21];
	if ((r = check_bsn(bsn, err)) || (r = change_begin(ctx, p->id, family_id, err)))
		return r;
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_SET_BSN, err);
	if (!st) {
		db_rollback(ctx);
		return err->rc;
	}
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, p->rev);
	db_bind_text(st, 3, bsn);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_STATIC);
	if ((r = db_exec_stmt(ctx, st, err))) {
		db_rollback(ctx);
		return r;
	}
	return change_end(ctx, p, family_id, bsn && *bsn ? "bsn set" : "bsn cleared", err);
}

/* ---- the logged reveal ---- */

static const char SQL_BSN[] =
	"SELECT p.bsn, p.family_id, coalesce(f.regie_id, '') FROM person p"
	" JOIN family f ON f.id = p.family_id WHERE p.id = ?1";

enum casus_rc person_reveal_bsn(struct casus_ctx *ctx, const char *person_id,
	char out[static 10], struct casus_err *err)
{
	enum casus_rc r;
	char bsn[10] = "", family_id[CASUS_ID_LEN] = "", regie[CASUS_ID_LEN] = "";
	out[0] = '\0';
	/* Read and log in one transaction: a BSN is never shown without its log row. */
	if ((r = require_member(ctx, err)) || (r = db_begin(ctx, err)))
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_BSN, err);
	if (!st) {
		db_rollback(ctx);
		return err->rc;
	}
	sqlite3_bind_text(st, 1, person_id ? person_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, bsn, sizeof bsn);
		db_col_text(st, 1, family_id, sizeof family_id);
		db_col_text(st, 2, regie, sizeof regie);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		r = err_set(err, CASUS_E_NOTFOUND, _("There is no person with id %.40s."),
			person_id ? person_id : "");
	else if (rc != SQLITE_ROW)
		r = db_fail(ctx, rc, err);
	/* The right to see the number: the family's regievoerder (who needs it for a
	 * referral or a melding) and the teamleider. */
	else if (strcmp(regie, ctx->user.id) != 0 && !member_is(ctx, ROLE_TEAMLEIDER))
		r = err_set(err, CASUS_E_PERM, _("Only the family's regievoerder or a teamleider may "
			"see a BSN."));
	else if (!bsn[0])
		r = err_set(err, CASUS_E_NOTFOUND, _("No BSN is recorded for this person."));
	else
		r = audit_log(ctx, AUDIT_REVEAL, family_id, "person", person_id, "bsn", err);
	if (r || (r = db_commit(ctx, err))) {
		db_rollback(ctx);
		return r;
	}
	memcpy(out, bsn, sizeof bsn);
	return CASUS_OK;
}
