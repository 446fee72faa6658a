/* The single-line editor (see lineedit.h). */
#include <string.h>

#include "draw.h"
#include "lineedit.h"

void le_copy(char *dst, size_t sz, const char *src)
{
	if (sz == 0)
		return;
	size_t n = strlen(src ? src : "");
	if (n >= sz) {
		n = sz - 1;
		/* Never cut a code point in half. */
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

void le_set(struct lineedit *le, const char *text)
{
	memset(le, 0, sizeof *le);
	le_copy(le->buf, sizeof le->buf, text);
	le->len = le->cur = strlen(le->buf);
}

static size_t prev_cp(const struct lineedit *le, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)le->buf[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static size_t next_cp(const struct lineedit *le, size_t at)
{
	if (at >= le->len)
		return le->len;
	uint32_t cp;
	return at + draw_utf8_next(le->buf + at, &cp);
}

/* Combining marks belong to the character before them: step over them together. */
static size_t next_char(const struct lineedit *le, size_t at)
{
	at = next_cp(le, at);
	uint32_t cp;
	while (at < le->len) {
		size_t n = draw_utf8_next(le->buf + at, &cp);
		if (draw_cp_width(cp) != 0)
			break;
		at += n;
	}
	return at;
}

static size_t prev_char(const struct lineedit *le, size_t at)
{
	uint32_t cp;
	do {
		at = prev_cp(le, at);
		draw_utf8_next(le->buf + at, &cp);
	} while (at > 0 && draw_cp_width(cp) == 0);
	return at;
}

static void delete_range(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	le->cur = from;
}

static bool insert_cp(struct lineedit *le, uint32_t cp)
{
	char enc[4];
	size_t n;
	if (cp < 0x80)
		enc[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		enc[0] = (char)(0xc0 | cp >> 6), enc[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	else if (cp < 0x10000)
		enc[0] = (char)(0xe0 | cp >> 12), enc[1] = (char)(0x80 | ((cp >> 6) & 0x3f)),
		enc[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	else
		enc[0] = (char)(0xf0 | cp >> 18), enc[1] = (char)(0x80 | ((cp >> 12) & 0x3f)),
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), enc[3] = (char)(0x80 | (cp & 0x3f)),
		n = 4;
	if (le->len + n >= LINEEDIT_MAX)
		return false;
	memmove(le->buf + le->cur + n, le->buf + le->cur, le->len - le->cur + 1);
	memcpy(le->buf + le->cur, enc, n);
	le->len += n;
	le->cur += n;
	return true;
}

static size_t word_start(const struct lineedit *le, size_t at)
{
	while (at > 0 && le->buf[at - 1] == ' ')
		at--;
	while (at > 0 && le->buf[at - 1] != ' ')
		at--;
	return at;
}

static enum le_result fn_key(struct lineedit *le, int code)
{
	switch (code) {
	case KEY_LEFT: le->cur = prev_char(le, le->cur); return LE_MOVED;
	case KEY_RIGHT: le->cur = next_char(le, le->cur); return LE_MOVED;
	case KEY_HOME: le->cur = 0; return LE_MOVED;
	case KEY_END: le->cur = le->len; return LE_MOVED;
	case KEY_BACKSPACE:
		if (le->cur == 0)
			return LE_IGNORED;
		delete_range(le, prev_char(le, le->cur), le->cur);
		return LE_CHANGED;
	case KEY_DC:
		if (le->cur >= le->len)
			return LE_IGNORED;
		delete_range(le, le->cur, next_char(le, le->cur));
		return LE_CHANGED;
	case KEY_ENTER: return LE_ACCEPT;
	default: return LE_IGNORED;
	}
}

enum le_result le_key(struct lineedit *le, const struct key *k)
{
	if (k->fn)
		return fn_key(le, k->code);
	switch (k->code) {
	case '\n': case '\r': return LE_ACCEPT;
	case 27: case 7: return LE_CANCEL;              /* Esc, C-g */
	case 1: le->cur = 0; return LE_MOVED;            /* C-a */
	case 5: le->cur = le->len; return LE_MOVED;      /* C-e */
	case 2: return fn_key(le, KEY_LEFT);             /* C-b */
	case 6: return fn_key(le, KEY_RIGHT);            /* C-f */
	case 8: case 127: return fn_key(le, KEY_BACKSPACE);
	case 4: return fn_key(le, KEY_DC);               /* C-d */
	case 21: delete_range(le, 0, le->cur); return LE_CHANGED;      /* C-u */
	case 11: delete_range(le, le->cur, le->len); return LE_CHANGED; /* C-k */
	case 23: delete_range(le, word_start(le, le->cur), le->cur); return LE_CHANGED;
	default: break;
	}
	if (k->code < 0x20 || (k->code >= 0x7f && k->code < 0xa0) || k->code > 0x10ffff
	    || (k->code >= 0xd800 && k->code <= 0xdfff))
		return LE_IGNORED;
	return insert_cp(le, (uint32_t)k->code) ? LE_CHANGED : LE_IGNORED;
}

static int width_of(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		i += draw_utf8_next(s + i, &cp);
		w += draw_cp_width(cp);
	}
	return w;
}

void le_draw(WINDOW *w, int y, int x, int width, struct lineedit *le, const char *prompt)
{
	int pw = draw_text(w, y, x, prompt, width / 2, false, draw_attr(DR_TITLE));
	int avail = width - pw - 1;
	if (avail < 1)
		return;
	int cur_col = width_of(le->buf, le->cur);
	/* Keep the cursor visible with a little context on either side. */
	if (cur_col < le->scroll)
		le->scroll = cur_col - avail / 3 < 0 ? 0 : cur_col - avail / 3;
	if (cur_col >= le->scroll + avail)
		le->scroll = cur_col - avail + 1 + avail / 3;
	size_t start = 0;
	int col = 0;
	while (start < le->len && col < le->scroll) {
		size_t nx = next_char(le, start);
		col += width_of(le->buf + start, nx - start);
		start = nx;
	}
	draw_text(w, y, x + pw, le->buf + start, avail, true, A_NORMAL);
	int cx = x + pw + width_of(le->buf + start, le->cur > start ? le->cur - start : 0);
	wmove(w, y, cx < x + width ? cx : x + width - 1);
}
