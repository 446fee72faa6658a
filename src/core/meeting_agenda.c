/* The agenda of a meeting: reading items, the chair's edits (add, change, remove
 * before the start, reorder), running items (start/pause, done, skip, casusinbreng
 * rounds) with timers kept as timestamps, and moving items to the next meeting. The
 * proposal and casusinbreng requests are in meeting_propose.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meeting.h"
#include "casus/team_issue.h"
#include "casus/text.h"

#define ITEM_COLS \
	"i.id, i.meeting_id, i.kind, i.family_id, f.case_no, f.display_name, i.action_id," \
	" i.meldcode_id, i.escalation_id, i.team_issue_id, t.number, t.title, b.login, b.name," \
	" i.question, i.due_on, i.planned_minutes, i.position, i.state, i.round," \
	" i.first_started_at, i.run_started_at, i.elapsed_seconds, i.stopped_at, i.moved_from," \
	" i.moved_to, i.rev, i.updated_at, u.login, u.name" \
	" FROM agenda_item i LEFT JOIN family f ON f.id = i.family_id" \
	" LEFT JOIN team_issue t ON t.id = i.team_issue_id" \
	" LEFT JOIN member b ON b.id = i.brought_by LEFT JOIN member u ON u.id = i.updated_by"

static void read_ids(sqlite3_stmt *st, struct agenda_item *it)
{
	db_col_text(st, 0, it->id, sizeof it->id);
	db_col_text(st, 1, it->meeting_id, sizeof it->meeting_id);
	int k = agenda_kind_parse((const char *)sqlite3_column_text(st, 2));
	it->kind = k < 0 ? AGENDA_OVERIG : (enum agenda_kind)k;
	db_col_text(st, 3, it->family_id, sizeof it->family_id);
	db_col_text(st, 4, it->case_no, sizeof it->case_no);
	db_col_text(st, 5, it->family_name, sizeof it->family_name);
	db_col_text(st, 6, it->action_id, sizeof it->action_id);
	db_col_text(st, 7, it->meldcode_id, sizeof it->meldcode_id);
	db_col_text(st, 8, it->escalation_id, sizeof it->escalation_id);
	db_col_text(st, 9, it->team_issue_id, sizeof it->team_issue_id);
	it->team_issue_no = sqlite3_column_int(st, 10);
	db_col_text(st, 11, it->team_issue_title, sizeof it->team_issue_title);
	db_col_text(st, 12, it->brought_by_login, sizeof it->brought_by_login);
	db_col_text(st, 13, it->brought_by_name, sizeof it->brought_by_name);
}

static void read_item(sqlite3_stmt *st, struct agenda_item *it)
{
	memset(it, 0, sizeof *it);
	read_ids(st, it);
	db_col_text(st, 14, it->question, sizeof it->question);
	db_col_text(st, 15, it->due_on, sizeof it->due_on);
	it->planned_minutes = sqlite3_column_int(st, 16);
	it->position = sqlite3_column_int(st, 17);
	int s = agenda_state_parse((const char *)sqlite3_column_text(st, 18));
	it->state = s < 0 ? ITEM_OPEN : (enum agenda_state)s;
	it->round = inbreng_round_parse((const char *)sqlite3_column_text(st, 19));
	db_col_text(st, 20, it->first_started_at, sizeof it->first_started_at);
	db_col_text(st, 21, it->run_started_at, sizeof it->run_started_at);
	it->elapsed_seconds = sqlite3_column_int64(st, 22);
	db_col_text(st, 23, it->stopped_at, sizeof it->stopped_at);
	db_col_text(st, 24, it->moved_from, sizeof it->moved_from);
	db_col_text(st, 25, it->moved_to, sizeof it->moved_to);
	it->rev = sqlite3_column_int64(st, 26);
	db_col_text(st, 27, it->updated_at, sizeof it->updated_at);
	db_col_text(st, 28, it->updated_by_login, sizeof it->updated_by_login);
	db_col_text(st, 29, it->updated_by_name, sizeof it->updated_by_name);
}

static const char SQL_GET[] = "SELECT " ITEM_COLS " WHERE i.id = ?1";

enum casus_rc meeting_item_get(struct casus_ctx *ctx, const char *item_id,
	struct agenda_item *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, item_id ? item_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_item(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This agenda item is no longer on the agenda."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_EACH[] =
	"SELECT " ITEM_COLS " WHERE i.meeting_id = ?1 ORDER BY i.position, i.rowid";

enum casus_rc meeting_item_each(struct casus_ctx *ctx, const char *meeting_id,
	int (*fn)(void *arg, const struct agenda_item *it), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, meeting_id ? meeting_id : "", -1, SQLITE_TRANSIENT);
	struct agenda_item *it = malloc(sizeof *it);
	if (!it) {
		db_done(st);
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_item(st, it);
		if (fn(arg, it))
			break;
	}
	db_done(st);
	free(it);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

int64_t meeting_item_elapsed(const struct agenda_item *it, time_t now)
{
	int64_t s = it->elapsed_seconds;
	time_t start;
	if (it->run_started_at[0] && clock_parse_iso(it->run_started_at, &start) && now > start)
		s += (int64_t)(now - start);
	return s;
}

/* ---- beginning a change ---- */

