/* The exported minutes: a whole meeting (attendees with a guest, every kind of item, a
 * regie decision, a meldcode consultation, actions in and outside plans, a skipped and
 * a moved item) written as Markdown in Dutch and English, as JSON, and as Markdown with
 * privacy, compared with tests/unit/golden/meeting.* (UPDATE_EXPECTED=1 rewrites them
 * after an intended change); plus privacy (no family name, no person name), the
 * access-log rows, the privacy mask shared with the screen, and bad arguments. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/privacy.h"
#include "test_meeting.h"

static struct agenda_item *run(enum agenda_kind kind, const char *at)
{
	tm_at(at);
	struct agenda_item *it = tm_item_of(next_id, kind);
	ck_assert_ptr_nonnull(it);
	ck_ok(meeting_item_start(fx.ctx, it, &fx.err));
	return it;
}

static void done(struct agenda_item *it, const char *at)
{
	tm_at(at);
	ck_ok(meeting_item_done(fx.ctx, it, &fx.err));
	free(it);
}

static void action(const char *item_id, enum plan_owner_kind kind, const char *owner,
	const char *body, const char *due)
{
	struct meeting_action_new in = { .body = body, .owner_kind = kind, .owner = owner,
		.due_on = due };
	ck_ok(meeting_action_add(fx.ctx, item_id, &in, NULL, &fx.err));
}

static void first_items(void)
{
	struct agenda_item *it = run(AGENDA_OPEN_ACTION, "2026-11-23T09:00:00Z");
	done(it, "2026-11-23T09:02:00Z");
	it = run(AGENDA_AANMELDING, "2026-11-23T09:02:00Z");
	ck_ok(meeting_decide_regie(fx.ctx, it->id, "coach2", "Kleinste caseload; kent de school.",
		NULL, &fx.err));
	ck_ok(meeting_decide(fx.ctx, it->id, "Eerst een gesprek met Mira en Sam Jansen over "
		"school.\nDaarna triage.", "coach2", "2026-12-01", NULL, &fx.err));
	action(it->id, OWNER_MEMBER, "coach2", "Moeder bellen voor een kennismaking", "2026-11-25");
	action(it->id, OWNER_PERSON, mira, "Schoolrapport van Sam meenemen", NULL);
	done(it, "2026-11-23T09:08:00Z");
	it = run(AGENDA_INBRENG, "2026-11-23T09:08:00Z");
	ck_ok(meeting_note_add(fx.ctx, it->id, "Vader van Noor werkt in ploegendienst.", NULL,
		&fx.err));
	for (int i = 0; i < 4; i++)
		ck_ok(meeting_item_next_round(fx.ctx, it, &fx.err));
	ck_ok(meeting_decide(fx.ctx, it->id, "De Vries: vader uitnodigen voor het volgende "
		"gesprek.", "coach1", "2026-12-04", NULL, &fx.err));
	action(it->id, OWNER_NETWORK, oma, "Oma Truus vraagt vader mee", "2026-12-04");
	done(it, "2026-11-23T09:30:00Z");
}

/* The whole meeting of 2026-11-23, 09:00-10:00, chaired by gw1, minutes by coach1 (fixed
 * logins: the teamleider's login is whoever runs the tests). */
static void scenario(void)
{
	struct meeting m;
	tm_get(next_id, &m);
	ck_ok(meeting_update(fx.ctx, &m, "2026-11-23", "gw1", "coach1", &fx.err));
	fx_act_as(&fx, "coach1");
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, "SELECT a.id FROM meeting_attendee a"
		" JOIN member m ON m.id = a.member_id WHERE m.role = 'teamleider'"
		" AND a.meeting_id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, next_id, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	char att[CASUS_ID_LEN];
	snprintf(att, sizeof att, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	ck_ok(meeting_attendee_remove(fx.ctx, att, &fx.err));
	ck_ok(meeting_attendee_add_member(fx.ctx, next_id, "coach2", NULL, &fx.err));
	ck_ok(meeting_attendee_add_guest(fx.ctx, next_id, "Dr. Y. Smit", "jeugdarts", NULL,
		&fx.err));
	ck_ok(meeting_propose_agenda(fx.ctx, next_id, NULL, &fx.err));
	tm_start(next_id);
	first_items();
	struct agenda_item *it = tm_item_of(next_id, AGENDA_EVALUATIE);
	ck_ok(meeting_item_skip(fx.ctx, it, &fx.err));
	free(it);
	it = run(AGENDA_MELDCODE, "2026-11-23T09:30:00Z");
	ck_ok(meeting_record_consultation(fx.ctx, it->id, "Zijn de signalen genoeg?",
		"Gesprek met moeder voeren; wegen met LIRIK.", NULL, &fx.err));
	done(it, "2026-11-23T09:45:00Z");
	it = tm_item_of(next_id, AGENDA_ESCALATIE);
	ck_ok(meeting_item_move_next(fx.ctx, it, &fx.err));
	free(it);
	it = run(AGENDA_TEAM_ISSUE, "2026-11-23T09:45:00Z");
	ck_ok(meeting_decide(fx.ctx, it->id, "Vaste buddy per coach, vanaf januari.", "gw1",
		"2027-01-04", NULL, &fx.err));
	done(it, "2026-11-23T09:55:00Z");
	tm_at("2026-11-23T10:00:00Z");
	tm_finish(next_id, false);
}

static char *export(enum meeting_format format, const char *lang, bool privacy)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	ck_ok(meeting_export_minutes(fx.ctx, next_id, format, lang, privacy, f, &fx.err));
	fclose(f);
	return buf;
}

