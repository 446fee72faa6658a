/* Families: case numbers, input checks that leave the database untouched, phase
 * rules (regievoerder from intake on, closed is read-only until reopened), and
 * optimistic concurrency between two connections. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "casus/sha256.h"
#include "fixture.h"

static int64_t count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A fingerprint of every row and column of the tables a family write touches. */
struct snapshot {
	int64_t families, phases, fts, audits;
	char dump[65];
};

static void snapshot(sqlite3 *db, struct snapshot *s)
{
	s->families = count(db, "SELECT count(*) FROM family");
	s->phases = count(db, "SELECT count(*) FROM phase_change");
	s->fts = count(db, "SELECT count(*) FROM family_fts");
	s->audits = count(db, "SELECT count(*) FROM audit");
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT * FROM family ORDER BY rowid", -1, &st,
				 NULL), SQLITE_OK);
	struct sha256 h;
	sha256_init(&h);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			if (t)
				sha256_update(&h, t, (size_t)sqlite3_column_bytes(st, i));
			sha256_update(&h, t ? "\x1f" : "\x1e", 1);
		}
		sha256_update(&h, "\n", 1);
	}
	sqlite3_finalize(st);
	sha256_final_hex(&h, s->dump);
}

static void assert_same(const struct snapshot *a, const struct snapshot *b)
{
	ck_assert_int_eq(a->families, b->families);
	ck_assert_int_eq(a->phases, b->phases);
	ck_assert_int_eq(a->fts, b->fts);
	ck_assert_int_eq(a->audits, b->audits);
	ck_assert_str_eq(a->dump, b->dump);
}

/* ---- case numbers ---- */

START_TEST(case_numbers_count_up_within_the_year_of_casus_now)
{
	struct fixture fx;
	fx_setup(&fx);
	const char *names[] = { "Jansen", "van der Berg", "Çelik" };
	const char *expect[] = { "2026-0001", "2026-0002", "2026-0003" };
	for (int i = 0; i < 3; i++) {
		struct family f;
		struct family_new in = { .display_name = names[i], .framework = -1 };
		ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
		ck_assert_str_eq(f.case_no, expect[i]);
		ck_assert_str_eq(f.display_name, names[i]);
		ck_assert_int_eq(f.phase, PHASE_AANMELDING);
		ck_assert_str_eq(f.registered_on, "2026-11-23");
		ck_assert_str_eq(f.referral_source, "ouders");
		ck_assert_str_eq(f.referral_kind, "aanmelding");
		ck_assert_int_eq(f.framework, FRAMEWORK_VRIJWILLIG);
		ck_assert_int_eq(f.rev, 1);
		ck_assert_str_eq(f.regie_id, "");
		ck_assert_str_eq(f.updated_by_name, "Tessa Leider");
	}
	/* Lookup by case number and by id give the same family. */
	struct family a, b;
	ck_ok(family_get(fx.ctx, "2026-0002", &a, &fx.err));
	ck_ok(family_get(fx.ctx, a.id, &b, &fx.err));
	ck_assert_str_eq(a.display_name, "van der Berg");
	ck_assert_str_eq(b.case_no, "2026-0002");
	ck_assert_int_eq(family_get(fx.ctx, "2026-0099", &a, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "2026-0099"));

	/* A new year starts at 0001 again. */
	setenv("CASUS_NOW", "2027-01-04T08:30:00Z", 1);
	struct family f;
	struct family_new in = { .display_name = "Visser", .framework = -1 };
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	ck_assert_str_eq(f.case_no, "2027-0001");
	ck_assert_str_eq(f.registered_on, "2027-01-04");
	setenv("CASUS_NOW", "2026-11-23T09:00:00Z", 1);
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	ck_assert_str_eq(f.case_no, "2026-0004");
	fx_teardown(&fx);
}
END_TEST

