/* The demo database: what it contains (every phase, role, age band, a valid BSN, one
 * regievoerder per case, consent and notes of every kind; plans in every state,
 * meldcode trajectories at every step, escalations of every kind and state), that it
 * is deterministic, and that an existing file is only ever replaced when it is itself
 * a demo. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/demo.h"
#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/flags.h"
#include "casus/ids.h"
#include "casus/meldcode.h"
#include "casus/member.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "fixture.h"

struct tmp {
	char dir[256];
	char path[320];
	struct casus_err err;
};

static void tmp_setup(struct tmp *t)
{
	memset(t, 0, sizeof *t);
	fx_current_err = &t->err;
	const char *base = getenv("TMPDIR");
	snprintf(t->dir, sizeof t->dir, "%s/casus-demo-XXXXXX", base && *base ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/demo.db", t->dir);
}

static void tmp_remove(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char buf[400];
	for (int i = 0; i < 4; i++) {
		snprintf(buf, sizeof buf, "%s%s", path, suffix[i]);
		unlink(buf);
	}
}

static void tmp_teardown(struct tmp *t, const char *other)
{
	tmp_remove(t->path);
	if (other)
		tmp_remove(other);
	rmdir(t->dir);
}

/* The demo is made once for the tests that only read it (slow, above all under
 * valgrind) and copied into each test's folder; the tests of making it make their own. */
static char template_dir[256], template_path[320];

static void make_template(void)
{
	struct casus_err err = { 0 };
	fx_current_err = &err;
	const char *base = getenv("TMPDIR");
	snprintf(template_dir, sizeof template_dir, "%s/casus-demo-tpl-XXXXXX",
		base && *base ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(template_dir));
	snprintf(template_path, sizeof template_path, "%s/demo.db", template_dir);
	ck_ok(demo_create(template_path, false, &err));
}

static void remove_template(void)
{
	tmp_remove(template_path);
	rmdir(template_dir);
}

static void copy_template(struct tmp *t)
{
	FILE *in = fopen(template_path, "rb"), *out = fopen(t->path, "wb");
	ck_assert(in && out);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
	ck_assert_int_eq(chmod(t->path, 0600), 0);
}

static struct casus_ctx *open_db(const char *path, struct casus_err *err)
{
	struct casus_ctx *ctx = NULL;
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	ck_ok(casus_open(path, &o, &ctx, err));
	return ctx;
}

/* The whole file, to prove a refused call left it alone. */
static char *slurp(const char *path, long *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)*len + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq((long)fread(buf, 1, (size_t)*len, f), *len);
	fclose(f);
	return buf;
}

static void assert_unchanged(const char *path, const char *before, long len)
{
	long now_len;
	char *now = slurp(path, &now_len);
	ck_assert_int_eq(now_len, len);
	ck_assert(memcmp(now, before, (size_t)len) == 0);
	free(now);
}

