/* The team-issues register (way of working): raising, reading, editing and marking
 * issues for the next meeting. See casus/team_issue.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/team_issue.h"
#include "casus/text.h"

static const char *const phase_names[] = { "open", "in_behandeling", "besloten", "afgerond" };
static const char *const phase_labels[][2] = { { "open", "open" },
	{ "in progress", "in behandeling" }, { "decided", "besloten" }, { "done", "afgerond" } };
static const char *const priority_names[] = { "hoog", "normaal", "laag" };
static const char *const priority_labels[][2] = { { "high", "hoog" }, { "normal", "normaal" },
	{ "low", "laag" } };

/* Labels in both languages, as for the meeting: the register is shown on the shared
 * screen and in exported minutes alike. */
static int lang_ix(const char *lang)
{
	if (!lang || !*lang)
		lang = i18n_lang();
	return strcmp(lang, "en") == 0 ? 0 : 1;
}

static int parse_in(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *issue_phase_name(enum issue_phase p)
{
	return (unsigned)p < ISSUE_PHASE_COUNT ? phase_names[p] : "?";
}

int issue_phase_parse(const char *s)
{
	return parse_in(phase_names, ISSUE_PHASE_COUNT, s);
}

const char *issue_phase_label(enum issue_phase p, const char *lang)
{
	return (unsigned)p < ISSUE_PHASE_COUNT ? phase_labels[p][lang_ix(lang)] : "?";
}

const char *issue_priority_name(enum issue_priority p)
{
	return (unsigned)p < ISSUE_PRIORITY_COUNT ? priority_names[p] : "?";
}

int issue_priority_parse(const char *s)
{
	return parse_in(priority_names, ISSUE_PRIORITY_COUNT, s);
}

const char *issue_priority_label(enum issue_priority p, const char *lang)
{
	return (unsigned)p < ISSUE_PRIORITY_COUNT ? priority_labels[p][lang_ix(lang)] : "?";
}

#define ISSUE_COLS \
	"t.id, t.number, t.title, t.description, t.phase, t.priority, t.proposal, t.decider," \
	" t.decision, t.decided_on, t.for_meeting, r.login, r.name, t.created_at," \
	" (SELECT count(DISTINCT i.meeting_id) FROM agenda_item i WHERE i.team_issue_id = t.id)," \
	" t.rev, t.updated_at, u.login, u.name" \
	" FROM team_issue t JOIN member r ON r.id = t.raised_by" \
	" LEFT JOIN member u ON u.id = t.updated_by"

static void read_issue(sqlite3_stmt *st, struct team_issue *t)
{
	memset(t, 0, sizeof *t);
	db_col_text(st, 0, t->id, sizeof t->id);
	t->number = sqlite3_column_int(st, 1);
	db_col_text(st, 2, t->title, sizeof t->title);
	db_col_text(st, 3, t->description, sizeof t->description);
	int p = issue_phase_parse((const char *)sqlite3_column_text(st, 4));
	t->phase = p < 0 ? ISSUE_OPEN : (enum issue_phase)p;
	p = issue_priority_parse((const char *)sqlite3_column_text(st, 5));
	t->priority = p < 0 ? ISSUE_NORMAAL : (enum issue_priority)p;
	db_col_text(st, 6, t->proposal, sizeof t->proposal);
	db_col_text(st, 7, t->decider, sizeof t->decider);
	db_col_text(st, 8, t->decision, sizeof t->decision);
	db_col_text(st, 9, t->decided_on, sizeof t->decided_on);
	t->for_meeting = sqlite3_column_int(st, 10) != 0;
	db_col_text(st, 11, t->raised_by_login, sizeof t->raised_by_login);
	db_col_text(st, 12, t->raised_by_name, sizeof t->raised_by_name);
	db_col_text(st, 13, t->created_at, sizeof t->created_at);
	t->meetings = sqlite3_column_int(st, 14);
	t->rev = sqlite3_column_int64(st, 15);
	db_col_text(st, 16, t->updated_at, sizeof t->updated_at);
	db_col_text(st, 17, t->updated_by_login, sizeof t->updated_by_login);
	db_col_text(st, 18, t->updated_by_name, sizeof t->updated_by_name);
}

/* ?1: the id; ?2: the number (0 when the key is not a number). */
static const char SQL_GET[] = "SELECT " ISSUE_COLS " WHERE t.id = ?1 OR t.number = ?2";

enum casus_rc team_issue_get(struct casus_ctx *ctx, const char *key, struct team_issue *out,
	struct casus_err *err)
{
	const char *k = key ? key : "";
	const char *digits = *k == '#' ? k + 1 : k;
	int number = 0;
	if (*digits && strspn(digits, "0123456789") == strlen(digits) && strlen(digits) < 9)
		number = atoi(digits);
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, number);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_issue(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no team issue '%.40s'."), k);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_EACH[] =
	"SELECT " ISSUE_COLS " WHERE ?1 OR t.phase <> 'afgerond'"
	" ORDER BY t.phase = 'afgerond', t.phase = 'besloten',"
	" CASE t.priority WHEN 'hoog' THEN 0 WHEN 'normaal' THEN 1 ELSE 2 END, t.number";

enum casus_rc team_issue_each(struct casus_ctx *ctx, bool include_done,
	int (*fn)(void *arg, const struct team_issue *t), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_int(st, 1, include_done);
	struct team_issue *t = malloc(sizeof *t);
	int rc = SQLITE_NOMEM;
	while (t && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_issue(st, t);
		if (fn(arg, t))
			break;
	}
	db_done(st);
	free(t);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- writes ---- */

static enum casus_rc check_texts(const char *title, const char *description,
	const char *proposal, const char *decider, const char *decision, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = text_check(_("The issue"), title, ISSUE_TITLE_MAX, TEXT_LINE, err))
	    || (r = text_check_optional(_("The description"), description, ISSUE_TEXT_MAX,
			TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("The proposal"), proposal, ISSUE_TEXT_MAX,
			TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("Who decides"), decider, ISSUE_DECIDER_MAX, TEXT_LINE,
			err)))
		return r;
	return text_check_optional(_("The decision"), decision, ISSUE_TEXT_MAX, TEXT_MULTILINE,
		err);
}

static const char SQL_ADD[] =
	"INSERT INTO team_issue(id, number, title, description, priority, proposal, decider,"
	" for_meeting, raised_by, created_at, updated_at, updated_by)"
	" VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM team_issue), ?2, ?3, ?4, ?5, ?6,"
	" ?7, ?8, ?9, ?9, ?8)";

enum casus_rc team_issue_add(struct casus_ctx *ctx, const struct team_issue_new *in,
	struct team_issue *out, struct casus_err *err)
{
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = check_texts(in->title, in->description, in->proposal, in->decider, NULL, err)))
		return r;
	if ((unsigned)in->priority >= ISSUE_PRIORITY_COUNT)
		return err_set(err, CASUS_E_INVALID, _("The priority must be hoog, normaal or laag."));
	if ((r = db_begin(ctx, err)))
		return r;
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ADD, err);
	if (!st) {
		db_rollback(ctx);
		return err->rc;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, in->title, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 3, in->description);
	sqlite3_bind_text(st, 4, issue_priority_name(in->priority), -1, SQLITE_STATIC);
	db_bind_text(st, 5, in->proposal);
	db_bind_text(st, 6, in->decider);
	sqlite3_bind_int(st, 7, in->for_meeting);
	sqlite3_bind_text(st, 8, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = audit_log(ctx, AUDIT_CREATE, NULL, "team_issue", id, "team issue raised", err);
	if (r) {
		db_rollback(ctx);
		return r;
	}
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? team_issue_get(ctx, id, out, err) : CASUS_OK;
}

