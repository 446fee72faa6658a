/* Retention: which dossiers are past their term, and requests for early destruction.
 * The destruction itself is in retention_destroy.c. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/ids.h"
#include "casus/member.h"
#include "casus/retention.h"
#include "casus/setting.h"
#include "casus/text.h"

/* Closed families whose closing date lies the retention term or more in the past,
 * and every family with a request for early destruction. ?1 is the newest closing
 * date that is past the term. */
static const char SQL_EACH[] =
	"SELECT f.id, f.case_no, f.display_name, coalesce(f.closed_on, ''),"
	" coalesce(r.requested_on, ''), coalesce(r.requested_by, '')"
	" FROM family f"
	" LEFT JOIN destruction_request r ON r.id = (SELECT x.id FROM destruction_request x"
	"   WHERE x.family_id = f.id ORDER BY x.requested_on DESC, x.recorded_at DESC LIMIT 1)"
	" WHERE (f.phase = 'afgesloten' AND f.closed_on <= ?1) OR r.id IS NOT NULL"
	" ORDER BY f.case_year, f.case_seq";

/* The date `years` years after `date` (29 February moves to 28 February). */
static void add_years(const char *date, int years, char out[static 11])
{
	int y = 0, m = 0, d = 0;
	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		out[0] = '\0';
		return;
	}
	y += years;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		d = 28;
	snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

void retention_keep_until(struct casus_ctx *ctx, const char *closed_on, char out[static 11])
{
	out[0] = '\0';
	if (closed_on && *closed_on)
		add_years(closed_on, setting_get_int(ctx, "retention.years"), out);
}

/* The newest closing date that is past the term today: today minus the term. */
static void term_cutoff(struct casus_ctx *ctx, char out[static 11])
{
	char today[11];
	clock_today(today);
	add_years(today, -setting_get_int(ctx, "retention.years"), out);
}

enum casus_rc retention_each(struct casus_ctx *ctx,
	int (*fn)(void *arg, const struct retention_row *row), void *arg, struct casus_err *err)
{
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("see the retention list"), err);
	if (r)
		return r;
	char cutoff[11];
	term_cutoff(ctx, cutoff);
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, cutoff, -1, SQLITE_TRANSIENT);
	int rc;
	struct retention_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		db_col_text(st, 0, row.family_id, sizeof row.family_id);
		db_col_text(st, 1, row.case_no, sizeof row.case_no);
		db_col_text(st, 2, row.display_name, sizeof row.display_name);
		db_col_text(st, 3, row.closed_on, sizeof row.closed_on);
		db_col_text(st, 4, row.requested_on, sizeof row.requested_on);
		db_col_text(st, 5, row.requested_by, sizeof row.requested_by);
		if (row.closed_on[0]) {
			retention_keep_until(ctx, row.closed_on, row.keep_until);
			row.past_term = strcmp(row.closed_on, cutoff) <= 0;
		}
		if (fn(arg, &row))
			break;
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	return CASUS_OK;
}

static const char SQL_REQUEST[] =
	"INSERT INTO destruction_request(id, family_id, requested_on, requested_by, reason,"
	" recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

enum casus_rc retention_request(struct casus_ctx *ctx, const char *key,
	const char *requested_by, const char *requested_on, const char *reason,
	struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	enum casus_rc r;
	if ((r = text_check(_("Who asked"), requested_by, 200, TEXT_LINE, err))
	    || (r = text_check_optional(_("Reason"), reason, 2000, TEXT_MULTILINE, err)))
		return r;
	char today[11], on[11];
	clock_today(today);
	if (requested_on && *requested_on) {
		if (!clock_parse_date(requested_on, NULL))
			return err_set(err, CASUS_E_INVALID, _("%s must be a date written as YYYY-MM-DD "
				"(for example 2026-03-09), not '%.40s'."), _("The request date"),
				requested_on);
		if (strcmp(requested_on, today) > 0)
			return err_set(err, CASUS_E_INVALID, _("%s (%s) lies in the future."),
				_("The request date"), requested_on);
		snprintf(on, sizeof on, "%s", requested_on);
	} else {
		memcpy(on, today, sizeof on);
	}
	struct family f;
	if ((r = db_begin(ctx, err)))
		return r;
	if ((r = family_get(ctx, key, &f, err)))
		goto fail;
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_REQUEST, err);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, on, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, requested_by);
	db_bind_text(st, 5, reason && *reason ? reason : NULL);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	if ((r = db_exec_stmt(ctx, st, err))
	    || (r = audit_log(ctx, AUDIT_CREATE, f.id, "destruction_request", id,
		    "request for early destruction recorded", err)))
		goto fail;
	return db_commit(ctx, err);
fail:
	db_rollback(ctx);
	return err->rc ? err->rc : CASUS_E_DB;
}
