/* The five meldcode steps: reading their states, changing them with optimistic
 * concurrency (a stale rev names who changed the step and when), the step log that
 * keeps every change, and what "recorded" means for steps 1-4 - the precondition of
 * every decision and of closing. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "casus/text.h"

static const char SQL_STEPS[] =
	"SELECT s.step, s.state, s.skip_reason, s.skip_note, s.rev, s.updated_at, m.login, m.name"
	" FROM meldcode_step s LEFT JOIN member m ON m.id = s.updated_by"
	" WHERE s.trajectory_id = ?1 ORDER BY s.step";

static void read_step(sqlite3_stmt *st, const char *traj, struct meldcode_step *s)
{
	memset(s, 0, sizeof *s);
	snprintf(s->trajectory_id, sizeof s->trajectory_id, "%s", traj);
	s->step = sqlite3_column_int(st, 0);
	int state = mc_state_parse(mc_col(st, 1));
	s->state = state < 0 ? MC_NOT_STARTED : (enum mc_step_state)state;
	int reason = mc_skip_parse(mc_col(st, 2));
	s->skip_reason = reason < 0 ? MC_SKIP_NONE : (enum mc_skip_reason)reason;
	db_col_text(st, 3, s->skip_note, sizeof s->skip_note);
	s->rev = sqlite3_column_int64(st, 4);
	db_col_text(st, 5, s->updated_at, sizeof s->updated_at);
	db_col_text(st, 6, s->updated_by_login, sizeof s->updated_by_login);
	db_col_text(st, 7, s->updated_by_name, sizeof s->updated_by_name);
}

enum casus_rc meldcode_steps(struct casus_ctx *ctx, const char *trajectory_id,
	struct meldcode_step out[MC_STEPS], struct casus_err *err)
{
	char traj[CASUS_ID_LEN];
	snprintf(traj, sizeof traj, "%s", trajectory_id ? trajectory_id : "");
	sqlite3_stmt *st = db_stmt(ctx, SQL_STEPS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, traj, -1, SQLITE_STATIC);
	int rc, n = 0;
	struct meldcode_step s;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_step(st, traj, &s);
		if (s.step >= 1 && s.step <= MC_STEPS) {
			out[s.step - 1] = s;
			n++;
		}
	}
	db_done(st);
	if (rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	if (n != MC_STEPS)
		return err_set(err, CASUS_E_NOTFOUND,
			_("There is no meldcode trajectory with id %.40s."), traj);
	return CASUS_OK;
}

/* ---- the step log and forced changes (inside a caller's transaction) ---- */

static const char SQL_LOG[] =
	"INSERT INTO meldcode_step_log(id, trajectory_id, step, from_state, to_state,"
	" skip_reason, skip_note, cause, author_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

static enum casus_rc log_change(struct casus_ctx *ctx, const struct meldcode *m, int step,
	enum mc_step_state from, enum mc_step_state to, enum mc_skip_reason reason,
	const char *note, const char *cause, struct casus_err *err)
{
	char id[CASUS_ID_LEN], now[21], detail[96];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_LOG, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, step);
	sqlite3_bind_text(st, 4, mc_state_name(from), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, mc_state_name(to), -1, SQLITE_STATIC);
	db_bind_text(st, 6, to == MC_SKIPPED ? mc_skip_name(reason) : NULL);
	db_bind_text(st, 7, to == MC_SKIPPED ? note : NULL);
	sqlite3_bind_text(st, 8, cause, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, ctx->user.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, now, -1, SQLITE_STATIC);
	if (db_exec_stmt(ctx, st, err))
		return err->rc;
	snprintf(detail, sizeof detail, "step %d %s -> %s (%s)", step, mc_state_name(from),
		mc_state_name(to), cause);
	return audit_log(ctx, AUDIT_UPDATE, m->family_id, "meldcode_step", m->id, detail, err);
}

static const char SQL_STATE[] =
	"SELECT state FROM meldcode_step WHERE trajectory_id = ?1 AND step = ?2";
