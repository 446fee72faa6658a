/* Team members: only a teamleider manages them, logins are checked, members are
 * deactivated rather than deleted, the team keeps a teamleider, and the Unix login
 * maps to a member (with --as only in a demo database). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/member.h"
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

static int64_t members(struct fixture *fx)
{
	return count(fx->ctx->db, "SELECT count(*) FROM member");
}

static const struct member_change NO_CHANGE = { .role = -1, .aandacht = -1, .active = -1 };

START_TEST(only_a_teamleider_adds_and_changes_members)
{
	struct fixture fx;
	fx_setup(&fx);
	ck_assert_int_eq(members(&fx), 5);
	const char *others[] = { "coach1", "gw1", "af1" };
	for (int i = 0; i < 3; i++) {
		fx_act_as(&fx, others[i]);
		ck_assert_int_eq(member_add(fx.ctx, "newbie", "Nieuwe Collega", ROLE_COACH, false, NULL,
					 &fx.err), CASUS_E_PERM);
		ck_assert_ptr_nonnull(strstr(fx.err.msg, "teamleider"));
		struct member_change ch = NO_CHANGE;
		ch.role = ROLE_TEAMLEIDER;
		ck_assert_int_eq(member_change(fx.ctx, others[i], &ch, NULL, &fx.err), CASUS_E_PERM);
	}
	ck_assert_int_eq(members(&fx), 5);
	struct member m;
	ck_ok(member_get_by_login(fx.ctx, "coach1", &m, &fx.err));
	ck_assert_int_eq(m.role, ROLE_COACH);
	ck_assert_int_eq(m.rev, 1);

	fx_act_as_leader(&fx);
	ck_ok(member_add(fx.ctx, "newbie", "Nieuwe Collega", ROLE_GEDRAGSWETENSCHAPPER, true, &m,
		&fx.err));
	ck_assert_str_eq(m.login, "newbie");
	ck_assert_str_eq(m.name, "Nieuwe Collega");
	ck_assert_int_eq(m.role, ROLE_GEDRAGSWETENSCHAPPER);
	ck_assert(m.aandacht);
	ck_assert(m.active);
	ck_assert_int_eq(strlen(m.id), 36);
	struct member_change ch = NO_CHANGE;
	ch.role = ROLE_COACH;
	ch.aandacht = 0;
	ck_ok(member_change(fx.ctx, "newbie", &ch, &m, &fx.err));
	ck_assert_int_eq(m.role, ROLE_COACH);
	ck_assert(!m.aandacht);
	ck_assert_int_eq(m.rev, 2);
	ck_assert_int_eq(members(&fx), 6);
	fx_teardown(&fx);
}
END_TEST

START_TEST(invalid_logins_and_names_are_refused)
{
	struct fixture fx;
	fx_setup(&fx);
	char too_long[70];
	memset(too_long, 'a', 65);
	too_long[65] = '\0';
	const char *bad[] = { "", "has space", "-leading-dash", "jöran", "a/b", "a;b", "x'y",
		"tab\there", too_long };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		memset(&fx.err, 0, sizeof fx.err);
		ck_assert_msg(member_add(fx.ctx, bad[i], "Iemand", ROLE_COACH, false, NULL, &fx.err)
				== CASUS_E_INVALID, "login '%s' accepted", bad[i]);
		ck_assert_msg(strstr(fx.err.msg, "login") != NULL, "message '%s'", fx.err.msg);
	}
	ck_assert_int_eq(member_add(fx.ctx, NULL, "Iemand", ROLE_COACH, false, NULL, &fx.err),
		CASUS_E_INVALID);
	/* Names are checked like any other line of text. */
	ck_assert_int_eq(member_add(fx.ctx, "okname", "", ROLE_COACH, false, NULL, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(member_add(fx.ctx, "okname", "Twee\nregels", ROLE_COACH, false, NULL,
				 &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(member_add(fx.ctx, "okname", "Bad \xff", ROLE_COACH, false, NULL, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(member_add(fx.ctx, "okname", "Iemand", (enum member_role)9, false, NULL,
				 &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(members(&fx), 5);
	/* Logins with the characters Unix allows are fine. */
	struct member m;
	ck_ok(member_add(fx.ctx, "j.de-vries_2", "Jan de Vries", ROLE_COACH, false, &m, &fx.err));
	ck_assert_str_eq(m.login, "j.de-vries_2");
	char max[65];
	memset(max, 'b', 64);
	max[64] = '\0';
	ck_ok(member_add(fx.ctx, max, "Lange Login", ROLE_COACH, false, &m, &fx.err));
	ck_assert_str_eq(m.login, max);
	ck_assert_int_eq(members(&fx), 7);
	fx_teardown(&fx);
}
END_TEST

START_TEST(duplicate_login_is_refused)
{
	struct fixture fx;
	fx_setup(&fx);
	int64_t audits = count(fx.ctx->db, "SELECT count(*) FROM audit");
	ck_assert_int_eq(member_add(fx.ctx, "coach1", "Andere Carla", ROLE_COACH, false, NULL,
				 &fx.err), CASUS_E_EXISTS);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "'coach1' is already a member"));
	ck_assert_int_eq(members(&fx), 5);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), audits);
	struct member m;
	ck_ok(member_get_by_login(fx.ctx, "coach1", &m, &fx.err));
	ck_assert_str_eq(m.name, "Carla Coach");
	/* A former member's login is still taken; the message says how to bring them back. */
	struct member_change ch = NO_CHANGE;
	ch.active = 0;
	ck_ok(member_change(fx.ctx, "coach1", &ch, NULL, &fx.err));
	ck_assert_int_eq(member_add(fx.ctx, "coach1", "Andere Carla", ROLE_COACH, false, NULL,
				 &fx.err), CASUS_E_EXISTS);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "casus member set coach1"));
	ck_assert_int_eq(member_add_first(fx.ctx, "someone", "Iemand", NULL, &fx.err),
		CASUS_E_STATE);
	ck_assert_int_eq(members(&fx), 5);
	fx_teardown(&fx);
}
END_TEST

static int collect_logins(void *arg, const struct member *m)
{
	char *buf = arg;
	strcat(buf, m->login);
	strcat(buf, m->active ? "+ " : "- ");
	return 0;
}

START_TEST(deactivating_keeps_the_member_row)
{
	struct fixture fx;
	fx_setup(&fx);
	struct member before, after;
	ck_ok(member_get_by_login(fx.ctx, "gw1", &before, &fx.err));
	struct member_change ch = NO_CHANGE;
	ch.active = 0;
	ck_ok(member_change(fx.ctx, "gw1", &ch, &after, &fx.err));
	ck_assert(!after.active);
	ck_assert_str_eq(after.id, before.id);
	ck_assert_str_eq(after.name, "Greet Wetenschap");
	ck_assert_int_eq(after.role, ROLE_GEDRAGSWETENSCHAPPER);
	ck_assert_int_eq(members(&fx), 5);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM member WHERE active = 0"), 1);

	char active_only[256] = "", everyone[256] = "";
	ck_ok(member_each(fx.ctx, false, collect_logins, active_only, &fx.err));
	ck_ok(member_each(fx.ctx, true, collect_logins, everyone, &fx.err));
	ck_assert_ptr_null(strstr(active_only, "gw1"));
	ck_assert_ptr_nonnull(strstr(everyone, "gw1- "));
	ck_assert_ptr_nonnull(strstr(active_only, "coach1+ "));
	/* Inactive members come after the active ones. */
	ck_assert_str_eq(everyone + strlen(everyone) - strlen("gw1- "), "gw1- ");

	/* The change is in the access log. */
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit WHERE event = 'update'"
		" AND object_type = 'member' AND detail LIKE '%gw1%inactive'"), 1);
	/* And can be undone. */
	ch.active = 1;
	ck_ok(member_change(fx.ctx, "gw1", &ch, &after, &fx.err));
	ck_assert(after.active);
	ck_assert_int_eq(member_change(fx.ctx, "ghost", &ch, NULL, &fx.err), CASUS_E_NOTFOUND);
	fx_teardown(&fx);
}
END_TEST

