/* The case list at scale: 100,000 families. Every list query walks an index (checked
 * with EXPLAIN QUERY PLAN), deep pages come back in the right order, counts match,
 * and search finds names with diacritics folded. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casus/family.h"
#include "casus/flags.h"
#include "casus/member.h"
#include "casus/text.h"
#include "fixture.h"
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

/* Sanitizer builds are several times slower and check memory, not scale: there the
 * same tests run on a fifth of the families, under valgrind (some fifty times slower)
 * on a fiftieth (the query plans do not depend on the row count: casus runs no
 * ANALYZE). */
#if defined(__SANITIZE_ADDRESS__)
#define FULL_FAMILIES 20000
#else
#define FULL_FAMILIES 100000
#endif
static int N_FAMILIES = FULL_FAMILIES;
#define PER_YEAR (N_FAMILIES / 20) /* case numbers 2007-0001 .. 2026-5000 */
#define DEEP (N_FAMILIES / 2)      /* the deep page: offset 50,000 */
#define PAGE 50

static const char *const surnames[] = {
	"Jansen", "de Vries", "van der Berg", "Çelik", "Ødegaard", "Bakker", "Visser", "Smit",
	"Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
	"van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yılmaz", "Kaya", "El Amrani",
	"Nguyen", "Şahin", "van 't Hof", "Zoëtelief", "Ünal", "Öztürk", "ter Horst", "Groen",
};
#define N_SURNAMES (int)(sizeof surnames / sizeof *surnames)
static const char *const logins[] = { NULL /* the teamleider */, "coach1", "coach2", "gw1",
	"af1" };

/* What the test knows about each family it inserted, to compute expected pages. */
struct fam {
	char case_no[12];
	char name[64];
	char sort_name[64];
	char regie_sort[64]; /* "" when nobody (SQLite NULL sorts first, as "" would) */
	char next_eval[11];  /* "" when none */
	char registered[11];
	char triage[2];      /* "" when none */
	int phase;
	int regie;           /* index into logins, -1 for none */
};

static struct fixture fx;
static struct fam *fams;
static char member_ids[5][CASUS_ID_LEN];
static char member_sort[5][64];