static const char SQL_WHO[] =
	"SELECT i.updated_at, u.login, u.name FROM agenda_item i LEFT JOIN member u"
	" ON u.id = i.updated_by WHERE i.id = ?1";

static enum casus_rc item_conflict(struct casus_ctx *ctx, const struct agenda_item *it,
	struct casus_err *err)
{
	char at[21] = "", login[CASUS_LOGIN_MAX + 1] = "", name[MEETING_NAME_BUF] = "";
	sqlite3_stmt *st = db_stmt(ctx, SQL_WHO, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, it->id, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		db_col_text(st, 0, at, sizeof at);
		db_col_text(st, 1, login, sizeof login);
		db_col_text(st, 2, name, sizeof name);
	}
	db_done(st);
	if (!found)
		return err_set(err, CASUS_E_CONFLICT,
			_("Agenda item %d was removed after you opened it. Nothing was saved."),
			it->position);
	return err_set(err, CASUS_E_CONFLICT,
		_("Agenda item %d was changed by %s (%s) at %s, after you opened it. Nothing was "
		  "saved; look at their change and try again."), it->position, name, login, at);
}

enum casus_rc mt_begin_item(struct casus_ctx *ctx, const struct agenda_item *seen,
	struct agenda_item *cur, struct meeting *m, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	enum casus_rc r = db_begin(ctx, err);
	if (r)
		return r;
	r = meeting_item_get(ctx, seen->id, cur, err);
	if (r == CASUS_E_NOTFOUND && seen->rev)
		r = item_conflict(ctx, seen, err);
	if (!r)
		r = meeting_get(ctx, cur->meeting_id, m, err);
	if (!r && seen->rev && seen->rev != cur->rev)
		r = item_conflict(ctx, seen, err);
	return r ? mt_end(ctx, r, err) : CASUS_OK;
}

/* Finish a change of it: commit or roll back, and reload it on success. */
static enum casus_rc end_item(struct casus_ctx *ctx, struct agenda_item *it, enum casus_rc r,
	struct casus_err *err)
{
	if ((r = mt_end(ctx, r, err)))
		return r;
	return meeting_item_get(ctx, it->id, it, err);
}

static enum casus_rc item_audit(struct casus_ctx *ctx, const struct agenda_item *it,
	enum audit_event ev, const char *what, struct casus_err *err)
{
	return audit_log(ctx, ev, it->family_id[0] ? it->family_id : NULL, "agenda_item", it->id,
		what, err);
}

/* ---- states and timers ---- */

static const char SQL_STATE[] =
	"UPDATE agenda_item SET state = ?3, run_started_at = ?4,"
	" first_started_at = coalesce(first_started_at, ?4),"
	" elapsed_seconds = elapsed_seconds + ?5, stopped_at = coalesce(?6, stopped_at),"
	" round = ?7, moved_to = ?8, rev = rev + 1, updated_at = ?9, updated_by = ?10"
	" WHERE id = ?1 AND rev = ?2";

/* Write cur's move to state `to` (round: the round afterwards). Leaving 'running' adds
 * the run to elapsed_seconds; entering it stamps run_started_at. */