START_TEST(last_active_teamleider_cannot_be_demoted_or_deactivated)
{
	struct fixture fx;
	fx_setup(&fx);
	const char *me = casus_unix_login();
	struct member_change demote = NO_CHANGE, leave = NO_CHANGE;
	demote.role = ROLE_COACH;
	leave.active = 0;
	ck_assert_int_eq(member_change(fx.ctx, me, &demote, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "no active teamleider"));
	ck_assert_int_eq(member_change(fx.ctx, me, &leave, NULL, &fx.err), CASUS_E_STATE);
	struct member m;
	ck_ok(member_get_by_login(fx.ctx, me, &m, &fx.err));
	ck_assert_int_eq(m.role, ROLE_TEAMLEIDER);
	ck_assert(m.active);
	ck_assert_int_eq(m.rev, 1);

	/* An inactive teamleider does not count. */
	struct member_change promote = NO_CHANGE;
	promote.role = ROLE_TEAMLEIDER;
	ck_ok(member_change(fx.ctx, "coach2", &leave, NULL, &fx.err));
	ck_ok(member_change(fx.ctx, "coach2", &promote, NULL, &fx.err));
	ck_assert_int_eq(member_change(fx.ctx, me, &demote, NULL, &fx.err), CASUS_E_STATE);

	/* With a second active teamleider, the first may step down. */
	ck_ok(member_change(fx.ctx, "coach1", &promote, NULL, &fx.err));
	ck_ok(member_change(fx.ctx, me, &demote, &m, &fx.err));
	ck_assert_int_eq(m.role, ROLE_COACH);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM member WHERE role = 'teamleider'"
		" AND active = 1"), 1);
	/* And now coach1 is the last one. */
	fx_act_as(&fx, "coach1");
	ck_assert_int_eq(member_change(fx.ctx, "coach1", &leave, NULL, &fx.err), CASUS_E_STATE);
	fx_teardown(&fx);
}
END_TEST

