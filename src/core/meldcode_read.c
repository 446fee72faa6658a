/* Reading meldcode entries (each kind in recorded order, corrected ones flagged) and
 * the one-query summary the case list and the stepper show per family. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"

#define ENTRY_COLS(table) \
	"x.id, x.corrects, a.login, a.name, x.created_at," \
	" EXISTS (SELECT 1 FROM " table " c WHERE c.corrects = x.id)"
#define ENTRY_FROM(table) \
	" FROM " table " x LEFT JOIN member a ON a.id = x.author_id" \
	" WHERE x.trajectory_id = ?1 ORDER BY x.created_at, x.rowid"
#define ENTRY_SQL(cols, table) "SELECT " ENTRY_COLS(table) ", " cols ENTRY_FROM(table)

/* Step through the rows of one statement; row() reads a row and calls the user's
 * callback (its return value stops the loop when non-zero). */
static enum casus_rc each_row(struct casus_ctx *ctx, const char *sql, const char *traj,
	int (*row)(sqlite3_stmt *st, void *pack), void *pack, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, traj ? traj : "", -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, pack))
			break;
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static int parse_or(int v, int fallback)
{
	return v < 0 ? fallback : v;
}

static int find(const char *(*name)(int), int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(name(i), s) == 0)
			return i;
	return -1;
}

/* Adapters so find() can walk the enum name functions. */
static const char *tri_n(int i) { return mc_tri_name((enum mc_tri)i); }
static const char *service_n(int i) { return mc_service_name((enum mc_service)i); }
static const char *talk_n(int i) { return mc_talk_name((enum mc_talk)i); }
static const char *band_n(int i) { return mc_band_name((enum mc_band)i); }
static const char *exception_n(int i) { return mc_exception_name((enum mc_exception)i); }
static const char *event_n(int i) { return mc_event_name((enum mc_event_kind)i); }

/* ---- signals ---- */

struct signal_pack {
	int (*fn)(void *arg, const struct mc_signal *x);
	void *arg;
};

static const char SQL_SIGNALS[] = ENTRY_SQL("x.kind, x.observed_on, x.observer,"
	" x.source_kind, x.source, x.description, x.hypothesis_of, x.diagnosed_by, x.verdict,"
	" x.follows_up", "meldcode_signal");

static int signal_row(sqlite3_stmt *st, void *pack)
{
	struct signal_pack *p = pack;
	struct mc_signal x;
	mc_read_entry(st, 0, &x.e);
	x.kind = (enum mc_signal_kind)parse_or(mc_signal_kind_parse(mc_col(st, 6)), MC_FACT);
	x.observed_on = mc_col(st, 7);
	x.observer = mc_col(st, 8);
	x.third_party = strcmp(mc_col(st, 9), "third_party") == 0;
	x.source = mc_col(st, 10);
	x.description = mc_col(st, 11);
	x.hypothesis_of = mc_col(st, 12);
	x.diagnosed_by = mc_col(st, 13);
	const char *v = mc_col(st, 14);
	x.verdict = strcmp(v, "confirmed") == 0 ? MC_CONFIRMED
		    : strcmp(v, "refuted") == 0 ? MC_REFUTED : MC_VERDICT_NONE;
	x.follows_up = mc_col(st, 15);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_signals(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_signal *x), void *arg, struct casus_err *err)
{
	struct signal_pack p = { fn, arg };
	return each_row(ctx, SQL_SIGNALS, trajectory_id, signal_row, &p, err);
}

/* ---- kindchecks ---- */

struct kindcheck_pack {
	int (*fn)(void *arg, const struct mc_kindcheck *x);
	void *arg;
};

static const char SQL_KINDCHECKS[] = ENTRY_SQL("x.minors_in_home, x.minors_note,"
	" x.partner_children, x.carers, x.pregnant, x.note", "meldcode_kindcheck");

static enum mc_tri tri(const char *s)
{
	if (strcmp(s, "no_partner") == 0)
		return MC_TRI_NA;
	return (enum mc_tri)parse_or(find(tri_n, MC_TRI_COUNT, s), MC_TRI_UNKNOWN);
}

