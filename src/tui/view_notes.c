/* The notes of the opened family's dossier (N in the family pane), oldest first, on the
 * whole screen: kind, author, date and the text. When the team restricts confidential
 * notes, such a note is shown as withheld to members other than the regievoerder,
 * the gedragswetenschapper and the teamleider; B asks for a reason and reads it
 * anyway ("breaking the glass"), which core records in the access log as a
 * break-glass read. The text read that way stays on screen until the view is left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "casus/note.h"
#include "draw.h"

#define NOTES_MAX 200

struct notes_ui {
	struct note notes[NOTES_MAX]; /* bodies owned (note_free) */
	bool glass[NOTES_MAX];        /* read by breaking the glass */
	int n, more;
	int sel, scroll;
	int lines;                    /* lines of content at the last paint */
	bool prompt;                  /* asking for the break-glass reason */
	struct lineedit le;
	char family_id[CASUS_ID_LEN];
};

static void clear_notes(struct notes_ui *u)
{
	for (int i = 0; i < u->n; i++)
		note_free(&u->notes[i]);
	u->n = u->more = 0;
	memset(u->glass, 0, sizeof u->glass);
}

void notes_view_free(struct app *a)
{
	if (a->notes)
		clear_notes(a->notes);
	free(a->notes);
	a->notes = NULL;
}

static int add_note(void *arg, const struct note *n)
{
	struct notes_ui *u = arg;
	if (u->n == NOTES_MAX) {
		u->more++;
		return 0;
	}
	struct note *d = &u->notes[u->n];
	*d = *n;
	if (!(d->body = strdup(n->body ? n->body : "")))
		return 1;
	u->n++;
	return 0;
}

static void load(struct app *a)
{
	struct notes_ui *u = a->notes;
	struct casus_err err;
	clear_notes(u);
	if (note_each(a->ctx, u->family_id, add_note, u, &err))
		app_message(a, true, "%s", err.msg);
	if (u->sel >= u->n)
		u->sel = u->n - 1;
	if (u->sel < 0)
		u->sel = 0;
}

unsigned notes_view_open(struct app *a)
{
	if (!a->fam.opened) {
		app_message(a, true, "%s", _("Open a family first (Enter)."));
		return R_PAINT_MSG;
	}
	if (!a->notes && !(a->notes = calloc(1, sizeof *a->notes))) {
		app_message(a, true, "%s", _("Out of memory."));
		return R_PAINT_MSG;
	}
	struct notes_ui *u = a->notes;
	snprintf(u->family_id, sizeof u->family_id, "%s", a->fam.fam.id);
	u->sel = u->scroll = 0;
	u->prompt = false;
	load(a);
	a->view = VIEW_NOTES;
	return R_LAYOUT | R_PAINT_ALL;
}

/* Another process changed the dossier: read the notes again. What was read by
 * breaking the glass is withheld again (a new read needs a new reason). */
void notes_view_reload(struct app *a)
{
	if (a->view == VIEW_NOTES && a->notes && !a->notes->prompt)
		load(a);
}

/* ---- breaking the glass ---- */

bool notes_prompt_active(const struct app *a)
{
	return a->view == VIEW_NOTES && a->notes && a->notes->prompt;
}

void notes_prompt_paint(struct app *a, WINDOW *w)
{
	le_draw(w, 0, 0, getmaxx(w), &a->notes->le,
		_("Reason to break the glass: "));
}

static unsigned break_glass(struct app *a)
{
	struct notes_ui *u = a->notes;
	if (u->n == 0)
		return R_NONE;
	if (!u->notes[u->sel].withheld) {
		app_message(a, true, "%s", _("You may read this note; there is no glass to break."));
		return R_PAINT_MSG;
	}
	u->prompt = true;
	le_set(&u->le, "");
	a->msg[0] = '\0';
	return R_PAINT_MSG | R_PAINT_STATUS;
}

unsigned notes_prompt_key(struct app *a, const struct key *k)
{
	struct notes_ui *u = a->notes;
	struct casus_err err;
	enum le_result res = le_key(&u->le, k);
	if (res == LE_CANCEL) {
		u->prompt = false;
		app_message(a, false, "%s", _("Not read."));
		return R_PAINT_MSG | R_PAINT_STATUS;
	}
	if (res != LE_ACCEPT) {
		if (res == LE_CHANGED)
			a->msg[0] = '\0';
		return R_PAINT_MSG;
	}
	u->prompt = false;
	struct note n;
	struct note *cur = &u->notes[u->sel];
	if (note_break_glass(a->ctx, cur->id, u->le.buf, &n, &err)) {
		app_message(a, true, "%s", err.msg);
		return R_PAINT_MSG | R_PAINT_STATUS;
	}
	note_free(cur);
	*cur = n;
	u->glass[u->sel] = true;
	app_message(a, false, "%s", _("Read by breaking the glass; the access log records it "
		"with your reason."));
	return R_PAINT_ALL;
}

/* ---- actions ---- */

