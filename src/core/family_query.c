/* The case list query: filters, sorting, paging and full-text search, built only from
 * fixed SQL fragments (user text is always bound), each combination prepared once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/family.h"
#include "casus/flags.h"
#include "casus/i18n.h"
#include "casus/text.h"

static const char *const sort_names[] = { "name", "case", "phase", "regie", "triage",
	"evaluation", "registered" };

const char *family_sort_name(enum family_sort s)
{
	return (unsigned)s < SORT_COUNT ? sort_names[s] : "?";
}

int family_sort_parse(const char *s)
{
	for (int i = 0; s && i < SORT_COUNT; i++)
		if (strcmp(s, sort_names[i]) == 0)
			return i;
	return -1;
}

/* ORDER BY for each sort, ascending and descending; every one matches an index. */
static const char *const order_by[SORT_COUNT][2] = {
	[SORT_NAME] = { "f.sort_name, f.case_no", "f.sort_name DESC, f.case_no DESC" },
	[SORT_CASE_NO] = { "f.case_no", "f.case_no DESC" },
	[SORT_PHASE] = { "f.phase_ord, f.sort_name, f.case_no",
		"f.phase_ord DESC, f.sort_name DESC, f.case_no DESC" },
	[SORT_REGIE] = { "f.regie_sort, f.sort_name, f.case_no",
		"f.regie_sort DESC, f.sort_name DESC, f.case_no DESC" },
	[SORT_TRIAGE] = { "f.triage, f.sort_name, f.case_no",
		"f.triage DESC, f.sort_name DESC, f.case_no DESC" },
	[SORT_NEXT_EVAL] = { "f.next_eval_on, f.case_no", "f.next_eval_on DESC, f.case_no DESC" },
	[SORT_REGISTERED] = { "f.registered_on, f.case_no",
		"f.registered_on DESC, f.case_no DESC" },
};

/* The sort key of each order, its first column alone and the rest, how many
 * columns it has, and whether the first can be NULL (NULLs sort first). */
static const struct {
	const char *all, *first, *rest;
	int n;
	bool nullable;
} sort_key[SORT_COUNT] = {
	[SORT_NAME] = { "f.sort_name, f.case_no", "f.sort_name", "f.case_no", 2, false },
	[SORT_CASE_NO] = { "f.case_no", "f.case_no", "", 1, false },
	[SORT_PHASE] = { "f.phase_ord, f.sort_name, f.case_no", "f.phase_ord",
		"f.sort_name, f.case_no", 3, false },
	[SORT_REGIE] = { "f.regie_sort, f.sort_name, f.case_no", "f.regie_sort",
		"f.sort_name, f.case_no", 3, true },
	[SORT_TRIAGE] = { "f.triage, f.sort_name, f.case_no", "f.triage",
		"f.sort_name, f.case_no", 3, true },
	[SORT_NEXT_EVAL] = { "f.next_eval_on, f.case_no", "f.next_eval_on", "f.case_no", 2,
		true },
	[SORT_REGISTERED] = { "f.registered_on, f.case_no", "f.registered_on", "f.case_no", 2,
		false },
};

enum { PH_ANY, PH_EQ, PH_OPEN, PH_N };
enum { RG_ANY, RG_EQ, RG_NONE, RG_N };
enum { SR_NONE, SR_NARROW, SR_BROAD, SR_DENSE, SR_N };

static const char *const phase_where[PH_N] = { "", " AND f.phase_ord = ?1",
	" AND f.phase_ord < 5" };
static const char *const regie_where[RG_N] = { "", " AND f.regie_id = ?2",
	" AND f.regie_id IS NULL" };
/* The search forms (enum family_search_form). BROAD: the + keeps SQLite from reading
 * the families through the list of matches, which would mean sorting them all. */
static const char *const search_where[SR_N] = { "",
	" AND f.rowid IN (SELECT rowid FROM family_fts WHERE family_fts MATCH ?3)",
	" AND +f.rowid IN (SELECT rowid FROM family_fts WHERE family_fts MATCH ?3)",
	" AND EXISTS (SELECT 1 FROM family_fts WHERE family_fts MATCH ?3"
	" AND family_fts.rowid = f.rowid)" };

