/* The family pane (één gezin, één plan): a read-only summary of the opened family, or
 * a preview of the selected row from what the list already shows. Opening goes through
 * family_open(), which writes the 'read' row to the access log; a preview reads
 * nothing new, so it is not logged. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "draw.h"

static int add_member(void *arg, const struct person *p)
{
	struct family_state *fs = arg;
	if (fs->n_members == FAMILY_MEMBERS_MAX) {
		fs->more_members++;
		return 0;
	}
	struct family_member_line *m = &fs->members[fs->n_members++];
	snprintf(m->name, sizeof m->name, "%s %s", p->given_name, p->family_name);
	privacy_initials(m->name, m->initials, sizeof m->initials);
	snprintf(m->role, sizeof m->role, "%s", person_role_label(p->role));
	m->age = person_age(p);
	m->authority = p->authority;
	return 0;
}

/* The family's question in its own words, from the newest plan version (the draft
 * being written, else the agreed one); kept on one line for the summary. */
static void load_hulpvraag(struct app *a)
{
	struct plan p = PLAN_INIT;
	struct casus_err err;
	a->fam.hulpvraag[0] = '\0';
	if (plan_get(a->ctx, a->fam.fam.id, PLAN_LATEST, &p, &err) == CASUS_OK) {
		le_copy(a->fam.hulpvraag, sizeof a->fam.hulpvraag, p.section[PLAN_HULPVRAAG]);
		for (char *c = a->fam.hulpvraag; *c; c++)
			if (*c == '\n' || *c == '\t' || *c == '\r')
				*c = ' ';
	}
	plan_clear(&p);
}

static void load_members(struct app *a)
{
	struct family_state *fs = &a->fam;
	struct casus_err err;
	fs->n_members = fs->more_members = 0;
	if (person_each(a->ctx, fs->fam.id, add_member, fs, &err))
		app_message(a, true, "%s", err.msg);
	privacy_family_mask(a->ctx, fs->fam.id, fs->fam.display_name, fs->masked,
		sizeof fs->masked);
	load_hulpvraag(a);
	esc_pane_load(a);
}

void family_pane_open(struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	struct casus_err err;
	if (!r)
		return;
	list_search_end(a); /* opened from the results of a search being typed */
	if (family_open(a->ctx, r->id, &a->fam.fam, &err)) {
		app_message(a, true, "%s", err.msg);
		a->fam.opened = false;
		return;
	}
	a->fam.opened = true;
	a->fam.scroll = 0;
	load_members(a);
	app_message(a, false, _("Opened %s; the access log records it."), a->fam.fam.case_no);
}

void family_pane_reload(struct app *a)
{
	struct casus_err err;
	if (!a->fam.opened)
		return;
	/* A refresh of what is already open: no new access-log row. */
	if (family_get(a->ctx, a->fam.fam.id, &a->fam.fam, &err)) {
		a->fam.opened = false;
		app_message(a, true, "%s", err.msg);
		return;
	}
	load_members(a);
	plan_view_reload(a);
}

unsigned family_pane_handle(struct app *a, enum action act)
{
	if (plan_view_active(a))
		return plan_view_handle(a, act);
	struct family_state *fs = &a->fam;
	int before = fs->scroll;
	switch (act) {
	case A_DOWN: fs->scroll++; break;
	case A_UP: fs->scroll--; break;
	case A_PAGE_DOWN: fs->scroll += 10; break;
	case A_PAGE_UP: fs->scroll -= 10; break;
	case A_FIRST: fs->scroll = 0; break;
	case A_LAST: fs->scroll = fs->lines; break;
	case A_EDIT_NAME: {
		const struct family_row *r = app_selected_row(a);
		return r ? edit_start_name(a, r->id, NULL) : R_NONE;
	}
	case A_OPEN: return list_handle(a, A_OPEN);
	case A_PLAN: return plan_view_enter(a);
	default: return esc_pane_handle(a, act);
	}
	if (fs->scroll > fs->lines - 1)
		fs->scroll = fs->lines - 1;
	if (fs->scroll < 0)
		fs->scroll = 0;
	return fs->scroll != before ? R_PAINT_FAMILY : R_NONE;
}

/* ---- painting: content is laid out as lines, then drawn from the scroll offset ---- */

struct pane_writer {
	WINDOW *w;
	int y, skip, h, width, label_w;
};

