/* Plan versions: reading them, opening (or starting) the draft, saving its sections,
 * discarding it, and the plan's rule for the uitvoering phase. Agreeing lives in
 * plan_agree.c, the rows of a version in plan_goals.c, plan_items.c and plan_eval.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/text.h"
#include "plan_priv.h"

#define PLAN_COLS \
	"p.id, p.family_id, p.version, p.status, p.derived_from, p.aanleiding, p.hulpvraag," \
	" p.krachten, p.eerdere_hulp, p.safety_worries, p.safety_working, p.safety_needed," \
	" p.safety_agreements, p.safety_scale, p.agreed_on, p.agreed_how, p.agreed_at, ar.name," \
	" p.edit_seq, p.touched_at, tm.login, tm.name, p.created_at, p.rev, p.updated_at," \
	" um.login, um.name"
#define PLAN_FROM \
	" FROM plan p LEFT JOIN member ar ON ar.id = p.agreed_rec_by" \
	" LEFT JOIN member tm ON tm.id = p.touched_by LEFT JOIN member um ON um.id = p.updated_by"
#define PLAN_SECTION_COL 5 /* the first section column above, in enum plan_section order */

/* Fill p from a row; false when out of memory (p is then cleared). */
static bool read_plan(sqlite3_stmt *st, struct plan *p)
{
	plan_clear(p);
	db_col_text(st, 0, p->id, sizeof p->id);
	db_col_text(st, 1, p->family_id, sizeof p->family_id);
	p->version = sqlite3_column_int(st, 2);
	const char *status = (const char *)sqlite3_column_text(st, 3);
	p->status = PLAN_DRAFT;
	for (int i = 0; status && i < PLAN_STATUS_COUNT; i++)
		if (strcmp(status, plan_status_name((enum plan_status)i)) == 0)
			p->status = (enum plan_status)i;
	db_col_text(st, 4, p->derived_from, sizeof p->derived_from);
	for (int i = 0; i < PLAN_SECTION_COUNT; i++) {
		const unsigned char *t = sqlite3_column_text(st, PLAN_SECTION_COL + i);
		if (!plan_set_section(p, (enum plan_section)i, t ? (const char *)t : "")) {
			plan_clear(p);
			return false;
		}
	}
	p->safety_scale = plan_col_int(st, 13, -1);
	db_col_text(st, 14, p->agreed_on, sizeof p->agreed_on);
	p->agreed_how = plan_agree_how_parse((const char *)sqlite3_column_text(st, 15));
	db_col_text(st, 16, p->agreed_at, sizeof p->agreed_at);
	db_col_text(st, 17, p->agreed_rec_name, sizeof p->agreed_rec_name);
	p->edit_seq = sqlite3_column_int64(st, 18);
	db_col_text(st, 19, p->touched_at, sizeof p->touched_at);
	db_col_text(st, 20, p->touched_by_login, sizeof p->touched_by_login);
	db_col_text(st, 21, p->touched_by_name, sizeof p->touched_by_name);
	db_col_text(st, 22, p->created_at, sizeof p->created_at);
	p->rev = sqlite3_column_int64(st, 23);
	db_col_text(st, 24, p->updated_at, sizeof p->updated_at);
	db_col_text(st, 25, p->updated_by_login, sizeof p->updated_by_login);
	db_col_text(st, 26, p->updated_by_name, sizeof p->updated_by_name);
	return true;
}

/* Run a plan query with ?1 (and ?2) bound; fills out from its first row. */
static enum casus_rc query_plan(struct casus_ctx *ctx, const char *sql, const char *a, int b,
	struct plan *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, b);
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW && read_plan(st, out);
	db_done(st);
	if (rc == SQLITE_ROW && !ok)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if (rc == SQLITE_DONE)
		return CASUS_E_NOTFOUND; /* the caller words the message */
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_BY_ID[] = "SELECT " PLAN_COLS PLAN_FROM " WHERE p.id = ?1";

