/* Shared set-up for the meeting test suites (test_meeting*.c): a team with families in
 * every situation the agenda proposal looks for, a finished previous meeting with an
 * open action, and helpers to plan, start and read meetings, so each test states only
 * what it is about. The clock is moved with tm_at() (CASUS_NOW), which every process
 * reads, as the real clock would move. */
#ifndef CASUS_TEST_MEETING_H
#define CASUS_TEST_MEETING_H
#include <stdlib.h>
#include <string.h>

#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/meeting.h"
#include "casus/meldcode.h"
#include "casus/member.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "casus/team_issue.h"
#include "fixture.h"

#define TM_MAYBE_UNUSED __attribute__((unused))
static struct fixture fx;
/* Families: Jansen (aanmelding, no regie), de Vries (coach1, intake, brought in),
 * Bakker (coach2, evaluation overdue), El Amrani (coach1, meldcode), Visser (coach2,
 * escalation pending). */
static TM_MAYBE_UNUSED char jansen[CASUS_ID_LEN], devries[CASUS_ID_LEN], bakker[CASUS_ID_LEN],
	elamrani[CASUS_ID_LEN], visser[CASUS_ID_LEN];
static TM_MAYBE_UNUSED char sam[CASUS_ID_LEN], mira[CASUS_ID_LEN], oma[CASUS_ID_LEN];
static TM_MAYBE_UNUSED char prev_id[CASUS_ID_LEN], next_id[CASUS_ID_LEN];
static TM_MAYBE_UNUSED char leader[CASUS_LOGIN_MAX + 1];

/* Move the clock of every process (tests only). */
static inline void tm_at(const char *iso)
{
	setenv("CASUS_NOW", iso, 1);
}

static inline void tm_person(const char *fid, const char *given, const char *family,
	const char *birth, enum person_role role, char *out_id)
{
	struct person p;
	struct person_new in = { .given_name = given, .family_name = family, .birth_date = birth,
		.role = role, .authority = role == PERSON_OUDER };
	ck_ok(person_add(fx.ctx, fid, &in, &p, &fx.err));
	if (out_id)
		memcpy(out_id, p.id, CASUS_ID_LEN);
}

/* A family with a regievoerder, in intake (the teamleider acts). */
static inline void tm_family_with_regie(const char *name, const char *login, char *out_id)
{
	struct family f;
	fx_act_as_leader(&fx);
	fx_family(&fx, name, out_id);
	ck_ok(family_get(fx.ctx, out_id, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, login, "verdeling", &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_INTAKE, NULL, &fx.err));
}

static inline void tm_plan(const char *date, const char *chair, const char *minutes,
	char *out_id)
{
	struct meeting m;
	struct meeting_new in = { .held_on = date, .chair = chair, .minute_taker = minutes };
	ck_ok(meeting_plan(fx.ctx, &in, &m, &fx.err));
	memcpy(out_id, m.id, CASUS_ID_LEN);
}

static inline void tm_get(const char *id, struct meeting *m)
{
	ck_ok(meeting_get(fx.ctx, id, m, &fx.err));
}

static inline void tm_start(const char *id)
{
	struct meeting m;
	tm_get(id, &m);
	ck_ok(meeting_start(fx.ctx, &m, &fx.err));
}

static inline void tm_finish(const char *id, bool move_open)
{
	struct meeting m;
	tm_get(id, &m);
	ck_ok(meeting_finish(fx.ctx, &m, move_open, &fx.err));
}

/* The agenda item at a 1-based position (heap; caller frees). */
static inline struct agenda_item *tm_item(const char *meeting_id, int position);

struct tm_find {
	int position;
	struct agenda_item *out;
};

static inline int tm_find_fn(void *arg, const struct agenda_item *it)
{
	struct tm_find *f = arg;
	if (it->position != f->position)
		return 0;
	*f->out = *it;
	return 1;
}

static inline struct agenda_item *tm_item(const char *meeting_id, int position)
{
	struct agenda_item *it = calloc(1, sizeof *it);
	struct tm_find f = { position, it };
	ck_assert_ptr_nonnull(it);
	ck_ok(meeting_item_each(fx.ctx, meeting_id, tm_find_fn, &f, &fx.err));
	ck_assert_msg(it->id[0], "no agenda item at position %d", position);
	return it;
}

/* The first item of a kind (heap; caller frees), or NULL. */
struct tm_kind {
	enum agenda_kind kind;
	struct agenda_item *out;
};

static inline int tm_kind_fn(void *arg, const struct agenda_item *it)
{
	struct tm_kind *k = arg;
	if (it->kind != k->kind || k->out->id[0])
		return 0;
	*k->out = *it;
	return 1;
}

static inline struct agenda_item *tm_item_of(const char *meeting_id, enum agenda_kind kind)
{
	struct agenda_item *it = calloc(1, sizeof *it);
	struct tm_kind k = { kind, it };
	ck_assert_ptr_nonnull(it);
	ck_ok(meeting_item_each(fx.ctx, meeting_id, tm_kind_fn, &k, &fx.err));
	if (!it->id[0]) {
		free(it);
		return NULL;
	}
	return it;
}

static inline int tm_count_fn(void *arg, const struct agenda_item *it)
{
	(*(int *)arg)++;
	return 0;
}

