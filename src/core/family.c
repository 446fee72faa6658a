/* Families: registering, reading, optimistic-concurrency updates, phases. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/plan.h"
#include "casus/text.h"

static const char *const phase_names[] = { "aanmelding", "intake", "plan", "uitvoering",
	"afsluiting", "afgesloten" };
static const char *const framework_names[] = { "vrijwillig", "drang", "dwang" };
const char *const family_referral_sources[] = { "ouders", "jeugdige", "school", "huisarts",
	"jeugdarts", "politie", "veilig_thuis", "wijkteam", "rechter", "overig", NULL };

const char *family_phase_name(enum family_phase p)
{
	return (unsigned)p < PHASE_COUNT ? phase_names[p] : "?";
}

const char *family_phase_label(enum family_phase p)
{
	switch (p) {
	case PHASE_AANMELDING: return _("aanmelding");
	case PHASE_INTAKE: return _("intake");
	case PHASE_PLAN: return _("plan");
	case PHASE_UITVOERING: return _("uitvoering");
	case PHASE_AFSLUITING: return _("afsluiting");
	case PHASE_AFGESLOTEN: return _("afgesloten");
	default: return "?";
	}
}

const char *family_phase_short(enum family_phase p)
{
	static const char *const s[] = { "aanm", "intake", "plan", "uitv", "afsl", "gesl" };
	return (unsigned)p < PHASE_COUNT ? s[p] : "?";
}

int family_phase_parse(const char *s)
{
	for (int i = 0; s && i < PHASE_COUNT; i++)
		if (strcmp(s, phase_names[i]) == 0)
			return i;
	return -1;
}

const char *family_framework_name(enum family_framework f)
{
	return (unsigned)f < FRAMEWORK_COUNT ? framework_names[f] : "?";
}

int family_framework_parse(const char *s)
{
	for (int i = 0; s && i < FRAMEWORK_COUNT; i++)
		if (strcmp(s, framework_names[i]) == 0)
			return i;
	return -1;
}

bool family_referral_source_valid(const char *s)
{
	for (int i = 0; s && family_referral_sources[i]; i++)
		if (strcmp(s, family_referral_sources[i]) == 0)
			return true;
	return false;
}

#define FAMILY_COLS \
	"f.id, f.case_no, f.display_name, f.phase, f.triage, f.framework, f.referral_kind," \
	" f.referral_source, f.address, f.phone, f.registered_on, f.first_contact_on," \
	" f.first_visit_on, f.closed_on, f.regie_id, rm.login, rm.name, f.next_eval_on," \
	" f.reopen_count, f.rev, f.updated_at, um.login, um.name"
#define FAMILY_FROM \
	" FROM family f LEFT JOIN member rm ON rm.id = f.regie_id" \
	" LEFT JOIN member um ON um.id = f.updated_by"

static void read_family(sqlite3_stmt *st, struct family *f)
{
	memset(f, 0, sizeof *f);
	db_col_text(st, 0, f->id, sizeof f->id);
	db_col_text(st, 1, f->case_no, sizeof f->case_no);
	db_col_text(st, 2, f->display_name, sizeof f->display_name);
	f->phase = (enum family_phase)family_phase_parse((const char *)sqlite3_column_text(st, 3));
	const unsigned char *t = sqlite3_column_text(st, 4);
	f->triage = t ? (char)t[0] : 0;
	f->framework = (enum family_framework)family_framework_parse(
		(const char *)sqlite3_column_text(st, 5));
	db_col_text(st, 6, f->referral_kind, sizeof f->referral_kind);
	db_col_text(st, 7, f->referral_source, sizeof f->referral_source);
	db_col_text(st, 8, f->address, sizeof f->address);
	db_col_text(st, 9, f->phone, sizeof f->phone);
	db_col_text(st, 10, f->registered_on, sizeof f->registered_on);
	db_col_text(st, 11, f->first_contact_on, sizeof f->first_contact_on);
	db_col_text(st, 12, f->first_visit_on, sizeof f->first_visit_on);
	db_col_text(st, 13, f->closed_on, sizeof f->closed_on);
	db_col_text(st, 14, f->regie_id, sizeof f->regie_id);
	db_col_text(st, 15, f->regie_login, sizeof f->regie_login);
	db_col_text(st, 16, f->regie_name, sizeof f->regie_name);
	db_col_text(st, 17, f->next_eval_on, sizeof f->next_eval_on);
	f->reopen_count = sqlite3_column_int(st, 18);
	f->rev = sqlite3_column_int64(st, 19);
	db_col_text(st, 20, f->updated_at, sizeof f->updated_at);
	db_col_text(st, 21, f->updated_by_login, sizeof f->updated_by_login);
	db_col_text(st, 22, f->updated_by_name, sizeof f->updated_by_name);
}

static const char SQL_GET[] =
	"SELECT " FAMILY_COLS FAMILY_FROM " WHERE f.case_no = ?1 OR f.id = ?1";

static const char SQL_DESTROYED[] =
	"SELECT substr(destroyed_at, 1, 10) FROM destroyed_case WHERE case_no = ?1";

/* No such family: say so, or that its dossier was destroyed (and when). */
static enum casus_rc not_found(struct casus_ctx *ctx, const char *key, struct casus_err *err)
{
	char on[11] = "";
	sqlite3_stmt *st = db_stmt(ctx, SQL_DESTROYED, err);
	if (st) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_col_text(st, 0, on, sizeof on);
		db_done(st);
	}
	if (on[0])
		return err_set(err, CASUS_E_NOTFOUND, _("The dossier of family %s was destroyed on "
			"%s; casus keeps nothing about it."), key, on);
	return err_set(err, CASUS_E_NOTFOUND, _("There is no family with case number %s."), key);
}