static int64_t count_sql(const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void exec_ok(const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(fx.ctx->db, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
}

static const char SQL_BULK[] =
	"INSERT INTO family(id, case_year, case_seq, case_no, display_name, sort_name, phase,"
	" triage, framework, referral_kind, referral_source, registered_on, closed_on, regie_id,"
	" regie_sort, next_eval_on, created_at, created_by, rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, printf('%04d-%04d', ?2, ?3), ?4, ?5, ?6, ?7, 'vrijwillig',"
	" 'aanmelding', 'ouders', ?8, ?9, ?10, ?11, ?12, '2026-11-23T09:00:00Z', ?13, 1,"
	" '2026-11-23T09:00:00Z', ?13)";

/* Build the database once for the whole suite (unchecked fixture, parent process). */
static void build(void)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fx_setup(&fx);
	for (int i = 0; i < 5; i++) {
		struct member m;
		ck_ok(member_get_by_login(fx.ctx, logins[i] ? logins[i] : casus_unix_login(), &m,
			&fx.err));
		memcpy(member_ids[i], m.id, CASUS_ID_LEN);
		text_sort_key(m.name, member_sort[i], sizeof member_sort[i]);
	}
	fams = calloc(N_FAMILIES, sizeof *fams);
	ck_assert_ptr_nonnull(fams);
	/* Enough page cache that the b-trees stay in memory until the commit. */
	exec_ok("PRAGMA cache_size = -131072");
	exec_ok("BEGIN IMMEDIATE");
	/* Speed: the case-list indexes are set aside and made again, from their own
	 * CREATE INDEX text, after the rows are in (sorting once beats 100,000 random
	 * inserts into seven b-trees, which takes long under the sanitizers). */
	char *index_sql[16];
	int n_index = 0;
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, "SELECT name, sql FROM sqlite_schema"
		" WHERE type = 'index' AND tbl_name = 'family' AND sql IS NOT NULL", -1, &st, NULL),
		SQLITE_OK);
	char drop[16][128];
	while (sqlite3_step(st) == SQLITE_ROW) {
		ck_assert_int_lt(n_index, 16);
		snprintf(drop[n_index], sizeof drop[n_index], "DROP INDEX \"%s\"",
			(const char *)sqlite3_column_text(st, 0));
		index_sql[n_index++] = strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	ck_assert_int_ge(n_index, 7);
	for (int i = 0; i < n_index; i++)
		exec_ok(drop[i]);
	ck_assert_int_eq(sqlite3_prepare_v2(fx.ctx->db, SQL_BULK, -1, &st, NULL), SQLITE_OK);
	uint32_t rnd = 12345;
	for (int i = 0; i < N_FAMILIES; i++) {
		struct fam *f = &fams[i];
		rnd = rnd * 1103515245u + 12345u;
		int a = (int)((rnd >> 8) % N_SURNAMES), b = (int)((rnd >> 20) % N_SURNAMES);
		int year = 2007 + i / PER_YEAR, seq = i % PER_YEAR + 1;
		snprintf(f->case_no, sizeof f->case_no, "%04d-%04d", year, seq);
		if (i % 7 == 0 && a != b)
			snprintf(f->name, sizeof f->name, "%s-%s", surnames[a], surnames[b]);
		else
			snprintf(f->name, sizeof f->name, "%s", surnames[a]);
		text_sort_key(f->name, f->sort_name, sizeof f->sort_name);
		f->phase = (int)((rnd >> 4) % 6);
		f->regie = f->phase == PHASE_AANMELDING ? -1 : (int)((rnd >> 12) % 5);
		if (f->regie >= 0)
			snprintf(f->regie_sort, sizeof f->regie_sort, "%s", member_sort[f->regie]);
		snprintf(f->registered, sizeof f->registered, "%04d-%02d-%02d", year, seq % 11 + 1,
			seq % 28 + 1);
		if (f->phase == PHASE_PLAN || f->phase == PHASE_UITVOERING)
			snprintf(f->next_eval, sizeof f->next_eval, "2027-%02d-%02d", i % 12 + 1,
				i % 28 + 1);
		if (i % 5 != 4)
			f->triage[0] = "ABCD"[i % 4];
		char id[CASUS_ID_LEN];
		snprintf(id, sizeof id, "%08x-0000-4000-8000-%012x", (unsigned)i, (unsigned)i);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, year);
		sqlite3_bind_int(st, 3, seq);
		sqlite3_bind_text(st, 4, f->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, f->sort_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, family_phase_name((enum family_phase)f->phase), -1,
			SQLITE_STATIC);
		db_bind_text(st, 7, f->triage);
		sqlite3_bind_text(st, 8, f->registered, -1, SQLITE_STATIC);
		db_bind_text(st, 9, f->phase == PHASE_AFGESLOTEN ? f->registered : NULL);
		db_bind_text(st, 10, f->regie >= 0 ? member_ids[f->regie] : NULL);
		db_bind_text(st, 11, f->regie_sort);
		db_bind_text(st, 12, f->next_eval);
		sqlite3_bind_text(st, 13, member_ids[0], -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		ck_assert_msg(rc == SQLITE_DONE, "insert %d: %s", i, sqlite3_errmsg(fx.ctx->db));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	for (int i = 0; i < n_index; i++) {
		exec_ok(index_sql[i]);
		free(index_sql[i]);
	}
	/* The search index, filled by the core function family_add uses. */
	for (int i = 0; i < N_FAMILIES; i++) {
		char id[CASUS_ID_LEN];
		snprintf(id, sizeof id, "%08x-0000-4000-8000-%012x", (unsigned)i, (unsigned)i);
		ck_ok(family_fts_refresh(fx.ctx, id, &fx.err));
	}
	exec_ok("COMMIT");
	/* Each test opens its own connection in its own process. */
	casus_close(fx.ctx);
	fx.ctx = NULL;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(stderr, "test_scale: %d families built in %.1f s\n", N_FAMILIES, secs);
}

static void connect(void)
{
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	ck_ok(casus_open(fx.path, &o, &fx.ctx, &fx.err));
	ck_ok(casus_identify(fx.ctx, NULL, &fx.err));
	/* Speed only: keep the pages a test has read (the query plans do not change). */
	exec_ok("PRAGMA cache_size = -131072");
}

static void disconnect(void)
{
	casus_close(fx.ctx);
	fx.ctx = NULL;
}

static void unbuild(void)
{
	free(fams);
	fams = NULL;
	fx_teardown(&fx);
}

/* ---- expected order, computed in C ---- */

static enum family_sort cmp_sort;

static const char *key(const struct fam *f, int part, char *buf)
{
	switch (cmp_sort) {
	case SORT_NAME: return part == 0 ? f->sort_name : part == 1 ? f->case_no : "";
	case SORT_CASE_NO: return part == 0 ? f->case_no : "";
	case SORT_PHASE:
		if (part == 0) {
			buf[0] = (char)('0' + f->phase);
			buf[1] = '\0';
			return buf;
		}
		return part == 1 ? f->sort_name : f->case_no;
	case SORT_REGIE: return part == 0 ? f->regie_sort : part == 1 ? f->sort_name : f->case_no;
	case SORT_TRIAGE: return part == 0 ? f->triage : part == 1 ? f->sort_name : f->case_no;
	case SORT_NEXT_EVAL: return part == 0 ? f->next_eval : part == 1 ? f->case_no : "";
	case SORT_REGISTERED: return part == 0 ? f->registered : part == 1 ? f->case_no : "";
	default: return "";
	}
}

static int cmp_fam(const void *pa, const void *pb)
{
	const struct fam *a = *(const struct fam *const *)pa, *b = *(const struct fam *const *)pb;
	char ba[2], bb[2];
	for (int part = 0; part < 3; part++) {
		int c = strcmp(key(a, part, ba), key(b, part, bb));
		if (c)
			return c;
	}
	return 0;
}

static bool matches(const struct fam *f, const struct family_query *q)
{
	if (q->phase >= 0 && q->phase < PHASE_COUNT && f->phase != q->phase)
		return false;
	if (q->phase == PHASE_COUNT && f->phase == PHASE_AFGESLOTEN)
		return false;
	if (q->regie_id && *q->regie_id
	    && (f->regie < 0 || strcmp(member_ids[f->regie], q->regie_id) != 0))
		return false;
	if (q->regie_id && !*q->regie_id && f->regie >= 0)
		return false;
	return true;
}

/* The families matching q in ascending order of q's sort (descending lists are read
 * from the end). Returns how many. */
static int expected(const struct family_query *q, const struct fam ***out)
{
	const struct fam **v = malloc(N_FAMILIES * sizeof *v);
	ck_assert_ptr_nonnull(v);
	int n = 0;
	for (int i = 0; i < N_FAMILIES; i++)
		if (matches(&fams[i], q))
			v[n++] = &fams[i];
	cmp_sort = q->sort;
	qsort(v, (size_t)n, sizeof *v, cmp_fam);
	*out = v;
	return n;
}

/* ---- query plans ---- */

static void plan_of_kind(const struct family_query *q, enum family_list_kind kind,
	enum family_search_form form, char *out, size_t outsz)
{
	char sql[2560];
	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", family_list_sql_kind(q, kind, form));
	sqlite3_stmt *st;
	ck_assert_msg(sqlite3_prepare_v2(fx.ctx->db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s",
		sql, sqlite3_errmsg(fx.ctx->db));
	family_list_bind(st, q);
	sqlite3_bind_int(st, 4, PAGE);
	sqlite3_bind_int(st, 5, kind == LIST_PAGE ? DEEP : 0);
	if (kind >= LIST_AFTER) {
		struct family_row row = { .phase = PHASE_PLAN, .triage = 'B' };
		snprintf(row.sort_name, sizeof row.sort_name, "jansen");
		snprintf(row.case_no, sizeof row.case_no, "2016-0001");
		snprintf(row.regie_sort, sizeof row.regie_sort, "coach");
		snprintf(row.next_eval_on, sizeof row.next_eval_on, "2027-01-01");
		snprintf(row.registered_on, sizeof row.registered_on, "2016-01-01");
		family_list_bind_after(st, q, &row);
	}
	out[0] = '\0';
	size_t len = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3);
		len += (size_t)snprintf(out + len, outsz - len, "%s\n", detail ? detail : "");
		ck_assert_uint_lt(len, outsz);
	}
	sqlite3_finalize(st);
	ck_assert_uint_gt(len, 0);
}

