/* The main loop (see app.h): events -> actions -> handlers -> reactions -> paint. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "view_meeting.h"
#include "casus/i18n.h"
#include "script.h"
#include "term.h"

#define POLL_MS 500 /* input timeout, and how often other processes' commits are seen */

void app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	/* Core messages may span lines; the message line has one. */
	for (char *p = a->msg; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	a->msg_error = error;
	a->dirty |= R_PAINT_MSG | R_PAINT_STATUS;
}

const struct family_row *app_selected_row(const struct app *a)
{
	const struct list_state *l = &a->list;
	int64_t i = l->sel - l->win_off;
	if (l->count == 0 || i < 0 || i >= l->win_n)
		return NULL;
	return &l->rows[i];
}

const struct family_flags *app_selected_flags(const struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	return r ? &a->list.flags[r - a->list.rows] : NULL;
}

bool app_meldcode_shown(const struct app *a)
{
	const struct family_flags *f = app_selected_flags(a);
	return f && ((f->bits & FLAG_MELDCODE) || meldcode_pane_pinned(a));
}

enum section app_section(const struct app *a)
{
	if (a->view == VIEW_HELP)
		return SECTION_HELP;
	if (a->view == VIEW_MEETING)
		return SECTION_MEETING;
	if (a->view == VIEW_QUEUE)
		return SECTION_QUEUE;
	if (a->view == VIEW_AUDIT)
		return SECTION_AUDIT;
	if (a->view == VIEW_NOTES)
		return SECTION_NOTES;
	switch (a->focus) {
	case PANE_FAMILY: return plan_view_active(a) ? SECTION_PLAN : SECTION_FAMILY;
	case PANE_MELDCODE: return SECTION_MELDCODE;
	default: return SECTION_LIST;
	}
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- windows ---- */

static void relayout(struct app *a)
{
	if (a->focus == PANE_MELDCODE && !app_meldcode_shown(a))
		a->focus = PANE_FAMILY;
	a->lay_meldcode = app_meldcode_shown(a);
	layout_compute(&a->lay, LINES, COLS, a->pref, a->focus, a->zoom, a->lay_meldcode);
	for (int i = 0; i < W_COUNT; i++)
		if (a->win[i]) {
			delwin(a->win[i]);
			a->win[i] = NULL;
		}
	const struct layout *l = &a->lay;
	struct rect r[W_COUNT] = { [W_TABS] = l->tabs, [W_LIST] = l->pane[PANE_LIST],
		[W_FAMILY] = l->pane[PANE_FAMILY], [W_MELDCODE] = l->pane[PANE_MELDCODE],
		[W_STATUS] = l->status, [W_MSG] = l->msg };
	if (l->mode == LAYOUT_TOO_SMALL || a->view == VIEW_HELP || a->view == VIEW_MEETING || a->view == VIEW_QUEUE
	    || a->view == VIEW_AUDIT || a->view == VIEW_NOTES) {
		memset(r, 0, sizeof r[0] * W_STATUS);
		r[W_MAIN] = l->main;
	}
	for (int i = 0; i < W_COUNT; i++)
		if (r[i].h > 0 && r[i].w > 0) {
			a->win[i] = newwin(r[i].h, r[i].w, r[i].y, r[i].x);
			if (a->win[i])
				leaveok(a->win[i], i != W_MSG);
		}
	/* A hidden list (stacked, zoomed) keeps its height so its scroll stays put. */
	if (l->pane[PANE_LIST].h > 3)
		a->list.view_h = l->pane[PANE_LIST].h - 3;
	else if (a->list.view_h < 1)
		a->list.view_h = 1;
	/* stdscr only reads keys; refresh it now so reading never repaints it. */
	werase(stdscr);
	wnoutrefresh(stdscr);
	a->dirty |= R_PAINT_ALL;
}

static void paint_one(struct app *a, enum win i)
{
	WINDOW *w = a->win[i];
	werase(w);
	switch (i) {
	case W_TABS: tabs_paint(a, w); break;
	case W_LIST: list_paint(a, w); break;
	case W_FAMILY: family_pane_paint(a, w); break;
	case W_MELDCODE: meldcode_pane_paint(a, w); break;
	case W_STATUS: status_paint(a, w); break;
	case W_MSG:
		if (meeting_prompt_active(a)) {
			meeting_prompt_paint(a, w);
			break;
		}
		if (audit_prompt_active(a))
			audit_prompt_paint(a, w);
		else if (notes_prompt_active(a))
			notes_prompt_paint(a, w);
		else if (esc_form_active(a))
			esc_form_paint(a, w);
		else
			msg_paint(a, w);
		break;
	case W_MAIN:
		if (a->lay.mode == LAYOUT_TOO_SMALL)
			too_small_paint(a, w);
		else if (a->view == VIEW_MEETING)
			meeting_view_paint(a, w);
		else if (a->view == VIEW_QUEUE)
			queue_paint(a, w);
		else if (a->view == VIEW_AUDIT)
			audit_view_paint(a, w);
		else if (a->view == VIEW_NOTES)
			notes_view_paint(a, w);
		else
			help_paint(a, w);
		break;
	default: break;
	}
	wnoutrefresh(w);
}

/* Repaint what is dirty, then one doupdate(); the message line goes last so the
 * cursor ends where the user is typing. */
static void paint(struct app *a)
{
	static const unsigned bit[W_COUNT] = { R_PAINT_STATUS, R_PAINT_LIST, R_PAINT_FAMILY,
		R_PAINT_MELDCODE, R_PAINT_STATUS, R_PAINT_MSG, R_PAINT_MAIN };
	bool editing = a->edit.kind == EDIT_SEARCH || a->edit.kind == EDIT_NAME
		|| meeting_prompt_active(a)
		|| esc_form_active(a) || audit_prompt_active(a) || notes_prompt_active(a);
	if (editing)
		a->dirty |= R_PAINT_MSG;
	for (int i = 0; i < W_COUNT; i++)
		if (i != W_MSG && a->win[i] && (a->dirty & bit[i]))
			paint_one(a, (enum win)i);
	if (a->win[W_MSG] && (a->dirty & R_PAINT_MSG))
		paint_one(a, W_MSG);
	curs_set(editing && a->win[W_MSG] ? 1 : 0);
	doupdate();
	a->dirty = 0;
}

/* ---- actions ---- */

static unsigned cycle_focus(struct app *a, int dir)
{
	int n = app_meldcode_shown(a) ? 3 : 2;
	a->focus = (enum pane)(((int)a->focus + dir + n) % n);
	if (a->focus == PANE_MELDCODE)
		meldcode_pane_log_open(a, a->mc.trajectory_id);
	return R_LAYOUT | R_PAINT_ALL;
}

static unsigned cycle_layout(struct app *a)
{
	static const char *const names[PREF_COUNT] = { N_("automatic (side by side from 100 "
		"columns)"), N_("side by side"), N_("one pane at a time") };
	a->pref = (enum layout_pref)((a->pref + 1) % PREF_COUNT);
	app_message(a, false, _("Layout: %s"), _(names[a->pref]));
	return R_LAYOUT | R_PAINT_ALL;
}

static unsigned generic_handle(struct app *a, enum action act)
{
	switch (act) {
	case A_QUIT: return R_QUIT;
	case A_HELP:
		a->help_section = app_section(a);
		a->view = VIEW_HELP;
		a->help_scroll = 0;
		return R_LAYOUT | R_PAINT_ALL;
	case A_FOCUS_NEXT: return cycle_focus(a, 1);
	case A_FOCUS_PREV: return cycle_focus(a, -1);
	case A_ZOOM: a->zoom = !a->zoom; return R_LAYOUT | R_PAINT_ALL;
	case A_PRIVACY: return privacy_toggle(a);
	case A_REDRAW: clearok(curscr, TRUE); return R_PAINT_ALL;
	case A_LAYOUT: return cycle_layout(a);
	case A_MEETING: return meeting_view_open(a);
	case A_MC_OPEN:
	case A_MC_ACUTE:
		return meldcode_action(a, act);
	case A_PLAN: return plan_view_enter(a);
	case A_QUEUE: return queue_open(a);
	case A_AUDIT: return audit_view_open(a);
	case A_NOTES: return notes_view_open(a);
	case A_BACK:
		if (a->zoom)
			a->zoom = false;
		else if (a->focus != PANE_LIST)
			a->focus = PANE_LIST;
		else
			return R_NONE;
		return R_LAYOUT | R_PAINT_ALL;
	default: return R_NONE;
	}
}

static unsigned view_handle(struct app *a, enum action act)
{
	if (a->view == VIEW_HELP)
		return help_handle(a, act);
	if (a->view == VIEW_MEETING)
		return meeting_view_handle(a, act);
	if (a->view == VIEW_QUEUE)
		return queue_handle(a, act);
	if (a->view == VIEW_AUDIT)
		return audit_view_handle(a, act);
	if (a->view == VIEW_NOTES)
		return notes_view_handle(a, act);
	switch (a->focus) {
	case PANE_FAMILY: return family_pane_handle(a, act);
	case PANE_MELDCODE: return meldcode_pane_handle(a, act);
	default: return list_handle(a, act);
	}
}

static unsigned handle_mouse(struct app *a)
{
	MEVENT me;
	if (getmouse(&me) != OK || a->view != VIEW_MAIN)
		return R_NONE;
	for (int p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = &a->lay.pane[p];
		if (!rect_contains(r, me.y, me.x))
			continue;
		unsigned res = R_NONE;
		if (a->focus != (enum pane)p) {
			a->focus = (enum pane)p;
			if (a->focus == PANE_MELDCODE)
				meldcode_pane_log_open(a, a->mc.trajectory_id);
			res |= R_LAYOUT | R_PAINT_ALL;
		}
		enum action scroll = me.bstate & BUTTON4_PRESSED ? A_UP
			: me.bstate & BUTTON5_PRESSED ? A_DOWN : A_NONE;
		for (int i = 0; scroll != A_NONE && i < 3; i++)
			res |= view_handle(a, scroll) & ~R_UNHANDLED;
		if (p == PANE_LIST && (me.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED))) {
			list_click(a, me.y - r->y);
			res |= R_PAINT_LIST | R_SELECT;
			if (me.bstate & BUTTON1_DOUBLE_CLICKED)
				res |= list_handle(a, A_OPEN);
		}
		return res;
	}
	return R_NONE;
}

