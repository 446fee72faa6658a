/* Opening a team database safely: permission and format checks before SQLite
 * touches the file, pragmas, and schema migrations by PRAGMA user_version. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casus/db.h"
#include "casus/embed.h"
#include "casus/i18n.h"

void casus_default_path(const char *name, char *out, size_t outsz)
{
	const char *env = getenv("CASUS_DB");
	if (!name && env && *env) {
		snprintf(out, outsz, "%s", env);
		return;
	}
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg == '/')
		snprintf(out, outsz, "%s/casus/%s", xdg, name ? name : "team.db");
	else
		snprintf(out, outsz, "%s/.local/share/casus/%s", home && *home ? home : ".",
			name ? name : "team.db");
}

/* mkdir -p for the folder holding path, private to the user. */
static enum casus_rc make_parent_dirs(const char *path, struct casus_err *err)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	char *slash = strrchr(buf, '/');
	if (!slash || slash == buf)
		return CASUS_OK;
	*slash = '\0';
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			goto fail;
		*p = '/';
	}
	if (mkdir(buf, 0700) != 0 && errno != EEXIST)
		goto fail;
	return CASUS_OK;
fail:
	return err_set(err, CASUS_E_IO, _("Cannot create the folder %s: %s"), buf, strerror(errno));
}

static enum casus_rc check_existing_file(const char *path, bool *readonly, struct casus_err *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return err_set(err, CASUS_E_NOTFOUND,
				_("There is no team database at %s. Create one with 'casus init --team NAME', "
				  "or try casus with demo data: 'casus demo'."), path);
		return err_set(err, CASUS_E_IO, _("Cannot open %s: %s"), path, strerror(errno));
	}
	if (!S_ISREG(st.st_mode))
		return err_set(err, CASUS_E_NOTDB, _("%s is not a file, so not a casus database."), path);
	if (st.st_mode & (S_IROTH | S_IWOTH))
		return err_set(err, CASUS_E_UNSAFE,
			_("%s can be read by every user of this machine, and it holds confidential "
			  "care records. casus will not open it until you fix that: chmod 600 '%s' "
			  "(or chmod 660 when the team shares it through a Unix group)."), path, path);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, errno == EACCES ? CASUS_E_IO : CASUS_E_IO,
			_("Cannot read %s: %s"), path, strerror(errno));
	char head[16] = { 0 };
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	if (n != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
		return err_set(err, CASUS_E_NOTDB,
			_("%s is not a casus database (it is empty or another kind of file). casus has "
			  "not changed it."), path);
	*readonly = access(path, W_OK) != 0;
	return CASUS_OK;
}

static enum casus_rc create_file(const char *path, const char *group, struct casus_err *err)
{
	enum casus_rc rc = make_parent_dirs(path, err);
	if (rc)
		return rc;
	gid_t gid = (gid_t)-1;
	if (group && *group) {
		struct group *g = getgrnam(group);
		if (!g)
			return err_set(err, CASUS_E_INVALID, _("There is no Unix group '%s'."), group);
		gid = g->gr_gid;
	}
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, group ? 0660 : 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return err_set(err, CASUS_E_EXISTS,
				_("%s already exists; casus will not overwrite it."), path);
		return err_set(err, CASUS_E_IO, _("Cannot create %s: %s"), path, strerror(errno));
	}
	/* The umask may have removed bits; set exactly what we mean. */
	if (fchmod(fd, group ? 0660 : 0600) != 0
	    || (gid != (gid_t)-1 && fchown(fd, (uid_t)-1, gid) != 0)) {
		int e = errno;
		close(fd);
		unlink(path);
		return err_set(err, CASUS_E_IO, _("Cannot set the permissions of %s: %s"), path,
			strerror(e));
	}
	close(fd);
	return CASUS_OK;
}

