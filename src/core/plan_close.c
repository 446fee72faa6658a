/* Closing a case (how it was closed, the relapse risk, who keeps an eye, aftercare)
 * and the plan's signals for the case list: in uitvoering without a future
 * evaluation, overdue actions, and professionals of the plan without consent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/consent.h"
#include "casus/i18n.h"
#include "casus/text.h"
#include "plan_priv.h"

static const char *const closure_names[] = { "positief", "vinger_aan_de_pols" };
static const char *const risk_names[] = { "laag", "midden", "hoog" };

const char *closure_kind_name(enum closure_kind k)
{
	return (unsigned)k < CLOSURE_KIND_COUNT ? closure_names[k] : "?";
}

int closure_kind_parse(const char *s)
{
	for (int i = 0; s && i < CLOSURE_KIND_COUNT; i++)
		if (strcmp(s, closure_names[i]) == 0)
			return i;
	return -1;
}

const char *closure_kind_label(enum closure_kind k)
{
	switch (k) {
	case CLOSURE_POSITIEF: return _("closed positively");
	case CLOSURE_VINGER_AAN_DE_POLS: return _("closed with someone keeping an eye (vinger aan de pols)");
	default: return "?";
	}
}

const char *relapse_risk_name(enum relapse_risk r)
{
	return (unsigned)r < RISK_COUNT ? risk_names[r] : "?";
}

int relapse_risk_parse(const char *s)
{
	for (int i = 0; s && i < RISK_COUNT; i++)
		if (strcmp(s, risk_names[i]) == 0)
			return i;
	return -1;
}

const char *relapse_risk_label(enum relapse_risk r)
{
	switch (r) {
	case RISK_LAAG: return _("low");
	case RISK_MIDDEN: return _("medium");
	case RISK_HOOG: return _("high");
	default: return "?";
	}
}

/* ---- closure ---- */

static enum casus_rc check_closure(const struct plan_closure_new *in, struct casus_err *err)
{
	enum casus_rc r;
	if (!in || (unsigned)in->kind >= CLOSURE_KIND_COUNT)
		return err_set(err, CASUS_E_INVALID,
			_("Say how the case is closed: positief or met vinger aan de pols."));
	if ((unsigned)in->risk >= RISK_COUNT)
		return err_set(err, CASUS_E_INVALID,
			_("Estimate the risk of relapse: laag, midden or hoog."));
	if ((r = text_check(_("The aftercare agreement"), in->aftercare, 4000, TEXT_MULTILINE, err))
	    || (r = plan_check_date(_("The aftercare date"), in->aftercare_on, false, false, err)))
		return r;
	if (in->kind != CLOSURE_VINGER_AAN_DE_POLS)
		return CASUS_OK;
	if ((r = text_check(_("Who keeps an eye"), in->watcher, 200, TEXT_LINE, err))
	    || (r = plan_check_date(_("Until when"), in->watch_until, true, false, err)))
		return r;
	char today[11];
	clock_today(today);
	if (strcmp(in->watch_until, today) < 0)
		return err_set(err, CASUS_E_INVALID,
			_("Keeping an eye until %s lies in the past."), in->watch_until);
	return CASUS_OK;
}

static const char SQL_CLOSURE_ADD[] =
	"INSERT INTO closure(id, family_id, kind, watcher, watch_until, relapse_risk, aftercare,"
	" aftercare_on, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

static enum casus_rc insert_closure(struct casus_ctx *ctx, const struct family *f,
	const struct plan_closure_new *in, const char *id, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	bool watch = in->kind == CLOSURE_VINGER_AAN_DE_POLS;
	sqlite3_stmt *st = db_stmt(ctx, SQL_CLOSURE_ADD, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, closure_kind_name(in->kind), -1, SQLITE_STATIC);
	db_bind_text(st, 4, watch ? in->watcher : NULL);
	db_bind_text(st, 5, watch ? in->watch_until : NULL);
	sqlite3_bind_text(st, 6, relapse_risk_name(in->risk), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, in->aftercare, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 8, in->aftercare_on);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_TRANSIENT);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (r)
		return r;
	char detail[80];
	snprintf(detail, sizeof detail, "closure %s, risk %s", closure_kind_name(in->kind),
		relapse_risk_name(in->risk));
	return audit_log(ctx, AUDIT_CREATE, f->id, "closure", id, detail, err);
}

enum casus_rc plan_record_closure(struct casus_ctx *ctx, const char *family_key,
	const struct plan_closure_new *in, struct plan_closure *out, struct casus_err *err)
{
	enum casus_rc r;
	struct family f;
	char id[CASUS_ID_LEN];
	if ((r = plan_require_member(ctx, err)) || (r = check_closure(in, err))
	    || (r = db_begin(ctx, err)))
		return r;
	if (!(r = family_get(ctx, family_key, &f, err)) && !(r = family_require_open(ctx, f.id, err))) {
		ids_new(id);
		r = insert_closure(ctx, &f, in, id, err);
	}
	if ((r = plan_write_end(ctx, r, err)))
		return r;
	return out ? plan_closure_get(ctx, f.id, out, err) : CASUS_OK;
}