enum casus_rc family_get(struct casus_ctx *ctx, const char *key, struct family *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, key ? key : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_family(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return not_found(ctx, key ? key : "", err);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc family_open(struct casus_ctx *ctx, const char *key, struct family *out,
	struct casus_err *err)
{
	enum casus_rc r = family_get(ctx, key, out, err);
	if (r)
		return r;
	return audit_log(ctx, AUDIT_READ, out->id, "family", out->id, "dossier opened", err);
}

enum casus_rc family_require_open(struct casus_ctx *ctx, const char *family_id,
	struct casus_err *err)
{
	struct family f;
	enum casus_rc r = family_get(ctx, family_id, &f, err);
	if (r)
		return r;
	if (f.phase == PHASE_AFGESLOTEN)
		return err_set(err, CASUS_E_STATE,
			_("Family %s is closed and can only be read; reopen it to make changes."),
			f.case_no);
	return CASUS_OK;
}

/* ---- validation shared by add and update ---- */

static enum casus_rc check_date_not_future(const char *field, const char *d,
	struct casus_err *err)
{
	char today[11];
	if (!d || !*d)
		return CASUS_OK;
	if (!clock_parse_date(d, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
			field, d);
	clock_today(today);
	if (strcmp(d, today) > 0)
		return err_set(err, CASUS_E_INVALID, _("%s (%s) lies in the future."), field, d);
	return CASUS_OK;
}

static enum casus_rc check_fields(const char *name, char triage, const char *kind,
	const char *source, const char *address, const char *phone, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = text_check(_("The family name"), name, CASUS_NAME_MAX, TEXT_LINE, err))
	    || (r = text_check_optional(_("The address"), address, 300, TEXT_LINE, err))
	    || (r = text_check_optional(_("The phone number"), phone, 40, TEXT_LINE, err)))
		return r;
	if (triage && (triage < 'A' || triage > 'D'))
		return err_set(err, CASUS_E_INVALID, _("The triage level must be A, B, C or D."));
	if (kind && strcmp(kind, "aanmelding") != 0 && strcmp(kind, "zorgmelding") != 0)
		return err_set(err, CASUS_E_INVALID,
			_("The kind of referral must be 'aanmelding' or 'zorgmelding'."));
	if (source && !family_referral_source_valid(source))
		return err_set(err, CASUS_E_INVALID,
			_("Unknown referral source '%.40s' (ouders, jeugdige, school, huisarts, "
			  "jeugdarts, politie, veilig_thuis, wijkteam, rechter, overig)."), source);
	return CASUS_OK;
}

/* A destroyed family's number is never given out again (destroyed_case). */
static const char SQL_NEXT_SEQ[] =
	"SELECT max(coalesce((SELECT max(case_seq) FROM family WHERE case_year = ?1), 0),"
	" coalesce((SELECT max(case_seq) FROM destroyed_case WHERE case_year = ?1), 0)) + 1";
static const char SQL_INSERT[] =
	"INSERT INTO family(id, case_year, case_seq, case_no, display_name, sort_name, phase,"
	" triage, framework, referral_kind, referral_source, address, phone, registered_on,"
	" created_at, created_by, rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, printf('%04d-%04d', ?2, ?3), ?4, ?5, 'aanmelding', ?6, ?7, ?8, ?9,"
	" ?10, ?11, ?12, ?13, ?14, 1, ?13, ?14)";
static const char SQL_PHASE_LOG[] =
	"INSERT INTO phase_change(id, family_id, from_phase, to_phase, changed_on, changed_by,"
	" reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static enum casus_rc log_phase(struct casus_ctx *ctx, const char *family_id, const char *from,
	const char *to, const char *reason, struct casus_err *err)
{
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_PHASE_LOG, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, family_id, -1, SQLITE_STATIC);
	db_bind_text(st, 3, from);
	sqlite3_bind_text(st, 4, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ctx->user.id, -1, SQLITE_STATIC);
	db_bind_text(st, 7, reason);
	return db_exec_stmt(ctx, st, err);
}

