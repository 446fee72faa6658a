/* rel_probe: one core operation in a bad environment, for tests/reliability/badenv.sh.
 *
 *   rel_probe [--drop-dac] open DB        open, identify, read every family and the
 *                                         access log, PRAGMA quick_check
 *   rel_probe [--drop-dac] write DB       open, identify, add a note to a family
 *   rel_probe create DB                   create a team database
 *   rel_probe default create|existing     open casus_default_path() (XDG_DATA_HOME)
 *   rel_probe foreign DB                  make an SQLite file that is not casus's
 *   rel_probe utf8 DB                     text that is not UTF-8 must be refused,
 *                                         whatever the locale (setlocale(LC_ALL, ""))
 *
 * The outcome is the last line: "result ok" or "result <err_name>", and for errors a
 * "message <text>" line with what a coach would be shown, so the script can judge
 * that the message is clear. Exit status 0 for ok, 10 for a casus error, 2 for a
 * broken test setup.
 *
 * --drop-dac: the tests run as root in some CI containers, and root ignores file
 * permissions (CAP_DAC_OVERRIDE). Dropping those capabilities from this process makes
 * a chmod 0400 file read-only for it, as it is for a coach. */
#include <langinfo.h>
#include <linux/capability.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/db.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/note.h"
#include "casus/person.h"
#include "casus/text.h"

static int result(enum casus_rc rc, const struct casus_err *err)
{
	if (rc == CASUS_OK) {
		printf("result ok\n");
		return 0;
	}
	printf("message %s\nresult %s\n", err->msg, err_name(rc));
	return 10;
}

static int drop_dac(void)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2];
	if (syscall(SYS_capget, &h, d) != 0)
		return -1;
	static const int caps[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };
	for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
		unsigned bit = 1u << (caps[i] % 32);
		d[caps[i] / 32].effective &= ~bit;
		d[caps[i] / 32].permitted &= ~bit;
		d[caps[i] / 32].inheritable &= ~bit;
	}
	return (int)syscall(SYS_capset, &h, d);
}

static enum casus_rc open_as_leader(const char *path, struct casus_ctx **ctx,
	struct casus_err *err)
{
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	enum casus_rc r = casus_open(path, &o, ctx, err);
	if (r == CASUS_OK && (r = casus_identify(*ctx, NULL, err)) != CASUS_OK) {
		casus_close(*ctx);
		*ctx = NULL;
	}
	return r;
}

struct reader {
	struct casus_ctx *ctx;
	struct casus_err *err;
	enum casus_rc rc;
	long families;
};

static int read_family(void *arg, const struct family_row *row)
{
	struct reader *rd = arg;
	struct family f;
	rd->families++;
	rd->rc = family_get(rd->ctx, row->id, &f, rd->err);
	return rd->rc != CASUS_OK;
}

/* What a coach's first minute does: the case list, each family, the access log. */
static enum casus_rc read_everything(struct casus_ctx *ctx, struct casus_err *err)
{
	struct reader rd = { ctx, err, CASUS_OK, 0 };
	struct family_query q = { .phase = -1, .sort = SORT_NAME };
	enum casus_rc r = family_list_each(ctx, &q, read_family, &rd, err);
	if (r || rd.rc)
		return r ? r : rd.rc;
	int64_t bad, rows;
	if ((r = audit_verify(ctx, &bad, &rows, err)))
		return r;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(ctx->db, "PRAGMA quick_check", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
			rc = SQLITE_CORRUPT;
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_OK)
		return db_fail(ctx, rc, err);
	printf("read %ld families, %lld access-log rows, readonly=%d\n", rd.families,
		(long long)rows, ctx->readonly);
	return CASUS_OK;
}

static int cmd_open(const char *path)
{
	struct casus_err err;
	struct casus_ctx *ctx;
	enum casus_rc r = open_as_leader(path, &ctx, &err);
	if (r == CASUS_OK) {
		r = read_everything(ctx, &err);
		casus_close(ctx);
	}
	return result(r, &err);
}

static int first_family(void *arg, const struct family_row *row)
{
	snprintf(arg, CASUS_ID_LEN, "%s", row->id);
	return 1;
}

static int cmd_write(const char *path)
{
	struct casus_err err;
	struct casus_ctx *ctx;
	enum casus_rc r = open_as_leader(path, &ctx, &err);
	if (r)
		return result(r, &err);
	char fid[CASUS_ID_LEN] = "";
	struct family_query q = { .phase = -1, .sort = SORT_NAME };
	struct note_new in = { .kind = NOTE_FACT, .body = "rel probe: may this be saved?" };
	if (!(r = family_list_each(ctx, &q, first_family, fid, &err)))
		r = note_add(ctx, fid, &in, NULL, &err);
	casus_close(ctx);
	return result(r, &err);
}

static enum casus_rc create_db(const char *path, struct casus_err *err)
{
	struct casus_ctx *ctx;
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	enum casus_rc r = casus_open(path, &o, &ctx, err);
	if (r == CASUS_OK) {
		r = member_add_first(ctx, casus_unix_login(), "Tessa Leider", NULL, err);
		casus_close(ctx);
	}
	return r;
}

static int cmd_create(const char *path)
{
	struct casus_err err;
	return result(create_db(path, &err), &err);
}

static int cmd_default(const char *mode)
{
	char path[4096];
	casus_default_path(NULL, path, sizeof path);
	printf("path %s\n", path);
	if (strcmp(mode, "create") == 0)
		return cmd_create(path);
	struct casus_err err;
	struct casus_ctx *ctx;
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	enum casus_rc r = casus_open(path, &o, &ctx, &err);
	casus_close(ctx);
	return result(r, &err);
}