/* A team database whose only member is 'otherlead', not the Unix login running the
 * test. */
static struct casus_ctx *team_without_me(struct fixture *fx, char *path, size_t pathsz)
{
	snprintf(path, pathsz, "%s/other.db", fx->dir);
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	struct casus_ctx *c = NULL;
	ck_ok(casus_open(path, &o, &c, &fx->err));
	ck_ok(casus_meta_set(c, "team", "Team Zuid", &fx->err));
	struct member m;
	ck_ok(member_add_first(c, "otherlead", "Olga Leider", &m, &fx->err));
	ck_assert_str_ne(casus_unix_login(), "otherlead");
	return c;
}

static void drop_db(const char *path)
{
	char p[512];
	const char *suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

START_TEST(unknown_login_is_told_how_to_get_added)
{
	struct fixture fx;
	fx_setup(&fx);
	char path[400];
	struct casus_ctx *c = team_without_me(&fx, path, sizeof path);
	struct casus_err err = { 0 };
	ck_assert_int_eq(casus_identify(c, NULL, &err), CASUS_E_UNKNOWN_USER);
	ck_assert_ptr_nonnull(strstr(err.msg, "casus member add"));
	char expect[200];
	snprintf(expect, sizeof expect, "casus member add %s", casus_unix_login());
	ck_assert_msg(strstr(err.msg, expect) != NULL, "'%s' lacks '%s'", err.msg, expect);
	ck_assert_ptr_nonnull(strstr(err.msg, "Team Zuid"));

	/* Once added, identify works; deactivated, it is refused again. */
	ck_ok(member_add(c, casus_unix_login(), "Tessa Test", ROLE_COACH, false, NULL, &fx.err));
	ck_ok(casus_identify(c, NULL, &fx.err));
	ck_assert_str_eq(c->user.login, casus_unix_login());
	ck_assert_str_eq(c->user.name, "Tessa Test");
	ck_assert_int_eq(c->user.role, ROLE_COACH);
	ck_assert_str_eq(c->workstation, "local");
	ck_assert_int_eq(member_add(c, "x1", "X", ROLE_COACH, false, NULL, &fx.err), CASUS_E_PERM);
	struct member olga;
	ck_ok(member_get_by_login(c, "otherlead", &olga, &fx.err));
	snprintf(c->user.id, sizeof c->user.id, "%s", olga.id);
	c->user.role = ROLE_TEAMLEIDER;
	struct member_change leave = NO_CHANGE;
	leave.active = 0;
	ck_ok(member_change(c, casus_unix_login(), &leave, NULL, &fx.err));
	ck_assert_int_eq(casus_identify(c, NULL, &err), CASUS_E_PERM);
	ck_assert_ptr_nonnull(strstr(err.msg, "no longer an active member"));
	casus_close(c);
	drop_db(path);
	fx_teardown(&fx);
}
END_TEST

START_TEST(acting_as_another_member_only_in_a_demo_database)
{
	struct fixture fx;
	fx_setup(&fx);
	ck_assert(!fx.ctx->demo);
	ck_assert_int_eq(casus_identify(fx.ctx, "coach1", &fx.err), CASUS_E_PERM);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "demo database"));
	/* Naming yourself is not acting as someone else. */
	ck_ok(casus_identify(fx.ctx, casus_unix_login(), &fx.err));
	ck_assert_str_eq(fx.ctx->user.login, casus_unix_login());
	ck_assert_str_eq(fx.ctx->on_behalf, "");

	/* Mark the database as a demo; a new connection sees it. */
	ck_ok(casus_meta_set(fx.ctx, "demo", "1", &fx.err));
	struct casus_ctx *c = NULL;
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	ck_ok(casus_open(fx.path, &o, &c, &fx.err));
	ck_assert(c->demo);
	ck_ok(casus_identify(c, "coach1", &fx.err));
	ck_assert_str_eq(c->user.login, "coach1");
	ck_assert_str_eq(c->user.name, "Carla Coach");
	ck_assert_int_eq(c->user.role, ROLE_COACH);
	ck_assert_str_eq(c->on_behalf, casus_unix_login());
	/* What they do is logged as coach1, on behalf of the real login. */
	ck_ok(audit_log(c, AUDIT_SEARCH, NULL, NULL, NULL, "demo", &fx.err));
	ck_assert_int_eq(count(c->db, "SELECT count(*) FROM audit WHERE login = 'coach1'"
		" AND on_behalf IS NOT NULL AND detail = 'demo'"), 1);
	ck_assert_int_eq(casus_identify(c, "ghost", &fx.err), CASUS_E_UNKNOWN_USER);
	casus_close(c);

	/* Any other value of the flag is not a demo. */
	ck_ok(casus_meta_set(fx.ctx, "demo", "0", &fx.err));
	ck_ok(casus_open(fx.path, &o, &c, &fx.err));
	ck_assert(!c->demo);
	ck_assert_int_eq(casus_identify(c, "coach1", &fx.err), CASUS_E_PERM);
	casus_close(c);
	fx_teardown(&fx);
}
END_TEST

