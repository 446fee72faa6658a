/* rel_worker: one coach writing a deterministic stream of changes to a team database,
 * for the reliability tests (crash safety, concurrent users, a full disk).
 *
 *   rel_worker DB --id N --seed S [--run R] [--ops K] [--as LOGIN] [--ack FILE|-]
 *              [--think-us U] [--note-size B]
 *
 * The stream (chosen by a generator seeded from seed, id and run) mixes: counter
 * increments on the shared families (the family's address holds a number, changed
 * by read-modify-write with rev), phase changes, new persons, counter increments on
 * each family's "Teller" person, and notes. After each COMMITTED change one line is
 * appended to the acknowledgement log and fsync'ed, so that a test killing this
 * process knows exactly what casus had promised was saved:
 *
 *   <id>:<run>:<op> inc <case_no> <value>      the family counter was set to value
 *   <id>:<run>:<op> pinc <case_no> <value>     the Teller person's counter
 *   <id>:<run>:<op> phase <case_no> <phase> <tag>  (tag is the phase change's reason)
 *   <id>:<run>:<op> person <case_no> <tag>     a person with given name tag
 *   <id>:<run>:<op> note <case_no> <tag>       a note whose first line is "rel <tag>"
 *   <id>:<run>:<op> conflict <kind> <case_no>  a stale rev was refused; re-read, retried
 *   <id>:<run>:<op> refused <kind> <case_no>   refused for the state it found; retried
 *   <id>:<run>:<ops> done <ops> <conflicts> <ms>  the stream ended; ms is the
 *                                             slowest write (mostly waiting for the lock)
 *
 * Exit codes: 0 done, 2 unexpected error, 3 "database busy" (must never happen:
 * BEGIN IMMEDIATE and the busy handler make writers wait their turn), 4 disk full,
 * 5 other write failure (I/O), 1 usage. The error message goes to stderr. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "casus/db.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/note.h"
#include "casus/person.h"

#define MAX_FAMILIES 64
#define MAX_RETRIES 500

enum op_kind { OP_INC, OP_PINC, OP_PHASE, OP_PERSON, OP_NOTE, OP_KINDS };
/* Weights out of 100: mostly read-modify-write, so that conflicts are common. */
static const int op_weight[OP_KINDS] = { 35, 15, 10, 15, 25 };

struct worker {
	struct casus_ctx *ctx;
	struct casus_err err;
	int id, run;
	long ops;
	uint64_t rng;
	int ack_fd;
	bool ack_sync; /* a regular file: fsync each line; a pipe cannot be synced */
	int think_us;
	int note_size;
	char *note_buf;
	char fam[MAX_FAMILIES][CASE_NO_LEN];
	int nfam;
	long op;
	long conflicts;
	double t0, max_write; /* the slowest write call, in seconds: waits for the lock */
};

