/* What follows a meldcode decision: the intended melding discussed with the client
 * (or the "open melden, tenzij" exception), the manager informed of the intended and
 * the final decision, the melding with Veilig Thuis's reference and the two expected
 * feedback moments, the feedback itself, the follow-up check when help was organised;
 * and closing a trajectory once its decision has been carried out. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "casus/text.h"

/* Veilig Thuis reports back after its safety assessment within 5 working days; the
 * second moment follows an investigation, for which 10 weeks is the usual term. */
#define VT_FIRST_WORKING_DAYS 5
#define VT_SECOND_DAYS 70

void meldcode_add_working_days(const char *date, int n, char out[static 11])
{
	time_t t;
	if (!clock_parse_date(date, &t)) {
		snprintf(out, 11, "%s", date ? date : "");
		return;
	}
	while (n > 0) {
		struct tm tm;
		t += 24 * 60 * 60;
		gmtime_r(&t, &tm);
		if (tm.tm_wday != 0 && tm.tm_wday != 6)
			n--;
	}
	clock_format_date(t, out);
}

/* ---- the decision an event belongs to ---- */

struct decided {
	char id[CASUS_ID_LEN];
	bool melden, hulp, acute;
};

static const char SQL_DECIDED[] = "SELECT melden, hulp, acute FROM meldcode_decision WHERE id = ?1";

static enum casus_rc load_decided(struct casus_ctx *ctx, const struct meldcode *m,
	struct decided *d, struct casus_err *err)
{
	enum casus_rc r = mc_current_decision(ctx, m->id, d->id, err);
	if (r)
		return r;
	if (!d->id[0])
		return err_set(err, CASUS_E_STATE,
			_("There is no decision yet (step 5); record the decision first."));
	sqlite3_stmt *st = db_stmt(ctx, SQL_DECIDED, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		d->melden = sqlite3_column_int(st, 0);
		d->hulp = sqlite3_column_int(st, 1);
		d->acute = sqlite3_column_int(st, 2);
	}
	db_done(st);
	return CASUS_OK;
}

/* How many current (uncorrected) events of a kind the trajectory has. */
static const char SQL_COUNT_KIND[] =
	"SELECT count(*) FROM meldcode_event e WHERE e.trajectory_id = ?1 AND e.kind = ?2"
	" AND NOT EXISTS (SELECT 1 FROM meldcode_event c WHERE c.corrects = e.id)";
/* The latest current follow-up check: was the violence found to have stopped? */
static const char SQL_LAST_CHECK[] =
	"SELECT e.outcome FROM meldcode_event e WHERE e.trajectory_id = ?1"
	" AND e.kind = 'help_checked'"
	" AND NOT EXISTS (SELECT 1 FROM meldcode_event c WHERE c.corrects = e.id)"
	" ORDER BY e.on_date DESC, e.created_at DESC, e.rowid DESC LIMIT 1";

static int count_kind(struct casus_ctx *ctx, const char *traj, enum mc_event_kind k)
{
	struct casus_err ignored;
	sqlite3_stmt *st = db_stmt(ctx, SQL_COUNT_KIND, &ignored);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, traj, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, mc_event_name(k), -1, SQLITE_STATIC);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	return n;
}

static const char SQL_FEEDBACK[] =
	"SELECT count(*) FROM meldcode_event e WHERE e.trajectory_id = ?1"
	" AND e.kind = 'vt_feedback' AND e.feedback_no = ?2";

static int count_feedback(struct casus_ctx *ctx, const char *traj, int no)
{
	struct casus_err ignored;
	sqlite3_stmt *st = db_stmt(ctx, SQL_FEEDBACK, &ignored);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, traj, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, no);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	return n;
}

static const char SQL_PENDING_DEVIATIONS[] =
	"SELECT count(*) FROM meldcode_decision d WHERE d.trajectory_id = ?1 AND d.deviation = 1"
	" AND NOT EXISTS (SELECT 1 FROM meldcode_review r WHERE r.decision_id = d.id)";

static int pending_deviations(struct casus_ctx *ctx, const char *traj)
{
	struct casus_err ignored;
	sqlite3_stmt *st = db_stmt(ctx, SQL_PENDING_DEVIATIONS, &ignored);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, traj, -1, SQLITE_STATIC);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	return n;
}

/* ---- checking an event ---- */

