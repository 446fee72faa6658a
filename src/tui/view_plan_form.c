/* A small form for the plan view: a few fields (a line of text, a long text, one
 * choice, or several choices) drawn in the plan pane. A line of text is edited with the
 * line editor; a long text (the plan's sections, worries, outcomes, reasons) in place
 * with the multi-line editor of form.c (word wrap, cursor movement), or in $EDITOR
 * with F4. Tab/Down and S-Tab/Up move between fields (in a long text Up and Down move
 * between its lines first); Left/Right pick a choice; Space ticks one of several;
 * Enter moves on and, on a last line field, submits; F2 or Ctrl-S submits; Esc cancels,
 * asking first when something was changed. A submit that fails (core refused, a
 * conflict) leaves the form open with the text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "draw.h"
#include "form.h"

static void free_long(struct pv_form *f)
{
	for (int i = 0; i < PF_FIELDS; i++) {
		free(f->f[i].ml);
		f->f[i].ml = NULL;
	}
}

struct pv_form *pf_begin(struct app *a, const char *title, unsigned (*submit)(struct app *))
{
	struct pv_form *f = &a->pv.form;
	free_long(f);
	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", title);
	f->submit = submit;
	return f;
}

struct pf_field *pf_text(struct pv_form *f, const char *label, const char *value)
{
	if (f->n >= PF_FIELDS)
		return &f->f[PF_FIELDS - 1];
	struct pf_field *fl = &f->f[f->n++];
	fl->label = label;
	fl->kind = PF_TEXT;
	le_copy(fl->value, sizeof fl->value, value ? value : "");
	return fl;
}

struct pf_field *pf_long(struct pv_form *f, const char *label, const char *value)
{
	struct pf_field *fl = pf_text(f, label, "");
	if (!fl->ml && !(fl->ml = calloc(1, sizeof *fl->ml))) {
		f->oom = true; /* pf_open refuses the form */
		return fl;
	}
	fl->kind = PF_LONG;
	form_multi_set(fl->ml, value);
	return fl;
}

struct pf_field *pf_choice(struct pv_form *f, const char *label, bool multi)
{
	struct pf_field *fl = pf_text(f, label, "");
	fl->kind = multi ? PF_MULTI : PF_CHOICE;
	return fl;
}

void pf_add_choice(struct pf_field *fl, const char *text, const char *id)
{
	if (fl->n_choices >= PF_CHOICES)
		return;
	le_copy(fl->choice_text[fl->n_choices], sizeof fl->choice_text[0], text);
	snprintf(fl->choice_id[fl->n_choices], sizeof fl->choice_id[0], "%s", id ? id : "");
	fl->n_choices++;
}

static void enter_field(struct app *a, int i)
{
	struct pv_form *f = &a->pv.form;
	f->cur = i;
	if (f->f[i].kind == PF_TEXT)
		le_set(&a->edit.le, f->f[i].value);
}

static void leave_field(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	if (f->f[f->cur].kind == PF_TEXT)
		le_copy(f->f[f->cur].value, sizeof f->f[0].value, a->edit.le.buf);
}

/* A fingerprint of everything the user can change (FNV-1a), to ask before Esc throws
 * changes away. */
static unsigned long fingerprint(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	unsigned long h = 2166136261u;
	for (int i = 0; i < f->n; i++) {
		const struct pf_field *fl = &f->f[i];
		for (const char *s = pf_value(a, i); *s; s++)
			h = (h ^ (unsigned char)*s) * 16777619u;
		h = (h ^ (unsigned long)fl->choice) * 16777619u;
		for (int c = 0; c < fl->n_choices; c++)
			h = (h ^ (unsigned long)fl->picked[c]) * 16777619u;
		h = (h ^ 0xffu) * 16777619u;
	}
	return h;
}

unsigned pf_open(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	if (f->oom) {
		pf_close(a);
		app_message(a, true, "%s", _("Out of memory."));
		return R_PAINT_MSG;
	}
	f->active = true;
	a->edit.kind = EDIT_PLAN;
	enter_field(a, 0);
	f->start_sum = fingerprint(a);
	return R_PAINT_FAMILY | R_PAINT_STATUS | R_PAINT_MSG;
}

void pf_close(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	pv_draft_forget(a);
	free_long(f);
	f->active = false;
	f->confirm = false;
	a->edit.kind = EDIT_NONE;
}

