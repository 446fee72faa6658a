/* Opening, creating and migrating the team database: pragmas, file permissions,
 * refusing files that are not (or not yet) casus databases without changing them,
 * read-only files, and the prepared-statement cache. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casus/embed.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/sha256.h"
#include "fixture.h"

/* ---- helpers ---- */

/* SHA-256 of a whole file, so "unchanged" means every byte. */
static void file_sha(const char *path, char hex[65])
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot read %s: %s", path, strerror(errno));
	struct sha256 s;
	sha256_init(&s);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sha256_update(&s, buf, n);
	fclose(f);
	sha256_final_hex(&s, hex);
}

static off_t file_size(const char *path)
{
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_size;
}

static void write_file(const char *path, const void *data, size_t n, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	ck_assert_msg(fd >= 0, "cannot create %s: %s", path, strerror(errno));
	ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
	ck_assert_int_eq(chmod(path, mode), 0);
}

/* The first n bytes of src as a new file dst (mode 0600). */
static void copy_prefix(const char *src, const char *dst, size_t n)
{
	char *buf = malloc(n);
	ck_assert_ptr_nonnull(buf);
	FILE *f = fopen(src, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fread(buf, 1, n, f), n);
	fclose(f);
	write_file(dst, buf, n, 0600);
	free(buf);
}

static void sibling(const struct fixture *fx, const char *name, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s/%s", fx->dir, name);
}

static void unlink_db(const char *path)
{
	char p[512];
	const char *suffix[] = { "", "-wal", "-shm", "-journal" };
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

static int pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void pragma_text(sqlite3 *db, const char *sql, char *out, size_t outsz)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Run raw SQL on a file with plain SQLite (outside casus). */
static void raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
	sqlite3_close(db);
}

static enum casus_rc open_existing(const char *path, struct casus_ctx **out,
	struct casus_err *err)
{
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	return casus_open(path, &o, out, err);
}

/* Open path and expect it to be refused with rc; the file must be byte-identical
 * afterwards, and no stray -wal/-journal may be left behind. */
static void expect_refused_unchanged(const char *path, enum casus_rc rc, const char *needle)
{
	char before[65], after[65], side[512];
	file_sha(path, before);
	off_t size = file_size(path);
	struct casus_ctx *c = (struct casus_ctx *)0x1;
	struct casus_err err = { 0 };
	enum casus_rc got = open_existing(path, &c, &err);
	ck_assert_msg(got == rc, "%s: expected rc %d, got %d (%s)", path, rc, got, err.msg);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(err.rc, rc);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "message '%s' lacks '%s'", err.msg, needle);
	file_sha(path, after);
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(file_size(path), size);
	snprintf(side, sizeof side, "%s-journal", path);
	ck_assert_int_ne(access(side, F_OK), 0);
}

/* ---- creating ---- */

