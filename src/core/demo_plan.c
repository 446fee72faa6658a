/* The family plans of the demo (één gezin, één plan), written by the regievoerder with
 * the family: a draft in phase plan (sections, worries, goals per leefgebied with
 * 0-10 scales, actions with owners and due dates, an arrangement, the first
 * evaluation date, a veiligheidsplan where safety is the theme); agreed by named
 * family members and professionals on a date before the move to uitvoering; then
 * evaluated every three months, actions done or left overdue, goals moving on their
 * scales. Some plans were revised (the old version superseded), some have a new draft
 * beside the agreed version, some evaluations are overdue, and one plan in uitvoering
 * has no next evaluation date. Texts: demo_plan_text.c. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/plan.h"
#include "demo_int.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define TEXT_LEN 2400
#define EVAL_DAYS 91 /* the team's norm: an evaluation every three months */

enum eval_mode {
	EV_ON_TRACK, /* held so far; the next one planned after today */
	EV_OVERDUE,  /* the last planned one passed without being held */
	EV_NO_NEXT,  /* held without fixing the next date: flagged in uitvoering */
	EV_FINAL,    /* a closing evaluation today, no next one: the plan ends */
};
enum revision {
	REV_NONE,
	REV_SUPERSEDED, /* revised half-way and agreed again: version 1 is superseded */
	REV_NEW_DRAFT,  /* a new draft beside the agreed version (a diff to look at) */
};

/* Families whose plan differs from the usual course (by display name). */
static const struct variation {
	const char *name;
	unsigned char eval, revision;
	bool late_action;   /* an action past its due date is still open */
	bool closure_ready; /* in afsluiting with the closure already recorded */
} variations[] = {
	{ "El Amrani", EV_ON_TRACK, REV_SUPERSEDED, false, false },
	{ "Mulder", EV_ON_TRACK, REV_SUPERSEDED, false, false },
	{ "'t Hart", EV_ON_TRACK, REV_NEW_DRAFT, false, false },
	{ "van der Meer", EV_OVERDUE, REV_NEW_DRAFT, false, false },
	{ "Mohamud", EV_OVERDUE, REV_NONE, true, false },
	{ "Kowalski", EV_OVERDUE, REV_NONE, false, false },
	{ "Dijkstra", EV_NO_NEXT, REV_NONE, false, false },
	{ "Tran", EV_ON_TRACK, REV_NONE, true, false },
	{ "Boukhari", EV_ON_TRACK, REV_NONE, true, false },
	{ "Öztürk", EV_ON_TRACK, REV_NONE, true, false },
	{ "Dekker", EV_ON_TRACK, REV_NONE, false, true },
};

static struct variation variation_of(const struct demo_fam *fam)
{
	for (size_t i = 0; i < COUNT(variations); i++)
		if (strcmp(variations[i].name, fam->t->name) == 0)
			return variations[i];
	bool ends = fam->t->phase == PHASE_AFGESLOTEN || (fam->t->flags & DF_REOPEN);
	return (struct variation){ fam->t->name, ends ? EV_FINAL : EV_ON_TRACK, REV_NONE, false,
		false };
}

static bool is_safety_case(const struct demo_fam *fam)
{
	return fam->t->theme == TH_VEILIG;
}

/* ---- owners ---- */

/* The theme's professional who is involved with this family (and shares on consent). */
static const struct demo_party *plan_pro(const struct demo_fam *fam,
	const struct demo_plan_text *tx)
{
	for (int i = 0; i < 3; i++) {
		const struct demo_party *p = demo_party_of(fam, tx->pros[i]);
		if (p && demo_pro_shares(p->pro))
			return p;
	}
	return NULL;
}

static const struct demo_party *network_party(const struct demo_fam *fam)
{
	for (int k = 0; k < fam->nparty; k++)
		if (fam->party[k].pro < 0)
			return &fam->party[k];
	return NULL;
}

/* Fill the owner of a; whoever the text names, falling back on the coach. */
static void set_owner(struct demo *d, const struct demo_fam *fam,
	const struct demo_plan_text *tx, int owner, struct plan_action *a)
{
	const struct demo_person *person = NULL;
	const struct demo_party *party = NULL;
	if (owner == DA_CHILD)
		person = demo_focus_child(fam);
	if (owner == DA_PARENT || (owner == DA_CHILD && (!person || person->age < 8)))
		person = demo_first_parent(fam);
	if (owner == DA_NETWORK)
		party = network_party(fam);
	if (owner == DA_PRO)
		party = plan_pro(fam, tx);
	if (person) {
		a->owner_kind = OWNER_PERSON;
		snprintf(a->owner_id, sizeof a->owner_id, "%s", person->id);
	} else if (party) {
		a->owner_kind = party->pro < 0 ? OWNER_NETWORK : OWNER_PROFESSIONAL;
		snprintf(a->owner_id, sizeof a->owner_id, "%s", party->id);
	} else {
		a->owner_kind = OWNER_MEMBER;
		snprintf(a->owner_id, sizeof a->owner_id, "%s", d->seat[fam->coach].id);
	}
}

