/* The afwegingskader: the pure derivation for every path, each path end to end (Q1 no;
 * Q2 yes; Q3, Q4, Q5 no; all yes), the refusal of a contradicting decision, the
 * motivated deviation and its four-eyes review, stale decisions, the melding with
 * "open melden, tenzij" and Veilig Thuis's feedback moments, help with its follow-up
 * check and "melden after all", closing, and the summary flags. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/escalation.h"
#include "test_meldcode.h"

#define Y MC_YES
#define N MC_NO
#define U MC_UNANSWERED

START_TEST(derive_every_path)
{
	static const struct {
		struct mc_answers a;
		bool acute, close, complete, melden, vt;
		int hulp, missing;
		unsigned because;
	} cases[] = {
		{ { N, U, U, U, U }, false, true, true, false, false, U, 0, 0 },
		{ { U, U, U, U, U }, false, false, false, false, false, U, 1, 0 },
		{ { Y, U, U, U, U }, false, false, false, false, false, U, 2, 0 },
		{ { Y, Y, U, U, U }, false, false, true, true, true, U, 0, MC_BECAUSE_Q2 },
		{ { Y, Y, Y, Y, Y }, false, false, true, true, true, U, 0, MC_BECAUSE_Q2 },
		{ { Y, Y, N, U, U }, false, false, true, true, true, N, 0,
			MC_BECAUSE_Q2 | MC_BECAUSE_Q3 },
		{ { Y, N, U, U, U }, false, false, false, false, false, U, 3, 0 },
		{ { Y, N, N, U, U }, false, false, true, true, false, N, 0, MC_BECAUSE_Q3 },
		{ { Y, N, Y, U, U }, false, false, false, false, false, U, 4, 0 },
		{ { Y, N, Y, N, U }, false, false, true, true, false, U, 0, MC_BECAUSE_Q4 },
		{ { Y, N, Y, Y, U }, false, false, false, false, false, U, 5, 0 },
		{ { Y, N, Y, Y, N }, false, false, true, true, false, U, 0, MC_BECAUSE_Q5 },
		{ { Y, N, Y, Y, Y }, false, false, true, false, false, Y, 0, 0 },
		{ { U, U, U, U, U }, true, false, true, true, false, U, 0, MC_BECAUSE_ACUTE },
		{ { N, U, U, U, U }, true, false, true, true, false, U, 0, MC_BECAUSE_ACUTE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct mc_requirement r;
		meldcode_derive(&cases[i].a, cases[i].acute, &r);
		ck_assert_msg(r.close == cases[i].close, "case %zu close", i);
		ck_assert_msg(r.complete == cases[i].complete, "case %zu complete", i);
		ck_assert_msg(r.melden_required == cases[i].melden, "case %zu melden", i);
		ck_assert_msg(r.with_vt == cases[i].vt, "case %zu with_vt", i);
		ck_assert_msg(r.hulp_expected == cases[i].hulp, "case %zu hulp", i);
		ck_assert_msg(r.missing == cases[i].missing, "case %zu missing %d", i, r.missing);
		ck_assert_msg(r.because == cases[i].because, "case %zu because %u", i, r.because);
	}
}
END_TEST

static long long decision_flags(const char *id)
{
	return mc_q_int("SELECT melden + 2 * hulp + 4 * melden_required + 8 * deviation"
		" + 16 * coalesce(q2, 0) FROM meldcode_decision WHERE id = ?1", id);
}

START_TEST(path_q1_no_closes)
{
	mc_steps_1_3(traj);
	struct mc_weighing_new w = { .instrument = MC_INSTR_ARIJ, .instrument_outcome = "Low risk.",
		.q1 = false, .q1_motivation = "Injury explained; no other signals." };
	ck_ok(meldcode_weigh(fx.ctx, traj, &w, NULL, &fx.err));
	struct meldcode_summary s;
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(s.any && !s.open);
	ck_assert_int_eq(s.outcome, MC_OUTCOME_NO_SUSPICION);
	struct mc_decision_new d = mc_decision(Y, Y, Y, false, true);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
}
END_TEST

START_TEST(path_q2_yes_requires_melden_with_vt)
{
	char dec[CASUS_ID_LEN];
	mc_steps_1_3(traj);
	mc_weigh(traj, false, true, false, NULL);
	struct mc_decision_new d = mc_decision(U, U, U, false, true);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "question 2"));
	/* Q3-5 go together with Veilig Thuis: answered alone they are refused. */
	d = mc_decision(Y, Y, U, true, true);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Veilig Thuis"));
	d = mc_decision(U, U, U, true, false);
	ck_ok(meldcode_decide(fx.ctx, traj, &d, dec, &fx.err));
	ck_assert_int_eq(decision_flags(dec), 1 + 4 + 16);
	/* Later, answered together with Veilig Thuis, the decision is renewed. */
	d = mc_decision(Y, Y, Y, true, true);
	d.with_vt = true;
	d.replaces = dec;
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	/* The database refuses Q3 answered without Veilig Thuis under Q2 yes. */
	ck_assert_int_ne(mc_exec("INSERT INTO meldcode_decision SELECT"
		" '00000000-0000-4000-8000-0000000000e1', trajectory_id, weighing_id, acute, q2, q3,"
		" q3_motivation, q4, q4_motivation, q5, q5_motivation, 0, melden, melden_motivation,"
		" hulp, hulp_motivation, melden_required, hulp_expected, deviation,"
		" deviation_motivation, NULL, author_id, created_at FROM meldcode_decision"
		" WHERE q3 IS NOT NULL"), SQLITE_OK);
}
END_TEST

