/* Dossier notes: facts, hypotheses and diagnoses kept apart, as the meldcode asks.
 * Notes are only ever added; the schema's trigger refuses any UPDATE, so a mistake
 * is fixed by a new note that corrects the old one within the same family. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/note.h"
#include "casus/setting.h"
#include "casus/text.h"

#define DIAGNOSED_BY_MAX 200

static const char *const kind_names[] = { "fact", "hypothesis", "diagnosis" };

const char *note_kind_name(enum note_kind k)
{
	return (unsigned)k <= NOTE_DIAGNOSIS ? kind_names[k] : "?";
}

const char *note_kind_label(enum note_kind k)
{
	switch (k) {
	case NOTE_FACT: return _("fact");
	case NOTE_HYPOTHESIS: return _("hypothesis");
	case NOTE_DIAGNOSIS: return _("diagnosis");
	}
	return "?";
}

int note_kind_parse(const char *s)
{
	for (int i = 0; s && i <= NOTE_DIAGNOSIS; i++)
		if (strcmp(s, kind_names[i]) == 0)
			return i;
	return -1;
}

void note_free(struct note *n)
{
	if (!n)
		return;
	free(n->body);
	n->body = NULL;
}

#define NOTE_COLS \
	"n.id, n.family_id, m.login, m.name, n.kind, n.body, n.diagnosed_by, n.confidential," \
	" n.corrects, n.created_at"
#define NOTE_FROM " FROM note n LEFT JOIN member m ON m.id = n.author_id"

/* Fills n with a copy of the body it owns; false when out of memory. */
static bool read_note(sqlite3_stmt *st, struct note *n)
{
	memset(n, 0, sizeof *n);
	db_col_text(st, 0, n->id, sizeof n->id);
	db_col_text(st, 1, n->family_id, sizeof n->family_id);
	db_col_text(st, 2, n->author_login, sizeof n->author_login);
	db_col_text(st, 3, n->author_name, sizeof n->author_name);
	int kind = note_kind_parse((const char *)sqlite3_column_text(st, 4));
	n->kind = kind < 0 ? NOTE_FACT : (enum note_kind)kind;
	const char *body = (const char *)sqlite3_column_text(st, 5);
	n->body = strdup(body ? body : "");
	db_col_text(st, 6, n->diagnosed_by, sizeof n->diagnosed_by);
	n->confidential = sqlite3_column_int(st, 7);
	db_col_text(st, 8, n->corrects, sizeof n->corrects);
	db_col_text(st, 9, n->created_at, sizeof n->created_at);
	return n->body != NULL;
}

/* With the setting privacy.restrict_confidential_notes on, a confidential note is
 * read only by the family's regievoerder, a gedragswetenschapper or a teamleider;
 * others see that it exists, not what it says. */
static bool may_read_confidential(struct casus_ctx *ctx, const char *family_id)
{
	if (!setting_get_bool(ctx, "privacy.restrict_confidential_notes"))
		return true;
	if (member_is(ctx, ROLE_GEDRAGSWETENSCHAPPER) || member_is(ctx, ROLE_TEAMLEIDER))
		return true;
	struct family f;
	struct casus_err e;
	return family_get(ctx, family_id, &f, &e) == CASUS_OK && ctx->user.id[0]
	       && strcmp(f.regie_id, ctx->user.id) == 0;
}

static bool withhold(struct note *n)
{
	n->withheld = true;
	free(n->body);
	n->body = strdup("");
	return n->body != NULL;
}

static const char SQL_GET[] = "SELECT " NOTE_COLS NOTE_FROM " WHERE n.id = ?1";

enum casus_rc note_get(struct casus_ctx *ctx, const char *note_id, struct note *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	memset(out, 0, sizeof *out);
	sqlite3_bind_text(st, 1, note_id ? note_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW && read_note(st, out);
	db_done(st);
	if (ok && out->confidential && !may_read_confidential(ctx, out->family_id))
		ok = withhold(out);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no note with id %.40s."),
			note_id ? note_id : "");
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	return ok ? CASUS_OK : err_set(err, CASUS_E_NOMEM, _("Out of memory."));
}

enum casus_rc note_open(struct casus_ctx *ctx, const char *note_id, struct note *out,
	struct casus_err *err)
{
	enum casus_rc r = note_get(ctx, note_id, out, err);
	if (r || out->withheld)
		return r;
	if ((r = audit_log(ctx, AUDIT_READ, out->family_id, "note", out->id, "note read", err)))
		note_free(out);
	return r;
}

/* Break the glass: the restriction on confidential notes protects the people in the
 * dossier, but in an emergency (the regievoerder unreachable, a child at risk) another
 * member must be able to read a note. They may, with a stated reason, and the read is
 * written to the access log as a 'breakglass' row that the teamleider sees flagged. */