static int64_t count(struct casus_ctx *ctx, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* ---- contents ---- */

struct roles {
	int n[3];
	int aandacht;
	bool caller;
	int caller_caseload;
};

static int count_role(void *arg, const struct member *m)
{
	struct roles *r = arg;
	r->n[m->role]++;
	r->aandacht += m->aandacht;
	if (strcmp(m->login, casus_unix_login()) == 0) {
		r->caller = true;
		r->caller_caseload = m->caseload;
	}
	return 0;
}

static int active_regie(void *arg, const struct regie_row *row)
{
	int *n = arg;
	*n += row->ended_at[0] == '\0';
	return 0;
}

struct regie_check {
	struct casus_ctx *ctx;
	int checked, handed_over;
};

static int handover_count(void *arg, const struct regie_row *row)
{
	int *n = arg;
	(*n)++;
	(void)row;
	return 0;
}

static int check_regie(void *arg, const struct family_row *row)
{
	struct regie_check *c = arg;
	struct casus_err err = { 0 };
	int active = 0, all = 0;
	ck_ok(regie_history(c->ctx, row->id, active_regie, &active, &err));
	ck_ok(regie_history(c->ctx, row->id, handover_count, &all, &err));
	if (row->phase >= PHASE_INTAKE) {
		ck_assert_msg(active == 1, "%s has %d active regievoerders", row->case_no, active);
		ck_assert_str_ne(row->regie_login, "");
		c->checked++;
	} else {
		ck_assert_int_eq(active, 0);
	}
	c->handed_over += all > 1;
	return 0;
}

START_TEST(demo_has_a_full_team_and_families_in_every_phase)
{
	struct tmp t;
	tmp_setup(&t);
	copy_template(&t);
	struct casus_ctx *ctx = open_db(t.path, &t.err);
	char v[128];
	ck_assert(casus_meta_get(ctx, "demo", v, sizeof v));
	ck_assert_str_eq(v, "1");
	ck_assert(ctx->demo);
	ck_assert(casus_meta_get(ctx, "team", v, sizeof v));
	ck_assert(strstr(v, "demo") != NULL);

	struct family_query q = { .phase = -1, .sort = SORT_CASE_NO };
	int64_t n = 0;
	ck_ok(family_list_count(ctx, &q, &n, &t.err));
	ck_assert_int_ge(n, 40);
	for (int p = 0; p < PHASE_COUNT; p++) {
		struct family_query qp = { .phase = p, .sort = SORT_CASE_NO };
		ck_ok(family_list_count(ctx, &qp, &n, &t.err));
		ck_assert_msg(n > 0, "no family in phase %s", family_phase_name(p));
	}
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM family WHERE reopen_count > 0"), 1);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM family WHERE referral_kind = 'zorgmelding'"), 3);
	ck_assert_int_eq(count(ctx, "SELECT count(DISTINCT triage) FROM family"), 4);
	ck_assert_int_eq(count(ctx, "SELECT count(DISTINCT framework) FROM family"), 3);

	struct roles r = { 0 };
	ck_ok(member_each(ctx, false, count_role, &r, &t.err));
	ck_assert_int_eq(r.n[ROLE_TEAMLEIDER], 1);
	ck_assert_int_ge(r.n[ROLE_GEDRAGSWETENSCHAPPER], 1);
	ck_assert_int_ge(r.n[ROLE_COACH], 6);
	ck_assert_int_ge(r.aandacht, 1);
	ck_assert(r.caller);
	ck_assert_int_ge(r.caller_caseload, 3);

	struct regie_check rc = { .ctx = ctx };
	ck_ok(family_list_each(ctx, &q, check_regie, &rc, &t.err));
	ck_assert_int_ge(rc.checked, 30);
	ck_assert_int_ge(rc.handed_over, 2);

	int64_t seq = 0, rows = 0;
	ck_ok(audit_verify(ctx, &seq, &rows, &t.err));
	ck_assert_int_gt(rows, 100);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

