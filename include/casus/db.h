/* The open team database and who is using it.
 *
 * struct casus_ctx is the one handle every core call takes: the SQLite connection,
 * its cache of prepared statements, the acting team member and where they work from
 * (for the access log). Open with casus_open(), say who is acting with
 * casus_identify(), close with casus_close(). */
#ifndef CASUS_DB_H
#define CASUS_DB_H
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "casus/err.h"
#include "casus/ids.h"

enum member_role {
	ROLE_COACH,
	ROLE_GEDRAGSWETENSCHAPPER,
	ROLE_TEAMLEIDER,
};

#define CASUS_LOGIN_MAX 64
#define CASUS_NAME_MAX 200 /* characters; buffers hold 4 bytes each */

struct casus_user {
	char id[CASUS_ID_LEN]; /* "" until identified */
	char login[CASUS_LOGIN_MAX + 1];
	char name[CASUS_NAME_MAX * 4 + 1];
	enum member_role role;
	bool aandacht; /* aandachtsfunctionaris */
};

#define DB_STMT_CACHE 1024

struct casus_ctx {
	sqlite3 *db;
	char path[4096];
	struct casus_user user;
	char on_behalf[CASUS_LOGIN_MAX + 1]; /* the real login when acting --as another */
	char workstation[128];
	bool demo;     /* a demo database: --as is allowed */
	bool readonly; /* the file could only be opened for reading */
	bool inspect;  /* opened with CASUS_OPEN_INSPECT */
	int tx_depth;
	bool tx_failed;
	struct {
		const char *sql; /* identity of a static SQL string */
		sqlite3_stmt *st;
	} cache[DB_STMT_CACHE];
	int cache_used;
};

enum casus_open_mode {
	CASUS_OPEN_EXISTING, /* the database must exist; it is migrated if older */
	CASUS_OPEN_CREATE,   /* the file must not exist; it is created and migrated */
	CASUS_OPEN_INSPECT,  /* read-only look at an existing casus database: nothing in
	                      * the file is changed, not even its journal mode; an older
	                      * schema is not migrated (only meta can be relied on) */
};

struct casus_open_opts {
	enum casus_open_mode mode;
	const char *group; /* CREATE: a Unix group; the file becomes 0660 in it */
};

/* Open (or create) the database at path. On success *out is owned by the caller
 * (casus_close). Refuses files readable by others, files that are not casus
 * databases, and databases made by a newer casus; never changes such a file. */
enum casus_rc casus_open(const char *path, const struct casus_open_opts *opts,
	struct casus_ctx **out, struct casus_err *err);
void casus_close(struct casus_ctx *ctx);

/* The default database path: $CASUS_DB, else $XDG_DATA_HOME/casus/team.db, else
 * ~/.local/share/casus/team.db. name overrides "team.db" (e.g. "demo.db"). */
void casus_default_path(const char *name, char *out, size_t outsz);

/* Map the Unix login (or, in a demo database only, as_login) to a team member and
 * make them the acting user. Unknown logins get a message naming the command a
 * teamleider runs to add them. */
enum casus_rc casus_identify(struct casus_ctx *ctx, const char *as_login, struct casus_err *err);
/* The Unix login of the process (getpwuid(geteuid())). */
const char *casus_unix_login(void);

/* meta key/value (team name, demo flag). Returns false when absent. */
bool casus_meta_get(struct casus_ctx *ctx, const char *key, char *out, size_t outsz);
enum casus_rc casus_meta_set(struct casus_ctx *ctx, const char *key, const char *value,
	struct casus_err *err);

/* PRAGMA data_version: changes when another connection commits. */
int64_t casus_data_version(struct casus_ctx *ctx);

/* ---- for core modules only ---- */

/* A prepared statement for a static SQL string, cached per connection and reset.
 * Call db_done() when finished with it so no read transaction stays open. */
sqlite3_stmt *db_stmt(struct casus_ctx *ctx, const char *sql, struct casus_err *err);
void db_done(sqlite3_stmt *st);
/* BEGIN IMMEDIATE (or join the open transaction); commit; roll back. */
enum casus_rc db_begin(struct casus_ctx *ctx, struct casus_err *err);
enum casus_rc db_commit(struct casus_ctx *ctx, struct casus_err *err);
void db_rollback(struct casus_ctx *ctx);
/* Turn a SQLite result code into a casus error with a user message. */
enum casus_rc db_fail(struct casus_ctx *ctx, int sqlite_rc, struct casus_err *err);
/* Bind text, or NULL when s is NULL or empty. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* Copy column text into a buffer ("" for NULL). */
void db_col_text(sqlite3_stmt *st, int col, char *out, size_t outsz);
/* Step a statement that returns no rows; maps errors. */
enum casus_rc db_exec_stmt(struct casus_ctx *ctx, sqlite3_stmt *st, struct casus_err *err);
/* Fail with CASUS_E_STATE unless a write is possible (read-only file). */
enum casus_rc db_writable(struct casus_ctx *ctx, struct casus_err *err);
/* After an UPDATE ... WHERE rev = ? touched no row: CASUS_E_CONFLICT naming who changed
 * the record and when, or CASUS_E_NOTFOUND with the message gone when it no longer
 * exists. who_sql binds the id as ?1 and returns updated_at, the member's login and
 * name, and (when what is NULL) the record's label as a fourth column. */
enum casus_rc db_conflict(struct casus_ctx *ctx, const char *who_sql, const char *id,
	const char *what, const char *gone, struct casus_err *err);

#define CASUS_APPLICATION_ID 0x43415355 /* "CASU" */

#endif
