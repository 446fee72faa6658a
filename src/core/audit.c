/* The access log: appending rows with their hash chain, reading and verifying it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/sha256.h"

static const char *const event_names[] = {
	[AUDIT_CREATE] = "create", [AUDIT_READ] = "read", [AUDIT_UPDATE] = "update",
	[AUDIT_DELETE] = "delete", [AUDIT_SEARCH] = "search", [AUDIT_EXPORT] = "export",
	[AUDIT_PRINT] = "print", [AUDIT_REVEAL] = "reveal", [AUDIT_PRIVACY] = "privacy",
	[AUDIT_DESTROY] = "destroy", [AUDIT_BREAKGLASS] = "breakglass", [AUDIT_INIT] = "init",
};

const char *audit_event_name(enum audit_event ev)
{
	return (unsigned)ev < sizeof event_names / sizeof *event_names ? event_names[ev] : "?";
}

const char *audit_event_label(const char *event)
{
	static const char *const labels[] = {
		[AUDIT_CREATE] = N_("created"), [AUDIT_READ] = N_("read"),
		[AUDIT_UPDATE] = N_("changed"), [AUDIT_DELETE] = N_("deleted"),
		[AUDIT_SEARCH] = N_("searched"), [AUDIT_EXPORT] = N_("exported"),
		[AUDIT_PRINT] = N_("printed"), [AUDIT_REVEAL] = N_("revealed"),
		[AUDIT_PRIVACY] = N_("privacy mode"), [AUDIT_DESTROY] = N_("destroyed"),
		[AUDIT_BREAKGLASS] = N_("BREAK-GLASS"), [AUDIT_INIT] = N_("set up"),
	};
	for (size_t i = 0; event && i < sizeof labels / sizeof *labels; i++)
		if (strcmp(event, event_names[i]) == 0)
			return _(labels[i]);
	return event ? event : "";
}

static const char ZERO_HASH[] =
	"0000000000000000000000000000000000000000000000000000000000000000";

/* The content hash covers every field but the hashes, each followed by a unit
 * separator so that moving text between fields changes the hash. */
static void content_hash(int64_t seq, const char *const fields[10], char out[65])
{
	struct sha256 s;
	char num[32];
	sha256_init(&s);
	snprintf(num, sizeof num, "%lld", (long long)seq);
	sha256_update(&s, num, strlen(num));
	for (int i = 0; i < 10; i++) {
		sha256_update(&s, "\x1f", 1);
		if (fields[i])
			sha256_update(&s, fields[i], strlen(fields[i]));
		else
			sha256_update(&s, "\x1e", 1); /* NULL differs from "" */
	}
	sha256_final_hex(&s, out);
}

static void chain_hash(const char *prev, const char *content, char out[65])
{
	struct sha256 s;
	sha256_init(&s);
	sha256_update(&s, prev, 64);
	sha256_update(&s, content, 64);
	sha256_final_hex(&s, out);
}

static const char SQL_LAST[] = "SELECT seq, chain_hash FROM audit ORDER BY seq DESC LIMIT 1";
static const char SQL_INSERT[] =
	"INSERT INTO audit(seq, at, event, member_id, login, on_behalf, workstation, family_id,"
	" object_type, object_id, detail, content_hash, chain_hash)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

static const char SQL_ACTOR[] = "SELECT role, active FROM member WHERE id = ?1";

/* Every audited act re-reads the acting member inside the transaction, so a member
 * deactivated or given another role while their casus runs cannot go on acting on
 * the rights they had when it started. */
static enum casus_rc check_actor(struct casus_ctx *ctx, struct casus_err *err)
{
	if (!ctx->user.id[0])
		return CASUS_OK;
	sqlite3_stmt *st = db_stmt(ctx, SQL_ACTOR, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, ctx->user.id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	char role[32] = "";
	int active = 0;
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, role, sizeof role);
		active = sqlite3_column_int(st, 1);
	}
	db_done(st);
	if (rc != SQLITE_ROW || !active)
		return err_set(err, CASUS_E_PERM,
			_("%s is no longer an active member of this team; nothing was done."),
			ctx->user.login);
	int now = member_role_parse(role);
	if (now != (int)ctx->user.role) {
		ctx->user.role = (enum member_role)now;
		return err_set(err, CASUS_E_PERM,
			_("Your role in the team has changed to %s; nothing was done. Try again."),
			member_role_label((enum member_role)now));
	}
	return CASUS_OK;
}

