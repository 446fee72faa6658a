/* Retention and destruction: who may destroy, when, the second confirmation; that
 * destroying a demo family leaves nothing about it in any table (found by following
 * every reference from the family, independent of the code that deletes) nor in the
 * file's bytes; that the access log still verifies, and that a redaction made behind
 * casus's back is caught. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/check.h"
#include "casus/demo.h"
#include "casus/draft.h"
#include "casus/family.h"
#include "casus/retention.h"
#include "casus/setting.h"
#include "fixture.h"

/* ---- helpers ---- */

static void exec_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
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

/* Close a family as of `closed_on` directly: the closing rules are tested elsewhere;
 * here only the retention term matters. */
static void force_closed(sqlite3 *db, const char *family_id, const char *closed_on)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "UPDATE family SET phase = 'afgesloten',"
		" closed_on = ?2 WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, closed_on, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

struct strset {
	char **v;
	size_t n, cap;
};

static bool set_has(const struct strset *s, const char *x)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], x) == 0)
			return true;
	return false;
}

static bool set_add(struct strset *s, const char *x)
{
	if (set_has(s, x))
		return false;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		ck_assert_ptr_nonnull(s->v);
	}
	s->v[s->n++] = strdup(x);
	return true;
}

static void set_free(struct strset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

/* Tables with an `id` column that are part of a dossier (not members, settings or
 * the access log). */
static bool dossier_table(const char *t)
{
	return strcmp(t, "member") != 0 && strcmp(t, "audit") != 0 && strcmp(t, "meta") != 0
		&& strcmp(t, "setting") != 0 && strncmp(t, "sqlite_", 7) != 0;
}

/* The family's rows, found by following references: start with the family id; a row
 * whose any column holds an id already found belongs to the family too. Repeat until
 * nothing new is found. Meetings and members are referred to, never referring. */
static void family_ids(sqlite3 *db, const char *family_id, struct strset *ids)
{
	set_add(ids, family_id);
	bool grew = true;
	while (grew) {
		grew = false;
		sqlite3_stmt *tabs;
		ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT m.name FROM sqlite_schema m"
			" WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name)"
			" WHERE name = 'id')", -1, &tabs, NULL), SQLITE_OK);
		while (sqlite3_step(tabs) == SQLITE_ROW) {
			char t[64], sql[128];
			snprintf(t, sizeof t, "%s", (const char *)sqlite3_column_text(tabs, 0));
			if (!dossier_table(t))
				continue;
			snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", t);
			sqlite3_stmt *st;
			ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
			int id_col = -1;
			for (int c = 0; c < sqlite3_column_count(st); c++)
				if (strcmp(sqlite3_column_name(st, c), "id") == 0)
					id_col = c;
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *id = (const char *)sqlite3_column_text(st, id_col);
				if (!id || set_has(ids, id))
					continue;
				for (int c = 0; c < sqlite3_column_count(st); c++) {
					const char *v = (const char *)sqlite3_column_text(st, c);
					if (c != id_col && v && strlen(v) == 36 && set_has(ids, v)) {
						grew |= set_add(ids, id);
						break;
					}
				}
			}
			sqlite3_finalize(st);
		}
		sqlite3_finalize(tabs);
	}
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* Call fn for every value of every row of every table (text and blobs, lower-cased),
 * with the row's id when it has one. */