static enum casus_rc write_state(struct casus_ctx *ctx, const struct agenda_item *cur,
	enum agenda_state to, int round, const char *moved_to, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	bool was = cur->state == ITEM_RUNNING, is = to == ITEM_RUNNING;
	int64_t add = was && !is ? meeting_item_elapsed(cur, clock_now()) - cur->elapsed_seconds : 0;
	sqlite3_stmt *st = db_stmt(ctx, SQL_STATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, cur->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, cur->rev);
	sqlite3_bind_text(st, 3, agenda_state_name(to), -1, SQLITE_STATIC);
	db_bind_text(st, 4, is ? (was ? cur->run_started_at : now) : NULL);
	sqlite3_bind_int64(st, 5, add);
	db_bind_text(st, 6, was && !is ? now : NULL);
	db_bind_text(st, 7, round >= 0 ? inbreng_round_name((enum inbreng_round)round) : NULL);
	db_bind_text(st, 8, moved_to);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0)
		r = item_conflict(ctx, cur, err);
	return r;
}

static const char SQL_RUNNING[] =
	"SELECT id FROM agenda_item WHERE meeting_id = ?1 AND state = 'running'";

enum casus_rc mt_pause_running(struct casus_ctx *ctx, const char *meeting_id,
	struct casus_err *err)
{
	char id[CASUS_ID_LEN] = "";
	sqlite3_stmt *st = db_stmt(ctx, SQL_RUNNING, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, meeting_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_text(st, 0, id, sizeof id);
	db_done(st);
	if (!id[0])
		return CASUS_OK;
	struct agenda_item *it = malloc(sizeof *it);
	if (!it)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = meeting_item_get(ctx, id, it, err);
	if (!r && !(r = write_state(ctx, it, ITEM_OPEN, it->round, NULL, err)))
		r = item_audit(ctx, it, AUDIT_UPDATE, "item paused", err);
	free(it);
	return r;
}

/* Start a state change while the meeting runs, by its chair or minute-taker. */
static enum casus_rc begin_run(struct casus_ctx *ctx, const struct agenda_item *seen,
	struct agenda_item *cur, struct meeting *m, struct casus_err *err)
{
	enum casus_rc r = mt_begin_item(ctx, seen, cur, m, err);
	if (r)
		return r;
	if (!(r = mt_require_lead(ctx, m, err)))
		r = mt_require_status(m, 1u << MEETING_RUNNING, err);
	return r ? mt_end(ctx, r, err) : CASUS_OK;
}

static enum casus_rc state_error(const struct agenda_item *it, const char *what,
	struct casus_err *err)
{
	return err_set(err, CASUS_E_STATE, _("Agenda item %d is %s; it cannot be %s."),
		it->position, agenda_state_label(it->state, NULL), what);
}

/* The shared body of start, done and skip: allowed is a mask of states it may leave. */
static enum casus_rc change_state(struct casus_ctx *ctx, struct agenda_item *it,
	enum agenda_state to, unsigned allowed, const char *what, const char *audit,
	struct casus_err *err)
{
	struct agenda_item *cur = malloc(sizeof *cur);
	struct meeting m;
	if (!cur)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = begin_run(ctx, it, cur, &m, err);
	if (r) {
		free(cur);
		return r;
	}
	if (!(allowed & (1u << cur->state)))
		r = state_error(cur, what, err);
	/* Starting pauses the running item first; cur is read again in case it was it. */
	if (!r && to == ITEM_RUNNING && !(r = mt_pause_running(ctx, m.id, err)))
		r = meeting_item_get(ctx, cur->id, cur, err);
	if (!r && !(r = write_state(ctx, cur, to, cur->round, NULL, err)))
		r = item_audit(ctx, cur, AUDIT_UPDATE, audit, err);
	free(cur);
	return end_item(ctx, it, r, err);
}

enum casus_rc meeting_item_start(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err)
{
	return change_state(ctx, it, ITEM_RUNNING,
		1u << ITEM_OPEN | 1u << ITEM_DONE | 1u << ITEM_SKIPPED, _("started"), "item started",
		err);
}

enum casus_rc meeting_item_done(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err)
{
	return change_state(ctx, it, ITEM_DONE,
		1u << ITEM_OPEN | 1u << ITEM_RUNNING | 1u << ITEM_SKIPPED, _("marked done"),
		"item done", err);
}

enum casus_rc meeting_item_skip(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err)
{
	return change_state(ctx, it, ITEM_SKIPPED, 1u << ITEM_OPEN | 1u << ITEM_RUNNING,
		_("skipped"), "item skipped", err);
}

enum casus_rc meeting_item_next_round(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err)
{
	struct agenda_item *cur = malloc(sizeof *cur);
	struct meeting m;
	if (!cur)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = begin_run(ctx, it, cur, &m, err);
	if (r) {
		free(cur);
		return r;
	}
	if (cur->kind != AGENDA_INBRENG)
		r = err_set(err, CASUS_E_STATE, _("Only a casusinbreng goes through rounds."));
	else if (cur->state != ITEM_RUNNING)
		r = err_set(err, CASUS_E_STATE,
			_("Start agenda item %d before moving on to its next round."), cur->position);
	else if (cur->round >= ROUND_BESLUIT)
		r = err_set(err, CASUS_E_STATE,
			_("Agenda item %d is at its last round (%s): record the decision and mark it "
			  "done."), cur->position, inbreng_round_label(ROUND_BESLUIT, NULL));
	if (!r && !(r = write_state(ctx, cur, ITEM_RUNNING, cur->round + 1, NULL, err))) {
		char what[40];
		snprintf(what, sizeof what, "round %s",
			inbreng_round_name((enum inbreng_round)(cur->round + 1)));
		r = item_audit(ctx, cur, AUDIT_UPDATE, what, err);
	}
	free(cur);
	return end_item(ctx, it, r, err);
}

/* ---- moving to the next meeting ---- */

static const char SQL_NEXT_PLANNED[] =
	"SELECT id FROM meeting WHERE status = 'planned' AND held_on > ?1"
	" ORDER BY held_on, created_at LIMIT 1";
/* An item about the same thing already on the target agenda (never for free items). */
static const char SQL_SAME[] =
	"SELECT t.id FROM agenda_item t JOIN agenda_item o ON o.id = ?1"
	" WHERE t.meeting_id = ?2 AND t.kind = o.kind AND t.kind <> 'overig'"
	" AND t.family_id IS o.family_id AND t.action_id IS o.action_id"
	" AND t.meldcode_id IS o.meldcode_id AND t.escalation_id IS o.escalation_id"
	" AND t.team_issue_id IS o.team_issue_id LIMIT 1";
static const char SQL_COPY[] =
	"INSERT INTO agenda_item(id, meeting_id, kind, family_id, action_id, meldcode_id,"
	" escalation_id, team_issue_id, brought_by, question, due_on, planned_minutes, position,"
	" round, moved_from, created_at, created_by, updated_at, updated_by)"
	" SELECT ?1, ?2, kind, family_id, action_id, meldcode_id, escalation_id, team_issue_id,"
	" brought_by, question, due_on, planned_minutes,"
	" (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?2),"
	" CASE WHEN kind = 'casusinbreng' THEN 'inbreng' END, id, ?3, ?4, ?3, ?4"
	" FROM agenda_item WHERE id = ?5";

static enum casus_rc one_id(struct casus_ctx *ctx, const char *sql, const char *a,
	const char *b, char out[CASUS_ID_LEN], struct casus_err *err)
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

enum casus_rc mt_item_copy(struct casus_ctx *ctx, const char *item_id, const char *meeting_id,
	char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	enum casus_rc r = one_id(ctx, SQL_SAME, item_id, meeting_id, out_id, err);
	if (r || out_id[0])
		return r; /* already there (e.g. proposed anew): link to that one */
	char now[21];
	ids_new(out_id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_COPY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, out_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, meeting_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, item_id, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc mt_item_move(struct casus_ctx *ctx, const struct agenda_item *cur,
	const struct meeting *m, struct casus_err *err)
{
	char next[CASUS_ID_LEN], copy[CASUS_ID_LEN] = "";
	if (cur->state == ITEM_DONE || cur->state == ITEM_MOVED)
		return state_error(cur, _("moved to the next meeting"), err);
	enum casus_rc r = one_id(ctx, SQL_NEXT_PLANNED, m->held_on, NULL, next, err);
	if (!r && next[0])
		r = mt_item_copy(ctx, cur->id, next, copy, err);
	if (!r)
		r = write_state(ctx, cur, ITEM_MOVED, cur->round, copy[0] ? copy : NULL, err);
	return r ? r : item_audit(ctx, cur, AUDIT_UPDATE, "item moved to the next meeting", err);
}

enum casus_rc meeting_item_move_next(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err)
{
	struct agenda_item *cur = malloc(sizeof *cur);
	struct meeting m;
	if (!cur)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = mt_begin_item(ctx, it, cur, &m, err);
	if (r) {
		free(cur);
		return r;
	}
	if (!(r = mt_require_editor(ctx, &m, err))
	    && !(r = mt_require_status(&m, 1u << MEETING_PLANNED | 1u << MEETING_RUNNING, err)))
		r = mt_item_move(ctx, cur, &m, err);
	free(cur);
	return end_item(ctx, it, r, err);
}

/* ---- the chair's edits ---- */

static const char SQL_ORDER[] =
	"SELECT id FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, rowid";
static const char SQL_SET_POS[] =
	"UPDATE agenda_item SET position = ?2 WHERE id = ?1 AND position <> ?2";

/* Number the agenda 1..n again, with item_id (if given) at position pos. */
static enum casus_rc renumber(struct casus_ctx *ctx, const char *meeting_id,
	const char *item_id, int pos, struct casus_err *err)
{
	char (*ids)[CASUS_ID_LEN] = NULL;
	int n = 0;
	enum casus_rc r = CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_ORDER, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, meeting_id, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (item_id && strcmp((const char *)sqlite3_column_text(st, 0), item_id) == 0)
			continue;
		void *p = realloc(ids, (size_t)(n + 1) * sizeof *ids);
		if (!p) {
			r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
			break;
		}
		ids = p;
		db_col_text(st, 0, ids[n++], CASUS_ID_LEN);
	}
	db_done(st);
	int total = n + (item_id ? 1 : 0);
	pos = pos < 1 ? 1 : pos > total ? total : pos;
	for (int at = 1, i = 0; !r && at <= total; at++) {
		const char *id = item_id && at == pos ? item_id : ids[i++];
		if (!(st = db_stmt(ctx, SQL_SET_POS, err))) {
			r = err->rc;
			break;
		}
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, at);
		r = db_exec_stmt(ctx, st, err);
	}
	free(ids);
	return r;
}

/* Begin an edit of the agenda (add, change, reorder) before the meeting finishes. */
static enum casus_rc begin_edit(struct casus_ctx *ctx, const struct agenda_item *seen,
	struct agenda_item *cur, struct meeting *m, unsigned statuses, struct casus_err *err)
{
	enum casus_rc r = mt_begin_item(ctx, seen, cur, m, err);
	if (r)
		return r;
	if (!(r = mt_require_editor(ctx, m, err)))
		r = mt_require_status(m, statuses, err);
	return r ? mt_end(ctx, r, err) : CASUS_OK;
}

static const char SQL_TOUCH[] =
	"UPDATE agenda_item SET question = ?3, planned_minutes = ?4, rev = rev + 1,"
	" updated_at = ?5, updated_by = ?6 WHERE id = ?1 AND rev = ?2";

/* Save question and planned minutes over cur (cur->rev is the rev the caller saw). */
static enum casus_rc write_fields(struct casus_ctx *ctx, const struct agenda_item *cur,
	const char *what, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_TOUCH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, cur->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, cur->rev);
	db_bind_text(st, 3, cur->question);
	sqlite3_bind_int(st, 4, cur->planned_minutes);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0)
		r = item_conflict(ctx, cur, err);
	return r ? r : item_audit(ctx, cur, AUDIT_UPDATE, what, err);
}

