/* Internal helpers shared by the plan module's files (src/core/plan*.c): the checks
 * every plan write starts with, the content stamp that guards agreeing, conflict
 * messages and small readers. Not part of the public API (see casus/plan.h). */
#ifndef CASUS_PLAN_PRIV_H
#define CASUS_PLAN_PRIV_H
#include <stdbool.h>

#include "casus/audit.h"
#include "casus/plan.h"

/* What a write needs to know about the version it touches. */
struct plan_head {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	int version;
	enum plan_status status;
};

/* How much a write may change: everything (drafts only), or progress (draft or the
 * agreed version, never a superseded one). */
enum plan_write { PLAN_WRITE_CONTENT, PLAN_WRITE_PROGRESS };

/* Start a write on plan_id: identified member, BEGIN IMMEDIATE, the family still open,
 * and the version's status allowing `mode`. On failure nothing is left open. */
enum casus_rc plan_write_begin(struct casus_ctx *ctx, const char *plan_id,
	enum plan_write mode, struct plan_head *h, struct casus_err *err);
/* Commit when r is CASUS_OK, else roll back; returns the final rc. */
enum casus_rc plan_write_end(struct casus_ctx *ctx, enum casus_rc r, struct casus_err *err);
/* The head of a version, inside or outside a transaction. */
enum casus_rc plan_head_get(struct casus_ctx *ctx, const char *plan_id, struct plan_head *h,
	struct casus_err *err);
/* The message for a write to a version that does not allow it. */
enum casus_rc plan_frozen_error(const struct plan_head *h, struct casus_err *err);
/* Record that the content of a draft changed (edit_seq), by the acting user. */
enum casus_rc plan_touch(struct casus_ctx *ctx, const char *plan_id, struct casus_err *err);

enum casus_rc plan_require_member(struct casus_ctx *ctx, struct casus_err *err);
/* A strict date (required or optional); not_future refuses dates after today. */
enum casus_rc plan_check_date(const char *field, const char *d, bool required,
	bool not_future, struct casus_err *err);
/* Check a 0-10 scale value (or PLAN_SCALE_UNSET). */
enum casus_rc plan_check_scale(const char *field, int v, struct casus_err *err);

/* A row's save found a different rev: name who changed the row and when. who_sql
 * selects (updated_at, login, name) for ?1 = the row id; when the row is gone, the
 * access log names who removed it. Always returns CASUS_E_CONFLICT. */
enum casus_rc plan_row_conflict(struct casus_ctx *ctx, const char *who_sql, const char *id,
	const char *what, struct casus_err *err);
/* The row's plan (for update/delete): selects plan_id for ?1 = the row id. */
enum casus_rc plan_row_plan(struct casus_ctx *ctx, const char *sql, const char *row_id,
	char plan_id[static CASUS_ID_LEN], const char *what, struct casus_err *err);
/* The next position in a version for sql selecting max(position) with ?1 = plan id. */
int plan_next_position(struct casus_ctx *ctx, const char *sql, const char *plan_id);
/* Bind an int, or NULL for a negative value (unset scales). */
void plan_bind_int_or_null(sqlite3_stmt *st, int idx, int v);
/* Column as int, or def when NULL. */
int plan_col_int(sqlite3_stmt *st, int col, int def);
/* Audit detail "plan vN: <what>" (no personal content ever goes into the detail). */
enum casus_rc plan_audit(struct casus_ctx *ctx, enum audit_event ev, const struct plan_head *h,
	const char *object_type, const char *object_id, const char *what, struct casus_err *err);

#endif
