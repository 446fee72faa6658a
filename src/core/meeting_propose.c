/* The proposed agenda of a meeting, and casusinbreng requests from the family pane.
 *
 * The proposal gathers candidates in agenda order (DOMAIN.md §6): open actions of
 * earlier meetings; new aanmeldingen and zorgmeldingen without a regievoerder
 * (zorgmeldingen first: they need a decision within a working day); casusinbreng
 * requests; evaluations due on or before the meeting date; meldcode trajectories
 * waiting for consultation (step 2) or a decision (steps 4 and 5); escalations pending,
 * or rejected since the previous meeting; team issues marked for the meeting. Items
 * moved here from earlier meetings join their kind's group, ahead of new ones. A
 * candidate already on the agenda is not added again, so proposing twice is harmless. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meeting.h"
#include "casus/meldcode.h"
#include "casus/text.h"

struct cand {
	enum agenda_kind kind;
	size_t order;                       /* gathering order: ties keep it */
	char family_id[CASUS_ID_LEN];
	char action_id[CASUS_ID_LEN];
	char meldcode_id[CASUS_ID_LEN];
	char escalation_id[CASUS_ID_LEN];
	char team_issue_id[CASUS_ID_LEN];
	char brought_by[CASUS_ID_LEN];
	char request_id[CASUS_ID_LEN];      /* casusinbreng: the request it places */
	char moved_item[CASUS_ID_LEN];      /* an item moved from an earlier meeting */
	char due_on[11];
	char *question;                     /* owned */
};

struct cands {
	struct cand *v;
	size_t n, cap;
	bool nomem;
};

static struct cand *cand_new(struct cands *c, enum agenda_kind kind)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		void *p = realloc(c->v, cap * sizeof *c->v);
		if (!p) {
			c->nomem = true;
			return NULL;
		}
		c->v = p;
		c->cap = cap;
	}
	struct cand *x = &c->v[c->n];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->order = c->n++;
	return x;
}

static void cands_free(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].question);
	free(c->v);
}

static int by_kind(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void col(sqlite3_stmt *st, int i, char *out, size_t outsz)
{
	db_col_text(st, i, out, outsz);
}

/* ---- gathering ---- */

/* Run a query with ?1 = meeting date and ?2 = meeting id (when the SQL uses them);
 * fill one candidate of `kind` per row with fill(). */
static enum casus_rc gather(struct casus_ctx *ctx, const char *sql, const struct meeting *m,
	const char *since, struct cands *c, enum agenda_kind kind,
	void (*fill)(sqlite3_stmt *st, struct cand *x), struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	int n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_text(st, 1, m->held_on, -1, SQLITE_TRANSIENT);
	if (n >= 2)
		sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	if (n >= 3)
		sqlite3_bind_text(st, 3, since, -1, SQLITE_TRANSIENT);
	int rc;
	struct cand *x;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && (x = cand_new(c, kind)))
		fill(st, x);
	db_done(st);
	if (c->nomem)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* Open actions of finished earlier meetings; one in a plan counts as open while the
 * plan action is (the family's plan is where progress is recorded). */
static const char SQL_OPEN_ACTIONS[] =
	"SELECT a.id, a.family_id FROM meeting_action a JOIN agenda_item i ON i.id = a.item_id"
	" JOIN meeting m ON m.id = i.meeting_id LEFT JOIN plan_action p ON p.id = a.plan_action_id"
	" WHERE m.status = 'finished' AND m.held_on <= ?1 AND m.id <> ?2 AND a.status = 'open'"
	" AND coalesce(p.status, 'open') = 'open' ORDER BY m.held_on, i.position, a.created_at";

static void fill_action(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->action_id, sizeof x->action_id);
	col(st, 1, x->family_id, sizeof x->family_id);
}

/* Items moved on from earlier meetings that no later meeting has taken yet. */
static const char SQL_MOVED[] =
	"SELECT i.id, i.kind FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
	" WHERE i.state = 'moved' AND i.moved_to IS NULL AND m.held_on <= ?1 AND m.id <> ?2"
	" ORDER BY m.held_on, i.position";

static void fill_moved(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->moved_item, sizeof x->moved_item);
	int k = agenda_kind_parse((const char *)sqlite3_column_text(st, 1));
	x->kind = k < 0 ? AGENDA_OVERIG : (enum agenda_kind)k;
}

static const char SQL_AANMELDINGEN[] =
	"SELECT id FROM family WHERE phase = 'aanmelding' AND regie_id IS NULL"
	" ORDER BY referral_kind = 'zorgmelding' DESC, registered_on, case_no";

static void fill_family(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->family_id, sizeof x->family_id);
}

