/* Escalations, the flow around the rules: the approvals queue and its order, lists
 * for the CLI, a family's history, case-list flags, one audit row and one history
 * row per state change, and concurrent decisions from two connections (one wins,
 * the other gets a conflict naming the winner; never two decisions). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/member.h"
#include "fixture.h"

static struct fixture fx;
static char fam[CASUS_ID_LEN], fam2[CASUS_ID_LEN];
static struct escalation e, e2;

static void setup(void)
{
	fx_setup(&fx);
	fx_family(&fx, "Jansen", fam);
	fx_family(&fx, "de Vries", fam2);
}

static void teardown(void)
{
	setenv("CASUS_NOW", "2026-11-23T09:00:00Z", 1);
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

/* A request by coach1 at a given time (the clock is fixed by CASUS_NOW). */
static void request_at(const char *now, const char *family, enum escalation_kind kind,
	enum escalation_urgency urg, bool acted, struct escalation *out)
{
	setenv("CASUS_NOW", now, 1);
	fx_act_as(&fx, "coach1");
	struct escalation_new in = { .family = family, .kind = kind, .urgency = urg,
		.reason = "Zorgen nemen toe.", .acted = acted,
		.level = kind == ESC_OPSCHALEN ? "teamleider" : NULL };
	ck_ok(escalation_request(fx.ctx, &in, out, &fx.err));
}

struct seen {
	int n;
	char ids[16][CASUS_ID_LEN];
	int events;
	char actions[200];
};

static int collect(void *arg, const struct escalation *x)
{
	struct seen *s = arg;
	ck_assert_int_lt(s->n, 16);
	snprintf(s->ids[s->n++], CASUS_ID_LEN, "%s", x->id);
	return 0;
}

static int collect_event(void *arg, const struct escalation *x,
	const struct escalation_event *ev)
{
	struct seen *s = arg;
	s->events++;
	size_t len = strlen(s->actions);
	snprintf(s->actions + len, sizeof s->actions - len, "%s%.8s:%s", len ? " " : "",
		x->id, ev->action);
	return 0;
}

START_TEST(queue_order_acted_first_then_urgency_then_oldest)
{
	static struct escalation normaal_old, hoog, acuut, acted, normaal_new, asked, done,
		withdrawn, acted_old;
	request_at("2026-11-01T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_NORMAAL, false,
		&normaal_old);
	request_at("2026-11-10T09:00:00Z", fam, ESC_RAAD, URGENCY_HOOG, false, &hoog);
	request_at("2026-11-20T09:00:00Z", fam2, ESC_VEILIG_THUIS, URGENCY_ACUUT, false, &acuut);
	request_at("2026-11-22T09:00:00Z", fam2, ESC_CRISIS, URGENCY_ACUUT, true, &acted);
	request_at("2026-11-05T09:00:00Z", fam2, ESC_CRISIS, URGENCY_ACUUT, true, &acted_old);
	request_at("2026-11-21T09:00:00Z", fam, ESC_OPSCHALEN, URGENCY_NORMAAL, false,
		&normaal_new);
	request_at("2026-11-02T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_HOOG, false, &asked);
	request_at("2026-10-01T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_ACUUT, false, &done);
	request_at("2026-10-02T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_ACUUT, false,
		&withdrawn);
	setenv("CASUS_NOW", "2026-11-23T09:00:00Z", 1);
	ck_ok(escalation_withdraw(fx.ctx, &withdrawn, NULL, &fx.err));
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &done, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err));
	ck_ok(escalation_decide(fx.ctx, &asked, ESC_DECIDE_ASK, "Wie is betrokken?", NULL,
		&fx.err));
	struct seen s = { 0 };
	ck_ok(escalation_queue_each(fx.ctx, collect, &s, &fx.err));
	const struct escalation *want[] = { &acted_old, &acted, &acuut, &asked, &hoog,
		&normaal_old, &normaal_new };
	ck_assert_int_eq(s.n, 7);
	for (int i = 0; i < 7; i++)
		ck_assert_msg(strcmp(s.ids[i], want[i]->id) == 0, "queue position %d", i);
	/* The same order through the CLI list with --pending, narrowed to one family. */
	struct seen s2 = { 0 };
	struct escalation_filter f = { .family = fam, .status = -1, .kind = -1,
		.open_only = true };
	ck_ok(escalation_list_each(fx.ctx, &f, collect, &s2, &fx.err));
	ck_assert_int_eq(s2.n, 4);
	ck_assert_str_eq(s2.ids[0], asked.id);
	ck_assert_str_eq(s2.ids[3], normaal_new.id);
}
END_TEST

