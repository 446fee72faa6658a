/* The case list pane: columns that fit the width, sorting, filters, incremental search
 * and a window of rows paged from SQLite around the viewport (the list never loads
 * all families; with 100,000 of them it reads one page per scroll step). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/audit.h"
#include "casus/i18n.h"
#include "draw.h"

enum col { C_CASE, C_NAME, C_PHASE, C_REGIE, C_TRIAGE, C_EVAL, C_REG, C_FLAGS, C_COUNT };

static const struct {
	const char *title, *short_title; /* English msgids */
	int min, max;
	int sort;                        /* enum family_sort, or -1 */
} cols[C_COUNT] = {
	[C_CASE] = { N_("Case"), N_("Case"), 9, 9, SORT_CASE_NO },
	[C_NAME] = { N_("Family"), N_("Family"), 10, 36, SORT_NAME },
	[C_PHASE] = { N_("Phase"), N_("Phase"), 6, 11, SORT_PHASE },
	[C_REGIE] = { N_("Regievoerder"), N_("Regie"), 8, 22, SORT_REGIE },
	[C_TRIAGE] = { N_("Triage"), N_("T"), 1, 6, SORT_TRIAGE },
	[C_EVAL] = { N_("Evaluation"), N_("Eval."), 10, 10, SORT_NEXT_EVAL },
	[C_REG] = { N_("Registered"), N_("Reg."), 10, 10, SORT_REGISTERED },
	[C_FLAGS] = { N_("Flags"), N_("Flags"), 8, 12, -1 },
};
/* Which columns a narrow pane keeps first, and the order they appear in. */
static const enum col priority[C_COUNT] = { C_NAME, C_FLAGS, C_PHASE, C_CASE, C_EVAL,
	C_REGIE, C_TRIAGE, C_REG };
static const enum col order[C_COUNT] = { C_CASE, C_NAME, C_PHASE, C_REGIE, C_TRIAGE, C_EVAL,
	C_REG, C_FLAGS };

struct col_fit {
	int w[C_COUNT]; /* 0: not shown */
};

static void grow(struct col_fit *f, enum col c, int *extra, int upto)
{
	if (!f->w[c] || *extra <= 0)
		return;
	int add = upto - f->w[c];
	if (add > *extra)
		add = *extra;
	if (add > 0)
		f->w[c] += add, *extra -= add;
}

/* Fit columns into avail screen columns (one space between columns). */
static void fit_columns(int avail, struct col_fit *f)
{
	memset(f, 0, sizeof *f);
	int used = 0;
	for (int i = 0; i < C_COUNT; i++) {
		enum col c = priority[i];
		int min = cols[c].min;
		if (c == C_NAME)
			min = avail / 4 < 10 ? 10 : avail / 4 > 22 ? 22 : avail / 4;
		int need = min + (used ? 1 : 0);
		if (used + need <= avail)
			f->w[c] = min, used += need;
	}
	int extra = avail - used;
	grow(f, C_NAME, &extra, 26);
	grow(f, C_PHASE, &extra, cols[C_PHASE].max);
	grow(f, C_REGIE, &extra, cols[C_REGIE].max);
	grow(f, C_FLAGS, &extra, cols[C_FLAGS].max);
	grow(f, C_TRIAGE, &extra, cols[C_TRIAGE].max);
	grow(f, C_NAME, &extra, cols[C_NAME].max);
}

static void flags_text(const struct family_flags *fl, char *out, size_t outsz)
{
	static const char *const codes[FLAG_KIND_COUNT] = { "E", "V", "M", "X?", "X+", "X-",
		"A", "X!" };
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < FLAG_KIND_COUNT && o + 8 < outsz; i++) {
		if (!(fl->bits & family_flag_kind(i)))
			continue;
		/* Acted on before approval is the pending one that matters: X! in its place. */
		if (family_flag_kind(i) == FLAG_ESC_ACTED)
			continue;
		if (family_flag_kind(i) == FLAG_ESC_PENDING && (fl->bits & FLAG_ESC_ACTED))
			o += (size_t)snprintf(out + o, outsz - o, "%s%s", o ? " " : "", "X!");
		else if (family_flag_kind(i) == FLAG_MELDCODE)
			o += (size_t)snprintf(out + o, outsz - o, "%s%s%d", o ? " " : "", codes[i],
				fl->meldcode_step);
		else
			o += (size_t)snprintf(out + o, outsz - o, "%s%s", o ? " " : "", codes[i]);
	}
}