START_TEST(new_database_is_private_0600_even_with_open_umask)
{
	struct fixture fx;
	mode_t old = umask(0);
	fx_setup(&fx);
	umask(old);
	struct stat st;
	ck_assert_int_eq(stat(fx.path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0600);
	/* The WAL and shared-memory files SQLite makes beside it follow the database. */
	char wal[400];
	snprintf(wal, sizeof wal, "%s-wal", fx.path);
	ck_assert_int_eq(stat(wal, &st), 0);
	ck_assert_uint_eq(st.st_mode & 077, 0);
	fx_teardown(&fx);
}
END_TEST

START_TEST(pragmas_wal_foreign_keys_synchronous_full)
{
	struct fixture fx;
	fx_setup(&fx);
	struct casus_ctx *second = fx_second(&fx, "coach1");
	struct casus_ctx *both[2] = { fx.ctx, second }; /* created, and opened existing */
	for (int i = 0; i < 2; i++) {
		char mode[16];
		pragma_text(both[i]->db, "PRAGMA journal_mode", mode, sizeof mode);
		ck_assert_str_eq(mode, "wal");
		ck_assert_int_eq(pragma_int(both[i]->db, "PRAGMA foreign_keys"), 1);
		ck_assert_int_eq(pragma_int(both[i]->db, "PRAGMA synchronous"), 2);
		ck_assert_int_ge(pragma_int(both[i]->db, "PRAGMA busy_timeout"), 1000);
		ck_assert_int_eq(pragma_int(both[i]->db, "PRAGMA trusted_schema"), 0);
		ck_assert_int_eq(pragma_int(both[i]->db, "PRAGMA application_id"),
			CASUS_APPLICATION_ID);
	}
	/* foreign_keys really is enforced: a family created by nobody is refused. */
	int rc = sqlite3_exec(second->db,
		"INSERT INTO family(id, case_year, case_seq, case_no, display_name, sort_name,"
		" phase, registered_on, created_at, created_by, updated_at, updated_by) VALUES"
		" ('00000000-0000-4000-8000-000000000001', 2026, 99, '2026-0099', 'X', 'x',"
		" 'aanmelding', '2026-01-01', 't', '00000000-0000-4000-8000-00000000dead', 't',"
		" '00000000-0000-4000-8000-00000000dead')", NULL, NULL, NULL);
	ck_assert_int_eq(rc & 0xff, SQLITE_CONSTRAINT);
	casus_close(second);
	fx_teardown(&fx);
}
END_TEST

START_TEST(create_refuses_an_existing_file_and_leaves_it)
{
	struct fixture fx;
	fx_setup(&fx);
	char other[400];
	sibling(&fx, "notes.txt", other, sizeof other);
	write_file(other, "my notes\n", 9, 0600);
	char before[65], after[65];
	file_sha(other, before);
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	struct casus_ctx *c = NULL;
	struct casus_err err = { 0 };
	ck_assert_int_eq(casus_open(other, &o, &c, &err), CASUS_E_EXISTS);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(strstr(err.msg, "will not overwrite"));
	file_sha(other, after);
	ck_assert_str_eq(before, after);
	unlink(other);
	fx_teardown(&fx);
}
END_TEST

START_TEST(create_with_unknown_group_leaves_no_file)
{
	struct fixture fx;
	fx_setup(&fx);
	char p[400];
	sibling(&fx, "grp.db", p, sizeof p);
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE, .group = "no-such-group-xq" };
	struct casus_ctx *c = NULL;
	struct casus_err err = { 0 };
	ck_assert_int_eq(casus_open(p, &o, &c, &err), CASUS_E_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "no-such-group-xq"));
	ck_assert_int_ne(access(p, F_OK), 0);
	fx_teardown(&fx);
}
END_TEST

/* ---- refusing ---- */