START_TEST(demo_has_children_of_all_ages_and_valid_bsns)
{
	struct tmp t;
	tmp_setup(&t);
	copy_template(&t);
	struct casus_ctx *ctx = open_db(t.path, &t.err);
	char today[11];
	clock_today(today);
	int bands[3] = { 0 }, oldest = 0, youngest = 99, bsns = 0;
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(ctx->db,
		"SELECT birth_date, bsn FROM person WHERE role = 'kind'", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int age = clock_age_years((const char *)sqlite3_column_text(st, 0), today);
		ck_assert_int_ge(age, 0);
		bands[age < 12 ? 0 : age < 16 ? 1 : 2]++;
		oldest = age > oldest ? age : oldest;
		youngest = age < youngest ? age : youngest;
		const char *bsn = (const char *)sqlite3_column_text(st, 1);
		if (bsn) {
			ck_assert_msg(bsn_valid(bsn), "invalid BSN %s", bsn);
			bsns++;
		}
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(bands[0], 0);
	ck_assert_int_gt(bands[1], 0);
	ck_assert_int_gt(bands[2], 0);
	ck_assert_int_eq(youngest, 0);
	ck_assert_int_ge(oldest, 22);
	ck_assert_int_ge(bsns, 1);
	ck_assert_int_ge(count(ctx, "SELECT count(DISTINCT role) FROM person"), 5);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM involved_party WHERE kind = 'netwerk'"), 10);
	ck_assert_int_ge(count(ctx,
		"SELECT count(*) FROM involved_party WHERE kind = 'professional'"
		" AND organisation IS NOT NULL"), 20);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

START_TEST(demo_has_consent_and_notes_of_every_kind)
{
	struct tmp t;
	tmp_setup(&t);
	copy_template(&t);
	struct casus_ctx *ctx = open_db(t.path, &t.err);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM consent"), 30);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM consent WHERE withdrawn_on IS NOT NULL"), 1);
	/* given by the child itself and by a parent */
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM consent WHERE given_by = person_id"), 1);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM consent WHERE given_by <> person_id"), 1);
	/* families past intake without any consent for some professional: the UI warns */
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM family f WHERE phase = 'intake' AND NOT"
		" EXISTS (SELECT 1 FROM consent c WHERE c.family_id = f.id)"), 1);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM note WHERE kind = 'fact'"), 40);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM note WHERE kind = 'hypothesis'"), 10);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM note WHERE kind = 'diagnosis'"
		" AND length(diagnosed_by) > 0"), 1);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM note WHERE corrects IS NOT NULL"), 1);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM note WHERE confidential = 1"), 1);
	/* hypotheses by more than one kind of team member */
	ck_assert_int_ge(count(ctx, "SELECT count(DISTINCT m.role) FROM note n JOIN member m"
		" ON m.id = n.author_id WHERE n.kind = 'hypothesis'"), 2);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

/* ---- plans ---- */

struct plan_tally {
	struct casus_ctx *ctx;
	int no_future_eval, no_next_date, overdue_actions, eval_overdue, agreed, missing_consent;
	char no_future_name[FAMILY_TEXT_MAX];
	struct flag_rules rules;
};

static int tally_plan(void *arg, const struct family_row *row)
{
	struct plan_tally *t = arg;
	struct casus_err err = { 0 };
	struct plan_flags pf;
	struct family_flags ff;
	ck_ok(plan_flags(t->ctx, row->id, &pf, &err));
	ck_ok(family_flags_get(t->ctx, &t->rules, row, &ff, &err));
	bool overdue = (ff.bits & FLAG_EVAL_OVERDUE) != 0;
	t->no_future_eval += pf.no_future_eval;
	/* Without a future date and without an overdue one: no next date was fixed. */
	if (pf.no_future_eval && !overdue) {
		t->no_next_date++;
		snprintf(t->no_future_name, sizeof t->no_future_name, "%s", row->display_name);
	}
	t->overdue_actions += pf.overdue_actions > 0;
	t->missing_consent += pf.missing_consent > 0;
	t->agreed += pf.agreed;
	t->eval_overdue += overdue;
	/* Every case that was carried out has an agreed plan. */
	if (row->phase >= PHASE_UITVOERING)
		ck_assert_msg(pf.agreed, "%s in %s without an agreed plan", row->case_no,
			family_phase_name(row->phase));
	return 0;
}

