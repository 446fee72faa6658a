/* The escalation part of the family pane: flags and the history of every request
 * (who, when, what, motivation), and the coach's actions on them: request, withdraw
 * while pending, answer a question. Also the line writer and the history loader the
 * approvals queue shares (see view_escalation.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "draw.h"
#include "view_escalation.h"

struct esc_ui *esc_ui(struct app *a)
{
	if (!a->esc && !(a->esc = calloc(1, sizeof *a->esc)))
		app_message(a, true, "%s", _("Out of memory."));
	return a->esc;
}

void esc_ui_free(struct app *a)
{
	free(a->esc);
	a->esc = NULL;
}

/* ---- the line writer ---- */

void esc_put(struct esc_writer *ew, const char *label, const char *text, attr_t attr)
{
	int row = ew->row++;
	if (!ew->w || row < ew->skip || row - ew->skip >= ew->h)
		return;
	int y = ew->y0 + row - ew->skip, x = ew->x0, width = ew->width;
	if (label) {
		draw_text(ew->w, y, x, label, ew->label_w, true, A_BOLD);
		x += ew->label_w + 1;
		width -= ew->label_w + 1;
	}
	if (width > 0)
		draw_text(ew->w, y, x, text, width, false, attr);
}

void esc_put_wrapped(struct esc_writer *ew, const char *label, const char *text, attr_t attr,
	int max_lines)
{
	int width = ew->width - (label ? ew->label_w + 1 : 0);
	char line[LINEEDIT_MAX * 2];
	if (!*text || width < 8) {
		esc_put(ew, label, *text ? text : "-", attr);
		return;
	}
	const char *rest = text;
	for (int i = 0; *rest && (max_lines == 0 || i < max_lines); i++) {
		size_t n = draw_fit(rest, width);
		bool last = max_lines && i == max_lines - 1;
		if (rest[n] && !last) {
			size_t sp = n;
			while (sp > 0 && rest[sp] != ' ')
				sp--;
			n = sp > 0 ? sp : n;
		}
		if (n == 0)
			n = strlen(rest) < 4 ? strlen(rest) : 1;
		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1),
			rest);
		esc_put(ew, i == 0 ? label : (label ? "" : NULL), last ? rest : line, attr);
		rest += n;
		while (*rest == ' ' || *rest == '\n')
			rest++;
	}
}

void esc_heading(struct esc_writer *ew, const char *text)
{
	esc_put(ew, NULL, text, A_BOLD | A_UNDERLINE);
}

void esc_age(const char *iso, char *out, size_t outsz)
{
	time_t t;
	if (!clock_parse_iso(iso, &t)) {
		snprintf(out, outsz, "?");
		return;
	}
	long s = (long)(clock_now() - t);
	if (s < 0)
		s = 0;
	if (s >= 86400)
		snprintf(out, outsz, _("%ld d"), s / 86400);
	else if (s >= 3600)
		snprintf(out, outsz, _("%ld h"), s / 3600);
	else
		snprintf(out, outsz, _("%ld min"), s / 60);
}