static void plan_of(const struct family_query *q, char *out, size_t outsz)
{
	plan_of_kind(q, LIST_PAGE, SEARCH_NARROW, out, outsz);
}

static bool uses_index(const char *plan)
{
	return strstr(plan, "USING INDEX") || strstr(plan, "USING COVERING INDEX")
	       || strstr(plan, "VIRTUAL TABLE INDEX");
}

/* No full scan of a table: every SCAN step walks an index. */
static const char *bare_scan(const char *plan)
{
	static char line[256];
	for (const char *p = plan; *p;) {
		size_t n = strcspn(p, "\n");
		snprintf(line, sizeof line, "%.*s", (int)n, p);
		/* "SCAN (subquery-1)" reads a subquery's result, not a table. */
		if (strncmp(line, "SCAN ", 5) == 0 && !strstr(line, "INDEX")
		    && strncmp(line, "SCAN (subquery", 14) != 0)
			return line;
		p += n + (p[n] == '\n');
	}
	return NULL;
}

enum { F_NONE, F_PHASE, F_OPEN, F_REGIE, F_NO_REGIE, F_SEARCH, F_FLAGS, F_COUNT };
static const char *const filter_names[] = { "none", "phase", "open", "regie", "no regie",
	"search", "flags" };

static struct family_query query(int filter, enum family_sort sort, bool desc)
{
	struct family_query q = { .phase = -1, .sort = sort, .descending = desc };
	switch (filter) {
	case F_PHASE: q.phase = PHASE_UITVOERING; break;
	case F_OPEN: q.phase = PHASE_COUNT; break;
	case F_REGIE: q.regie_id = member_ids[2]; break;
	case F_NO_REGIE: q.regie_id = ""; break;
	case F_SEARCH: q.search = "celik"; break;
	case F_FLAGS: q.flags = FLAG_EVAL_OVERDUE | FLAG_FIRST_VISIT; break;
	default: break;
	}
	return q;
}

