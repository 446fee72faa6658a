/* Dossier notes: kinds kept apart, diagnoses only with their professional,
 * corrections within the family, and notes that can never be changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/family.h"
#include "casus/note.h"
#include "fixture.h"

static struct fixture fx;
static char fam[CASUS_ID_LEN], fam2[CASUS_ID_LEN];

static void setup(void)
{
	fx_setup(&fx);
	fx_family(&fx, "Visser", fam);
	fx_family(&fx, "El Idrissi", fam2);
}

static void teardown(void)
{
	fx_teardown(&fx);
}

static long long q_int(const char *sql, const char *arg)
{
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

START_TEST(kinds)
{
	ck_assert_str_eq(note_kind_name(NOTE_FACT), "fact");
	ck_assert_str_eq(note_kind_name(NOTE_HYPOTHESIS), "hypothesis");
	ck_assert_str_eq(note_kind_name(NOTE_DIAGNOSIS), "diagnosis");
	for (int k = NOTE_FACT; k <= NOTE_DIAGNOSIS; k++)
		ck_assert_int_eq(note_kind_parse(note_kind_name((enum note_kind)k)), k);
	ck_assert_int_eq(note_kind_parse("opinion"), -1);
	ck_assert_int_eq(note_kind_parse(NULL), -1);
	ck_assert_str_eq(note_kind_label(NOTE_HYPOTHESIS), "hypothesis");
}
END_TEST

START_TEST(fact_and_hypothesis)
{
	const char *body = "Juf meldt: Tim kwam 3x zonder ontbijt.\n\tGezien op 20-11 door juf Els.";
	struct note_new in = { .kind = NOTE_FACT, .body = body };
	struct note n;
	ck_ok(note_add(fx.ctx, fam, &in, &n, &fx.err));
	ck_assert_str_eq(n.body, body);
	ck_assert_int_eq(n.kind, NOTE_FACT);
	ck_assert_str_eq(n.family_id, fam);
	ck_assert_str_eq(n.author_login, fx.ctx->user.login);
	ck_assert_str_eq(n.author_name, "Tessa Leider");
	ck_assert_str_eq(n.created_at, "2026-11-23T09:00:00Z");
	ck_assert_str_eq(n.diagnosed_by, "");
	ck_assert_str_eq(n.corrects, "");
	ck_assert(!n.confidential);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE event = 'create'"
			       " AND object_type = 'note' AND object_id = ?1", n.id), 1);
	note_free(&n);
	ck_assert_ptr_null(n.body);

	fx_act_as(&fx, "coach1");
	struct note_new h = { .kind = NOTE_HYPOTHESIS, .body = "Mogelijk geldzorgen thuis.",
		.confidential = true };
	ck_ok(note_add(fx.ctx, fam, &h, &n, &fx.err));
	ck_assert_int_eq(n.kind, NOTE_HYPOTHESIS);
	ck_assert(n.confidential);
	ck_assert_str_eq(n.author_login, "coach1");
	note_free(&n);
	h.diagnosed_by = "dr. Jansen";
	ck_assert_int_eq(note_add(fx.ctx, fam, &h, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "recorded only for a diagnosis"));
	h.diagnosed_by = NULL;
	h.kind = (enum note_kind)7;
	ck_assert_int_eq(note_add(fx.ctx, fam, &h, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(q_int("SELECT count(*) FROM note", NULL), 2);
}
END_TEST

START_TEST(diagnosis_needs_professional)
{
	struct note_new in = { .kind = NOTE_DIAGNOSIS, .body = "ADHD, gecombineerd beeld." };
	ck_assert_int_eq(note_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The professional who made the diagnosis is required");
	in.diagnosed_by = "   ";
	ck_assert_int_eq(note_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(q_int("SELECT count(*) FROM note", NULL), 0);
	in.diagnosed_by = "drs. M. de Graaf, GZ-psycholoog (BIG)";
	struct note n;
	ck_ok(note_add(fx.ctx, fam, &in, &n, &fx.err));
	ck_assert_int_eq(n.kind, NOTE_DIAGNOSIS);
	ck_assert_str_eq(n.diagnosed_by, "drs. M. de Graaf, GZ-psycholoog (BIG)");
	note_free(&n);
}
END_TEST

START_TEST(body_limits)
{
	char *big = malloc(NOTE_BODY_MAX + 2);
	memset(big, 'x', NOTE_BODY_MAX + 1);
	big[NOTE_BODY_MAX + 1] = '\0';
	struct note_new in = { .kind = NOTE_FACT, .body = big };
	ck_assert_int_eq(note_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg,
		"The note text is too long: 20001 characters, at most 20000 allowed");
	big[NOTE_BODY_MAX] = '\0';
	big[100] = '\n';
	struct note n;
	ck_ok(note_add(fx.ctx, fam, &in, &n, &fx.err));
	ck_assert_uint_eq(strlen(n.body), NOTE_BODY_MAX);
	ck_assert_int_eq(n.body[100], '\n');
	note_free(&n);
	free(big);
	in.body = "";
	ck_assert_int_eq(note_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The note text is required");
	in.body = "kleur \x1b[31mrood";
	ck_assert_int_eq(note_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_str_eq(fx.err.msg, "The note text contains control characters");
	in.body = "kapot \xc3";
	ck_assert_int_eq(note_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "invalid UTF-8"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM note", NULL), 1);
}
END_TEST

START_TEST(corrections_stay_in_the_family)
{
	struct note_new in = { .kind = NOTE_FACT, .body = "Vader woont sinds mei in Venlo." };
	struct note first, other, fix;
	ck_ok(note_add(fx.ctx, fam, &in, &first, &fx.err));
	ck_ok(note_add(fx.ctx, fam2, &in, &other, &fx.err));
	struct note_new c = { .kind = NOTE_FACT, .body = "Correctie: sinds juni, in Roermond.",
		.corrects = other.id };
	ck_assert_int_eq(note_add(fx.ctx, fam, &c, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "belongs to another family"));
	c.corrects = "00000000-0000-0000-0000-000000000000";
	ck_assert_int_eq(note_add(fx.ctx, fam, &c, NULL, &fx.err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "does not exist"));
	ck_assert_int_eq(q_int("SELECT count(*) FROM note", NULL), 2);
	c.corrects = first.id;
	ck_ok(note_add(fx.ctx, fam, &c, &fix, &fx.err));
	ck_assert_str_eq(fix.corrects, first.id);
	ck_assert_int_eq(q_int("SELECT count(*) FROM audit WHERE object_id = ?1"
			       " AND instr(detail, 'correcting') > 0", fix.id), 1);
	note_free(&first);
	note_free(&other);
	note_free(&fix);
}
END_TEST

START_TEST(notes_are_never_changed)
{
	struct note_new in = { .kind = NOTE_HYPOTHESIS, .body = "Oorspronkelijke tekst." };
	struct note n;
	ck_ok(note_add(fx.ctx, fam, &in, &n, &fx.err));
	char *msg = NULL;
	int rc = sqlite3_exec(fx.ctx->db, "UPDATE note SET body = 'vervalst'", NULL, NULL, &msg);
	ck_assert_int_ne(rc, SQLITE_OK);
	ck_assert_ptr_nonnull(msg);
	ck_assert_ptr_nonnull(strstr(msg, "notes are never changed"));
	sqlite3_free(msg);
	rc = sqlite3_exec(fx.ctx->db, "UPDATE note SET kind = 'fact'", NULL, NULL, NULL);
	ck_assert_int_ne(rc, SQLITE_OK);
	struct note again;
	ck_ok(note_get(fx.ctx, n.id, &again, &fx.err));
	ck_assert_str_eq(again.body, "Oorspronkelijke tekst.");
	ck_assert_int_eq(again.kind, NOTE_HYPOTHESIS);
	note_free(&n);
	note_free(&again);
}
END_TEST

struct seen {
	int n;
	char bodies[4][64];
};

static int collect(void *arg, const struct note *n)
{
	struct seen *s = arg;
	snprintf(s->bodies[s->n++], sizeof s->bodies[0], "%s", n->body);
	return s->n == 2; /* stop after two */
}

