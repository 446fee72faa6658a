/* The plan view's versions (agreeing on behalf of named family members and
 * professionals, the diff between the draft and the agreed version) and the forms for
 * the texts, worries (added and changed), evaluations and arrangements (added and
 * changed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "draw.h"

/* ---- agreeing ---- */

static unsigned submit_agree(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	const char *persons[PF_CHOICES], *parties[PF_CHOICES];
	struct plan_agreement ag;
	memset(&ag, 0, sizeof ag);
	ag.person_ids = persons;
	ag.party_ids = parties;
	for (int i = 0; i < f->f[0].n_choices; i++)
		if (f->f[0].picked[i])
			persons[ag.n_persons++] = f->f[0].choice_id[i];
	for (int i = 0; i < f->f[1].n_choices; i++)
		if (f->f[1].picked[i])
			parties[ag.n_parties++] = f->f[1].choice_id[i];
	ag.how = (enum plan_agree_how)f->f[2].choice;
	const char *on = pf_value(a, 3);
	ag.on = *on ? on : NULL;
	struct casus_err err;
	enum casus_rc rc = plan_agree(a->ctx, &a->pv.plan, &ag, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	app_message(a, false, _("Version %d is agreed (%s) and frozen."), a->pv.plan.version,
		plan_agree_how_label(ag.how));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_agree(struct app *a)
{
	struct plan_view *pv = &a->pv;
	if (!pv->has_plan || pv->plan.status != PLAN_DRAFT) {
		app_message(a, true, "%s", pv->has_plan
			? _("This version is agreed already; a change starts a new draft.")
			: _("There is no plan to agree yet."));
		return R_PAINT_MSG;
	}
	struct pv_form *f = pf_begin(a, _("Agree the plan: on behalf of whom, how and when"),
		submit_agree);
	struct pf_field *p = pf_choice(f, _("Family"), true);
	char t[1200], ini[64];
	for (int i = 0; i < pv->d->n_persons; i++) {
		if (a->privacy)
			privacy_initials(pv->d->persons[i].name, ini, sizeof ini);
		snprintf(t, sizeof t, "%s (%s)", a->privacy ? ini : pv->d->persons[i].name,
			pv->d->persons[i].role);
		pf_add_choice(p, t, pv->d->persons[i].id);
	}
	struct pf_field *q = pf_choice(f, _("Others"), true);
	for (int i = 0; i < pv->d->n_parties; i++) {
		snprintf(t, sizeof t, "%s (%s)", pv->d->parties[i].name, pv->d->parties[i].role);
		pf_add_choice(q, t, pv->d->parties[i].id);
	}
	struct pf_field *h = pf_choice(f, _("How"), false);
	for (int i = 0; i < AGREE_HOW_COUNT; i++)
		pf_add_choice(h, plan_agree_how_label((enum plan_agree_how)i), NULL);
	pf_text(f, _("On (empty: today)"), "");
	return pf_open(a);
}

/* ---- the diff ---- */

unsigned pv_toggle_diff(struct app *a)
{
	struct plan_view *pv = &a->pv;
	if (!pv->show_diff && (!pv->in_force || pv->plan.version == pv->in_force)) {
		app_message(a, false, "%s", _("No draft next to the agreed version: nothing to "
			"compare."));
		return R_PAINT_MSG;
	}
	pv->show_diff = !pv->show_diff;
	pv->scroll = 0;
	return R_RELOAD_FAMILY | R_PAINT_FAMILY;
}

static const char *kind_label(enum plan_change_kind k)
{
	switch (k) {
	case CHANGE_SECTION: return _("Text");
	case CHANGE_WORRY: return _("Worry");
	case CHANGE_GOAL: return _("Goal");
	case CHANGE_ACTION: return _("Action");
	case CHANGE_ARRANGEMENT: return _("Arrangement");
	case CHANGE_EVALUATION: return _("Evaluation");
	default: return "?";
	}
}

void pv_paint_diff(struct app *a, struct pv_writer *pw)
{
	const struct plan_diff *d = &a->pv.diff;
	char buf[20000];
	snprintf(buf, sizeof buf, _("Changes from the agreed version %d to draft version %d "
		"(Esc back)"), d->version_a, d->version_b);
	pvw_heading(pw, buf);
	if (d->n == 0)
		pvw_line(pw, 2, _("No changes."), draw_attr(DR_DIM));
	for (size_t i = 0; i < d->n; i++) {
		const struct plan_change *c = &d->changes[i];
		const char *label = a->privacy ? _("(hidden)") : c->label ? c->label : "";
		if (c->op == CHANGE_ADDED)
			snprintf(buf, sizeof buf, "+ %s %s: %s", kind_label(c->kind), _("added"), label);
		else if (c->op == CHANGE_REMOVED)
			snprintf(buf, sizeof buf, "- %s %s: %s", kind_label(c->kind), _("removed"), label);
		else
			snprintf(buf, sizeof buf, "~ %s %s (%s): %s", kind_label(c->kind), _("changed"),
				c->field ? c->field : "", label);
		pvw_wrap(pw, 0, buf, c->op == CHANGE_REMOVED ? draw_attr(DR_FLAG) : A_BOLD);
		if (c->op == CHANGE_CHANGED && !a->privacy) {
			snprintf(buf, sizeof buf, "%s -> %s", c->old_value ? c->old_value : "-",
				c->new_value ? c->new_value : "-");
			pvw_wrap(pw, 4, buf, A_NORMAL);
		}
	}
}

/* ---- the texts and the safety scale ---- */

static unsigned submit_section(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	int s = f->ref_index;
	struct plan p = PLAN_INIT;
	struct casus_err err;
	if (!pv_need_draft(a) || !plan_copy(&p, &a->pv.plan))
		return R_PAINT_MSG;
	bool ok = true;
	if (s == PLAN_SECTION_COUNT) {
		char *end;
		const char *v = pf_value(a, 0);
		p.safety_scale = *v ? (int)strtol(v, &end, 10) : -1;
		ok = !*v || !*end;
	} else {
		ok = plan_set_section(&p, (enum plan_section)s, pf_value(a, 0));
	}
	enum casus_rc rc = ok ? plan_update(a->ctx, &p, &err) : CASUS_E_INVALID;
	if (!ok)
		snprintf(err.msg, sizeof err.msg, "%s", _("The safety scale is a number from 0 to 10."));
	if (rc == CASUS_OK)
		plan_copy(&a->pv.plan, &p);
	plan_clear(&p);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	pv_done(a, -1, _("Saved."));
	return R_RELOAD_FAMILY;
}

unsigned pv_edit_section(struct app *a, int s)
{
	struct plan_view *pv = &a->pv;
	if (a->privacy) {
		app_message(a, true, "%s", _("Free text is hidden in privacy mode; turn it off to "
			"edit."));
		return R_PAINT_MSG;
	}
	const char *text = pv->has_plan && s < PLAN_SECTION_COUNT ? pv->plan.section[s] : "";
	char scale[16] = "";
	if (s == PLAN_SECTION_COUNT && pv->has_plan && pv->plan.safety_scale >= 0)
		snprintf(scale, sizeof scale, "%d", pv->plan.safety_scale);
	struct pv_form *f = pf_begin(a, s == PLAN_SECTION_COUNT ? _("Veiligheidsplan")
		: plan_section_label((enum plan_section)s), submit_section);
	f->ref_index = s;
	f->opener = PFO_SECTION;
	if (s == PLAN_SECTION_COUNT)
		pf_text(f, _("Safety scale (0-10)"), scale);
	else
		pf_long(f, _("Text"), text);
	return pf_open(a);
}

/* ---- zorgen ---- */

/* After pv_need_draft started a new draft from the agreed version, the row being
 * changed is its copy there: find it by derived_from. */
struct copy_find {
	const char *from;
	char id[CASUS_ID_LEN];
	int64_t rev;
};

static int find_worry_copy(void *arg, const struct plan_worry *w)
{
	struct copy_find *c = arg;
	if (strcmp(w->derived_from, c->from) != 0)
		return 0;
	snprintf(c->id, sizeof c->id, "%s", w->id);
	c->rev = w->rev;
	return 1;
}

static int find_arr_copy(void *arg, const struct plan_arrangement *r)
{
	struct copy_find *c = arg;
	if (strcmp(r->derived_from, c->from) != 0)
		return 0;
	snprintf(c->id, sizeof c->id, "%s", r->id);
	c->rev = r->rev;
	return 1;
}

static unsigned submit_worry(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_worry w;
	struct casus_err err;
	bool edit = f->opener == PFO_WORRY_EDIT;
	if (edit)
		w = a->pv.d->worries[f->ref_index];
	else
		memset(&w, 0, sizeof w);
	le_copy(w.who, sizeof w.who, pf_value(a, 0));
	le_copy(w.since, sizeof w.since, pf_value(a, 1));
	le_copy(w.worry, sizeof w.worry, pf_value(a, 2));
	le_copy(w.consequences, sizeof w.consequences, pf_value(a, 3));
	if (!pv_need_draft(a))
		return R_PAINT_MSG;
	if (edit && strcmp(w.plan_id, a->pv.plan.id) != 0) {
		struct copy_find c = { w.id, "", 0 };
		plan_worry_each(a->ctx, a->pv.plan.id, find_worry_copy, &c, &err);
		snprintf(w.id, sizeof w.id, "%s", c.id);
		w.rev = c.rev;
	}
	enum casus_rc rc = edit ? plan_worry_update(a->ctx, &w, &err)
		: plan_worry_add(a->ctx, a->pv.plan.id, &w, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	pv_done(a, edit ? -1 : PI_WORRY, edit ? _("Saved the worry.") : _("Added the worry."));
	return R_RELOAD_FAMILY;
}

static void worry_form(struct app *a, const struct plan_worry *w)
{
	struct pv_form *f = pf_begin(a, w ? _("Change the worry") : _("New worry"), submit_worry);
	f->opener = w ? PFO_WORRY_EDIT : PFO_WORRY_ADD;
	pf_text(f, _("Who worries"), w ? w->who : "");
	pf_text(f, _("Since when"), w ? w->since : "");
	pf_long(f, _("Worry"), w ? w->worry : "");
	pf_long(f, _("Consequences"), w ? w->consequences : "");
}

unsigned pv_add_worry(struct app *a)
{
	worry_form(a, NULL);
	return pf_open(a);
}

unsigned pv_edit_worry(struct app *a, int i)
{
	if (a->privacy) {
		app_message(a, true, "%s", _("Free text is hidden in privacy mode; turn it off to "
			"edit."));
		return R_PAINT_MSG;
	}
	worry_form(a, &a->pv.d->worries[i]);
	a->pv.form.ref_index = i;
	snprintf(a->pv.form.ref_id, sizeof a->pv.form.ref_id, "%s", a->pv.d->worries[i].id);
	return pf_open(a);
}

/* ---- evaluaties ---- */

static unsigned submit_eval_add(struct app *a)
{
	struct plan_eval e;
	struct casus_err err;
	/* While the plan is carried out an evaluation goes on the agreed version. */
	if (a->pv.plan.status != PLAN_AGREED && !pv_need_draft(a))
		return R_PAINT_MSG;
	enum casus_rc rc = plan_eval_add(a->ctx, a->pv.plan.id, pf_value(a, 0), &e, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	char msg[200];
	snprintf(msg, sizeof msg, _("Evaluation planned on %s."), e.planned_on);
	pv_done(a, PI_EVAL, msg);
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_add_eval(struct app *a)
{
	struct pv_form *f = pf_begin(a, _("Plan an evaluation"), submit_eval_add);
	pf_text(f, _("Date (YYYY-MM-DD)"), "");
	return pf_open(a);
}

static unsigned submit_eval_hold(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_eval e = a->pv.d->evals[f->ref_index];
	struct casus_err err;
	const char *next = pf_value(a, 2);
	char held[16];
	le_copy(held, sizeof held, pf_value(a, 0));
	enum casus_rc rc = plan_eval_hold(a->ctx, &e, held, pf_value(a, 1), *next ? next : NULL,
		&err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	app_message(a, false, "%s", _("Evaluation recorded; the next one is planned."));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_edit_eval(struct app *a, int i)
{
	const struct plan_eval *e = &a->pv.d->evals[i];
	if (e->held_on[0]) {
		app_message(a, false, "%s", _("This evaluation was held already."));
		return R_PAINT_MSG;
	}
	struct pv_form *f = pf_begin(a, _("Record the evaluation"), submit_eval_hold);
	f->ref_index = i;
	f->opener = PFO_EVAL_HOLD;
	snprintf(f->ref_id, sizeof f->ref_id, "%s", e->id);
	pf_text(f, _("Held on (YYYY-MM-DD)"), e->planned_on);
	pf_long(f, _("Outcome"), "");
	pf_text(f, _("Next (YYYY-MM-DD)"), "");
	return pf_open(a);
}

/* ---- afspraken ---- */

static unsigned submit_arrangement(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_arrangement r;
	struct casus_err err;
	bool edit = f->opener == PFO_ARR_EDIT;
	if (edit)
		r = a->pv.d->arrs[f->ref_index];
	else
		memset(&r, 0, sizeof r);
	snprintf(r.party_id, sizeof r.party_id, "%s",
		f->f[0].n_choices ? f->f[0].choice_id[f->f[0].choice] : "");
	le_copy(r.organisation, sizeof r.organisation, pf_value(a, 1));
	le_copy(r.body, sizeof r.body, pf_value(a, 2));
	if (!pv_need_draft(a))
		return R_PAINT_MSG;
	if (edit && strcmp(r.plan_id, a->pv.plan.id) != 0) {
		struct copy_find c = { r.id, "", 0 };
		plan_arrangement_each(a->ctx, a->pv.plan.id, find_arr_copy, &c, &err);
		snprintf(r.id, sizeof r.id, "%s", c.id);
		r.rev = c.rev;
	}
	enum casus_rc rc = edit ? plan_arrangement_update(a->ctx, &r, &err)
		: plan_arrangement_add(a->ctx, a->pv.plan.id, &r, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	pv_done(a, edit ? -1 : PI_ARR, edit ? _("Saved the arrangement.")
		: _("Added the arrangement."));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

static void arrangement_form(struct app *a, const struct plan_arrangement *r)
{
	struct pv_form *f = pf_begin(a, r ? _("Change the arrangement")
		: _("New arrangement with an organisation"), submit_arrangement);
	f->opener = r ? PFO_ARR_EDIT : PFO_ARR_ADD;
	struct pf_field *p = pf_choice(f, _("With"), false);
	pf_add_choice(p, _("(nobody in particular)"), "");
	for (int i = 0; i < a->pv.d->n_parties; i++)
		if (a->pv.d->parties[i].professional) {
			pf_add_choice(p, a->pv.d->parties[i].name, a->pv.d->parties[i].id);
			if (r && strcmp(r->party_id, a->pv.d->parties[i].id) == 0)
				p->choice = p->n_choices - 1;
		}
	pf_text(f, _("Organisation"), r ? r->organisation : "");
	pf_long(f, _("Arrangement"), r ? r->body : "");
}

unsigned pv_add_arrangement(struct app *a)
{
	arrangement_form(a, NULL);
	return pf_open(a);
}

unsigned pv_edit_arrangement(struct app *a, int i)
{
	if (a->privacy) {
		app_message(a, true, "%s", _("Free text is hidden in privacy mode; turn it off to "
			"edit."));
		return R_PAINT_MSG;
	}
	arrangement_form(a, &a->pv.d->arrs[i]);
	a->pv.form.ref_index = i;
	snprintf(a->pv.form.ref_id, sizeof a->pv.form.ref_id, "%s", a->pv.d->arrs[i].id);
	return pf_open(a);
}