START_TEST(queue_walks_its_index)
{
	/* The queue must stay cheap with years of decided escalations behind it. */
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db,
		"EXPLAIN QUERY PLAN SELECT e.id FROM escalation e WHERE e.status IN"
		" ('pending', 'info_requested') ORDER BY e.acted_before_approval DESC,"
		" e.urgency_ord, e.requested_at, e.id", -1, &st, NULL), SQLITE_OK);
	char plan[1000] = "";
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = strlen(plan);
		snprintf(plan + len, sizeof plan - len, "%s; ", sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	ck_assert_msg(strstr(plan, "escalation_queue"), "plan: %s", plan);
	ck_assert_msg(!strstr(plan, "TEMP B-TREE"), "plan sorts: %s", plan);
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db,
		"EXPLAIN QUERY PLAN SELECT count(*) FROM escalation WHERE family_id = 'x'", -1, &st,
		NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_msg(strstr((const char *)sqlite3_column_text(st, 3), "escalation_by_family"),
		"flags plan: %s", sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
}
END_TEST

START_TEST(list_filters_and_lookup_by_prefix)
{
	request_at("2026-11-01T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	request_at("2026-11-02T09:00:00Z", fam2, ESC_RAAD, URGENCY_NORMAAL, false, &e2);
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e2, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err));
	struct seen s = { 0 };
	struct escalation_filter all = { .status = -1, .kind = -1 };
	ck_ok(escalation_list_each(fx.ctx, &all, collect, &s, &fx.err));
	ck_assert_int_eq(s.n, 2);
	ck_assert_str_eq(s.ids[0], e.id); /* oldest request first */
	struct escalation_filter approved = { .status = ESC_APPROVED, .kind = -1 };
	memset(&s, 0, sizeof s);
	ck_ok(escalation_list_each(fx.ctx, &approved, collect, &s, &fx.err));
	ck_assert_int_eq(s.n, 1);
	ck_assert_str_eq(s.ids[0], e2.id);
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	struct escalation_filter by_case = { .family = f.case_no, .status = -1,
		.kind = ESC_SPECIALISTISCH };
	memset(&s, 0, sizeof s);
	ck_ok(escalation_list_each(fx.ctx, &by_case, collect, &s, &fx.err));
	ck_assert_int_eq(s.n, 1);
	ck_assert_str_eq(s.ids[0], e.id);
	by_case.family = "2030-0001";
	ck_assert_int_eq(escalation_list_each(fx.ctx, &by_case, collect, &s, &fx.err),
		CASUS_E_NOTFOUND);
	/* The CLI shows the first 8 characters of an id; they are enough to find it. */
	char prefix[9] = { 0 };
	memcpy(prefix, e2.id, 8);
	ck_ok(escalation_get(fx.ctx, prefix, &e, &fx.err));
	ck_assert_str_eq(e.id, e2.id);
	ck_assert_int_eq(escalation_get(fx.ctx, "0123", &e, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_int_eq(escalation_get(fx.ctx, "ffffffff", &e, &fx.err), CASUS_E_NOTFOUND);
}
END_TEST

START_TEST(family_history_newest_first_with_events)
{
	request_at("2026-11-01T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &e);
	request_at("2026-11-02T09:00:00Z", fam, ESC_CRISIS, URGENCY_ACUUT, true, &e2);
	request_at("2026-11-03T09:00:00Z", fam2, ESC_RAAD, URGENCY_NORMAAL, false, &e2);
	ck_ok(escalation_get(fx.ctx, e.id, &e, &fx.err));
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_REJECT, "Niet nodig.", "Opvoedsteun.",
		&fx.err));
	struct seen s = { 0 };
	ck_ok(escalation_each_for_family(fx.ctx, fam, collect, collect_event, &s, &fx.err));
	ck_assert_int_eq(s.n, 2);
	ck_assert_str_eq(s.ids[1], e.id);
	ck_assert_int_eq(s.events, 4);
	char want[200];
	snprintf(want, sizeof want, "%.8s:request %.8s:act %.8s:request %.8s:reject", s.ids[0],
		s.ids[0], e.id, e.id);
	ck_assert_str_eq(s.actions, want);
	struct seen only = { 0 };
	ck_ok(escalation_each_for_family(fx.ctx, fam, collect, NULL, &only, &fx.err));
	ck_assert_int_eq(only.n, 2);
	ck_assert_int_eq(only.events, 0);
	struct seen one = { 0 };
	ck_ok(escalation_events_each(fx.ctx, e.id, collect_event, &one, &fx.err));
	ck_assert_int_eq(one.events, 2);
}
END_TEST

START_TEST(family_flags_count_each_state)
{
	struct escalation_flags fl;
	ck_ok(escalation_family_flags(fx.ctx, fam, &fl, &fx.err));
	ck_assert_int_eq(fl.pending + fl.approved + fl.rejected + fl.acted_undecided, 0);
	static struct escalation a, b, c, d;
	request_at("2026-11-01T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_NORMAAL, false, &a);
	request_at("2026-11-01T09:00:00Z", fam, ESC_RAAD, URGENCY_NORMAAL, false, &b);
	request_at("2026-11-01T09:00:00Z", fam, ESC_CRISIS, URGENCY_ACUUT, true, &c);
	request_at("2026-11-01T09:00:00Z", fam, ESC_VEILIG_THUIS, URGENCY_HOOG, false, &d);
	request_at("2026-11-01T09:00:00Z", fam2, ESC_RAAD, URGENCY_NORMAAL, false, &e);
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &a, ESC_DECIDE_APPROVE, "Eens.", NULL, &fx.err));
	ck_ok(escalation_decide(fx.ctx, &b, ESC_DECIDE_REJECT, "Nee.", "Eerst X.", &fx.err));
	ck_ok(escalation_decide(fx.ctx, &d, ESC_DECIDE_ASK, "Wanneer?", NULL, &fx.err));
	ck_ok(escalation_family_flags(fx.ctx, fam, &fl, &fx.err));
	ck_assert_int_eq(fl.pending, 2);
	ck_assert_int_eq(fl.info_requested, 1);
	ck_assert_int_eq(fl.approved, 1);
	ck_assert_int_eq(fl.rejected, 1);
	ck_assert_int_eq(fl.acted_undecided, 1);
	ck_ok(escalation_family_flags(fx.ctx, fam2, &fl, &fx.err));
	ck_assert_int_eq(fl.pending, 1);
	ck_assert_int_eq(fl.approved, 0);
}
END_TEST

