/* Regie (één gezin, één plan, één regievoerder): exactly one active regievoerder per
 * family from intake on, and the history of handovers. */
#ifndef CASUS_REGIE_H
#define CASUS_REGIE_H
#include "casus/db.h"
#include "casus/family.h"

/* Give a family without a regievoerder its first one (a teamleider assigns, or the
 * meeting does through meeting mode). A family that has one already is refused:
 * use regie_handover. */
enum casus_rc regie_assign(struct casus_ctx *ctx, struct family *f, const char *member_login,
	const char *reason, struct casus_err *err);
/* Hand over regie: only the current regievoerder or a teamleider may. The old row
 * is closed and the new one opened in one transaction. */
enum casus_rc regie_handover(struct casus_ctx *ctx, struct family *f, const char *member_login,
	const char *reason, struct casus_err *err);

struct regie_row {
	char member_login[CASUS_LOGIN_MAX + 1];
	char member_name[FAMILY_TEXT_MAX];
	char started_at[21];
	char ended_at[21]; /* "" while active */
	char assigned_by_login[CASUS_LOGIN_MAX + 1];
	char reason[2001 * 4];
};
/* The history of regie for a family, oldest first. */
enum casus_rc regie_history(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct regie_row *row), void *arg, struct casus_err *err);

/* ---- for core modules only ---- */

/* A decision of the team meeting (meeting_decide_regie): assign the first regievoerder,
 * or hand over when the family has one. Regie may be changed by the current
 * regievoerder (handover), a teamleider, or a meeting decision; the meeting module
 * calls this only after checking that the acting user is the chair or minute-taker of
 * the running meeting that decided it. Joins the caller's transaction. */
enum casus_rc regie_by_meeting(struct casus_ctx *ctx, struct family *f, const char *member_login,
	const char *reason, struct casus_err *err);

/* Keep family.regie_sort in step after a member's name changed (member module). */
enum casus_rc regie_refresh_sort_keys(struct casus_ctx *ctx, const char *member_id,
	struct casus_err *err);

#endif
