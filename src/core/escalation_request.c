/* Escalations, the requester's side: requesting (with "no approval needed" recorded at
 * once when the team setting says so), acting at once on an acute request (safety
 * never waits), answering a question of the gedragswetenschapper, and withdrawing. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/i18n.h"
#include "casus/setting.h"
#include "casus/text.h"

struct level_match {
	const char *want;
	bool found;
};

static void match_level(void *arg, const char *item)
{
	struct level_match *m = arg;
	if (strcmp(m->want, item) == 0)
		m->found = true;
}

/* Opschalen names a level from the team's own list (local policy); other kinds none. */
static enum casus_rc check_level(struct casus_ctx *ctx, const struct escalation_new *in,
	struct casus_err *err)
{
	char levels[4001];
	if (in->kind != ESC_OPSCHALEN) {
		if (in->level && *in->level)
			return err_set(err, CASUS_E_INVALID,
				_("Only opschalen has a level; leave it out for %s."),
				escalation_kind_label(in->kind));
		return CASUS_OK;
	}
	setting_get(ctx, "escalation.opschalen_levels", levels, sizeof levels);
	for (char *p = levels; (p = strchr(p, '\n')); )
		*p = ',';
	if (!in->level || !*in->level)
		return err_set(err, CASUS_E_INVALID,
			_("Opschalen needs a level: one of %s."), levels);
	struct level_match m = { in->level, false };
	setting_each_item(ctx, "escalation.opschalen_levels", match_level, &m);
	if (!m.found)
		return err_set(err, CASUS_E_INVALID,
			_("Unknown level '%.60s' for opschalen: use one of %s."), in->level, levels);
	return CASUS_OK;
}

static enum casus_rc check_new(struct casus_ctx *ctx, const struct escalation_new *in,
	struct casus_err *err)
{
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if (!in->family || !*in->family)
		return err_set(err, CASUS_E_INVALID, _("Say for which family (a case number)."));
	if ((unsigned)in->kind >= ESC_KIND_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown kind of escalation (specialistisch, "
			"veilig_thuis, raad, opschalen, crisis)."));
	if ((unsigned)in->urgency >= URGENCY_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown urgency (normaal, hoog, acuut)."));
	if ((r = text_check(_("The reason"), in->reason, ESC_TEXT_MAX, TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("What was tried"), in->tried, ESC_TEXT_MAX,
			TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("What is asked"), in->asked, ESC_TEXT_MAX,
			TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("What was done"), in->acted_note, ESC_TEXT_MAX,
			TEXT_MULTILINE, err))
	    || (r = check_level(ctx, in, err)))
		return r;
	if (in->acted && in->urgency != URGENCY_ACUUT)
		return err_set(err, CASUS_E_INVALID,
			_("Only an acute request can be acted on before approval; mark it acuut."));
	if (!in->acted && in->acted_note && *in->acted_note)
		return err_set(err, CASUS_E_INVALID,
			_("'What was done' belongs to a request that was acted on at once."));
	if (in->meldcode_id && *in->meldcode_id && strlen(in->meldcode_id) != CASUS_ID_LEN - 1)
		return err_set(err, CASUS_E_INVALID, _("The meldcode trajectory id is not valid."));
	return CASUS_OK;
}

static const char SQL_INSERT[] =
	"INSERT INTO escalation(id, family_id, kind, level, urgency, reason, tried, asked,"
	" meldcode_id, requested_by, requested_at, approval_required, status,"
	" acted_before_approval, acted_at, acted_by, acted_note, decided_by, decided_at,"
	" rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	" ?18, ?19, 1, ?11, ?10)";

