/* casus check: whole-database checks (see include/casus/check.h). Each check
 * reports the first problem in words a teamleider can act on, and how many there
 * are; a check that fails to run is reported, not fatal, so the others still run. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/check.h"
#include "casus/i18n.h"

static const char *const check_names[CHECK_COUNT] = {
	[CHECK_INTEGRITY] = "integrity",
	[CHECK_FOREIGN_KEYS] = "foreign_keys",
	[CHECK_AUDIT_CHAIN] = "audit_chain",
	[CHECK_AUDIT_GUARD] = "audit_guard",
	[CHECK_REGIE] = "regie",
	[CHECK_PHASE] = "phase",
};

static const char *check_label(enum check_id id)
{
	switch (id) {
	case CHECK_INTEGRITY: return _("Database file is undamaged");
	case CHECK_FOREIGN_KEYS: return _("References between records are intact");
	case CHECK_AUDIT_CHAIN: return _("Access log is complete and unchanged");
	case CHECK_AUDIT_GUARD: return _("Access log is protected against changes");
	case CHECK_REGIE: return _("One regievoerder per family, as in the regie history");
	case CHECK_PHASE: return _("Closed families have a closing date, and only they");
	default: return "?";
	}
}

/* Record the first problem and count the rest. */
static void problem(struct check_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void problem(struct check_result *r, const char *fmt, ...)
{
	if (r->problems++ == 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(r->problem, sizeof r->problem, fmt, ap);
		va_end(ap);
	}
	r->ok = false;
}

/* A check whose query failed: report why (db_fail's message, never SQL). */
static void could_not_run(struct casus_ctx *ctx, struct check_result *r, int rc)
{
	struct casus_err e = { 0 };
	if (rc != SQLITE_OK)
		db_fail(ctx, rc, &e);
	problem(r, _("Could not be checked: %s"), e.msg[0] ? e.msg : _("the database cannot be read"));
}

/* Prepare outside the statement cache: a damaged schema may make these fail, and a
 * check must never leave a broken statement cached for later code. */
static sqlite3_stmt *prepare(struct casus_ctx *ctx, struct check_result *r, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		could_not_run(ctx, r, rc);
		return NULL;
	}
	return st;
}

static void finish(struct casus_ctx *ctx, struct check_result *r, sqlite3_stmt *st, int rc)
{
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		could_not_run(ctx, r, rc);
	sqlite3_finalize(st);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static void check_integrity(struct casus_ctx *ctx, struct check_result *r)
{
	sqlite3_stmt *st = prepare(ctx, r, "PRAGMA integrity_check");
	if (!st)
		return;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(col(st, 0), "ok") == 0)
			continue;
		/* SQLite's report may span lines and starts with a banner; keep one line. */
		char what[400];
		const char *t = col(st, 0);
		if (strncmp(t, "*** in database main ***", 24) == 0)
			t += 24;
		t += strspn(t, " \n");
		snprintf(what, sizeof what, "%s", t);
		for (char *p = what; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		if (strncmp(what, "CHECK constraint", 16) == 0 || strncmp(what, "NULL value", 10) == 0)
			problem(r, _("A record breaks a rule of the database (%s): it was changed "
				     "outside casus."), what);
		else
			problem(r, _("The database file is damaged (%s). Restore it from a backup."),
				what);
	}
	finish(ctx, r, st, rc);
}

static void check_foreign_keys(struct casus_ctx *ctx, struct check_result *r)
{
	sqlite3_stmt *st = prepare(ctx, r, "PRAGMA foreign_key_check");
	if (!st)
		return;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		problem(r, _("Row %lld of table %s refers to a record in %s that does not exist."),
			(long long)sqlite3_column_int64(st, 1), col(st, 0), col(st, 2));
	finish(ctx, r, st, rc);
}

static void check_audit_chain(struct casus_ctx *ctx, struct check_result *r)
{
	struct casus_err e = { 0 };
	int64_t bad = 0, rows = 0;
	if (audit_verify(ctx, &bad, &rows, &e) != CASUS_OK)
		problem(r, "%s", e.msg);
}

