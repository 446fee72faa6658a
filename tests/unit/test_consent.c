/* Consent under the Dutch age bands (CASUS_NOW is 2026-11-23), withdrawal, today's
 * status, and the involved parties consent is given for. */
#include <stdio.h>
#include <string.h>

#include "casus/consent.h"
#include "casus/family.h"
#include "casus/party.h"
#include "casus/person.h"
#include "fixture.h"

static struct fixture fx;
static char fam[CASUS_ID_LEN], fam2[CASUS_ID_LEN];
/* mother: ouder with gezag; stepdad: partner without; kid8/13/17 by age today. */
static struct person mother, stepdad, kid8, kid13, kid17, other_mother;
static struct party gp, other_party;

static void add_person(const char *family, const char *given, const char *birth,
	enum person_role role, bool authority, struct person *out)
{
	struct person_new in = { .given_name = given, .family_name = "Bakker",
		.birth_date = birth, .role = role, .authority = authority };
	ck_ok(person_add(fx.ctx, family, &in, out, &fx.err));
}

static void add_party(const char *family, const char *name, struct party *out)
{
	struct party_new in = { .kind = PARTY_PROFESSIONAL, .name = name,
		.organisation = "Huisartsenpraktijk Oost", .role = "huisarts",
		.contact = "010-1234567" };
	ck_ok(party_add(fx.ctx, family, &in, out, &fx.err));
}

static void setup(void)
{
	fx_setup(&fx);
	fx_family(&fx, "Bakker", fam);
	fx_family(&fx, "de Vries", fam2);
	add_person(fam, "Marieke", "1985-04-12", PERSON_OUDER, true, &mother);
	add_person(fam, "Stefan", "1982-01-30", PERSON_PARTNER, false, &stepdad);
	add_person(fam, "Noor", "2018-05-01", PERSON_KIND, false, &kid8);
	add_person(fam, "Daan", "2013-06-15", PERSON_KIND, false, &kid13);
	add_person(fam, "Eva", "2009-03-02", PERSON_KIND, false, &kid17);
	add_person(fam2, "Ingrid", "1980-02-02", PERSON_OUDER, true, &other_mother);
	add_party(fam, "Dr. Visser", &gp);
	add_party(fam2, "Dr. Smit", &other_party);
}

static void teardown(void)
{
	fx_teardown(&fx);
}

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

static enum casus_rc grant(const struct person *p, const struct person *by, const char *on,
	struct consent *out)
{
	return consent_grant(fx.ctx, p->id, gp.id, by->id, "overleg over schoolverzuim", on, out,
		&fx.err);
}

static struct consent_status status(const struct person *p)
{
	struct consent_status s;
	memset(&s, 0xff, sizeof s);
	ck_ok(consent_check(fx.ctx, p->id, gp.id, &s, &fx.err));
	return s;
}

START_TEST(bands_for_ages)
{
	ck_assert_int_eq(consent_band_for_age(0), CONSENT_PARENTS);
	ck_assert_int_eq(consent_band_for_age(11), CONSENT_PARENTS);
	ck_assert_int_eq(consent_band_for_age(12), CONSENT_CHILD_AND_PARENTS);
	ck_assert_int_eq(consent_band_for_age(15), CONSENT_CHILD_AND_PARENTS);
	ck_assert_int_eq(consent_band_for_age(16), CONSENT_SELF);
	ck_assert_int_eq(consent_band_for_age(-1), CONSENT_SELF);
	ck_assert_str_ne(consent_band_label(CONSENT_PARENTS),
		consent_band_label(CONSENT_CHILD_AND_PARENTS));
	ck_assert_ptr_nonnull(strstr(consent_band_label(CONSENT_PARENTS), "under 12"));
	ck_assert_int_eq(person_age(&kid8), 8);
	ck_assert_int_eq(person_age(&kid13), 13);
	ck_assert_int_eq(person_age(&kid17), 17);
}
END_TEST

