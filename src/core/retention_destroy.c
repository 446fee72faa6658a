/* Destroying a dossier: every row about one family goes, in one transaction.
 *
 * The dossier tables refuse DELETE by trigger unless a row in `destroying` exists
 * (migration 0007); this transaction inserts that row first and removes it before it
 * commits. Foreign keys are checked at commit (defer_foreign_keys), so the rows can go
 * table by table whatever points at what. The access log keeps its chain: rows about
 * the family are redacted by audit_redact_family(), and one 'destroy' row says when,
 * by whom and why. With secure_delete on, freed space is zeroed, the full-text index
 * is merged (so no deleted terms stay in it), the file is rebuilt (VACUUM) and the
 * write-ahead log checkpointed, so the family's text is gone from the file, not just
 * unreachable. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/retention.h"
#include "casus/text.h"

/* What else is about the family: agenda items (its own, and those about its meldcode,
 * escalations or meeting actions) and meeting actions (its own and those made on its
 * items). Collected first, because deleting one kind would hide the others. */
static const char *const SQL_COLLECT[] = {
	"CREATE TEMP TABLE IF NOT EXISTS doomed_item(id TEXT PRIMARY KEY)",
	"CREATE TEMP TABLE IF NOT EXISTS doomed_action(id TEXT PRIMARY KEY)",
	"DELETE FROM temp.doomed_item",
	"DELETE FROM temp.doomed_action",
	"INSERT OR IGNORE INTO temp.doomed_item SELECT id FROM agenda_item WHERE family_id = ?1"
	" OR meldcode_id IN (SELECT id FROM meldcode WHERE family_id = ?1)"
	" OR escalation_id IN (SELECT id FROM escalation WHERE family_id = ?1)"
	" OR action_id IN (SELECT id FROM meeting_action WHERE family_id = ?1)",
	"INSERT OR IGNORE INTO temp.doomed_action SELECT id FROM meeting_action"
	" WHERE family_id = ?1 OR item_id IN (SELECT id FROM temp.doomed_item)",
	"INSERT OR IGNORE INTO temp.doomed_item SELECT id FROM agenda_item"
	" WHERE action_id IN (SELECT id FROM temp.doomed_action)",
	"INSERT OR IGNORE INTO temp.doomed_action SELECT id FROM meeting_action"
	" WHERE item_id IN (SELECT id FROM temp.doomed_item)",
};

#define IN_PLANS "(SELECT id FROM plan WHERE family_id = ?1)"
#define IN_MELDCODE "(SELECT id FROM meldcode WHERE family_id = ?1)"

/* Every table that holds something about the family. tests/unit/test_retention.c
 * scans the whole database afterwards, so a table forgotten here fails that test. */
static const char *const SQL_DELETE[] = {
	"DELETE FROM meeting_note WHERE item_id IN (SELECT id FROM temp.doomed_item)",
	"DELETE FROM meeting_decision WHERE item_id IN (SELECT id FROM temp.doomed_item)"
	" OR regie_row_id IN (SELECT id FROM regie WHERE family_id = ?1)"
	" OR consultation_id IN (SELECT id FROM meldcode_consultation WHERE trajectory_id IN "
	IN_MELDCODE ")",
	"DELETE FROM meeting_action WHERE id IN (SELECT id FROM temp.doomed_action)",
	"DELETE FROM agenda_item WHERE id IN (SELECT id FROM temp.doomed_item)",
	"DELETE FROM meeting_request WHERE family_id = ?1",
	"DELETE FROM escalation_event WHERE escalation_id IN"
	" (SELECT id FROM escalation WHERE family_id = ?1)",
	"DELETE FROM escalation WHERE family_id = ?1",
	"DELETE FROM meldcode_review WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_event WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_decision WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_weighing WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_conversation WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_consultation WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_acute WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_kindcheck WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_signal WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_step_log WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_step WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode_child WHERE trajectory_id IN " IN_MELDCODE,
	"DELETE FROM meldcode WHERE family_id = ?1",
	"DELETE FROM plan_agreed_by WHERE plan_id IN " IN_PLANS,
	"DELETE FROM plan_evaluation WHERE plan_id IN " IN_PLANS,
	"DELETE FROM plan_action WHERE plan_id IN " IN_PLANS,
	"DELETE FROM plan_goal WHERE plan_id IN " IN_PLANS,
	"DELETE FROM plan_arrangement WHERE plan_id IN " IN_PLANS,
	"DELETE FROM plan_worry WHERE plan_id IN " IN_PLANS,
	"DELETE FROM plan WHERE family_id = ?1",
	"DELETE FROM closure WHERE family_id = ?1",
	"DELETE FROM consent WHERE family_id = ?1",
	"DELETE FROM note WHERE family_id = ?1",
	"DELETE FROM regie WHERE family_id = ?1",
	"DELETE FROM phase_change WHERE family_id = ?1",
	"DELETE FROM draft WHERE family_id = ?1 OR object_id = ?1",
	"DELETE FROM destruction_request WHERE family_id = ?1",
	"DELETE FROM involved_party WHERE family_id = ?1",
	"DELETE FROM person WHERE family_id = ?1",
	"DELETE FROM family_fts WHERE rowid = (SELECT rowid FROM family WHERE id = ?1)",
	"DELETE FROM family WHERE id = ?1",
	"DELETE FROM temp.doomed_item",
	"DELETE FROM temp.doomed_action",
};