static enum casus_rc conflict(struct casus_ctx *ctx, const struct team_issue *t,
	struct casus_err *err)
{
	struct team_issue *cur = malloc(sizeof *cur);
	if (!cur)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = team_issue_get(ctx, t->id, cur, err);
	if (!r)
		r = err_set(err, CASUS_E_CONFLICT,
			_("Team issue #%d was changed by %s (%s) at %s, after you opened it. Nothing was "
			  "saved; look at their change and try again."), t->number, cur->updated_by_name,
			cur->updated_by_login, cur->updated_at);
	free(cur);
	return r;
}

static const char SQL_UPDATE[] =
	"UPDATE team_issue SET title = ?3, description = ?4, phase = ?5, priority = ?6,"
	" proposal = ?7, decider = ?8, decision = ?9, decided_on = ?10, for_meeting = ?11,"
	" rev = rev + 1, updated_at = ?12, updated_by = ?13 WHERE id = ?1 AND rev = ?2";

/* Write t over the row at t->rev, with its audit row; inside a transaction. */
static enum casus_rc store(struct casus_ctx *ctx, const struct team_issue *t, const char *what,
	struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, t->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, t->rev);
	sqlite3_bind_text(st, 3, t->title, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, t->description);
	sqlite3_bind_text(st, 5, issue_phase_name(t->phase), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, issue_priority_name(t->priority), -1, SQLITE_STATIC);
	db_bind_text(st, 7, t->proposal);
	db_bind_text(st, 8, t->decider);
	db_bind_text(st, 9, t->decision);
	db_bind_text(st, 10, t->decided_on);
	sqlite3_bind_int(st, 11, t->for_meeting);
	sqlite3_bind_text(st, 12, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0)
		r = conflict(ctx, t, err);
	return r ? r : audit_log(ctx, AUDIT_UPDATE, NULL, "team_issue", t->id, what, err);
}