static unsigned handle_key(struct app *a, const struct key *k)
{
	unsigned r = R_NONE;
	if (k->fn && k->code == KEY_RESIZE)
		return R_LAYOUT | R_PAINT_ALL;
	if (k->fn && k->code == KEY_MOUSE)
		return handle_mouse(a);
	if (esc_form_active(a))
		return esc_form_key(a, k);
	if (meeting_prompt_active(a))
		return meeting_prompt_key(a, k);
	if (audit_prompt_active(a))
		return audit_prompt_key(a, k);
	if (notes_prompt_active(a))
		return notes_prompt_key(a, k);
	/* A message stays until the next key. */
	if (a->msg[0] && a->edit.kind == EDIT_NONE) {
		a->msg[0] = '\0';
		r |= R_PAINT_MSG | R_PAINT_STATUS;
	}
	if (a->edit.kind != EDIT_NONE)
		return r | edit_key(a, k);
	if (meldcode_form_active(a) && a->lay.mode != LAYOUT_TOO_SMALL)
		return r | meldcode_form_key(a, k);
	enum action act = keymap_lookup(&a->keys, app_section(a), k);
	if (a->lay.mode == LAYOUT_TOO_SMALL)
		return act == A_QUIT ? R_QUIT : r;
	if (act == A_NONE)
		return r;
	unsigned res = view_handle(a, act);
	if (res & R_UNHANDLED)
		res = generic_handle(a, act);
	return r | res;
}