/* Flag filters: the same rules as family_flags_of_row() (family_flags.c), with today
 * bound as ?6 and the first-visit norm in days as ?7. Closed cases carry no flags. */
enum { FL_N = 4 }; /* combinations of the two filterable kinds */
static const char *const flag_where[FL_N] = {
	"",
	" AND f.phase_ord < 5 AND f.next_eval_on < ?6",
	" AND f.phase_ord < 5 AND ((f.first_visit_on IS NULL"
	" AND f.registered_on < date(?6, '-' || ?7 || ' days'))"
	" OR f.first_visit_on > date(f.registered_on, '+' || ?7 || ' days'))",
	" AND f.phase_ord < 5 AND f.next_eval_on < ?6 AND ((f.first_visit_on IS NULL"
	" AND f.registered_on < date(?6, '-' || ?7 || ' days'))"
	" OR f.first_visit_on > date(f.registered_on, '+' || ?7 || ' days'))",
};

#define ROW_COLS \
	"SELECT f.rowid, f.id, f.case_no, f.display_name, f.phase, f.triage, m.login, m.name," \
	" f.next_eval_on, f.registered_on, f.first_visit_on, f.referral_kind, f.sort_name," \
	" f.regie_sort FROM family f LEFT JOIN member m ON m.id = f.regie_id WHERE 1"

/* [phase][regie][search][flags][sort][desc][kind] */
static char *sql_table[PH_N][RG_N][SR_N][FL_N][SORT_COUNT][2][LIST_KIND_COUNT];

static int flag_mode(const struct family_query *q)
{
	return (int)(((q->flags & FLAG_EVAL_OVERDUE) ? 1 : 0)
		     | ((q->flags & FLAG_FIRST_VISIT) ? 2 : 0));
}

static int phase_mode(const struct family_query *q)
{
	if (q->phase < 0)
		return PH_ANY;
	return q->phase >= PHASE_COUNT ? PH_OPEN : PH_EQ;
}

static int regie_mode(const struct family_query *q)
{
	if (!q->regie_id)
		return RG_ANY;
	return *q->regie_id ? RG_EQ : RG_NONE;
}

static bool has_search(const struct family_query *q)
{
	return q->search && *q->search;
}

static int sort_of(const struct family_query *q)
{
	return (unsigned)q->sort < SORT_COUNT ? (int)q->sort : SORT_NAME;
}

/* The keyset condition of kind k: rows after the one bound as ?8, ?9, ?10. */
static void seek_where(int so, bool desc, int k, char *out, size_t outsz)
{
	const char *op = desc ? "<" : ">";
	static const char *const params[] = { "", "?8", "?8, ?9", "?8, ?9, ?10" };
	static const char *const rest_params[] = { "", "", "?9", "?9, ?10" };
	int n = sort_key[so].n;
	switch (k) {
	case LIST_AFTER:
		snprintf(out, outsz, " AND (%s) %s (%s)", sort_key[so].all, op, params[n]);
		break;
	case LIST_AFTER_NULL_REST:
		snprintf(out, outsz, " AND %s IS NULL AND (%s) %s (%s)", sort_key[so].first,
			sort_key[so].rest, op, rest_params[n]);
		break;
	case LIST_AFTER_NOT_NULL:
		snprintf(out, outsz, " AND %s IS NOT NULL", sort_key[so].first);
		break;
	case LIST_AFTER_NULL:
		snprintf(out, outsz, " AND %s IS NULL", sort_key[so].first);
		break;
	default:
		out[0] = '\0';
	}
}

