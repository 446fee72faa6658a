/* Escalations, the rules: four eyes (only a gedragswetenschapper decides, never on
 * their own request, never for a family they have regie of), motivations, "what is
 * needed instead", acute requests acted on before approval, kinds that need no
 * approval, withdrawing, asking for information, and the schema's own guards.
 * Queue order, history, flags and concurrency are in test_escalation_flow.c. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "casus/setting.h"
#include "fixture.h"

static struct fixture fx;
static char fam[CASUS_ID_LEN];
/* Big structs (several KB of text each) live here, not on Check's stack. */
static struct escalation e, e2;

static void setup(void)
{
	fx_setup(&fx);
	fx_family(&fx, "Jansen", fam);
}

static void teardown(void)
{
	fx_teardown(&fx);
}

static int64_t count(const char *fmt, const char *arg)
{
	char *sql = sqlite3_mprintf(fmt, arg);
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return v;
}

static int64_t events_of(const char *id)
{
	return count("SELECT count(*) FROM escalation_event WHERE escalation_id = %Q", id);
}

/* A request by login for the fixture family. */
static void request_as(const char *login, enum escalation_kind kind,
	enum escalation_urgency urg, bool acted, struct escalation *out)
{
	fx_act_as(&fx, login);
	struct escalation_new in = { .family = fam, .kind = kind, .urgency = urg,
		.reason = "Zorgen over veiligheid van de kinderen nemen toe.",
		.tried = "Drie gesprekken, netwerkberaad.", .asked = "Inzet van specialistische hulp.",
		.acted = acted, .acted_note = acted ? "Politie gebeld, kinderen bij oma." : NULL,
		.level = kind == ESC_OPSCHALEN ? "manager" : NULL };
	ck_ok(escalation_request(fx.ctx, &in, out, &fx.err));
}

static void add_gw2(void)
{
	fx_act_as_leader(&fx);
	ck_ok(member_add(fx.ctx, "gw2", "Gijs Wetenschap", ROLE_GEDRAGSWETENSCHAPPER, false, NULL,
		&fx.err));
}

static void expect(enum casus_rc got, enum casus_rc want, const char *needle)
{
	ck_assert_msg(got == want, "rc %d (%s), want %d", got, fx.err.msg, want);
	if (needle)
		ck_assert_msg(strstr(fx.err.msg, needle), "message '%s' lacks '%s'", fx.err.msg,
			needle);
}

/* Nothing about seen changed in the database since it was read: same rev, same state,
 * no new history. */
static void unchanged(const struct escalation *seen, int64_t n_events)
{
	struct escalation *now = &e2;
	ck_ok(escalation_get(fx.ctx, seen->id, now, &fx.err));
	ck_assert_int_eq(now->rev, seen->rev);
	ck_assert_int_eq(now->status, seen->status);
	ck_assert_int_eq(events_of(seen->id), n_events);
}

START_TEST(request_is_pending_with_history_and_audit)
{
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	ck_assert_int_eq(e.status, ESC_PENDING);
	ck_assert(e.approval_required);
	ck_assert_str_eq(e.requested_by_login, "coach1");
	ck_assert_str_eq(e.requested_at, "2026-11-23T09:00:00Z");
	ck_assert_str_eq(e.asked, "Inzet van specialistische hulp.");
	ck_assert_int_eq(e.rev, 1);
	ck_assert_int_eq(e.decision_seconds, -1);
	ck_assert(!e.flagged);
	ck_assert_int_eq(events_of(e.id), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE object_type = 'escalation'"
		" AND event = 'create' AND object_id = %Q", e.id), 1);
}
END_TEST

START_TEST(request_validates_its_fields)
{
	fx_act_as(&fx, "coach1");
	struct escalation_new in = { .family = fam, .kind = ESC_RAAD, .urgency = URGENCY_HOOG };
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "reason");
	in.reason = "   ";
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "reason");
	in.reason = "Stagnatie";
	in.family = "2026-9999";
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_NOTFOUND, NULL);
	in.family = fam;
	in.kind = ESC_KIND_COUNT;
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "kind");
	in.kind = ESC_RAAD;
	in.meldcode_id = "kort";
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "meldcode");
	in.meldcode_id = NULL;
	in.level = "manager";
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "level");
	ck_assert_int_eq(count("SELECT count(*) FROM escalation WHERE family_id = %Q", fam), 0);
}
END_TEST

