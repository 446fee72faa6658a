/* The afwegingskader (meldcode steps 4 and 5): deriving what the answers require,
 * the weighing (questions 1 and 2; "no suspicion" closes the trajectory), the two
 * decisions (melden; hulp) with questions 3-5, the refusal of a decision that
 * contradicts the afwegingskader unless it carries a motivated deviation, and the
 * gedragswetenschapper's review of such a deviation. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "casus/member.h"
#include "casus/text.h"

/* ---- the rules (pure) ---- */

/* Q2 no: questions 3-5 follow the framework's order; the first "no" ends it. */
static void derive_help(const struct mc_answers *a, struct mc_requirement *out)
{
	const int q[3] = { a->q3, a->q4, a->q5 };
	const unsigned bit[3] = { MC_BECAUSE_Q3, MC_BECAUSE_Q4, MC_BECAUSE_Q5 };
	for (int i = 0; i < 3; i++) {
		if (q[i] == MC_UNANSWERED) {
			if (!out->melden_required && !out->with_vt) {
				out->complete = false;
				out->missing = 3 + i;
			}
			return;
		}
		if (q[i] == MC_NO) {
			out->melden_required = true;
			out->because |= bit[i];
			return;
		}
	}
}

void meldcode_derive(const struct mc_answers *a, bool acute, struct mc_requirement *out)
{
	memset(out, 0, sizeof *out);
	out->complete = true;
	out->hulp_expected = MC_UNANSWERED;
	if (acute) {
		out->melden_required = true;
		out->because |= MC_BECAUSE_ACUTE;
	}
	if (!acute && a->q1 == MC_NO) {
		out->close = true;
		return;
	}
	if (!acute && (a->q1 == MC_UNANSWERED || a->q2 == MC_UNANSWERED)) {
		out->complete = false;
		out->missing = a->q1 == MC_UNANSWERED ? 1 : 2;
		return;
	}
	if (a->q2 == MC_YES) {
		out->melden_required = true;
		out->with_vt = true;
		out->because |= MC_BECAUSE_Q2;
	}
	derive_help(a, out);
	if (a->q3 == MC_NO)
		out->hulp_expected = MC_NO; /* no effective help can be offered or organised */
	else if (a->q2 == MC_NO && !acute && a->q3 == MC_YES && a->q4 == MC_YES && a->q5 == MC_YES)
		out->hulp_expected = MC_YES;
}

/* ---- current entries ---- */

static const char SQL_CUR_WEIGHING[] =
	"SELECT w.id FROM meldcode_weighing w WHERE w.trajectory_id = ?1 AND NOT EXISTS"
	" (SELECT 1 FROM meldcode_weighing c WHERE c.corrects = w.id)"
	" ORDER BY w.created_at DESC, w.rowid DESC LIMIT 1";
static const char SQL_CUR_DECISION[] =
	"SELECT d.id FROM meldcode_decision d WHERE d.trajectory_id = ?1 AND NOT EXISTS"
	" (SELECT 1 FROM meldcode_decision c WHERE c.corrects = d.id)"
	" ORDER BY d.created_at DESC, d.rowid DESC LIMIT 1";

static enum casus_rc current(struct casus_ctx *ctx, const char *sql, const char *traj,
	char id[CASUS_ID_LEN], struct casus_err *err)
{
	id[0] = '\0';
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, traj, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, id, CASUS_ID_LEN);
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc mc_current_weighing(struct casus_ctx *ctx, const char *trajectory_id,
	char id[CASUS_ID_LEN], struct casus_err *err)
{
	return current(ctx, SQL_CUR_WEIGHING, trajectory_id, id, err);
}

enum casus_rc mc_current_decision(struct casus_ctx *ctx, const char *trajectory_id,
	char id[CASUS_ID_LEN], struct casus_err *err)
{
	return current(ctx, SQL_CUR_DECISION, trajectory_id, id, err);
}

static const char SQL_WHO_WEIGHED[] =
	"SELECT w.created_at, a.login, a.name FROM meldcode_weighing w"
	" LEFT JOIN member a ON a.id = w.author_id WHERE w.id = ?1";
static const char SQL_WHO_DECIDED[] =
	"SELECT d.created_at, a.login, a.name FROM meldcode_decision d"
	" LEFT JOIN member a ON a.id = d.author_id WHERE d.id = ?1";