START_TEST(age_8_parents_decide)
{
	struct consent_status s = status(&kid8);
	ck_assert_int_eq(s.band, CONSENT_PARENTS);
	ck_assert(!s.valid);
	ck_assert(s.need_parent);
	ck_assert(!s.need_self);
	ck_assert_int_eq(grant(&kid8, &kid8, NULL, NULL), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg,
		"Noor is under 12 and cannot give consent; a parent with authority (gezag) decides.");
	ck_assert_int_eq(grant(&kid8, &stepdad, NULL, NULL), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Stefan cannot give consent for Noor"));
	ck_assert_int_eq(grant(&kid8, &kid17, NULL, NULL), CASUS_E_INVALID);
	ck_assert_int_eq(q_int("SELECT count(*) FROM consent", NULL), 0);
	struct consent c;
	ck_ok(grant(&kid8, &mother, NULL, &c));
	ck_assert_str_eq(c.granted_on, "2026-11-23");
	ck_assert_str_eq(c.given_by, mother.id);
	ck_assert_str_eq(c.family_id, fam);
	ck_assert_str_eq(c.withdrawn_on, "");
	s = status(&kid8);
	ck_assert(s.valid);
	ck_assert(!s.need_parent);
	ck_assert(!s.need_self);
	ck_assert_int_eq(grant(&kid8, &mother, NULL, NULL), CASUS_E_EXISTS);
	ck_ok(consent_withdraw(fx.ctx, &c, NULL, &fx.err));
	ck_assert_str_eq(c.withdrawn_on, "2026-11-23");
	ck_assert_int_eq(c.rev, 2);
	s = status(&kid8);
	ck_assert(!s.valid);
	ck_assert(s.need_parent);
}
END_TEST

START_TEST(age_13_child_and_parent)
{
	struct consent c_child, c_parent;
	ck_ok(grant(&kid13, &kid13, "2026-11-01", &c_child));
	struct consent_status s = status(&kid13);
	ck_assert_int_eq(s.band, CONSENT_CHILD_AND_PARENTS);
	ck_assert(!s.valid);
	ck_assert(s.need_parent);
	ck_assert(!s.need_self);
	ck_assert_int_eq(grant(&kid13, &stepdad, NULL, NULL), CASUS_E_INVALID);
	ck_ok(grant(&kid13, &mother, "2026-11-02", &c_parent));
	s = status(&kid13);
	ck_assert(s.valid);
	ck_assert(!s.need_parent && !s.need_self);
	/* the child withdraws: the parent's consent alone is not enough from 12 on */
	ck_assert_int_eq(consent_withdraw(fx.ctx, &c_child, "2026-10-31", &fx.err),
		CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "lies before the date consent was given"));
	ck_ok(consent_withdraw(fx.ctx, &c_child, "2026-11-20", &fx.err));
	s = status(&kid13);
	ck_assert(!s.valid);
	ck_assert(s.need_self);
	ck_assert(!s.need_parent);
	ck_assert_int_eq(consent_withdraw(fx.ctx, &c_child, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_str_eq(fx.err.msg, "This consent was already withdrawn on 2026-11-20.");
}
END_TEST

START_TEST(age_17_decides_alone)
{
	ck_assert_int_eq(grant(&kid17, &mother, NULL, NULL), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Eva is 16 or older"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Marieke cannot give consent"));
	struct consent_status s = status(&kid17);
	ck_assert_int_eq(s.band, CONSENT_SELF);
	ck_assert(!s.valid);
	ck_assert(s.need_self);
	ck_assert(!s.need_parent);
	ck_ok(grant(&kid17, &kid17, NULL, NULL));
	s = status(&kid17);
	ck_assert(s.valid);
	/* adults consent for themselves */
	ck_ok(grant(&mother, &mother, NULL, NULL));
	ck_assert(status(&mother).valid);
	ck_assert_int_eq(grant(&stepdad, &mother, NULL, NULL), CASUS_E_INVALID);
}
END_TEST

START_TEST(band_on_the_date_of_consent)
{
	/* In June 2024 Daan was 10: his own consent then did not count, his mother's did. */
	ck_assert_int_eq(grant(&kid13, &kid13, "2024-06-01", NULL), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "under 12"));
	ck_ok(grant(&kid13, &mother, "2024-06-01", NULL));
	/* today he is 13, so his own consent is now needed as well */
	struct consent_status s = status(&kid13);
	ck_assert(!s.valid);
	ck_assert(s.need_self);
	ck_assert(!s.need_parent);
	/* before birth, and in the future, are refused */
	ck_assert_int_eq(grant(&kid8, &mother, "2017-01-01", NULL), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "lies before Noor's birth date"));
	ck_assert_int_eq(grant(&kid8, &mother, "2026-11-24", NULL), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The date of consent (2026-11-24) lies in the future.");
	ck_assert_int_eq(grant(&kid8, &mother, "23-11-2026", NULL), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "YYYY-MM-DD"));
}
END_TEST