static const char SQL_FORCE[] =
	"UPDATE meldcode_step SET state = ?3, skip_reason = NULL, skip_note = NULL, rev = rev + 1,"
	" updated_at = ?4, updated_by = ?5 WHERE trajectory_id = ?1 AND step = ?2";

enum casus_rc mc_step_force(struct casus_ctx *ctx, const struct meldcode *m, int step,
	enum mc_step_state to, unsigned only_from, const char *cause, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_STATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, step);
	int state = sqlite3_step(st) == SQLITE_ROW ? mc_state_parse(mc_col(st, 0)) : -1;
	db_done(st);
	if (state < 0)
		return err_set(err, CASUS_E_DB, "internal error: meldcode step %d missing", step);
	if (state == (int)to || (only_from && !(only_from & (1u << state))))
		return CASUS_OK;
	char now[21];
	clock_now_iso(now);
	if (!(st = db_stmt(ctx, SQL_FORCE, err)))
		return err->rc;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, step);
	sqlite3_bind_text(st, 3, mc_state_name(to), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ctx->user.id, -1, SQLITE_STATIC);
	if (db_exec_stmt(ctx, st, err))
		return err->rc;
	return log_change(ctx, m, step, (enum mc_step_state)state, to, MC_SKIP_NONE, NULL, cause,
		err);
}

enum casus_rc mc_entry_added(struct casus_ctx *ctx, const struct meldcode *m, int step,
	const char *object_type, const char *id, const char *detail, struct casus_err *err)
{
	enum casus_rc r;
	unsigned from = (1u << MC_NOT_STARTED) | (1u << MC_SKIPPED);
	if (step >= 1 && step <= MC_STEPS
	    && (r = mc_step_force(ctx, m, step, MC_IN_PROGRESS, from, "entry", err)))
		return r;
	return audit_log(ctx, AUDIT_CREATE, m->family_id, object_type, id, detail, err);
}

/* ---- what is recorded ---- */

struct counts {
	int signals, kindchecks, consultations, conversations, weighings, decisions;
	bool skipped3;
};

static const char SQL_COUNTS[] =
	"SELECT (SELECT count(*) FROM meldcode_signal WHERE trajectory_id = ?1),"
	" (SELECT count(*) FROM meldcode_kindcheck WHERE trajectory_id = ?1),"
	" (SELECT count(*) FROM meldcode_consultation WHERE trajectory_id = ?1),"
	" (SELECT count(*) FROM meldcode_conversation WHERE trajectory_id = ?1),"
	" (SELECT count(*) FROM meldcode_weighing WHERE trajectory_id = ?1),"
	" (SELECT count(*) FROM meldcode_decision WHERE trajectory_id = ?1),"
	" (SELECT state = 'skipped' FROM meldcode_step WHERE trajectory_id = ?1 AND step = 3)";

static enum casus_rc count_entries(struct casus_ctx *ctx, const char *traj, struct counts *c,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_COUNTS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, traj, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->signals = sqlite3_column_int(st, 0);
		c->kindchecks = sqlite3_column_int(st, 1);
		c->consultations = sqlite3_column_int(st, 2);
		c->conversations = sqlite3_column_int(st, 3);
		c->weighings = sqlite3_column_int(st, 4);
		c->decisions = sqlite3_column_int(st, 5);
		c->skipped3 = sqlite3_column_int(st, 6) != 0;
	}
	db_done(st);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

/* Has the step the entries that make it "recorded"? (Step 3: or a valid skip.) */
static bool recorded(const struct meldcode *m, const struct counts *c, int step)
{
	switch (step) {
	case 1: return c->signals > 0 && (m->client != MC_CLIENT_ADULT || c->kindchecks > 0);
	case 2: return c->consultations > 0;
	case 3: return c->conversations > 0 || c->skipped3;
	case 4: return c->weighings > 0;
	case 5: return c->decisions > 0;
	default: return false;
	}
}