static const char SQL_REQUESTS[] =
	"SELECT r.id, r.family_id, r.question, r.requested_by FROM meeting_request r"
	" JOIN family f ON f.id = r.family_id WHERE r.placed_in IS NULL"
	" AND f.phase <> 'afgesloten' ORDER BY r.requested_at, r.rowid";

static void fill_request(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->request_id, sizeof x->request_id);
	col(st, 1, x->family_id, sizeof x->family_id);
	const unsigned char *q = sqlite3_column_text(st, 2);
	x->question = q ? strdup((const char *)q) : NULL; /* NULL: the item just lacks it */
	col(st, 3, x->brought_by, sizeof x->brought_by);
}

static const char SQL_EVALUATIONS[] =
	"SELECT id, next_eval_on FROM family WHERE next_eval_on IS NOT NULL"
	" AND next_eval_on <= ?1 AND phase <> 'afgesloten' ORDER BY next_eval_on, case_no";

static void fill_eval(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->family_id, sizeof x->family_id);
	col(st, 1, x->due_on, sizeof x->due_on);
}

static const char SQL_MELDCODE[] =
	"SELECT t.id, t.family_id FROM meldcode t JOIN family f ON f.id = t.family_id"
	" WHERE t.status = 'open' AND f.phase <> 'afgesloten' ORDER BY t.opened_at, t.id";

static void fill_meldcode(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->meldcode_id, sizeof x->meldcode_id);
	col(st, 1, x->family_id, sizeof x->family_id);
}

/* Pending ones always; rejected ones decided since `since` (?3: the date of the previous
 * meeting, "" when there was none) so that the team sees what is needed instead. */
static const char SQL_ESCALATIONS[] =
	"SELECT e.id, e.family_id FROM escalation e JOIN family f ON f.id = e.family_id"
	" WHERE f.phase <> 'afgesloten' AND (e.status IN ('pending', 'info_requested')"
	" OR (e.status = 'rejected' AND e.decided_at >= ?3))"
	" ORDER BY e.urgency_ord, e.requested_at, e.id";

static void fill_escalation(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->escalation_id, sizeof x->escalation_id);
	col(st, 1, x->family_id, sizeof x->family_id);
}

static const char SQL_ISSUES[] =
	"SELECT id FROM team_issue WHERE for_meeting = 1 AND phase <> 'afgerond'"
	" ORDER BY CASE priority WHEN 'hoog' THEN 0 WHEN 'normaal' THEN 1 ELSE 2 END, number";

static void fill_issue(sqlite3_stmt *st, struct cand *x)
{
	col(st, 0, x->team_issue_id, sizeof x->team_issue_id);
}

/* Keep only new trajectories waiting for the team: consultation (step 2 not done) or
 * a decision (the first open step is 4 or 5). A moved item stays: the chair moved it. */
static enum casus_rc filter_meldcode(struct casus_ctx *ctx, struct cands *c,
	struct casus_err *err)
{
	struct meldcode_summary s;
	size_t keep = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct cand *x = &c->v[i];
		bool want = true;
		if (x->kind == AGENDA_MELDCODE && !x->moved_item[0]) {
			enum casus_rc r = meldcode_summary(ctx, x->family_id, &s, err);
			if (r)
				return r;
			bool consult = s.steps[1] != MC_DONE && s.steps[1] != MC_SKIPPED;
			want = s.open && (consult || s.current_step == 4 || s.current_step == 5);
		}
		if (want)
			c->v[keep++] = *x;
		else
			free(x->question);
	}
	c->n = keep;
	return CASUS_OK;
}

static const char SQL_PREVIOUS[] =
	"SELECT held_on FROM meeting WHERE status = 'finished' AND held_on <= ?1 AND id <> ?2"
	" ORDER BY held_on DESC, finished_at DESC LIMIT 1";