START_TEST(opschalen_needs_a_level_from_the_setting)
{
	fx_act_as(&fx, "coach1");
	struct escalation_new in = { .family = fam, .kind = ESC_OPSCHALEN,
		.urgency = URGENCY_NORMAAL, .reason = "Plan staat stil: school werkt niet mee." };
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "manager");
	in.level = "wethouder";
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "wethouder");
	in.level = "procesregisseur gemeente";
	ck_ok(escalation_request(fx.ctx, &in, &e, &fx.err));
	ck_assert_str_eq(e.level, "procesregisseur gemeente");
	fx_act_as_leader(&fx);
	ck_ok(setting_set(fx.ctx, "escalation.opschalen_levels", "teamleider\nwethouder",
		&fx.err));
	fx_act_as(&fx, "coach1");
	in.level = "wethouder";
	ck_ok(escalation_request(fx.ctx, &in, &e, &fx.err));
}
END_TEST

static int count_one(void *arg, const struct escalation *x)
{
	(*(int *)arg)++;
	return 0;
}

START_TEST(meldcode_link_is_kept)
{
	fx_act_as(&fx, "af1");
	struct escalation_new in = { .family = fam, .kind = ESC_VEILIG_THUIS,
		.urgency = URGENCY_HOOG, .reason = "Afwegingskader vraag 2: structurele onveiligheid.",
		.meldcode_id = "0b7e8f0c-5c1e-4b7a-9c3d-2f1e0a9b8c7d" };
	ck_ok(escalation_request(fx.ctx, &in, &e, &fx.err));
	ck_assert_str_eq(e.meldcode_id, "0b7e8f0c-5c1e-4b7a-9c3d-2f1e0a9b8c7d");
	ck_assert_int_eq(e.kind, ESC_VEILIG_THUIS);
	/* The meldcode stepper finds its meldingen back. */
	struct escalation_filter f = { .status = -1, .kind = -1,
		.meldcode_id = "0b7e8f0c-5c1e-4b7a-9c3d-2f1e0a9b8c7d" };
	int n = 0;
	ck_ok(escalation_list_each(fx.ctx, &f, count_one, &n, &fx.err));
	ck_assert_int_eq(n, 1);
	f.meldcode_id = "00000000-0000-4000-8000-000000000000";
	n = 0;
	ck_ok(escalation_list_each(fx.ctx, &f, count_one, &n, &fx.err));
	ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(request_joins_the_callers_transaction)
{
	/* The meldcode module requests its melding inside its own step-5 transaction:
	 * if that step fails, no melding may remain. */
	fx_act_as(&fx, "coach1");
	struct escalation_new in = { .family = fam, .kind = ESC_VEILIG_THUIS,
		.urgency = URGENCY_HOOG, .reason = "Melden is noodzakelijk." };
	ck_ok(db_begin(fx.ctx, &fx.err));
	ck_ok(escalation_request(fx.ctx, &in, &e, &fx.err));
	ck_assert_int_eq(e.status, ESC_PENDING); /* readable inside the transaction */
	db_rollback(fx.ctx);
	ck_assert_int_eq(count("SELECT count(*) FROM escalation WHERE family_id = %Q", fam), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE family_id = %Q"
		" AND object_type = 'escalation'", fam), 0);
	ck_ok(db_begin(fx.ctx, &fx.err));
	ck_ok(escalation_request(fx.ctx, &in, &e, &fx.err));
	ck_ok(db_commit(fx.ctx, &fx.err));
	ck_assert_int_eq(count("SELECT count(*) FROM escalation WHERE family_id = %Q", fam), 1);
}
END_TEST

