/* The plan as JSON for other systems: the same content as the family's document, with
 * stable English keys (format "casus.plan/1"), one member per line so that diffs of
 * exports stay readable. Empty text and unset scales are null. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/party.h"
#include "casus/person.h"
#include "export_text.h"
#include "plan_export.h"

/* ---- a small streaming writer ---- */

/* Start a member (key) or an array element (key NULL) at the current depth. */
static void js_item(struct xw_doc *d, int depth, const char *key)
{
	fputs(d->first ? "\n" : ",\n", d->out);
	d->first = false;
	for (int i = 0; i < depth; i++)
		fputs("  ", d->out);
	if (key)
		fprintf(d->out, "\"%s\": ", key);
}

static void js_str(struct xw_doc *d, int depth, const char *key, const char *v)
{
	js_item(d, depth, key);
	if (v && *v)
		export_json_string(d->out, v);
	else
		fputs("null", d->out);
}

static void js_int(struct xw_doc *d, int depth, const char *key, int v)
{
	js_item(d, depth, key);
	if (v >= 0)
		fprintf(d->out, "%d", v);
	else
		fputs("null", d->out);
}

static void js_bool(struct xw_doc *d, int depth, const char *key, bool v)
{
	js_item(d, depth, key);
	fputs(v ? "true" : "false", d->out);
}

static void js_open(struct xw_doc *d, int depth, const char *key, char bracket)
{
	js_item(d, depth, key);
	fputc(bracket, d->out);
	d->first = true;
}

static void js_close(struct xw_doc *d, int depth, char bracket)
{
	if (!d->first) {
		fputc('\n', d->out);
		for (int i = 0; i < depth; i++)
			fputs("  ", d->out);
	}
	fputc(bracket, d->out);
	d->first = false;
}

/* ---- rows ---- */

static int js_consenter(void *arg, const struct plan_consenter *c)
{
	struct xw_doc *d = arg;
	js_open(d, 3, NULL, '{');
	js_str(d, 4, "kind", c->is_person ? "person" : "party");
	js_str(d, 4, "id", c->ref_id);
	js_str(d, 4, "name", c->name);
	js_str(d, 4, "role", c->role);
	js_close(d, 3, '}');
	return 0;
}

static int js_person(void *arg, const struct person *p)
{
	struct xw_doc *d = arg;
	js_open(d, 3, NULL, '{');
	js_str(d, 4, "id", p->id);
	js_str(d, 4, "given_name", p->given_name);
	js_str(d, 4, "family_name", p->family_name);
	js_str(d, 4, "role", person_role_name(p->role));
	js_int(d, 4, "age", person_age(p));
	js_close(d, 3, '}');
	return 0;
}

static int js_party(void *arg, const struct party *p)
{
	struct xw_doc *d = arg;
	if (!p->active || (int)p->kind != d->group)
		return 0;
	js_open(d, 3, NULL, '{');
	js_str(d, 4, "id", p->id);
	js_str(d, 4, "name", p->name);
	js_str(d, 4, "role", p->role);
	js_str(d, 4, "organisation", p->organisation);
	js_str(d, 4, "contact", p->contact);
	js_close(d, 3, '}');
	return 0;
}

static int js_worry(void *arg, const struct plan_worry *w)
{
	struct xw_doc *d = arg;
	js_open(d, 2, NULL, '{');
	js_str(d, 3, "id", w->id);
	js_str(d, 3, "derived_from", w->derived_from);
	js_str(d, 3, "who", w->who);
	js_str(d, 3, "since", w->since);
	js_str(d, 3, "worry", w->worry);
	js_str(d, 3, "consequences", w->consequences);
	js_close(d, 2, '}');
	return 0;
}

static int js_goal(void *arg, const struct plan_goal *g)
{
	struct xw_doc *d = arg;
	js_open(d, 2, NULL, '{');
	js_str(d, 3, "id", g->id);
	js_str(d, 3, "derived_from", g->derived_from);
	js_str(d, 3, "leefgebied", g->leefgebied);
	js_str(d, 3, "text", g->body);
	js_open(d, 3, "scale", '{');
	js_int(d, 4, "start", g->scale_start);
	js_int(d, 4, "now", g->scale_now);
	js_int(d, 4, "target", g->scale_target);
	js_close(d, 3, '}');
	js_str(d, 3, "status", goal_status_name(g->status));
	js_str(d, 3, "reason", g->reason);
	js_close(d, 2, '}');
	return 0;
}

static int js_action(void *arg, const struct plan_action *a)
{
	struct xw_doc *d = arg;
	js_open(d, 2, NULL, '{');
	js_str(d, 3, "id", a->id);
	js_str(d, 3, "derived_from", a->derived_from);
	js_str(d, 3, "goal_id", a->goal_id);
	js_str(d, 3, "text", a->body);
	js_open(d, 3, "owner", '{');
	js_str(d, 4, "kind", plan_owner_kind_name(a->owner_kind));
	js_str(d, 4, "id", a->owner_id);
	js_str(d, 4, "name", a->owner_name);
	js_close(d, 3, '}');
	js_str(d, 3, "due", a->due_on);
	js_str(d, 3, "status", action_status_name(a->status));
	js_str(d, 3, "closed_on", a->closed_on);
	js_bool(d, 3, "overdue", a->overdue);
	js_close(d, 2, '}');
	return 0;
}

