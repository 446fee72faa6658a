/* The form widget (see form.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "draw.h"
#include "form.h"

#define MULTI_ROWS 4 /* rows of a focused multi-line field */

void form_init(struct form *fm, const char *title)
{
	memset(fm, 0, sizeof *fm);
	snprintf(fm->title, sizeof fm->title, "%s", title);
}

static struct form_field *add(struct form *fm, enum form_kind kind, const char *label)
{
	if (fm->n >= FORM_FIELDS)
		return NULL;
	struct form_field *f = &fm->f[fm->n++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	snprintf(f->label, sizeof f->label, "%s", label ? label : "");
	return f;
}

int form_text(struct form *fm, const char *label, const char *init)
{
	struct form_field *f = add(fm, FORM_TEXT, label);
	if (!f)
		return -1;
	le_set(&f->le, init ? init : "");
	return fm->n - 1;
}

int form_date(struct form *fm, const char *label, const char *init)
{
	int i = form_text(fm, label, init);
	if (i >= 0)
		fm->f[i].kind = FORM_DATE;
	return i;
}

int form_choice(struct form *fm, const char *label, const char *const *options, int n,
	int init)
{
	struct form_field *f = add(fm, FORM_CHOICE, label);
	if (!f)
		return -1;
	for (int i = 0; i < n && i < FORM_CHOICES; i++)
		f->options[f->n_options++] = options[i];
	f->choice = init >= 0 && init < f->n_options ? init : 0;
	return fm->n - 1;
}

int form_yesno(struct form *fm, const char *label, bool init)
{
	const char *yn[2] = { _("no"), _("yes") };
	int i = form_choice(fm, label, yn, 2, init ? 1 : 0);
	if (i >= 0)
		fm->f[i].kind = FORM_YESNO;
	return i;
}

int form_multi(struct form *fm, const char *label, const char *init)
{
	struct form_field *f = add(fm, FORM_MULTI, label);
	if (!f)
		return -1;
	form_multi_set(f, init);
	return fm->n - 1;
}

void form_multi_set(struct form_field *f, const char *text)
{
	f->kind = FORM_MULTI;
	le_copy(f->multi, sizeof f->multi, text ? text : "");
	f->len = f->cur = strlen(f->multi);
	f->top = 0;
}

int form_note(struct form *fm, const char *text, bool warn)
{
	struct form_field *f = add(fm, FORM_NOTE, "");
	if (!f)
		return -1;
	le_copy(f->multi, sizeof f->multi, text ? text : "");
	f->warn = warn;
	return fm->n - 1;
}

const char *form_value(const struct form *fm, int i)
{
	if (i < 0 || i >= fm->n)
		return "";
	const struct form_field *f = &fm->f[i];
	if (f->kind == FORM_TEXT || f->kind == FORM_DATE)
		return f->le.buf;
	return f->kind == FORM_MULTI ? f->multi : "";
}

const char *form_value_or_null(const struct form *fm, int i)
{
	const char *s = form_value(fm, i);
	return *s ? s : NULL;
}

int form_get_choice(const struct form *fm, int i)
{
	return i >= 0 && i < fm->n ? fm->f[i].choice : 0;
}

bool form_get_yes(const struct form *fm, int i)
{
	return form_get_choice(fm, i) == 1;
}

static bool focusable(const struct form_field *f)
{
	return !f->hidden && f->kind != FORM_NOTE;
}

void form_set_hidden(struct form *fm, int i, bool hidden)
{
	if (i < 0 || i >= fm->n)
		return;
	fm->f[i].hidden = hidden;
}

void form_set_note(struct form *fm, int i, const char *text)
{
	if (i >= 0 && i < fm->n && fm->f[i].kind == FORM_NOTE)
		le_copy(fm->f[i].multi, sizeof fm->f[i].multi, text ? text : "");
}

void form_set_error(struct form *fm, const char *text)
{
	le_copy(fm->error, sizeof fm->error, text ? text : "");
}

void form_focus(struct form *fm, int i)
{
	if (i >= 0 && i < fm->n && focusable(&fm->f[i]))
		fm->focus = i;
}

/* The focus on the first focusable field at or after (dir 1) / before (dir -1) i. */
static bool move_focus(struct form *fm, int dir)
{
	for (int i = fm->focus + dir; i >= 0 && i < fm->n; i += dir)
		if (focusable(&fm->f[i])) {
			fm->focus = i;
			return true;
		}
	return false;
}

/* ---- the multi-line editor ---- */

/* Visual rows of text word-wrapped at width columns (a newline ends a row; a row too
 * long breaks after its last space, or inside a word longer than the row): starts[r] is
 * the byte where row r begins. Returns the number of rows (>= 1). */
static int multi_rows(const char *s, size_t len, int width, size_t *starts, int max)
{
	int n = 1, col = 0, brk_col = 0;
	size_t brk = 0; /* just after the last space of the current row, 0: none */
	starts[0] = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = draw_utf8_next(s + i, &cp);
		int cw = cp == '\n' ? 0 : draw_cp_width(cp);
		if (cp != '\n' && cp != ' ' && col + cw > width && col > 0 && n < max) {
			bool word = brk > starts[n - 1];
			starts[n++] = word ? brk : i;
			col = word ? col - brk_col : 0;
			brk = 0;
		}
		i += k;
		col += cw;
		if (cp == ' ') {
			brk = i;
			brk_col = col;
		}
		if (cp == '\n' && n < max) {
			starts[n++] = i;
			col = 0;
			brk = 0;
		}
	}
	return n;
}

