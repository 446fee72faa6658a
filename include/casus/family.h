/* Families (cases): the case number, phase, triage, framework, referral, and the
 * regievoerder; phase changes with their history; closing and reopening; and the
 * paged, indexed case-list query that scales to 100,000 families. */
#ifndef CASUS_FAMILY_H
#define CASUS_FAMILY_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"

enum family_phase {
	PHASE_AANMELDING, PHASE_INTAKE, PHASE_PLAN, PHASE_UITVOERING, PHASE_AFSLUITING,
	PHASE_AFGESLOTEN, PHASE_COUNT
};
enum family_framework { FRAMEWORK_VRIJWILLIG, FRAMEWORK_DRANG, FRAMEWORK_DWANG, FRAMEWORK_COUNT };

const char *family_phase_name(enum family_phase p);  /* stored form: "aanmelding" */
const char *family_phase_label(enum family_phase p); /* for display (translated) */
const char *family_phase_short(enum family_phase p); /* 4-6 characters for lists */
int family_phase_parse(const char *s);                /* -1 if unknown */
const char *family_framework_name(enum family_framework f);
int family_framework_parse(const char *s);
/* Referral sources and kinds are stored as their names; these check them. */
bool family_referral_source_valid(const char *s);
extern const char *const family_referral_sources[]; /* NULL-terminated */

#define CASE_NO_LEN 16
#define FAMILY_TEXT_MAX (CASUS_NAME_MAX * 4 + 1)

struct family {
	char id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	char display_name[FAMILY_TEXT_MAX];
	enum family_phase phase;
	char triage;                 /* 'A'..'D', or 0 when not triaged */
	enum family_framework framework;
	char referral_kind[16];      /* "aanmelding" | "zorgmelding" */
	char referral_source[16];
	char address[300 * 4 + 1];
	char phone[41 * 4];
	char registered_on[11];
	char first_contact_on[11];
	char first_visit_on[11];
	char closed_on[11];
	char regie_id[CASUS_ID_LEN]; /* "" when nobody has regie yet */
	char regie_login[CASUS_LOGIN_MAX + 1];
	char regie_name[FAMILY_TEXT_MAX];
	char next_eval_on[11];
	int reopen_count;
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[FAMILY_TEXT_MAX];
};

/* What a new family needs; strings may be NULL for "not known". */
struct family_new {
	const char *display_name;     /* required: "Jansen", "van der Berg-Çelik" */
	const char *referral_kind;    /* default "aanmelding" */
	const char *referral_source;  /* default "ouders" */
	char triage;                  /* 0 or 'A'..'D' */
	int framework;                /* -1: vrijwillig */
	const char *registered_on;    /* default today; not in the future */
	const char *address;
	const char *phone;
};

/* Add a family in phase aanmelding with the next case number of this year
 * ("2026-0042"). Any active member may register an aanmelding. */
enum casus_rc family_add(struct casus_ctx *ctx, const struct family_new *in, struct family *out,
	struct casus_err *err);

/* Look a family up by case number or id, without an access-log row (for internal
 * use and for lists). */
enum casus_rc family_get(struct casus_ctx *ctx, const char *case_no_or_id, struct family *out,
	struct casus_err *err);
/* Open a family's dossier: like family_get, and writes a 'read' row to the access log. */
enum casus_rc family_open(struct casus_ctx *ctx, const char *case_no_or_id, struct family *out,
	struct casus_err *err);

/* Save changed fields of f (display_name, triage, framework, referral, address,
 * phone, first_contact_on, first_visit_on). f->rev must be the rev that was read;
 * if somebody saved in between, CASUS_E_CONFLICT names them and when. A closed
 * family is read-only. On success f is reloaded. */
enum casus_rc family_update(struct casus_ctx *ctx, struct family *f, struct casus_err *err);

/* Move to another phase (not to or from afgesloten: see family_close/_reopen).
 * From intake on, a family needs a regievoerder. Recorded in the phase history. */
enum casus_rc family_set_phase(struct casus_ctx *ctx, struct family *f, enum family_phase to,
	const char *reason, struct casus_err *err);
/* Close the case (phase afgesloten): read-only until reopened. */
enum casus_rc family_close(struct casus_ctx *ctx, struct family *f, const char *reason,
	struct casus_err *err);
/* Reopen a closed case (counted as a re-entry), back to intake. */
enum casus_rc family_reopen(struct casus_ctx *ctx, struct family *f, const char *reason,
	struct casus_err *err);
/* Fail with CASUS_E_STATE when the family is closed (for modules that change parts of
 * a family: persons, parties, notes, plans). */
enum casus_rc family_require_open(struct casus_ctx *ctx, const char *family_id,
	struct casus_err *err);

struct phase_change_row {
	char from[16], to[16];
	char changed_on[21];
	char by_login[CASUS_LOGIN_MAX + 1];
	char reason[2001 * 4];
};
enum casus_rc family_phase_history(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct phase_change_row *row), void *arg, struct casus_err *err);

/* Refresh the full-text index row of one family (after names or persons change).
 * Modules that change searchable text call this inside their transaction. */
enum casus_rc family_fts_refresh(struct casus_ctx *ctx, const char *family_id,
	struct casus_err *err);

/* ---- the case list ---- */

