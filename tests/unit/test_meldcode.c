/* Meldcode core invariants: one open trajectory per family, step states and the
 * step-3 skip, concurrent step edits, signal rules (diagnosis, source, hypothesis
 * follow-ups), append-only entries and corrections (core and triggers), the
 * anonymous Veilig Thuis consultation, the acute path, the kindcheck, closed
 * trajectories being read-only, the access log and the guidance texts. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/i18n.h"
#include "test_meldcode.h"

START_TEST(open_one_per_family)
{
	struct meldcode_step s[MC_STEPS];
	ck_ok(meldcode_steps(fx.ctx, traj, s, &fx.err));
	for (int i = 0; i < MC_STEPS; i++)
		ck_assert_int_eq(s[i].state, MC_NOT_STARTED);
	const char *kids[] = { sam };
	struct meldcode_new in = { .client = MC_CLIENT_CHILDREN, .children = kids, .n_children = 1 };
	ck_assert_int_eq(meldcode_open(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_EXISTS);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Carla Coach"));
	/* The partial unique index holds even for a write that bypasses core. */
	ck_assert_int_ne(mc_exec("INSERT INTO meldcode(id, family_id, client, opened_at, opened_by,"
		" updated_at, updated_by) SELECT '00000000-0000-4000-8000-000000000001', family_id,"
		" 'children', opened_at, opened_by, updated_at, updated_by FROM meldcode"), SQLITE_OK);
	struct meldcode cur;
	ck_ok(meldcode_current(fx.ctx, fam, &cur, &fx.err));
	ck_assert_str_eq(cur.id, traj);
	ck_assert_str_eq(cur.opened_by_login, "coach1");
	/* Children must be children of this family; the adult client must not be a child. */
	char fam2[CASUS_ID_LEN];
	fx_family(&fx, "Pietersen", fam2);
	const char *wrong[] = { parent };
	in = (struct meldcode_new){ .client = MC_CLIENT_CHILDREN, .children = wrong, .n_children = 1 };
	ck_assert_int_eq(meldcode_open(fx.ctx, fam2, &in, NULL, &fx.err), CASUS_E_INVALID);
	in = (struct meldcode_new){ .client = MC_CLIENT_CHILDREN };
	ck_assert_int_eq(meldcode_open(fx.ctx, fam2, &in, NULL, &fx.err), CASUS_E_INVALID);
	in = (struct meldcode_new){ .client = MC_CLIENT_ADULT, .adult_id = sam };
	ck_assert_int_eq(meldcode_open(fx.ctx, fam2, &in, NULL, &fx.err), CASUS_E_INVALID);
}
END_TEST

START_TEST(children_are_added_never_removed)
{
	char fam2[CASUS_ID_LEN], kid[CASUS_ID_LEN], t[CASUS_ID_LEN];
	fx_family(&fx, "Smit", fam2);
	struct person p;
	struct person_new pn = { .given_name = "Noor", .family_name = "Smit",
		.birth_date = "2012-06-01", .role = PERSON_KIND };
	ck_ok(person_add(fx.ctx, fam2, &pn, &p, &fx.err));
	memcpy(kid, p.id, CASUS_ID_LEN);
	pn.given_name = "Jip";
	pn.birth_date = "2020-01-01";
	ck_ok(person_add(fx.ctx, fam2, &pn, &p, &fx.err));
	const char *kids[] = { kid };
	struct meldcode m;
	struct meldcode_new in = { .client = MC_CLIENT_CHILDREN, .children = kids, .n_children = 1 };
	ck_ok(meldcode_open(fx.ctx, fam2, &in, &m, &fx.err));
	memcpy(t, m.id, CASUS_ID_LEN);
	ck_ok(meldcode_add_child(fx.ctx, t, p.id, &fx.err));
	ck_assert_int_eq(meldcode_add_child(fx.ctx, t, p.id, &fx.err), CASUS_E_EXISTS);
	ck_assert_int_eq(meldcode_add_child(fx.ctx, t, sam, &fx.err), CASUS_E_INVALID);
	struct mc_discuss_advice a;
	ck_ok(meldcode_discuss_advice(fx.ctx, t, &a, &fx.err));
	ck_assert(a.parents && a.child && a.unknown_ages == 0); /* 14 and 6 */
	ck_assert_int_ne(mc_exec("DELETE FROM meldcode_child"), SQLITE_OK);
}
END_TEST

