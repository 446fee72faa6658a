/* Drawing text into curses windows: the one place that knows about character widths
 * (wcwidth), clipping, padding, line-drawing characters and attributes. Everything
 * else in the TUI draws through these functions, so diacritics, CJK and emoji never
 * break alignment, and the ASCII fallback and monochrome mode apply everywhere. */
#ifndef TUI_DRAW_H
#define TUI_DRAW_H
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What the terminal can do; set once after curses starts (draw_setup). */
struct draw_caps {
	bool utf8;  /* the locale's character set is UTF-8 */
	bool color; /* colours allowed (has_colors and no NO_COLOR) */
};

enum draw_role {
	DR_NORMAL, DR_TITLE, DR_TITLE_FOCUS, DR_HEADER, DR_SELECTED, DR_SELECTED_DIM,
	DR_FLAG, DR_STATUS, DR_PRIVACY, DR_ERROR, DR_DIM, DR_TAB, DR_TAB_ACTIVE, DR_COUNT
};

/* Line-drawing pieces. */
enum draw_glyph {
	DG_HLINE, DG_VLINE, DG_ULCORNER, DG_URCORNER, DG_LLCORNER, DG_LRCORNER, DG_ELLIPSIS,
	DG_ARROW_UP, DG_ARROW_DOWN, DG_SELECTED, DG_OPENED, DG_SEP, DG_COUNT
};

void draw_setup(const struct draw_caps *caps);
const struct draw_caps *draw_caps(void);
attr_t draw_attr(enum draw_role role);
/* The glyph as a UTF-8 string (or ASCII in the fallback); static storage. */
const char *draw_glyph(enum draw_glyph g);

/* Decode one code point from s (s non-empty); returns the bytes used (at least 1).
 * Invalid UTF-8 decodes as U+FFFD so broken data never stops drawing. */
size_t draw_utf8_next(const char *s, uint32_t *cp);
/* Columns a code point takes on screen: 0 for combining marks, 2 for wide ones.
 * Control characters count 1 (they are drawn as '?'). */
int draw_cp_width(uint32_t cp);
/* Columns the whole string takes. */
int draw_width(const char *s);
/* How many bytes of s fit in width columns (whole characters only). */
size_t draw_fit(const char *s, int width);
/* Clip s to at most width columns into out (UTF-8); when something was cut, the last
 * column shows an ellipsis. Returns the columns used. */
int draw_clip(const char *s, int width, char *out, size_t outsz);

/* Draw s at (y, x) using at most width columns; pad with spaces to exactly width
 * when pad is set. Returns the columns drawn. Clipping marks the cut with an
 * ellipsis; a wide character that does not fit is replaced by a space. */
int draw_text(WINDOW *w, int y, int x, const char *s, int width, bool pad, attr_t attr);
/* Same, right-aligned within width. */
int draw_text_right(WINDOW *w, int y, int x, const char *s, int width, attr_t attr);
/* Fill width columns at (y, x) with spaces in attr. */
void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);
/* A border round the window with a title in the top line (clipped). */
void draw_box(WINDOW *w, const char *title, bool focused);

#endif
