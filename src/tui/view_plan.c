/* The plan view (see view_plan.h): state, loading from core, and the keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/consent.h"
#include "casus/i18n.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/regie.h"
#include "draw.h"

/* Shown while the opened family is the selected one (a preview of another family in
 * the list shows the family pane as usual). */
bool plan_view_active(const struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	return a->pv.active && a->fam.opened && strcmp(a->pv.family_id, a->fam.fam.id) == 0
		&& (!r || strcmp(r->id, a->fam.fam.id) == 0);
}

void pv_error(struct app *a, const struct casus_err *err, enum casus_rc rc)
{
	if (rc == CASUS_E_CONFLICT)
		app_message(a, true, "%s %s", err->msg, _("Your text is kept in the form."));
	else
		app_message(a, true, "%s", err->msg);
}

/* ---- loading ---- */

#define COLLECT(fn_name, type, arr, n, max)                                    \
	static int fn_name(void *arg, const type *row)                         \
	{                                                                      \
		struct pv_data *d = arg;                                       \
		if (d->n >= (max))                                             \
			return 1;                                              \
		d->arr[d->n++] = *row;                                         \
		return 0;                                                      \
	}
COLLECT(add_goal, struct plan_goal, goals, n_goals, PV_GOALS)
COLLECT(add_action, struct plan_action, actions, n_actions, PV_ACTIONS)
COLLECT(add_eval, struct plan_eval, evals, n_evals, PV_EVALS)
COLLECT(add_worry, struct plan_worry, worries, n_worries, PV_WORRIES)
COLLECT(add_arr, struct plan_arrangement, arrs, n_arrs, PV_ARRS)

static int add_person(void *arg, const struct person *p)
{
	struct pv_data *d = arg;
	if (d->n_persons >= PV_PERSONS)
		return 1;
	struct person_row_pv *r = &d->persons[d->n_persons++];
	snprintf(r->id, sizeof r->id, "%s", p->id);
	snprintf(r->name, sizeof r->name, "%s %s", p->given_name, p->family_name);
	snprintf(r->role, sizeof r->role, "%s", person_role_label(p->role));
	snprintf(r->birth, sizeof r->birth, "%s", p->birth_date);
	r->age = person_age(p);
	r->authority = p->authority;
	return 0;
}

static int add_party(void *arg, const struct party *p)
{
	struct pv_data *d = arg;
	if (!p->active || d->n_parties >= PV_PARTIES)
		return 0;
	struct party_row_pv *r = &d->parties[d->n_parties++];
	snprintf(r->id, sizeof r->id, "%s", p->id);
	r->professional = p->kind == PARTY_PROFESSIONAL;
	snprintf(r->name, sizeof r->name, "%s", p->name);
	snprintf(r->organisation, sizeof r->organisation, "%s", p->organisation);
	snprintf(r->role, sizeof r->role, "%s", p->role);
	snprintf(r->contact, sizeof r->contact, "%s", p->contact);
	return 0;
}

static int add_regie(void *arg, const struct regie_row *row)
{
	struct pv_data *d = arg;
	if (d->n_regie >= PV_LINES)
		return 1;
	snprintf(d->regie[d->n_regie++], sizeof d->regie[0], "%.10s - %.10s  %.80s%s%.200s",
		row->started_at, row->ended_at[0] ? row->ended_at : _("now"), row->member_name,
		row->reason[0] ? ": " : "", row->reason);
	return 0;
}

static int add_agreed(void *arg, const struct plan_consenter *c)
{
	struct pv_data *d = arg;
	if (d->n_agreed >= PV_LINES)
		return 1;
	snprintf(d->agreed[d->n_agreed++], sizeof d->agreed[0], "%.200s (%.150s)", c->name,
		c->role);
	return 0;
}

/* Consent: every member for every professional; a line for each pair without it. */
static void load_consent(struct app *a, struct pv_data *d)
{
	d->n_consent = 0;
	for (int j = 0; j < d->n_parties; j++) {
		if (!d->parties[j].professional)
			continue;
		for (int i = 0; i < d->n_persons && d->n_consent < PV_LINES; i++) {
			struct consent_status st;
			struct casus_err err;
			if (consent_check(a->ctx, d->persons[i].id, d->parties[j].id, &st, &err))
				continue;
			if (st.valid)
				continue;
			snprintf(d->consent[d->n_consent++], sizeof d->consent[0],
				_("%s -> %s: no consent (%s; %s)"), d->persons[i].name,
				d->parties[j].name, consent_band_label(st.band),
				st.need_parent && st.need_self ? _("child and a parent must agree")
				: st.need_parent ? _("a parent with gezag must agree")
				: _("their own consent is needed"));
		}
	}
}