START_TEST(skip_only_step_3_with_a_legal_reason)
{
	struct meldcode_step s[MC_STEPS];
	ck_ok(meldcode_steps(fx.ctx, traj, s, &fx.err));
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &s[0], MC_SKIPPED, MC_SKIP_SAFETY, "Because.",
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &s[2], MC_SKIPPED, MC_SKIP_NONE, "Because.",
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &s[2], MC_SKIPPED, MC_SKIP_SAFETY, "",
		&fx.err), CASUS_E_INVALID);
	ck_ok(meldcode_step_set(fx.ctx, &s[2], MC_SKIPPED, MC_SKIP_CONTACT_BREAK,
		"Father broke off contact last time we raised concerns.", &fx.err));
	ck_assert_int_eq(s[2].state, MC_SKIPPED);
	ck_assert_int_eq(s[2].skip_reason, MC_SKIP_CONTACT_BREAK);
	/* The database refuses a skip of another step, or one without a reason. */
	ck_assert_int_ne(mc_exec("UPDATE meldcode_step SET state = 'skipped',"
		" skip_reason = 'safety', skip_note = 'x' WHERE step = 2"), SQLITE_OK);
	ck_assert_int_ne(mc_exec("UPDATE meldcode_step SET skip_reason = NULL WHERE step = 3"),
		SQLITE_OK);
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_step_log WHERE step = 3"
		" AND to_state = 'skipped' AND skip_reason = 'contact_break'", NULL), 1);
	/* Nothing recorded: not done. An entry starts its step. */
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &s[1], MC_DONE, MC_SKIP_NONE, NULL, &fx.err),
		CASUS_E_STATE);
	mc_consult(traj);
	ck_ok(meldcode_steps(fx.ctx, traj, s, &fx.err));
	ck_assert_int_eq(s[1].state, MC_IN_PROGRESS);
	ck_ok(meldcode_step_set(fx.ctx, &s[1], MC_DONE, MC_SKIP_NONE, NULL, &fx.err));
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &s[1], MC_NOT_STARTED, MC_SKIP_NONE, NULL,
		&fx.err), CASUS_E_STATE);
	/* A conversation after all: step 3 is in progress and can no longer be skipped. */
	mc_talk(traj);
	ck_ok(meldcode_steps(fx.ctx, traj, s, &fx.err));
	ck_assert_int_eq(s[2].state, MC_IN_PROGRESS);
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &s[2], MC_SKIPPED, MC_SKIP_SAFETY, "Unsafe.",
		&fx.err), CASUS_E_STATE);
}
END_TEST

START_TEST(concurrent_step_edit_conflicts)
{
	struct meldcode_step mine[MC_STEPS], theirs[MC_STEPS];
	struct casus_ctx *other = fx_second(&fx, "coach2");
	ck_ok(meldcode_steps(fx.ctx, traj, mine, &fx.err));
	ck_ok(meldcode_steps(other, traj, theirs, &fx.err));
	ck_ok(meldcode_step_set(other, &theirs[2], MC_SKIPPED, MC_SKIP_SAFETY,
		"Mother threatened the previous coach.", &fx.err));
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &mine[2], MC_IN_PROGRESS, MC_SKIP_NONE, NULL,
		&fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Cees Çelik"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "coach2"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "2026-11-23T09:00:00Z"));
	/* Reloaded, the change goes through. */
	ck_ok(meldcode_steps(fx.ctx, traj, mine, &fx.err));
	ck_ok(meldcode_step_set(fx.ctx, &mine[2], MC_IN_PROGRESS, MC_SKIP_NONE, NULL, &fx.err));
	casus_close(other);
}
END_TEST