static const char *build_sql(const struct family_query *q, int kind, int form)
{
	int p = phase_mode(q), r = regie_mode(q), fl = flag_mode(q), so = sort_of(q);
	int s = !has_search(q) ? SR_NONE : form == SEARCH_DENSE ? SR_DENSE
		: form == SEARCH_BROAD ? SR_BROAD : SR_NARROW, d = q->descending;
	if ((kind == LIST_COUNT_UPTO || kind == LIST_COUNT) && s != SR_NONE)
		s = SR_NARROW; /* counting is driven by the search index either way */
	if (kind > LIST_AFTER && !sort_key[so].nullable)
		kind = LIST_AFTER; /* the NULL forms only exist where NULLs can */
	char **slot = &sql_table[p][r][s][fl][so][d][kind];
	if (*slot)
		return *slot;
	char buf[2048], seek[256];
	seek_where(so, d, kind, seek, sizeof seek);
	if (kind == LIST_COUNT && p == PH_OPEN && r == RG_ANY && s == SR_NONE && fl == 0)
		/* The default list. phase_ord is a generated column, so its index cannot
		 * answer a count alone (each entry is checked in the table): count the closed
		 * cases, a small part, and take them from all (counted from an index). */
		snprintf(buf, sizeof buf, "SELECT (SELECT count(*) FROM family)"
			" - (SELECT count(*) FROM family f WHERE f.phase_ord = 5)");
	else if (kind == LIST_COUNT)
		snprintf(buf, sizeof buf, "SELECT count(*) FROM family f WHERE 1%s%s%s%s",
			phase_where[p], regie_where[r], search_where[s], flag_where[fl]);
	else if (kind == LIST_COUNT_UPTO && s != SR_NONE)
		/* Read the matches from the search index and stop at the cap: CROSS JOIN
		 * keeps the index outermost. */
		snprintf(buf, sizeof buf, "SELECT count(*) FROM (SELECT 1 FROM family_fts"
			" CROSS JOIN family f ON f.rowid = family_fts.rowid"
			" WHERE family_fts MATCH ?3%s%s%s LIMIT ?4)",
			phase_where[p], regie_where[r], flag_where[fl]);
	else if (kind == LIST_COUNT_UPTO)
		snprintf(buf, sizeof buf, "SELECT count(*) FROM (SELECT 1 FROM family f"
			" WHERE 1%s%s%s LIMIT ?4)", phase_where[p], regie_where[r], flag_where[fl]);
	else
		snprintf(buf, sizeof buf, ROW_COLS "%s%s%s%s%s ORDER BY %s LIMIT ?4 OFFSET ?5",
			phase_where[p], regie_where[r], search_where[s], flag_where[fl], seek,
			order_by[so][d]);
	*slot = strdup(buf);
	return *slot ? *slot : "SELECT NULL WHERE 0";
}

const char *family_list_sql_kind(const struct family_query *q, enum family_list_kind kind,
	enum family_search_form form)
{
	return build_sql(q, (unsigned)kind < LIST_KIND_COUNT ? (int)kind : LIST_PAGE, (int)form);
}

const char *family_list_sql(const struct family_query *q)
{
	return build_sql(q, LIST_PAGE, SEARCH_NARROW);
}

/* Turn what the user typed into an FTS5 query: every word must occur, as a prefix
 * ("jan" finds Jansen), diacritics folded by the tokenizer. Quotes are doubled so no
 * input can form FTS syntax. */
