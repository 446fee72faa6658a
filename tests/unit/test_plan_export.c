/* The plan seen from outside: case-list flags (no future evaluation, overdue actions,
 * missing consent), the closure record, and the export for the family, golden-tested
 * in Dutch and English Markdown and in JSON (tests/unit/golden/plan.*; run with
 * UPDATE_EXPECTED=1 to rewrite them after an intended change). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/consent.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/ids.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "fixture.h"

static struct fixture fx;
static char fid[CASUS_ID_LEN];
static struct person mother, sem, noor;
static struct party oma, doctor;

static void add_person(const char *given, const char *birth, enum person_role role,
	struct person *out)
{
	struct person_new in = { .given_name = given, .family_name = "Jansen",
		.birth_date = birth, .role = role, .authority = role == PERSON_OUDER };
	ck_ok(person_add(fx.ctx, fid, &in, out, &fx.err));
}

static void add_party(enum party_kind kind, const char *name, const char *org,
	const char *role, const char *contact, struct party *out)
{
	struct party_new in = { .kind = kind, .name = name, .organisation = org, .role = role,
		.contact = contact };
	ck_ok(party_add(fx.ctx, fid, &in, out, &fx.err));
}

static void setup(void)
{
	struct family f;
	ids_reset(); /* the same ids in every run, also without a fork per test */
	fx_setup(&fx);
	fx_family(&fx, "Jansen", fid);
	ck_ok(family_get(fx.ctx, fid, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_INTAKE, NULL, &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_PLAN, NULL, &fx.err));
	fx_act_as(&fx, "coach1");
	add_person("Mila", "1988-04-12", PERSON_OUDER, &mother);
	add_person("Sem", "2015-06-01", PERSON_KIND, &sem);
	add_person("Noor", "2012-03-03", PERSON_KIND, &noor);
	add_party(PARTY_NETWERK, "Riet de Boer", NULL, "oma", "06-12345678", &oma);
	add_party(PARTY_PROFESSIONAL, "Dr. Pieters", "GGD", "jeugdarts", "010-1234567", &doctor);
}

static void teardown(void)
{
	fx_teardown(&fx);
	/* Tests move the clock; put it back for the next test when Check does not fork. */
	setenv("CASUS_NOW", "2026-11-23T09:00:00Z", 1);
}

/* ---- a full plan ---- */

static void goal(const char *plan_id, const char *lg, const char *body, int start,
	int target, struct plan_goal *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->leefgebied, sizeof out->leefgebied, "%s", lg);
	snprintf(out->body, sizeof out->body, "%s", body);
	out->scale_start = out->scale_now = start;
	out->scale_target = target;
	ck_ok(plan_goal_add(fx.ctx, plan_id, out, &fx.err));
}

static void action(const char *plan_id, enum plan_owner_kind kind, const char *owner,
	const char *body, const char *due, const char *goal_id)
{
	struct plan_action a = { .owner_kind = kind };
	snprintf(a.owner_id, sizeof a.owner_id, "%s", owner);
	snprintf(a.body, sizeof a.body, "%s", body);
	snprintf(a.due_on, sizeof a.due_on, "%s", due ? due : "");
	snprintf(a.goal_id, sizeof a.goal_id, "%s", goal_id ? goal_id : "");
	ck_ok(plan_action_add(fx.ctx, plan_id, &a, &fx.err));
}

