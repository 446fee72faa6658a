/* The meeting core: planning (validation of date, chair and minute-taker), attendees,
 * the proposed agenda with items of every kind, the chair's edits (reorder, remove,
 * skip, move to the next meeting), timers computed from stored timestamps in every
 * process, casusinbreng rounds in order, casusinbreng requests, caseloads, and
 * conflicts between two connections on the same item. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"
#include "test_meeting.h"

static void plain_setup(void)
{
	tm_at("2026-11-23T09:00:00Z");
	fx_setup(&fx);
	snprintf(leader, sizeof leader, "%s", casus_unix_login());
}

START_TEST(plan_validates_date_chair_and_minute_taker)
{
	struct meeting m;
	struct meeting_new in = { .held_on = "2026-13-01", .chair = "coach1", .minute_taker = "coach2" };
	ck_assert_int_eq(meeting_plan(fx.ctx, &in, &m, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "YYYY-MM-DD"));
	in.held_on = "23-11-2026";
	ck_assert_int_eq(meeting_plan(fx.ctx, &in, &m, &fx.err), CASUS_E_INVALID);
	in.held_on = "2026-11-30";
	in.chair = "nobody";
	ck_assert_int_eq(meeting_plan(fx.ctx, &in, &m, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "The chair"));
	in.chair = "coach1";
	in.minute_taker = NULL;
	ck_assert_int_eq(meeting_plan(fx.ctx, &in, &m, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "The minute-taker"));
	struct member_change off = { .role = -1, .aandacht = -1, .active = 0 };
	ck_ok(member_change(fx.ctx, "af1", &off, NULL, &fx.err));
	in.minute_taker = "af1";
	ck_assert_int_eq(meeting_plan(fx.ctx, &in, &m, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "no longer an active"));
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting", NULL), 0);
	in.minute_taker = "coach2";
	ck_ok(meeting_plan(fx.ctx, &in, &m, &fx.err));
	ck_assert_int_eq(m.status, MEETING_PLANNED);
	ck_assert_str_eq(m.chair_login, "coach1");
	ck_assert_str_eq(m.minutes_login, "coach2");
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting_attendee", NULL), 2);
	struct meeting next, by_date, by_prefix;
	ck_ok(meeting_next(fx.ctx, &next, &fx.err));
	ck_assert_str_eq(next.id, m.id);
	ck_ok(meeting_get(fx.ctx, "2026-11-30", &by_date, &fx.err));
	ck_assert_str_eq(by_date.id, m.id);
	char prefix[9];
	memcpy(prefix, m.id, 8);
	prefix[8] = '\0';
	ck_ok(meeting_get(fx.ctx, prefix, &by_prefix, &fx.err));
	ck_assert_str_eq(by_prefix.id, m.id);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE object_type = 'meeting'"
		" AND event = 'create'", NULL), 1);
}
END_TEST

START_TEST(next_meeting_and_no_meeting)
{
	struct meeting m;
	ck_assert_int_eq(meeting_next(fx.ctx, &m, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "casus meeting new"));
	char past[CASUS_ID_LEN], later[CASUS_ID_LEN], soon[CASUS_ID_LEN];
	tm_plan("2026-11-02", "coach1", "coach2", past);
	tm_plan("2026-12-07", "coach1", "coach2", later);
	tm_plan("2026-11-30", "coach1", "coach2", soon);
	ck_ok(meeting_next(fx.ctx, &m, &fx.err));
	ck_assert_str_eq(m.id, soon);
	fx_act_as(&fx, "coach1");
	tm_start(later); /* a running meeting comes first, whatever its date */
	ck_ok(meeting_next(fx.ctx, &m, &fx.err));
	ck_assert_str_eq(m.id, later);
	tm_get(soon, &m);
	ck_assert_int_eq(meeting_start(fx.ctx, &m, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "still running"));
}
END_TEST