static char *fts_expression(const char *text)
{
	size_t n = strlen(text);
	char *out = malloc(n * 3 + 8);
	if (!out)
		return NULL;
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)text;
	while (*p) {
		while (*p && !(*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
			p++;
		if (!*p)
			break;
		if (o)
			out[o++] = ' ';
		out[o++] = '"';
		while (*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')
		       || *p == '-') {
			out[o++] = (char)*p++;
		}
		out[o++] = '"';
		out[o++] = '*';
	}
	out[o] = '\0';
	if (!o) {
		free(out);
		return strdup("\"\"");
	}
	return out;
}

void family_list_bind(sqlite3_stmt *st, const struct family_query *q)
{
	if (phase_mode(q) == PH_EQ)
		sqlite3_bind_int(st, 1, q->phase);
	if (regie_mode(q) == RG_EQ)
		sqlite3_bind_text(st, 2, q->regie_id, -1, SQLITE_TRANSIENT);
	if (has_search(q)) {
		char *expr = fts_expression(q->search);
		if (expr)
			sqlite3_bind_text(st, 3, expr, -1, free);
	}
	if (flag_mode(q)) {
		char today[11];
		if (q->rules)
			snprintf(today, sizeof today, "%s", q->rules->today);
		else
			clock_today(today);
		sqlite3_bind_text(st, 6, today, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 7, q->rules ? q->rules->first_visit_days : 7);
	}
}

static void read_row(sqlite3_stmt *st, struct family_row *r)
{
	memset(r, 0, sizeof *r);
	r->rowid = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, r->id, sizeof r->id);
	db_col_text(st, 2, r->case_no, sizeof r->case_no);
	db_col_text(st, 3, r->display_name, sizeof r->display_name);
	r->phase = (enum family_phase)family_phase_parse((const char *)sqlite3_column_text(st, 4));
	const unsigned char *t = sqlite3_column_text(st, 5);
	r->triage = t ? (char)t[0] : 0;
	db_col_text(st, 6, r->regie_login, sizeof r->regie_login);
	db_col_text(st, 7, r->regie_name, sizeof r->regie_name);
	db_col_text(st, 8, r->next_eval_on, sizeof r->next_eval_on);
	db_col_text(st, 9, r->registered_on, sizeof r->registered_on);
	db_col_text(st, 10, r->first_visit_on, sizeof r->first_visit_on);
	db_col_text(st, 11, r->referral_kind, sizeof r->referral_kind);
	db_col_text(st, 12, r->sort_name, sizeof r->sort_name);
	db_col_text(st, 13, r->regie_sort, sizeof r->regie_sort);
}

/* Column i of the sort key of row in sort so; NULL for a missing value (an empty
 * string in the row). */
static void bind_key(sqlite3_stmt *st, int param, int so, int i, const struct family_row *row)
{
	static const char *const cols[SORT_COUNT][3] = {
		[SORT_NAME] = { "sort_name", "case_no" },
		[SORT_CASE_NO] = { "case_no" },
		[SORT_PHASE] = { "phase", "sort_name", "case_no" },
		[SORT_REGIE] = { "regie_sort", "sort_name", "case_no" },
		[SORT_TRIAGE] = { "triage", "sort_name", "case_no" },
		[SORT_NEXT_EVAL] = { "next_eval_on", "case_no" },
		[SORT_REGISTERED] = { "registered_on", "case_no" },
	};
	const char *c = cols[so][i];
	char triage[2] = { row->triage, '\0' };
	const char *v = !c ? NULL
		: strcmp(c, "sort_name") == 0 ? row->sort_name
		: strcmp(c, "case_no") == 0 ? row->case_no
		: strcmp(c, "regie_sort") == 0 ? row->regie_sort
		: strcmp(c, "triage") == 0 ? triage
		: strcmp(c, "next_eval_on") == 0 ? row->next_eval_on
		: strcmp(c, "registered_on") == 0 ? row->registered_on : NULL;
	if (c && strcmp(c, "phase") == 0)
		sqlite3_bind_int(st, param, (int)row->phase);
	else if (v && *v)
		sqlite3_bind_text(st, param, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, param);
}

void family_list_bind_after(sqlite3_stmt *st, const struct family_query *q,
	const struct family_row *row)
{
	int so = sort_of(q);
	for (int i = 0; i < sort_key[so].n; i++)
		bind_key(st, 8 + i, so, i, row);
}

static enum casus_rc run_sql(struct casus_ctx *ctx, const char *sql,
	const struct family_query *q, const struct family_row *after, int64_t offset,
	int64_t limit, int (*fn)(void *, const struct family_row *), void *arg,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	family_list_bind(st, q);
	if (after)
		family_list_bind_after(st, q, after);
	sqlite3_bind_int64(st, 4, limit);
	sqlite3_bind_int64(st, 5, offset);
	int rc;
	struct family_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, &row);
		if (fn(arg, &row))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* How to read q's search (enum family_search_form): how many families the search
 * index matches, counted up to three quarters of the families (the largest rowid
 * stands for their number), against FAMILY_SEARCH_BROAD and those three quarters.
 * Measured at 100,000 families: reading the matches and sorting them costs 6 ms at
 * 1,800 matches and 35 ms at 20,000; walking the index over a list of matches 0.5-3 ms
 * up to 35,000 but 13 ms when every family matches; testing each family walked in the
 * search index costs 0.5 ms then, but hundreds where matches are few. */
