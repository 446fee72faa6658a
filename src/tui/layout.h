/* Where each pane goes for a terminal size: side by side from 100 columns, one pane at
 * a time with a switcher line below that, a "terminal too small" notice below 60x16.
 * Pure computation (no curses) so it is unit-tested for every size. */
#ifndef TUI_LAYOUT_H
#define TUI_LAYOUT_H
#include <stdbool.h>

enum pane { PANE_LIST, PANE_FAMILY, PANE_MELDCODE, PANE_COUNT };
enum layout_mode { LAYOUT_SIDE, LAYOUT_STACK, LAYOUT_TOO_SMALL };
enum layout_pref { PREF_AUTO, PREF_SIDE, PREF_STACK, PREF_COUNT };

#define LAYOUT_MIN_COLS 60
#define LAYOUT_MIN_ROWS 16
#define LAYOUT_SIDE_COLS 100 /* automatic layout: side by side from this width */

struct rect {
	int y, x, h, w; /* h or w 0: not shown */
};

struct layout {
	enum layout_mode mode;
	int rows, cols;
	struct rect tabs;             /* the switcher line in stacked mode */
	struct rect pane[PANE_COUNT];
	struct rect main;             /* everything above the status bar */
	struct rect status, msg;
};

/* Compute the layout. focus is the focused pane (the one shown when stacked or
 * zoomed); meldcode says whether the meldcode pane exists now. */
void layout_compute(struct layout *out, int rows, int cols, enum layout_pref pref,
	enum pane focus, bool zoom, bool meldcode);
bool rect_contains(const struct rect *r, int y, int x);
const char *layout_pref_name(enum layout_pref p);
int layout_pref_parse(const char *s);

#endif
