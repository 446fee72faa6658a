/* The access log: every write leaves a row saying who, what, which family and from
 * where; the table is append-only; the hash chain shows edits made behind casus's
 * back. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "fixture.h"

#define MAX_ROWS 64

struct rows {
	int n;
	struct audit_row r[MAX_ROWS];
};

static int collect(void *arg, const struct audit_row *row)
{
	struct rows *rs = arg;
	ck_assert_int_lt(rs->n, MAX_ROWS);
	rs->r[rs->n++] = *row;
	return 0;
}

static void all_rows(struct fixture *fx, struct rows *rs)
{
	memset(rs, 0, sizeof *rs);
	ck_ok(audit_each(fx->ctx, NULL, collect, rs, &fx->err));
}

static int64_t count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void exec_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
}

/* Exactly one new row since `before`, and it is the last one. */
static const struct audit_row *one_new_row(struct fixture *fx, struct rows *rs, int before)
{
	all_rows(fx, rs);
	ck_assert_int_eq(rs->n, before + 1);
	return &rs->r[rs->n - 1];
}

START_TEST(every_write_leaves_a_complete_audit_row)
{
	struct fixture fx;
	fx_setup(&fx);
	struct rows rs;
	all_rows(&fx, &rs);
	/* fx_setup added five members, each logged. */
	ck_assert_int_eq(rs.n, 5);
	const char *leader = casus_unix_login();

	int n = rs.n;
	struct family f;
	struct family_new in = { .display_name = "Çelik", .framework = -1 };
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	const struct audit_row *a = one_new_row(&fx, &rs, n);
	ck_assert_str_eq(a->event, "create");
	ck_assert_str_eq(a->login, leader);
	ck_assert_str_eq(a->workstation, "local"); /* no SSH_CLIENT, no tty under the runner */
	ck_assert_str_eq(a->family_id, f.id);
	ck_assert_str_eq(a->case_no, "2026-0001");
	ck_assert_str_eq(a->object_type, "family");
	ck_assert_str_eq(a->at, "2026-11-23T09:00:00Z");
	ck_assert_str_eq(a->on_behalf, "");

	n = rs.n;
	struct member m;
	ck_ok(member_add(fx.ctx, "coach3", "Bram Bakker", ROLE_COACH, false, &m, &fx.err));
	a = one_new_row(&fx, &rs, n);
	ck_assert_str_eq(a->event, "create");
	ck_assert_str_eq(a->login, leader);
	ck_assert_str_eq(a->workstation, "local");
	ck_assert_str_eq(a->object_type, "member");
	ck_assert_str_eq(a->object_id, m.id);
	ck_assert_str_eq(a->family_id, ""); /* a member is not about a family */
	ck_assert_ptr_nonnull(strstr(a->detail, "coach3"));

	n = rs.n;
	ck_ok(regie_assign(fx.ctx, &f, "coach3", "eerste regievoerder", &fx.err));
	a = one_new_row(&fx, &rs, n);
	ck_assert_str_eq(a->event, "update");
	ck_assert_str_eq(a->login, leader);
	ck_assert_str_eq(a->workstation, "local");
	ck_assert_str_eq(a->family_id, f.id);
	ck_assert_str_eq(a->object_type, "regie");
	ck_assert_str_eq(a->detail, "regievoerder coach3");

	/* From an SSH session the address is recorded (without the ports). */
	setenv("SSH_CLIENT", "192.0.2.17 50122 22", 1);
	ck_ok(casus_identify(fx.ctx, NULL, &fx.err));
	n = rs.n;
	f.address[0] = '\0';
	snprintf(f.phone, sizeof f.phone, "06-12345678");
	ck_ok(family_update(fx.ctx, &f, &fx.err));
	a = one_new_row(&fx, &rs, n);
	ck_assert_str_eq(a->event, "update");
	ck_assert_str_eq(a->workstation, "ssh 192.0.2.17");
	ck_assert_str_eq(a->family_id, f.id);
	setenv("SSH_CLIENT", "", 1);

	/* The member id of the actor is stored as well, except on the bootstrap row of
	 * casus init, written before the first member existed (its login is there). */
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM audit WHERE member_id IS NULL AND seq <> 1"), 0);
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT count(*) FROM audit a JOIN member m ON m.id = a.member_id"
		" WHERE m.login <> a.login"), 0);
	fx_teardown(&fx);
}
END_TEST

