/* The access log (NEN 7513): who did what to which family, when, from where.
 * Append-only (triggers) and tamper-evident (a SHA-256 hash chain). */
#ifndef CASUS_AUDIT_H
#define CASUS_AUDIT_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"

enum audit_event {
	AUDIT_CREATE, AUDIT_READ, AUDIT_UPDATE, AUDIT_DELETE, AUDIT_SEARCH, AUDIT_EXPORT,
	AUDIT_PRINT, AUDIT_REVEAL, AUDIT_PRIVACY, AUDIT_DESTROY, AUDIT_BREAKGLASS, AUDIT_INIT,
};

const char *audit_event_name(enum audit_event ev);
/* A stored event name ("read") as a translated label for people; break-glass reads
 * in capitals, to stand out. Unknown names are returned as they are. */
const char *audit_event_label(const char *event);

/* Append one row for the acting user. Joins the caller's transaction when one is
 * open (so a change and its audit row commit together), else writes its own.
 * family_id, object_type, object_id and detail may be NULL. */
enum casus_rc audit_log(struct casus_ctx *ctx, enum audit_event ev, const char *family_id,
	const char *object_type, const char *object_id, const char *detail,
	struct casus_err *err);

struct audit_row {
	int64_t seq;
	char at[21];
	char event[16];
	char login[CASUS_LOGIN_MAX + 1];
	char on_behalf[CASUS_LOGIN_MAX + 1];
	char workstation[128];
	char family_id[CASUS_ID_LEN];
	char case_no[16];
	char object_type[32];
	char object_id[CASUS_ID_LEN];
	char detail[1024];
	int64_t redacted_by;   /* 0, or the 'destroy' row that redacted this one */
};

struct audit_filter {
	const char *family_id; /* NULL: all */
	const char *login;     /* NULL: all */
	const char *since;     /* stored time (UTC, ISO 8601): rows at or after it; NULL: all */
	const char *until;     /* stored time: rows before it; NULL: all */
};

/* Call fn for each row matching f, oldest first; fn returns non-zero to stop. */
enum casus_rc audit_each(struct casus_ctx *ctx, const struct audit_filter *f,
	int (*fn)(void *arg, const struct audit_row *row), void *arg, struct casus_err *err);

/* Check the hash chain. Returns CASUS_OK when intact; otherwise CASUS_E_NOTDB with a
 * message and *first_bad set to the seq of the first row that does not verify. */
enum casus_rc audit_verify(struct casus_ctx *ctx, int64_t *first_bad, int64_t *rows_checked,
	struct casus_err *err);

/* The detail of a row for people: its text, or for a redacted row that it was emptied
 * when the dossier was destroyed (and by which row). */
void audit_detail_text(const struct audit_row *r, char *out, size_t outsz);

/* Redact every row about family_id (and searches naming its people) for the
 * destruction of its dossier, after appending the 'destroy' row that records it
 * (*destroy_seq). Only inside retention_destroy()'s transaction: the triggers allow the
 * redaction only while the family is being destroyed. */
#define AUDIT_DESTROY_DETAIL_MAX 1600
enum casus_rc audit_redact_family(struct casus_ctx *ctx, const char *family_id,
	const char *case_no, const char *reason, int64_t *destroy_seq, struct casus_err *err);

/* ---- reading the log a page at a time (the TUI's audit view) ---- */

/* How many rows match f. Teamleider only, like audit_each. */
enum casus_rc audit_count(struct casus_ctx *ctx, const struct audit_filter *f, int64_t *count,
	struct casus_err *err);
/* Rows offset..offset+limit-1 of those matching f, newest first; *n_out rows were
 * written to rows. Teamleider only. */
enum casus_rc audit_page(struct casus_ctx *ctx, const struct audit_filter *f, int64_t offset,
	int limit, struct audit_row *rows, int *n_out, struct casus_err *err);
/* Rows that must stand out to whoever reviews the log: break-glass reads. */
bool audit_row_flagged(const struct audit_row *row);

/* ---- searches ---- */

#define AUDIT_TERM_MAX 256

/* One search, done at once (the CLI): a 'search' row with the term and the number of
 * results in its detail ("3 results: celik"). An empty term is no search: no row. */
enum casus_rc audit_search(struct casus_ctx *ctx, const char *term, int64_t results,
	struct casus_err *err);

/* An incremental search (the TUI's case list) narrows the results with every key; the
 * access log gets one row per search session, not one per key. A session begins when
 * the user starts typing a search and ends when they confirm it, open a family from
 * its results, or leave it (cancel, quit). The row names the last term that showed
 * results during the session (typing "jan" and erasing it still searched for "jan").
 * The struct holds no database resources; zero-initialise it. */
struct audit_search_session {
	bool active;
	bool pending;                   /* searched since the session began */
	char term[AUDIT_TERM_MAX];      /* the term the list was last searched with */
	int64_t results;
};
/* current: the search already in force (logged when it was made), or NULL. */
void audit_search_begin(struct audit_search_session *s, const char *current);
/* The list now shows `results` rows for term; outside a session nothing is noted. */
void audit_search_seen(struct audit_search_session *s, const char *term, int64_t results);
/* End the session: one 'search' row when something was searched. Ending a session
 * that is not active writes nothing. */
enum casus_rc audit_search_end(struct casus_ctx *ctx, struct audit_search_session *s,
	struct casus_err *err);

#endif