START_TEST(coach_and_teamleider_cannot_decide)
{
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	fx_act_as(&fx, "coach2");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Prima.", NULL, &fx.err),
		CASUS_E_PERM, "gedragswetenschapper");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, "Waarom?", NULL, &fx.err),
		CASUS_E_PERM, "gedragswetenschapper");
	fx_act_as(&fx, "coach1");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Prima.", NULL, &fx.err),
		CASUS_E_PERM, "gedragswetenschapper");
	fx_act_as_leader(&fx);
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, "Nee.", "Eerst netwerkberaad.",
		&fx.err), CASUS_E_PERM, "gedragswetenschapper");
	ck_assert(!e.can_decide);
	unchanged(&e, 1);
}
END_TEST

START_TEST(gedragswetenschapper_cannot_decide_own_request)
{
	add_gw2();
	request_as("gw1", ESC_RAAD, URGENCY_HOOG, false, &e);
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_get(fx.ctx, e.id, &e, &fx.err));
	ck_assert(!e.can_decide);
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err),
		CASUS_E_PERM, "yourself");
	expect(escalation_check_decider(fx.ctx, &e, &fx.err), CASUS_E_PERM, "yourself");
	unchanged(&e, 1);
	fx_act_as(&fx, "gw2");
	ck_ok(escalation_get(fx.ctx, e.id, &e, &fx.err));
	ck_assert(e.can_decide);
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Onderzoek is nodig.", NULL,
		&fx.err));
	ck_assert_str_eq(e.decided_by_login, "gw2");
	/* The schema itself refuses a requester deciding on their own request. */
	char *sql = sqlite3_mprintf("UPDATE escalation SET decided_by = requested_by"
		" WHERE id = %Q", e.id);
	ck_assert_int_eq(sqlite3_exec(fx.ctx->db, sql, NULL, NULL, NULL) & 0xff, SQLITE_CONSTRAINT);
	sqlite3_free(sql);
}
END_TEST

START_TEST(gedragswetenschapper_cannot_decide_for_own_family)
{
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	fx_act_as_leader(&fx);
	ck_ok(regie_assign(fx.ctx, &f, "gw1", "gw1 heeft regie", &fx.err));
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_get(fx.ctx, e.id, &e, &fx.err));
	ck_assert(!e.can_decide);
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err),
		CASUS_E_PERM, "regievoerder");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, "Wat is er geprobeerd?", NULL,
		&fx.err), CASUS_E_PERM, "regievoerder");
	unchanged(&e, 1);
	/* Regie handed over: the same gedragswetenschapper may now decide. */
	fx_act_as_leader(&fx);
	ck_ok(regie_handover(fx.ctx, &f, "coach1", "overdracht", &fx.err));
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err));
	ck_assert_int_eq(e.status, ESC_APPROVED);
}
END_TEST

START_TEST(inactive_gedragswetenschapper_cannot_decide)
{
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	fx_act_as(&fx, "gw1"); /* the cached role says gedragswetenschapper ... */
	struct member_change ch = { .role = -1, .aandacht = -1, .active = 0 };
	struct casus_ctx *leader = fx_second(&fx, casus_unix_login());
	ck_ok(member_change(leader, "gw1", &ch, NULL, &fx.err));
	casus_close(leader);
	/* ... but the decision checks the member as they are now. */
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err),
		CASUS_E_PERM, "gedragswetenschapper");
}
END_TEST

START_TEST(decision_needs_motivation)
{
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	fx_act_as(&fx, "gw1");
	const char *empty[] = { NULL, "", "  \n\t " };
	for (int i = 0; i < 3; i++) {
		expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, empty[i], NULL, &fx.err),
			CASUS_E_INVALID, "motivation");
		expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, empty[i], "Iets anders.",
			&fx.err), CASUS_E_INVALID, "motivation");
		expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, empty[i], NULL, &fx.err),
			CASUS_E_INVALID, "question");
	}
	unchanged(&e, 1);
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE,
		"Ernst en duur rechtvaardigen GGZ-behandeling.", NULL, &fx.err));
	ck_assert_str_eq(e.motivation, "Ernst en duur rechtvaardigen GGZ-behandeling.");
	ck_assert_str_eq(e.decided_by_login, "gw1");
	ck_assert_str_eq(e.decided_at, "2026-11-23T09:00:00Z");
	ck_assert_int_eq(e.decision_seconds, 0);
	ck_assert_str_eq(e.instead, "");
	ck_assert(!e.retroactive);
}
END_TEST