static enum casus_rc previous_date(struct casus_ctx *ctx, const struct meeting *m,
	char out[11], struct casus_err *err)
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(ctx, SQL_PREVIOUS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m->held_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, out, 11);
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static enum casus_rc gather_all(struct casus_ctx *ctx, const struct meeting *m,
	struct cands *c, struct casus_err *err)
{
	char since[11];
	enum casus_rc r;
	/* Moved items first: within their kind they come before new candidates, so an item
	 * about the same thing keeps its history (moved_from) and is not added twice. */
	if ((r = previous_date(ctx, m, since, err))
	    || (r = gather(ctx, SQL_MOVED, m, since, c, AGENDA_OVERIG, fill_moved, err))
	    || (r = gather(ctx, SQL_OPEN_ACTIONS, m, since, c, AGENDA_OPEN_ACTION, fill_action, err))
	    || (r = gather(ctx, SQL_AANMELDINGEN, m, since, c, AGENDA_AANMELDING, fill_family, err))
	    || (r = gather(ctx, SQL_REQUESTS, m, since, c, AGENDA_INBRENG, fill_request, err))
	    || (r = gather(ctx, SQL_EVALUATIONS, m, since, c, AGENDA_EVALUATIE, fill_eval, err))
	    || (r = gather(ctx, SQL_MELDCODE, m, since, c, AGENDA_MELDCODE, fill_meldcode, err))
	    || (r = gather(ctx, SQL_ESCALATIONS, m, since, c, AGENDA_ESCALATIE, fill_escalation,
			err))
	    || (r = gather(ctx, SQL_ISSUES, m, since, c, AGENDA_TEAM_ISSUE, fill_issue, err))
	    || (r = filter_meldcode(ctx, c, err)))
		return r;
	qsort(c->v, c->n, sizeof *c->v, by_kind);
	return CASUS_OK;
}

/* ---- placing ---- */

static const char SQL_INSERT[] =
	"INSERT INTO agenda_item(id, meeting_id, kind, family_id, action_id, meldcode_id,"
	" escalation_id, team_issue_id, brought_by, question, due_on, planned_minutes, position,"
	" round, created_at, created_by, updated_at, updated_by)"
	" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	" (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?2),"
	" CASE WHEN ?3 = 'casusinbreng' THEN 'inbreng' END, ?13, ?14, ?13, ?14"
	" WHERE NOT EXISTS (SELECT 1 FROM agenda_item WHERE meeting_id = ?2 AND kind = ?3"
	" AND family_id IS ?4 AND action_id IS ?5 AND meldcode_id IS ?6 AND escalation_id IS ?7"
	" AND team_issue_id IS ?8)";
static const char SQL_LINK_MOVED[] =
	"UPDATE agenda_item SET moved_to = ?2, rev = rev + 1, updated_at = ?3, updated_by = ?4"
	" WHERE id = ?1";
static const char SQL_PLACED[] = "UPDATE meeting_request SET placed_in = ?2 WHERE id = ?1";
static const char SQL_UNMARK[] =
	"UPDATE team_issue SET for_meeting = 0, rev = rev + 1, updated_at = ?2, updated_by = ?3"
	" WHERE id = ?1";

/* Run a small UPDATE with text parameters ?1..?n (NULL-terminated list). */
static enum casus_rc exec_texts(struct casus_ctx *ctx, const char *sql,
	const char *const *args, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	for (int i = 0; args[i]; i++)
		sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

/* Insert x unless the agenda has it already (then no row changes). */
static enum casus_rc insert_cand(struct casus_ctx *ctx, const struct meeting *m,
	const struct cand *x, const char *now, char id[CASUS_ID_LEN], struct casus_err *err)
{
	ids_new(id);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, agenda_kind_name(x->kind), -1, SQLITE_STATIC);
	db_bind_text(st, 4, x->family_id);
	db_bind_text(st, 5, x->action_id);
	db_bind_text(st, 6, x->meldcode_id);
	db_bind_text(st, 7, x->escalation_id);
	db_bind_text(st, 8, x->team_issue_id);
	db_bind_text(st, 9, x->brought_by);
	db_bind_text(st, 10, x->question);
	db_bind_text(st, 11, x->due_on);
	sqlite3_bind_int(st, 12, agenda_kind_default_minutes(x->kind));
	sqlite3_bind_text(st, 13, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 14, ctx->user.id, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

static enum casus_rc place(struct casus_ctx *ctx, const struct meeting *m,
	const struct cand *x, struct casus_err *err)
{
	char now[21], copy[CASUS_ID_LEN], id[CASUS_ID_LEN];
	clock_now_iso(now);
	enum casus_rc r;
	if (x->moved_item[0]) {
		if ((r = mt_item_copy(ctx, x->moved_item, m->id, copy, err)))
			return r;
		const char *a[] = { x->moved_item, copy, now, ctx->user.id, NULL };
		return exec_texts(ctx, SQL_LINK_MOVED, a, err);
	}
	if ((r = insert_cand(ctx, m, x, now, id, err)))
		return r;
	if (x->request_id[0]) {
		const char *a[] = { x->request_id, m->id, NULL };
		return exec_texts(ctx, SQL_PLACED, a, err);
	}
	if (x->team_issue_id[0]) {
		const char *a[] = { x->team_issue_id, now, ctx->user.id, NULL };
		return exec_texts(ctx, SQL_UNMARK, a, err);
	}
	return CASUS_OK;
}

static const char SQL_PROPOSED[] =
	"UPDATE meeting SET proposed_at = ?2, rev = rev + 1, updated_at = ?2, updated_by = ?3"
	" WHERE id = ?1";
static const char SQL_COUNT[] = "SELECT count(*) FROM agenda_item WHERE meeting_id = ?1";

static int count_items(struct casus_ctx *ctx, const char *meeting_id)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_COUNT, NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, meeting_id, -1, SQLITE_TRANSIENT);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	return n;
}