static const char SQL_CLOSURE_GET[] =
	"SELECT c.id, c.family_id, c.kind, c.watcher, c.watch_until, c.relapse_risk, c.aftercare,"
	" c.aftercare_on, c.recorded_at, m.name FROM closure c LEFT JOIN member m"
	" ON m.id = c.recorded_by WHERE c.family_id = ?1 ORDER BY c.recorded_at DESC, c.rowid DESC"
	" LIMIT 1";

enum casus_rc plan_closure_get(struct casus_ctx *ctx, const char *family_id,
	struct plan_closure *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_CLOSURE_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		db_col_text(st, 0, out->id, sizeof out->id);
		db_col_text(st, 1, out->family_id, sizeof out->family_id);
		int k = closure_kind_parse((const char *)sqlite3_column_text(st, 2));
		out->kind = k < 0 ? CLOSURE_POSITIEF : (enum closure_kind)k;
		db_col_text(st, 3, out->watcher, sizeof out->watcher);
		db_col_text(st, 4, out->watch_until, sizeof out->watch_until);
		int risk = relapse_risk_parse((const char *)sqlite3_column_text(st, 5));
		out->risk = risk < 0 ? RISK_MIDDEN : (enum relapse_risk)risk;
		db_col_text(st, 6, out->aftercare, sizeof out->aftercare);
		db_col_text(st, 7, out->aftercare_on, sizeof out->aftercare_on);
		db_col_text(st, 8, out->recorded_at, sizeof out->recorded_at);
		db_col_text(st, 9, out->recorded_by_name, sizeof out->recorded_by_name);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("No closure has been recorded for this family."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- flags ---- */

/* The version the flags look at: the agreed one, else the draft. */
static const char SQL_FLAG_BASE[] =
	"SELECT f.phase, (SELECT count(*) FROM plan WHERE family_id = f.id),"
	" coalesce((SELECT id FROM plan WHERE family_id = f.id AND status = 'agreed'),"
	" (SELECT id FROM plan WHERE family_id = f.id AND status = 'draft'), ''),"
	" EXISTS (SELECT 1 FROM plan WHERE family_id = f.id AND status = 'agreed')"
	" FROM family f WHERE f.id = ?1";
static const char SQL_FLAG_COUNTS[] =
	"SELECT (SELECT count(*) FROM plan_evaluation WHERE plan_id = ?1 AND held_on IS NULL"
	" AND planned_on >= ?2),"
	" (SELECT count(*) FROM plan_action WHERE plan_id = ?1 AND status = 'open'"
	" AND due_on < ?2)";

static enum casus_rc flag_counts(struct casus_ctx *ctx, const char *plan_id, const char *phase,
	struct plan_flags *out, struct casus_err *err)
{
	char today[11];
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_FLAG_COUNTS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->no_future_eval = strcmp(phase, "uitvoering") == 0
			&& sqlite3_column_int(st, 0) == 0;
		out->overdue_actions = sqlite3_column_int(st, 1);
	}
	db_done(st);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

/* Professionals of the plan: active professional parties owning an action or with an
 * arrangement in the version; and the persons whose data they would share. */
static const char SQL_PLAN_PROS[] =
	"SELECT p.id FROM involved_party p WHERE p.family_id = ?1 AND p.kind = 'professional'"
	" AND p.active = 1 AND p.id IN (SELECT owner_party FROM plan_action WHERE plan_id = ?2"
	" UNION SELECT party_id FROM plan_arrangement WHERE plan_id = ?2) ORDER BY p.id";
static const char SQL_PERSONS[] = "SELECT id FROM person WHERE family_id = ?1 ORDER BY id";

static enum casus_rc collect(struct casus_ctx *ctx, const char *sql, const char *a,
	const char *b, char (**ids)[CASUS_ID_LEN], size_t *n, struct casus_err *err)
{
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
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

static enum casus_rc count_missing_consent(struct casus_ctx *ctx, const char *family_id,
	const char *plan_id, int *missing, struct casus_err *err)
{
	char (*pros)[CASUS_ID_LEN] = NULL, (*persons)[CASUS_ID_LEN] = NULL;
	size_t n_pros = 0, n_persons = 0;
	enum casus_rc r = collect(ctx, SQL_PLAN_PROS, family_id, plan_id, &pros, &n_pros, err);
	if (!r && n_pros)
		r = collect(ctx, SQL_PERSONS, family_id, NULL, &persons, &n_persons, err);
	*missing = 0;
	for (size_t i = 0; !r && i < n_persons; i++) {
		for (size_t j = 0; !r && j < n_pros; j++) {
			struct consent_status cs;
			if (!(r = consent_check(ctx, persons[i], pros[j], &cs, err)) && !cs.valid)
				(*missing)++;
		}
	}
	free(pros);
	free(persons);
	return r;
}

enum casus_rc plan_flags(struct casus_ctx *ctx, const char *family_id, struct plan_flags *out,
	struct casus_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(ctx, SQL_FLAG_BASE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	char phase[16] = "", plan_id[CASUS_ID_LEN] = "";
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, phase, sizeof phase);
		out->has_plan = sqlite3_column_int(st, 1) > 0;
		db_col_text(st, 2, plan_id, sizeof plan_id);
		out->agreed = sqlite3_column_int(st, 3) != 0;
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no family with case number %s."),
			family_id ? family_id : "");
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	enum casus_rc r = flag_counts(ctx, plan_id, phase, out, err);
	if (r || !plan_id[0])
		return r;
	return count_missing_consent(ctx, family_id, plan_id, &out->missing_consent, err);
}