START_TEST(signal_rules)
{
	struct mc_signal_new s = { .kind = MC_DIAGNOSIS, .observed_on = "2026-11-03",
		.observer = "Carla Coach", .description = "Growth delay." };
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "qualified professional"));
	s.diagnosed_by = "Dr. Y. Smit, jeugdarts";
	ck_ok(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err));
	s = (struct mc_signal_new){ .kind = MC_FACT, .observed_on = "2026-11-03",
		.observer = "Neighbour", .third_party = true, .description = "Shouting at night." };
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "source"));
	s.observed_on = "2026-11-24";
	s.source = "Buurvrouw (anoniem bij ons bekend)";
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err), CASUS_E_INVALID);
	s = (struct mc_signal_new){ .kind = MC_HYPOTHESIS, .observed_on = "2026-11-03",
		.observer = "Carla Coach", .description = "The bruise may come from hitting." };
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err), CASUS_E_INVALID);
	s.hypothesis_of = "Carla Coach";
	char hyp[CASUS_ID_LEN], fact[CASUS_ID_LEN], verdict[CASUS_ID_LEN];
	ck_ok(meldcode_add_signal(fx.ctx, traj, &s, hyp, &fx.err));
	/* The database itself refuses a diagnosis without its professional. */
	ck_assert_int_ne(mc_exec("INSERT INTO meldcode_signal(id, trajectory_id, kind, observed_on,"
		" observer, source_kind, description, author_id, created_at) SELECT"
		" '00000000-0000-4000-8000-0000000000d1', trajectory_id, 'diagnosis', observed_on,"
		" observer, 'own', 'x', author_id, created_at FROM meldcode_signal LIMIT 1"), SQLITE_OK);
	/* A verdict follows up a hypothesis; the hypothesis itself stays as it was. */
	mc_fact(traj, fact);
	ck_assert_int_eq(meldcode_verdict(fx.ctx, fact, MC_CONFIRMED, "2026-11-10", "x", NULL,
		&fx.err), CASUS_E_NOTFOUND);
	ck_ok(meldcode_verdict(fx.ctx, hyp, MC_REFUTED, "2026-11-10",
		"The doctor found a sports injury.", verdict, &fx.err));
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_signal WHERE id = ?1"
		" AND kind = 'hypothesis' AND description = 'The bruise may come from hitting.'", hyp),
		1);
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_signal WHERE follows_up = ?1"
		" AND verdict = 'refuted'", hyp), 1);
}
END_TEST

START_TEST(entries_are_never_changed_or_deleted)
{
	char a[CASUS_ID_LEN], b[CASUS_ID_LEN];
	mc_steps_1_3(traj);
	mc_weigh(traj, false, true, false, NULL);
	struct mc_decision_new d = mc_decision(MC_YES, MC_NO, MC_UNANSWERED, true, true);
	d.with_vt = true;
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	static const char *const tables[] = { "meldcode_signal", "meldcode_consultation",
		"meldcode_conversation", "meldcode_weighing", "meldcode_decision",
		"meldcode_step_log", "meldcode_child" };
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		char sql[160];
		snprintf(sql, sizeof sql, "UPDATE %s SET created_at = created_at", tables[i]);
		if (strcmp(tables[i], "meldcode_child") == 0)
			snprintf(sql, sizeof sql, "UPDATE %s SET added_at = added_at", tables[i]);
		ck_assert_msg(mc_exec(sql) != SQLITE_OK, "%s was updated", tables[i]);
		snprintf(sql, sizeof sql, "DELETE FROM %s", tables[i]);
		ck_assert_msg(mc_exec(sql) != SQLITE_OK, "%s was deleted from", tables[i]);
	}
	ck_assert_int_ne(mc_exec("DELETE FROM meldcode"), SQLITE_OK);
	ck_assert_int_ne(mc_exec("DELETE FROM meldcode_step"), SQLITE_OK);
	/* A correction is a new entry pointing at the old one, once. */
	mc_fact(traj, a);
	struct mc_signal_new s = { .kind = MC_FACT, .observed_on = "2026-11-02",
		.observer = "Mw. De Boer (leerkracht)", .third_party = true,
		.source = "Basisschool De Linde", .description = "Sam had a bruise on his left arm.",
		.corrects = a };
	ck_ok(meldcode_add_signal(fx.ctx, traj, &s, b, &fx.err));
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_signal WHERE id = ?1"
		" AND description = 'Sam had a bruise on his arm.'", a), 1);
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Carla Coach"));
	s.corrects = "00000000-0000-4000-8000-00000000beef";
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err), CASUS_E_NOTFOUND);
	s.corrects = b;
	ck_ok(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err));
}
END_TEST