struct tally {
	int events, audits;
};

static int count_audit(void *arg, const struct audit_row *row)
{
	struct tally *t = arg;
	if (strcmp(row->object_type, "escalation") == 0 && strcmp(row->object_id, e.id) == 0)
		t->audits++;
	return 0;
}

static int count_event(void *arg, const struct escalation *x,
	const struct escalation_event *ev)
{
	((struct tally *)arg)->events++;
	return 0;
}

START_TEST(every_state_change_has_an_audit_row_and_an_event)
{
	request_at("2026-11-23T09:00:00Z", fam, ESC_CRISIS, URGENCY_ACUUT, false, &e);
	fx_act_as(&fx, "coach1");
	ck_ok(escalation_act(fx.ctx, &e, "Crisisdienst ingeschakeld.", &fx.err));
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_ASK, "Hoe gaat het nu?", NULL, &fx.err));
	fx_act_as(&fx, "coach1");
	ck_ok(escalation_answer(fx.ctx, &e, "Rustig.", &fx.err));
	fx_act_as(&fx, "gw1");
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Terecht.", NULL, &fx.err));
	/* request, act, ask, answer, approve */
	struct tally t = { 0 };
	ck_ok(escalation_events_each(fx.ctx, e.id, count_event, &t, &fx.err));
	struct audit_filter af = { .family_id = fam };
	fx_act_as_leader(&fx); /* the access log is the teamleider's to read */
	ck_ok(audit_each(fx.ctx, &af, count_audit, &t, &fx.err));
	ck_assert_int_eq(t.events, 5);
	ck_assert_int_eq(t.audits, 5);
	ck_assert_int_eq(e.rev, 5);
	ck_assert_int_eq(count("SELECT count(DISTINCT by_id) FROM escalation_event"
		" WHERE escalation_id = %Q", e.id), 2);
	int64_t bad = 0, rows = 0;
	ck_ok(audit_verify(fx.ctx, &bad, &rows, &fx.err));
	/* A refused change leaves neither. */
	ck_assert_int_ne(escalation_withdraw(fx.ctx, &e, NULL, &fx.err), CASUS_OK);
	memset(&t, 0, sizeof t);
	ck_ok(escalation_events_each(fx.ctx, e.id, count_event, &t, &fx.err));
	ck_ok(audit_each(fx.ctx, &af, count_audit, &t, &fx.err));
	ck_assert_int_eq(t.events, 5);
	ck_assert_int_eq(t.audits, 5);
}
END_TEST

