/* Painting the plan view's sections: version line, Gezin (members, network,
 * professionals, consent), Regie, the family's own texts, zorgen, afspraken,
 * veiligheidsplan and evaluaties. Goals and actions are in view_plan_goals.c.
 * In privacy mode names are initials, birth dates, contact details and free text are
 * hidden (free text can name anyone). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "draw.h"

/* ---- the writer: content as lines, drawn from the scroll offset ---- */

static bool mark_next;

void pvw_line(struct pv_writer *pw, int indent, const char *text, attr_t attr)
{
	int row = pw->y++;
	bool sel = mark_next;
	mark_next = false;
	if (row < pw->skip || row - pw->skip >= pw->h)
		return;
	int y = row - pw->skip + 1;
	if (sel) {
		draw_fill(pw->w, y, 1, pw->width + 2, draw_attr(DR_SELECTED));
		draw_text(pw->w, y, 1, draw_glyph(DG_SELECTED), 1, true, draw_attr(DR_SELECTED));
		attr = draw_attr(DR_SELECTED);
	}
	draw_text(pw->w, y, 2 + indent, text, pw->width - indent, false, attr);
}

/* Text over several lines: its own line breaks kept, long lines wrapped at spaces. */
void pvw_wrap(struct pv_writer *pw, int indent, const char *text, attr_t attr)
{
	char line[1200];
	int width = pw->width - indent;
	if (width < 8)
		width = 8;
	if (!*text)
		return;
	while (*text) {
		size_t len = strcspn(text, "\n");
		size_t n = draw_fit(text, width);
		if (n > len)
			n = len;
		if (n < len) {
			size_t sp = n;
			while (sp > 0 && text[sp] != ' ')
				sp--;
			n = sp > 0 ? sp : n ? n : 1;
		}
		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1),
			text);
		pvw_line(pw, indent, line, attr);
		text += n;
		while (*text == ' ')
			text++;
		if (*text == '\n')
			text++;
	}
}

void pvw_heading(struct pv_writer *pw, const char *text)
{
	pvw_line(pw, 0, "", A_NORMAL);
	pvw_line(pw, 0, text, A_BOLD | A_UNDERLINE);
}

void pvw_item(struct pv_writer *pw, struct plan_view *pv, enum pv_item_kind kind, int index)
{
	if (pv->n_items >= PV_ITEMS)
		return;
	int i = pv->n_items++;
	pv->items[i] = (struct pv_item){ kind, index };
	if (pv->want_kind == (int)kind) {
		const struct pv_data *d = pv->d;
		int last = kind == PI_GOAL ? d->n_goals : kind == PI_ACTION ? d->n_actions
			: kind == PI_EVAL ? d->n_evals : kind == PI_WORRY ? d->n_worries
			: kind == PI_ARR ? d->n_arrs : kind == PI_PERSON ? d->n_persons
		: kind == PI_PARTY ? d->n_parties : 0;
		if (index == (pv->want_index < 0 ? last - 1 : pv->want_index)) {
			pv->want_kind = -1;
			pw->sel = pv->sel = i;
		}
	}
	if (i == pw->sel) {
		pw->sel_line = pw->y;
		mark_next = true;
	}
}

/* ---- the version line ---- */

void pv_paint_header(struct app *a, struct pv_writer *pw)
{
	struct plan_view *pv = &a->pv;
	char buf[1200];
	if (!pv->has_plan) {
		pvw_line(pw, 0, _("No plan yet: add a goal (a) or a section (Enter) to start one."),
			draw_attr(DR_DIM));
		return;
	}
	const struct plan *p = &pv->plan;
	if (p->status == PLAN_DRAFT && pv->in_force)
		snprintf(buf, sizeof buf, _("Version %d: DRAFT (agreed version %d is in force)"),
			p->version, pv->in_force);
	else if (p->status == PLAN_DRAFT)
		snprintf(buf, sizeof buf, _("Version %d: DRAFT, not agreed yet"), p->version);
	else
		snprintf(buf, sizeof buf, _("Version %d: AGREED on %s (%s)"), p->version, p->agreed_on,
			p->agreed_how >= 0 ? plan_agree_how_label((enum plan_agree_how)p->agreed_how) : "?");
	pvw_line(pw, 0, buf, A_BOLD | (p->status == PLAN_DRAFT ? draw_attr(DR_FLAG) : 0));
	struct pv_data *d = pv->d;
	if (pv->in_force && d->n_agreed) {
		int o = snprintf(buf, sizeof buf, _("Agreed by (version %d):"), pv->in_force);
		for (int i = 0; i < d->n_agreed && o > 0 && (size_t)o < sizeof buf; i++) {
			char ini[64];
			if (a->privacy)
				privacy_initials(d->agreed[i], ini, sizeof ini);
			o += snprintf(buf + o, sizeof buf - (size_t)o, "%s %s", i ? "," : "",
				a->privacy ? ini : d->agreed[i]);
		}
		pvw_wrap(pw, 0, buf, A_NORMAL);
	}
}