static void sections(struct plan *p)
{
	ck_assert(plan_set_section(p, PLAN_AANLEIDING,
		"School en huisarts maken zich zorgen over Sem: hij slaapt slecht."));
	ck_assert(plan_set_section(p, PLAN_HULPVRAAG,
		"Wij willen dat Sem weer goed slaapt.\nEn dat er rust is in huis."));
	ck_assert(plan_set_section(p, PLAN_KRACHTEN,
		"Mila is een betrokken moeder.\nOma Riet helpt elke woensdag."));
	ck_assert(plan_set_section(p, PLAN_EERDERE_HULP,
		"2024: opvoedondersteuning via het CJG (*Triple P*)."));
	ck_assert(plan_set_section(p, PLAN_SAFETY_WORRIES, "Ruzies 's avonds waar Sem bij is."));
	ck_assert(plan_set_section(p, PLAN_SAFETY_WORKING, "Oma is er als het escaleert."));
	ck_assert(plan_set_section(p, PLAN_SAFETY_NEEDED, "Een vaste avondroutine."));
	ck_assert(plan_set_section(p, PLAN_SAFETY_AGREEMENTS,
		"- Bij ruzie gaat Sem naar oma.\n- Mila belt de coach bij escalatie."));
	p->safety_scale = 6;
	ck_ok(plan_update(fx.ctx, p, &fx.err));
}

static int first_action_of_member(void *arg, const struct plan_action *a)
{
	struct plan_action *out = arg;
	if (a->owner_kind != OWNER_MEMBER)
		return 0;
	*out = *a;
	return 1;
}

static int first_eval(void *arg, const struct plan_eval *e)
{
	*(struct plan_eval *)arg = *e;
	return 1;
}

/* Carrying out the agreed plan: a goal reached, an action done, an evaluation held. */
static void progress(const struct plan *p, struct plan_goal *g)
{
	g->scale_now = 9;
	g->status = GOAL_REACHED;
	snprintf(g->reason, sizeof g->reason, "Noor fietst nu samen met een vriendin.");
	ck_ok(plan_goal_update(fx.ctx, g, &fx.err));
	struct plan_action a;
	ck_ok(plan_action_each(fx.ctx, p->id, first_action_of_member, &a, &fx.err));
	a.status = ACTION_DONE;
	ck_ok(plan_action_update(fx.ctx, &a, &fx.err));
	struct plan_eval e;
	ck_ok(plan_eval_add(fx.ctx, p->id, "2026-11-21", NULL, &fx.err));
	ck_ok(plan_eval_each(fx.ctx, p->id, first_eval, &e, &fx.err));
	ck_ok(plan_eval_hold(fx.ctx, &e, "2026-11-22", "Eerste evaluatie: de avonden zijn rustiger.",
		"2027-02-15", &fx.err));
}

static void full_plan(struct plan *p)
{
	struct plan_goal g1, g2, g3;
	ck_ok(plan_draft(fx.ctx, fid, p, NULL, &fx.err));
	sections(p);
	struct plan_worry w = { .who = "school (mentor)", .since = "september 2025",
		.worry = "Noor komt vaak te laat.", .consequences = "Ze loopt achter met rekenen." };
	ck_ok(plan_worry_add(fx.ctx, p->id, &w, &fx.err));
	goal(p->id, "wonen", "Een huis met een eigen kamer voor Noor.", 2, 7, &g2);
	goal(p->id, "veiligheid", "Sem slaapt weer door en voelt zich veilig thuis.", 3, 8, &g1);
	goal(p->id, "onderwijs & werk", "Noor is elke dag op tijd op school.", 4, 9, &g3);
	action(p->id, OWNER_PERSON, mother.id, "Woningcorporatie bellen over urgentie",
		"2026-11-15", g2.id);
	action(p->id, OWNER_PROFESSIONAL, doctor.id, "Groeicontrole en slaapadvies Sem",
		"2027-01-10", g1.id);
	action(p->id, OWNER_MEMBER, "coach1", "Huisbezoek met Mila en oma", "2026-12-01", NULL);
	action(p->id, OWNER_NETWORK, oma.id, "Sem op woensdag ophalen uit school", NULL, NULL);
	struct plan_arrangement a = { .body = "Overleg met de jeugdarts elke zes weken." };
	snprintf(a.party_id, sizeof a.party_id, "%s", doctor.id);
	ck_ok(plan_arrangement_add(fx.ctx, p->id, &a, &fx.err));
	ck_ok(plan_eval_add(fx.ctx, p->id, "2027-02-15", NULL, &fx.err));
	ck_ok(plan_get_by_id(fx.ctx, p->id, p, &fx.err));
	const char *persons[] = { mother.id, noor.id };
	const char *parties[] = { doctor.id };
	struct plan_agreement ag = { .on = "2026-11-20", .how = AGREE_IN_PERSON,
		.person_ids = persons, .n_persons = 2, .party_ids = parties, .n_parties = 1 };
	ck_ok(plan_agree(fx.ctx, p, &ag, &fx.err));
	progress(p, &g3);
}