enum casus_rc mt_check_item_fields(const char *question, int minutes, struct casus_err *err)
{
	enum casus_rc r = text_check_optional(_("The question"), question, MEETING_QUESTION_MAX,
		TEXT_MULTILINE, err);
	if (!r && (minutes < 1 || minutes > MEETING_MINUTES_MAX))
		r = err_set(err, CASUS_E_INVALID,
			_("The planned time must be between 1 and %d minutes."), MEETING_MINUTES_MAX);
	return r;
}

enum casus_rc meeting_item_update(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err)
{
	enum casus_rc r = mt_check_item_fields(it->question, it->planned_minutes, err);
	struct agenda_item *cur = r ? NULL : malloc(sizeof *cur);
	struct meeting m;
	if (r || !cur)
		return r ? r : err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (!(r = begin_edit(ctx, it, cur, &m, 1u << MEETING_PLANNED | 1u << MEETING_RUNNING,
		      err))) {
		memcpy(cur->question, it->question, sizeof cur->question);
		cur->planned_minutes = it->planned_minutes;
		r = end_item(ctx, it, write_fields(ctx, cur, "item changed", err), err);
	}
	free(cur);
	return r;
}

enum casus_rc meeting_item_reorder(struct casus_ctx *ctx, struct agenda_item *it,
	int position, struct casus_err *err)
{
	struct agenda_item *cur = malloc(sizeof *cur);
	struct meeting m;
	if (!cur)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = begin_edit(ctx, it, cur, &m,
		1u << MEETING_PLANNED | 1u << MEETING_RUNNING, err);
	if (!r) {
		/* Bump the moved item's rev first: that is where a concurrent edit shows. */
		if (!(r = write_fields(ctx, cur, "item reordered", err)))
			r = renumber(ctx, m.id, cur->id, position, err);
		r = end_item(ctx, it, r, err);
	}
	free(cur);
	return r;
}

