/* The minutes and their effects: decisions and actions only by the chair or the
 * minute-taker (others refused), notes by any attendee from their own process, an
 * action on a family landing in that family's plan, a regie decision making the
 * regievoerder, a meldcode consultation landing as step 2, open actions carried to the
 * next meeting until done, the access log, and conflicts between two connections. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_meeting.h"

/* The next meeting proposed and started (chair: the teamleider; minutes: coach1). */
static void running_setup(void)
{
	tm_setup();
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	tm_start(next_id);
}

START_TEST(decisions_only_by_the_chair_or_minute_taker)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_EVALUATIE);
	struct meeting_decision d;
	fx_act_as(&fx, "coach2"); /* Bakker's regievoerder, but not leading the meeting */
	ck_assert_int_eq(meeting_decide(fx.ctx, it->id, "Evaluatie over zes weken.", NULL, NULL,
		&d, &fx.err), CASUS_E_PERM);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Only the chair"));
	struct meeting_action_new a = { .body = "Evaluatie plannen", .owner_kind = OWNER_MEMBER,
		.owner = "coach2" };
	ck_assert_int_eq(meeting_action_add(fx.ctx, it->id, &a, NULL, &fx.err), CASUS_E_PERM);
	fx_act_as(&fx, "coach1"); /* the minute-taker */
	ck_assert_int_eq(meeting_decide(fx.ctx, it->id, "", NULL, NULL, &d, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(meeting_decide(fx.ctx, it->id, "Evaluatie over zes weken.", "nobody",
		NULL, &d, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(meeting_decide(fx.ctx, it->id, "Evaluatie over zes weken.", "coach2",
		"2026-02-30", &d, &fx.err), CASUS_E_INVALID);
	ck_ok(meeting_decide(fx.ctx, it->id, "Evaluatie over zes weken.", "coach2", "2027-01-04",
		&d, &fx.err));
	ck_assert_int_eq(d.kind, DECISION_BESLUIT);
	ck_assert_str_eq(d.owner_login, "coach2");
	ck_assert_str_eq(d.due_on, "2027-01-04");
	ck_assert_str_eq(d.case_no, "2026-0003");
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE object_type = 'meeting_decision'"
		" AND event = 'create' AND family_id = ?1", bakker), 1);
	/* Before the start and after the finish nothing new is recorded. */
	fx_act_as_leader(&fx);
	tm_finish(next_id, false);
	ck_assert_int_eq(meeting_decide(fx.ctx, it->id, "Nog een besluit", NULL, NULL, &d,
		&fx.err), CASUS_E_STATE);
	free(it);
}
END_TEST

START_TEST(any_attendee_adds_a_note_from_their_own_process)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_INBRENG);
	struct casus_ctx *laptop = fx_second(&fx, "coach2");
	char id[CASUS_ID_LEN];
	ck_assert_int_eq(meeting_note_add(laptop, it->id, "Vader werkt in ploegendienst.", id,
		&fx.err), CASUS_E_PERM);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Only attendees"));
	ck_ok(meeting_attendee_add_member(laptop, next_id, "coach2", NULL, &fx.err));
	ck_ok(meeting_item_start(fx.ctx, it, &fx.err));
	ck_ok(meeting_item_next_round(fx.ctx, it, &fx.err)); /* vragen */
	ck_ok(meeting_note_add(laptop, it->id, "Vader werkt in ploegendienst.", id, &fx.err));
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting_note WHERE round = 'vragen'", NULL), 1);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE object_type = 'meeting_note'"
		" AND login = 'coach2' AND family_id = ?1", devries), 1);
	/* Notes are never changed. */
	ck_assert_int_ne(sqlite3_exec(fx.ctx->db, "UPDATE meeting_note SET body = 'x'", NULL, NULL,
		NULL), SQLITE_OK);
	/* But a non-attendee still may not decide. */
	struct meeting_decision d;
	ck_assert_int_eq(meeting_decide(laptop, it->id, "Vader uitnodigen", NULL, NULL, &d,
		&fx.err), CASUS_E_PERM);
	casus_close(laptop);
	free(it);
}
END_TEST