enum casus_rc plan_get_by_id(struct casus_ctx *ctx, const char *plan_id, struct plan *out,
	struct casus_err *err)
{
	enum casus_rc r = query_plan(ctx, SQL_BY_ID, plan_id ? plan_id : "", 0, out, err);
	if (r == CASUS_E_NOTFOUND)
		return err_set(err, r, _("This plan version no longer exists."));
	return r;
}

/* ?2 > 0: that version; 0: the newest; -1: the agreed one. */
static const char SQL_BY_VERSION[] =
	"SELECT " PLAN_COLS PLAN_FROM " WHERE p.family_id = ?1 AND (?2 = 0 OR p.version = ?2"
	" OR (?2 = -1 AND p.status = 'agreed')) ORDER BY p.version DESC LIMIT 1";

enum casus_rc plan_get(struct casus_ctx *ctx, const char *family_key, int version,
	struct plan *out, struct casus_err *err)
{
	struct family f;
	enum casus_rc r = family_get(ctx, family_key, &f, err);
	if (r)
		return r;
	r = query_plan(ctx, SQL_BY_VERSION, f.id, version, out, err);
	if (r != CASUS_E_NOTFOUND)
		return r;
	if (version > 0)
		return err_set(err, r, _("The plan of family %s has no version %d."), f.case_no,
			version);
	if (version == PLAN_IN_FORCE)
		return err_set(err, r, _("Family %s has no agreed plan yet."), f.case_no);
	return err_set(err, r, _("Family %s has no plan yet."), f.case_no);
}

enum casus_rc plan_open(struct casus_ctx *ctx, const char *family_key, int version,
	struct plan *out, struct casus_err *err)
{
	enum casus_rc r = plan_get(ctx, family_key, version, out, err);
	if (r)
		return r;
	char detail[48];
	snprintf(detail, sizeof detail, "plan opened (version %d)", out->version);
	return audit_log(ctx, AUDIT_READ, out->family_id, "plan", out->id, detail, err);
}

static const char SQL_VERSIONS[] =
	"SELECT p.id, p.version, p.status, p.agreed_on, p.created_at, p.touched_at, m.name"
	" FROM plan p LEFT JOIN member m ON m.id = p.touched_by WHERE p.family_id = ?1"
	" ORDER BY p.version";

enum casus_rc plan_versions(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct plan_version_row *row), void *arg,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_VERSIONS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct plan_version_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		db_col_text(st, 0, row.id, sizeof row.id);
		row.version = sqlite3_column_int(st, 1);
		const char *s = (const char *)sqlite3_column_text(st, 2);
		row.status = s && strcmp(s, "agreed") == 0 ? PLAN_AGREED
			: s && strcmp(s, "superseded") == 0 ? PLAN_SUPERSEDED : PLAN_DRAFT;
		db_col_text(st, 3, row.agreed_on, sizeof row.agreed_on);
		db_col_text(st, 4, row.created_at, sizeof row.created_at);
		db_col_text(st, 5, row.touched_at, sizeof row.touched_at);
		db_col_text(st, 6, row.touched_by_name, sizeof row.touched_by_name);
		if (fn(arg, &row))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- starting a draft ---- */

static const char SQL_FIND[] =
	"SELECT (SELECT id FROM plan WHERE family_id = ?1 AND status = 'draft'),"
	" (SELECT id FROM plan WHERE family_id = ?1 AND status = 'agreed'),"
	" (SELECT coalesce(max(version), 0) + 1 FROM plan WHERE family_id = ?1)";
static const char SQL_NEW[] =
	"INSERT INTO plan(id, family_id, version, status, touched_at, touched_by, created_at,"
	" created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?4, ?5, ?4, ?5)";
/* A new draft takes the agreed version's sections; progress is in the copied rows. */
static const char SQL_NEW_FROM[] =
	"INSERT INTO plan(id, family_id, version, status, derived_from, aanleiding, hulpvraag,"
	" krachten, eerdere_hulp, safety_worries, safety_working, safety_needed,"
	" safety_agreements, safety_scale, touched_at, touched_by, created_at, created_by,"
	" updated_at, updated_by)"
	" SELECT ?1, family_id, ?3, 'draft', id, aanleiding, hulpvraag, krachten, eerdere_hulp,"
	" safety_worries, safety_working, safety_needed, safety_agreements, safety_scale,"
	" ?4, ?5, ?4, ?5, ?4, ?5 FROM plan WHERE id = ?2";