static int n_signals_corrected;
static int count_corrected(void *arg, const struct mc_signal *x)
{
	(void)arg;
	n_signals_corrected += x->e.corrected;
	return 0;
}

START_TEST(corrected_entries_stay_readable)
{
	char a[CASUS_ID_LEN];
	mc_fact(traj, a);
	struct mc_signal_new s = { .kind = MC_FACT, .observed_on = "2026-11-01",
		.observer = "Carla Coach", .description = "Corrected date.", .corrects = a };
	ck_ok(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err));
	n_signals_corrected = 0;
	ck_ok(meldcode_signals(fx.ctx, traj, count_corrected, NULL, &fx.err));
	ck_assert_int_eq(n_signals_corrected, 1);
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_signal", NULL), 2);
}
END_TEST

START_TEST(anonymous_consultation_has_no_family_identifiers)
{
	struct mc_consultation_new c = { .with = MC_WITH_COLLEAGUE, .with_name = "Cees",
		.anonymous = true, .held_on = "2026-11-05", .advice = "Talk first." };
	ck_assert_int_eq(meldcode_add_consultation(fx.ctx, traj, &c, NULL, &fx.err),
		CASUS_E_INVALID);
	c.with = MC_WITH_VEILIG_THUIS;
	c.with_name = "Veilig Thuis, adviseur dienst";
	const char *identifying[] = { "Sam (12) has bruises.", "The JANSEN family.",
		"Case 2026-0001 again.", "Mother Mira is worried.", "Born 01-05-2014.",
		"BSN 111222333." };
	for (size_t i = 0; i < sizeof identifying / sizeof *identifying; i++) {
		c.question = identifying[i];
		ck_assert_msg(meldcode_add_consultation(fx.ctx, traj, &c, NULL, &fx.err)
			== CASUS_E_INVALID, "accepted: %s", identifying[i]);
	}
	/* Whole words only: "Samuel" and "Lotteria" name nobody here. */
	char id[CASUS_ID_LEN];
	c.question = "A boy of about 12 (not Samuel, no Lotteria) has recurring bruises; mother"
		" is overwhelmed. Is this enough for a melding?";
	c.advice = "Discuss it with the mother first; weigh with a risk instrument.";
	ck_ok(meldcode_add_consultation(fx.ctx, traj, &c, id, &fx.err));
	/* The table has no family or person columns at all ... */
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM pragma_table_info('meldcode_consultation')"
		" WHERE name LIKE '%family%' OR name LIKE '%person%' OR name LIKE '%child%'"
		" OR name LIKE '%bsn%'", NULL), 0);
	/* ... and the row names nobody of the family. */
	ck_assert_int_eq(mc_q_int("SELECT anonymous FROM meldcode_consultation WHERE id = ?1", id),
		1);
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_consultation c, person p,"
		" family f WHERE c.id = ?1 AND p.family_id = f.id AND ("
		" instr(lower(c.with_name || ' ' || coalesce(c.question, '') || ' ' || c.advice),"
		" lower(' ' || p.given_name || ' ')) > 0"
		" OR instr(lower(c.question || c.advice), lower(f.display_name)) > 0"
		" OR instr(c.question || c.advice, f.case_no) > 0"
		" OR instr(c.question || c.advice, p.birth_date) > 0)", id), 0);
	/* Only Veilig Thuis advice can be anonymous, in the database too. */
	ck_assert_int_ne(mc_exec("UPDATE meldcode_consultation SET with_kind = 'colleague'"),
		SQLITE_OK);
}
END_TEST

