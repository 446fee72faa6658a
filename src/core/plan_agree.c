/* Instemming: recording who agreed to a draft (family members and professionals), how
 * and when; that freezes the version and supersedes the one agreed before. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "plan_priv.h"

static enum casus_rc check_agreement(const struct plan_agreement *a, struct casus_err *err)
{
	enum casus_rc r;
	if (!a || (unsigned)a->how >= AGREE_HOW_COUNT)
		return err_set(err, CASUS_E_INVALID,
			_("Say how the plan was agreed: in person, by phone or signed on paper."));
	if ((r = plan_check_date(_("The date of agreement"), a->on, false, true, err)))
		return r;
	if (a->n_persons == 0 || !a->person_ids)
		return err_set(err, CASUS_E_INVALID,
			_("The plan is the family's: name at least one family member who agreed."));
	if (a->n_parties && !a->party_ids)
		return err_set(err, CASUS_E_INVALID, _("The list of professionals is missing."));
	return CASUS_OK;
}

static const char SQL_SEQ[] =
	"SELECT p.edit_seq, p.touched_at, m.login, m.name FROM plan p"
	" LEFT JOIN member m ON m.id = p.touched_by WHERE p.id = ?1";
static const char SQL_GOALS[] = "SELECT count(*) FROM plan_goal WHERE plan_id = ?1";

/* The draft must be what the recorder saw, and must say what the family works on. */
static enum casus_rc check_draft(struct casus_ctx *ctx, const struct plan *p,
	const struct plan_head *h, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_SEQ, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	char at[21] = "", login[CASUS_LOGIN_MAX + 1] = "", name[PLAN_NAME_BUF] = "";
	int64_t seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	if (rc == SQLITE_ROW) {
		db_col_text(st, 1, at, sizeof at);
		db_col_text(st, 2, login, sizeof login);
		db_col_text(st, 3, name, sizeof name);
	}
	db_done(st);
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	if (seq != p->edit_seq)
		return err_set(err, CASUS_E_CONFLICT,
			_("The draft (version %d) was changed by %s (%s) at %s, after you opened it. "
			  "Nothing was recorded: look at the plan again so the agreement is for the "
			  "text the family saw."), h->version, name, login, at);
	if (!(st = db_stmt(ctx, SQL_GOALS, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	int goals = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	if (goals == 0)
		return err_set(err, CASUS_E_STATE,
			_("The plan has no goals yet. Write at least one goal with the family before "
			  "it is agreed."));
	return CASUS_OK;
}

/* Who agreed, looked up in the family so a name and role are kept as they were. */
static const char SQL_PERSON[] =
	"SELECT given_name || ' ' || family_name, role FROM person WHERE id = ?1 AND family_id = ?2";
static const char SQL_PARTY[] =
	"SELECT name, trim(coalesce(role, '') || CASE WHEN role IS NOT NULL AND organisation"
	" IS NOT NULL THEN ', ' ELSE '' END || coalesce(organisation, '')) FROM involved_party"
	" WHERE id = ?1 AND family_id = ?2 AND active = 1";
static const char SQL_ADD_AGREED[] =
	"INSERT INTO plan_agreed_by(id, plan_id, person_id, party_id, name, role, position)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING";

static enum casus_rc add_consenter(struct casus_ctx *ctx, const struct plan_head *h,
	const char *ref, bool person, int pos, struct casus_err *err)
{
	char name[300 * 4 + 1], role[300 * 4 + 1], id[CASUS_ID_LEN];
	sqlite3_stmt *st = db_stmt(ctx, person ? SQL_PERSON : SQL_PARTY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, ref ? ref : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, h->family_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, name, sizeof name);
		db_col_text(st, 1, role, sizeof role);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_INVALID, person
			? _("Only members of family %s can agree to its plan on the family's behalf.")
			: _("Only active involved parties of family %s can be recorded as agreeing."),
			h->case_no);
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	ids_new(id);
	if (!(st = db_stmt(ctx, SQL_ADD_AGREED, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, h->id, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 3, person ? ref : NULL);
	db_bind_text(st, 4, person ? NULL : ref);
	sqlite3_bind_text(st, 5, name, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 6, role);
	sqlite3_bind_int(st, 7, pos);
	return db_exec_stmt(ctx, st, err);
}

/* The agreed version before this one becomes superseded first: the partial unique
 * index allows only one agreed version per family. */
static const char SQL_SUPERSEDE[] =
	"UPDATE plan SET status = 'superseded', rev = rev + 1, updated_at = ?2, updated_by = ?3"
	" WHERE family_id = ?1 AND status = 'agreed'";
static const char SQL_AGREE[] =
	"UPDATE plan SET status = 'agreed', agreed_on = ?2, agreed_how = ?3, agreed_at = ?4,"
	" agreed_rec_by = ?5, rev = rev + 1, updated_at = ?4, updated_by = ?5"
	" WHERE id = ?1 AND status = 'draft'";

static enum casus_rc freeze(struct casus_ctx *ctx, const struct plan_head *h,
	const struct plan_agreement *a, struct casus_err *err)
{
	enum casus_rc r;
	char now[21], today[11];
	clock_now_iso(now);
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_SUPERSEDE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, h->family_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ctx->user.id, -1, SQLITE_TRANSIENT);
	if ((r = db_exec_stmt(ctx, st, err)) || !(st = db_stmt(ctx, SQL_AGREE, err)))
		return r ? r : err->rc;
	sqlite3_bind_text(st, 1, h->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, a->on && *a->on ? a->on : today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, plan_agree_how_name(a->how), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_TRANSIENT);
	if ((r = db_exec_stmt(ctx, st, err)))
		return r;
	char what[64];
	snprintf(what, sizeof what, "agreed (%s)", plan_agree_how_name(a->how));
	if ((r = plan_audit(ctx, AUDIT_UPDATE, h, "plan", h->id, what, err)))
		return r;
	return plan_sync_next_eval(ctx, h->family_id, err);
}

enum casus_rc plan_agree(struct casus_ctx *ctx, struct plan *p, const struct plan_agreement *a,
	struct casus_err *err)
{
	struct plan_head h;
	enum casus_rc r = check_agreement(a, err);
	if (r || (r = plan_write_begin(ctx, p->id, PLAN_WRITE_CONTENT, &h, err)))
		return r;
	r = check_draft(ctx, p, &h, err);
	int pos = 0;
	for (size_t i = 0; !r && i < a->n_persons; i++)
		r = add_consenter(ctx, &h, a->person_ids[i], true, ++pos, err);
	for (size_t i = 0; !r && i < a->n_parties; i++)
		r = add_consenter(ctx, &h, a->party_ids[i], false, ++pos, err);
	if (!r)
		r = freeze(ctx, &h, a, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	struct plan fresh = PLAN_INIT;
	if ((r = plan_get_by_id(ctx, h.id, &fresh, err)))
		return r;
	plan_clear(p);
	*p = fresh;
	return CASUS_OK;
}

static const char SQL_AGREED_EACH[] =
	"SELECT person_id, party_id, name, role FROM plan_agreed_by WHERE plan_id = ?1"
	" ORDER BY position";

enum casus_rc plan_agreed_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_consenter *c), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_AGREED_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id ? plan_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct plan_consenter c;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.is_person = sqlite3_column_type(st, 0) != SQLITE_NULL;
		db_col_text(st, c.is_person ? 0 : 1, c.ref_id, sizeof c.ref_id);
		db_col_text(st, 2, c.name, sizeof c.name);
		db_col_text(st, 3, c.role, sizeof c.role);
		if (fn(arg, &c))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}