static void load_rows(struct app *a, struct pv_data *d)
{
	struct casus_err err;
	const char *fid = a->fam.fam.id;
	person_each(a->ctx, fid, add_person, d, &err);
	party_each(a->ctx, fid, add_party, d, &err);
	regie_history(a->ctx, fid, add_regie, d, &err);
	load_consent(a, d);
	if (!a->pv.has_plan)
		return;
	const char *pid = a->pv.plan.id;
	plan_goal_each(a->ctx, pid, add_goal, d, &err);
	plan_action_each(a->ctx, pid, add_action, d, &err);
	plan_eval_each(a->ctx, pid, add_eval, d, &err);
	plan_worry_each(a->ctx, pid, add_worry, d, &err);
	plan_arrangement_each(a->ctx, pid, add_arr, d, &err);
	struct plan in_force = PLAN_INIT;
	if (plan_get(a->ctx, fid, PLAN_IN_FORCE, &in_force, &err) == CASUS_OK) {
		a->pv.in_force = in_force.version;
		plan_agreed_each(a->ctx, in_force.id, add_agreed, d, &err);
	}
	plan_clear(&in_force);
}

void plan_view_reload(struct app *a)
{
	struct plan_view *pv = &a->pv;
	struct casus_err err;
	if (!pv->active || !a->fam.opened || strcmp(pv->family_id, a->fam.fam.id) != 0)
		return;
	if (!pv->d && !(pv->d = malloc(sizeof *pv->d))) {
		app_message(a, true, "%s", _("Out of memory."));
		pv->active = false;
		return;
	}
	pv->d->n_goals = pv->d->n_actions = pv->d->n_evals = pv->d->n_worries = 0;
	pv->d->n_arrs = pv->d->n_persons = pv->d->n_parties = 0;
	pv->d->n_regie = pv->d->n_agreed = pv->d->n_consent = 0;
	pv->in_force = 0;
	/* Entering the view is opening the plan (an access-log row); reloads are not. */
	enum casus_rc rc = pv->opening
		? plan_open(a->ctx, a->fam.fam.id, PLAN_LATEST, &pv->plan, &err)
		: plan_get(a->ctx, a->fam.fam.id, PLAN_LATEST, &pv->plan, &err);
	pv->opening = false;
	pv->has_plan = rc == CASUS_OK;
	if (rc && rc != CASUS_E_NOTFOUND)
		app_message(a, true, "%s", err.msg);
	load_rows(a, pv->d);
	plan_diff_free(&pv->diff);
	memset(&pv->diff, 0, sizeof pv->diff);
	if (pv->show_diff && pv->in_force && pv->plan.version != pv->in_force
	    && plan_diff(a->ctx, a->fam.fam.id, PLAN_IN_FORCE, PLAN_LATEST, &pv->diff, &err))
		app_message(a, true, "%s", err.msg);
	pv->loaded = true;
}

void plan_view_free(struct app *a)
{
	/* Memory only: a draft kept at a hang-up must outlive the form. */
	for (int i = 0; i < PF_FIELDS; i++) {
		free(a->pv.form.f[i].ml);
		a->pv.form.f[i].ml = NULL;
	}
	plan_clear(&a->pv.plan);
	plan_diff_free(&a->pv.diff);
	free(a->pv.d);
	a->pv.d = NULL;
}

unsigned plan_view_enter(struct app *a)
{
	const struct family_row *r = app_selected_row(a);
	if (r && (!a->fam.opened || strcmp(r->id, a->fam.fam.id) != 0))
		family_pane_open(a);
	if (!a->fam.opened)
		return R_PAINT_MSG;
	a->pv.active = true;
	snprintf(a->pv.family_id, sizeof a->pv.family_id, "%s", a->fam.fam.id);
	a->pv.show_diff = false;
	a->pv.sel = a->pv.scroll = 0;
	/* Start on the family's own texts, below the members and parties. */
	a->pv.want_kind = PI_SECTION;
	a->pv.want_index = PLAN_AANLEIDING;
	a->pv.pinned = true; /* ... with the top of the plan in view until the cursor moves */
	a->pv.opening = true;
	plan_view_reload(a);
	a->focus = PANE_FAMILY;
	return R_LAYOUT | R_PAINT_ALL;
}

