/* The meldcode stepper pane, below the family pane when the selected family has an
 * open meldcode trajectory (FLAG_MELDCODE), or pinned for a family whose trajectory
 * is closed (read-only) or that is about to open one. Unfocused it shows the five
 * steps and their states; focused (best zoomed) a step is selected with the movement
 * keys and its entries are listed below, with the actions to record more. Forms are
 * in view_meldcode_form.c, the entry lines in view_meldcode_entries.c. Every rule is
 * core's: this pane shows core's messages and derivations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "draw.h"
#include "view_meldcode.h"

struct mc_ui *mcv_ui(struct app *a)
{
	if (!a->mcui) {
		a->mcui = calloc(1, sizeof *a->mcui);
		if (!a->mcui) {
			fprintf(stderr, "casus: out of memory\n");
			abort();
		}
	}
	return a->mcui;
}

void meldcode_pane_free(struct app *a)
{
	if (a->mcui) {
		free(a->mcui->form);
		free(a->mcui);
		a->mcui = NULL;
	}
}

bool meldcode_pane_pinned(const struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	return a->mcui && r && a->mcui->pinned[0] && strcmp(a->mcui->pinned, r->id) == 0;
}

bool meldcode_form_active(const struct app *a)
{
	return a->mcui && a->mcui->form && a->mcui->kind != MF_NONE;
}

void mcv_reload(struct app *a)
{
	struct mc_ui *ui = mcv_ui(a);
	const struct family_row *r = app_selected_row(a);
	struct casus_err err;
	if (!r || strcmp(ui->family_id, r->id) != 0) {
		ui->sel = 0;
		ui->guide_scroll = 0;
	}
	snprintf(ui->family_id, sizeof ui->family_id, "%s", r ? r->id : "");
	ui->have = false;
	if (!r || !a->mc.any)
		return;
	if (meldcode_get(a->ctx, a->mc.trajectory_id, &ui->m, &err)
	    || meldcode_steps(a->ctx, ui->m.id, ui->steps, &err)) {
		app_message(a, true, "%s", err.msg);
		return;
	}
	ui->have = true;
	if (ui->sel < 1 || ui->sel > MC_STEPS)
		ui->sel = a->mc.current_step >= 1 ? a->mc.current_step : 1;
	mcv_load_entries(a, ui);
}

void meldcode_pane_load(struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	struct casus_err err;
	memset(&a->mc, 0, sizeof a->mc);
	/* A pin holds only while its family stays selected. */
	if (a->mcui && a->mcui->pinned[0] && !meldcode_pane_pinned(a) && !meldcode_form_active(a))
		a->mcui->pinned[0] = '\0';
	if (!r || !app_meldcode_shown(a)) {
		if (a->mcui)
			a->mcui->have = false;
		return;
	}
	if (meldcode_summary(a->ctx, r->id, &a->mc, &err)) {
		app_message(a, true, "%s", err.msg);
		return;
	}
	/* An open form keeps what it was started on (its "replaces" ids, its options). */
	if (!meldcode_form_active(a))
		mcv_reload(a);
}

void meldcode_pane_log_open(struct app *a, const char *trajectory_id)
{
	struct meldcode m;
	struct casus_err err;
	/* Focusing the stepper shows the trajectory's entries: core logs the read. */
	if (trajectory_id && *trajectory_id && meldcode_show(a->ctx, trajectory_id, &m, &err))
		app_message(a, true, "%s", err.msg);
}

/* ---- actions ---- */

static bool writable(struct app *a)
{
	struct mc_ui *ui = a->mcui;
	if (!ui || !ui->have) {
		app_message(a, true, "%s", _("This family has no meldcode trajectory; press M to "
			"open one."));
		return false;
	}
	if (!ui->m.open) {
		app_message(a, true, "%s", _("This meldcode trajectory is closed: it is read-only."));
		return false;
	}
	return true;
}

