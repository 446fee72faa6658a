/* Meldcode trajectories and their five steps: opening (one open trajectory per
 * family), the children concerned, step states with optimistic concurrency and a
 * step log, and the helpers every meldcode*.c write goes through (transaction,
 * open-trajectory check, step auto-advance, access log). */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "casus/person.h"
#include "casus/text.h"

#define TRAJ_COLS \
	"m.id, m.family_id, f.case_no, m.client, m.adult_id, m.status, m.outcome," \
	" m.close_note, m.opened_at, om.login, om.name, m.closed_at, cm.login, m.rev," \
	" m.updated_at, um.login, um.name"
#define TRAJ_FROM \
	" FROM meldcode m JOIN family f ON f.id = m.family_id" \
	" LEFT JOIN member om ON om.id = m.opened_by LEFT JOIN member cm ON cm.id = m.closed_by" \
	" LEFT JOIN member um ON um.id = m.updated_by"

static void read_traj(sqlite3_stmt *st, struct meldcode *m)
{
	memset(m, 0, sizeof *m);
	db_col_text(st, 0, m->id, sizeof m->id);
	db_col_text(st, 1, m->family_id, sizeof m->family_id);
	db_col_text(st, 2, m->case_no, sizeof m->case_no);
	m->client = strcmp(mc_col(st, 3), "adult") == 0 ? MC_CLIENT_ADULT : MC_CLIENT_CHILDREN;
	db_col_text(st, 4, m->adult_id, sizeof m->adult_id);
	m->open = strcmp(mc_col(st, 5), "open") == 0;
	const char *o = mc_col(st, 6);
	m->outcome = MC_OUTCOME_NONE;
	for (int i = 1; i < MC_OUTCOME_COUNT; i++)
		if (strcmp(o, mc_outcome_name((enum mc_outcome)i)) == 0)
			m->outcome = (enum mc_outcome)i;
	db_col_text(st, 7, m->close_note, sizeof m->close_note);
	db_col_text(st, 8, m->opened_at, sizeof m->opened_at);
	db_col_text(st, 9, m->opened_by_login, sizeof m->opened_by_login);
	db_col_text(st, 10, m->opened_by_name, sizeof m->opened_by_name);
	db_col_text(st, 11, m->closed_at, sizeof m->closed_at);
	db_col_text(st, 12, m->closed_by_login, sizeof m->closed_by_login);
	m->rev = sqlite3_column_int64(st, 13);
	db_col_text(st, 14, m->updated_at, sizeof m->updated_at);
	db_col_text(st, 15, m->updated_by_login, sizeof m->updated_by_login);
	db_col_text(st, 16, m->updated_by_name, sizeof m->updated_by_name);
}

static const char SQL_GET[] = "SELECT " TRAJ_COLS TRAJ_FROM " WHERE m.id = ?1";
static const char SQL_CURRENT[] =
	"SELECT " TRAJ_COLS TRAJ_FROM " WHERE m.family_id = ?1 AND m.status = 'open'";
static const char SQL_EACH[] =
	"SELECT " TRAJ_COLS TRAJ_FROM " WHERE m.family_id = ?1 ORDER BY m.opened_at, m.rowid";