START_TEST(each_oldest_first)
{
	const char *bodies[] = { "een", "twee", "drie" };
	for (int i = 0; i < 3; i++) {
		struct note_new in = { .kind = NOTE_FACT, .body = bodies[i] };
		ck_ok(note_add(fx.ctx, fam, &in, NULL, &fx.err));
	}
	struct note_new in = { .kind = NOTE_FACT, .body = "ander gezin" };
	ck_ok(note_add(fx.ctx, fam2, &in, NULL, &fx.err));
	struct seen s = { 0 };
	ck_ok(note_each(fx.ctx, fam, collect, &s, &fx.err));
	ck_assert_int_eq(s.n, 2);
	ck_assert_str_eq(s.bodies[0], "een");
	ck_assert_str_eq(s.bodies[1], "twee");
	struct note n;
	ck_assert_int_eq(note_get(fx.ctx, "no-such-note", &n, &fx.err), CASUS_E_NOTFOUND);
}
END_TEST

START_TEST(closed_family_and_unidentified)
{
	struct family f;
	ck_ok(family_get(fx.ctx, fam, &f, &fx.err));
	ck_ok(family_close(fx.ctx, &f, "afgerond", &fx.err));
	struct note_new in = { .kind = NOTE_FACT, .body = "Na sluiting." };
	ck_assert_int_eq(note_add(fx.ctx, fam, &in, NULL, &fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "is closed"));
	ck_ok(note_add(fx.ctx, fam2, &in, NULL, &fx.err));
	ck_assert_int_eq(note_add(fx.ctx, "2026-0404", &in, NULL, &fx.err), CASUS_E_NOTFOUND);
	fx.ctx->user.id[0] = '\0';
	ck_assert_int_eq(note_add(fx.ctx, fam2, &in, NULL, &fx.err), CASUS_E_PERM);
	ck_assert_int_eq(q_int("SELECT count(*) FROM note", NULL), 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("note");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, kinds);
	tcase_add_test(tc, fact_and_hypothesis);
	tcase_add_test(tc, diagnosis_needs_professional);
	tcase_add_test(tc, body_limits);
	tcase_add_test(tc, corrections_stay_in_the_family);
	tcase_add_test(tc, notes_are_never_changed);
	tcase_add_test(tc, each_oldest_first);
	tcase_add_test(tc, closed_family_and_unidentified);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