static int cols_between(const char *s, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to;) {
		uint32_t cp;
		i += draw_utf8_next(s + i, &cp);
		if (cp != '\n')
			w += draw_cp_width(cp);
	}
	return w;
}

static int row_of(const size_t *starts, int n, size_t cur)
{
	int r = 0;
	while (r + 1 < n && starts[r + 1] <= cur)
		r++;
	return r;
}

/* Move the cursor one visual row up or down at the same column; false at the edge. */
static bool multi_vertical(struct form_field *f, int width, int dir)
{
	static size_t starts[FORM_MULTI_MAX + 1];
	int n = multi_rows(f->multi, f->len, width, starts, FORM_MULTI_MAX + 1);
	int r = row_of(starts, n, f->cur), t = r + dir;
	if (t < 0 || t >= n)
		return false;
	int col = cols_between(f->multi, starts[r], f->cur);
	size_t end = t + 1 < n ? starts[t + 1] : f->len, i = starts[t];
	while (i < end) {
		uint32_t cp;
		size_t k = draw_utf8_next(f->multi + i, &cp);
		if (cp == '\n' || cols_between(f->multi, starts[t], i + k) > col)
			break;
		i += k;
	}
	/* A wrapped row's last position is the next row's first: stay on this row. */
	if (i == end && t + 1 < n && i > starts[t] && f->multi[i - 1] != '\n') {
		while (i > starts[t] && (f->multi[i - 1] & 0xc0) == 0x80)
			i--;
		i--;
	}
	f->cur = i;
	return true;
}

