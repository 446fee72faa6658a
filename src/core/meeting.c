/* Meetings: names and labels, planning, the chair and minute-taker, attendees,
 * starting and finishing, caseloads for a fair assignment, and the timers. The agenda
 * is in meeting_agenda.c, the minutes in meeting_minutes.c, the export in
 * meeting_export.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meeting.h"
#include "casus/member.h"
#include "casus/text.h"

/* ---- names and labels ---- */

/* Labels are {English, Dutch}: the exported minutes need either language whatever the
 * process runs in, and the screen must use the same words as the minutes. */
static int lang_ix(const char *lang)
{
	if (!lang || !*lang)
		lang = i18n_lang();
	return strcmp(lang, "en") == 0 ? 0 : 1;
}

static const char *const status_names[] = { "planned", "running", "finished" };
static const char *const status_labels[][2] = { { "planned", "gepland" },
	{ "running", "bezig" }, { "finished", "afgerond" } };
static const char *const kind_names[] = { "open_action", "aanmelding_triage", "casusinbreng",
	"evaluatie", "meldcode", "escalatie", "team_issue", "overig" };
static const char *const kind_labels[][2] = {
	{ "Open action", "Openstaande actie" },
	{ "New referral: triage and regievoerder", "Nieuwe aanmelding: triage en regievoerder" },
	{ "Casusinbreng", "Casusinbreng" },
	{ "Evaluation due", "Evaluatie" },
	{ "Meldcode", "Meldcode" },
	{ "Escalation", "Escalatie" },
	{ "Way of working", "Werkwijze" },
	{ "Other", "Overig" },
};
static const int kind_minutes[] = { 2, 5, 20, 10, 10, 5, 10, 5 };
static const char *const state_names[] = { "open", "running", "done", "skipped", "moved" };
static const char *const state_labels[][2] = { { "open", "open" }, { "running", "bezig" },
	{ "done", "besproken" }, { "skipped", "overgeslagen" },
	{ "moved to the next meeting", "doorgeschoven" } };
static const char *const round_names[] = { "inbreng", "vragen", "advies", "keuze", "besluit" };
static const char *const round_labels[][2] = { { "Case presented", "Inbreng" },
	{ "Questions", "Vragen" }, { "Advice", "Advies" },
	{ "The coach's choice", "Keuze van de coach" }, { "Decision", "Besluit" } };
static const char *const decision_names[] = { "besluit", "regie", "consultatie" };