START_TEST(disclosure_counts_as_acute)
{
	char w[CASUS_ID_LEN];
	mc_steps_1_3(traj);
	struct mc_weighing_new in = { .instrument = MC_INSTR_SIGNS_OF_SAFETY,
		.instrument_outcome = "Scale 2 of 10.", .q1 = true, .q1_motivation = "Sam told us.",
		.q2_disclosure = true, .q2_motivation = "Sam told his teacher his father hits him." };
	ck_ok(meldcode_weigh(fx.ctx, traj, &in, w, &fx.err));
	ck_assert_int_eq(mc_q_int("SELECT q2 + 2 * q2_acute + 4 * q2_disclosure"
		" FROM meldcode_weighing WHERE id = ?1", w), 7);
	struct mc_decision_new d = mc_decision(U, U, U, false, true);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
}
END_TEST

/* Q2 no, then Q3/Q4/Q5 no: each requires melden. */
static void no_at(int q3, int q4, int q5)
{
	mc_steps_1_3(traj);
	mc_weigh(traj, false, false, false, NULL);
	struct mc_decision_new d = mc_decision(q3, q4, q5, false, true);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "requires melden"));
	d = mc_decision(q3, q4, q5, true, q3 != N);
	char dec[CASUS_ID_LEN];
	ck_ok(meldcode_decide(fx.ctx, traj, &d, dec, &fx.err));
	ck_assert_int_eq(mc_q_int("SELECT melden_required FROM meldcode_decision WHERE id = ?1",
		dec), 1);
}

START_TEST(path_q3_no)
{
	no_at(N, U, U);
	/* Q3 no: no effective help can be offered, so deciding to help contradicts it. */
	struct mc_decision_new d = mc_decision(N, U, U, true, true);
	char cur[CASUS_ID_LEN];
	mc_current_decision(fx.ctx, traj, cur, &fx.err);
	d.replaces = cur;
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Question 3"));
}
END_TEST

START_TEST(path_q4_no) { no_at(Y, N, U); }
END_TEST

START_TEST(path_q5_no) { no_at(Y, Y, N); }
END_TEST

START_TEST(path_all_yes_help_without_melding)
{
	char dec[CASUS_ID_LEN];
	mc_steps_1_3(traj);
	mc_weigh(traj, false, false, false, NULL);
	struct mc_decision_new d = mc_decision(Y, Y, U, false, true);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "question 5"));
	d = mc_decision(Y, Y, Y, false, false);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "expects help"));
	d = mc_decision(Y, Y, Y, false, true);
	ck_ok(meldcode_decide(fx.ctx, traj, &d, dec, &fx.err));
	ck_assert_int_eq(decision_flags(dec), 2);
	/* Melden is not required then, but the professional keeps the right to melden. */
	d = mc_decision(Y, Y, Y, true, true);
	d.replaces = dec;
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
}
END_TEST

