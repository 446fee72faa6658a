/* The access log for the teamleider (NEN 7513): every row, newest first, read a page
 * at a time from core (audit_page), filterable by family (case number), user (login)
 * and period (from / to a day); Enter shows one row's fields in full. Break-glass
 * reads stand out. Core decides who may read the log: anyone else gets core's "not
 * allowed" message and stays where they were. In privacy mode the details (search
 * terms, reasons) are hidden, as they may name people. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "draw.h"

#define AUDIT_PAGE 128   /* rows read at a time; more than any screen shows */
#define AUDIT_WIDE 120   /* from this width: workstation, on behalf of, object */

enum au_prompt { AP_NONE, AP_FAMILY, AP_USER, AP_SINCE, AP_UNTIL };

struct audit_ui {
	struct audit_row rows[AUDIT_PAGE];
	int n;                        /* rows read into rows[] */
	int64_t off;                  /* rows[0] is row `off` of the filtered log */
	int64_t count, sel, top;
	int list_h;
	bool detail;                  /* the selected row is shown in full */
	int detail_scroll;
	char case_no[CASE_NO_LEN];    /* filters as the user gave them ("" = any) */
	char family_id[CASUS_ID_LEN];
	char login[CASUS_LOGIN_MAX + 1];
	char since[11], until[11];
	char since_at[21], until_at[21]; /* ... as stored times */
	enum au_prompt prompt;
	struct lineedit le;
};

static struct audit_filter filter_of(const struct audit_ui *u)
{
	struct audit_filter f = {
		u->family_id[0] ? u->family_id : NULL, u->login[0] ? u->login : NULL,
		u->since[0] ? u->since_at : NULL, u->until[0] ? u->until_at : NULL,
	};
	return f;
}

static const struct audit_row *row_at(const struct audit_ui *u, int64_t i)
{
	return i >= u->off && i < u->off + u->n ? &u->rows[i - u->off] : NULL;
}

static void clamp(struct audit_ui *u)
{
	int h = u->list_h > 0 ? u->list_h : 1;
	if (u->sel >= u->count)
		u->sel = u->count - 1;
	if (u->sel < 0)
		u->sel = 0;
	if (u->sel < u->top)
		u->top = u->sel;
	if (u->sel >= u->top + h)
		u->top = u->sel - h + 1;
	if (u->top > u->count - h)
		u->top = u->count - h;
	if (u->top < 0)
		u->top = 0;
}

/* Read the page holding the visible rows when they are not in memory yet. */
static void fetch(struct app *a, bool force)
{
	struct audit_ui *u = a->au;
	struct casus_err err;
	int h = u->list_h > 0 ? u->list_h : 1;
	if (!force && u->top >= u->off && u->top + h <= u->off + u->n)
		return;
	struct audit_filter f = filter_of(u);
	u->off = u->top;
	if (audit_page(a->ctx, &f, u->off, AUDIT_PAGE, u->rows, &u->n, &err))
		app_message(a, true, "%s", err.msg);
}

void audit_view_reload(struct app *a)
{
	struct audit_ui *u = a->au;
	struct casus_err err;
	if (!u || a->view != VIEW_AUDIT)
		return;
	struct audit_filter f = filter_of(u);
	/* Rows added meanwhile come on top: keep the selected row where it is. */
	int64_t before = u->count;
	if (audit_count(a->ctx, &f, &u->count, &err)) {
		app_message(a, true, "%s", err.msg);
		u->count = 0;
	}
	if (before && u->count > before) {
		u->sel += u->count - before;
		u->top += u->count - before;
	}
	clamp(u);
	fetch(a, true);
}

unsigned audit_view_open(struct app *a)
{
	struct casus_err err;
	int64_t n;
	/* Core says who may read the log; nothing changes for anyone else. */
	if (audit_count(a->ctx, NULL, &n, &err)) {
		app_message(a, true, "%s", err.msg);
		return R_PAINT_MSG;
	}
	if (!a->au && !(a->au = calloc(1, sizeof *a->au))) {
		app_message(a, true, "%s", _("Out of memory."));
		return R_PAINT_MSG;
	}
	a->view = VIEW_AUDIT;
	a->au->sel = a->au->top = a->au->count = 0;
	a->au->detail = false;
	audit_view_reload(a);
	return R_LAYOUT | R_PAINT_ALL;
}

void audit_view_free(struct app *a)
{
	free(a->au);
	a->au = NULL;
}

/* ---- filters: a prompt on the message line ---- */

bool audit_prompt_active(const struct app *a)
{
	return a->view == VIEW_AUDIT && a->au && a->au->prompt != AP_NONE;
}