static int kindcheck_row(sqlite3_stmt *st, void *pack)
{
	struct kindcheck_pack *p = pack;
	struct mc_kindcheck x;
	mc_read_entry(st, 0, &x.e);
	x.minors_in_home = tri(mc_col(st, 6));
	x.minors_note = mc_col(st, 7);
	x.partner_children = tri(mc_col(st, 8));
	x.carers = mc_col(st, 9);
	x.pregnant = tri(mc_col(st, 10));
	x.note = mc_col(st, 11);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_kindchecks(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_kindcheck *x), void *arg, struct casus_err *err)
{
	struct kindcheck_pack p = { fn, arg };
	return each_row(ctx, SQL_KINDCHECKS, trajectory_id, kindcheck_row, &p, err);
}

/* ---- acute danger ---- */

struct acute_pack {
	int (*fn)(void *arg, const struct mc_acute *x);
	void *arg;
};

static const char SQL_ACUTES[] = ENTRY_SQL("x.service, x.contacted_at, x.contact_name,"
	" x.reference, x.danger", "meldcode_acute");

static int acute_row(sqlite3_stmt *st, void *pack)
{
	struct acute_pack *p = pack;
	struct mc_acute x;
	mc_read_entry(st, 0, &x.e);
	x.service = (enum mc_service)parse_or(find(service_n, MC_SERVICE_COUNT, mc_col(st, 6)), 0);
	x.contacted_at = mc_col(st, 7);
	x.contact_name = mc_col(st, 8);
	x.reference = mc_col(st, 9);
	x.danger = mc_col(st, 10);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_acutes(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_acute *x), void *arg, struct casus_err *err)
{
	struct acute_pack p = { fn, arg };
	return each_row(ctx, SQL_ACUTES, trajectory_id, acute_row, &p, err);
}

/* ---- consultations ---- */

struct consultation_pack {
	int (*fn)(void *arg, const struct mc_consultation *x);
	void *arg;
};

static const char SQL_CONSULTATIONS[] = ENTRY_SQL("x.with_kind, x.with_name, x.anonymous,"
	" x.held_on, x.question, x.advice", "meldcode_consultation");

static int consultation_row(sqlite3_stmt *st, void *pack)
{
	struct consultation_pack *p = pack;
	struct mc_consultation x;
	mc_read_entry(st, 0, &x.e);
	x.with = (enum mc_consult)parse_or(mc_consult_parse(mc_col(st, 6)), 0);
	x.with_name = mc_col(st, 7);
	x.anonymous = sqlite3_column_int(st, 8) != 0;
	x.held_on = mc_col(st, 9);
	x.question = mc_col(st, 10);
	x.advice = mc_col(st, 11);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_consultations(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_consultation *x), void *arg, struct casus_err *err)
{
	struct consultation_pack p = { fn, arg };
	return each_row(ctx, SQL_CONSULTATIONS, trajectory_id, consultation_row, &p, err);
}

/* ---- conversations ---- */

struct conversation_pack {
	int (*fn)(void *arg, const struct mc_conversation *x);
	void *arg;
};

static const char SQL_CONVERSATIONS[] = ENTRY_SQL("x.with_whom, x.participants, x.held_on,"
	" x.said, x.reaction", "meldcode_conversation");

static int conversation_row(sqlite3_stmt *st, void *pack)
{
	struct conversation_pack *p = pack;
	struct mc_conversation x;
	mc_read_entry(st, 0, &x.e);
	x.with = (enum mc_talk)parse_or(find(talk_n, MC_TALK_COUNT, mc_col(st, 6)), 0);
	x.participants = mc_col(st, 7);
	x.held_on = mc_col(st, 8);
	x.said = mc_col(st, 9);
	x.reaction = mc_col(st, 10);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_conversations(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_conversation *x), void *arg, struct casus_err *err)
{
	struct conversation_pack p = { fn, arg };
	return each_row(ctx, SQL_CONVERSATIONS, trajectory_id, conversation_row, &p, err);
}

/* ---- weighings ---- */

struct weighing_pack {
	int (*fn)(void *arg, const struct mc_weighing *x);
	void *arg;
};

static const char SQL_WEIGHINGS[] = ENTRY_SQL("x.instrument, x.instrument_name,"
	" x.instrument_outcome, x.q1, x.q1_motivation, x.q2, x.q2_acute, x.q2_structural,"
	" x.q2_disclosure, x.q2_motivation", "meldcode_weighing");