START_TEST(every_list_query_walks_an_index)
{
	char plan[4096];
	for (int filter = 0; filter < F_COUNT; filter++)
		for (int sort = 0; sort < SORT_COUNT; sort++)
			for (int desc = 0; desc < 2; desc++) {
				struct family_query q = query(filter, (enum family_sort)sort, desc);
				plan_of(&q, plan, sizeof plan);
				const char *what = family_sort_name((enum family_sort)sort);
				ck_assert_msg(uses_index(plan), "filter %s, sort %s%s: no index in\n%s",
					filter_names[filter], what, desc ? " desc" : "", plan);
				const char *bare = bare_scan(plan);
				ck_assert_msg(bare == NULL, "filter %s, sort %s%s: full scan '%s' in\n%s",
					filter_names[filter], what, desc ? " desc" : "", bare, plan);
				/* Unfiltered, every sort is served by an index in order: pages never
				 * sort the whole table. */
				if (filter == F_NONE)
					ck_assert_msg(!strstr(plan, "TEMP B-TREE"),
						"sort %s%s sorts in a temp b-tree:\n%s", what,
						desc ? " desc" : "", plan);
			}
}
END_TEST

START_TEST(the_default_list_walks_the_sort_name_index)
{
	char plan[4096];
	struct family_query q = query(F_NONE, SORT_NAME, false);
	plan_of(&q, plan, sizeof plan);
	ck_assert_msg(strstr(plan, "family_by_sort_name") != NULL, "%s", plan);
	q = query(F_PHASE, SORT_PHASE, false);
	plan_of(&q, plan, sizeof plan);
	ck_assert_msg(strstr(plan, "family_by_phase") != NULL, "%s", plan);
	q = query(F_REGIE, SORT_NAME, false);
	plan_of(&q, plan, sizeof plan);
	ck_assert_msg(strstr(plan, "family_by_regie") != NULL || strstr(plan, "family_by_sort_name"),
		"%s", plan);
}
END_TEST

/* Keyset paging (family_list_after): every form of it seeks in an index, and the
 * unfiltered list never sorts in a temp b-tree. */