START_TEST(two_connections_decide_one_conflict)
{
	fx_act_as_leader(&fx);
	ck_ok(member_add(fx.ctx, "gw2", "Gijs Wetenschap", ROLE_GEDRAGSWETENSCHAPPER, false, NULL,
		&fx.err));
	request_at("2026-11-23T09:00:00Z", fam, ESC_RAAD, URGENCY_HOOG, false, &e);
	struct casus_ctx *other = fx_second(&fx, "gw2");
	fx_act_as(&fx, "gw1");
	/* Both looked at the same request (rev 1) ... */
	ck_ok(escalation_get(other, e.id, &e2, &fx.err));
	/* ... gw1 approves first ... */
	ck_ok(escalation_decide(fx.ctx, &e, ESC_DECIDE_APPROVE, "Onderzoek nodig.", NULL,
		&fx.err));
	/* ... and gw2's rejection, made on what they saw, is refused by name. */
	enum casus_rc rc = escalation_decide(other, &e2, ESC_DECIDE_REJECT, "Nee.", "Eerst X.",
		&fx.err);
	ck_assert_int_eq(rc, CASUS_E_CONFLICT);
	ck_assert_msg(strstr(fx.err.msg, "Greet Wetenschap") && strstr(fx.err.msg, "gw1"),
		"%s", fx.err.msg);
	ck_assert_msg(strstr(fx.err.msg, "approved"), "%s", fx.err.msg);
	ck_assert_int_eq(e2.rev, 1); /* the caller's copy is left as it was */
	casus_close(other);
	ck_assert_int_eq(count("SELECT count(*) FROM escalation_event WHERE escalation_id = %Q"
		" AND action IN ('approve', 'reject')", e.id), 1);
	ck_ok(escalation_get(fx.ctx, e.id, &e, &fx.err));
	ck_assert_int_eq(e.status, ESC_APPROVED);
	ck_assert_str_eq(e.decided_by_login, "gw1");
}
END_TEST

