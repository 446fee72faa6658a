/* The picture of the selected request in the approvals queue: the request itself
 * (reason, what was tried, what is asked, its questions and answers), whether the user
 * may decide and with which keys, and, once the family is opened (Enter, written to
 * the access log by family_open), the family summary, the plan's goals and scales, the
 * meldcode trajectory and the family's earlier escalations with their outcomes. */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/plan.h"
#include "draw.h"
#include "view_escalation.h"

static int add_goal(void *arg, const struct plan_goal *g)
{
	struct queue_state *q = arg;
	if (q->n_goals == (int)(sizeof q->goals / sizeof q->goals[0]))
		return 1;
	char s[3][8];
	const int v[3] = { g->scale_start, g->scale_now, g->scale_target };
	for (int i = 0; i < 3; i++)
		snprintf(s[i], sizeof s[i], v[i] == PLAN_SCALE_UNSET ? "-" : "%d", v[i]);
	char line[sizeof g->leefgebied + sizeof g->body + 200];
	snprintf(line, sizeof line, "%s: %s  %s %s %s (%s), %s", g->leefgebied, g->body, s[0],
		draw_glyph(DG_SEP), s[1], s[2], goal_status_label(g->status));
	le_copy(q->goals[q->n_goals++], sizeof q->goals[0], line);
	return 0;
}

static void load_plan(struct app *a, struct queue_state *q)
{
	struct plan p = PLAN_INIT;
	struct casus_err err;
	q->n_goals = 0;
	snprintf(q->plan_line, sizeof q->plan_line, "%s", _("no plan yet"));
	if (plan_get(a->ctx, q->fam.id, PLAN_LATEST, &p, &err) == CASUS_OK) {
		char safety[32] = "-";
		if (p.safety_scale >= 0)
			snprintf(safety, sizeof safety, "%d", p.safety_scale);
		if (p.agreed_on[0])
			snprintf(q->plan_line, sizeof q->plan_line, _("version %d, agreed %s; safety %s"),
				p.version, p.agreed_on, safety);
		else
			snprintf(q->plan_line, sizeof q->plan_line, _("version %d, draft; safety %s"),
				p.version, safety);
		plan_goal_each(a->ctx, p.id, add_goal, q, &err);
	}
	plan_clear(&p);
}

/* Read the selected request; with open_family also the family's dossier (first time
 * for this request: family_open, logged; after that family_get). */
void queue_detail_load(struct app *a, bool open_family)
{
	struct queue_state *q = &a->esc->q;
	struct casus_err err;
	q->have_cur = false;
	q->refusal[0] = '\0';
	q->sel_id[0] = '\0';
	if (q->n == 0) {
		q->opened = false;
		return;
	}
	const struct esc_row *r = &q->rows[q->sel];
	snprintf(q->sel_id, sizeof q->sel_id, "%s", r->id);
	if (escalation_get(a->ctx, r->id, &q->cur, &err)) {
		app_message(a, true, "%s", err.msg);
		return;
	}
	q->have_cur = true;
	if (escalation_check_decider(a->ctx, &q->cur, &err))
		snprintf(q->refusal, sizeof q->refusal, "%s", err.msg);
	esc_hist_load(a, q->cur.family_id, &q->hist);
	/* The summary (phase, regievoerder) like the list's preview: not logged. */
	bool was_open = q->opened;
	q->opened = false;
	if (family_get(a->ctx, q->cur.family_id, &q->fam, &err)) {
		app_message(a, true, "%s", err.msg);
		return;
	}
	if (!open_family) {
		q->detail_scroll = 0;
		return;
	}
	if (!was_open && family_open(a->ctx, q->cur.family_id, &q->fam, &err)) {
		app_message(a, true, "%s", err.msg);
		return;
	}
	if (!was_open)
		app_message(a, false, _("Opened %s; the access log records it."), q->fam.case_no);
	q->opened = true;
	load_plan(a, q);
	if (meldcode_summary(a->ctx, q->fam.id, &q->mc, &err))
		memset(&q->mc, 0, sizeof q->mc);
}

/* ---- painting ---- */

static void key_of(struct app *a, enum action act, char *out, size_t outsz)
{
	struct key k;
	snprintf(out, outsz, "?");
	if (keymap_keys_for(&a->keys, SECTION_QUEUE, act, &k, 1) == 1)
		keymap_key_label(&k, out, outsz);
}

