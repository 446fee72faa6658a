/* Prepared-statement cache, transactions and the mapping of SQLite errors to
 * messages a coach understands. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "casus/db.h"
#include "casus/i18n.h"

sqlite3_stmt *db_stmt(struct casus_ctx *ctx, const char *sql, struct casus_err *err)
{
	for (int i = 0; i < ctx->cache_used; i++) {
		if (ctx->cache[i].sql == sql) {
			sqlite3_reset(ctx->cache[i].st);
			sqlite3_clear_bindings(ctx->cache[i].st);
			return ctx->cache[i].st;
		}
	}
	if (ctx->cache_used >= DB_STMT_CACHE) {
		/* A bounded set of static SQL strings is cached; running out is a bug. */
		err_set(err, CASUS_E_DB, "internal error: statement cache full");
		return NULL;
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(ctx->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(ctx, rc, err);
		return NULL;
	}
	ctx->cache[ctx->cache_used].sql = sql;
	ctx->cache[ctx->cache_used].st = st;
	ctx->cache_used++;
	return st;
}

void db_done(sqlite3_stmt *st)
{
	if (st)
		sqlite3_reset(st);
}

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* How long a write waits for another process's write lock; db_open.c gives reads
 * the same time through sqlite3_busy_timeout(). */
#define DB_BUSY_TIMEOUT_MS 5000

/* SQLite's own busy handler (sqlite3_busy_timeout) backs off to 100 ms sleeps, so a
 * process that has waited a while polls rarely and loses the write lock to newcomers
 * that poll after 1, 2, 5 ms. With several coaches saving steadily one of them could
 * wait past the timeout and be told "busy" (the reliability test measured waits of
 * 4 s). Short jittered sleeps give every waiter about the same chance at each
 * release. count is 0 at the start of each wait; a process waits in one thread. */
static int busy_wait_fair(void *arg, int count)
{
	static int64_t since;
	static uint32_t seed;
	(void)arg;
	int64_t now = now_us();
	if (count == 0) {
		since = now;
		seed ^= (uint32_t)now ^ ((uint32_t)getpid() << 16);
	}
	if (now - since >= (int64_t)DB_BUSY_TIMEOUT_MS * 1000)
		return 0;
	seed = seed * 1103515245u + 12345u;
	long us = 200 + (long)((seed >> 16) % 1300);
	struct timespec ts = { 0, us * 1000 };
	nanosleep(&ts, NULL);
	return 1;
}

/* Read-only trouble that is not the database file itself, so that the message does
 * not send the teamleider to check a file whose permissions are fine. */
static enum casus_rc readonly_beside(struct casus_ctx *ctx, int rc, struct casus_err *err)
{
	char shm[sizeof ctx->path + 8];
	snprintf(shm, sizeof shm, "%s-shm", ctx->path);
	/* SQLite must make the -shm file even to read a WAL database. */
	if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
		return err_set(err, CASUS_E_READONLY,
			_("casus cannot open %s: its folder is read-only here, and SQLite has to create "
			  "%s beside the database even to read it. Ask the teamleider about the "
			  "folder's permissions."), ctx->path, shm);
	/* A -shm left by an earlier read-only use (or another user's umask) keeps a
	 * writable database read-only for everyone who cannot write it. */
	if (!ctx->readonly && access(shm, F_OK) == 0 && access(shm, W_OK) != 0)
		return err_set(err, CASUS_E_READONLY,
			_("Nothing was saved: %s, which belongs to the database, is read-only here. "
			  "When nobody is using casus, the teamleider can remove it or fix its "
			  "permissions."), shm);
	return CASUS_OK;
}

enum casus_rc db_fail(struct casus_ctx *ctx, int rc, struct casus_err *err)
{
	const char *detail = ctx && ctx->db ? sqlite3_errmsg(ctx->db) : sqlite3_errstr(rc);
	const char *path = ctx ? ctx->path : "";
	enum casus_rc why;
	if ((rc & 0xff) == SQLITE_READONLY && ctx && (why = readonly_beside(ctx, rc, err)))
		return why;
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return err_set(err, CASUS_E_FULL,
			_("The disk is full: nothing was saved. Free some space and try again."));
	case SQLITE_READONLY:
		return err_set(err, CASUS_E_READONLY,
			_("The database %s is read-only here, so nothing can be saved. Ask the "
			  "teamleider about the file's permissions."), path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, CASUS_E_BUSY,
			_("The database is busy: another casus kept it locked too long. Nothing was "
			  "saved; try again."));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(err, CASUS_E_NOTDB,
			_("%s is damaged or not a casus database (%s). casus has not changed it; "
			  "restore it from a backup or ask for help."), path, detail);
	case SQLITE_CANTOPEN:
		return err_set(err, CASUS_E_IO, _("Cannot open the database %s (%s)."), path, detail);
	case SQLITE_IOERR:
		return err_set(err, CASUS_E_IO,
			_("Reading or writing the database failed (%s). Nothing was saved."), detail);
	case SQLITE_NOMEM:
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	case SQLITE_CONSTRAINT:
		return err_set(err, CASUS_E_INVALID, _("The database refused the change: %s"),
			detail);
	default:
		return err_set(err, CASUS_E_DB, _("Database error: %s"), detail);
	}
}