START_TEST(acute_path_before_step_2)
{
	struct mc_decision_new d = mc_decision(MC_UNANSWERED, MC_UNANSWERED, MC_UNANSWERED, true,
		false);
	d.acute = true;
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	struct mc_acute_new a = { .service = MC_POLICE_AND_VT,
		.contacted_at = "2026-11-22T23:10:00Z", .contact_name = "Agent Bakker",
		.reference = "PL-2026-778", .danger = "Father threatened the children with a knife." };
	char acute[CASUS_ID_LEN], dec[CASUS_ID_LEN];
	ck_ok(meldcode_add_acute(fx.ctx, traj, &a, acute, &fx.err));
	a.contacted_at = "2026-11-24T00:00:00Z";
	ck_assert_int_eq(meldcode_add_acute(fx.ctx, traj, &a, NULL, &fx.err), CASUS_E_INVALID);
	/* No step was taken, and melden is decided at once, recorded as acute. */
	ck_ok(meldcode_decide(fx.ctx, traj, &d, dec, &fx.err));
	ck_assert_int_eq(mc_q_int("SELECT acute + 2 * melden + 4 * melden_required FROM"
		" meldcode_decision WHERE id = ?1", dec), 7);
	struct meldcode_summary sum;
	ck_ok(meldcode_summary(fx.ctx, fam, &sum, &fx.err));
	ck_assert(sum.acute && sum.decided && sum.melden);
	ck_assert_int_eq(sum.current_step, 1); /* the steps are still to be taken */
	/* The acute path is for melden only. */
	d.melden = false;
	d.replaces = dec;
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_INVALID);
	/* The melding needs no prior discussion on the acute path. */
	struct mc_event_new ev = { .kind = MC_EV_MELDING, .on = "2026-11-23",
		.reference = "VT-2026-0099" };
	ck_ok(meldcode_add_event(fx.ctx, traj, &ev, NULL, &fx.err));
	/* Closing still needs the steps: the acute path only lets melden go first. */
	struct meldcode m;
	ck_ok(meldcode_get(fx.ctx, traj, &m, &fx.err));
	ck_assert_int_eq(meldcode_close(fx.ctx, &m, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "step 2"));
}
END_TEST

START_TEST(decision_needs_steps_1_to_4)
{
	struct mc_decision_new d = mc_decision(MC_YES, MC_YES, MC_YES, false, true);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "step 1"));
	mc_fact(traj, NULL);
	mc_consult(traj);
	mc_weigh(traj, false, false, false, NULL);
	ck_assert_int_eq(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "step 3"));
	ck_assert_ptr_null(strstr(fx.err.msg, "step 1"));
	/* A valid skip of step 3 is enough. */
	struct meldcode_step s[MC_STEPS];
	ck_ok(meldcode_steps(fx.ctx, traj, s, &fx.err));
	ck_ok(meldcode_step_set(fx.ctx, &s[2], MC_SKIPPED, MC_SKIP_SAFETY,
		"The child fears reprisals if the parents are told now.", &fx.err));
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	ck_ok(meldcode_steps(fx.ctx, traj, s, &fx.err));
	ck_assert_int_eq(s[0].state, MC_DONE);
	ck_assert_int_eq(s[2].state, MC_SKIPPED);
	ck_assert_int_eq(s[4].state, MC_DONE);
}
END_TEST