/* The caller replaces what it saw as current; if that moved on, say who moved it. */
static enum casus_rc check_replaces(struct casus_ctx *ctx, const char *sql, const char *cur,
	const char *replaces, const char *what, struct casus_err *err)
{
	if (strcmp(cur, replaces ? replaces : "") == 0)
		return CASUS_OK;
	if (!*cur)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no %s to replace."), what);
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, cur, -1, SQLITE_TRANSIENT);
	enum casus_rc r = CASUS_E_CONFLICT;
	if (sqlite3_step(st) == SQLITE_ROW)
		r = err_set(err, CASUS_E_CONFLICT,
			_("A newer %s was recorded by %s (%s) at %s, after you opened the trajectory. "
			  "Yours was not saved; look at theirs and record yours again if needed."),
			what, mc_col(st, 2), mc_col(st, 1), mc_col(st, 0));
	db_done(st);
	return r;
}

/* ---- step 4: the weighing ---- */

static enum casus_rc check_weighing(const struct mc_weighing_new *in, struct casus_err *err)
{
	enum casus_rc r;
	if ((unsigned)in->instrument >= MC_INSTR_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown instrument."));
	if (in->instrument == MC_INSTR_OTHER
	    && (r = text_check(_("The name of the instrument"), in->instrument_name, MC_NAME_MAX,
			TEXT_LINE, err)))
		return r;
	if (in->instrument != MC_INSTR_NONE
	    && (r = text_check(_("The outcome of the instrument"), in->instrument_outcome,
			MC_TEXT_MAX, TEXT_MULTILINE, err)))
		return r;
	if ((r = text_check(_("The motivation of question 1"), in->q1_motivation, MC_TEXT_MAX,
			TEXT_MULTILINE, err)))
		return r;
	if (in->q1 && (r = text_check(_("The motivation of question 2"), in->q2_motivation,
			       MC_TEXT_MAX, TEXT_MULTILINE, err)))
		return r;
	return CASUS_OK;
}

static const char SQL_WEIGHING[] =
	"INSERT INTO meldcode_weighing(id, trajectory_id, instrument, instrument_name,"
	" instrument_outcome, q1, q1_motivation, q2, q2_acute, q2_structural, q2_disclosure,"
	" q2_motivation, corrects, author_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

static enum casus_rc insert_weighing(struct casus_ctx *ctx, const struct meldcode *m,
	const char *id, const struct mc_weighing_new *in, const char *cur, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	/* A disclosure counts as acute unsafety. */
	bool acute = in->q1 && (in->q2_acute || in->q2_disclosure);
	bool structural = in->q1 && in->q2_structural;
	sqlite3_stmt *st = db_stmt(ctx, SQL_WEIGHING, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, mc_instrument_name(in->instrument), -1, SQLITE_STATIC);
	db_bind_text(st, 4, in->instrument == MC_INSTR_OTHER ? in->instrument_name : NULL);
	db_bind_text(st, 5, in->instrument != MC_INSTR_NONE ? in->instrument_outcome : NULL);
	sqlite3_bind_int(st, 6, in->q1);
	sqlite3_bind_text(st, 7, in->q1_motivation, -1, SQLITE_TRANSIENT);
	if (in->q1)
		sqlite3_bind_int(st, 8, acute || structural);
	sqlite3_bind_int(st, 9, acute);
	sqlite3_bind_int(st, 10, structural);
	sqlite3_bind_int(st, 11, in->q1 && in->q2_disclosure);
	db_bind_text(st, 12, in->q1 ? in->q2_motivation : NULL);
	db_bind_text(st, 13, cur);
	sqlite3_bind_text(st, 14, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 15, now, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

/* Q1 = no: steps 1-4 are done and the trajectory closes with the reasoning. */
static enum casus_rc close_no_suspicion(struct casus_ctx *ctx, struct meldcode *m,
	const char *reasoning, struct casus_err *err)
{
	enum casus_rc r = CASUS_OK;
	unsigned from = (1u << MC_NOT_STARTED) | (1u << MC_IN_PROGRESS);
	for (int step = 1; step <= 4 && !r; step++)
		r = mc_step_force(ctx, m, step, MC_DONE, from, "weighing", err);
	if (r || (r = meldcode_get(ctx, m->id, m, err)))
		return r;
	return mc_close_tx(ctx, m, MC_OUTCOME_NO_SUSPICION, reasoning, err);
}

enum casus_rc meldcode_weigh(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_weighing_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	char id[CASUS_ID_LEN], cur[CASUS_ID_LEN];
	unsigned missing = 0;
	enum casus_rc r = check_weighing(in, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	if ((r = mc_current_weighing(ctx, m.id, cur, err))
	    || (r = check_replaces(ctx, SQL_WHO_WEIGHED, cur, in->replaces, _("weighing"), err)))
		return mc_end(ctx, r, err);
	if (!in->q1 && (r = mc_steps_missing(ctx, &m, &missing, err)))
		return mc_end(ctx, r, err);
	missing &= ~(1u << 4); /* this weighing is step 4 */
	if (missing)
		return mc_end(ctx, mc_missing_error(missing,
				   _("Closing the trajectory because there is no suspicion"), err), err);
	ids_new(id);
	if ((r = insert_weighing(ctx, &m, id, in, cur, err))
	    || (r = mc_entry_added(ctx, &m, 4, "meldcode_weighing", id,
			in->q1 ? "q1 yes" : "q1 no", err)))
		return mc_end(ctx, r, err);
	if (!in->q1)
		r = close_no_suspicion(ctx, &m, in->q1_motivation, err);
	if ((r = mc_end(ctx, r, err)))
		return r;
	if (out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return CASUS_OK;
}

/* ---- step 5: the decisions ---- */

static enum casus_rc check_answer(int q, int n, const char *motivation, struct casus_err *err)
{
	if (q != MC_UNANSWERED && q != MC_NO && q != MC_YES)
		return err_set(err, CASUS_E_INVALID, _("Question %d is answered yes or no."), n);
	if (q == MC_UNANSWERED)
		return CASUS_OK;
	char field[80];
	snprintf(field, sizeof field, _("The motivation of question %d"), n);
	return text_check(field, motivation, MC_TEXT_MAX, TEXT_MULTILINE, err);
}

static enum casus_rc check_decision(const struct mc_decision_new *in, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = check_answer(in->q3, 3, in->q3_motivation, err))
	    || (r = check_answer(in->q4, 4, in->q4_motivation, err))
	    || (r = check_answer(in->q5, 5, in->q5_motivation, err))
	    || (r = text_check(_("The motivation of the decision about melden"),
			in->melden_motivation, MC_TEXT_MAX, TEXT_MULTILINE, err))
	    || (r = text_check(_("The motivation of the decision about help"), in->hulp_motivation,
			MC_TEXT_MAX, TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("The motivation of the deviation"), in->deviation,
			MC_TEXT_MAX, TEXT_MULTILINE, err)))
		return r;
	if (in->acute && !in->melden)
		return err_set(err, CASUS_E_INVALID,
			_("The acute path is for melden at once; without acute danger, take the steps."));
	return CASUS_OK;
}

static void because_text(unsigned because, char *out, size_t outsz)
{
	const struct { unsigned bit; const char *text; } why[] = {
		{ MC_BECAUSE_ACUTE, _("acute danger") },
		{ MC_BECAUSE_Q2, _("acute or structural unsafety (question 2)") },
		{ MC_BECAUSE_Q3, _("no effective help can be offered or organised (question 3)") },
		{ MC_BECAUSE_Q4, _("the help is not accepted (question 4)") },
		{ MC_BECAUSE_Q5, _("no lasting safety within the expected term (question 5)") },
	};
	out[0] = '\0';
	for (size_t i = 0; i < sizeof why / sizeof *why; i++) {
		if (!(because & why[i].bit))
			continue;
		size_t len = strlen(out);
		snprintf(out + len, outsz - len, "%s%s", len ? "; " : "", why[i].text);
	}
}

/* Does the decision contradict what the afwegingskader requires? Fills the message. */
static bool contradicts(const struct mc_requirement *req, const struct mc_decision_new *in,
	struct casus_err *err)
{
	char why[400];
	because_text(req->because, why, sizeof why);
	if (req->melden_required && !in->melden)
		err_set(err, CASUS_E_STATE,
			_("The afwegingskader requires melden at Veilig Thuis here (%s), but the "
			  "decision is not to melden. Change the decision, or record a motivated "
			  "deviation; it is put before the gedragswetenschapper."), why);
	else if (req->hulp_expected == MC_YES && !in->hulp)
		err_set(err, CASUS_E_STATE,
			_("Questions 3 to 5 are all answered yes and there is no acute or structural "
			  "unsafety: the afwegingskader expects help to be offered or organised, but "
			  "the decision is no help. Change the decision, or record a motivated "
			  "deviation; it is put before the gedragswetenschapper."));
	else if (req->hulp_expected == MC_NO && in->hulp)
		err_set(err, CASUS_E_STATE,
			_("Question 3 says no effective help can be offered or organised, but the "
			  "decision is to help. Change the decision, or record a motivated deviation; it "
			  "is put before the gedragswetenschapper."));
	else
		return false;
	return true;
}

struct basis {
	char weighing[CASUS_ID_LEN];
	struct mc_answers a;
};

static const char SQL_WEIGHING_Q[] =
	"SELECT q1, q2 FROM meldcode_weighing WHERE id = ?1";
static const char SQL_HAS_ACUTE[] =
	"SELECT count(*) FROM meldcode_acute WHERE trajectory_id = ?1";

/* What the decision rests on: the current weighing (steps 1-4 recorded), or on the
 * acute path an acute-danger record. */
static enum casus_rc decision_basis(struct casus_ctx *ctx, const struct meldcode *m,
	const struct mc_decision_new *in, struct basis *b, struct casus_err *err)
{
	enum casus_rc r;
	unsigned missing = 0;
	b->a = (struct mc_answers){ MC_UNANSWERED, MC_UNANSWERED, in->q3, in->q4, in->q5 };
	if ((r = mc_current_weighing(ctx, m->id, b->weighing, err)))
		return r;
	if (in->acute) {
		sqlite3_stmt *st = db_stmt(ctx, SQL_HAS_ACUTE, err);
		if (!st)
			return err->rc;
		sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
		int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
		db_done(st);
		if (n == 0)
			return err_set(err, CASUS_E_STATE,
				_("The acute path needs the acute-danger record first: who contacted the "
				  "police or Veilig Thuis, when, and the reference."));
	} else if ((r = mc_steps_missing(ctx, m, &missing, err))) {
		return r;
	} else if (missing) {
		return mc_missing_error(missing, _("A decision"), err);
	}
	if (!b->weighing[0])
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_WEIGHING_Q, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, b->weighing, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		b->a.q1 = mc_col_answer(st, 0);
		b->a.q2 = mc_col_answer(st, 1);
	}
	db_done(st);
	return CASUS_OK;
}

/* Check the decision against the afwegingskader; fills req. */
static enum casus_rc check_rules(const struct basis *b, const struct mc_decision_new *in,
	struct mc_requirement *req, struct casus_err *err)
{
	meldcode_derive(&b->a, in->acute, req);
	bool answered = in->q3 != MC_UNANSWERED || in->q4 != MC_UNANSWERED
			|| in->q5 != MC_UNANSWERED;
	if (req->close)
		return err_set(err, CASUS_E_STATE,
			_("The weighing found no suspicion (question 1); there is nothing to decide."));
	if (!req->complete)
		return err_set(err, CASUS_E_INVALID,
			_("Answer question %d of the afwegingskader first."), req->missing);
	if (req->with_vt && answered && !in->with_vt)
		return err_set(err, CASUS_E_INVALID,
			_("There is acute or structural unsafety (question 2): questions 3 to 5 are "
			  "answered together with Veilig Thuis. Confirm that they were, or leave them "
			  "open for now."));
	bool against = contradicts(req, in, err);
	bool deviates = in->deviation && *in->deviation;
	if (against && !deviates)
		return CASUS_E_STATE;
	if (!against && deviates)
		return err_set(err, CASUS_E_INVALID,
			_("This decision follows the afwegingskader; there is nothing to deviate from. "
			  "Leave the deviation empty."));
	err_clear(err);
	return CASUS_OK;
}

static const char SQL_DECISION[] =
	"INSERT INTO meldcode_decision(id, trajectory_id, weighing_id, acute, q2, q3,"
	" q3_motivation, q4, q4_motivation, q5, q5_motivation, with_vt, melden,"
	" melden_motivation, hulp, hulp_motivation, melden_required, hulp_expected, deviation,"
	" deviation_motivation, corrects, author_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	" ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";

static void bind_answer(sqlite3_stmt *st, int col, int q)
{
	if (q == MC_UNANSWERED)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int(st, col, q == MC_YES);
}

static enum casus_rc insert_decision(struct casus_ctx *ctx, const struct meldcode *m,
	const char *id, const struct mc_decision_new *in, const struct basis *b,
	const struct mc_requirement *req, const char *cur, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_DECISION, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 3, b->weighing);
	sqlite3_bind_int(st, 4, in->acute);
	bind_answer(st, 5, b->a.q2);
	bind_answer(st, 6, in->q3);
	db_bind_text(st, 7, in->q3 != MC_UNANSWERED ? in->q3_motivation : NULL);
	bind_answer(st, 8, in->q4);
	db_bind_text(st, 9, in->q4 != MC_UNANSWERED ? in->q4_motivation : NULL);
	bind_answer(st, 10, in->q5);
	db_bind_text(st, 11, in->q5 != MC_UNANSWERED ? in->q5_motivation : NULL);
	sqlite3_bind_int(st, 12, in->with_vt);
	sqlite3_bind_int(st, 13, in->melden);
	sqlite3_bind_text(st, 14, in->melden_motivation, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 15, in->hulp);
	sqlite3_bind_text(st, 16, in->hulp_motivation, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 17, req->melden_required);
	bind_answer(st, 18, req->hulp_expected);
	sqlite3_bind_int(st, 19, in->deviation && *in->deviation);
	db_bind_text(st, 20, in->deviation);
	db_bind_text(st, 21, cur);
	sqlite3_bind_text(st, 22, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 23, now, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

/* ---- the melding as an escalation ---- */

static int live_melding(void *arg, const struct escalation *e)
{
	int *n = arg;
	if (e->status == ESC_PENDING || e->status == ESC_INFO_REQUESTED
	    || e->status == ESC_APPROVED)
		(*n)++;
	return 0;
}

/* The start of text, at most max characters, cut at a character boundary. */
static void clip(const char *text, size_t max, char *out, size_t outsz)
{
	size_t i = 0, chars = 0;
	while (text[i] && chars < max && i + 4 < outsz) {
		i++;
		while (((unsigned char)text[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	snprintf(out, outsz, "%.*s", (int)i, text);
}

/* A decision to melden is a "melding Veilig Thuis" escalation: it goes to the
 * gedragswetenschapper when the team requires approval, and on the acute path it is
 * recorded as acted on before approval (safety never waits). One live request per
 * trajectory: "melden after all" after a rejection or withdrawal asks again. */
static enum casus_rc request_melding(struct casus_ctx *ctx, const struct meldcode *m,
	const struct mc_decision_new *in, struct casus_err *err)
{
	int live = 0;
	struct escalation_filter f = { .status = -1, .kind = ESC_VEILIG_THUIS,
		.meldcode_id = m->id };
	enum casus_rc r = escalation_list_each(ctx, &f, live_melding, &live, err);
	if (r || live)
		return r;
	char reason[ESC_TEXT_BUF];
	clip(in->melden_motivation, ESC_TEXT_MAX, reason, sizeof reason);
	struct escalation_new e = { .family = m->family_id, .kind = ESC_VEILIG_THUIS,
		.urgency = in->acute ? URGENCY_ACUUT : URGENCY_NORMAAL, .reason = reason,
		.asked = _("Melding at Veilig Thuis (meldcode step 5)."), .acted = in->acute,
		.acted_note = in->acute ? _("Acute danger: police or Veilig Thuis was contacted at "
					    "once (meldcode acute path).") : NULL,
		.meldcode_id = m->id };
	return escalation_request(ctx, &e, NULL, err);
}

/* After a decision on the full path the steps are complete. */
static enum casus_rc steps_done(struct casus_ctx *ctx, const struct meldcode *m,
	struct casus_err *err)
{
	enum casus_rc r = CASUS_OK;
	for (int step = 1; step <= MC_STEPS && !r; step++)
		r = mc_step_force(ctx, m, step, MC_DONE, 1u << MC_IN_PROGRESS, "decision", err);
	return r;
}

enum casus_rc meldcode_decide(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_decision_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	struct basis b;
	struct mc_requirement req;
	char id[CASUS_ID_LEN], cur[CASUS_ID_LEN], detail[96];
	enum casus_rc r = check_decision(in, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	if ((r = mc_current_decision(ctx, m.id, cur, err))
	    || (r = check_replaces(ctx, SQL_WHO_DECIDED, cur, in->replaces, _("decision"), err))
	    || (r = decision_basis(ctx, &m, in, &b, err)) || (r = check_rules(&b, in, &req, err)))
		return mc_end(ctx, r, err);
	ids_new(id);
	snprintf(detail, sizeof detail, "melden %s, hulp %s%s%s", in->melden ? "yes" : "no",
		in->hulp ? "yes" : "no", in->acute ? ", acute" : "",
		in->deviation && *in->deviation ? ", deviation" : "");
	if ((r = insert_decision(ctx, &m, id, in, &b, &req, cur, err))
	    || (r = mc_entry_added(ctx, &m, 5, "meldcode_decision", id, detail, err))
	    || (!in->acute && (r = steps_done(ctx, &m, err)))
	    || (in->melden && (r = request_melding(ctx, &m, in, err))))
		return mc_end(ctx, r, err);
	if ((r = mc_end(ctx, r, err)))
		return r;
	if (out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return CASUS_OK;
}

/* ---- the gedragswetenschapper's review of a deviation ---- */

static const char SQL_DECISION_OF[] =
	"SELECT d.trajectory_id, d.author_id, d.deviation,"
	" (SELECT count(*) FROM meldcode_review r WHERE r.decision_id = d.id)"
	" FROM meldcode_decision d WHERE d.id = ?1";
static const char SQL_REVIEW[] =
	"INSERT INTO meldcode_review(id, trajectory_id, decision_id, verdict, note, author_id,"
	" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static enum casus_rc review_allowed(struct casus_ctx *ctx, const char *decision_id,
	char traj[CASUS_ID_LEN], struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_DECISION_OF, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, decision_id ? decision_id : "", -1, SQLITE_TRANSIENT);
	enum casus_rc r = CASUS_OK;
	if (sqlite3_step(st) != SQLITE_ROW)
		r = err_set(err, CASUS_E_NOTFOUND, _("There is no such meldcode decision."));
	else if (!sqlite3_column_int(st, 2))
		r = err_set(err, CASUS_E_STATE,
			_("This decision follows the afwegingskader; there is no deviation to review."));
	else if (strcmp(mc_col(st, 1), ctx->user.id) == 0)
		r = err_set(err, CASUS_E_PERM,
			_("Four eyes: a deviation is reviewed by someone other than who decided."));
	else if (sqlite3_column_int(st, 3) > 0)
		r = err_set(err, CASUS_E_EXISTS, _("This deviation has already been reviewed."));
	else
		db_col_text(st, 0, traj, CASUS_ID_LEN);
	db_done(st);
	return r;
}

enum casus_rc meldcode_review_deviation(struct casus_ctx *ctx, const char *decision_id,
	bool agree, const char *note, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	char traj[CASUS_ID_LEN] = "", id[CASUS_ID_LEN], now[21];
	enum casus_rc r;
	if ((r = member_require(ctx, ROLE_GEDRAGSWETENSCHAPPER,
			_("review a deviation from the afwegingskader"), err))
	    || (r = text_check(_("The review"), note, MC_TEXT_MAX, TEXT_MULTILINE, err))
	    || (r = review_allowed(ctx, decision_id, traj, err))
	    || (r = mc_begin(ctx, traj, &m, err)))
		return r;
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_REVIEW, err);
	if (!st)
		return mc_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, decision_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, agree ? "agreed" : "disagreed", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = audit_log(ctx, AUDIT_CREATE, m.family_id, "meldcode_review", id,
			agree ? "deviation agreed" : "deviation disagreed", err);
	if ((r = mc_end(ctx, r, err)))
		return r;
	if (out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return CASUS_OK;
}