/* ---- reactions ---- */

static void react(struct app *a, unsigned r)
{
	if (r & R_QUIT)
		a->quit = true;
	if (r & R_LAYOUT)
		relayout(a);
	if (r & R_RELOAD_LIST)
		list_reload(a, false);
	else if (r & R_REFRESH_LIST)
		list_reload(a, true);
	if (r & (R_RELOAD_LIST | R_REFRESH_LIST))
		r |= R_SELECT | R_PAINT_LIST | R_PAINT_STATUS;
	list_ensure_window(a);
	if (r & R_RELOAD_FAMILY)
		family_pane_reload(a);
	if ((r & R_RELOAD_FAMILY) && a->view == VIEW_MEETING)
		meeting_view_reload(a);
	if (r & R_RELOAD_QUEUE)
		queue_reload(a);
	if ((r & R_RELOAD_QUEUE) && a->view == VIEW_AUDIT)
		audit_view_reload(a);
	if ((r & R_RELOAD_QUEUE) && a->view == VIEW_NOTES)
		notes_view_reload(a);
	if (r & (R_SELECT | R_RELOAD_FAMILY)) {
		meldcode_pane_load(a);
		r |= R_PAINT_FAMILY | R_PAINT_MELDCODE | R_PAINT_LIST;
		/* The stepper pane comes and goes with the selected family. */
		if (app_meldcode_shown(a) != a->lay_meldcode)
			relayout(a);
	}
	a->dirty |= r & R_PAINT_ALL;
}