START_TEST(a_family_add_records_phase_and_search_entry)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f;
	struct family_new in = { .display_name = "van der Berg-Çelik", .referral_kind = "zorgmelding",
		.referral_source = "veilig_thuis", .triage = 'B', .framework = FRAMEWORK_DRANG,
		.registered_on = "2026-10-01", .address = "Kerkstraat 1, Zwolle",
		.phone = "038-1234567" };
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	ck_assert_str_eq(f.referral_kind, "zorgmelding");
	ck_assert_str_eq(f.referral_source, "veilig_thuis");
	ck_assert_int_eq(f.triage, 'B');
	ck_assert_int_eq(f.framework, FRAMEWORK_DRANG);
	ck_assert_str_eq(f.registered_on, "2026-10-01");
	ck_assert_str_eq(f.address, "Kerkstraat 1, Zwolle");
	ck_assert_str_eq(f.phone, "038-1234567");
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM family WHERE sort_name = 'berg-celik, van der'"), 1);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM phase_change WHERE"
		" from_phase IS NULL AND to_phase = 'aanmelding'"), 1);
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM family_fts WHERE family_fts MATCH 'celik'"), 1);
	fx_teardown(&fx);
}
END_TEST

START_TEST(search_finds_names_typed_without_diacritics)
{
	struct fixture fx;
	fx_setup(&fx);
	const char *names[] = { "Ødegaard", "Yılmaz", "Łukasiewicz", "Çelik", "Strauß", "Jansen" };
	for (int i = 0; i < 6; i++)
		fx_family(&fx, names[i], NULL);
	/* What a coach types, and the one family it must find. */
	const char *typed[][2] = {
		{ "odegaard", "Ødegaard" }, { "ødeg", "Ødegaard" }, { "yilmaz", "Yılmaz" },
		{ "YILM", "Yılmaz" }, { "lukas", "Łukasiewicz" }, { "celik", "Çelik" },
		{ "strauss", "Strauß" }, { "jans", "Jansen" }, { "2026-0004", "Çelik" },
	};
	for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
		struct family_query q = { .phase = -1, .search = typed[i][0] };
		struct family_row rows[4];
		int n = 0;
		ck_ok(family_list_page(fx.ctx, &q, 0, 4, rows, &n, &fx.err));
		ck_assert_msg(n == 1, "'%s' found %d families", typed[i][0], n);
		ck_assert_str_eq(rows[0].display_name, typed[i][1]);
	}
	/* Renaming re-indexes: the old name is no longer found, the new one is. */
	struct family f;
	ck_ok(family_get(fx.ctx, "2026-0001", &f, &fx.err));
	snprintf(f.display_name, sizeof f.display_name, "Søndergaard");
	ck_ok(family_update(fx.ctx, &f, &fx.err));
	int64_t n = -1;
	struct family_query q = { .phase = -1, .search = "odegaard" };
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 0);
	q.search = "sondergaard";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM family_fts"), 6);
	fx_teardown(&fx);
}
END_TEST

/* ---- bad input ---- */

struct bad_case {
	const char *what;
	struct family_new in;
	const char *needle; /* in the message */
};