static unsigned start_prompt(struct app *a, enum au_prompt p)
{
	struct audit_ui *u = a->au;
	const char *now[] = { "", u->case_no, u->login, u->since, u->until };
	u->prompt = p;
	le_set(&u->le, now[p]);
	a->msg[0] = '\0';
	return R_PAINT_MSG | R_PAINT_STATUS;
}

static const char *prompt_label(enum au_prompt p)
{
	switch (p) {
	case AP_FAMILY: return _("Family, case number (empty: all): ");
	case AP_USER: return _("User, login (empty: all): ");
	case AP_SINCE: return _("From day YYYY-MM-DD (empty: all): ");
	case AP_UNTIL: return _("To day YYYY-MM-DD (empty: all): ");
	default: return "";
	}
}

void audit_prompt_paint(struct app *a, WINDOW *w)
{
	int wd = getmaxx(w);
	le_draw(w, 0, 0, wd, &a->au->le, prompt_label(a->au->prompt));
}

/* Check and take the typed value; false (with a message) changes nothing. */
static bool take_value(struct app *a, const char *v)
{
	struct audit_ui *u = a->au;
	struct casus_err err;
	struct family fam;
	char at[21];
	switch (u->prompt) {
	case AP_FAMILY:
		if (*v && family_get(a->ctx, v, &fam, &err)) {
			app_message(a, true, "%s", err.msg);
			return false;
		}
		snprintf(u->case_no, sizeof u->case_no, "%s", *v ? fam.case_no : "");
		snprintf(u->family_id, sizeof u->family_id, "%s", *v ? fam.id : "");
		return true;
	case AP_USER:
		if (strlen(v) > CASUS_LOGIN_MAX) {
			app_message(a, true, "%s", _("That is longer than any login."));
			return false;
		}
		snprintf(u->login, sizeof u->login, "%s", v);
		return true;
	case AP_SINCE:
	case AP_UNTIL:
		if (*v && !clock_local_day_start(v, u->prompt == AP_UNTIL, at)) {
			app_message(a, true, _("'%s' is not a day written as YYYY-MM-DD."), v);
			return false;
		}
		if (*v && ((u->prompt == AP_SINCE && u->until[0] && strcmp(v, u->until) > 0)
			   || (u->prompt == AP_UNTIL && u->since[0] && strcmp(v, u->since) < 0))) {
			app_message(a, true, "%s", _("The period ends before it starts."));
			return false;
		}
		snprintf(u->prompt == AP_SINCE ? u->since : u->until, 11, "%s", v);
		snprintf(u->prompt == AP_SINCE ? u->since_at : u->until_at, 21, "%s", *v ? at : "");
		return true;
	default:
		return true;
	}
}

unsigned audit_prompt_key(struct app *a, const struct key *k)
{
	struct audit_ui *u = a->au;
	enum le_result res = le_key(&u->le, k);
	if (res == LE_CANCEL) {
		u->prompt = AP_NONE;
		a->msg[0] = '\0';
		return R_PAINT_MSG | R_PAINT_STATUS;
	}
	if (res != LE_ACCEPT) {
		if (res == LE_CHANGED)
			a->msg[0] = '\0';
		return R_PAINT_MSG;
	}
	char v[LINEEDIT_MAX];
	snprintf(v, sizeof v, "%s", u->le.buf);
	/* Surrounding blanks are never meant (a pasted case number). */
	char *s = v;
	while (*s == ' ')
		s++;
	for (size_t n = strlen(s); n && s[n - 1] == ' '; n--)
		s[n - 1] = '\0';
	bool ok = take_value(a, s);
	u->prompt = AP_NONE;
	if (!ok) /* the filters stay as they were; the message says why */
		return R_PAINT_MSG | R_PAINT_STATUS;
	u->sel = u->top = u->count = 0;
	u->detail = false;
	audit_view_reload(a);
	return R_PAINT_ALL;
}

/* ---- actions ---- */

static unsigned move_to(struct app *a, int64_t sel)
{
	struct audit_ui *u = a->au;
	int64_t before = u->sel;
	u->sel = sel;
	clamp(u);
	fetch(a, false);
	u->detail_scroll = 0;
	return u->sel != before ? R_PAINT_MAIN : R_NONE;
}

static unsigned clear_filters(struct app *a)
{
	struct audit_ui *u = a->au;
	u->case_no[0] = u->family_id[0] = u->login[0] = '\0';
	u->since[0] = u->until[0] = u->since_at[0] = u->until_at[0] = '\0';
	u->sel = u->top = u->count = 0;
	u->detail = false;
	audit_view_reload(a);
	return R_PAINT_MAIN;
}