START_TEST(attendees_members_and_guests)
{
	char id[CASUS_ID_LEN], guest[CASUS_ID_LEN];
	tm_plan("2026-11-30", "coach1", "coach2", id);
	fx_act_as(&fx, "gw1"); /* a member may say they attend */
	ck_ok(meeting_attendee_add_member(fx.ctx, id, "gw1", NULL, &fx.err));
	ck_assert_int_eq(meeting_attendee_add_member(fx.ctx, id, "af1", NULL, &fx.err),
		CASUS_E_PERM);
	ck_assert_int_eq(meeting_attendee_add_guest(fx.ctx, id, "Dr. Y. Smit", "jeugdarts", NULL,
		&fx.err), CASUS_E_PERM);
	fx_act_as(&fx, "coach1");
	ck_ok(meeting_attendee_add_guest(fx.ctx, id, "Dr. Y. Smit", "jeugdarts", guest, &fx.err));
	ck_assert_int_eq(meeting_attendee_add_guest(fx.ctx, id, "Dr. Y. Smit", "", NULL, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(meeting_attendee_add_member(fx.ctx, id, "gw1", NULL, &fx.err),
		CASUS_E_EXISTS);
	char chair[CASUS_ID_LEN];
	snprintf(chair, sizeof chair, "%s", "");
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting_attendee", NULL), 4);
	const char *sql = "SELECT id FROM meeting_attendee WHERE member_id ="
		" (SELECT id FROM member WHERE login = 'coach1')";
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(chair, sizeof chair, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	ck_assert_int_eq(meeting_attendee_remove(fx.ctx, chair, &fx.err), CASUS_E_STATE);
	ck_ok(meeting_attendee_remove(fx.ctx, guest, &fx.err));
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting_attendee", NULL), 3);
}
END_TEST

struct kinds {
	int count[AGENDA_KIND_COUNT];
	int last_kind;
	bool ordered;
	int n;
};

static int note_kind(void *arg, const struct agenda_item *it)
{
	struct kinds *k = arg;
	k->count[it->kind]++;
	if ((int)it->kind < k->last_kind)
		k->ordered = false;
	k->last_kind = it->kind;
	ck_assert_int_eq(it->position, ++k->n);
	ck_assert_int_eq(it->planned_minutes, agenda_kind_default_minutes(it->kind));
	return 0;
}

START_TEST(proposal_has_items_of_every_kind)
{
	int added = -1;
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, &added, &fx.err));
	struct kinds k = { .ordered = true };
	ck_ok(meeting_item_each(fx.ctx, next_id, note_kind, &k, &fx.err));
	ck_assert_int_eq(added, k.n);
	ck_assert_msg(k.ordered, "items are grouped in agenda order");
	for (int i = 0; i < AGENDA_OVERIG; i++)
		ck_assert_msg(k.count[i] == 1, "%s: %d items", agenda_kind_name(i), k.count[i]);
	struct agenda_item *it = tm_item_of(next_id, AGENDA_AANMELDING);
	ck_assert_str_eq(it->family_id, jansen);
	free(it);
	it = tm_item_of(next_id, AGENDA_INBRENG);
	ck_assert_str_eq(it->family_id, devries);
	ck_assert_str_eq(it->brought_by_login, "coach1");
	ck_assert_str_eq(it->question, "Hoe krijgen we vader weer betrokken?");
	ck_assert_int_eq(it->round, ROUND_INBRENG);
	free(it);
	/* Bakker's evaluation was moved on from the previous meeting: it comes once. */
	it = tm_item_of(next_id, AGENDA_EVALUATIE);
	ck_assert_str_eq(it->family_id, bakker);
	ck_assert(it->moved_from[0]);
	free(it);
	it = tm_item_of(next_id, AGENDA_OPEN_ACTION);
	struct meeting_action a;
	ck_ok(meeting_action_get(fx.ctx, it->action_id, &a, &fx.err));
	ck_assert_str_eq(a.body, "Rooster voor december maken");
	free(it);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM team_issue WHERE for_meeting = 1", NULL), 0);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting_request WHERE placed_in IS NULL", NULL),
		0);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE moved_to IS NULL"
		" AND state = 'moved'", NULL), 0);
	/* Proposing again adds nothing new. */
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, &added, &fx.err));
	ck_assert_int_eq(added, 0);
	struct meeting m;
	tm_get(next_id, &m);
	ck_assert(m.proposed_at[0]);
	ck_assert_int_eq(m.n_items, k.n);
}
END_TEST