START_TEST(q1_no_closes_and_closed_is_read_only)
{
	struct mc_weighing_new w = { .instrument = MC_INSTR_NONE, .q1 = false,
		.q1_motivation = "The bruise was explained by the GP: a fall from the climbing frame." };
	ck_assert_int_eq(meldcode_weigh(fx.ctx, traj, &w, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "step 2"));
	mc_steps_1_3(traj);
	ck_ok(meldcode_weigh(fx.ctx, traj, &w, NULL, &fx.err));
	struct meldcode m;
	ck_ok(meldcode_get(fx.ctx, traj, &m, &fx.err));
	ck_assert(!m.open);
	ck_assert_int_eq(m.outcome, MC_OUTCOME_NO_SUSPICION);
	ck_assert_str_eq(m.close_note, w.q1_motivation);
	/* Read-only in core ... */
	struct mc_signal_new s = { .kind = MC_FACT, .observed_on = "2026-11-20",
		.observer = "Carla Coach", .description = "Late signal." };
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &s, NULL, &fx.err), CASUS_E_STATE);
	struct meldcode_step st[MC_STEPS];
	ck_ok(meldcode_steps(fx.ctx, traj, st, &fx.err));
	ck_assert_int_eq(st[3].state, MC_DONE);
	ck_assert_int_eq(meldcode_step_set(fx.ctx, &st[4], MC_IN_PROGRESS, MC_SKIP_NONE, NULL,
		&fx.err), CASUS_E_STATE);
	ck_assert_int_eq(meldcode_close(fx.ctx, &m, NULL, &fx.err), CASUS_E_STATE);
	/* ... and in the database. */
	ck_assert_int_ne(mc_exec("INSERT INTO meldcode_signal(id, trajectory_id, kind, observed_on,"
		" observer, source_kind, description, author_id, created_at) SELECT"
		" '00000000-0000-4000-8000-0000000000a1', trajectory_id, 'fact', observed_on,"
		" observer, 'own', 'x', author_id, created_at FROM meldcode_signal LIMIT 1"), SQLITE_OK);
	ck_assert_int_ne(mc_exec("UPDATE meldcode SET status = 'open', outcome = NULL,"
		" closed_at = NULL, closed_by = NULL"), SQLITE_OK);
	ck_assert_int_ne(mc_exec("UPDATE meldcode_step SET state = 'in_progress'"), SQLITE_OK);
	/* A new concern opens a new trajectory. */
	char again[CASUS_ID_LEN];
	mc_open_children(again);
	ck_assert_str_ne(again, traj);
}
END_TEST

START_TEST(adult_client_needs_the_kindcheck)
{
	char fam2[CASUS_ID_LEN], client[CASUS_ID_LEN], t[CASUS_ID_LEN];
	fx_family(&fx, "de Vries", fam2);
	struct person p;
	struct person_new pn = { .given_name = "Eva", .family_name = "de Vries",
		.birth_date = "1990-01-01", .role = PERSON_OUDER };
	ck_ok(person_add(fx.ctx, fam2, &pn, &p, &fx.err));
	memcpy(client, p.id, CASUS_ID_LEN);
	struct meldcode m;
	struct meldcode_new in = { .client = MC_CLIENT_ADULT, .adult_id = client };
	ck_ok(meldcode_open(fx.ctx, fam2, &in, &m, &fx.err));
	memcpy(t, m.id, CASUS_ID_LEN);
	mc_steps_1_3(t);
	mc_weigh(t, false, true, false, NULL);
	struct mc_decision_new d = mc_decision(MC_UNANSWERED, MC_UNANSWERED, MC_UNANSWERED, true,
		false);
	ck_assert_int_eq(meldcode_decide(fx.ctx, t, &d, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "kindcheck"));
	struct mc_kindcheck_new k = { .minors_in_home = MC_TRI_YES, .partner_children = MC_TRI_YES,
		.pregnant = MC_TRI_NO, .minors_note = "Two children of the new partner, 4 and 9." };
	ck_assert_int_eq(meldcode_add_kindcheck(fx.ctx, t, &k, NULL, &fx.err), CASUS_E_INVALID);
	k.carers = "The client and her partner; grandmother on weekdays.";
	ck_ok(meldcode_add_kindcheck(fx.ctx, t, &k, NULL, &fx.err));
	ck_ok(meldcode_decide(fx.ctx, t, &d, NULL, &fx.err));
}
END_TEST