/* ---- writing a draft ---- */

static enum casus_rc set_section(struct demo *d, const struct demo_fam *fam, struct plan *p,
	enum plan_section s, const char *tpl)
{
	char text[TEXT_LEN];
	demo_fill(d, fam, tpl, text, sizeof text);
	if (!plan_set_section(p, s, text))
		return err_set(d->err, CASUS_E_NOMEM, "out of memory");
	return CASUS_OK;
}

static enum casus_rc write_sections(struct demo *d, const struct demo_fam *fam,
	const struct demo_plan_text *tx, struct plan *p)
{
	enum casus_rc r;
	char quote[TEXT_LEN];
	snprintf(quote, sizeof quote, "\"%s\"", demo_question(fam->t->theme));
	if ((r = set_section(d, fam, p, PLAN_AANLEIDING, tx->aanleiding))
	    || (r = set_section(d, fam, p, PLAN_HULPVRAAG, quote))
	    || (r = set_section(d, fam, p, PLAN_KRACHTEN, tx->krachten))
	    || (r = set_section(d, fam, p, PLAN_EERDERE_HULP, tx->eerdere_hulp)))
		return r;
	if (is_safety_case(fam)) {
		for (int i = 0; i < 4 && !r; i++)
			r = set_section(d, fam, p, (enum plan_section)(PLAN_SAFETY_WORRIES + i),
				demo_safety_text[i]);
		p->safety_scale = 2 + fam->index % 3;
	}
	return r ? r : plan_update(d->ctx, p, d->err);
}

static enum casus_rc add_worries(struct demo *d, const struct demo_fam *fam,
	const struct demo_plan_text *tx, const char *plan_id)
{
	for (int i = 0; i < 2; i++) {
		const struct demo_worry_text *w = &tx->worry[i];
		struct plan_worry pw;
		memset(&pw, 0, sizeof pw);
		demo_fill(d, fam, w->who, pw.who, sizeof pw.who);
		demo_fill(d, fam, w->since, pw.since, sizeof pw.since);
		demo_fill(d, fam, w->worry, pw.worry, sizeof pw.worry);
		demo_fill(d, fam, w->consequences, pw.consequences, sizeof pw.consequences);
		enum casus_rc r = plan_worry_add(d->ctx, plan_id, &pw, d->err);
		if (r)
			return r;
	}
	return CASUS_OK;
}

static enum casus_rc add_goals(struct demo *d, const struct demo_fam *fam,
	const struct demo_plan_text *tx, const char *plan_id, char ids[3][CASUS_ID_LEN])
{
	for (int i = 0; i < 3; i++) {
		const struct demo_goal_text *gt = &tx->goal[i];
		struct plan_goal g;
		memset(&g, 0, sizeof g);
		snprintf(g.leefgebied, sizeof g.leefgebied, "%s", gt->leefgebied);
		demo_fill(d, fam, gt->body, g.body, sizeof g.body);
		/* The family scores where it stands; not every family starts at the same point. */
		g.scale_start = g.scale_now = gt->start + (fam->index + i) % 2;
		g.scale_target = gt->target;
		g.status = GOAL_OPEN;
		enum casus_rc r = plan_goal_add(d->ctx, plan_id, &g, d->err);
		if (r)
			return r;
		memcpy(ids[i], g.id, CASUS_ID_LEN);
	}
	return CASUS_OK;
}

/* due: days after base; 0 for the coach's own action, a few weeks from today. */
static enum casus_rc add_action(struct demo *d, const struct demo_fam *fam,
	const struct demo_plan_text *tx, const char *plan_id, const struct demo_action_text *at,
	const char *goal_id, const char *base)
{
	struct plan_action a;
	memset(&a, 0, sizeof a);
	demo_fill(d, fam, at->body, a.body, sizeof a.body);
	set_owner(d, fam, tx, at->owner, &a);
	if (at->due)
		clock_add_days(base, at->due, a.due_on);
	else
		clock_add_days(d->today, 14 + 7 * (fam->index % 3), a.due_on);
	snprintf(a.goal_id, sizeof a.goal_id, "%s", goal_id ? goal_id : "");
	a.status = ACTION_OPEN;
	return plan_action_add(d->ctx, plan_id, &a, d->err);
}