enum casus_rc audit_log(struct casus_ctx *ctx, enum audit_event ev, const char *family_id,
	const char *object_type, const char *object_id, const char *detail,
	struct casus_err *err)
{
	enum casus_rc r = db_begin(ctx, err);
	if (r)
		return r;
	if ((r = check_actor(ctx, err)))
		goto fail;
	sqlite3_stmt *st = db_stmt(ctx, SQL_LAST, err);
	if (!st)
		goto fail;
	int64_t seq = 1;
	char prev[65];
	snprintf(prev, sizeof prev, "%s", ZERO_HASH);
	if (sqlite3_step(st) == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 0) + 1;
		db_col_text(st, 1, prev, sizeof prev);
	}
	db_done(st);
	char at[21], ch[65], chain[65];
	clock_now_iso(at);
	const char *login = ctx->user.login[0] ? ctx->user.login : casus_unix_login();
	const char *fields[10] = { at, audit_event_name(ev), nz(ctx->user.id), login,
		nz(ctx->on_behalf), ctx->workstation[0] ? ctx->workstation : "local", nz(family_id),
		nz(object_type), nz(object_id), nz(detail) };
	content_hash(seq, fields, ch);
	chain_hash(prev, ch, chain);
	if (!(st = db_stmt(ctx, SQL_INSERT, err)))
		goto fail;
	sqlite3_bind_int64(st, 1, seq);
	for (int i = 0; i < 10; i++)
		db_bind_text(st, i + 2, fields[i]);
	sqlite3_bind_text(st, 12, ch, 64, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, chain, 64, SQLITE_STATIC);
	if ((r = db_exec_stmt(ctx, st, err)) != CASUS_OK)
		goto fail;
	char num[32];
	snprintf(num, sizeof num, "%lld", (long long)seq);
	if ((r = casus_meta_set(ctx, "audit_last_seq", num, err)) != CASUS_OK)
		goto fail;
	return db_commit(ctx, err);
fail:
	db_rollback(ctx);
	return err->rc ? err->rc : CASUS_E_DB;
}

static const char SQL_ALL[] =
	"SELECT seq, at, event, member_id, login, on_behalf, workstation, family_id, object_type,"
	" object_id, detail, content_hash, chain_hash, redacted_by FROM audit ORDER BY seq";

static enum casus_rc verify_rows(struct casus_ctx *ctx, int64_t *first_bad,
	int64_t *rows_checked, struct casus_err *err);

/* Rows and meta.audit_last_seq must be read from one snapshot: otherwise a row
 * appended by another process in between looks like rows cut off the end. */
enum casus_rc audit_verify(struct casus_ctx *ctx, int64_t *first_bad, int64_t *rows_checked,
	struct casus_err *err)
{
	bool own_tx = ctx->tx_depth == 0 && sqlite3_get_autocommit(ctx->db);
	if (own_tx && sqlite3_exec(ctx->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		own_tx = false;
	enum casus_rc r = verify_rows(ctx, first_bad, rows_checked, err);
	if (own_tx)
		sqlite3_exec(ctx->db, "COMMIT", NULL, NULL, NULL);
	return r;
}

/* A redacted row must be empty of family, object and detail, and point at a later
 * 'destroy' row; each destroy row must have redacted exactly the number of rows it
 * states. Anything else is a redaction made outside casus. */
static const char SQL_BAD_REDACTION[] =
	"SELECT a.seq FROM audit a LEFT JOIN audit d ON d.seq = a.redacted_by"
	" WHERE a.redacted_by IS NOT NULL AND (d.event IS NOT 'destroy' OR a.redacted_by <= a.seq"
	"   OR a.family_id IS NOT NULL OR a.object_id IS NOT NULL OR a.detail IS NOT NULL)"
	" ORDER BY a.seq LIMIT 1";
static const char SQL_DESTROYS[] =
	"SELECT d.seq, d.detail, (SELECT count(*) FROM audit a WHERE a.redacted_by = d.seq)"
	" FROM audit d WHERE d.event = 'destroy' ORDER BY d.seq";

static enum casus_rc verify_redactions(struct casus_ctx *ctx, int64_t *first_bad,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_BAD_REDACTION, err);
	if (!st)
		return err->rc;
	int rc = sqlite3_step(st);
	int64_t bad = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	if (bad) {
		*first_bad = bad;
		return err_set(err, CASUS_E_NOTDB, _("The access log is broken at row %lld: it was "
			"emptied outside casus, not by the destruction of a dossier."), (long long)bad);
	}
	if (!(st = db_stmt(ctx, SQL_DESTROYS, err)))
		return err->rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 1);
		char case_no[16];
		long long stated = -1;
		if (!detail || sscanf(detail, "case %15s destroyed; %lld access-log rows", case_no,
			&stated) != 2 || stated != sqlite3_column_int64(st, 2)) {
			bad = sqlite3_column_int64(st, 0);
			break;
		}
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	if (bad) {
		*first_bad = bad;
		return err_set(err, CASUS_E_NOTDB, _("The access log is broken at row %lld: the rows "
			"it redacted were changed outside casus."), (long long)bad);
	}
	return CASUS_OK;
}