static const char *case_of(struct casus_ctx *ctx, const char *name, char out[CASE_NO_LEN])
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(ctx->db,
		"SELECT case_no FROM family WHERE display_name = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, CASE_NO_LEN, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

START_TEST(demo_has_plans_in_every_state)
{
	struct tmp t;
	tmp_setup(&t);
	copy_template(&t);
	struct casus_ctx *ctx = open_db(t.path, &t.err);
	/* Drafts: the seven families in phase plan and two new drafts beside an agreed
	 * version; two plans revised and agreed again. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM plan WHERE status = 'draft'"), 9);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM plan p JOIN family f ON f.id ="
		" p.family_id WHERE p.status = 'draft' AND f.phase = 'plan'"), 7);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM plan WHERE status = 'superseded'"), 2);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM plan WHERE status = 'agreed'"), 29);
	/* Veiligheidsplannen (Signs of Safety), with a score and binding agreements. */
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan WHERE safety_scale BETWEEN 0 AND"
		" 10 AND length(safety_agreements) > 0 AND length(safety_worries) > 0"), 7);
	/* Goals per leefgebied with 0-10 scales; actions of every kind of owner. */
	ck_assert_int_ge(count(ctx, "SELECT count(DISTINCT leefgebied) FROM plan_goal"), 7);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM plan_goal WHERE scale_start IS NULL"
		" OR scale_target IS NULL OR scale_target <= scale_start"), 0);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan_goal g JOIN plan p ON p.id ="
		" g.plan_id WHERE p.status = 'agreed' AND g.status = 'reached'"), 10);
	ck_assert_int_eq(count(ctx, "SELECT count(DISTINCT owner_kind) FROM plan_action"), 4);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan_action WHERE status = 'done'"), 50);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan_action WHERE status = 'cancelled'"), 1);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan_arrangement"), 20);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan_worry"), 60);
	/* Agreement: named family members and professionals, how and when. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM plan p WHERE p.status <> 'draft' AND"
		" NOT EXISTS (SELECT 1 FROM plan_agreed_by b WHERE b.plan_id = p.id AND"
		" b.person_id IS NOT NULL)"), 0);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan_agreed_by WHERE party_id IS NOT"
		" NULL"), 20);
	ck_assert_int_eq(count(ctx, "SELECT count(DISTINCT agreed_how) FROM plan"), 3);
	char today[11];
	clock_today(today);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM plan WHERE agreed_on >"
		" date('now', '+1 day')"), 0);
	/* Evaluations held with an outcome and the next date. */
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM plan_evaluation WHERE held_on IS NOT"
		" NULL AND length(outcome) > 0"), 100);

	/* The case-list signals: one plan in uitvoering without a next evaluation date,
	 * overdue evaluations, overdue actions, missing consent. */
	struct plan_tally pt = { .ctx = ctx };
	flag_rules_load(ctx, &pt.rules);
	struct family_query q = { .phase = -1, .sort = SORT_CASE_NO };
	ck_ok(family_list_each(ctx, &q, tally_plan, &pt, &t.err));
	ck_assert_int_eq(pt.eval_overdue, 3);
	ck_assert_int_eq(pt.no_future_eval, 4); /* the overdue ones have no future date either */
	ck_assert_int_eq(pt.no_next_date, 1);
	ck_assert_str_eq(pt.no_future_name, "Dijkstra");
	ck_assert_int_eq(pt.overdue_actions, 4);
	ck_assert_int_ge(pt.missing_consent, 1);
	ck_assert_int_eq(pt.agreed, 29);

	/* An agreed plan changed afterwards: a draft beside it, and a diff. */
	char cno[CASE_NO_LEN];
	struct plan_diff diff;
	ck_ok(plan_diff(ctx, case_of(ctx, "'t Hart", cno), PLAN_IN_FORCE, PLAN_LATEST, &diff,
		&t.err));
	ck_assert_int_eq(diff.version_a, 1);
	ck_assert_int_eq(diff.version_b, 2);
	int goals = 0, actions = 0;
	for (size_t i = 0; i < diff.n; i++) {
		goals += diff.changes[i].kind == CHANGE_GOAL;
		actions += diff.changes[i].kind == CHANGE_ACTION
			   && diff.changes[i].op == CHANGE_ADDED;
	}
	ck_assert_int_ge(goals, 1);
	ck_assert_int_eq(actions, 1);
	plan_diff_free(&diff);

	/* Closed cases have their closure record with aftercare; one case in afsluiting
	 * has it ready. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM family f WHERE phase = 'afgesloten'"
		" AND NOT EXISTS (SELECT 1 FROM closure c WHERE c.family_id = f.id)"), 0);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM closure"), 9);
	struct family f;
	struct plan_closure c;
	ck_ok(family_get(ctx, case_of(ctx, "de Vries", cno), &f, &t.err));
	ck_ok(plan_closure_get(ctx, f.id, &c, &t.err));
	ck_assert(strlen(c.aftercare) > 20);
	ck_assert(c.aftercare_on[0] != '\0');
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM closure WHERE kind ="
		" 'vinger_aan_de_pols' AND watcher IS NOT NULL AND watch_until > date('now')"), 1);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

/* ---- meldcode ---- */