/* ---- flags ---- */

static void grant(const struct person *p, const struct person *by)
{
	ck_ok(consent_grant(fx.ctx, p->id, doctor.id, by->id, "gezinsplan", "2026-11-20", NULL,
		&fx.err));
}

START_TEST(flags_for_the_case_list)
{
	struct plan_flags fl;
	struct plan p = PLAN_INIT;
	struct family f;
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert(!fl.has_plan && !fl.no_future_eval);
	full_plan(&p);
	ck_ok(family_get(fx.ctx, fid, &f, &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_UITVOERING, NULL, &fx.err));
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert(fl.has_plan && fl.agreed);
	ck_assert(!fl.no_future_eval); /* 2027-02-15 lies ahead */
	ck_assert_int_eq(fl.overdue_actions, 1);
	/* Dr. Pieters owns an action: three family members, none has consented yet. */
	ck_assert_int_eq(fl.missing_consent, 3);
	grant(&mother, &mother);
	grant(&sem, &mother);  /* 11: the parent decides */
	grant(&noor, &noor);   /* 14: the child and a parent */
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert_int_eq(fl.missing_consent, 1);
	grant(&noor, &mother);
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert_int_eq(fl.missing_consent, 0);

	/* Months later the evaluation date has passed and no next one is planned. */
	setenv("CASUS_NOW", "2027-03-01T09:00:00Z", 1);
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert(fl.no_future_eval);
	ck_assert_int_eq(fl.overdue_actions, 2); /* the coach's visit was done */
	ck_ok(plan_eval_add(fx.ctx, p.id, "2027-03-15", NULL, &fx.err));
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert(!fl.no_future_eval);
	ck_ok(family_get(fx.ctx, fid, &f, &fx.err));
	ck_assert_str_eq(f.next_eval_on, "2027-02-15"); /* the overdue one comes first */
	plan_clear(&p);
}
END_TEST

/* ---- closure ---- */

