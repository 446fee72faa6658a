/* The meldcode export: a fixed scenario (a trajectory closed at question 1, then one
 * with acute danger, every kind of entry, a correction, a melding and feedback)
 * written as Markdown in Dutch and English and as JSON, compared with
 * tests/unit/golden/meldcode.* (UPDATE_EXPECTED=1 rewrites them after an intended
 * change); plus the access-log row, the language being restored and the JSON keys. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "test_meldcode.h"

static void first_trajectory_closed_at_q1(void)
{
	char t[CASUS_ID_LEN];
	mc_open_children(t);
	mc_fact(t, NULL);
	mc_consult(t);
	struct meldcode_step st[MC_STEPS];
	ck_ok(meldcode_steps(fx.ctx, t, st, &fx.err));
	ck_ok(meldcode_step_set(fx.ctx, &st[2], MC_SKIPPED, MC_SKIP_CONTACT_BREAK,
		"The father broke off contact with the previous coach\nafter a similar talk.",
		&fx.err));
	struct mc_weighing_new w = { .instrument = MC_INSTR_NONE, .q1 = false,
		.q1_motivation = "The GP explained the bruise: a fall at the playground." };
	ck_ok(meldcode_weigh(fx.ctx, t, &w, NULL, &fx.err));
}

static void step_1(const char *t)
{
	char fact[CASUS_ID_LEN], hyp[CASUS_ID_LEN];
	struct mc_acute_new a = { .service = MC_POLICE, .contacted_at = "2026-11-01T22:15:00Z",
		.contact_name = "Agent Bakker", .reference = "PL-2026-0815",
		.danger = "Father threatened the mother in front of the children.\nPolice came." };
	ck_ok(meldcode_add_acute(fx.ctx, t, &a, NULL, &fx.err));
	mc_fact(t, fact);
	struct mc_signal_new s = { .kind = MC_FACT, .observed_on = "2026-11-02",
		.observer = "Mw. De Boer (leerkracht)", .third_party = true,
		.source = "Basisschool De Linde",
		.description = "Sam had a bruise on his left upper arm.", .corrects = fact };
	ck_ok(meldcode_add_signal(fx.ctx, t, &s, NULL, &fx.err));
	s = (struct mc_signal_new){ .kind = MC_HYPOTHESIS, .observed_on = "2026-11-03",
		.observer = "Carla Coach", .hypothesis_of = "Carla Coach",
		.description = "The tension between the parents may be taken out on Sam." };
	ck_ok(meldcode_add_signal(fx.ctx, t, &s, hyp, &fx.err));
	ck_ok(meldcode_verdict(fx.ctx, hyp, MC_CONFIRMED, "2026-11-06",
		"Mother confirmed in the conversation of 6 November.", NULL, &fx.err));
	s = (struct mc_signal_new){ .kind = MC_DIAGNOSIS, .observed_on = "2026-11-04",
		.observer = "Dr. Y. Smit", .diagnosed_by = "Dr. Y. Smit, jeugdarts GGD",
		.description = "Injuries consistent with being grabbed hard." };
	ck_ok(meldcode_add_signal(fx.ctx, t, &s, NULL, &fx.err));
}

static void steps_2_to_5(const char *t)
{
	mc_consult(t);
	struct mc_consultation_new c = { .with = MC_WITH_VEILIG_THUIS,
		.with_name = "Veilig Thuis, adviesteam", .anonymous = true, .held_on = "2026-11-05",
		.question = "Boy of 12 with repeated injuries; is a melding needed?",
		.advice = "Weigh with a risk instrument; a melding seems likely." };
	ck_ok(meldcode_add_consultation(fx.ctx, t, &c, NULL, &fx.err));
	mc_talk(t);
	mc_weigh(t, false, true, false, NULL);
	struct mc_decision_new d = mc_decision(MC_UNANSWERED, MC_UNANSWERED, MC_UNANSWERED, true,
		true);
	ck_ok(meldcode_decide(fx.ctx, t, &d, NULL, &fx.err));
	struct mc_event_new e = { .kind = MC_EV_MANAGER_INTENDED, .on = "2026-11-09",
		.person_name = "H. Visser" };
	ck_ok(meldcode_add_event(fx.ctx, t, &e, NULL, &fx.err));
	e = (struct mc_event_new){ .kind = MC_EV_DISCUSSED, .on = "2026-11-09",
		.with = MC_BAND_CHILD_AND_PARENTS, .note = "Mother agreed; Sam was relieved." };
	ck_ok(meldcode_add_event(fx.ctx, t, &e, NULL, &fx.err));
	e = (struct mc_event_new){ .kind = MC_EV_MELDING, .on = "2026-11-10",
		.reference = "VT-2026-1234", .note = "Melded by phone, confirmed in writing." };
	ck_ok(meldcode_add_event(fx.ctx, t, &e, NULL, &fx.err));
	e = (struct mc_event_new){ .kind = MC_EV_MANAGER_FINAL, .on = "2026-11-10",
		.person_name = "H. Visser" };
	ck_ok(meldcode_add_event(fx.ctx, t, &e, NULL, &fx.err));
	e = (struct mc_event_new){ .kind = MC_EV_VT_FEEDBACK, .on = "2026-11-16", .feedback_no = 1,
		.note = "Safety assessment done; Veilig Thuis starts an investigation." };
	ck_ok(meldcode_add_event(fx.ctx, t, &e, NULL, &fx.err));
}

static void scenario(void)
{
	first_trajectory_closed_at_q1();
	char t[CASUS_ID_LEN];
	mc_open_children(t);
	step_1(t);
	steps_2_to_5(t);
}

/* Export into a string (caller frees). */
static char *export(enum meldcode_format format, const char *lang)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	ck_ok(meldcode_export(fx.ctx, "2026-0001", format, lang, f, &fx.err));
	fclose(f);
	return buf;
}

