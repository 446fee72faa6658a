/* The minutes of a meeting: notes on items (any attendee), decisions (besluiten) and
 * actions (who does what by when), recorded by the chair or the minute-taker while
 * the meeting runs, and their effects elsewhere in the dossier: an action on a family
 * goes into the family's plan, a regie decision becomes the family's regie, and a
 * meldcode consultation becomes step 2 of the trajectory, each in the same
 * transaction as the minutes, so the two never disagree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meeting.h"
#include "casus/meldcode.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "casus/text.h"

/* Begin a write on an item known by id only (no rev check: adding to the minutes
 * never conflicts with an edit of the item itself). */
static enum casus_rc begin_on_item(struct casus_ctx *ctx, const char *item_id,
	struct agenda_item *it, struct meeting *m, struct casus_err *err)
{
	struct agenda_item *seen = calloc(1, sizeof *seen);
	if (!seen)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	snprintf(seen->id, sizeof seen->id, "%s", item_id ? item_id : "");
	enum casus_rc r = mt_begin_item(ctx, seen, it, m, err);
	free(seen);
	return r;
}

/* Begin recording on an item: the meeting runs and the acting user leads it. */
static enum casus_rc begin_minutes(struct casus_ctx *ctx, const char *item_id,
	struct agenda_item *it, struct meeting *m, struct casus_err *err)
{
	enum casus_rc r = begin_on_item(ctx, item_id, it, m, err);
	if (r)
		return r;
	if (!(r = mt_require_lead(ctx, m, err)))
		r = mt_require_status(m, 1u << MEETING_RUNNING, err);
	return r ? mt_end(ctx, r, err) : CASUS_OK;
}

static enum casus_rc check_due(const char *due_on, struct casus_err *err)
{
	if (!due_on || !*due_on || clock_parse_date(due_on, NULL))
		return CASUS_OK;
	return err_set(err, CASUS_E_INVALID,
		_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
		_("The due date"), due_on);
}

static const char *fam(const struct agenda_item *it)
{
	return it->family_id[0] ? it->family_id : NULL;
}

/* ---- notes ---- */

static const char SQL_ATTENDS[] =
	"SELECT 1 FROM meeting_attendee WHERE meeting_id = ?1 AND member_id = ?2";
static const char SQL_NOTE[] =
	"INSERT INTO meeting_note(id, item_id, author_id, round, body, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static enum casus_rc require_attendee(struct casus_ctx *ctx, const struct meeting *m,
	struct casus_err *err)
{
	if (meeting_is_lead(ctx, m))
		return mt_require_status(m, 1u << MEETING_PLANNED | 1u << MEETING_RUNNING, err);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ATTENDS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ctx->user.id, -1, SQLITE_TRANSIENT);
	bool attends = sqlite3_step(st) == SQLITE_ROW;
	db_done(st);
	if (!attends)
		return err_set(err, CASUS_E_PERM,
			_("Only attendees of the meeting of %s add notes; ask the chair to add you."),
			m->held_on);
	return mt_require_status(m, 1u << MEETING_PLANNED | 1u << MEETING_RUNNING, err);
}

enum casus_rc meeting_note_add(struct casus_ctx *ctx, const char *item_id, const char *body,
	char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct agenda_item *it = malloc(sizeof *it);
	struct meeting m;
	enum casus_rc r = text_check(_("The note"), body, MEETING_NOTE_MAX, TEXT_MULTILINE, err);
	if (!r && !it)
		r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (r || (r = begin_on_item(ctx, item_id, it, &m, err))) {
		free(it);
		return r;
	}
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = NULL;
	if (!(r = require_attendee(ctx, &m, err)) && !(st = db_stmt(ctx, SQL_NOTE, err)))
		r = err->rc;
	if (!r) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, it->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, ctx->user.id, -1, SQLITE_TRANSIENT);
		db_bind_text(st, 4, it->round >= 0 ? inbreng_round_name((enum inbreng_round)it->round)
						   : NULL);
		sqlite3_bind_text(st, 5, body, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
		if (!(r = db_exec_stmt(ctx, st, err)))
			r = audit_log(ctx, AUDIT_CREATE, fam(it), "meeting_note", id, "note added", err);
	}
	free(it);
	if (!r && out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return mt_end(ctx, r, err);
}

static const char SQL_NOTES[] =
	"SELECT n.id, n.item_id, u.login, u.name, n.round, n.body, n.created_at"
	" FROM meeting_note n JOIN member u ON u.id = n.author_id WHERE n.item_id = ?1"
	" ORDER BY n.created_at, n.rowid";

