/* The listed sections of a draft: zorgen (who worries, since when, about what) and
 * afspraken with other organisations. Both are plan content: they change only while
 * the version is a draft. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/text.h"
#include "plan_priv.h"

/* ---- shared: delete a row of a draft ---- */

struct item_sql {
	const char *plan_of;  /* ?1 row id -> plan_id */
	const char *who;      /* ?1 row id -> updated_at, login, name */
	const char *del;      /* ?1 row id, ?2 rev */
	const char *type;     /* audit object type */
};

static enum casus_rc item_delete(struct casus_ctx *ctx, const struct item_sql *q,
	const char *id, int64_t rev, const char *what, struct casus_err *err)
{
	struct plan_head h;
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, q->plan_of, id, plan_id, what, err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_CONTENT, &h, err)))
		return r;
	sqlite3_stmt *st = db_stmt(ctx, q->del, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, rev);
	if (!(r = db_exec_stmt(ctx, st, err)) && sqlite3_changes(ctx->db) == 0)
		r = plan_row_conflict(ctx, q->who, id, what, err);
	if (!r && !(r = plan_touch(ctx, h.id, err)))
		r = plan_audit(ctx, AUDIT_DELETE, &h, q->type, id, "removed", err);
	return plan_write_end(ctx, r, err);
}

/* After an INSERT or UPDATE of row id: conflict check, content stamp, audit. */
static enum casus_rc item_written(struct casus_ctx *ctx, const struct item_sql *q,
	const struct plan_head *h, const char *id, enum audit_event ev, const char *what,
	struct casus_err *err)
{
	enum casus_rc r;
	if (sqlite3_changes(ctx->db) == 0)
		return plan_row_conflict(ctx, q->who, id, what, err);
	if ((r = plan_touch(ctx, h->id, err)))
		return r;
	return plan_audit(ctx, ev, h, q->type, id, ev == AUDIT_CREATE ? "added" : "changed", err);
}

/* ---- zorgen ---- */

static const struct item_sql worry_sql = {
	"SELECT plan_id FROM plan_worry WHERE id = ?1",
	"SELECT w.updated_at, m.login, m.name FROM plan_worry w LEFT JOIN member m"
	" ON m.id = w.updated_by WHERE w.id = ?1",
	"DELETE FROM plan_worry WHERE id = ?1 AND rev = ?2",
	"plan_worry",
};

#define WORRY_COLS \
	"w.id, w.plan_id, w.derived_from, w.who, w.since, w.worry, w.consequences, w.position," \
	" w.rev, w.updated_at, m.name FROM plan_worry w LEFT JOIN member m ON m.id = w.updated_by"
static const char SQL_WORRY_GET[] = "SELECT " WORRY_COLS " WHERE w.id = ?1";
static const char SQL_WORRY_EACH[] =
	"SELECT " WORRY_COLS " WHERE w.plan_id = ?1 ORDER BY w.position";

static void read_worry(sqlite3_stmt *st, struct plan_worry *w)
{
	memset(w, 0, sizeof *w);
	db_col_text(st, 0, w->id, sizeof w->id);
	db_col_text(st, 1, w->plan_id, sizeof w->plan_id);
	db_col_text(st, 2, w->derived_from, sizeof w->derived_from);
	db_col_text(st, 3, w->who, sizeof w->who);
	db_col_text(st, 4, w->since, sizeof w->since);
	db_col_text(st, 5, w->worry, sizeof w->worry);
	db_col_text(st, 6, w->consequences, sizeof w->consequences);
	w->position = sqlite3_column_int(st, 7);
	w->rev = sqlite3_column_int64(st, 8);
	db_col_text(st, 9, w->updated_at, sizeof w->updated_at);
	db_col_text(st, 10, w->updated_by_name, sizeof w->updated_by_name);
}

static enum casus_rc worry_get(struct casus_ctx *ctx, const char *id, struct plan_worry *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_WORRY_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_worry(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This worry is no longer in the plan."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc plan_worry_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_worry *w), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_WORRY_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id ? plan_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct plan_worry w;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_worry(st, &w);
		if (fn(arg, &w))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static enum casus_rc check_worry(const struct plan_worry *w, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = text_check(_("Who worries"), w->who, 200, TEXT_LINE, err))
	    || (r = text_check_optional(_("Since when"), w->since, 60, TEXT_LINE, err))
	    || (r = text_check(_("The worry"), w->worry, 4000, TEXT_MULTILINE, err)))
		return r;
	return text_check_optional(_("The consequences"), w->consequences, 2000, TEXT_MULTILINE,
		err);
}

