/* Pane geometry (see layout.h). */
#include <string.h>

#include "layout.h"

static const char *const pref_names[PREF_COUNT] = { "auto", "side", "stack" };

const char *layout_pref_name(enum layout_pref p)
{
	return (unsigned)p < PREF_COUNT ? pref_names[p] : "?";
}

int layout_pref_parse(const char *s)
{
	for (int i = 0; s && i < PREF_COUNT; i++)
		if (strcmp(s, pref_names[i]) == 0)
			return i;
	return -1;
}

bool rect_contains(const struct rect *r, int y, int x)
{
	return r->h > 0 && r->w > 0 && y >= r->y && y < r->y + r->h && x >= r->x
	       && x < r->x + r->w;
}

static struct rect mk(int y, int x, int h, int w)
{
	return (struct rect){ y, x, h, w };
}

/* The right column: the family pane, and below it the meldcode stepper (about a
 * third of the height, never less than 7 rows so its five steps fit). */
static void right_column(struct layout *l, struct rect area, bool meldcode)
{
	if (!meldcode || area.h < 16) {
		l->pane[PANE_FAMILY] = area;
		return;
	}
	int mh = area.h / 3 < 7 ? 7 : area.h / 3;
	l->pane[PANE_FAMILY] = mk(area.y, area.x, area.h - mh, area.w);
	l->pane[PANE_MELDCODE] = mk(area.y + area.h - mh, area.x, mh, area.w);
}

void layout_compute(struct layout *l, int rows, int cols, enum layout_pref pref,
	enum pane focus, bool zoom, bool meldcode)
{
	memset(l, 0, sizeof *l);
	l->rows = rows, l->cols = cols;
	if (focus == PANE_MELDCODE && !meldcode)
		focus = PANE_FAMILY;
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		l->mode = LAYOUT_TOO_SMALL;
		l->main = mk(0, 0, rows, cols);
		return;
	}
	l->status = mk(rows - 2, 0, 1, cols);
	l->msg = mk(rows - 1, 0, 1, cols);
	l->main = mk(0, 0, rows - 2, cols);
	bool side = pref == PREF_SIDE || (pref == PREF_AUTO && cols >= LAYOUT_SIDE_COLS);
	l->mode = side ? LAYOUT_SIDE : LAYOUT_STACK;
	if (zoom) {
		l->pane[focus] = l->main;
		return;
	}
	if (!side) {
		l->tabs = mk(0, 0, 1, cols);
		l->pane[focus] = mk(1, 0, rows - 3, cols);
		return;
	}
	/* The list gets a little more than half: it carries the most columns. */
	int lw = cols * 11 / 20;
	if (lw < 40)
		lw = 40;
	l->pane[PANE_LIST] = mk(0, 0, rows - 2, lw);
	right_column(l, mk(0, lw, rows - 2, cols - lw), meldcode);
}
