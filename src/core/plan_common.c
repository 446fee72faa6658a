/* The plan module's shared pieces: names and labels of its enums, struct plan memory,
 * and the checks every plan write starts with (see plan_priv.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/text.h"
#include "plan_priv.h"

static int parse_name(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static const char *const status_names[] = { "draft", "agreed", "superseded" };

const char *plan_status_name(enum plan_status s)
{
	return (unsigned)s < PLAN_STATUS_COUNT ? status_names[s] : "?";
}

const char *plan_status_label(enum plan_status s)
{
	switch (s) {
	case PLAN_DRAFT: return _("draft");
	case PLAN_AGREED: return _("agreed");
	case PLAN_SUPERSEDED: return _("superseded");
	default: return "?";
	}
}

static const char *const section_keys[] = { "cause", "request", "strengths", "previous_help",
	"safety_worries", "safety_working_well", "safety_needs_to_happen", "safety_agreements" };

const char *plan_section_key(enum plan_section s)
{
	return (unsigned)s < PLAN_SECTION_COUNT ? section_keys[s] : "?";
}

const char *plan_section_label(enum plan_section s)
{
	switch (s) {
	case PLAN_AANLEIDING: return _("Reason for the request (aanleiding)");
	case PLAN_HULPVRAAG: return _("The family's question (hulpvraag)");
	case PLAN_KRACHTEN: return _("Strengths (krachten)");
	case PLAN_EERDERE_HULP: return _("Earlier help");
	case PLAN_SAFETY_WORRIES: return _("What are we worried about");
	case PLAN_SAFETY_WORKING: return _("What is working well");
	case PLAN_SAFETY_NEEDED: return _("What needs to happen");
	case PLAN_SAFETY_AGREEMENTS: return _("Binding safety agreements");
	default: return "?";
	}
}

static const char *const how_names[] = { "in_person", "phone", "paper" };

const char *plan_agree_how_name(enum plan_agree_how h)
{
	return (unsigned)h < AGREE_HOW_COUNT ? how_names[h] : "?";
}

int plan_agree_how_parse(const char *s)
{
	return parse_name(how_names, AGREE_HOW_COUNT, s);
}

const char *plan_agree_how_label(enum plan_agree_how h)
{
	switch (h) {
	case AGREE_IN_PERSON: return _("in person");
	case AGREE_PHONE: return _("by phone");
	case AGREE_PAPER: return _("signed on paper");
	default: return "?";
	}
}

static const char *const goal_names[] = { "open", "reached", "adjusted", "dropped" };

const char *goal_status_name(enum goal_status s)
{
	return (unsigned)s < GOAL_STATUS_COUNT ? goal_names[s] : "?";
}

int goal_status_parse(const char *s)
{
	return parse_name(goal_names, GOAL_STATUS_COUNT, s);
}

const char *goal_status_label(enum goal_status s)
{
	switch (s) {
	case GOAL_OPEN: return _("open");
	case GOAL_REACHED: return _("reached");
	case GOAL_ADJUSTED: return _("adjusted");
	case GOAL_DROPPED: return _("dropped");
	default: return "?";
	}
}

static const char *const owner_names[] = { "person", "network", "professional", "member" };

const char *plan_owner_kind_name(enum plan_owner_kind k)
{
	return (unsigned)k < OWNER_KIND_COUNT ? owner_names[k] : "?";
}

int plan_owner_kind_parse(const char *s)
{
	return parse_name(owner_names, OWNER_KIND_COUNT, s);
}

const char *plan_owner_kind_label(enum plan_owner_kind k)
{
	switch (k) {
	case OWNER_PERSON: return _("family member");
	case OWNER_NETWORK: return _("network member");
	case OWNER_PROFESSIONAL: return _("professional");
	case OWNER_MEMBER: return _("team member");
	default: return "?";
	}
}

static const char *const action_names[] = { "open", "done", "cancelled" };

const char *action_status_name(enum action_status s)
{
	return (unsigned)s < ACTION_STATUS_COUNT ? action_names[s] : "?";
}

int action_status_parse(const char *s)
{
	return parse_name(action_names, ACTION_STATUS_COUNT, s);
}

const char *action_status_label(enum action_status s)
{
	switch (s) {
	case ACTION_OPEN: return _("open");
	case ACTION_DONE: return _("done");
	case ACTION_CANCELLED: return _("cancelled");
	default: return "?";
	}
}

/* ---- struct plan memory ---- */