START_TEST(a_change_whose_audit_row_fails_is_not_saved)
{
	struct fixture fx;
	fx_setup(&fx);
	exec_ok(fx.ctx->db, "CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON main.audit"
		" BEGIN SELECT RAISE(ABORT, 'audit disk trouble'); END");
	int64_t families = count(fx.ctx->db, "SELECT count(*) FROM family");
	int64_t phases = count(fx.ctx->db, "SELECT count(*) FROM phase_change");
	struct family_new in = { .display_name = "Jansen", .framework = -1 };
	struct family f;
	ck_assert_int_ne(family_add(fx.ctx, &in, &f, &fx.err), CASUS_OK);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "audit disk trouble"));
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM family"), families);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM phase_change"), phases);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM family_fts"), 0);
	ck_assert_int_eq(fx.ctx->tx_depth, 0);
	ck_assert(sqlite3_get_autocommit(fx.ctx->db));
	exec_ok(fx.ctx->db, "DROP TRIGGER temp.audit_fails");
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	ck_assert_str_eq(f.case_no, "2026-0001");
	fx_teardown(&fx);
}
END_TEST

START_TEST(update_and_delete_on_audit_table_fail)
{
	struct fixture fx;
	fx_setup(&fx);
	fx_family(&fx, "Jansen", NULL);
	int64_t n = count(fx.ctx->db, "SELECT count(*) FROM audit");
	int64_t sum = count(fx.ctx->db, "SELECT sum(length(detail)) + sum(length(login)) FROM audit");
	char *msg = NULL;
	ck_assert_int_ne(sqlite3_exec(fx.ctx->db, "UPDATE audit SET login = 'mallory'", NULL, NULL,
				 &msg), SQLITE_OK);
	ck_assert_ptr_nonnull(msg);
	ck_assert_ptr_nonnull(strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	ck_assert_int_ne(sqlite3_exec(fx.ctx->db, "DELETE FROM audit", NULL, NULL, &msg),
		SQLITE_OK);
	ck_assert_ptr_nonnull(strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	ck_assert_int_ne(sqlite3_exec(fx.ctx->db, "DELETE FROM audit WHERE seq = 1", NULL, NULL,
				 &msg), SQLITE_OK);
	sqlite3_free(msg);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), n);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit WHERE login = 'mallory'"), 0);
	ck_assert_int_eq(count(fx.ctx->db,
		"SELECT sum(length(detail)) + sum(length(login)) FROM audit"), sum);
	int64_t bad = -1, checked = 0;
	ck_ok(audit_verify(fx.ctx, &bad, &checked, &fx.err));
	ck_assert_int_eq(checked, n);
	fx_teardown(&fx);
}
END_TEST

START_TEST(fresh_chain_verifies)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Jansen", id);
	struct family f;
	ck_ok(family_open(fx.ctx, id, &f, &fx.err));
	int64_t bad = -1, checked = 0;
	ck_ok(audit_verify(fx.ctx, &bad, &checked, &fx.err));
	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(checked, count(fx.ctx->db, "SELECT count(*) FROM audit"));
	ck_assert_int_eq(checked, 7); /* 5 members, the family, the read */
	ck_assert_int_eq(count(fx.ctx->db, "SELECT max(seq) FROM audit"), 7);
	fx_teardown(&fx);
}
END_TEST

/* A fixture with ten audit rows. */
static void ten_rows(struct fixture *fx)
{
	fx_setup(fx);
	fx_family(fx, "Jansen", NULL);
	fx_family(fx, "de Vries", NULL);
	fx_family(fx, "Ødegaard", NULL);
	fx_family(fx, "Bakker", NULL);
	fx_family(fx, "Visser", NULL);
	ck_assert_int_eq(count(fx->ctx->db, "SELECT count(*) FROM audit"), 10);
}

START_TEST(changed_detail_is_detected_at_its_row)
{
	struct fixture fx;
	ten_rows(&fx);
	exec_ok(fx.ctx->db, "DROP TRIGGER audit_no_update");
	exec_ok(fx.ctx->db, "UPDATE audit SET detail = 'nothing to see' WHERE seq = 7");
	int64_t bad = -1, checked = 0;
	ck_assert_int_eq(audit_verify(fx.ctx, &bad, &checked, &fx.err), CASUS_E_NOTDB);
	ck_assert_int_eq(bad, 7);
	ck_assert_int_eq(checked, 7);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "row 7"));
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "changed outside casus"));
	fx_teardown(&fx);
}
END_TEST