/* The plan's signals (core's plan_flags): N a plan in uitvoering without a future
 * evaluation date, T<n> overdue actions, C<n> consents missing. */
static void plan_flags_text(const struct plan_flags *pf, char *out, size_t outsz)
{
	size_t o = strlen(out);
	if (pf->has_plan && pf->no_future_eval && o + 2 < outsz)
		o += (size_t)snprintf(out + o, outsz - o, "%sN", o ? " " : "");
	if (pf->overdue_actions && o + 8 < outsz)
		o += (size_t)snprintf(out + o, outsz - o, "%sT%d", o ? " " : "", pf->overdue_actions);
	if (pf->missing_consent && o + 8 < outsz)
		snprintf(out + o, outsz - o, "%sC%d", o ? " " : "", pf->missing_consent);
}

static void cell_text(const struct app *a, int i, enum col c, int width, char *out,
	size_t outsz)
{
	const struct family_row *r = &a->list.rows[i];
	char t[2] = { r->triage ? r->triage : '-', 0 };
	switch (c) {
	case C_CASE: snprintf(out, outsz, "%s", r->case_no); break;
	case C_NAME: snprintf(out, outsz, "%s", a->privacy ? a->list.masked[i] : r->display_name);
		break;
	case C_PHASE: snprintf(out, outsz, "%s", width >= 10 ? family_phase_label(r->phase)
							     : family_phase_short(r->phase)); break;
	case C_REGIE: snprintf(out, outsz, "%s", !r->regie_login[0] ? "-"
			: width >= 14 ? r->regie_name : r->regie_login); break;
	case C_TRIAGE: snprintf(out, outsz, "%s", t); break;
	case C_EVAL: snprintf(out, outsz, "%s", r->next_eval_on[0] ? r->next_eval_on : "-"); break;
	case C_REG: snprintf(out, outsz, "%s", r->registered_on); break;
	case C_FLAGS:
		flags_text(&a->list.flags[i], out, outsz);
		plan_flags_text(&a->list.pflags[i], out, outsz);
		break;
	default: out[0] = '\0';
	}
}

/* ---- data ---- */

bool list_init(struct app *a)
{
	struct list_state *l = &a->list;
	l->rows = calloc(LIST_WINDOW, sizeof *l->rows);
	l->flags = calloc(LIST_WINDOW, sizeof *l->flags);
	l->masked = calloc(LIST_WINDOW, sizeof *l->masked);
	l->pflags = calloc(LIST_WINDOW, sizeof *l->pflags);
	l->q.phase = PHASE_COUNT; /* open cases */
	l->q.sort = SORT_NAME;
	l->q.rules = &a->rules;
	return l->rows && l->flags && l->masked && l->pflags;
}

void list_free(struct app *a)
{
	free(a->list.rows);
	free(a->list.flags);
	free(a->list.masked);
	free(a->list.pflags);
}

/* Rows kept around the viewport: three screens, so scrolling a page reads nothing
 * and each page read stays small (every row also costs its flag queries). */
static int window_size(const struct list_state *l)
{
	int n = 3 * (l->view_h > 0 ? l->view_h : 1);
	return n < 30 ? 30 : n > LIST_WINDOW ? LIST_WINDOW : n;
}

/* Read n rows from off. OFFSET costs what it skips, so rows past the middle are read
 * from the other end in the reverse order (every sort ends in a unique key, so the
 * reverse order is exact) and turned around: the last page is as quick as the first.
 * Only jumps come here (reload, first, last); scrolling reads by keyset (slide). */
static enum casus_rc read_rows(struct app *a, int64_t off, int n, struct casus_err *err)
{
	struct list_state *l = &a->list;
	if (off <= l->count / 2 || l->count_capped)
		return family_list_page(a->ctx, &l->q, off, n, l->rows, &l->win_n, err);
	struct family_query rq = l->q;
	rq.descending = !rq.descending;
	int64_t roff = l->count - off - n;
	if (roff < 0)
		n += (int)roff, roff = 0;
	enum casus_rc r = family_list_page(a->ctx, &rq, roff, n, l->rows, &l->win_n, err);
	for (int i = 0, j = l->win_n - 1; i < j; i++, j--) {
		struct family_row t = l->rows[i];
		l->rows[i] = l->rows[j];
		l->rows[j] = t;
	}
	l->win_off = l->count - roff - l->win_n;
	return r;
}

