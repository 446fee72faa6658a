/* Persons: the BSN elfproef, masking and logged reveal, validation of names and
 * birth dates, the family order, the search index and concurrent updates. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/family.h"
#include "casus/person.h"
#include "casus/family.h"
#include "casus/regie.h"
#include "fixture.h"

static struct fixture fx;
static char fam[CASUS_ID_LEN];

static void setup(void)
{
	fx_setup(&fx);
	fx_family(&fx, "Jansen", fam);
}

static void teardown(void)
{
	fx_teardown(&fx);
}

/* One integer from a query with an optional text parameter (tests may build SQL). */
static long long q_int(const char *sql, const char *arg)
{
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void add(const char *given, const char *birth, enum person_role role, bool authority,
	const char *bsn, struct person *out)
{
	struct person_new in = { .given_name = given, .family_name = "Jansen",
		.birth_date = birth, .role = role, .authority = authority, .bsn = bsn };
	ck_ok(person_add(fx.ctx, fam, &in, out, &fx.err));
}

START_TEST(elfproef)
{
	ck_assert(bsn_valid("111222333"));
	ck_assert(bsn_valid("123456782"));
	ck_assert(!bsn_valid("111222334"));  /* checksum off by one */
	ck_assert(!bsn_valid("123456789"));
	ck_assert(!bsn_valid("12345678"));   /* 8 digits */
	ck_assert(!bsn_valid("1234567820")); /* 10 digits */
	ck_assert(!bsn_valid("12345678a"));
	ck_assert(!bsn_valid("abcdefghi"));
	ck_assert(!bsn_valid(" 23456782"));
	ck_assert(!bsn_valid("000000000"));
	ck_assert(!bsn_valid(""));
	ck_assert(!bsn_valid(NULL));
	char m[10];
	bsn_mask("123456782", m);
	ck_assert_str_eq(m, "******782");
	bsn_mask("", m);
	ck_assert_str_eq(m, "");
	bsn_mask("12345", m);
	ck_assert_str_eq(m, "*********");
}
END_TEST

START_TEST(invalid_bsn_changes_nothing)
{
	long long persons = q_int("SELECT count(*) FROM person", NULL);
	long long audits = q_int("SELECT count(*) FROM audit", NULL);
	struct person_new in = { .given_name = "Piet", .family_name = "Jansen",
		.role = PERSON_OUDER, .bsn = "123456789" };
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "BSN"));
	ck_assert_ptr_null(strstr(fx.err.msg, "123456789")); /* never echoed */
	ck_assert_int_eq(q_int("SELECT count(*) FROM person", NULL), persons);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit", NULL), audits);

	struct person p;
	add("Piet", "1980-01-01", PERSON_OUDER, true, NULL, &p);
	audits = q_int("SELECT count(*) FROM audit", NULL);
	ck_assert_int_eq(person_set_bsn(fx.ctx, &p, "12345678", &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(q_int("SELECT rev FROM person WHERE id = ?1", p.id), 1);
	ck_assert_int_eq(q_int("SELECT bsn IS NULL FROM person WHERE id = ?1", p.id), 1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit", NULL), audits);
	ck_ok(person_set_bsn(fx.ctx, &p, "123456782", &fx.err));
	ck_assert(p.has_bsn);
	ck_assert_int_eq(p.rev, 2);
	ck_ok(person_set_bsn(fx.ctx, &p, NULL, &fx.err));
	ck_assert(!p.has_bsn);
	ck_assert_int_eq(q_int("SELECT bsn IS NULL FROM person WHERE id = ?1", p.id), 1);
}
END_TEST

struct collected {
	int n;
	struct person p[8];
};

static int collect(void *arg, const struct person *p)
{
	struct collected *c = arg;
	if (c->n < 8)
		c->p[c->n++] = *p;
	return 0;
}

START_TEST(bsn_hidden_and_reveal_logged)
{
	struct person p;
	add("Anna", "1984-02-10", PERSON_OUDER, true, "111222333", &p);
	ck_assert(p.has_bsn);
	struct collected c = { 0 };
	ck_ok(person_each(fx.ctx, fam, collect, &c, &fx.err));
	ck_assert_int_eq(c.n, 1);
	ck_assert(c.p[0].has_bsn);
	ck_assert_ptr_null(memmem(&c.p[0], sizeof c.p[0], "111222333", 9));
	ck_assert_ptr_null(memmem(&p, sizeof p, "111222333", 9));

	const char *count_sql = "SELECT count(*) FROM audit WHERE event = 'reveal'"
				" AND object_id = ?1";
	ck_assert_int_eq(q_int(count_sql, p.id), 0);
	char bsn[10];
	ck_ok(person_reveal_bsn(fx.ctx, p.id, bsn, &fx.err));
	ck_assert_str_eq(bsn, "111222333");
	ck_assert_int_eq(q_int(count_sql, p.id), 1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'reveal'"
			       " AND family_id = ?1 AND object_type = 'person'", fam), 1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'reveal'"
			       " AND login = ?1", fx.ctx->user.login), 1);
	/* the number itself never reaches the access log */
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE instr(coalesce(detail, ''),"
			       " '111222333') > 0", NULL), 0);

	/* Only the regievoerder and the teamleider may see it; a refusal leaves no row. */
	fx_act_as(&fx, "coach1");
	ck_assert_int_eq(person_reveal_bsn(fx.ctx, p.id, bsn, &fx.err), CASUS_E_PERM);
	ck_assert_str_eq(bsn, "");
	ck_assert_int_eq(q_int(count_sql, p.id), 1);
	fx_act_as_leader(&fx);
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	fx_act_as(&fx, "coach1");
	ck_ok(person_reveal_bsn(fx.ctx, p.id, bsn, &fx.err));
	ck_assert_str_eq(bsn, "111222333");
	ck_assert_int_eq(q_int(count_sql, p.id), 2);
	fx_act_as_leader(&fx);

	struct person q;
	add("Bram", "2015-05-05", PERSON_KIND, false, NULL, &q);
	ck_assert_int_eq(person_reveal_bsn(fx.ctx, q.id, bsn, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_str_eq(bsn, "");
	ck_assert_int_eq(q_int(count_sql, q.id), 0);
}
END_TEST

START_TEST(family_order)
{
	struct person p;
	add("Jongste", "2020-01-01", PERSON_KIND, false, NULL, &p);
	add("Onbekend", NULL, PERSON_KIND, false, NULL, &p);
	add("Huis", "1990-01-01", PERSON_HUISGENOOT, false, NULL, &p);
	add("Oudste", "2012-03-04", PERSON_KIND, false, NULL, &p);
	add("Partner", "1979-01-01", PERSON_PARTNER, false, NULL, &p);
	add("Moeder", "1983-01-01", PERSON_OUDER, true, NULL, &p);
	add("Tante", "1970-01-01", PERSON_VERZORGER, true, NULL, &p);
	add("Middel", "2016-07-08", PERSON_KIND, false, NULL, &p);
	struct collected c = { 0 };
	ck_ok(person_each(fx.ctx, fam, collect, &c, &fx.err));
	ck_assert_int_eq(c.n, 8);
	const char *want[] = { "Moeder", "Tante", "Partner", "Huis", "Oudste", "Middel", "Jongste",
		"Onbekend" };
	for (int i = 0; i < 8; i++)
		ck_assert_str_eq(c.p[i].given_name, want[i]);
	ck_assert_int_eq(person_age(&c.p[4]), 14);
	ck_assert_int_eq(person_age(&c.p[7]), -1);
}
END_TEST

START_TEST(birth_dates)
{
	struct person_new in = { .given_name = "Kees", .family_name = "Jansen",
		.role = PERSON_KIND, .birth_date = "2026-11-24" };
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The birth date (2026-11-24) lies in the future.");
	in.birth_date = "2014-2-3";
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "The birth date must be a date written as"));
	in.birth_date = "2014-02-30";
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(q_int("SELECT count(*) FROM person", NULL), 0);
	struct person p;
	in.birth_date = "2026-11-23"; /* born today */
	ck_ok(person_add(fx.ctx, fam, &in, &p, &fx.err));
	ck_assert_int_eq(person_age(&p), 0);
	ck_assert_str_eq(p.birth_date, "2026-11-23");
	p.birth_date[0] = '\0';
	ck_ok(person_update(fx.ctx, &p, &fx.err));
	ck_assert_str_eq(p.birth_date, "");
	ck_assert_int_eq(q_int("SELECT birth_date IS NULL FROM person WHERE id = ?1", p.id), 1);
}
END_TEST

