/* The actielijst: actions recorded in a meeting (who does what by when). An action on a
 * family item goes straight into the family's plan: its draft (made from the agreed
 * version when there is none), through plan_action_add, in the same transaction, so
 * the owner is checked by the plan's rules and the plan shows it at once. A family
 * still in aanmelding has no plan yet; its actions stay on the meeting's actielijst
 * (owner: a team member, or a person or party of that family). Progress of an action in
 * a plan is read from the plan, which is where it is kept up to date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meeting.h"
#include "casus/member.h"
#include "casus/text.h"

#define ACTION_COLS \
	"a.id, a.item_id, i.meeting_id, m.held_on, i.position, a.family_id, f.case_no," \
	" f.display_name, a.body, a.owner_kind," \
	" coalesce(a.owner_member, a.owner_person, a.owner_party), a.owner_name, a.due_on," \
	" coalesce(p.status, a.status), coalesce(p.closed_on, a.closed_on), p.id, a.rev," \
	" a.updated_at, u.login, u.name" \
	" FROM meeting_action a JOIN agenda_item i ON i.id = a.item_id" \
	" JOIN meeting m ON m.id = i.meeting_id LEFT JOIN family f ON f.id = a.family_id" \
	" LEFT JOIN plan_action p ON p.id = a.plan_action_id" \
	" LEFT JOIN member u ON u.id = a.updated_by"

static void read_action(sqlite3_stmt *st, struct meeting_action *a)
{
	memset(a, 0, sizeof *a);
	db_col_text(st, 0, a->id, sizeof a->id);
	db_col_text(st, 1, a->item_id, sizeof a->item_id);
	db_col_text(st, 2, a->meeting_id, sizeof a->meeting_id);
	db_col_text(st, 3, a->meeting_on, sizeof a->meeting_on);
	a->item_position = sqlite3_column_int(st, 4);
	db_col_text(st, 5, a->family_id, sizeof a->family_id);
	db_col_text(st, 6, a->case_no, sizeof a->case_no);
	db_col_text(st, 7, a->family_name, sizeof a->family_name);
	db_col_text(st, 8, a->body, sizeof a->body);
	int k = plan_owner_kind_parse((const char *)sqlite3_column_text(st, 9));
	a->owner_kind = k < 0 ? OWNER_MEMBER : (enum plan_owner_kind)k;
	db_col_text(st, 10, a->owner_id, sizeof a->owner_id);
	db_col_text(st, 11, a->owner_name, sizeof a->owner_name);
	db_col_text(st, 12, a->due_on, sizeof a->due_on);
	int s = action_status_parse((const char *)sqlite3_column_text(st, 13));
	a->status = s < 0 ? ACTION_OPEN : (enum action_status)s;
	db_col_text(st, 14, a->closed_on, sizeof a->closed_on);
	db_col_text(st, 15, a->plan_action_id, sizeof a->plan_action_id);
	a->rev = sqlite3_column_int64(st, 16);
	db_col_text(st, 17, a->updated_at, sizeof a->updated_at);
	db_col_text(st, 18, a->updated_by_login, sizeof a->updated_by_login);
	db_col_text(st, 19, a->updated_by_name, sizeof a->updated_by_name);
}

static const char SQL_GET[] = "SELECT " ACTION_COLS " WHERE a.id = ?1";
static const char SQL_EACH[] =
	"SELECT " ACTION_COLS " WHERE i.meeting_id = ?1 ORDER BY i.position, a.created_at, a.rowid";

enum casus_rc meeting_action_get(struct casus_ctx *ctx, const char *action_id,
	struct meeting_action *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, action_id ? action_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_action(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This action is not on the actielijst."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc meeting_action_each(struct casus_ctx *ctx, const char *meeting_id,
	int (*fn)(void *arg, const struct meeting_action *a), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, meeting_id ? meeting_id : "", -1, SQLITE_TRANSIENT);
	struct meeting_action *a = malloc(sizeof *a);
	int rc = SQLITE_NOMEM;
	while (a && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_action(st, a);
		if (fn(arg, a))
			break;
	}
	db_done(st);
	free(a);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- the owner ---- */