static enum casus_rc verify_rows(struct casus_ctx *ctx, int64_t *first_bad,
	int64_t *rows_checked, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_ALL, err);
	if (!st)
		return err->rc;
	char prev[65];
	snprintf(prev, sizeof prev, "%s", ZERO_HASH);
	int64_t n = 0, expect_seq = 1;
	*first_bad = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(st, 0);
		const char *fields[10];
		for (int i = 0; i < 10; i++)
			fields[i] = (const char *)sqlite3_column_text(st, i + 1);
		char ch[65], chain[65];
		const char *stored_ch = (const char *)sqlite3_column_text(st, 11);
		const char *stored_chain = (const char *)sqlite3_column_text(st, 12);
		/* A redacted row's content is gone; its stored content hash still links the
		 * chain (verify_redactions checks the redaction itself). */
		if (sqlite3_column_type(st, 13) != SQLITE_NULL && stored_ch && strlen(stored_ch) == 64)
			snprintf(ch, sizeof ch, "%s", stored_ch);
		else
			content_hash(seq, fields, ch);
		chain_hash(prev, ch, chain);
		n++;
		if (seq != expect_seq || !stored_ch || !stored_chain || strcmp(ch, stored_ch) != 0
		    || strcmp(chain, stored_chain) != 0) {
			*first_bad = seq != expect_seq && seq > expect_seq ? expect_seq : seq;
			db_done(st);
			if (rows_checked)
				*rows_checked = n;
			if (seq != expect_seq)
				return err_set(err, CASUS_E_NOTDB,
					_("The access log is broken: row %lld is missing (rows were removed "
					  "outside casus)."), (long long)expect_seq);
			return err_set(err, CASUS_E_NOTDB,
				_("The access log is broken at row %lld: it was changed outside casus."),
				(long long)seq);
		}
		snprintf(prev, sizeof prev, "%s", stored_chain);
		expect_seq = seq + 1;
	}
	db_done(st);
	if (rows_checked)
		*rows_checked = n;
	if (rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	if (verify_redactions(ctx, first_bad, err))
		return err->rc;
	char last[32];
	/* The newest seq is also kept in meta so that cutting rows off the end shows. */
	if (casus_meta_get(ctx, "audit_last_seq", last, sizeof last) && expect_seq - 1 < atoll(last)) {
		*first_bad = expect_seq;
		return err_set(err, CASUS_E_NOTDB,
			_("The access log is broken: its newest rows (from %lld) were removed outside "
			  "casus."), (long long)expect_seq);
	}
	return CASUS_OK;
}

static const char SQL_EACH[] =
	"SELECT a.seq, a.at, a.event, a.login, a.on_behalf, a.workstation, a.family_id,"
	" f.case_no, a.object_type, a.object_id, a.detail, coalesce(a.redacted_by, 0)"
	" FROM audit a LEFT JOIN family f ON f.id = a.family_id"
	" WHERE (?1 IS NULL OR a.family_id = ?1) AND (?2 IS NULL OR a.login = ?2)"
	"   AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at < ?4)"
	" ORDER BY a.seq";

