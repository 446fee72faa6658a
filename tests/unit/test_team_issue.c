/* The team-issues register: raising, reading by number, editing with validation of
 * the decided phases, marking for the next meeting, persistence across meetings (the
 * same issue on two agendas, decided in the second), conflicts between two
 * connections, and the access log. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_meeting.h"

static void setup(void)
{
	tm_at("2026-11-23T09:00:00Z");
	fx_setup(&fx);
	snprintf(leader, sizeof leader, "%s", casus_unix_login());
}

static struct team_issue *raise(const char *title, enum issue_priority prio, bool mark)
{
	struct team_issue *t = calloc(1, sizeof *t);
	struct team_issue_new in = { .title = title, .priority = prio, .for_meeting = mark,
		.proposal = "Eerst uitproberen in januari.", .decider = "teamleider" };
	ck_ok(team_issue_add(fx.ctx, &in, t, &fx.err));
	return t;
}

START_TEST(raise_read_and_validate)
{
	fx_act_as(&fx, "coach1");
	struct team_issue_new bad = { .title = "", .priority = ISSUE_NORMAAL };
	ck_assert_int_eq(team_issue_add(fx.ctx, &bad, NULL, &fx.err), CASUS_E_INVALID);
	bad.title = "Twee regels\nin een titel";
	ck_assert_int_eq(team_issue_add(fx.ctx, &bad, NULL, &fx.err), CASUS_E_INVALID);
	bad.title = "Goed";
	bad.priority = ISSUE_PRIORITY_COUNT;
	ck_assert_int_eq(team_issue_add(fx.ctx, &bad, NULL, &fx.err), CASUS_E_INVALID);
	struct team_issue *a = raise("Wachtlijst bijhouden", ISSUE_NORMAAL, false);
	struct team_issue *b = raise("Overdracht bij ziekte", ISSUE_HOOG, true);
	ck_assert_int_eq(a->number, 1);
	ck_assert_int_eq(b->number, 2);
	ck_assert_int_eq(b->phase, ISSUE_OPEN);
	ck_assert_str_eq(b->raised_by_login, "coach1");
	ck_assert(b->for_meeting);
	struct team_issue *t = calloc(1, sizeof *t);
	ck_ok(team_issue_get(fx.ctx, "#2", t, &fx.err));
	ck_assert_str_eq(t->id, b->id);
	ck_ok(team_issue_get(fx.ctx, "1", t, &fx.err));
	ck_assert_str_eq(t->id, a->id);
	ck_ok(team_issue_get(fx.ctx, b->id, t, &fx.err));
	ck_assert_int_eq(t->number, 2);
	ck_assert_int_eq(team_issue_get(fx.ctx, "#9", t, &fx.err), CASUS_E_NOTFOUND);
	/* Besloten needs the decision; decided_on defaults to today. */
	t->phase = ISSUE_BESLOTEN;
	ck_assert_int_eq(team_issue_update(fx.ctx, t, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(t->phase, ISSUE_BESLOTEN); /* the caller's copy is kept */
	snprintf(t->decision, sizeof t->decision, "Buddy per coach.");
	ck_ok(team_issue_update(fx.ctx, t, &fx.err));
	ck_assert_str_eq(t->decided_on, "2026-11-23");
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE object_type = 'team_issue'", NULL),
		3);
	ck_assert_str_eq(issue_phase_label(ISSUE_IN_BEHANDELING, "nl"), "in behandeling");
	ck_assert_str_eq(issue_priority_label(ISSUE_HOOG, "en"), "high");
	ck_assert_int_eq(issue_phase_parse("afgerond"), ISSUE_AFGEROND);
	free(a);
	free(b);
	free(t);
}
END_TEST

struct list {
	char text[256];
};

static int list_issue(void *arg, const struct team_issue *t)
{
	struct list *l = arg;
	size_t len = strlen(l->text);
	snprintf(l->text + len, sizeof l->text - len, "#%d %s; ", t->number,
		issue_phase_name(t->phase));
	return 0;
}

START_TEST(register_order_and_marks)
{
	struct team_issue *low = raise("Koffie", ISSUE_LAAG, false);
	struct team_issue *high = raise("Veiligheid op huisbezoek", ISSUE_HOOG, false);
	struct team_issue *done = raise("Oude afspraak", ISSUE_HOOG, false);
	done->phase = ISSUE_AFGEROND;
	snprintf(done->decision, sizeof done->decision, "Vervallen.");
	ck_ok(team_issue_update(fx.ctx, done, &fx.err));
	ck_assert_int_eq(team_issue_mark(fx.ctx, done, true, &fx.err), CASUS_E_STATE);
	ck_ok(team_issue_mark(fx.ctx, low, true, &fx.err));
	ck_assert(low->for_meeting);
	struct list l = { "" };
	ck_ok(team_issue_each(fx.ctx, true, list_issue, &l, &fx.err));
	ck_assert_str_eq(l.text, "#2 open; #1 open; #3 afgerond; ");
	l.text[0] = '\0';
	ck_ok(team_issue_each(fx.ctx, false, list_issue, &l, &fx.err));
	ck_assert_str_eq(l.text, "#2 open; #1 open; ");
	free(low);
	free(high);
	free(done);
}
END_TEST

