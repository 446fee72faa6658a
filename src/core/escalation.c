/* Escalations: the names of kinds, urgencies and states, and the one way every state
 * change is written (row with rev, history event, audit row), shared by the request
 * side (escalation_request.c) and the decision side (escalation_decide.c). */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/i18n.h"
#include "casus/setting.h"

static const char *const kind_names[ESC_KIND_COUNT] = { "specialistisch", "veilig_thuis",
	"raad", "opschalen", "crisis" };
static const char *const urgency_names[URGENCY_COUNT] = { "normaal", "hoog", "acuut" };
static const char *const status_names[ESC_STATUS_COUNT] = { "pending", "info_requested",
	"approved", "rejected", "withdrawn" };

static int parse(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *escalation_kind_name(enum escalation_kind k)
{
	return (unsigned)k < ESC_KIND_COUNT ? kind_names[k] : "?";
}

const char *escalation_kind_label(enum escalation_kind k)
{
	switch (k) {
	case ESC_SPECIALISTISCH: return _("specialist youth care");
	case ESC_VEILIG_THUIS: return _("report to Veilig Thuis");
	case ESC_RAAD: return _("request to the Raad voor de Kinderbescherming");
	case ESC_OPSCHALEN: return _("escalate a stalled plan");
	case ESC_CRISIS: return _("crisis");
	default: return "?";
	}
}

int escalation_kind_parse(const char *s)
{
	/* Short forms people type on the command line. */
	if (s && strcmp(s, "vt") == 0)
		return ESC_VEILIG_THUIS;
	if (s && strcmp(s, "specialist") == 0)
		return ESC_SPECIALISTISCH;
	return parse(kind_names, ESC_KIND_COUNT, s);
}

const char *escalation_urgency_name(enum escalation_urgency u)
{
	return (unsigned)u < URGENCY_COUNT ? urgency_names[u] : "?";
}

const char *escalation_urgency_label(enum escalation_urgency u)
{
	switch (u) {
	case URGENCY_NORMAAL: return _("normal");
	case URGENCY_HOOG: return _("high");
	case URGENCY_ACUUT: return _("acute");
	default: return "?";
	}
}

int escalation_urgency_parse(const char *s)
{
	return parse(urgency_names, URGENCY_COUNT, s);
}

const char *escalation_status_name(enum escalation_status st)
{
	return (unsigned)st < ESC_STATUS_COUNT ? status_names[st] : "?";
}

const char *escalation_status_label(enum escalation_status st)
{
	switch (st) {
	case ESC_PENDING: return _("awaiting approval");
	case ESC_INFO_REQUESTED: return _("information requested");
	case ESC_APPROVED: return _("approved");
	case ESC_REJECTED: return _("rejected");
	case ESC_WITHDRAWN: return _("withdrawn");
	default: return "?";
	}
}

int escalation_status_parse(const char *s)
{
	return parse(status_names, ESC_STATUS_COUNT, s);
}

bool escalation_needs_approval(struct casus_ctx *ctx, enum escalation_kind k)
{
	char key[64];
	snprintf(key, sizeof key, "escalation.approval.%s", escalation_kind_name(k));
	return setting_get_bool(ctx, key);
}

/* ---- writing a state change ---- */

static const char SQL_EVENT[] =
	"INSERT INTO escalation_event(id, escalation_id, seq, action, from_status, to_status,"
	" at, by_id, motivation, instead, retroactive)"
	" VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM escalation_event"
	" WHERE escalation_id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

enum casus_rc escalation_add_event(struct casus_ctx *ctx, const char *escalation_id,
	const char *action, int from, enum escalation_status to, const char *text,
	const char *instead, bool retroactive, struct casus_err *err)
{
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_EVENT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, escalation_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	db_bind_text(st, 4, from < 0 ? NULL : escalation_status_name((enum escalation_status)from));
	sqlite3_bind_text(st, 5, escalation_status_name(to), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, ctx->user.id, -1, SQLITE_STATIC);
	db_bind_text(st, 8, text);
	db_bind_text(st, 9, instead);
	sqlite3_bind_int(st, 10, retroactive);
	return db_exec_stmt(ctx, st, err);
}

/* The rev the caller saw is gone: say who moved it on, when, and where it stands. */
static enum casus_rc conflict(const struct escalation *cur, struct casus_err *err)
{
	return err_set(err, CASUS_E_CONFLICT,
		_("The escalation (%s) for family %s was changed by %s (%s) at %s, after you "
		  "looked at it; it is now: %s. Nothing was saved; look at it again."),
		escalation_kind_label(cur->kind), cur->case_no, cur->updated_by_name,
		cur->updated_by_login, cur->updated_at, escalation_status_label(cur->status));
}

enum casus_rc escalation_begin_change(struct casus_ctx *ctx, const struct escalation *seen,
	struct escalation *cur, struct casus_err *err)
{
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = db_begin(ctx, err)))
		return r;
	/* Read under the write lock, so the checks that follow see the latest state. */
	if (!(r = escalation_get(ctx, seen->id, cur, err)) && cur->rev != seen->rev)
		r = conflict(cur, err);
	if (r)
		db_rollback(ctx);
	return r;
}

