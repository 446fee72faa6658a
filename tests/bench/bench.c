/* The casus benchmark (issue 9). For each database given:
 *   - start to first frame: the real casus binary in its screen-test mode (virtual
 *     80x24 screen), keys and dumps through FIFOs; time from fork to the first dump;
 *   - keystroke to complete frame (median, p99) for scrolling (j, PgDn) near the top
 *     and a quarter of the way down the list (reached by pages), the phase
 *     filter (f), incremental search (typing a name after /), opening a family (Enter)
 *     and switching panes (Tab): each "key K" is followed by "dump", and the time of a
 *     bare dump (measured the same way) is subtracted. Wall time and the CPU time casus
 *     itself used (from /proc/PID/schedstat, so a busy machine does not inflate it);
 *   - peak RSS of that session (wait4's ru_maxrss);
 *   - bytes written to the terminal per scroll step: casus in a pseudo-terminal of
 *     80x24 (TERM=xterm-256color), one j (and one PgDn) at a time, output counted until
 *     it goes quiet;
 *   - plan export (md, json) of an agreed plan, in process through libcasus;
 *   - the case-list queries bare through sqlite3 (the SQL core runs, prepared once)
 *     against the same queries through core, as a ratio.
 * Usage: casus-bench [--quick] CASUS_EXE OUT_BASE DB...
 * Writes OUT_BASE.txt (the table) and OUT_BASE.json. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "casus/db.h"
#include "casus/family.h"
#include "casus/flags.h"
#include "casus/plan.h"

static bool quick;
static const char *casus_exe;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* In-process measurements use this thread's CPU time: the machine may be busy. */
static double tcpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double cpu_ms(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	FILE *f = fopen(path, "r");
	unsigned long long ns = 0;
	if (f) {
		if (fscanf(f, "%llu", &ns) != 1)
			ns = 0;
		fclose(f);
	}
	return (double)ns / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct stat_s {
	double med, p99, max;
	int n;
};

static struct stat_s stats(double *v, int n)
{
	struct stat_s s = { 0 };
	if (n <= 0)
		return s;
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	s.n = n;
	s.med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	int k = (int)(0.99 * (n - 1) + 0.999);
	s.p99 = v[k < n ? k : n - 1];
	s.max = v[n - 1];
	return s;
}

/* ---- a screen-test session ---- */

struct session {
	pid_t pid;
	int keys, dump;
	char dir[128];
	char buf[65536];
	size_t len;
	char last[8192]; /* the state line of the last dump */
	double t_start;
};

static void die(const char *msg)
{
	fprintf(stderr, "casus-bench: %s\n", msg);
	exit(1);
}

/* Read one dump (header, state line, 24 screen lines); false on timeout or EOF. */
static bool read_dump(struct session *s)
{
	int lines = 0;
	size_t pos = 0;
	double deadline = now_ms() + 20000;
	for (;;) {
		for (; pos < s->len; pos++)
			if (s->buf[pos] == '\n' && ++lines == 26) {
				char *st = memchr(s->buf, '\n', s->len);
				if (st) {
					char *e = memchr(st + 1, '\n', s->len - (size_t)(st + 1 - s->buf));
					size_t n = e ? (size_t)(e - st - 1) : 0;
					if (n >= sizeof s->last)
						n = sizeof s->last - 1;
					memcpy(s->last, st + 1, n);
					s->last[n] = '\0';
				}
				memmove(s->buf, s->buf + pos + 1, s->len - pos - 1);
				s->len -= pos + 1;
				return true;
			}
		struct pollfd p = { .fd = s->dump, .events = POLLIN };
		int wait = (int)(deadline - now_ms());
		if (wait <= 0 || poll(&p, 1, wait) <= 0)
			return false;
		if (s->len == sizeof s->buf)
			die("dump too large");
		ssize_t r = read(s->dump, s->buf + s->len, sizeof s->buf - s->len);
		if (r <= 0)
			return false;
		s->len += (size_t)r;
	}
}

static void send_line(struct session *s, const char *line)
{
	size_t n = strlen(line);
	if (write(s->keys, line, n) != (ssize_t)n)
		die("cannot write to the key script");
}

static bool session_start(struct session *s, const char *db)
{
	memset(s, 0, sizeof *s);
	snprintf(s->dir, sizeof s->dir, "/tmp/casus-bench-XXXXXX");
	if (!mkdtemp(s->dir))
		die("mkdtemp");
	char keys[160], dump[160], log[160];
	snprintf(keys, sizeof keys, "%s/keys", s->dir);
	snprintf(dump, sizeof dump, "%s/dump", s->dir);
	snprintf(log, sizeof log, "%s/err", s->dir);
	if (mkfifo(keys, 0600) || mkfifo(dump, 0600))
		die("mkfifo");
	s->t_start = now_ms();
	s->pid = fork();
	if (s->pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		char a1[200], a2[200];
		snprintf(a1, sizeof a1, "--script=%s", keys);
		snprintf(a2, sizeof a2, "--dump=%s", dump);
		execl(casus_exe, casus_exe, "--db", db, a1, a2, "--size=80x24", (char *)NULL);
		_exit(127);
	}
	s->dump = open(dump, O_RDONLY | O_NONBLOCK);
	/* The writer end opens once casus has opened the script for reading. */
	for (double until = now_ms() + 30000; now_ms() < until;) {
		s->keys = open(keys, O_WRONLY | O_NONBLOCK);
		if (s->keys >= 0)
			break;
		if (waitpid(s->pid, NULL, WNOHANG) == s->pid) {
			fprintf(stderr, "casus-bench: casus ended at start; see below\n");
			/* Copy casus's log to stderr ourselves: no shell, whatever the path holds. */
			FILE *lf = fopen(log, "r");
			char line[512];
			if (!lf)
				fprintf(stderr, "(no log)\n");
			while (lf && fgets(line, sizeof line, lf))
				fputs(line, stderr);
			if (lf)
				fclose(lf);
			return false;
		}
		usleep(200);
	}
	if (s->keys < 0 || s->dump < 0)
		return false;
	fcntl(s->keys, F_SETFL, 0);
	return true;
}

/* Quit and reap; returns the peak RSS in KiB. */
static long session_end(struct session *s)
{
	send_line(s, "key q\n");
	close(s->keys);
	struct rusage ru;
	int status;
	long rss = -1;
	if (wait4(s->pid, &status, 0, &ru) == s->pid)
		rss = ru.ru_maxrss;
	close(s->dump);
	char p[200];
	snprintf(p, sizeof p, "%s/keys", s->dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/dump", s->dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/err", s->dir);
	unlink(p);
	rmdir(s->dir);
	return rss;
}

/* One measured step: send lines (ending in a dump), wait for the dump. */
static void step(struct session *s, const char *lines, double *wall, double *cpu)
{
	double c0 = cpu_ms(s->pid), t0 = now_ms();
	send_line(s, lines);
	if (!read_dump(s))
		die("no dump from casus (timeout)");
	*wall = now_ms() - t0;
	*cpu = cpu_ms(s->pid) - c0;
}

#define MAXS 2000
struct series {
	const char *name;
	double wall[MAXS], cpu[MAXS];
	int n;
};

static void record(struct series *se, struct session *s, const char *lines)
{
	double w, c;
	step(s, lines, &w, &c);
	if (se && se->n < MAXS) {
		se->wall[se->n] = w;
		se->cpu[se->n] = c;
		se->n++;
	}
}

/* ---- results ---- */

enum { K_SCROLL, K_PGDN, K_DEEP_J, K_DEEP_PGDN, K_FILTER, K_SEARCH, K_OPEN, K_PANE,
	K_COUNT };
static const char *const k_names[K_COUNT] = { "scroll j", "scroll PgDn", "deep (25%) j",
	"deep (25%) PgDn", "filter phase", "search (type)", "open family", "switch pane" };

struct result {
	char db[256];
	long long families;
	struct stat_s first_wall, first_cpu;
	struct stat_s dump_wall;
	struct stat_s k_wall[K_COUNT], k_cpu[K_COUNT];
	long rss_kib;
	double pty_first_bytes;
	struct stat_s bytes_j, bytes_pgdn, pty_j_ms;
	struct stat_s export_md, export_json;
	struct stat_s bare[4], core[4], core_fetch, keyset25;
};
static const char *const q_names[4] = { "count open cases", "first page (54 rows)",
	"page at 25% (54 rows)", "search 'jansen' count+page" };

static void net(struct stat_s *st, double *v, int n, double base)
{
	for (int i = 0; i < n; i++)
		v[i] = v[i] > base ? v[i] - base : 0;
	*st = stats(v, n);
}

static void run_session(struct result *r, const char *db)
{
	struct session s;
	/* First frame: fresh processes. */
	int runs = quick ? 3 : 5;
	double fw[16], fc[16];
	for (int i = 0; i < runs; i++) {
		if (!session_start(&s, db))
			die("cannot start casus");
		send_line(&s, "dump first\n");
		if (!read_dump(&s))
			die("no first frame");
		fw[i] = now_ms() - s.t_start;
		fc[i] = cpu_ms(s.pid);
		session_end(&s);
	}
	r->first_wall = stats(fw, runs);
	r->first_cpu = stats(fc, runs);

	if (!session_start(&s, db))
		die("cannot start casus");
	send_line(&s, "dump first\n");
	if (!read_dump(&s))
		die("no first frame");
	static struct series base, k[K_COUNT];
	memset(&base, 0, sizeof base);
	memset(k, 0, sizeof k);
	int reps = quick ? 60 : 200;
	for (int i = 0; i < reps / 2; i++)
		record(&base, &s, "dump\n");
	for (int i = 0; i < reps; i++)
		record(&k[K_SCROLL], &s, "key j\ndump\n");
	for (int i = 0; i < reps / 4; i++) {
		record(&k[K_PGDN], &s, "key <PgDn>\ndump\n");
		if (i % 30 == 29)
			record(NULL, &s, "key g\ndump\n");
	}
	record(NULL, &s, "key g\ndump\n");
	/* A quarter of the way down the list, reached by pages, then the same steps there
	 * (each new window of rows is read by keyset from the edge of the last one). */
	long long sel = 0, rows = 0;
	const char *at = strstr(s.last, " row=");
	if (!at || sscanf(at, " row=%lld/%lld", &sel, &rows) != 2)
		die("no row count in the dump");
	char pages[1024] = "key";
	for (int i = 0; i < 100; i++)
		strcat(pages, " <PgDn>");
	strcat(pages, "\ndump\n");
	while (sel < rows / 4) {
		record(NULL, &s, pages);
		at = strstr(s.last, " row=");
		if (!at || sscanf(at, " row=%lld", &sel) != 1)
			die("no row in the dump");
	}
	for (int i = 0; i < reps; i++)
		record(&k[K_DEEP_J], &s, "key j\ndump\n");
	for (int i = 0; i < reps / 4; i++)
		record(&k[K_DEEP_PGDN], &s, "key <PgDn>\ndump\n");
	record(NULL, &s, "key g\ndump\n");
	for (int i = 0; i < (quick ? 14 : 28); i++)
		record(&k[K_FILTER], &s, "key f\ndump\n");
	record(NULL, &s, "key x\ndump\n");
	static const char *const names[] = { "jansen", "vries", "celik", "bakker", "yilmaz",
		"nguyen", "visser", "dijkstra", "2020-0", "odegaard" };
	int n_names = quick ? 3 : 10;
	for (int rep = 0; rep < 1; rep++)
		for (int i = 0; i < n_names; i++) {
			record(NULL, &s, "key /\ndump\n");
			for (const char *c = names[i]; *c; c++) {
				char line[32];
				snprintf(line, sizeof line, "type %c\ndump\n", *c);
				record(&k[K_SEARCH], &s, line);
			}
			record(NULL, &s, "key <Enter>\ndump\n");
			record(NULL, &s, "key x\ndump\n");
		}
	record(NULL, &s, "key g\ndump\n");
	for (int i = 0; i < (quick ? 15 : 40); i++) {
		record(&k[K_OPEN], &s, "key <Enter>\ndump\n");
		if (strstr(s.last, "opened=-"))
			die("Enter did not open a family");
		record(NULL, &s, "key <Esc>\ndump\n");
		record(NULL, &s, "key j j j\ndump\n");
	}
	for (int i = 0; i < (quick ? 20 : 40); i++)
		record(&k[K_PANE], &s, "key <Tab>\ndump\n");
	r->rss_kib = session_end(&s);
	struct stat_s bw = stats(base.wall, base.n), bc = stats(base.cpu, base.n);
	r->dump_wall = bw;
	for (int i = 0; i < K_COUNT; i++) {
		net(&r->k_wall[i], k[i].wall, k[i].n, bw.med);
		net(&r->k_cpu[i], k[i].cpu, k[i].n, bc.med);
	}
}

/* ---- bytes to the terminal: casus in a pseudo-terminal ---- */

static long drain(int fd, int quiet_ms, int first_ms, double *t_last)
{
	long total = 0;
	char buf[65536];
	int wait = first_ms;
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, wait) <= 0)
			return total;
		ssize_t r = read(fd, buf, sizeof buf);
		if (r <= 0)
			return total;
		total += r;
		if (t_last)
			*t_last = now_ms();
		wait = quiet_ms;
	}
}