START_TEST(the_register_persists_across_meetings)
{
	struct team_issue *t = raise("Overdracht bij ziekte", ISSUE_HOOG, true);
	char first[CASUS_ID_LEN], second[CASUS_ID_LEN];
	tm_plan("2026-11-23", leader, "coach1", first);
	ck_ok(meeting_propose_agenda(fx.ctx, first, NULL, &fx.err));
	struct agenda_item *it = tm_item_of(first, AGENDA_TEAM_ISSUE);
	ck_assert_str_eq(it->team_issue_id, t->id);
	ck_assert_str_eq(it->team_issue_title, "Overdracht bij ziekte");
	tm_start(first);
	ck_ok(meeting_item_start(fx.ctx, it, &fx.err));
	ck_ok(meeting_note_add(fx.ctx, it->id, "Nog niet rijp: eerst navragen bij andere teams.",
		NULL, &fx.err));
	ck_ok(meeting_item_done(fx.ctx, it, &fx.err));
	tm_finish(first, false);
	free(it);
	/* Between meetings the register moves on. */
	ck_ok(team_issue_get(fx.ctx, "#1", t, &fx.err));
	ck_assert(!t->for_meeting);
	t->phase = ISSUE_IN_BEHANDELING;
	snprintf(t->proposal, sizeof t->proposal, "Vaste buddy per coach.");
	ck_ok(team_issue_update(fx.ctx, t, &fx.err));
	ck_ok(team_issue_mark(fx.ctx, t, true, &fx.err));
	tm_at("2026-11-30T09:00:00Z");
	tm_plan("2026-11-30", leader, "coach1", second);
	ck_ok(meeting_propose_agenda(fx.ctx, second, NULL, &fx.err));
	it = tm_item_of(second, AGENDA_TEAM_ISSUE);
	ck_assert_str_eq(it->team_issue_id, t->id);
	tm_start(second);
	ck_ok(meeting_decide(fx.ctx, it->id, "Vaste buddy per coach, vanaf januari.", leader,
		NULL, NULL, &fx.err));
	ck_ok(team_issue_get(fx.ctx, t->id, t, &fx.err));
	t->phase = ISSUE_BESLOTEN;
	snprintf(t->decision, sizeof t->decision, "Vaste buddy per coach, vanaf januari.");
	ck_ok(team_issue_update(fx.ctx, t, &fx.err));
	ck_assert_int_eq(t->meetings, 2);
	ck_assert_str_eq(t->decided_on, "2026-11-30");
	ck_assert_str_eq(t->proposal, "Vaste buddy per coach.");
	free(it);
	free(t);
}
END_TEST

START_TEST(two_connections_conflict)
{
	struct team_issue *mine = raise("Werkdruk", ISSUE_NORMAAL, false);
	struct casus_ctx *other = fx_second(&fx, "coach2");
	struct team_issue *theirs = calloc(1, sizeof *theirs);
	ck_ok(team_issue_get(other, mine->id, theirs, &fx.err));
	snprintf(theirs->proposal, sizeof theirs->proposal, "Caseload maximeren op 15.");
	ck_ok(team_issue_update(other, theirs, &fx.err));
	snprintf(mine->proposal, sizeof mine->proposal, "Caseload maximeren op 12.");
	ck_assert_int_eq(team_issue_update(fx.ctx, mine, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Cees Çelik"));
	ck_assert_str_eq(mine->proposal, "Caseload maximeren op 12.");
	ck_assert_int_eq(team_issue_mark(fx.ctx, mine, true, &fx.err), CASUS_E_CONFLICT);
	ck_assert(!mine->for_meeting);
	casus_close(other);
	free(mine);
	free(theirs);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("team_issue");
	TCase *tc = tcase_create("register");
	tcase_add_checked_fixture(tc, setup, tm_teardown);
	tcase_add_test(tc, raise_read_and_validate);
	tcase_add_test(tc, register_order_and_marks);
	tcase_add_test(tc, the_register_persists_across_meetings);
	tcase_add_test(tc, two_connections_conflict);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