static const char SQL_HAS_MINUTES[] =
	"SELECT (SELECT count(*) FROM meeting_note WHERE item_id = ?1)"
	" + (SELECT count(*) FROM meeting_decision WHERE item_id = ?1)"
	" + (SELECT count(*) FROM meeting_action WHERE item_id = ?1)";
static const char SQL_DELETE[] = "DELETE FROM agenda_item WHERE id = ?1 AND rev = ?2";

static enum casus_rc check_removable(struct casus_ctx *ctx, const struct agenda_item *cur,
	struct casus_err *err)
{
	if (cur->state == ITEM_MOVED)
		return state_error(cur, _("removed"), err);
	if (cur->moved_from[0])
		return err_set(err, CASUS_E_STATE,
			_("Agenda item %d was moved here from an earlier meeting; skip it instead."),
			cur->position);
	sqlite3_stmt *st = db_stmt(ctx, SQL_HAS_MINUTES, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, cur->id, -1, SQLITE_TRANSIENT);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	if (n > 0)
		return err_set(err, CASUS_E_STATE,
			_("Agenda item %d has notes; skip it or move it to the next meeting instead."),
			cur->position);
	return CASUS_OK;
}

enum casus_rc meeting_item_remove(struct casus_ctx *ctx, const struct agenda_item *it,
	struct casus_err *err)
{
	struct agenda_item *cur = malloc(sizeof *cur);
	struct meeting m;
	if (!cur)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = begin_edit(ctx, it, cur, &m, 1u << MEETING_PLANNED, err);
	if (r) {
		free(cur);
		return r;
	}
	sqlite3_stmt *st = NULL;
	if (!(r = check_removable(ctx, cur, err)) && !(st = db_stmt(ctx, SQL_DELETE, err)))
		r = err->rc;
	if (!r) {
		sqlite3_bind_text(st, 1, cur->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, cur->rev);
		if (!(r = db_exec_stmt(ctx, st, err)) && !(r = renumber(ctx, m.id, NULL, 0, err)))
			r = item_audit(ctx, cur, AUDIT_DELETE, "item removed", err);
	}
	free(cur);
	return mt_end(ctx, r, err);
}

