/* Shared set-up for the meldcode test suites (test_meldcode*.c): a family with a
 * parent and two children, a trajectory, and helpers that record each step with
 * plausible content, so each test states only what it is about. */
#ifndef CASUS_TEST_MELDCODE_H
#define CASUS_TEST_MELDCODE_H
#include <string.h>

#include "casus/family.h"
#include "casus/meldcode.h"
#include "casus/person.h"
#include "fixture.h"

/* Not every suite uses every one of these. */
#define MC_MAYBE_UNUSED __attribute__((unused))
static struct fixture fx;
static MC_MAYBE_UNUSED char fam[CASUS_ID_LEN], parent[CASUS_ID_LEN], sam[CASUS_ID_LEN],
	lotte[CASUS_ID_LEN];
static MC_MAYBE_UNUSED char traj[CASUS_ID_LEN];

static inline void mc_add_person(const char *given, const char *birth, enum person_role role,
	char *out_id)
{
	struct person p;
	struct person_new in = { .given_name = given, .family_name = "Jansen",
		.birth_date = birth, .role = role, .authority = role == PERSON_OUDER };
	ck_ok(person_add(fx.ctx, fam, &in, &p, &fx.err));
	memcpy(out_id, p.id, CASUS_ID_LEN);
}

/* A family with Mira (parent), Sam (12 on the test date) and Lotte (7); coach1 acts. */
static inline void mc_setup_family(void)
{
	fx_setup(&fx);
	fx_family(&fx, "Jansen", fam);
	mc_add_person("Mira", "1988-03-14", PERSON_OUDER, parent);
	mc_add_person("Sam", "2014-05-01", PERSON_KIND, sam);
	mc_add_person("Lotte", "2019-02-10", PERSON_KIND, lotte);
	fx_act_as(&fx, "coach1");
}

static inline void mc_open_children(char *out_id)
{
	const char *kids[] = { sam, lotte };
	struct meldcode m;
	struct meldcode_new in = { .client = MC_CLIENT_CHILDREN, .children = kids, .n_children = 2 };
	ck_ok(meldcode_open(fx.ctx, fam, &in, &m, &fx.err));
	memcpy(out_id, m.id, CASUS_ID_LEN);
}

static inline void mc_setup(void)
{
	mc_setup_family();
	mc_open_children(traj);
}

static inline void mc_teardown(void)
{
	fx_teardown(&fx);
}

static inline void mc_fact(const char *t, char *out_id)
{
	struct mc_signal_new s = { .kind = MC_FACT, .observed_on = "2026-11-02",
		.observer = "Mw. De Boer (leerkracht)", .third_party = true,
		.source = "Basisschool De Linde", .description = "Sam had a bruise on his arm." };
	ck_ok(meldcode_add_signal(fx.ctx, t, &s, out_id, &fx.err));
}

static inline void mc_consult(const char *t)
{
	struct mc_consultation_new c = { .with = MC_WITH_AANDACHTSFUNCTIONARIS,
		.with_name = "Anouk Functionaris", .held_on = "2026-11-04",
		.question = "Are these signals enough for a suspicion?",
		.advice = "Talk with the parents and the child; weigh with LIRIK." };
	ck_ok(meldcode_add_consultation(fx.ctx, t, &c, NULL, &fx.err));
}

static inline void mc_talk(const char *t)
{
	struct mc_conversation_new c = { .with = MC_TALK_BOTH, .held_on = "2026-11-06",
		.participants = "mother and Sam", .said = "Explained our worries and the facts.",
		.reaction = "Mother recognised the stress at home." };
	ck_ok(meldcode_add_conversation(fx.ctx, t, &c, NULL, &fx.err));
}

/* Weigh with Q1 yes and the given unsafety. */
static inline void mc_weigh(const char *t, bool acute, bool structural, bool disclosure,
	const char *replaces)
{
	struct mc_weighing_new w = { .instrument = MC_INSTR_LIRIK,
		.instrument_outcome = "Raised risk on 3 of 9 factors.", .q1 = true,
		.q1_motivation = "Repeated injuries and the mother's account.",
		.q2_acute = acute, .q2_structural = structural, .q2_disclosure = disclosure,
		.q2_motivation = "See the LIRIK outcome.", .replaces = replaces };
	ck_ok(meldcode_weigh(fx.ctx, t, &w, NULL, &fx.err));
}

/* Steps 1-3 recorded. */
static inline void mc_steps_1_3(const char *t)
{
	mc_fact(t, NULL);
	mc_consult(t);
	mc_talk(t);
}

/* A decision with the given answers (MC_YES/MC_NO/MC_UNANSWERED). */
static inline struct mc_decision_new mc_decision(int q3, int q4, int q5, bool melden, bool hulp)
{
	struct mc_decision_new d = { .q3 = q3, .q4 = q4, .q5 = q5,
		.q3_motivation = "Motivation 3.", .q4_motivation = "Motivation 4.",
		.q5_motivation = "Motivation 5.", .melden = melden,
		.melden_motivation = "Melden motivation.", .hulp = hulp,
		.hulp_motivation = "Help motivation." };
	return d;
}

/* One integer from a query with an optional text parameter (tests inspect raw rows). */
static inline long long mc_q_int(const char *sql, const char *arg)
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

/* Run raw SQL; returns the SQLite result code (for trigger tests). */
static inline int mc_exec(const char *sql)
{
	return sqlite3_exec(fx.ctx->db, sql, NULL, NULL, NULL);
}

#endif