static size_t cp_prev(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && (s[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static void multi_insert(struct form_field *f, uint32_t cp)
{
	char enc[4];
	size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	if (n == 1)
		enc[0] = (char)cp;
	else if (n == 2)
		enc[0] = (char)(0xc0 | cp >> 6), enc[1] = (char)(0x80 | (cp & 0x3f));
	else if (n == 3)
		enc[0] = (char)(0xe0 | cp >> 12), enc[1] = (char)(0x80 | ((cp >> 6) & 0x3f)),
		enc[2] = (char)(0x80 | (cp & 0x3f));
	else
		enc[0] = (char)(0xf0 | cp >> 18), enc[1] = (char)(0x80 | ((cp >> 12) & 0x3f)),
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), enc[3] = (char)(0x80 | (cp & 0x3f));
	if (f->len + n + 1 > sizeof f->multi)
		return;
	memmove(f->multi + f->cur + n, f->multi + f->cur, f->len - f->cur + 1);
	memcpy(f->multi + f->cur, enc, n);
	f->len += n;
	f->cur += n;
}

static void multi_delete(struct form_field *f, size_t from, size_t to)
{
	memmove(f->multi + from, f->multi + to, f->len - to + 1);
	f->len -= to - from;
	f->cur = from;
}

static size_t line_start(const struct form_field *f)
{
	size_t i = f->cur;
	while (i > 0 && f->multi[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct form_field *f)
{
	size_t i = f->cur;
	while (i < f->len && f->multi[i] != '\n')
		i++;
	return i;
}

/* FORM_NONE: not for the editor (move between fields); FORM_REDRAW: handled. */
static enum form_result multi_fn(struct form_field *f, int code, int width)
{
	switch (code) {
	case KEY_LEFT: f->cur = cp_prev(f->multi, f->cur); return FORM_REDRAW;
	case KEY_RIGHT:
		if (f->cur < f->len) {
			uint32_t cp;
			f->cur += draw_utf8_next(f->multi + f->cur, &cp);
		}
		return FORM_REDRAW;
	case KEY_UP: return multi_vertical(f, width, -1) ? FORM_REDRAW : FORM_NONE;
	case KEY_DOWN: return multi_vertical(f, width, 1) ? FORM_REDRAW : FORM_NONE;
	case KEY_HOME: f->cur = line_start(f); return FORM_REDRAW;
	case KEY_END: f->cur = line_end(f); return FORM_REDRAW;
	case KEY_BACKSPACE:
		if (f->cur > 0)
			multi_delete(f, cp_prev(f->multi, f->cur), f->cur);
		return FORM_REDRAW;
	case KEY_DC:
		if (f->cur < f->len) {
			uint32_t cp;
			multi_delete(f, f->cur, f->cur + draw_utf8_next(f->multi + f->cur, &cp));
		}
		return FORM_REDRAW;
	default: return FORM_NONE;
	}
}

enum form_result form_multi_key(struct form_field *f, const struct key *k, int width)
{
	if (k->fn)
		return multi_fn(f, k->code, width);
	if (k->code == '\n' || k->code == '\r') {
		multi_insert(f, '\n');
		return FORM_REDRAW;
	}
	if (k->code == 8 || k->code == 127)
		return multi_fn(f, KEY_BACKSPACE, width);
	if (k->code == 1 || k->code == 5)
		return multi_fn(f, k->code == 1 ? KEY_HOME : KEY_END, width);
	if (k->code < 0x20 || (k->code >= 0x7f && k->code < 0xa0) || k->code > 0x10ffff
	    || (k->code >= 0xd800 && k->code <= 0xdfff))
		return FORM_NONE;
	multi_insert(f, (uint32_t)k->code);
	return FORM_REDRAW;
}

/* ---- keys ---- */

static enum form_result choice_key(struct form_field *f, const struct key *k)
{
	int n = f->n_options > 0 ? f->n_options : 1;
	if (f->kind == FORM_YESNO && !k->fn && (k->code == 'y' || k->code == 'j')) {
		f->choice = 1;
		return FORM_REDRAW;
	}
	if (f->kind == FORM_YESNO && !k->fn && k->code == 'n') {
		f->choice = 0;
		return FORM_REDRAW;
	}
	if ((k->fn && k->code == KEY_RIGHT) || (!k->fn && k->code == ' ')) {
		f->choice = (f->choice + 1) % n;
		return FORM_REDRAW;
	}
	if (k->fn && k->code == KEY_LEFT) {
		f->choice = (f->choice + n - 1) % n;
		return FORM_REDRAW;
	}
	return FORM_NONE;
}

static enum form_result field_key(struct form *fm, const struct key *k)
{
	struct form_field *f = &fm->f[fm->focus];
	switch (f->kind) {
	case FORM_CHOICE:
	case FORM_YESNO:
		return choice_key(f, k);
	case FORM_MULTI:
		return form_multi_key(f, k, fm->multi_w > 4 ? fm->multi_w : 40);
	case FORM_TEXT:
	case FORM_DATE:
		if (k->fn && (k->code == KEY_UP || k->code == KEY_DOWN))
			return FORM_NONE;
		switch (le_key(&f->le, k)) {
		case LE_ACCEPT: return move_focus(fm, 1), FORM_REDRAW;
		case LE_CANCEL: return FORM_CANCEL;
		case LE_IGNORED: return FORM_NONE;
		default: return FORM_REDRAW;
		}
	default:
		return FORM_NONE;
	}
}

enum form_result form_key(struct form *fm, const struct key *k)
{
	if ((!k->fn && k->code == 19) || (k->fn && k->code == KEY_F(2)))
		return FORM_SAVE;
	if (!k->fn && (k->code == 27 || k->code == 7))
		return FORM_CANCEL;
	if (!k->fn && k->code == '\t')
		return move_focus(fm, 1), FORM_REDRAW;
	if (k->fn && k->code == KEY_BTAB)
		return move_focus(fm, -1), FORM_REDRAW;
	if (!focusable(&fm->f[fm->focus]) && !move_focus(fm, 1))
		return FORM_NONE;
	int before = fm->f[fm->focus].choice;
	size_t len = fm->f[fm->focus].kind == FORM_MULTI ? fm->f[fm->focus].len
		: fm->f[fm->focus].le.len;
	int field = fm->focus;
	enum form_result r = field_key(fm, k);
	if (r == FORM_NONE && k->fn && (k->code == KEY_DOWN || k->code == KEY_UP))
		return move_focus(fm, k->code == KEY_DOWN ? 1 : -1), FORM_REDRAW;
	if (r == FORM_NONE && !k->fn && k->code == '\n')
		return move_focus(fm, 1), FORM_REDRAW;
	struct form_field *f = &fm->f[field];
	bool changed = f->choice != before
		|| (f->kind == FORM_MULTI ? f->len != len : f->le.len != len);
	if (r == FORM_REDRAW && changed && fm->changed)
		fm->changed(fm, field, fm->arg);
	return r;
}

/* ---- drawing ---- */

int form_wrap(WINDOW *win, int y, int x, int h, int w, const char *text, attr_t attr)
{
	int row = 0;
	const char *p = text;
	while (*p && row < h && w > 0) {
		size_t nl = strcspn(p, "\n");
		size_t fit = draw_fit(p, w);
		size_t take = fit < nl ? fit : nl;
		if (take < nl) {
			/* Break at the last space that fits, if there is one. */
			size_t sp = take;
			while (sp > 0 && p[sp] != ' ')
				sp--;
			if (sp > 0)
				take = sp;
			if (take == 0)
				take = 1;
		}
		if (win) {
			char line[1024];
			size_t n = take < sizeof line - 1 ? take : sizeof line - 1;
			memcpy(line, p, n);
			line[n] = '\0';
			draw_text(win, y + row, x, line, w, false, attr);
		}
		row++;
		p += take;
		if (*p == '\n' || (take < nl && *p == ' '))
			p++;
	}
	return row;
}

static int field_height(const struct form *fm, int i, int w)
{
	const struct form_field *f = &fm->f[i];
	if (f->hidden)
		return 0;
	if (f->kind == FORM_NOTE)
		return f->multi[0] ? form_wrap(NULL, 0, 0, 8, w, f->multi, A_NORMAL) : 0;
	return f->kind == FORM_MULTI && i == fm->focus ? MULTI_ROWS : 1;
}

static void cursor_cell(WINDOW *win, int y, int x)
{
	mvwchgat(win, y, x, 1, A_REVERSE, 0, NULL);
}

void form_multi_paint(struct form_field *f, bool focused, WINDOW *win, int y, int x, int rows,
	int w)
{
	if (!focused) {
		char first[1024];
		size_t nl = strcspn(f->multi, "\n");
		snprintf(first, sizeof first, "%.*s%s", (int)(nl < 1000 ? nl : 1000), f->multi,
			f->multi[nl] ? draw_glyph(DG_ELLIPSIS) : "");
		draw_text(win, y, x, first, w, true, A_UNDERLINE);
		return;
	}
	static size_t starts[FORM_MULTI_MAX + 1];
	int n = multi_rows(f->multi, f->len, w - 1, starts, FORM_MULTI_MAX + 1);
	int r = row_of(starts, n, f->cur);
	if (r < f->top)
		f->top = r;
	if (r >= f->top + rows)
		f->top = r - rows + 1;
	for (int i = 0; i < rows; i++) {
		int row = f->top + i;
		char line[1024] = "";
		if (row < n) {
			size_t end = row + 1 < n ? starts[row + 1] : f->len, len = end - starts[row];
			if (len > 0 && f->multi[end - 1] == '\n')
				len--;
			snprintf(line, sizeof line, "%.*s", (int)(len < 1000 ? len : 1000),
				f->multi + starts[row]);
		}
		draw_text(win, y + i, x, line, w, true, A_UNDERLINE);
	}
	cursor_cell(win, y + r - f->top, x + cols_between(f->multi, starts[r], f->cur));
}

static void paint_value(struct form *fm, int i, WINDOW *win, int y, int x, int w)
{
	struct form_field *f = &fm->f[i];
	bool focused = i == fm->focus;
	char buf[300];
	switch (f->kind) {
	case FORM_CHOICE:
	case FORM_YESNO:
		snprintf(buf, sizeof buf, "%s %s %s", draw_caps()->utf8 ? "‹" : "<",
			f->n_options ? f->options[f->choice] : "", draw_caps()->utf8 ? "›" : ">");
		draw_text(win, y, x, buf, w, false, focused ? A_REVERSE : A_BOLD);
		break;
	case FORM_TEXT:
	case FORM_DATE:
		if (focused) {
			le_draw(win, y, x, w, &f->le, "");
			int cy, cx;
			getyx(win, cy, cx);
			cursor_cell(win, cy, cx);
		} else {
			draw_text(win, y, x, f->le.buf, w, true, A_UNDERLINE);
		}
		break;
	case FORM_MULTI:
		form_multi_paint(f, focused, win, y, x, MULTI_ROWS, w);
		break;
	default:
		break;
	}
}

/* Scroll so that the focused field is wholly visible in h rows. */
static void keep_visible(struct form *fm, int h, int w)
{
	int top = 0, fh = 0;
	for (int i = 0; i < fm->n; i++) {
		if (i == fm->focus) {
			fh = field_height(fm, i, w);
			break;
		}
		top += field_height(fm, i, w);
	}
	if (top < fm->scroll)
		fm->scroll = top;
	if (top + fh > fm->scroll + h)
		fm->scroll = top + fh - h;
	if (fm->scroll < 0)
		fm->scroll = 0;
}

void form_paint(struct form *fm, WINDOW *win, int y, int x, int h, int w)
{
	if (h < 3 || w < 20)
		return;
	if (!focusable(&fm->f[fm->focus]))
		move_focus(fm, 1);
	int lw = w * 2 / 5 < 30 ? w * 2 / 5 : 30, vw = w - lw - 2;
	fm->multi_w = vw - 1;
	draw_text(win, y, x, fm->title, w, true, A_BOLD);
	int err_rows = fm->error[0] ? form_wrap(NULL, 0, 0, 3, w, fm->error, A_NORMAL) : 0;
	int body = h - 2 - err_rows;
	if (err_rows)
		form_wrap(win, y + 1 + body, x, err_rows, w, fm->error, draw_attr(DR_ERROR) | A_BOLD);
	keep_visible(fm, body, w);
	int row = -fm->scroll;
	for (int i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		int fh = field_height(fm, i, w);
		if (fh == 0 || row + fh <= 0 || row >= body) {
			row += fh;
			continue;
		}
		int yy = y + 1 + row;
		if (f->kind == FORM_NOTE) {
			form_wrap(win, yy, x, body - row, w, f->multi,
				f->warn ? draw_attr(DR_ERROR) | A_BOLD : draw_attr(DR_DIM));
		} else if (row >= 0 && row + fh <= body) {
			bool focused = i == fm->focus;
			draw_text(win, yy, x, focused ? draw_glyph(DG_SELECTED) : " ", 1, false, A_BOLD);
			draw_text(win, yy, x + 1, f->label, lw, true, focused ? A_BOLD : A_NORMAL);
			paint_value(fm, i, win, yy, x + lw + 2, vw);
		}
		row += fh;
	}
	draw_text(win, y + h - 1, x, _("Tab next field  Left/Right choose  Ctrl-S or F2 save  "
		"Esc cancel"), w, true, draw_attr(DR_DIM));
}