static const char SQL_STORE[] =
	"UPDATE escalation SET status = ?3, question = ?4, acted_before_approval = ?5,"
	" acted_at = ?6, acted_by = ?7, acted_note = ?8, decided_by = ?9, decided_at = ?10,"
	" motivation = ?11, instead = ?12, rev = rev + 1, updated_at = ?13, updated_by = ?14"
	" WHERE id = ?1 AND rev = ?2";

static enum casus_rc store_row(struct casus_ctx *ctx, const struct escalation *n,
	int64_t seen_rev, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_STORE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, n->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seen_rev);
	sqlite3_bind_text(st, 3, escalation_status_name(n->status), -1, SQLITE_STATIC);
	db_bind_text(st, 4, n->question);
	sqlite3_bind_int(st, 5, n->acted_before_approval);
	db_bind_text(st, 6, n->acted_at);
	db_bind_text(st, 7, n->acted_by_id);
	db_bind_text(st, 8, n->acted_note);
	db_bind_text(st, 9, n->decided_by_id);
	db_bind_text(st, 10, n->decided_at);
	db_bind_text(st, 11, n->motivation);
	db_bind_text(st, 12, n->instead);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, ctx->user.id, -1, SQLITE_STATIC);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (r)
		return r;
	if (sqlite3_changes(ctx->db) == 0) {
		/* Cannot happen under BEGIN IMMEDIATE after escalation_begin_change; kept so
		 * a lost update is impossible even if a caller skips that step. */
		struct escalation cur;
		if (escalation_get(ctx, n->id, &cur, err) == CASUS_OK)
			conflict(&cur, err);
		return CASUS_E_CONFLICT;
	}
	return CASUS_OK;
}

enum casus_rc escalation_store(struct casus_ctx *ctx, const struct escalation *next,
	int64_t seen_rev, const char *action, enum escalation_status from, const char *text,
	const char *instead, struct casus_err *err)
{
	enum casus_rc r;
	bool decided = next->status == ESC_APPROVED || next->status == ESC_REJECTED;
	bool retro = decided && next->acted_before_approval;
	if ((r = store_row(ctx, next, seen_rev, err))
	    || (r = escalation_add_event(ctx, next->id, action, (int)from, next->status, text,
			instead, retro, err)))
		return r;
	char detail[160];
	snprintf(detail, sizeof detail, "%s %s: %s -> %s%s", action,
		escalation_kind_name(next->kind), escalation_status_name(from),
		escalation_status_name(next->status), retro ? " (retroactive)" : "");
	return audit_log(ctx, AUDIT_UPDATE, next->family_id, "escalation", next->id, detail, err);
}

enum casus_rc escalation_end_change(struct casus_ctx *ctx, struct escalation *e,
	enum casus_rc r, struct casus_err *err)
{
	if (r) {
		db_rollback(ctx);
		return r;
	}
	if ((r = db_commit(ctx, err)))
		return r;
	return escalation_get(ctx, e->id, e, err);
}