static const char SQL_FTS_MATCHES[] =
	"SELECT count(*), (SELECT max(rowid) FROM family) FROM (SELECT 1 FROM family_fts"
	" WHERE family_fts MATCH ?3 LIMIT max(?4, (SELECT max(rowid) FROM family) * 3 / 4))";

static enum casus_rc search_form(struct casus_ctx *ctx, const struct family_query *q,
	int *form, struct casus_err *err)
{
	*form = SEARCH_NARROW;
	if (!has_search(q))
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_FTS_MATCHES, err);
	if (!st)
		return err->rc;
	struct family_query only = { .search = q->search };
	family_list_bind(st, &only);
	sqlite3_bind_int(st, 4, FAMILY_SEARCH_BROAD);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int64_t n = sqlite3_column_int64(st, 0), all = sqlite3_column_int64(st, 1);
		*form = n < FAMILY_SEARCH_BROAD ? SEARCH_NARROW
			: n >= all * 3 / 4 ? SEARCH_DENSE : SEARCH_BROAD;
	}
	db_done(st);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static enum casus_rc run_rows(struct casus_ctx *ctx, const struct family_query *q,
	int64_t offset, int64_t limit, int (*fn)(void *, const struct family_row *), void *arg,
	struct casus_err *err)
{
	int form;
	enum casus_rc r = search_form(ctx, q, &form, err);
	if (r)
		return r;
	return run_sql(ctx, build_sql(q, LIST_PAGE, form), q, NULL, offset, limit, fn, arg,
		err);
}

struct page_sink {
	struct family_row *rows;
	int n, cap;
};

static int page_add(void *arg, const struct family_row *row)
{
	struct page_sink *s = arg;
	s->rows[s->n++] = *row;
	return s->n >= s->cap;
}

enum casus_rc family_list_page(struct casus_ctx *ctx, const struct family_query *q,
	int64_t offset, int limit, struct family_row *rows, int *n_out, struct casus_err *err)
{
	struct page_sink sink = { rows, 0, limit };
	*n_out = 0;
	if (limit <= 0)
		return CASUS_OK;
	enum casus_rc r = run_rows(ctx, q, offset < 0 ? 0 : offset, limit, page_add, &sink, err);
	*n_out = sink.n;
	return r;
}

/* The keyset conditions that together give the rows after `after`: one, or two
 * when the first sort column can be NULL and the NULL rows come before (ascending)
 * or after (descending) the others. */
static int after_kinds(const struct family_query *q, const struct family_row *after,
	int kinds[2])
{
	int so = sort_of(q);
	if (!sort_key[so].nullable) {
		kinds[0] = LIST_AFTER;
		return 1;
	}
	bool null = (so == SORT_REGIE && !after->regie_sort[0])
		|| (so == SORT_TRIAGE && !after->triage)
		|| (so == SORT_NEXT_EVAL && !after->next_eval_on[0]);
	if (!q->descending) {
		if (!null) {
			kinds[0] = LIST_AFTER;
			return 1;
		}
		kinds[0] = LIST_AFTER_NULL_REST;
		kinds[1] = LIST_AFTER_NOT_NULL;
		return 2;
	}
	if (null) {
		kinds[0] = LIST_AFTER_NULL_REST;
		return 1;
	}
	kinds[0] = LIST_AFTER;
	kinds[1] = LIST_AFTER_NULL;
	return 2;
}

enum casus_rc family_list_after(struct casus_ctx *ctx, const struct family_query *q,
	const struct family_row *after, int limit, struct family_row *rows, int *n_out,
	struct casus_err *err)
{
	*n_out = 0;
	if (limit <= 0)
		return CASUS_OK;
	int form;
	enum casus_rc r = search_form(ctx, q, &form, err);
	int kinds[2], n = after_kinds(q, after, kinds);
	struct page_sink sink = { rows, 0, limit };
	for (int i = 0; !r && i < n && sink.n < limit; i++) {
		sink.cap = limit;
		r = run_sql(ctx, build_sql(q, kinds[i], form), q, after, 0, limit - sink.n,
			page_add, &sink, err);
	}
	*n_out = sink.n;
	return r;
}

