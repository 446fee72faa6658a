/* Width-aware text drawing, line drawing and attributes (see draw.h). */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"

static struct draw_caps caps = { .utf8 = true, .color = false };
static attr_t roles[DR_COUNT];

enum { PAIR_TITLE = 1, PAIR_FLAG, PAIR_STATUS, PAIR_PRIVACY, PAIR_ERROR, PAIR_SELECTED };

static void setup_colors(void)
{
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_CYAN, -1);
	init_pair(PAIR_FLAG, COLOR_RED, -1);
	init_pair(PAIR_STATUS, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_PRIVACY, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_SELECTED, COLOR_BLACK, COLOR_CYAN);
}

void draw_setup(const struct draw_caps *c)
{
	caps = *c;
	/* Monochrome first: every role must be distinguishable without colour. */
	roles[DR_NORMAL] = A_NORMAL;
	roles[DR_TITLE] = A_BOLD;
	roles[DR_TITLE_FOCUS] = A_REVERSE | A_BOLD;
	roles[DR_HEADER] = A_BOLD | A_UNDERLINE;
	roles[DR_SELECTED] = A_REVERSE;
	roles[DR_SELECTED_DIM] = A_BOLD;
	roles[DR_FLAG] = A_BOLD;
	roles[DR_STATUS] = A_REVERSE;
	roles[DR_PRIVACY] = A_BOLD | A_UNDERLINE;
	roles[DR_ERROR] = A_BOLD;
	roles[DR_DIM] = A_DIM;
	roles[DR_TAB] = A_NORMAL;
	roles[DR_TAB_ACTIVE] = A_REVERSE | A_BOLD;
	if (!caps.color)
		return;
	setup_colors();
	roles[DR_TITLE] = A_BOLD | COLOR_PAIR(PAIR_TITLE);
	roles[DR_FLAG] = A_BOLD | COLOR_PAIR(PAIR_FLAG);
	roles[DR_STATUS] = COLOR_PAIR(PAIR_STATUS);
	roles[DR_PRIVACY] = A_BOLD | COLOR_PAIR(PAIR_PRIVACY);
	roles[DR_ERROR] = A_BOLD | COLOR_PAIR(PAIR_ERROR);
	roles[DR_SELECTED] = COLOR_PAIR(PAIR_SELECTED);
}

const struct draw_caps *draw_caps(void)
{
	return &caps;
}

attr_t draw_attr(enum draw_role role)
{
	return (unsigned)role < DR_COUNT ? roles[role] : A_NORMAL;
}

const char *draw_glyph(enum draw_glyph g)
{
	static const char *const uni[DG_COUNT] = { "─", "│", "┌", "┐", "└", "┘", "…", "▲", "▼",
		"▸", "•", "│" };
	static const char *const ascii[DG_COUNT] = { "-", "|", "+", "+", "+", "+", "~", "^",
		"v", ">", "*", "|" };
	if ((unsigned)g >= DG_COUNT)
		return "?";
	return caps.utf8 ? uni[g] : ascii[g];
}

size_t draw_utf8_next(const char *str, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len;
	uint32_t min, c;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0)
		len = 2, min = 0x80, c = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3, min = 0x800, c = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		len = 4, min = 0x10000, c = s[0] & 0x07;
	else
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

/* ASCII stand-ins for the Latin letters Dutch (and Turkish, Polish, ...) names use,
 * so a non-UTF-8 terminal shows "Celik" rather than garbage. */