enum casus_rc meeting_note_each(struct casus_ctx *ctx, const char *item_id,
	int (*fn)(void *arg, const struct meeting_note *n), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_NOTES, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, item_id ? item_id : "", -1, SQLITE_TRANSIENT);
	struct meeting_note *n = malloc(sizeof *n);
	int rc = SQLITE_NOMEM;
	while (n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_text(st, 0, n->id, sizeof n->id);
		db_col_text(st, 1, n->item_id, sizeof n->item_id);
		db_col_text(st, 2, n->author_login, sizeof n->author_login);
		db_col_text(st, 3, n->author_name, sizeof n->author_name);
		n->round = inbreng_round_parse((const char *)sqlite3_column_text(st, 4));
		db_col_text(st, 5, n->body, sizeof n->body);
		db_col_text(st, 6, n->created_at, sizeof n->created_at);
		if (fn(arg, n))
			break;
	}
	db_done(st);
	free(n);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- decisions ---- */

#define DECISION_COLS \
	"d.id, d.item_id, i.position, d.kind, i.family_id, f.case_no, f.display_name, d.body," \
	" o.login, o.name, d.due_on, d.regie_row_id, d.consultation_id, d.created_at, c.login," \
	" d.rev, d.updated_at, u.login, u.name" \
	" FROM meeting_decision d JOIN agenda_item i ON i.id = d.item_id" \
	" LEFT JOIN family f ON f.id = i.family_id LEFT JOIN member o ON o.id = d.owner_id" \
	" LEFT JOIN member c ON c.id = d.created_by LEFT JOIN member u ON u.id = d.updated_by"

static void read_decision(sqlite3_stmt *st, struct meeting_decision *d)
{
	memset(d, 0, sizeof *d);
	db_col_text(st, 0, d->id, sizeof d->id);
	db_col_text(st, 1, d->item_id, sizeof d->item_id);
	d->item_position = sqlite3_column_int(st, 2);
	const char *k = (const char *)sqlite3_column_text(st, 3);
	d->kind = k && strcmp(k, "regie") == 0 ? DECISION_REGIE
		: k && strcmp(k, "consultatie") == 0 ? DECISION_CONSULTATIE : DECISION_BESLUIT;
	db_col_text(st, 4, d->family_id, sizeof d->family_id);
	db_col_text(st, 5, d->case_no, sizeof d->case_no);
	db_col_text(st, 6, d->family_name, sizeof d->family_name);
	db_col_text(st, 7, d->body, sizeof d->body);
	db_col_text(st, 8, d->owner_login, sizeof d->owner_login);
	db_col_text(st, 9, d->owner_name, sizeof d->owner_name);
	db_col_text(st, 10, d->due_on, sizeof d->due_on);
	db_col_text(st, 11, d->regie_row_id, sizeof d->regie_row_id);
	db_col_text(st, 12, d->consultation_id, sizeof d->consultation_id);
	db_col_text(st, 13, d->created_at, sizeof d->created_at);
	db_col_text(st, 14, d->created_by_login, sizeof d->created_by_login);
	d->rev = sqlite3_column_int64(st, 15);
	db_col_text(st, 16, d->updated_at, sizeof d->updated_at);
	db_col_text(st, 17, d->updated_by_login, sizeof d->updated_by_login);
	db_col_text(st, 18, d->updated_by_name, sizeof d->updated_by_name);
}

static const char SQL_DECISION[] = "SELECT " DECISION_COLS " WHERE d.id = ?1";
static const char SQL_DECISIONS[] =
	"SELECT " DECISION_COLS " WHERE i.meeting_id = ?1 AND (?2 IS NULL OR d.item_id = ?2)"
	" ORDER BY i.position, d.created_at, d.rowid";

