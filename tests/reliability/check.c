/* rel_check: sets up the database the reliability tests write to, and afterwards
 * checks it against what the workers acknowledged (see worker.c for the ack lines).
 *
 *   rel_check init DB --families N --coaches N
 *   rel_check verify DB [--exact] [--kills K] [--done N] ACKFILE...
 *
 * verify checks the file (PRAGMA integrity_check, foreign_key_check), the access
 * log's hash chain (audit_verify), and then every family: each acknowledged write is
 * present; no counter value was acknowledged twice (that would be a lost update);
 * every committed change bumped rev exactly once and wrote its access-log row in the
 * same transaction. Commits that were never acknowledged (the process was killed
 * between COMMIT and the ack) are counted: --exact allows none, --kills K allows at
 * most one per killed process; --done N wants N finished streams. Prints "ok" and
 * "FAIL" lines; exits 0 only when everything holds.
 *
 * The checker reads with plain SQL on the connection casus opened, so that it
 * depends on the schema, not on the core functions it is checking. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/db.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/person.h"
#include "casus/regie.h"

#define MAX_FAMILIES 64
#define USAGE (-1) /* a command's answer to bad arguments */

/* What the acks say about one family. */
struct fam_acks {
	char case_no[CASE_NO_LEN];
	long *inc, n_inc, cap_inc;   /* acknowledged family counter values */
	long *pinc, n_pinc, cap_pinc; /* acknowledged Teller counter values */
	long n_phase, n_person, n_note, n_conflict;
};

struct verifier {
	struct casus_ctx *ctx;
	struct casus_err err;
	struct fam_acks fam[MAX_FAMILIES];
	int nfam;
	long failures, lines, done_lines, conflicts, refused;
	long unacked;
	long slowest_ms; /* the slowest write a finished worker made */
};

static void fail(struct verifier *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct verifier *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("FAIL: ", stdout);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
	v->failures++;
}

static _Noreturn void die(const char *what, const struct casus_err *err)
{
	fprintf(stderr, "rel_check: %s: [%s] %s\n", what, err_name(err->rc), err->msg);
	exit(2);
}

/* ---- init ---- */

/* One shared family: counter 0 in the address, a regievoerder, phase intake, and a
 * "Teller" person whose given name is a second counter. Its starting revs and
 * access-log counts go to meta so verify can tell the workers' changes apart. */
static void init_family(struct casus_ctx *ctx, int k, int coaches, struct casus_err *err)
{
	char name[64], coach[32], base[128];
	snprintf(name, sizeof name, "Rel gezin %d", k + 1);
	snprintf(coach, sizeof coach, "coach%d", k % coaches + 1);
	struct family_new in = { .display_name = name, .framework = -1, .address = "0" };
	struct family f;
	struct person p;
	struct person_new pn = { .given_name = "0", .family_name = "Teller",
		.role = PERSON_OUDER, .birth_date = "1980-01-01" };
	if (family_add(ctx, &in, &f, err) || regie_assign(ctx, &f, coach, "rel init", err)
	    || family_set_phase(ctx, &f, PHASE_INTAKE, "rel init", err)
	    || person_add(ctx, f.id, &pn, &p, err))
		die("init family", err);
	snprintf(base, sizeof base, "%lld %lld", (long long)f.rev, (long long)p.rev);
	char key[64];
	snprintf(key, sizeof key, "rel.base.%s", f.case_no);
	if (casus_meta_set(ctx, key, base, err))
		die("meta", err);
}

