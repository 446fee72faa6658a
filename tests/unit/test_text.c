/* Text checks, sort keys, SHA-256 vectors and the clock. */
#include <string.h>

#include "casus/clock.h"
#include "casus/sha256.h"
#include "casus/text.h"
#include "fixture.h"

START_TEST(utf8_validity)
{
	ck_assert(text_valid_utf8("Zoë Çelik Ødegaard 李 😀"));
	ck_assert(!text_valid_utf8("bad \xff byte"));
	ck_assert(!text_valid_utf8("overlong \xc0\xaf"));
	ck_assert(!text_valid_utf8("surrogate \xed\xa0\x80"));
	ck_assert_uint_eq(text_chars("Zoë"), 3);
}
END_TEST

START_TEST(check_messages_name_the_field)
{
	struct casus_err e = { 0 };
	ck_assert_int_eq(text_check("The name", "", 10, TEXT_LINE, &e), CASUS_E_INVALID);
	ck_assert_str_eq(e.msg, "The name is required");
	ck_assert_int_eq(text_check("The name", "line\nbreak", 50, TEXT_LINE, &e), CASUS_E_INVALID);
	ck_assert_int_eq(text_check("The name", "ëëëë", 3, TEXT_LINE, &e), CASUS_E_INVALID);
	ck_assert(strstr(e.msg, "4 characters") != NULL);
	ck_assert_int_eq(text_check("The name", "ëëë", 3, TEXT_LINE, &e), CASUS_OK);
	ck_assert_int_eq(text_check("Text", "a\nb\tc", 10, TEXT_MULTILINE, &e), CASUS_OK);
	ck_assert_int_eq(text_check("Text", "a\x1b[2Jb", 10, TEXT_MULTILINE, &e), CASUS_E_INVALID);
}
END_TEST

START_TEST(dutch_sort_keys)
{
	char k[128];
	text_sort_key("van der Berg", k, sizeof k);
	ck_assert_str_eq(k, "berg, van der");
	text_sort_key("Çelik", k, sizeof k);
	ck_assert_str_eq(k, "celik");
	text_sort_key("Ødegaard", k, sizeof k);
	ck_assert_str_eq(k, "odegaard");
	text_sort_key("de Vries", k, sizeof k);
	ck_assert_str_eq(k, "vries, de");
}
END_TEST

START_TEST(sha256_vectors)
{
	char hex[65];
	sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(two, strlen(two), hex);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

START_TEST(strict_dates)
{
	ck_assert(clock_parse_date("2024-02-29", NULL));
	ck_assert(!clock_parse_date("2023-02-29", NULL));
	ck_assert(!clock_parse_date("2023-2-1", NULL));
	ck_assert(!clock_parse_date("2023-02-01x", NULL));
	ck_assert_int_eq(clock_age_years("2014-11-24", "2026-11-23"), 11);
	ck_assert_int_eq(clock_age_years("2014-11-23", "2026-11-23"), 12);
	char d[11];
	clock_today(d);
	ck_assert_str_eq(d, "2026-11-23"); /* CASUS_NOW is fixed by the test runner */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, utf8_validity);
	tcase_add_test(tc, check_messages_name_the_field);
	tcase_add_test(tc, dutch_sort_keys);
	tcase_add_test(tc, sha256_vectors);
	tcase_add_test(tc, strict_dates);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