static enum casus_rc get_one(struct casus_ctx *ctx, const char *sql, const char *key,
	struct meldcode *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, key ? key : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_traj(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return CASUS_E_NOTFOUND;
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc meldcode_get(struct casus_ctx *ctx, const char *trajectory_id,
	struct meldcode *out, struct casus_err *err)
{
	enum casus_rc r = get_one(ctx, SQL_GET, trajectory_id, out, err);
	if (r == CASUS_E_NOTFOUND)
		return err_set(err, r, _("There is no meldcode trajectory with id %.40s."),
			trajectory_id ? trajectory_id : "");
	return r;
}

enum casus_rc meldcode_show(struct casus_ctx *ctx, const char *trajectory_id,
	struct meldcode *out, struct casus_err *err)
{
	enum casus_rc r = meldcode_get(ctx, trajectory_id, out, err);
	if (r)
		return r;
	return audit_log(ctx, AUDIT_READ, out->family_id, "meldcode", out->id,
		"trajectory opened", err);
}

enum casus_rc meldcode_current(struct casus_ctx *ctx, const char *family, struct meldcode *out,
	struct casus_err *err)
{
	struct family f;
	enum casus_rc r = family_get(ctx, family, &f, err);
	if (r)
		return r;
	r = get_one(ctx, SQL_CURRENT, f.id, out, err);
	if (r == CASUS_E_NOTFOUND)
		return err_set(err, r, _("Family %s has no open meldcode trajectory."), f.case_no);
	return r;
}

enum casus_rc meldcode_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct meldcode *m), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct meldcode m;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_traj(st, &m);
		if (fn(arg, &m))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- helpers shared by the meldcode modules ---- */

const char *mc_col(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

int mc_col_answer(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return MC_UNANSWERED;
	return sqlite3_column_int(st, col) ? MC_YES : MC_NO;
}

void mc_read_entry(sqlite3_stmt *st, int col, struct mc_entry *e)
{
	e->id = mc_col(st, col);
	e->corrects = mc_col(st, col + 1);
	e->author_login = mc_col(st, col + 2);
	e->author_name = mc_col(st, col + 3);
	e->created_at = mc_col(st, col + 4);
	e->corrected = sqlite3_column_int(st, col + 5) != 0;
}

enum casus_rc mc_check_date(const char *field, const char *d, bool allow_future,
	struct casus_err *err)
{
	char today[11];
	if (!d || !*d)
		return err_set(err, CASUS_E_INVALID, _("%s is required"), field);
	if (!clock_parse_date(d, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
			field, d);
	clock_today(today);
	if (!allow_future && strcmp(d, today) > 0)
		return err_set(err, CASUS_E_INVALID, _("%s (%s) lies in the future."), field, d);
	return CASUS_OK;
}

enum casus_rc mc_begin(struct casus_ctx *ctx, const char *trajectory_id, struct meldcode *m,
	struct casus_err *err)
{
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = db_begin(ctx, err)))
		return r;
	if ((r = meldcode_get(ctx, trajectory_id, m, err)))
		goto fail;
	if (!m->open) {
		r = err_set(err, CASUS_E_STATE,
			_("The meldcode trajectory of family %s was closed at %s and can only be read."),
			m->case_no, m->closed_at);
		goto fail;
	}
	if ((r = family_require_open(ctx, m->family_id, err)))
		goto fail;
	return CASUS_OK;
fail:
	db_rollback(ctx);
	return r;
}

enum casus_rc mc_end(struct casus_ctx *ctx, enum casus_rc r, struct casus_err *err)
{
	if (r) {
		db_rollback(ctx);
		return r;
	}
	return db_commit(ctx, err);
}

/* ---- opening ---- */

static enum casus_rc check_person(struct casus_ctx *ctx, const char *family_id, const char *id,
	bool child, struct casus_err *err)
{
	struct person p;
	enum casus_rc r = person_get(ctx, id, &p, err);
	if (r)
		return r;
	if (strcmp(p.family_id, family_id) != 0)
		return err_set(err, CASUS_E_INVALID, _("%s %s is not a member of this family."),
			p.given_name, p.family_name);
	if (child && p.role != PERSON_KIND)
		return err_set(err, CASUS_E_INVALID,
			_("%s %s is not a child of this family; choose the children concerned."),
			p.given_name, p.family_name);
	if (!child && p.role == PERSON_KIND)
		return err_set(err, CASUS_E_INVALID,
			_("%s %s is a child; open the trajectory for the children concerned instead."),
			p.given_name, p.family_name);
	return CASUS_OK;
}

static enum casus_rc check_new(struct casus_ctx *ctx, const char *family_id,
	const struct meldcode_new *in, struct casus_err *err)
{
	enum casus_rc r;
	if (in->n_children < 0 || in->n_children > MC_MAX_CHILDREN)
		return err_set(err, CASUS_E_INVALID, _("Too many children for one trajectory."));
	if (in->client == MC_CLIENT_CHILDREN && in->n_children < 1)
		return err_set(err, CASUS_E_INVALID,
			_("Choose at least one child concerned, or open the trajectory for an adult "
			  "client (with the kindcheck)."));
	if (in->client == MC_CLIENT_ADULT
	    && (!in->adult_id || (r = check_person(ctx, family_id, in->adult_id, false, err))))
		return in->adult_id ? r : err_set(err, CASUS_E_INVALID,
			_("Choose the adult client."));
	if (in->client != MC_CLIENT_ADULT && in->adult_id && *in->adult_id)
		return err_set(err, CASUS_E_INVALID, _("An adult client goes with client kind adult."));
	for (int i = 0; i < in->n_children; i++) {
		if ((r = check_person(ctx, family_id, in->children[i], true, err)))
			return r;
		for (int j = 0; j < i; j++)
			if (strcmp(in->children[i], in->children[j]) == 0)
				return err_set(err, CASUS_E_INVALID, _("A child is listed twice."));
	}
	return CASUS_OK;
}

static const char SQL_OPEN_BY[] =
	"SELECT m.opened_at, o.name FROM meldcode m LEFT JOIN member o ON o.id = m.opened_by"
	" WHERE m.family_id = ?1 AND m.status = 'open'";

static enum casus_rc check_none_open(struct casus_ctx *ctx, const struct family *f,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_OPEN_BY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
	enum casus_rc r = CASUS_OK;
	if (sqlite3_step(st) == SQLITE_ROW)
		r = err_set(err, CASUS_E_EXISTS,
			_("Family %s already has an open meldcode trajectory (opened by %s at %s). "
			  "There is one open trajectory per family: continue that one."),
			f->case_no, mc_col(st, 1), mc_col(st, 0));
	db_done(st);
	return r;
}

static const char SQL_INSERT[] =
	"INSERT INTO meldcode(id, family_id, client, adult_id, opened_at, opened_by, updated_at,"
	" updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)";
static const char SQL_INSERT_STEP[] =
	"INSERT INTO meldcode_step(trajectory_id, step, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char SQL_INSERT_CHILD[] =
	"INSERT INTO meldcode_child(trajectory_id, person_id, added_at, added_by)"
	" VALUES (?1, ?2, ?3, ?4)";

static enum casus_rc insert_child(struct casus_ctx *ctx, const char *traj, const char *person,
	const char *now, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT_CHILD, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, traj, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, person, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ctx->user.id, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}

static enum casus_rc insert_traj(struct casus_ctx *ctx, const char *id, const char *family_id,
	const struct meldcode_new *in, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, in->client == MC_CLIENT_ADULT ? "adult" : "children", -1,
		SQLITE_STATIC);
	db_bind_text(st, 4, in->client == MC_CLIENT_ADULT ? in->adult_id : NULL);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_STATIC);
	if (db_exec_stmt(ctx, st, err))
		return err->rc;
	for (int step = 1; step <= MC_STEPS; step++) {
		if (!(st = db_stmt(ctx, SQL_INSERT_STEP, err)))
			return err->rc;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, step);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, ctx->user.id, -1, SQLITE_STATIC);
		if (db_exec_stmt(ctx, st, err))
			return err->rc;
	}
	for (int i = 0; i < in->n_children; i++)
		if (insert_child(ctx, id, in->children[i], now, err))
			return err->rc;
	return CASUS_OK;
}

