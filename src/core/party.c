/* Involved parties of a family: network members and professionals, added and changed
 * with optimistic concurrency. Parties are never deleted (consent rows point at them);
 * one that is no longer involved is marked inactive. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/party.h"
#include "casus/text.h"

static const char *const kind_names[] = { "netwerk", "professional" };

const char *party_kind_name(enum party_kind k)
{
	return (unsigned)k <= PARTY_PROFESSIONAL ? kind_names[k] : "?";
}

int party_kind_parse(const char *s)
{
	for (int i = 0; s && i <= PARTY_PROFESSIONAL; i++)
		if (strcmp(s, kind_names[i]) == 0)
			return i;
	return -1;
}

static enum casus_rc require_member(struct casus_ctx *ctx, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	return CASUS_OK;
}

static enum casus_rc check_party(enum party_kind kind, const char *name, const char *org,
	const char *role, const char *contact, struct casus_err *err)
{
	enum casus_rc r;
	if ((unsigned)kind > PARTY_PROFESSIONAL)
		return err_set(err, CASUS_E_INVALID,
			_("The kind of party must be 'netwerk' or 'professional'."));
	if ((r = text_check(_("The name"), name, 200, TEXT_LINE, err))
	    || (r = text_check_optional(_("The organisation"), org, 200, TEXT_LINE, err))
	    || (r = text_check_optional(_("The role"), role, 200, TEXT_LINE, err))
	    || (r = text_check_optional(_("The contact information"), contact, 300, TEXT_LINE, err)))
		return r;
	return CASUS_OK;
}

#define PARTY_COLS "id, family_id, kind, name, organisation, role, contact, active, rev"

static void read_party(sqlite3_stmt *st, struct party *p)
{
	memset(p, 0, sizeof *p);
	db_col_text(st, 0, p->id, sizeof p->id);
	db_col_text(st, 1, p->family_id, sizeof p->family_id);
	int kind = party_kind_parse((const char *)sqlite3_column_text(st, 2));
	p->kind = kind < 0 ? PARTY_NETWERK : (enum party_kind)kind;
	db_col_text(st, 3, p->name, sizeof p->name);
	db_col_text(st, 4, p->organisation, sizeof p->organisation);
	db_col_text(st, 5, p->role, sizeof p->role);
	db_col_text(st, 6, p->contact, sizeof p->contact);
	p->active = sqlite3_column_int(st, 7);
	p->rev = sqlite3_column_int64(st, 8);
}

static const char SQL_GET[] = "SELECT " PARTY_COLS " FROM involved_party WHERE id = ?1";

enum casus_rc party_get(struct casus_ctx *ctx, const char *party_id, struct party *out,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, party_id ? party_id : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_party(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no involved party with id %.40s."),
			party_id ? party_id : "");
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

/* Those still involved first, then network before professionals, by name. */
static const char SQL_EACH[] =
	"SELECT " PARTY_COLS " FROM involved_party WHERE family_id = ?1"
	" ORDER BY active DESC, kind, name, rowid";

enum casus_rc party_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct party *p), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id ? family_id : "", -1, SQLITE_TRANSIENT);
	int rc;
	struct party p;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_party(st, &p);
		if (fn(arg, &p))
			break;
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static const char SQL_INSERT[] =
	"INSERT INTO involved_party(id, family_id, kind, name, organisation, role, contact,"
	" active, created_at, rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, 1, ?8, ?9)";

static enum casus_rc insert_party(struct casus_ctx *ctx, const char *id, const char *family_id,
	const struct party_new *in, struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, party_kind_name(in->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->name, -1, SQLITE_STATIC);
	db_bind_text(st, 5, in->organisation);
	db_bind_text(st, 6, in->role);
	db_bind_text(st, 7, in->contact);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, ctx->user.id, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc party_add(struct casus_ctx *ctx, const char *family_id, const struct party_new *in,
	struct party *out, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = require_member(ctx, err))
	    || (r = check_party(in->kind, in->name, in->organisation, in->role, in->contact, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	struct family f;
	char id[CASUS_ID_LEN];
	ids_new(id);
	/* The search index may include parties; refreshing keeps it right if it does. */
	if ((r = family_require_open(ctx, family_id, err))
	    || (r = family_get(ctx, family_id, &f, err))
	    || (r = insert_party(ctx, id, f.id, in, err))
	    || (r = family_fts_refresh(ctx, f.id, err))
	    || (r = audit_log(ctx, AUDIT_CREATE, f.id, "party", id, party_kind_name(in->kind),
			err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? party_get(ctx, id, out, err) : CASUS_OK;
fail:
	db_rollback(ctx);
	return r;
}

static const char SQL_WHO_CHANGED[] =
	"SELECT p.updated_at, m.login, m.name, p.name FROM involved_party p"
	" LEFT JOIN member m ON m.id = p.updated_by WHERE p.id = ?1";

static const char SQL_UPDATE[] =
	"UPDATE involved_party SET kind = ?3, name = ?4, organisation = ?5, role = ?6,"
	" contact = ?7, active = ?8, rev = rev + 1, updated_at = ?9, updated_by = ?10"
	" WHERE id = ?1 AND rev = ?2";

static enum casus_rc write_update(struct casus_ctx *ctx, const struct party *p,
	struct casus_err *err)
{
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, p->rev);
	sqlite3_bind_text(st, 3, party_kind_name(p->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->name, -1, SQLITE_STATIC);
	db_bind_text(st, 5, p->organisation);
	db_bind_text(st, 6, p->role);
	db_bind_text(st, 7, p->contact);
	sqlite3_bind_int(st, 8, p->active);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, ctx->user.id, -1, SQLITE_STATIC);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	if (!r && sqlite3_changes(ctx->db) == 0) {
		db_conflict(ctx, SQL_WHO_CHANGED, p->id, NULL,
			_("This involved party no longer exists."), err);
		r = CASUS_E_CONFLICT;
	}
	return r;
}

enum casus_rc party_update(struct casus_ctx *ctx, struct party *p, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = require_member(ctx, err))
	    || (r = check_party(p->kind, p->name, p->organisation, p->role, p->contact, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	struct party cur;
	/* The stored family counts, not whatever family_id the caller's copy holds. */
	if ((r = party_get(ctx, p->id, &cur, err))
	    || (r = family_require_open(ctx, cur.family_id, err))
	    || (r = write_update(ctx, p, err))
	    || (r = family_fts_refresh(ctx, cur.family_id, err))
	    || (r = audit_log(ctx, AUDIT_UPDATE, cur.family_id, "party", p->id,
			p->active ? "details" : "details, no longer involved", err)))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return party_get(ctx, p->id, p, err);
fail:
	db_rollback(ctx);
	return r;
}
