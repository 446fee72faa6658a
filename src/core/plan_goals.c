/* Doelen: goals per leefgebied with a 0-10 scale (start / now / target) and a status.
 * A draft's goals change freely; on the agreed version only progress moves (scale
 * 'now', status and reason), and it is copied into an open draft in the same step. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/setting.h"
#include "casus/text.h"
#include "plan_priv.h"

void plan_leefgebied_each(struct casus_ctx *ctx, void (*fn)(void *arg, const char *name),
	void *arg)
{
	setting_each_item(ctx, "leefgebieden", fn, arg);
}

struct lg_find {
	const char *want;
	bool found;
};

static void lg_match(void *arg, const char *name)
{
	struct lg_find *f = arg;
	if (strcmp(f->want, name) == 0)
		f->found = true;
}

static enum casus_rc check_goal(struct casus_ctx *ctx, const struct plan_goal *g,
	bool check_leefgebied, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = text_check(_("The goal"), g->body, 2000, TEXT_MULTILINE, err))
	    || (r = text_check(_("The leefgebied"), g->leefgebied, 100, TEXT_LINE, err))
	    || (r = plan_check_scale(_("The scale at the start"), g->scale_start, err))
	    || (r = plan_check_scale(_("The scale now"), g->scale_now, err))
	    || (r = plan_check_scale(_("The target on the scale"), g->scale_target, err))
	    || (r = text_check_optional(_("The reason"), g->reason, 1000, TEXT_MULTILINE, err)))
		return r;
	if ((unsigned)g->status >= GOAL_STATUS_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown goal status."));
	if (g->status != GOAL_OPEN && text_check(_("The reason"), g->reason, 1000, TEXT_MULTILINE,
		    err))
		return err_set(err, CASUS_E_INVALID,
			_("Say why the goal is %s: a goal that is reached, adjusted or dropped needs "
			  "a reason."), goal_status_label(g->status));
	struct lg_find f = { g->leefgebied, false };
	if (check_leefgebied)
		plan_leefgebied_each(ctx, lg_match, &f);
	if (check_leefgebied && !f.found)
		return err_set(err, CASUS_E_INVALID,
			_("'%.100s' is not one of the team's leefgebieden (a teamleider keeps the list "
			  "in the settings)."), g->leefgebied);
	return CASUS_OK;
}

#define GOAL_COLS \
	"g.id, g.plan_id, g.derived_from, g.leefgebied, g.body, g.scale_start, g.scale_now," \
	" g.scale_target, g.status, g.reason, g.position, g.rev, g.updated_at, m.login, m.name" \
	" FROM plan_goal g LEFT JOIN member m ON m.id = g.updated_by"

static void read_goal(sqlite3_stmt *st, struct plan_goal *g)
{
	memset(g, 0, sizeof *g);
	db_col_text(st, 0, g->id, sizeof g->id);
	db_col_text(st, 1, g->plan_id, sizeof g->plan_id);
	db_col_text(st, 2, g->derived_from, sizeof g->derived_from);
	db_col_text(st, 3, g->leefgebied, sizeof g->leefgebied);
	db_col_text(st, 4, g->body, sizeof g->body);
	g->scale_start = plan_col_int(st, 5, PLAN_SCALE_UNSET);
	g->scale_now = plan_col_int(st, 6, PLAN_SCALE_UNSET);
	g->scale_target = plan_col_int(st, 7, PLAN_SCALE_UNSET);
	int s = goal_status_parse((const char *)sqlite3_column_text(st, 8));
	g->status = s < 0 ? GOAL_OPEN : (enum goal_status)s;
	db_col_text(st, 9, g->reason, sizeof g->reason);
	g->position = sqlite3_column_int(st, 10);
	g->rev = sqlite3_column_int64(st, 11);
	db_col_text(st, 12, g->updated_at, sizeof g->updated_at);
	db_col_text(st, 13, g->updated_by_login, sizeof g->updated_by_login);
	db_col_text(st, 14, g->updated_by_name, sizeof g->updated_by_name);
}

static const char SQL_GET[] = "SELECT " GOAL_COLS " WHERE g.id = ?1";

enum casus_rc plan_goal_get(struct casus_ctx *ctx, const char *goal_id, struct plan_goal *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, goal_id ? goal_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_goal(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This goal is no longer in the plan."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_EACH[] = "SELECT " GOAL_COLS " WHERE g.plan_id = ?1 ORDER BY g.position";

enum casus_rc plan_goal_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_goal *g), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id ? plan_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct plan_goal g;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_goal(st, &g);
		if (fn(arg, &g))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_POS[] = "SELECT max(position) FROM plan_goal WHERE plan_id = ?1";
static const char SQL_ADD[] =
	"INSERT INTO plan_goal(id, plan_id, leefgebied, body, scale_start, scale_now,"
	" scale_target, status, reason, position, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

static enum casus_rc insert_goal(struct casus_ctx *ctx, const struct plan_head *h,
	const struct plan_goal *g, const char *id, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ADD, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, h->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, g->leefgebied, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, g->body, -1, SQLITE_TRANSIENT);
	plan_bind_int_or_null(st, 5, g->scale_start);
	plan_bind_int_or_null(st, 6, g->scale_now);
	plan_bind_int_or_null(st, 7, g->scale_target);
	sqlite3_bind_text(st, 8, goal_status_name(g->status), -1, SQLITE_STATIC);
	db_bind_text(st, 9, g->reason);
	sqlite3_bind_int(st, 10, plan_next_position(ctx, SQL_POS, h->id));
	sqlite3_bind_text(st, 11, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (r || (r = plan_touch(ctx, h->id, err)))
		return r;
	return plan_audit(ctx, AUDIT_CREATE, h, "plan_goal", id, "goal added", err);
}

enum casus_rc plan_goal_add(struct casus_ctx *ctx, const char *plan_id, struct plan_goal *g,
	struct casus_err *err)
{
	struct plan_head h;
	char id[CASUS_ID_LEN];
	enum casus_rc r = check_goal(ctx, g, true, err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_CONTENT, &h, err)))
		return r;
	ids_new(id);
	r = insert_goal(ctx, &h, g, id, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return plan_goal_get(ctx, id, g, err);
}

static const char SQL_PLAN_OF[] = "SELECT plan_id FROM plan_goal WHERE id = ?1";
static const char SQL_WHO[] =
	"SELECT g.updated_at, m.login, m.name FROM plan_goal g LEFT JOIN member m"
	" ON m.id = g.updated_by WHERE g.id = ?1";
static const char SQL_UPDATE[] =
	"UPDATE plan_goal SET leefgebied = ?3, body = ?4, scale_start = ?5, scale_now = ?6,"
	" scale_target = ?7, status = ?8, reason = ?9, rev = rev + 1, updated_at = ?10,"
	" updated_by = ?11 WHERE id = ?1 AND rev = ?2";
static const char SQL_PROGRESS[] =
	"UPDATE plan_goal SET scale_now = ?3, status = ?4, reason = ?5, rev = rev + 1,"
	" updated_at = ?6, updated_by = ?7 WHERE id = ?1 AND rev = ?2";
/* Progress on the agreed version reaches the draft's copy of the goal unless the draft
 * already says something else about it. */