/* ---- Gezin and Regie ---- */

static void paint_persons(struct app *a, struct pv_writer *pw)
{
	struct pv_data *d = a->pv.d;
	char buf[1400], age[32], ini[64];
	for (int i = 0; i < d->n_persons; i++) {
		const struct person_row_pv *p = &d->persons[i];
		if (p->age >= 0)
			snprintf(age, sizeof age, _("%d yr"), p->age);
		else
			snprintf(age, sizeof age, "%s", _("age?"));
		if (a->privacy)
			privacy_initials(p->name, ini, sizeof ini);
		pvw_item(pw, &a->pv, PI_PERSON, i);
		snprintf(buf, sizeof buf, "%s  %s, %s%s%s%s", a->privacy ? ini : p->name, p->role, age,
			p->authority ? _(", gezag") : "", !a->privacy && p->birth[0] ? _(", born ") : "",
			!a->privacy ? p->birth : "");
		pvw_line(pw, 2, buf, A_NORMAL);
	}
	if (d->n_persons == 0)
		pvw_line(pw, 2, _("No persons recorded yet."), draw_attr(DR_DIM));
}

static void paint_parties(struct app *a, struct pv_writer *pw)
{
	struct pv_data *d = a->pv.d;
	char buf[4000];
	for (int k = 0; k < 2; k++) {
		bool any = false;
		for (int j = 0; j < d->n_parties; j++) {
			const struct party_row_pv *p = &d->parties[j];
			if (p->professional != (k == 1))
				continue;
			if (!any)
				pvw_line(pw, 1, k ? _("Professionals") : _("Network"), A_BOLD);
			any = true;
			char ini[64];
			privacy_initials(p->name, ini, sizeof ini);
			pvw_item(pw, &a->pv, PI_PARTY, j);
			snprintf(buf, sizeof buf, "%s%s%s%s%s%s%s", a->privacy ? ini : p->name,
				p->role[0] ? ", " : "",
				p->role, p->organisation[0] ? " (" : "", p->organisation,
				p->organisation[0] ? ")" : "", "");
			if (p->contact[0]) {
				size_t n = strlen(buf);
				snprintf(buf + n, sizeof buf - n, "  %s", a->privacy
					? _("(contact hidden)") : p->contact);
			}
			pvw_wrap(pw, 2, buf, A_NORMAL);
		}
	}
}

static void paint_consent(struct app *a, struct pv_writer *pw)
{
	struct pv_data *d = a->pv.d;
	bool pros = false;
	for (int j = 0; j < d->n_parties; j++)
		pros |= d->parties[j].professional;
	if (!pros)
		return;
	pvw_line(pw, 1, _("Consent"), A_BOLD);
	if (d->n_consent == 0)
		pvw_line(pw, 2, _("Every member has consent for every professional."), A_NORMAL);
	else if (a->privacy) {
		char buf[200];
		snprintf(buf, sizeof buf, _("%d consents missing (details hidden in privacy mode)"),
			d->n_consent);
		pvw_line(pw, 2, buf, draw_attr(DR_FLAG));
	}
	for (int i = 0; !a->privacy && i < d->n_consent; i++)
		pvw_wrap(pw, 2, d->consent[i], draw_attr(DR_FLAG));
}

void pv_paint_gezin(struct app *a, struct pv_writer *pw)
{
	struct pv_data *d = a->pv.d;
	char buf[1200];
	pvw_heading(pw, _("Gezin"));
	paint_persons(a, pw);
	paint_parties(a, pw);
	paint_consent(a, pw);
	pvw_heading(pw, _("Regie"));
	const struct family *f = &a->fam.fam;
	char ini[64];
	if (a->privacy)
		privacy_initials(f->regie_name, ini, sizeof ini);
	snprintf(buf, sizeof buf, "%s: %s", _("Regievoerder"), !f->regie_login[0] ? _("none yet")
		: a->privacy ? ini : f->regie_name);
	pvw_line(pw, 2, buf, A_NORMAL);
	for (int i = 0; !a->privacy && i < d->n_regie; i++)
		pvw_wrap(pw, 4, d->regie[i], draw_attr(DR_DIM));
}

/* ---- the family's own texts ---- */

