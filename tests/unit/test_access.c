/* Who may act and read: rights are re-checked on every act (not only when casus
 * started), regie cannot be left with an inactive member, confidential notes are
 * restricted by the team setting, and what outside variables put into the log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/note.h"
#include "casus/regie.h"
#include "casus/setting.h"
#include "casus/text.h"
#include "fixture.h"

START_TEST(deactivated_member_cannot_go_on_acting)
{
	struct fixture fx;
	fx_setup(&fx);
	struct casus_ctx *coach = fx_second(&fx, "coach1");
	struct member_change ch = { .role = -1, .aandacht = -1, .active = 0 };
	ck_ok(member_change(fx.ctx, "coach1", &ch, NULL, &fx.err));
	struct family_new in = { .display_name = "Visser", .framework = -1 };
	struct casus_err e = { 0 };
	ck_assert_int_eq(family_add(coach, &in, NULL, &e), CASUS_E_PERM);
	ck_assert(strstr(e.msg, "no longer an active member") != NULL);
	int64_t n = -1;
	ck_ok(family_list_count(fx.ctx, &(struct family_query){ .phase = -1 }, &n, &fx.err));
	ck_assert_int_eq(n, 0);
	casus_close(coach);
	fx_teardown(&fx);
}
END_TEST

START_TEST(demoted_teamleider_loses_rights_in_running_session)
{
	struct fixture fx;
	fx_setup(&fx);
	ck_ok(member_add(fx.ctx, "tl2", "Tom Tweede", ROLE_TEAMLEIDER, false, NULL, &fx.err));
	struct casus_ctx *tl2 = fx_second(&fx, "tl2");
	struct member_change ch = { .role = ROLE_COACH, .aandacht = -1, .active = -1 };
	ck_ok(member_change(fx.ctx, "tl2", &ch, NULL, &fx.err));
	struct casus_err e = { 0 };
	ck_assert_int_eq(member_add(tl2, "new1", "Nieuw Lid", ROLE_TEAMLEIDER, false, NULL, &e),
		CASUS_E_PERM);
	struct member m;
	ck_assert_int_eq(member_get_by_login(fx.ctx, "new1", &m, &e), CASUS_E_NOTFOUND);
	casus_close(tl2);
	fx_teardown(&fx);
}
END_TEST

START_TEST(teamleider_may_change_own_role_when_another_leads)
{
	struct fixture fx;
	fx_setup(&fx);
	ck_ok(member_add(fx.ctx, "tl2", "Tom Tweede", ROLE_TEAMLEIDER, false, NULL, &fx.err));
	struct member_change ch = { .role = ROLE_GEDRAGSWETENSCHAPPER, .aandacht = -1, .active = -1 };
	struct member m;
	ck_ok(member_change(fx.ctx, casus_unix_login(), &ch, &m, &fx.err));
	ck_assert_int_eq(m.role, ROLE_GEDRAGSWETENSCHAPPER);
	ck_assert_int_eq(fx.ctx->user.role, ROLE_GEDRAGSWETENSCHAPPER);
	fx_teardown(&fx);
}
END_TEST

START_TEST(regievoerder_cannot_be_deactivated_with_open_families)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Smit", id);
	struct family f;
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	struct member_change ch = { .role = -1, .aandacht = -1, .active = 0 };
	struct casus_err e = { 0 };
	ck_assert_int_eq(member_change(fx.ctx, "coach1", &ch, NULL, &e), CASUS_E_STATE);
	ck_assert(strstr(e.msg, "hand those over") != NULL);
	struct member m;
	ck_ok(member_get_by_login(fx.ctx, "coach1", &m, &fx.err));
	ck_assert(m.active);
	ck_ok(regie_handover(fx.ctx, &f, "coach2", "coach1 vertrekt", &fx.err));
	ck_ok(member_change(fx.ctx, "coach1", &ch, &m, &fx.err));
	ck_assert(!m.active);
	fx_teardown(&fx);
}
END_TEST

struct seen {
	int notes, withheld;
	char body[64];
};

static int collect(void *arg, const struct note *n)
{
	struct seen *s = arg;
	s->notes++;
	s->withheld += n->withheld;
	if (n->confidential)
		snprintf(s->body, sizeof s->body, "%s", n->body);
	return 0;
}

START_TEST(confidential_notes_follow_the_team_setting)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Mulder", id);
	struct family f;
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	fx_act_as(&fx, "coach1");
	struct note_new nn = { .kind = NOTE_FACT, .body = "Moeder vertelt over geweld van ex.",
		.confidential = true };
	ck_ok(note_add(fx.ctx, id, &nn, NULL, &fx.err));
	struct seen s = { 0 };
	fx_act_as(&fx, "coach2"); /* setting off: every member reads it */
	ck_ok(note_each(fx.ctx, id, collect, &s, &fx.err));
	ck_assert_int_eq(s.withheld, 0);
	ck_assert_str_eq(s.body, "Moeder vertelt over geweld van ex.");
	fx_act_as_leader(&fx);
	ck_ok(setting_set(fx.ctx, "privacy.restrict_confidential_notes", "1", &fx.err));
	const char *who[] = { "coach2", "coach1", "gw1" };
	const int expect_withheld[] = { 1, 0, 0 };
	for (int i = 0; i < 3; i++) {
		memset(&s, 0, sizeof s);
		fx_act_as(&fx, who[i]);
		ck_ok(note_each(fx.ctx, id, collect, &s, &fx.err));
		ck_assert_int_eq(s.notes, 1);
		ck_assert_int_eq(s.withheld, expect_withheld[i]);
		ck_assert_str_eq(s.body, expect_withheld[i] ? "" : "Moeder vertelt over geweld van ex.");
	}
	fx_teardown(&fx);
}
END_TEST