static const char *ascii_fold(uint32_t cp)
{
	static const char l1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	static const char ext_a[] =
		"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL"
		"lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
	static char one[2];
	one[1] = '\0';
	if (cp >= 0xc0 && cp <= 0xff)
		one[0] = l1[cp - 0xc0];
	else if (cp >= 0x100 && cp - 0x100 < sizeof ext_a - 1)
		one[0] = ext_a[cp - 0x100];
	else if (cp == 0x2018 || cp == 0x2019)
		one[0] = '\'';
	else if (cp == 0x201c || cp == 0x201d)
		one[0] = '"';
	else if (cp == 0x2013 || cp == 0x2014)
		one[0] = '-';
	else
		one[0] = '?';
	return one;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

int draw_cp_width(uint32_t cp)
{
	if (is_control(cp))
		return 1;
	if (!caps.utf8)
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int draw_width(const char *s)
{
	int w = 0;
	uint32_t cp;
	while (*s) {
		s += draw_utf8_next(s, &cp);
		w += draw_cp_width(cp);
	}
	return w;
}

/* Where to cut s so it fits width columns; *cols gets the columns kept and *cut tells
 * whether anything was left out. Reserves a column for the ellipsis when cutting. */
static size_t fit(const char *s, int width, int *cols, bool *cut)
{
	size_t i = 0, keep = 0;
	int w = 0, keep_w = 0, total = draw_width(s);
	*cut = total > width;
	int limit = *cut ? width - 1 : width;
	uint32_t cp;
	while (s[i]) {
		size_t n = draw_utf8_next(s + i, &cp);
		int cw = draw_cp_width(cp);
		if (w + cw > limit)
			break;
		w += cw;
		i += n;
		keep = i, keep_w = w;
	}
	*cols = keep_w;
	return keep;
}

size_t draw_fit(const char *s, int width)
{
	size_t i = 0;
	int w = 0;
	uint32_t cp;
	while (s[i]) {
		size_t n = draw_utf8_next(s + i, &cp);
		if (w + draw_cp_width(cp) > width)
			break;
		w += draw_cp_width(cp);
		i += n;
	}
	return i;
}

int draw_clip(const char *s, int width, char *out, size_t outsz)
{
	if (width <= 0 || outsz == 0) {
		if (outsz)
			out[0] = '\0';
		return 0;
	}
	int cols;
	bool cut;
	size_t n = fit(s, width, &cols, &cut);
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, s, n);
	out[n] = '\0';
	if (cut && width > 0 && n + 4 < outsz) {
		strcat(out, draw_glyph(DG_ELLIPSIS));
		cols++;
	}
	return cols;
}

/* Put the first n bytes of s (already known to fit) at the cursor. */
static void put_span(WINDOW *w, const char *s, size_t n)
{
	wchar_t wbuf[256];
	char abuf[256];
	size_t o = 0, i = 0;
	uint32_t cp;
	while (i < n) {
		i += draw_utf8_next(s + i, &cp);
		if (caps.utf8)
			wbuf[o++] = is_control(cp) ? L'?' : (wchar_t)cp;
		else
			abuf[o++] = cp < 0x80 ? (is_control(cp) ? '?' : (char)cp) : ascii_fold(cp)[0];
		if (o == 255 || i >= n) {
			if (caps.utf8)
				waddnwstr(w, wbuf, (int)o);
			else
				waddnstr(w, abuf, (int)o);
			o = 0;
		}
	}
}

int draw_text(WINDOW *w, int y, int x, const char *s, int width, bool pad, attr_t attr)
{
	if (width <= 0)
		return 0;
	int cols;
	bool cut;
	size_t n = fit(s ? s : "", width, &cols, &cut);
	wattrset(w, attr);
	wmove(w, y, x);
	put_span(w, s ? s : "", n);
	if (cut) {
		const char *e = draw_glyph(DG_ELLIPSIS);
		put_span(w, e, strlen(e));
		cols++;
	}
	int drawn = cols;
	/* A wide character that did not fit leaves a gap; pad it so columns stay put. */
	if (pad)
		for (; drawn < width; drawn++)
			waddch(w, ' ');
	wattrset(w, A_NORMAL);
	return drawn;
}

int draw_text_right(WINDOW *w, int y, int x, const char *s, int width, attr_t attr)
{
	int sw = draw_width(s);
	if (sw >= width)
		return draw_text(w, y, x, s, width, true, attr);
	draw_fill(w, y, x, width - sw, attr);
	return width - sw + draw_text(w, y, x + width - sw, s, sw, true, attr);
}

void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
	wattrset(w, attr);
	wmove(w, y, x);
	for (int i = 0; i < width; i++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

static void draw_hrun(WINDOW *w, int y, int x, int n)
{
	const char *g = draw_glyph(DG_HLINE);
	wmove(w, y, x);
	for (int i = 0; i < n; i++)
		put_span(w, g, strlen(g));
}

void draw_box(WINDOW *w, const char *title, bool focused)
{
	int h, wd;
	getmaxyx(w, h, wd);
	if (h < 2 || wd < 2)
		return;
	attr_t a = focused ? draw_attr(DR_TITLE) : A_NORMAL;
	wattrset(w, a);
	const char *v = draw_glyph(DG_VLINE);
	for (int y = 1; y < h - 1; y++) {
		wmove(w, y, 0);
		put_span(w, v, strlen(v));
		wmove(w, y, wd - 1);
		put_span(w, v, strlen(v));
	}
	wmove(w, 0, 0);
	put_span(w, draw_glyph(DG_ULCORNER), strlen(draw_glyph(DG_ULCORNER)));
	draw_hrun(w, 0, 1, wd - 2);
	put_span(w, draw_glyph(DG_URCORNER), strlen(draw_glyph(DG_URCORNER)));
	wmove(w, h - 1, 0);
	put_span(w, draw_glyph(DG_LLCORNER), strlen(draw_glyph(DG_LLCORNER)));
	draw_hrun(w, h - 1, 1, wd - 2);
	/* The bottom-right cell: curses reports an error writing it, but draws it. */
	put_span(w, draw_glyph(DG_LRCORNER), strlen(draw_glyph(DG_LRCORNER)));
	wattrset(w, A_NORMAL);
	if (title && *title && wd > 6) {
		char t[512];
		snprintf(t, sizeof t, " %s ", title);
		draw_text(w, 0, 2, t, wd - 4, false,
			focused ? draw_attr(DR_TITLE_FOCUS) : draw_attr(DR_TITLE));
	}
}