static const char SQL_OWNER_MEMBER[] =
	"SELECT id, name FROM member WHERE (id = ?1 OR login = ?1) AND active = 1";
static const char SQL_OWNER_PERSON[] =
	"SELECT id, given_name || ' ' || family_name FROM person WHERE id = ?1 AND family_id = ?2";
static const char SQL_OWNER_PARTY[] =
	"SELECT id, name FROM involved_party WHERE id = ?1 AND family_id = ?2 AND kind = ?3"
	" AND active = 1";

/* Resolve the owner of an action that stays on the actielijst only. */
static enum casus_rc resolve_owner(struct casus_ctx *ctx, const char *family_id,
	const struct meeting_action_new *in, struct meeting_action *a, struct casus_err *err)
{
	if (in->owner_kind != OWNER_MEMBER && !family_id)
		return err_set(err, CASUS_E_INVALID,
			_("An action that is not about a family is done by a team member."));
	const char *sql = in->owner_kind == OWNER_MEMBER ? SQL_OWNER_MEMBER
		: in->owner_kind == OWNER_PERSON ? SQL_OWNER_PERSON : SQL_OWNER_PARTY;
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, in->owner ? in->owner : "", -1, SQLITE_TRANSIENT);
	if (in->owner_kind != OWNER_MEMBER)
		sqlite3_bind_text(st, 2, family_id, -1, SQLITE_TRANSIENT);
	if (in->owner_kind == OWNER_NETWORK || in->owner_kind == OWNER_PROFESSIONAL)
		sqlite3_bind_text(st, 3, in->owner_kind == OWNER_NETWORK ? "netwerk" : "professional",
			-1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, a->owner_id, sizeof a->owner_id);
		db_col_text(st, 1, a->owner_name, sizeof a->owner_name);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_INVALID,
			_("The owner of the action must be an active team member, or a person or "
			  "involved party of the family."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

/* Put the action into the family's plan draft; a is filled from the plan action. */
static enum casus_rc into_plan(struct casus_ctx *ctx, const char *family_id,
	const struct meeting_action_new *in, struct meeting_action *a, struct casus_err *err)
{
	struct plan p = PLAN_INIT;
	struct plan_action *pa = calloc(1, sizeof *pa);
	if (!pa)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = plan_draft(ctx, family_id, &p, NULL, err);
	if (!r) {
		snprintf(pa->body, sizeof pa->body, "%s", in->body);
		pa->owner_kind = in->owner_kind;
		snprintf(pa->owner_id, sizeof pa->owner_id, "%s", in->owner ? in->owner : "");
		snprintf(pa->due_on, sizeof pa->due_on, "%s", in->due_on ? in->due_on : "");
		snprintf(pa->goal_id, sizeof pa->goal_id, "%s", in->goal_id ? in->goal_id : "");
		pa->status = ACTION_OPEN;
		r = plan_action_add(ctx, p.id, pa, err);
	}
	if (!r) {
		memcpy(a->owner_id, pa->owner_id, sizeof a->owner_id);
		snprintf(a->owner_name, sizeof a->owner_name, "%s", pa->owner_name);
		memcpy(a->plan_action_id, pa->id, sizeof a->plan_action_id);
	}
	plan_clear(&p);
	free(pa);
	return r;
}

/* ---- recording ---- */

static const char SQL_ADD[] =
	"INSERT INTO meeting_action(id, item_id, family_id, body, owner_kind, owner_member,"
	" owner_person, owner_party, owner_name, due_on, plan_action_id, created_at, created_by,"
	" updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	" ?12, ?13)";