/* Somebody else's SQLite database, in the default rollback-journal mode. */
static int cmd_foreign(const char *path)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK
	    || sqlite3_exec(db, "CREATE TABLE recipe(name TEXT); INSERT INTO recipe VALUES "
				"('stamppot'), ('hutspot');", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "rel_probe: cannot make %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return 2;
	}
	sqlite3_close(db);
	printf("result ok\n");
	return 0;
}

static int64_t audit_rows(struct casus_ctx *ctx)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(ctx->db, "SELECT count(*) FROM audit", -1, &st, NULL) == SQLITE_OK
	    && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Expect a refusal naming the field; count what does not hold. */
static int refused(const char *what, enum casus_rc r, const struct casus_err *err,
	const char *field)
{
	bool ok = r == CASUS_E_INVALID && strstr(err->msg, field) && strstr(err->msg, "UTF-8");
	printf("%s: %s refused: [%s] %s\n", ok ? "ok" : "FAIL", what, err_name(r),
		r ? err->msg : "(it was accepted)");
	return ok ? 0 : 1;
}

static int bad_text(struct casus_ctx *ctx, const char *fid, struct casus_err *err)
{
	int bad = 0;
	struct family f;
	struct family_new fn = { .display_name = "Jans\xe9n", .framework = -1 }; /* Latin-1 */
	bad += refused("a Latin-1 family name", family_add(ctx, &fn, NULL, err), err,
		"family name");
	fn.display_name = "\xc0\xaf" "etc"; /* an overlong '/' */
	bad += refused("an overlong encoding", family_add(ctx, &fn, NULL, err), err,
		"family name");
	if (family_get(ctx, fid, &f, err))
		return 1;
	snprintf(f.address, sizeof f.address, "Kerkstraat 3, Gen\xe8ve");
	bad += refused("a Latin-1 address", family_update(ctx, &f, err), err, "address");
	struct person_new pn = { .given_name = "Zo\xeb", .family_name = "Bakker",
		.role = PERSON_KIND };
	bad += refused("a Latin-1 given name", person_add(ctx, fid, &pn, NULL, err), err,
		"given name");
	pn.given_name = "\xed\xa0\x80"; /* a UTF-16 surrogate, not a character */
	bad += refused("an encoded surrogate", person_add(ctx, fid, &pn, NULL, err), err,
		"given name");
	struct note_new nn = { .kind = NOTE_FACT, .body = "Gesprek met moeder, valt af \xc3" };
	bad += refused("a note cut in a character", note_add(ctx, fid, &nn, NULL, err), err,
		"note text");
	return bad;
}

/* Proper UTF-8 goes in and comes out byte for byte, whatever the locale. */
static int good_text(struct casus_ctx *ctx, struct casus_err *err)
{
	const char *name = "\xc3\x87" "elik-\xc3\x96zt\xc3\xbcrk"; /* Çelik-Öztürk */
	struct family_new fn = { .display_name = name, .framework = -1 };
	struct family f;
	enum casus_rc r = family_add(ctx, &fn, &f, err);
	bool ok = r == CASUS_OK && strcmp(f.display_name, name) == 0;
	printf("%s: a UTF-8 name with diacritics is stored unchanged%s%s\n", ok ? "ok" : "FAIL",
		r ? ": " : "", r ? err->msg : "");
	return ok ? 0 : 1;
}

static int cmd_utf8(const char *path)
{
	/* As the CLI and TUI do: take the locale from the environment (LC_ALL=C, or a
	 * Latin-1 locale, in this test) so any locale-dependent code would show. */
	setlocale(LC_ALL, "");
	printf("codeset %s\n", nl_langinfo(CODESET));
	struct casus_err err;
	struct casus_ctx *ctx;
	struct family f;
	struct family_new fn = { .display_name = "Jansen", .framework = -1 };
	if (create_db(path, &err) || open_as_leader(path, &ctx, &err)
	    || family_add(ctx, &fn, &f, &err))
		return result(err.rc, &err);
	int64_t before = audit_rows(ctx);
	int bad = bad_text(ctx, f.id, &err);
	int64_t after = audit_rows(ctx);
	printf("%s: nothing was written for the refused text (%lld access-log rows before, "
	       "%lld after)\n", before == after ? "ok" : "FAIL", (long long)before,
		(long long)after);
	bad += (before != after) + good_text(ctx, &err);
	casus_close(ctx);
	if (bad)
		return result(err_set(&err, CASUS_E_INVALID, "%d text checks failed", bad), &err);
	return result(CASUS_OK, &err);
}

int main(int argc, char **argv)
{
	int a = 1;
	i18n_set_lang("en"); /* the script matches the English messages */
	if (a < argc && strcmp(argv[a], "--drop-dac") == 0) {
		a++;
		if (drop_dac() != 0) {
			perror("rel_probe: capset");
			return 2;
		}
	}
	if (argc - a != 2) {
		fprintf(stderr, "usage: rel_probe [--drop-dac] open|write|create|foreign|utf8 DB\n"
				"       rel_probe default create|existing\n");
		return 2;
	}
	const char *cmd = argv[a], *arg = argv[a + 1];
	if (strcmp(cmd, "open") == 0)
		return cmd_open(arg);
	if (strcmp(cmd, "write") == 0)
		return cmd_write(arg);
	if (strcmp(cmd, "create") == 0)
		return cmd_create(arg);
	if (strcmp(cmd, "default") == 0)
		return cmd_default(arg);
	if (strcmp(cmd, "foreign") == 0)
		return cmd_foreign(arg);
	if (strcmp(cmd, "utf8") == 0)
		return cmd_utf8(arg);
	fprintf(stderr, "rel_probe: unknown command %s\n", cmd);
	return 2;
}