START_TEST(rejection_says_what_is_needed_instead)
{
	request_as("coach1", ESC_RAAD, URGENCY_NORMAAL, false, &e);
	fx_act_as(&fx, "gw1");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, "Nog niet proportioneel.", NULL,
		&fx.err), CASUS_E_INVALID, "needed instead");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, "Nog niet proportioneel.", " ",
		&fx.err), CASUS_E_INVALID, "needed instead");
	unchanged(&e, 1);
	setenv("CASUS_NOW", "2026-11-24T10:30:00Z", 1);
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, "Nog niet proportioneel.",
		"Eerst een netwerkberaad met school en huisarts.", &fx.err));
	setenv("CASUS_NOW", "2026-11-23T09:00:00Z", 1);
	ck_assert_int_eq(e.status, ESC_REJECTED);
	ck_assert_str_eq(e.instead, "Eerst een netwerkberaad met school en huisarts.");
	ck_assert_int_eq(e.decision_seconds, 25 * 3600 + 30 * 60);
	ck_assert_int_eq(count("SELECT count(*) FROM escalation_event WHERE escalation_id = %Q"
		" AND action = 'reject' AND instead LIKE 'Eerst een netwerkberaad%%'", e.id), 1);
	/* Decided is final. */
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Toch wel.", NULL, &fx.err),
		CASUS_E_STATE, "already");
}
END_TEST

START_TEST(acute_request_is_actionable_and_flagged_until_decided)
{
	request_as("coach1", ESC_CRISIS, URGENCY_ACUUT, true, &e);
	ck_assert_int_eq(e.status, ESC_PENDING);
	ck_assert(e.acted_before_approval);
	ck_assert(e.flagged);
	ck_assert_str_eq(e.acted_at, "2026-11-23T09:00:00Z");
	ck_assert_str_eq(e.acted_by_login, "coach1");
	ck_assert_str_eq(e.acted_note, "Politie gebeld, kinderen bij oma.");
	ck_assert_int_eq(events_of(e.id), 2); /* request, act */
	struct escalation_flags fl;
	ck_ok(escalation_family_flags(fx.ctx, fam, &fl, &fx.err));
	ck_assert_int_eq(fl.acted_undecided, 1);
	ck_assert_int_eq(fl.pending, 1);
	/* The action cannot be undone by withdrawing: it waits for its decision. */
	expect(escalation_withdraw(fx.ctx, &e, "Toch niet nodig", &fx.err), CASUS_E_STATE,
		"retroactive");
	/* Asking for information keeps it flagged. */
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, "Waar verblijven de kinderen nu?",
		NULL, &fx.err));
	ck_assert(e.flagged);
	fx_act_as(&fx, "coach1");
	ck_ok(escalation_answer(fx.ctx, &e, "Bij oma, tot vrijdag.", &fx.err));
	ck_assert(e.flagged);
	setenv("CASUS_NOW", "2026-11-23T15:00:00Z", 1);
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Juist gehandeld.", NULL,
		&fx.err));
	setenv("CASUS_NOW", "2026-11-23T09:00:00Z", 1);
	ck_assert(e.retroactive);
	ck_assert(!e.flagged);
	ck_assert_int_eq(e.decision_seconds, 6 * 3600);
	ck_assert_int_eq(count("SELECT count(*) FROM escalation_event WHERE escalation_id = %Q"
		" AND action = 'approve' AND retroactive = 1", e.id), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE object_id = %Q"
		" AND detail LIKE '%%(retroactive)'", e.id), 1);
	ck_ok(escalation_family_flags(fx.ctx, fam, &fl, &fx.err));
	ck_assert_int_eq(fl.acted_undecided, 0);
	ck_assert_int_eq(fl.approved, 1);
}
END_TEST