enum casus_rc db_writable(struct casus_ctx *ctx, struct casus_err *err)
{
	if (ctx->readonly)
		return db_fail(ctx, SQLITE_READONLY, err);
	return CASUS_OK;
}

enum casus_rc db_begin(struct casus_ctx *ctx, struct casus_err *err)
{
	if (ctx->tx_depth > 0) {
		ctx->tx_depth++;
		return CASUS_OK;
	}
	enum casus_rc r = db_writable(ctx, err);
	if (r)
		return r;
	/* Writers queue here, so here the wait must be fair; afterwards the plain timeout
	 * again (it is what PRAGMA busy_timeout shows). */
	sqlite3_busy_handler(ctx->db, busy_wait_fair, NULL);
	int rc = sqlite3_exec(ctx->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_busy_timeout(ctx->db, DB_BUSY_TIMEOUT_MS);
	if (rc != SQLITE_OK)
		return db_fail(ctx, rc, err);
	ctx->tx_depth = 1;
	ctx->tx_failed = false;
	return CASUS_OK;
}

enum casus_rc db_commit(struct casus_ctx *ctx, struct casus_err *err)
{
	if (ctx->tx_depth <= 0)
		return CASUS_OK;
	if (--ctx->tx_depth > 0)
		return CASUS_OK;
	if (ctx->tx_failed) {
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
		return err_set(err, CASUS_E_DB, _("The change was undone because part of it failed."));
	}
	int rc = sqlite3_exec(ctx->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum casus_rc r = db_fail(ctx, rc, err);
		if (!sqlite3_get_autocommit(ctx->db))
			sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
		return r;
	}
	return CASUS_OK;
}

void db_rollback(struct casus_ctx *ctx)
{
	if (ctx->tx_depth <= 0)
		return;
	if (--ctx->tx_depth > 0) {
		ctx->tx_failed = true;
		return;
	}
	if (!sqlite3_get_autocommit(ctx->db))
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
	ctx->tx_failed = false;
}

int db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

void db_col_text(sqlite3_stmt *st, int col, char *out, size_t outsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, outsz, "%s", t ? (const char *)t : "");
}

enum casus_rc db_exec_stmt(struct casus_ctx *ctx, sqlite3_stmt *st, struct casus_err *err)
{
	int rc = sqlite3_step(st);
	enum casus_rc r = CASUS_OK;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		r = db_fail(ctx, rc, err);
	sqlite3_reset(st);
	return r;
}

static const char SQL_META_GET[] = "SELECT value FROM meta WHERE key = ?1";
static const char SQL_META_SET[] =
	"INSERT INTO meta(key, value) VALUES (?1, ?2) "
	"ON CONFLICT(key) DO UPDATE SET value = excluded.value";

bool casus_meta_get(struct casus_ctx *ctx, const char *key, char *out, size_t outsz)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_META_GET, NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		db_col_text(st, 0, out, outsz);
	db_done(st);
	return found;
}

enum casus_rc casus_meta_set(struct casus_ctx *ctx, const char *key, const char *value,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_META_SET, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc db_conflict(struct casus_ctx *ctx, const char *who_sql, const char *id,
	const char *what, const char *gone, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, who_sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_done(st);
		return err_set(err, CASUS_E_NOTFOUND, "%s", gone);
	}
	char at[21], login[CASUS_LOGIN_MAX + 1], name[CASUS_NAME_MAX * 4 + 1], label[808];
	db_col_text(st, 0, at, sizeof at);
	db_col_text(st, 1, login, sizeof login);
	db_col_text(st, 2, name, sizeof name);
	snprintf(label, sizeof label, "%s", what ? what : "");
	if (!what && sqlite3_column_count(st) > 3)
		db_col_text(st, 3, label, sizeof label);
	db_done(st);
	return err_set(err, CASUS_E_CONFLICT,
		_("%s was changed by %s (%s) at %s, after you opened it. Your change was not "
		  "saved; look at their change and make yours again."), label, name, login, at);
}