static int parse_in(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *meeting_status_name(enum meeting_status s)
{
	return (unsigned)s < MEETING_STATUS_COUNT ? status_names[s] : "?";
}

int meeting_status_parse(const char *s)
{
	return parse_in(status_names, MEETING_STATUS_COUNT, s);
}

const char *meeting_status_label(enum meeting_status s, const char *lang)
{
	return (unsigned)s < MEETING_STATUS_COUNT ? status_labels[s][lang_ix(lang)] : "?";
}

const char *agenda_kind_name(enum agenda_kind k)
{
	return (unsigned)k < AGENDA_KIND_COUNT ? kind_names[k] : "?";
}

int agenda_kind_parse(const char *s)
{
	return parse_in(kind_names, AGENDA_KIND_COUNT, s);
}

const char *agenda_kind_label(enum agenda_kind k, const char *lang)
{
	return (unsigned)k < AGENDA_KIND_COUNT ? kind_labels[k][lang_ix(lang)] : "?";
}

int agenda_kind_default_minutes(enum agenda_kind k)
{
	return (unsigned)k < AGENDA_KIND_COUNT ? kind_minutes[k] : 5;
}

const char *agenda_state_name(enum agenda_state s)
{
	return (unsigned)s < ITEM_STATE_COUNT ? state_names[s] : "?";
}

int agenda_state_parse(const char *s)
{
	return parse_in(state_names, ITEM_STATE_COUNT, s);
}

const char *agenda_state_label(enum agenda_state s, const char *lang)
{
	return (unsigned)s < ITEM_STATE_COUNT ? state_labels[s][lang_ix(lang)] : "?";
}

const char *inbreng_round_name(enum inbreng_round r)
{
	return (unsigned)r < ROUND_COUNT ? round_names[r] : "?";
}

int inbreng_round_parse(const char *s)
{
	return parse_in(round_names, ROUND_COUNT, s);
}

const char *inbreng_round_label(enum inbreng_round r, const char *lang)
{
	return (unsigned)r < ROUND_COUNT ? round_labels[r][lang_ix(lang)] : "?";
}

const char *decision_kind_name(enum decision_kind k)
{
	return (unsigned)k < DECISION_KIND_COUNT ? decision_names[k] : "?";
}

/* ---- reading ---- */

#define MEETING_COLS \
	"m.id, m.held_on, m.chair_id, c.login, c.name, m.minute_taker_id, n.login, n.name," \
	" m.status, m.started_at, m.finished_at, m.proposed_at," \
	" (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id)," \
	" (SELECT coalesce(sum(i.planned_minutes), 0) FROM agenda_item i" \
	"  WHERE i.meeting_id = m.id AND i.state NOT IN ('skipped', 'moved'))," \
	" m.rev, m.updated_at, u.login, u.name" \
	" FROM meeting m JOIN member c ON c.id = m.chair_id" \
	" JOIN member n ON n.id = m.minute_taker_id LEFT JOIN member u ON u.id = m.updated_by"

static void read_meeting(sqlite3_stmt *st, struct meeting *m)
{
	memset(m, 0, sizeof *m);
	db_col_text(st, 0, m->id, sizeof m->id);
	db_col_text(st, 1, m->held_on, sizeof m->held_on);
	db_col_text(st, 2, m->chair_id, sizeof m->chair_id);
	db_col_text(st, 3, m->chair_login, sizeof m->chair_login);
	db_col_text(st, 4, m->chair_name, sizeof m->chair_name);
	db_col_text(st, 5, m->minutes_id, sizeof m->minutes_id);
	db_col_text(st, 6, m->minutes_login, sizeof m->minutes_login);
	db_col_text(st, 7, m->minutes_name, sizeof m->minutes_name);
	int s = meeting_status_parse((const char *)sqlite3_column_text(st, 8));
	m->status = s < 0 ? MEETING_PLANNED : (enum meeting_status)s;
	db_col_text(st, 9, m->started_at, sizeof m->started_at);
	db_col_text(st, 10, m->finished_at, sizeof m->finished_at);
	db_col_text(st, 11, m->proposed_at, sizeof m->proposed_at);
	m->n_items = sqlite3_column_int(st, 12);
	m->planned_minutes = sqlite3_column_int(st, 13);
	m->rev = sqlite3_column_int64(st, 14);
	db_col_text(st, 15, m->updated_at, sizeof m->updated_at);
	db_col_text(st, 16, m->updated_by_login, sizeof m->updated_by_login);
	db_col_text(st, 17, m->updated_by_name, sizeof m->updated_by_name);
}

/* The id, a unique id prefix (8+ characters), or the date when one meeting is held. */
static const char SQL_GET[] =
	"SELECT " MEETING_COLS " WHERE m.id = ?1"
	" OR (length(?1) BETWEEN 8 AND 35 AND substr(m.id, 1, length(?1)) = lower(?1))"
	" OR m.held_on = ?1 ORDER BY m.id = ?1 DESC LIMIT 2";

enum casus_rc meeting_get(struct casus_ctx *ctx, const char *key, struct meeting *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, key ? key : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	bool exact = false;
	if (rc == SQLITE_ROW) {
		read_meeting(st, out);
		exact = strcmp(out->id, key) == 0;
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE || exact)
			rc = SQLITE_ROW;
		else if (rc == SQLITE_ROW)
			rc = SQLITE_MISUSE; /* two matches */
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_NOTFOUND;
	}
	db_done(st);
	if (rc == SQLITE_NOTFOUND)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no meeting '%.40s'."),
			key ? key : "");
	if (rc == SQLITE_MISUSE)
		return err_set(err, CASUS_E_INVALID,
			_("'%.40s' matches more than one meeting; use the meeting's identifier."), key);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_NEXT[] =
	"SELECT " MEETING_COLS " WHERE m.status = 'running'"
	" OR (m.status = 'planned' AND m.held_on >= ?1)"
	" ORDER BY m.status = 'running' DESC, m.held_on, m.created_at LIMIT 1";