static unsigned add_for_step(struct app *a)
{
	static const enum mcv_form by_step[MC_STEPS] = { MF_SIGNAL, MF_CONSULT,
		MF_CONVERSATION, MF_WEIGH, MF_DECIDE };
	if (!writable(a))
		return R_PAINT_MSG;
	return mcv_form_start(a, by_step[a->mcui->sel - 1]);
}

static unsigned step_done(struct app *a)
{
	struct mc_ui *ui = a->mcui;
	struct casus_err err;
	if (!writable(a))
		return R_PAINT_MSG;
	if (meldcode_step_set(a->ctx, &ui->steps[ui->sel - 1], MC_DONE, MC_SKIP_NONE, NULL, &err)) {
		app_message(a, true, "%s", err.msg);
		return R_PAINT_MSG;
	}
	app_message(a, false, _("Step %d is done."), ui->sel);
	return R_REFRESH_LIST | R_RELOAD_FAMILY | R_PAINT_ALL;
}

static unsigned melden_after_all(struct app *a)
{
	if (!writable(a))
		return R_PAINT_MSG;
	if (!a->mcui->decided) {
		app_message(a, true, "%s", _("There is no decision yet to change: record the "
			"decision in step 5."));
		return R_PAINT_MSG;
	}
	return mcv_form_start(a, MF_DECIDE);
}

static unsigned open_or_show(struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	if (!r)
		return R_NONE;
	struct mc_ui *ui = mcv_ui(a);
	struct meldcode_summary s;
	struct casus_err err;
	if (meldcode_summary(a->ctx, r->id, &s, &err)) {
		app_message(a, true, "%s", err.msg);
		return R_PAINT_MSG;
	}
	bool showing = meldcode_pane_pinned(a) && a->focus == PANE_MELDCODE;
	snprintf(ui->pinned, sizeof ui->pinned, "%s", r->id);
	a->focus = PANE_MELDCODE;
	if (s.any && !showing)
		meldcode_pane_log_open(a, s.trajectory_id);
	if (s.any && s.open)
		return R_LAYOUT | R_SELECT | R_PAINT_ALL;
	if (s.any && !showing) {
		app_message(a, false, "%s", _("The meldcode trajectory is closed: it is read-only. "
			"Press M again to open a new one."));
		return R_LAYOUT | R_SELECT | R_PAINT_ALL;
	}
	/* No trajectory, or the closed one is on screen already: open a new one. */
	return R_LAYOUT | R_SELECT | R_PAINT_ALL | mcv_form_start(a, MF_OPEN);
}

unsigned meldcode_action(struct app *a, enum action act)
{
	if (act == A_MC_OPEN)
		return open_or_show(a);
	if (act == A_MC_ACUTE) {
		if (!app_meldcode_shown(a) || !a->mcui || !a->mcui->have) {
			app_message(a, true, "%s", _("Acute danger: call the police (112) or Veilig "
				"Thuis now. To record it here, open a meldcode trajectory first (M)."));
			return R_PAINT_MSG;
		}
		if (!writable(a))
			return R_PAINT_MSG;
		a->focus = PANE_MELDCODE;
		return R_LAYOUT | mcv_form_start(a, MF_ACUTE);
	}
	return R_UNHANDLED;
}

static unsigned move_step(struct app *a, int to)
{
	struct mc_ui *ui = a->mcui;
	if (!ui || !ui->have)
		return R_NONE;
	ui->sel = to < 1 ? 1 : to > MC_STEPS ? MC_STEPS : to;
	ui->guide_scroll = 0;
	return R_PAINT_MELDCODE;
}

static unsigned need(struct app *a, enum mcv_form kind)
{
	return writable(a) ? mcv_form_start(a, kind) : R_PAINT_MSG;
}