START_TEST(acting_later_on_an_acute_request)
{
	request_as("coach1", ESC_VEILIG_THUIS, URGENCY_ACUUT, false, &e);
	ck_assert(!e.flagged);
	fx_act_as(&fx, "coach2"); /* neither requester nor regievoerder */
	expect(escalation_act(fx.ctx, &e, "Gebeld", &fx.err), CASUS_E_PERM, "requester");
	fx_act_as(&fx, "coach1");
	ck_ok(escalation_act(fx.ctx, &e, "Veilig Thuis gebeld, melding gedaan.", &fx.err));
	ck_assert(e.flagged);
	ck_assert_int_eq(e.rev, 2);
	expect(escalation_act(fx.ctx, &e, "Nog eens", &fx.err), CASUS_E_STATE, "already");
	/* Not acute: no acting before approval, neither now nor at request time. */
	request_as("coach1", ESC_VEILIG_THUIS, URGENCY_HOOG, false, &e);
	expect(escalation_act(fx.ctx, &e, "Gebeld", &fx.err), CASUS_E_STATE, "acute");
	struct escalation_new in = { .family = fam, .kind = ESC_CRISIS, .urgency = URGENCY_HOOG,
		.reason = "Crisis", .acted = true };
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_INVALID, "acuut");
}
END_TEST

START_TEST(retroactive_decision_allowed_on_a_closed_family)
{
	request_as("coach1", ESC_CRISIS, URGENCY_ACUUT, true, &e);
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e2);
	static struct escalation plain;
	plain = e2;
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	/* Closing waits for the plain request; the acted-on one does not hold it up. */
	expect(family_close(fx.ctx, &f, "Verhuisd", &fx.err), CASUS_E_STATE, "awaiting a decision");
	fx_act_as(&fx, "coach1");
	ck_ok(escalation_withdraw(fx.ctx, &plain, "Gezin verhuist", &fx.err));
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, "Verhuisd", &fx.err));
	fx_act_as(&fx, "gw1");
	/* The withdrawn request stays withdrawn: nothing to decide on a closed case. */
	ck_assert_int_ne(escalation_decide(fx.ctx, &plain, ESC_DECIDE_APPROVE, "Eens.", NULL,
		&fx.err), CASUS_OK);
	ck_assert_int_ne(escalation_decide(fx.ctx, &plain, ESC_DECIDE_ASK, "Waarom?", NULL,
		&fx.err), CASUS_OK);
	/* The acted-on request's review goes on: question, answer, decision. */
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, "Was de politie nodig?", NULL,
		&fx.err));
	fx_act_as(&fx, "coach1");
	ck_ok(escalation_answer(fx.ctx, &e, "Vader dreigde met geweld.", &fx.err));
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, "Politie was niet nodig.",
		"Bij een volgende keer eerst de crisisdienst bellen.", &fx.err));
	ck_assert(e.retroactive);
	ck_assert_int_eq(e.status, ESC_REJECTED);
	/* A closed family takes no new requests. */
	fx_act_as(&fx, "coach1");
	struct escalation_new in = { .family = fam, .kind = ESC_CRISIS, .urgency = URGENCY_HOOG,
		.reason = "Crisis" };
	expect(escalation_request(fx.ctx, &in, &e, &fx.err), CASUS_E_STATE, "closed");
}
END_TEST

START_TEST(kind_without_approval_is_recorded_as_decided_by_requester)
{
	request_as("coach1", ESC_CRISIS, URGENCY_HOOG, false, &e2); /* made under the old rule */
	fx_act_as(&fx, "coach1");
	expect(setting_set(fx.ctx, "escalation.approval.crisis", "0", &fx.err), CASUS_E_PERM,
		NULL);
	fx_act_as_leader(&fx);
	ck_ok(setting_set(fx.ctx, "escalation.approval.crisis", "0", &fx.err));
	ck_assert(!escalation_needs_approval(fx.ctx, ESC_CRISIS));
	ck_assert(escalation_needs_approval(fx.ctx, ESC_RAAD));
	request_as("coach1", ESC_CRISIS, URGENCY_ACUUT, true, &e);
	ck_assert_int_eq(e.status, ESC_APPROVED);
	ck_assert(!e.approval_required);
	ck_assert_str_eq(e.decided_by_login, "coach1");
	ck_assert_str_eq(e.decided_at, e.requested_at);
	ck_assert(!e.acted_before_approval); /* nothing waited for approval */
	ck_assert(!e.flagged);
	ck_assert(!e.retroactive);
	ck_assert_str_eq(e.acted_at, "2026-11-23T09:00:00Z");
	ck_assert_int_eq(events_of(e.id), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM escalation_event WHERE escalation_id = %Q"
		" AND action = 'request' AND to_status = 'approved'", e.id), 1);
	fx_act_as(&fx, "gw1");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, "Nee.", "Iets.", &fx.err),
		CASUS_E_STATE, "no approval");
	fx_act_as(&fx, "coach1");
	expect(escalation_withdraw(fx.ctx, &e, NULL, &fx.err), CASUS_E_STATE, "pending");
	/* The request made before the change keeps needing approval. */
	ck_ok(escalation_get(fx.ctx, e2.id, &e2, &fx.err));
	ck_assert(e2.approval_required);
	ck_assert_int_eq(e2.status, ESC_PENDING);
}
END_TEST