/* The rows of a version, copied table by table with new ids; ?1 new id, ?2 new plan,
 * ?3 the row copied, ?4 now, ?5 the acting member. Goals before actions, so that an
 * action's goal maps onto the copied goal. */
struct copy_step {
	const char *list_sql;
	const char *copy_sql;
};
static const char SQL_LIST_WORRY[] = "SELECT id FROM plan_worry WHERE plan_id = ?1";
static const char SQL_COPY_WORRY[] =
	"INSERT INTO plan_worry(id, plan_id, derived_from, who, since, worry, consequences,"
	" position, updated_at, updated_by) SELECT ?1, ?2, id, who, since, worry, consequences,"
	" position, ?4, ?5 FROM plan_worry WHERE id = ?3";
static const char SQL_LIST_ARR[] = "SELECT id FROM plan_arrangement WHERE plan_id = ?1";
static const char SQL_COPY_ARR[] =
	"INSERT INTO plan_arrangement(id, plan_id, derived_from, party_id, organisation, body,"
	" position, updated_at, updated_by) SELECT ?1, ?2, id, party_id, organisation, body,"
	" position, ?4, ?5 FROM plan_arrangement WHERE id = ?3";
static const char SQL_LIST_GOAL[] = "SELECT id FROM plan_goal WHERE plan_id = ?1";
static const char SQL_COPY_GOAL[] =
	"INSERT INTO plan_goal(id, plan_id, derived_from, leefgebied, body, scale_start,"
	" scale_now, scale_target, status, reason, position, updated_at, updated_by)"
	" SELECT ?1, ?2, id, leefgebied, body, scale_start, scale_now, scale_target, status,"
	" reason, position, ?4, ?5 FROM plan_goal WHERE id = ?3";
static const char SQL_LIST_ACTION[] = "SELECT id FROM plan_action WHERE plan_id = ?1";
static const char SQL_COPY_ACTION[] =
	"INSERT INTO plan_action(id, plan_id, derived_from, goal_id, body, owner_kind,"
	" owner_person, owner_party, owner_member, owner_name, due_on, status, closed_on,"
	" position, updated_at, updated_by)"
	" SELECT ?1, ?2, a.id, (SELECT g.id FROM plan_goal g WHERE g.plan_id = ?2"
	" AND g.derived_from = a.goal_id), a.body, a.owner_kind, a.owner_person, a.owner_party,"
	" a.owner_member, a.owner_name, a.due_on, a.status, a.closed_on, a.position, ?4, ?5"
	" FROM plan_action a WHERE a.id = ?3";
static const char SQL_LIST_EVAL[] = "SELECT id FROM plan_evaluation WHERE plan_id = ?1";
static const char SQL_COPY_EVAL[] =
	"INSERT INTO plan_evaluation(id, plan_id, derived_from, planned_on, held_on, outcome,"
	" next_on, updated_at, updated_by) SELECT ?1, ?2, id, planned_on, held_on, outcome,"
	" next_on, ?4, ?5 FROM plan_evaluation WHERE id = ?3";

static const struct copy_step copy_steps[] = {
	{ SQL_LIST_WORRY, SQL_COPY_WORRY }, { SQL_LIST_ARR, SQL_COPY_ARR },
	{ SQL_LIST_GOAL, SQL_COPY_GOAL }, { SQL_LIST_ACTION, SQL_COPY_ACTION },
	{ SQL_LIST_EVAL, SQL_COPY_EVAL },
};

/* The ids a list query returns, in a malloc'd array (the copy inserts into the table
 * being listed, so the list is read completely first). */