static int last_workstation(void *arg, const struct audit_row *row)
{
	snprintf(arg, 128, "%s", row->workstation);
	return 0;
}

START_TEST(ssh_client_cannot_smuggle_text_into_the_log)
{
	struct fixture fx;
	setenv("SSH_CLIENT", "10.1.2.3\x1b[2J;evil 51000 22", 1);
	fx_setup(&fx);
	fx_family(&fx, "Dekker", NULL);
	char ws[128] = "";
	ck_ok(audit_each(fx.ctx, NULL, last_workstation, ws, &fx.err));
	ck_assert_str_eq(ws, "ssh 10.1.2.32e");
	unsetenv("SSH_CLIENT");
	fx_teardown(&fx);
}
END_TEST

START_TEST(long_messages_are_cut_on_a_character_boundary)
{
	char name[2001];
	for (int i = 0; i < 1000; i++)
		memcpy(name + 2 * i, "\xc3\xab", 2); /* ë */
	name[2000] = '\0';
	struct casus_err e;
	for (int pad = 0; pad < 4; pad++) {
		err_set(&e, CASUS_E_INVALID, "%.*s%s", pad, "xxx", name);
		ck_assert(text_valid_utf8(e.msg));
	}
}
END_TEST

START_TEST(only_a_teamleider_reads_the_access_log)
{
	struct fixture fx;
	fx_setup(&fx);
	char ws[128] = "";
	fx_act_as(&fx, "coach1");
	struct casus_err e = { 0 };
	ck_assert_int_eq(audit_each(fx.ctx, NULL, last_workstation, ws, &e), CASUS_E_PERM);
	fx_act_as(&fx, "gw1");
	ck_assert_int_eq(audit_each(fx.ctx, NULL, last_workstation, ws, &e), CASUS_E_PERM);
	fx_act_as_leader(&fx);
	ck_ok(audit_each(fx.ctx, NULL, last_workstation, ws, &fx.err));
	ck_assert_str_ne(ws, "");
	fx_teardown(&fx);
}
END_TEST

START_TEST(a_case_with_an_undecided_request_cannot_be_closed)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Peters", id);
	struct family f;
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	fx_act_as(&fx, "coach1");
	struct escalation_new in = { .family = id, .kind = ESC_SPECIALISTISCH,
		.urgency = URGENCY_NORMAAL, .reason = "Traumabehandeling nodig voor Sem." };
	struct escalation esc;
	ck_ok(escalation_request(fx.ctx, &in, &esc, &fx.err));
	struct casus_err e = { 0 };
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_assert_int_eq(family_close(fx.ctx, &f, "klaar", &e), CASUS_E_STATE);
	ck_assert(strstr(e.msg, "awaiting a decision") != NULL);
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_assert_int_ne(f.phase, PHASE_AFGESLOTEN);
	ck_ok(escalation_withdraw(fx.ctx, &esc, "Niet meer nodig", &fx.err));
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, "klaar", &fx.err));
	ck_assert_int_eq(f.phase, PHASE_AFGESLOTEN);
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase_create("rights");
	tcase_add_test(tc, deactivated_member_cannot_go_on_acting);
	tcase_add_test(tc, demoted_teamleider_loses_rights_in_running_session);
	tcase_add_test(tc, teamleider_may_change_own_role_when_another_leads);
	tcase_add_test(tc, regievoerder_cannot_be_deactivated_with_open_families);
	tcase_add_test(tc, confidential_notes_follow_the_team_setting);
	tcase_add_test(tc, ssh_client_cannot_smuggle_text_into_the_log);
	tcase_add_test(tc, long_messages_are_cut_on_a_character_boundary);
	tcase_add_test(tc, only_a_teamleider_reads_the_access_log);
	tcase_add_test(tc, a_case_with_an_undecided_request_cannot_be_closed);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
