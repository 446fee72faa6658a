/* The approvals queue (DOMAIN.md §1 situation 3, §5): every undecided request that needs
 * a gedragswetenschapper, in core's order (acted before approval first, then urgency,
 * then oldest), and the picture of the selected one beside it (view_queue_detail.c).
 * Approve, reject and ask are one key each and ask for a motivation; a user who may
 * not decide is told why (core's escalation_check_decider) instead. Stacked at 80x24
 * (list above, detail below), side by side from 160 columns. */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "draw.h"
#include "view_escalation.h"

#define QUEUE_SIDE_COLS 160

static int add_row(void *arg, const struct escalation *e)
{
	struct app *a = arg;
	struct queue_state *q = &a->esc->q;
	if (q->n == QUEUE_MAX) {
		q->more++;
		return 0;
	}
	struct esc_row *r = &q->rows[q->n++];
	snprintf(r->id, sizeof r->id, "%s", e->id);
	snprintf(r->family_id, sizeof r->family_id, "%s", e->family_id);
	snprintf(r->case_no, sizeof r->case_no, "%s", e->case_no);
	if (a->privacy)
		privacy_family_mask(a->ctx, e->family_id, e->family_name, r->name, sizeof r->name);
	else
		snprintf(r->name, sizeof r->name, "%s", e->family_name);
	r->kind = e->kind;
	r->urgency = e->urgency;
	r->status = e->status;
	snprintf(r->requested_at, sizeof r->requested_at, "%s", e->requested_at);
	r->flagged = e->flagged;
	return 0;
}

static void clamp(struct queue_state *q)
{
	if (q->sel >= q->n)
		q->sel = q->n - 1;
	if (q->sel < 0)
		q->sel = 0;
	int h = q->list_h > 0 ? q->list_h : 1;
	if (q->sel < q->top)
		q->top = q->sel;
	if (q->sel >= q->top + h)
		q->top = q->sel - h + 1;
	if (q->top < 0)
		q->top = 0;
}

/* Read the queue again; the selection stays on the same request when it is still
 * there. The detail is read again too (an opened family stays open, unlogged). */
void queue_reload(struct app *a)
{
	struct esc_ui *u = a->esc;
	struct casus_err err;
	if (!u || a->view != VIEW_QUEUE)
		return;
	struct queue_state *q = &u->q;
	char keep[CASUS_ID_LEN];
	snprintf(keep, sizeof keep, "%s", q->sel_id);
	q->n = q->more = 0;
	if (escalation_queue_each(a->ctx, add_row, a, &err))
		app_message(a, true, "%s", err.msg);
	for (int i = 0; keep[0] && i < q->n; i++)
		if (strcmp(q->rows[i].id, keep) == 0)
			q->sel = i;
	clamp(q);
	bool same = q->n > 0 && strcmp(q->rows[q->sel].id, keep) == 0;
	queue_detail_load(a, same && q->opened);
}

unsigned queue_open(struct app *a)
{
	struct esc_ui *u = esc_ui(a);
	if (!u)
		return R_PAINT_MSG;
	a->view = VIEW_QUEUE;
	u->q.opened = false;
	u->q.sel_id[0] = '\0';
	u->q.sel = u->q.top = 0;
	queue_reload(a);
	return R_LAYOUT | R_PAINT_ALL;
}

static unsigned move_to(struct app *a, int sel)
{
	struct queue_state *q = &a->esc->q;
	int before = q->sel;
	q->sel = sel;
	clamp(q);
	if (q->sel == before)
		return R_NONE;
	q->opened = false;
	queue_detail_load(a, false);
	return R_PAINT_MAIN;
}

static unsigned detail_scroll_by(struct queue_state *q, int by)
{
	int before = q->detail_scroll;
	q->detail_scroll += by;
	if (q->detail_scroll > q->detail_lines - 1)
		q->detail_scroll = q->detail_lines - 1;
	if (q->detail_scroll < 0)
		q->detail_scroll = 0;
	return q->detail_scroll != before ? R_PAINT_MAIN : R_NONE;
}

static unsigned decide(struct app *a, enum esc_form_kind kind)
{
	struct queue_state *q = &a->esc->q;
	if (!q->have_cur) {
		app_message(a, true, "%s", _("No request selected."));
		return R_PAINT_MSG;
	}
	if (q->refusal[0]) {
		app_message(a, true, "%s", q->refusal);
		return R_PAINT_MSG;
	}
	return esc_form_start(a, kind, q->cur.id, q->cur.case_no);
}

unsigned queue_handle(struct app *a, enum action act)
{
	struct queue_state *q = &a->esc->q;
	switch (act) {
	case A_DOWN: return move_to(a, q->sel + 1);
	case A_UP: return move_to(a, q->sel - 1);
	case A_FIRST: return move_to(a, 0);
	case A_LAST: return move_to(a, q->n - 1);
	case A_PAGE_DOWN: return detail_scroll_by(q, 10);
	case A_PAGE_UP: return detail_scroll_by(q, -10);
	case A_OPEN:
		if (!q->have_cur)
			return R_NONE;
		queue_detail_load(a, true);
		return R_PAINT_MAIN | R_PAINT_MSG;
	case A_APPROVE: return decide(a, FORM_APPROVE);
	case A_REJECT: return decide(a, FORM_REJECT);
	case A_ASK: return decide(a, FORM_ASK);
	case A_QUEUE: return R_NONE;
	case A_PRIVACY: return privacy_toggle(a) | R_RELOAD_QUEUE;
	case A_BACK:
		a->view = VIEW_MAIN;
		return R_LAYOUT | R_PAINT_ALL | R_REFRESH_LIST;
	default: return R_UNHANDLED;
	}
}

