/* Ids: canonical UUID text; reproducible under CASUS_UUID_SEED, yet distinct across
 * processes that open the same database one after another. */
#include <string.h>

#include "casus/family.h"
#include "casus/ids.h"
#include "fixture.h"

START_TEST(ids_are_canonical_version_4_text)
{
	char id[CASUS_ID_LEN];
	ids_new(id);
	ck_assert_uint_eq(strlen(id), 36);
	ck_assert_int_eq(id[8], '-');
	ck_assert_int_eq(id[14], '4');
	ck_assert(strchr("89ab", id[19]) != NULL);
}
END_TEST

START_TEST(seeded_ids_repeat_after_reset)
{
	char a[CASUS_ID_LEN], b[CASUS_ID_LEN];
	ids_reset();
	ids_new(a);
	ids_reset();
	ids_new(b);
	ck_assert_str_eq(a, b); /* CASUS_UUID_SEED is set by the test runner */
}
END_TEST

START_TEST(a_later_process_on_the_same_database_gets_new_ids)
{
	struct fixture fx;
	fx_setup(&fx);
	/* Each process starts from the same seed; the grown access log salts it. */
	char first[CASUS_ID_LEN], later[CASUS_ID_LEN];
	ids_reset();
	ids_new(first);
	ids_reset();
	struct casus_ctx *second = fx_second(&fx, "coach1");
	ids_new(later);
	ck_assert_str_ne(first, later);
	struct family_new in = { .display_name = "Kok", .framework = -1 };
	struct family f;
	ck_ok(family_add(second, &in, &f, &fx.err));
	casus_close(second);
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ids");
	TCase *tc = tcase_create("ids");
	tcase_add_test(tc, ids_are_canonical_version_4_text);
	tcase_add_test(tc, seeded_ids_repeat_after_reset);
	tcase_add_test(tc, a_later_process_on_the_same_database_gets_new_ids);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