/* A draft written with the family; base: the day actions count from (the agreement,
 * or today for a plan still being written). */
static enum casus_rc write_draft(struct demo *d, struct demo_fam *fam,
	const struct demo_plan_text *tx, const char *base, bool agreed, struct plan *p)
{
	char goals[3][CASUS_ID_LEN], first_eval[11];
	enum casus_rc r = plan_draft(d->ctx, fam->f.id, p, NULL, d->err);
	if (r || (r = write_sections(d, fam, tx, p)) || (r = add_worries(d, fam, tx, p->id))
	    || (r = add_goals(d, fam, tx, p->id, goals)))
		return r;
	for (int i = 0; i < 4 && !r; i++)
		r = add_action(d, fam, tx, p->id, &tx->action[i], goals[i % 3], base);
	const struct demo_party *pro = plan_pro(fam, tx);
	if (!r && pro) {
		struct plan_arrangement a;
		memset(&a, 0, sizeof a);
		snprintf(a.party_id, sizeof a.party_id, "%s", pro->id);
		demo_fill(d, fam, tx->arrangement, a.body, sizeof a.body);
		r = plan_arrangement_add(d->ctx, p->id, &a, d->err);
	}
	/* Evaluation dates are fixed in advance. */
	clock_add_days(base, agreed ? EVAL_DAYS : 60 + 7 * (fam->index % 4), first_eval);
	if (!r)
		r = plan_eval_add(d->ctx, p->id, first_eval, NULL, d->err);
	return r;
}

/* ---- agreeing ---- */

/* The family agrees (those with authority and the children from 12), with the theme's
 * professional and, under a court measure, the gezinsvoogd. */
static enum casus_rc agree(struct demo *d, struct demo_fam *fam,
	const struct demo_plan_text *tx, struct plan *p, const char *on)
{
	const char *persons[DEMO_MAX_PERSONS], *parties[2];
	size_t np = 0, nq = 0;
	for (int i = 0; i < fam->np; i++)
		if (fam->p[i].authority || (fam->p[i].role == PERSON_KIND && fam->p[i].age >= 12))
			persons[np++] = fam->p[i].id;
	const struct demo_party *pro = plan_pro(fam, tx), *gv = demo_party_of(fam, PRO_GV);
	if (pro)
		parties[nq++] = pro->id;
	if (gv)
		parties[nq++] = gv->id;
	static const enum plan_agree_how hows[] = { AGREE_IN_PERSON, AGREE_PAPER, AGREE_PHONE };
	struct plan_agreement a = { .on = on, .how = hows[fam->index % 3],
		.person_ids = persons, .n_persons = np, .party_ids = parties, .n_parties = nq };
	/* Agreeing needs the draft as it is now (goals and actions moved its stamp). */
	enum casus_rc r = plan_get_by_id(d->ctx, p->id, p, d->err);
	return r ? r : plan_agree(d->ctx, p, &a, d->err);
}

/* ---- carrying out ---- */

struct eval_find {
	struct plan_eval *out;
	bool found;
};

static int first_open_eval(void *arg, const struct plan_eval *e)
{
	struct eval_find *f = arg;
	if (e->held_on[0])
		return 0;
	*f->out = *e;
	f->found = true;
	return 1;
}

/* Hold the evaluations planned up to `until` on the version plan_id, each planning the
 * next one three months on; *last receives the day of the last one held. */
static enum casus_rc hold_until(struct demo *d, struct demo_fam *fam, const char *plan_id,
	const char *until, enum eval_mode mode, char last[static 11])
{
	static struct plan_eval e; /* large; the demo is single-threaded */
	char next[11], outcome[TEXT_LEN];
	for (int n = 0; n < 40; n++) {
		struct eval_find f = { &e, false };
		enum casus_rc r = plan_eval_each(d->ctx, plan_id, first_open_eval, &f, d->err);
		if (r || !f.found || strcmp(e.planned_on, until) > 0)
			return r;
		clock_add_days(e.planned_on, EVAL_DAYS, next);
		bool final = strcmp(next, d->today) > 0;
		const char *next_on = next;
		int text = (n + fam->index) % 4;
		if (final && mode == EV_OVERDUE)
			return CASUS_OK; /* this one was never held: overdue */
		if (final && mode == EV_NO_NEXT) {
			next_on = NULL;
			text = DEMO_EVAL_NO_NEXT;
		}
		if (final && mode == EV_FINAL) {
			/* The closing evaluation is today. */
			next_on = strcmp(e.planned_on, d->today) < 0 ? d->today : NULL;
			if (!next_on)
				text = DEMO_EVAL_FINAL;
		}
		demo_fill(d, fam, demo_eval_text[text], outcome, sizeof outcome);
		if ((r = plan_eval_hold(d->ctx, &e, e.planned_on, outcome, next_on, d->err)))
			return r;
		memcpy(last, e.held_on, 11);
	}
	return CASUS_OK;
}