static uint64_t rng_next(struct worker *w)
{
	/* splitmix64: reproducible streams from consecutive seeds. */
	uint64_t z = (w->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rng_below(struct worker *w, int n)
{
	return (int)(rng_next(w) % (uint64_t)n);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Give up on an error: say what failed and leave with the code the tests expect. */
static _Noreturn void die(struct worker *w, const char *what)
{
	enum casus_rc rc = w->err.rc;
	fprintf(stderr, "rel_worker %d: %s failed", w->id, what);
	if (w->t0 > 0)
		fprintf(stderr, " after %.0f ms", (now_s() - w->t0) * 1000);
	fprintf(stderr, ": [%s] %s\n", err_name(rc), w->err.msg);
	switch (rc) {
	case CASUS_E_BUSY: exit(3);
	case CASUS_E_FULL: exit(4);
	case CASUS_E_IO: exit(5);
	default: exit(2);
	}
}

/* Append one acknowledgement line; it is on disk before the next change starts. */
static void ack(struct worker *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ack(struct worker *w, const char *fmt, ...)
{
	char line[256];
	int n = snprintf(line, sizeof line, "%d:%d:%ld ", w->id, w->run, w->op);
	va_list ap;
	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof line - 1)
		n = (int)sizeof line - 2;
	line[n++] = '\n';
	for (int off = 0; off < n;) {
		ssize_t k = write(w->ack_fd, line + off, (size_t)(n - off));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			fprintf(stderr, "rel_worker %d: cannot write the ack log: %s\n", w->id,
				strerror(errno));
			exit(2);
		}
		off += (int)k;
	}
	if (w->ack_sync && fsync(w->ack_fd) != 0) {
		fprintf(stderr, "rel_worker %d: fsync of the ack log: %s\n", w->id, strerror(errno));
		exit(2);
	}
}

/* Time each write call: how long a coach waits on the others is what they feel. */
static void write_start(struct worker *w)
{
	w->t0 = now_s();
}

static void write_end(struct worker *w)
{
	double d = now_s() - w->t0;
	if (d > w->max_write)
		w->max_write = d;
	w->t0 = 0;
}

/* A pause between reading and writing, as a coach thinking, to provoke conflicts. */
static void think(struct worker *w)
{
	if (w->think_us <= 0)
		return;
	long us = rng_below(w, w->think_us);
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	nanosleep(&ts, NULL);
}

static void tag(const struct worker *w, char *out, size_t outsz)
{
	snprintf(out, outsz, "w%dr%do%ld", w->id, w->run, w->op);
}

/* Conflicts are expected and acknowledged; anything else ends the stream. */
static void retry_or_die(struct worker *w, enum casus_rc r, const char *kind,
	const char *case_no, int *tries)
{
	if (r == CASUS_E_CONFLICT) {
		w->conflicts++;
		ack(w, "conflict %s %s", kind, case_no);
	} else if (r == CASUS_E_STATE && strcmp(kind, "phase") == 0) {
		/* Somebody moved the family to the phase we wanted: re-read and choose again. */
		ack(w, "refused %s %s", kind, case_no);
	} else {
		die(w, kind);
	}
	if (++*tries > MAX_RETRIES) {
		fprintf(stderr, "rel_worker %d: %s on %s still conflicts after %d tries\n", w->id,
			kind, case_no, MAX_RETRIES);
		exit(2);
	}
}

static void op_inc(struct worker *w, const char *case_no)
{
	struct family f;
	for (int tries = 0;;) {
		if (family_get(w->ctx, case_no, &f, &w->err))
			die(w, "family_get");
		long v = strtol(f.address, NULL, 10) + 1;
		think(w);
		snprintf(f.address, sizeof f.address, "%ld", v);
		write_start(w);
		enum casus_rc r = family_update(w->ctx, &f, &w->err);
		write_end(w);
		if (r == CASUS_OK) {
			ack(w, "inc %s %ld", case_no, v);
			return;
		}
		retry_or_die(w, r, "inc", case_no, &tries);
	}
}

struct teller {
	struct person p;
	bool found;
};

static int find_teller(void *arg, const struct person *p)
{
	struct teller *t = arg;
	if (strcmp(p->family_name, "Teller") != 0)
		return 0;
	t->p = *p;
	t->found = true;
	return 1;
}

static void op_pinc(struct worker *w, const char *case_no)
{
	struct family f;
	if (family_get(w->ctx, case_no, &f, &w->err))
		die(w, "family_get");
	for (int tries = 0;;) {
		struct teller t = { .found = false };
		enum casus_rc r = person_each(w->ctx, f.id, find_teller, &t, &w->err);
		if (r)
			die(w, "person_each");
		if (!t.found) {
			fprintf(stderr, "rel_worker %d: family %s has no Teller person\n", w->id, case_no);
			exit(2);
		}
		long v = strtol(t.p.given_name, NULL, 10) + 1;
		think(w);
		snprintf(t.p.given_name, sizeof t.p.given_name, "%ld", v);
		write_start(w);
		r = person_update(w->ctx, &t.p, &w->err);
		write_end(w);
		if (r == CASUS_OK) {
			ack(w, "pinc %s %ld", case_no, v);
			return;
		}
		retry_or_die(w, r, "pinc", case_no, &tries);
	}
}

static void op_phase(struct worker *w, const char *case_no)
{
	/* Cycle among open phases after aanmelding (the family has a regievoerder);
	 * not uitvoering, which needs an agreed plan that this stream does not make. */
	static const enum family_phase open_phases[] = { PHASE_INTAKE, PHASE_PLAN,
		PHASE_AFSLUITING };
	const int n_phases = (int)(sizeof open_phases / sizeof *open_phases);
	char reason[32];
	tag(w, reason, sizeof reason);
	struct family f;
	for (int tries = 0;;) {
		if (family_get(w->ctx, case_no, &f, &w->err))
			die(w, "family_get");
		enum family_phase to;
		do
			to = open_phases[rng_below(w, n_phases)];
		while (to == f.phase);
		think(w);
		write_start(w);
		enum casus_rc r = family_set_phase(w->ctx, &f, to, reason, &w->err);
		write_end(w);
		if (r == CASUS_OK) {
			ack(w, "phase %s %s %s", case_no, family_phase_name(to), reason);
			return;
		}
		retry_or_die(w, r, "phase", case_no, &tries);
	}
}

static void op_person(struct worker *w, const char *case_no)
{
	char given[32];
	tag(w, given, sizeof given);
	struct person_new in = { .given_name = given, .family_name = "Rel",
		.role = PERSON_KIND, .birth_date = "2015-06-01" };
	write_start(w);
	if (person_add(w->ctx, case_no, &in, NULL, &w->err))
		die(w, "person_add");
	write_end(w);
	ack(w, "person %s %s", case_no, given);
}

static void op_note(struct worker *w, const char *case_no)
{
	char t[32];
	tag(w, t, sizeof t);
	/* "rel <tag>", a newline, then filler: big notes fill the disk quickly in the
	 * full-disk test. The newline ends the tag, so w1r0o1 never matches w1r0o12. */
	int n = snprintf(w->note_buf, (size_t)w->note_size + 64, "rel %s\n.", t);
	for (int i = 0; i < w->note_size; i++)
		w->note_buf[n + i] = (i % 64 == 63) ? '\n' : (char)('a' + (w->op + i) % 26);
	w->note_buf[n + w->note_size] = '\0';
	struct note_new in = { .kind = NOTE_FACT, .body = w->note_buf };
	write_start(w);
	if (note_add(w->ctx, case_no, &in, NULL, &w->err))
		die(w, "note_add");
	write_end(w);
	ack(w, "note %s %s", case_no, t);
}

static int collect_family(void *arg, const struct family_row *row)
{
	struct worker *w = arg;
	if (w->nfam < MAX_FAMILIES)
		snprintf(w->fam[w->nfam++], CASE_NO_LEN, "%s", row->case_no);
	return 0;
}

/* Act as another team member: the tests run under one Unix account, so the coach is
 * chosen here (as the unit-test fixture does), after casus_identify set the rest. */
static void act_as(struct worker *w, const char *login)
{
	struct member m;
	if (member_get_by_login(w->ctx, login, &m, &w->err))
		die(w, "member_get_by_login");
	snprintf(w->ctx->user.id, sizeof w->ctx->user.id, "%s", m.id);
	snprintf(w->ctx->user.login, sizeof w->ctx->user.login, "%s", m.login);
	snprintf(w->ctx->user.name, sizeof w->ctx->user.name, "%s", m.name);
	w->ctx->user.role = m.role;
	w->ctx->user.aandacht = m.aandacht;
}

static void open_db(struct worker *w, const char *path, const char *as)
{
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	if (casus_open(path, &o, &w->ctx, &w->err))
		die(w, "casus_open");
	if (casus_identify(w->ctx, NULL, &w->err))
		die(w, "casus_identify");
	if (as && *as)
		act_as(w, as);
	struct family_query q = { .phase = -1, .sort = SORT_CASE_NO };
	if (family_list_each(w->ctx, &q, collect_family, w, &w->err))
		die(w, "family_list_each");
	if (w->nfam == 0) {
		fprintf(stderr, "rel_worker %d: the database has no families\n", w->id);
		exit(2);
	}
}

static void run_stream(struct worker *w)
{
	for (w->op = 0; w->op < w->ops; w->op++) {
		int pick = rng_below(w, 100), kind = 0;
		while (kind < OP_KINDS - 1 && pick >= op_weight[kind])
			pick -= op_weight[kind++];
		const char *case_no = w->fam[rng_below(w, w->nfam)];
		switch ((enum op_kind)kind) {
		case OP_INC: op_inc(w, case_no); break;
		case OP_PINC: op_pinc(w, case_no); break;
		case OP_PHASE: op_phase(w, case_no); break;
		case OP_PERSON: op_person(w, case_no); break;
		case OP_NOTE: op_note(w, case_no); break;
		case OP_KINDS: break;
		}
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: rel_worker DB --id N --seed S [--run R] [--ops K] [--as LOGIN]\n"
			"                  [--ack FILE|-] [--think-us U] [--note-size B]\n");
	exit(1);
}

static void open_ack(struct worker *w, const char *ack_path)
{
	if (strcmp(ack_path, "-") == 0) {
		w->ack_fd = STDOUT_FILENO;
	} else {
		w->ack_fd = open(ack_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
		if (w->ack_fd < 0) {
			fprintf(stderr, "rel_worker: %s: %s\n", ack_path, strerror(errno));
			exit(2);
		}
	}
	struct stat st;
	w->ack_sync = fstat(w->ack_fd, &st) == 0 && S_ISREG(st.st_mode);
}

int main(int argc, char **argv)
{
	struct worker w = { .id = -1, .ops = 100, .note_size = 0 };
	const char *path = NULL, *as = NULL, *ack_path = "-";
	uint64_t seed = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (a[0] != '-') {
			path = a;
			continue;
		}
		if (!v)
			usage();
		i++;
		if (strcmp(a, "--id") == 0) w.id = atoi(v);
		else if (strcmp(a, "--seed") == 0) seed = strtoull(v, NULL, 10);
		else if (strcmp(a, "--run") == 0) w.run = atoi(v);
		else if (strcmp(a, "--ops") == 0) w.ops = atol(v);
		else if (strcmp(a, "--as") == 0) as = v;
		else if (strcmp(a, "--ack") == 0) ack_path = v;
		else if (strcmp(a, "--think-us") == 0) w.think_us = atoi(v);
		else if (strcmp(a, "--note-size") == 0) w.note_size = atoi(v);
		else usage();
	}
	if (!path || w.id < 0 || w.note_size < 0 || w.note_size > NOTE_BODY_MAX - 64)
		usage();
	/* Each process must make its own UUIDs: a seeded sequence would repeat the ids of
	 * an earlier run of the same worker and every other worker. */
	unsetenv("CASUS_UUID_SEED");
	i18n_set_lang("en");
	w.rng = seed * 1000003ULL + (uint64_t)w.id * 7919ULL + (uint64_t)w.run * 104729ULL;
	w.note_buf = malloc((size_t)w.note_size + 64);
	if (!w.note_buf)
		return 2;
	open_ack(&w, ack_path);
	open_db(&w, path, as);
	run_stream(&w);
	w.op = w.ops;
	ack(&w, "done %ld %ld %.0f", w.ops, w.conflicts, w.max_write * 1000);
	casus_close(w.ctx);
	free(w.note_buf);
	return 0;
}