/* One insert; when no approval is needed the row is decided by the requester at once. */
static enum casus_rc insert_row(struct casus_ctx *ctx, const struct escalation_new *in,
	const char *id, const char *family_id, bool approval, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, escalation_kind_name(in->kind), -1, SQLITE_STATIC);
	db_bind_text(st, 4, in->kind == ESC_OPSCHALEN ? in->level : NULL);
	sqlite3_bind_text(st, 5, escalation_urgency_name(in->urgency), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, in->reason, -1, SQLITE_STATIC);
	db_bind_text(st, 7, in->tried);
	db_bind_text(st, 8, in->asked);
	db_bind_text(st, 9, in->meldcode_id);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, now, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 12, approval);
	sqlite3_bind_text(st, 13, approval ? "pending" : "approved", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 14, in->acted && approval);
	db_bind_text(st, 15, in->acted ? now : NULL);
	db_bind_text(st, 16, in->acted ? ctx->user.id : NULL);
	db_bind_text(st, 17, in->acted ? in->acted_note : NULL);
	db_bind_text(st, 18, approval ? NULL : ctx->user.id);
	db_bind_text(st, 19, approval ? NULL : now);
	return db_exec_stmt(ctx, st, err);
}

/* The history and the access log of a new request. */
static enum casus_rc log_request(struct casus_ctx *ctx, const struct escalation_new *in,
	const char *id, const char *family_id, bool approval, struct casus_err *err)
{
	enum casus_rc r;
	enum escalation_status to = approval ? ESC_PENDING : ESC_APPROVED;
	if ((r = escalation_add_event(ctx, id, "request", -1, to,
			NULL, NULL, false, err)))
		return r;
	if (in->acted && approval
	    && (r = escalation_add_event(ctx, id, "act", ESC_PENDING, ESC_PENDING,
			in->acted_note, NULL, false, err)))
		return r;
	char detail[160];
	snprintf(detail, sizeof detail, "request %s %s%s%s", escalation_kind_name(in->kind),
		escalation_urgency_name(in->urgency), approval ? "" : ", no approval needed",
		in->acted && approval ? ", acted before approval" : "");
	return audit_log(ctx, AUDIT_CREATE, family_id, "escalation", id, detail, err);
}