static enum casus_rc check_fields(const struct mc_event_new *in, struct casus_err *err)
{
	enum casus_rc r;
	bool future = in->kind == MC_EV_HELP_FOLLOWUP;
	if ((unsigned)in->kind >= MC_EVENT_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown kind of meldcode event."));
	if ((r = mc_check_date(_("The date"), in->on, future, err))
	    || (r = text_check_optional(_("The note"), in->note, MC_TEXT_MAX, TEXT_MULTILINE, err)))
		return r;
	switch (in->kind) {
	case MC_EV_DISCUSSED:
		if ((unsigned)in->with >= MC_BAND_UNKNOWN)
			return err_set(err, CASUS_E_INVALID, _("Say with whom it was discussed."));
		return text_check(_("Their reaction"), in->note, MC_TEXT_MAX, TEXT_MULTILINE, err);
	case MC_EV_EXCEPTION:
		if ((unsigned)in->exception >= MC_EXC_COUNT)
			return err_set(err, CASUS_E_INVALID, _("Choose which exception applies."));
		return text_check(_("The explanation"), in->note, MC_TEXT_MAX, TEXT_MULTILINE, err);
	case MC_EV_MANAGER_INTENDED:
	case MC_EV_MANAGER_FINAL:
		return text_check(_("The manager"), in->person_name, MC_NAME_MAX, TEXT_LINE, err);
	case MC_EV_MELDING:
		if ((r = text_check(_("Veilig Thuis's reference"), in->reference, MC_REF_MAX,
				TEXT_LINE, err)))
			return r;
		if (in->second_due && *in->second_due
		    && ((r = mc_check_date(_("The expected second feedback"), in->second_due, true,
				err))))
			return r;
		if (in->second_due && *in->second_due && strcmp(in->second_due, in->on) < 0)
			return err_set(err, CASUS_E_INVALID,
				_("The second feedback cannot be expected before the melding."));
		return CASUS_OK;
	case MC_EV_VT_FEEDBACK:
		if (in->feedback_no != 1 && in->feedback_no != 2)
			return err_set(err, CASUS_E_INVALID,
				_("Veilig Thuis gives feedback twice: say whether this is the first or the "
				  "second."));
		return text_check(_("What Veilig Thuis reported"), in->note, MC_TEXT_MAX,
			TEXT_MULTILINE, err);
	case MC_EV_HELP_CHECKED:
		if (in->result != MC_HELP_STOPPED && in->result != MC_HELP_CONTINUES)
			return err_set(err, CASUS_E_INVALID,
				_("Say whether the violence has stopped or continues."));
		return text_check(_("What the check found"), in->note, MC_TEXT_MAX, TEXT_MULTILINE,
			err);
	default:
		return CASUS_OK;
	}
}

/* Does the event fit the current decision and what is already recorded? */
static enum casus_rc check_order(struct casus_ctx *ctx, const struct meldcode *m,
	const struct decided *d, const struct mc_event_new *in, struct casus_err *err)
{
	enum mc_event_kind k = in->kind;
	bool needs_melden = k == MC_EV_DISCUSSED || k == MC_EV_EXCEPTION || k == MC_EV_MELDING;
	if (needs_melden && !d->melden)
		return err_set(err, CASUS_E_STATE,
			_("The current decision is not to melden. To melden after all, record a new "
			  "decision first."));
	if (k == MC_EV_MELDING && !(in->corrects && *in->corrects)
	    && count_kind(ctx, m->id, MC_EV_MELDING) > 0)
		return err_set(err, CASUS_E_EXISTS,
			_("A melding is already recorded; correct it if something in it was wrong."));
	/* Open melden, tenzij: the intended melding is discussed first, unless an
	 * exception applies. Acute danger is itself such an exception. */
	if (k == MC_EV_MELDING && !d->acute && count_kind(ctx, m->id, MC_EV_DISCUSSED) == 0
	    && count_kind(ctx, m->id, MC_EV_EXCEPTION) == 0)
		return err_set(err, CASUS_E_STATE,
			_("Open melden, tenzij: discuss the intended melding with the client first, or "
			  "record which exception applies (the safety of the child or others, your own "
			  "safety, or a concrete risk of losing contact)."));
	if (k == MC_EV_VT_FEEDBACK && count_kind(ctx, m->id, MC_EV_MELDING) == 0)
		return err_set(err, CASUS_E_STATE,
			_("There is no melding yet to receive feedback on."));
	if (k == MC_EV_HELP_FOLLOWUP && !d->hulp)
		return err_set(err, CASUS_E_STATE,
			_("The current decision is not to offer or organise help."));
	if (k == MC_EV_HELP_CHECKED && count_kind(ctx, m->id, MC_EV_HELP_FOLLOWUP) == 0)
		return err_set(err, CASUS_E_STATE,
			_("Plan the follow-up check (a date) before recording its result."));
	return CASUS_OK;
}

/* Whom the age bands say to discuss an intended melding with. */
static enum mc_band advised_band(struct casus_ctx *ctx, const struct meldcode *m,
	struct casus_err *err)
{
	struct mc_discuss_advice a;
	if (meldcode_discuss_advice(ctx, m->id, &a, err))
		return MC_BAND_UNKNOWN;
	if (a.child && a.parents)
		return MC_BAND_CHILD_AND_PARENTS;
	if (a.child)
		return MC_BAND_CHILD;
	if (a.parents)
		return a.unknown_ages ? MC_BAND_UNKNOWN : MC_BAND_PARENTS;
	return m->client == MC_CLIENT_ADULT ? MC_BAND_ADULT : MC_BAND_UNKNOWN;
}

static const char SQL_EVENT[] =
	"INSERT INTO meldcode_event(id, trajectory_id, decision_id, kind, on_date, with_whom,"
	" advised, exception, person_name, reference, feedback_no, due1, due2, outcome, note,"
	" corrects, author_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	" ?12, ?13, ?14, ?15, ?16, ?17, ?18)";