static inline int tm_count(const char *meeting_id)
{
	int n = 0;
	ck_ok(meeting_item_each(fx.ctx, meeting_id, tm_count_fn, &n, &fx.err));
	return n;
}

/* One integer from SQL with up to one text parameter. */
static inline long long tm_q(const char *sql, const char *param)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

/* A previous meeting (2026-11-16), finished, with one open action for coach2 and an
 * item moved on to the next meeting. */
static inline void tm_previous_meeting(void)
{
	fx_act_as_leader(&fx);
	tm_at("2026-11-16T09:00:00Z");
	tm_plan("2026-11-16", leader, "coach1", prev_id);
	struct agenda_item it;
	struct agenda_item_new in = { .kind = AGENDA_OVERIG, .question = "Werkverdeling december" };
	ck_ok(meeting_item_add(fx.ctx, prev_id, &in, &it, &fx.err));
	struct agenda_item_new later = { .kind = AGENDA_EVALUATIE, .family = "2026-0003" };
	struct agenda_item moved;
	ck_ok(meeting_item_add(fx.ctx, prev_id, &later, &moved, &fx.err));
	tm_start(prev_id);
	ck_ok(meeting_item_start(fx.ctx, &it, &fx.err));
	struct meeting_action_new a = { .body = "Rooster voor december maken",
		.owner_kind = OWNER_MEMBER, .owner = "coach2", .due_on = "2026-11-30" };
	ck_ok(meeting_action_add(fx.ctx, it.id, &a, NULL, &fx.err));
	ck_ok(meeting_decide(fx.ctx, it.id, "Kerstrooster: twee coaches per week bereikbaar.",
		leader, NULL, NULL, &fx.err));
	ck_ok(meeting_item_get(fx.ctx, it.id, &it, &fx.err));
	ck_ok(meeting_item_done(fx.ctx, &it, &fx.err));
	ck_ok(meeting_item_move_next(fx.ctx, &moved, &fx.err));
	tm_at("2026-11-16T10:30:00Z");
	tm_finish(prev_id, false);
	tm_at("2026-11-23T09:00:00Z");
}

/* The team: families in every situation, the previous meeting, a casusinbreng request
 * and a marked team issue; then the next meeting (today) is planned, not yet proposed.
 * The teamleider acts at the end. */
static inline void tm_setup(void)
{
	tm_at("2026-11-16T08:00:00Z"); /* the week before the meeting under test */
	fx_setup(&fx);
	snprintf(leader, sizeof leader, "%s", casus_unix_login());
	fx_family(&fx, "Jansen", jansen);
	tm_person(jansen, "Mira", "Jansen", "1988-03-14", PERSON_OUDER, mira);
	tm_person(jansen, "Sam", "Jansen", "2014-05-01", PERSON_KIND, sam);
	tm_family_with_regie("de Vries", "coach1", devries);
	tm_person(devries, "Noor", "de Vries", "2016-09-01", PERSON_KIND, NULL);
	struct party p;
	struct party_new pn = { .kind = PARTY_NETWERK, .name = "Oma Truus", .role = "oma" };
	ck_ok(party_add(fx.ctx, devries, &pn, &p, &fx.err));
	memcpy(oma, p.id, CASUS_ID_LEN);
	tm_family_with_regie("Bakker", "coach2", bakker);
	struct plan pl = PLAN_INIT;
	ck_ok(plan_draft(fx.ctx, bakker, &pl, NULL, &fx.err));
	ck_ok(plan_eval_add(fx.ctx, pl.id, "2026-11-10", NULL, &fx.err));
	plan_clear(&pl);
	tm_family_with_regie("El Amrani", "coach1", elamrani);
	char kid[CASUS_ID_LEN];
	tm_person(elamrani, "Yasmine", "El Amrani", "2015-01-20", PERSON_KIND, kid);
	const char *kids[] = { kid };
	struct meldcode_new mn = { .client = MC_CLIENT_CHILDREN, .children = kids, .n_children = 1 };
	fx_act_as(&fx, "coach1");
	ck_ok(meldcode_open(fx.ctx, elamrani, &mn, NULL, &fx.err));
	tm_family_with_regie("Visser", "coach2", visser);
	fx_act_as(&fx, "coach2");
	struct escalation_new en = { .family = visser, .kind = ESC_SPECIALISTISCH,
		.urgency = URGENCY_NORMAAL, .reason = "GGZ-behandeling voor moeder nodig." };
	ck_ok(escalation_request(fx.ctx, &en, NULL, &fx.err));
	tm_previous_meeting();
	fx_act_as(&fx, "coach1");
	ck_ok(meeting_add_inbreng(fx.ctx, devries, "Hoe krijgen we vader weer betrokken?",
		&fx.err));
	struct team_issue_new ti = { .title = "Overdracht bij ziekte van een coach",
		.priority = ISSUE_HOOG, .proposal = "Vaste buddy per coach.", .decider = "teamleider",
		.for_meeting = true };
	ck_ok(team_issue_add(fx.ctx, &ti, NULL, &fx.err));
	fx_act_as_leader(&fx);
	tm_plan("2026-11-23", leader, "coach1", next_id);
}

static inline void tm_teardown(void)
{
	fx_teardown(&fx);
}

#endif