void esc_when(const char *iso, char *out, size_t outsz)
{
	snprintf(out, outsz, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
}

/* ---- a family's history ---- */

static void short_copy(char *dst, const char *src)
{
	le_copy(dst, ESC_SHORT, src);
	for (char *c = dst; *c; c++)
		if (*c == '\n' || *c == '\t' || *c == '\r')
			*c = ' ';
}

static int hist_item(void *arg, const struct escalation *e)
{
	struct esc_hist *h = arg;
	if (h->n == ESC_HIST_MAX) {
		h->more++;
		return 0;
	}
	struct esc_hist_item *it = &h->item[h->n++];
	snprintf(it->id, sizeof it->id, "%s", e->id);
	it->kind = e->kind;
	it->urgency = e->urgency;
	it->status = e->status;
	snprintf(it->requested_at, sizeof it->requested_at, "%s", e->requested_at);
	snprintf(it->by, sizeof it->by, "%s", e->requested_by_name);
	snprintf(it->requested_by_id, sizeof it->requested_by_id, "%s", e->requested_by_id);
	short_copy(it->reason, e->reason);
	it->flagged = e->flagged;
	it->retroactive = e->retroactive;
	it->approval_required = e->approval_required;
	it->first_event = h->n_ev;
	it->n_events = 0;
	return 0;
}

static int hist_event(void *arg, const struct escalation *e, const struct escalation_event *ev)
{
	struct esc_hist *h = arg;
	(void)e;
	if (h->n == 0 || h->n_ev == ESC_EVENTS_MAX || strcmp(h->item[h->n - 1].id, e->id) != 0)
		return 0;
	struct esc_hist_event *x = &h->ev[h->n_ev++];
	h->item[h->n - 1].n_events++;
	snprintf(x->action, sizeof x->action, "%s", ev->action);
	snprintf(x->at, sizeof x->at, "%s", ev->at);
	snprintf(x->by, sizeof x->by, "%s", ev->by_name);
	short_copy(x->text, ev->motivation);
	short_copy(x->instead, ev->instead);
	x->retroactive = ev->retroactive;
	return 0;
}

/* Newest first; requests made in the same second in a fixed order (kind, urgency),
 * not in the order of their random ids. */
static int item_cmp(const void *x, const void *y)
{
	const struct esc_hist_item *p = x, *q = y;
	int c = strcmp(q->requested_at, p->requested_at);
	if (c)
		return c;
	if (p->kind != q->kind)
		return (int)p->kind - (int)q->kind;
	return (int)p->urgency - (int)q->urgency;
}

void esc_hist_load(struct app *a, const char *family_id, struct esc_hist *h)
{
	struct casus_err err;
	h->n = h->more = h->n_ev = 0;
	snprintf(h->family_id, sizeof h->family_id, "%s", family_id);
	if (escalation_each_for_family(a->ctx, family_id, hist_item, hist_event, h, &err))
		app_message(a, true, "%s", err.msg);
	qsort(h->item, (size_t)h->n, sizeof h->item[0], item_cmp);
}

const char *esc_action_label(const char *action)
{
	static const struct { const char *name, *label; } t[] = {
		{ "request", N_("requested") }, { "act", N_("acted before approval") },
		{ "ask", N_("asked") }, { "answer", N_("answered") }, { "approve", N_("approved") },
		{ "reject", N_("rejected") }, { "withdraw", N_("withdrew") },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].name, action) == 0)
			return _(t[i].label);
	return action;
}

static void item_title(const struct esc_hist_item *it, char *out, size_t outsz)
{
	const char *status = it->flagged ? _("acted before approval, undecided")
		: it->status == ESC_APPROVED && !it->approval_required ? _("no approval needed")
		: escalation_status_label(it->status);
	snprintf(out, outsz, "%s %s %s %s %s%s", escalation_kind_label(it->kind),
		draw_glyph(DG_SEP), escalation_urgency_label(it->urgency), draw_glyph(DG_SEP), status,
		it->retroactive ? _(" (retroactive)") : "");
}

static void paint_event(struct esc_writer *ew, const struct esc_hist_event *x, bool texts)
{
	char when[20], line[ESC_SHORT * 2 + 200];
	esc_when(x->at, when, sizeof when);
	snprintf(line, sizeof line, "%s %s %s%s%s", when, esc_action_label(x->action), x->by,
		texts && x->text[0] ? ": " : "", texts ? x->text : "");
	esc_put_wrapped(ew, NULL, line, A_NORMAL, 3);
	if (texts && x->instead[0]) {
		snprintf(line, sizeof line, "  %s %s", _("needed instead:"), x->instead);
		esc_put_wrapped(ew, NULL, line, A_NORMAL, 2);
	}
}

void esc_hist_paint(struct app *a, struct esc_writer *ew, const struct esc_hist *h,
	const char *skip_id, bool texts)
{
	char title[600];
	(void)a;
	int shown = 0;
	for (int i = 0; i < h->n; i++) {
		const struct esc_hist_item *it = &h->item[i];
		if (skip_id && strcmp(it->id, skip_id) == 0)
			continue;
		shown++;
		item_title(it, title, sizeof title);
		esc_put(ew, NULL, title, it->flagged || it->status == ESC_PENDING
			|| it->status == ESC_INFO_REQUESTED ? A_BOLD | draw_attr(DR_FLAG) : A_BOLD);
		struct esc_writer in = *ew;
		in.x0 += 2;
		in.width -= 2;
		for (int k = 0; k < it->n_events; k++)
			paint_event(&in, &h->ev[it->first_event + k], texts);
		ew->row = in.row;
	}
	if (!shown)
		esc_put(ew, NULL, _("none"), draw_attr(DR_DIM));
	if (h->more) {
		snprintf(title, sizeof title, _("and %d more"), h->more);
		esc_put(ew, NULL, title, draw_attr(DR_DIM));
	}
}

