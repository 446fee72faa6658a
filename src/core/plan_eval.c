/* Evaluaties: planned on dates fixed in advance, held with an outcome and the next date.
 * Evaluations are planned and held on the agreed version while the plan is carried
 * out (and copied into an open draft); family.next_eval_on, which the case list shows
 * and sorts by, is kept in step in the same transaction as every change here. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/text.h"
#include "plan_priv.h"

#define EVAL_COLS \
	"e.id, e.plan_id, e.derived_from, e.planned_on, e.held_on, e.outcome, e.next_on, e.rev," \
	" e.updated_at, m.login, m.name FROM plan_evaluation e" \
	" LEFT JOIN member m ON m.id = e.updated_by"

static void read_eval(sqlite3_stmt *st, struct plan_eval *e)
{
	memset(e, 0, sizeof *e);
	db_col_text(st, 0, e->id, sizeof e->id);
	db_col_text(st, 1, e->plan_id, sizeof e->plan_id);
	db_col_text(st, 2, e->derived_from, sizeof e->derived_from);
	db_col_text(st, 3, e->planned_on, sizeof e->planned_on);
	db_col_text(st, 4, e->held_on, sizeof e->held_on);
	db_col_text(st, 5, e->outcome, sizeof e->outcome);
	db_col_text(st, 6, e->next_on, sizeof e->next_on);
	e->rev = sqlite3_column_int64(st, 7);
	db_col_text(st, 8, e->updated_at, sizeof e->updated_at);
	db_col_text(st, 9, e->updated_by_login, sizeof e->updated_by_login);
	db_col_text(st, 10, e->updated_by_name, sizeof e->updated_by_name);
}

static const char SQL_GET[] = "SELECT " EVAL_COLS " WHERE e.id = ?1";
static const char SQL_EACH[] =
	"SELECT " EVAL_COLS " WHERE e.plan_id = ?1 ORDER BY e.planned_on, e.rowid";

static enum casus_rc eval_get(struct casus_ctx *ctx, const char *id, struct plan_eval *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_eval(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This evaluation is no longer in the plan."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc plan_eval_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_eval *e), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id ? plan_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct plan_eval e;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_eval(st, &e);
		if (fn(arg, &e))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- family.next_eval_on ---- */

/* The next evaluation is the earliest one not yet held in the version in force (the
 * agreed one), or in the draft while nothing is agreed yet. Overdue ones count: the
 * case list must show them first. */
static const char SQL_NEXT[] =
	"SELECT min(e.planned_on) FROM plan_evaluation e JOIN plan p ON p.id = e.plan_id"
	" WHERE p.family_id = ?1 AND e.held_on IS NULL AND p.status = CASE WHEN EXISTS"
	" (SELECT 1 FROM plan WHERE family_id = ?1 AND status = 'agreed') THEN 'agreed'"
	" ELSE 'draft' END";
/* next_eval_on is derived from the plan, not edited on the family: changing it must
 * not move family.rev, or a coach editing the family's details at the same time would
 * get a conflict for a change they cannot see. So rev and updated_* stay as they are. */
static const char SQL_SET_NEXT[] =
	"UPDATE family SET next_eval_on = ?2 WHERE id = ?1 AND next_eval_on IS NOT ?2";