bool pv_need_draft(struct app *a)
{
	struct casus_err err;
	bool created = false;
	struct plan_view *pv = &a->pv;
	if (pv->has_plan && pv->plan.status == PLAN_DRAFT)
		return true;
	enum casus_rc rc = plan_draft(a->ctx, a->fam.fam.id, &pv->plan, &created, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return false;
	}
	pv->has_plan = true;
	if (created && pv->plan.version > 1)
		snprintf(pv->note, sizeof pv->note, _("Started draft version %d from the agreed "
			"version %d."), pv->plan.version, pv->in_force);
	else if (created)
		snprintf(pv->note, sizeof pv->note, "%s", _("Started the plan (version 1, draft)."));
	return true;
}

void pv_done(struct app *a, int kind, const char *msg)
{
	struct plan_view *pv = &a->pv;
	app_message(a, false, "%s%s%s", msg, pv->note[0] ? " " : "", pv->note);
	pv->note[0] = '\0';
	pv->want_kind = kind;
	pv->pinned = false;
	pv->want_index = -1;
}

/* ---- keys ---- */

static unsigned edit_selected(struct app *a)
{
	struct plan_view *pv = &a->pv;
	if (pv->show_diff || pv->n_items == 0)
		return R_NONE;
	const struct pv_item *it = &pv->items[pv->sel];
	switch (it->kind) {
	case PI_SECTION: return pv_edit_section(a, it->index);
	case PI_GOAL: return pv_edit_goal(a, it->index);
	case PI_ACTION: return pv_edit_action(a, it->index);
	case PI_EVAL: return pv_edit_eval(a, it->index);
	case PI_WORRY: return pv_edit_worry(a, it->index);
	case PI_PERSON: return pv_edit_person(a, it->index);
	case PI_PARTY: return pv_edit_party(a, it->index);
	case PI_ARR: return pv_edit_arrangement(a, it->index);
	default:
		app_message(a, false, "%s", _("This item cannot be changed here."));
		return R_PAINT_MSG;
	}
}

static unsigned consent_selected(struct app *a)
{
	struct plan_view *pv = &a->pv;
	if (pv->show_diff || pv->n_items == 0 || pv->items[pv->sel].kind != PI_PERSON) {
		app_message(a, true, "%s", _("Select a member of the family (under Gezin) to record "
			"consent."));
		return R_PAINT_MSG;
	}
	return pv_consent(a, pv->items[pv->sel].index);
}

static unsigned bsn_selected(struct app *a)
{
	struct plan_view *pv = &a->pv;
	if (pv->show_diff || pv->n_items == 0 || pv->items[pv->sel].kind != PI_PERSON) {
		app_message(a, true, "%s", _("Select a member of the family (under Gezin) to see "
			"their BSN."));
		return R_PAINT_MSG;
	}
	return pv_reveal_bsn(a, pv->items[pv->sel].index);
}

static unsigned move_sel(struct app *a, int to)
{
	struct plan_view *pv = &a->pv;
	if (pv->show_diff) {
		pv->scroll = to < pv->sel ? pv->scroll - 1 : pv->scroll + 1;
		if (pv->scroll < 0)
			pv->scroll = 0;
		return R_PAINT_FAMILY;
	}
	pv->pinned = false;
	if (to >= pv->n_items)
		to = pv->n_items - 1;
	if (to < 0)
		to = 0;
	pv->sel = to;
	return R_PAINT_FAMILY;
}