static enum casus_rc insert_action(struct casus_ctx *ctx, const struct agenda_item *it,
	const struct meeting_action_new *in, const struct meeting_action *a, const char *id,
	struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ADD, err);
	if (!st)
		return err->rc;
	enum plan_owner_kind k = in->owner_kind;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, it->id, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 3, it->family_id);
	sqlite3_bind_text(st, 4, in->body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, plan_owner_kind_name(k), -1, SQLITE_STATIC);
	db_bind_text(st, 6, k == OWNER_MEMBER ? a->owner_id : NULL);
	db_bind_text(st, 7, k == OWNER_PERSON ? a->owner_id : NULL);
	db_bind_text(st, 8, k == OWNER_NETWORK || k == OWNER_PROFESSIONAL ? a->owner_id : NULL);
	sqlite3_bind_text(st, 9, a->owner_name, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 10, in->due_on);
	db_bind_text(st, 11, a->plan_action_id);
	sqlite3_bind_text(st, 12, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	return r ? r : audit_log(ctx, AUDIT_CREATE, it->family_id[0] ? it->family_id : NULL,
		"meeting_action", id, a->plan_action_id[0] ? "action added (also in the plan)"
							  : "action added", err);
}

static enum casus_rc check_action(const struct meeting_action_new *in, struct casus_err *err)
{
	enum casus_rc r = text_check(_("The action"), in->body, MEETING_ACTION_MAX,
		TEXT_MULTILINE, err);
	if (r)
		return r;
	if ((unsigned)in->owner_kind >= OWNER_KIND_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown kind of owner or status."));
	if (!in->owner || !*in->owner)
		return err_set(err, CASUS_E_INVALID, _("Say who does it: every action has an owner."));
	if (in->due_on && *in->due_on && !clock_parse_date(in->due_on, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not "
			  "'%.40s'."), _("The due date"), in->due_on);
	return CASUS_OK;
}

/* Inside the transaction: where the action goes, then the actielijst row. */
static enum casus_rc record_action(struct casus_ctx *ctx, const struct agenda_item *it,
	const struct meeting_action_new *in, struct meeting_action *a, const char *id,
	struct casus_err *err)
{
	struct family f;
	enum casus_rc r = CASUS_OK;
	bool plan = false;
	if (it->family_id[0] && !(r = family_get(ctx, it->family_id, &f, err)))
		plan = f.phase != PHASE_AANMELDING; /* aanmelding: no plan yet */
	if (!r)
		r = plan ? into_plan(ctx, f.id, in, a, err)
			 : resolve_owner(ctx, it->family_id[0] ? it->family_id : NULL, in, a, err);
	return r ? r : insert_action(ctx, it, in, a, id, err);
}

enum casus_rc meeting_action_add(struct casus_ctx *ctx, const char *item_id,
	const struct meeting_action_new *in, struct meeting_action *out, struct casus_err *err)
{
	enum casus_rc r = check_action(in, err);
	struct agenda_item *it = r ? NULL : calloc(1, sizeof *it);
	struct agenda_item *seen = r ? NULL : calloc(1, sizeof *seen);
	struct meeting_action *a = r ? NULL : calloc(1, sizeof *a);
	struct meeting m;
	char id[CASUS_ID_LEN];
	if (!r && (!it || !seen || !a))
		r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (!r) {
		snprintf(seen->id, sizeof seen->id, "%s", item_id ? item_id : "");
		r = mt_begin_item(ctx, seen, it, &m, err);
	}
	if (!r) {
		ids_new(id);
		if (!(r = mt_require_lead(ctx, &m, err))
		    && !(r = mt_require_status(&m, 1u << MEETING_RUNNING, err)))
			r = record_action(ctx, it, in, a, id, err);
		if (!(r = mt_end(ctx, r, err)) && out)
			r = meeting_action_get(ctx, id, out, err);
	}
	free(it);
	free(seen);
	free(a);
	return r;
}

/* ---- progress ---- */

static const char SQL_STATUS[] =
	"UPDATE meeting_action SET status = ?3, closed_on = ?4, rev = rev + 1, updated_at = ?5,"
	" updated_by = ?6 WHERE id = ?1 AND rev = ?2";
static const char SQL_LEADS_RUNNING[] =
	"SELECT 1 FROM meeting WHERE status = 'running' AND (chair_id = ?1 OR minute_taker_id = ?1)";

/* The owner, a teamleider, the leads of the action's meeting or of the running one. */
static enum casus_rc may_progress(struct casus_ctx *ctx, const struct meeting_action *cur,
	struct casus_err *err)
{
	struct meeting m;
	enum casus_rc r = meeting_get(ctx, cur->meeting_id, &m, err);
	if (r)
		return r;
	if ((cur->owner_kind == OWNER_MEMBER && strcmp(cur->owner_id, ctx->user.id) == 0)
	    || member_is(ctx, ROLE_TEAMLEIDER) || meeting_is_lead(ctx, &m))
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_LEADS_RUNNING, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, ctx->user.id, -1, SQLITE_TRANSIENT);
	bool lead = sqlite3_step(st) == SQLITE_ROW;
	db_done(st);
	return lead ? CASUS_OK : err_set(err, CASUS_E_PERM,
		_("Only the owner of the action, a teamleider, or the chair or minute-taker of a "
		  "meeting mark it done."));
}