START_TEST(deviation_is_flagged_and_reviewed_by_another)
{
	char dec[CASUS_ID_LEN];
	mc_steps_1_3(traj);
	mc_weigh(traj, false, false, false, NULL);
	struct mc_decision_new d = mc_decision(Y, N, U, false, true);
	d.deviation = "";
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	d.deviation = "The family accepts help from the GGZ next week; melding now would break "
		      "the only contact. We re-weigh in 3 weeks.";
	ck_ok(meldcode_decide(fx.ctx, traj, &d, dec, &fx.err));
	ck_assert_int_eq(decision_flags(dec), 2 + 4 + 8);
	struct meldcode_summary s;
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(s.deviation_pending);
	struct meldcode m;
	ck_ok(meldcode_get(fx.ctx, traj, &m, &fx.err));
	ck_assert_int_eq(meldcode_close(fx.ctx, &m, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "review"));
	/* Nothing to deviate from: refused. */
	struct mc_decision_new ok = mc_decision(Y, Y, Y, false, true);
	ok.deviation = "Just in case.";
	ok.replaces = dec;
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &ok, NULL, &fx.err), CASUS_E_INVALID);
	/* Four eyes: a coach may not review; the gedragswetenschapper may. */
	ck_assert_int_eq(meldcode_review_deviation(fx.ctx, dec, true, "Fine.", NULL, &fx.err),
		CASUS_E_PERM);
	fx_act_as(&fx, "gw1");
	ck_ok(meldcode_review_deviation(fx.ctx, dec, false,
		"Not agreed: melden now and keep the GGZ help going.", NULL, &fx.err));
	ck_assert_int_eq(meldcode_review_deviation(fx.ctx, dec, true, "Again.", NULL, &fx.err),
		CASUS_E_EXISTS);
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(!s.deviation_pending);
	/* Nor may a gedragswetenschapper review a deviation of their own. */
	struct mc_decision_new own = mc_decision(Y, N, U, false, true);
	own.deviation = "Own deviation.";
	own.replaces = dec;
	char dec2[CASUS_ID_LEN];
	ck_ok(meldcode_decide(fx.ctx, traj, &own, dec2, &fx.err));
	ck_assert_int_eq(meldcode_review_deviation(fx.ctx, dec2, true, "Mine.", NULL, &fx.err),
		CASUS_E_PERM);
	/* The database refuses an unflagged contradiction written behind core's back. */
	ck_assert_int_ne(mc_exec("UPDATE meldcode_decision SET deviation = 0"), SQLITE_OK);
	char sql[800];
	snprintf(sql, sizeof sql, "INSERT INTO meldcode_decision SELECT"
		" '00000000-0000-4000-8000-0000000000e2', trajectory_id, weighing_id, acute, q2, q3,"
		" q3_motivation, q4, q4_motivation, q5, q5_motivation, with_vt, melden,"
		" melden_motivation, hulp, hulp_motivation, melden_required, hulp_expected, 0, NULL,"
		" NULL, author_id, created_at FROM meldcode_decision WHERE id = '%s'", dec2);
	ck_assert_int_ne(mc_exec(sql), SQLITE_OK);
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_decision WHERE id = ?1",
		"00000000-0000-4000-8000-0000000000e2"), 0);
}
END_TEST

START_TEST(concurrent_decisions_conflict)
{
	mc_steps_1_3(traj);
	mc_weigh(traj, false, false, false, NULL);
	struct casus_ctx *other = fx_second(&fx, "coach2");
	struct mc_decision_new d = mc_decision(Y, Y, Y, false, true);
	ck_ok(meldcode_decide(other, traj, &d, NULL, &fx.err));
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "coach2"));
	/* Weighings too: a stale "replaces" is refused. */
	struct mc_weighing_new w = { .instrument = MC_INSTR_NONE, .q1 = true, .q1_motivation = "x",
		.q2_structural = true, .q2_motivation = "y" };
	ck_assert_int_eq(meldcode_weigh(fx.ctx, traj, &w, NULL, &fx.err), CASUS_E_CONFLICT);
	casus_close(other);
}
END_TEST