static void paint_request(struct app *a, struct esc_writer *ew)
{
	const struct escalation *e = &a->esc->q.cur;
	char buf[1200], when[20], age[32];
	esc_when(e->requested_at, when, sizeof when);
	esc_age(e->requested_at, age, sizeof age);
	snprintf(buf, sizeof buf, _("%s by %s (%s), %s ago"), when, e->requested_by_name,
		e->requested_by_login, age);
	esc_put(ew, _("Requested"), buf, A_NORMAL);
	snprintf(buf, sizeof buf, "%s%s", escalation_urgency_label(e->urgency),
		e->level[0] ? " " : "");
	if (e->level[0])
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _("(level: %s)"), e->level);
	esc_put(ew, _("Urgency"), buf, e->urgency == URGENCY_ACUUT ? draw_attr(DR_FLAG) : A_NORMAL);
	if (e->flagged) {
		esc_when(e->acted_at, when, sizeof when);
		snprintf(buf, sizeof buf, _("acted before approval on %s by %s: a retroactive "
			"decision is needed"), when, e->acted_by_login);
		esc_put_wrapped(ew, _("Status"), buf, draw_attr(DR_FLAG) | A_BOLD, 2);
	} else {
		esc_put(ew, _("Status"), escalation_status_label(e->status), A_NORMAL);
	}
	if (a->privacy && !a->esc->q.opened) {
		esc_put(ew, _("Reason"), _("(hidden in privacy mode)"), draw_attr(DR_DIM));
		return;
	}
	esc_put_wrapped(ew, _("Reason"), e->reason, A_NORMAL, 6);
	esc_put_wrapped(ew, _("Tried"), e->tried[0] ? e->tried : "-", A_NORMAL, 4);
	esc_put_wrapped(ew, _("Asked"), e->asked[0] ? e->asked : "-", A_NORMAL, 4);
	if (e->flagged && e->acted_note[0])
		esc_put_wrapped(ew, _("Done"), e->acted_note, A_NORMAL, 3);
}

static void paint_events(struct app *a, struct esc_writer *ew)
{
	const struct queue_state *q = &a->esc->q;
	for (int i = 0; i < q->hist.n; i++)
		if (strcmp(q->hist.item[i].id, q->cur.id) == 0 && q->hist.item[i].n_events > 1) {
			esc_put(ew, NULL, "", A_NORMAL);
			esc_heading(ew, _("History of this request"));
			const struct esc_hist_item *it = &q->hist.item[i];
			struct esc_writer in = *ew;
			in.x0 += 2;
			in.width -= 2;
			for (int k = 0; k < it->n_events; k++) {
				const struct esc_hist_event *x = &q->hist.ev[it->first_event + k];
				char when[20], line[ESC_SHORT * 2 + 200];
				esc_when(x->at, when, sizeof when);
				snprintf(line, sizeof line, "%s %s %s%s%s", when, esc_action_label(x->action), x->by,
					x->text[0] && !a->privacy ? ": " : "", a->privacy ? "" : x->text);
				esc_put_wrapped(&in, NULL, line, A_NORMAL, 3);
			}
			ew->row = in.row;
		}
}

static void paint_decision(struct app *a, struct esc_writer *ew)
{
	const struct queue_state *q = &a->esc->q;
	char buf[900], k[3][32];
	esc_put(ew, NULL, "", A_NORMAL);
	if (q->refusal[0]) {
		snprintf(buf, sizeof buf, _("You cannot decide: %s"), q->refusal);
		esc_put_wrapped(ew, NULL, buf, draw_attr(DR_ERROR), 3);
		return;
	}
	key_of(a, A_APPROVE, k[0], sizeof k[0]);
	key_of(a, A_REJECT, k[1], sizeof k[1]);
	key_of(a, A_ASK, k[2], sizeof k[2]);
	snprintf(buf, sizeof buf, _("%s approve  %s reject  %s ask for information "
		"(each asks for a motivation)"), k[0], k[1], k[2]);
	esc_put_wrapped(ew, NULL, buf, A_BOLD, 2);
}