static int weighing_row(sqlite3_stmt *st, void *pack)
{
	struct weighing_pack *p = pack;
	struct mc_weighing x;
	mc_read_entry(st, 0, &x.e);
	x.instrument = (enum mc_instrument)parse_or(mc_instrument_parse(mc_col(st, 6)), 0);
	x.instrument_name = mc_col(st, 7);
	x.instrument_outcome = mc_col(st, 8);
	x.q1 = mc_col_answer(st, 9);
	x.q1_motivation = mc_col(st, 10);
	x.q2 = mc_col_answer(st, 11);
	x.q2_acute = sqlite3_column_int(st, 12) != 0;
	x.q2_structural = sqlite3_column_int(st, 13) != 0;
	x.q2_disclosure = sqlite3_column_int(st, 14) != 0;
	x.q2_motivation = mc_col(st, 15);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_weighings(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_weighing *x), void *arg, struct casus_err *err)
{
	struct weighing_pack p = { fn, arg };
	return each_row(ctx, SQL_WEIGHINGS, trajectory_id, weighing_row, &p, err);
}

/* ---- decisions and reviews ---- */

struct decision_pack {
	int (*fn)(void *arg, const struct mc_decision *x);
	void *arg;
};

static const char SQL_DECISIONS[] = ENTRY_SQL("x.weighing_id, x.acute, x.q2, x.q3,"
	" x.q3_motivation, x.q4, x.q4_motivation, x.q5, x.q5_motivation, x.with_vt, x.melden,"
	" x.melden_motivation, x.hulp, x.hulp_motivation, x.melden_required, x.hulp_expected,"
	" x.deviation, x.deviation_motivation,"
	" (SELECT count(*) FROM meldcode_review r WHERE r.decision_id = x.id)",
	"meldcode_decision");

static int decision_row(sqlite3_stmt *st, void *pack)
{
	struct decision_pack *p = pack;
	struct mc_decision x;
	mc_read_entry(st, 0, &x.e);
	x.weighing_id = mc_col(st, 6);
	x.acute = sqlite3_column_int(st, 7) != 0;
	x.q2 = mc_col_answer(st, 8);
	x.q3 = mc_col_answer(st, 9);
	x.q3_motivation = mc_col(st, 10);
	x.q4 = mc_col_answer(st, 11);
	x.q4_motivation = mc_col(st, 12);
	x.q5 = mc_col_answer(st, 13);
	x.q5_motivation = mc_col(st, 14);
	x.with_vt = sqlite3_column_int(st, 15) != 0;
	x.melden = sqlite3_column_int(st, 16) != 0;
	x.melden_motivation = mc_col(st, 17);
	x.hulp = sqlite3_column_int(st, 18) != 0;
	x.hulp_motivation = mc_col(st, 19);
	x.melden_required = sqlite3_column_int(st, 20) != 0;
	x.hulp_expected = mc_col_answer(st, 21);
	x.deviation = sqlite3_column_int(st, 22) != 0;
	x.deviation_motivation = mc_col(st, 23);
	x.reviews = sqlite3_column_int(st, 24);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_decisions(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_decision *x), void *arg, struct casus_err *err)
{
	struct decision_pack p = { fn, arg };
	return each_row(ctx, SQL_DECISIONS, trajectory_id, decision_row, &p, err);
}

struct review_pack {
	int (*fn)(void *arg, const struct mc_review *x);
	void *arg;
};

/* Reviews are never corrected (a second review is refused), hence the constant 0. */
static const char SQL_REVIEWS[] =
	"SELECT x.id, NULL, a.login, a.name, x.created_at, 0, x.decision_id, x.verdict, x.note"
	" FROM meldcode_review x LEFT JOIN member a ON a.id = x.author_id"
	" WHERE x.trajectory_id = ?1 ORDER BY x.created_at, x.rowid";

