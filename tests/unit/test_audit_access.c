/* Access-log rows for reading: opening a family, its plan and a meldcode trajectory,
 * exporting, searching (one row per search session), reading the log a page at a
 * time with its filters, and breaking the glass on a confidential note. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/member.h"
#include "casus/note.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "casus/setting.h"
#include "casus/text.h"
#include "test_meldcode.h"

#define MAX_ROWS 16

/* The newest n rows, newest first (read as the teamleider, then back to `as`). */
static int newest(struct audit_row *rows, int n, const char *as)
{
	int got = 0;
	fx_act_as_leader(&fx);
	ck_ok(audit_page(fx.ctx, NULL, 0, n, rows, &got, &fx.err));
	fx_act_as(&fx, as);
	return got;
}

static int64_t rows_total(void)
{
	return mc_q_int("SELECT count(*) FROM audit", NULL);
}

/* Fields every row of the acting coach1 has. */
static void assert_actor(const struct audit_row *r)
{
	ck_assert_str_eq(r->login, "coach1");
	ck_assert_str_eq(r->workstation, "local");
	ck_assert_str_eq(r->at, "2026-11-23T09:00:00Z");
}

START_TEST(opening_a_family_plan_and_trajectory_is_logged)
{
	struct audit_row r[MAX_ROWS];
	struct family f;
	snprintf(fx.ctx->on_behalf, sizeof fx.ctx->on_behalf, "tl-real");
	ck_ok(family_open(fx.ctx, fam, &f, &fx.err));
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	assert_actor(&r[0]);
	ck_assert_str_eq(r[0].event, "read");
	ck_assert_str_eq(r[0].on_behalf, "tl-real");
	ck_assert_str_eq(r[0].family_id, fam);
	ck_assert_str_eq(r[0].case_no, f.case_no);
	ck_assert_str_eq(r[0].object_type, "family");
	ck_assert_str_eq(r[0].object_id, fam);
	fx.ctx->on_behalf[0] = '\0';

	/* No plan yet: nothing was read, nothing logged. */
	struct plan p = PLAN_INIT;
	int64_t before = rows_total();
	ck_assert_int_eq(plan_open(fx.ctx, fam, PLAN_LATEST, &p, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_int_eq(rows_total(), before);
	bool created;
	ck_ok(plan_draft(fx.ctx, fam, &p, &created, &fx.err));
	plan_clear(&p);
	ck_ok(plan_open(fx.ctx, f.case_no, PLAN_LATEST, &p, &fx.err));
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	assert_actor(&r[0]);
	ck_assert_str_eq(r[0].event, "read");
	ck_assert_str_eq(r[0].on_behalf, "");
	ck_assert_str_eq(r[0].family_id, fam);
	ck_assert_str_eq(r[0].object_type, "plan");
	ck_assert_str_eq(r[0].object_id, p.id);
	ck_assert_str_eq(r[0].detail, "plan opened (version 1)");
	plan_clear(&p);

	struct meldcode m;
	ck_ok(meldcode_show(fx.ctx, traj, &m, &fx.err));
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	assert_actor(&r[0]);
	ck_assert_str_eq(r[0].event, "read");
	ck_assert_str_eq(r[0].family_id, fam);
	ck_assert_str_eq(r[0].object_type, "meldcode");
	ck_assert_str_eq(r[0].object_id, traj);
	ck_assert_str_eq(r[0].detail, "trajectory opened");
	before = rows_total();
	ck_assert_int_eq(meldcode_show(fx.ctx, "no-such-id", &m, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_int_eq(rows_total(), before);
}
END_TEST

START_TEST(exporting_a_plan_is_logged)
{
	struct audit_row r[MAX_ROWS];
	struct plan p = PLAN_INIT;
	bool created;
	ck_ok(plan_draft(fx.ctx, fam, &p, &created, &fx.err));
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	ck_ok(plan_export(fx.ctx, fam, PLAN_LATEST, PLAN_FORMAT_JSON, "en", out, &fx.err));
	fclose(out);
	free(buf);
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	assert_actor(&r[0]);
	ck_assert_str_eq(r[0].event, "export");
	ck_assert_str_eq(r[0].family_id, fam);
	ck_assert_str_eq(r[0].object_type, "plan");
	ck_assert_str_eq(r[0].object_id, p.id);
	plan_clear(&p);
}
END_TEST

START_TEST(a_search_is_logged_with_term_and_results)
{
	struct audit_row r[MAX_ROWS];
	int64_t before = rows_total();
	ck_ok(audit_search(fx.ctx, "", 0, &fx.err));
	ck_ok(audit_search(fx.ctx, NULL, 0, &fx.err));
	ck_assert_int_eq(rows_total(), before); /* no term, no search */
	ck_assert_int_eq(audit_search(fx.ctx, "ja\xff", 0, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(rows_total(), before); /* broken text is refused, not logged */
	ck_ok(audit_search(fx.ctx, "jansen", 1, &fx.err));
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	assert_actor(&r[0]);
	ck_assert_str_eq(r[0].event, "search");
	ck_assert_str_eq(r[0].family_id, "");
	ck_assert_str_eq(r[0].object_type, "family");
	ck_assert_str_eq(r[0].object_id, "");
	ck_assert_str_eq(r[0].detail, "1 result: jansen");
	ck_ok(audit_search(fx.ctx, "zz\ttop\x01", 0, &fx.err));
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	ck_assert_str_eq(r[0].detail, "0 results: zz?top?"); /* one line per row */

	/* A long term is cut on a character boundary. */
	char longterm[700] = "";
	for (int i = 0; i < 300; i++)
		strcat(longterm, "é");
	ck_ok(audit_search(fx.ctx, longterm, 2, &fx.err));
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	const char *t = strchr(r[0].detail, ':') + 2;
	ck_assert_int_eq(strlen(t), 254);
	ck_assert(text_valid_utf8(r[0].detail));
}
END_TEST

START_TEST(a_search_session_gives_one_row)
{
	struct audit_row r[MAX_ROWS];
	struct audit_search_session s = { 0 };
	int64_t before = rows_total();
	/* Outside a session nothing is noted. */
	audit_search_seen(&s, "jan", 3);
	ck_ok(audit_search_end(fx.ctx, &s, &fx.err));
	ck_assert_int_eq(rows_total(), before);

	/* Typing j, ja, jan, jans: one row, for the last term, with its results. */
	audit_search_begin(&s, NULL);
	audit_search_seen(&s, "j", 9);
	audit_search_seen(&s, "ja", 4);
	audit_search_seen(&s, "jan", 2);
	audit_search_seen(&s, "jans", 1);
	ck_assert_int_eq(rows_total(), before);
	ck_ok(audit_search_end(fx.ctx, &s, &fx.err));
	ck_assert_int_eq(rows_total(), before + 1);
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	ck_assert_str_eq(r[0].event, "search");
	ck_assert_str_eq(r[0].detail, "1 result: jans");
	/* Ended: a second end, or a refresh of the same results, adds nothing. */
	ck_ok(audit_search_end(fx.ctx, &s, &fx.err));
	audit_search_seen(&s, "jans", 1);
	ck_ok(audit_search_end(fx.ctx, &s, &fx.err));
	ck_assert_int_eq(rows_total(), before + 1);

	/* Opening the search again and leaving it unchanged is no new search, even when
	 * the list is refreshed meanwhile. */
	audit_search_begin(&s, "jans");
	audit_search_seen(&s, "jans", 1);
	ck_ok(audit_search_end(fx.ctx, &s, &fx.err));
	ck_assert_int_eq(rows_total(), before + 1);

	/* Typing and erasing it all still searched: the last term that showed results. */
	audit_search_begin(&s, "");
	audit_search_seen(&s, "p", 5);
	audit_search_seen(&s, "pe", 2);
	audit_search_seen(&s, "", 40);
	ck_ok(audit_search_end(fx.ctx, &s, &fx.err));
	ck_assert_int_eq(newest(r, 1, "coach1"), 1);
	ck_assert_str_eq(r[0].detail, "2 results: pe");
	ck_assert_int_eq(rows_total(), before + 2);

	/* Changing the term and coming back to the one in force is still a search. */
	audit_search_begin(&s, "pe");
	audit_search_seen(&s, "pet", 0);
	audit_search_seen(&s, "pe", 2);
	ck_ok(audit_search_end(fx.ctx, &s, &fx.err));
	ck_assert_int_eq(rows_total(), before + 3);
}
END_TEST

static int count_row(void *arg, const struct audit_row *row)
{
	(void)row;
	++*(int64_t *)arg;
	return 0;
}

START_TEST(reading_the_log_by_page_with_filters)
{
	struct audit_row r[MAX_ROWS];
	int n = 0;
	int64_t count = 0;
	/* Only a teamleider reads the log. */
	ck_assert_int_eq(audit_count(fx.ctx, NULL, &count, &fx.err), CASUS_E_PERM);
	ck_assert_int_eq(audit_page(fx.ctx, NULL, 0, 5, r, &n, &fx.err), CASUS_E_PERM);
	ck_assert_int_eq(n, 0);
	struct family f;
	ck_ok(family_open(fx.ctx, fam, &f, &fx.err));
	fx_act_as_leader(&fx);
	int64_t all = mc_q_int("SELECT count(*) FROM audit", NULL);
	ck_ok(audit_count(fx.ctx, NULL, &count, &fx.err));
	ck_assert_int_eq(count, all);
	/* Newest first, paged. */
	ck_ok(audit_page(fx.ctx, NULL, 0, 3, r, &n, &fx.err));
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(r[0].seq, all);
	ck_assert_int_eq(r[2].seq, all - 2);
	ck_ok(audit_page(fx.ctx, NULL, all - 2, 5, r, &n, &fx.err));
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(r[0].seq, 2);
	ck_assert_int_eq(r[1].seq, 1);
	/* By family and user. */
	struct audit_filter by = { .family_id = fam, .login = "coach1" };
	ck_ok(audit_count(fx.ctx, &by, &count, &fx.err));
	ck_assert_int_eq(count, mc_q_int("SELECT count(*) FROM audit WHERE family_id = ?1"
		" AND login = 'coach1'", fam));
	ck_ok(audit_page(fx.ctx, &by, 0, MAX_ROWS, r, &n, &fx.err));
	ck_assert_int_eq(n, count);
	ck_assert_str_eq(r[0].event, "read");
	for (int i = 0; i < n; i++) {
		ck_assert_str_eq(r[i].login, "coach1");
		ck_assert_str_eq(r[i].family_id, fam);
	}
	/* By period: since is inclusive, until exclusive. */
	struct audit_filter today = { .since = "2026-11-23T00:00:00Z",
		.until = "2026-11-24T00:00:00Z" };
	ck_ok(audit_count(fx.ctx, &today, &count, &fx.err));
	ck_assert_int_eq(count, all);
	struct audit_filter before = { .until = "2026-11-23T09:00:00Z" };
	ck_ok(audit_count(fx.ctx, &before, &count, &fx.err));
	ck_assert_int_eq(count, 0);
	struct audit_filter later = { .since = "2026-11-23T09:00:01Z" };
	ck_ok(audit_page(fx.ctx, &later, 0, 5, r, &n, &fx.err));
	ck_assert_int_eq(n, 0);
	/* audit_each takes the same period. */
	count = 0;
	ck_ok(audit_each(fx.ctx, &before, count_row, &count, &fx.err));
	ck_assert_int_eq(count, 0);
	count = 0;
	ck_ok(audit_each(fx.ctx, &today, count_row, &count, &fx.err));
	ck_assert_int_eq(count, all);
}
END_TEST

/* ---- break-glass ---- */

static char secret[CASUS_ID_LEN], open_note[CASUS_ID_LEN];

/* A confidential note and an ordinary one by gw1; the restriction on; coach2 (not
 * the regievoerder, who is coach1) acts. */
static void glass_setup(void)
{
	mc_setup();
	fx_act_as_leader(&fx);
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", "eerste regievoerder", &fx.err));
	ck_ok(setting_set(fx.ctx, "privacy.restrict_confidential_notes", "1", &fx.err));
	fx_act_as(&fx, "gw1");
	struct note n;
	struct note_new in = { .kind = NOTE_HYPOTHESIS, .body = "Vermoeden van huiselijk geweld.",
		.confidential = true };
	ck_ok(note_add(fx.ctx, fam, &in, &n, &fx.err));
	memcpy(secret, n.id, CASUS_ID_LEN);
	note_free(&n);
	struct note_new in2 = { .kind = NOTE_FACT, .body = "Huisbezoek gedaan." };
	ck_ok(note_add(fx.ctx, fam, &in2, &n, &fx.err));
	memcpy(open_note, n.id, CASUS_ID_LEN);
	note_free(&n);
	fx_act_as(&fx, "coach2");
}

static int64_t breakglass_rows(void)
{
	return mc_q_int("SELECT count(*) FROM audit WHERE event = 'breakglass'", NULL);
}

START_TEST(breaking_the_glass_needs_a_reason)
{
	struct note n;
	ck_ok(note_get(fx.ctx, secret, &n, &fx.err));
	ck_assert(n.withheld);
	ck_assert_str_eq(n.body, "");
	note_free(&n);
	int64_t before = rows_total();
	ck_assert_int_eq(note_break_glass(fx.ctx, secret, NULL, &n, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "reason"));
	ck_assert_ptr_null(n.body);
	ck_assert_int_eq(note_break_glass(fx.ctx, secret, "", &n, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(note_break_glass(fx.ctx, secret, "   ", &n, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(note_break_glass(fx.ctx, secret, "two\nlines", &n, &fx.err),
		CASUS_E_INVALID);
	char too_long[NOTE_BREAKGLASS_REASON_MAX + 2];
	memset(too_long, 'x', sizeof too_long - 1);
	too_long[sizeof too_long - 1] = '\0';
	ck_assert_int_eq(note_break_glass(fx.ctx, secret, too_long, &n, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(note_break_glass(fx.ctx, "no-such-note", "spoed", &n, &fx.err),
		CASUS_E_NOTFOUND);
	ck_assert_int_eq(rows_total(), before);
}
END_TEST

START_TEST(breaking_the_glass_reads_and_flags_the_log)
{
	struct note n;
	struct audit_row r[MAX_ROWS];
	ck_ok(note_break_glass(fx.ctx, secret, "Regievoerder ziek, kind in gevaar", &n, &fx.err));
	ck_assert(!n.withheld);
	ck_assert_str_eq(n.body, "Vermoeden van huiselijk geweld.");
	note_free(&n);
	ck_assert_int_eq(newest(r, 1, "coach2"), 1);
	ck_assert_str_eq(r[0].event, "breakglass");
	ck_assert_str_eq(r[0].login, "coach2");
	ck_assert_str_eq(r[0].workstation, "local");
	ck_assert_str_eq(r[0].family_id, fam);
	ck_assert_str_eq(r[0].object_type, "note");
	ck_assert_str_eq(r[0].object_id, secret);
	ck_assert_str_eq(r[0].detail, "reason: Regievoerder ziek, kind in gevaar");
	ck_assert(audit_row_flagged(&r[0]));
	ck_assert_int_eq(breakglass_rows(), 1);
	/* The note itself stays withheld for ordinary reads afterwards. */
	ck_ok(note_get(fx.ctx, secret, &n, &fx.err));
	ck_assert(n.withheld);
	note_free(&n);
	/* Ordinary rows are not flagged. */
	ck_assert_int_eq(newest(r, 2, "coach2"), 2);
	ck_assert(!audit_row_flagged(&r[1]));
}
END_TEST

START_TEST(no_glass_to_break_for_readers_with_the_right)
{
	struct note n;
	/* A note that is not confidential. */
	ck_ok(note_break_glass(fx.ctx, open_note, NULL, &n, &fx.err));
	ck_assert_str_eq(n.body, "Huisbezoek gedaan.");
	note_free(&n);
	/* The regievoerder, a gedragswetenschapper and the teamleider read it anyway. */
	const char *who[] = { "coach1", "gw1" };
	for (int i = 0; i < 2; i++) {
		fx_act_as(&fx, who[i]);
		ck_ok(note_break_glass(fx.ctx, secret, NULL, &n, &fx.err));
		ck_assert_str_eq(n.body, "Vermoeden van huiselijk geweld.");
		note_free(&n);
	}
	fx_act_as_leader(&fx);
	ck_ok(note_break_glass(fx.ctx, secret, "", &n, &fx.err));
	note_free(&n);
	/* Without the restriction everyone reads it. */
	ck_ok(setting_set(fx.ctx, "privacy.restrict_confidential_notes", "0", &fx.err));
	fx_act_as(&fx, "coach2");
	ck_ok(note_break_glass(fx.ctx, secret, NULL, &n, &fx.err));
	ck_assert(!n.withheld);
	note_free(&n);
	ck_assert_int_eq(breakglass_rows(), 0);
}
END_TEST

START_TEST(a_member_no_longer_active_cannot_break_the_glass)
{
	struct casus_ctx *leader = fx_second(&fx, casus_unix_login());
	struct member_change ch = { .role = -1, .aandacht = -1, .active = 0 };
	ck_ok(member_change(leader, "coach2", &ch, NULL, &fx.err));
	casus_close(leader);
	struct note n;
	ck_assert_int_eq(note_break_glass(fx.ctx, secret, "spoed", &n, &fx.err), CASUS_E_PERM);
	ck_assert_ptr_null(n.body);
	ck_assert_int_eq(breakglass_rows(), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("audit_access");
	TCase *tc = tcase_create("reads");
	tcase_add_checked_fixture(tc, mc_setup, mc_teardown);
	tcase_add_test(tc, opening_a_family_plan_and_trajectory_is_logged);
	tcase_add_test(tc, exporting_a_plan_is_logged);
	tcase_add_test(tc, a_search_is_logged_with_term_and_results);
	tcase_add_test(tc, a_search_session_gives_one_row);
	tcase_add_test(tc, reading_the_log_by_page_with_filters);
	suite_add_tcase(s, tc);
	TCase *bg = tcase_create("breakglass");
	tcase_add_checked_fixture(bg, glass_setup, mc_teardown);
	tcase_add_test(bg, breaking_the_glass_needs_a_reason);
	tcase_add_test(bg, breaking_the_glass_reads_and_flags_the_log);
	tcase_add_test(bg, no_glass_to_break_for_readers_with_the_right);
	tcase_add_test(bg, a_member_no_longer_active_cannot_break_the_glass);
	suite_add_tcase(s, bg);
	return fx_run(s);
}