static void paint_meldcode(struct esc_writer *ew, const struct meldcode_summary *mc)
{
	char buf[400];
	if (!mc->any)
		snprintf(buf, sizeof buf, "%s", _("none"));
	else if (mc->open)
		snprintf(buf, sizeof buf, _("open, step %d: %s%s%s"), mc->current_step ? mc->current_step
			: MC_STEPS, mc_step_label(mc->current_step ? mc->current_step : MC_STEPS),
			mc->melden ? _("; decided: melden") : "", mc->acute ? _("; acute danger") : "");
	else
		snprintf(buf, sizeof buf, _("closed: %s"), mc_outcome_label(mc->outcome));
	esc_put_wrapped(ew, _("Meldcode"), buf, mc->open ? draw_attr(DR_FLAG) : A_NORMAL, 2);
}

static void paint_family(struct app *a, struct esc_writer *ew)
{
	struct queue_state *q = &a->esc->q;
	char buf[900];
	esc_put(ew, NULL, "", A_NORMAL);
	if (!q->opened) {
		char k[32];
		key_of(a, A_OPEN, k, sizeof k);
		snprintf(buf, sizeof buf, _("%s opens the family: plan, meldcode and earlier "
			"escalations (logged as a read)."), k);
		esc_put_wrapped(ew, NULL, buf, draw_attr(DR_DIM), 2);
		return;
	}
	esc_heading(ew, _("Family"));
	if (q->fam.triage)
		snprintf(buf, sizeof buf, "%c", q->fam.triage);
	else
		snprintf(buf, sizeof buf, "-");
	esc_put(ew, _("Triage"), buf, A_NORMAL);
	snprintf(buf, sizeof buf, _("registered %s, first visit %s, evaluation %s"),
		q->fam.registered_on, q->fam.first_visit_on[0] ? q->fam.first_visit_on : "-",
		q->fam.next_eval_on[0] ? q->fam.next_eval_on : "-");
	esc_put_wrapped(ew, _("Dates"), buf, A_NORMAL, 2);
	esc_put(ew, _("Plan"), q->plan_line, A_NORMAL);
	for (int i = 0; i < q->n_goals; i++)
		esc_put_wrapped(ew, i == 0 ? _("Goals") : "", a->privacy ? _("(hidden in privacy mode)")
			: q->goals[i], A_NORMAL, 2);
	paint_meldcode(ew, &q->mc);
	esc_put(ew, NULL, "", A_NORMAL);
	esc_heading(ew, _("Earlier escalations"));
	esc_hist_paint(a, ew, &q->hist, q->cur.id, !a->privacy);
}

void queue_detail_paint(struct app *a, WINDOW *w, int y, int x, int h, int wd)
{
	struct queue_state *q = &a->esc->q;
	WINDOW *d = derwin(w, h, wd, y, x);
	if (!d)
		return;
	char title[600], name[FAMILY_TEXT_MAX] = "";
	if (q->have_cur)
		snprintf(name, sizeof name, "%s", q->rows[q->sel].name);
	snprintf(title, sizeof title, "%s%s%s%s%s", _("Request"), q->have_cur ? ": " : "",
		q->have_cur ? q->cur.case_no : "", q->have_cur ? " " : "", name);
	draw_box(d, title, false);
	struct esc_writer ew = { d, 0, q->detail_scroll, h - 2, 1, 2, wd - 4, 0 };
	ew.label_w = 12;
	if (q->have_cur) {
		char buf[FAMILY_TEXT_MAX * 2 + 40];
		snprintf(buf, sizeof buf, "%s", escalation_kind_label(q->cur.kind));
		esc_put(&ew, _("Kind"), buf, A_BOLD);
		if (q->fam.regie_login[0])
			snprintf(buf, sizeof buf, "%s (%s)", q->fam.regie_name, q->fam.regie_login);
		else
			snprintf(buf, sizeof buf, "%s", _("nobody yet"));
		esc_put(&ew, _("Regievoerder"), buf, A_NORMAL);
		snprintf(buf, sizeof buf, "%s %s %s", family_phase_label(q->fam.phase),
			draw_glyph(DG_SEP), family_framework_name(q->fam.framework));
		esc_put(&ew, _("Phase"), buf, A_NORMAL);
		paint_request(a, &ew);
		paint_events(a, &ew);
		paint_decision(a, &ew);
		paint_family(a, &ew);
	} else {
		esc_put(&ew, NULL, _("No request selected."), draw_attr(DR_DIM));
	}
	q->detail_lines = ew.row;
	delwin(d);
}