static enum casus_rc decision_get(struct casus_ctx *ctx, const char *id,
	struct meeting_decision *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_DECISION, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_decision(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This decision is not in the minutes."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc meeting_decision_each(struct casus_ctx *ctx, const char *meeting_id,
	const char *item_id, int (*fn)(void *arg, const struct meeting_decision *d), void *arg,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_DECISIONS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, meeting_id ? meeting_id : "", -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, item_id);
	struct meeting_decision *d = malloc(sizeof *d);
	int rc = SQLITE_NOMEM;
	while (d && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_decision(st, d);
		if (fn(arg, d))
			break;
	}
	db_done(st);
	free(d);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

struct decision_row {
	enum decision_kind kind;
	const char *body, *owner_id, *due_on, *regie_row_id, *consultation_id;
};

static const char SQL_DECIDE[] =
	"INSERT INTO meeting_decision(id, item_id, kind, body, owner_id, due_on, regie_row_id,"
	" consultation_id, created_at, created_by, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)";

static enum casus_rc insert_decision(struct casus_ctx *ctx, const struct agenda_item *it,
	const struct decision_row *d, char id[CASUS_ID_LEN], struct casus_err *err)
{
	char now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_DECIDE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, it->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, decision_kind_name(d->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->body, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 5, d->owner_id);
	db_bind_text(st, 6, d->due_on);
	db_bind_text(st, 7, d->regie_row_id);
	db_bind_text(st, 8, d->consultation_id);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	return r ? r : audit_log(ctx, AUDIT_CREATE, fam(it), "meeting_decision", id,
		decision_kind_name(d->kind), err);
}

/* The owner of a decision or action: an active member by login or id. */
static enum casus_rc owner_member(struct casus_ctx *ctx, const char *key, struct member *m,
	struct casus_err *err)
{
	enum casus_rc r = member_get_by_login(ctx, key, m, err);
	if (r == CASUS_E_NOTFOUND)
		r = member_get(ctx, key, m, err);
	if (r == CASUS_E_NOTFOUND)
		return err_set(err, CASUS_E_INVALID, _("'%.64s' is not a team member."), key);
	if (!r && !m->active)
		return err_set(err, CASUS_E_INVALID, _("%s is no longer an active team member."),
			m->name);
	return r;
}

/* Finish a decision: commit and read it back into out (may be NULL). */
static enum casus_rc end_decision(struct casus_ctx *ctx, enum casus_rc r, const char *id,
	struct meeting_decision *out, struct casus_err *err)
{
	if ((r = mt_end(ctx, r, err)))
		return r;
	return out ? decision_get(ctx, id, out, err) : CASUS_OK;
}

enum casus_rc meeting_decide(struct casus_ctx *ctx, const char *item_id, const char *body,
	const char *owner, const char *due_on, struct meeting_decision *out,
	struct casus_err *err)
{
	struct agenda_item *it = malloc(sizeof *it);
	struct meeting m;
	struct member o;
	char id[CASUS_ID_LEN] = "";
	enum casus_rc r = text_check(_("The decision"), body, MEETING_DECISION_MAX,
		TEXT_MULTILINE, err);
	if (!r)
		r = it ? check_due(due_on, err) : err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (r || (r = begin_minutes(ctx, item_id, it, &m, err))) {
		free(it);
		return r;
	}
	bool has_owner = owner && *owner;
	if (!has_owner || !(r = owner_member(ctx, owner, &o, err))) {
		struct decision_row d = { DECISION_BESLUIT, body, has_owner ? o.id : NULL, due_on,
			NULL, NULL };
		r = insert_decision(ctx, it, &d, id, err);
	}
	free(it);
	return end_decision(ctx, r, id, out, err);
}

static const char SQL_DECISION_UPDATE[] =
	"UPDATE meeting_decision SET body = ?3, owner_id = ?4, due_on = ?5, rev = rev + 1,"
	" updated_at = ?6, updated_by = ?7 WHERE id = ?1 AND rev = ?2";

static enum casus_rc decision_conflict(const struct meeting_decision *seen,
	const struct meeting_decision *cur, struct casus_err *err)
{
	return err_set(err, CASUS_E_CONFLICT,
		_("This decision was changed by %s (%s) at %s, after you opened it. Nothing was "
		  "saved; look at their change and try again."), cur->updated_by_name,
		cur->updated_by_login, cur->updated_at[0] ? cur->updated_at : seen->updated_at);
}

static enum casus_rc write_decision(struct casus_ctx *ctx, const struct meeting_decision *d,
	const char *owner_id, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_DECISION_UPDATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, d->rev);
	sqlite3_bind_text(st, 3, d->body, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, owner_id);
	db_bind_text(st, 5, d->due_on);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, ctx->user.id, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

/* Inside the transaction: d over the current decision cur, by the meeting's leads. */
static enum casus_rc update_decision(struct casus_ctx *ctx, struct meeting_decision *d,
	struct meeting_decision *cur, const struct agenda_item *it, const struct meeting *m,
	struct casus_err *err)
{
	struct member o;
	enum casus_rc r = decision_get(ctx, d->id, cur, err);
	if (!r && cur->rev != d->rev)
		r = decision_conflict(d, cur, err);
	if (!r && !(r = mt_require_lead(ctx, m, err)))
		r = mt_require_status(m, 1u << MEETING_RUNNING | 1u << MEETING_FINISHED, err);
	/* A regie or consultation decision keeps its owner: what it did is history. */
	const char *owner = cur->kind != DECISION_BESLUIT ? cur->owner_login : d->owner_login;
	if (!r && owner[0])
		r = owner_member(ctx, owner, &o, err);
	if (!r)
		r = write_decision(ctx, d, owner[0] ? o.id : NULL, err);
	return r ? r : audit_log(ctx, AUDIT_UPDATE, fam(it), "meeting_decision", d->id,
		"decision changed", err);
}

enum casus_rc meeting_decision_update(struct casus_ctx *ctx, struct meeting_decision *d,
	struct casus_err *err)
{
	struct meeting_decision *cur = malloc(sizeof *cur);
	struct agenda_item *it = malloc(sizeof *it);
	struct meeting m;
	enum casus_rc r = !cur || !it ? err_set(err, CASUS_E_NOMEM, _("Out of memory."))
		: text_check(_("The decision"), d->body, MEETING_DECISION_MAX, TEXT_MULTILINE, err);
	/* The decision's item tells which meeting, and so who may correct it. */
	if (!r && !(r = check_due(d->due_on, err)) && !(r = decision_get(ctx, d->id, cur, err)))
		r = begin_on_item(ctx, cur->item_id, it, &m, err);
	if (!r)
		r = end_decision(ctx, update_decision(ctx, d, cur, it, &m, err), d->id, d, err);
	free(cur);
	free(it);
	return r;
}

static const char SQL_REGIE_ROW[] =
	"SELECT id FROM regie WHERE family_id = ?1 AND ended_at IS NULL";

enum casus_rc meeting_decide_regie(struct casus_ctx *ctx, const char *item_id,
	const char *login, const char *reason, struct meeting_decision *out,
	struct casus_err *err)
{
	struct agenda_item *it = malloc(sizeof *it);
	struct meeting m;
	struct member o;
	struct family f;
	char id[CASUS_ID_LEN] = "", row[CASUS_ID_LEN] = "";
	enum casus_rc r = it ? text_check_optional(_("The reason"), reason, 2000, TEXT_MULTILINE,
		err) : err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (r || (r = begin_minutes(ctx, item_id, it, &m, err))) {
		free(it);
		return r;
	}
	if (!it->family_id[0])
		r = err_set(err, CASUS_E_STATE,
			_("Agenda item %d is not about a family: there is no regie to assign."),
			it->position);
	if (!r && !(r = owner_member(ctx, login, &o, err)) && !(r = family_get(ctx, it->family_id,
			&f, err)) && !(r = regie_by_meeting(ctx, &f, o.login, reason, err))) {
		sqlite3_stmt *st = db_stmt(ctx, SQL_REGIE_ROW, err);
		if (!st) {
			r = err->rc;
		} else {
			sqlite3_bind_text(st, 1, f.id, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(st) == SQLITE_ROW)
				db_col_text(st, 0, row, sizeof row);
			db_done(st);
		}
	}
	if (!r) {
		struct decision_row d = { DECISION_REGIE, reason && *reason ? reason : o.name, o.id,
			NULL, row, NULL };
		r = insert_decision(ctx, it, &d, id, err);
	}
	free(it);
	return end_decision(ctx, r, id, out, err);
}

enum casus_rc meeting_record_consultation(struct casus_ctx *ctx, const char *item_id,
	const char *question, const char *advice, struct meeting_decision *out,
	struct casus_err *err)
{
	struct agenda_item *it = malloc(sizeof *it);
	struct meeting m;
	struct meldcode t;
	char id[CASUS_ID_LEN] = "", cid[CASUS_ID_LEN] = "", with[64], today[11];
	enum casus_rc r = it ? text_check(_("The advice"), advice, MC_TEXT_MAX, TEXT_MULTILINE, err)
			     : err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (r || (r = begin_minutes(ctx, item_id, it, &m, err))) {
		free(it);
		return r;
	}
	if (it->meldcode_id[0])
		r = meldcode_get(ctx, it->meldcode_id, &t, err);
	else if (!it->family_id[0])
		r = err_set(err, CASUS_E_STATE,
			_("Agenda item %d is not about a family: there is no meldcode trajectory."),
			it->position);
	else
		r = meldcode_current(ctx, it->family_id, &t, err);
	/* The meeting is held today at the latest: a consultation is never in the future. */
	clock_today(today);
	snprintf(with, sizeof with, "casuïstiekoverleg %s", m.held_on);
	struct mc_consultation_new c = { .with = MC_WITH_TEAM_MEETING, .with_name = with,
		.held_on = strcmp(m.held_on, today) < 0 ? m.held_on : today, .question = question,
		.advice = advice };
	if (!r && !(r = meldcode_add_consultation(ctx, t.id, &c, cid, err))) {
		struct decision_row d = { DECISION_CONSULTATIE, advice, NULL, NULL, NULL, cid };
		r = insert_decision(ctx, it, &d, id, err);
	}
	free(it);
	return end_decision(ctx, r, id, out, err);
}
