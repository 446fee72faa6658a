/* The plan view's goals (per leefgebied, with a 0-10 scale bar) and actions (owner,
 * due date, status; overdue ones stand out): painting and the forms to add and
 * change them. Core checks every value; its message is shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "draw.h"

/* "[##########-----|---]": filled up to now (or start), '|' at the target. */
void pv_scale_bar(const struct plan_goal *g, char *out, size_t outsz)
{
	char bar[24];
	int now = g->scale_now >= 0 ? g->scale_now : g->scale_start;
	for (int i = 0; i <= 10; i++)
		bar[i] = i == g->scale_target ? '|' : now >= 0 && i <= now ? '#' : '-';
	bar[11] = '\0';
	char s[3][16];
	const int v[3] = { g->scale_start, g->scale_now, g->scale_target };
	for (int i = 0; i < 3; i++)
		snprintf(s[i], sizeof s[i], v[i] >= 0 ? "%d" : "-", v[i]);
	snprintf(out, outsz, _("[%s] start %s  now %s  target %s"), bar, s[0], s[1], s[2]);
}

struct lg_list {
	char names[32][401];
	int n;
};

static void add_lg(void *arg, const char *name)
{
	struct lg_list *l = arg;
	if (l->n < 32)
		snprintf(l->names[l->n++], sizeof l->names[0], "%s", name);
}

static void paint_goal(struct app *a, struct pv_writer *pw, int i)
{
	struct plan_view *pv = &a->pv;
	const struct plan_goal *g = &pv->d->goals[i];
	char buf[9000];
	pvw_item(pw, pv, PI_GOAL, i);
	snprintf(buf, sizeof buf, "%d. %s", i + 1, a->privacy ? _("(hidden in privacy mode)")
		: g->body);
	pvw_wrap(pw, 2, buf, A_NORMAL);
	pv_scale_bar(g, buf, sizeof buf);
	if (g->status != GOAL_OPEN) {
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, "  %s", goal_status_label(g->status));
	}
	pvw_line(pw, 5, buf, g->status == GOAL_REACHED ? A_BOLD : A_NORMAL);
	if (g->status != GOAL_OPEN && g->reason[0] && !a->privacy) {
		snprintf(buf, sizeof buf, _("Reason: %s"), g->reason);
		pvw_wrap(pw, 5, buf, draw_attr(DR_DIM));
	}
}

void pv_paint_goals(struct app *a, struct pv_writer *pw)
{
	struct plan_view *pv = &a->pv;
	struct lg_list lg = { .n = 0 };
	plan_leefgebied_each(a->ctx, add_lg, &lg);
	pvw_heading(pw, _("Doelen"));
	bool shown[PV_GOALS] = { false };
	for (int k = 0; k <= lg.n; k++) {
		bool head = false;
		for (int i = 0; i < pv->d->n_goals; i++) {
			const char *l = pv->d->goals[i].leefgebied;
			bool known = false;
			for (int j = 0; j < lg.n && !known; j++)
				known = strcmp(lg.names[j], l) == 0;
			if (shown[i] || (k < lg.n ? strcmp(lg.names[k], l) != 0 : known))
				continue;
			if (!head)
				pvw_line(pw, 1, k < lg.n ? lg.names[k] : l, A_BOLD);
			head = true;
			shown[i] = true;
			paint_goal(a, pw, i);
		}
	}
	if (pv->d->n_goals == 0)
		pvw_line(pw, 2, _("No goals yet (a adds one)."), draw_attr(DR_DIM));
}

void pv_paint_actions(struct app *a, struct pv_writer *pw)
{
	struct plan_view *pv = &a->pv;
	char buf[6000], ini[64];
	pvw_heading(pw, _("Acties"));
	for (int i = 0; i < pv->d->n_actions; i++) {
		const struct plan_action *x = &pv->d->actions[i];
		pvw_item(pw, pv, PI_ACTION, i);
		if (a->privacy)
			privacy_initials(x->owner_name, ini, sizeof ini);
		snprintf(buf, sizeof buf, "%s %s", x->overdue ? "!" : "-",
			a->privacy ? _("(hidden in privacy mode)") : x->body);
		pvw_wrap(pw, 2, buf, x->overdue ? draw_attr(DR_FLAG) | A_BOLD : A_NORMAL);
		snprintf(buf, sizeof buf, _("%s (%s), due %s, %s%s"), a->privacy ? ini : x->owner_name,
			plan_owner_kind_label(x->owner_kind), x->due_on[0] ? x->due_on : "-",
			action_status_label(x->status), x->overdue ? _(", OVERDUE") : "");
		pvw_line(pw, 4, buf, x->overdue ? draw_attr(DR_FLAG) | A_BOLD : draw_attr(DR_DIM));
	}
	if (pv->d->n_actions == 0)
		pvw_line(pw, 2, _("No actions yet (A adds one)."), draw_attr(DR_DIM));
}

/* ---- forms ---- */