unsigned meldcode_pane_handle(struct app *a, enum action act)
{
	struct mc_ui *ui = mcv_ui(a);
	switch (act) {
	case A_DOWN: return move_step(a, ui->sel + 1);
	case A_UP: return move_step(a, ui->sel - 1);
	case A_FIRST: return move_step(a, 1);
	case A_LAST: return move_step(a, MC_STEPS);
	case A_PAGE_DOWN: ui->guide_scroll += 5; return R_PAINT_MELDCODE;
	case A_PAGE_UP:
		ui->guide_scroll = ui->guide_scroll > 5 ? ui->guide_scroll - 5 : 0;
		return R_PAINT_MELDCODE;
	case A_MC_GUIDE:
		ui->guide = !ui->guide;
		ui->guide_scroll = 0;
		return R_PAINT_MELDCODE;
	case A_MC_ADD: return add_for_step(a);
	case A_MC_VERDICT: return need(a, MF_VERDICT);
	case A_MC_KINDCHECK: return need(a, MF_KINDCHECK);
	case A_MC_SKIP: return need(a, MF_SKIP);
	case A_MC_EVENT: return need(a, MF_EVENT);
	case A_MC_CLOSE: return need(a, MF_CLOSE);
	case A_MC_DONE: return step_done(a);
	case A_MC_AFTER_ALL: return melden_after_all(a);
	case A_MC_OPEN:
	case A_MC_ACUTE:
		return meldcode_action(a, act);
	default: return R_UNHANDLED;
	}
}

unsigned meldcode_form_key(struct app *a, const struct key *k)
{
	return mcv_form_key(a, k);
}

/* ---- painting ---- */

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

static void state_text(const struct mc_ui *ui, int i, enum mc_step_state st, char *out,
	size_t n)
{
	if (st == MC_SKIPPED && ui->have && ui->steps[i].skip_reason != MC_SKIP_NONE)
		snprintf(out, n, "%s: %s", mc_state_label(st), mc_skip_label(ui->steps[i].skip_reason));
	else
		snprintf(out, n, "%s", mc_state_label(st));
}

static void paint_steps(struct app *a, WINDOW *w, int h, int wd, bool full)
{
	struct mc_ui *ui = a->mcui;
	int step = a->mc.open ? a->mc.current_step : 0;
	for (int i = 0; i < MC_STEPS && i + 1 < h - 1; i++) {
		char line[600], state[400];
		enum mc_step_state st = a->mc.steps[i];
		bool sel = full && ui && ui->sel == i + 1;
		snprintf(line, sizeof line, "%s %d %s", state_mark(st, i + 1 == step), i + 1,
			mc_step_label(i + 1));
		state_text(ui, i, st, state, sizeof state);
		attr_t at = sel ? draw_attr(a->focus == PANE_MELDCODE ? DR_SELECTED : DR_SELECTED_DIM)
			: i + 1 == step ? A_BOLD : A_NORMAL;
		int lw = (wd - 4) * 2 / 3;
		if (sel)
			draw_text(w, i + 1, 1, draw_caps()->utf8 ? "›" : ">", 1, false, A_BOLD);
		int x = draw_text(w, i + 1, 2, line, lw, true, at);
		draw_text(w, i + 1, 2 + x + 1, state, wd - 5 - x, sel,
			sel ? at : draw_attr(DR_DIM));
	}
}

/* Notices under the steps: closed, acute, overdue feedback, pending review. */
static void notices(struct app *a, char *out, size_t n)
{
	const struct meldcode_summary *s = &a->mc;
	struct mc_ui *ui = a->mcui;
	size_t o = 0;
	out[0] = '\0';
#define ADD(...) o += (size_t)snprintf(out + o, o < n ? n - o : 0, __VA_ARGS__)
	if (ui->have && !ui->m.open)
		ADD(_("Closed %.10s (%s): read-only. "), ui->m.closed_at,
			mc_outcome_label(ui->m.outcome));
	if (s->acute)
		ADD("%s ", _("[acute danger recorded]"));
	if (s->vt_feedback_overdue)
		ADD(_("[Veilig Thuis feedback overdue: %d] "), s->vt_feedback_overdue);
	if (s->deviation_pending)
		ADD("%s ", _("[deviation awaits the gedragswetenschapper]"));
	if (s->help_check_overdue)
		ADD("%s ", _("[help follow-up check overdue]"));
	if (s->melden_after_all)
		ADD("%s ", _("[violence continues: melden after all (A)]"));
	if (s->decision_stale)
		ADD("%s ", _("[a newer weighing than the decision]"));
#undef ADD
	if (o >= n && n > 0)
		out[n - 1] = '\0';
}