struct mc_tally {
	struct casus_ctx *ctx;
	int at_step[MC_STEPS + 1];   /* open trajectories by current step (0: all done) */
	int outcome[MC_OUTCOME_COUNT];
	int acute, melded, vt_overdue, decided;
};

static int tally_mc(void *arg, const struct family_row *row)
{
	struct mc_tally *t = arg;
	struct casus_err err = { 0 };
	struct meldcode_summary s;
	ck_ok(meldcode_summary(t->ctx, row->id, &s, &err));
	if (!s.any)
		return 0;
	if (s.open)
		t->at_step[s.current_step]++;
	else
		t->outcome[s.outcome]++;
	t->acute += s.acute;
	t->melded += s.melded;
	t->vt_overdue += s.vt_feedback_overdue > 0;
	t->decided += s.decided;
	return 0;
}

START_TEST(demo_has_meldcode_trajectories_at_every_step)
{
	struct tmp t;
	tmp_setup(&t);
	copy_template(&t);
	struct casus_ctx *ctx = open_db(t.path, &t.err);
	struct mc_tally mt = { .ctx = ctx };
	struct family_query q = { .phase = -1, .sort = SORT_CASE_NO };
	ck_ok(family_list_each(ctx, &q, tally_mc, &mt, &t.err));
	/* Open ones at each step: 1 (two: signals; an adult client), 2, 4 (after the
	 * skipped conversation, and at the weighing), and all steps done at step 5. */
	ck_assert_int_eq(mt.at_step[1], 2);
	ck_assert_int_eq(mt.at_step[2], 2);
	ck_assert_int_eq(mt.at_step[4], 2);
	ck_assert_int_eq(mt.at_step[0], 4);
	ck_assert_int_eq(mt.outcome[MC_OUTCOME_NO_SUSPICION], 1);
	ck_assert_int_eq(mt.outcome[MC_OUTCOME_HELP], 1);
	ck_assert_int_eq(mt.outcome[MC_OUTCOME_MELDING_AND_HELP], 1);
	ck_assert_int_eq(mt.acute, 1);
	ck_assert_int_eq(mt.melded, 4);
	ck_assert_int_eq(mt.vt_overdue, 1);
	/* Step 1: facts and hypotheses (one refuted, one confirmed), a diagnosis with its
	 * professional, a kindcheck for the adult client. */
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM meldcode_signal WHERE kind = 'fact'"), 12);
	ck_assert_int_ge(count(ctx, "SELECT count(*) FROM meldcode_signal WHERE kind ="
		" 'hypothesis'"), 10);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_signal WHERE verdict ="
		" 'refuted'"), 1);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_signal WHERE verdict ="
		" 'confirmed'"), 1);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_signal WHERE kind ="
		" 'diagnosis' AND length(diagnosed_by) > 0"), 1);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_kindcheck"), 1);
	/* Step 2: an anonymous Veilig Thuis advice; step 3: a skip with its legal reason. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_consultation WHERE anonymous"
		" = 1 AND with_kind = 'veilig_thuis'"), 1);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_step WHERE step = 3 AND state"
		" = 'skipped' AND skip_reason = 'safety' AND length(skip_note) > 0"), 1);
	/* Meldingen with Veilig Thuis's reference; an acute contact with the police and VT;
	 * help with a follow-up date, one still to come. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_event WHERE kind = 'melding'"
		" AND reference LIKE 'VT-%'"), 4);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_acute WHERE service ="
		" 'both' AND reference IS NOT NULL"), 1);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_event WHERE kind ="
		" 'help_followup' AND on_date > date('now')"), 1);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM meldcode_event WHERE kind ="
		" 'help_checked' AND outcome = 'stopped'"), 1);
	/* Every decision to melden became a melding Veilig Thuis escalation. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation WHERE kind = 'veilig_thuis'"
		" AND meldcode_id IS NOT NULL"), 5);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

/* ---- escalations ---- */