static void check_audit_guard(struct casus_ctx *ctx, struct check_result *r)
{
	static const char *const guards[] = { "audit_no_update", "audit_no_delete" };
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st = prepare(ctx, r,
			"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?1"
			" AND tbl_name = 'audit'");
		if (!st)
			return;
		sqlite3_bind_text(st, 1, guards[i], -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 0)
			problem(r, _("The safeguard %s of the access log was removed outside casus; the "
				     "log can be changed without notice."), guards[i]);
		finish(ctx, r, st, rc);
	}
	/* Only the destroying transaction holds a row here, and never commits one. */
	sqlite3_stmt *st = prepare(ctx, r, "SELECT count(*) FROM destroying");
	if (!st)
		return;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0)
		problem(r, _("The dossier safeguards are switched off (a row in table destroying was "
			     "left outside casus): records can be deleted without notice."));
	finish(ctx, r, st, rc);
}

/* Families whose regie_id differs from the member of their open regie row, or
 * that have more than one open regie row. */
static const char SQL_REGIE[] =
	"SELECT f.case_no, coalesce(fm.login, f.regie_id), coalesce(rm.login, r.member_id),"
	" (SELECT count(*) FROM regie x WHERE x.family_id = f.id AND x.ended_at IS NULL) AS n"
	" FROM family f"
	" LEFT JOIN regie r ON r.family_id = f.id AND r.ended_at IS NULL"
	" LEFT JOIN member fm ON fm.id = f.regie_id"
	" LEFT JOIN member rm ON rm.id = r.member_id"
	" WHERE f.regie_id IS NOT r.member_id OR n > 1"
	" GROUP BY f.id ORDER BY f.case_no";

static void check_regie(struct casus_ctx *ctx, struct check_result *r)
{
	sqlite3_stmt *st = prepare(ctx, r, SQL_REGIE);
	if (!st)
		return;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *no = col(st, 0), *fam = col(st, 1), *hist = col(st, 2);
		int n = sqlite3_column_int(st, 3);
		if (n > 1)
			problem(r, _("Family %s has %d active regievoerders; there must be one."), no, n);
		else if (!*hist)
			problem(r, _("Family %s names %s as regievoerder, but its regie history has no "
				     "active regievoerder."), no, fam);
		else if (!*fam)
			problem(r, _("Family %s has no regievoerder, but its regie history names %s."),
				no, hist);
		else
			problem(r, _("Family %s names %s as regievoerder, but its regie history names "
				     "%s."), no, fam, hist);
	}
	finish(ctx, r, st, rc);
}

static void check_phase(struct casus_ctx *ctx, struct check_result *r)
{
	sqlite3_stmt *st = prepare(ctx, r,
		"SELECT case_no, phase, closed_on FROM family"
		" WHERE (phase = 'afgesloten') <> (closed_on IS NOT NULL) ORDER BY case_no");
	if (!st)
		return;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(col(st, 1), "afgesloten") == 0)
			problem(r, _("Family %s is closed (afgesloten) but has no closing date."),
				col(st, 0));
		else
			problem(r, _("Family %s has a closing date (%s) but is in phase %s."),
				col(st, 0), col(st, 2), col(st, 1));
	}
	finish(ctx, r, st, rc);
}

enum casus_rc check_run(struct casus_ctx *ctx, int (*fn)(void *arg,
	const struct check_result *r), void *arg, bool *sound, struct casus_err *err)
{
	static void (*const run[CHECK_COUNT])(struct casus_ctx *, struct check_result *) = {
		check_integrity, check_foreign_keys, check_audit_chain, check_audit_guard,
		check_regie, check_phase,
	};
	*sound = true;
	for (int i = 0; i < CHECK_COUNT; i++) {
		struct check_result r = { .id = (enum check_id)i, .name = check_names[i],
			.label = check_label((enum check_id)i), .ok = true };
		run[i](ctx, &r);
		if (!r.ok)
			*sound = false;
		if (fn && fn(arg, &r))
			return err_set(err, CASUS_E_STATE, _("The check was stopped."));
	}
	return CASUS_OK;
}
