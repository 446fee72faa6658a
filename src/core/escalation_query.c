/* Escalations, reading: one escalation, its history, the approvals queue, a family's
 * escalations, filtered lists for the CLI and the flags for the case list. Reads write
 * no access-log rows (like family_get); the view that shows a dossier logs opening it. */
#include <stdio.h>
#include <string.h>

#include "casus/escalation.h"
#include "casus/i18n.h"
#include "casus/member.h"

#define ESC_COLS \
	"e.id, e.family_id, f.case_no, f.display_name, f.regie_id, e.kind, e.level, e.urgency," \
	" e.reason, e.tried, e.asked, e.meldcode_id, e.requested_by, rq.login, rq.name," \
	" e.requested_at, e.approval_required, e.status, e.question, e.acted_before_approval," \
	" e.acted_at, e.acted_by, ac.login, e.acted_note, e.decided_by, dc.login, dc.name," \
	" e.decided_at, e.motivation, e.instead, e.retroactive, e.decision_seconds, e.rev," \
	" e.updated_at, up.login, up.name"
#define ESC_NCOLS 36
#define ESC_FROM \
	" FROM escalation e JOIN family f ON f.id = e.family_id" \
	" JOIN member rq ON rq.id = e.requested_by LEFT JOIN member ac ON ac.id = e.acted_by" \
	" LEFT JOIN member dc ON dc.id = e.decided_by JOIN member up ON up.id = e.updated_by"

#define TXT(col, field) db_col_text(st, col, e->field, sizeof e->field)

/* can_decide is a hint for the UI from the cached role; escalation_decide checks
 * again against the database. */
static void read_escalation(struct casus_ctx *ctx, sqlite3_stmt *st, struct escalation *e)
{
	memset(e, 0, sizeof *e);
	TXT(0, id); TXT(1, family_id); TXT(2, case_no); TXT(3, family_name); TXT(4, regie_id);
	e->kind = (enum escalation_kind)escalation_kind_parse(
		(const char *)sqlite3_column_text(st, 5));
	TXT(6, level);
	e->urgency = (enum escalation_urgency)escalation_urgency_parse(
		(const char *)sqlite3_column_text(st, 7));
	TXT(8, reason); TXT(9, tried); TXT(10, asked); TXT(11, meldcode_id);
	TXT(12, requested_by_id); TXT(13, requested_by_login); TXT(14, requested_by_name);
	TXT(15, requested_at);
	e->approval_required = sqlite3_column_int(st, 16);
	e->status = (enum escalation_status)escalation_status_parse(
		(const char *)sqlite3_column_text(st, 17));
	TXT(18, question);
	e->acted_before_approval = sqlite3_column_int(st, 19);
	TXT(20, acted_at); TXT(21, acted_by_id); TXT(22, acted_by_login); TXT(23, acted_note);
	TXT(24, decided_by_id); TXT(25, decided_by_login); TXT(26, decided_by_name);
	TXT(27, decided_at); TXT(28, motivation); TXT(29, instead);
	e->retroactive = sqlite3_column_int(st, 30);
	e->decision_seconds = sqlite3_column_type(st, 31) == SQLITE_NULL
		? -1 : sqlite3_column_int64(st, 31);
	e->rev = sqlite3_column_int64(st, 32);
	TXT(33, updated_at); TXT(34, updated_by_login); TXT(35, updated_by_name);
	bool open = e->status == ESC_PENDING || e->status == ESC_INFO_REQUESTED;
	e->flagged = open && e->acted_before_approval;
	e->can_decide = e->status == ESC_PENDING && member_is(ctx, ROLE_GEDRAGSWETENSCHAPPER)
		&& strcmp(e->requested_by_id, ctx->user.id) != 0
		&& strcmp(e->regie_id, ctx->user.id) != 0;
}

static const char SQL_GET[] = "SELECT " ESC_COLS ESC_FROM " WHERE e.id = ?1";
/* A prefix as the CLI shows ids: ids are lower-case hex and '-', all below 'g', so
 * this range is exactly "starts with ?1" and walks the primary key. */
static const char SQL_GET_PREFIX[] =
	"SELECT " ESC_COLS ESC_FROM " WHERE e.id >= ?1 AND e.id < ?1 || 'g' LIMIT 2";

