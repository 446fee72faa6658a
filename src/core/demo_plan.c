/* The family plans of the demo (één gezin, één plan): a draft written with the family
 * in phase plan, agreed before the move to uitvoering, then carried out. */
#include <stdio.h>
#include <string.h>

#include "casus/plan.h"
#include "demo_int.h"

static enum casus_rc draft(struct demo *d, struct demo_fam *fam, struct plan *p)
{
	enum casus_rc r = plan_draft(d->ctx, fam->f.id, p, NULL, d->err);
	if (r)
		return r;
	struct plan_goal g;
	memset(&g, 0, sizeof g);
	snprintf(g.leefgebied, sizeof g.leefgebied, "%s", "opvoeding & gezinsrelaties");
	snprintf(g.body, sizeof g.body, "%s", "Thuis is het rustiger en we praten weer met elkaar.");
	g.scale_start = g.scale_now = 4;
	g.scale_target = 8;
	return plan_goal_add(d->ctx, p->id, &g, d->err);
}

enum casus_rc demo_plan(struct demo *d, struct demo_fam *fam)
{
	enum family_phase to = demo_target_phase(fam);
	if (fam->f.phase != PHASE_PLAN)
		return CASUS_OK;
	struct plan p = PLAN_INIT;
	enum casus_rc r = draft(d, fam, &p);
	if (!r && to > PHASE_PLAN && (r = plan_get_by_id(d->ctx, p.id, &p, d->err)) == CASUS_OK) {
		const struct demo_person *parent = demo_first_parent(fam);
		const char *persons[] = { parent ? parent->id : "" };
		struct plan_agreement a = { .how = AGREE_IN_PERSON, .person_ids = persons,
			.n_persons = 1 };
		if (!(r = plan_agree(d->ctx, &p, &a, d->err)))
			r = demo_walk(d, fam, to);
	}
	plan_clear(&p);
	return r;
}
