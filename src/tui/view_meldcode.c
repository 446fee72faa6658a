/* The meldcode stepper pane, below the family pane when the selected family has an
 * open meldcode trajectory (FLAG_MELDCODE): the five steps with their state and the
 * current one marked. Recording entries comes with the meldcode screens; this pane
 * shows where the trajectory stands. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "draw.h"

void meldcode_pane_load(struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	struct casus_err err;
	memset(&a->mc, 0, sizeof a->mc);
	if (!r || !app_meldcode_shown(a))
		return;
	if (meldcode_summary(a->ctx, r->id, &a->mc, &err))
		app_message(a, true, "%s", err.msg);
}

unsigned meldcode_pane_handle(struct app *a, enum action act)
{
	return R_UNHANDLED;
}

static const char *state_mark(enum mc_step_state s, bool current)
{
	if (current)
		return draw_glyph(DG_SELECTED);
	switch (s) {
	case MC_DONE: return draw_caps()->utf8 ? "✓" : "+";
	case MC_SKIPPED: return "-";
	case MC_IN_PROGRESS: return "~";
	default: return " ";
	}
}

void meldcode_pane_paint(struct app *a, WINDOW *w)
{
	const struct family_flags *fl = app_selected_flags(a);
	int step = fl && (fl->bits & FLAG_MELDCODE) ? fl->meldcode_step : 0;
	char title[400];
	int h, wd;
	getmaxyx(w, h, wd);
	if (step >= 1 && step <= MC_STEPS)
		snprintf(title, sizeof title, _("Meldcode: step %d of 5 %s %s"), step,
			draw_glyph(DG_SEP), mc_step_label(step));
	else
		snprintf(title, sizeof title, "%s", _("Meldcode"));
	draw_box(w, title, a->focus == PANE_MELDCODE);
	for (int i = 0; i < MC_STEPS && i + 1 < h - 1; i++) {
		char line[600];
		enum mc_step_state st = a->mc.steps[i];
		snprintf(line, sizeof line, "%s %d %s", state_mark(st, i + 1 == step), i + 1,
			mc_step_label(i + 1));
		int x = draw_text(w, i + 1, 2, line, (wd - 4) * 2 / 3, true,
			i + 1 == step ? A_BOLD : A_NORMAL);
		draw_text(w, i + 1, 2 + x + 1, mc_state_label(st), wd - 5 - x, false, draw_attr(DR_DIM));
	}
}