START_TEST(unknown_birth_dates)
{
	struct person oom, baby;
	add_person(fam, "Henk", NULL, PERSON_HUISGENOOT, false, &oom);
	add_person(fam, "Baby", NULL, PERSON_KIND, false, &baby);
	/* an adult role without a birth date counts as 16+ */
	ck_assert_int_eq(status(&oom).band, CONSENT_SELF);
	ck_ok(grant(&oom, &oom, NULL, NULL));
	ck_assert(status(&oom).valid);
	ck_assert_int_eq(grant(&oom, &mother, NULL, NULL), CASUS_E_INVALID);
	/* a child without one cannot be placed in a band: nothing counts until it is known */
	ck_assert_int_eq(grant(&baby, &mother, NULL, NULL), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Baby's birth date is not recorded"));
	struct consent_status s = status(&baby);
	ck_assert_int_eq(s.band, CONSENT_CHILD_AND_PARENTS);
	ck_assert(!s.valid && s.need_self && s.need_parent);
}
END_TEST

START_TEST(same_family_only)
{
	ck_assert_int_eq(grant(&kid8, &other_mother, NULL, NULL), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Ingrid belongs to another family"));
	ck_assert_int_eq(consent_grant(fx.ctx, kid8.id, other_party.id, mother.id, "x", NULL, NULL,
				 &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Dr. Smit is an involved party of another family"));
	struct consent_status s;
	ck_assert_int_eq(consent_check(fx.ctx, kid8.id, other_party.id, &s, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(consent_grant(fx.ctx, "nobody", gp.id, mother.id, "x", NULL, NULL,
				 &fx.err), CASUS_E_NOTFOUND);
	ck_assert_int_eq(consent_grant(fx.ctx, kid8.id, gp.id, mother.id, "", NULL, NULL, &fx.err),
		CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The purpose is required");
	ck_assert_int_eq(q_int("SELECT count(*) FROM consent", NULL), 0);
}
END_TEST

START_TEST(authority_counts_today)
{
	ck_ok(grant(&kid8, &mother, NULL, NULL));
	ck_assert(status(&kid8).valid);
	/* the mother loses gezag: her consent no longer speaks for the child */
	struct person m = mother;
	m.authority = false;
	ck_ok(person_update(fx.ctx, &m, &fx.err));
	struct consent_status s = status(&kid8);
	ck_assert(!s.valid);
	ck_assert(s.need_parent);
}
END_TEST

static int count_consents(void *arg, const struct consent *c)
{
	int *n = arg;
	if (*n == 0)
		ck_assert_str_eq(c->granted_on, "2026-01-05");
	(*n)++;
	return 0;
}

START_TEST(each_audit_and_conflict)
{
	struct consent a, b;
	ck_ok(grant(&kid17, &kid17, "2026-11-01", &a));
	ck_ok(grant(&kid8, &mother, "2026-01-05", &b));
	int n = 0;
	ck_ok(consent_each(fx.ctx, fam, count_consents, &n, &fx.err));
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'create'"
			       " AND object_type = 'consent' AND family_id = ?1", fam), 2);

	struct casus_ctx *other = fx_second(&fx, "coach2");
	struct casus_err e2 = { 0 };
	struct consent theirs;
	ck_assert_int_eq(consent_get(other, a.id, &theirs, &e2), CASUS_OK);
	ck_assert_int_eq(consent_withdraw(other, &theirs, "2026-11-22", &e2), CASUS_OK);
	ck_assert_int_eq(consent_withdraw(fx.ctx, &a, NULL, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Cees Çelik (coach2)"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "2026-11-23T09:00:00Z"));
	struct consent now;
	ck_ok(consent_get(fx.ctx, a.id, &now, &fx.err));
	ck_assert_str_eq(now.withdrawn_on, "2026-11-22");
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'update'"
			       " AND object_type = 'consent' AND object_id = ?1", a.id), 1);
	casus_close(other);
}
END_TEST

START_TEST(closed_family_refuses_consent)
{
	struct consent c;
	ck_ok(grant(&kid8, &mother, NULL, &c));
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, NULL, &fx.err));
	ck_assert_int_eq(grant(&kid17, &kid17, NULL, NULL), CASUS_E_STATE);
	ck_assert_int_eq(consent_withdraw(fx.ctx, &c, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "is closed"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM consent WHERE withdrawn_on IS NULL", NULL), 1);
	ck_assert(status(&kid8).valid); /* reading still works */
	fx.ctx->user.id[0] = '\0';
	ck_assert_int_eq(grant(&kid8, &mother, NULL, NULL), CASUS_E_PERM);
}
END_TEST

/* ---- involved parties ---- */

static int party_names(void *arg, const struct party *p)
{
	char *out = arg;
	strcat(out, p->name);
	strcat(out, p->active ? ";" : "(x);");
	return 0;
}

START_TEST(parties)
{
	ck_assert_int_eq(party_kind_parse("netwerk"), PARTY_NETWERK);
	ck_assert_int_eq(party_kind_parse(party_kind_name(PARTY_PROFESSIONAL)), PARTY_PROFESSIONAL);
	ck_assert_int_eq(party_kind_parse("buurman"), -1);
	struct party_new in = { .kind = PARTY_NETWERK, .name = "Oma Bakker", .role = "oma" };
	struct party oma;
	ck_ok(party_add(fx.ctx, fam, &in, &oma, &fx.err));
	ck_assert_str_eq(oma.role, "oma");
	ck_assert_str_eq(oma.organisation, "");
	ck_assert(oma.active);
	in.name = "";
	ck_assert_int_eq(party_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The name is required");
	char contact[400];
	memset(contact, '1', 301);
	contact[301] = '\0';
	in.name = "Buurvrouw";
	in.contact = contact;
	ck_assert_int_eq(party_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "The contact information is too long: 301"));

	/* no longer involved: listed last, and no new consent to share with them */
	gp.active = false;
	ck_ok(party_update(fx.ctx, &gp, &fx.err));
	ck_assert_int_eq(gp.rev, 2);
	char names[200] = "";
	ck_ok(party_each(fx.ctx, fam, party_names, names, &fx.err));
	ck_assert_str_eq(names, "Oma Bakker;Dr. Visser(x);");
	ck_assert_int_eq(grant(&kid8, &mother, NULL, NULL), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Dr. Visser is no longer involved"));
}
END_TEST

START_TEST(party_conflict_and_closed)
{
	struct casus_ctx *other = fx_second(&fx, "coach2");
	struct casus_err e2 = { 0 };
	struct party theirs;
	ck_assert_int_eq(party_get(other, gp.id, &theirs, &e2), CASUS_OK);
	snprintf(theirs.contact, sizeof theirs.contact, "010-7654321");
	ck_assert_int_eq(party_update(other, &theirs, &e2), CASUS_OK);
	snprintf(gp.organisation, sizeof gp.organisation, "Gezondheidscentrum");
	ck_assert_int_eq(party_update(fx.ctx, &gp, &fx.err), CASUS_E_CONFLICT);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Dr. Visser was changed by Cees Çelik (coach2)"));
	casus_close(other);
	struct party now;
	ck_ok(party_get(fx.ctx, gp.id, &now, &fx.err));
	ck_assert_str_eq(now.contact, "010-7654321");
	ck_assert_str_eq(now.organisation, "Huisartsenpraktijk Oost");

	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, NULL, &fx.err));
	struct party_new in = { .kind = PARTY_NETWERK, .name = "Opa" };
	ck_assert_int_eq(party_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_STATE);
	now.active = false;
	ck_assert_int_eq(party_update(fx.ctx, &now, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(q_int("SELECT count(*) FROM involved_party WHERE family_id = ?1", fam), 1);
}
END_TEST

/* Sharing a document with a party: everyone's consent by the age rule, or a stated
 * legal ground; refused without either, and then nothing is recorded. */
START_TEST(sharing_needs_consent_or_a_legal_ground)
{
	const char *shares = "SELECT count(*) FROM audit WHERE event = 'export'"
			     " AND object_type = 'share'";
	struct share_check c;
	ck_ok(consent_share_check(fx.ctx, fam, gp.id, NULL, &c, &fx.err));
	ck_assert_int_eq(c.persons, 5);
	ck_assert_int_eq(c.missing, 5);
	ck_assert_ptr_nonnull(strstr(c.missing_names, "Noor Bakker (a parent's consent)"));
	ck_assert_ptr_nonnull(strstr(c.missing_names, "Daan Bakker (own and a parent's consent)"));
	ck_assert_ptr_nonnull(strstr(c.missing_names, "Eva Bakker (own consent)"));
	ck_assert_int_eq(consent_share(fx.ctx, fam, gp.id, "plan", NULL, NULL, &fx.err),
		CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Consent to share with Dr. Visser is missing"));
	ck_assert_int_eq(consent_share(fx.ctx, fam, gp.id, "plan", NULL, "   ", &fx.err),
		CASUS_E_STATE);
	ck_assert_int_eq(consent_share(fx.ctx, fam, other_party.id, "plan", NULL, "x", &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(q_int(shares, NULL), 0);
	/* On a legal ground: recorded with the ground and how many lacked consent. */
	ck_ok(consent_share(fx.ctx, fam, gp.id, "meldcode", "melding", "meldrecht Veilig Thuis",
		&fx.err));
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE object_type = 'share' AND"
		" detail = 'meldcode shared with Dr. Visser (Huisartsenpraktijk Oost); consent"
		" missing for 5 of 5 persons; purpose: melding; legal ground: meldrecht Veilig"
		" Thuis' AND family_id = ?1", fam), 1);
	/* Everyone's consent for this purpose: no ground needed. */
	ck_ok(grant(&mother, &mother, NULL, NULL));
	ck_ok(grant(&stepdad, &stepdad, NULL, NULL));
	ck_ok(grant(&kid8, &mother, NULL, NULL));
	ck_ok(grant(&kid13, &kid13, NULL, NULL));
	ck_ok(grant(&kid13, &mother, NULL, NULL));
	ck_ok(grant(&kid17, &kid17, NULL, NULL));
	ck_ok(consent_share(fx.ctx, fam, gp.id, "plan", NULL, NULL, &fx.err));
	ck_ok(consent_share(fx.ctx, fam, gp.id, "plan", "Overleg over SCHOOLVERZUIM", NULL,
		&fx.err));
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE object_type = 'share' AND"
		" detail LIKE '%consent of all 5 persons in force%'", NULL), 2);
	/* Consent was given for another purpose than this one. */
	ck_assert_int_eq(consent_share(fx.ctx, fam, gp.id, "plan", "jeugdhulp met verblijf",
		NULL, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(q_int(shares, NULL), 3);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("consent");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, bands_for_ages);
	tcase_add_test(tc, age_8_parents_decide);
	tcase_add_test(tc, age_13_child_and_parent);
	tcase_add_test(tc, age_17_decides_alone);
	tcase_add_test(tc, band_on_the_date_of_consent);
	tcase_add_test(tc, unknown_birth_dates);
	tcase_add_test(tc, same_family_only);
	tcase_add_test(tc, authority_counts_today);
	tcase_add_test(tc, each_audit_and_conflict);
	tcase_add_test(tc, closed_family_refuses_consent);
	tcase_add_test(tc, parties);
	tcase_add_test(tc, party_conflict_and_closed);
	tcase_add_test(tc, sharing_needs_consent_or_a_legal_ground);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