struct esc_tally {
	struct casus_ctx *ctx;
	int pending[ESC_KIND_COUNT];
	int queue, decidable, acted_undecided, info_requested;
	char decidable_id[CASUS_ID_LEN];
	char kind_of_decidable[32];
};

static int tally_queue(void *arg, const struct escalation *e)
{
	struct esc_tally *t = arg;
	struct casus_err err = { 0 };
	t->queue++;
	if (e->status == ESC_PENDING)
		t->pending[e->kind]++;
	t->info_requested += e->status == ESC_INFO_REQUESTED;
	t->acted_undecided += e->acted_before_approval && e->flagged;
	if (escalation_check_decider(t->ctx, e, &err) == CASUS_OK) {
		ck_assert(e->can_decide);
		if (!t->decidable++ && e->kind == ESC_SPECIALISTISCH)
			snprintf(t->decidable_id, sizeof t->decidable_id, "%s", e->id);
		if (!t->decidable_id[0] && e->kind == ESC_SPECIALISTISCH)
			snprintf(t->decidable_id, sizeof t->decidable_id, "%s", e->id);
	}
	return 0;
}

static int no_regie_of(void *arg, const struct family_row *row)
{
	ck_assert_str_ne(row->regie_login, (const char *)arg);
	return 0;
}

