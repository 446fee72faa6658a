/* The plan view's Gezin forms: adding and changing persons (role, birth date, gezag),
 * network members and professionals (organisation, contact), consent per member per
 * party (given or withdrawn, by whom the age rule asks), and throwing a draft away.
 * Core (person.c, party.c, consent.c, plan.c) checks every rule; its message is shown.
 * Names and contact details are hidden in privacy mode, so these forms are refused
 * there. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/consent.h"
#include "casus/i18n.h"
#include "casus/party.h"
#include "casus/person.h"

static bool refuse_private(struct app *a)
{
	if (!a->privacy)
		return false;
	app_message(a, true, "%s", _("Names and contact details are hidden in privacy mode; "
		"turn it off to change them."));
	return true;
}

/* ---- persons ---- */

static unsigned submit_person(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct casus_err err;
	enum casus_rc rc;
	char given[LINEEDIT_MAX], family[LINEEDIT_MAX], birth[LINEEDIT_MAX];
	le_copy(given, sizeof given, pf_value(a, 0));
	le_copy(family, sizeof family, pf_value(a, 1));
	le_copy(birth, sizeof birth, pf_value(a, 3));
	enum person_role role = (enum person_role)f->f[2].choice;
	bool gezag = f->f[4].choice == 1;
	if (f->opener == PFO_PERSON_EDIT) {
		struct person p;
		if (!(rc = person_get(a->ctx, f->ref_id, &p, &err))) {
			p.rev = f->ref_rev; /* as read when the form opened */
			le_copy(p.given_name, sizeof p.given_name, given);
			le_copy(p.family_name, sizeof p.family_name, family);
			le_copy(p.birth_date, sizeof p.birth_date, birth);
			p.role = role;
			p.authority = gezag;
			rc = person_update(a->ctx, &p, &err);
		}
	} else {
		struct person_new in = { given, family, birth[0] ? birth : NULL, role, gezag, NULL };
		rc = person_add(a->ctx, a->fam.fam.id, &in, NULL, &err);
	}
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	bool edit = f->opener == PFO_PERSON_EDIT;
	pf_close(a);
	pv_done(a, edit ? -1 : PI_PERSON, edit ? _("Saved the person.") : _("Added the person."));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

static void person_form(struct app *a, const struct person *p)
{
	struct pv_form *f = pf_begin(a, p ? _("Change a member of the family")
		: _("New member of the family"), submit_person);
	f->opener = p ? PFO_PERSON_EDIT : PFO_PERSON_ADD;
	pf_text(f, _("Given name"), p ? p->given_name : "");
	pf_text(f, _("Family name"), p ? p->family_name : a->fam.fam.display_name);
	struct pf_field *r = pf_choice(f, _("Role"), false);
	for (int i = 0; i < PERSON_ROLE_COUNT; i++)
		pf_add_choice(r, person_role_label((enum person_role)i), NULL);
	r->choice = p ? (int)p->role : PERSON_KIND;
	pf_text(f, _("Born (YYYY-MM-DD)"), p ? p->birth_date : "");
	struct pf_field *g = pf_choice(f, _("Gezag"), false);
	pf_add_choice(g, _("no"), NULL);
	pf_add_choice(g, _("yes"), NULL);
	g->choice = p && p->authority ? 1 : 0;
}

unsigned pv_add_person(struct app *a)
{
	if (refuse_private(a))
		return R_PAINT_MSG;
	person_form(a, NULL);
	return pf_open(a);
}

unsigned pv_edit_person(struct app *a, int i)
{
	struct person p;
	struct casus_err err;
	if (refuse_private(a))
		return R_PAINT_MSG;
	enum casus_rc rc = person_get(a->ctx, a->pv.d->persons[i].id, &p, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	person_form(a, &p);
	snprintf(a->pv.form.ref_id, sizeof a->pv.form.ref_id, "%s", p.id);
	a->pv.form.ref_rev = p.rev;
	a->pv.form.ref_index = i;
	return pf_open(a);
}

/* ---- network and professionals ---- */

static unsigned submit_party(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct casus_err err;
	enum casus_rc rc;
	char name[LINEEDIT_MAX], org[LINEEDIT_MAX], role[LINEEDIT_MAX], contact[LINEEDIT_MAX];
	le_copy(name, sizeof name, pf_value(a, 1));
	le_copy(org, sizeof org, pf_value(a, 2));
	le_copy(role, sizeof role, pf_value(a, 3));
	le_copy(contact, sizeof contact, pf_value(a, 4));
	enum party_kind kind = f->f[0].choice ? PARTY_PROFESSIONAL : PARTY_NETWERK;
	bool edit = f->opener == PFO_PARTY_EDIT;
	if (edit) {
		struct party p;
		if (!(rc = party_get(a->ctx, f->ref_id, &p, &err))) {
			p.rev = f->ref_rev;
			p.kind = kind;
			le_copy(p.name, sizeof p.name, name);
			le_copy(p.organisation, sizeof p.organisation, org);
			le_copy(p.role, sizeof p.role, role);
			le_copy(p.contact, sizeof p.contact, contact);
			p.active = f->f[5].choice == 1;
			rc = party_update(a->ctx, &p, &err);
		}
	} else {
		struct party_new in = { kind, name, org, role, contact };
		rc = party_add(a->ctx, a->fam.fam.id, &in, NULL, &err);
	}
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	pv_done(a, edit ? -1 : PI_PARTY, edit ? _("Saved.") : kind == PARTY_PROFESSIONAL
		? _("Added the professional.") : _("Added the network member."));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

static void party_form(struct app *a, const struct party *p)
{
	struct pv_form *f = pf_begin(a, p ? _("Change an involved person or organisation")
		: _("New involved person: network or professional"), submit_party);
	f->opener = p ? PFO_PARTY_EDIT : PFO_PARTY_ADD;
	struct pf_field *k = pf_choice(f, _("Kind"), false);
	pf_add_choice(k, _("network (family, friends, neighbours)"), NULL);
	pf_add_choice(k, _("professional"), NULL);
	k->choice = p && p->kind == PARTY_PROFESSIONAL ? 1 : 0;
	pf_text(f, _("Name"), p ? p->name : "");
	pf_text(f, _("Organisation"), p ? p->organisation : "");
	pf_text(f, _("Role"), p ? p->role : "");
	pf_text(f, _("Contact"), p ? p->contact : "");
	if (p) {
		struct pf_field *act = pf_choice(f, _("Involved"), false);
		pf_add_choice(act, _("no longer"), NULL);
		pf_add_choice(act, _("yes"), NULL);
		act->choice = p->active ? 1 : 0;
	}
}

unsigned pv_add_party(struct app *a)
{
	if (refuse_private(a))
		return R_PAINT_MSG;
	party_form(a, NULL);
	return pf_open(a);
}

unsigned pv_edit_party(struct app *a, int i)
{
	struct party p;
	struct casus_err err;
	if (refuse_private(a))
		return R_PAINT_MSG;
	enum casus_rc rc = party_get(a->ctx, a->pv.d->parties[i].id, &p, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	party_form(a, &p);
	snprintf(a->pv.form.ref_id, sizeof a->pv.form.ref_id, "%s", p.id);
	a->pv.form.ref_rev = p.rev;
	a->pv.form.ref_index = i;
	return pf_open(a);
}

/* ---- consent ---- */

enum { CF_PARTY, CF_WHAT, CF_BY, CF_PURPOSE, CF_ON };

/* The title says whose consent the age rule needs and what is missing for the party
 * chosen now. */
static void consent_title(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	const struct person_row_pv *p = &a->pv.d->persons[f->ref_index];
	const struct pf_field *party = &f->f[CF_PARTY];
	struct consent_status st;
	struct casus_err err;
	const char *state = "";
	if (party->n_choices
	    && consent_check(a->ctx, p->id, party->choice_id[party->choice], &st, &err) == CASUS_OK)
		state = st.valid ? _("consent is in force")
			: st.need_parent && st.need_self ? _("missing: the child's and a parent's")
			: st.need_parent ? _("missing: a parent's with gezag")
			: _("missing: their own");
	else if (party->n_choices)
		state = err.msg;
	snprintf(f->title, sizeof f->title, _("Consent for %s: %s"), p->name, state);
	snprintf(f->subtitle, sizeof f->subtitle, "%s",
		consent_band_label(consent_band_for_age(p->age)));
}

struct withdraw_find {
	const char *person, *party, *by;
	struct consent found[8];
	int n;
};

static int find_in_force(void *arg, const struct consent *c)
{
	struct withdraw_find *w = arg;
	if (!c->withdrawn_on[0] && strcmp(c->person_id, w->person) == 0
	    && strcmp(c->party_id, w->party) == 0 && strcmp(c->given_by, w->by) == 0 && w->n < 8)
		w->found[w->n++] = *c;
	return 0;
}

static unsigned submit_consent(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct casus_err err;
	enum casus_rc rc = CASUS_OK;
	if (!f->f[CF_PARTY].n_choices) {
		app_message(a, true, "%s", _("Add the professional first (N)."));
		return R_PAINT_MSG;
	}
	const char *person = a->pv.d->persons[f->ref_index].id;
	const char *party = f->f[CF_PARTY].choice_id[f->f[CF_PARTY].choice];
	const char *by = f->f[CF_BY].choice_id[f->f[CF_BY].choice];
	char on[LINEEDIT_MAX], purpose[LINEEDIT_MAX];
	le_copy(on, sizeof on, pf_value(a, CF_ON));
	le_copy(purpose, sizeof purpose, pf_value(a, CF_PURPOSE));
	bool grant = f->f[CF_WHAT].choice == 0;
	if (grant) {
		rc = consent_grant(a->ctx, person, party, by, purpose, on[0] ? on : NULL, NULL, &err);
	} else {
		struct withdraw_find w = { person, party, by, .n = 0 };
		rc = consent_each(a->ctx, a->fam.fam.id, find_in_force, &w, &err);
		if (!rc && w.n == 0) {
			app_message(a, true, "%s", _("There is no consent in force from them to "
				"withdraw."));
			return R_PAINT_MSG;
		}
		for (int i = 0; !rc && i < w.n; i++)
			rc = consent_withdraw(a->ctx, &w.found[i], on[0] ? on : NULL, &err);
	}
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	pv_done(a, -1, grant ? _("Consent recorded.") : _("Consent withdrawn."));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_reveal_bsn(struct app *a, int i)
{
	const struct pv_data *d = a->pv.d;
	if (a->privacy) {
		app_message(a, true, "%s", _("A BSN is never shown in privacy mode."));
		return R_PAINT_MSG;
	}
	char bsn[10];
	struct casus_err err = { 0 };
	if (person_reveal_bsn(a->ctx, d->persons[i].id, bsn, &err))
		app_message(a, true, "%s", err.msg);
	else
		app_message(a, false, _("BSN of %s: %s (recorded in the access log)"),
			d->persons[i].name, bsn);
	return R_PAINT_MSG;
}

unsigned pv_consent(struct app *a, int i)
{
	const struct pv_data *d = a->pv.d;
	if (refuse_private(a))
		return R_PAINT_MSG;
	struct pv_form *f = pf_begin(a, "", submit_consent);
	f->opener = PFO_CONSENT;
	f->ref_index = i;
	snprintf(f->ref_id, sizeof f->ref_id, "%s", d->persons[i].id);
	f->changed = consent_title;
	struct pf_field *p = pf_choice(f, _("With"), false);
	for (int j = 0; j < d->n_parties; j++)
		if (d->parties[j].professional)
			pf_add_choice(p, d->parties[j].name, d->parties[j].id);
	struct pf_field *w = pf_choice(f, _("What"), false);
	pf_add_choice(w, _("give consent"), NULL);
	pf_add_choice(w, _("withdraw consent"), NULL);
	/* Who can give it: the person (12 and over) and the parents with gezag (under 16). */
	struct pf_field *by = pf_choice(f, _("Given by"), false);
	char t[1200];
	int age = d->persons[i].age;
	if (age < 0 || age >= 12) {
		snprintf(t, sizeof t, _("%s (self)"), d->persons[i].name);
		pf_add_choice(by, t, d->persons[i].id);
	}
	for (int j = 0; j < d->n_persons && (age < 0 || age < 16); j++)
		if (j != i && d->persons[j].authority) {
			snprintf(t, sizeof t, _("%s (parent with gezag)"), d->persons[j].name);
			pf_add_choice(by, t, d->persons[j].id);
		}
	if (!by->n_choices)
		pf_add_choice(by, d->persons[i].name, d->persons[i].id);
	pf_text(f, _("Purpose"), "");
	pf_text(f, _("On (empty: today)"), "");
	consent_title(a);
	return pf_open(a);
}

/* ---- throwing a draft away ---- */

static unsigned submit_discard(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct casus_err err;
	if (f->f[0].choice != 1) {
		pf_close(a);
		app_message(a, false, "%s", _("The draft is kept."));
		return R_PAINT_MSG;
	}
	int version = a->pv.plan.version;
	enum casus_rc rc = plan_discard_draft(a->ctx, &a->pv.plan, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	a->pv.show_diff = false;
	app_message(a, false, _("Draft version %d is thrown away; the access log records it."),
		version);
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_discard_draft(struct app *a)
{
	struct plan_view *pv = &a->pv;
	if (!pv->has_plan || pv->plan.status != PLAN_DRAFT) {
		app_message(a, true, "%s", _("There is no draft to throw away; agreed versions are "
			"kept."));
		return R_PAINT_MSG;
	}
	char title[300];
	if (pv->in_force)
		snprintf(title, sizeof title, _("Throw away draft version %d? Agreed version %d "
			"stays in force."), pv->plan.version, pv->in_force);
	else
		snprintf(title, sizeof title, _("Throw away draft version %d? The family has no "
			"agreed plan yet."), pv->plan.version);
	struct pv_form *f = pf_begin(a, title, submit_discard);
	struct pf_field *c = pf_choice(f, _("Throw away"), false);
	pf_add_choice(c, _("no"), NULL);
	pf_add_choice(c, _("yes"), NULL);
	return pf_open(a);
}