static enum casus_rc list_ids(struct casus_ctx *ctx, const char *sql, const char *plan_id,
	char (**ids)[CASUS_ID_LEN], size_t *n, struct casus_err *err)
{
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			char (*grown)[CASUS_ID_LEN] = realloc(*ids, cap * sizeof **ids);
			if (!grown) {
				db_done(st);
				return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
			}
			*ids = grown;
		}
		db_col_text(st, 0, (*ids)[(*n)++], CASUS_ID_LEN);
	}
	db_done(st);
	return rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static enum casus_rc copy_rows(struct casus_ctx *ctx, const struct copy_step *step,
	const char *from_plan, const char *to_plan, const char *now, struct casus_err *err)
{
	char (*ids)[CASUS_ID_LEN];
	size_t n;
	enum casus_rc r = list_ids(ctx, step->list_sql, from_plan, &ids, &n, err);
	for (size_t i = 0; !r && i < n; i++) {
		char id[CASUS_ID_LEN];
		ids_new(id);
		sqlite3_stmt *st = db_stmt(ctx, step->copy_sql, err);
		if (!st) {
			r = err->rc;
			break;
		}
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, to_plan, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, ids[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_TRANSIENT);
		r = db_exec_stmt(ctx, st, err);
	}
	free(ids);
	return r;
}

/* Insert the new draft (a copy of agreed_id when given) and audit it. */
static enum casus_rc new_draft(struct casus_ctx *ctx, const struct family *f,
	const char *agreed_id, int version, char id[static CASUS_ID_LEN], struct casus_err *err)
{
	enum casus_rc r;
	char now[21];
	clock_now_iso(now);
	ids_new(id);
	sqlite3_stmt *st = db_stmt(ctx, agreed_id ? SQL_NEW_FROM : SQL_NEW, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, agreed_id ? agreed_id : f->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, version);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_TRANSIENT);
	if ((r = db_exec_stmt(ctx, st, err)))
		return r;
	for (size_t i = 0; agreed_id && i < sizeof copy_steps / sizeof copy_steps[0]; i++)
		if ((r = copy_rows(ctx, &copy_steps[i], agreed_id, id, now, err)))
			return r;
	struct plan_head h = { .version = version };
	snprintf(h.family_id, sizeof h.family_id, "%s", f->id);
	return plan_audit(ctx, AUDIT_CREATE, &h, "plan", id,
		agreed_id ? "new draft from the agreed version" : "new plan", err);
}

/* Inside the transaction: the draft's id, made when there is none. */
static enum casus_rc find_or_make_draft(struct casus_ctx *ctx, const struct family *f,
	char id[static CASUS_ID_LEN], bool *created, struct casus_err *err)
{
	char draft[CASUS_ID_LEN], agreed[CASUS_ID_LEN];
	sqlite3_stmt *st = db_stmt(ctx, SQL_FIND, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		db_done(st);
		return db_fail(ctx, rc, err);
	}
	db_col_text(st, 0, draft, sizeof draft);
	db_col_text(st, 1, agreed, sizeof agreed);
	int version = sqlite3_column_int(st, 2);
	db_done(st);
	if (draft[0]) {
		memcpy(id, draft, CASUS_ID_LEN);
		return CASUS_OK;
	}
	*created = true;
	enum casus_rc r = new_draft(ctx, f, agreed[0] ? agreed : NULL, version, id, err);
	return r ? r : plan_sync_next_eval(ctx, f->id, err);
}