START_TEST(closure_is_recorded_before_closing)
{
	struct plan_closure c;
	struct family f;
	struct plan_closure_new in = { .kind = CLOSURE_VINGER_AAN_DE_POLS, .risk = RISK_MIDDEN,
		.aftercare = "Telefonisch contact na drie maanden." };
	ck_assert_int_eq(plan_closure_get(fx.ctx, fid, &c, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_int_eq(plan_record_closure(fx.ctx, fid, &in, &c, &fx.err), CASUS_E_INVALID);
	in.watcher = "Oma Riet en de jeugdarts";
	in.watch_until = "2026-01-01";
	ck_assert_int_eq(plan_record_closure(fx.ctx, fid, &in, &c, &fx.err), CASUS_E_INVALID);
	in.watch_until = "2027-05-01";
	in.aftercare_on = "2027-02-23";
	in.risk = (enum relapse_risk)7;
	ck_assert_int_eq(plan_record_closure(fx.ctx, fid, &in, &c, &fx.err), CASUS_E_INVALID);
	in.risk = RISK_MIDDEN;
	ck_ok(plan_record_closure(fx.ctx, "2026-0001", &in, &c, &fx.err));
	ck_assert_int_eq(c.kind, CLOSURE_VINGER_AAN_DE_POLS);
	ck_assert_str_eq(c.watcher, "Oma Riet en de jeugdarts");
	ck_assert_str_eq(c.watch_until, "2027-05-01");
	ck_assert_str_eq(relapse_risk_name(c.risk), "midden");
	ck_assert_str_eq(c.aftercare_on, "2027-02-23");
	ck_assert_str_eq(c.recorded_by_name, "Carla Coach");

	/* A newer record counts; the older one stays. */
	struct plan_closure_new pos = { .kind = CLOSURE_POSITIEF, .risk = RISK_LAAG,
		.aftercare = "Geen nazorg nodig.", .watcher = "ignored" };
	setenv("CASUS_NOW", "2026-11-23T10:00:00Z", 1);
	ck_ok(plan_record_closure(fx.ctx, fid, &pos, &c, &fx.err));
	ck_assert_int_eq(c.kind, CLOSURE_POSITIEF);
	ck_assert_str_eq(c.watcher, "");
	ck_assert_int_eq(sqlite3_exec(fx.ctx->db, "UPDATE closure SET relapse_risk = 'hoog'",
		NULL, NULL, NULL) & 0xff, SQLITE_CONSTRAINT);
	ck_assert_int_eq(sqlite3_exec(fx.ctx->db, "DELETE FROM closure", NULL, NULL, NULL) & 0xff,
		SQLITE_CONSTRAINT);

	ck_ok(family_get(fx.ctx, fid, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, "afgerond", &fx.err));
	ck_assert_int_eq(plan_record_closure(fx.ctx, fid, &pos, &c, &fx.err), CASUS_E_STATE);
	ck_ok(plan_closure_get(fx.ctx, fid, &c, &fx.err));
	ck_assert_int_eq(c.kind, CLOSURE_POSITIEF);
}
END_TEST

/* ---- export ---- */

static void export_to(enum plan_format fmt, const char *lang, const char *name)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(out);
	ck_ok(plan_export(fx.ctx, "2026-0001", PLAN_LATEST, fmt, lang, out, &fx.err));
	fclose(out);
	fx_golden(name, buf);
	free(buf);
}

static int count_exports(void *arg, const struct audit_row *row)
{
	int *n = arg;
	if (strcmp(row->event, "export") == 0 && strcmp(row->object_type, "plan") == 0)
		(*n)++;
	return 0;
}

START_TEST(export_golden)
{
	struct plan p = PLAN_INIT;
	full_plan(&p);
	export_to(PLAN_FORMAT_MD, "nl", "plan.nl.md");
	export_to(PLAN_FORMAT_MD, "en", "plan.en.md");
	export_to(PLAN_FORMAT_JSON, "en", "plan.json");
	int n = 0;
	struct audit_filter af = { .family_id = fid };
	fx_act_as_leader(&fx); /* the access log is the teamleider's to read */
	ck_ok(audit_each(fx.ctx, &af, count_exports, &n, &fx.err));
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(i18n_lang(), "en"); /* the UI language is left alone */
	plan_clear(&p);
}
END_TEST

START_TEST(export_refusals)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	ck_assert_int_eq(plan_export(fx.ctx, fid, 0, PLAN_FORMAT_MD, "nl", out, &fx.err),
		CASUS_E_NOTFOUND);
	struct plan p = PLAN_INIT;
	full_plan(&p);
	ck_assert_int_eq(plan_export(fx.ctx, fid, 0, PLAN_FORMAT_MD, "de", out, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(plan_export(fx.ctx, fid, 7, PLAN_FORMAT_JSON, "nl", out, &fx.err),
		CASUS_E_NOTFOUND);
	ck_assert_str_eq(fx.err.msg, "The plan of family 2026-0001 has no version 7.");
	fclose(out);
	free(buf);
	FILE *full = fopen("/dev/full", "w");
	if (full) {
		ck_assert_int_eq(plan_export(fx.ctx, fid, 0, PLAN_FORMAT_JSON, "nl", full, &fx.err),
			CASUS_E_IO);
		fclose(full);
	}
	ck_assert_int_eq(plan_format_parse("json"), PLAN_FORMAT_JSON);
	ck_assert_int_eq(plan_format_parse("pdf"), -1);
	plan_clear(&p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("plan_export");
	TCase *tc = tcase_create("outside");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, flags_for_the_case_list);
	tcase_add_test(tc, closure_is_recorded_before_closing);
	tcase_add_test(tc, export_golden);
	tcase_add_test(tc, export_refusals);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
