/* Acties: who does what by when. The owner is a family member, a network member, a
 * professional or a team member; core looks the owner up (in this family) and keeps
 * the name as written. On the agreed version only the status moves (progress), and it
 * is copied into an open draft in the same step. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/text.h"
#include "plan_priv.h"

#define ACTION_COLS \
	"a.id, a.plan_id, a.derived_from, a.goal_id, a.body, a.owner_kind," \
	" coalesce(a.owner_person, a.owner_party, a.owner_member), a.owner_name, a.due_on," \
	" a.status, a.closed_on, a.position, a.rev, a.updated_at, m.login, m.name" \
	" FROM plan_action a LEFT JOIN member m ON m.id = a.updated_by"

static void read_action(sqlite3_stmt *st, const char *today, struct plan_action *a)
{
	memset(a, 0, sizeof *a);
	db_col_text(st, 0, a->id, sizeof a->id);
	db_col_text(st, 1, a->plan_id, sizeof a->plan_id);
	db_col_text(st, 2, a->derived_from, sizeof a->derived_from);
	db_col_text(st, 3, a->goal_id, sizeof a->goal_id);
	db_col_text(st, 4, a->body, sizeof a->body);
	int k = plan_owner_kind_parse((const char *)sqlite3_column_text(st, 5));
	a->owner_kind = k < 0 ? OWNER_MEMBER : (enum plan_owner_kind)k;
	db_col_text(st, 6, a->owner_id, sizeof a->owner_id);
	db_col_text(st, 7, a->owner_name, sizeof a->owner_name);
	db_col_text(st, 8, a->due_on, sizeof a->due_on);
	int s = action_status_parse((const char *)sqlite3_column_text(st, 9));
	a->status = s < 0 ? ACTION_OPEN : (enum action_status)s;
	db_col_text(st, 10, a->closed_on, sizeof a->closed_on);
	a->position = sqlite3_column_int(st, 11);
	a->rev = sqlite3_column_int64(st, 12);
	db_col_text(st, 13, a->updated_at, sizeof a->updated_at);
	db_col_text(st, 14, a->updated_by_login, sizeof a->updated_by_login);
	db_col_text(st, 15, a->updated_by_name, sizeof a->updated_by_name);
	/* Overdue is a rule, not stored: open, with a due date before today. */
	a->overdue = a->status == ACTION_OPEN && a->due_on[0] && strcmp(a->due_on, today) < 0;
}

static const char SQL_GET[] = "SELECT " ACTION_COLS " WHERE a.id = ?1";

enum casus_rc plan_action_get(struct casus_ctx *ctx, const char *action_id,
	struct plan_action *out, struct casus_err *err)
{
	char today[11];
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, action_id ? action_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_action(st, today, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This action is no longer in the plan."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_EACH[] = "SELECT " ACTION_COLS " WHERE a.plan_id = ?1 ORDER BY a.position";

enum casus_rc plan_action_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_action *a), void *arg, struct casus_err *err)
{
	char today[11];
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id ? plan_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct plan_action a;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_action(st, today, &a);
		if (fn(arg, &a))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- the owner ---- */

static const char SQL_OWNER_PERSON[] =
	"SELECT id, given_name || ' ' || family_name FROM person WHERE id = ?1 AND family_id = ?2";
static const char SQL_OWNER_PARTY[] =
	"SELECT id, name FROM involved_party WHERE id = ?1 AND family_id = ?2 AND kind = ?3"
	" AND active = 1";
static const char SQL_OWNER_MEMBER[] =
	"SELECT id, name FROM member WHERE (id = ?1 OR login = ?1) AND active = 1";

/* Resolve a's owner to its id and current name, within the family of h. */
static enum casus_rc resolve_owner(struct casus_ctx *ctx, const struct plan_head *h,
	struct plan_action *a, struct casus_err *err)
{
	const char *sql = a->owner_kind == OWNER_PERSON ? SQL_OWNER_PERSON
		: a->owner_kind == OWNER_MEMBER ? SQL_OWNER_MEMBER : SQL_OWNER_PARTY;
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, a->owner_id, -1, SQLITE_TRANSIENT);
	if (a->owner_kind != OWNER_MEMBER)
		sqlite3_bind_text(st, 2, h->family_id, -1, SQLITE_TRANSIENT);
	if (a->owner_kind == OWNER_NETWORK || a->owner_kind == OWNER_PROFESSIONAL)
		sqlite3_bind_text(st, 3, a->owner_kind == OWNER_NETWORK ? "netwerk" : "professional",
			-1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, a->owner_id, sizeof a->owner_id);
		db_col_text(st, 1, a->owner_name, sizeof a->owner_name);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_INVALID,
			_("The owner of the action must be a %s of family %s (or an active team "
			  "member)."), plan_owner_kind_label(a->owner_kind), h->case_no);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_GOAL_IN_PLAN[] = "SELECT 1 FROM plan_goal WHERE id = ?1 AND plan_id = ?2";