START_TEST(names_are_checked)
{
	char *longname = malloc(10001);
	memset(longname, 'a', 10000);
	longname[10000] = '\0';
	struct person_new in = { .given_name = longname, .family_name = "Jansen",
		.role = PERSON_OUDER };
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg,
		"The given name is too long: 10000 characters, at most 100 allowed");
	free(longname);
	in.given_name = "Jan";
	in.family_name = "Jans\xffn";
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "The family name is not valid text"));
	in.family_name = "Jan\nsen";
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "The family name must be a single line"));
	in.family_name = "  ";
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The family name is required");
	in.family_name = "Çelik-Ødegaard 李";
	in.role = PERSON_KIND;
	in.authority = true;
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Parental authority (gezag)"));
	in.role = PERSON_ROLE_COUNT;
	in.authority = false;
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(q_int("SELECT count(*) FROM person", NULL), 0);
	in.role = PERSON_KIND;
	struct person p;
	ck_ok(person_add(fx.ctx, fam, &in, &p, &fx.err));
	ck_assert_str_eq(p.family_name, "Çelik-Ødegaard 李");
}
END_TEST

START_TEST(roles)
{
	for (int r = 0; r < PERSON_ROLE_COUNT; r++)
		ck_assert_int_eq(person_role_parse(person_role_name((enum person_role)r)), r);
	ck_assert_str_eq(person_role_name(PERSON_VERZORGER), "verzorger");
	ck_assert_int_eq(person_role_parse("oma"), -1);
	ck_assert_int_eq(person_role_parse(NULL), -1);
}
END_TEST