static int cmd_init(int argc, char **argv)
{
	int families = 4, coaches = 8;
	for (int i = 3; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--families") == 0)
			families = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--coaches") == 0)
			coaches = atoi(argv[i + 1]);
	}
	if (families < 1 || families > MAX_FAMILIES || coaches < 1)
		return USAGE;
	struct casus_err err;
	struct casus_ctx *ctx;
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	struct member lead;
	if (casus_open(argv[2], &o, &ctx, &err) || casus_meta_set(ctx, "team", "Rel", &err)
	    || member_add_first(ctx, casus_unix_login(), "Tessa Leider", &lead, &err)
	    || casus_identify(ctx, NULL, &err))
		die("init", &err);
	for (int i = 1; i <= coaches; i++) {
		char login[32], name[64];
		snprintf(login, sizeof login, "coach%d", i);
		snprintf(name, sizeof name, "Coach Nummer %d", i);
		if (member_add(ctx, login, name, ROLE_COACH, false, NULL, &err))
			die("member_add", &err);
	}
	for (int k = 0; k < families; k++)
		init_family(ctx, k, coaches, &err);
	casus_close(ctx);
	printf("initialised %s: %d families, %d coaches\n", argv[2], families, coaches);
	return 0;
}

/* ---- reading the acks ---- */

static struct fam_acks *fam_of(struct verifier *v, const char *case_no)
{
	for (int i = 0; i < v->nfam; i++)
		if (strcmp(v->fam[i].case_no, case_no) == 0)
			return &v->fam[i];
	return NULL;
}

static void push(long **arr, long *n, long *cap, long val)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*arr = realloc(*arr, (size_t)*cap * sizeof **arr);
		if (!*arr)
			exit(2);
	}
	(*arr)[(*n)++] = val;
}

/* Does one row exist? sql has ?1 = family id and ?2 = text. */
static bool exists(struct verifier *v, const char *sql, const char *fid, const char *text)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(v->ctx->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(v, "cannot prepare %s: %s", sql, sqlite3_errmsg(v->ctx->db));
		return false;
	}
	sqlite3_bind_text(st, 1, fid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static const char SQL_HAS_PERSON[] =
	"SELECT 1 FROM person p JOIN family f ON f.id = p.family_id"
	" WHERE f.case_no = ?1 AND p.family_name = 'Rel' AND p.given_name = ?2";
static const char SQL_HAS_NOTE[] =
	"SELECT 1 FROM note n JOIN family f ON f.id = n.family_id"
	" WHERE f.case_no = ?1 AND substr(n.body, 1, length(?2)) = ?2";
static const char SQL_HAS_PHASE[] =
	"SELECT 1 FROM phase_change p JOIN family f ON f.id = p.family_id"
	" WHERE f.case_no = ?1 AND p.reason || ' ' || p.to_phase = ?2";

/* One complete ack line: tally it, and check at once that a tagged write is there. */
static void take_line(struct verifier *v, const char *file, long lineno, const char *line)
{
	char op[32], kind[16], case_no[CASE_NO_LEN + 8], a[48] = "", b[48] = "", probe[128];
	int n = sscanf(line, "%31s %15s %23s %47s %47s", op, kind, case_no, a, b);
	struct fam_acks *f = n >= 3 ? fam_of(v, case_no) : NULL;
	v->lines++;
	if (n >= 2 && strcmp(kind, "done") == 0) {
		v->done_lines++;
		if (n == 5 && atol(b) > v->slowest_ms)
			v->slowest_ms = atol(b);
		return;
	}
	if (n >= 4 && strcmp(kind, "conflict") == 0 && (f = fam_of(v, a)) != NULL) {
		f->n_conflict++;
		v->conflicts++;
		return;
	}
	if (n >= 4 && strcmp(kind, "refused") == 0 && fam_of(v, a)) {
		v->refused++;
		return;
	}
	if (!f || n < 4) {
		fail(v, "%s:%ld: cannot read the ack line '%s'", file, lineno, line);
		return;
	}
	if (strcmp(kind, "inc") == 0) {
		push(&f->inc, &f->n_inc, &f->cap_inc, atol(a));
	} else if (strcmp(kind, "pinc") == 0) {
		push(&f->pinc, &f->n_pinc, &f->cap_pinc, atol(a));
	} else if (strcmp(kind, "person") == 0) {
		f->n_person++;
		if (!exists(v, SQL_HAS_PERSON, case_no, a))
			fail(v, "%s:%ld: acknowledged person %s is missing from %s", file, lineno, a,
				case_no);
	} else if (strcmp(kind, "note") == 0) {
		f->n_note++;
		snprintf(probe, sizeof probe, "rel %s\n", a);
		if (!exists(v, SQL_HAS_NOTE, case_no, probe))
			fail(v, "%s:%ld: acknowledged note %s is missing from %s", file, lineno, a,
				case_no);
	} else if (strcmp(kind, "phase") == 0 && n == 5) {
		f->n_phase++;
		snprintf(probe, sizeof probe, "%s %s", b, a);
		if (!exists(v, SQL_HAS_PHASE, case_no, probe))
			fail(v, "%s:%ld: acknowledged phase change %s to %s is missing from %s", file,
				lineno, b, a, case_no);
	} else {
		fail(v, "%s:%ld: unknown ack '%s'", file, lineno, line);
	}
}

/* Read one ack file. A last line without its newline was cut off by the kill: the
 * write was not acknowledged yet, so it is skipped. */
static void read_acks(struct verifier *v, const char *file)
{
	FILE *fp = fopen(file, "r");
	if (!fp) {
		fail(v, "cannot read the ack file %s", file);
		return;
	}
	char line[512];
	long lineno = 0;
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		size_t len = strlen(line);
		if (len == 0 || line[len - 1] != '\n')
			break;
		line[len - 1] = '\0';
		take_line(v, file, lineno, line);
	}
	fclose(fp);
}