/* ---- adding by hand ---- */

static const char SQL_ADD[] =
	"INSERT INTO agenda_item(id, meeting_id, kind, family_id, team_issue_id, brought_by,"
	" question, planned_minutes, position, round, created_at, created_by, updated_at,"
	" updated_by) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	" (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?2), ?9,"
	" ?10, ?11, ?10, ?11 WHERE NOT EXISTS (SELECT 1 FROM agenda_item WHERE meeting_id = ?2"
	" AND kind = ?3 AND kind <> 'overig' AND family_id IS ?4 AND team_issue_id IS ?5)";

/* Resolve what the item is about: an open family, or a team issue not yet afgerond. */
static enum casus_rc resolve_subject(struct casus_ctx *ctx, const struct agenda_item_new *in,
	char family_id[CASUS_ID_LEN], char issue_id[CASUS_ID_LEN], struct casus_err *err)
{
	enum casus_rc r;
	family_id[0] = issue_id[0] = '\0';
	if (in->kind == AGENDA_TEAM_ISSUE) {
		struct team_issue *t = malloc(sizeof *t);
		if (!t)
			return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
		if (!(r = team_issue_get(ctx, in->team_issue, t, err)) && t->phase == ISSUE_AFGEROND)
			r = err_set(err, CASUS_E_STATE, _("Team issue #%d is afgerond."), t->number);
		memcpy(issue_id, t->id, CASUS_ID_LEN);
		free(t);
		return r;
	}
	if (in->kind == AGENDA_OVERIG && (!in->family || !*in->family))
		return CASUS_OK;
	if (!in->family || !*in->family)
		return err_set(err, CASUS_E_INVALID, _("Say which family this agenda item is about."));
	struct family f;
	if ((r = family_get(ctx, in->family, &f, err)))
		return r;
	memcpy(family_id, f.id, CASUS_ID_LEN);
	return family_require_open(ctx, f.id, err);
}