START_TEST(update_refreshes_search_and_logs)
{
	struct person p;
	add("Sanne", "2011-04-04", PERSON_KIND, false, NULL, &p);
	struct family_query q = { .phase = -1, .search = "Zwanenburg" };
	int64_t n = -1;
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 0);
	snprintf(p.family_name, sizeof p.family_name, "Zwanenburg");
	p.role = PERSON_KIND;
	ck_ok(person_update(fx.ctx, &p, &fx.err));
	ck_assert_int_eq(p.rev, 2);
	ck_assert_str_eq(p.family_name, "Zwanenburg");
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'update'"
			       " AND object_type = 'person' AND object_id = ?1", p.id), 1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'create'"
			       " AND object_type = 'person' AND family_id = ?1", fam), 1);
	ck_assert_int_eq(q_int("SELECT count(*) FROM person WHERE updated_by = ?1", fx.ctx->user.id),
		1);
}
END_TEST

START_TEST(concurrent_update_conflicts)
{
	struct person mine, theirs;
	add("Fatima", "1988-08-08", PERSON_OUDER, true, NULL, &mine);
	struct casus_ctx *other = fx_second(&fx, "coach2");
	struct casus_err e2 = { 0 };
	ck_assert_int_eq(person_get(other, mine.id, &theirs, &e2), CASUS_OK);
	snprintf(theirs.given_name, sizeof theirs.given_name, "Fatma");
	ck_assert_int_eq(person_update(other, &theirs, &e2), CASUS_OK);
	ck_assert_int_eq(theirs.rev, 2);

	snprintf(mine.family_name, sizeof mine.family_name, "El Amrani");
	ck_assert_int_eq(person_update(fx.ctx, &mine, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Cees Çelik (coach2)"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "2026-11-23T09:00:00Z"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "was not saved"));
	struct person now;
	ck_ok(person_get(fx.ctx, mine.id, &now, &fx.err));
	ck_assert_str_eq(now.given_name, "Fatma");
	ck_assert_str_eq(now.family_name, "Jansen");
	ck_assert_int_eq(now.rev, 2);
	/* a stale BSN change conflicts the same way */
	ck_assert_int_eq(person_set_bsn(fx.ctx, &mine, "123456782", &fx.err), CASUS_E_CONFLICT);
	ck_assert_int_eq(q_int("SELECT bsn IS NULL FROM person WHERE id = ?1", mine.id), 1);
	/* reload and retry works */
	snprintf(now.family_name, sizeof now.family_name, "El Amrani");
	ck_ok(person_update(fx.ctx, &now, &fx.err));
	ck_assert_int_eq(now.rev, 3);
	casus_close(other);
}
END_TEST

START_TEST(closed_family_is_read_only)
{
	struct person p;
	add("Lotte", "1990-09-09", PERSON_OUDER, true, "111222333", &p);
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, "doelen bereikt", &fx.err));
	struct person_new in = { .given_name = "Nieuw", .family_name = "Jansen",
		.role = PERSON_KIND };
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "is closed"));
	snprintf(p.given_name, sizeof p.given_name, "Lot");
	ck_assert_int_eq(person_update(fx.ctx, &p, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(person_set_bsn(fx.ctx, &p, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(q_int("SELECT count(*) FROM person", NULL), 1);
	ck_assert_int_eq(q_int("SELECT rev FROM person WHERE id = ?1", p.id), 1);
	/* reading (with its log row) stays possible */
	char bsn[10];
	ck_ok(person_reveal_bsn(fx.ctx, p.id, bsn, &fx.err));
	ck_assert_str_eq(bsn, "111222333");
}
END_TEST

START_TEST(unidentified_user_refused)
{
	struct person p;
	add("Mila", "2010-10-10", PERSON_KIND, false, "123456782", &p);
	fx.ctx->user.id[0] = '\0';
	struct person_new in = { .given_name = "X", .family_name = "Y", .role = PERSON_KIND };
	ck_assert_int_eq(person_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_PERM);
	ck_assert_int_eq(person_update(fx.ctx, &p, &fx.err), CASUS_E_PERM);
	char bsn[10];
	ck_assert_int_eq(person_reveal_bsn(fx.ctx, p.id, bsn, &fx.err), CASUS_E_PERM);
	ck_assert_str_eq(fx.err.msg, "You are not identified as a team member.");
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'reveal'", NULL), 0);
}
END_TEST

START_TEST(unknown_family_or_person)
{
	struct person_new in = { .given_name = "X", .family_name = "Y", .role = PERSON_KIND };
	ck_assert_int_eq(person_add(fx.ctx, "2026-9999", &in, NULL, &fx.err), CASUS_E_NOTFOUND);
	struct person p;
	ck_assert_int_eq(person_get(fx.ctx, "no-such-id", &p, &fx.err), CASUS_E_NOTFOUND);
	/* a case number works as well as the id */
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(person_add(fx.ctx, f.case_no, &in, &p, &fx.err));
	ck_assert_str_eq(p.family_id, fam);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("person");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, elfproef);
	tcase_add_test(tc, invalid_bsn_changes_nothing);
	tcase_add_test(tc, bsn_hidden_and_reveal_logged);
	tcase_add_test(tc, family_order);
	tcase_add_test(tc, birth_dates);
	tcase_add_test(tc, names_are_checked);
	tcase_add_test(tc, roles);
	tcase_add_test(tc, update_refreshes_search_and_logs);
	tcase_add_test(tc, concurrent_update_conflicts);
	tcase_add_test(tc, closed_family_is_read_only);
	tcase_add_test(tc, unidentified_user_refused);
	tcase_add_test(tc, unknown_family_or_person);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