struct id_list {
	char id[8][CASUS_ID_LEN];
	int n;
};

static int collect_goal(void *arg, const struct plan_goal *g)
{
	struct id_list *l = arg;
	if (l->n < 8)
		memcpy(l->id[l->n++], g->id, CASUS_ID_LEN);
	return 0;
}

static int collect_action(void *arg, const struct plan_action *a)
{
	struct id_list *l = arg;
	if (l->n < 8)
		memcpy(l->id[l->n++], a->id, CASUS_ID_LEN);
	return 0;
}

/* Goals move on their scales; at the end of a case they are reached. */
static enum casus_rc progress_goals(struct demo *d, struct demo_fam *fam, const char *plan_id,
	enum family_phase to)
{
	struct id_list l = { .n = 0 };
	static struct plan_goal g;
	enum casus_rc r = plan_goal_each(d->ctx, plan_id, collect_goal, &l, d->err);
	bool ends = to == PHASE_AFGESLOTEN || (fam->t->flags & DF_REOPEN);
	for (int i = 0; !r && i < l.n; i++) {
		if ((r = plan_goal_get(d->ctx, l.id[i], &g, d->err)))
			break;
		int gap = g.scale_target - g.scale_start;
		if (ends || (to == PHASE_AFSLUITING && i < 2)) {
			g.scale_now = g.scale_target;
			g.status = GOAL_REACHED;
			snprintf(g.reason, sizeof g.reason, "%s",
				"Behaald volgens het gezin en de gezinscoach; besproken bij de evaluatie.");
		} else {
			g.scale_now = g.scale_start + gap * (1 + (fam->index + i) % 3) / 4;
		}
		r = plan_goal_update(d->ctx, &g, d->err);
	}
	return r;
}

/* Actions past their due date are done (one cancelled now and then), except the one a
 * late family still has open; at the end of a case everything is finished. */
static enum casus_rc progress_actions(struct demo *d, struct demo_fam *fam,
	const char *plan_id, const struct variation *v, enum family_phase to)
{
	struct id_list l = { .n = 0 };
	static struct plan_action a;
	bool ends = to == PHASE_AFGESLOTEN || (fam->t->flags & DF_REOPEN), left_open = false;
	enum casus_rc r = plan_action_each(d->ctx, plan_id, collect_action, &l, d->err);
	for (int i = 0; !r && i < l.n; i++) {
		if ((r = plan_action_get(d->ctx, l.id[i], &a, d->err)))
			break;
		bool past = a.due_on[0] && strcmp(a.due_on, d->today) < 0;
		if (a.status != ACTION_OPEN || (!past && !ends))
			continue;
		if (past && v->late_action && !left_open) {
			left_open = true;
			continue;
		}
		a.status = i == 1 && fam->index % 5 == 0 ? ACTION_CANCELLED : ACTION_DONE;
		snprintf(a.closed_on, sizeof a.closed_on, "%s", past ? a.due_on : d->today);
		r = plan_action_update(d->ctx, &a, d->err);
	}
	return r;
}

/* ---- revising an agreed plan ---- */

static int first_goal(void *arg, const struct plan_goal *g)
{
	memcpy(arg, g->id, CASUS_ID_LEN);
	return 1;
}

/* A new draft from the agreed version: a goal reworded with a higher target, an extra
 * action, strengths that grew, and (for safety) a better score. p becomes the draft. */