/* The flags, plan signals and privacy name of window row i. */
static void decorate(struct app *a, int i)
{
	struct list_state *l = &a->list;
	struct casus_err err;
	family_flags_get(a->ctx, &a->rules, &l->rows[i], &l->flags[i], &err);
	if (plan_flags(a->ctx, l->rows[i].id, &l->pflags[i], &err))
		memset(&l->pflags[i], 0, sizeof l->pflags[i]);
	l->masked[i][0] = '\0';
	if (a->privacy)
		privacy_family_mask(a->ctx, l->rows[i].id, l->rows[i].display_name,
			l->masked[i], sizeof l->masked[i]);
}

static void fetch(struct app *a, int64_t off, int n)
{
	struct list_state *l = &a->list;
	struct casus_err err;
	if (off < 0)
		off = 0;
	l->win_off = off;
	l->win_n = 0;
	if (read_rows(a, off, n, &err)) {
		app_message(a, true, "%s", err.msg);
		return;
	}
	for (int i = 0; i < l->win_n; i++)
		decorate(a, i);
}

/* Move window rows [from, from+n) to start at index to (with their decorations). */
static void move_rows(struct list_state *l, int to, int from, int n)
{
	if (n <= 0 || to == from)
		return;
	memmove(&l->rows[to], &l->rows[from], (size_t)n * sizeof *l->rows);
	memmove(&l->flags[to], &l->flags[from], (size_t)n * sizeof *l->flags);
	memmove(&l->pflags[to], &l->pflags[from], (size_t)n * sizeof *l->pflags);
	memmove(&l->masked[to], &l->masked[from], (size_t)n * sizeof *l->masked);
}

/* Scroll the window to start at off, keeping the rows it shares with the current one
 * and reading the others by keyset from its first or last row (family_list_after):
 * a step costs the same deep in the list as at its top. False when the windows do not
 * overlap (a jump: fetch reads it). */
static bool slide(struct app *a, int64_t off)
{
	struct list_state *l = &a->list;
	int size = window_size(l);
	struct casus_err err;
	if (off < 0)
		off = 0;
	if (l->win_n == 0 || off >= l->win_off + l->win_n || off + size <= l->win_off)
		return false;
	int n;
	if (off >= l->win_off) { /* forward: drop the head, read after the last row */
		int drop = (int)(off - l->win_off), keep = l->win_n - drop;
		move_rows(l, 0, drop, keep);
		l->win_off = off;
		l->win_n = keep;
		struct family_row last = l->rows[keep - 1];
		if (family_list_after(a->ctx, &l->q, &last, size - keep, &l->rows[keep], &n, &err)) {
			app_message(a, true, "%s", err.msg);
			return true;
		}
		for (int i = keep; i < keep + n; i++)
			decorate(a, i);
		l->win_n = keep + n;
		return true;
	}
	/* backward: read the rows before the first one (the reversed order, turned
	 * around) and put them in front of the ones kept */
	int want = (int)(l->win_off - off), keep = l->win_n;
	if (keep > size - want)
		keep = size - want;
	struct family_query rq = l->q;
	rq.descending = !rq.descending;
	struct family_row first = l->rows[0];
	move_rows(l, want, 0, keep);
	if (family_list_after(a->ctx, &rq, &first, want, l->rows, &n, &err)) {
		app_message(a, true, "%s", err.msg);
		n = 0;
	}
	if (n < want) /* fewer rows before than expected (another process deleted some) */
		move_rows(l, n, want, keep);
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		struct family_row t = l->rows[i];
		l->rows[i] = l->rows[j];
		l->rows[j] = t;
	}
	for (int i = 0; i < n; i++)
		decorate(a, i);
	l->win_off -= n;
	l->win_n = n + keep;
	return true;
}

static int64_t max_top(const struct list_state *l)
{
	int64_t m = l->count - (l->view_h > 0 ? l->view_h : 1);
	return m < 0 ? 0 : m;
}

/* Keep sel in range and on screen. */
static void clamp(struct list_state *l)
{
	int h = l->view_h > 0 ? l->view_h : 1;
	if (l->sel >= l->count)
		l->sel = l->count - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top > max_top(l))
		l->top = max_top(l);
	if (l->top < 0)
		l->top = 0;
}

/* A search counted only up to FAMILY_SEARCH_BROAD: count all before the list's end
 * is needed (the user scrolled near it, or jumps to the last row). */