START_TEST(changed_login_of_first_row_is_detected)
{
	struct fixture fx;
	ten_rows(&fx);
	exec_ok(fx.ctx->db, "DROP TRIGGER audit_no_update");
	exec_ok(fx.ctx->db, "UPDATE audit SET login = 'someone' WHERE seq = 1");
	int64_t bad = -1;
	ck_assert_int_eq(audit_verify(fx.ctx, &bad, NULL, &fx.err), CASUS_E_NOTDB);
	ck_assert_int_eq(bad, 1);
	fx_teardown(&fx);
}
END_TEST

START_TEST(deleted_middle_row_is_detected)
{
	struct fixture fx;
	ten_rows(&fx);
	exec_ok(fx.ctx->db, "DROP TRIGGER audit_no_delete");
	exec_ok(fx.ctx->db, "DELETE FROM audit WHERE seq = 4");
	int64_t bad = -1;
	ck_assert_int_eq(audit_verify(fx.ctx, &bad, NULL, &fx.err), CASUS_E_NOTDB);
	ck_assert_int_eq(bad, 4);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "row 4 is missing"));
	fx_teardown(&fx);
}
END_TEST

START_TEST(deleted_middle_row_with_renumbering_is_detected)
{
	struct fixture fx;
	ten_rows(&fx);
	/* A careful forger closes the gap; the chain still breaks at that row. */
	exec_ok(fx.ctx->db, "DROP TRIGGER audit_no_delete");
	exec_ok(fx.ctx->db, "DROP TRIGGER audit_no_update");
	exec_ok(fx.ctx->db, "DELETE FROM audit WHERE seq = 4");
	exec_ok(fx.ctx->db, "UPDATE audit SET seq = seq - 1 WHERE seq > 4");
	int64_t bad = -1;
	ck_assert_int_eq(audit_verify(fx.ctx, &bad, NULL, &fx.err), CASUS_E_NOTDB);
	ck_assert_int_eq(bad, 4);
	fx_teardown(&fx);
}
END_TEST

START_TEST(removed_newest_row_is_detected)
{
	struct fixture fx;
	ten_rows(&fx);
	exec_ok(fx.ctx->db, "DROP TRIGGER audit_no_delete");
	exec_ok(fx.ctx->db, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), 9);
	int64_t bad = -1, checked = 0;
	ck_assert_int_eq(audit_verify(fx.ctx, &bad, &checked, &fx.err), CASUS_E_NOTDB);
	ck_assert_int_eq(bad, 10);
	ck_assert_int_eq(checked, 9);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "newest rows"));
	fx_teardown(&fx);
}
END_TEST

START_TEST(chain_continues_after_reopening)
{
	struct fixture fx;
	ten_rows(&fx);
	struct casus_ctx *other = fx_second(&fx, "coach1");
	struct family f;
	ck_ok(family_open(other, "2026-0003", &f, &fx.err));
	ck_assert_str_eq(f.display_name, "Ødegaard");
	int64_t bad = -1, checked = 0;
	ck_ok(audit_verify(fx.ctx, &bad, &checked, &fx.err));
	ck_assert_int_eq(checked, 11);
	struct audit_filter flt = { .login = "coach1" };
	struct rows rs = { 0 };
	ck_ok(audit_each(fx.ctx, &flt, collect, &rs, &fx.err));
	ck_assert_int_eq(rs.n, 1);
	ck_assert_str_eq(rs.r[0].event, "read");
	ck_assert_str_eq(rs.r[0].case_no, "2026-0003");
	ck_assert_int_eq(rs.r[0].seq, 11);
	casus_close(other);
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, every_write_leaves_a_complete_audit_row);
	tcase_add_test(tc, a_change_whose_audit_row_fails_is_not_saved);
	tcase_add_test(tc, update_and_delete_on_audit_table_fail);
	tcase_add_test(tc, fresh_chain_verifies);
	tcase_add_test(tc, changed_detail_is_detected_at_its_row);
	tcase_add_test(tc, changed_login_of_first_row_is_detected);
	tcase_add_test(tc, deleted_middle_row_is_detected);
	tcase_add_test(tc, deleted_middle_row_with_renumbering_is_detected);
	tcase_add_test(tc, removed_newest_row_is_detected);
	tcase_add_test(tc, chain_continues_after_reopening);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