static enum casus_rc check_action(struct casus_ctx *ctx, const struct plan_head *h,
	struct plan_action *a, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = text_check(_("The action"), a->body, 1000, TEXT_MULTILINE, err))
	    || (r = plan_check_date(_("The due date"), a->due_on, false, false, err))
	    || (r = plan_check_date(_("The date it was finished"), a->closed_on, false, true, err)))
		return r;
	if ((unsigned)a->owner_kind >= OWNER_KIND_COUNT || (unsigned)a->status >= ACTION_STATUS_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown kind of owner or status."));
	if (!a->owner_id[0])
		return err_set(err, CASUS_E_INVALID, _("Say who does it: every action has an owner."));
	if ((r = resolve_owner(ctx, h, a, err)))
		return r;
	if (!a->goal_id[0])
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_GOAL_IN_PLAN, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, a->goal_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, h->id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_INVALID, _("The action's goal is not in this plan version."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

/* closed_on follows the status: cleared when open, today when not given. */
static void settle_closed_on(struct plan_action *a)
{
	if (a->status == ACTION_OPEN)
		a->closed_on[0] = '\0';
	else if (!a->closed_on[0])
		clock_today(a->closed_on);
}

/* ---- writes ---- */

static const char SQL_POS[] = "SELECT max(position) FROM plan_action WHERE plan_id = ?1";
static const char SQL_ADD[] =
	"INSERT INTO plan_action(id, plan_id, goal_id, body, owner_kind, owner_person,"
	" owner_party, owner_member, owner_name, due_on, status, closed_on, position,"
	" updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	" ?14, ?15)";
static const char SQL_UPDATE[] =
	"UPDATE plan_action SET goal_id = ?3, body = ?4, owner_kind = ?5, owner_person = ?6,"
	" owner_party = ?7, owner_member = ?8, owner_name = ?9, due_on = ?10, status = ?11,"
	" closed_on = ?12, rev = rev + 1, updated_at = ?14, updated_by = ?15"
	" WHERE id = ?1 AND rev = ?2"; /* ?13 (position) is bound but not used here */

/* Bind the columns SQL_ADD and SQL_UPDATE share (?3 .. ?15). */
static void bind_action(struct casus_ctx *ctx, sqlite3_stmt *st, const struct plan_action *a,
	int position, const char *now)
{
	db_bind_text(st, 3, a->goal_id);
	sqlite3_bind_text(st, 4, a->body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, plan_owner_kind_name(a->owner_kind), -1, SQLITE_STATIC);
	db_bind_text(st, 6, a->owner_kind == OWNER_PERSON ? a->owner_id : NULL);
	db_bind_text(st, 7, a->owner_kind == OWNER_NETWORK || a->owner_kind == OWNER_PROFESSIONAL
		? a->owner_id : NULL);
	db_bind_text(st, 8, a->owner_kind == OWNER_MEMBER ? a->owner_id : NULL);
	sqlite3_bind_text(st, 9, a->owner_name, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 10, a->due_on);
	sqlite3_bind_text(st, 11, action_status_name(a->status), -1, SQLITE_STATIC);
	db_bind_text(st, 12, a->closed_on);
	sqlite3_bind_int(st, 13, position);
	sqlite3_bind_text(st, 14, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 15, ctx->user.id, -1, SQLITE_TRANSIENT);
}

enum casus_rc plan_action_add(struct casus_ctx *ctx, const char *plan_id, struct plan_action *a,
	struct casus_err *err)
{
	struct plan_head h;
	char id[CASUS_ID_LEN], now[21];
	enum casus_rc r = plan_write_begin(ctx, plan_id, PLAN_WRITE_CONTENT, &h, err);
	if (r)
		return r;
	struct plan_action in = *a; /* resolved owner goes here, not into the caller's copy */
	settle_closed_on(&in);
	sqlite3_stmt *st = NULL;
	if (!(r = check_action(ctx, &h, &in, err)) && !(st = db_stmt(ctx, SQL_ADD, err)))
		r = err->rc;
	if (!r) {
		ids_new(id);
		clock_now_iso(now);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, h.id, -1, SQLITE_TRANSIENT);
		bind_action(ctx, st, &in, plan_next_position(ctx, SQL_POS, h.id), now);
		if (!(r = db_exec_stmt(ctx, st, err)) && !(r = plan_touch(ctx, h.id, err)))
			r = plan_audit(ctx, AUDIT_CREATE, &h, "plan_action", id, "action added", err);
	}
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return plan_action_get(ctx, id, a, err);
}

static const char SQL_PLAN_OF[] = "SELECT plan_id FROM plan_action WHERE id = ?1";
static const char SQL_WHO[] =
	"SELECT a.updated_at, m.login, m.name FROM plan_action a LEFT JOIN member m"
	" ON m.id = a.updated_by WHERE a.id = ?1";
static const char SQL_PROGRESS[] =
	"UPDATE plan_action SET status = ?3, closed_on = ?4, rev = rev + 1, updated_at = ?5,"
	" updated_by = ?6 WHERE id = ?1 AND rev = ?2";