static const char SQL_GUARD_ON[] = "INSERT INTO destroying(family_id) VALUES (?1)";
static const char SQL_GUARD_OFF[] = "DELETE FROM destroying WHERE family_id = ?1";
static const char SQL_RETIRE[] =
	"INSERT INTO destroyed_case(case_no, case_year, case_seq, destroyed_at, audit_seq)"
	" SELECT case_no, case_year, case_seq, ?2, ?3 FROM family WHERE id = ?1";
static const char SQL_REQUESTED[] =
	"SELECT 1 FROM destruction_request WHERE family_id = ?1 LIMIT 1";
static const char SQL_FTS_MERGE[] = "INSERT INTO family_fts(family_fts) VALUES ('optimize')";

/* Run one statement with the family id as ?1. */
static enum casus_rc run_for(struct casus_ctx *ctx, const char *sql, const char *family_id,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	if (sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

static enum casus_rc run_all(struct casus_ctx *ctx, const char *const *sql, size_t n,
	const char *family_id, struct casus_err *err)
{
	enum casus_rc r = CASUS_OK;
	for (size_t i = 0; i < n && !r; i++)
		r = run_for(ctx, sql[i], family_id, err);
	return r;
}

/* May this family's dossier be destroyed now? */
static enum casus_rc check_destroyable(struct casus_ctx *ctx, const struct family *f,
	struct casus_err *err)
{
	if (f->phase != PHASE_AFGESLOTEN)
		return err_set(err, CASUS_E_STATE, _("Family %s is not closed; only the dossier of "
			"a closed case can be destroyed."), f->case_no);
	char today[11], until[11];
	clock_today(today);
	retention_keep_until(ctx, f->closed_on, until);
	bool past = until[0] && strcmp(until, today) <= 0;
	if (past)
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_REQUESTED, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc == SQLITE_ROW)
		return CASUS_OK;
	if (rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	return err_set(err, CASUS_E_STATE, _("The dossier of family %s must be kept until %s (the "
		"retention term after closing on %s), and nobody asked for early destruction; it was "
		"not destroyed."), f->case_no, until, f->closed_on);
}

static enum casus_rc destroy_rows(struct casus_ctx *ctx, const struct family *f,
	const char *reason, int64_t *destroy_seq, struct casus_err *err)
{
	enum casus_rc r;
	int64_t seq = 0;
	char now[21];
	clock_now_iso(now);
	if ((r = check_destroyable(ctx, f, err)) || (r = run_for(ctx, SQL_GUARD_ON, f->id, err))
	    || (r = audit_redact_family(ctx, f->id, f->case_no, reason, &seq, err)))
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_RETIRE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, seq);
	if ((r = db_exec_stmt(ctx, st, err))
	    || (r = run_all(ctx, SQL_COLLECT, sizeof SQL_COLLECT / sizeof *SQL_COLLECT, f->id, err))
	    || (r = run_all(ctx, SQL_DELETE, sizeof SQL_DELETE / sizeof *SQL_DELETE, f->id, err))
	    || (r = run_for(ctx, SQL_FTS_MERGE, f->id, err))
	    || (r = run_for(ctx, SQL_GUARD_OFF, f->id, err)))
		return r;
	if (destroy_seq)
		*destroy_seq = seq;
	return CASUS_OK;
}

enum casus_rc retention_destroy(struct casus_ctx *ctx, const char *case_no,
	const char *confirm, const char *reason, int64_t *destroy_seq, struct casus_err *err)
{
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("destroy a dossier"), err);
	if (r || (r = text_check(_("The reason"), reason, RETENTION_REASON_MAX, TEXT_LINE, err)))
		return r;
	struct family f;
	if ((r = family_get(ctx, case_no, &f, err)))
		return r;
	if (!confirm || strcmp(confirm, f.case_no) != 0)
		return err_set(err, CASUS_E_INVALID, _("Confirm the destruction by repeating the case "
			"number %s exactly; nothing was destroyed."), f.case_no);
	/* Freed pages are overwritten with zeros, so the text does not linger in the file. */
	sqlite3_exec(ctx->db, "PRAGMA secure_delete = ON", NULL, NULL, NULL);
	if ((r = db_begin(ctx, err)))
		goto out;
	sqlite3_exec(ctx->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
	/* Re-read inside the write lock: the family may have been reopened meanwhile. */
	if ((r = family_get(ctx, f.id, &f, err)) || (r = destroy_rows(ctx, &f, reason,
		destroy_seq, err))) {
		db_rollback(ctx);
		goto out;
	}
	if ((r = db_commit(ctx, err)))
		goto out;
	/* Rebuild the file, so that no copy of the family's text survives in free space
	 * (SQLite leaves old copies of moved records in unused parts of pages), then empty
	 * the write-ahead log, which still holds the old pages. Best effort: another
	 * process reading at this moment keeps the old pages until the next checkpoint;
	 * the dossier is gone from every table either way. */
	sqlite3_exec(ctx->db, "VACUUM", NULL, NULL, NULL);
	sqlite3_wal_checkpoint_v2(ctx->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
out:
	sqlite3_exec(ctx->db, "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
	return r;
}