START_TEST(proposal_is_for_the_editors_of_a_planned_meeting)
{
	fx_act_as(&fx, "coach2");
	ck_assert_int_eq(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err), CASUS_E_PERM);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Only the chair"));
	fx_act_as(&fx, "coach1"); /* the minute-taker */
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	tm_start(next_id);
	fx_act_as_leader(&fx);
	ck_assert_int_eq(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err), CASUS_E_STATE);
}
END_TEST

START_TEST(reorder_remove_skip_and_move)
{
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	int n = tm_count(next_id);
	struct agenda_item *third = tm_item(next_id, 3);
	ck_ok(meeting_item_reorder(fx.ctx, third, 1, &fx.err));
	ck_assert_int_eq(third->position, 1);
	struct agenda_item *first = tm_item(next_id, 1);
	ck_assert_str_eq(first->id, third->id);
	free(first);
	ck_ok(meeting_item_reorder(fx.ctx, third, 99, &fx.err)); /* clamped to the end */
	ck_assert_int_eq(third->position, n);
	ck_assert_int_eq(tm_q("SELECT count(DISTINCT position) = count(*) AND max(position) ="
		" count(*) FROM agenda_item WHERE meeting_id = ?1", next_id), 1);
	/* Remove before the start; the rest close up. */
	struct agenda_item *team = tm_item_of(next_id, AGENDA_TEAM_ISSUE);
	ck_ok(meeting_item_remove(fx.ctx, team, &fx.err));
	free(team);
	ck_assert_int_eq(tm_count(next_id), n - 1);
	ck_assert_int_eq(tm_q("SELECT max(position) FROM agenda_item WHERE meeting_id = ?1",
		next_id), n - 1);
	/* A later meeting exists: moving copies the item there at once. */
	char later[CASUS_ID_LEN];
	tm_plan("2026-11-30", leader, "coach2", later);
	struct agenda_item *esc = tm_item_of(next_id, AGENDA_ESCALATIE);
	ck_ok(meeting_item_move_next(fx.ctx, esc, &fx.err));
	ck_assert_int_eq(esc->state, ITEM_MOVED);
	struct agenda_item *copy = tm_item_of(later, AGENDA_ESCALATIE);
	ck_assert_str_eq(copy->moved_from, esc->id);
	ck_assert_str_eq(esc->moved_to, copy->id);
	ck_assert_str_eq(copy->escalation_id, esc->escalation_id);
	ck_assert_int_eq(copy->state, ITEM_OPEN);
	ck_assert_int_eq(meeting_item_move_next(fx.ctx, esc, &fx.err), CASUS_E_STATE);
	/* Skipping is for a running meeting; removing is not. */
	struct agenda_item *aanm = tm_item_of(next_id, AGENDA_AANMELDING);
	ck_assert_int_eq(meeting_item_skip(fx.ctx, aanm, &fx.err), CASUS_E_STATE);
	tm_start(next_id);
	ck_ok(meeting_item_skip(fx.ctx, aanm, &fx.err));
	ck_assert_int_eq(aanm->state, ITEM_SKIPPED);
	ck_assert_int_eq(meeting_item_remove(fx.ctx, copy, &fx.err), CASUS_E_STATE);
	struct meeting m;
	tm_get(next_id, &m);
	ck_assert_int_eq(m.planned_minutes, (int)tm_q("SELECT sum(planned_minutes) FROM agenda_item"
		" WHERE meeting_id = ?1 AND state NOT IN ('skipped', 'moved')", next_id));
	free(third);
	free(esc);
	free(copy);
	free(aanm);
}
END_TEST

START_TEST(finish_moves_open_items_to_the_next_meeting)
{
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	int n = tm_count(next_id);
	tm_start(next_id);
	struct agenda_item *it = tm_item(next_id, 1);
	ck_ok(meeting_item_start(fx.ctx, it, &fx.err));
	ck_ok(meeting_item_done(fx.ctx, it, &fx.err));
	tm_finish(next_id, true);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE meeting_id = ?1"
		" AND state = 'moved' AND moved_to IS NULL", next_id), n - 1);
	char later[CASUS_ID_LEN];
	tm_plan("2026-11-30", leader, "coach2", later);
	ck_ok(meeting_propose_agenda(fx.ctx, later, NULL, &fx.err));
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE meeting_id = ?1"
		" AND moved_from IS NOT NULL", later), n - 1);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE state = 'moved'"
		" AND moved_to IS NULL", NULL), 0);
	free(it);
}
END_TEST