START_TEST(every_entry_is_audit_logged)
{
	mc_steps_1_3(traj);
	mc_weigh(traj, true, false, false, NULL);
	struct mc_decision_new d = mc_decision(MC_UNANSWERED, MC_UNANSWERED, MC_UNANSWERED, true,
		false);
	ck_ok(meldcode_decide(fx.ctx, traj, &d, NULL, &fx.err));
	static const char *const sql[] = {
		"SELECT count(*) FROM meldcode_signal x WHERE NOT EXISTS (SELECT 1 FROM audit a"
		" WHERE a.object_id = x.id AND a.event = 'create' AND a.family_id = ?1"
		" AND a.login = 'coach1' AND a.object_type = 'meldcode_signal')",
		"SELECT count(*) FROM meldcode_consultation x WHERE NOT EXISTS (SELECT 1 FROM audit a"
		" WHERE a.object_id = x.id AND a.event = 'create' AND a.family_id = ?1)",
		"SELECT count(*) FROM meldcode_conversation x WHERE NOT EXISTS (SELECT 1 FROM audit a"
		" WHERE a.object_id = x.id AND a.event = 'create' AND a.family_id = ?1)",
		"SELECT count(*) FROM meldcode_weighing x WHERE NOT EXISTS (SELECT 1 FROM audit a"
		" WHERE a.object_id = x.id AND a.event = 'create' AND a.family_id = ?1)",
		"SELECT count(*) FROM meldcode_decision x WHERE NOT EXISTS (SELECT 1 FROM audit a"
		" WHERE a.object_id = x.id AND a.event = 'create' AND a.family_id = ?1)",
		"SELECT count(*) FROM meldcode x WHERE NOT EXISTS (SELECT 1 FROM audit a"
		" WHERE a.object_id = x.id AND a.event = 'create' AND a.family_id = ?1)",
	};
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
		ck_assert_msg(mc_q_int(sql[i], fam) == 0, "unlogged entries: %s", sql[i]);
	/* Every entry carries its author and time. */
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM meldcode_decision WHERE author_id IS NULL"
		" OR created_at <> '2026-11-23T09:00:00Z'", NULL), 0);
	/* Step changes are logged as updates. */
	ck_assert_int_gt(mc_q_int("SELECT count(*) FROM audit WHERE family_id = ?1"
		" AND event = 'update' AND object_type = 'meldcode_step'", fam), 0);
	int64_t bad = 0, rows = 0;
	ck_ok(audit_verify(fx.ctx, &bad, &rows, &fx.err));
}
END_TEST

START_TEST(closed_family_is_read_only)
{
	struct family f;
	fx_act_as_leader(&fx);
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, "Moved away.", &fx.err));
	fx_act_as(&fx, "coach1");
	ck_assert_int_eq(meldcode_add_signal(fx.ctx, traj, &(struct mc_signal_new){ .kind = MC_FACT,
		.observed_on = "2026-11-20", .observer = "x", .description = "y" }, NULL, &fx.err),
		CASUS_E_STATE);
}
END_TEST