static void count_all(struct app *a)
{
	struct list_state *l = &a->list;
	struct casus_err err;
	if (!l->count_capped)
		return;
	if (family_list_count(a->ctx, &l->q, &l->count, &err))
		app_message(a, true, "%s", err.msg);
	l->count_capped = false;
}

void list_ensure_window(struct app *a)
{
	struct list_state *l = &a->list;
	int h = l->view_h > 0 ? l->view_h : 1;
	if (l->count_capped && l->top + 2 * h >= l->count)
		count_all(a);
	clamp(l);
	int64_t end = l->top + h < l->count ? l->top + h : l->count;
	if (l->count > 0 && (l->top < l->win_off || end > l->win_off + l->win_n)) {
		int64_t off = l->top - (window_size(l) - h) / 2;
		if (!slide(a, off))
			fetch(a, off, window_size(l));
	}
	const struct family_row *r = app_selected_row(a);
	snprintf(l->sel_id, sizeof l->sel_id, "%s", r ? r->id : "");
}

/* Find the previously selected family in the fresh window and put it back on the
 * same screen line, so another process's change never moves the user's place. */
static void restore_selection(struct app *a, int64_t screen_off)
{
	struct list_state *l = &a->list;
	for (int i = 0; i < l->win_n; i++)
		if (strcmp(l->rows[i].id, l->sel_id) == 0) {
			l->sel = l->win_off + i;
			l->top = l->sel - screen_off;
			return;
		}
}

void list_reload(struct app *a, bool keep)
{
	struct list_state *l = &a->list;
	struct casus_err err;
	int64_t screen_off = l->sel - l->top;
	char keep_id[CASUS_ID_LEN];
	snprintf(keep_id, sizeof keep_id, "%s", l->sel_id);
	/* A search is counted up to FAMILY_SEARCH_BROAD (one or two letters match most
	 * of a large list); the rest only when the list's end is needed. */
	enum casus_rc rc = l->q.search
		? family_list_count_upto(a->ctx, &l->q, FAMILY_SEARCH_BROAD, &l->count, &err)
		: family_list_count(a->ctx, &l->q, &l->count, &err);
	l->count_capped = l->q.search && l->count >= FAMILY_SEARCH_BROAD;
	if (rc) {
		app_message(a, true, "%s", err.msg);
		l->count = 0;
		l->count_capped = false;
	}
	/* What a search being typed has shown; core writes one row per search session. */
	audit_search_seen(&l->search_log, l->search, l->count);
	if (!keep)
		l->sel = l->top = 0;
	clamp(l);
	/* A new filter, sort or search shows its first screen: read just that (each row
	 * also costs its flag queries); scrolling reads on from there. A refresh keeps
	 * the rows around the screen, where the selection is looked for. */
	int h = l->view_h > 0 ? l->view_h : 1;
	if (keep)
		fetch(a, l->top - (window_size(l) - h) / 2, window_size(l));
	else
		fetch(a, l->top, h);
	if (keep && keep_id[0]) {
		snprintf(l->sel_id, sizeof l->sel_id, "%s", keep_id);
		restore_selection(a, screen_off);
	}
	list_ensure_window(a);
}

/* ---- actions ---- */

static unsigned move_to(struct app *a, int64_t sel)
{
	struct list_state *l = &a->list;
	int64_t before = l->sel;
	l->sel = sel;
	clamp(l);
	return R_PAINT_LIST | (l->sel != before ? R_SELECT : 0);
}

static unsigned cycle_phase(struct app *a)
{
	int *p = &a->list.q.phase;
	/* open cases -> each phase in order -> every case -> open cases */
	if (*p == PHASE_COUNT)
		*p = 0;
	else if (*p >= 0 && *p < PHASE_COUNT - 1)
		(*p)++;
	else if (*p == PHASE_COUNT - 1)
		*p = -1;
	else
		*p = PHASE_COUNT;
	return R_RELOAD_LIST;
}

static unsigned toggle_mine(struct app *a)
{
	struct list_state *l = &a->list;
	if (l->q.regie_id) {
		l->q.regie_id = NULL;
	} else {
		snprintf(l->mine_id, sizeof l->mine_id, "%s", a->ctx->user.id);
		l->q.regie_id = l->mine_id;
	}
	return R_RELOAD_LIST;
}

static unsigned cycle_flag(struct app *a)
{
	unsigned *f = &a->list.q.flags;
	*f = *f == 0 ? FLAG_EVAL_OVERDUE : *f == FLAG_EVAL_OVERDUE ? FLAG_FIRST_VISIT : 0;
	return R_RELOAD_LIST;
}