START_TEST(timers_come_from_stored_timestamps)
{
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	tm_start(next_id);
	struct agenda_item *one = tm_item(next_id, 1), *two = tm_item(next_id, 2);
	ck_ok(meeting_item_start(fx.ctx, one, &fx.err));
	tm_at("2026-11-23T09:05:00Z");
	ck_assert_int_eq(meeting_item_elapsed(one, clock_now()), 300);
	/* Another process computes the same from the database. */
	struct casus_ctx *other = fx_second(&fx, "coach2");
	struct agenda_item *seen = calloc(1, sizeof *seen);
	ck_ok(meeting_item_get(other, one->id, seen, &fx.err));
	ck_assert_int_eq(meeting_item_elapsed(seen, clock_now()), 300);
	ck_ok(meeting_item_start(fx.ctx, two, &fx.err)); /* pauses item 1 */
	ck_ok(meeting_item_get(other, one->id, seen, &fx.err));
	ck_assert_int_eq(seen->state, ITEM_OPEN);
	ck_assert_int_eq(seen->elapsed_seconds, 300);
	tm_at("2026-11-23T09:07:00Z");
	ck_ok(meeting_item_get(fx.ctx, one->id, one, &fx.err));
	ck_ok(meeting_item_start(fx.ctx, one, &fx.err)); /* resume */
	ck_ok(meeting_item_get(fx.ctx, two->id, two, &fx.err));
	ck_assert_int_eq(meeting_item_elapsed(two, clock_now()), 120);
	tm_at("2026-11-23T09:10:00Z");
	ck_assert_int_eq(meeting_item_elapsed(one, clock_now()), 480);
	struct meeting m;
	ck_ok(meeting_get(other, next_id, &m, &fx.err));
	ck_assert_int_eq(meeting_elapsed(&m, clock_now()), 600);
	tm_at("2026-11-23T09:12:00Z");
	tm_finish(next_id, false);
	tm_at("2026-11-23T10:00:00Z");
	ck_ok(meeting_item_get(other, one->id, seen, &fx.err));
	ck_assert_int_eq(seen->state, ITEM_OPEN);
	ck_assert_int_eq(meeting_item_elapsed(seen, clock_now()), 600);
	ck_ok(meeting_get(other, next_id, &m, &fx.err));
	ck_assert_int_eq(meeting_elapsed(&m, clock_now()), 720);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE state = 'running'", NULL), 0);
	casus_close(other);
	free(seen);
	free(one);
	free(two);
}
END_TEST