START_TEST(an_action_on_a_family_goes_into_its_plan)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_INBRENG);
	struct meeting_action a;
	struct meeting_action_new in = { .body = "Oma vraagt vader mee naar het gesprek",
		.owner_kind = OWNER_NETWORK, .owner = oma, .due_on = "2026-12-04" };
	ck_ok(meeting_action_add(fx.ctx, it->id, &in, &a, &fx.err));
	ck_assert(a.plan_action_id[0]);
	ck_assert_str_eq(a.owner_name, "Oma Truus");
	ck_assert_int_eq(a.status, ACTION_OPEN);
	struct plan p = PLAN_INIT;
	ck_ok(plan_get(fx.ctx, devries, PLAN_LATEST, &p, &fx.err));
	ck_assert_int_eq(p.status, PLAN_DRAFT);
	struct plan_action pa;
	ck_ok(plan_action_get(fx.ctx, a.plan_action_id, &pa, &fx.err));
	ck_assert_str_eq(pa.plan_id, p.id);
	ck_assert_str_eq(pa.body, "Oma vraagt vader mee naar het gesprek");
	ck_assert_str_eq(pa.due_on, "2026-12-04");
	ck_assert_int_eq(pa.owner_kind, OWNER_NETWORK);
	plan_clear(&p);
	/* An owner from another family is refused by the plan's rules; nothing is saved. */
	in.owner_kind = OWNER_PERSON;
	in.owner = sam; /* Jansen's child */
	ck_assert_int_eq(meeting_action_add(fx.ctx, it->id, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting_action WHERE item_id = ?1", it->id), 1);
	/* Done in the meeting's actielijst: the plan follows. */
	ck_ok(meeting_action_set_status(fx.ctx, &a, ACTION_DONE, &fx.err));
	ck_assert_int_eq(a.status, ACTION_DONE);
	ck_ok(plan_action_get(fx.ctx, a.plan_action_id, &pa, &fx.err));
	ck_assert_int_eq(pa.status, ACTION_DONE);
	ck_assert_str_eq(pa.closed_on, "2026-11-23");
	free(it);
}
END_TEST

START_TEST(an_action_on_an_aanmelding_stays_on_the_actielijst)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_AANMELDING);
	struct meeting_action a;
	struct meeting_action_new in = { .body = "Moeder bellen voor een kennismaking",
		.owner_kind = OWNER_MEMBER, .owner = "coach2", .due_on = "2026-11-25" };
	ck_ok(meeting_action_add(fx.ctx, it->id, &in, &a, &fx.err));
	ck_assert_str_eq(a.plan_action_id, "");
	ck_assert_str_eq(a.owner_name, "Cees Çelik");
	ck_assert_int_eq(tm_q("SELECT count(*) FROM plan WHERE family_id = ?1", jansen), 0);
	in = (struct meeting_action_new){ .body = "Afspraak bevestigen", .owner_kind = OWNER_PERSON,
		.owner = mira };
	ck_ok(meeting_action_add(fx.ctx, it->id, &in, &a, &fx.err));
	ck_assert_str_eq(a.owner_name, "Mira Jansen");
	/* A team item: only team members own its actions. */
	struct agenda_item *team = tm_item_of(next_id, AGENDA_TEAM_ISSUE);
	in = (struct meeting_action_new){ .body = "Buddylijst maken", .owner_kind = OWNER_PERSON,
		.owner = mira };
	ck_assert_int_eq(meeting_action_add(fx.ctx, team->id, &in, NULL, &fx.err), CASUS_E_INVALID);
	free(team);
	free(it);
}
END_TEST