static unsigned poll_data(struct app *a)
{
	a->last_poll_ms = now_ms();
	int64_t v = casus_data_version(a->ctx);
	if (v == a->data_version)
		return R_NONE;
	/* Another process committed: reload what is visible, keep the user's place. */
	a->data_version = v;
	flag_rules_load(a->ctx, &a->rules);
	return R_REFRESH_LIST | R_RELOAD_FAMILY | R_RELOAD_QUEUE | R_PAINT_ALL;
}

/* ---- events ---- */

enum event { EV_KEY, EV_TIMEOUT, EV_END };

static void normalize(struct key *k)
{
	if (!k->fn && k->code == '\r')
		k->code = '\n';
	else if (!k->fn && (k->code == 127 || k->code == 8))
		*k = (struct key){ KEY_BACKSPACE, true };
	else if (k->fn && k->code == KEY_ENTER)
		*k = (struct key){ '\n', false };
	else if (k->fn && (k->code == KEY_FIND || k->code == KEY_A1))
		k->code = KEY_HOME;
	else if (k->fn && (k->code == KEY_SELECT || k->code == KEY_C1))
		k->code = KEY_END;
}

static enum event next_event(struct app *a, struct key *k)
{
	if (a->script) {
		switch (script_next(a->script, a, k)) {
		case SCRIPT_KEY: return EV_KEY;
		case SCRIPT_TIMEOUT: return EV_TIMEOUT;
		case SCRIPT_RESIZE: *k = (struct key){ KEY_RESIZE, true }; return EV_KEY;
		case SCRIPT_ERROR: a->quit = true; return EV_END;
		default: return EV_END;
		}
	}
	wint_t ch;
	int r = wget_wch(stdscr, &ch);
	if (r == ERR)
		return EV_TIMEOUT;
	*k = (struct key){ (int)ch, r == KEY_CODE_YES };
	normalize(k);
	return EV_KEY;
}

static void start(struct app *a)
{
	wtimeout(stdscr, POLL_MS);
	a->data_version = casus_data_version(a->ctx);
	a->last_poll_ms = now_ms();
	relayout(a);
	list_reload(a, false);
	edit_offer_draft(a);
	if (a->keys.n_errors) {
		/* Bad config lines: tell the user, keep going with the rest. */
		if (a->keys.n_errors > 1)
			app_message(a, true, _("%s (and %d more problems in the config file)"),
				a->keys.errors[0], a->keys.n_errors - 1);
		else
			app_message(a, true, "%s", a->keys.errors[0]);
	}
	react(a, R_SELECT | R_PAINT_ALL);
}

int app_run(struct app *a)
{
	start(a);
	int status = 0;
	while (!a->quit) {
		paint(a);
		if (tui_signal) {
			/* Hung up or told to stop: keep what is being typed, then leave. */
			edit_save_draft(a);
			status = 128 + tui_signal;
			break;
		}
		struct key k;
		enum event ev = next_event(a, &k);
		unsigned r = R_NONE;
		if (ev == EV_END)
			break;
		if (ev == EV_KEY)
			r = handle_key(a, &k);
		/* Keys held down never time out, so poll by the clock too (screen tests
		 * poll only on "tick", to stay deterministic). */
		if (ev == EV_TIMEOUT || (!a->script && now_ms() - a->last_poll_ms >= POLL_MS))
			r |= poll_data(a);
		/* Meeting mode: the timers move on. */
		if (ev == EV_TIMEOUT && a->view == VIEW_MEETING)
			r |= R_PAINT_MAIN;
		react(a, r);
	}
	list_search_end(a); /* leaving casus leaves a search being typed */
	return status;
}