/* The plan action follows (when the action is still in a plan). */
static enum casus_rc plan_follows(struct casus_ctx *ctx, const struct meeting_action *cur,
	enum action_status status, struct casus_err *err)
{
	if (!cur->plan_action_id[0])
		return CASUS_OK;
	struct plan_action *pa = malloc(sizeof *pa);
	if (!pa)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = plan_action_get(ctx, cur->plan_action_id, pa, err);
	if (!r && pa->status != status) {
		pa->status = status;
		pa->closed_on[0] = '\0';
		r = plan_action_update(ctx, pa, err);
	}
	free(pa);
	return r;
}

static enum casus_rc write_status(struct casus_ctx *ctx, const struct meeting_action *seen,
	enum action_status status, struct casus_err *err)
{
	char now[21], today[11];
	clock_now_iso(now);
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_STATUS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, seen->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, seen->rev);
	sqlite3_bind_text(st, 3, action_status_name(status), -1, SQLITE_STATIC);
	db_bind_text(st, 4, status == ACTION_OPEN ? NULL : today);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

static enum casus_rc change_status(struct casus_ctx *ctx, const struct meeting_action *seen,
	struct meeting_action *cur, enum action_status status, struct casus_err *err)
{
	enum casus_rc r = meeting_action_get(ctx, seen->id, cur, err);
	if (!r && cur->rev != seen->rev)
		r = err_set(err, CASUS_E_CONFLICT,
			_("This action was changed by %s (%s) at %s, after you opened it. Nothing was "
			  "saved; look at their change and try again."), cur->updated_by_name,
			cur->updated_by_login, cur->updated_at);
	if (!r)
		r = may_progress(ctx, cur, err);
	if (!r && !(r = plan_follows(ctx, cur, status, err)) && !(r = write_status(ctx, seen,
			status, err)))
		r = audit_log(ctx, AUDIT_UPDATE, cur->family_id[0] ? cur->family_id : NULL,
			"meeting_action", cur->id, action_status_name(status), err);
	return r;
}

enum casus_rc meeting_action_set_status(struct casus_ctx *ctx, struct meeting_action *a,
	enum action_status status, struct casus_err *err)
{
	if ((unsigned)status >= ACTION_STATUS_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown kind of owner or status."));
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	struct meeting_action *cur = malloc(sizeof *cur);
	if (!cur)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = db_begin(ctx, err);
	if (!r && !(r = mt_end(ctx, change_status(ctx, a, cur, status, err), err)))
		r = meeting_action_get(ctx, a->id, a, err);
	free(cur);
	return r;
}