enum casus_rc mc_steps_missing(struct casus_ctx *ctx, const struct meldcode *m,
	unsigned *missing, struct casus_err *err)
{
	struct counts c = { 0 };
	enum casus_rc r = count_entries(ctx, m->id, &c, err);
	*missing = 0;
	for (int step = 1; !r && step <= 4; step++)
		if (!recorded(m, &c, step))
			*missing |= 1u << step;
	return r;
}

enum casus_rc mc_missing_error(unsigned missing, const char *what, struct casus_err *err)
{
	char list[600] = "";
	const char *parts[5] = {
		NULL, _("step 1: signals (and the kindcheck for an adult client)"),
		_("step 2: a collegial consultation"),
		_("step 3: a conversation with the client, or a skip for one of the two allowed "
		  "reasons"),
		_("step 4: the weighing"),
	};
	for (int step = 1; step <= 4; step++) {
		if (!(missing & (1u << step)))
			continue;
		size_t len = strlen(list);
		snprintf(list + len, sizeof list - len, "%s%s", len ? "; " : "", parts[step]);
	}
	return err_set(err, CASUS_E_STATE,
		_("%s needs steps 1 to 4 of the meldcode recorded first. Still missing: %s."), what,
		list);
}

/* ---- changing a step by hand ---- */

static enum casus_rc step_conflict(const struct meldcode_step *cur, struct casus_err *err)
{
	return err_set(err, CASUS_E_CONFLICT,
		_("Step %d (%s) was changed by %s (%s) at %s, after you opened it. Your change was "
		  "not saved; look at their change and make yours again."),
		cur->step, mc_step_label(cur->step), cur->updated_by_name, cur->updated_by_login,
		cur->updated_at);
}

static enum casus_rc check_transition(const struct meldcode *m, const struct counts *c,
	int step, enum mc_step_state to, struct casus_err *err)
{
	bool has = recorded(m, c, step) && !(step == 3 && c->conversations == 0);
	if (to == MC_SKIPPED && step != 3)
		return err_set(err, CASUS_E_INVALID,
			_("Only step 3 (the conversation with the client) may be skipped."));
	if (to == MC_SKIPPED && c->conversations > 0)
		return err_set(err, CASUS_E_STATE,
			_("A conversation with the client is already recorded; step 3 cannot be "
			  "skipped."));
	if (to == MC_DONE && !has && step == 1 && m->client == MC_CLIENT_ADULT && c->signals > 0)
		return err_set(err, CASUS_E_STATE,
			_("Record the kindcheck before marking step 1 done."));
	if (to == MC_DONE && !has)
		return err_set(err, CASUS_E_STATE,
			_("Step %d has nothing recorded yet, so it cannot be done."), step);
	if (to == MC_NOT_STARTED && (has || (step == 1 && c->kindchecks > 0)))
		return err_set(err, CASUS_E_STATE,
			_("Step %d has entries, so it has started; entries are never removed."), step);
	return CASUS_OK;
}