/* ---- checking the database ---- */

static int64_t one_int(struct verifier *v, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(v->ctx->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(v, "cannot prepare %s: %s", sql, sqlite3_errmsg(v->ctx->db));
		return -1;
	}
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int collect_rows(void *arg, int ncol, char **val, char **col)
{
	struct verifier *v = arg;
	if (ncol == 1 && val[0] && strcmp(val[0], "ok") == 0)
		return 0;
	fail(v, "%s: %s", col[0], val[0] ? val[0] : "NULL");
	return 0;
}

static void check_file(struct verifier *v)
{
	long before = v->failures;
	char *msg = NULL;
	if (sqlite3_exec(v->ctx->db, "PRAGMA integrity_check", collect_rows, v, &msg) != SQLITE_OK
	    || sqlite3_exec(v->ctx->db, "PRAGMA foreign_key_check", collect_rows, v, &msg)
		       != SQLITE_OK)
		fail(v, "cannot run the integrity checks: %s", msg ? msg : "?");
	sqlite3_free(msg);
	if (v->failures == before)
		printf("ok: integrity_check and foreign_key_check\n");
	int64_t bad = 0, rows = 0;
	if (audit_verify(v->ctx, &bad, &rows, &v->err))
		fail(v, "audit chain: %s (first bad row %lld)", v->err.msg, (long long)bad);
	else
		printf("ok: audit chain verifies (%lld rows)\n", (long long)rows);
	/* A change and its access-log row commit together, or neither does. */
	int64_t orphans = one_int(v,
		"SELECT (SELECT count(*) FROM note n WHERE NOT EXISTS (SELECT 1 FROM audit a"
		"  WHERE a.object_id = n.id AND a.event = 'create'))"
		" + (SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM audit a"
		"  WHERE a.object_id = p.id AND a.event = 'create'))", NULL);
	if (orphans != 0)
		fail(v, "%lld notes or persons have no access-log row", (long long)orphans);
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* Acknowledged counter values must be distinct and at most the stored value: two
 * acks of one value mean one increment overwrote another (a lost update). Returns
 * how many committed increments were never acknowledged. */
static long check_counter(struct verifier *v, const char *what, const char *case_no,
	long *vals, long n, long stored)
{
	if (n > 0) /* vals is NULL when nothing was acknowledged */
		qsort(vals, (size_t)n, sizeof *vals, cmp_long);
	for (long i = 0; i < n; i++) {
		if (vals[i] < 1 || vals[i] > stored)
			fail(v, "%s %s: acknowledged value %ld, but the database has %ld", case_no,
				what, vals[i], stored);
		else if (i > 0 && vals[i] == vals[i - 1])
			fail(v, "%s %s: value %ld acknowledged twice: an update was lost", case_no,
				what, vals[i]);
	}
	return stored - n;
}

struct fam_db {
	char id[CASUS_ID_LEN];
	long counter, teller, frev, prev, base_frev, base_prev;
	long phases, persons, notes, fam_audit, person_audit;
	char phase[16], last_phase[16];
};

static bool load_family(struct verifier *v, const char *case_no, struct fam_db *d)
{
	sqlite3_stmt *st;
	const char *sql =
		"SELECT f.id, f.address, f.rev, f.phase, p.given_name, p.rev, m.value"
		" FROM family f JOIN person p ON p.family_id = f.id AND p.family_name = 'Teller'"
		" JOIN meta m ON m.key = 'rel.base.' || f.case_no WHERE f.case_no = ?1";
	if (sqlite3_prepare_v2(v->ctx->db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, case_no, -1, SQLITE_STATIC);
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	if (ok) {
		db_col_text(st, 0, d->id, sizeof d->id);
		d->counter = atol((const char *)sqlite3_column_text(st, 1));
		d->frev = sqlite3_column_int(st, 2);
		db_col_text(st, 3, d->phase, sizeof d->phase);
		d->teller = atol((const char *)sqlite3_column_text(st, 4));
		d->prev = sqlite3_column_int(st, 5);
		ok = sscanf((const char *)sqlite3_column_text(st, 6), "%ld %ld", &d->base_frev,
			&d->base_prev) == 2;
	}
	sqlite3_finalize(st);
	return ok;
}

static void count_family(struct verifier *v, struct fam_db *d)
{
	d->phases = (long)one_int(v, "SELECT count(*) FROM phase_change WHERE family_id = ?1"
				     " AND reason GLOB 'w[0-9]*r[0-9]*o[0-9]*'", d->id);
	d->persons = (long)one_int(v, "SELECT count(*) FROM person WHERE family_id = ?1"
				      " AND family_name = 'Rel'", d->id);
	d->notes = (long)one_int(v, "SELECT count(*) FROM note WHERE family_id = ?1"
				    " AND body GLOB 'rel w*'", d->id);
	/* Every bump of the family's rev is a family update or a regie change, each with
	 * exactly one access-log row. */
	d->fam_audit = (long)one_int(v, "SELECT count(*) FROM audit WHERE family_id = ?1 AND"
					" ((object_type = 'family' AND event = 'update')"
					" OR object_type = 'regie')", d->id);
	d->person_audit = (long)one_int(v, "SELECT count(*) FROM audit a JOIN person p"
					   " ON p.id = a.object_id WHERE p.family_id = ?1 AND"
					   " p.family_name = 'Teller' AND a.event = 'update'", d->id);
	sqlite3_stmt *st;
	d->last_phase[0] = '\0';
	if (sqlite3_prepare_v2(v->ctx->db, "SELECT to_phase FROM phase_change WHERE family_id = ?1"
				" ORDER BY rowid DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_col_text(st, 0, d->last_phase, sizeof d->last_phase);
		sqlite3_finalize(st);
	}
}

/* Compare one family with its acks; returns the commits that were never acknowledged. */
static long check_family(struct verifier *v, struct fam_acks *a)
{
	struct fam_db d;
	memset(&d, 0, sizeof d);
	if (!load_family(v, a->case_no, &d)) {
		fail(v, "family %s cannot be read", a->case_no);
		return 0;
	}
	count_family(v, &d);
	long before = v->failures;
	long un = check_counter(v, "counter", a->case_no, a->inc, a->n_inc, d.counter)
		  + check_counter(v, "teller", a->case_no, a->pinc, a->n_pinc, d.teller)
		  + (d.phases - a->n_phase) + (d.persons - a->n_person) + (d.notes - a->n_note);
	if (d.phases < a->n_phase || d.persons < a->n_person || d.notes < a->n_note)
		fail(v, "%s: more acks than rows (phases %ld/%ld, persons %ld/%ld, notes %ld/%ld)",
			a->case_no, d.phases, a->n_phase, d.persons, a->n_person, d.notes, a->n_note);
	if (d.frev != d.base_frev + d.counter + d.phases)
		fail(v, "%s: rev %ld, but %ld + %ld increments + %ld phase changes were committed",
			a->case_no, d.frev, d.base_frev, d.counter, d.phases);
	if (d.prev != d.base_prev + d.teller)
		fail(v, "%s: Teller rev %ld, but %ld + %ld increments were committed", a->case_no,
			d.prev, d.base_prev, d.teller);
	if (d.fam_audit != d.frev - 1 || d.person_audit != d.prev - 1)
		fail(v, "%s: %ld/%ld access-log rows for %ld/%ld changes", a->case_no, d.fam_audit,
			d.person_audit, d.frev - 1, d.prev - 1);
	if (strcmp(d.phase, d.last_phase) != 0)
		fail(v, "%s: phase %s, but its last phase change went to %s", a->case_no, d.phase,
			d.last_phase);
	if (v->failures == before)
		printf("ok: %s counter %ld (%ld acked), teller %ld (%ld acked), %ld phase changes, "
		       "%ld persons, %ld notes, %ld conflicts\n", a->case_no, d.counter, a->n_inc,
			d.teller, a->n_pinc, d.phases, d.persons, d.notes, a->n_conflict);
	return un;
}

static void load_families(struct verifier *v)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(v->ctx->db, "SELECT substr(key, 10) FROM meta"
				" WHERE key GLOB 'rel.base.*' ORDER BY key", -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW && v->nfam < MAX_FAMILIES)
		db_col_text(st, 0, v->fam[v->nfam++].case_no, CASE_NO_LEN);
	sqlite3_finalize(st);
}

static int cmd_verify(int argc, char **argv)
{
	static struct verifier v;
	bool exact = false;
	long kills = 0, done = -1;
	int first_ack = 3;
	for (; first_ack < argc && argv[first_ack][0] == '-'; first_ack++) {
		if (strcmp(argv[first_ack], "--exact") == 0)
			exact = true;
		else if (strcmp(argv[first_ack], "--kills") == 0 && first_ack + 1 < argc)
			kills = atol(argv[++first_ack]);
		else if (strcmp(argv[first_ack], "--done") == 0 && first_ack + 1 < argc)
			done = atol(argv[++first_ack]);
		else
			return USAGE;
	}
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	if (casus_open(argv[2], &o, &v.ctx, &v.err))
		die("open", &v.err);
	check_file(&v);
	load_families(&v);
	if (v.nfam == 0)
		fail(&v, "no families made by rel_check init");
	for (int i = first_ack; i < argc; i++)
		read_acks(&v, argv[i]);
	for (int i = 0; i < v.nfam; i++) {
		v.unacked += check_family(&v, &v.fam[i]);
		free(v.fam[i].inc);
		free(v.fam[i].pinc);
	}
	if (done >= 0 && v.done_lines != done)
		fail(&v, "%ld workers finished their stream, expected %ld", v.done_lines, done);
	if (v.unacked < 0)
		fail(&v, "%ld more writes acknowledged than committed", -v.unacked);
	long allowed = exact ? 0 : kills;
	if (v.unacked > allowed)
		fail(&v, "%ld committed changes were never acknowledged (at most %ld allowed)",
			v.unacked, allowed);
	printf("%s: %ld ack lines, %ld conflicts, %ld refused, %ld unacknowledged commits, "
	       "%ld workers finished", v.failures ? "FAIL" : "ok", v.lines, v.conflicts,
		v.refused, v.unacked, v.done_lines);
	if (v.done_lines)
		printf(" (slowest write %ld ms)", v.slowest_ms);
	putchar('\n');
	casus_close(v.ctx);
	return v.failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	i18n_set_lang("en"); /* the failure lines quote core messages */
	int rc = USAGE;
	if (argc >= 3 && strcmp(argv[1], "init") == 0)
		rc = cmd_init(argc, argv);
	else if (argc >= 3 && strcmp(argv[1], "verify") == 0)
		rc = cmd_verify(argc, argv);
	if (rc != USAGE)
		return rc;
	fprintf(stderr, "usage: rel_check init DB [--families N] [--coaches N]\n"
			"       rel_check verify DB [--exact] [--kills K] [--done N] ACKFILE...\n");
	return 1;
}
