/* Regie: one active regievoerder per family, who may assign and hand over, and the
 * history of handovers. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "casus/family.h"
#include "casus/member.h"
#include "casus/regie.h"
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

struct history {
	int n;
	struct regie_row r[8];
};

static int collect(void *arg, const struct regie_row *row)
{
	struct history *h = arg;
	ck_assert_int_lt(h->n, 8);
	h->r[h->n++] = *row;
	return 0;
}

static void new_family(struct fixture *fx, const char *name, struct family *f)
{
	char id[CASUS_ID_LEN];
	fx_family(fx, name, id);
	ck_ok(family_get(fx->ctx, id, f, &fx->err));
}

static void member_id(struct fixture *fx, const char *login, char out[CASUS_ID_LEN])
{
	struct member m;
	ck_ok(member_get_by_login(fx->ctx, login, &m, &fx->err));
	memcpy(out, m.id, CASUS_ID_LEN);
}

START_TEST(teamleider_assigns_the_first_regievoerder)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f;
	new_family(&fx, "Jansen", &f);
	ck_ok(regie_assign(fx.ctx, &f, "coach1", "past bij caseload", &fx.err));
	char cid[CASUS_ID_LEN];
	member_id(&fx, "coach1", cid);
	ck_assert_str_eq(f.regie_id, cid);
	ck_assert_str_eq(f.regie_login, "coach1");
	ck_assert_str_eq(f.regie_name, "Carla Coach");
	ck_assert_int_eq(f.rev, 2);
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM family WHERE regie_sort = 'carla coach'"), 1);
	struct history h = { 0 };
	ck_ok(regie_history(fx.ctx, f.id, collect, &h, &fx.err));
	ck_assert_int_eq(h.n, 1);
	ck_assert_str_eq(h.r[0].member_login, "coach1");
	ck_assert_str_eq(h.r[0].started_at, "2026-11-23T09:00:00Z");
	ck_assert_str_eq(h.r[0].ended_at, "");
	ck_assert_str_eq(h.r[0].assigned_by_login, casus_unix_login());
	ck_assert_str_eq(h.r[0].reason, "past bij caseload");
	/* The case list filter by regievoerder finds it. */
	struct family_query q = { .phase = -1, .regie_id = cid };
	int64_t n = 0;
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 1);
	fx_teardown(&fx);
}
END_TEST

START_TEST(a_coach_cannot_assign)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f;
	new_family(&fx, "Jansen", &f);
	int64_t audits = count(fx.ctx->db, "SELECT count(*) FROM audit");
	fx_act_as(&fx, "coach1");
	ck_assert_int_eq(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err), CASUS_E_PERM);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "teamleider"));
	fx_act_as(&fx, "gw1");
	ck_assert_int_eq(regie_assign(fx.ctx, &f, "coach2", NULL, &fx.err), CASUS_E_PERM);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie"), 0);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM family WHERE regie_id IS NULL"
		" AND rev = 1"), 1);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), audits);
	fx_teardown(&fx);
}
END_TEST

START_TEST(a_second_regievoerder_is_refused)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f;
	new_family(&fx, "Jansen", &f);
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	ck_assert_int_eq(regie_assign(fx.ctx, &f, "coach2", NULL, &fx.err), CASUS_E_EXISTS);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Carla Coach"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "hand over"));
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie"), 1);

	/* The database itself refuses a second open row, whatever writes it. */
	char sql[512];
	char cid[CASUS_ID_LEN], lid[CASUS_ID_LEN];
	member_id(&fx, "coach2", cid);
	member_id(&fx, casus_unix_login(), lid);
	snprintf(sql, sizeof sql,
		"INSERT INTO regie(id, family_id, member_id, started_at, assigned_by)"
		" VALUES ('00000000-0000-4000-8000-00000000beef', '%s', '%s',"
		" '2026-11-23T10:00:00Z', '%s')", f.id, cid, lid);
	char *msg = NULL;
	int rc = sqlite3_exec(fx.ctx->db, sql, NULL, NULL, &msg);
	ck_assert_int_eq(rc & 0xff, SQLITE_CONSTRAINT);
	ck_assert_ptr_nonnull(msg);
	ck_assert_ptr_nonnull(strstr(msg, "UNIQUE"));
	sqlite3_free(msg);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie WHERE ended_at IS NULL"), 1);
	/* A closed (ended) row for the same family is fine: that is history. */
	snprintf(sql, sizeof sql,
		"INSERT INTO regie(id, family_id, member_id, started_at, ended_at, assigned_by)"
		" VALUES ('00000000-0000-4000-8000-00000000beef', '%s', '%s',"
		" '2026-01-01T10:00:00Z', '2026-02-01T10:00:00Z', '%s')", f.id, cid, lid);
	ck_assert_int_eq(sqlite3_exec(fx.ctx->db, sql, NULL, NULL, NULL), SQLITE_OK);
	fx_teardown(&fx);
}
END_TEST