START_TEST(keyset_pages_seek_in_an_index)
{
	char plan[4096];
	for (int filter = 0; filter < F_COUNT; filter++)
		for (int sort = 0; sort < SORT_COUNT; sort++)
			for (int desc = 0; desc < 2; desc++)
				for (int kind = LIST_AFTER; kind < LIST_KIND_COUNT; kind++) {
					/* The NULL forms belong to sorts whose first column can be NULL. */
					if (kind != LIST_AFTER && sort != SORT_REGIE && sort != SORT_TRIAGE
					    && sort != SORT_NEXT_EVAL)
						continue;
					struct family_query q = query(filter, (enum family_sort)sort, desc);
					plan_of_kind(&q, (enum family_list_kind)kind, SEARCH_NARROW, plan,
						sizeof plan);
					const char *what = family_sort_name((enum family_sort)sort);
					ck_assert_msg(uses_index(plan) && !bare_scan(plan),
						"filter %s, sort %s%s, kind %d: a full scan in\n%s",
						filter_names[filter], what, desc ? " desc" : "", kind, plan);
					if (filter == F_NONE)
						ck_assert_msg(!strstr(plan, "TEMP B-TREE"),
							"sort %s%s kind %d sorts in a temp b-tree:\n%s", what,
							desc ? " desc" : "", kind, plan);
					/* The plain seek starts inside the index: a range on the key. */
					if (filter == F_NONE && kind == LIST_AFTER)
						ck_assert_msg(strstr(plan, "SEARCH f USING") && strchr(plan,
							desc ? '<' : '>'), "sort %s%s: no seek in\n%s", what,
							desc ? " desc" : "", plan);
				}
}
END_TEST

/* A broad or dense search walks the sort order's index (no sorting of every match),
 * and its capped count is read from the search index first. */
START_TEST(broad_searches_walk_the_sort_index)
{
	char plan[4096];
	for (int form = SEARCH_BROAD; form <= SEARCH_DENSE; form++)
		for (int sort = 0; sort < SORT_COUNT; sort++)
			for (int desc = 0; desc < 2; desc++) {
				struct family_query q = query(F_SEARCH, (enum family_sort)sort, desc);
				const char *what = family_sort_name((enum family_sort)sort);
				plan_of_kind(&q, LIST_PAGE, (enum family_search_form)form, plan,
					sizeof plan);
				ck_assert_msg(!strstr(plan, "TEMP B-TREE") && !bare_scan(plan),
					"search form %d, sort %s%s:\n%s", form, what, desc ? " desc" : "",
					plan);
				plan_of_kind(&q, LIST_AFTER, (enum family_search_form)form, plan,
					sizeof plan);
				ck_assert_msg(!strstr(plan, "TEMP B-TREE") && !bare_scan(plan),
					"search form %d after a row, sort %s%s:\n%s", form, what,
					desc ? " desc" : "", plan);
			}
	for (int filter = 0; filter < F_COUNT; filter++) {
		struct family_query q = query(filter, SORT_NAME, false);
		q.search = "j";
		plan_of_kind(&q, LIST_COUNT_UPTO, SEARCH_NARROW, plan, sizeof plan);
		ck_assert_msg(strncmp(plan, "SCAN family_fts VIRTUAL TABLE", 29) == 0
			|| strstr(plan, "\nSCAN family_fts VIRTUAL TABLE"),
			"filter %s: the capped count does not start from the search index:\n%s",
			filter_names[filter], plan);
		ck_assert_msg(!bare_scan(plan), "filter %s: %s", filter_names[filter], plan);
	}
}
END_TEST

/* Row k of q's list (in its own order). */
static const struct fam *nth(const struct family_query *q, const struct fam **want, int n,
	int64_t k)
{
	return want[q->descending ? n - 1 - k : k];
}

/* The rows after row k of q's list, read by keyset, are rows k+1... */
static void check_after(const struct family_query *q, const struct fam **want, int n,
	int64_t k, const char *label)
{
	struct family_row anchor, *rows = calloc(PAGE, sizeof *rows);
	ck_assert_ptr_nonnull(rows);
	int got = 0;
	ck_ok(family_list_page(fx.ctx, q, k, 1, &anchor, &got, &fx.err));
	ck_assert_int_eq(got, 1);
	ck_assert_str_eq(anchor.case_no, nth(q, want, n, k)->case_no);
	ck_ok(family_list_after(fx.ctx, q, &anchor, PAGE, rows, &got, &fx.err));
	int64_t left = n - k - 1;
	ck_assert_msg(got == (left < PAGE ? left : PAGE), "%s after row %lld: %d rows", label,
		(long long)k, got);
	for (int i = 0; i < got; i++) {
		const struct fam *w = nth(q, want, n, k + 1 + i);
		ck_assert_msg(strcmp(rows[i].case_no, w->case_no) == 0,
			"%s: row %lld after %lld is %s '%s', expected %s '%s'", label,
			(long long)i, (long long)k, rows[i].case_no, rows[i].display_name,
			w->case_no, w->name);
	}
	free(rows);
}