enum casus_rc plan_draft(struct casus_ctx *ctx, const char *family_key, struct plan *out,
	bool *created, struct casus_err *err)
{
	enum casus_rc r;
	bool made = false;
	char id[CASUS_ID_LEN];
	struct family f;
	if ((r = plan_require_member(ctx, err)) || (r = db_begin(ctx, err)))
		return r;
	if (!(r = family_get(ctx, family_key, &f, err)) && !(r = family_require_open(ctx, f.id, err)))
		r = find_or_make_draft(ctx, &f, id, &made, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	if (created)
		*created = made;
	return plan_get_by_id(ctx, id, out, err);
}

/* ---- saving sections ---- */

static const char SQL_UPDATE[] =
	"UPDATE plan SET aanleiding = ?3, hulpvraag = ?4, krachten = ?5, eerdere_hulp = ?6,"
	" safety_worries = ?7, safety_working = ?8, safety_needed = ?9, safety_agreements = ?10,"
	" safety_scale = ?11, rev = rev + 1, updated_at = ?12, updated_by = ?13,"
	" edit_seq = edit_seq + 1, touched_at = ?12, touched_by = ?13"
	" WHERE id = ?1 AND rev = ?2 AND status = 'draft'";
static const char SQL_WHO[] =
	"SELECT p.updated_at, m.login, m.name FROM plan p LEFT JOIN member m"
	" ON m.id = p.updated_by WHERE p.id = ?1";

static enum casus_rc check_sections(const struct plan *p, struct casus_err *err)
{
	enum casus_rc r;
	for (int i = 0; i < PLAN_SECTION_COUNT; i++)
		if ((r = text_check_optional(plan_section_label((enum plan_section)i), p->section[i],
			     PLAN_SECTION_MAX, TEXT_MULTILINE, err)))
			return r;
	return plan_check_scale(_("The safety scale"), p->safety_scale, err);
}

static enum casus_rc write_sections(struct casus_ctx *ctx, const struct plan *p,
	const struct plan_head *h, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, p->rev);
	for (int i = 0; i < PLAN_SECTION_COUNT; i++)
		db_bind_text(st, 3 + i, p->section[i]);
	plan_bind_int_or_null(st, 11, p->safety_scale);
	sqlite3_bind_text(st, 12, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (r)
		return r;
	if (sqlite3_changes(ctx->db) == 0) {
		char what[80];
		snprintf(what, sizeof what, _("The plan (version %d)"), h->version);
		return plan_row_conflict(ctx, SQL_WHO, p->id, what, err);
	}
	return plan_audit(ctx, AUDIT_UPDATE, h, "plan", p->id, "sections", err);
}

enum casus_rc plan_update(struct casus_ctx *ctx, struct plan *p, struct casus_err *err)
{
	struct plan_head h;
	enum casus_rc r = check_sections(p, err);
	if (r || (r = plan_write_begin(ctx, p->id, PLAN_WRITE_CONTENT, &h, err)))
		return r;
	r = write_sections(ctx, p, &h, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	/* Only now replace what the caller holds: on any failure above it keeps its text. */
	struct plan fresh = PLAN_INIT;
	if ((r = plan_get_by_id(ctx, p->id, &fresh, err)))
		return r;
	plan_clear(p);
	*p = fresh;
	return CASUS_OK;
}

static const char SQL_DISCARD[] =
	"DELETE FROM plan WHERE id = ?1 AND rev = ?2 AND status = 'draft'";

enum casus_rc plan_discard_draft(struct casus_ctx *ctx, struct plan *p, struct casus_err *err)
{
	struct plan_head h;
	enum casus_rc r = plan_write_begin(ctx, p->id, PLAN_WRITE_CONTENT, &h, err);
	if (r)
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_DISCARD, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, p->rev);
	if (!(r = db_exec_stmt(ctx, st, err))) {
		char what[80];
		snprintf(what, sizeof what, _("The plan (version %d)"), h.version);
		if (sqlite3_changes(ctx->db) == 0)
			r = plan_row_conflict(ctx, SQL_WHO, p->id, what, err);
	}
	if (!r && !(r = plan_audit(ctx, AUDIT_DELETE, &h, "plan", p->id, "draft discarded", err)))
		r = plan_sync_next_eval(ctx, h.family_id, err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	plan_clear(p);
	return CASUS_OK;
}

/* ---- the phase rule ---- */

static const char SQL_HAS_AGREED[] =
	"SELECT 1 FROM plan WHERE family_id = ?1 AND status = 'agreed'";

enum casus_rc plan_check_phase(struct casus_ctx *ctx, const struct family *f,
	enum family_phase to, struct casus_err *err)
{
	if (to != PHASE_UITVOERING)
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_HAS_AGREED, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc == SQLITE_ROW)
		return CASUS_OK;
	if (rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	return err_set(err, CASUS_E_STATE,
		_("Family %s has no agreed plan yet. A plan is carried out (uitvoering) only after "
		  "the family agreed to it: record who agreed first."), f->case_no);
}