static int js_arrangement(void *arg, const struct plan_arrangement *a)
{
	struct xw_doc *d = arg;
	js_open(d, 2, NULL, '{');
	js_str(d, 3, "id", a->id);
	js_str(d, 3, "derived_from", a->derived_from);
	js_str(d, 3, "party_id", a->party_id);
	js_str(d, 3, "party", a->party_name);
	js_str(d, 3, "organisation", a->organisation);
	js_str(d, 3, "text", a->body);
	js_close(d, 2, '}');
	return 0;
}

static int js_eval(void *arg, const struct plan_eval *e)
{
	struct xw_doc *d = arg;
	js_open(d, 2, NULL, '{');
	js_str(d, 3, "id", e->id);
	js_str(d, 3, "derived_from", e->derived_from);
	js_str(d, 3, "planned", e->planned_on);
	js_str(d, 3, "held", e->held_on);
	js_str(d, 3, "outcome", e->outcome);
	js_str(d, 3, "next", e->next_on);
	js_close(d, 2, '}');
	return 0;
}

/* ---- the document ---- */

static void js_head(struct xw_doc *d)
{
	char now[21];
	clock_now_iso(now);
	js_str(d, 1, "format", "casus.plan/1");
	js_str(d, 1, "case_no", d->f->case_no);
	js_str(d, 1, "family", d->f->display_name);
	js_int(d, 1, "version", d->p->version);
	js_str(d, 1, "status", plan_status_name(d->p->status));
	if (d->f->regie_id[0]) {
		js_open(d, 1, "regievoerder", '{');
		js_str(d, 2, "login", d->f->regie_login);
		js_str(d, 2, "name", d->f->regie_name);
		js_close(d, 1, '}');
	} else {
		js_str(d, 1, "regievoerder", NULL);
	}
	js_str(d, 1, "next_evaluation", d->f->next_eval_on);
	js_str(d, 1, "exported_at", now);
	js_str(d, 1, "exported_by", d->ctx->user.login);
}

static enum casus_rc js_agreement(struct xw_doc *d, struct casus_err *err)
{
	if (d->p->status == PLAN_DRAFT) {
		js_str(d, 1, "agreement", NULL);
		return CASUS_OK;
	}
	js_open(d, 1, "agreement", '{');
	js_str(d, 2, "on", d->p->agreed_on);
	js_str(d, 2, "how", d->p->agreed_how >= 0
		? plan_agree_how_name((enum plan_agree_how)d->p->agreed_how) : NULL);
	js_str(d, 2, "recorded_at", d->p->agreed_at);
	js_str(d, 2, "recorded_by", d->p->agreed_rec_name);
	js_open(d, 2, "by", '[');
	enum casus_rc r = plan_agreed_each(d->ctx, d->p->id, js_consenter, d, err);
	js_close(d, 2, ']');
	js_close(d, 1, '}');
	return r;
}

static enum casus_rc js_participants(struct xw_doc *d, struct casus_err *err)
{
	static const char *const groups[] = { "network", "professionals" };
	js_open(d, 1, "participants", '{');
	js_open(d, 2, "family", '[');
	enum casus_rc r = person_each(d->ctx, d->f->id, js_person, d, err);
	js_close(d, 2, ']');
	for (int g = PARTY_NETWERK; !r && g <= PARTY_PROFESSIONAL; g++) {
		d->group = g;
		js_open(d, 2, groups[g], '[');
		r = party_each(d->ctx, d->f->id, js_party, d, err);
		js_close(d, 2, ']');
	}
	js_close(d, 1, '}');
	return r;
}

static void js_sections(struct xw_doc *d)
{
	const char *const *s = (const char *const *)d->p->section;
	js_open(d, 1, "sections", '{');
	for (int i = PLAN_AANLEIDING; i <= PLAN_EERDERE_HULP; i++)
		js_str(d, 2, plan_section_key((enum plan_section)i), s[i]);
	js_close(d, 1, '}');
	if (!xw_has_safety_plan(d->p)) {
		js_str(d, 1, "safety_plan", NULL);
		return;
	}
	js_open(d, 1, "safety_plan", '{');
	js_str(d, 2, "worries", s[PLAN_SAFETY_WORRIES]);
	js_str(d, 2, "working_well", s[PLAN_SAFETY_WORKING]);
	js_str(d, 2, "needs_to_happen", s[PLAN_SAFETY_NEEDED]);
	js_int(d, 2, "scale", d->p->safety_scale);
	js_str(d, 2, "agreements", s[PLAN_SAFETY_AGREEMENTS]);
	js_close(d, 1, '}');
}

/* An array of a version's rows. */
#define JS_LIST(d, key, each, fn, err) ( \
	js_open((d), 1, (key), '['), \
	js_list_end((d), each((d)->ctx, (d)->p->id, fn, (d), (err))))

static enum casus_rc js_list_end(struct xw_doc *d, enum casus_rc r)
{
	js_close(d, 1, ']');
	return r;
}

enum casus_rc xw_write_json(struct xw_doc *d, struct casus_err *err)
{
	enum casus_rc r;
	fputc('{', d->out);
	d->first = true;
	js_head(d);
	if ((r = js_agreement(d, err)) || (r = js_participants(d, err)))
		return r;
	js_sections(d);
	if ((r = JS_LIST(d, "worries", plan_worry_each, js_worry, err))
	    || (r = JS_LIST(d, "goals", plan_goal_each, js_goal, err))
	    || (r = JS_LIST(d, "actions", plan_action_each, js_action, err))
	    || (r = JS_LIST(d, "arrangements", plan_arrangement_each, js_arrangement, err))
	    || (r = JS_LIST(d, "evaluations", plan_eval_each, js_eval, err)))
		return r;
	fputs("\n}\n", d->out);
	return CASUS_OK;
}