START_TEST(export_golden)
{
	scenario();
	char *md_nl = export(MELDCODE_MD, "nl");
	char *md_en = export(MELDCODE_MD, "en");
	char *json = export(MELDCODE_JSON, NULL);
	fx_golden("meldcode.nl.md", md_nl);
	fx_golden("meldcode.en.md", md_en);
	fx_golden("meldcode.json", json);
	free(md_nl);
	free(md_en);
	free(json);
}
END_TEST

START_TEST(json_has_the_whole_record)
{
	scenario();
	char *json = export(MELDCODE_JSON, NULL);
	static const char *const keys[] = {
		"\"name\": \"signals\"", "\"name\": \"consultation\"", "\"name\": \"conversation\"",
		"\"name\": \"weighing\"", "\"name\": \"decision\"", "\"kind\": \"hypothesis\"",
		"\"kind\": \"verdict\"", "\"kind\": \"diagnosis\"", "\"author\": {",
		"\"created_at\": \"2026-11-23T09:00:00Z\"", "\"afwegingskader\": {", "\"q1\": {",
		"\"q2\": {", "\"q3\": {", "\"q4\": {", "\"q5\": {", "\"melden\": {", "\"hulp\": {",
		"\"reference\": \"VT-2026-1234\"", "\"feedback_1_due\": \"2026-11-17\"",
		"\"feedback_1_received\": \"2026-11-16\"", "\"anonymous\": true",
		"\"outcome\": \"no_suspicion\"", "\"type\": \"acute\"", "\"step_log\": [",
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		ck_assert_msg(strstr(json, keys[i]) != NULL, "missing %s", keys[i]);
	/* The anonymous consultation row names nobody; the export names the children. */
	ck_assert_ptr_nonnull(strstr(json, "\"name\": \"Sam Jansen\""));
	free(json);
}
END_TEST

START_TEST(export_is_logged_and_restores_the_language)
{
	scenario();
	i18n_set_lang("en");
	long long before = mc_q_int("SELECT count(*) FROM audit WHERE event = 'export'"
		" AND family_id = ?1 AND login = 'coach1'", fam);
	char *md = export(MELDCODE_MD, "nl");
	ck_assert_str_eq(i18n_lang(), "en");
	ck_assert_int_eq(mc_q_int("SELECT count(*) FROM audit WHERE event = 'export'"
		" AND family_id = ?1 AND login = 'coach1'", fam), before + 1);
	ck_assert_ptr_nonnull(strstr(md, "VT-2026-1234"));
	ck_assert_ptr_nonnull(strstr(md, "Dr. Y. Smit, jeugdarts GGD"));
	free(md);
	FILE *f = fopen("/dev/null", "w");
	ck_assert_int_eq(meldcode_export(fx.ctx, "2026-0099", MELDCODE_MD, "nl", f, &fx.err),
		CASUS_E_NOTFOUND);
	ck_assert_int_eq(meldcode_export(fx.ctx, fam, MELDCODE_MD, "de", f, &fx.err),
		CASUS_E_INVALID);
	ck_assert_str_eq(i18n_lang(), "en");
	fclose(f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("meldcode_export");
	TCase *tc = tcase_create("export");
	tcase_add_checked_fixture(tc, mc_setup_family, mc_teardown);
	tcase_add_test(tc, export_golden);
	tcase_add_test(tc, json_has_the_whole_record);
	tcase_add_test(tc, export_is_logged_and_restores_the_language);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