START_TEST(demo_has_escalations_of_every_kind_and_a_queue)
{
	struct tmp t;
	tmp_setup(&t);
	copy_template(&t);
	struct casus_ctx *ctx = open_db(t.path, &t.err);
	/* Decided ones carry motivations; rejections say what is needed instead. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation WHERE status = 'approved'"), 7);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation WHERE status = 'rejected'"
		" AND length(motivation) > 0 AND length(instead) > 0"), 2);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation WHERE status IN ('approved',"
		" 'rejected') AND (motivation IS NULL OR decided_by = requested_by)"), 0);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation WHERE status = 'withdrawn'"), 1);
	ck_assert_int_eq(count(ctx, "SELECT count(DISTINCT kind) FROM escalation WHERE status ="
		" 'approved'"), 4);
	/* A crisis acted on at once and approved afterwards (retroactive). */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation_event WHERE action ="
		" 'approve' AND retroactive = 1"), 1);
	/* Asked, answered, approved: the history shows all three. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation_event WHERE action ="
		" 'answer'"), 1);
	/* The opschalen request names its level. */
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation WHERE kind = 'opschalen' AND"
		" level IS NULL"), 0);

	/* The gedragswetenschapper's queue: a pending request of every kind, one acted on
	 * before approval, one waiting for the coach's answer; never their own family. */
	ck_ok(casus_identify(ctx, "sdemir", &t.err));
	ck_assert_int_eq(ctx->user.role, ROLE_GEDRAGSWETENSCHAPPER);
	struct family_query q = { .phase = -1, .sort = SORT_CASE_NO };
	ck_ok(family_list_each(ctx, &q, no_regie_of, (void *)"sdemir", &t.err));
	struct esc_tally et = { .ctx = ctx };
	ck_ok(escalation_queue_each(ctx, tally_queue, &et, &t.err));
	ck_assert_int_eq(et.queue, 7);
	for (int k = 0; k < ESC_KIND_COUNT; k++)
		ck_assert_msg(et.pending[k] >= 1, "no pending %s", escalation_kind_name(k));
	ck_assert_int_eq(et.pending[ESC_VEILIG_THUIS], 2);
	ck_assert_int_eq(et.acted_undecided, 1);
	ck_assert_int_eq(et.info_requested, 1);
	ck_assert_int_eq(et.decidable, 6);
	ck_assert_int_eq(count(ctx, "SELECT count(*) FROM escalation WHERE status = 'pending' AND"
		" kind = 'veilig_thuis' AND meldcode_id IS NOT NULL"), 2);

	/* ... and can work through it: approving one shows in the family's flags. */
	struct escalation e;
	ck_assert(et.decidable_id[0] != '\0');
	ck_ok(escalation_get(ctx, et.decidable_id, &e, &t.err));
	struct escalation_flags before, after;
	ck_ok(escalation_family_flags(ctx, e.family_id, &before, &t.err));
	ck_ok(escalation_decide(ctx, &e, ESC_DECIDE_APPROVE, "Passend na de basis-GGZ.", NULL,
		&t.err));
	ck_assert_int_eq(e.status, ESC_APPROVED);
	ck_ok(escalation_family_flags(ctx, e.family_id, &after, &t.err));
	ck_assert_int_eq(after.approved, before.approved + 1);
	ck_assert_int_eq(after.pending, before.pending - 1);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

/* ---- determinism ---- */

struct listing {
	char *text;
	size_t len, cap;
};

static int append_row(void *arg, const struct family_row *row)
{
	struct listing *l = arg;
	char line[1024];
	int n = snprintf(line, sizeof line, "%s\t%s\t%s\t%s\t%c\n", row->case_no,
		row->display_name, family_phase_name(row->phase), row->regie_login,
		row->triage ? row->triage : '-');
	if (l->len + (size_t)n + 1 > l->cap) {
		l->cap = (l->cap + (size_t)n + 1) * 2;
		l->text = realloc(l->text, l->cap);
		ck_assert_ptr_nonnull(l->text);
	}
	memcpy(l->text + l->len, line, (size_t)n + 1);
	l->len += (size_t)n;
	return 0;
}

static char *list_of(const char *path, struct casus_err *err)
{
	struct casus_ctx *ctx = open_db(path, err);
	struct listing l = { 0 };
	struct family_query q = { .phase = -1, .sort = SORT_CASE_NO };
	ck_ok(family_list_each(ctx, &q, append_row, &l, err));
	casus_close(ctx);
	return l.text;
}

/* The plan and meldcode exports (JSON) of a family with both, as the teamleider. */
static char *exports_of(const char *path, struct casus_err *err)
{
	struct casus_ctx *ctx = open_db(path, err);
	char *text = NULL, cno[CASE_NO_LEN];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(f);
	ck_ok(casus_identify(ctx, "hvdlinden", err));
	case_of(ctx, "El Amrani", cno);
	ck_ok(plan_export(ctx, cno, PLAN_IN_FORCE, PLAN_FORMAT_JSON, "nl", f, err));
	ck_ok(meldcode_export(ctx, cno, MELDCODE_JSON, "nl", f, err));
	fclose(f);
	casus_close(ctx);
	ck_assert_uint_gt(len, 1000);
	return text;
}