START_TEST(world_readable_database_refused_with_chmod_hint)
{
	struct fixture fx;
	fx_setup(&fx);
	casus_close(fx.ctx);
	fx.ctx = NULL;
	ck_assert_int_eq(chmod(fx.path, 0644), 0);
	expect_refused_unchanged(fx.path, CASUS_E_UNSAFE, "chmod 600");
	/* Writable by others is just as unsafe. */
	ck_assert_int_eq(chmod(fx.path, 0602), 0);
	expect_refused_unchanged(fx.path, CASUS_E_UNSAFE, "chmod 600");
	struct stat st;
	ck_assert_int_eq(stat(fx.path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0602); /* casus never chmods behind the user's back */
	/* After the fix the same file opens. */
	ck_assert_int_eq(chmod(fx.path, 0600), 0);
	struct casus_ctx *c = NULL;
	ck_ok(open_existing(fx.path, &c, &fx.err));
	char team[64];
	ck_assert(casus_meta_get(c, "team", team, sizeof team));
	ck_assert_str_eq(team, "Testteam");
	casus_close(c);
	fx_teardown(&fx);
}
END_TEST

START_TEST(missing_file_is_notfound_and_names_casus_init)
{
	struct fixture fx;
	fx_setup(&fx);
	char p[400];
	sibling(&fx, "nothere.db", p, sizeof p);
	struct casus_ctx *c = NULL;
	struct casus_err err = { 0 };
	ck_assert_int_eq(open_existing(p, &c, &err), CASUS_E_NOTFOUND);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(strstr(err.msg, "casus init"));
	ck_assert_ptr_nonnull(strstr(err.msg, p));
	ck_assert_int_ne(access(p, F_OK), 0); /* not created as a side effect */
	fx_teardown(&fx);
}
END_TEST

START_TEST(text_file_is_notdb_and_unchanged)
{
	struct fixture fx;
	fx_setup(&fx);
	char p[400];
	sibling(&fx, "letter.db", p, sizeof p);
	const char *text = "Beste collega,\nDit is geen database maar een brief.\n";
	write_file(p, text, strlen(text), 0600);
	expect_refused_unchanged(p, CASUS_E_NOTDB, "not a casus database");
	unlink(p);
	fx_teardown(&fx);
}
END_TEST

START_TEST(empty_file_is_notdb_and_unchanged)
{
	struct fixture fx;
	fx_setup(&fx);
	char p[400];
	sibling(&fx, "empty.db", p, sizeof p);
	write_file(p, "", 0, 0600);
	expect_refused_unchanged(p, CASUS_E_NOTDB, "not a casus database");
	ck_assert_int_eq(file_size(p), 0);
	unlink(p);
	fx_teardown(&fx);
}
END_TEST

START_TEST(truncated_sqlite_file_is_notdb_and_unchanged)
{
	struct fixture fx;
	fx_setup(&fx);
	casus_close(fx.ctx); /* checkpoints the WAL into the file */
	fx.ctx = NULL;
	ck_assert_int_gt(file_size(fx.path), 3 * 4096);
	char p[400];
	sibling(&fx, "cut.db", p, sizeof p);
	/* Cut after three pages: the header is intact, the schema pages are gone. */
	copy_prefix(fx.path, p, 3 * 4096);
	expect_refused_unchanged(p, CASUS_E_NOTDB, "casus has not changed it");
	unlink_db(p);
	/* Cut inside the first page. */
	copy_prefix(fx.path, p, 100);
	expect_refused_unchanged(p, CASUS_E_NOTDB, "casus has not changed it");
	unlink_db(p);
	fx_teardown(&fx);
}
END_TEST

START_TEST(other_sqlite_database_is_notdb_and_unchanged)
{
	struct fixture fx;
	fx_setup(&fx);
	char p[400];
	sibling(&fx, "other.db", p, sizeof p);
	write_file(p, "", 0, 0600);
	/* Somebody else's database, in SQLite's default rollback-journal mode. */
	raw_sql(p, "CREATE TABLE recipe(name TEXT); INSERT INTO recipe VALUES ('stamppot');");
	expect_refused_unchanged(p, CASUS_E_NOTDB, "not one of casus");
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(p, &db), SQLITE_OK);
	char mode[16];
	pragma_text(db, "PRAGMA journal_mode", mode, sizeof mode);
	ck_assert_str_eq(mode, "delete"); /* not switched to WAL */
	ck_assert_int_eq(pragma_int(db, "SELECT count(*) FROM sqlite_schema"), 1);
	sqlite3_close(db);
	unlink_db(p);
	fx_teardown(&fx);
}
END_TEST

START_TEST(newer_schema_version_is_refused_unchanged)
{
	struct fixture fx;
	fx_setup(&fx);
	casus_close(fx.ctx);
	fx.ctx = NULL;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", (int)casus_schema_count + 1);
	raw_sql(fx.path, sql);
	expect_refused_unchanged(fx.path, CASUS_E_VERSION, "newer casus");
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	ck_assert_int_eq(pragma_int(db, "PRAGMA user_version"), (int)casus_schema_count + 1);
	sqlite3_close(db);
	fx_teardown(&fx);
}
END_TEST

/* ---- migrations ---- */

START_TEST(migrations_set_user_version_to_schema_count)
{
	struct fixture fx;
	fx_setup(&fx);
	ck_assert_uint_ge(casus_schema_count, 1);
	ck_assert_ptr_null(casus_schema[casus_schema_count].name);
	ck_assert_str_eq(casus_schema[0].name, "0001_init.sql");
	ck_assert_int_eq(pragma_int(fx.ctx->db, "PRAGMA user_version"), (int)casus_schema_count);
	ck_assert_int_eq(pragma_int(fx.ctx->db,
		"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
		" ('meta', 'member', 'family', 'person', 'regie', 'phase_change', 'audit')"), 7);

	/* An empty database that casus began but never migrated is brought up to date. */
	char p[400];
	sibling(&fx, "fresh.db", p, sizeof p);
	write_file(p, "", 0, 0600);
	raw_sql(p, "PRAGMA application_id = 1128354645");
	struct casus_ctx *c = NULL;
	ck_ok(open_existing(p, &c, &fx.err));
	ck_assert_int_eq(pragma_int(c->db, "PRAGMA user_version"), (int)casus_schema_count);
	ck_assert_int_eq(pragma_int(c->db, "SELECT count(*) FROM family"), 0);
	ck_assert_int_eq(pragma_int(c->db,
		"SELECT count(*) FROM sqlite_schema WHERE name = 'audit_no_delete'"), 1);
	casus_close(c);
	/* Reopening an up-to-date database does not migrate again. */
	ck_ok(open_existing(p, &c, &fx.err));
	ck_assert_int_eq(pragma_int(c->db, "PRAGMA user_version"), (int)casus_schema_count);
	casus_close(c);
	unlink_db(p);
	fx_teardown(&fx);
}
END_TEST