static void run_pty(struct result *r, const char *db)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		die("forkpty");
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		execl(casus_exe, casus_exe, "--db", db, (char *)NULL);
		_exit(127);
	}
	r->pty_first_bytes = (double)drain(fd, 400, 15000, NULL);
	int n = quick ? 20 : 50;
	double bj[200], bp[200], tj[200];
	for (int i = 0; i < n; i++) {
		double t0 = now_ms(), t1 = t0;
		if (write(fd, "j", 1) != 1)
			die("pty write");
		bj[i] = (double)drain(fd, 60, 2000, &t1);
		tj[i] = t1 - t0;
	}
	for (int i = 0; i < n / 2; i++) {
		if (write(fd, "\033[6~", 4) != 4)
			die("pty write");
		bp[i] = (double)drain(fd, 60, 2000, NULL);
	}
	r->bytes_j = stats(bj, n);
	r->bytes_pgdn = stats(bp, n / 2);
	r->pty_j_ms = stats(tj, n);
	if (write(fd, "q", 1) != 1)
		die("pty write");
	drain(fd, 200, 2000, NULL);
	int status;
	waitpid(pid, &status, 0);
	close(fd);
}

/* ---- in process: plan export and the bare queries ---- */

static struct stat_s time_export(struct casus_ctx *ctx, const char *case_no, enum plan_format f)
{
	double v[64];
	int n = quick ? 3 : 10;
	FILE *null = fopen("/dev/null", "w");
	struct casus_err err;
	for (int i = 0; i < n; i++) {
		double t0 = tcpu_ms();
		if (plan_export(ctx, case_no, PLAN_IN_FORCE, f, "nl", null, &err))
			die(err.msg);
		v[i] = tcpu_ms() - t0;
	}
	fclose(null);
	return stats(v, n);
}