const char *pf_value(struct app *a, int i)
{
	struct pv_form *f = &a->pv.form;
	if (f->f[i].kind == PF_LONG)
		return f->f[i].ml->multi;
	if (i == f->cur && f->f[i].kind == PF_TEXT)
		return a->edit.le.buf;
	return f->f[i].value;
}

void pf_set_value(struct app *a, int i, const char *text)
{
	struct pv_form *f = &a->pv.form;
	if (i < 0 || i >= f->n)
		return;
	if (f->f[i].kind == PF_LONG)
		form_multi_set(f->f[i].ml, text);
	else if (f->f[i].kind == PF_TEXT) {
		le_copy(f->f[i].value, sizeof f->f[i].value, text);
		if (i == f->cur)
			le_set(&a->edit.le, f->f[i].value);
	}
}

bool pf_changed(struct app *a)
{
	return a->pv.form.active && fingerprint(a) != a->pv.form.start_sum;
}

static unsigned pf_move(struct app *a, int dir)
{
	struct pv_form *f = &a->pv.form;
	int to = f->cur + dir;
	if (to < 0 || to >= f->n)
		return R_NONE;
	leave_field(a);
	enter_field(a, to);
	return R_PAINT_FAMILY;
}

static unsigned submit(struct app *a)
{
	leave_field(a);
	unsigned r = a->pv.form.submit(a);
	return r | R_PAINT_FAMILY | R_PAINT_STATUS | R_PAINT_MSG;
}

static unsigned choice_key(struct app *a, struct pf_field *fl, const struct key *k)
{
	if (fl->n_choices == 0)
		return R_NONE;
	if (k->fn && (k->code == KEY_RIGHT || k->code == KEY_LEFT)) {
		int d = k->code == KEY_RIGHT ? 1 : -1;
		fl->choice = (fl->choice + d + fl->n_choices) % fl->n_choices;
		if (a->pv.form.changed)
			a->pv.form.changed(a);
		return R_PAINT_FAMILY;
	}
	if (!k->fn && k->code == ' ' && fl->kind == PF_MULTI) {
		fl->picked[fl->choice] = !fl->picked[fl->choice];
		return R_PAINT_FAMILY;
	}
	return R_NONE;
}

/* Esc: close at once when nothing changed, else ask (y throws the changes away). */
static unsigned cancel_key(struct app *a, const struct key *k)
{
	struct pv_form *f = &a->pv.form;
	unsigned r = R_PAINT_FAMILY | R_PAINT_STATUS | R_PAINT_MSG;
	if (f->confirm) {
		f->confirm = false;
		if (k->fn || (k->code != 'y' && k->code != 'j')) {
			app_message(a, false, "%s", _("Go on editing."));
			return r;
		}
	} else if (pf_changed(a)) {
		f->confirm = true;
		app_message(a, true, "%s", _("Throw away your changes? y: yes, any other key: go "
			"on editing."));
		return r;
	}
	pf_close(a);
	app_message(a, false, "%s", _("Not saved."));
	return r;
}

static unsigned long_key(struct app *a, struct pf_field *fl, const struct key *k)
{
	struct pv_form *f = &a->pv.form;
	if (k->fn && k->code == KEY_F(4)) {
		char *edited = pv_editor_text(a, fl->ml->multi);
		if (edited) {
			form_multi_set(fl->ml, edited);
			free(edited);
		}
		return R_PAINT_ALL;
	}
	enum form_result r = form_multi_key(fl->ml, k, f->long_w > 4 ? f->long_w : 40);
	if (r == FORM_NONE && k->fn && (k->code == KEY_DOWN || k->code == KEY_UP))
		return pf_move(a, k->code == KEY_DOWN ? 1 : -1);
	return r == FORM_NONE ? R_NONE : R_PAINT_FAMILY;
}