START_TEST(bad_input_is_refused_with_a_message_and_changes_nothing)
{
	struct fixture fx;
	fx_setup(&fx);
	fx_family(&fx, "Jansen", NULL); /* so the dump has content */
	char *huge = malloc(10001);
	ck_assert_ptr_nonnull(huge);
	memset(huge, 'x', 10000);
	huge[10000] = '\0';
	char long_address[400];
	memset(long_address, 'a', 301);
	long_address[301] = '\0';
	const struct bad_case cases[] = {
		{ "10,000-character name", { .display_name = huge, .framework = -1 },
			"too long: 10000 characters, at most 200" },
		{ "invalid UTF-8", { .display_name = "Jans\xff\xfe" "en", .framework = -1 },
			"invalid UTF-8" },
		{ "overlong UTF-8", { .display_name = "\xc0\xafJansen", .framework = -1 },
			"invalid UTF-8" },
		{ "empty name", { .display_name = "", .framework = -1 }, "The family name is required" },
		{ "blank name", { .display_name = "   ", .framework = -1 }, "The family name is required" },
		{ "no name", { .display_name = NULL, .framework = -1 }, "The family name is required" },
		{ "newline in name", { .display_name = "Jansen\nDROP", .framework = -1 }, "single line" },
		{ "escape in name", { .display_name = "Jansen\x1b[2J", .framework = -1 }, "single line" },
		{ "triage E", { .display_name = "Jansen", .triage = 'E', .framework = -1 },
			"triage level must be A, B, C or D" },
		{ "unknown referral source", { .display_name = "Jansen", .referral_source = "buurvrouw",
			.framework = -1 }, "Unknown referral source 'buurvrouw'" },
		{ "unknown referral kind", { .display_name = "Jansen", .referral_kind = "brief",
			.framework = -1 }, "kind of referral" },
		{ "future registration", { .display_name = "Jansen", .registered_on = "2026-11-24",
			.framework = -1 }, "lies in the future" },
		{ "malformed date", { .display_name = "Jansen", .registered_on = "23-11-2026",
			.framework = -1 }, "YYYY-MM-DD" },
		{ "impossible date", { .display_name = "Jansen", .registered_on = "2026-02-30",
			.framework = -1 }, "YYYY-MM-DD" },
		{ "date with trailing text", { .display_name = "Jansen", .registered_on = "2026-01-01x",
			.framework = -1 }, "YYYY-MM-DD" },
		{ "address too long", { .display_name = "Jansen", .address = long_address,
			.framework = -1 }, "The address is too long" },
		{ "unknown framework", { .display_name = "Jansen", .framework = 7 }, "Unknown framework" },
	};
	struct snapshot before, after;
	snapshot(fx.ctx->db, &before);
	ck_assert_int_eq(before.families, 1);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct family f;
		memset(&fx.err, 0, sizeof fx.err);
		enum casus_rc rc = family_add(fx.ctx, &cases[i].in, &f, &fx.err);
		ck_assert_msg(rc == CASUS_E_INVALID, "%s: rc %d (%s)", cases[i].what, rc, fx.err.msg);
		ck_assert_msg(strstr(fx.err.msg, cases[i].needle) != NULL, "%s: message '%s' lacks '%s'",
			cases[i].what, fx.err.msg, cases[i].needle);
		snapshot(fx.ctx->db, &after);
		assert_same(&before, &after);
	}
	ck_assert_int_eq(fx.ctx->tx_depth, 0);
	/* The same checks guard family_update; the stored row stays as it was. */
	struct family f;
	ck_ok(family_get(fx.ctx, "2026-0001", &f, &fx.err));
	struct family keep = f;
	snprintf(f.display_name, sizeof f.display_name, "%s", "Jansen\nde Vries");
	ck_assert_int_eq(family_update(fx.ctx, &f, &fx.err), CASUS_E_INVALID);
	f = keep;
	snprintf(f.first_visit_on, sizeof f.first_visit_on, "2027-01-01");
	ck_assert_int_eq(family_update(fx.ctx, &f, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "first home visit"));
	f = keep;
	f.triage = 'Z';
	ck_assert_int_eq(family_update(fx.ctx, &f, &fx.err), CASUS_E_INVALID);
	snapshot(fx.ctx->db, &after);
	assert_same(&before, &after);
	free(huge);
	fx_teardown(&fx);
}
END_TEST

START_TEST(names_at_the_limit_and_with_diacritics_are_accepted)
{
	struct fixture fx;
	fx_setup(&fx);
	char name[200 * 2 + 1]; /* 200 two-byte characters */
	for (int i = 0; i < 200; i++)
		memcpy(name + 2 * i, "ë", 2);
	name[400] = '\0';
	struct family f;
	struct family_new in = { .display_name = name, .framework = -1 };
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	ck_assert_str_eq(f.display_name, name);
	in.display_name = "Zoë Ødegaard-Çelik";
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	ck_assert_str_eq(f.display_name, "Zoë Ødegaard-Çelik");
	fx_teardown(&fx);
}
END_TEST