static enum casus_rc insert_item(struct casus_ctx *ctx, const struct meeting *m,
	const struct agenda_item_new *in, const char *family_id, const char *issue_id,
	char id[CASUS_ID_LEN], struct casus_err *err)
{
	char now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ADD, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, agenda_kind_name(in->kind), -1, SQLITE_STATIC);
	db_bind_text(st, 4, family_id);
	db_bind_text(st, 5, issue_id);
	db_bind_text(st, 6, in->kind == AGENDA_INBRENG ? ctx->user.id : NULL);
	db_bind_text(st, 7, in->question);
	sqlite3_bind_int(st, 8, in->planned_minutes ? in->planned_minutes
		: agenda_kind_default_minutes(in->kind));
	db_bind_text(st, 9, in->kind == AGENDA_INBRENG ? "inbreng" : NULL);
	sqlite3_bind_text(st, 10, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0)
		r = err_set(err, CASUS_E_EXISTS,
			_("This is already on the agenda of the meeting of %s."), m->held_on);
	return r ? r : audit_log(ctx, AUDIT_CREATE, family_id[0] ? family_id : NULL,
		"agenda_item", id, "item added", err);
}

enum casus_rc meeting_item_add(struct casus_ctx *ctx, const char *meeting_id,
	const struct agenda_item_new *in, struct agenda_item *out, struct casus_err *err)
{
	if ((unsigned)in->kind >= AGENDA_KIND_COUNT || in->kind == AGENDA_OPEN_ACTION
	    || in->kind == AGENDA_MELDCODE || in->kind == AGENDA_ESCALATIE)
		return err_set(err, CASUS_E_INVALID,
			_("Open actions, meldcode trajectories and escalations come onto the agenda by "
			  "its proposal."));
	enum casus_rc r = mt_check_item_fields(in->question,
		in->planned_minutes ? in->planned_minutes : 1, err);
	struct meeting m;
	if (r || (r = mt_begin(ctx, meeting_id, &m, err)))
		return r;
	char fid[CASUS_ID_LEN], tid[CASUS_ID_LEN], id[CASUS_ID_LEN];
	if (!(r = mt_require_editor(ctx, &m, err))
	    && !(r = mt_require_status(&m, 1u << MEETING_PLANNED | 1u << MEETING_RUNNING, err))
	    && !(r = resolve_subject(ctx, in, fid, tid, err)))
		r = insert_item(ctx, &m, in, fid, tid, id, err);
	if ((r = mt_end(ctx, r, err)))
		return r;
	return out ? meeting_item_get(ctx, id, out, err) : CASUS_OK;
}

static const char SQL_ON_AGENDA[] =
	"SELECT 1 FROM agenda_item WHERE meeting_id = ?1 AND family_id = ?2"
	" AND state IN ('open', 'running') LIMIT 1";

enum casus_rc meeting_family_on_agenda(struct casus_ctx *ctx, const char *family_id,
	bool *out, struct casus_err *err)
{
	struct meeting m;
	struct casus_err ignore;
	*out = false;
	if (meeting_next(ctx, &m, &ignore) != CASUS_OK)
		return ignore.rc == CASUS_E_NOTFOUND ? CASUS_OK : err_set(err, ignore.rc, "%s",
			ignore.msg);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ON_AGENDA, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW;
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}