/* The columns of SQL_EACH and SQL_PAGE, in this order. */
static void read_row(sqlite3_stmt *st, struct audit_row *row)
{
	memset(row, 0, sizeof *row);
	row->seq = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, row->at, sizeof row->at);
	db_col_text(st, 2, row->event, sizeof row->event);
	db_col_text(st, 3, row->login, sizeof row->login);
	db_col_text(st, 4, row->on_behalf, sizeof row->on_behalf);
	db_col_text(st, 5, row->workstation, sizeof row->workstation);
	db_col_text(st, 6, row->family_id, sizeof row->family_id);
	db_col_text(st, 7, row->case_no, sizeof row->case_no);
	db_col_text(st, 8, row->object_type, sizeof row->object_type);
	db_col_text(st, 9, row->object_id, sizeof row->object_id);
	db_col_text(st, 10, row->detail, sizeof row->detail);
	row->redacted_by = sqlite3_column_int64(st, 11);
}

enum casus_rc audit_each(struct casus_ctx *ctx, const struct audit_filter *f,
	int (*fn)(void *arg, const struct audit_row *row), void *arg, struct casus_err *err)
{
	/* The log is itself access-controlled (NEN 7513): the teamleider reads it. */
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("read the access log"), err);
	if (r)
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_EACH, err);
	if (!st)
		return err->rc;
	db_bind_text(st, 1, f ? f->family_id : NULL);
	db_bind_text(st, 2, f ? f->login : NULL);
	db_bind_text(st, 3, f ? f->since : NULL);
	db_bind_text(st, 4, f ? f->until : NULL);
	int rc;
	struct audit_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, &row);
		if (fn(arg, &row))
			break;
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	return CASUS_OK;
}

/* ---- paging, newest first ---- */

#define AUDIT_WHERE \
	" WHERE (?1 IS NULL OR a.family_id = ?1) AND (?2 IS NULL OR a.login = ?2)" \
	"   AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at < ?4)"

static const char SQL_COUNT[] = "SELECT count(*) FROM audit a" AUDIT_WHERE;
static const char SQL_PAGE[] =
	"SELECT a.seq, a.at, a.event, a.login, a.on_behalf, a.workstation, a.family_id,"
	" f.case_no, a.object_type, a.object_id, a.detail, coalesce(a.redacted_by, 0)"
	" FROM audit a LEFT JOIN family f ON f.id = a.family_id" AUDIT_WHERE
	" ORDER BY a.seq DESC LIMIT ?5 OFFSET ?6";

static void bind_filter(sqlite3_stmt *st, const struct audit_filter *f)
{
	db_bind_text(st, 1, f ? f->family_id : NULL);
	db_bind_text(st, 2, f ? f->login : NULL);
	db_bind_text(st, 3, f ? f->since : NULL);
	db_bind_text(st, 4, f ? f->until : NULL);
}

enum casus_rc audit_count(struct casus_ctx *ctx, const struct audit_filter *f, int64_t *count,
	struct casus_err *err)
{
	*count = 0;
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("read the access log"), err);
	if (r)
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_COUNT, err);
	if (!st)
		return err->rc;
	bind_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	db_done(st);
	return rc == SQLITE_ROW ? CASUS_OK : db_fail(ctx, rc, err);
}

enum casus_rc audit_page(struct casus_ctx *ctx, const struct audit_filter *f, int64_t offset,
	int limit, struct audit_row *rows, int *n_out, struct casus_err *err)
{
	*n_out = 0;
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("read the access log"), err);
	if (r)
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_PAGE, err);
	if (!st)
		return err->rc;
	bind_filter(st, f);
	sqlite3_bind_int(st, 5, limit > 0 ? limit : 0);
	sqlite3_bind_int64(st, 6, offset > 0 ? offset : 0);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n_out < limit)
		read_row(st, &rows[(*n_out)++]);
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, rc, err);
	return CASUS_OK;
}

bool audit_row_flagged(const struct audit_row *row)
{
	return strcmp(row->event, audit_event_name(AUDIT_BREAKGLASS)) == 0;
}