static void put(struct pane_writer *pw, const char *label, const char *value, attr_t attr)
{
	int row = pw->y++;
	if (row < pw->skip || row - pw->skip >= pw->h)
		return;
	int y = row - pw->skip + 1;
	int x = 2, width = pw->width;
	if (label) {
		draw_text(pw->w, y, x, label, pw->label_w, true, A_BOLD);
		x += pw->label_w + 1;
		width -= pw->label_w + 1;
	}
	draw_text(pw->w, y, x, value, width, false, attr);
}

static void flags_line(struct pane_writer *pw, const struct family_flags *fl)
{
	char text[400] = "";
	for (int i = 0; fl && i < FLAG_KIND_COUNT; i++) {
		unsigned f = family_flag_kind(i);
		if (!(fl->bits & f))
			continue;
		size_t n = strlen(text);
		snprintf(text + n, sizeof text - n, "%s%s", n ? "; " : "", family_flag_label(f));
		n = strlen(text);
		if (f == FLAG_MELDCODE)
			snprintf(text + n, sizeof text - n, _(" (step %d)"), fl->meldcode_step);
	}
	put(pw, _("Flags"), text[0] ? text : _("none"), text[0] ? draw_attr(DR_FLAG) : A_NORMAL);
}

/* A free-text field as a quote, wrapped at spaces over at most three lines (the last
 * one clipped with an ellipsis). */
static void put_quote(struct pane_writer *pw, const char *label, const char *text)
{
	char quoted[sizeof ((struct family_state *)0)->hulpvraag + 8], line[sizeof quoted];
	int width = pw->width - pw->label_w - 1;
	if (!*text || width < 4) {
		put(pw, label, *text ? "..." : "-", A_NORMAL);
		return;
	}
	snprintf(quoted, sizeof quoted, "\"%s\"", text);
	const char *rest = quoted;
	for (int i = 0; i < 3 && *rest; i++) {
		size_t n = draw_fit(rest, width);
		if (rest[n] && i < 2) {
			size_t sp = n;
			while (sp > 0 && rest[sp] != ' ')
				sp--;
			n = sp > 0 ? sp : n;
		}
		snprintf(line, sizeof line, "%.*s", (int)n, rest);
		put(pw, i == 0 ? label : "", i < 2 || !rest[n] ? line : rest, A_NORMAL);
		rest += n;
		while (*rest == ' ')
			rest++;
	}
}

static void regie_text(const char *name, const char *login, char *out, size_t outsz)
{
	if (login[0])
		snprintf(out, outsz, "%s (%s)", name, login);
	else
		snprintf(out, outsz, "%s", _("nobody yet"));
}

static void put_preview(struct app *a, struct pane_writer *pw, const struct family_row *r)
{
	char buf[900];
	put(pw, _("Case"), r->case_no, A_NORMAL);
	put(pw, _("Phase"), family_phase_label(r->phase), A_NORMAL);
	regie_text(r->regie_name, r->regie_login, buf, sizeof buf);
	put(pw, _("Regievoerder"), buf, A_NORMAL);
	put(pw, _("Evaluation"), r->next_eval_on[0] ? r->next_eval_on : "-", A_NORMAL);
	flags_line(pw, app_selected_flags(a));
	put(pw, NULL, "", A_NORMAL);
	put(pw, NULL, _("Press Enter to open the dossier; opening is recorded in the access log."),
		draw_attr(DR_DIM));
}

static void put_details(struct app *a, struct pane_writer *pw)
{
	const struct family *f = &a->fam.fam;
	char buf[900];
	put(pw, _("Case"), f->case_no, A_NORMAL);
	put(pw, _("Phase"), family_phase_label(f->phase), A_NORMAL);
	regie_text(f->regie_name, f->regie_login, buf, sizeof buf);
	put(pw, _("Regievoerder"), buf, A_NORMAL);
	snprintf(buf, sizeof buf, "%s %s %s", f->triage ? (char[]){ f->triage, 0 } : "-",
		draw_glyph(DG_SEP), family_framework_name(f->framework));
	put(pw, _("Triage"), buf, A_NORMAL);
	snprintf(buf, sizeof buf, _("%s from %s, registered %s"), f->referral_kind,
		f->referral_source, f->registered_on);
	put(pw, _("Referral"), buf, A_NORMAL);
	/* Free text can name anyone: hidden in privacy mode, the opened family too. */
	if (a->privacy)
		put(pw, _("Hulpvraag"), _("(hidden in privacy mode)"), draw_attr(DR_DIM));
	else
		put_quote(pw, _("Hulpvraag"), a->fam.hulpvraag);
	put(pw, _("First visit"), f->first_visit_on[0] ? f->first_visit_on : _("not yet"),
		A_NORMAL);
	put(pw, _("Evaluation"), f->next_eval_on[0] ? f->next_eval_on : "-", A_NORMAL);
	flags_line(pw, app_selected_flags(a));
	/* Contact details of the opened family only, and not on a shared screen (privacy
	 * mode hides them, as the help says); never a BSN. */
	if (a->privacy) {
		put(pw, _("Address"), _("(hidden in privacy mode)"), draw_attr(DR_DIM));
		put(pw, _("Phone"), _("(hidden in privacy mode)"), draw_attr(DR_DIM));
	} else {
		put(pw, _("Address"), f->address[0] ? f->address : "-", A_NORMAL);
		put(pw, _("Phone"), f->phone[0] ? f->phone : "-", A_NORMAL);
	}
}

