/* Screen-test scripts and screen dumps (see script.h). */
#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "script.h"
#include "term.h"

#define SCRIPT_QUEUE 512

struct script {
	FILE *f, *out;
	char path[512];
	int line;
	struct key queue[SCRIPT_QUEUE];
	int head, tail;
};

struct script *script_open(const char *path, FILE *out, char *err, size_t errsz)
{
	struct script *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	s->f = fopen(path, "r");
	if (!s->f) {
		snprintf(err, errsz, "%s: cannot open the key script", path);
		free(s);
		return NULL;
	}
	s->out = out;
	snprintf(s->path, sizeof s->path, "%s", path);
	return s;
}

void script_close(struct script *s)
{
	if (!s)
		return;
	fclose(s->f);
	free(s);
}

static void push(struct script *s, struct key k)
{
	if (s->tail < SCRIPT_QUEUE)
		s->queue[s->tail++] = k;
}

static bool queue_keys(struct script *s, char *args)
{
	for (char *save = NULL, *t = strtok_r(args, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		struct key k;
		if (!keymap_parse_key(t, &k)) {
			fprintf(stderr, "%s:%d: unknown key '%s'\n", s->path, s->line, t);
			return false;
		}
		push(s, k);
	}
	return true;
}

static void queue_text(struct script *s, const char *text)
{
	while (*text) {
		uint32_t cp;
		text += draw_utf8_next(text, &cp);
		push(s, (struct key){ (int)cp, false });
	}
}

/* Carry out one script line; returns an event, or -1 to read on. */
static int run_line(struct script *s, struct app *a, char *line)
{
	char *args = line + strcspn(line, " \t");
	if (*args)
		*args++ = '\0';
	int cols, rows;
	if (strcmp(line, "key") == 0)
		return queue_keys(s, args) ? -1 : SCRIPT_ERROR;
	if (strcmp(line, "type") == 0) {
		queue_text(s, args);
		return -1;
	}
	if (strcmp(line, "dump") == 0) {
		script_dump(a, s->out, args);
		return -1;
	}
	if (strcmp(line, "tick") == 0)
		return SCRIPT_TIMEOUT;
	if (strcmp(line, "resize") == 0 && sscanf(args, "%dx%d", &cols, &rows) == 2 && cols > 0
	    && rows > 0) {
		term_virtual_resize(rows, cols);
		return SCRIPT_RESIZE;
	}
	if (strcmp(line, "signal") == 0 && (strcmp(args, "hup") == 0 || strcmp(args, "term") == 0)) {
		raise(strcmp(args, "hup") == 0 ? SIGHUP : SIGTERM);
		return SCRIPT_TIMEOUT;
	}
	fprintf(stderr, "%s:%d: cannot understand '%s %s'\n", s->path, s->line, line, args);
	return SCRIPT_ERROR;
}

enum script_event script_next(struct script *s, struct app *a, struct key *k)
{
	char buf[2048];
	while (s->head == s->tail) {
		s->head = s->tail = 0;
		if (!fgets(buf, sizeof buf, s->f))
			return SCRIPT_END;
		s->line++;
		buf[strcspn(buf, "\r\n")] = '\0';
		char *p = buf + strspn(buf, " \t");
		if (*p == '\0' || *p == '#')
			continue;
		int ev = run_line(s, a, p);
		if (ev >= 0)
			return (enum script_event)ev;
	}
	*k = s->queue[s->head++];
	return SCRIPT_KEY;
}

static void put_utf8(FILE *out, wchar_t c)
{
	unsigned u = (unsigned)c;
	if (u < 0x80)
		fputc((int)u, out);
	else if (u < 0x800)
		fprintf(out, "%c%c", 0xc0 | u >> 6, 0x80 | (u & 0x3f));
	else if (u < 0x10000)
		fprintf(out, "%c%c%c", 0xe0 | u >> 12, 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f));
	else
		fprintf(out, "%c%c%c%c", 0xf0 | u >> 18, 0x80 | ((u >> 12) & 0x3f),
			0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f));
}

/* One screen line from curscr (what the terminal shows), trailing blanks dropped. */
static void dump_line(FILE *out, int y, int cols)
{
	char buf[4096];
	size_t n = 0, keep = 0;
	FILE *mem = fmemopen(buf, sizeof buf, "w");
	if (!mem)
		return;
	for (int x = 0; x < cols; x++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1] = { 0 };
		attr_t at;
		short pair;
		if (mvwin_wch(curscr, y, x, &cc) == ERR || getcchar(&cc, wc, &at, &pair, NULL) == ERR)
			wc[0] = L' ';
		for (int i = 0; i < CCHARW_MAX && wc[i]; i++)
			put_utf8(mem, wc[i]);
		if (!wc[0])
			fputc(' ', mem);
		fflush(mem);
		n = (size_t)ftell(mem);
		if (wc[0] && wc[0] != L' ')
			keep = n;
		/* A wide character fills the next cell too. */
		if (wc[0] && draw_cp_width((uint32_t)wc[0]) == 2)
			x++;
	}
	fclose(mem);
	fprintf(out, "%.*s\n", (int)keep, buf);
}

static const char *const pane_names[PANE_COUNT] = { "list", "family", "meldcode" };
static const char *const mode_names[] = { "side", "stack", "too-small" };
static const char *const edit_names[] = { "none", "search", "name", "draft-offer" };

void script_dump(struct app *a, FILE *out, const char *label)
{
	int oy, ox;
	getyx(curscr, oy, ox);
	const struct family_row *r = app_selected_row(a);
	fprintf(out, "=== %s (%dx%d) ===\n", label && *label ? label : "screen", COLS, LINES);
	fprintf(out, "state: view=%s layout=%s focus=%s zoom=%s privacy=%s sel=%s row=%lld/%lld%s "
		"opened=%s edit=%s\n", a->view == VIEW_HELP ? "help" : "main",
		mode_names[a->lay.mode], pane_names[a->focus], a->zoom ? "on" : "off",
		a->privacy ? "on" : "off", r ? r->case_no : "-",
		(long long)(a->list.count ? a->list.sel + 1 : 0), (long long)a->list.count,
		a->list.count_capped ? "+" : "", a->fam.opened ? a->fam.fam.case_no : "-",
		a->edit.kind == EDIT_PLAN ? "plan" : edit_names[a->edit.kind]);
	for (int y = 0; y < LINES; y++)
		dump_line(out, y, COLS);
	fflush(out);
	wmove(curscr, oy, ox);
}