enum casus_rc family_list_each(struct casus_ctx *ctx, const struct family_query *q,
	int (*fn)(void *arg, const struct family_row *row), void *arg, struct casus_err *err)
{
	return run_rows(ctx, q, 0, -1, fn, arg, err);
}

static enum casus_rc count_sql(struct casus_ctx *ctx, const char *sql,
	const struct family_query *q, int64_t cap, int64_t *count, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	family_list_bind(st, q);
	if (cap >= 0)
		sqlite3_bind_int64(st, 4, cap);
	int rc = sqlite3_step(st);
	*count = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	db_done(st);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc family_list_count(struct casus_ctx *ctx, const struct family_query *q,
	int64_t *count, struct casus_err *err)
{
	return count_sql(ctx, build_sql(q, LIST_COUNT, SEARCH_NARROW), q, -1, count, err);
}

enum casus_rc family_list_count_upto(struct casus_ctx *ctx, const struct family_query *q,
	int64_t cap, int64_t *count, struct casus_err *err)
{
	return count_sql(ctx, build_sql(q, LIST_COUNT_UPTO, SEARCH_NARROW), q, cap < 0 ? 0 : cap,
		count, err);
}

static const char SQL_FTS_DELETE[] =
	"DELETE FROM family_fts WHERE rowid = (SELECT rowid FROM family WHERE id = ?1)";
static const char SQL_FTS_SOURCE[] =
	"SELECT f.rowid, f.case_no, f.display_name || ' ' || coalesce((SELECT"
	"   group_concat(p.given_name || ' ' || p.family_name, ' ') FROM person p"
	"   WHERE p.family_id = f.id), '')"
	" FROM family f WHERE f.id = ?1";
static const char SQL_FTS_INSERT[] =
	"INSERT INTO family_fts(rowid, case_no, names, body) VALUES (?1, ?2, ?3, '')";

/* FTS5's unicode61 tokenizer strips combining diacritics (é, ç, ë) but keeps letters
 * that do not decompose (ø, ı, ł, ß, æ), so "odegaard" would not find Ødegaard nor
 * "yilmaz" Yılmaz. Each word with such letters is indexed folded as well. */
static char *names_with_folded_words(const char *names)
{
	size_t n = strlen(names);
	char *out = malloc(2 * n + 2); /* a folded word is never longer than the word */
	if (!out)
		return NULL;
	memcpy(out, names, n + 1);
	size_t o = n;
	for (const char *p = names; *p;) {
		size_t len = strcspn(p, " ");
		bool wide = false;
		for (size_t i = 0; i < len; i++)
			wide |= (unsigned char)p[i] >= 0x80;
		if (wide && len < 256) {
			char word[256], folded[256];
			memcpy(word, p, len);
			word[len] = '\0';
			text_sort_key(word, folded, sizeof folded);
			size_t fl = strlen(folded);
			if (fl && fl <= len && strcmp(folded, word) != 0) {
				out[o++] = ' ';
				memcpy(out + o, folded, fl);
				o += fl;
			}
		}
		p += len;
		p += strspn(p, " ");
	}
	out[o] = '\0';
	return out;
}

enum casus_rc family_fts_refresh(struct casus_ctx *ctx, const char *family_id,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_FTS_DELETE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (r || !(st = db_stmt(ctx, SQL_FTS_SOURCE, err)))
		return r ? r : err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		db_done(st);
		return rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
	}
	int64_t rowid = sqlite3_column_int64(st, 0);
	char case_no[CASE_NO_LEN];
	db_col_text(st, 1, case_no, sizeof case_no);
	char *names = names_with_folded_words((const char *)sqlite3_column_text(st, 2));
	db_done(st);
	if (!names)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (!(st = db_stmt(ctx, SQL_FTS_INSERT, err))) {
		free(names);
		return err->rc;
	}
	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_text(st, 2, case_no, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, names, -1, free);
	return db_exec_stmt(ctx, st, err);
}