START_TEST(withdraw_only_by_requester_while_pending)
{
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	fx_act_as(&fx, "coach2");
	expect(escalation_withdraw(fx.ctx, &e, NULL, &fx.err), CASUS_E_PERM, "requester");
	fx_act_as(&fx, "gw1");
	expect(escalation_withdraw(fx.ctx, &e, NULL, &fx.err), CASUS_E_PERM, "requester");
	unchanged(&e, 1);
	fx_act_as(&fx, "coach1");
	ck_ok(escalation_withdraw(fx.ctx, &e, "Ouders hebben zelf hulp gevonden.", &fx.err));
	ck_assert_int_eq(e.status, ESC_WITHDRAWN);
	expect(escalation_withdraw(fx.ctx, &e, NULL, &fx.err), CASUS_E_STATE, "pending");
	fx_act_as(&fx, "gw1");
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err),
		CASUS_E_STATE, "withdrawn");
	/* Not after a decision, and not while a question waits for an answer. */
	request_as("coach1", ESC_RAAD, URGENCY_NORMAAL, false, &e);
	request_as("coach1", ESC_RAAD, URGENCY_NORMAAL, false, &e2);
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err));
	ck_ok(escalation_decide(fx.ctx, &e2, ESC_DECIDE_ASK, "Welke hulp liep er?", NULL,
		&fx.err));
	fx_act_as(&fx, "coach1");
	expect(escalation_withdraw(fx.ctx, &e, NULL, &fx.err), CASUS_E_STATE, "approved");
	expect(escalation_withdraw(fx.ctx, &e2, NULL, &fx.err), CASUS_E_STATE,
		"information requested");
}
END_TEST

START_TEST(ask_for_information_round_trip)
{
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	fx_act_as_leader(&fx);
	ck_ok(regie_assign(fx.ctx, &f, "coach2", NULL, &fx.err));
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_HOOG, false, &e);
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, "Is de huisarts betrokken?", NULL,
		&fx.err));
	ck_assert_int_eq(e.status, ESC_INFO_REQUESTED);
	ck_assert_str_eq(e.question, "Is de huisarts betrokken?");
	ck_assert(!e.can_decide);
	expect(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err),
		CASUS_E_STATE, "answer");
	expect(escalation_answer(fx.ctx, &e, "Ja.", &fx.err), CASUS_E_PERM, "requester");
	fx_act_as(&fx, "af1");
	expect(escalation_answer(fx.ctx, &e, "Ja.", &fx.err), CASUS_E_PERM, "requester");
	fx_act_as(&fx, "coach1");
	expect(escalation_answer(fx.ctx, &e, " ", &fx.err), CASUS_E_INVALID, "answer");
	ck_ok(escalation_answer(fx.ctx, &e, "Ja, zij verwijst ook.", &fx.err));
	ck_assert_int_eq(e.status, ESC_PENDING);
	expect(escalation_answer(fx.ctx, &e, "Nog iets.", &fx.err), CASUS_E_STATE, NULL);
	/* A second round, answered by the regievoerder instead of the requester. */
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, "En school?", NULL, &fx.err));
	fx_act_as(&fx, "coach2");
	ck_ok(escalation_answer(fx.ctx, &e, "School ziet het ook.", &fx.err));
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Voldoende onderbouwd.", NULL,
		&fx.err));
	ck_assert_int_eq(e.status, ESC_APPROVED);
	ck_assert_str_eq(e.question, "En school?"); /* the last question stays readable */
	ck_assert_int_eq(events_of(e.id), 6);
	ck_assert_int_eq(count("SELECT count(*) FROM escalation_event WHERE escalation_id = %Q"
		" AND ((action = 'ask' AND to_status = 'info_requested')"
		" OR (action = 'answer' AND from_status = 'info_requested'"
		" AND to_status = 'pending'))", e.id), 4);
}
END_TEST