static const char SQL_WORRY_POS[] = "SELECT max(position) FROM plan_worry WHERE plan_id = ?1";
/* One statement for add (?2 rev unused) and update (?8 position unused). */
static const char SQL_WORRY_ADD[] =
	"INSERT INTO plan_worry(id, plan_id, who, since, worry, consequences, position,"
	" updated_at, updated_by) VALUES (?1, ?9, ?3, ?4, ?5, ?6, ?7, ?10, ?11)";
static const char SQL_WORRY_UPDATE[] =
	"UPDATE plan_worry SET who = ?3, since = ?4, worry = ?5, consequences = ?6, rev = rev + 1,"
	" updated_at = ?10, updated_by = ?11 WHERE id = ?1 AND rev = ?2";

static enum casus_rc worry_write(struct casus_ctx *ctx, const char *plan_id,
	struct plan_worry *w, struct casus_err *err)
{
	struct plan_head h;
	enum casus_rc r = check_worry(w, err);
	if (r || (r = plan_write_begin(ctx, plan_id, PLAN_WRITE_CONTENT, &h, err)))
		return r;
	bool add = !w->id[0];
	char id[CASUS_ID_LEN], now[21];
	if (add)
		ids_new(id);
	else
		memcpy(id, w->id, sizeof id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, add ? SQL_WORRY_ADD : SQL_WORRY_UPDATE, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, w->rev);
	sqlite3_bind_text(st, 3, w->who, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, w->since);
	sqlite3_bind_text(st, 5, w->worry, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 6, w->consequences);
	sqlite3_bind_int(st, 7, plan_next_position(ctx, SQL_WORRY_POS, h.id));
	sqlite3_bind_text(st, 9, h.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, ctx->user.id, -1, SQLITE_TRANSIENT);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = item_written(ctx, &worry_sql, &h, id, add ? AUDIT_CREATE : AUDIT_UPDATE,
			_("The worry"), err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return worry_get(ctx, id, w, err);
}

enum casus_rc plan_worry_add(struct casus_ctx *ctx, const char *plan_id, struct plan_worry *w,
	struct casus_err *err)
{
	struct plan_worry in = *w;
	in.id[0] = '\0';
	enum casus_rc r = worry_write(ctx, plan_id, &in, err);
	if (!r)
		*w = in;
	return r;
}

enum casus_rc plan_worry_update(struct casus_ctx *ctx, struct plan_worry *w,
	struct casus_err *err)
{
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, worry_sql.plan_of, w->id, plan_id, _("The worry"), err);
	if (r)
		return r;
	struct plan_worry in = *w; /* the caller's copy stays as it was on failure */
	if (!(r = worry_write(ctx, plan_id, &in, err)))
		*w = in;
	return r;
}

enum casus_rc plan_worry_delete(struct casus_ctx *ctx, const struct plan_worry *w,
	struct casus_err *err)
{
	return item_delete(ctx, &worry_sql, w->id, w->rev, _("The worry"), err);
}

/* ---- afspraken ---- */

static const struct item_sql arr_sql = {
	"SELECT plan_id FROM plan_arrangement WHERE id = ?1",
	"SELECT a.updated_at, m.login, m.name FROM plan_arrangement a LEFT JOIN member m"
	" ON m.id = a.updated_by WHERE a.id = ?1",
	"DELETE FROM plan_arrangement WHERE id = ?1 AND rev = ?2",
	"plan_arrangement",
};

#define ARR_COLS \
	"a.id, a.plan_id, a.derived_from, a.party_id, p.name, a.organisation, a.body," \
	" a.position, a.rev, a.updated_at, m.name FROM plan_arrangement a" \
	" LEFT JOIN involved_party p ON p.id = a.party_id LEFT JOIN member m ON m.id = a.updated_by"
static const char SQL_ARR_GET[] = "SELECT " ARR_COLS " WHERE a.id = ?1";
static const char SQL_ARR_EACH[] = "SELECT " ARR_COLS " WHERE a.plan_id = ?1 ORDER BY a.position";

static void read_arr(sqlite3_stmt *st, struct plan_arrangement *a)
{
	memset(a, 0, sizeof *a);
	db_col_text(st, 0, a->id, sizeof a->id);
	db_col_text(st, 1, a->plan_id, sizeof a->plan_id);
	db_col_text(st, 2, a->derived_from, sizeof a->derived_from);
	db_col_text(st, 3, a->party_id, sizeof a->party_id);
	db_col_text(st, 4, a->party_name, sizeof a->party_name);
	db_col_text(st, 5, a->organisation, sizeof a->organisation);
	db_col_text(st, 6, a->body, sizeof a->body);
	a->position = sqlite3_column_int(st, 7);
	a->rev = sqlite3_column_int64(st, 8);
	db_col_text(st, 9, a->updated_at, sizeof a->updated_at);
	db_col_text(st, 10, a->updated_by_name, sizeof a->updated_by_name);
}