/* ---- the family pane ---- */

static const char *pane_family_id(struct app *a)
{
	return a->fam.opened ? a->fam.fam.id : NULL;
}

void esc_pane_load(struct app *a)
{
	struct esc_ui *u = esc_ui(a);
	struct casus_err err;
	const char *id = pane_family_id(a);
	if (!u || !id)
		return;
	esc_hist_load(a, id, &u->fam_hist);
	if (escalation_family_flags(a->ctx, id, &u->fam_flags, &err))
		memset(&u->fam_flags, 0, sizeof u->fam_flags);
}

/* The newest escalation of the opened family that fits: the user's own pending one
 * (withdraw), or one waiting for an answer (answer). */
static const struct esc_hist_item *find_item(struct app *a, enum esc_form_kind k)
{
	const struct esc_hist *h = &a->esc->fam_hist;
	for (int i = 0; i < h->n; i++) {
		const struct esc_hist_item *it = &h->item[i];
		if (k == FORM_WITHDRAW && it->status == ESC_PENDING && !it->flagged
		    && strcmp(it->requested_by_id, a->ctx->user.id) == 0)
			return it;
		if (k == FORM_ANSWER && it->status == ESC_INFO_REQUESTED)
			return it;
	}
	return NULL;
}

unsigned esc_pane_handle(struct app *a, enum action act)
{
	if (act != A_ESC_REQUEST && act != A_ESC_WITHDRAW && act != A_ESC_ANSWER)
		return R_UNHANDLED;
	struct esc_ui *u = esc_ui(a);
	if (!u)
		return R_PAINT_MSG;
	if (!a->fam.opened || strcmp(a->fam.fam.id, u->fam_hist.family_id) != 0) {
		app_message(a, true, "%s", _("Open the family first (Enter)."));
		return R_PAINT_MSG;
	}
	if (act == A_ESC_REQUEST)
		return esc_form_start(a, FORM_REQUEST, NULL, a->fam.fam.case_no);
	enum esc_form_kind k = act == A_ESC_WITHDRAW ? FORM_WITHDRAW : FORM_ANSWER;
	const struct esc_hist_item *it = find_item(a, k);
	if (!it) {
		app_message(a, true, "%s", k == FORM_WITHDRAW
			? _("You have no pending request for this family to withdraw.")
			: _("No request of this family waits for an answer."));
		return R_PAINT_MSG;
	}
	return esc_form_start(a, k, it->id, a->fam.fam.case_no);
}

static void flags_text(const struct escalation_flags *f, char *out, size_t outsz)
{
	snprintf(out, outsz, _("%d pending (%d waiting for an answer), %d approved, %d rejected"),
		f->pending, f->info_requested, f->approved, f->rejected);
	if (f->acted_undecided) {
		size_t n = strlen(out);
		snprintf(out + n, outsz - n, _("; %d acted before approval, undecided"),
			f->acted_undecided);
	}
}

int esc_pane_paint(struct app *a, WINDOW *w, int row, int skip, int h, int width)
{
	struct esc_ui *u = a->esc;
	const char *id = pane_family_id(a);
	if (!u || !id || strcmp(u->fam_hist.family_id, id) != 0 || u->fam_hist.n == 0)
		return row;
	struct esc_writer ew = { w, row, skip, h, 1, 2, width, 0 };
	char buf[300];
	esc_put(&ew, NULL, "", A_NORMAL);
	snprintf(buf, sizeof buf, _("Escalations (%d)"), u->fam_hist.n + u->fam_hist.more);
	esc_heading(&ew, buf);
	flags_text(&u->fam_flags, buf, sizeof buf);
	esc_put_wrapped(&ew, NULL, buf, u->fam_flags.acted_undecided ? draw_attr(DR_FLAG)
		: A_NORMAL, 2);
	/* Motivations are free text: hidden in privacy mode, like the hulpvraag. */
	esc_hist_paint(a, &ew, &u->fam_hist, NULL, !a->privacy);
	return ew.row;
}