START_TEST(open_actions_come_back_until_done)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_OPEN_ACTION);
	struct meeting_action a;
	ck_ok(meeting_action_get(fx.ctx, it->action_id, &a, &fx.err));
	ck_assert_str_eq(a.meeting_id, prev_id);
	fx_act_as(&fx, "gw1"); /* neither owner nor lead */
	ck_assert_int_eq(meeting_action_set_status(fx.ctx, &a, ACTION_DONE, &fx.err),
		CASUS_E_PERM);
	fx_act_as(&fx, "coach2"); /* the owner */
	struct casus_ctx *other = fx_second(&fx, "coach1");
	struct meeting_action b;
	ck_ok(meeting_action_get(other, a.id, &b, &fx.err));
	ck_ok(meeting_action_set_status(fx.ctx, &a, ACTION_DONE, &fx.err));
	ck_assert_int_eq(meeting_action_set_status(other, &b, ACTION_CANCELLED, &fx.err),
		CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Cees Çelik"));
	casus_close(other);
	fx_act_as_leader(&fx);
	tm_finish(next_id, false);
	char later[CASUS_ID_LEN];
	tm_plan("2026-11-30", leader, "coach1", later);
	ck_ok(meeting_propose_agenda(fx.ctx, later, NULL, &fx.err));
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE kind = 'open_action'"
		" AND meeting_id = ?1", later), 0);
	free(it);
}
END_TEST

START_TEST(a_regie_decision_assigns_the_regievoerder)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_AANMELDING);
	struct meeting_decision d;
	struct family f;
	/* Outside the meeting a coach cannot assign: the rule is explicit. */
	fx_act_as(&fx, "coach1");
	ck_ok(family_get(fx.ctx, jansen, &f, &fx.err));
	ck_assert_int_eq(regie_assign(fx.ctx, &f, "coach2", NULL, &fx.err), CASUS_E_PERM);
	fx_act_as(&fx, "coach2");
	ck_assert_int_eq(meeting_decide_regie(fx.ctx, it->id, "coach2", NULL, &d, &fx.err),
		CASUS_E_PERM);
	fx_act_as(&fx, "coach1"); /* the minute-taker records the meeting's decision */
	ck_assert_int_eq(meeting_decide_regie(fx.ctx, it->id, "gone", NULL, &d, &fx.err),
		CASUS_E_INVALID);
	ck_ok(meeting_decide_regie(fx.ctx, it->id, "coach2", "Kleinste caseload, kent de school.",
		&d, &fx.err));
	ck_assert_int_eq(d.kind, DECISION_REGIE);
	ck_assert_str_eq(d.owner_login, "coach2");
	ck_assert(d.regie_row_id[0]);
	ck_ok(family_get(fx.ctx, jansen, &f, &fx.err));
	ck_assert_str_eq(f.regie_login, "coach2");
	ck_assert_int_eq(tm_q("SELECT count(*) FROM regie r JOIN member m ON m.id = r.assigned_by"
		" WHERE r.family_id = ?1 AND m.login = 'coach1' AND r.ended_at IS NULL", jansen), 1);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE object_type = 'regie'"
		" AND detail LIKE '%meeting decision%'", NULL), 1);
	/* A second decision hands over. */
	ck_ok(meeting_decide_regie(fx.ctx, it->id, "af1", NULL, &d, &fx.err));
	ck_ok(family_get(fx.ctx, jansen, &f, &fx.err));
	ck_assert_str_eq(f.regie_login, "af1");
	ck_assert_str_eq(d.body, "Anouk Functionaris");
	/* A team item has no regie. */
	struct agenda_item *team = tm_item_of(next_id, AGENDA_TEAM_ISSUE);
	ck_assert_int_eq(meeting_decide_regie(fx.ctx, team->id, "af1", NULL, &d, &fx.err),
		CASUS_E_STATE);
	free(team);
	free(it);
}
END_TEST