enum casus_rc escalation_request(struct casus_ctx *ctx, const struct escalation_new *in,
	struct escalation *out, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = check_new(ctx, in, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	struct family f;
	char id[CASUS_ID_LEN];
	ids_new(id);
	/* The setting is read inside the transaction: the request keeps the policy that
	 * held when it was made, even if a teamleider changes it later. */
	bool approval = escalation_needs_approval(ctx, in->kind);
	if ((r = family_get(ctx, in->family, &f, err))
	    || (r = family_require_open(ctx, f.id, err))
	    || (r = insert_row(ctx, in, id, f.id, approval, err))
	    || (r = log_request(ctx, in, id, f.id, approval, err))) {
		db_rollback(ctx);
		return r;
	}
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? escalation_get(ctx, id, out, err) : CASUS_OK;
}

/* The requester, or whoever has regie now (they carry the case if the requester
 * is away), may act on, or answer for, a request. */
static bool is_coach_of(struct casus_ctx *ctx, const struct escalation *cur)
{
	return strcmp(cur->requested_by_id, ctx->user.id) == 0
	       || (cur->regie_id[0] && strcmp(cur->regie_id, ctx->user.id) == 0);
}

static bool undecided(const struct escalation *e)
{
	return e->status == ESC_PENDING || e->status == ESC_INFO_REQUESTED;
}

static enum casus_rc check_act(struct casus_ctx *ctx, const struct escalation *cur,
	struct casus_err *err)
{
	if (!is_coach_of(ctx, cur))
		return err_set(err, CASUS_E_PERM, _("Only the requester (%s) or the family's "
			"regievoerder records acting on this escalation."), cur->requested_by_name);
	if (!cur->approval_required)
		return err_set(err, CASUS_E_STATE,
			_("This escalation needed no approval; nothing waits for a decision."));
	if (!undecided(cur))
		return err_set(err, CASUS_E_STATE, _("This escalation is already %s."),
			escalation_status_label(cur->status));
	if (cur->urgency != URGENCY_ACUUT)
		return err_set(err, CASUS_E_STATE,
			_("Only an acute request can be acted on before approval."));
	if (cur->acted_before_approval)
		return err_set(err, CASUS_E_STATE, _("Acting on it was already recorded at %s."),
			cur->acted_at);
	return family_require_open(ctx, cur->family_id, err);
}

enum casus_rc escalation_act(struct casus_ctx *ctx, struct escalation *e, const char *note,
	struct casus_err *err)
{
	struct escalation cur;
	enum casus_rc r = text_check_optional(_("What was done"), note, ESC_TEXT_MAX,
		TEXT_MULTILINE, err);
	if (r || (r = escalation_begin_change(ctx, e, &cur, err)))
		return r;
	if (!(r = check_act(ctx, &cur, err))) {
		cur.acted_before_approval = true;
		clock_now_iso(cur.acted_at);
		snprintf(cur.acted_by_id, sizeof cur.acted_by_id, "%s", ctx->user.id);
		snprintf(cur.acted_note, sizeof cur.acted_note, "%s", note ? note : "");
		r = escalation_store(ctx, &cur, e->rev, "act", cur.status, note, NULL, err);
	}
	return escalation_end_change(ctx, e, r, err);
}

enum casus_rc escalation_answer(struct casus_ctx *ctx, struct escalation *e,
	const char *answer, struct casus_err *err)
{
	struct escalation cur;
	enum casus_rc r = text_check(_("The answer"), answer, ESC_TEXT_MAX, TEXT_MULTILINE, err);
	if (r || (r = escalation_begin_change(ctx, e, &cur, err)))
		return r;
	if (!is_coach_of(ctx, &cur))
		r = err_set(err, CASUS_E_PERM, _("Only the requester (%s) or the family's "
			"regievoerder answers this question."), cur.requested_by_name);
	else if (cur.status != ESC_INFO_REQUESTED)
		r = err_set(err, CASUS_E_STATE, _("No question is waiting for an answer: the "
			"escalation is %s."), escalation_status_label(cur.status));
	else if (!cur.acted_before_approval) /* see escalation_decide */
		r = family_require_open(ctx, cur.family_id, err);
	if (!r) {
		cur.status = ESC_PENDING;
		r = escalation_store(ctx, &cur, e->rev, "answer", ESC_INFO_REQUESTED, answer, NULL,
			err);
	}
	return escalation_end_change(ctx, e, r, err);
}

static enum casus_rc check_withdraw(struct casus_ctx *ctx, const struct escalation *cur,
	struct casus_err *err)
{
	if (strcmp(cur->requested_by_id, ctx->user.id) != 0)
		return err_set(err, CASUS_E_PERM,
			_("Only the requester (%s) may withdraw this escalation."),
			cur->requested_by_name);
	if (cur->status != ESC_PENDING)
		return err_set(err, CASUS_E_STATE,
			_("Only a pending request can be withdrawn; this one is %s."),
			escalation_status_label(cur->status));
	if (cur->acted_before_approval)
		return err_set(err, CASUS_E_STATE,
			_("This request was acted on at %s before approval, so it cannot be "
			  "withdrawn: it waits for a retroactive decision."), cur->acted_at);
	return family_require_open(ctx, cur->family_id, err);
}

enum casus_rc escalation_withdraw(struct casus_ctx *ctx, struct escalation *e,
	const char *reason, struct casus_err *err)
{
	struct escalation cur;
	enum casus_rc r = text_check_optional(_("The reason"), reason, ESC_TEXT_MAX,
		TEXT_MULTILINE, err);
	if (r || (r = escalation_begin_change(ctx, e, &cur, err)))
		return r;
	if (!(r = check_withdraw(ctx, &cur, err))) {
		cur.status = ESC_WITHDRAWN;
		r = escalation_store(ctx, &cur, e->rev, "withdraw", ESC_PENDING, reason, NULL, err);
	}
	return escalation_end_change(ctx, e, r, err);
}