static unsigned next_sort(struct app *a)
{
	/* Cycle through the columns in screen order. */
	static const int seq[] = { SORT_CASE_NO, SORT_NAME, SORT_PHASE, SORT_REGIE, SORT_TRIAGE,
		SORT_NEXT_EVAL, SORT_REGISTERED };
	int n = (int)(sizeof seq / sizeof seq[0]), i = 0;
	while (i < n && seq[i] != (int)a->list.q.sort)
		i++;
	a->list.q.sort = (enum family_sort)seq[(i + 1) % n];
	a->list.q.descending = false;
	return R_RELOAD_LIST;
}

static unsigned clear_filters(struct app *a)
{
	struct list_state *l = &a->list;
	l->q.phase = PHASE_COUNT;
	l->q.regie_id = NULL;
	l->q.flags = 0;
	l->q.sort = SORT_NAME;
	l->q.descending = false;
	l->search[0] = '\0';
	l->q.search = NULL;
	return R_RELOAD_LIST;
}

void list_search_end(struct app *a)
{
	struct casus_err err;
	if (audit_search_end(a->ctx, &a->list.search_log, &err))
		app_message(a, true, "%s", err.msg);
}

void list_apply_search(struct app *a, const char *text)
{
	struct list_state *l = &a->list;
	snprintf(l->search, sizeof l->search, "%s", text);
	l->q.search = l->search[0] ? l->search : NULL;
}

static unsigned step_wrap(struct app *a, int dir)
{
	struct list_state *l = &a->list;
	if (l->count == 0)
		return R_NONE;
	if ((dir < 0 && l->sel == 0) || (dir > 0 && l->sel >= l->count - 1))
		count_all(a); /* wrapping round needs the real end */
	return move_to(a, (l->sel + dir + l->count) % l->count);
}

static unsigned open_selected(struct app *a)
{
	if (!app_selected_row(a))
		return R_NONE;
	family_pane_open(a);
	/* One pane at a time: show what was just opened. */
	if (a->lay.mode == LAYOUT_STACK && !a->zoom) {
		a->focus = PANE_FAMILY;
		return R_LAYOUT | R_PAINT_ALL;
	}
	return R_PAINT_LIST | R_PAINT_FAMILY | R_PAINT_MSG;
}

unsigned list_handle(struct app *a, enum action act)
{
	struct list_state *l = &a->list;
	int h = l->view_h > 1 ? l->view_h : 1;
	const struct family_row *r = app_selected_row(a);
	switch (act) {
	case A_DOWN: return move_to(a, l->sel + 1);
	case A_UP: return move_to(a, l->sel - 1);
	case A_PAGE_DOWN: l->top += h; return move_to(a, l->sel + h);
	case A_PAGE_UP: l->top -= h; return move_to(a, l->sel - h);
	case A_FIRST: return move_to(a, 0);
	case A_LAST: count_all(a); return move_to(a, l->count - 1);
	case A_SEARCH_NEXT: return step_wrap(a, 1);
	case A_SEARCH_PREV: return step_wrap(a, -1);
	case A_OPEN: return open_selected(a);
	case A_SEARCH: return edit_start_search(a);
	case A_SORT_NEXT: return next_sort(a);
	case A_SORT_REVERSE: l->q.descending = !l->q.descending; return R_RELOAD_LIST;
	case A_FILTER_PHASE: return cycle_phase(a);
	case A_FILTER_MINE: return toggle_mine(a);
	case A_FILTER_FLAG: return cycle_flag(a);
	case A_FILTER_CLEAR: return clear_filters(a);
	case A_EDIT_NAME: return r ? edit_start_name(a, r->id, NULL) : R_NONE;
	default: return R_UNHANDLED;
	}
}

void list_click(struct app *a, int row)
{
	/* Row 0 is the border, row 1 the column headers. */
	if (row >= 2)
		move_to(a, a->list.top + row - 2);
}

/* ---- painting ---- */