unsigned audit_view_handle(struct app *a, enum action act)
{
	struct audit_ui *u = a->au;
	int h = u->list_h > 0 ? u->list_h : 1;
	if (u->detail && (act == A_DOWN || act == A_UP)) {
		u->detail_scroll += act == A_DOWN ? 1 : -1;
		if (u->detail_scroll < 0)
			u->detail_scroll = 0;
		return R_PAINT_MAIN;
	}
	switch (act) {
	case A_DOWN: return move_to(a, u->sel + 1);
	case A_UP: return move_to(a, u->sel - 1);
	case A_PAGE_DOWN: u->top += h; return move_to(a, u->sel + h);
	case A_PAGE_UP: u->top -= h; return move_to(a, u->sel - h);
	case A_FIRST: return move_to(a, 0);
	case A_LAST: return move_to(a, u->count - 1);
	case A_OPEN:
		if (!row_at(u, u->sel))
			return R_NONE;
		u->detail = !u->detail;
		u->detail_scroll = 0;
		return R_PAINT_MAIN | R_PAINT_STATUS;
	case A_AU_FAMILY: return start_prompt(a, AP_FAMILY);
	case A_AU_USER: return start_prompt(a, AP_USER);
	case A_AU_SINCE: return start_prompt(a, AP_SINCE);
	case A_AU_UNTIL: return start_prompt(a, AP_UNTIL);
	case A_FILTER_CLEAR: return clear_filters(a);
	case A_BACK:
		if (u->detail) {
			u->detail = false;
			return R_PAINT_MAIN | R_PAINT_STATUS;
		}
		a->view = VIEW_MAIN;
		return R_LAYOUT | R_PAINT_ALL;
	case A_AUDIT:
		a->view = VIEW_MAIN;
		return R_LAYOUT | R_PAINT_ALL;
	default: return R_UNHANDLED;
	}
}

/* ---- painting ---- */

enum acol { AC_SEQ, AC_AT, AC_EVENT, AC_LOGIN, AC_BEHALF, AC_WS, AC_CASE, AC_OBJECT,
	AC_DETAIL, AC_COUNT };

static void fit(int width, int w[AC_COUNT])
{
	bool wide = width >= AUDIT_WIDE - 2;
	int fixed[AC_COUNT] = { 6, 16, 11, 10, wide ? 10 : 0, wide ? 16 : 0, 9, wide ? 14 : 0, 0 };
	int used = 0, cols = 0;
	for (int c = 0; c < AC_COUNT; c++) {
		w[c] = fixed[c];
		used += w[c];
		cols += w[c] > 0;
	}
	w[AC_DETAIL] = width - used - cols - 1;
	if (w[AC_DETAIL] < 8)
		w[AC_DETAIL] = 8;
}