static enum casus_rc arr_get(struct casus_ctx *ctx, const char *id, struct plan_arrangement *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_ARR_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_arr(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("This arrangement is no longer in the plan."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc plan_arrangement_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_arrangement *a), void *arg,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_ARR_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id ? plan_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct plan_arrangement a;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_arr(st, &a);
		if (fn(arg, &a))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_PARTY_ORG[] =
	"SELECT coalesce(organisation, '') FROM involved_party WHERE id = ?1 AND family_id = ?2"
	" AND kind = 'professional'";

/* The party must be a professional of this family; its organisation is the default. */
static enum casus_rc check_arr(struct casus_ctx *ctx, const struct plan_head *h,
	struct plan_arrangement *a, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = text_check(_("The arrangement"), a->body, 4000, TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("The organisation"), a->organisation, 200, TEXT_LINE, err)))
		return r;
	if (!a->party_id[0])
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_PARTY_ORG, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, a->party_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, h->family_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !a->organisation[0])
		db_col_text(st, 0, a->organisation, sizeof a->organisation);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_INVALID,
			_("An arrangement is made with a professional involved with family %s."),
			h->case_no);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_ARR_POS[] =
	"SELECT max(position) FROM plan_arrangement WHERE plan_id = ?1";
static const char SQL_ARR_ADD[] =
	"INSERT INTO plan_arrangement(id, plan_id, party_id, organisation, body, position,"
	" updated_at, updated_by) VALUES (?1, ?8, ?3, ?4, ?5, ?6, ?9, ?10)";
static const char SQL_ARR_UPDATE[] =
	"UPDATE plan_arrangement SET party_id = ?3, organisation = ?4, body = ?5, rev = rev + 1,"
	" updated_at = ?9, updated_by = ?10 WHERE id = ?1 AND rev = ?2";

static enum casus_rc arr_write(struct casus_ctx *ctx, const char *plan_id,
	struct plan_arrangement *a, struct casus_err *err)
{
	struct plan_head h;
	enum casus_rc r = plan_write_begin(ctx, plan_id, PLAN_WRITE_CONTENT, &h, err);
	if (r)
		return r;
	if ((r = check_arr(ctx, &h, a, err)))
		return plan_write_end(ctx, r, err);
	bool add = !a->id[0];
	char id[CASUS_ID_LEN], now[21];
	if (add)
		ids_new(id);
	else
		memcpy(id, a->id, sizeof id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, add ? SQL_ARR_ADD : SQL_ARR_UPDATE, err);
	if (!st)
		return plan_write_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, a->rev);
	db_bind_text(st, 3, a->party_id);
	db_bind_text(st, 4, a->organisation);
	sqlite3_bind_text(st, 5, a->body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, plan_next_position(ctx, SQL_ARR_POS, h.id));
	sqlite3_bind_text(st, 8, h.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_TRANSIENT);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = item_written(ctx, &arr_sql, &h, id, add ? AUDIT_CREATE : AUDIT_UPDATE,
			_("The arrangement"), err);
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return arr_get(ctx, id, a, err);
}

enum casus_rc plan_arrangement_add(struct casus_ctx *ctx, const char *plan_id,
	struct plan_arrangement *a, struct casus_err *err)
{
	struct plan_arrangement in = *a;
	in.id[0] = '\0';
	enum casus_rc r = arr_write(ctx, plan_id, &in, err);
	if (!r)
		*a = in;
	return r;
}

enum casus_rc plan_arrangement_update(struct casus_ctx *ctx, struct plan_arrangement *a,
	struct casus_err *err)
{
	char plan_id[CASUS_ID_LEN];
	enum casus_rc r = plan_row_plan(ctx, arr_sql.plan_of, a->id, plan_id, _("The arrangement"),
		err);
	if (r)
		return r;
	struct plan_arrangement in = *a; /* the caller's copy stays as it was on failure */
	if (!(r = arr_write(ctx, plan_id, &in, err)))
		*a = in;
	return r;
}

enum casus_rc plan_arrangement_delete(struct casus_ctx *ctx, const struct plan_arrangement *a,
	struct casus_err *err)
{
	return item_delete(ctx, &arr_sql, a->id, a->rev, _("The arrangement"), err);
}