void plan_clear(struct plan *p)
{
	for (int i = 0; i < PLAN_SECTION_COUNT; i++)
		free(p->section[i]);
	*p = (struct plan)PLAN_INIT;
}

bool plan_set_section(struct plan *p, enum plan_section s, const char *text)
{
	if ((unsigned)s >= PLAN_SECTION_COUNT)
		return false;
	char *dup = strdup(text ? text : "");
	if (!dup)
		return false;
	free(p->section[s]);
	p->section[s] = dup;
	return true;
}

bool plan_copy(struct plan *dst, const struct plan *src)
{
	struct plan tmp = *src;
	for (int i = 0; i < PLAN_SECTION_COUNT; i++)
		tmp.section[i] = NULL;
	for (int i = 0; i < PLAN_SECTION_COUNT; i++) {
		if (!plan_set_section(&tmp, (enum plan_section)i, src->section[i])) {
			plan_clear(&tmp);
			return false;
		}
	}
	plan_clear(dst);
	*dst = tmp;
	return true;
}

/* ---- checks shared by every write ---- */

enum casus_rc plan_require_member(struct casus_ctx *ctx, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	return CASUS_OK;
}

enum casus_rc plan_check_date(const char *field, const char *d, bool required, bool not_future,
	struct casus_err *err)
{
	if (!d || !*d)
		return required ? err_set(err, CASUS_E_INVALID, _("%s is required"), field) : CASUS_OK;
	if (!clock_parse_date(d, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
			field, d);
	char today[11];
	clock_today(today);
	if (not_future && strcmp(d, today) > 0)
		return err_set(err, CASUS_E_INVALID, _("%s (%s) lies in the future."), field, d);
	return CASUS_OK;
}

enum casus_rc plan_check_scale(const char *field, int v, struct casus_err *err)
{
	if (v == PLAN_SCALE_UNSET || (v >= 0 && v <= 10))
		return CASUS_OK;
	return err_set(err, CASUS_E_INVALID, _("%s must be a number from 0 to 10, not %d."), field,
		v);
}

static const char SQL_HEAD[] =
	"SELECT p.id, p.family_id, f.case_no, p.version, p.status FROM plan p"
	" JOIN family f ON f.id = p.family_id WHERE p.id = ?1";

enum casus_rc plan_head_get(struct casus_ctx *ctx, const char *plan_id, struct plan_head *h,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_HEAD, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id ? plan_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, h->id, sizeof h->id);
		db_col_text(st, 1, h->family_id, sizeof h->family_id);
		db_col_text(st, 2, h->case_no, sizeof h->case_no);
		h->version = sqlite3_column_int(st, 3);
		h->status = (enum plan_status)parse_name(status_names, PLAN_STATUS_COUNT,
			(const char *)sqlite3_column_text(st, 4));
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND,
			_("This plan version no longer exists: it was discarded by someone else."));
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc plan_frozen_error(const struct plan_head *h, struct casus_err *err)
{
	if (h->status == PLAN_SUPERSEDED)
		return err_set(err, CASUS_E_STATE,
			_("Version %d of the plan of family %s is an old version: it stays as it was "
			  "and can only be read."), h->version, h->case_no);
	return err_set(err, CASUS_E_STATE,
		_("Version %d of the plan of family %s was agreed and is frozen. To change the "
		  "plan, start a new draft."), h->version, h->case_no);
}

enum casus_rc plan_write_begin(struct casus_ctx *ctx, const char *plan_id, enum plan_write mode,
	struct plan_head *h, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = plan_require_member(ctx, err)) || (r = db_begin(ctx, err)))
		return r;
	if ((r = plan_head_get(ctx, plan_id, h, err))
	    || (r = family_require_open(ctx, h->family_id, err)))
		goto fail;
	if (h->status == PLAN_SUPERSEDED || (mode == PLAN_WRITE_CONTENT && h->status != PLAN_DRAFT)) {
		r = plan_frozen_error(h, err);
		goto fail;
	}
	return CASUS_OK;