START_TEST(keyset_pages_match_offset_pages)
{
	char label[80];
	const int filters[] = { F_NONE, F_OPEN, F_REGIE };
	for (int fi = 0; fi < 3; fi++)
		for (int sort = 0; sort < SORT_COUNT; sort++) {
			struct family_query q = query(filters[fi], (enum family_sort)sort, false);
			const struct fam **want;
			int n = expected(&q, &want);
			/* Where the first sort column stops being empty (NULL). */
			int b = 0;
			char buf[2];
			cmp_sort = q.sort;
			while (b < n && !*key(want[b], 0, buf))
				b++;
			for (int desc = 0; desc < 2; desc++) {
				q.descending = desc;
				snprintf(label, sizeof label, "filter %s, sort %s%s",
					filter_names[filters[fi]], family_sort_name(q.sort),
					desc ? " desc" : "");
				const int64_t at[] = { 0, b - 1, b, n - b - 1, n - b, n / 4, n - 2 };
				for (int i = 0; i < 7; i++)
					if (at[i] >= 0 && at[i] < n - 1)
						check_after(&q, want, n, at[i], label);
			}
			free(want);
		}
}
END_TEST

START_TEST(capped_counts_and_broad_search_pages)
{
	struct family_query q = { .phase = -1, .search = "celik", .sort = SORT_NAME };
	int64_t all = 0, capped = 0;
	ck_ok(family_list_count(fx.ctx, &q, &all, &fx.err));
	ck_ok(family_list_count_upto(fx.ctx, &q, FAMILY_SEARCH_BROAD, &capped, &fx.err));
	ck_assert_int_eq(capped, all < FAMILY_SEARCH_BROAD ? all : FAMILY_SEARCH_BROAD);
	ck_ok(family_list_count_upto(fx.ctx, &q, 10, &capped, &fx.err));
	ck_assert_int_eq(capped, 10);
	ck_ok(family_list_count_upto(fx.ctx, &q, all + 5, &capped, &fx.err));
	ck_assert_int_eq(capped, all);
	q.search = NULL;
	q.phase = PHASE_COUNT;
	ck_ok(family_list_count(fx.ctx, &q, &all, &fx.err));
	ck_ok(family_list_count_upto(fx.ctx, &q, 1000, &capped, &fx.err));
	ck_assert_int_eq(capped, 1000);
	/* Searches that match a part ("j", "jans"), a large part ("de") and every family
	 * ("2": every case number): whichever way core reads them, offset pages and keyset
	 * pages agree with each other, hold only matches, and keep the sort order. */
	const char *const searches[] = { "j", "jans", "de", "2" };
	for (int k = 0; k < 4; k++) {
		q.search = searches[k];
		ck_ok(family_list_count(fx.ctx, &q, &all, &fx.err));
		/* The second page (smaller ones where the families are few, under valgrind). */
		int pg = all / 2 < PAGE ? (int)(all / 2) : PAGE;
		ck_assert_msg(pg >= 10, "%s: only %lld matches", searches[k], (long long)all);
		struct family_row a[PAGE], b[PAGE];
		int na = 0, nb = 0;
		ck_ok(family_list_page(fx.ctx, &q, pg, pg, a, &na, &fx.err));
		ck_ok(family_list_page(fx.ctx, &q, pg - 1, 1, b, &nb, &fx.err));
		ck_assert_int_eq(nb, 1);
		struct family_row anchor = b[0];
		ck_ok(family_list_after(fx.ctx, &q, &anchor, pg, b, &nb, &fx.err));
		ck_assert_int_eq(na, pg);
		ck_assert_int_eq(nb, pg);
		for (int i = 0; i < pg; i++) {
			ck_assert_str_eq(a[i].case_no, b[i].case_no);
			char low[160];
			snprintf(low, sizeof low, " %s %s", a[i].case_no, a[i].display_name);
			for (char *c = low; *c; c++)
				*c = *c == '-' ? ' ' : *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c;
			char word[16];
			snprintf(word, sizeof word, " %s", searches[k]);
			ck_assert_msg(strstr(low, word) != NULL, "'%s' does not match %s", low,
				searches[k]);
			ck_assert_int_ne(a[i].phase, PHASE_AFGESLOTEN);
			if (i)
				ck_assert_msg(strcmp(a[i - 1].sort_name, a[i].sort_name) <= 0,
					"%s: order at %d", searches[k], i);
		}
	}
}
END_TEST