static enum casus_rc require_member(struct casus_ctx *ctx, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	return CASUS_OK;
}

enum casus_rc family_add(struct casus_ctx *ctx, const struct family_new *in, struct family *out,
	struct casus_err *err)
{
	enum casus_rc r;
	char today[11], now[21], id[CASUS_ID_LEN], sort[FAMILY_TEXT_MAX];
	clock_today(today);
	const char *reg = in->registered_on && *in->registered_on ? in->registered_on : today;
	if ((r = require_member(ctx, err))
	    || (r = check_fields(in->display_name, in->triage, in->referral_kind,
			in->referral_source, in->address, in->phone, err))
	    || (r = check_date_not_future(_("The registration date"), reg, err)))
		return r;
	if (in->framework >= FRAMEWORK_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Unknown framework."));
	if ((r = db_begin(ctx, err)))
		return r;
	int year = 0;
	sscanf(today, "%d", &year);
	sqlite3_stmt *st = db_stmt(ctx, SQL_NEXT_SEQ, err);
	if (!st)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	int seq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	db_done(st);
	ids_new(id);
	clock_now_iso(now);
	text_sort_key(in->display_name, sort, sizeof sort);
	char triage[2] = { in->triage, 0 };
	if (!(st = db_stmt(ctx, SQL_INSERT, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, seq);
	sqlite3_bind_text(st, 4, in->display_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, sort, -1, SQLITE_STATIC);
	db_bind_text(st, 6, triage);
	sqlite3_bind_text(st, 7, family_framework_name(in->framework < 0 ? FRAMEWORK_VRIJWILLIG
								 : in->framework), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, in->referral_kind ? in->referral_kind : "aanmelding", -1,
		SQLITE_STATIC);
	sqlite3_bind_text(st, 9, in->referral_source ? in->referral_source : "ouders", -1,
		SQLITE_STATIC);
	db_bind_text(st, 10, in->address);
	db_bind_text(st, 11, in->phone);
	sqlite3_bind_text(st, 12, reg, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, ctx->user.id, -1, SQLITE_STATIC);
	if (db_exec_stmt(ctx, st, err) || log_phase(ctx, id, NULL, "aanmelding", NULL, err)
	    || family_fts_refresh(ctx, id, err)
	    || audit_log(ctx, AUDIT_CREATE, id, "family", id, NULL, err))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? family_get(ctx, id, out, err) : CASUS_OK;
fail:
	db_rollback(ctx);
	return err->rc;
}

/* ---- optimistic concurrency ---- */

static const char SQL_WHO_CHANGED[] =
	"SELECT f.rev, f.updated_at, m.login, m.name FROM family f"
	" LEFT JOIN member m ON m.id = f.updated_by WHERE f.id = ?1";

/* Called when an UPDATE ... WHERE rev = ? touched no row: say who changed it. */
static enum casus_rc family_conflict(struct casus_ctx *ctx, const struct family *f,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_WHO_CHANGED, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_done(st);
		return err_set(err, CASUS_E_NOTFOUND, _("Family %s no longer exists."), f->case_no);
	}
	char at[21], login[CASUS_LOGIN_MAX + 1], name[FAMILY_TEXT_MAX];
	db_col_text(st, 1, at, sizeof at);
	db_col_text(st, 2, login, sizeof login);
	db_col_text(st, 3, name, sizeof name);
	db_done(st);
	return err_set(err, CASUS_E_CONFLICT,
		_("Family %s was changed by %s (%s) at %s, after you opened it. Your change was not "
		  "saved; look at their change and make yours again."),
		f->case_no, name, login, at);
}

static const char SQL_UPDATE[] =
	"UPDATE family SET display_name = ?3, sort_name = ?4, triage = ?5, framework = ?6,"
	" referral_kind = ?7, referral_source = ?8, address = ?9, phone = ?10,"
	" first_contact_on = ?11, first_visit_on = ?12, rev = rev + 1, updated_at = ?13,"
	" updated_by = ?14 WHERE id = ?1 AND rev = ?2";

static enum casus_rc finish_update(struct casus_ctx *ctx, struct family *f, const char *what,
	struct casus_err *err)
{
	if (sqlite3_changes(ctx->db) == 0) {
		family_conflict(ctx, f, err);
		return CASUS_E_CONFLICT;
	}
	return audit_log(ctx, AUDIT_UPDATE, f->id, "family", f->id, what, err);
}

enum casus_rc family_update(struct casus_ctx *ctx, struct family *f, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = require_member(ctx, err))
	    || (r = check_fields(f->display_name, f->triage, f->referral_kind, f->referral_source,
			f->address, f->phone, err))
	    || (r = check_date_not_future(_("The date of first contact"), f->first_contact_on, err))
	    || (r = check_date_not_future(_("The date of the first home visit"),
			f->first_visit_on, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	if ((r = family_require_open(ctx, f->id, err)))
		goto fail;
	char now[21], sort[FAMILY_TEXT_MAX], triage[2] = { f->triage, 0 };
	clock_now_iso(now);
	text_sort_key(f->display_name, sort, sizeof sort);
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->rev);
	sqlite3_bind_text(st, 3, f->display_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, sort, -1, SQLITE_STATIC);
	db_bind_text(st, 5, triage);
	sqlite3_bind_text(st, 6, family_framework_name(f->framework), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, f->referral_kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, f->referral_source, -1, SQLITE_STATIC);
	db_bind_text(st, 9, f->address);
	db_bind_text(st, 10, f->phone);
	db_bind_text(st, 11, f->first_contact_on);
	db_bind_text(st, 12, f->first_visit_on);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, ctx->user.id, -1, SQLITE_STATIC);
	if (db_exec_stmt(ctx, st, err) || finish_update(ctx, f, "details", err)
	    || family_fts_refresh(ctx, f->id, err))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return family_get(ctx, f->id, f, err);
fail:
	db_rollback(ctx);
	return err->rc;
}

static const char SQL_SET_PHASE[] =
	"UPDATE family SET phase = ?3, closed_on = ?4, reopen_count = reopen_count + ?5,"
	" rev = rev + 1, updated_at = ?6, updated_by = ?7 WHERE id = ?1 AND rev = ?2";

static enum casus_rc write_phase(struct casus_ctx *ctx, struct family *f, enum family_phase to,
	const char *reason, int reopened, struct casus_err *err)
{
	enum casus_rc r;
	char now[21], today[11];
	clock_now_iso(now);
	clock_today(today);
	sqlite3_stmt *st = db_stmt(ctx, SQL_SET_PHASE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, f->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->rev);
	sqlite3_bind_text(st, 3, family_phase_name(to), -1, SQLITE_STATIC);
	db_bind_text(st, 4, to == PHASE_AFGESLOTEN ? today : NULL);
	sqlite3_bind_int(st, 5, reopened);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, ctx->user.id, -1, SQLITE_STATIC);
	char what[64];
	snprintf(what, sizeof what, "phase %s -> %s", family_phase_name(f->phase),
		family_phase_name(to));
	if ((r = db_exec_stmt(ctx, st, err)) || (r = finish_update(ctx, f, what, err)))
		return r;
	return log_phase(ctx, f->id, family_phase_name(f->phase), family_phase_name(to), reason,
		err);
}