static void describe_filters(const struct app *a, char *out, size_t outsz)
{
	const struct family_query *q = &a->list.q;
	const char *phase = q->phase == PHASE_COUNT ? _("open") : q->phase < 0 ? _("all")
		: family_phase_label((enum family_phase)q->phase);
	int o = snprintf(out, outsz, "%s", phase);
	if (q->regie_id && o >= 0 && (size_t)o < outsz)
		o += snprintf(out + o, outsz - (size_t)o, " %s %s", draw_glyph(DG_SEP), _("mine"));
	if (q->flags && o >= 0 && (size_t)o < outsz)
		o += snprintf(out + o, outsz - (size_t)o, " %s %s", draw_glyph(DG_SEP),
			family_flag_label(q->flags));
	/* What was searched for is usually a name: privacy mode only says there is one. */
	if (q->search && o >= 0 && (size_t)o < outsz)
		snprintf(out + o, outsz - (size_t)o, " %s /%s", draw_glyph(DG_SEP),
			a->privacy ? _("(search)") : q->search);
}

static void paint_header(struct app *a, WINDOW *w, const struct col_fit *f, int width)
{
	int x = 2;
	draw_fill(w, 1, 1, width, draw_attr(DR_HEADER));
	for (int i = 0; i < C_COUNT; i++) {
		enum col c = order[i];
		if (!f->w[c])
			continue;
		char t[96];
		const char *title = _(cols[c].title);
		if (draw_width(title) > f->w[c])
			title = _(cols[c].short_title);
		bool sorted = cols[c].sort == (int)a->list.q.sort;
		snprintf(t, sizeof t, "%s%s", title, !sorted ? ""
			: draw_glyph(a->list.q.descending ? DG_ARROW_DOWN : DG_ARROW_UP));
		draw_text(w, 1, x, t, f->w[c], true, draw_attr(DR_HEADER));
		x += f->w[c] + 1;
	}
}

static void paint_row(struct app *a, WINDOW *w, int y, int i, const struct col_fit *f,
	int width)
{
	const struct list_state *l = &a->list;
	bool selected = l->win_off + i == l->sel;
	bool focused = a->focus == PANE_LIST;
	attr_t base = !selected ? A_NORMAL
		: draw_attr(focused ? DR_SELECTED : DR_SELECTED_DIM);
	draw_fill(w, y, 1, width, base);
	const char *mark = selected ? draw_glyph(DG_SELECTED)
		: a->fam.opened && strcmp(a->fam.fam.id, l->rows[i].id) == 0 ? draw_glyph(DG_OPENED)
		: " ";
	draw_text(w, y, 1, mark, 1, true, base);
	int x = 2;
	for (int k = 0; k < C_COUNT; k++) {
		enum col c = order[k];
		if (!f->w[c])
			continue;
		char cell[1024];
		cell_text(a, i, c, f->w[c], cell, sizeof cell);
		attr_t at = c == C_FLAGS && !selected ? draw_attr(DR_FLAG) : base;
		draw_text(w, y, x, cell, f->w[c], true, at);
		x += f->w[c] + 1;
	}
}

static void paint_empty(struct app *a, WINDOW *w, int width)
{
	char hint[200], key[32] = "x";
	struct key k;
	/* Name the key the user's bindings really use. */
	if (keymap_keys_for(&a->keys, SECTION_LIST, A_FILTER_CLEAR, &k, 1) == 1)
		keymap_key_label(&k, key, sizeof key);
	snprintf(hint, sizeof hint, _("Press %s to clear the search and filters."), key);
	draw_text(w, 3, 3, _("No cases match."), width - 3, false, A_BOLD);
	draw_text(w, 4, 3, hint, width - 3, false, draw_attr(DR_DIM));
}

void list_paint(struct app *a, WINDOW *w)
{
	struct list_state *l = &a->list;
	int h, wd;
	getmaxyx(w, h, wd);
	char filters[400], title[600];
	describe_filters(a, filters, sizeof filters);
	snprintf(title, sizeof title, "%s %lld/%lld%s %s %s%s%s", _("Cases"),
		(long long)(l->count ? l->sel + 1 : 0), (long long)l->count,
		l->count_capped ? "+" : "", draw_glyph(DG_SEP),
		filters, a->zoom ? "  " : "", a->zoom ? _("[zoom]") : "");
	draw_box(w, title, a->focus == PANE_LIST);
	int width = wd - 2;
	if (width < 4 || h < 4)
		return;
	struct col_fit f;
	fit_columns(width - 1, &f);
	paint_header(a, w, &f, width);
	if (l->count == 0) {
		paint_empty(a, w, width);
		return;
	}
	for (int y = 0; y < h - 3; y++) {
		int64_t row = l->top + y;
		int i = (int)(row - l->win_off);
		if (row >= l->count || i < 0 || i >= l->win_n)
			break;
		paint_row(a, w, y + 2, i, &f, width);
	}
}
