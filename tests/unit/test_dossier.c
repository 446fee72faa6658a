/* Inzage: the dossier export of a demo family holds every kind of record (golden files
 * in Dutch Markdown, English Markdown with parts left out, and JSON), never a BSN, is a
 * teamleider's only, says what was left out and why, and is recorded in the access log
 * with its fields; the access report for the family lists who looked at the dossier. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/demo.h"
#include "casus/dossier.h"
#include "casus/family.h"
#include "fixture.h"

static char dir[256], path[320], template_path[320];
static struct casus_ctx *ctx;
static struct casus_err err;

/* The demo is made once (slow, above all under valgrind) and copied for each test. */
static void make_template(void)
{
	fx_current_err = &err;
	const char *base = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/casus-dossier-XXXXXX", base && *base ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(template_path, sizeof template_path, "%s/template.db", dir);
	snprintf(path, sizeof path, "%s/demo.db", dir);
	ck_ok(demo_create(template_path, false, &err));
}

static void remove_db(const char *p)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char buf[400];
	for (int i = 0; i < 3; i++) {
		snprintf(buf, sizeof buf, "%s%s", p, suffix[i]);
		unlink(buf);
	}
}

static void remove_template(void)
{
	remove_db(template_path);
	rmdir(dir);
}

static void setup(void)
{
	fx_current_err = &err;
	FILE *in = fopen(template_path, "rb"), *out = fopen(path, "wb");
	ck_assert(in && out);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
	ck_assert_int_eq(chmod(path, 0600), 0);
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	ck_ok(casus_open(path, &o, &ctx, &err));
	ck_ok(casus_identify(ctx, "hvdlinden", &err)); /* the demo's teamleider */
}

static void teardown(void)
{
	casus_close(ctx);
	remove_db(path);
}

/* The export as text; rc is what dossier_export returned. */
static char *export(const char *case_no, const struct dossier_opts *o, enum casus_rc *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(out);
	*rc = dossier_export(ctx, case_no, o, out, &err);
	fclose(out);
	return buf;
}

static char *export_ok(const char *case_no, const struct dossier_opts *o)
{
	enum casus_rc rc;
	char *text = export(case_no, o, &rc);
	ck_assert_msg(rc == CASUS_OK, "dossier_export: %s", err.msg);
	return text;
}

/* Some JSON array under key holds at least one object. */
static void nonempty_array(const char *json, const char *key)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\": [", key);
	const char *at = strstr(json, pat);
	ck_assert_msg(at != NULL, "no %s in the dossier", key);
	for (; at; at = strstr(at, pat)) {
		at += strlen(pat);
		if (at[strspn(at, " \n")] == '{')
			return;
	}
	ck_abort_msg("every %s is empty in the dossier", key);
}