static double bare_run(sqlite3 *db, const struct family_query *q, bool count, int64_t off)
{
	/* core's count SQL is private: the bare count is made from the list query's
	 * WHERE (the same filter and search). */
	const char *sql = family_list_sql(q);
	sqlite3_stmt *st;
	char buf[8192];
	if (count) {
		/* The list query's WHERE, counted over family alone (as core counts). */
		const char *w = strstr(sql, " WHERE 1"), *ob = strstr(sql, " ORDER BY ");
		if (!w || !ob)
			die("unexpected list SQL");
		snprintf(buf, sizeof buf, "SELECT count(*) FROM family f%.*s", (int)(ob - w), w);
		sql = buf;
	}
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db));
	double v[64];
	int n = quick ? 5 : 15;
	for (int i = 0; i < n; i++) {
		double t0 = tcpu_ms();
		family_list_bind(st, q);
		if (!count) {
			sqlite3_bind_int64(st, 4, 54); /* LIMIT ?4 OFFSET ?5 */
			sqlite3_bind_int64(st, 5, off);
		}
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_reset(st);
		v[i] = tcpu_ms() - t0;
	}
	sqlite3_finalize(st);
	struct stat_s s = stats(v, n);
	return s.med;
}

static void run_inproc(struct result *r, const char *db)
{
	struct casus_ctx *ctx;
	struct casus_err err;
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	if (casus_open(db, &o, &ctx, &err) || casus_identify(ctx, NULL, &err))
		die(err.msg);
	sqlite3_stmt *st;
	char case_no[32] = "";
	if (sqlite3_prepare_v2(ctx->db, "SELECT f.case_no FROM plan p JOIN family f ON"
		" f.id = p.family_id WHERE p.status = 'agreed' ORDER BY p.rowid DESC LIMIT 1", -1,
		&st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(case_no, sizeof case_no, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (case_no[0]) {
		r->export_md = time_export(ctx, case_no, PLAN_FORMAT_MD);
		r->export_json = time_export(ctx, case_no, PLAN_FORMAT_JSON);
	}
	if (sqlite3_prepare_v2(ctx->db, "SELECT count(*) FROM family", -1, &st, NULL) == SQLITE_OK
	    && sqlite3_step(st) == SQLITE_ROW)
		r->families = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);

	sqlite3 *bare;
	if (sqlite3_open_v2(db, &bare, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("sqlite3_open");
	struct family_query q = { .phase = PHASE_COUNT, .sort = SORT_NAME };
	int64_t count = 0;
	family_list_count(ctx, &q, &count, &err);
	struct family_query qs = q;
	qs.search = "jansen";
	int n = quick ? 5 : 15;
	double core[4][64], fetch[64], keyset[64];
	static struct family_row rows[54], anchor;
	int got;
	/* The row just before the page at 25%: keyset pages read the rows after it. */
	family_list_page(ctx, &q, count / 4 - 1, 1, &anchor, &got, &err);
	for (int i = 0; i < n; i++) {
		int64_t c;
		double t0 = tcpu_ms();
		family_list_count(ctx, &q, &c, &err);
		double t1 = tcpu_ms();
		family_list_page(ctx, &q, 0, 54, rows, &got, &err);
		double t2 = tcpu_ms();
		family_list_page(ctx, &q, count / 4, 54, rows, &got, &err);
		double t3 = tcpu_ms();
		family_list_count(ctx, &qs, &c, &err);
		family_list_page(ctx, &qs, 0, 54, rows, &got, &err);
		double t4 = tcpu_ms();
		core[0][i] = t1 - t0;
		core[1][i] = t2 - t1;
		core[2][i] = t3 - t2;
		core[3][i] = t4 - t3;
		/* What the list view does for a window: the page plus each row's flags. */
		struct flag_rules rules;
		flag_rules_load(ctx, &rules);
		double t5 = tcpu_ms();
		family_list_after(ctx, &q, &anchor, 54, rows, &got, &err);
		for (int k = 0; k < got; k++) {
			struct family_flags fl;
			struct plan_flags pf;
			family_flags_get(ctx, &rules, &rows[k], &fl, &err);
			plan_flags(ctx, rows[k].id, &pf, &err);
		}
		fetch[i] = tcpu_ms() - t5;
		double t6 = tcpu_ms();
		family_list_after(ctx, &q, &anchor, 54, rows, &got, &err);
		keyset[i] = tcpu_ms() - t6;
	}
	r->keyset25 = stats(keyset, n);
	for (int k = 0; k < 4; k++)
		r->core[k] = stats(core[k], n);
	r->core_fetch = stats(fetch, n);
	r->bare[0].med = bare_run(bare, &q, true, 0);
	r->bare[1].med = bare_run(bare, &q, false, 0);
	r->bare[2].med = bare_run(bare, &q, false, count / 4);
	r->bare[3].med = bare_run(bare, &qs, true, 0) + bare_run(bare, &qs, false, 0);
	sqlite3_close(bare);
	casus_close(ctx);
}

/* ---- report ---- */

static void report(FILE *f, const struct result *res, int nres)
{
	fprintf(f, "casus benchmark (80x24 virtual screen; times in ms; wall = elapsed, cpu = "
		"time casus spent on a CPU; in-process rows: CPU time)\n\n");
	fprintf(f, "%-34s", "");
	for (int i = 0; i < nres; i++)
		fprintf(f, " | %21lld fam.", res[i].families);
	fprintf(f, "\n");
#define ROW(label, fmt, ...) do { fprintf(f, "%-34s", label); \
	for (int i = 0; i < nres; i++) { const struct result *r = &res[i]; (void)r; \
		char cell[64]; snprintf(cell, sizeof cell, fmt, __VA_ARGS__); \
		fprintf(f, " | %26s", cell); } fprintf(f, "\n"); } while (0)
	ROW("first frame wall med/max", "%.1f / %.1f", r->first_wall.med, r->first_wall.max);
	ROW("first frame cpu med/max", "%.1f / %.1f", r->first_cpu.med, r->first_cpu.max);
	ROW("(dump itself, wall med)", "%.2f", r->dump_wall.med);
	for (int k = 0; k < K_COUNT; k++) {
		char l[64];
		snprintf(l, sizeof l, "%s wall med/p99", k_names[k]);
		ROW(l, "%.2f / %.2f (n=%d)", r->k_wall[k].med, r->k_wall[k].p99, r->k_wall[k].n);
		snprintf(l, sizeof l, "%s cpu med/p99", k_names[k]);
		ROW(l, "%.2f / %.2f", r->k_cpu[k].med, r->k_cpu[k].p99);
	}
	ROW("peak RSS (MiB)", "%.1f", (double)r->rss_kib / 1024.0);
	ROW("pty: first frame bytes", "%.0f", r->pty_first_bytes);
	ROW("pty: bytes per j med/max", "%.0f / %.0f", r->bytes_j.med, r->bytes_j.max);
	ROW("pty: bytes per PgDn med/max", "%.0f / %.0f", r->bytes_pgdn.med, r->bytes_pgdn.max);
	ROW("pty: j to last byte med/p99", "%.1f / %.1f", r->pty_j_ms.med, r->pty_j_ms.p99);
	ROW("plan export md med", "%.2f", r->export_md.med);
	ROW("plan export json med", "%.2f", r->export_json.med);
	for (int k = 0; k < 4; k++) {
		char l[64];
		snprintf(l, sizeof l, "%s: core/bare", q_names[k]);
		ROW(l, "%.3f/%.3f = %.2fx", r->core[k].med, r->bare[k].med,
			r->bare[k].med > 0 ? r->core[k].med / r->bare[k].med : 0);
	}
	ROW("keyset page at 25% (54 rows)", "%.3f", r->keyset25.med);
	ROW("list window at 25% (keyset+flags)", "%.2f", r->core_fetch.med);
#undef ROW
}

static void report_json(FILE *f, const struct result *res, int nres)
{
	fprintf(f, "[\n");
	for (int i = 0; i < nres; i++) {
		const struct result *r = &res[i];
		fprintf(f, "  {\"families\": %lld, \"first_frame_ms\": {\"wall_med\": %.3f, "
			"\"wall_max\": %.3f, \"cpu_med\": %.3f},\n", r->families, r->first_wall.med,
			r->first_wall.max, r->first_cpu.med);
		fprintf(f, "   \"keystroke_ms\": {");
		for (int k = 0; k < K_COUNT; k++)
			fprintf(f, "%s\"%s\": {\"wall_med\": %.3f, \"wall_p99\": %.3f, \"cpu_med\": %.3f, "
				"\"cpu_p99\": %.3f, \"n\": %d}", k ? ", " : "", k_names[k], r->k_wall[k].med,
				r->k_wall[k].p99, r->k_cpu[k].med, r->k_cpu[k].p99, r->k_wall[k].n);
		fprintf(f, "},\n   \"peak_rss_kib\": %ld, \"pty_first_frame_bytes\": %.0f, "
			"\"bytes_per_j\": {\"med\": %.0f, \"max\": %.0f}, \"bytes_per_pgdn\": {\"med\": "
			"%.0f, \"max\": %.0f},\n", r->rss_kib, r->pty_first_bytes, r->bytes_j.med,
			r->bytes_j.max, r->bytes_pgdn.med, r->bytes_pgdn.max);
		fprintf(f, "   \"plan_export_ms\": {\"md\": %.3f, \"json\": %.3f},\n   \"queries_ms\": {",
			r->export_md.med, r->export_json.med);
		for (int k = 0; k < 4; k++)
			fprintf(f, "%s\"%s\": {\"core\": %.4f, \"bare\": %.4f}", k ? ", " : "", q_names[k],
				r->core[k].med, r->bare[k].med);
		fprintf(f, "}, \"keyset_page_25_ms\": %.4f, \"list_window_fetch_ms\": %.3f}%s\n",
			r->keyset25.med, r->core_fetch.med, i + 1 < nres ? "," : "");
	}
	fprintf(f, "]\n");
}

int main(int argc, char **argv)
{
	int a = 1;
	if (a < argc && strcmp(argv[a], "--quick") == 0) {
		quick = true;
		a++;
	}
	if (argc - a < 3) {
		fprintf(stderr, "usage: casus-bench [--quick] CASUS_EXE OUT_BASE DB...\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	casus_exe = argv[a];
	const char *out = argv[a + 1];
	int nres = argc - a - 2;
	struct result *res = calloc((size_t)nres, sizeof *res);
	if (!res)
		die("out of memory");
	for (int i = 0; i < nres; i++) {
		const char *db = argv[a + 2 + i];
		snprintf(res[i].db, sizeof res[i].db, "%s", db);
		fprintf(stderr, "casus-bench: %s ...\n", db);
		run_inproc(&res[i], db);
		run_session(&res[i], db);
		run_pty(&res[i], db);
	}
	report(stdout, res, nres);
	char path[4096];
	snprintf(path, sizeof path, "%s.txt", out);
	FILE *f = fopen(path, "w");
	if (f) {
		report(f, res, nres);
		fclose(f);
	}
	snprintf(path, sizeof path, "%s.json", out);
	if ((f = fopen(path, "w"))) {
		report_json(f, res, nres);
		fclose(f);
	}
	free(res);
	return 0;
}