static bool parse_scale(struct app *a, const char *s, int *out)
{
	char *end;
	while (*s == ' ')
		s++;
	if (!*s) {
		*out = PLAN_SCALE_UNSET;
		return true;
	}
	long v = strtol(s, &end, 10);
	if (*end || end == s) {
		app_message(a, true, _("A scale is a number from 0 to 10: \"%s\""), s);
		return false;
	}
	*out = (int)v;
	return true;
}

static unsigned submit_goal_add(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_goal g;
	struct casus_err err;
	memset(&g, 0, sizeof g);
	le_copy(g.leefgebied, sizeof g.leefgebied, f->f[0].choice_text[f->f[0].choice]);
	le_copy(g.body, sizeof g.body, pf_value(a, 1));
	g.scale_now = PLAN_SCALE_UNSET;
	if (!parse_scale(a, pf_value(a, 2), &g.scale_start)
	    || !parse_scale(a, pf_value(a, 3), &g.scale_target) || !pv_need_draft(a))
		return R_PAINT_MSG;
	g.scale_now = g.scale_start;
	g.status = GOAL_OPEN;
	enum casus_rc rc = plan_goal_add(a->ctx, a->pv.plan.id, &g, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	char msg[600];
	snprintf(msg, sizeof msg, _("Added the goal under %s."), g.leefgebied);
	pv_done(a, PI_GOAL, msg);
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_add_goal(struct app *a)
{
	struct lg_list lg = { .n = 0 };
	plan_leefgebied_each(a->ctx, add_lg, &lg);
	struct pv_form *f = pf_begin(a, _("New goal (in the family's words)"), submit_goal_add);
	struct pf_field *c = pf_choice(f, _("Leefgebied"), false);
	for (int i = 0; i < lg.n; i++)
		pf_add_choice(c, lg.names[i], NULL);
	f->opener = PFO_GOAL_ADD;
	pf_long(f, _("Goal"), "");
	pf_text(f, _("Scale now (0-10)"), "");
	pf_text(f, _("Target (0-10)"), "");
	return pf_open(a);
}

static unsigned submit_goal_edit(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_goal g;
	struct casus_err err;
	enum casus_rc rc = plan_goal_get(a->ctx, f->ref_id, &g, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	g.rev = a->pv.d->goals[f->ref_index].rev; /* as read when the form opened */
	bool draft = a->pv.plan.status == PLAN_DRAFT;
	int i = 0;
	if (draft)
		le_copy(g.body, sizeof g.body, pf_value(a, i++));
	if ((draft && !parse_scale(a, pf_value(a, i++), &g.scale_start))
	    || !parse_scale(a, pf_value(a, i++), &g.scale_now)
	    || (draft && !parse_scale(a, pf_value(a, i++), &g.scale_target)))
		return R_PAINT_MSG;
	g.status = (enum goal_status)f->f[i++].choice;
	le_copy(g.reason, sizeof g.reason, pf_value(a, i));
	rc = plan_goal_update(a->ctx, &g, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	pv_done(a, -1, _("Saved the goal."));
	return R_RELOAD_FAMILY;
}

static void scale_field(struct pv_form *f, const char *label, int v)
{
	char s[16] = "";
	if (v >= 0)
		snprintf(s, sizeof s, "%d", v);
	pf_text(f, label, s);
}

unsigned pv_edit_goal(struct app *a, int i)
{
	const struct plan_goal *g = &a->pv.d->goals[i];
	bool draft = a->pv.plan.status == PLAN_DRAFT;
	if (a->privacy) {
		app_message(a, true, "%s", _("Free text is hidden in privacy mode; turn it off to "
			"edit."));
		return R_PAINT_MSG;
	}
	struct pv_form *f = pf_begin(a, draft ? _("Change the goal")
		: _("Progress on the goal (agreed version)"), submit_goal_edit);
	snprintf(f->ref_id, sizeof f->ref_id, "%s", g->id);
	f->ref_index = i;
	f->opener = PFO_GOAL_EDIT;
	if (draft)
		pf_long(f, _("Goal"), g->body);
	if (draft)
		scale_field(f, _("Start"), g->scale_start);
	scale_field(f, _("Now"), g->scale_now);
	if (draft)
		scale_field(f, _("Target"), g->scale_target);
	struct pf_field *st = pf_choice(f, _("Status"), false);
	for (int k = 0; k < GOAL_STATUS_COUNT; k++)
		pf_add_choice(st, goal_status_label((enum goal_status)k), NULL);
	st->choice = (int)g->status;
	pf_long(f, _("Reason"), g->reason);
	return pf_open(a);
}

/* ---- actions ---- */

static int add_member_choice(void *arg, const struct member *m)
{
	char t[1000];
	snprintf(t, sizeof t, "%s (%s)", m->name, _("team"));
	char id[80];
	snprintf(id, sizeof id, "m:%s", m->login);
	pf_add_choice(arg, t, id);
	return 0;
}

static void owner_choices(struct app *a, struct pf_field *c)
{
	struct pv_data *d = a->pv.d;
	char t[1200], id[80], ini[64];
	for (int i = 0; i < d->n_persons; i++) {
		if (a->privacy)
			privacy_initials(d->persons[i].name, ini, sizeof ini);
		snprintf(t, sizeof t, "%s (%s)", a->privacy ? ini : d->persons[i].name,
			d->persons[i].role);
		snprintf(id, sizeof id, "p:%s", d->persons[i].id);
		pf_add_choice(c, t, id);
	}
	for (int i = 0; i < d->n_parties; i++) {
		if (a->privacy)
			privacy_initials(d->parties[i].name, ini, sizeof ini);
		snprintf(t, sizeof t, "%s (%s)", a->privacy ? ini : d->parties[i].name,
			d->parties[i].role);
		snprintf(id, sizeof id, "%c:%s", d->parties[i].professional ? 'r' : 'n',
			d->parties[i].id);
		pf_add_choice(c, t, id);
	}
	struct casus_err err;
	member_each(a->ctx, false, add_member_choice, c, &err);
}

static unsigned submit_action_add(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_action x;
	struct casus_err err;
	memset(&x, 0, sizeof x);
	le_copy(x.body, sizeof x.body, pf_value(a, 0));
	const char *id = f->f[1].n_choices ? f->f[1].choice_id[f->f[1].choice] : "p:";
	x.owner_kind = id[0] == 'p' ? OWNER_PERSON : id[0] == 'n' ? OWNER_NETWORK
		: id[0] == 'r' ? OWNER_PROFESSIONAL : OWNER_MEMBER;
	snprintf(x.owner_id, sizeof x.owner_id, "%s", id + 2);
	le_copy(x.due_on, sizeof x.due_on, pf_value(a, 2));
	int gi = f->f[3].choice - 1;
	if (gi >= 0 && gi < a->pv.d->n_goals)
		snprintf(x.goal_id, sizeof x.goal_id, "%s", a->pv.d->goals[gi].id);
	x.status = ACTION_OPEN;
	if (!pv_need_draft(a))
		return R_PAINT_MSG;
	/* A new draft copies the goals with new ids: tie the action to the copy. */
	if (gi >= 0 && strcmp(a->pv.d->goals[gi].plan_id, a->pv.plan.id) != 0)
		x.goal_id[0] = '\0';
	enum casus_rc rc = plan_action_add(a->ctx, a->pv.plan.id, &x, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	char msg[1400];
	snprintf(msg, sizeof msg, _("Added the action for %s."), a->privacy ? "" : x.owner_name);
	pv_done(a, PI_ACTION, msg);
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_add_action(struct app *a)
{
	struct pv_form *f = pf_begin(a, _("New action: who does what by when"), submit_action_add);
	f->opener = PFO_ACTION_ADD;
	pf_text(f, _("What"), "");
	owner_choices(a, pf_choice(f, _("Who"), false));
	pf_text(f, _("Due (YYYY-MM-DD)"), "");
	struct pf_field *g = pf_choice(f, _("For goal"), false);
	pf_add_choice(g, _("(no goal)"), NULL);
	for (int i = 0; i < a->pv.d->n_goals; i++) {
		char t[200];
		snprintf(t, sizeof t, "%d. %s", i + 1, a->privacy ? "" : a->pv.d->goals[i].body);
		pf_add_choice(g, t, NULL);
	}
	return pf_open(a);
}

static unsigned submit_action_edit(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_action x = a->pv.d->actions[f->ref_index];
	struct casus_err err;
	bool draft = a->pv.plan.status == PLAN_DRAFT;
	int i = 0;
	if (draft) {
		le_copy(x.body, sizeof x.body, pf_value(a, i++));
		le_copy(x.due_on, sizeof x.due_on, pf_value(a, i++));
	}
	x.status = (enum action_status)f->f[i].choice;
	x.closed_on[0] = '\0';
	enum casus_rc rc = plan_action_update(a->ctx, &x, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	pv_done(a, -1, _("Saved the action."));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_edit_action(struct app *a, int i)
{
	const struct plan_action *x = &a->pv.d->actions[i];
	bool draft = a->pv.plan.status == PLAN_DRAFT;
	if (a->privacy && draft) {
		app_message(a, true, "%s", _("Free text is hidden in privacy mode; turn it off to "
			"edit."));
		return R_PAINT_MSG;
	}
	struct pv_form *f = pf_begin(a, draft ? _("Change the action")
		: _("Action status (agreed version)"), submit_action_edit);
	f->ref_index = i;
	f->opener = PFO_ACTION_EDIT;
	snprintf(f->ref_id, sizeof f->ref_id, "%s", x->id);
	if (draft) {
		pf_text(f, _("What"), x->body);
		pf_text(f, _("Due (YYYY-MM-DD)"), x->due_on);
	}
	struct pf_field *st = pf_choice(f, _("Status"), false);
	for (int k = 0; k < ACTION_STATUS_COUNT; k++)
		pf_add_choice(st, action_status_label((enum action_status)k), NULL);
	st->choice = (int)x->status;
	return pf_open(a);
}