unsigned notes_view_handle(struct app *a, enum action act)
{
	struct notes_ui *u = a->notes;
	int before = u->sel;
	switch (act) {
	case A_DOWN: u->sel++; break;
	case A_UP: u->sel--; break;
	case A_FIRST: u->sel = 0; break;
	case A_LAST: u->sel = u->n - 1; break;
	case A_PAGE_DOWN: u->scroll += 10; return R_PAINT_MAIN;
	case A_PAGE_UP: u->scroll = u->scroll > 10 ? u->scroll - 10 : 0; return R_PAINT_MAIN;
	case A_NOTE_GLASS: return break_glass(a);
	case A_BACK:
	case A_NOTES:
		a->view = VIEW_MAIN;
		clear_notes(u);
		return R_LAYOUT | R_PAINT_ALL;
	default: return R_UNHANDLED;
	}
	if (u->sel >= u->n)
		u->sel = u->n - 1;
	if (u->sel < 0)
		u->sel = 0;
	u->scroll = -1; /* bring the selected note into view */
	return u->sel != before ? R_PAINT_MAIN : R_NONE;
}

/* ---- painting: every note as lines; the selected one is kept in view ---- */

struct pen {
	WINDOW *w;
	int row, skip, h, x, width;
};

static void put(struct pen *p, const char *s, attr_t at)
{
	int y = p->row - p->skip + 1;
	if (p->w && y >= 1 && y < p->h - 1)
		draw_text(p->w, y, p->x, s, p->width, false, at);
	p->row++;
}

/* Wrap text (which may hold newlines) at the pen's width. */
static void put_wrapped(struct pen *p, const char *text, attr_t at)
{
	const char *s = text;
	char part[LINEEDIT_MAX];
	while (*s) {
		size_t line = strcspn(s, "\n");
		size_t fit = draw_fit(s, p->width - 2);
		if (fit > line)
			fit = line;
		if (fit == 0 && line > 0)
			fit = 1;
		/* Break at the last space that fits, when there is one. */
		if (fit < line) {
			size_t sp = fit;
			while (sp > 0 && s[sp] != ' ')
				sp--;
			if (sp > 0)
				fit = sp;
		}
		snprintf(part, sizeof part, "  %.*s", (int)(fit < sizeof part - 3 ? fit : sizeof part - 3),
			s);
		put(p, part, at);
		s += fit;
		while (*s == ' ')
			s++;
		if (*s == '\n')
			s++;
	}
}

static int note_lines(struct app *a, struct pen *p, int i)
{
	struct notes_ui *u = a->notes;
	const struct note *n = &u->notes[i];
	bool sel = i == u->sel;
	int start = p->row;
	char head[600];
	snprintf(head, sizeof head, "%s %.10s  %s  %s%s%s", sel ? draw_glyph(DG_SELECTED) : " ",
		n->created_at, note_kind_label(n->kind), a->privacy ? _("(hidden)") : n->author_name,
		n->confidential ? "  " : "", n->confidential ? _("[confidential]") : "");
	put(p, head, sel ? draw_attr(DR_SELECTED) : A_BOLD);
	if (n->withheld) {
		put_wrapped(p, _("Withheld: the team restricts confidential notes to the "
			"regievoerder, the gedragswetenschapper and the teamleider. B reads it anyway "
			"(break the glass; recorded)."), draw_attr(DR_DIM));
	} else if (a->privacy) {
		put_wrapped(p, _("(text hidden in privacy mode)"), draw_attr(DR_DIM));
	} else {
		if (u->glass[i])
			put_wrapped(p, _("Read by breaking the glass (recorded in the access log):"),
				draw_attr(DR_ERROR) | A_BOLD);
		put_wrapped(p, n->body, A_NORMAL);
	}
	put(p, "", A_NORMAL);
	return start;
}

void notes_view_paint(struct app *a, WINDOW *w)
{
	struct notes_ui *u = a->notes;
	int h, wd;
	getmaxyx(w, h, wd);
	char title[400];
	snprintf(title, sizeof title, _("Notes of %s %s %d"), a->fam.fam.case_no,
		draw_glyph(DG_SEP), u->n + u->more);
	draw_box(w, title, true);
	if (h < 4 || wd < 20)
		return;
	if (u->n == 0) {
		draw_text(w, 2, 3, _("This family has no notes."), wd - 5, false, draw_attr(DR_DIM));
		return;
	}
	/* A dry run finds where the selected note starts and ends. */
	struct pen dry = { NULL, 0, 0, 0, 2, wd - 4 };
	int sel_start = 0, sel_end = 0;
	for (int i = 0; i < u->n; i++) {
		int s = note_lines(a, &dry, i);
		if (i == u->sel) {
			sel_start = s;
			sel_end = dry.row;
		}
	}
	u->lines = dry.row;
	int view = h - 2;
	if (u->scroll < 0) {
		u->scroll = sel_end - sel_start > view || sel_end > view ? sel_start : 0;
		if (sel_end - u->scroll > view && sel_end - sel_start <= view)
			u->scroll = sel_end - view;
	}
	if (u->scroll > u->lines - 1)
		u->scroll = u->lines - 1;
	if (u->scroll < 0)
		u->scroll = 0;
	struct pen p = { w, 0, u->scroll, h, 2, wd - 4 };
	for (int i = 0; i < u->n; i++)
		note_lines(a, &p, i);
}