START_TEST(casusinbreng_rounds_in_order)
{
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	tm_start(next_id);
	struct agenda_item *it = tm_item_of(next_id, AGENDA_INBRENG);
	ck_assert_int_eq(meeting_item_next_round(fx.ctx, it, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Start agenda item"));
	ck_ok(meeting_item_start(fx.ctx, it, &fx.err));
	const enum inbreng_round order[] = { ROUND_VRAGEN, ROUND_ADVIES, ROUND_KEUZE,
		ROUND_BESLUIT };
	for (int i = 0; i < 4; i++) {
		ck_ok(meeting_item_next_round(fx.ctx, it, &fx.err));
		ck_assert_int_eq(it->round, order[i]);
		ck_assert_int_eq(it->state, ITEM_RUNNING);
	}
	ck_assert_int_eq(meeting_item_next_round(fx.ctx, it, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "last round"));
	struct agenda_item *aanm = tm_item_of(next_id, AGENDA_AANMELDING);
	ck_ok(meeting_item_start(fx.ctx, aanm, &fx.err));
	ck_assert_int_eq(meeting_item_next_round(fx.ctx, aanm, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(aanm->round, -1);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE object_type = 'agenda_item'"
		" AND detail LIKE 'round %'", NULL), 4);
	free(it);
	free(aanm);
}
END_TEST

START_TEST(only_the_leads_run_the_meeting)
{
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	struct meeting m;
	tm_get(next_id, &m);
	fx_act_as(&fx, "coach2");
	ck_assert_int_eq(meeting_start(fx.ctx, &m, &fx.err), CASUS_E_PERM);
	struct agenda_item *it = tm_item(next_id, 2);
	ck_assert_int_eq(meeting_item_reorder(fx.ctx, it, 1, &fx.err), CASUS_E_PERM);
	fx_act_as_leader(&fx); /* the chair */
	ck_ok(meeting_start(fx.ctx, &m, &fx.err));
	ck_assert_int_eq(m.status, MEETING_RUNNING);
	fx_act_as(&fx, "coach2");
	ck_assert_int_eq(meeting_item_start(fx.ctx, it, &fx.err), CASUS_E_PERM);
	fx_act_as(&fx, "coach1"); /* the minute-taker */
	ck_ok(meeting_item_start(fx.ctx, it, &fx.err));
	ck_assert_int_eq(meeting_start(fx.ctx, &m, &fx.err), CASUS_E_STATE);
	free(it);
}
END_TEST

START_TEST(two_connections_conflict_on_the_same_item)
{
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	struct casus_ctx *other = fx_second(&fx, "coach1"); /* the minute-taker's laptop */
	struct agenda_item *mine = tm_item(next_id, 2);
	struct agenda_item *theirs = calloc(1, sizeof *theirs);
	ck_ok(meeting_item_get(other, mine->id, theirs, &fx.err));
	theirs->planned_minutes = 15;
	ck_ok(meeting_item_update(other, theirs, &fx.err));
	mine->planned_minutes = 7;
	snprintf(mine->question, sizeof mine->question, "Wie neemt dit op?");
	ck_assert_int_eq(meeting_item_update(fx.ctx, mine, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Carla Coach"));
	ck_assert_int_eq(mine->planned_minutes, 7); /* the unsaved edit is kept */
	ck_assert_int_eq(meeting_item_reorder(fx.ctx, mine, 1, &fx.err), CASUS_E_CONFLICT);
	ck_ok(meeting_item_get(fx.ctx, mine->id, mine, &fx.err));
	ck_assert_int_eq(mine->planned_minutes, 15);
	mine->planned_minutes = 0;
	ck_assert_int_eq(meeting_item_update(fx.ctx, mine, &fx.err), CASUS_E_INVALID);
	/* The meeting itself: a stale start is refused too. */
	struct meeting a, b;
	tm_get(next_id, &a);
	ck_ok(meeting_get(other, next_id, &b, &fx.err));
	ck_ok(meeting_start(other, &b, &fx.err));
	ck_assert_int_eq(meeting_start(fx.ctx, &a, &fx.err), CASUS_E_CONFLICT);
	casus_close(other);
	free(mine);
	free(theirs);
}
END_TEST

START_TEST(inbreng_requests_and_direct_adds)
{
	fx_family(&fx, "Jansen", jansen);
	struct family f;
	ck_ok(family_get(fx.ctx, jansen, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	fx_act_as(&fx, "coach1");
	ck_assert_int_eq(meeting_add_inbreng(fx.ctx, jansen, "", &fx.err), CASUS_E_INVALID);
	ck_ok(meeting_add_inbreng(fx.ctx, jansen, "Is dit nog vrijwillig?", &fx.err));
	ck_assert_int_eq(meeting_add_inbreng(fx.ctx, jansen, "Nog een vraag", &fx.err),
		CASUS_E_EXISTS);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM meeting_request", NULL), 1);
	char id[CASUS_ID_LEN];
	tm_plan("2026-11-30", "coach1", "coach2", id);
	ck_ok(meeting_propose_agenda(fx.ctx, id, NULL, &fx.err));
	struct agenda_item *it = tm_item_of(id, AGENDA_INBRENG);
	ck_assert_str_eq(it->question, "Is dit nog vrijwillig?");
	free(it);
	/* With a meeting planned, a new request goes straight onto its agenda. */
	char other[CASUS_ID_LEN];
	fx_family(&fx, "Smit", other);
	ck_ok(meeting_add_inbreng(fx.ctx, other, "Wat is de hulpvraag?", &fx.err));
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE kind = 'casusinbreng'"
		" AND family_id = ?1", other), 1);
	ck_assert_int_eq(meeting_add_inbreng(fx.ctx, other, "Nog eens", &fx.err), CASUS_E_EXISTS);
	bool on;
	ck_ok(meeting_family_on_agenda(fx.ctx, other, &on, &fx.err));
	ck_assert(on);
}
END_TEST

static int collect_caseload(void *arg, const struct meeting_caseload *c)
{
	char *out = arg;
	size_t len = strlen(out);
	snprintf(out + len, 256 - len, "%s:%d/%d ", c->login, c->families, c->intake);
	return 0;
}

START_TEST(caseloads_smallest_first)
{
	char out[256] = "";
	ck_ok(meeting_caseloads(fx.ctx, collect_caseload, out, &fx.err));
	/* coach1: de Vries, El Amrani; coach2: Bakker, Visser; af1 is a coach without
	 * families; gw1 and the teamleider have none and are not coaches. */
	ck_assert_str_eq(out, "af1:0/0 coach1:2/2 coach2:2/2 ");
}
END_TEST

START_TEST(manual_items)
{
	struct agenda_item it;
	struct agenda_item_new in = { .kind = AGENDA_MELDCODE, .family = jansen };
	ck_assert_int_eq(meeting_item_add(fx.ctx, next_id, &in, &it, &fx.err), CASUS_E_INVALID);
	in = (struct agenda_item_new){ .kind = AGENDA_EVALUATIE };
	ck_assert_int_eq(meeting_item_add(fx.ctx, next_id, &in, &it, &fx.err), CASUS_E_INVALID);
	in = (struct agenda_item_new){ .kind = AGENDA_TEAM_ISSUE, .team_issue = "#1",
		.planned_minutes = 25 };
	ck_ok(meeting_item_add(fx.ctx, next_id, &in, &it, &fx.err));
	ck_assert_int_eq(it.team_issue_no, 1);
	ck_assert_int_eq(it.planned_minutes, 25);
	ck_assert_int_eq(meeting_item_add(fx.ctx, next_id, &in, &it, &fx.err), CASUS_E_EXISTS);
	in = (struct agenda_item_new){ .kind = AGENDA_OVERIG, .question = "Teamuitje",
		.planned_minutes = 241 };
	ck_assert_int_eq(meeting_item_add(fx.ctx, next_id, &in, &it, &fx.err), CASUS_E_INVALID);
	in.planned_minutes = 0;
	ck_ok(meeting_item_add(fx.ctx, next_id, &in, &it, &fx.err));
	ck_assert_int_eq(it.planned_minutes, agenda_kind_default_minutes(AGENDA_OVERIG));
	/* Proposing afterwards keeps the marked issue once. */
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	ck_assert_int_eq(tm_q("SELECT count(*) FROM agenda_item WHERE kind = 'team_issue'"
		" AND meeting_id = ?1", next_id), 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("meeting");
	TCase *plain = tcase_create("planning");
	tcase_add_checked_fixture(plain, plain_setup, tm_teardown);
	tcase_add_test(plain, plan_validates_date_chair_and_minute_taker);
	tcase_add_test(plain, next_meeting_and_no_meeting);
	tcase_add_test(plain, attendees_members_and_guests);
	tcase_add_test(plain, inbreng_requests_and_direct_adds);
	suite_add_tcase(s, plain);
	TCase *tc = tcase_create("agenda");
	tcase_add_checked_fixture(tc, tm_setup, tm_teardown);
	tcase_add_test(tc, proposal_has_items_of_every_kind);
	tcase_add_test(tc, proposal_is_for_the_editors_of_a_planned_meeting);
	tcase_add_test(tc, reorder_remove_skip_and_move);
	tcase_add_test(tc, finish_moves_open_items_to_the_next_meeting);
	tcase_add_test(tc, timers_come_from_stored_timestamps);
	tcase_add_test(tc, casusinbreng_rounds_in_order);
	tcase_add_test(tc, only_the_leads_run_the_meeting);
	tcase_add_test(tc, two_connections_conflict_on_the_same_item);
	tcase_add_test(tc, caseloads_smallest_first);
	tcase_add_test(tc, manual_items);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
