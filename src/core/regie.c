/* Regie: assigning and handing over the regievoerder, with history. The partial
 * unique index regie_one_active makes a second active regievoerder impossible even
 * for a write that bypasses this module.
 *
 * Who may change regie: the current regievoerder (handover), a teamleider, or a
 * decision of the team meeting (regie_by_meeting, called by the meeting module for
 * its chair or minute-taker while the meeting runs). */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "casus/text.h"

static const char SQL_END[] =
	"UPDATE regie SET ended_at = ?2 WHERE family_id = ?1 AND ended_at IS NULL";
static const char SQL_START[] =
	"INSERT INTO regie(id, family_id, member_id, started_at, assigned_by, reason)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_FAMILY[] =
	"UPDATE family SET regie_id = ?3, regie_sort = ?4, rev = rev + 1, updated_at = ?5,"
	" updated_by = ?6 WHERE id = ?1 AND rev = ?2";

static enum casus_rc write_regie(struct casus_ctx *ctx, struct family *f,
	const struct member *to, const char *reason, bool by_meeting, struct casus_err *err)
{
	char now[21], id[CASUS_ID_LEN], sort[FAMILY_TEXT_MAX];
	clock_now_iso(now);
	ids_new(id);
	text_sort_key(to->name, sort, sizeof sort);
	sqlite3_stmt *st = db_stmt(ctx, SQL_END, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	if (db_exec_stmt(ctx, st, err) || !(st = db_stmt(ctx, SQL_START, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_STATIC);
	db_bind_text(st, 6, reason);
	if (db_exec_stmt(ctx, st, err) || !(st = db_stmt(ctx, SQL_FAMILY, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->rev);
	sqlite3_bind_text(st, 3, to->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, sort, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_STATIC);
	if (db_exec_stmt(ctx, st, err))
		return err->rc;
	if (sqlite3_changes(ctx->db) == 0) {
		struct family cur;
		if (family_get(ctx, f->id, &cur, err) == CASUS_OK)
			err_set(err, CASUS_E_CONFLICT,
				_("Family %s was changed by %s at %s, after you opened it. Nothing was "
				  "saved; look again and retry."), cur.case_no, cur.updated_by_name,
				cur.updated_at);
		return CASUS_E_CONFLICT;
	}
	char detail[160];
	snprintf(detail, sizeof detail, "regievoerder %s%s", to->login,
		by_meeting ? " (meeting decision)" : "");
	return audit_log(ctx, AUDIT_UPDATE, f->id, "regie", id, detail, err);
}

/* by_meeting: the meeting decided (the caller checked its chair or minute-taker); it
 * assigns or hands over, whichever the family needs. */
static enum casus_rc regie_change(struct casus_ctx *ctx, struct family *f, const char *login,
	const char *reason, bool handover, bool by_meeting, struct casus_err *err)
{
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = text_check_optional(_("The reason"), reason, 2000, TEXT_MULTILINE, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	struct family cur;
	struct member to;
	if ((r = family_get(ctx, f->id, &cur, err)) || (r = family_require_open(ctx, f->id, err)))
		goto fail;
	if (by_meeting)
		handover = cur.regie_id[0] != '\0';
	if ((r = member_get_by_login(ctx, login, &to, err)))
		goto fail;
	if (!to.active) {
		r = err_set(err, CASUS_E_STATE, _("%s is no longer an active team member."), to.name);
		goto fail;
	}
	if (!handover && cur.regie_id[0]) {
		r = err_set(err, CASUS_E_EXISTS,
			_("Family %s already has a regievoerder (%s). There is one regievoerder per "
			  "family: hand over instead."), cur.case_no, cur.regie_name);
		goto fail;
	}
	if (handover && !cur.regie_id[0]) {
		r = err_set(err, CASUS_E_STATE,
			_("Family %s has no regievoerder yet to hand over from; assign one."),
			cur.case_no);
		goto fail;
	}
	if (handover && strcmp(cur.regie_id, to.id) == 0) {
		r = err_set(err, CASUS_E_STATE, _("%s is already the regievoerder of %s."), to.name,
			cur.case_no);
		goto fail;
	}
	/* Only the current regievoerder, a teamleider, or a meeting decision. */
	bool leader = member_is(ctx, ROLE_TEAMLEIDER);
	bool current = handover && strcmp(cur.regie_id, ctx->user.id) == 0;
	if (!leader && !current && !by_meeting) {
		r = err_set(err, CASUS_E_PERM,
			handover ? _("Only the current regievoerder or a teamleider may hand over regie.")
				 : _("Only a teamleider (or the team meeting) assigns a regievoerder."));
		goto fail;
	}
	if ((r = write_regie(ctx, f, &to, reason, by_meeting, err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return family_get(ctx, f->id, f, err);
fail:
	db_rollback(ctx);
	return r;
}

enum casus_rc regie_assign(struct casus_ctx *ctx, struct family *f, const char *member_login,
	const char *reason, struct casus_err *err)
{
	return regie_change(ctx, f, member_login, reason, false, false, err);
}

enum casus_rc regie_handover(struct casus_ctx *ctx, struct family *f, const char *member_login,
	const char *reason, struct casus_err *err)
{
	return regie_change(ctx, f, member_login, reason, true, false, err);
}

enum casus_rc regie_by_meeting(struct casus_ctx *ctx, struct family *f, const char *member_login,
	const char *reason, struct casus_err *err)
{
	return regie_change(ctx, f, member_login, reason, false, true, err);
}

static const char SQL_HISTORY[] =
	"SELECT m.login, m.name, r.started_at, r.ended_at, a.login, r.reason FROM regie r"
	" JOIN member m ON m.id = r.member_id LEFT JOIN member a ON a.id = r.assigned_by"
	" WHERE r.family_id = ?1 ORDER BY r.started_at, r.rowid";

enum casus_rc regie_history(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct regie_row *row), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_HISTORY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	int rc;
	struct regie_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_text(st, 0, row.member_login, sizeof row.member_login);
		db_col_text(st, 1, row.member_name, sizeof row.member_name);
		db_col_text(st, 2, row.started_at, sizeof row.started_at);
		db_col_text(st, 3, row.ended_at, sizeof row.ended_at);
		db_col_text(st, 4, row.assigned_by_login, sizeof row.assigned_by_login);
		db_col_text(st, 5, row.reason, sizeof row.reason);
		if (fn(arg, &row))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_RESORT[] =
	"UPDATE family SET regie_sort = ?2 WHERE regie_id = ?1";

enum casus_rc regie_refresh_sort_keys(struct casus_ctx *ctx, const char *member_id,
	struct casus_err *err)
{
	struct member m;
	enum casus_rc r = member_get(ctx, member_id, &m, err);
	if (r)
		return r;
	char sort[FAMILY_TEXT_MAX];
	text_sort_key(m.name, sort, sizeof sort);
	sqlite3_stmt *st = db_stmt(ctx, SQL_RESORT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, member_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sort, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}