START_TEST(new_weighing_makes_decision_stale)
{
	char w1[CASUS_ID_LEN];
	mc_steps_1_3(traj);
	struct mc_weighing_new w = { .instrument = MC_INSTR_NONE, .q1 = true, .q1_motivation = "x",
		.q2_motivation = "No unsafety now." };
	ck_ok(meldcode_weigh(fx.ctx, traj, &w, w1, &fx.err));
	struct mc_decision_new d = mc_decision(Y, Y, Y, false, true);
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	struct meldcode_summary s;
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(s.decided && !s.decision_stale && !s.melden);
	mc_weigh(traj, true, false, false, w1);
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(s.decision_stale);
}
END_TEST

/* Q2 yes, decision to melden and help. */
static void decide_melden(char dec[CASUS_ID_LEN])
{
	mc_steps_1_3(traj);
	mc_weigh(traj, false, true, false, NULL);
	struct mc_decision_new d = mc_decision(U, U, U, true, true);
	ck_ok(meldcode_decide(fx.ctx, traj, &d, dec, &fx.err));
}

static void event(enum mc_event_kind k, const char *on, enum casus_rc expect)
{
	struct mc_event_new e = { .kind = k, .on = on, .with = MC_BAND_CHILD_AND_PARENTS,
		.exception = MC_EXC_CONTACT_BREAK, .person_name = "H. Visser (teamleider)",
		.reference = "VT-2026-1234", .feedback_no = 1, .note = "Noted." };
	ck_assert_int_eq(meldcode_add_event(fx.ctx, traj, &e, NULL, &fx.err), expect);
}

START_TEST(melding_open_tenzij_and_feedback)
{
	char dec[CASUS_ID_LEN];
	event(MC_EV_DISCUSSED, "2026-11-02", CASUS_E_STATE); /* no decision yet */
	decide_melden(dec);
	struct mc_discuss_advice adv;
	ck_ok(meldcode_discuss_advice(fx.ctx, traj, &adv, &fx.err));
	ck_assert(adv.parents && adv.child); /* Sam is 12, Lotte 7 */
	event(MC_EV_VT_FEEDBACK, "2026-11-05", CASUS_E_STATE);
	event(MC_EV_MELDING, "2026-11-02", CASUS_E_STATE); /* open melden, tenzij */
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Open melden"));
	event(MC_EV_DISCUSSED, "2026-11-02", CASUS_OK);
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_event WHERE kind = 'discussed'"
		" AND with_whom = 'child_and_parents' AND advised = 'child_and_parents'", NULL), 1);
	event(MC_EV_MELDING, "2026-11-02", CASUS_OK);
	event(MC_EV_MELDING, "2026-11-02", CASUS_E_EXISTS);
	/* Feedback 1 is due 5 working days later (Monday -> Monday); the test date is past it. */
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_event WHERE kind = 'melding'"
		" AND due1 = '2026-11-09' AND due2 = '2027-01-11'", NULL), 1);
	struct meldcode_summary s;
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(s.melded && s.melden);
	ck_assert_int_eq(s.vt_feedback_overdue, 1);
	struct meldcode m;
	ck_ok(meldcode_get(fx.ctx, traj, &m, &fx.err));
	ck_assert_int_eq(meldcode_close(fx.ctx, &m, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "manager"));
	event(MC_EV_MANAGER_INTENDED, "2026-11-02", CASUS_OK);
	event(MC_EV_MANAGER_FINAL, "2026-11-02", CASUS_OK);
	ck_assert_int_eq(meldcode_close(fx.ctx, &m, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "first feedback"));
	event(MC_EV_VT_FEEDBACK, "2026-11-06", CASUS_OK);
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert_int_eq(s.vt_feedback_overdue, 0);
	ck_ok(meldcode_close(fx.ctx, &m, "Veilig Thuis investigates; we keep supporting.",
		&fx.err));
	ck_assert_int_eq(m.outcome, MC_OUTCOME_MELDING_AND_HELP);
	ck_assert(!m.open);
}
END_TEST