static int review_row(sqlite3_stmt *st, void *pack)
{
	struct review_pack *p = pack;
	struct mc_review x;
	mc_read_entry(st, 0, &x.e);
	x.decision_id = mc_col(st, 6);
	x.agreed = strcmp(mc_col(st, 7), "agreed") == 0;
	x.note = mc_col(st, 8);
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_reviews(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_review *x), void *arg, struct casus_err *err)
{
	struct review_pack p = { fn, arg };
	return each_row(ctx, SQL_REVIEWS, trajectory_id, review_row, &p, err);
}

/* ---- events ---- */

struct event_pack {
	int (*fn)(void *arg, const struct mc_event *x);
	void *arg;
};

static const char SQL_EVENTS[] = ENTRY_SQL("x.decision_id, x.kind, x.on_date, x.with_whom,"
	" x.advised, x.exception, x.person_name, x.reference, x.due1, x.due2, x.note,"
	" x.feedback_no, x.outcome", "meldcode_event");

static int event_row(sqlite3_stmt *st, void *pack)
{
	struct event_pack *p = pack;
	struct mc_event x;
	mc_read_entry(st, 0, &x.e);
	x.decision_id = mc_col(st, 6);
	x.kind = (enum mc_event_kind)parse_or(find(event_n, MC_EVENT_COUNT, mc_col(st, 7)), 0);
	x.on = mc_col(st, 8);
	x.with = (enum mc_band)parse_or(find(band_n, MC_BAND_COUNT, mc_col(st, 9)),
		MC_BAND_UNKNOWN);
	x.advised = (enum mc_band)parse_or(find(band_n, MC_BAND_COUNT, mc_col(st, 10)),
		MC_BAND_UNKNOWN);
	x.exception = (enum mc_exception)parse_or(find(exception_n, MC_EXC_COUNT,
							   mc_col(st, 11)), 0);
	x.person_name = mc_col(st, 12);
	x.reference = mc_col(st, 13);
	x.due1 = mc_col(st, 14);
	x.due2 = mc_col(st, 15);
	x.note = mc_col(st, 16);
	x.feedback_no = sqlite3_column_int(st, 17);
	x.result = strcmp(mc_col(st, 18), "continues") == 0 ? MC_HELP_CONTINUES : MC_HELP_STOPPED;
	return p->fn(p->arg, &x);
}

enum casus_rc meldcode_events(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_event *x), void *arg, struct casus_err *err)
{
	struct event_pack p = { fn, arg };
	return each_row(ctx, SQL_EVENTS, trajectory_id, event_row, &p, err);
}

/* ---- the summary ---- */

#define UNCORRECTED(alias, table) \
	" AND NOT EXISTS (SELECT 1 FROM " table " c WHERE c.corrects = " alias ".id)"

/* One row for the family's open trajectory (else its latest). Every subquery walks
 * an index on trajectory_id, so this stays cheap per visible case-list row. */