START_TEST(demo_is_deterministic)
{
	struct tmp t;
	tmp_setup(&t);
	char second[400];
	snprintf(second, sizeof second, "%s/second.db", t.dir);
	/* How fast the demo builds is for the benchmark (tests/bench), not a test. */
	ids_reset();
	ck_ok(demo_create(t.path, false, &t.err));
	ids_reset();
	ck_ok(demo_create(second, false, &t.err));
	char *one = list_of(t.path, &t.err), *two = list_of(second, &t.err);
	ck_assert_ptr_nonnull(one);
	ck_assert_str_eq(one, two);
	char *ex1 = exports_of(t.path, &t.err), *ex2 = exports_of(second, &t.err);
	ck_assert_str_eq(ex1, ex2);
	free(ex1);
	free(ex2);
	free(one);
	free(two);
	tmp_teardown(&t, second);
}
END_TEST

/* ---- an existing file ---- */

START_TEST(existing_demo_needs_force)
{
	struct tmp t;
	tmp_setup(&t);
	ck_ok(demo_create(t.path, false, &t.err));
	long len;
	char *before = slurp(t.path, &len);
	ck_assert_int_eq(demo_create(t.path, false, &t.err), CASUS_E_EXISTS);
	ck_assert_msg(strstr(t.err.msg, "--force") != NULL, "message: %s", t.err.msg);
	assert_unchanged(t.path, before, len);
	free(before);

	ck_ok(demo_create(t.path, true, &t.err));
	struct casus_ctx *ctx = open_db(t.path, &t.err);
	ck_assert(ctx->demo);
	int64_t n = 0;
	struct family_query q = { .phase = -1, .sort = SORT_CASE_NO };
	ck_ok(family_list_count(ctx, &q, &n, &t.err));
	ck_assert_int_ge(n, 40);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

START_TEST(force_never_replaces_a_real_team_database)
{
	struct tmp t;
	tmp_setup(&t);
	struct casus_ctx *ctx = NULL;
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	ck_ok(casus_open(t.path, &o, &ctx, &t.err));
	ck_ok(casus_meta_set(ctx, "team", "Echt team", &t.err));
	ck_ok(member_add_first(ctx, casus_unix_login(), "Tessa Leider", NULL, &t.err));
	casus_close(ctx);
	long len;
	char *before = slurp(t.path, &len);
	enum casus_rc rc = demo_create(t.path, true, &t.err);
	ck_assert_int_ne(rc, CASUS_OK);
	ck_assert_msg(strstr(t.err.msg, "not changed") != NULL, "message: %s", t.err.msg);
	assert_unchanged(t.path, before, len);
	free(before);
	ctx = open_db(t.path, &t.err);
	ck_assert(!ctx->demo);
	casus_close(ctx);
	tmp_teardown(&t, NULL);
}
END_TEST

START_TEST(force_never_replaces_another_file)
{
	struct tmp t;
	tmp_setup(&t);
	FILE *f = fopen(t.path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("notes of a coach, not a database\n", f);
	fclose(f);
	long len;
	char *before = slurp(t.path, &len);
	ck_assert_int_eq(demo_create(t.path, true, &t.err), CASUS_E_NOTDB);
	assert_unchanged(t.path, before, len);
	free(before);
	tmp_teardown(&t, NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 120);
	tcase_add_unchecked_fixture(tc, make_template, remove_template);
	tcase_add_test(tc, demo_has_a_full_team_and_families_in_every_phase);
	tcase_add_test(tc, demo_has_children_of_all_ages_and_valid_bsns);
	tcase_add_test(tc, demo_has_consent_and_notes_of_every_kind);
	tcase_add_test(tc, demo_has_plans_in_every_state);
	tcase_add_test(tc, demo_has_meldcode_trajectories_at_every_step);
	tcase_add_test(tc, demo_has_escalations_of_every_kind_and_a_queue);
	tcase_add_test(tc, demo_is_deterministic);
	tcase_add_test(tc, existing_demo_needs_force);
	tcase_add_test(tc, force_never_replaces_a_real_team_database);
	tcase_add_test(tc, force_never_replaces_another_file);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