/* Begin a phase transition: identified user, valid reason, the row as the caller saw it. */
static enum casus_rc phase_begin(struct casus_ctx *ctx, struct family *f, const char *reason,
	struct casus_err *err)
{
	enum casus_rc r;
	if ((r = require_member(ctx, err))
	    || (r = text_check_optional(_("The reason"), reason, 2000, TEXT_MULTILINE, err)))
		return r;
	return db_begin(ctx, err);
}

static enum casus_rc phase_end(struct casus_ctx *ctx, struct family *f, enum casus_rc r,
	struct casus_err *err)
{
	if (r) {
		db_rollback(ctx);
		return r;
	}
	if ((r = db_commit(ctx, err)))
		return r;
	return family_get(ctx, f->id, f, err);
}

enum casus_rc family_set_phase(struct casus_ctx *ctx, struct family *f, enum family_phase to,
	const char *reason, struct casus_err *err)
{
	if ((unsigned)to >= PHASE_AFGESLOTEN)
		return err_set(err, CASUS_E_INVALID,
			to == PHASE_AFGESLOTEN ? _("Use 'close' to close a case.") : _("Unknown phase."));
	enum casus_rc r = phase_begin(ctx, f, reason, err);
	if (r)
		return r;
	struct family cur;
	if ((r = family_get(ctx, f->id, &cur, err)))
		return phase_end(ctx, f, r, err);
	if (cur.phase == PHASE_AFGESLOTEN)
		r = err_set(err, CASUS_E_STATE,
			_("Family %s is closed and can only be read; reopen it to make changes."),
			cur.case_no);
	else if (to == cur.phase)
		r = err_set(err, CASUS_E_STATE, _("Family %s is already in phase %s."), cur.case_no,
			family_phase_label(to));
	else if (to >= PHASE_INTAKE && !cur.regie_id[0])
		r = err_set(err, CASUS_E_STATE,
			_("Family %s has no regievoerder yet; assign one before moving on to %s."),
			cur.case_no, family_phase_label(to));
	if (!r)
		r = plan_check_phase(ctx, &cur, to, err); /* uitvoering needs an agreed plan */
	if (!r)
		r = write_phase(ctx, f, to, reason, 0, err);
	return phase_end(ctx, f, r, err);
}