unsigned plan_form_key(struct app *a, const struct key *k)
{
	struct pv_form *f = &a->pv.form;
	struct pf_field *fl = &f->f[f->cur];
	if (f->confirm || (!k->fn && k->code == 27))
		return cancel_key(a, k);
	if ((!k->fn && k->code == 19) || (k->fn && k->code == KEY_F(2)))
		return submit(a);
	if (!k->fn && k->code == '\t')
		return pf_move(a, 1);
	if (k->fn && k->code == KEY_BTAB)
		return pf_move(a, -1);
	if (fl->kind == PF_LONG)
		return long_key(a, fl, k);
	if (k->fn && k->code == KEY_DOWN)
		return pf_move(a, 1);
	if (k->fn && k->code == KEY_UP)
		return pf_move(a, -1);
	if (!k->fn && k->code == '\n')
		return f->cur == f->n - 1 ? submit(a) : pf_move(a, 1);
	if (fl->kind != PF_TEXT)
		return choice_key(a, fl, k);
	enum le_result res = le_key(&a->edit.le, k);
	return res == LE_IGNORED ? R_NONE : R_PAINT_FAMILY;
}

static int paint_choices(WINDOW *w, int y, int x, int width, const struct pf_field *fl,
	bool current)
{
	char buf[400];
	if (fl->kind == PF_CHOICE) {
		snprintf(buf, sizeof buf, "< %s >", fl->n_choices ? fl->choice_text[fl->choice] : "-");
		draw_text(w, y, x, buf, width, false, current ? A_REVERSE : A_NORMAL);
		return 1;
	}
	for (int i = 0; i < fl->n_choices; i++) {
		snprintf(buf, sizeof buf, "[%s] %s", fl->picked[i] ? "x" : " ", fl->choice_text[i]);
		draw_text(w, y + i, x, buf, width, false,
			current && i == fl->choice ? A_REVERSE : A_NORMAL);
	}
	return fl->n_choices ? fl->n_choices : 1;
}

static int field_rows(const struct pf_field *fl)
{
	return fl->kind == PF_MULTI && fl->n_choices ? fl->n_choices : 1;
}

static bool has_long(const struct pv_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (f->f[i].kind == PF_LONG)
			return true;
	return false;
}

/* The form fills the plan pane: title, then one row per field (several for a
 * multiple choice, the rest of the pane for the long text being edited), the current
 * one marked. */
void pf_paint(struct app *a, WINDOW *w)
{
	struct pv_form *f = &a->pv.form;
	int h, wd;
	getmaxyx(w, h, wd);
	int lw = 0;
	for (int i = 0; i < f->n; i++)
		lw = draw_width(f->f[i].label) > lw ? draw_width(f->f[i].label) : lw;
	lw = lw > (wd - 4) / 3 ? (wd - 4) / 3 : lw;
	draw_text(w, 1, 2, f->title, wd - 4, false, A_BOLD | A_UNDERLINE);
	draw_text(w, 2, 2, f->subtitle, wd - 4, false, draw_attr(DR_FLAG));
	int y = 3;
	for (int i = 0; i < f->n && y < h - 2; i++) {
		struct pf_field *fl = &f->f[i];
		bool cur = i == f->cur;
		draw_text(w, y, 2, cur ? draw_glyph(DG_SELECTED) : " ", 1, true, A_BOLD);
		draw_text(w, y, 4, fl->label, lw, true, cur ? A_BOLD : A_NORMAL);
		int x = 4 + lw + 1, width = wd - 2 - x;
		if (fl->kind == PF_LONG) {
			int rest = 0;
			for (int j = i + 1; j < f->n; j++)
				rest += field_rows(&f->f[j]);
			int rows = cur ? h - 3 - y - rest : 1;
			rows = rows < 3 && cur ? 3 : rows;
			rows = y + rows > h - 2 ? h - 2 - y : rows;
			f->long_w = width - 1;
			form_multi_paint(fl->ml, cur, w, y, x, rows, width);
			y += rows;
		} else if (fl->kind != PF_TEXT) {
			y += paint_choices(w, y, x, width, fl, cur);
		} else if (cur) {
			le_draw(w, y, x, width, &a->edit.le, "");
			int cy, cx;
			getyx(w, cy, cx);
			mvwchgat(w, cy, cx, 1, A_REVERSE, 0, NULL);
			y++;
		} else {
			draw_text(w, y++, x, fl->value, width, false, A_NORMAL);
		}
	}
	draw_text(w, h - 2, 2, has_long(f)
		? _("Tab next field  Enter new line  F2/Ctrl-S save  F4 $EDITOR  Esc cancel")
		: _("Tab next field  Left/Right choose  Space tick  Enter next/save  Esc cancel"),
		wd - 4, false, draw_attr(DR_DIM));
}