enum casus_rc meldcode_open(struct casus_ctx *ctx, const char *family_id,
	const struct meldcode_new *in, struct meldcode *out, struct casus_err *err)
{
	enum casus_rc r;
	struct family f;
	char id[CASUS_ID_LEN];
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = db_begin(ctx, err)))
		return r;
	if ((r = family_get(ctx, family_id, &f, err)) || (r = family_require_open(ctx, f.id, err))
	    || (r = check_none_open(ctx, &f, err)) || (r = check_new(ctx, f.id, in, err)))
		return mc_end(ctx, r, err);
	ids_new(id);
	if ((r = insert_traj(ctx, id, f.id, in, err))
	    || (r = audit_log(ctx, AUDIT_CREATE, f.id, "meldcode", id,
			in->client == MC_CLIENT_ADULT ? "opened (adult client)" : "opened", err)))
		return mc_end(ctx, r, err);
	if ((r = mc_end(ctx, r, err)))
		return r;
	return out ? meldcode_get(ctx, id, out, err) : CASUS_OK;
}

static const char SQL_HAS_CHILD[] =
	"SELECT 1 FROM meldcode_child WHERE trajectory_id = ?1 AND person_id = ?2";

enum casus_rc meldcode_add_child(struct casus_ctx *ctx, const char *trajectory_id,
	const char *person_id, struct casus_err *err)
{
	struct meldcode m;
	char now[21];
	enum casus_rc r = mc_begin(ctx, trajectory_id, &m, err);
	if (r)
		return r;
	clock_now_iso(now);
	if ((r = check_person(ctx, m.family_id, person_id, true, err)))
		return mc_end(ctx, r, err);
	sqlite3_stmt *st = db_stmt(ctx, SQL_HAS_CHILD, err);
	if (!st)
		return mc_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, m.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, person_id, -1, SQLITE_TRANSIENT);
	bool has = sqlite3_step(st) == SQLITE_ROW;
	db_done(st);
	if (has)
		r = err_set(err, CASUS_E_EXISTS, _("That child is already concerned."));
	else if (!(r = insert_child(ctx, m.id, person_id, now, err)))
		r = audit_log(ctx, AUDIT_UPDATE, m.family_id, "meldcode", m.id, "child added", err);
	return mc_end(ctx, r, err);
}