static enum casus_rc check_issue(struct team_issue *t, struct casus_err *err)
{
	enum casus_rc r = check_texts(t->title, t->description, t->proposal, t->decider,
		t->decision, err);
	if (r)
		return r;
	if ((unsigned)t->phase >= ISSUE_PHASE_COUNT || (unsigned)t->priority >= ISSUE_PRIORITY_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown phase or priority."));
	bool decided = t->phase == ISSUE_BESLOTEN || t->phase == ISSUE_AFGEROND;
	if (decided && !t->decision[0])
		return err_set(err, CASUS_E_INVALID,
			_("Team issue #%d is %s: record what was decided."), t->number,
			issue_phase_label(t->phase, NULL));
	if (t->decided_on[0] && !clock_parse_date(t->decided_on, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
			_("The date of the decision"), t->decided_on);
	if (decided && !t->decided_on[0])
		clock_today(t->decided_on);
	if (t->phase == ISSUE_AFGEROND)
		t->for_meeting = false; /* nothing left to discuss */
	return CASUS_OK;
}

static enum casus_rc finish(struct casus_ctx *ctx, struct team_issue *t, enum casus_rc r,
	struct casus_err *err)
{
	if (r) {
		db_rollback(ctx);
		return r;
	}
	if ((r = db_commit(ctx, err)))
		return r;
	return team_issue_get(ctx, t->id, t, err);
}

enum casus_rc team_issue_update(struct casus_ctx *ctx, struct team_issue *t,
	struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	struct team_issue *in = malloc(sizeof *in);
	if (!in)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	*in = *t; /* the caller's copy stays as it was when the save fails */
	enum casus_rc r = check_issue(in, err);
	if (!r && !(r = db_begin(ctx, err))) {
		r = finish(ctx, in, store(ctx, in, "team issue changed", err), err);
		if (!r)
			*t = *in;
	}
	free(in);
	return r;
}

enum casus_rc team_issue_mark(struct casus_ctx *ctx, struct team_issue *t, bool for_meeting,
	struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if (for_meeting && t->phase == ISSUE_AFGEROND)
		return err_set(err, CASUS_E_STATE,
			_("Team issue #%d is afgerond; there is nothing left to discuss."), t->number);
	enum casus_rc r = db_begin(ctx, err);
	if (r)
		return r;
	bool was = t->for_meeting;
	t->for_meeting = for_meeting;
	r = finish(ctx, t, store(ctx, t, for_meeting ? "marked for the meeting"
						   : "unmarked for the meeting", err), err);
	if (r)
		t->for_meeting = was;
	return r;
}