static enum casus_rc revise(struct demo *d, struct demo_fam *fam,
	const struct demo_plan_text *tx, const char *base, struct plan *p)
{
	static struct plan_goal g;
	char goal_id[CASUS_ID_LEN] = "", tpl[TEXT_LEN];
	enum casus_rc r = plan_draft(d->ctx, fam->f.id, p, NULL, d->err);
	if (r)
		return r;
	snprintf(tpl, sizeof tpl, "%s Sinds de vorige versie doet het netwerk actief mee en "
		"houdt het gezin zich aan de afspraken.", tx->krachten);
	if ((r = set_section(d, fam, p, PLAN_KRACHTEN, tpl)))
		return r;
	if (p->safety_scale >= 0 && p->safety_scale < 9)
		p->safety_scale += 2;
	if ((r = plan_update(d->ctx, p, d->err))
	    || (r = plan_goal_each(d->ctx, p->id, first_goal, goal_id, d->err))
	    || (r = plan_goal_get(d->ctx, goal_id, &g, d->err)))
		return r;
	demo_fill(d, fam, tx->revised_goal, g.body, sizeof g.body);
	if (g.scale_target < 10)
		g.scale_target++;
	if ((r = plan_goal_update(d->ctx, &g, d->err)))
		return r;
	return add_action(d, fam, tx, p->id, &tx->new_action, goal_id, base);
}

/* ---- the plan step ---- */

/* Agreed, evaluated and carried out up to today (see the variations). */
static enum casus_rc carry_out(struct demo *d, struct demo_fam *fam,
	const struct demo_plan_text *tx, const struct variation *v, enum family_phase to,
	struct plan *p)
{
	char on[11], mid[11], last[11] = "";
	demo_after(d, fam->visit[0] ? fam->visit : fam->reg, 28 + 7 * (fam->index % 3), on);
	enum casus_rc r = write_draft(d, fam, tx, on, true, p);
	if (r || (r = agree(d, fam, tx, p, on)) || (r = demo_walk(d, fam, PHASE_UITVOERING)))
		return r;
	if (v->revision == REV_SUPERSEDED) {
		/* Half-way the plan was changed with the family and agreed again. */
		demo_after(d, on, 2 * EVAL_DAYS + 10, mid);
		if ((r = hold_until(d, fam, p->id, mid, EV_ON_TRACK, last))
		    || (r = revise(d, fam, tx, last[0] ? last : mid, p))
		    || (r = agree(d, fam, tx, p, last[0] ? last : mid)))
			return r;
	}
	if ((r = hold_until(d, fam, p->id, d->today, (enum eval_mode)v->eval, last))
	    || (r = progress_goals(d, fam, p->id, to))
	    || (r = progress_actions(d, fam, p->id, v, to)))
		return r;
	if (v->revision == REV_NEW_DRAFT && (r = revise(d, fam, tx, d->today, p)))
		return r;
	if ((r = demo_walk(d, fam, to)))
		return r;
	return v->closure_ready ? demo_plan_closure(d, fam) : CASUS_OK;
}

enum casus_rc demo_plan(struct demo *d, struct demo_fam *fam)
{
	/* Families that reached phase plan: the rest has no plan yet. */
	if (fam->f.phase != PHASE_PLAN)
		return CASUS_OK;
	enum family_phase to = demo_target_phase(fam);
	const struct demo_plan_text *tx = demo_plan_text(fam->t->theme);
	struct variation v = variation_of(fam);
	struct plan p = PLAN_INIT;
	demo_act(d, fam->coach);
	enum casus_rc r = to == PHASE_PLAN ? write_draft(d, fam, tx, d->today, false, &p)
					   : carry_out(d, fam, tx, &v, to, &p);
	plan_clear(&p);
	return r;
}

enum casus_rc demo_plan_closure(struct demo *d, struct demo_fam *fam)
{
	char until[11], after[11], aftercare[TEXT_LEN];
	clock_add_days(d->today, 182, until);
	clock_add_days(d->today, 91, after);
	demo_fill(d, fam, "Nazorgcontact over drie maanden: de gezinscoach belt {ouder} om te "
		"horen hoe het gaat. Het gezin weet dat het zich altijd opnieuw kan melden.",
		aftercare, sizeof aftercare);
	/* The same kind as the closing reason in demo_family.c says. */
	bool watch = fam->index % 2;
	struct plan_closure_new in = {
		.kind = watch ? CLOSURE_VINGER_AAN_DE_POLS : CLOSURE_POSITIEF,
		.watcher = watch ? "de huisarts van het gezin" : NULL,
		.watch_until = watch ? until : NULL,
		.risk = (fam->t->flags & DF_REOPEN) ? RISK_MIDDEN : RISK_LAAG,
		.aftercare = aftercare,
		.aftercare_on = after,
	};
	demo_act(d, fam->coach);
	return plan_record_closure(d->ctx, fam->f.id, &in, NULL, d->err);
}