static void paint_entries(struct app *a, WINDOW *w, int y, int h, int wd)
{
	struct mc_ui *ui = a->mcui;
	char title[300], note[800];
	notices(a, note, sizeof note);
	if (note[0] && y < h - 1)
		y += form_wrap(w, y, 2, 2, wd - 4, note, draw_attr(DR_FLAG) | A_BOLD);
	if (ui->header[0] && y < h - 1)
		draw_text(w, y++, 2, ui->header, wd - 4, false, draw_attr(DR_DIM));
	snprintf(title, sizeof title, _("Step %d %s %s"), ui->sel, draw_glyph(DG_SEP),
		mc_step_label(ui->sel));
	if (y < h - 1)
		draw_text(w, y++, 2, title, wd - 4, true, draw_attr(DR_HEADER));
	int n = ui->n_lines[ui->sel - 1], room = h - 1 - y;
	if (n == 0 && room > 0)
		draw_text(w, y, 4, _("Nothing recorded in this step yet."), wd - 6, false,
			draw_attr(DR_DIM));
	/* The newest entries matter most: when they do not all fit, show the last ones. */
	int first = 0, rows = 0;
	for (int i = n - 1; i >= 0; i--) {
		int r = form_wrap(NULL, 0, 0, 3, wd - 6, ui->lines[ui->sel - 1][i].text, A_NORMAL);
		if (rows + r > room)
			break;
		rows += r;
		first = i;
	}
	for (int i = first; i < n && y < h - 1; i++) {
		const struct mcv_line *l = &ui->lines[ui->sel - 1][i];
		y += form_wrap(w, y, 3, h - 1 - y < 3 ? h - 1 - y : 3, wd - 6, l->text,
			l->warn ? draw_attr(DR_FLAG) | A_BOLD : A_NORMAL);
	}
}

/* One "key label" hint with the key the user's bindings really use. */
static size_t hint(struct app *a, enum action act, const char *label, char *out, size_t o,
	size_t n)
{
	struct key k;
	char key[32];
	if (o >= n || keymap_keys_for(&a->keys, SECTION_MELDCODE, act, &k, 1) != 1)
		return o;
	keymap_key_label(&k, key, sizeof key);
	return o + (size_t)snprintf(out + o, n - o, "%s%s %s", o ? "  " : "", key, label);
}

/* The keys for the selected step, acute danger always among them. */
static void paint_hints(struct app *a, WINDOW *w, int y, int wd)
{
	static const char *const add[MC_STEPS] = { N_("signal"), N_("consultation"),
		N_("conversation"), N_("weighing"), N_("decision") };
	int step = a->mcui->sel;
	char out[400];
	size_t o = 0, n = sizeof out;
	out[0] = '\0';
	if (!a->mcui->m.open) {
		draw_text(w, y, 2, _("Closed: read-only."), wd - 4, true, draw_attr(DR_DIM));
		return;
	}
	o = hint(a, A_MC_ADD, _(add[step - 1]), out, o, n);
	if (step == 1)
		o = hint(a, A_MC_VERDICT, _("verdict"), out, o, n);
	if (step == 1 && a->mcui->m.client == MC_CLIENT_ADULT)
		o = hint(a, A_MC_KINDCHECK, _("kindcheck"), out, o, n);
	if (step == 3)
		o = hint(a, A_MC_SKIP, _("skip"), out, o, n);
	if (step == 5)
		o = hint(a, A_MC_EVENT, _("follow-up"), out, o, n);
	if (step == 5 && a->mcui->decided)
		o = hint(a, A_MC_AFTER_ALL, _("melden after all"), out, o, n);
	o = hint(a, A_MC_ACUTE, _("ACUTE DANGER"), out, o, n);
	o = hint(a, A_MC_DONE, _("done"), out, o, n);
	hint(a, A_MC_GUIDE, _("guidance"), out, o, n);
	draw_text(w, y, 2, out, wd - 4, true, draw_attr(DR_DIM));
}