/* ---- phases ---- */

struct phases {
	int n;
	struct phase_change_row r[8];
};

static int collect_phase(void *arg, const struct phase_change_row *row)
{
	struct phases *p = arg;
	ck_assert_int_lt(p->n, 8);
	p->r[p->n++] = *row;
	return 0;
}

START_TEST(intake_needs_a_regievoerder)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Jansen", id);
	struct family f;
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	struct snapshot before, after;
	snapshot(fx.ctx->db, &before);
	ck_assert_int_eq(family_set_phase(fx.ctx, &f, PHASE_INTAKE, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "no regievoerder"));
	ck_assert_int_eq(family_set_phase(fx.ctx, &f, PHASE_UITVOERING, NULL, &fx.err),
		CASUS_E_STATE);
	snapshot(fx.ctx->db, &after);
	assert_same(&before, &after);
	ck_assert_int_eq(f.phase, PHASE_AANMELDING);
	/* Closing goes through family_close, not set_phase. */
	ck_assert_int_eq(family_set_phase(fx.ctx, &f, PHASE_AFGESLOTEN, NULL, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(family_set_phase(fx.ctx, &f, PHASE_AANMELDING, NULL, &fx.err),
		CASUS_E_STATE);

	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_INTAKE, "intake gepland", &fx.err));
	ck_assert_int_eq(f.phase, PHASE_INTAKE);
	ck_assert_int_eq(f.rev, 3);
	struct phases ph = { 0 };
	ck_ok(family_phase_history(fx.ctx, f.id, collect_phase, &ph, &fx.err));
	ck_assert_int_eq(ph.n, 2);
	ck_assert_str_eq(ph.r[1].from, "aanmelding");
	ck_assert_str_eq(ph.r[1].to, "intake");
	ck_assert_str_eq(ph.r[1].reason, "intake gepland");
	ck_assert_str_eq(ph.r[1].by_login, casus_unix_login());
	ck_assert_str_eq(ph.r[1].changed_on, "2026-11-23T09:00:00Z");
	fx_teardown(&fx);
}
END_TEST