/* A request still waiting for a decision would be stranded on a closed (read-only)
 * family: it must be decided or withdrawn first. Requests acted on before approval
 * are the exception: their retroactive review goes on after closing. */
static enum casus_rc close_blocked_by_escalations(struct casus_ctx *ctx,
	const struct family *f, struct casus_err *err)
{
	struct escalation_flags fl;
	enum casus_rc r = escalation_family_flags(ctx, f->id, &fl, err);
	if (r)
		return r;
	int waiting = fl.pending - fl.acted_undecided;
	if (waiting > 0)
		return err_set(err, CASUS_E_STATE,
			_("Family %s still has %d escalation request(s) awaiting a decision; have them "
			  "decided or withdrawn before closing the case."), f->case_no, waiting);
	return CASUS_OK;
}

enum casus_rc family_close(struct casus_ctx *ctx, struct family *f, const char *reason,
	struct casus_err *err)
{
	enum casus_rc r = phase_begin(ctx, f, reason, err);
	if (r)
		return r;
	struct family cur;
	if (!(r = family_get(ctx, f->id, &cur, err)) && cur.phase == PHASE_AFGESLOTEN)
		r = err_set(err, CASUS_E_STATE, _("Family %s is already closed."), cur.case_no);
	if (!r)
		r = close_blocked_by_escalations(ctx, &cur, err);
	if (!r)
		r = write_phase(ctx, f, PHASE_AFGESLOTEN, reason, 0, err);
	return phase_end(ctx, f, r, err);
}

enum casus_rc family_reopen(struct casus_ctx *ctx, struct family *f, const char *reason,
	struct casus_err *err)
{
	enum casus_rc r = phase_begin(ctx, f, reason, err);
	if (r)
		return r;
	struct family cur;
	if (!(r = family_get(ctx, f->id, &cur, err)) && cur.phase != PHASE_AFGESLOTEN)
		r = err_set(err, CASUS_E_STATE, _("Family %s is not closed."), cur.case_no);
	if (!r)
		r = write_phase(ctx, f, PHASE_INTAKE, reason, 1, err);
	return phase_end(ctx, f, r, err);
}

static const char SQL_PHASE_HISTORY[] =
	"SELECT p.from_phase, p.to_phase, p.changed_on, m.login, p.reason FROM phase_change p"
	" LEFT JOIN member m ON m.id = p.changed_by WHERE p.family_id = ?1"
	" ORDER BY p.changed_on, p.rowid";

enum casus_rc family_phase_history(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct phase_change_row *row), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_PHASE_HISTORY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	int rc;
	struct phase_change_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_text(st, 0, row.from, sizeof row.from);
		db_col_text(st, 1, row.to, sizeof row.to);
		db_col_text(st, 2, row.changed_on, sizeof row.changed_on);
		db_col_text(st, 3, row.by_login, sizeof row.by_login);
		db_col_text(st, 4, row.reason, sizeof row.reason);
		if (fn(arg, &row))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}