/* A child process decides as login on the request it read; exit code = casus_rc. */
static pid_t decide_in_child(const char *login, const char *id, enum escalation_decision d,
	int ready_fd, int go_fd)
{
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid != 0)
		return pid;
	struct casus_err err;
	struct casus_ctx *c = NULL;
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	if (casus_open(fx.path, &o, &c, &err) || casus_identify(c, NULL, &err))
		_exit(100);
	struct member m;
	if (member_get_by_login(c, login, &m, &err))
		_exit(101);
	snprintf(c->user.id, sizeof c->user.id, "%s", m.id);
	c->user.role = m.role;
	static struct escalation mine;
	if (escalation_get(c, id, &mine, &err))
		_exit(102);
	char go = 'r';
	/* Both have read rev 1 before either decides; then they start together. */
	if (write(ready_fd, &go, 1) != 1 || read(go_fd, &go, 1) != 1)
		_exit(103);
	enum casus_rc rc = escalation_decide(c, &mine, d, "Mijn oordeel.", "Eerst X.", &err);
	casus_close(c);
	_exit((int)rc);
}

START_TEST(racing_processes_never_both_decide)
{
	fx_act_as_leader(&fx);
	ck_ok(member_add(fx.ctx, "gw2", "Gijs Wetenschap", ROLE_GEDRAGSWETENSCHAPPER, false, NULL,
		&fx.err));
	for (int round = 0; round < 5; round++) {
		request_at("2026-11-23T09:00:00Z", fam, ESC_SPECIALISTISCH, URGENCY_NORMAAL, false,
			&e);
		int fds[2], ready[2];
		ck_assert_int_eq(pipe(fds), 0);
		ck_assert_int_eq(pipe(ready), 0);
		/* The children open their own connections; one inherited from this process
		 * could be neither used nor closed there (SQLite forbids both after fork)
		 * and would end as a leak under valgrind. */
		casus_close(fx.ctx);
		fx.ctx = NULL;
		pid_t a = decide_in_child("gw1", e.id, ESC_DECIDE_APPROVE, ready[1], fds[0]);
		pid_t b = decide_in_child("gw2", e.id, ESC_DECIDE_REJECT, ready[1], fds[0]);
		char rr[2];
		ck_assert_int_eq(read(ready[0], rr, 1), 1);
		ck_assert_int_eq(read(ready[0], rr + 1, 1), 1);
		ck_assert_int_eq(write(fds[1], "gg", 2), 2);
		close(fds[1]);
		close(ready[0]);
		close(ready[1]);
		int sa = 0, sb = 0;
		ck_assert_int_eq(waitpid(a, &sa, 0), a);
		ck_assert_int_eq(waitpid(b, &sb, 0), b);
		close(fds[0]);
		fx.ctx = fx_second(&fx, casus_unix_login());
		ck_assert(WIFEXITED(sa) && WIFEXITED(sb));
		int ra = WEXITSTATUS(sa), rb = WEXITSTATUS(sb);
		ck_assert_msg((ra == CASUS_OK && rb == CASUS_E_CONFLICT)
			|| (ra == CASUS_E_CONFLICT && rb == CASUS_OK), "round %d: %d and %d", round,
			ra, rb);
		ck_assert_int_eq(count("SELECT count(*) FROM escalation_event WHERE escalation_id"
			" = %Q AND action IN ('approve', 'reject')", e.id), 1);
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("escalation_flow");
	TCase *t = tcase_create("flow");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, queue_order_acted_first_then_urgency_then_oldest);
	tcase_add_test(t, queue_walks_its_index);
	tcase_add_test(t, list_filters_and_lookup_by_prefix);
	tcase_add_test(t, family_history_newest_first_with_events);
	tcase_add_test(t, family_flags_count_each_state);
	tcase_add_test(t, every_state_change_has_an_audit_row_and_an_event);
	tcase_add_test(t, two_connections_decide_one_conflict);
	tcase_add_test(t, racing_processes_never_both_decide);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return fx_run(suite());
}