enum casus_rc meeting_next(struct casus_ctx *ctx, struct meeting *out, struct casus_err *err)
{
	char today[11];
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_NEXT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_meeting(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND,
			_("No meeting is planned. Plan one with: casus meeting new --date DATE --chair "
			  "LOGIN --minutes LOGIN"));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_EACH[] =
	"SELECT " MEETING_COLS " ORDER BY m.held_on DESC, m.created_at DESC";

enum casus_rc meeting_each(struct casus_ctx *ctx,
	int (*fn)(void *arg, const struct meeting *m), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	int rc;
	struct meeting m;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_meeting(st, &m);
		if (fn(arg, &m))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- shared by the meeting files ---- */

enum casus_rc mt_begin(struct casus_ctx *ctx, const char *meeting_id, struct meeting *m,
	struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	enum casus_rc r = db_begin(ctx, err);
	if (r)
		return r;
	if ((r = meeting_get(ctx, meeting_id, m, err)))
		db_rollback(ctx);
	return r;
}

enum casus_rc mt_end(struct casus_ctx *ctx, enum casus_rc r, struct casus_err *err)
{
	if (r) {
		db_rollback(ctx);
		return r;
	}
	return db_commit(ctx, err);
}

bool meeting_is_lead(const struct casus_ctx *ctx, const struct meeting *m)
{
	return ctx->user.id[0] && (strcmp(ctx->user.id, m->chair_id) == 0
		|| strcmp(ctx->user.id, m->minutes_id) == 0);
}

enum casus_rc mt_require_lead(struct casus_ctx *ctx, const struct meeting *m,
	struct casus_err *err)
{
	if (meeting_is_lead(ctx, m))
		return CASUS_OK;
	return err_set(err, CASUS_E_PERM,
		_("Only the chair (%s) or the minute-taker (%s) of the meeting of %s may do this."),
		m->chair_name, m->minutes_name, m->held_on);
}

/* The agenda may be prepared by a teamleider too, but only until the meeting starts. */
enum casus_rc mt_require_editor(struct casus_ctx *ctx, const struct meeting *m,
	struct casus_err *err)
{
	if (meeting_is_lead(ctx, m) || (m->status == MEETING_PLANNED && member_is(ctx, ROLE_TEAMLEIDER)))
		return CASUS_OK;
	return err_set(err, CASUS_E_PERM,
		_("Only the chair (%s) or the minute-taker (%s) change the agenda of the meeting of "
		  "%s; a teamleider may until it starts."), m->chair_name, m->minutes_name,
		m->held_on);
}

enum casus_rc mt_require_status(const struct meeting *m, unsigned allowed_mask,
	struct casus_err *err)
{
	if (allowed_mask & (1u << m->status))
		return CASUS_OK;
	if (m->status == MEETING_FINISHED)
		return err_set(err, CASUS_E_STATE,
			_("The meeting of %s has finished; its minutes can no longer be changed here."),
			m->held_on);
	if (m->status == MEETING_PLANNED)
		return err_set(err, CASUS_E_STATE,
			_("The meeting of %s has not started yet; start it first."), m->held_on);
	return err_set(err, CASUS_E_STATE,
		_("The meeting of %s is running; this is only possible before it starts."),
		m->held_on);
}

/* ---- planning ---- */

static enum casus_rc active_member(struct casus_ctx *ctx, const char *what, const char *login,
	struct member *out, struct casus_err *err)
{
	if (!login || !*login)
		return err_set(err, CASUS_E_INVALID, _("%s: give the login of a team member."), what);
	enum casus_rc r = member_get_by_login(ctx, login, out, err);
	if (r == CASUS_E_NOTFOUND)
		return err_set(err, CASUS_E_INVALID, _("%s: '%.64s' is not a team member."), what,
			login);
	if (!r && !out->active)
		return err_set(err, CASUS_E_INVALID, _("%s: %s is no longer an active team member."),
			what, out->name);
	return r;
}

static enum casus_rc check_date(const char *d, struct casus_err *err)
{
	if (d && clock_parse_date(d, NULL))
		return CASUS_OK;
	return err_set(err, CASUS_E_INVALID,
		_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
		_("The meeting date"), d ? d : "");
}

static const char SQL_ATTEND_MEMBER[] =
	"INSERT OR IGNORE INTO meeting_attendee(id, meeting_id, member_id, added_at, added_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";

static enum casus_rc attend(struct casus_ctx *ctx, const char *meeting_id,
	const char *member_id, char out_id[CASUS_ID_LEN], bool *added, struct casus_err *err)
{
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ATTEND_MEMBER, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, meeting_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, member_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (added)
		*added = !r && sqlite3_changes(ctx->db) > 0;
	if (out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return r;
}

static const char SQL_INSERT[] =
	"INSERT INTO meeting(id, held_on, chair_id, minute_taker_id, created_at, created_by,"
	" updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)";

enum casus_rc meeting_plan(struct casus_ctx *ctx, const struct meeting_new *in,
	struct meeting *out, struct casus_err *err)
{
	struct member chair, notulist;
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = check_date(in->held_on, err))
	    || (r = active_member(ctx, _("The chair"), in->chair, &chair, err))
	    || (r = active_member(ctx, _("The minute-taker"), in->minute_taker, &notulist, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return mt_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, in->held_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, chair.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, notulist.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	if (!(r = db_exec_stmt(ctx, st, err)) && !(r = attend(ctx, id, chair.id, NULL, NULL, err))
	    && !(r = attend(ctx, id, notulist.id, NULL, NULL, err)))
		r = audit_log(ctx, AUDIT_CREATE, NULL, "meeting", id, "meeting planned", err);
	if ((r = mt_end(ctx, r, err)))
		return r;
	return out ? meeting_get(ctx, id, out, err) : CASUS_OK;
}

static const char SQL_WHO[] =
	"SELECT m.updated_at, u.login, u.name FROM meeting m LEFT JOIN member u"
	" ON u.id = m.updated_by WHERE m.id = ?1";

/* An UPDATE ... WHERE rev = ? touched nothing: say who changed the meeting and when. */
static enum casus_rc meeting_conflict(struct casus_ctx *ctx, const struct meeting *m,
	struct casus_err *err)
{
	char at[21] = "", login[CASUS_LOGIN_MAX + 1] = "", name[MEETING_NAME_BUF] = "";
	sqlite3_stmt *st = db_stmt(ctx, SQL_WHO, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_col_text(st, 0, at, sizeof at);
		db_col_text(st, 1, login, sizeof login);
		db_col_text(st, 2, name, sizeof name);
	}
	db_done(st);
	return err_set(err, CASUS_E_CONFLICT,
		_("The meeting of %s was changed by %s (%s) at %s, after you opened it. Nothing was "
		  "saved; look at their change and try again."), m->held_on, name, login, at);
}

static const char SQL_UPDATE[] =
	"UPDATE meeting SET held_on = ?3, chair_id = ?4, minute_taker_id = ?5, status = ?6,"
	" started_at = ?7, finished_at = ?8, rev = rev + 1, updated_at = ?9, updated_by = ?10"
	" WHERE id = ?1 AND rev = ?2";

/* Write next's fields over the row the caller saw (seen_rev), with its audit row. */
static enum casus_rc store(struct casus_ctx *ctx, const struct meeting *next, int64_t seen_rev,
	const char *what, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, next->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, seen_rev);
	sqlite3_bind_text(st, 3, next->held_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, next->chair_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, next->minutes_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, meeting_status_name(next->status), -1, SQLITE_STATIC);
	db_bind_text(st, 7, next->started_at);
	db_bind_text(st, 8, next->finished_at);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (r)
		return r;
	if (sqlite3_changes(ctx->db) == 0)
		return meeting_conflict(ctx, next, err);
	return audit_log(ctx, AUDIT_UPDATE, NULL, "meeting", next->id, what, err);
}

/* Begin a change of the meeting the caller saw: cur is the row now. */
static enum casus_rc begin_change(struct casus_ctx *ctx, const struct meeting *seen,
	struct meeting *cur, struct casus_err *err)
{
	enum casus_rc r = mt_begin(ctx, seen->id, cur, err);
	if (r)
		return r;
	if (cur->rev != seen->rev)
		return mt_end(ctx, meeting_conflict(ctx, seen, err), err);
	return CASUS_OK;
}

static enum casus_rc end_change(struct casus_ctx *ctx, struct meeting *m, enum casus_rc r,
	struct casus_err *err)
{
	if ((r = mt_end(ctx, r, err)))
		return r;
	return meeting_get(ctx, m->id, m, err);
}

enum casus_rc meeting_update(struct casus_ctx *ctx, struct meeting *m, const char *held_on,
	const char *chair, const char *minute_taker, struct casus_err *err)
{
	struct meeting cur;
	struct member c, n;
	enum casus_rc r = check_date(held_on, err);
	if (r || (r = begin_change(ctx, m, &cur, err)))
		return r;
	if (!(r = mt_require_editor(ctx, &cur, err)) && !(r = mt_require_status(&cur,
			1u << MEETING_PLANNED, err))
	    && !(r = active_member(ctx, _("The chair"), chair, &c, err))
	    && !(r = active_member(ctx, _("The minute-taker"), minute_taker, &n, err))) {
		snprintf(cur.held_on, sizeof cur.held_on, "%s", held_on);
		memcpy(cur.chair_id, c.id, sizeof cur.chair_id);
		memcpy(cur.minutes_id, n.id, sizeof cur.minutes_id);
		if (!(r = store(ctx, &cur, m->rev, "meeting changed", err))
		    && !(r = attend(ctx, cur.id, c.id, NULL, NULL, err)))
			r = attend(ctx, cur.id, n.id, NULL, NULL, err);
	}
	return end_change(ctx, m, r, err);
}

static const char SQL_RUNNING[] =
	"SELECT held_on FROM meeting WHERE status = 'running' AND id <> ?1";

enum casus_rc meeting_start(struct casus_ctx *ctx, struct meeting *m, struct casus_err *err)
{
	struct meeting cur;
	enum casus_rc r = begin_change(ctx, m, &cur, err);
	if (r)
		return r;
	if (!(r = mt_require_lead(ctx, &cur, err)))
		r = mt_require_status(&cur, 1u << MEETING_PLANNED, err);
	sqlite3_stmt *st = r ? NULL : db_stmt(ctx, SQL_RUNNING, err);
	if (!r && !st)
		r = err->rc;
	if (st) {
		sqlite3_bind_text(st, 1, cur.id, -1, SQLITE_TRANSIENT);
		char other[11] = "";
		if (sqlite3_step(st) == SQLITE_ROW)
			db_col_text(st, 0, other, sizeof other);
		db_done(st);
		if (other[0])
			r = err_set(err, CASUS_E_STATE,
				_("The meeting of %s is still running; finish it before starting another."),
				other);
	}
	if (!r) {
		cur.status = MEETING_RUNNING;
		clock_now_iso(cur.started_at);
		r = store(ctx, &cur, m->rev, "meeting started", err);
	}
	return end_change(ctx, m, r, err);
}

static const char SQL_OPEN_ITEMS[] =
	"SELECT id FROM agenda_item WHERE meeting_id = ?1 AND state = 'open' ORDER BY position";

/* Move every item still open to the next meeting (ids first: moving writes rows). */
static enum casus_rc move_open_items(struct casus_ctx *ctx, const struct meeting *m,
	struct casus_err *err)
{
	char (*ids)[CASUS_ID_LEN] = NULL;
	size_t n = 0;
	sqlite3_stmt *st = db_stmt(ctx, SQL_OPEN_ITEMS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = CASUS_OK;
	while (!r && sqlite3_step(st) == SQLITE_ROW) {
		void *p = realloc(ids, (n + 1) * sizeof *ids);
		if (!p) {
			r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
			break;
		}
		ids = p;
		db_col_text(st, 0, ids[n++], CASUS_ID_LEN);
	}
	db_done(st);
	struct agenda_item *it = malloc(sizeof *it);
	if (!r && !it)
		r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	for (size_t i = 0; !r && i < n; i++)
		if (!(r = meeting_item_get(ctx, ids[i], it, err)))
			r = mt_item_move(ctx, it, m, err);
	free(it);
	free(ids);
	return r;
}

enum casus_rc meeting_finish(struct casus_ctx *ctx, struct meeting *m, bool move_open,
	struct casus_err *err)
{
	struct meeting cur;
	enum casus_rc r = begin_change(ctx, m, &cur, err);
	if (r)
		return r;
	if (!(r = mt_require_lead(ctx, &cur, err))
	    && !(r = mt_require_status(&cur, 1u << MEETING_RUNNING, err))
	    && !(r = mt_pause_running(ctx, cur.id, err))
	    && !(move_open && (r = move_open_items(ctx, &cur, err)))) {
		cur.status = MEETING_FINISHED;
		clock_now_iso(cur.finished_at);
		r = store(ctx, &cur, m->rev, move_open ? "meeting finished, open items moved"
						       : "meeting finished", err);
	}
	return end_change(ctx, m, r, err);
}

int64_t meeting_elapsed(const struct meeting *m, time_t now)
{
	time_t start, end = now;
	if (!m->started_at[0] || !clock_parse_iso(m->started_at, &start))
		return 0;
	if (m->finished_at[0])
		clock_parse_iso(m->finished_at, &end);
	return end > start ? (int64_t)(end - start) : 0;
}

/* ---- attendees ---- */

static enum casus_rc attendee_begin(struct casus_ctx *ctx, const char *meeting_id,
	struct meeting *m, bool self, struct casus_err *err)
{
	enum casus_rc r = mt_begin(ctx, meeting_id, m, err);
	if (r)
		return r;
	/* Members may say they attend themselves; everything else is the editors'. */
	if ((self || !(r = mt_require_editor(ctx, m, err))))
		r = mt_require_status(m, 1u << MEETING_PLANNED | 1u << MEETING_RUNNING, err);
	return r ? mt_end(ctx, r, err) : CASUS_OK;
}

enum casus_rc meeting_attendee_add_member(struct casus_ctx *ctx, const char *meeting_id,
	const char *login, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meeting m;
	struct member who;
	enum casus_rc r = active_member(ctx, _("The attendee"), login, &who, err);
	if (r || (r = attendee_begin(ctx, meeting_id, &m, strcmp(who.id, ctx->user.id) == 0, err)))
		return r;
	bool added = false;
	if (!(r = attend(ctx, m.id, who.id, out_id, &added, err)) && !added)
		r = err_set(err, CASUS_E_EXISTS, _("%s already attends the meeting of %s."), who.name,
			m.held_on);
	if (!r)
		r = audit_log(ctx, AUDIT_UPDATE, NULL, "meeting", m.id, "attendee added", err);
	return mt_end(ctx, r, err);
}

static const char SQL_GUEST[] =
	"INSERT INTO meeting_attendee(id, meeting_id, guest_name, guest_role, added_at, added_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

enum casus_rc meeting_attendee_add_guest(struct casus_ctx *ctx, const char *meeting_id,
	const char *name, const char *role, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meeting m;
	enum casus_rc r;
	if ((r = text_check(_("The guest's name"), name, MEETING_GUEST_MAX, TEXT_LINE, err))
	    || (r = text_check(_("The guest's role"), role, MEETING_ROLE_MAX, TEXT_LINE, err))
	    || (r = attendee_begin(ctx, meeting_id, &m, false, err)))
		return r;
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_GUEST, err);
	if (!st)
		return mt_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, role, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = audit_log(ctx, AUDIT_UPDATE, NULL, "meeting", m.id, "guest added", err);
	if (!r && out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return mt_end(ctx, r, err);
}

static const char SQL_ATTENDEE_OF[] =
	"SELECT meeting_id, coalesce(member_id, '') FROM meeting_attendee WHERE id = ?1";
static const char SQL_ATTENDEE_DEL[] = "DELETE FROM meeting_attendee WHERE id = ?1";

enum casus_rc meeting_attendee_remove(struct casus_ctx *ctx, const char *attendee_id,
	struct casus_err *err)
{
	char mid[CASUS_ID_LEN] = "", member_id[CASUS_ID_LEN] = "";
	sqlite3_stmt *st = db_stmt(ctx, SQL_ATTENDEE_OF, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, attendee_id ? attendee_id : "", -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_col_text(st, 0, mid, sizeof mid);
		db_col_text(st, 1, member_id, sizeof member_id);
	}
	db_done(st);
	if (!mid[0])
		return err_set(err, CASUS_E_NOTFOUND, _("This attendee is no longer on the list."));
	struct meeting m;
	bool self = member_id[0] && strcmp(member_id, ctx->user.id) == 0;
	enum casus_rc r = attendee_begin(ctx, mid, &m, self, err);
	if (r)
		return r;
	if (strcmp(member_id, m.chair_id) == 0 || strcmp(member_id, m.minutes_id) == 0)
		r = err_set(err, CASUS_E_STATE,
			_("The chair and the minute-taker attend; choose another chair or minute-taker "
			  "first."));
	else if (!(st = db_stmt(ctx, SQL_ATTENDEE_DEL, err)))
		r = err->rc;
	if (!r) {
		sqlite3_bind_text(st, 1, attendee_id, -1, SQLITE_TRANSIENT);
		if (!(r = db_exec_stmt(ctx, st, err)))
			r = audit_log(ctx, AUDIT_UPDATE, NULL, "meeting", m.id, "attendee removed", err);
	}
	return mt_end(ctx, r, err);
}

static const char SQL_ATTENDEES[] =
	"SELECT a.id, coalesce(a.member_id, ''), coalesce(u.login, ''),"
	" coalesce(u.name, a.guest_name), coalesce(a.guest_role, u.role),"
	" a.member_id IS m.chair_id, a.member_id IS m.minute_taker_id"
	" FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id"
	" LEFT JOIN member u ON u.id = a.member_id WHERE a.meeting_id = ?1"
	" ORDER BY a.member_id IS m.chair_id DESC, a.member_id IS m.minute_taker_id DESC,"
	" a.member_id IS NULL, coalesce(u.name, a.guest_name), a.id";

enum casus_rc meeting_attendee_each(struct casus_ctx *ctx, const char *meeting_id,
	int (*fn)(void *arg, const struct meeting_attendee *a), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_ATTENDEES, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, meeting_id ? meeting_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct meeting_attendee a;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		db_col_text(st, 0, a.id, sizeof a.id);
		db_col_text(st, 1, a.member_id, sizeof a.member_id);
		a.guest = !a.member_id[0];
		db_col_text(st, 2, a.login, sizeof a.login);
		db_col_text(st, 3, a.name, sizeof a.name);
		db_col_text(st, 4, a.role, sizeof a.role);
		a.chair = sqlite3_column_int(st, 5) != 0;
		a.minute_taker = sqlite3_column_int(st, 6) != 0;
		if (fn(arg, &a))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- caseloads ---- */

/* Coaches always count (a coach without families is the first to get one); other
 * members only when they are regievoerder somewhere. */
static const char SQL_CASELOADS[] =
	"SELECT m.login, m.name, m.role, count(f.id),"
	" count(CASE WHEN f.phase = 'intake' THEN 1 END)"
	" FROM member m LEFT JOIN family f ON f.regie_id = m.id AND f.phase <> 'afgesloten'"
	" WHERE m.active = 1 GROUP BY m.id HAVING m.role = 'coach' OR count(f.id) > 0"
	" ORDER BY count(f.id), m.name, m.login";

enum casus_rc meeting_caseloads(struct casus_ctx *ctx,
	int (*fn)(void *arg, const struct meeting_caseload *c), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_CASELOADS, err);
	if (!st)
		return err->rc;
	int rc;
	struct meeting_caseload c;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		db_col_text(st, 0, c.login, sizeof c.login);
		db_col_text(st, 1, c.name, sizeof c.name);
		int role = member_role_parse((const char *)sqlite3_column_text(st, 2));
		c.role = role < 0 ? ROLE_COACH : (enum member_role)role;
		c.families = sqlite3_column_int(st, 3);
		c.intake = sqlite3_column_int(st, 4);
		if (fn(arg, &c))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}