/* The page at offset of q's list must be want[] (n families in ascending order). */
static void check_page(const struct family_query *q, const struct fam **want, int n,
	int64_t offset, const char *label)
{
	int64_t got_count = -1;
	ck_ok(family_list_count(fx.ctx, q, &got_count, &fx.err));
	ck_assert_msg(got_count == n, "%s: count %lld, expected %d", label, (long long)got_count, n);
	ck_assert_msg(offset < n, "%s: offset %lld beyond %d rows", label, (long long)offset, n);
	struct family_row *rows = calloc(PAGE, sizeof *rows);
	ck_assert_ptr_nonnull(rows);
	int got = 0;
	ck_ok(family_list_page(fx.ctx, q, offset, PAGE, rows, &got, &fx.err));
	int64_t left = n - offset;
	ck_assert_int_eq(got, left < PAGE ? left : PAGE);
	for (int i = 0; i < got; i++) {
		int64_t k = offset + i;
		const struct fam *w = want[q->descending ? n - 1 - k : k];
		ck_assert_msg(strcmp(rows[i].case_no, w->case_no) == 0,
			"%s: row %lld is %s '%s', expected %s '%s'", label, (long long)k,
			rows[i].case_no, rows[i].display_name, w->case_no, w->name);
		ck_assert_str_eq(rows[i].display_name, w->name);
		ck_assert_int_eq(rows[i].phase, w->phase);
		ck_assert_str_eq(rows[i].registered_on, w->registered);
		ck_assert_str_eq(rows[i].next_eval_on, w->next_eval);
		if (w->regie > 0)
			ck_assert_str_eq(rows[i].regie_login, logins[w->regie]);
		else if (w->regie < 0)
			ck_assert_str_eq(rows[i].regie_login, "");
	}
	free(rows);
}

START_TEST(deep_pages_come_back_in_sort_order)
{
	char label[64];
	for (int sort = 0; sort < SORT_COUNT; sort++) {
		struct family_query q = query(F_NONE, (enum family_sort)sort, false);
		const struct fam **want;
		int n = expected(&q, &want);
		ck_assert_int_eq(n, N_FAMILIES);
		for (int desc = 0; desc < 2; desc++) {
			q.descending = desc;
			snprintf(label, sizeof label, "sort %s%s", family_sort_name(q.sort),
				desc ? " desc" : "");
			check_page(&q, want, n, DEEP, label);
		}
		if (sort == SORT_NAME) {
			/* The last, partial page. */
			q.descending = false;
			check_page(&q, want, n, N_FAMILIES - 7, "last page");
			/* Past the end: nothing. */
			struct family_row row;
			int got = -1;
			ck_ok(family_list_page(fx.ctx, &q, N_FAMILIES, 1, &row, &got, &fx.err));
			ck_assert_int_eq(got, 0);
		}
		free(want);
	}
}
END_TEST

START_TEST(filtered_pages_and_counts_match)
{
	char label[64];
	const int filters[] = { F_PHASE, F_OPEN, F_REGIE, F_NO_REGIE };
	for (int i = 0; i < 4; i++)
		for (int sort = 0; sort < SORT_COUNT; sort += 3) {
			struct family_query q = query(filters[i], (enum family_sort)sort, i % 2);
			snprintf(label, sizeof label, "filter %s, sort %s", filter_names[filters[i]],
				family_sort_name(q.sort));
			const struct fam **want;
			int n = expected(&q, &want);
			ck_assert_int_gt(n, N_FAMILIES / 100); /* the filters really select a part */
			ck_assert_int_lt(n, N_FAMILIES);
			check_page(&q, want, n, n / 2, label);
			free(want);
		}
	int64_t all = 0;
	struct family_query q = query(F_NONE, SORT_NAME, false);
	ck_ok(family_list_count(fx.ctx, &q, &all, &fx.err));
	ck_assert_int_eq(all, N_FAMILIES);
}
END_TEST

static int count_with(const char *needle)
{
	int n = 0;
	for (int i = 0; i < N_FAMILIES; i++)
		n += strstr(fams[i].name, needle) != NULL;
	return n;
}