START_TEST(handover_by_current_regievoerder_and_by_teamleider)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f;
	new_family(&fx, "Ødegaard", &f);
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));

	/* The current regievoerder hands over. */
	fx_act_as(&fx, "coach1");
	ck_ok(regie_handover(fx.ctx, &f, "coach2", "verhuizing naar Noord", &fx.err));
	ck_assert_str_eq(f.regie_login, "coach2");
	char c2[CASUS_ID_LEN];
	member_id(&fx, "coach2", c2);
	ck_assert_str_eq(f.regie_id, c2);

	/* coach1 is no longer the regievoerder, so may not hand over again. */
	ck_assert_int_eq(regie_handover(fx.ctx, &f, "coach1", NULL, &fx.err), CASUS_E_PERM);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "current regievoerder or a teamleider"));
	/* Nor may another coach. */
	fx_act_as(&fx, "af1");
	ck_assert_int_eq(regie_handover(fx.ctx, &f, "af1", NULL, &fx.err), CASUS_E_PERM);
	ck_assert_str_eq(f.regie_login, "coach2");

	/* A teamleider may. */
	fx_act_as_leader(&fx);
	ck_ok(regie_handover(fx.ctx, &f, "af1", "ziekte", &fx.err));
	ck_assert_str_eq(f.regie_login, "af1");
	ck_assert_str_eq(f.regie_name, "Anouk Functionaris");
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM family WHERE regie_sort = 'anouk functionaris'"), 1);

	struct history h = { 0 };
	ck_ok(regie_history(fx.ctx, f.id, collect, &h, &fx.err));
	ck_assert_int_eq(h.n, 3);
	const char *who[] = { "coach1", "coach2", "af1" };
	const char *by[] = { casus_unix_login(), "coach1", casus_unix_login() };
	for (int i = 0; i < 3; i++) {
		ck_assert_str_eq(h.r[i].member_login, who[i]);
		ck_assert_str_eq(h.r[i].assigned_by_login, by[i]);
		ck_assert_str_eq(h.r[i].ended_at, i < 2 ? "2026-11-23T09:00:00Z" : "");
	}
	ck_assert_str_eq(h.r[1].reason, "verhuizing naar Noord");
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie WHERE ended_at IS NULL"), 1);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie r JOIN family f"
		" ON f.id = r.family_id WHERE r.ended_at IS NULL AND r.member_id = f.regie_id"), 1);

	/* The list filter follows the handover. */
	struct family_query q = { .phase = -1, .regie_id = c2 };
	int64_t n = -1;
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 0);
	fx_teardown(&fx);
}
END_TEST

START_TEST(handover_needs_a_current_regievoerder_and_a_new_person)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f;
	new_family(&fx, "Jansen", &f);
	ck_assert_int_eq(regie_handover(fx.ctx, &f, "coach1", NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "no regievoerder yet"));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	ck_assert_int_eq(regie_handover(fx.ctx, &f, "coach1", NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "already the regievoerder"));
	ck_assert_int_eq(regie_handover(fx.ctx, &f, "nobody-here", NULL, &fx.err),
		CASUS_E_NOTFOUND);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie"), 1);
	fx_teardown(&fx);
}
END_TEST

START_TEST(inactive_member_cannot_get_regie)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f, g;
	new_family(&fx, "Jansen", &f);
	new_family(&fx, "Bakker", &g);
	ck_ok(regie_assign(fx.ctx, &g, "coach1", NULL, &fx.err));
	struct member_change ch = { .role = -1, .aandacht = -1, .active = 0 };
	ck_ok(member_change(fx.ctx, "coach2", &ch, NULL, &fx.err));
	ck_assert_int_eq(regie_assign(fx.ctx, &f, "coach2", NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "Cees Çelik"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "no longer an active"));
	ck_assert_int_eq(regie_handover(fx.ctx, &g, "coach2", NULL, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM regie"), 1);
	ck_ok(family_get(fx.ctx, f.id, &f, &fx.err));
	ck_assert_str_eq(f.regie_id, "");
	fx_teardown(&fx);
}
END_TEST

START_TEST(renaming_the_regievoerder_updates_the_sort_key)
{
	struct fixture fx;
	fx_setup(&fx);
	struct family f;
	new_family(&fx, "Jansen", &f);
	ck_ok(regie_assign(fx.ctx, &f, "coach2", NULL, &fx.err));
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM family WHERE regie_sort = 'cees celik'"), 1);
	struct member_change ch = { .role = -1, .aandacht = -1, .active = -1,
		.name = "Zoë de Wit" };
	ck_ok(member_change(fx.ctx, "coach2", &ch, NULL, &fx.err));
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM family WHERE regie_sort = 'zoe de wit'"), 1);
	ck_ok(family_get(fx.ctx, f.id, &f, &fx.err));
	ck_assert_str_eq(f.regie_name, "Zoë de Wit");
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("regie");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, teamleider_assigns_the_first_regievoerder);
	tcase_add_test(tc, a_coach_cannot_assign);
	tcase_add_test(tc, a_second_regievoerder_is_refused);
	tcase_add_test(tc, handover_by_current_regievoerder_and_by_teamleider);
	tcase_add_test(tc, handover_needs_a_current_regievoerder_and_a_new_person);
	tcase_add_test(tc, inactive_member_cannot_get_regie);
	tcase_add_test(tc, renaming_the_regievoerder_updates_the_sort_key);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
