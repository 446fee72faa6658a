/* The status bar (who, which database, privacy mode, hints for the focused pane), the
 * pane switcher line of the stacked layout, the message line, and the "terminal too
 * small" notice. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "draw.h"

/* The first key that does act in section s (its own binding, or a generic one the
 * section does not override); false when act is unreachable from s. */
static bool reach(struct app *a, enum section s, enum action act, struct key *k)
{
	if (keymap_keys_for(&a->keys, s, act, k, 1) == 1)
		return true;
	struct key keys[8];
	int n = keymap_keys_for(&a->keys, SECTION_GENERIC, act, keys, 8);
	for (int i = 0; i < n; i++)
		if (keymap_lookup(&a->keys, s, &keys[i]) == act) {
			*k = keys[i];
			return true;
		}
	return false;
}

static size_t add_hint(struct app *a, enum section s, enum action act, char *out, size_t o,
	size_t outsz)
{
	const struct action_def *d = action_get(act);
	struct key k;
	if (!d->label || o + 40 >= outsz || !reach(a, s, act, &k))
		return o;
	char label[32];
	keymap_key_label(&k, label, sizeof label);
	return o + (size_t)snprintf(out + o, outsz - o, "%s%s %s", o ? "  " : "", label,
		_(d->label));
}

/* "? help  / search  Enter open ... q quit": help first, then what this view does,
 * then the keys that work everywhere. */
static void hints(struct app *a, enum section s, char *out, size_t outsz)
{
	static const enum action everywhere[] = { A_QUIT, A_FOCUS_NEXT, A_ZOOM, A_PRIVACY };
	/* In the help view itself, "help" would only close it: no hint for that. */
	size_t o = s == SECTION_HELP ? 0 : add_hint(a, s, A_HELP, out, 0, outsz);
	out[o] = '\0';
	for (int i = 1; i < A_COUNT; i++) {
		struct key k;
		if (i != A_HELP && keymap_keys_for(&a->keys, s, (enum action)i, &k, 1) == 1)
			o = add_hint(a, s, (enum action)i, out, o, outsz);
	}
	for (size_t i = 0; i < sizeof everywhere / sizeof everywhere[0]; i++) {
		struct key k;
		/* Already hinted above when the section binds it itself. */
		if (s == SECTION_GENERIC || keymap_keys_for(&a->keys, s, everywhere[i], &k, 1) == 0)
			o = add_hint(a, s, everywhere[i], out, o, outsz);
	}
}

static void edit_hints(const struct app *a, char *out, size_t outsz)
{
	if (a->edit.kind == EDIT_DRAFT_OFFER)
		snprintf(out, outsz, "%s", _("e continue editing  d discard  Esc later"));
	else if (a->edit.kind == EDIT_SEARCH)
		snprintf(out, outsz, "%s", _("type to narrow  Enter keep  Esc cancel"));
	else if (a->edit.kind == EDIT_PLAN)
		snprintf(out, outsz, "%s", _("F2/Ctrl-S save  Esc cancel"));
	else
		snprintf(out, outsz, "%s", _("Enter save  Esc cancel"));
}

void status_paint(struct app *a, WINDOW *w)
{
	int wd = getmaxx(w);
	attr_t st = draw_attr(DR_STATUS);
	char left[600], right[1200];
	draw_fill(w, 0, 0, wd, st);
	/* While editing, the message line holds the editor: a message (a conflict, a
	 * refused value) takes the whole status bar, it matters more than who is here. */
	if ((a->edit.kind == EDIT_NAME || a->edit.kind == EDIT_SEARCH || esc_form_active(a))
	    && a->msg[0]) {
		char m[800];
		snprintf(m, sizeof m, " %s", a->msg);
		draw_text(w, 0, 0, m, wd, true, st | A_BOLD);
		return;
	}
	snprintf(left, sizeof left, " %s (%s) %s %s ", a->ctx->user.login,
		member_role_label(a->ctx->user.role), draw_glyph(DG_SEP), a->db_name);
	int x = draw_text(w, 0, 0, left, wd, false, st);
	if (a->privacy && x < wd) {
		char p[64];
		snprintf(p, sizeof p, " %s ", _("PRIVACY"));
		x += draw_text(w, 0, x, p, wd - x, false, draw_attr(DR_PRIVACY) | A_REVERSE);
	}
	if (a->edit.kind != EDIT_NONE || esc_form_active(a))
		edit_hints(a, right, sizeof right);
	else
		hints(a, app_section(a), right, sizeof right);
	if (x + 2 < wd)
		draw_text(w, 0, x + 2, right, wd - x - 2, false, st);
}