static const char SQL_SUMMARY[] =
	"SELECT m.id, m.status, coalesce(m.outcome, ''),"
	" (SELECT state FROM meldcode_step WHERE trajectory_id = m.id AND step = 1) || ','"
	" || (SELECT state FROM meldcode_step WHERE trajectory_id = m.id AND step = 2) || ','"
	" || (SELECT state FROM meldcode_step WHERE trajectory_id = m.id AND step = 3) || ','"
	" || (SELECT state FROM meldcode_step WHERE trajectory_id = m.id AND step = 4) || ','"
	" || (SELECT state FROM meldcode_step WHERE trajectory_id = m.id AND step = 5),"
	" EXISTS (SELECT 1 FROM meldcode_acute WHERE trajectory_id = m.id),"
	" d.id IS NOT NULL, coalesce(d.melden, 0),"
	" EXISTS (SELECT 1 FROM meldcode_event e WHERE e.trajectory_id = m.id"
	"  AND e.kind = 'melding'" UNCORRECTED("e", "meldcode_event") "),"
	" (SELECT count(*) FROM meldcode_event e WHERE e.trajectory_id = m.id"
	"  AND e.kind = 'melding'" UNCORRECTED("e", "meldcode_event") " AND e.due1 < ?2"
	"  AND NOT EXISTS (SELECT 1 FROM meldcode_event f WHERE f.trajectory_id = m.id"
	"  AND f.kind = 'vt_feedback' AND f.feedback_no = 1)),"
	" (SELECT count(*) FROM meldcode_event e WHERE e.trajectory_id = m.id"
	"  AND e.kind = 'melding'" UNCORRECTED("e", "meldcode_event") " AND e.due2 < ?2"
	"  AND NOT EXISTS (SELECT 1 FROM meldcode_event f WHERE f.trajectory_id = m.id"
	"  AND f.kind = 'vt_feedback' AND f.feedback_no = 2)),"
	" EXISTS (SELECT 1 FROM meldcode_decision x WHERE x.trajectory_id = m.id"
	"  AND x.deviation = 1 AND NOT EXISTS (SELECT 1 FROM meldcode_review r"
	"  WHERE r.decision_id = x.id)),"
	" EXISTS (SELECT 1 FROM meldcode_event e WHERE e.trajectory_id = m.id"
	"  AND e.kind = 'help_followup' AND e.on_date < ?2" UNCORRECTED("e", "meldcode_event")
	"  AND NOT EXISTS (SELECT 1 FROM meldcode_event h WHERE h.trajectory_id = m.id"
	"  AND h.kind = 'help_checked' AND h.rowid > e.rowid)),"
	" coalesce((SELECT h.outcome FROM meldcode_event h WHERE h.trajectory_id = m.id"
	"  AND h.kind = 'help_checked'" UNCORRECTED("h", "meldcode_event")
	"  ORDER BY h.rowid DESC LIMIT 1), ''),"
	" d.id IS NOT NULL AND d.weighing_id IS NOT (SELECT w.id FROM meldcode_weighing w"
	"  WHERE w.trajectory_id = m.id" UNCORRECTED("w", "meldcode_weighing") ")"
	" FROM meldcode m LEFT JOIN meldcode_decision d ON d.trajectory_id = m.id"
	UNCORRECTED("d", "meldcode_decision")
	" WHERE m.family_id = ?1 ORDER BY m.status = 'open' DESC, m.opened_at DESC, m.rowid DESC"
	" LIMIT 1";

static void read_states(const char *csv, struct meldcode_summary *out)
{
	char buf[80];
	snprintf(buf, sizeof buf, "%s", csv);
	int i = 0;
	for (char *save = NULL, *s = strtok_r(buf, ",", &save); s && i < MC_STEPS;
	     s = strtok_r(NULL, ",", &save))
		out->steps[i++] = (enum mc_step_state)parse_or(mc_state_parse(s), MC_NOT_STARTED);
	for (i = 0; i < MC_STEPS && out->open; i++)
		if (out->steps[i] != MC_DONE && out->steps[i] != MC_SKIPPED) {
			out->current_step = i + 1;
			break;
		}
}

static void read_summary(sqlite3_stmt *st, struct meldcode_summary *out)
{
	out->any = true;
	db_col_text(st, 0, out->trajectory_id, sizeof out->trajectory_id);
	out->open = strcmp(mc_col(st, 1), "open") == 0;
	const char *o = mc_col(st, 2);
	for (int i = 1; i < MC_OUTCOME_COUNT; i++)
		if (strcmp(o, mc_outcome_name((enum mc_outcome)i)) == 0)
			out->outcome = (enum mc_outcome)i;
	read_states(mc_col(st, 3), out);
	out->acute = sqlite3_column_int(st, 4) != 0;
	out->decided = sqlite3_column_int(st, 5) != 0;
	out->melden = sqlite3_column_int(st, 6) != 0;
	out->melded = sqlite3_column_int(st, 7) != 0;
	/* A closed trajectory is read-only: nothing can be overdue there any more. */
	if (out->open) {
		out->vt_feedback_overdue = sqlite3_column_int(st, 8) + sqlite3_column_int(st, 9);
		out->help_check_overdue = sqlite3_column_int(st, 11) != 0;
		out->melden_after_all = strcmp(mc_col(st, 12), "continues") == 0 && !out->melden;
		out->decision_stale = sqlite3_column_int(st, 13) != 0;
	}
	out->deviation_pending = sqlite3_column_int(st, 10) != 0;
}

enum casus_rc meldcode_summary(struct casus_ctx *ctx, const char *family_id,
	struct meldcode_summary *out, struct casus_err *err)
{
	char today[11];
	memset(out, 0, sizeof *out);
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_SUMMARY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_summary(st, out);
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}