enum casus_rc plan_sync_next_eval(struct casus_ctx *ctx, const char *family_id,
	struct casus_err *err)
{
	char next[11] = "";
	sqlite3_stmt *st = db_stmt(ctx, SQL_NEXT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, next, sizeof next);
	db_done(st);
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	if (!(st = db_stmt(ctx, SQL_SET_NEXT, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, next);
	return db_exec_stmt(ctx, st, err);
}

/* ---- planning ---- */

static const char SQL_SAME_DAY[] =
	"SELECT id FROM plan_evaluation WHERE plan_id = ?1 AND planned_on = ?2";
static const char SQL_DRAFT_OF[] =
	"SELECT d.id FROM plan a JOIN plan d ON d.family_id = a.family_id AND d.status = 'draft'"
	" WHERE a.id = ?1 AND a.status = 'agreed'";
static const char SQL_ADD[] =
	"INSERT INTO plan_evaluation(id, plan_id, derived_from, planned_on, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* The id of a row found by sql(?1, ?2), or "" when there is none. */
static enum casus_rc lookup(struct casus_ctx *ctx, const char *sql, const char *a,
	const char *b, char out[static CASUS_ID_LEN], struct casus_err *err)
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, out, CASUS_ID_LEN);
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static enum casus_rc insert_eval(struct casus_ctx *ctx, const char *plan_id,
	const char *derived_from, const char *on, char id[static CASUS_ID_LEN],
	struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	ids_new(id);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ADD, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, plan_id, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 3, derived_from);
	sqlite3_bind_text(st, 4, on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

/* Plan an evaluation on `on` in h's version (unless one is planned that day already:
 * then *id is that one) and, on the agreed version, in the open draft too. */
static enum casus_rc plan_on(struct casus_ctx *ctx, const struct plan_head *h, const char *on,
	char id[static CASUS_ID_LEN], bool *added, struct casus_err *err)
{
	char draft[CASUS_ID_LEN], dup[CASUS_ID_LEN], copy[CASUS_ID_LEN];
	enum casus_rc r = lookup(ctx, SQL_SAME_DAY, h->id, on, id, err);
	*added = false;
	if (r || id[0])
		return r;
	if ((r = insert_eval(ctx, h->id, NULL, on, id, err)))
		return r;
	*added = true;
	if (h->status == PLAN_DRAFT)
		return plan_touch(ctx, h->id, err);
	if ((r = lookup(ctx, SQL_DRAFT_OF, h->id, NULL, draft, err)) || !draft[0])
		return r;
	if ((r = lookup(ctx, SQL_SAME_DAY, draft, on, dup, err)) || dup[0])
		return r;
	return insert_eval(ctx, draft, id, on, copy, err);
}

enum casus_rc plan_eval_add(struct casus_ctx *ctx, const char *plan_id, const char *planned_on,
	struct plan_eval *out, struct casus_err *err)
{
	struct plan_head h;
	char id[CASUS_ID_LEN];
	bool added;
	enum casus_rc r = plan_check_date(_("The evaluation date"), planned_on, true, false, err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_PROGRESS, &h, err)))
		return r;
	r = plan_on(ctx, &h, planned_on, id, &added, err);
	if (!r && !added)
		r = err_set(err, CASUS_E_EXISTS, _("An evaluation is already planned on %s."),
			planned_on);
	if (!r && !(r = plan_audit(ctx, AUDIT_CREATE, &h, "plan_evaluation", id,
			   "evaluation planned", err)))
		r = plan_sync_next_eval(ctx, h.family_id, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return out ? eval_get(ctx, id, out, err) : CASUS_OK;
}

/* ---- moving, holding, removing ---- */

static const char SQL_PLAN_OF[] = "SELECT plan_id FROM plan_evaluation WHERE id = ?1";
static const char SQL_WHO[] =
	"SELECT e.updated_at, m.login, m.name FROM plan_evaluation e LEFT JOIN member m"
	" ON m.id = e.updated_by WHERE e.id = ?1";
static const char SQL_MOVE[] =
	"UPDATE plan_evaluation SET planned_on = ?3, rev = rev + 1, updated_at = ?4,"
	" updated_by = ?5 WHERE id = ?1 AND rev = ?2";
static const char SQL_HOLD[] =
	"UPDATE plan_evaluation SET held_on = ?3, outcome = ?4, next_on = ?5, rev = rev + 1,"
	" updated_at = ?6, updated_by = ?7 WHERE id = ?1 AND rev = ?2";
/* The draft's copy follows unless the draft already says something else about it. */
static const char SQL_HOLD_MIRROR[] =
	"UPDATE plan_evaluation SET held_on = ?3, outcome = ?4, next_on = ?5, rev = rev + 1,"
	" updated_at = ?6, updated_by = ?7 WHERE derived_from = ?1"
	" AND plan_id IN (SELECT id FROM plan WHERE status = 'draft')"
	" AND held_on IS ?8 AND outcome IS ?9 AND next_on IS ?10"; /* ?2 bound, unused */

/* Start a change to an existing evaluation: its version (mode), and the row as stored. */
static enum casus_rc eval_begin(struct casus_ctx *ctx, const struct plan_eval *e,
	enum plan_write mode, struct plan_head *h, struct plan_eval *old, struct casus_err *err)
{
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, SQL_PLAN_OF, e->id, plan_id, _("The evaluation"), err);
	if (r || (r = plan_write_begin(ctx, plan_id, mode, h, err)))
		return r;
	if ((r = eval_get(ctx, e->id, old, err)))
		db_rollback(ctx);
	return r;
}