void tabs_paint(struct app *a, WINDOW *w)
{
	static const char *const names[PANE_COUNT] = { N_("Cases"), N_("Family"), N_("Meldcode") };
	int wd = getmaxx(w), x = 0;
	draw_fill(w, 0, 0, wd, A_NORMAL);
	for (int p = 0; p < PANE_COUNT && x < wd; p++) {
		if (p == PANE_MELDCODE && !app_meldcode_shown(a))
			continue;
		char t[80];
		snprintf(t, sizeof t, " %d %s ", p + 1, _(names[p]));
		x += draw_text(w, 0, x, t, wd - x, false,
			draw_attr(a->focus == (enum pane)p ? DR_TAB_ACTIVE : DR_TAB));
		x += draw_text(w, 0, x, " ", wd - x, false, A_NORMAL);
	}
	char hint[120];
	struct key k;
	char label[32] = "Tab";
	if (keymap_keys_for(&a->keys, SECTION_GENERIC, A_FOCUS_NEXT, &k, 1) == 1)
		keymap_key_label(&k, label, sizeof label);
	snprintf(hint, sizeof hint, _("%s: next pane"), label);
	if (x + 2 < wd)
		draw_text_right(w, 0, x, hint, wd - x, draw_attr(DR_DIM));
}

void msg_paint(struct app *a, WINDOW *w)
{
	int wd = getmaxx(w);
	draw_fill(w, 0, 0, wd, A_NORMAL);
	switch (a->edit.kind) {
	case EDIT_SEARCH:
		le_draw(w, 0, 0, wd, &a->edit.le, "/");
		return;
	case EDIT_NAME: {
		char prompt[64];
		snprintf(prompt, sizeof prompt, "%s ", _("Name:"));
		le_draw(w, 0, 0, wd, &a->edit.le, prompt);
		return;
	}
	default:
		draw_text(w, 0, 0, a->msg, wd, false,
			a->msg_error ? draw_attr(DR_ERROR) : A_NORMAL);
	}
}

/* Break s at spaces into lines of at most wd columns, appended to lines[*n..max). A
 * word wider than wd gets a line of its own (and is clipped when drawn). */
static void wrap_words(const char *s, int wd, char lines[][200], int *n, int max)
{
	while (*s == ' ')
		s++;
	while (*s && *n < max) {
		char *line = lines[(*n)++];
		size_t len = 0;
		line[0] = '\0';
		while (*s) {
			size_t wl = strcspn(s, " ");
			char word[200];
			snprintf(word, sizeof word, "%.*s", (int)wl, s);
			if (len && (draw_width(line) + 1 + draw_width(word) > wd
				    || len + 1 + wl >= sizeof lines[0]))
				break;
			len += (size_t)snprintf(line + len, sizeof lines[0] - len, "%s%s",
				len ? " " : "", word);
			s += wl;
			while (*s == ' ')
				s++;
		}
	}
}

/* The notice below LAYOUT_MIN_COLS x LAYOUT_MIN_ROWS, wrapped to the width; when even
 * that does not fit (a 10x5 terminal), a shorter one. */
void too_small_paint(struct app *a, WINDOW *w)
{
	(void)a;
	int h, wd;
	getmaxyx(w, h, wd);
	const char *title = _("Terminal too small");
	char size[120], lines[16][200];
	snprintf(size, sizeof size, _("%dx%d; casus needs at least %dx%d"), wd, h,
		LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	const char *full[] = { title, size,
		_("Enlarge the window, or press q to quit.") };
	int n = 0;
	for (int i = 0; i < 3; i++)
		wrap_words(full[i], wd, lines, &n, 16);
	int bold = 0; /* lines of the first message, drawn in bold */
	if (n > h) {
		char tiny[32];
		snprintf(tiny, sizeof tiny, "%dx%d", wd, h);
		n = 0;
		wrap_words(_("Too small"), wd, lines, &n, 16);
		bold = n;
		wrap_words(tiny, wd, lines, &n, 16);
		wrap_words(_("q: quit"), wd, lines, &n, 16);
	} else {
		int m = 0;
		wrap_words(full[0], wd, lines, &m, 16);
		bold = m;
	}
	int y0 = h / 2 - n / 2;
	if (y0 + n > h)
		y0 = h - n;
	if (y0 < 0)
		y0 = 0;
	for (int i = 0; i < n && y0 + i < h; i++) {
		int lw = draw_width(lines[i]);
		int x = lw < wd ? (wd - lw) / 2 : 0;
		draw_text(w, y0 + i, x, lines[i], wd - x, false, i < bold ? A_BOLD : A_NORMAL);
	}
}