enum casus_rc note_break_glass(struct casus_ctx *ctx, const char *note_id, const char *reason,
	struct note *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	memset(out, 0, sizeof *out);
	sqlite3_bind_text(st, 1, note_id ? note_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW && read_note(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no note with id %.40s."),
			note_id ? note_id : "");
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	if (!ok)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	/* Nothing to break: the note is open to this reader anyway. */
	if (!out->confidential || may_read_confidential(ctx, out->family_id))
		return CASUS_OK;
	enum casus_rc r;
	if (!ctx->user.id[0])
		r = err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	else if (!reason || !*reason)
		r = err_set(err, CASUS_E_INVALID, _("Breaking the glass needs a reason; the access "
			"log records it."));
	else
		r = text_check(_("The reason for breaking the glass"), reason,
			NOTE_BREAKGLASS_REASON_MAX, TEXT_LINE, err);
	if (!r) {
		char detail[NOTE_BREAKGLASS_REASON_MAX * 4 + 16];
		snprintf(detail, sizeof detail, "reason: %s", reason);
		r = audit_log(ctx, AUDIT_BREAKGLASS, out->family_id, "note", out->id, detail, err);
	}
	if (r)
		note_free(out);
	return r;
}

static const char SQL_EACH[] =
	"SELECT " NOTE_COLS NOTE_FROM " WHERE n.family_id = ?1 ORDER BY n.created_at, n.rowid";

enum casus_rc note_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct note *n), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct note n;
	enum casus_rc r = CASUS_OK;
	int readable = -1; /* may_read_confidential, asked once when first needed */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool ok = read_note(st, &n);
		if (ok && n.confidential) {
			if (readable < 0)
				readable = may_read_confidential(ctx, n.family_id);
			if (!readable)
				ok = withhold(&n);
		}
		if (!ok) {
			r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
			break;
		}
		int stop = fn(arg, &n);
		note_free(&n);
		if (stop)
			break;
	}
	db_done(st);
	if (r)
		return r;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- adding ---- */

static enum casus_rc check_note(struct casus_ctx *ctx, const struct note_new *in,
	struct casus_err *err)
{
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((unsigned)in->kind > NOTE_DIAGNOSIS)
		return err_set(err, CASUS_E_INVALID,
			_("The kind of note must be fact, hypothesis or diagnosis."));
	if ((r = text_check(_("The note text"), in->body, NOTE_BODY_MAX, TEXT_MULTILINE, err)))
		return r;
	/* A diagnosis is only a diagnosis when a qualified professional made it; on
	 * other kinds the field would suggest a professional stands behind them. */
	if (in->kind == NOTE_DIAGNOSIS)
		return text_check(_("The professional who made the diagnosis"), in->diagnosed_by,
			DIAGNOSED_BY_MAX, TEXT_LINE, err);
	if (in->diagnosed_by && *in->diagnosed_by)
		return err_set(err, CASUS_E_INVALID,
			_("The professional who made the diagnosis is recorded only for a diagnosis, "
			  "not for a %s."), note_kind_label(in->kind));
	return CASUS_OK;
}

static const char SQL_NOTE_FAMILY[] = "SELECT family_id FROM note WHERE id = ?1";

/* A correction must point at an existing note of the same family. */
static enum casus_rc check_corrects(struct casus_ctx *ctx, const char *family_id,
	const char *corrects, struct casus_err *err)
{
	if (!corrects || !*corrects)
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_NOTE_FAMILY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, corrects, -1, SQLITE_STATIC);
	char fam[CASUS_ID_LEN] = "";
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, fam, sizeof fam);
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_INVALID,
			_("The note to correct does not exist (id %.40s)."), corrects);
	if (strcmp(fam, family_id) != 0)
		return err_set(err, CASUS_E_INVALID,
			_("The note to correct belongs to another family; a correction must be added "
			  "to the same family."));
	return CASUS_OK;
}

static const char SQL_INSERT[] =
	"INSERT INTO note(id, family_id, author_id, kind, body, diagnosed_by, confidential,"
	" corrects, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static enum casus_rc insert_note(struct casus_ctx *ctx, const char *id, const char *family_id,
	const struct note_new *in, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ctx->user.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, note_kind_name(in->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, in->body, -1, SQLITE_STATIC);
	db_bind_text(st, 6, in->kind == NOTE_DIAGNOSIS ? in->diagnosed_by : NULL);
	sqlite3_bind_int(st, 7, in->confidential);
	db_bind_text(st, 8, in->corrects);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc note_add(struct casus_ctx *ctx, const char *family_id, const struct note_new *in,
	struct note *out, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = check_note(ctx, in, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	struct family f;
	char id[CASUS_ID_LEN], detail[128];
	ids_new(id);
	if ((r = family_require_open(ctx, family_id, err)) || (r = family_get(ctx, family_id, &f, err))
	    || (r = check_corrects(ctx, f.id, in->corrects, err)))
		goto fail;
	snprintf(detail, sizeof detail, "%s%s%s%s", note_kind_name(in->kind),
		in->confidential ? " confidential" : "",
		in->corrects && *in->corrects ? " correcting " : "",
		in->corrects && *in->corrects ? in->corrects : "");
	if ((r = insert_note(ctx, id, f.id, in, err))
	    || (r = audit_log(ctx, AUDIT_CREATE, f.id, "note", id, detail, err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? note_get(ctx, id, out, err) : CASUS_OK;
fail:
	db_rollback(ctx);
	return r;
}