/* "2026-11-23T09:00:05Z" -> "2026-11-23 09:00" (UTC, as stored) */
static void short_time(const char *iso, char out[17])
{
	snprintf(out, 17, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
}

static void cells(const struct app *a, const struct audit_row *r, char c[AC_COUNT][160])
{
	char at[17];
	short_time(r->at, at);
	snprintf(c[AC_SEQ], 160, "%lld", (long long)r->seq);
	snprintf(c[AC_AT], 160, "%s", at);
	snprintf(c[AC_EVENT], 160, "%s", audit_event_label(r->event));
	snprintf(c[AC_LOGIN], 160, "%s", r->login);
	snprintf(c[AC_BEHALF], 160, "%s", r->on_behalf);
	snprintf(c[AC_WS], 160, "%s", r->workstation);
	snprintf(c[AC_CASE], 160, "%s", r->case_no[0] ? r->case_no : r->family_id[0]
		? _("(removed)") : "");
	snprintf(c[AC_OBJECT], 160, "%s%s%.8s", r->object_type, r->object_id[0] ? " " : "",
		r->object_id);
	/* Search terms and reasons may name people: not in privacy mode. */
	char detail[sizeof r->detail];
	audit_detail_text(r, detail, sizeof detail);
	snprintf(c[AC_DETAIL], 160, "%.159s", a->privacy && r->detail[0] ? _("(hidden)")
		: detail);
}

static void paint_cells(WINDOW *w, int y, const int cw[AC_COUNT], char c[AC_COUNT][160],
	attr_t at, attr_t event_at)
{
	int x = 2;
	for (int i = 0; i < AC_COUNT; i++) {
		if (!cw[i])
			continue;
		if (i == AC_SEQ)
			draw_text_right(w, y, x, c[i], cw[i], at);
		else
			draw_text(w, y, x, c[i], cw[i], true, i == AC_EVENT ? event_at : at);
		x += cw[i] + 1;
	}
}

static void describe_filters(const struct audit_ui *u, char *out, size_t outsz)
{
	int o = 0;
	out[0] = '\0';
	const char *sep = draw_glyph(DG_SEP);
	if (u->case_no[0])
		o += snprintf(out + o, outsz - (size_t)o, " %s %s %s", sep, _("family"), u->case_no);
	if (u->login[0] && (size_t)o < outsz)
		o += snprintf(out + o, outsz - (size_t)o, " %s %s %s", sep, _("user"), u->login);
	if ((u->since[0] || u->until[0]) && (size_t)o < outsz)
		snprintf(out + o, outsz - (size_t)o, " %s %s..%s", sep, u->since, u->until);
}

static void paint_list(struct app *a, WINDOW *w, int h, int wd)
{
	struct audit_ui *u = a->au;
	char c[AC_COUNT][160];
	int width = wd - 2, cw[AC_COUNT];
	fit(width - 1, cw);
	static const char *const heads[AC_COUNT] = { N_("Row"), N_("Time (UTC)"), N_("Event"),
		N_("User"), N_("On behalf"), N_("Workstation"), N_("Case"), N_("Object"),
		N_("Detail") };
	for (int i = 0; i < AC_COUNT; i++)
		snprintf(c[i], sizeof c[i], "%s", _(heads[i]));
	draw_fill(w, 1, 1, width, draw_attr(DR_HEADER));
	paint_cells(w, 1, cw, c, draw_attr(DR_HEADER), draw_attr(DR_HEADER));
	u->list_h = h - 3;
	clamp(u);
	fetch(a, false);
	if (u->count == 0) {
		draw_text(w, 3, 3, _("No rows of the access log match."), width - 3, false, A_BOLD);
		return;
	}
	for (int y = 0; y < u->list_h && u->top + y < u->count; y++) {
		const struct audit_row *r = row_at(u, u->top + y);
		if (!r)
			break;
		bool sel = u->top + y == u->sel, flagged = audit_row_flagged(r);
		attr_t base = sel ? draw_attr(DR_SELECTED) : A_NORMAL;
		draw_fill(w, y + 2, 1, width, base);
		draw_text(w, y + 2, 1, sel ? draw_glyph(DG_SELECTED) : flagged ? "!" : " ", 1, true,
			base);
		cells(a, r, c);
		paint_cells(w, y + 2, cw, c, base, flagged && !sel ? draw_attr(DR_ERROR) | A_BOLD
			: base);
	}
}

/* One field per line, the detail wrapped over the lines it needs. */
static void paint_detail(struct app *a, WINDOW *w, int h, int wd)
{
	struct audit_ui *u = a->au;
	const struct audit_row *r = row_at(u, u->sel);
	if (!r)
		return;
	char seq[24], c[AC_COUNT][160];
	cells(a, r, c);
	snprintf(seq, sizeof seq, "%lld", (long long)r->seq);
	const char *label[] = { _("Row"), _("Time (UTC)"), _("Event"), _("User"),
		_("On behalf of"), _("Workstation"), _("Family"), _("Object"), _("Object id"),
		_("Detail") };
	const char *val[] = { seq, r->at, audit_event_label(r->event), r->login, r->on_behalf,
		r->workstation, c[AC_CASE], r->object_type, r->object_id, c[AC_DETAIL] };
	int n = (int)(sizeof val / sizeof *val), lw = 0, y = 1 - u->detail_scroll;
	for (int i = 0; i < n; i++)
		if (draw_width(label[i]) > lw)
			lw = draw_width(label[i]);
	int vx = 3 + lw + 2, vw = wd - vx - 2;
	if (audit_row_flagged(r)) {
		if (y >= 1 && y < h - 1)
			draw_text(w, y, 3, _("Break-glass read of a restricted note: review the reason."),
				wd - 5, false, draw_attr(DR_ERROR) | A_BOLD);
		y += 2;
	}
	for (int i = 0; i < n && vw > 4; i++) {
		const char *s = val[i];
		bool first = true;
		do {
			size_t fitb = draw_fit(s, vw);
			if (!fitb && *s)
				fitb = 1;
			if (y >= 1 && y < h - 1) {
				if (first)
					draw_text(w, y, 3, label[i], lw, true, A_BOLD);
				char part[1100];
				snprintf(part, sizeof part, "%.*s", (int)fitb, s);
				draw_text(w, y, vx, part, vw, false, A_NORMAL);
			}
			s += fitb;
			first = false;
			y++;
		} while (*s);
	}
}

void audit_view_paint(struct app *a, WINDOW *w)
{
	struct audit_ui *u = a->au;
	int h, wd;
	getmaxyx(w, h, wd);
	char filters[200], title[400];
	describe_filters(u, filters, sizeof filters);
	snprintf(title, sizeof title, "%s %lld/%lld%s", _("Access log"),
		(long long)(u->count ? u->sel + 1 : 0), (long long)u->count, filters);
	draw_box(w, title, true);
	if (h < 4 || wd < 20)
		return;
	if (u->detail)
		paint_detail(a, w, h, wd);
	else
		paint_list(a, w, h, wd);
}