/* ---- painting ---- */

enum qcol { Q_CASE, Q_NAME, Q_KIND, Q_URG, Q_AGE, Q_FLAGS, Q_COUNT };

static void fit(int width, int w[Q_COUNT])
{
	w[Q_CASE] = 9;
	w[Q_URG] = 7;
	w[Q_AGE] = 6;
	w[Q_FLAGS] = 9;
	int rest = width - (w[Q_CASE] + w[Q_URG] + w[Q_AGE] + w[Q_FLAGS]) - Q_COUNT;
	if (rest < 16)
		rest = 16;
	w[Q_NAME] = rest * 2 / 5;
	w[Q_KIND] = rest - w[Q_NAME];
}

static void row_cells(const struct esc_row *r, char cell[Q_COUNT][FAMILY_TEXT_MAX])
{
	snprintf(cell[Q_CASE], FAMILY_TEXT_MAX, "%s", r->case_no);
	snprintf(cell[Q_NAME], FAMILY_TEXT_MAX, "%s", r->name);
	snprintf(cell[Q_KIND], FAMILY_TEXT_MAX, "%s", escalation_kind_label(r->kind));
	snprintf(cell[Q_URG], FAMILY_TEXT_MAX, "%s", escalation_urgency_label(r->urgency));
	esc_age(r->requested_at, cell[Q_AGE], FAMILY_TEXT_MAX);
	snprintf(cell[Q_FLAGS], FAMILY_TEXT_MAX, "%s%s%s", r->flagged ? _("acted") : "",
		r->flagged && r->status == ESC_INFO_REQUESTED ? " " : "",
		r->status == ESC_INFO_REQUESTED ? _("asked") : "");
}

static void paint_cells(WINDOW *w, int y, const int cw[Q_COUNT],
	char cell[Q_COUNT][FAMILY_TEXT_MAX], attr_t at, attr_t flag_at)
{
	int x = 2;
	for (int c = 0; c < Q_COUNT; c++) {
		draw_text(w, y, x, cell[c], cw[c], true, c == Q_FLAGS ? flag_at : at);
		x += cw[c] + 1;
	}
}

static void paint_list(struct app *a, WINDOW *w)
{
	struct queue_state *q = &a->esc->q;
	int h, wd;
	getmaxyx(w, h, wd);
	char title[300], cell[Q_COUNT][FAMILY_TEXT_MAX];
	snprintf(title, sizeof title, _("Approvals queue %s %d waiting"), draw_glyph(DG_SEP),
		q->n + q->more);
	draw_box(w, title, true);
	int width = wd - 2, cw[Q_COUNT];
	if (h < 4 || width < 10)
		return;
	fit(width - 1, cw);
	static const char *const heads[Q_COUNT] = { N_("Case"), N_("Family"), N_("Kind"),
		N_("Urgency"), N_("Age"), N_("Flags") };
	for (int c = 0; c < Q_COUNT; c++)
		snprintf(cell[c], FAMILY_TEXT_MAX, "%s", _(heads[c]));
	draw_fill(w, 1, 1, width, draw_attr(DR_HEADER));
	paint_cells(w, 1, cw, cell, draw_attr(DR_HEADER), draw_attr(DR_HEADER));
	q->list_h = h - 3;
	clamp(q);
	if (q->n == 0) {
		draw_text(w, 2, 3, _("Nothing waits for a decision."), width - 3, false,
			draw_attr(DR_DIM));
		return;
	}
	for (int y = 0; y < q->list_h && q->top + y < q->n; y++) {
		int i = q->top + y;
		bool sel = i == q->sel;
		attr_t base = sel ? draw_attr(DR_SELECTED) : A_NORMAL;
		draw_fill(w, y + 2, 1, width, base);
		draw_text(w, y + 2, 1, sel ? draw_glyph(DG_SELECTED) : " ", 1, true, base);
		row_cells(&q->rows[i], cell);
		paint_cells(w, y + 2, cw, cell, base, sel ? base : draw_attr(DR_FLAG));
	}
}

void queue_paint(struct app *a, WINDOW *w)
{
	struct queue_state *q = &a->esc->q;
	int h, wd;
	getmaxyx(w, h, wd);
	int lh, lw;
	bool side = wd >= QUEUE_SIDE_COLS;
	if (side) {
		lw = wd * 9 / 20;
		lh = h;
	} else {
		lw = wd;
		lh = q->n + 3 < 5 ? 5 : q->n + 3;
		if (lh > h * 2 / 5)
			lh = h * 2 / 5;
	}
	WINDOW *lwin = derwin(w, lh, lw, 0, 0);
	if (lwin) {
		paint_list(a, lwin);
		delwin(lwin);
	}
	if (side)
		queue_detail_paint(a, w, 0, lw, h, wd - lw);
	else
		queue_detail_paint(a, w, lh, 0, h - lh, wd);
}