static enum casus_rc exec_sql(struct casus_ctx *ctx, const char *sql, struct casus_err *err)
{
	int rc = sqlite3_exec(ctx->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CASUS_OK : db_fail(ctx, rc, err);
}

static int pragma_int(struct casus_ctx *ctx, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static enum casus_rc migrate(struct casus_ctx *ctx, bool created, struct casus_err *err)
{
	int version = 0, app = 0, rc;
	if ((rc = pragma_int(ctx, "PRAGMA user_version", &version)) != SQLITE_OK
	    || (rc = pragma_int(ctx, "PRAGMA application_id", &app)) != SQLITE_OK)
		return db_fail(ctx, rc, err);
	if (!created && app != CASUS_APPLICATION_ID)
		return err_set(err, CASUS_E_NOTDB,
			_("%s is an SQLite database, but not one of casus. casus has not changed it."),
			ctx->path);
	int latest = (int)casus_schema_count;
	if (ctx->inspect)
		return CASUS_OK;
	if (version > latest)
		return err_set(err, CASUS_E_VERSION,
			_("%s was made by a newer casus (schema %d; this casus knows up to %d). "
			  "Update casus before opening it."), ctx->path, version, latest);
	/* Only now, with the file known to be ours and not too new, may it be changed:
	 * switching to WAL rewrites the file header. */
	if (!ctx->readonly && (rc = sqlite3_exec(ctx->db, "PRAGMA journal_mode = WAL", NULL, NULL,
				       NULL)) != SQLITE_OK)
		return db_fail(ctx, rc, err);
	if (version == latest)
		return CASUS_OK;
	if (ctx->readonly)
		return err_set(err, CASUS_E_READONLY,
			_("%s needs an update to its structure, but it is read-only."), ctx->path);
	for (int i = version; i < latest; i++) {
		char bump[64];
		enum casus_rc r = db_begin(ctx, err);
		if (r)
			return r;
		/* Another process may have migrated while we waited for the write lock. */
		int now_at = 0;
		if ((rc = pragma_int(ctx, "PRAGMA user_version", &now_at)) != SQLITE_OK) {
			db_rollback(ctx);
			return db_fail(ctx, rc, err);
		}
		if (now_at > i) {
			db_rollback(ctx);
			i = now_at - 1;
			continue;
		}
		if ((r = exec_sql(ctx, casus_schema[i].text, err)) != CASUS_OK) {
			db_rollback(ctx);
			return r;
		}
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", i + 1);
		if (i == 0)
			exec_sql(ctx, "PRAGMA application_id = 1128354645", err); /* "CASU" */
		if ((r = exec_sql(ctx, bump, err)) != CASUS_OK) {
			db_rollback(ctx);
			return r;
		}
		if ((r = db_commit(ctx, err)) != CASUS_OK)
			return r;
	}
	return CASUS_OK;
}

static enum casus_rc apply_pragmas(struct casus_ctx *ctx, struct casus_err *err)
{
	sqlite3_busy_timeout(ctx->db, 5000);
	sqlite3_db_config(ctx->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
	sqlite3_db_config(ctx->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
	sqlite3_extended_result_codes(ctx->db, 1);
	enum casus_rc r = exec_sql(ctx, "PRAGMA foreign_keys = ON", err);
	/* journal_mode = WAL is set in migrate(), after the format checks. */
	if (!r)
		r = exec_sql(ctx, "PRAGMA synchronous = FULL", err);
	return r;
}

enum casus_rc casus_open(const char *path, const struct casus_open_opts *opts,
	struct casus_ctx **out, struct casus_err *err)
{
	enum casus_open_mode mode = opts ? opts->mode : CASUS_OPEN_EXISTING;
	bool readonly = false, created = false;
	enum casus_rc r;
	*out = NULL;
	if (!path || !*path)
		return err_set(err, CASUS_E_INVALID, _("No database path given."));
	if (strlen(path) >= sizeof((struct casus_ctx *)0)->path)
		return err_set(err, CASUS_E_INVALID, _("The database path is too long."));
	if (mode == CASUS_OPEN_CREATE) {
		if ((r = create_file(path, opts->group, err)) != CASUS_OK)
			return r;
		created = true;
	} else if ((r = check_existing_file(path, &readonly, err)) != CASUS_OK) {
		return r;
	}
	struct casus_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	snprintf(ctx->path, sizeof ctx->path, "%s", path);
	ctx->inspect = mode == CASUS_OPEN_INSPECT;
	ctx->readonly = readonly || ctx->inspect;
	int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
		    | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
	int rc = sqlite3_open_v2(path, &ctx->db, flags, NULL);
	if (rc != SQLITE_OK) {
		r = db_fail(ctx, rc, err);
		goto fail;
	}
	if ((r = apply_pragmas(ctx, err)) != CASUS_OK || (r = migrate(ctx, created, err)) != CASUS_OK)
		goto fail;
	char demo[8], seq[32];
	ctx->demo = casus_meta_get(ctx, "demo", demo, sizeof demo) && strcmp(demo, "1") == 0;
	if (casus_meta_get(ctx, "audit_last_seq", seq, sizeof seq))
		ids_salt(strtoull(seq, NULL, 10));
	*out = ctx;
	return CASUS_OK;
fail:
	casus_close(ctx);
	if (created)
		unlink(path);
	return r;
}

void casus_close(struct casus_ctx *ctx)
{
	if (!ctx)
		return;
	for (int i = 0; i < ctx->cache_used; i++)
		sqlite3_finalize(ctx->cache[i].st);
	sqlite3_close(ctx->db);
	free(ctx);
}

int64_t casus_data_version(struct casus_ctx *ctx)
{
	int v = 0;
	pragma_int(ctx, "PRAGMA data_version", &v);
	return v;
}