static int64_t count(const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

START_TEST(every_kind_of_record_is_in_the_dossier)
{
	struct dossier_opts md = { .lang = "nl" }, js = { .json = true, .lang = "nl" };
	char *text = export_ok("2026-0004", &md);
	fx_golden("dossier.nl.md", text);
	free(text);
	text = export_ok("2026-0004", &js);
	fx_golden("dossier.json", text);
	static const char *const lists[] = { "phase_history", "regie_history", "persons",
		"parties", "consent", "plans", "notes", "trajectories", "escalations", "meetings",
		"access", NULL };
	for (int i = 0; lists[i]; i++)
		nonempty_array(text, lists[i]);
	free(text);
	/* Decisions and actions of a meeting: another demo family has them. */
	text = export_ok("2026-0047", &js);
	nonempty_array(text, "decisions");
	nonempty_array(text, "actions");
	free(text);
	text = export_ok("2026-0004", &js);
	/* Every plan version, with the agreement. */
	ck_assert_int_eq(count("SELECT count(*) FROM plan p JOIN family f ON f.id = p.family_id"
		" WHERE f.case_no = '2026-0004'"), 2);
	ck_assert_ptr_nonnull(strstr(text, "\"version\": 2"));
	ck_assert_ptr_nonnull(strstr(text, "\"left_out\": []"));
	free(text);
}
END_TEST

START_TEST(a_bsn_never_appears)
{
	ck_assert_int_gt(count("SELECT count(*) FROM person WHERE bsn IS NOT NULL"), 0);
	struct dossier_opts o[2] = { { .lang = "nl" }, { .json = true } };
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(ctx->db, "SELECT f.case_no, p.bsn FROM person p"
		" JOIN family f ON f.id = p.family_id WHERE p.bsn IS NOT NULL LIMIT 4", -1, &st,
		NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char case_no[16], bsn[16];
		snprintf(case_no, sizeof case_no, "%s", sqlite3_column_text(st, 0));
		snprintf(bsn, sizeof bsn, "%s", sqlite3_column_text(st, 1));
		for (int k = 0; k < 2; k++) {
			char *text = export_ok(case_no, &o[k]);
			ck_assert_msg(strstr(text, bsn) == NULL, "the BSN of a member of %s is in "
				"the dossier", case_no);
			ck_assert_ptr_nonnull(strstr(text, k ? "\"bsn_recorded\": true"
				: "BSN geregistreerd"));
			free(text);
		}
	}
	sqlite3_finalize(st);
}
END_TEST

struct last {
	struct audit_row row;
};

static int keep_last(void *arg, const struct audit_row *r)
{
	((struct last *)arg)->row = *r;
	return 0;
}

static struct audit_row last_row(void)
{
	struct last l;
	memset(&l, 0, sizeof l);
	ck_ok(audit_each(ctx, NULL, keep_last, &l, &err));
	return l.row;
}

START_TEST(a_part_left_out_is_stated_and_logged)
{
	struct dossier_opts o = { .lang = "en", .reason = "it would harm the privacy of a "
		"third person" };
	o.leave_out[DOSSIER_NOTES] = o.leave_out[DOSSIER_MEETINGS] = true;
	char *text = export_ok("2026-0004", &o);
	fx_golden("dossier.left-out.en.md", text);
	ck_assert_ptr_null(strstr(text, "\n## Notes"));
	ck_assert_ptr_nonnull(strstr(text, "\n## Left out"));
	ck_assert_ptr_nonnull(strstr(text, "- **Part:** Notes\n- **Reason:** it would harm"));
	ck_assert_ptr_nonnull(strstr(text, "- **Part:** Case meetings\n"));
	free(text);
	struct audit_row r = last_row();
	struct family f;
	ck_ok(family_get(ctx, "2026-0004", &f, &err));
	ck_assert_str_eq(r.event, "export");
	ck_assert_str_eq(r.login, "hvdlinden");
	ck_assert_str_eq(r.family_id, f.id);
	ck_assert_str_eq(r.case_no, "2026-0004");
	ck_assert_str_eq(r.object_type, "dossier");
	ck_assert_str_eq(r.workstation, "local");
	ck_assert_str_eq(r.detail, "dossier as md (en); left out: notes, meetings; reason: it "
		"would harm the privacy of a third person");
	/* A JSON dossier names the parts by their keys. */
	o.json = true;
	text = export_ok("2026-0004", &o);
	ck_assert_ptr_nonnull(strstr(text, "\"part\": \"notes\""));
	ck_assert_ptr_null(strstr(text, "\"notes\": ["));
	free(text);
}
END_TEST

START_TEST(refused_without_trace)
{
	int64_t rows = count("SELECT count(*) FROM audit");
	enum casus_rc rc;
	struct dossier_opts o = { .lang = "nl" };
	ck_ok(casus_identify(ctx, "ekaraca", &err)); /* the family's own regievoerder */
	char *text = export("2026-0004", &o, &rc);
	ck_assert_int_eq(rc, CASUS_E_PERM);
	ck_assert_str_eq(text, "");
	free(text);
	ck_ok(casus_identify(ctx, "hvdlinden", &err));
	o.leave_out[DOSSIER_ACCESS] = true;
	text = export("2026-0004", &o, &rc); /* no reason */
	ck_assert_int_eq(rc, CASUS_E_INVALID);
	free(text);
	o.reason = "line\nbreak";
	text = export("2026-0004", &o, &rc);
	ck_assert_int_eq(rc, CASUS_E_INVALID);
	free(text);
	struct dossier_opts bad = { .lang = "de" };
	text = export("2026-0004", &bad, &rc);
	ck_assert_int_eq(rc, CASUS_E_INVALID);
	free(text);
	text = export("2026-9999", &bad, &rc);
	ck_assert_int_ne(rc, CASUS_OK);
	free(text);
	ck_assert_int_eq(count("SELECT count(*) FROM audit"), rows);
	ck_assert_int_eq(dossier_part_parse("notes"), DOSSIER_NOTES);
	ck_assert_int_eq(dossier_part_parse("bsn"), -1);
}
END_TEST

START_TEST(the_access_report_names_every_access)
{
	struct dossier_opts o = { .lang = "nl" };
	free(export_ok("2026-0007", &o));
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	ck_ok(access_report_export(ctx, "2026-0007", false, "en", out, &err));
	fclose(out);
	fx_golden("access.en.md", buf);
	ck_assert_ptr_nonnull(strstr(buf, "exported the whole dossier (teamleider)"));
	ck_assert_ptr_nonnull(strstr(buf, "exported the access report (teamleider)"));
	free(buf);
	struct audit_row r = last_row();
	ck_assert_str_eq(r.object_type, "audit");
	ck_assert_str_eq(r.detail, "access report as md (en)");
	ck_ok(casus_identify(ctx, "sdemir", &err));
	out = open_memstream(&buf, &len);
	ck_assert_int_eq(access_report_export(ctx, "2026-0007", true, "nl", out, &err),
		CASUS_E_PERM);
	fclose(out);
	free(buf);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("dossier");
	TCase *tc = tcase_create("dossier");
	tcase_set_timeout(tc, 300);
	tcase_add_unchecked_fixture(tc, make_template, remove_template);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_kind_of_record_is_in_the_dossier);
	tcase_add_test(tc, a_bsn_never_appears);
	tcase_add_test(tc, a_part_left_out_is_stated_and_logged);
	tcase_add_test(tc, refused_without_trace);
	tcase_add_test(tc, the_access_report_names_every_access);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