START_TEST(minutes_golden)
{
	scenario();
	char *nl = export(MEETING_MD, "nl", false);
	char *en = export(MEETING_MD, "en", false);
	char *json = export(MEETING_JSON, NULL, false);
	char *priv = export(MEETING_MD, "nl", true);
	fx_golden("meeting.nl.md", nl);
	fx_golden("meeting.en.md", en);
	fx_golden("meeting.json", json);
	fx_golden("meeting.privacy.nl.md", priv);
	free(nl);
	free(en);
	free(json);
	free(priv);
}
END_TEST

START_TEST(minutes_hold_the_besluitenlijst_and_actielijst)
{
	scenario();
	char *nl = export(MEETING_MD, "nl", false);
	static const char *const want[] = { "## Besluitenlijst", "## Actielijst",
		"## Aanwezigen", "Dr. Y. Smit, jeugdarts (gast)", "Regievoerder: Cees Çelik",
		"Meldcode stap 2, collegiale consultatie", "in het plan van het gezin",
		"## Doorgeschoven naar het volgende overleg", "Escalatie",
		"komt op het volgende overleg zodra dat gepland is", "overgeslagen", "Oma Truus",
		"2026-0001 Jansen", "Vader van Noor werkt in ploegendienst." };
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		ck_assert_msg(strstr(nl, want[i]) != NULL, "missing %s", want[i]);
	free(nl);
	char *json = export(MEETING_JSON, "en", false);
	static const char *const keys[] = { "\"decisions\": [", "\"actions\": [",
		"\"kind\": \"regie\"", "\"kind\": \"consultatie\"", "\"in_plan\": true",
		"\"moved\": [", "\"type\": \"guest\"", "\"round\": \"besluit\"",
		"\"used_seconds\": 360" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		ck_assert_msg(strstr(json, keys[i]) != NULL, "missing %s", keys[i]);
	free(json);
}
END_TEST

START_TEST(privacy_masks_every_family_name)
{
	scenario();
	for (int format = MEETING_MD; format <= MEETING_JSON; format++) {
		char *text = export((enum meeting_format)format, "nl", true);
		static const char *const names[] = { "Jansen", "Vries", "Bakker", "Amrani", "Visser",
			"Mira", "Sam", "Noor", "Yasmine", "Truus" };
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			ck_assert_msg(strstr(text, names[i]) == NULL, "%s appears in the %s export",
				names[i], format == MEETING_MD ? "md" : "json");
		ck_assert_ptr_null(strstr(text, "ploegendienst")); /* no notes */
		free(text);
	}
	char *md = export(MEETING_MD, "en", true);
	ck_assert_ptr_nonnull(strstr(md, "2026-0001 J. (12)"));
	ck_assert_ptr_nonnull(strstr(md, "2026-0002 d.V. (10)"));
	ck_assert_ptr_nonnull(strstr(md, "met M. en S.J. over")); /* names inside free text */
	ck_assert_ptr_nonnull(strstr(md, "who: M.J."));   /* a family member as owner */
	free(md);
}
END_TEST

START_TEST(export_is_logged_per_family)
{
	scenario();
	long long before = tm_q("SELECT count(*) FROM audit WHERE event = 'export'", NULL);
	char *md = export(MEETING_MD, "nl", true);
	free(md);
	/* The meeting itself, and the five families on its agenda. */
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE event = 'export'", NULL),
		before + 6);
	ck_assert_int_eq(tm_q("SELECT count(*) FROM audit WHERE event = 'export' AND family_id = ?1"
		" AND detail = 'meeting minutes md privacy'", jansen), 1);
	FILE *f = fopen("/dev/null", "w");
	ck_assert_int_eq(meeting_export_minutes(fx.ctx, next_id, MEETING_MD, "de", false, f,
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(meeting_export_minutes(fx.ctx, "2030-01-01", MEETING_MD, "nl", false, f,
		&fx.err), CASUS_E_NOTFOUND);
	fclose(f);
}
END_TEST

START_TEST(mask_matches_the_screen)
{
	char out[128], ini[64];
	privacy_family_mask(fx.ctx, jansen, "Jansen", out, sizeof out);
	ck_assert_str_eq(out, "J. (12)");
	privacy_family_mask(fx.ctx, bakker, "Bakker", out, sizeof out);
	ck_assert_str_eq(out, "B.");
	privacy_initials("van der Berg-Çelik", ini, sizeof ini);
	ck_assert_str_eq(ini, "v.d.B.-Ç.");
	privacy_initials("  Anne  Marie ", ini, sizeof ini);
	ck_assert_str_eq(ini, "A.M.");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("meeting_export");
	TCase *tc = tcase_create("export");
	tcase_add_checked_fixture(tc, tm_setup, tm_teardown);
	tcase_add_test(tc, minutes_golden);
	tcase_add_test(tc, minutes_hold_the_besluitenlijst_and_actielijst);
	tcase_add_test(tc, privacy_masks_every_family_name);
	tcase_add_test(tc, export_is_logged_per_family);
	tcase_add_test(tc, mask_matches_the_screen);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
