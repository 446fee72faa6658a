/* Drafts of interrupted edits (see casus/draft.h). Not audit-logged: a draft is the
 * member's own unsaved typing, not a change to the dossier; the save that follows is
 * logged like any other. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/draft.h"
#include "casus/i18n.h"
#include "casus/text.h"

static enum casus_rc need_user(struct casus_ctx *ctx, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("Drafts need a team member; none is acting."));
	return db_writable(ctx, err);
}

static const char SQL_SAVE[] =
	"INSERT INTO draft(member_id, kind, object_id, family_id, body, saved_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT(member_id, kind, object_id) DO UPDATE SET"
	" family_id = excluded.family_id, body = excluded.body, saved_at = excluded.saved_at";

enum casus_rc draft_save(struct casus_ctx *ctx, const char *kind, const char *object_id,
	const char *family_id, const char *body, struct casus_err *err)
{
	enum casus_rc r = need_user(ctx, err);
	if (r)
		return r;
	if ((r = text_check(_("Draft kind"), kind, DRAFT_KIND_MAX, TEXT_LINE, err))
	    || (r = text_check(_("Draft object"), object_id, 64, TEXT_LINE, err))
	    || (r = text_check_optional(_("Draft"), body, DRAFT_BODY_MAX, TEXT_MULTILINE, err)))
		return r;
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_SAVE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, object_id, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, family_id);
	sqlite3_bind_text(st, 5, body ? body : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}

static const char SQL_EACH[] =
	"SELECT kind, object_id, family_id, body, saved_at FROM draft WHERE member_id = ?1"
	" ORDER BY saved_at DESC, kind, object_id";

enum casus_rc draft_each(struct casus_ctx *ctx, int (*fn)(void *arg, const struct draft *d),
	void *arg, struct casus_err *err)
{
	static struct draft d; /* large: keep it off the stack */
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, ctx->user.id, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_text(st, 0, d.kind, sizeof d.kind);
		db_col_text(st, 1, d.object_id, sizeof d.object_id);
		db_col_text(st, 2, d.family_id, sizeof d.family_id);
		db_col_text(st, 3, d.body, sizeof d.body);
		db_col_text(st, 4, d.saved_at, sizeof d.saved_at);
		if (fn(arg, &d))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_DISCARD[] =
	"DELETE FROM draft WHERE member_id = ?1 AND kind = ?2 AND object_id = ?3";

enum casus_rc draft_discard(struct casus_ctx *ctx, const char *kind, const char *object_id,
	struct casus_err *err)
{
	enum casus_rc r = need_user(ctx, err);
	if (r)
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_DISCARD, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, kind ? kind : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, object_id ? object_id : "", -1, SQLITE_TRANSIENT);
	return db_exec_stmt(ctx, st, err);
}