static const char SQL_MIRROR[] =
	"UPDATE plan_goal SET scale_now = ?2, status = ?3, reason = ?4, rev = rev + 1,"
	" updated_at = ?5, updated_by = ?6 WHERE derived_from = ?1"
	" AND plan_id IN (SELECT id FROM plan WHERE status = 'draft')"
	" AND scale_now IS ?7 AND status = ?8 AND reason IS ?9";

/* The writers set *saved when the row was still at the caller's rev. */
static enum casus_rc write_full(struct casus_ctx *ctx, const struct plan_goal *g,
	const char *now, bool *saved, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, g->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, g->rev);
	sqlite3_bind_text(st, 3, g->leefgebied, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, g->body, -1, SQLITE_TRANSIENT);
	plan_bind_int_or_null(st, 5, g->scale_start);
	plan_bind_int_or_null(st, 6, g->scale_now);
	plan_bind_int_or_null(st, 7, g->scale_target);
	sqlite3_bind_text(st, 8, goal_status_name(g->status), -1, SQLITE_STATIC);
	db_bind_text(st, 9, g->reason);
	sqlite3_bind_text(st, 10, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	*saved = !r && sqlite3_changes(ctx->db) > 0;
	return r;
}

static enum casus_rc write_progress(struct casus_ctx *ctx, const struct plan_goal *g,
	const struct plan_goal *old, const char *now, bool *saved, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_PROGRESS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, g->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, g->rev);
	plan_bind_int_or_null(st, 3, g->scale_now);
	sqlite3_bind_text(st, 4, goal_status_name(g->status), -1, SQLITE_STATIC);
	db_bind_text(st, 5, g->reason);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	*saved = !r && sqlite3_changes(ctx->db) > 0;
	if (!*saved)
		return r; /* a conflict is never mirrored */
	if (!(st = db_stmt(ctx, SQL_MIRROR, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, g->id, -1, SQLITE_TRANSIENT);
	plan_bind_int_or_null(st, 2, g->scale_now);
	sqlite3_bind_text(st, 3, goal_status_name(g->status), -1, SQLITE_STATIC);
	db_bind_text(st, 4, g->reason);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	plan_bind_int_or_null(st, 7, old->scale_now);
	sqlite3_bind_text(st, 8, goal_status_name(old->status), -1, SQLITE_STATIC);
	db_bind_text(st, 9, old->reason);
	return db_exec_stmt(ctx, st, err);
}

/* On the agreed version, anything but progress is content: refused. */
static bool content_changed(const struct plan_goal *g, const struct plan_goal *old)
{
	return strcmp(g->leefgebied, old->leefgebied) != 0 || strcmp(g->body, old->body) != 0
		|| g->scale_start != old->scale_start || g->scale_target != old->scale_target;
}

static enum casus_rc save_goal(struct casus_ctx *ctx, const struct plan_head *h,
	const struct plan_goal *g, struct casus_err *err)
{
	struct plan_goal old;
	enum casus_rc r = plan_goal_get(ctx, g->id, &old, err);
	if (r)
		return r == CASUS_E_NOTFOUND ? plan_row_conflict(ctx, SQL_WHO, g->id, _("The goal"),
			err) : r;
	bool progress_only = h->status == PLAN_AGREED;
	if (progress_only && content_changed(g, &old))
		return plan_frozen_error(h, err);
	if ((r = check_goal(ctx, g, strcmp(g->leefgebied, old.leefgebied) != 0, err)))
		return r;
	char now[21];
	bool saved = false;
	clock_now_iso(now);
	r = progress_only ? write_progress(ctx, g, &old, now, &saved, err)
			  : write_full(ctx, g, now, &saved, err);
	if (r)
		return r;
	if (!saved)
		return plan_row_conflict(ctx, SQL_WHO, g->id, _("The goal"), err);
	if (!progress_only && (r = plan_touch(ctx, h->id, err)))
		return r;
	return plan_audit(ctx, AUDIT_UPDATE, h, "plan_goal", g->id,
		progress_only ? "goal progress" : "goal changed", err);
}

enum casus_rc plan_goal_update(struct casus_ctx *ctx, struct plan_goal *g,
	struct casus_err *err)
{
	struct plan_head h;
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, SQL_PLAN_OF, g->id, plan_id, _("The goal"), err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_PROGRESS, &h, err)))
		return r;
	r = save_goal(ctx, &h, g, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return plan_goal_get(ctx, g->id, g, err);
}

static const char SQL_DELETE[] = "DELETE FROM plan_goal WHERE id = ?1 AND rev = ?2";

enum casus_rc plan_goal_delete(struct casus_ctx *ctx, const struct plan_goal *g,
	struct casus_err *err)
{
	struct plan_head h;
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, SQL_PLAN_OF, g->id, plan_id, _("The goal"), err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_CONTENT, &h, err)))
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_DELETE, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, g->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, g->rev);
	if (!(r = db_exec_stmt(ctx, st, err)) && sqlite3_changes(ctx->db) == 0)
		r = plan_row_conflict(ctx, SQL_WHO, g->id, _("The goal"), err);
	if (!r && !(r = plan_touch(ctx, h.id, err)))
		r = plan_audit(ctx, AUDIT_DELETE, &h, "plan_goal", g->id, "goal removed", err);
	return plan_write_end(ctx, r, err);
}