/* ---- read-only ---- */

/* The checks for a read-only file; returns NULL when they pass, else what failed.
 * Runs as a user who cannot write the file. */
static const char *readonly_checks(const char *path)
{
	static char why[700];
	struct casus_ctx *c = NULL;
	struct casus_err err = { 0 };
	char before[65], after[65];
	file_sha(path, before);
	if (open_existing(path, &c, &err) != CASUS_OK) {
		snprintf(why, sizeof why, "open read-only failed: %s", err.msg);
		return why;
	}
	if (!c->readonly) {
		casus_close(c);
		return "ctx->readonly is not set";
	}
	struct member m;
	if (member_get_by_login(c, "coach1", &m, &err) != CASUS_OK) {
		casus_close(c);
		snprintf(why, sizeof why, "reading failed: %s", err.msg);
		return why;
	}
	snprintf(c->user.id, sizeof c->user.id, "%s", m.id);
	snprintf(c->user.login, sizeof c->user.login, "%s", m.login);
	c->user.role = m.role;
	struct family_new in = { .display_name = "Jansen", .framework = -1 };
	struct family f;
	enum casus_rc rc = family_add(c, &in, &f, &err);
	if (rc != CASUS_E_READONLY || !strstr(err.msg, "read-only")) {
		casus_close(c);
		snprintf(why, sizeof why, "family_add on a read-only file: rc %d, '%s'", rc, err.msg);
		return why;
	}
	rc = casus_meta_set(c, "team", "Changed", &err);
	casus_close(c);
	if (rc != CASUS_E_READONLY) {
		snprintf(why, sizeof why, "meta_set on a read-only file: rc %d, '%s'", rc, err.msg);
		return why;
	}
	file_sha(path, after);
	if (strcmp(before, after) != 0)
		return "the read-only file changed";
	return NULL;
}

START_TEST(readonly_file_opens_for_reading_and_refuses_writes)
{
	struct fixture fx;
	fx_setup(&fx);
	casus_close(fx.ctx);
	fx.ctx = NULL;
	ck_assert_int_eq(chmod(fx.path, 0400), 0);

	/* Whoever runs this can read it. */
	struct casus_ctx *c = NULL;
	ck_ok(open_existing(fx.path, &c, &fx.err));
	struct member m;
	ck_ok(member_get_by_login(c, "gw1", &m, &fx.err));
	ck_assert_str_eq(m.name, "Greet Wetenschap");
	casus_close(c);

	if (geteuid() != 0) {
		const char *why = readonly_checks(fx.path);
		ck_assert_msg(why == NULL, "%s", why);
	} else {
		/* root bypasses file permissions, so do the write checks as 'nobody' in a
		 * child, on a copy in a folder under /tmp that 'nobody' can reach (the build
		 * folder may sit under /root). */
		struct passwd *pw = getpwnam("nobody");
		char dir[] = "/tmp/casus-ro-XXXXXX";
		if (pw && mkdtemp(dir)) {
			char copy[64];
			snprintf(copy, sizeof copy, "%s/team.db", dir);
			copy_prefix(fx.path, copy, (size_t)file_size(fx.path));
			ck_assert_int_eq(chown(dir, pw->pw_uid, pw->pw_gid), 0);
			ck_assert_int_eq(chown(copy, pw->pw_uid, pw->pw_gid), 0);
			ck_assert_int_eq(chmod(copy, 0400), 0);
			int fds[2];
			ck_assert_int_eq(pipe(fds), 0);
			pid_t pid = fork();
			ck_assert_int_ge(pid, 0);
			if (pid == 0) {
				close(fds[0]);
				if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
					_exit(77); /* cannot drop privileges here: skip */
				const char *why = readonly_checks(copy);
				if (why)
					(void)!write(fds[1], why, strlen(why));
				_exit(why ? 1 : 0);
			}
			close(fds[1]);
			char why[700] = "";
			ssize_t n = read(fds[0], why, sizeof why - 1);
			why[n > 0 ? n : 0] = '\0';
			close(fds[0]);
			int status = 0;
			ck_assert_int_eq(waitpid(pid, &status, 0), pid);
			unlink_db(copy);
			rmdir(dir);
			ck_assert(WIFEXITED(status));
			ck_assert_msg(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 77, "%s", why);
		}
	}
	ck_assert_int_eq(chmod(fx.path, 0600), 0);
	fx_teardown(&fx);
}
END_TEST