enum casus_rc meeting_propose_agenda(struct casus_ctx *ctx, const char *meeting_id,
	int *added, struct casus_err *err)
{
	struct meeting m;
	struct cands c = { 0 };
	enum casus_rc r = mt_begin(ctx, meeting_id, &m, err);
	if (r)
		return r;
	int before = count_items(ctx, m.id);
	if (!(r = mt_require_editor(ctx, &m, err))
	    && !(r = mt_require_status(&m, 1u << MEETING_PLANNED, err)))
		r = gather_all(ctx, &m, &c, err);
	for (size_t i = 0; !r && i < c.n; i++)
		r = place(ctx, &m, &c.v[i], err);
	cands_free(&c);
	int n = count_items(ctx, m.id) - before;
	char now[21], detail[64];
	clock_now_iso(now);
	snprintf(detail, sizeof detail, "agenda proposed: %d items added", n);
	const char *a[] = { m.id, now, ctx->user.id, NULL };
	if (!r && !(r = exec_texts(ctx, SQL_PROPOSED, a, err)))
		r = audit_log(ctx, AUDIT_UPDATE, NULL, "meeting", m.id, detail, err);
	if ((r = mt_end(ctx, r, err)))
		return r;
	if (added)
		*added = n;
	return CASUS_OK;
}

/* ---- casusinbreng from the family pane ---- */

static const char SQL_TARGET[] =
	"SELECT id, held_on FROM meeting WHERE status = 'planned' AND held_on >= ?1"
	" ORDER BY held_on, created_at LIMIT 1";
static const char SQL_REQUEST[] =
	"INSERT INTO meeting_request(id, family_id, question, requested_by, requested_at)"
	" SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM meeting_request"
	" WHERE family_id = ?2 AND placed_in IS NULL)";

static enum casus_rc add_request(struct casus_ctx *ctx, const struct family *f,
	const char *question, struct casus_err *err)
{
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_REQUEST, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, question, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0)
		r = err_set(err, CASUS_E_EXISTS,
			_("Family %s is already brought in for the next meeting."), f->case_no);
	return r ? r : audit_log(ctx, AUDIT_CREATE, f->id, "meeting_request", id,
		"casusinbreng requested", err);
}

static enum casus_rc add_to_meeting(struct casus_ctx *ctx, const struct family *f,
	const char *meeting_id, const char *held_on, const char *question, struct casus_err *err)
{
	char now[21], id[CASUS_ID_LEN];
	struct cand x = { .kind = AGENDA_INBRENG };
	struct meeting m = { 0 };
	memcpy(x.family_id, f->id, sizeof x.family_id);
	memcpy(x.brought_by, ctx->user.id, sizeof x.brought_by);
	snprintf(m.id, sizeof m.id, "%s", meeting_id);
	clock_now_iso(now);
	if (!(x.question = strdup(question)))
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = insert_cand(ctx, &m, &x, now, id, err);
	free(x.question);
	if (!r && sqlite3_changes(ctx->db) == 0)
		r = err_set(err, CASUS_E_EXISTS,
			_("Family %s is already on the agenda of the meeting of %s as casusinbreng."),
			f->case_no, held_on);
	return r ? r : audit_log(ctx, AUDIT_CREATE, f->id, "agenda_item", id,
		"casusinbreng added", err);
}

enum casus_rc meeting_add_inbreng(struct casus_ctx *ctx, const char *family,
	const char *question, struct casus_err *err)
{
	struct family f;
	char today[11], mid[CASUS_ID_LEN] = "", held_on[11] = "";
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = text_check(_("The question"), question, MEETING_QUESTION_MAX, TEXT_MULTILINE,
		     err)) || (r = db_begin(ctx, err)))
		return r;
	if (!(r = family_get(ctx, family, &f, err)) && !(r = family_require_open(ctx, f.id, err))) {
		clock_today(today);
		sqlite3_stmt *st = db_stmt(ctx, SQL_TARGET, err);
		if (!st)
			return mt_end(ctx, err->rc, err);
		sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW) {
			db_col_text(st, 0, mid, sizeof mid);
			db_col_text(st, 1, held_on, sizeof held_on);
		}
		db_done(st);
		r = mid[0] ? add_to_meeting(ctx, &f, mid, held_on, question, err)
			   : add_request(ctx, &f, question, err);
	}
	return mt_end(ctx, r, err);
}