static const char SQL_CHILDREN[] =
	"SELECT p.id, p.given_name, p.family_name, p.birth_date FROM meldcode_child c"
	" JOIN person p ON p.id = c.person_id WHERE c.trajectory_id = ?1"
	" ORDER BY p.birth_date IS NULL, p.birth_date, p.given_name, c.rowid";

enum mc_band meldcode_age_band(int age)
{
	if (age < 0)
		return MC_BAND_UNKNOWN;
	return age < 12 ? MC_BAND_PARENTS : age < 16 ? MC_BAND_CHILD_AND_PARENTS : MC_BAND_CHILD;
}

enum casus_rc meldcode_children_each(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_child *c), void *arg, struct casus_err *err)
{
	char today[11];
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_CHILDREN, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, trajectory_id ? trajectory_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct mc_child c;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c.person_id = mc_col(st, 0);
		c.given_name = mc_col(st, 1);
		c.family_name = mc_col(st, 2);
		c.birth_date = mc_col(st, 3);
		c.age = *c.birth_date ? clock_age_years(c.birth_date, today) : -1;
		c.band = meldcode_age_band(c.age);
		if (fn(arg, &c))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static int advice_fn(void *arg, const struct mc_child *c)
{
	struct mc_discuss_advice *a = arg;
	if (c->band == MC_BAND_UNKNOWN)
		a->unknown_ages++;
	/* Unknown ages count as young: then the parents are certainly to be involved. */
	if (c->band != MC_BAND_CHILD)
		a->parents = true;
	if (c->band == MC_BAND_CHILD_AND_PARENTS || c->band == MC_BAND_CHILD)
		a->child = true;
	return 0;
}

enum casus_rc meldcode_discuss_advice(struct casus_ctx *ctx, const char *trajectory_id,
	struct mc_discuss_advice *out, struct casus_err *err)
{
	memset(out, 0, sizeof *out);
	return meldcode_children_each(ctx, trajectory_id, advice_fn, out, err);
}