static int get_one(struct casus_ctx *ctx, const char *sql, const char *key,
	struct escalation *out, bool *more, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_escalation(ctx, st, out);
		*more = sqlite3_step(st) == SQLITE_ROW;
	}
	db_done(st);
	return rc;
}

enum casus_rc escalation_get(struct casus_ctx *ctx, const char *id, struct escalation *out,
	struct casus_err *err)
{
	char key[CASUS_ID_LEN];
	bool more = false;
	/* Copy first: callers reload in place (escalation_get(ctx, e->id, e, ...)). */
	snprintf(key, sizeof key, "%s", id ? id : "");
	for (char *p = key; *p; p++)
		if (*p >= 'A' && *p <= 'F')
			*p = (char)(*p - 'A' + 'a');
	int rc = get_one(ctx, SQL_GET, key, out, &more, err);
	if (rc == SQLITE_DONE && strlen(key) >= 8)
		rc = get_one(ctx, SQL_GET_PREFIX, key, out, &more, err);
	if (rc < 0)
		return err->rc;
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no escalation %s."), key);
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	if (more)
		return err_set(err, CASUS_E_INVALID,
			_("More than one escalation starts with %s; give more of its id."), key);
	return CASUS_OK;
}

#define EVENT_COLS \
	"ev.seq, ev.action, ev.from_status, ev.to_status, ev.at, eb.login, eb.name," \
	" ev.motivation, ev.instead, ev.retroactive"

static void read_event(sqlite3_stmt *st, int c, struct escalation_event *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->seq = sqlite3_column_int(st, c);
	db_col_text(st, c + 1, ev->action, sizeof ev->action);
	db_col_text(st, c + 2, ev->from_status, sizeof ev->from_status);
	db_col_text(st, c + 3, ev->to_status, sizeof ev->to_status);
	db_col_text(st, c + 4, ev->at, sizeof ev->at);
	db_col_text(st, c + 5, ev->by_login, sizeof ev->by_login);
	db_col_text(st, c + 6, ev->by_name, sizeof ev->by_name);
	db_col_text(st, c + 7, ev->motivation, sizeof ev->motivation);
	db_col_text(st, c + 8, ev->instead, sizeof ev->instead);
	ev->retroactive = sqlite3_column_int(st, c + 9);
}

static enum casus_rc finish(struct casus_ctx *ctx, sqlite3_stmt *st, int rc,
	struct casus_err *err)
{
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_EVENTS[] =
	"SELECT " EVENT_COLS " FROM escalation_event ev JOIN member eb ON eb.id = ev.by_id"
	" WHERE ev.escalation_id = ?1 ORDER BY ev.seq";

enum casus_rc escalation_events_each(struct casus_ctx *ctx, const char *escalation_id,
	escalation_event_fn fn, void *arg, struct casus_err *err)
{
	struct escalation e;
	enum casus_rc r = escalation_get(ctx, escalation_id, &e, err);
	if (r)
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_EVENTS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, e.id, -1, SQLITE_STATIC);
	int rc;
	struct escalation_event ev;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_event(st, 0, &ev);
		if (fn(arg, &e, &ev))
			break;
	}
	return finish(ctx, st, rc, err);
}

/* Every list: optional family (?1), status (?2), kind (?3) and meldcode trajectory (?4). */
#define LIST_WHERE \
	" WHERE (?1 IS NULL OR e.family_id = ?1) AND (?2 IS NULL OR e.status = ?2)" \
	" AND (?3 IS NULL OR e.kind = ?3) AND (?4 IS NULL OR e.meldcode_id = ?4)"
/* The queue order walks the partial index escalation_queue. */
static const char SQL_OPEN[] =
	"SELECT " ESC_COLS ESC_FROM LIST_WHERE " AND e.status IN ('pending', 'info_requested')"
	" ORDER BY e.acted_before_approval DESC, e.urgency_ord, e.requested_at, e.id";
static const char SQL_ALL[] =
	"SELECT " ESC_COLS ESC_FROM LIST_WHERE " ORDER BY e.requested_at, e.id";