static void each_value(sqlite3 *db, void (*fn)(void *arg, const char *table, const char *id,
	const char *value), void *arg)
{
	sqlite3_stmt *tabs;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = "
		"'table' AND name NOT LIKE 'sqlite_%'", -1, &tabs, NULL), SQLITE_OK);
	while (sqlite3_step(tabs) == SQLITE_ROW) {
		char t[64], sql[128];
		snprintf(t, sizeof t, "%s", (const char *)sqlite3_column_text(tabs, 0));
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", t);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			continue; /* the FTS virtual table's hidden forms */
		while (sqlite3_step(st) == SQLITE_ROW) {
			char id[40] = "";
			for (int c = 0; c < sqlite3_column_count(st); c++)
				if (strcmp(sqlite3_column_name(st, c), "id") == 0
				    && sqlite3_column_text(st, c))
					snprintf(id, sizeof id, "%s", sqlite3_column_text(st, c));
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				int n = sqlite3_column_bytes(st, c);
				const void *b = sqlite3_column_blob(st, c);
				if (!b || n <= 0)
					continue;
				char *v = malloc((size_t)n + 1);
				ck_assert_ptr_nonnull(v);
				memcpy(v, b, (size_t)n);
				v[n] = '\0';
				for (int i = 0; i < n; i++)
					if (!v[i])
						v[i] = ' ';
				lower(v);
				fn(arg, t, id, v);
				free(v);
			}
		}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tabs);
}

struct names {
	struct strset cand;     /* the family's names (lower-cased, 4+ bytes) */
	struct strset elsewhere; /* names also found outside the family's rows */
	const struct strset *ids;
};

static void note_elsewhere(void *arg, const char *table, const char *id, const char *value)
{
	struct names *nm = arg;
	if (strcmp(table, "audit") == 0 || strncmp(table, "family_fts", 10) == 0
	    || (id[0] && set_has(nm->ids, id)))
		return;
	for (size_t i = 0; i < nm->cand.n; i++)
		if (strstr(value, nm->cand.v[i]))
			set_add(&nm->elsewhere, nm->cand.v[i]);
}

/* The family's names that appear nowhere else in the database: after destruction they
 * must appear nowhere at all. */
static void unique_names(sqlite3 *db, const char *family_id, const struct strset *ids,
	struct strset *out)
{
	struct names nm = { .ids = ids };
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db,
		"SELECT given_name FROM person WHERE family_id = ?1"
		" UNION SELECT family_name FROM person WHERE family_id = ?1"
		" UNION SELECT name FROM involved_party WHERE family_id = ?1 AND kind = 'netwerk'"
		" UNION SELECT display_name FROM family WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char v[400];
		snprintf(v, sizeof v, "%s", (const char *)sqlite3_column_text(st, 0));
		lower(v);
		if (strlen(v) >= 4)
			set_add(&nm.cand, v);
	}
	sqlite3_finalize(st);
	each_value(db, note_elsewhere, &nm);
	for (size_t i = 0; i < nm.cand.n; i++)
		if (!set_has(&nm.elsewhere, nm.cand.v[i]))
			set_add(out, nm.cand.v[i]);
	set_free(&nm.cand);
	set_free(&nm.elsewhere);
}

struct leftover {
	const struct strset *ids, *names;
	int found;
};

static void find_leftover(void *arg, const char *table, const char *id, const char *value)
{
	(void)id;
	struct leftover *lo = arg;
	for (size_t i = 0; i < lo->ids->n; i++)
		if (strstr(value, lo->ids->v[i]) && lo->found++ < 5)
			fprintf(stderr, "left in %s: id %s\n", table, lo->ids->v[i]);
	for (size_t i = 0; i < lo->names->n; i++)
		if (strstr(value, lo->names->v[i]) && lo->found++ < 5)
			fprintf(stderr, "left in %s: name %s\n", table, lo->names->v[i]);
}

/* Whether any needle occurs in the file's bytes (lower-cased). */
static bool file_holds(const char *path, const struct strset *needles)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)len + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq((long)fread(buf, 1, (size_t)len, f), len);
	fclose(f);
	for (long i = 0; i < len; i++)
		buf[i] = (char)tolower((unsigned char)buf[i]);
	bool hit = false;
	for (size_t i = 0; i < needles->n && !hit; i++) {
		char *at = memmem(buf, (size_t)len, needles->v[i], strlen(needles->v[i]));
		hit = at != NULL;
		if (hit)
			fprintf(stderr, "%s holds '%s' at byte %ld\n", path, needles->v[i],
				(long)(at - buf));
	}
	free(buf);
	return hit;
}