START_TEST(history_rows_are_never_changed)
{
	request_as("coach1", ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	char *sql = sqlite3_mprintf("UPDATE escalation_event SET motivation = 'x'"
		" WHERE escalation_id = %Q", e.id);
	ck_assert_int_ne(sqlite3_exec(fx.ctx->db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	/* The schema refuses a rejection without "instead" or a decision without motivation. */
	sql = sqlite3_mprintf("UPDATE escalation SET status = 'rejected', decided_by ="
		" (SELECT id FROM member WHERE login = 'gw1'), decided_at = requested_at,"
		" motivation = 'Nee' WHERE id = %Q", e.id);
	ck_assert_int_eq(sqlite3_exec(fx.ctx->db, sql, NULL, NULL, NULL) & 0xff, SQLITE_CONSTRAINT);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("UPDATE escalation SET status = 'approved', decided_by ="
		" (SELECT id FROM member WHERE login = 'gw1'), decided_at = requested_at"
		" WHERE id = %Q", e.id);
	ck_assert_int_eq(sqlite3_exec(fx.ctx->db, sql, NULL, NULL, NULL) & 0xff, SQLITE_CONSTRAINT);
	sqlite3_free(sql);
}
END_TEST

START_TEST(names_parse_and_label)
{
	for (int k = 0; k < ESC_KIND_COUNT; k++)
		ck_assert_int_eq(escalation_kind_parse(escalation_kind_name(k)), k);
	for (int u = 0; u < URGENCY_COUNT; u++)
		ck_assert_int_eq(escalation_urgency_parse(escalation_urgency_name(u)), u);
	for (int s = 0; s < ESC_STATUS_COUNT; s++)
		ck_assert_int_eq(escalation_status_parse(escalation_status_name(s)), s);
	ck_assert_int_eq(escalation_kind_parse("vt"), ESC_VEILIG_THUIS);
	ck_assert_int_eq(escalation_kind_parse("nonsense"), -1);
	ck_assert_int_eq(escalation_urgency_parse(NULL), -1);
	ck_assert_str_eq(escalation_kind_label(ESC_RAAD),
		"request to the Raad voor de Kinderbescherming");
	ck_assert_str_eq(escalation_status_name(ESC_STATUS_COUNT), "?");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("escalation");
	TCase *t = tcase_create("rules");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, request_is_pending_with_history_and_audit);
	tcase_add_test(t, request_validates_its_fields);
	tcase_add_test(t, opschalen_needs_a_level_from_the_setting);
	tcase_add_test(t, meldcode_link_is_kept);
	tcase_add_test(t, request_joins_the_callers_transaction);
	tcase_add_test(t, coach_and_teamleider_cannot_decide);
	tcase_add_test(t, gedragswetenschapper_cannot_decide_own_request);
	tcase_add_test(t, gedragswetenschapper_cannot_decide_for_own_family);
	tcase_add_test(t, inactive_gedragswetenschapper_cannot_decide);
	tcase_add_test(t, decision_needs_motivation);
	tcase_add_test(t, rejection_says_what_is_needed_instead);
	tcase_add_test(t, acute_request_is_actionable_and_flagged_until_decided);
	tcase_add_test(t, acting_later_on_an_acute_request);
	tcase_add_test(t, retroactive_decision_allowed_on_a_closed_family);
	tcase_add_test(t, kind_without_approval_is_recorded_as_decided_by_requester);
	tcase_add_test(t, withdraw_only_by_requester_while_pending);
	tcase_add_test(t, ask_for_information_round_trip);
	tcase_add_test(t, history_rows_are_never_changed);
	tcase_add_test(t, names_parse_and_label);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return fx_run(suite());
}