static enum casus_rc each_row(struct casus_ctx *ctx, sqlite3_stmt *st, escalation_fn fn,
	void *arg, struct casus_err *err)
{
	int rc;
	struct escalation e;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_escalation(ctx, st, &e);
		if (fn(arg, &e))
			break;
	}
	return finish(ctx, st, rc, err);
}

enum casus_rc escalation_list_each(struct casus_ctx *ctx, const struct escalation_filter *f,
	escalation_fn fn, void *arg, struct casus_err *err)
{
	struct family fam;
	enum casus_rc r;
	if (f->family && *f->family && (r = family_get(ctx, f->family, &fam, err)))
		return r;
	if (f->status >= ESC_STATUS_COUNT || f->kind >= ESC_KIND_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown status or kind of escalation."));
	sqlite3_stmt *st = db_stmt(ctx, f->open_only ? SQL_OPEN : SQL_ALL, err);
	if (!st)
		return err->rc;
	db_bind_text(st, 1, f->family && *f->family ? fam.id : NULL);
	db_bind_text(st, 2, f->status >= 0 ? escalation_status_name(f->status) : NULL);
	db_bind_text(st, 3, f->kind >= 0 ? escalation_kind_name(f->kind) : NULL);
	db_bind_text(st, 4, f->meldcode_id);
	return each_row(ctx, st, fn, arg, err);
}

enum casus_rc escalation_queue_each(struct casus_ctx *ctx, escalation_fn fn, void *arg,
	struct casus_err *err)
{
	struct escalation_filter all = { .status = -1, .kind = -1, .open_only = true };
	return escalation_list_each(ctx, &all, fn, arg, err);
}

/* One statement for escalations and their events, so callbacks may use other core
 * calls without disturbing a second statement held open here. */
static const char SQL_FAMILY_HISTORY[] =
	"SELECT " ESC_COLS ", " EVENT_COLS ESC_FROM
	" LEFT JOIN escalation_event ev ON ev.escalation_id = e.id"
	" LEFT JOIN member eb ON eb.id = ev.by_id"
	" WHERE e.family_id = ?1 ORDER BY e.requested_at DESC, e.id DESC, ev.seq";
static const char SQL_FAMILY_ONLY[] =
	"SELECT " ESC_COLS ESC_FROM " WHERE e.family_id = ?1 ORDER BY e.requested_at DESC,"
	" e.id DESC";

enum casus_rc escalation_each_for_family(struct casus_ctx *ctx, const char *family_id,
	escalation_fn fn, escalation_event_fn event_fn, void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, event_fn ? SQL_FAMILY_HISTORY : SQL_FAMILY_ONLY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	if (!event_fn)
		return each_row(ctx, st, fn, arg, err);
	int rc;
	struct escalation e;
	struct escalation_event ev;
	char last[CASUS_ID_LEN] = "";
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(last, (const char *)sqlite3_column_text(st, 0)) != 0) {
			read_escalation(ctx, st, &e);
			snprintf(last, sizeof last, "%s", e.id);
			if (fn && fn(arg, &e))
				break;
		}
		if (sqlite3_column_type(st, ESC_NCOLS) == SQLITE_NULL)
			continue;
		read_event(st, ESC_NCOLS, &ev);
		if (event_fn(arg, &e, &ev))
			break;
	}
	return finish(ctx, st, rc, err);
}

static const char SQL_FLAGS[] =
	"SELECT count(*) FILTER (WHERE status IN ('pending', 'info_requested')),"
	" count(*) FILTER (WHERE status = 'info_requested'),"
	" count(*) FILTER (WHERE status = 'approved'),"
	" count(*) FILTER (WHERE status = 'rejected'),"
	" count(*) FILTER (WHERE acted_before_approval = 1"
	"  AND status IN ('pending', 'info_requested'))"
	" FROM escalation WHERE family_id = ?1";

enum casus_rc escalation_family_flags(struct casus_ctx *ctx, const char *family_id,
	struct escalation_flags *out, struct casus_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(ctx, SQL_FLAGS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->pending = sqlite3_column_int(st, 0);
		out->info_requested = sqlite3_column_int(st, 1);
		out->approved = sqlite3_column_int(st, 2);
		out->rejected = sqlite3_column_int(st, 3);
		out->acted_undecided = sqlite3_column_int(st, 4);
	}
	return finish(ctx, st, rc, err);
}