static int check_cb(void *arg, const struct check_result *r)
{
	(void)arg;
	ck_assert_msg(r->ok, "check %s: %s", r->name, r->problem);
	return 0;
}

static void assert_sound(struct casus_ctx *ctx, struct casus_err *err)
{
	bool sound = false;
	int64_t bad = 0, rows = 0;
	ck_ok(audit_verify(ctx, &bad, &rows, err));
	ck_ok(check_run(ctx, check_cb, NULL, &sound, err));
	ck_assert(sound);
}

/* ---- the demo: destroying a family with everything ---- */

struct demo {
	char dir[256], path[320];
	struct casus_ctx *ctx;
	struct casus_err err;
};

static void demo_open(struct demo *d)
{
	memset(d, 0, sizeof *d);
	fx_current_err = &d->err;
	const char *base = getenv("TMPDIR");
	snprintf(d->dir, sizeof d->dir, "%s/casus-ret-XXXXXX", base && *base ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(d->dir));
	snprintf(d->path, sizeof d->path, "%s/demo.db", d->dir);
	ck_ok(demo_create(d->path, false, &d->err));
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	ck_ok(casus_open(d->path, &o, &d->ctx, &d->err));
	ck_ok(casus_identify(d->ctx, "hvdlinden", &d->err)); /* the demo's teamleider */
}

static void demo_close(struct demo *d)
{
	casus_close(d->ctx);
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char buf[400];
	for (int i = 0; i < 3; i++) {
		snprintf(buf, sizeof buf, "%s%s", d->path, suffix[i]);
		unlink(buf);
	}
	rmdir(d->dir);
}

/* One demo family after another: each holds a different mix (meldcode, escalations,
 * meeting items with decisions and actions, plans in several versions, notes). */
static const char *const demo_cases[] = { "2026-0004", "2026-0047", "2026-0012", NULL };

START_TEST(destroying_a_demo_family_leaves_nothing_about_it)
{
	struct demo d;
	demo_open(&d);
	sqlite3 *db = d.ctx->db;
	for (int k = 0; demo_cases[k]; k++) {
		struct family f;
		ck_ok(family_get(d.ctx, demo_cases[k], &f, &d.err));
		struct strset ids = { 0 }, names = { 0 };
		family_ids(db, f.id, &ids);
		ck_assert_uint_gt(ids.n, 10); /* persons, parties, consent, plans, ... */
		unique_names(db, f.id, &ids, &names);
		ck_assert_msg(names.n >= 1, "%s has no name of its own in the demo", f.case_no);
		/* A search for the family by another member, and a draft about it. */
		fx_act_as(&(struct fixture){ .ctx = d.ctx }, "mbenali");
		ck_ok(audit_log(d.ctx, AUDIT_SEARCH, NULL, "family", NULL, names.v[0], &d.err));
		ck_ok(draft_save(d.ctx, "family.display_name", f.id, f.id, "half typed", &d.err));
		ck_ok(casus_identify(d.ctx, "hvdlinden", &d.err));
		force_closed(db, f.id, "2004-05-06");
		int64_t seq = 0;
		ck_ok(retention_destroy(d.ctx, f.case_no, f.case_no, "retention term ended", &seq,
			&d.err));
		ck_assert_int_gt(seq, 0);
		struct leftover lo = { .ids = &ids, .names = &names };
		each_value(db, find_leftover, &lo);
		ck_assert_msg(lo.found == 0, "%d traces of %s are left", lo.found, f.case_no);
		assert_sound(d.ctx, &d.err);
		/* Nothing left in the file either: freed pages are zeroed, the write-ahead log
		 * emptied, the full-text index merged. */
		char wal[400];
		snprintf(wal, sizeof wal, "%s-wal", d.path);
		ck_assert_msg(!file_holds(d.path, &names) && !file_holds(wal, &names),
			"the file still holds a name of %s", f.case_no);
		/* The case number stays taken, and says what happened to it. */
		ck_assert_int_eq(family_get(d.ctx, f.case_no, &f, &d.err), CASUS_E_NOTFOUND);
		ck_assert_ptr_nonnull(strstr(d.err.msg, "destroyed"));
		set_free(&ids);
		set_free(&names);
	}
	ck_assert_int_eq(count(db, "SELECT count(*) FROM destroyed_case"), 3);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM audit WHERE event = 'destroy'"
		" AND family_id IS NULL AND object_id IS NULL"), 3);
	demo_close(&d);
}
END_TEST