START_TEST(search_folds_diacritics_and_matches_prefixes)
{
	int celik = count_with("Çelik");
	ck_assert_int_gt(celik, N_FAMILIES / 100);
	const char *spellings[] = { "celik", "Çelik", "CELIK", "çel" };
	for (int i = 0; i < 4; i++) {
		struct family_query q = { .phase = -1, .search = spellings[i] };
		int64_t n = -1;
		ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
		ck_assert_msg(n == celik, "'%s' found %lld, expected %d", spellings[i], (long long)n,
			celik);
	}
	struct family_query q = { .phase = -1, .search = "celik", .sort = SORT_NAME };
	struct family_row rows[PAGE];
	int got = 0;
	ck_ok(family_list_page(fx.ctx, &q, 0, PAGE, rows, &got, &fx.err));
	ck_assert_int_eq(got, PAGE);
	for (int i = 0; i < got; i++)
		ck_assert_msg(strstr(rows[i].display_name, "Çelik") != NULL, "'%s' matched celik",
			rows[i].display_name);

	/* A prefix of a name, and of one with ø. */
	int64_t n = -1;
	q.search = "jans";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, count_with("Jansen"));
	q.search = "odeg";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, count_with("Ødegaard"));
	q.search = "ødeg";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, count_with("Ødegaard"));
	q.search = "yilmaz";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, count_with("Yılmaz"));
	q.search = "ÖZTÜRK";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, count_with("Öztürk"));
	q.search = "ozturk";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, count_with("Öztürk"));
	/* Two words must both occur. */
	q.search = "van leeuw";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, count_with("van Leeuwen"));
	/* A case number finds exactly that family. */
	const char *case_no = fams[N_FAMILIES * 3 / 5 + 420 % PER_YEAR].case_no; /* 2019-0421 */
	q.search = case_no;
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 1);
	ck_ok(family_list_page(fx.ctx, &q, 0, PAGE, rows, &got, &fx.err));
	ck_assert_int_eq(got, 1);
	ck_assert_str_eq(rows[0].case_no, case_no);
	/* Search combines with the phase filter. */
	q.search = "celik";
	q.phase = PHASE_PLAN;
	int plan_celik = 0;
	for (int i = 0; i < N_FAMILIES; i++)
		plan_celik += fams[i].phase == PHASE_PLAN && strstr(fams[i].name, "Çelik") != NULL;
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, plan_celik);
	/* Text that is FTS syntax is just text. */
	q.phase = -1;
	q.search = "\"celik\" OR NEAR(";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 0);
	q.search = "nosuchname";
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(family_add_continues_numbering_in_a_large_database)
{
	struct family f;
	struct family_new in = { .display_name = "Nieuw-Çelik", .framework = -1 };
	ck_ok(family_add(fx.ctx, &in, &f, &fx.err));
	char want[16];
	snprintf(want, sizeof want, "2026-%04d", PER_YEAR + 1);
	ck_assert_str_eq(f.case_no, want);
	struct family_query q = { .phase = -1, .search = "nieuw" };
	int64_t n = -1;
	ck_ok(family_list_count(fx.ctx, &q, &n, &fx.err));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(count_sql("SELECT count(*) FROM family"), N_FAMILIES + 1);
}
END_TEST

int main(void)
{
	if (RUNNING_ON_VALGRIND)
		N_FAMILIES = FULL_FAMILIES / 50;
	Suite *s = suite_create("scale");
	TCase *tc = tcase_create("core");
	/* One database for all tests: built before, and removed after, the test processes. */
	tcase_add_unchecked_fixture(tc, build, unbuild);
	tcase_add_checked_fixture(tc, connect, disconnect);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_list_query_walks_an_index);
	tcase_add_test(tc, the_default_list_walks_the_sort_name_index);
	tcase_add_test(tc, keyset_pages_seek_in_an_index);
	tcase_add_test(tc, broad_searches_walk_the_sort_index);
	tcase_add_test(tc, keyset_pages_match_offset_pages);
	tcase_add_test(tc, capped_counts_and_broad_search_pages);
	tcase_add_test(tc, deep_pages_come_back_in_sort_order);
	tcase_add_test(tc, filtered_pages_and_counts_match);
	tcase_add_test(tc, search_folds_diacritics_and_matches_prefixes);
	tcase_add_test(tc, family_add_continues_numbering_in_a_large_database);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