static enum casus_rc check_skip_args(const struct meldcode_step *s, enum mc_step_state to,
	enum mc_skip_reason reason, const char *explanation, struct casus_err *err)
{
	if (s->step < 1 || s->step > MC_STEPS || (unsigned)to >= MC_STATE_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown step or state."));
	if (to != MC_SKIPPED)
		return reason == MC_SKIP_NONE ? CASUS_OK : err_set(err, CASUS_E_INVALID,
			_("A reason to skip goes only with skipping step 3."));
	if (reason != MC_SKIP_SAFETY && reason != MC_SKIP_CONTACT_BREAK)
		return err_set(err, CASUS_E_INVALID,
			_("Step 3 may only be skipped when the safety of the child, others or the "
			  "professional is at risk, or when there is good reason to think the client "
			  "will break off contact. Choose one of these reasons."));
	return text_check(_("The explanation of the skip"), explanation, MC_NOTE_MAX,
		TEXT_MULTILINE, err);
}

static const char SQL_SET[] =
	"UPDATE meldcode_step SET state = ?4, skip_reason = ?5, skip_note = ?6, rev = rev + 1,"
	" updated_at = ?7, updated_by = ?8 WHERE trajectory_id = ?1 AND step = ?2 AND rev = ?3";

static enum casus_rc write_state(struct casus_ctx *ctx, const struct meldcode *m,
	const struct meldcode_step *s, enum mc_step_state to, enum mc_skip_reason reason,
	const char *note, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_SET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, s->step);
	sqlite3_bind_int64(st, 3, s->rev);
	sqlite3_bind_text(st, 4, mc_state_name(to), -1, SQLITE_STATIC);
	db_bind_text(st, 5, to == MC_SKIPPED ? mc_skip_name(reason) : NULL);
	db_bind_text(st, 6, to == MC_SKIPPED ? note : NULL);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, ctx->user.id, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc meldcode_step_set(struct casus_ctx *ctx, struct meldcode_step *s,
	enum mc_step_state to, enum mc_skip_reason reason, const char *explanation,
	struct casus_err *err)
{
	struct meldcode m;
	struct meldcode_step all[MC_STEPS];
	struct counts c = { 0 };
	enum casus_rc r = check_skip_args(s, to, reason, explanation, err);
	if (r || (r = mc_begin(ctx, s->trajectory_id, &m, err)))
		return r;
	if ((r = meldcode_steps(ctx, m.id, all, err)) || (r = count_entries(ctx, m.id, &c, err)))
		return mc_end(ctx, r, err);
	const struct meldcode_step *cur = &all[s->step - 1];
	if (cur->rev != s->rev)
		return mc_end(ctx, step_conflict(cur, err), err);
	bool same_skip = to != MC_SKIPPED || (cur->skip_reason == reason
					     && strcmp(cur->skip_note, explanation) == 0);
	if (cur->state == to && same_skip)
		return mc_end(ctx, CASUS_OK, err);
	if ((r = check_transition(&m, &c, s->step, to, err))
	    || (r = write_state(ctx, &m, s, to, reason, explanation, err)))
		return mc_end(ctx, r, err);
	if (sqlite3_changes(ctx->db) == 0)
		return mc_end(ctx, step_conflict(cur, err), err);
	r = log_change(ctx, &m, s->step, cur->state, to, reason, explanation, "manual", err);
	if ((r = mc_end(ctx, r, err)))
		return r;
	if ((r = meldcode_steps(ctx, m.id, all, err)))
		return r;
	*s = all[s->step - 1];
	return CASUS_OK;
}

/* ---- the step log ---- */

static const char SQL_STEP_LOG[] =
	"SELECT l.step, l.from_state, l.to_state, l.skip_reason, l.skip_note, l.cause, a.login,"
	" a.name, l.created_at FROM meldcode_step_log l LEFT JOIN member a ON a.id = l.author_id"
	" WHERE l.trajectory_id = ?1 ORDER BY l.created_at, l.rowid";

enum casus_rc meldcode_step_log(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_step_change *x), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_STEP_LOG, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, trajectory_id ? trajectory_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct mc_step_change x;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x.step = sqlite3_column_int(st, 0);
		int from = mc_state_parse(mc_col(st, 1)), to = mc_state_parse(mc_col(st, 2));
		int reason = mc_skip_parse(mc_col(st, 3));
		x.from = from < 0 ? MC_NOT_STARTED : (enum mc_step_state)from;
		x.to = to < 0 ? MC_NOT_STARTED : (enum mc_step_state)to;
		x.reason = reason < 0 ? MC_SKIP_NONE : (enum mc_skip_reason)reason;
		x.note = mc_col(st, 4);
		x.cause = mc_col(st, 5);
		x.author_login = mc_col(st, 6);
		x.author_name = mc_col(st, 7);
		x.created_at = mc_col(st, 8);
		if (fn(arg, &x))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}