/* ---- the rules ---- */

START_TEST(only_a_teamleider_destroys_and_only_with_confirmation)
{
	struct fixture fx;
	fx_setup(&fx);
	char id[CASUS_ID_LEN];
	fx_family(&fx, "Zwaneveld", id);
	force_closed(fx.ctx->db, id, "2001-02-03");
	int64_t audit_rows = count(fx.ctx->db, "SELECT count(*) FROM audit");
	fx_act_as(&fx, "coach1");
	ck_assert_int_eq(retention_destroy(fx.ctx, "2026-0001", "2026-0001", "term ended", NULL,
		&fx.err), CASUS_E_PERM);
	fx_act_as_leader(&fx);
	ck_assert_int_eq(retention_destroy(fx.ctx, "2026-0001", "2026-0002", "term ended", NULL,
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(retention_destroy(fx.ctx, "2026-0001", NULL, "term ended", NULL,
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(retention_destroy(fx.ctx, "2026-0001", "2026-0001", "  ", NULL,
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(retention_destroy(fx.ctx, "2026-0001", "2026-0001", "line\nbreak", NULL,
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM family"), 1);
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM audit"), audit_rows);
	ck_ok(retention_destroy(fx.ctx, "2026-0001", "2026-0001", "term ended", NULL, &fx.err));
	ck_assert_int_eq(count(fx.ctx->db, "SELECT count(*) FROM family"), 0);
	/* The number is not given out again. */
	char next[CASUS_ID_LEN];
	fx_family(&fx, "Nieuw", next);
	struct family f;
	ck_ok(family_get(fx.ctx, next, &f, &fx.err));
	ck_assert_str_eq(f.case_no, "2026-0002");
	fx_teardown(&fx);
}
END_TEST

START_TEST(the_term_or_a_request_is_needed)
{
	struct fixture fx;
	fx_setup(&fx);
	char open_id[CASUS_ID_LEN], recent[CASUS_ID_LEN], old[CASUS_ID_LEN];
	fx_family(&fx, "Open", open_id);
	fx_family(&fx, "Recent", recent);
	fx_family(&fx, "Oud", old);
	force_closed(fx.ctx->db, recent, "2020-01-01");
	force_closed(fx.ctx->db, old, "2006-11-23"); /* exactly 20 years ago today */
	/* An open case is never destroyed, even on request. */
	ck_ok(retention_request(fx.ctx, "2026-0001", "moeder", NULL, NULL, &fx.err));
	ck_assert_int_eq(retention_destroy(fx.ctx, "2026-0001", "2026-0001", "verzoek", NULL,
		&fx.err), CASUS_E_STATE);
	/* Closed in 2020: kept until 2040 unless asked. */
	ck_assert_int_eq(retention_destroy(fx.ctx, "2026-0002", "2026-0002", "verzoek", NULL,
		&fx.err), CASUS_E_STATE);
	ck_assert_ptr_nonnull(strstr(fx.err.msg, "2040-01-01"));
	/* Any member records the family's request; bad input is refused. */
	fx_act_as(&fx, "coach1");
	ck_assert_int_eq(retention_request(fx.ctx, "2026-0002", "", NULL, NULL, &fx.err),
		CASUS_E_INVALID);
	ck_assert_int_eq(retention_request(fx.ctx, "2026-0002", "vader", "2027-01-01", NULL,
		&fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(retention_request(fx.ctx, "2026-0002", "vader", "gisteren", NULL,
		&fx.err), CASUS_E_INVALID);
	ck_ok(retention_request(fx.ctx, "2026-0002", "Sanne (17)", "2026-11-20",
		"wil een nieuwe start", &fx.err));
	/* The list is the teamleider's. */
	ck_assert_int_eq(retention_each(fx.ctx, NULL, NULL, &fx.err), CASUS_E_PERM);
	fx_act_as_leader(&fx);
	ck_ok(retention_destroy(fx.ctx, "2026-0002", "2026-0002", "verzoek van de jeugdige", NULL,
		&fx.err));
	/* Closed exactly the term ago: past it. */
	ck_ok(retention_destroy(fx.ctx, "2026-0003", "2026-0003", "termijn verstreken", NULL,
		&fx.err));
	assert_sound(fx.ctx, &fx.err);
	fx_teardown(&fx);
}
END_TEST

struct list {
	int n;
	struct retention_row r[8];
};

static int collect(void *arg, const struct retention_row *row)
{
	struct list *l = arg;
	ck_assert_int_lt(l->n, 8);
	l->r[l->n++] = *row;
	return 0;
}

START_TEST(the_list_shows_past_term_and_requested)
{
	struct fixture fx;
	fx_setup(&fx);
	char a[CASUS_ID_LEN], b[CASUS_ID_LEN], c[CASUS_ID_LEN], e[CASUS_ID_LEN];
	fx_family(&fx, "Past", a);
	fx_family(&fx, "Kept", b);
	fx_family(&fx, "Asked", c);
	fx_family(&fx, "Open", e);
	force_closed(fx.ctx->db, a, "2003-03-03");
	force_closed(fx.ctx->db, b, "2024-02-29");
	ck_ok(retention_request(fx.ctx, "2026-0003", "vader", "2026-10-01", NULL, &fx.err));
	struct list l = { 0 };
	ck_ok(retention_each(fx.ctx, collect, &l, &fx.err));
	ck_assert_int_eq(l.n, 2);
	ck_assert_str_eq(l.r[0].case_no, "2026-0001");
	ck_assert(l.r[0].past_term);
	ck_assert_str_eq(l.r[0].keep_until, "2023-03-03");
	ck_assert_str_eq(l.r[0].requested_on, "");
	ck_assert_str_eq(l.r[1].case_no, "2026-0003");
	ck_assert(!l.r[1].past_term);
	ck_assert_str_eq(l.r[1].closed_on, "");
	ck_assert_str_eq(l.r[1].requested_on, "2026-10-01");
	ck_assert_str_eq(l.r[1].requested_by, "vader");
	char until[11];
	retention_keep_until(fx.ctx, "2024-02-29", until);
	ck_assert_str_eq(until, "2044-02-29");
	retention_keep_until(fx.ctx, "2024-02-29", until);
	ck_ok(setting_set(fx.ctx, "retention.years", "21", &fx.err));
	retention_keep_until(fx.ctx, "2024-02-29", until);
	ck_assert_str_eq(until, "2045-02-28"); /* no 29 February in 2045 */
	fx_teardown(&fx);
}
END_TEST

/* ---- the access log after a destruction ---- */

static int64_t destroy_one(struct fixture *fx)
{
	char id[CASUS_ID_LEN];
	fx_family(fx, "Zwaneveld", id);
	struct family f;
	ck_ok(family_open(fx->ctx, id, &f, &fx->err));
	ck_ok(audit_log(fx->ctx, AUDIT_SEARCH, NULL, "family", NULL, "zwanev", &fx->err));
	ck_ok(audit_log(fx->ctx, AUDIT_SEARCH, NULL, "family", NULL, "Jansen", &fx->err));
	force_closed(fx->ctx->db, id, "2001-01-01");
	int64_t seq = 0;
	ck_ok(retention_destroy(fx->ctx, f.case_no, f.case_no, "term ended", &seq, &fx->err));
	return seq;
}

START_TEST(redacted_rows_keep_the_chain)
{
	struct fixture fx;
	fx_setup(&fx);
	int64_t seq = destroy_one(&fx);
	sqlite3 *db = fx.ctx->db;
	/* The rows about the family and the search for "zwanev" are redacted; the search
	 * for somebody else is not. */
	ck_assert_int_ge(count(db, "SELECT count(*) FROM audit WHERE redacted_by IS NOT NULL"), 3);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM audit WHERE detail LIKE '%zwanev%'"), 0);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM audit WHERE detail = 'Jansen'"), 1);
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE seq = ?1 AND"
		" event = 'destroy' AND detail LIKE 'case 2026-0001 destroyed; % access-log rows"
		" redacted; reason: term ended'", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, seq);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	/* The log still refuses changes outside a destruction. */
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE audit SET detail = NULL, redacted_by ="
		" (SELECT max(seq) FROM audit) WHERE detail = 'Jansen'", NULL, NULL, NULL), SQLITE_OK);
	assert_sound(fx.ctx, &fx.err);
	fx_teardown(&fx);
}
END_TEST

START_TEST(a_redaction_behind_casuss_back_is_caught)
{
	struct fixture fx;
	fx_setup(&fx);
	int64_t seq = destroy_one(&fx);
	sqlite3 *db = fx.ctx->db;
	exec_ok(db, "DROP TRIGGER audit_no_update");
	/* Hiding another row under the destruction: the count no longer matches. */
	exec_ok(db, "UPDATE audit SET detail = NULL, redacted_by = (SELECT max(seq) FROM audit"
		" WHERE event = 'destroy') WHERE detail = 'Jansen'");
	int64_t bad = 0, rows = 0;
	ck_assert_int_eq(audit_verify(fx.ctx, &bad, &rows, &fx.err), CASUS_E_NOTDB);
	ck_assert_int_eq(bad, seq);
	/* Writing into a redacted row. */
	exec_ok(db, "UPDATE audit SET detail = 'Jansen', redacted_by = NULL WHERE detail IS NULL"
		" AND event = 'search' AND redacted_by IS NOT NULL AND seq ="
		" (SELECT max(seq) FROM audit WHERE event = 'search')");
	ck_ok(audit_verify(fx.ctx, &bad, &rows, &fx.err));
	exec_ok(db, "UPDATE audit SET detail = 'someone else' WHERE redacted_by IS NOT NULL"
		" AND seq = (SELECT min(seq) FROM audit WHERE redacted_by IS NOT NULL)");
	ck_assert_int_eq(audit_verify(fx.ctx, &bad, &rows, &fx.err), CASUS_E_NOTDB);
	ck_assert_int_eq(bad, count(db, "SELECT min(seq) FROM audit WHERE redacted_by IS NOT NULL"));
	fx_teardown(&fx);
}
END_TEST

START_TEST(safeguards_left_off_are_reported)
{
	struct fixture fx;
	fx_setup(&fx);
	exec_ok(fx.ctx->db, "INSERT INTO destroying VALUES ('00000000-0000-0000-0000-000000000000')");
	bool sound = true;
	ck_ok(check_run(fx.ctx, NULL, NULL, &sound, &fx.err));
	ck_assert(!sound);
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("retention");
	TCase *tc = tcase_create("retention");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, only_a_teamleider_destroys_and_only_with_confirmation);
	tcase_add_test(tc, the_term_or_a_request_is_needed);
	tcase_add_test(tc, the_list_shows_past_term_and_requested);
	tcase_add_test(tc, redacted_rows_keep_the_chain);
	tcase_add_test(tc, a_redaction_behind_casuss_back_is_caught);
	tcase_add_test(tc, safeguards_left_off_are_reported);
	tcase_add_test(tc, destroying_a_demo_family_leaves_nothing_about_it);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