enum family_sort {
	SORT_NAME, SORT_CASE_NO, SORT_PHASE, SORT_REGIE, SORT_TRIAGE, SORT_NEXT_EVAL,
	SORT_REGISTERED, SORT_COUNT
};
const char *family_sort_name(enum family_sort s);
int family_sort_parse(const char *s);

struct flag_rules;

struct family_query {
	int phase;                /* -1: any; PHASE_COUNT: every phase but afgesloten */
	const char *regie_id;     /* NULL: any; "" : nobody has regie */
	const char *search;       /* NULL/"": no search; words match name, persons, case no. */
	enum family_sort sort;
	bool descending;
	unsigned flags;           /* flag bits (casus/flags.h, FLAG_FILTERABLE kinds) that must
	                             all be set; 0: any */
	const struct flag_rules *rules; /* today and norms for flags; NULL: today, defaults */
};

/* One row of the case list: what the list shows without opening the family. */
struct family_row {
	int64_t rowid;
	char id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	char display_name[FAMILY_TEXT_MAX];
	enum family_phase phase;
	char triage;
	char regie_login[CASUS_LOGIN_MAX + 1];
	char regie_name[FAMILY_TEXT_MAX];
	char next_eval_on[11];
	char registered_on[11];
	char first_visit_on[11];
	char referral_kind[16];
	/* The row's place in the sort orders (for family_list_after). */
	char sort_name[FAMILY_TEXT_MAX];
	char regie_sort[FAMILY_TEXT_MAX]; /* "" when nobody has regie */
};

/* Rows offset..offset+limit-1 of the list; *n_out rows were written to rows. Reads
 * only that page from SQLite (indexes keep it fast at any offset in practice). */
enum casus_rc family_list_page(struct casus_ctx *ctx, const struct family_query *q,
	int64_t offset, int limit, struct family_row *rows, int *n_out, struct casus_err *err);
/* Up to limit rows that come strictly after the row `after` in q's order (keyset
 * paging: a seek in the sort order's index, so a page deep in the list costs what the
 * first page costs, where OFFSET reads every row it skips). `after` is a row an
 * earlier page of the same sort returned; it need not exist any more. For the rows
 * before it, flip q->descending. */
enum casus_rc family_list_after(struct casus_ctx *ctx, const struct family_query *q,
	const struct family_row *after, int limit, struct family_row *rows, int *n_out,
	struct casus_err *err);
/* How many families match q. */
enum casus_rc family_list_count(struct casus_ctx *ctx, const struct family_query *q,
	int64_t *count, struct casus_err *err);
/* The same, but counting stops at cap: *count == cap means "cap or more". A search
 * for one or two letters matches a large part of the list; counting all of them
 * would cost more than a keystroke may. */
enum casus_rc family_list_count_upto(struct casus_ctx *ctx, const struct family_query *q,
	int64_t cap, int64_t *count, struct casus_err *err);
/* From this many matches on, a search's pages walk the sort order's index and test
 * each family against the search, instead of sorting every match; the list view
 * counts a search up to this many ("1000+"). */
#define FAMILY_SEARCH_BROAD 1000
/* How a search is read (chosen per call from how many families it matches):
 * NARROW: the matches are read from the search index and sorted (under
 * FAMILY_SEARCH_BROAD); BROAD: the sort order's index is walked and each family looked
 * up in the list of matches, made once; DENSE (three quarters of the families or
 * more): each family walked is tested in the search index itself, so the list of
 * matches is never made. */
enum family_search_form { SEARCH_NARROW, SEARCH_BROAD, SEARCH_DENSE };
/* Stream every matching row to fn (for CLI listings); memory use is constant. */
enum casus_rc family_list_each(struct casus_ctx *ctx, const struct family_query *q,
	int (*fn)(void *arg, const struct family_row *row), void *arg, struct casus_err *err);
/* The SQL texts behind the functions above (for the query-plan test); static
 * storage. LIST_PAGE binds ?4 limit and ?5 offset; LIST_COUNT_UPTO ?4 the cap; the
 * LIST_AFTER_* kinds (one or two of them make up a family_list_after) bind ?4 the
 * limit, ?5 0 and the after row's sort key as ?8, ?9, ?10 (family_list_bind_after).
 * form: how a search is read (ignored without one). */
enum family_list_kind {
	LIST_PAGE, LIST_COUNT, LIST_COUNT_UPTO,
	LIST_AFTER,           /* (sort key) > (the after row's), or < when descending */
	LIST_AFTER_NULL_REST, /* first key NULL, the rest after the row's */
	LIST_AFTER_NOT_NULL,  /* first key not NULL (NULLs sort first) */
	LIST_AFTER_NULL,      /* first key NULL (descending: NULLs come last) */
	LIST_KIND_COUNT
};
const char *family_list_sql_kind(const struct family_query *q, enum family_list_kind kind,
	enum family_search_form form);
/* family_list_sql_kind(q, LIST_PAGE, false). */
const char *family_list_sql(const struct family_query *q);
/* Bind q's parameters to a statement made from one of those texts. */
void family_list_bind(sqlite3_stmt *st, const struct family_query *q);
/* Bind the sort key of row (in q's sort) as ?8, ?9, ?10. */
void family_list_bind_after(sqlite3_stmt *st, const struct family_query *q,
	const struct family_row *row);

#endif