START_TEST(melding_after_an_exception)
{
	char dec[CASUS_ID_LEN];
	decide_melden(dec);
	event(MC_EV_EXCEPTION, "2026-11-02", CASUS_OK);
	event(MC_EV_MELDING, "2026-11-20", CASUS_OK);
	struct meldcode_summary s;
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert_int_eq(s.vt_feedback_overdue, 0); /* due 2026-11-27 */
	/* A stale melding is corrected, not recorded twice. */
	char mel[CASUS_ID_LEN];
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_event WHERE kind = 'melding'",
		NULL), 1);
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db,
		"SELECT id FROM meldcode_event WHERE kind = 'melding'", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(mel, sizeof mel, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	struct mc_event_new e = { .kind = MC_EV_MELDING, .on = "2026-11-20",
		.reference = "VT-2026-1235", .corrects = mel };
	ck_ok(meldcode_add_event(fx.ctx, traj, &e, NULL, &fx.err));
}
END_TEST

START_TEST(help_follow_up_and_melden_after_all)
{
	char dec[CASUS_ID_LEN];
	mc_steps_1_3(traj);
	mc_weigh(traj, false, false, false, NULL);
	struct mc_decision_new d = mc_decision(Y, Y, Y, false, true);
	ck_ok(meldcode_decide(fx.ctx, traj, &d, dec, &fx.err));
	event(MC_EV_MELDING, "2026-11-10", CASUS_E_STATE); /* the decision is not to melden */
	event(MC_EV_HELP_CHECKED, "2026-11-20", CASUS_E_STATE); /* nothing planned yet */
	struct meldcode m;
	ck_ok(meldcode_get(fx.ctx, traj, &m, &fx.err));
	ck_assert_int_eq(meldcode_close(fx.ctx, &m, NULL, &fx.err), CASUS_E_STATE);
	event(MC_EV_HELP_FOLLOWUP, "2026-11-20", CASUS_OK);
	struct meldcode_summary s;
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(s.help_check_overdue);
	struct mc_event_new chk = { .kind = MC_EV_HELP_CHECKED, .on = "2026-11-21",
		.result = MC_HELP_CONTINUES, .note = "Sam has new bruises." };
	ck_ok(meldcode_add_event(fx.ctx, traj, &chk, NULL, &fx.err));
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(!s.help_check_overdue && s.melden_after_all);
	ck_assert_int_eq(meldcode_close(fx.ctx, &m, NULL, &fx.err), CASUS_E_STATE);
	/* Melden after all: a new decision (Q5 now no) replaces the old one. */
	d = mc_decision(Y, Y, N, true, true);
	d.replaces = dec;
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(!s.melden_after_all && s.melden);
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_decision WHERE corrects = ?1", dec),
		1);
}
END_TEST

START_TEST(help_closes_after_the_violence_stopped)
{
	mc_steps_1_3(traj);
	mc_weigh(traj, false, false, false, NULL);
	struct mc_decision_new d = mc_decision(Y, Y, Y, false, true);
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	event(MC_EV_HELP_FOLLOWUP, "2027-01-15", CASUS_OK); /* in the future: allowed */
	struct mc_event_new chk = { .kind = MC_EV_HELP_CHECKED, .on = "2026-11-23",
		.result = MC_HELP_STOPPED, .note = "No new signals; school confirms." };
	ck_ok(meldcode_add_event(fx.ctx, traj, &chk, NULL, &fx.err));
	struct meldcode m;
	ck_ok(meldcode_get(fx.ctx, traj, &m, &fx.err));
	struct casus_ctx *other = fx_second(&fx, "coach2");
	struct meldcode theirs;
	ck_ok(meldcode_get(other, traj, &theirs, &fx.err));
	ck_ok(meldcode_close(fx.ctx, &m, "Help is working.", &fx.err));
	ck_assert_int_eq(m.outcome, MC_OUTCOME_HELP);
	ck_assert_int_eq(meldcode_close(other, &theirs, NULL, &fx.err), CASUS_E_STATE);
	casus_close(other);
}
END_TEST

static int count_esc(void *arg, const struct escalation *e)
{
	int *n = arg;
	n[0]++;
	n[1] += e->acted_before_approval;
	n[2] += e->status == ESC_PENDING || e->status == ESC_APPROVED;
	return 0;
}