static void paint_guide(struct app *a, WINDOW *w, int x, int h, int wd)
{
	struct mc_ui *ui = a->mcui;
	const char *text = meldcode_guidance(ui->sel, NULL);
	char clean[6000];
	size_t o = 0;
	/* Markdown to plain lines: drop heading marks and emphasis. */
	for (const char *p = text; *p && o + 1 < sizeof clean; p++) {
		if ((p == text || p[-1] == '\n') && *p == '#') {
			while (*p == '#' || *p == ' ')
				p++;
			p--;
			continue;
		}
		if (*p == '*' || *p == '`')
			continue;
		/* A single newline inside a paragraph is a space; list items keep theirs. */
		if (*p == '\n' && p[1] && p[1] != '\n' && p[1] != '-' && p[1] != '#'
		    && !(p[1] >= '0' && p[1] <= '9' && p[2] == '.') && o > 0 && clean[o - 1] != '\n') {
			clean[o++] = ' ';
			continue;
		}
		clean[o++] = *p;
	}
	clean[o] = '\0';
	for (int y = 1; y < h - 1; y++)
		mvwaddstr(w, y, x - 1, draw_glyph(DG_VLINE));
	draw_text(w, 1, x + 1, _("Guidance (i hides)"), wd - x - 2, false, draw_attr(DR_HEADER));
	/* Scroll by skipping wrapped rows. */
	const char *p = clean;
	for (int s = 0; s < ui->guide_scroll && *p; s++) {
		size_t fit = draw_fit(p, wd - x - 2), nl = strcspn(p, "\n");
		size_t take = fit < nl ? fit : nl + 1;
		if (fit < nl) {
			size_t sp = fit;
			while (sp > 0 && p[sp] != ' ')
				sp--;
			take = sp > 0 ? sp + 1 : fit;
		}
		p += take ? take : 1;
	}
	form_wrap(w, 2, x + 1, h - 3, wd - x - 2, p, A_NORMAL);
}

static void pane_title(struct app *a, char *title, size_t n)
{
	struct mc_ui *ui = a->mcui;
	int step = a->mc.open ? a->mc.current_step : 0;
	if (ui && ui->have && !ui->m.open)
		snprintf(title, n, _("Meldcode %s closed %s read-only"), ui->m.case_no,
			draw_glyph(DG_SEP));
	else if (step >= 1 && step <= MC_STEPS)
		snprintf(title, n, _("Meldcode: step %d of 5 %s %s"), step, draw_glyph(DG_SEP),
			mc_step_label(step));
	else if (a->mc.any)
		snprintf(title, n, "%s", _("Meldcode: all steps done"));
	else
		snprintf(title, n, "%s", _("Meldcode"));
}

void meldcode_pane_paint(struct app *a, WINDOW *w)
{
	char title[400];
	int h, wd;
	getmaxyx(w, h, wd);
	pane_title(a, title, sizeof title);
	draw_box(w, title, a->focus == PANE_MELDCODE);
	struct mc_ui *ui = a->mcui;
	if (meldcode_form_active(a)) {
		mcv_form_paint(a, w, 1, 2, h - 2, wd - 4);
		return;
	}
	if (!ui || !ui->have) {
		draw_text(w, 1, 2, _("No meldcode trajectory. M opens one."), wd - 4, false,
			draw_attr(DR_DIM));
		return;
	}
	bool full = a->focus == PANE_MELDCODE;
	int sw = full && ui->guide ? wd / 2 : wd;
	paint_steps(a, w, h, sw, full);
	if (full && h > 10) {
		paint_entries(a, w, MC_STEPS + 2, h - 1, sw);
		paint_hints(a, w, h - 2, sw);
	}
	if (full && ui->guide)
		paint_guide(a, w, sw + 1, h, wd);
}
