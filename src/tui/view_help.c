/* The help view: every binding of the view it was opened from (its own section, then
 * the generic keys it does not override), built from the action table and the live
 * keymap, so a user's config shows up here too. Also the legend of list flags. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "draw.h"

struct help_writer {
	WINDOW *w;
	int row, skip, h, width;
};

static void help_line(struct help_writer *hw, int indent, const char *left, int left_w,
	const char *text, attr_t attr)
{
	int row = hw->row++;
	if (row < hw->skip || row - hw->skip >= hw->h || !hw->w)
		return;
	int y = row - hw->skip + 1, x = 2 + indent;
	if (left) {
		draw_text(hw->w, y, x, left, left_w, true, A_BOLD);
		x += left_w + 2;
	}
	draw_text(hw->w, y, x, text, hw->width - (x - 2), false, attr);
}

/* Keys for action a in section s as "j, Down"; generic keys the section overrides
 * are left out because they do something else in this view. */
static int keys_text(struct app *a, enum section s, enum action act, char *out, size_t outsz)
{
	struct key keys[8];
	int n = keymap_keys_for(&a->keys, s, act, keys, 8), shown = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (s == SECTION_GENERIC && a->help_section != SECTION_GENERIC
		    && keymap_lookup(&a->keys, a->help_section, &keys[i]) != act)
			continue;
		char label[32];
		size_t len = strlen(out);
		keymap_key_label(&keys[i], label, sizeof label);
		snprintf(out + len, outsz - len, "%s%s", shown++ ? ", " : "", label);
	}
	return shown;
}

static void section_lines(struct app *a, struct help_writer *hw, enum section s)
{
	char keys[200];
	help_line(hw, 0, NULL, 0, section_title(s), A_BOLD | A_UNDERLINE);
	for (int i = 1; i < A_COUNT; i++) {
		if (!keys_text(a, s, (enum action)i, keys, sizeof keys))
			continue;
		help_line(hw, 2, keys, 16, _(action_get((enum action)i)->help), A_NORMAL);
	}
	help_line(hw, 0, NULL, 0, "", A_NORMAL);
}

static void legend_lines(struct help_writer *hw)
{
	static const char *const codes[FLAG_KIND_COUNT] = { "E", "V", "M1..M5", "X?", "X+", "X-",
		"A", "X!" };
	help_line(hw, 0, NULL, 0, _("Flags in the case list"), A_BOLD | A_UNDERLINE);
	for (int i = 0; i < FLAG_KIND_COUNT; i++)
		help_line(hw, 2, codes[i], 16, family_flag_label(family_flag_kind(i)), A_NORMAL);
	help_line(hw, 2, "N", 16, _("plan in uitvoering without a future evaluation date"),
		A_NORMAL);
	help_line(hw, 2, "T1..", 16, _("plan actions past their due date"), A_NORMAL);
	help_line(hw, 2, "C1..", 16, _("consents missing for the plan's professionals"),
		A_NORMAL);
	help_line(hw, 0, NULL, 0, "", A_NORMAL);
	help_line(hw, 0, NULL, 0, _("Editing a line"), A_BOLD | A_UNDERLINE);
	help_line(hw, 2, "Enter", 16, _("save, or keep the search"), A_NORMAL);
	help_line(hw, 2, "Esc, C-g", 16, _("cancel"), A_NORMAL);
	help_line(hw, 2, "C-a, C-e", 16, _("start, end of the line"), A_NORMAL);
	help_line(hw, 2, "C-u, C-k, C-w", 16, _("delete to the start, to the end, a word"), A_NORMAL);
}

static int help_lines(struct app *a, struct help_writer *hw)
{
	if (a->help_section != SECTION_GENERIC)
		section_lines(a, hw, a->help_section);
	section_lines(a, hw, SECTION_GENERIC);
	if (a->help_section == SECTION_LIST)
		legend_lines(hw);
	return hw->row;
}

unsigned help_handle(struct app *a, enum action act)
{
	struct help_writer count = { NULL, 0, 0, 0, 0 };
	int total = help_lines(a, &count);
	int h = a->lay.main.h - 2, before = a->help_scroll;
	switch (act) {
	case A_DOWN: a->help_scroll++; break;
	case A_UP: a->help_scroll--; break;
	case A_PAGE_DOWN: a->help_scroll += h; break;
	case A_PAGE_UP: a->help_scroll -= h; break;
	case A_FIRST: a->help_scroll = 0; break;
	case A_LAST: a->help_scroll = total; break;
	case A_BACK: case A_HELP: case A_QUIT:
		a->view = a->help_section == SECTION_QUEUE ? VIEW_QUEUE
			: a->help_section == SECTION_AUDIT ? VIEW_AUDIT
			: a->help_section == SECTION_NOTES ? VIEW_NOTES : VIEW_MAIN;
		return R_LAYOUT | R_PAINT_ALL;
	default: return R_UNHANDLED;
	}
	if (a->help_scroll > total - h)
		a->help_scroll = total - h;
	if (a->help_scroll < 0)
		a->help_scroll = 0;
	return a->help_scroll != before ? R_PAINT_MAIN : R_NONE;
}

void help_paint(struct app *a, WINDOW *w)
{
	int h, wd;
	getmaxyx(w, h, wd);
	char title[200];
	snprintf(title, sizeof title, _("Help: %s (q or Esc closes)"), section_title(a->help_section));
	draw_box(w, title, true);
	struct help_writer hw = { w, 0, a->help_scroll, h - 2, wd - 4 };
	int total = help_lines(a, &hw);
	/* Say there is more below, on the bottom border. */
	if (total > a->help_scroll + h - 2 && wd > 20) {
		char more[64];
		snprintf(more, sizeof more, " %s %s ", draw_glyph(DG_ARROW_DOWN), _("more"));
		draw_text(w, h - 1, wd - 2 - draw_width(more), more, draw_width(more), false,
			draw_attr(DR_TITLE));
	}
}
