/* The demo database: what it contains (every phase, role, age band, a valid BSN, one
 * regievoerder per case, consent and notes of every kind), that it is deterministic,
 * and that an existing file is only ever replaced when it is itself a demo. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/demo.h"
#include "casus/family.h"
#include "casus/ids.h"
#include "casus/member.h"
#include "casus/person.h"
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
	ck_ok(demo_create(t.path, false, &t.err));
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
	ck_ok(demo_create(t.path, false, &t.err));
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
	ck_ok(demo_create(t.path, false, &t.err));
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

START_TEST(demo_is_deterministic_and_fast)
{
	struct tmp t;
	tmp_setup(&t);
	char second[400];
	snprintf(second, sizeof second, "%s/second.db", t.dir);
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	ids_reset();
	ck_ok(demo_create(t.path, false, &t.err));
	clock_gettime(CLOCK_MONOTONIC, &b);
	ids_reset();
	ck_ok(demo_create(second, false, &t.err));
	char *one = list_of(t.path, &t.err), *two = list_of(second, &t.err);
	ck_assert_ptr_nonnull(one);
	ck_assert_str_eq(one, two);
	double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	/* Well under a second in a normal build; generous for sanitizers and slow disks. */
	ck_assert_msg(secs < 10.0, "demo_create took %.2f s", secs);
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
	tcase_add_test(tc, demo_has_a_full_team_and_families_in_every_phase);
	tcase_add_test(tc, demo_has_children_of_all_ages_and_valid_bsns);
	tcase_add_test(tc, demo_has_consent_and_notes_of_every_kind);
	tcase_add_test(tc, demo_is_deterministic_and_fast);
	tcase_add_test(tc, existing_demo_needs_force);
	tcase_add_test(tc, force_never_replaces_a_real_team_database);
	tcase_add_test(tc, force_never_replaces_another_file);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