enum casus_rc plan_eval_update(struct casus_ctx *ctx, struct plan_eval *e,
	struct casus_err *err)
{
	struct plan_head h;
	struct plan_eval old;
	char now[21];
	enum casus_rc r = plan_check_date(_("The evaluation date"), e->planned_on, true, false, err);
	if (r || (r = eval_begin(ctx, e, PLAN_WRITE_CONTENT, &h, &old, err)))
		return r;
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_MOVE, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, e->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, e->rev);
	sqlite3_bind_text(st, 3, e->planned_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_TRANSIENT);
	if (!(r = db_exec_stmt(ctx, st, err)) && sqlite3_changes(ctx->db) == 0)
		r = plan_row_conflict(ctx, SQL_WHO, e->id, _("The evaluation"), err);
	if (!r && !(r = plan_touch(ctx, h.id, err))
	    && !(r = plan_audit(ctx, AUDIT_UPDATE, &h, "plan_evaluation", e->id, "date moved", err)))
		r = plan_sync_next_eval(ctx, h.family_id, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return eval_get(ctx, e->id, e, err);
}

static enum casus_rc check_hold(const char *held_on, const char *outcome, const char *next_on,
	struct casus_err *err)
{
	enum casus_rc r;
	if ((r = plan_check_date(_("The date the evaluation was held"), held_on, true, true, err))
	    || (r = text_check(_("The outcome"), outcome, 4000, TEXT_MULTILINE, err))
	    || (r = plan_check_date(_("The next evaluation date"), next_on, false, false, err)))
		return r;
	if (next_on && *next_on && strcmp(next_on, held_on) <= 0)
		return err_set(err, CASUS_E_INVALID,
			_("The next evaluation (%s) must come after this one (%s)."), next_on, held_on);
	return CASUS_OK;
}

/* Bind the shared parameters of SQL_HOLD and SQL_HOLD_MIRROR. */
static void bind_hold(struct casus_ctx *ctx, sqlite3_stmt *st, const struct plan_eval *e,
	const char *held_on, const char *outcome, const char *next_on, const char *now)
{
	sqlite3_bind_text(st, 1, e->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, e->rev);
	sqlite3_bind_text(st, 3, held_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, outcome, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 5, next_on);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, ctx->user.id, -1, SQLITE_TRANSIENT);
}

static enum casus_rc write_hold(struct casus_ctx *ctx, const struct plan_head *h,
	const struct plan_eval *e, const struct plan_eval *old, const char *held_on,
	const char *outcome, const char *next_on, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_HOLD, err);
	if (!st)
		return err->rc;
	bind_hold(ctx, st, e, held_on, outcome, next_on, now);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0)
		return plan_row_conflict(ctx, SQL_WHO, e->id, _("The evaluation"), err);
	if (r || h->status != PLAN_AGREED)
		return r ? r : plan_touch(ctx, h->id, err);
	if (!(st = db_stmt(ctx, SQL_HOLD_MIRROR, err)))
		return err->rc;
	bind_hold(ctx, st, e, held_on, outcome, next_on, now);
	db_bind_text(st, 8, old->held_on);
	db_bind_text(st, 9, old->outcome);
	db_bind_text(st, 10, old->next_on);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc plan_eval_hold(struct casus_ctx *ctx, struct plan_eval *e, const char *held_on,
	const char *outcome, const char *next_on, struct casus_err *err)
{
	struct plan_head h;
	struct plan_eval old;
	char next_id[CASUS_ID_LEN];
	bool added;
	enum casus_rc r = check_hold(held_on, outcome, next_on, err);
	if (r || (r = eval_begin(ctx, e, PLAN_WRITE_PROGRESS, &h, &old, err)))
		return r;
	r = write_hold(ctx, &h, e, &old, held_on, outcome, next_on, err);
	if (!r && next_on && *next_on)
		r = plan_on(ctx, &h, next_on, next_id, &added, err);
	if (!r && !(r = plan_audit(ctx, AUDIT_UPDATE, &h, "plan_evaluation", e->id,
			   "evaluation held", err)))
		r = plan_sync_next_eval(ctx, h.family_id, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return eval_get(ctx, e->id, e, err);
}

static const char SQL_DELETE[] = "DELETE FROM plan_evaluation WHERE id = ?1 AND rev = ?2";

enum casus_rc plan_eval_delete(struct casus_ctx *ctx, const struct plan_eval *e,
	struct casus_err *err)
{
	struct plan_head h;
	struct plan_eval old;
	enum casus_rc r = eval_begin(ctx, e, PLAN_WRITE_CONTENT, &h, &old, err);
	if (r)
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_DELETE, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, e->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, e->rev);
	if (!(r = db_exec_stmt(ctx, st, err)) && sqlite3_changes(ctx->db) == 0)
		r = plan_row_conflict(ctx, SQL_WHO, e->id, _("The evaluation"), err);
	if (!r && !(r = plan_touch(ctx, h.id, err))
	    && !(r = plan_audit(ctx, AUDIT_DELETE, &h, "plan_evaluation", e->id,
			"evaluation removed", err)))
		r = plan_sync_next_eval(ctx, h.family_id, err);
	return plan_write_end(ctx, r, err);
}