static void put_members(struct app *a, struct pane_writer *pw)
{
	const struct family_state *fs = &a->fam;
	char buf[1100];
	put(pw, NULL, "", A_NORMAL);
	snprintf(buf, sizeof buf, _("Members (%d)"), fs->n_members + fs->more_members);
	put(pw, NULL, buf, A_BOLD | A_UNDERLINE);
	if (fs->n_members == 0)
		put(pw, NULL, _("No persons recorded yet."), draw_attr(DR_DIM));
	/* Names get their own column: as wide as the longest, at most half the pane. */
	int w = 0;
	for (int i = 0; i < fs->n_members; i++) {
		int nw = draw_width(a->privacy ? fs->members[i].initials : fs->members[i].name);
		w = nw > w ? nw : w;
	}
	pw->label_w = w > pw->width / 2 ? pw->width / 2 : w;
	for (int i = 0; i < fs->n_members; i++) {
		const struct family_member_line *m = &fs->members[i];
		char age[32];
		if (m->age >= 0)
			snprintf(age, sizeof age, _("%d yr"), m->age);
		else
			snprintf(age, sizeof age, "%s", _("age?"));
		snprintf(buf, sizeof buf, "%s, %s%s", m->role, age,
			m->authority ? _(", gezag") : "");
		put(pw, a->privacy ? m->initials : m->name, buf, A_NORMAL);
	}
	if (fs->more_members) {
		snprintf(buf, sizeof buf, _("and %d more"), fs->more_members);
		put(pw, NULL, buf, draw_attr(DR_DIM));
	}
}

static int label_width(int pane_width)
{
	static const char *const labels[] = { N_("Case"), N_("Phase"), N_("Regievoerder"),
		N_("Triage"), N_("Referral"), N_("Hulpvraag"), N_("First visit"), N_("Evaluation"), N_("Flags"),
		N_("Address"), N_("Phone") };
	int w = 0;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (draw_width(_(labels[i])) > w)
			w = draw_width(_(labels[i]));
	return w > pane_width / 2 ? pane_width / 2 : w;
}

static bool showing_opened(const struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	return a->fam.opened && (!r || strcmp(r->id, a->fam.fam.id) == 0);
}

void family_pane_paint(struct app *a, WINDOW *w)
{
	if (plan_view_active(a)) {
		plan_view_paint(a, w);
		return;
	}
	int h, wd;
	getmaxyx(w, h, wd);
	const struct family_row *r = app_selected_row(a);
	bool opened = showing_opened(a);
	const char *name = opened ? (a->privacy ? a->fam.masked : a->fam.fam.display_name)
		: r ? (a->privacy ? a->list.masked[a->list.sel - a->list.win_off] : r->display_name)
		: "";
	char title[1000];
	snprintf(title, sizeof title, "%s%s%s%s%s", _("Family"), *name ? ": " : "", name,
		opened ? "" : r ? _(" (preview)") : "", a->zoom ? _("  [zoom]") : "");
	draw_box(w, title, a->focus == PANE_FAMILY);
	struct pane_writer pw = { w, 0, a->fam.scroll, h - 2, wd - 4, label_width(wd - 4) };
	if (opened) {
		put_details(a, &pw);
		put_members(a, &pw);
		pw.y = esc_pane_paint(a, w, pw.y, pw.skip, pw.h, pw.width);
	} else if (r) {
		put_preview(a, &pw, r);
	} else {
		put(&pw, NULL, _("No family selected."), draw_attr(DR_DIM));
	}
	a->fam.lines = pw.y;
}
