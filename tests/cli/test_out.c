/* Unit tests of the CLI's output writers (src/cli/cli_out.c): terminal widths of
 * UTF-8 text, table alignment and clipping, TSV and JSON escaping. These cover
 * what the golden tests cannot reach, because core never stores a tab or newline
 * in a one-line field. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_out.h"

/* Run fn with a memory stream and return what it wrote (caller frees). */
static char *capture(void (*fn)(FILE *fp, const void *arg), const void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	fn(fp, arg);
	fclose(fp);
	return buf;
}

static void write_tsv(FILE *fp, const void *arg)
{
	out_tsv_field(fp, arg);
}

static void write_json(FILE *fp, const void *arg)
{
	out_json_string(fp, arg);
}

START_TEST(widths)
{
	ck_assert_int_eq(out_width("Jansen"), 6);
	ck_assert_int_eq(out_width("Çelik"), 5);
	ck_assert_int_eq(out_width("Zoë"), 3);
	ck_assert_int_eq(out_width("Ødegaard"), 8);
	ck_assert_int_eq(out_width("山田"), 4);          /* wide CJK */
	ck_assert_int_eq(out_width("e\xcc\x81"), 1);     /* e + combining acute */
	ck_assert_int_eq(out_width(""), 0);
	ck_assert_int_eq(out_width("a\xff" "b"), 3);     /* an invalid byte counts as one */
}
END_TEST

START_TEST(tsv_escaping)
{
	char *s = capture(write_tsv, "a\tb\nc\\d\re");
	ck_assert_str_eq(s, "a\\tb\\nc\\\\d\\re");
	free(s);
	s = capture(write_tsv, "Çelik");
	ck_assert_str_eq(s, "Çelik");
	free(s);
}
END_TEST

START_TEST(json_escaping)
{
	char *s = capture(write_json, "say \"hi\"\\\n\t\x01 Zoë");
	ck_assert_str_eq(s, "\"say \\\"hi\\\"\\\\\\n\\t\\u0001 Zoë\"");
	free(s);
	s = capture(write_json, "bad\xff");
	ck_assert_str_eq(s, "\"bad\\ufffd\"");
	free(s);
}
END_TEST

static const struct out_col cols[] = {
	{ "name", "name", OUT_TEXT, 6, false },
	{ "n", "n", OUT_INT, 0, true },
	{ "note", "note", OUT_OPT, 0, false },
};

static void table_rows(FILE *fp, const void *arg)
{
	enum out_format fmt = *(const enum out_format *)arg;
	struct out *o = out_begin(fp, fmt, cols, 3);
	const char *r1[] = { "山田", "7", "" };
	const char *r2[] = { "Ødegaard-Jansen", "12", "x\ty" };
	out_row(o, r1);
	out_row(o, r2);
	ck_assert_int_eq(out_end(o), 2);
}

START_TEST(table_alignment)
{
	enum out_format fmt = OUT_TABLE;
	char *s = capture(table_rows, &fmt);
	/* The wide name pads to the column; the long one is clipped with an ellipsis;
	 * numbers align right; an empty last cell leaves no trailing spaces. */
	ck_assert_str_eq(s, "name     n  note\n"
			    "山田     7\n"
			    "Ødega…  12  x\ty\n");
	free(s);
}
END_TEST

START_TEST(tsv_and_json_listing)
{
	enum out_format fmt = OUT_TSV;
	char *s = capture(table_rows, &fmt);
	ck_assert_str_eq(s, "name\tn\tnote\n山田\t7\t\nØdegaard-Jansen\t12\tx\\ty\n");
	free(s);
	fmt = OUT_JSON;
	s = capture(table_rows, &fmt);
	ck_assert_str_eq(s, "[\n  {\"name\": \"山田\", \"n\": 7, \"note\": null},\n"
			    "  {\"name\": \"Ødegaard-Jansen\", \"n\": 12, \"note\": \"x\\ty\"}\n]\n");
	free(s);
}
END_TEST

static void empty_rows(FILE *fp, const void *arg)
{
	struct out *o = out_begin(fp, *(const enum out_format *)arg, cols, 3);
	ck_assert_int_eq(out_end(o), 0);
}

START_TEST(empty_listings)
{
	enum out_format fmt = OUT_TABLE;
	char *s = capture(empty_rows, &fmt);
	ck_assert_str_eq(s, "");
	free(s);
	fmt = OUT_JSON;
	s = capture(empty_rows, &fmt);
	ck_assert_str_eq(s, "[]\n");
	free(s);
	fmt = OUT_TSV;
	s = capture(empty_rows, &fmt);
	ck_assert_str_eq(s, "name\tn\tnote\n");
	free(s);
}
END_TEST

/* More rows than the table buffers: the rest streams with the widths already fixed. */
static void many_rows(FILE *fp, const void *arg)
{
	struct out *o = out_begin(fp, OUT_TABLE, cols, 3);
	char num[16];
	for (int i = 0; i < 1000; i++) {
		snprintf(num, sizeof num, "%d", i);
		const char *r[] = { i == 999 ? "Langenaam" : "ab", num, "" };
		out_row(o, r);
	}
	ck_assert_int_eq(out_end(o), 1000);
}

START_TEST(streaming_keeps_widths)
{
	char *s = capture(many_rows, NULL);
	size_t end = strlen(s), start = end - 1;
	while (start > 0 && s[start - 1] != '\n')
		start--;
	ck_assert_str_eq(s + start, "Lan…  999\n");
	free(s);
}
END_TEST

START_TEST(formats)
{
	ck_assert_int_eq(out_format_parse("table", true), OUT_TABLE);
	ck_assert_int_eq(out_format_parse("tsv", true), OUT_TSV);
	ck_assert_int_eq(out_format_parse("tsv", false), -1);
	ck_assert_int_eq(out_format_parse("json", false), OUT_JSON);
	ck_assert_int_eq(out_format_parse("csv", true), -1);
}
END_TEST

int main(void)
{
	/* The tests run under LC_ALL=C.UTF-8 (tests/meson.build). */
	setlocale(LC_CTYPE, "");
	out_init();
	Suite *s = suite_create("cli_out");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, widths);
	tcase_add_test(tc, tsv_escaping);
	tcase_add_test(tc, json_escaping);
	tcase_add_test(tc, table_alignment);
	tcase_add_test(tc, tsv_and_json_listing);
	tcase_add_test(tc, empty_listings);
	tcase_add_test(tc, streaming_keeps_widths);
	tcase_add_test(tc, formats);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