unsigned plan_view_handle(struct app *a, int act)
{
	struct plan_view *pv = &a->pv;
	switch ((enum action)act) {
	case A_DOWN: return move_sel(a, pv->sel + 1);
	case A_UP: return move_sel(a, pv->sel - 1);
	case A_PAGE_DOWN: return move_sel(a, pv->sel + 5);
	case A_PAGE_UP: return move_sel(a, pv->sel - 5);
	case A_FIRST: pv->scroll = 0; return move_sel(a, 0);
	case A_LAST: return move_sel(a, pv->n_items - 1);
	case A_PLAN: case A_BACK:
		if (pv->show_diff) {
			pv->show_diff = false;
			return R_PAINT_FAMILY;
		}
		pv->active = false;
		return R_PAINT_FAMILY | R_PAINT_STATUS;
	case A_PLAN_EDIT: return edit_selected(a);
	case A_PLAN_EDITOR: return pv_external_editor(a);
	case A_PLAN_ADD_GOAL: return pv_add_goal(a);
	case A_PLAN_ADD_ACTION: return pv_add_action(a);
	case A_PLAN_ADD_WORRY: return pv_add_worry(a);
	case A_PLAN_ADD_EVAL: return pv_add_eval(a);
	case A_PLAN_ADD_ARRANGEMENT: return pv_add_arrangement(a);
	case A_PLAN_AGREE: return pv_agree(a);
	case A_PLAN_DIFF: return pv_toggle_diff(a);
	case A_PLAN_PHASE: return pv_phase(a);
	case A_PLAN_HANDOVER: return pv_handover(a);
	case A_PLAN_EXPORT: return pv_export(a);
	case A_PLAN_ADD_PERSON: return pv_add_person(a);
	case A_PLAN_ADD_PARTY: return pv_add_party(a);
	case A_PLAN_CONSENT: return consent_selected(a);
	case A_PLAN_BSN: return bsn_selected(a);
	case A_PLAN_DISCARD: return pv_discard_draft(a);
	default: return R_UNHANDLED;
	}
}

/* ---- painting ---- */

static void paint_pass(struct app *a, WINDOW *w, int h, int wd)
{
	struct plan_view *pv = &a->pv;
	struct pv_writer pw = { w, 0, pv->scroll, h - 2, wd - 4, -1, pv->sel, -1 };
	pv->n_items = 0;
	pv_paint_header(a, &pw);
	if (pv->show_diff) {
		pv_paint_diff(a, &pw);
	} else {
		pv_paint_gezin(a, &pw);
		pv_paint_texts(a, &pw);
		pv_paint_goals(a, &pw);
		pv_paint_actions(a, &pw);
		pv_paint_rest(a, &pw);
	}
	pv->lines = pw.y;
	pv->sel_line = pw.sel_line;
}

void plan_view_paint(struct app *a, WINDOW *w)
{
	struct plan_view *pv = &a->pv;
	int h, wd;
	getmaxyx(w, h, wd);
	char title[1200];
	char ver[200];
	snprintf(ver, sizeof ver, " (%s)", family_phase_label(a->fam.fam.phase));
	if (pv->has_plan && pv->plan.status == PLAN_DRAFT)
		snprintf(ver, sizeof ver, _(" (%s; version %d, draft)"),
			family_phase_label(a->fam.fam.phase), pv->plan.version);
	else if (pv->has_plan)
		snprintf(ver, sizeof ver, _(" (%s; version %d, agreed)"),
			family_phase_label(a->fam.fam.phase), pv->plan.version);
	snprintf(title, sizeof title, "%s: %s%s%s", _("Plan"),
		a->privacy ? a->fam.masked : a->fam.fam.display_name, ver, a->zoom ? _("  [zoom]") : "");
	draw_box(w, title, a->focus == PANE_FAMILY);
	if (pv->form.active) {
		pf_paint(a, w);
		return;
	}
	int sel_before = pv->sel;
	paint_pass(a, w, h, wd);
	if (pv->sel != sel_before) {
		/* The item asked for (want_kind) was found below the old selection. */
		werase(w);
		draw_box(w, title, a->focus == PANE_FAMILY);
		paint_pass(a, w, h, wd);
	}
	if (!pv->show_diff && pv->sel >= pv->n_items)
		pv->sel = pv->n_items ? pv->n_items - 1 : 0;
	/* Keep the selected item on screen (with a line of context above it). */
	int view = h - 2;
	if (!pv->show_diff && pv->sel_line >= 0
	    && (pv->sel_line < pv->scroll || pv->sel_line >= pv->scroll + view - 1)) {
		pv->scroll = pv->sel_line < pv->scroll ? pv->sel_line - 1 : pv->sel_line - view + 3;
		if (pv->scroll < 0 || pv->sel == 0 || pv->pinned)
			pv->scroll = 0;
		werase(w);
		draw_box(w, title, a->focus == PANE_FAMILY);
		paint_pass(a, w, h, wd);
	}
	if (pv->show_diff && pv->scroll > pv->lines - 1)
		pv->scroll = pv->lines > 0 ? pv->lines - 1 : 0;
}