START_TEST(role_names_parse_and_print)
{
	ck_assert_int_eq(member_role_parse("coach"), ROLE_COACH);
	ck_assert_int_eq(member_role_parse("gezinscoach"), ROLE_COACH);
	ck_assert_int_eq(member_role_parse("gedragswetenschapper"), ROLE_GEDRAGSWETENSCHAPPER);
	ck_assert_int_eq(member_role_parse("gw"), ROLE_GEDRAGSWETENSCHAPPER);
	ck_assert_int_eq(member_role_parse("teamleider"), ROLE_TEAMLEIDER);
	ck_assert_int_eq(member_role_parse("tl"), ROLE_TEAMLEIDER);
	ck_assert_int_eq(member_role_parse("baas"), -1);
	ck_assert_int_eq(member_role_parse(NULL), -1);
	ck_assert_str_eq(member_role_name(ROLE_TEAMLEIDER), "teamleider");
	ck_assert_str_eq(member_role_name((enum member_role)7), "?");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("member");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, only_a_teamleider_adds_and_changes_members);
	tcase_add_test(tc, invalid_logins_and_names_are_refused);
	tcase_add_test(tc, duplicate_login_is_refused);
	tcase_add_test(tc, deactivating_keeps_the_member_row);
	tcase_add_test(tc, last_active_teamleider_cannot_be_demoted_or_deactivated);
	tcase_add_test(tc, unknown_login_is_told_how_to_get_added);
	tcase_add_test(tc, acting_as_another_member_only_in_a_demo_database);
	tcase_add_test(tc, role_names_parse_and_print);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