START_TEST(guidance_texts)
{
	ck_assert_ptr_nonnull(strstr(meldcode_guidance(3, "nl"), "overslaan"));
	ck_assert_ptr_nonnull(strstr(meldcode_guidance(3, "en"), "skip"));
	ck_assert_ptr_nonnull(strstr(meldcode_guidance(MC_GUIDE_ACUTE, "en"), "0800-2000"));
	ck_assert_ptr_nonnull(strstr(meldcode_guidance(4, "nl"), "disclosure"));
	ck_assert_ptr_nonnull(strstr(meldcode_guidance(5, "nl"), "Vraag 5"));
	ck_assert_ptr_null(strstr(meldcode_guidance(1, "nl"), "<!--"));
	ck_assert_ptr_null(strstr(meldcode_guidance(1, "nl"), "Stap 2"));
	ck_assert_str_eq(meldcode_guidance(9, "nl"), "");
	i18n_set_lang("en");
	ck_assert_str_eq(meldcode_guidance(2, NULL), meldcode_guidance(2, "en"));
	for (int step = 0; step <= MC_GUIDE_ACUTE; step++) {
		ck_assert_uint_gt(strlen(meldcode_guidance(step, "nl")), 100);
		ck_assert_uint_gt(strlen(meldcode_guidance(step, "en")), 100);
	}
}
END_TEST

START_TEST(vocabulary_round_trips)
{
	for (int i = 0; i < MC_STATE_COUNT; i++)
		ck_assert_int_eq(mc_state_parse(mc_state_name((enum mc_step_state)i)), i);
	for (int i = 0; i < MC_SIGNAL_KIND_COUNT; i++)
		ck_assert_int_eq(mc_signal_kind_parse(mc_signal_kind_name((enum mc_signal_kind)i)), i);
	for (int i = 0; i < MC_CONSULT_COUNT; i++)
		ck_assert_int_eq(mc_consult_parse(mc_consult_name((enum mc_consult)i)), i);
	for (int i = 0; i < MC_INSTR_COUNT; i++)
		ck_assert_int_eq(mc_instrument_parse(mc_instrument_name((enum mc_instrument)i)), i);
	ck_assert_int_eq(mc_skip_parse("safety"), MC_SKIP_SAFETY);
	ck_assert_int_eq(mc_skip_parse(""), -1);
	ck_assert_int_eq(meldcode_age_band(11), MC_BAND_PARENTS);
	ck_assert_int_eq(meldcode_age_band(12), MC_BAND_CHILD_AND_PARENTS);
	ck_assert_int_eq(meldcode_age_band(15), MC_BAND_CHILD_AND_PARENTS);
	ck_assert_int_eq(meldcode_age_band(16), MC_BAND_CHILD);
	ck_assert_int_eq(meldcode_age_band(-1), MC_BAND_UNKNOWN);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("meldcode");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, mc_setup, mc_teardown);
	tcase_add_test(tc, open_one_per_family);
	tcase_add_test(tc, children_are_added_never_removed);
	tcase_add_test(tc, skip_only_step_3_with_a_legal_reason);
	tcase_add_test(tc, concurrent_step_edit_conflicts);
	tcase_add_test(tc, signal_rules);
	tcase_add_test(tc, entries_are_never_changed_or_deleted);
	tcase_add_test(tc, corrected_entries_stay_readable);
	tcase_add_test(tc, anonymous_consultation_has_no_family_identifiers);
	tcase_add_test(tc, acute_path_before_step_2);
	tcase_add_test(tc, decision_needs_steps_1_to_4);
	tcase_add_test(tc, q1_no_closes_and_closed_is_read_only);
	tcase_add_test(tc, adult_client_needs_the_kindcheck);
	tcase_add_test(tc, every_entry_is_audit_logged);
	tcase_add_test(tc, closed_family_is_read_only);
	tcase_add_test(tc, guidance_texts);
	tcase_add_test(tc, vocabulary_round_trips);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