static enum casus_rc insert_event(struct casus_ctx *ctx, const struct meldcode *m,
	const char *id, const char *decision_id, const struct mc_event_new *in,
	struct casus_err *err)
{
	char now[21], due1[11], due2[11];
	enum mc_event_kind k = in->kind;
	clock_now_iso(now);
	meldcode_add_working_days(in->on, VT_FIRST_WORKING_DAYS, due1);
	if (in->second_due && *in->second_due)
		snprintf(due2, sizeof due2, "%s", in->second_due);
	else
		clock_add_days(in->on, VT_SECOND_DAYS, due2);
	sqlite3_stmt *st = db_stmt(ctx, SQL_EVENT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, decision_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, mc_event_name(k), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, in->on, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 6, k == MC_EV_DISCUSSED ? mc_band_name(in->with) : NULL);
	db_bind_text(st, 7, k == MC_EV_DISCUSSED ? mc_band_name(advised_band(ctx, m, err)) : NULL);
	db_bind_text(st, 8, k == MC_EV_EXCEPTION ? mc_exception_name(in->exception) : NULL);
	db_bind_text(st, 9, k == MC_EV_MANAGER_INTENDED || k == MC_EV_MANAGER_FINAL
				    ? in->person_name : NULL);
	db_bind_text(st, 10, k == MC_EV_MELDING ? in->reference : NULL);
	if (k == MC_EV_VT_FEEDBACK)
		sqlite3_bind_int(st, 11, in->feedback_no);
	db_bind_text(st, 12, k == MC_EV_MELDING ? due1 : NULL);
	db_bind_text(st, 13, k == MC_EV_MELDING ? due2 : NULL);
	db_bind_text(st, 14, k != MC_EV_HELP_CHECKED ? NULL
			     : in->result == MC_HELP_STOPPED ? "stopped" : "continues");
	db_bind_text(st, 15, in->note);
	db_bind_text(st, 16, in->corrects);
	sqlite3_bind_text(st, 17, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 18, now, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc meldcode_add_event(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_event_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	struct decided d = { 0 };
	char id[CASUS_ID_LEN];
	enum casus_rc r = check_fields(in, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	if ((r = load_decided(ctx, &m, &d, err)) || (r = check_order(ctx, &m, &d, in, err))
	    || (r = mc_check_corrects(ctx, MC_T_EVENT, m.id, in->corrects, err)))
		return mc_end(ctx, r, err);
	ids_new(id);
	if (!(r = insert_event(ctx, &m, id, d.id, in, err)))
		r = mc_entry_added(ctx, &m, 5, "meldcode_event", id, mc_event_name(in->kind), err);
	if ((r = mc_end(ctx, r, err)))
		return r;
	if (out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return CASUS_OK;
}

/* ---- closing ---- */

static const char SQL_CLOSE[] =
	"UPDATE meldcode SET status = 'closed', outcome = ?3, close_note = ?4, closed_at = ?5,"
	" closed_by = ?6, rev = rev + 1, updated_at = ?5, updated_by = ?6"
	" WHERE id = ?1 AND rev = ?2 AND status = 'open'";

enum casus_rc mc_close_tx(struct casus_ctx *ctx, const struct meldcode *m,
	enum mc_outcome outcome, const char *note, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_CLOSE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, m->rev);
	sqlite3_bind_text(st, 3, mc_outcome_name(outcome), -1, SQLITE_STATIC);
	db_bind_text(st, 4, note);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	if (db_exec_stmt(ctx, st, err))
		return err->rc;
	if (sqlite3_changes(ctx->db) == 0)
		return err_set(err, CASUS_E_CONFLICT,
			_("The meldcode trajectory was changed by %s (%s) at %s, after you opened it. "
			  "Nothing was saved; look again and retry."), m->updated_by_name,
			m->updated_by_login, m->updated_at);
	char detail[64];
	snprintf(detail, sizeof detail, "closed: %s", mc_outcome_name(outcome));
	return audit_log(ctx, AUDIT_UPDATE, m->family_id, "meldcode", m->id, detail, err);
}

/* Has the decision been carried out, so that the trajectory may close? */
static enum casus_rc close_outcome(struct casus_ctx *ctx, const struct meldcode *m,
	const struct decided *d, enum mc_outcome *out, struct casus_err *err)
{
	unsigned missing = 0;
	enum casus_rc r = mc_steps_missing(ctx, m, &missing, err);
	if (r)
		return r;
	if (missing)
		return mc_missing_error(missing, _("Closing the trajectory"), err);
	if (pending_deviations(ctx, m->id) > 0)
		return err_set(err, CASUS_E_STATE,
			_("A deviation from the afwegingskader still awaits the gedragswetenschapper's "
			  "review; a closed trajectory could no longer take it."));
	if (d->melden && count_kind(ctx, m->id, MC_EV_MELDING) == 0)
		return err_set(err, CASUS_E_STATE,
			_("The decision is to melden, but no melding is recorded yet (date and Veilig "
			  "Thuis's reference)."));
	if (d->melden && (count_kind(ctx, m->id, MC_EV_MANAGER_INTENDED) == 0
			  || count_kind(ctx, m->id, MC_EV_MANAGER_FINAL) == 0))
		return err_set(err, CASUS_E_STATE,
			_("Record that the direct manager was informed of the intended and of the final "
			  "decision before closing."));
	/* A closed trajectory is read-only, so the first feedback (after Veilig Thuis's
	 * safety assessment, which always follows a melding) must be in before closing. */
	if (d->melden && count_feedback(ctx, m->id, 1) == 0)
		return err_set(err, CASUS_E_STATE,
			_("Close after Veilig Thuis's first feedback (after its safety assessment) is "
			  "recorded."));
	if (d->hulp && !d->melden) {
		sqlite3_stmt *st = db_stmt(ctx, SQL_LAST_CHECK, err);
		if (!st)
			return err->rc;
		sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
		bool stopped = sqlite3_step(st) == SQLITE_ROW
			       && strcmp(mc_col(st, 0), "stopped") == 0;
		db_done(st);
		if (!stopped)
			return err_set(err, CASUS_E_STATE,
				_("Help without melding: close only after a follow-up check found that the "
				  "violence has stopped. If it continues, melden after all."));
	}
	*out = d->melden && d->hulp ? MC_OUTCOME_MELDING_AND_HELP
	       : d->melden ? MC_OUTCOME_MELDING : MC_OUTCOME_HELP;
	return CASUS_OK;
}

enum casus_rc meldcode_close(struct casus_ctx *ctx, struct meldcode *m, const char *note,
	struct casus_err *err)
{
	struct meldcode cur;
	struct decided d = { 0 };
	enum mc_outcome outcome = MC_OUTCOME_NONE;
	enum casus_rc r = text_check_optional(_("The closing note"), note, MC_TEXT_MAX,
		TEXT_MULTILINE, err);
	if (r || (r = mc_begin(ctx, m->id, &cur, err)))
		return r;
	if (cur.rev != m->rev)
		r = err_set(err, CASUS_E_CONFLICT,
			_("The meldcode trajectory was changed by %s (%s) at %s, after you opened it. "
			  "Nothing was saved; look again and retry."), cur.updated_by_name,
			cur.updated_by_login, cur.updated_at);
	if (r || (r = load_decided(ctx, &cur, &d, err))
	    || (r = close_outcome(ctx, &cur, &d, &outcome, err))
	    || (r = mc_close_tx(ctx, &cur, outcome, note, err)))
		return mc_end(ctx, r, err);
	if ((r = mc_end(ctx, r, err)))
		return r;
	return meldcode_get(ctx, m->id, m, err);
}
