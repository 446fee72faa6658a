/* Team members and the role checks every other module uses. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "casus/text.h"

static const char *const role_names[] = { "coach", "gedragswetenschapper", "teamleider" };

const char *member_role_name(enum member_role role)
{
	return (unsigned)role < 3 ? role_names[role] : "?";
}

const char *member_role_label(enum member_role role)
{
	switch (role) {
	case ROLE_COACH: return _("gezinscoach");
	case ROLE_GEDRAGSWETENSCHAPPER: return _("gedragswetenschapper");
	case ROLE_TEAMLEIDER: return _("teamleider");
	}
	return "?";
}

int member_role_parse(const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(s, role_names[i]) == 0)
			return i;
	if (strcmp(s, "gw") == 0 || strcmp(s, "gezinscoach") == 0)
		return strcmp(s, "gw") == 0 ? ROLE_GEDRAGSWETENSCHAPPER : ROLE_COACH;
	if (strcmp(s, "tl") == 0)
		return ROLE_TEAMLEIDER;
	return -1;
}

bool member_is(struct casus_ctx *ctx, enum member_role role)
{
	return ctx->user.id[0] && ctx->user.role == role;
}

enum casus_rc member_require(struct casus_ctx *ctx, enum member_role role, const char *what,
	struct casus_err *err)
{
	if (member_is(ctx, role))
		return CASUS_OK;
	return err_set(err, CASUS_E_PERM, _("Only a %s may %s."), member_role_label(role), what);
}

#define MEMBER_COLS "id, login, name, role, aandacht, active, rev"

static void read_member(sqlite3_stmt *st, struct member *m)
{
	memset(m, 0, sizeof *m);
	db_col_text(st, 0, m->id, sizeof m->id);
	db_col_text(st, 1, m->login, sizeof m->login);
	db_col_text(st, 2, m->name, sizeof m->name);
	m->role = (enum member_role)member_role_parse((const char *)sqlite3_column_text(st, 3));
	m->aandacht = sqlite3_column_int(st, 4);
	m->active = sqlite3_column_int(st, 5);
	m->rev = sqlite3_column_int64(st, 6);
}

static enum casus_rc get_one(struct casus_ctx *ctx, const char *sql, const char *key,
	struct member *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_member(st, out);
	db_done(st);
	if (rc == SQLITE_DONE)
		return err_set(err, CASUS_E_NOTFOUND, _("There is no team member '%s'."), key);
	if (rc != SQLITE_ROW)
		return db_fail(ctx, rc, err);
	return CASUS_OK;
}

static const char SQL_BY_LOGIN[] = "SELECT " MEMBER_COLS " FROM member WHERE login = ?1";
static const char SQL_BY_ID[] = "SELECT " MEMBER_COLS " FROM member WHERE id = ?1";

enum casus_rc member_get_by_login(struct casus_ctx *ctx, const char *login, struct member *out,
	struct casus_err *err)
{
	return get_one(ctx, SQL_BY_LOGIN, login ? login : "", out, err);
}

enum casus_rc member_get(struct casus_ctx *ctx, const char *id, struct member *out,
	struct casus_err *err)
{
	return get_one(ctx, SQL_BY_ID, id ? id : "", out, err);
}

static enum casus_rc check_login(const char *login, struct casus_err *err)
{
	if (!login || !*login)
		return err_set(err, CASUS_E_INVALID, _("A login is required."));
	if (strlen(login) > CASUS_LOGIN_MAX)
		return err_set(err, CASUS_E_INVALID, _("The login is too long (at most %d characters)."),
			CASUS_LOGIN_MAX);
	for (const char *p = login; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
		      || *p == '.' || *p == '_' || *p == '-') || (p == login && *p == '-'))
			return err_set(err, CASUS_E_INVALID,
				_("'%s' is not a valid Unix login (letters, digits, '.', '_' and '-')."),
				login);
	return CASUS_OK;
}

static const char SQL_INSERT[] =
	"INSERT INTO member(id, login, name, role, aandacht, active, created_at, rev, updated_at,"
	" updated_by) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, 1, ?6, ?7)";

static enum casus_rc insert_member(struct casus_ctx *ctx, const char *login, const char *name,
	enum member_role role, bool aandacht, struct member *out, struct casus_err *err)
{
	enum casus_rc r;
	struct member existing;
	if ((r = check_login(login, err)) || (r = text_check(_("The name"), name, CASUS_NAME_MAX,
						       TEXT_LINE, err)))
		return r;
	if ((unsigned)role > ROLE_TEAMLEIDER)
		return err_set(err, CASUS_E_INVALID, _("Unknown role."));
	if ((r = db_begin(ctx, err)))
		return r;
	if (member_get_by_login(ctx, login, &existing, err) == CASUS_OK) {
		db_rollback(ctx);
		return err_set(err, CASUS_E_EXISTS,
			existing.active ? _("'%s' is already a member of this team.")
					: _("'%s' was a member before; reactivate them with "
					    "'casus member set %s --active'."), login, login);
	}
	char id[CASUS_ID_LEN], now[21];
	ids_new(id);
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_INSERT, err);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, member_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, aandacht);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	db_bind_text(st, 7, ctx->user.id[0] ? ctx->user.id : id);
	if (db_exec_stmt(ctx, st, err))
		goto fail;
	char detail[128];
	snprintf(detail, sizeof detail, "member %s role %s", login, member_role_name(role));
	if (audit_log(ctx, AUDIT_CREATE, NULL, "member", id, detail, err))
		goto fail;
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? member_get(ctx, id, out, err) : CASUS_OK;
fail:
	db_rollback(ctx);
	return err->rc;
}

enum casus_rc member_add(struct casus_ctx *ctx, const char *login, const char *name,
	enum member_role role, bool aandacht, struct member *out, struct casus_err *err)
{
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("add team members"), err);
	return r ? r : insert_member(ctx, login, name, role, aandacht, out, err);
}

enum casus_rc member_add_first(struct casus_ctx *ctx, const char *login, const char *name,
	struct member *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, "SELECT count(*) FROM member", err);
	if (!st)
		return err->rc;
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	db_done(st);
	if (n != 0)
		return err_set(err, CASUS_E_STATE, _("This team already has members."));
	enum casus_rc r = insert_member(ctx, login, name, ROLE_TEAMLEIDER, false, out, err);
	if (r == CASUS_OK && out) {
		snprintf(ctx->user.id, sizeof ctx->user.id, "%s", out->id);
		snprintf(ctx->user.login, sizeof ctx->user.login, "%s", out->login);
		snprintf(ctx->user.name, sizeof ctx->user.name, "%s", out->name);
		ctx->user.role = ROLE_TEAMLEIDER;
	}
	return r;
}

static const char SQL_ACTIVE_LEADERS[] =
	"SELECT count(*) FROM member WHERE role = 'teamleider' AND active = 1 AND id <> ?1";
static const char SQL_UPDATE[] =
	"UPDATE member SET name = ?2, role = ?3, aandacht = ?4, active = ?5, rev = rev + 1,"
	" updated_at = ?6, updated_by = ?7 WHERE id = ?1 AND rev = ?8";

static const char SQL_CASELOAD[] =
	"SELECT count(*) FROM family WHERE regie_id = ?1 AND phase <> 'afgesloten'";

static int caseload(struct casus_ctx *ctx, const char *member_id)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_CASELOAD, NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, member_id, -1, SQLITE_STATIC);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	return n;
}

static bool keeps_a_leader(struct casus_ctx *ctx, const struct member *m, struct casus_err *err)
{
	if (m->role == ROLE_TEAMLEIDER && m->active)
		return true;
	sqlite3_stmt *st = db_stmt(ctx, SQL_ACTIVE_LEADERS, err);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	return n > 0;
}

enum casus_rc member_change(struct casus_ctx *ctx, const char *login,
	const struct member_change *ch, struct member *out, struct casus_err *err)
{
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("change team members"), err);
	if (r)
		return r;
	if (ch->name && (r = text_check(_("The name"), ch->name, CASUS_NAME_MAX, TEXT_LINE, err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	struct member m;
	if ((r = member_get_by_login(ctx, login, &m, err)))
		goto fail;
	int64_t seen = m.rev;
	if (ch->role >= 0)
		m.role = (enum member_role)ch->role;
	if (ch->aandacht >= 0)
		m.aandacht = ch->aandacht;
	if (ch->active >= 0)
		m.active = ch->active;
	if (ch->name)
		snprintf(m.name, sizeof m.name, "%s", ch->name);
	if (!keeps_a_leader(ctx, &m, err)) {
		err_set(err, CASUS_E_STATE,
			_("The team would have no active teamleider left; make someone else teamleider "
			  "first."));
		goto fail;
	}
	if (!m.active && caseload(ctx, m.id) > 0) {
		err_set(err, CASUS_E_STATE,
			_("%s is still regievoerder of %d open families; hand those over before "
			  "deactivating them."), m.name, caseload(ctx, m.id));
		goto fail;
	}
	/* The audit row goes first: it checks the acting member as they are now, which
	 * matters when a teamleider changes their own role. */
	char detail[160];
	snprintf(detail, sizeof detail, "member %s role %s%s%s", m.login, member_role_name(m.role),
		m.aandacht ? " aandachtsfunctionaris" : "", m.active ? "" : " inactive");
	if (audit_log(ctx, AUDIT_UPDATE, NULL, "member", m.id, detail, err))
		goto fail;
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_UPDATE, err);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, m.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m.name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, member_role_name(m.role), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, m.aandacht);
	sqlite3_bind_int(st, 5, m.active);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, ctx->user.id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, seen);
	if (db_exec_stmt(ctx, st, err) || (ch->name && regie_refresh_sort_keys(ctx, m.id, err)))
		goto fail;
	if (strcmp(m.id, ctx->user.id) == 0) {
		ctx->user.role = m.role;
		ctx->user.aandacht = m.aandacht;
	}
	if ((r = db_commit(ctx, err)))
		return r;
	return out ? member_get(ctx, m.id, out, err) : CASUS_OK;
fail:
	db_rollback(ctx);
	return err->rc;
}

static const char SQL_EACH[] =
	"SELECT m.id, m.login, m.name, m.role, m.aandacht, m.active, m.rev,"
	" (SELECT count(*) FROM family f WHERE f.regie_id = m.id AND f.phase <> 'afgesloten')"
	" FROM member m WHERE ?1 OR m.active = 1 ORDER BY m.active DESC, m.name, m.login";

enum casus_rc member_each(struct casus_ctx *ctx, bool include_inactive,
	int (*fn)(void *arg, const struct member *m), void *arg, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	sqlite3_bind_int(st, 1, include_inactive);
	int rc;
	struct member m;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_member(st, &m);
		m.caseload = sqlite3_column_int(st, 7);
		if (fn(arg, &m))
			break;
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	return CASUS_OK;
}