/* ---- statement cache and change detection ---- */

static const char SQL_ONE[] = "SELECT ?1";

START_TEST(statement_cache_returns_same_statement_for_same_sql_pointer)
{
	struct fixture fx;
	fx_setup(&fx);
	int used = fx.ctx->cache_used;
	sqlite3_stmt *a = db_stmt(fx.ctx, SQL_ONE, &fx.err);
	ck_assert_ptr_nonnull(a);
	ck_assert_int_eq(fx.ctx->cache_used, used + 1);
	sqlite3_bind_int(a, 1, 42);
	ck_assert_int_eq(sqlite3_step(a), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(a, 0), 42);
	/* Same pointer: same statement, reset and with its bindings cleared. */
	sqlite3_stmt *b = db_stmt(fx.ctx, SQL_ONE, &fx.err);
	ck_assert_ptr_eq(a, b);
	ck_assert_int_eq(fx.ctx->cache_used, used + 1);
	ck_assert_int_eq(sqlite3_step(b), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_type(b, 0), SQLITE_NULL);
	db_done(b);
	/* Same text at another address is another cache entry. */
	char copy[sizeof SQL_ONE];
	memcpy(copy, SQL_ONE, sizeof SQL_ONE);
	sqlite3_stmt *c = db_stmt(fx.ctx, copy, &fx.err);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_ne(a, c);
	ck_assert_int_eq(fx.ctx->cache_used, used + 2);
	/* Bad SQL is an error, not a cache entry. */
	static const char BAD[] = "SELEKT nonsense";
	ck_assert_ptr_null(db_stmt(fx.ctx, BAD, &fx.err));
	ck_assert_int_eq(fx.err.rc, CASUS_E_DB);
	ck_assert_int_eq(fx.ctx->cache_used, used + 2);
	db_done(c);
	fx.ctx->cache_used--; /* forget the stack copy's entry before it goes out of scope */
	sqlite3_finalize(c);
	fx_teardown(&fx);
}
END_TEST

START_TEST(data_version_changes_when_another_connection_commits)
{
	struct fixture fx;
	fx_setup(&fx);
	struct casus_ctx *other = fx_second(&fx, "coach1");
	int64_t v0 = casus_data_version(fx.ctx);
	ck_assert_int_eq(casus_data_version(fx.ctx), v0); /* nothing happened */
	ck_ok(casus_meta_set(other, "team", "Team Noord", &fx.err));
	int64_t v1 = casus_data_version(fx.ctx);
	ck_assert_int_ne(v1, v0);
	char team[64];
	ck_assert(casus_meta_get(fx.ctx, "team", team, sizeof team));
	ck_assert_str_eq(team, "Team Noord");
	casus_close(other);
	fx_teardown(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, new_database_is_private_0600_even_with_open_umask);
	tcase_add_test(tc, pragmas_wal_foreign_keys_synchronous_full);
	tcase_add_test(tc, create_refuses_an_existing_file_and_leaves_it);
	tcase_add_test(tc, create_with_unknown_group_leaves_no_file);
	tcase_add_test(tc, world_readable_database_refused_with_chmod_hint);
	tcase_add_test(tc, missing_file_is_notfound_and_names_casus_init);
	tcase_add_test(tc, text_file_is_notdb_and_unchanged);
	tcase_add_test(tc, empty_file_is_notdb_and_unchanged);
	tcase_add_test(tc, truncated_sqlite_file_is_notdb_and_unchanged);
	tcase_add_test(tc, other_sqlite_database_is_notdb_and_unchanged);
	tcase_add_test(tc, newer_schema_version_is_refused_unchanged);
	tcase_add_test(tc, migrations_set_user_version_to_schema_count);
	tcase_add_test(tc, readonly_file_opens_for_reading_and_refuses_writes);
	tcase_add_test(tc, statement_cache_returns_same_statement_for_same_sql_pointer);
	tcase_add_test(tc, data_version_changes_when_another_connection_commits);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
