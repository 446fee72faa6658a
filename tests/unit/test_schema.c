/* The embedded migrations: applied by position, so their file numbers must run 1..N
 * without gaps or duplicates — a database's user_version means "files 1..v applied". */
#include <stdlib.h>
#include <string.h>

#include "casus/embed.h"
#include "fixture.h"

START_TEST(migrations_are_numbered_one_to_n)
{
	ck_assert_uint_gt(casus_schema_count, 0);
	for (size_t i = 0; i < casus_schema_count; i++) {
		const char *name = casus_schema[i].name;
		ck_assert_msg(strlen(name) > 5 && name[4] == '_', "bad migration name %s", name);
		ck_assert_msg(atoi(name) == (int)i + 1, "migration %zu is %s: numbers must run 1..N",
			i + 1, name);
	}
	ck_assert_ptr_null(casus_schema[casus_schema_count].name);
}
END_TEST

START_TEST(fresh_database_reaches_latest_version)
{
	struct fixture fx;
	fx_setup(&fx);
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, "PRAGMA user_version", -1, &st, NULL),
		SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), (int)casus_schema_count);
	sqlite3_finalize(st);
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("migrations");
	tcase_add_test(tc, migrations_are_numbered_one_to_n);
	tcase_add_test(tc, fresh_database_reaches_latest_version);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