fail:
	db_rollback(ctx);
	return r;
}

enum casus_rc plan_write_end(struct casus_ctx *ctx, enum casus_rc r, struct casus_err *err)
{
	if (r) {
		db_rollback(ctx);
		return r;
	}
	return db_commit(ctx, err);
}

static const char SQL_TOUCH[] =
	"UPDATE plan SET edit_seq = edit_seq + 1, touched_at = ?2, touched_by = ?3"
	" WHERE id = ?1 AND status = 'draft'";

enum casus_rc plan_touch(struct casus_ctx *ctx, const char *plan_id, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_TOUCH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ctx->user.id, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

/* Who removed a row, from the access log (rows of a draft are deleted for real). */
static const char SQL_WHO_DELETED[] =
	"SELECT at, login FROM audit WHERE object_id = ?1 AND event = 'delete'"
	" ORDER BY seq DESC LIMIT 1";

static enum casus_rc row_gone(struct casus_ctx *ctx, const char *id, const char *what,
	struct casus_err *err)
{
	char at[21] = "", login[CASUS_LOGIN_MAX + 1] = "";
	sqlite3_stmt *st = db_stmt(ctx, SQL_WHO_DELETED, err);
	if (st) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW) {
			db_col_text(st, 0, at, sizeof at);
			db_col_text(st, 1, login, sizeof login);
		}
		db_done(st);
	}
	if (login[0])
		return err_set(err, CASUS_E_CONFLICT,
			_("%s was removed from the plan by %s at %s, after you opened it. Your change "
			  "was not saved."), what, login, at);
	return err_set(err, CASUS_E_CONFLICT,
		_("%s was removed from the plan after you opened it. Your change was not saved."),
		what);
}

enum casus_rc plan_row_conflict(struct casus_ctx *ctx, const char *who_sql, const char *id,
	const char *what, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, who_sql, err);
	if (!st)
		return CASUS_E_CONFLICT;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_done(st);
		return row_gone(ctx, id, what, err);
	}
	char at[21], login[CASUS_LOGIN_MAX + 1], name[PLAN_NAME_BUF];
	db_col_text(st, 0, at, sizeof at);
	db_col_text(st, 1, login, sizeof login);
	db_col_text(st, 2, name, sizeof name);
	db_done(st);
	return err_set(err, CASUS_E_CONFLICT,
		_("%s was changed by %s (%s) at %s, after you opened it. Your change was not "
		  "saved; look at their change and make yours again."), what, name, login, at);
}

enum casus_rc plan_row_plan(struct casus_ctx *ctx, const char *sql, const char *row_id,
	char plan_id[static CASUS_ID_LEN], const char *what, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, row_id ? row_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, plan_id, CASUS_ID_LEN);
	db_done(st);
	if (rc == SQLITE_DONE)
		return row_gone(ctx, row_id ? row_id : "", what, err);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

int plan_next_position(struct casus_ctx *ctx, const char *sql, const char *plan_id)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, NULL);
	if (!st)
		return 1;
	sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_TRANSIENT);
	int pos = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) + 1 : 1;
	db_done(st);
	return pos;
}

void plan_bind_int_or_null(sqlite3_stmt *st, int idx, int v)
{
	if (v < 0)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int(st, idx, v);
}

int plan_col_int(sqlite3_stmt *st, int col, int def)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? def : sqlite3_column_int(st, col);
}

enum casus_rc plan_audit(struct casus_ctx *ctx, enum audit_event ev, const struct plan_head *h,
	const char *object_type, const char *object_id, const char *what, struct casus_err *err)
{
	char detail[160];
	snprintf(detail, sizeof detail, "plan v%d: %s", h->version, what);
	return audit_log(ctx, ev, h->family_id, object_type, object_id, detail, err);
}