START_TEST(a_meldcode_consultation_lands_as_step_2)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_MELDCODE);
	struct meeting_decision d;
	fx_act_as(&fx, "coach1");
	ck_ok(meeting_record_consultation(fx.ctx, it->id, "Is dit genoeg voor een vermoeden?",
		"Gesprek met moeder voeren; wegen met LIRIK.", &d, &fx.err));
	ck_assert_int_eq(d.kind, DECISION_CONSULTATIE);
	ck_assert(d.consultation_id[0]);
	struct meldcode m;
	ck_ok(meldcode_current(fx.ctx, elamrani, &m, &fx.err));
	ck_assert_str_eq(m.id, it->meldcode_id);
	struct meldcode_step steps[MC_STEPS];
	ck_ok(meldcode_steps(fx.ctx, m.id, steps, &fx.err));
	ck_assert_int_eq(steps[1].state, MC_IN_PROGRESS);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meldcode_consultation WHERE with_kind ="
		" 'team_meeting' AND held_on = '2026-11-23' AND with_name = 'casuïstiekoverleg"
		" 2026-11-23'", NULL), 1);
	ck_assert_int_eq(meeting_record_consultation(fx.ctx, it->id, NULL, "", &d, &fx.err),
		CASUS_E_INVALID);
	/* Items without a trajectory refuse. */
	struct agenda_item *team = tm_item_of(next_id, AGENDA_TEAM_ISSUE);
	ck_assert_int_eq(meeting_record_consultation(fx.ctx, team->id, NULL, "Advies", &d, &fx.err),
		CASUS_E_STATE);
	free(team);
	free(it);
}
END_TEST

START_TEST(decision_corrections_and_conflicts)
{
	struct agenda_item *it = tm_item_of(next_id, AGENDA_ESCALATIE);
	struct meeting_decision d;
	ck_ok(meeting_decide(fx.ctx, it->id, "Wachten op het besluit van de gedragswetenschapper.",
		NULL, NULL, &d, &fx.err));
	struct casus_ctx *other = fx_second(&fx, "coach1");
	struct meeting_decision *copy = calloc(1, sizeof *copy);
	*copy = d;
	snprintf(d.body, sizeof d.body, "Wachten op het besluit; volgende week terug.");
	ck_ok(meeting_decision_update(fx.ctx, &d, &fx.err));
	ck_assert_int_eq(d.rev, 2);
	snprintf(copy->body, sizeof copy->body, "Iets anders");
	ck_assert_int_eq(meeting_decision_update(other, copy, &fx.err), CASUS_E_CONFLICT);
	ck_assert_str_eq(copy->body, "Iets anders"); /* the unsaved text is kept */
	/* After the finish the leads may still correct the minutes; others may not. */
	fx_act_as_leader(&fx);
	tm_finish(next_id, false);
	fx_act_as(&fx, "coach2");
	snprintf(d.body, sizeof d.body, "x");
	ck_assert_int_eq(meeting_decision_update(fx.ctx, &d, &fx.err), CASUS_E_PERM);
	fx_act_as(&fx, "coach1");
	snprintf(d.owner_login, sizeof d.owner_login, "coach2");
	ck_ok(meeting_decision_update(fx.ctx, &d, &fx.err));
	ck_assert_str_eq(d.owner_name, "Cees Çelik");
	casus_close(other);
	free(copy);
	free(it);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("meeting_minutes");
	TCase *tc = tcase_create("minutes");
	tcase_add_checked_fixture(tc, running_setup, tm_teardown);
	tcase_add_test(tc, decisions_only_by_the_chair_or_minute_taker);
	tcase_add_test(tc, any_attendee_adds_a_note_from_their_own_process);
	tcase_add_test(tc, an_action_on_a_family_goes_into_its_plan);
	tcase_add_test(tc, an_action_on_an_aanmelding_stays_on_the_actielijst);
	tcase_add_test(tc, open_actions_come_back_until_done);
	tcase_add_test(tc, a_regie_decision_assigns_the_regievoerder);
	tcase_add_test(tc, a_meldcode_consultation_lands_as_step_2);
	tcase_add_test(tc, decision_corrections_and_conflicts);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