static const char SQL_MIRROR[] =
	"UPDATE plan_action SET status = ?2, closed_on = ?3, rev = rev + 1, updated_at = ?4,"
	" updated_by = ?5 WHERE derived_from = ?1"
	" AND plan_id IN (SELECT id FROM plan WHERE status = 'draft')"
	" AND status = ?6 AND closed_on IS ?7";

static enum casus_rc write_progress(struct casus_ctx *ctx, const struct plan_action *a,
	const struct plan_action *old, const char *now, bool *saved, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_PROGRESS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, a->rev);
	sqlite3_bind_text(st, 3, action_status_name(a->status), -1, SQLITE_STATIC);
	db_bind_text(st, 4, a->closed_on);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	*saved = !r && sqlite3_changes(ctx->db) > 0;
	if (!*saved)
		return r; /* a conflict is never mirrored */
	if (!(st = db_stmt(ctx, SQL_MIRROR, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, action_status_name(a->status), -1, SQLITE_STATIC);
	db_bind_text(st, 3, a->closed_on);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, action_status_name(old->status), -1, SQLITE_STATIC);
	db_bind_text(st, 7, old->closed_on);
	return db_exec_stmt(ctx, st, err);
}

static bool content_changed(const struct plan_action *a, const struct plan_action *old)
{
	return strcmp(a->body, old->body) != 0 || a->owner_kind != old->owner_kind
		|| strcmp(a->owner_id, old->owner_id) != 0 || strcmp(a->due_on, old->due_on) != 0
		|| strcmp(a->goal_id, old->goal_id) != 0;
}

static enum casus_rc save_action(struct casus_ctx *ctx, const struct plan_head *h,
	struct plan_action *a, struct casus_err *err)
{
	struct plan_action old;
	enum casus_rc r = plan_action_get(ctx, a->id, &old, err);
	if (r)
		return r == CASUS_E_NOTFOUND ? plan_row_conflict(ctx, SQL_WHO, a->id,
			_("The action"), err) : r;
	if ((unsigned)a->status >= ACTION_STATUS_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown kind of owner or status."));
	bool progress_only = h->status == PLAN_AGREED;
	/* An unchanged owner keeps the name it was written with. */
	bool same_owner = a->owner_kind == old.owner_kind && strcmp(a->owner_id, old.owner_id) == 0;
	if (progress_only && content_changed(a, &old))
		return plan_frozen_error(h, err);
	if (a->status == old.status && a->status != ACTION_OPEN && !a->closed_on[0])
		memcpy(a->closed_on, old.closed_on, sizeof a->closed_on);
	settle_closed_on(a);
	if (!progress_only && (r = check_action(ctx, h, a, err)))
		return r;
	if (progress_only && (r = plan_check_date(_("The date it was finished"), a->closed_on,
				      false, true, err)))
		return r;
	if (same_owner)
		memcpy(a->owner_name, old.owner_name, sizeof a->owner_name);
	char now[21];
	bool saved = false;
	clock_now_iso(now);
	if (progress_only) {
		r = write_progress(ctx, a, &old, now, &saved, err);
	} else {
		sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
		if (!st)
			return err->rc;
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, a->rev);
		bind_action(ctx, st, a, 1, now);
		r = db_exec_stmt(ctx, st, err);
		saved = !r && sqlite3_changes(ctx->db) > 0;
	}
	if (r)
		return r;
	if (!saved)
		return plan_row_conflict(ctx, SQL_WHO, a->id, _("The action"), err);
	if (!progress_only && (r = plan_touch(ctx, h->id, err)))
		return r;
	return plan_audit(ctx, AUDIT_UPDATE, h, "plan_action", a->id,
		progress_only ? "action status" : "action changed", err);
}

enum casus_rc plan_action_update(struct casus_ctx *ctx, struct plan_action *a,
	struct casus_err *err)
{
	struct plan_head h;
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, SQL_PLAN_OF, a->id, plan_id, _("The action"), err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_PROGRESS, &h, err)))
		return r;
	struct plan_action in = *a; /* the caller's copy stays as it was on failure */
	r = save_action(ctx, &h, &in, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return plan_action_get(ctx, a->id, a, err);
}

static const char SQL_DELETE[] = "DELETE FROM plan_action WHERE id = ?1 AND rev = ?2";

enum casus_rc plan_action_delete(struct casus_ctx *ctx, const struct plan_action *a,
	struct casus_err *err)
{
	struct plan_head h;
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, SQL_PLAN_OF, a->id, plan_id, _("The action"), err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_CONTENT, &h, err)))
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_DELETE, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, a->rev);
	if (!(r = db_exec_stmt(ctx, st, err)) && sqlite3_changes(ctx->db) == 0)
		r = plan_row_conflict(ctx, SQL_WHO, a->id, _("The action"), err);
	if (!r && !(r = plan_touch(ctx, h.id, err)))
		r = plan_audit(ctx, AUDIT_DELETE, &h, "plan_action", a->id, "action removed", err);
	return plan_write_end(ctx, r, err);
}