START_TEST(closed_family_is_read_only_until_reopened)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "de Vries", id);
	struct family f;
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach2", NULL, &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_INTAKE, NULL, &fx.err));
	ck_ok(family_close(fx.ctx, &f, "doelen bereikt", &fx.err));
	ck_assert_int_eq(f.phase, PHASE_AFGESLOTEN);
	ck_assert_str_eq(f.closed_on, "2026-11-23");
	ck_assert_int_eq(f.reopen_count, 0);

	struct snapshot before, after;
	snapshot(fx.ctx->db, &before);
	struct family edit = f;
	snprintf(edit.address, sizeof edit.address, "Nieuwe straat 5");
	ck_assert_int_eq(family_update(fx.ctx, &edit, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "closed"));
	ck_assert_int_eq(family_set_phase(fx.ctx, &f, PHASE_PLAN, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "reopen"));
	ck_assert_int_eq(family_close(fx.ctx, &f, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(regie_handover(fx.ctx, &f, "coach1", NULL, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(family_require_open(fx.ctx, f.id, &fx.err), CASUS_E_STATE);
	snapshot(fx.ctx->db, &after);
	assert_same(&before, &after);

	ck_ok(family_reopen(fx.ctx, &f, "nieuwe zorgen", &fx.err));
	ck_assert_int_eq(f.phase, PHASE_INTAKE);
	ck_assert_int_eq(f.reopen_count, 1);
	ck_assert_str_eq(f.closed_on, "");
	ck_assert_int_eq(family_reopen(fx.ctx, &f, NULL, &fx.err), CASUS_E_STATE);
	ck_ok(family_require_open(fx.ctx, f.id, &fx.err));
	edit = f;
	snprintf(edit.address, sizeof edit.address, "Nieuwe straat 5");
	ck_ok(family_update(fx.ctx, &edit, &fx.err));
	ck_assert_str_eq(edit.address, "Nieuwe straat 5");

	/* Close and reopen once more: counted again. */
	ck_ok(family_close(fx.ctx, &edit, NULL, &fx.err));
	ck_ok(family_reopen(fx.ctx, &edit, NULL, &fx.err));
	ck_assert_int_eq(edit.reopen_count, 2);

	struct phases ph = { 0 };
	ck_ok(family_phase_history(fx.ctx, f.id, collect_phase, &ph, &fx.err));
	ck_assert_int_eq(ph.n, 6);
	const char *from[] = { "", "aanmelding", "intake", "afgesloten", "intake", "afgesloten" };
	const char *to[] = { "aanmelding", "intake", "afgesloten", "intake", "afgesloten", "intake" };
	for (int i = 0; i < 6; i++) {
		ck_assert_str_eq(ph.r[i].from, from[i]);
		ck_assert_str_eq(ph.r[i].to, to[i]);
	}
	ck_assert_str_eq(ph.r[2].reason, "doelen bereikt");
	ck_assert_str_eq(ph.r[3].reason, "nieuwe zorgen");
	fx_teardown(&fx);
}
END_TEST

/* ---- concurrency ---- */

START_TEST(second_save_conflicts_and_names_the_first_editor)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Bakker", id);
	struct casus_ctx *carla = fx_second(&fx, "coach1"); /* Carla Coach */
	struct family mine, hers;
	ck_ok(family_get(fx.ctx, id, &mine, &fx.err));
	ck_ok(family_get(carla, id, &hers, &fx.err));
	ck_assert_int_eq(mine.rev, hers.rev);

	snprintf(hers.address, sizeof hers.address, "Dorpsstraat 1");
	ck_ok(family_update(carla, &hers, &fx.err));
	ck_assert_int_eq(hers.rev, 2);

	struct snapshot before, after;
	snapshot(fx.ctx->db, &before);
	snprintf(mine.address, sizeof mine.address, "Stationsweg 99");
	snprintf(mine.phone, sizeof mine.phone, "06-11111111");
	ck_assert_int_eq(family_update(fx.ctx, &mine, &fx.err), CASUS_E_CONFLICT);
	ck_assert_int_eq(fx.err.rc, CASUS_E_CONFLICT);
	ck_assert_msg(strstr(fx.err.msg, "Carla Coach") != NULL, "no name in '%s'", fx.err.msg);
	ck_assert_msg(strstr(fx.err.msg, "coach1") != NULL, "no login in '%s'", fx.err.msg);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "2026-0001"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "2026-11-23T09:00:00Z"));
	/* No lost update: Carla's value is stored, nothing of mine. */
	snapshot(fx.ctx->db, &after);
	assert_same(&before, &after);
	struct family stored;
	ck_ok(family_get(fx.ctx, id, &stored, &fx.err));
	ck_assert_str_eq(stored.address, "Dorpsstraat 1");
	ck_assert_str_eq(stored.phone, "");
	ck_assert_int_eq(stored.rev, 2);
	ck_assert_str_eq(stored.updated_by_login, "coach1");
	/* My unsaved text is still in my copy, so the UI can offer it again. */
	ck_assert_str_eq(mine.address, "Stationsweg 99");
	ck_assert_int_eq(mine.rev, 1);

	/* After reloading, my change goes through on top of hers. */
	snprintf(stored.phone, sizeof stored.phone, "06-11111111");
	ck_ok(family_update(fx.ctx, &stored, &fx.err));
	ck_assert_int_eq(stored.rev, 3);
	ck_assert_str_eq(stored.address, "Dorpsstraat 1");
	ck_assert_str_eq(stored.phone, "06-11111111");
	/* And now Carla's copy is the stale one; her message names me. */
	snprintf(hers.address, sizeof hers.address, "Elders 2");
	ck_assert_int_eq(family_update(carla, &hers, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Tessa Leider"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, casus_unix_login()));
	casus_close(carla);
	fx_teardown(&fx);
}
END_TEST

START_TEST(stale_phase_change_and_close_conflict)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Visser", id);
	struct family mine;
	ck_ok(family_get(fx.ctx, id, &mine, &fx.err));
	ck_ok(regie_assign(fx.ctx, &mine, "coach1", NULL, &fx.err));
	struct casus_ctx *carla = fx_second(&fx, "coach1");
	struct family hers;
	ck_ok(family_get(carla, id, &hers, &fx.err));
	hers.triage = 'A';
	ck_ok(family_update(carla, &hers, &fx.err));

	struct snapshot before, after;
	snapshot(fx.ctx->db, &before);
	ck_assert_int_eq(family_set_phase(fx.ctx, &mine, PHASE_INTAKE, NULL, &fx.err),
		CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Carla Coach"));
	ck_assert_int_eq(family_close(fx.ctx, &mine, NULL, &fx.err), CASUS_E_CONFLICT);
	ck_assert_int_eq(regie_handover(fx.ctx, &mine, "coach2", NULL, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Carla Coach"));
	snapshot(fx.ctx->db, &after);
	assert_same(&before, &after);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie"), 1);
	struct family stored;
	ck_ok(family_get(fx.ctx, id, &stored, &fx.err));
	ck_assert_int_eq(stored.phase, PHASE_AANMELDING);
	ck_assert_int_eq(stored.triage, 'A');
	ck_assert_str_eq(stored.regie_login, "coach1");
	casus_close(carla);
	fx_teardown(&fx);
}
END_TEST

/* ---- reading ---- */

static int count_reads(void *arg, const struct audit_row *row)
{
	if (strcmp(row->event, "read") == 0)
		++*(int *)arg;
	return 0;
}

START_TEST(open_logs_a_read_but_get_does_not)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Smit", id);
	int64_t n = count(fx.ctx->db, "SELECT count(*) FROM audit");
	struct family f;
	ck_ok(family_get(fx.ctx, "2026-0001", &f, &fx.err));
	ck_ok(family_get(fx.ctx, id, &f, &fx.err));
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), n);
	ck_ok(family_open(fx.ctx, "2026-0001", &f, &fx.err));
	ck_assert_str_eq(f.display_name, "Smit");
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), n + 1);
	int reads = 0;
	struct audit_filter flt = { .family_id = id };
	ck_ok(audit_each(fx.ctx, &flt, count_reads, &reads, &fx.err));
	ck_assert_int_eq(reads, 1);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit WHERE event = 'read'"
		" AND object_type = 'family' AND family_id IS NOT NULL AND seq = (SELECT max(seq)"
		" FROM audit)"), 1);
	/* Opening a family that does not exist logs nothing. */
	ck_assert_int_eq(family_open(fx.ctx, "2026-0404", &f, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), n + 1);
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("family");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, case_numbers_count_up_within_the_year_of_casus_now);
	tcase_add_test(tc, a_family_add_records_phase_and_search_entry);
	tcase_add_test(tc, search_finds_names_typed_without_diacritics);
	tcase_add_test(tc, bad_input_is_refused_with_a_message_and_changes_nothing);
	tcase_add_test(tc, names_at_the_limit_and_with_diacritics_are_accepted);
	tcase_add_test(tc, intake_needs_a_regievoerder);
	tcase_add_test(tc, closed_family_is_read_only_until_reopened);
	tcase_add_test(tc, second_save_conflicts_and_names_the_first_editor);
	tcase_add_test(tc, stale_phase_change_and_close_conflict);
	tcase_add_test(tc, open_logs_a_read_but_get_does_not);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