static void paint_section(struct app *a, struct pv_writer *pw, enum plan_section s,
	bool quote)
{
	struct plan_view *pv = &a->pv;
	const char *text = pv->has_plan ? pv->plan.section[s] : "";
	pvw_item(pw, pv, PI_SECTION, s);
	pvw_line(pw, 1, plan_section_label(s), A_BOLD);
	if (!*text)
		pvw_line(pw, 2, "-", draw_attr(DR_DIM));
	else if (a->privacy)
		pvw_line(pw, 2, _("(hidden in privacy mode)"), draw_attr(DR_DIM));
	else if (quote) {
		char q[PLAN_SECTION_MAX * 4 + 8];
		snprintf(q, sizeof q, "\"%s\"", text);
		pvw_wrap(pw, 2, q, A_NORMAL);
	} else
		pvw_wrap(pw, 2, text, A_NORMAL);
}

void pv_paint_texts(struct app *a, struct pv_writer *pw)
{
	struct plan_view *pv = &a->pv;
	char buf[1200];
	pvw_heading(pw, _("Aanleiding and hulpvraag"));
	paint_section(a, pw, PLAN_AANLEIDING, false);
	paint_section(a, pw, PLAN_HULPVRAAG, true);
	paint_section(a, pw, PLAN_KRACHTEN, false);
	pvw_heading(pw, _("Zorgen"));
	for (int i = 0; i < pv->d->n_worries; i++) {
		const struct plan_worry *w = &pv->d->worries[i];
		pvw_item(pw, pv, PI_WORRY, i);
		snprintf(buf, sizeof buf, _("%s, %s:"), a->privacy ? _("(hidden)") : w->who, w->since);
		pvw_line(pw, 2, buf, A_BOLD);
		pvw_wrap(pw, 4, a->privacy ? _("(hidden in privacy mode)") : w->worry, A_NORMAL);
	}
	if (pv->d->n_worries == 0)
		pvw_line(pw, 2, _("No worries recorded (W adds one)."), draw_attr(DR_DIM));
	paint_section(a, pw, PLAN_EERDERE_HULP, false);
}

/* ---- afspraken, veiligheidsplan, evaluaties ---- */

static void paint_arrangements(struct app *a, struct pv_writer *pw)
{
	struct plan_view *pv = &a->pv;
	char buf[5000];
	pvw_heading(pw, _("Afspraken"));
	for (int i = 0; i < pv->d->n_arrs; i++) {
		const struct plan_arrangement *r = &pv->d->arrs[i];
		pvw_item(pw, pv, PI_ARR, i);
		snprintf(buf, sizeof buf, "%s%s%s: %s", r->organisation, r->party_name[0] ? ", " : "",
			a->privacy ? "" : r->party_name, a->privacy ? _("(hidden)") : r->body);
		pvw_wrap(pw, 2, buf, A_NORMAL);
	}
	if (pv->d->n_arrs == 0)
		pvw_line(pw, 2, _("No arrangements with organisations (O adds one)."),
			draw_attr(DR_DIM));
}

static void paint_safety(struct app *a, struct pv_writer *pw)
{
	struct plan_view *pv = &a->pv;
	char buf[200];
	pvw_heading(pw, _("Veiligheidsplan"));
	if (pv->has_plan && pv->plan.safety_scale >= 0)
		snprintf(buf, sizeof buf, _("Safety scale: %d of 10"), pv->plan.safety_scale);
	else
		snprintf(buf, sizeof buf, "%s", _("Safety scale: not scored"));
	pvw_item(pw, pv, PI_SECTION, PLAN_SECTION_COUNT);
	pvw_line(pw, 2, buf, A_NORMAL);
	for (int s = PLAN_SAFETY_WORRIES; s <= PLAN_SAFETY_AGREEMENTS; s++)
		paint_section(a, pw, (enum plan_section)s, false);
}

static void paint_evals(struct app *a, struct pv_writer *pw)
{
	struct plan_view *pv = &a->pv;
	char buf[400];
	pvw_heading(pw, _("Evaluaties"));
	for (int i = 0; i < pv->d->n_evals; i++) {
		const struct plan_eval *e = &pv->d->evals[i];
		pvw_item(pw, pv, PI_EVAL, i);
		if (e->held_on[0])
			snprintf(buf, sizeof buf, _("%s: held on %s; next %s"), e->planned_on, e->held_on,
				e->next_on[0] ? e->next_on : "-");
		else
			snprintf(buf, sizeof buf, _("%s: planned"), e->planned_on);
		pvw_line(pw, 2, buf, A_NORMAL);
		if (e->held_on[0] && e->outcome[0])
			pvw_wrap(pw, 4, a->privacy ? _("(hidden in privacy mode)") : e->outcome, A_NORMAL);
	}
	if (pv->d->n_evals == 0)
		pvw_line(pw, 2, _("No evaluation planned (v plans one)."), draw_attr(DR_FLAG));
}

void pv_paint_rest(struct app *a, struct pv_writer *pw)
{
	paint_arrangements(a, pw);
	paint_safety(a, pw);
	paint_evals(a, pw);
}