START_TEST(melden_is_a_veilig_thuis_escalation)
{
	char dec[CASUS_ID_LEN];
	decide_melden(dec);
	int n[3] = { 0 };
	struct escalation_filter f = { .status = -1, .kind = ESC_VEILIG_THUIS, .meldcode_id = traj };
	ck_ok(escalation_list_each(fx.ctx, &f, count_esc, n, &fx.err));
	ck_assert_int_eq(n[0], 1);
	ck_assert_int_eq(n[1], 0);
	ck_assert_int_eq(n[2], 1);
	/* A renewed decision to melden does not ask twice. */
	struct mc_decision_new d = mc_decision(Y, Y, Y, true, true);
	d.with_vt = true;
	d.replaces = dec;
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	memset(n, 0, sizeof n);
	ck_ok(escalation_list_each(fx.ctx, &f, count_esc, n, &fx.err));
	ck_assert_int_eq(n[0], 1);
}
END_TEST

START_TEST(acute_melding_is_acted_before_approval)
{
	struct mc_acute_new a = { .service = MC_VEILIG_THUIS, .danger = "Child locked out at night." };
	ck_ok(meldcode_add_acute(fx.ctx, traj, &a, NULL, &fx.err));
	struct mc_decision_new d = mc_decision(U, U, U, true, false);
	d.acute = true;
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	int n[3] = { 0 };
	struct escalation_filter f = { .status = -1, .kind = ESC_VEILIG_THUIS, .meldcode_id = traj };
	ck_ok(escalation_list_each(fx.ctx, &f, count_esc, n, &fx.err));
	ck_assert_int_eq(n[0], 1);
	/* Acted at once when the team requires approval; else approved without one. */
	ck_assert_int_eq(n[1], escalation_needs_approval(fx.ctx, ESC_VEILIG_THUIS) ? 1 : 0);
}
END_TEST

START_TEST(working_days_and_empty_summary)
{
	char d[11];
	meldcode_add_working_days("2026-11-20", 5, d); /* Friday */
	ck_assert_str_eq(d, "2026-11-27");
	meldcode_add_working_days("2026-11-21", 1, d); /* Saturday */
	ck_assert_str_eq(d, "2026-11-23");
	meldcode_add_working_days("2026-12-31", 2, d);
	ck_assert_str_eq(d, "2027-01-04");
	char other[CASUS_ID_LEN];
	fx_family(&fx, "Bakker", other);
	struct meldcode_summary s;
	ck_ok(meldcode_summary(fx.ctx, other, &s, &fx.err));
	ck_assert(!s.any && !s.open && s.current_step == 0);
	ck_ok(meldcode_summary(fx.ctx, fam, &s, &fx.err));
	ck_assert(s.any && s.open && s.current_step == 1 && !s.decided);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("meldcode_decide");
	TCase *tc = tcase_create("afwegingskader");
	tcase_add_checked_fixture(tc, mc_setup, mc_teardown);
	tcase_add_test(tc, derive_every_path);
	tcase_add_test(tc, path_q1_no_closes);
	tcase_add_test(tc, path_q2_yes_requires_melden_with_vt);
	tcase_add_test(tc, disclosure_counts_as_acute);
	tcase_add_test(tc, path_q3_no);
	tcase_add_test(tc, path_q4_no);
	tcase_add_test(tc, path_q5_no);
	tcase_add_test(tc, path_all_yes_help_without_melding);
	tcase_add_test(tc, deviation_is_flagged_and_reviewed_by_another);
	tcase_add_test(tc, concurrent_decisions_conflict);
	tcase_add_test(tc, new_weighing_makes_decision_stale);
	tcase_add_test(tc, melding_open_tenzij_and_feedback);
	tcase_add_test(tc, melding_after_an_exception);
	tcase_add_test(tc, help_follow_up_and_melden_after_all);
	tcase_add_test(tc, help_closes_after_the_violence_stopped);
	tcase_add_test(tc, melden_is_a_veilig_thuis_escalation);
	tcase_add_test(tc, acute_melding_is_acted_before_approval);
	tcase_add_test(tc, working_days_and_empty_summary);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
