/* Plan forms as drafts: when the session is cut off (SIGHUP, SIGTERM) with a plan form
 * open, what it holds is kept with core's drafts (casus/draft.h) and offered again at
 * the next start, like the family-name draft (edit.c). Resuming finds the family by
 * its case number, opens its plan and the same form, and puts the kept values back.
 *
 * The draft body is plain text: a header line "casus-plan-form 1 OPENER INDEX REF",
 * then per field "CHOICE PICKED LENGTH" and LENGTH bytes of its text on the next line
 * (lengths, so texts may hold newlines). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/draft.h"
#include "casus/i18n.h"

#define KIND "plan.form"

static bool append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t nc = (*len + n + 1) * 2;
		char *nb = realloc(*buf, nc);
		if (!nb)
			return false;
		*buf = nb;
		*cap = nc;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return true;
}

void pv_draft_save(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct casus_err err;
	if (!f->active || f->opener == PFO_NONE || !pf_changed(a))
		return;
	char *buf = NULL, line[200];
	size_t len = 0, cap = 0;
	snprintf(line, sizeof line, "casus-plan-form 1 %d %d %s\n", (int)f->opener, f->ref_index,
		f->ref_id[0] ? f->ref_id : "-");
	bool ok = append(&buf, &len, &cap, line, strlen(line));
	for (int i = 0; ok && i < f->n; i++) {
		const char *v = pf_value(a, i);
		char picked[PF_CHOICES + 1];
		int n = f->f[i].n_choices;
		for (int c = 0; c < n; c++)
			picked[c] = f->f[i].picked[c] ? '1' : '0';
		picked[n] = '\0';
		snprintf(line, sizeof line, "%d %s %zu\n", f->f[i].choice, n ? picked : "-", strlen(v));
		ok = append(&buf, &len, &cap, line, strlen(line))
			&& append(&buf, &len, &cap, v, strlen(v)) && append(&buf, &len, &cap, "\n", 1);
	}
	if (ok)
		draft_save(a->ctx, KIND, a->pv.family_id, a->pv.family_id, buf, &err);
	free(buf);
}

void pv_draft_forget(struct app *a)
{
	struct casus_err err;
	if (a->pv.form.opener != PFO_NONE && a->pv.family_id[0])
		draft_discard(a->ctx, KIND, a->pv.family_id, &err);
}

bool pv_draft_kind(const char *kind)
{
	return strcmp(kind, KIND) == 0;
}

/* Open the form the draft was kept from (its row found by id), false when it is gone. */
static bool reopen(struct app *a, int opener, int index, const char *ref)
{
	struct pv_data *d = a->pv.d;
	int i = -1;
#define FIND(arr, n) for (int k = 0; k < d->n; k++) if (strcmp(d->arr[k].id, ref) == 0) i = k;
	switch ((enum pf_opener)opener) {
	case PFO_SECTION:
		return index >= 0 && index <= PLAN_SECTION_COUNT && pv_edit_section(a, index)
			&& a->pv.form.active;
	case PFO_WORRY_ADD: return pv_add_worry(a), true;
	case PFO_ARR_ADD: return pv_add_arrangement(a), true;
	case PFO_GOAL_ADD: return pv_add_goal(a), true;
	case PFO_ACTION_ADD: return pv_add_action(a), true;
	case PFO_PERSON_ADD: return pv_add_person(a), true;
	case PFO_PARTY_ADD: return pv_add_party(a), true;
	case PFO_WORRY_EDIT: FIND(worries, n_worries) return i >= 0 && pv_edit_worry(a, i);
	case PFO_ARR_EDIT: FIND(arrs, n_arrs) return i >= 0 && pv_edit_arrangement(a, i);
	case PFO_GOAL_EDIT: FIND(goals, n_goals) return i >= 0 && pv_edit_goal(a, i);
	case PFO_ACTION_EDIT: FIND(actions, n_actions) return i >= 0 && pv_edit_action(a, i);
	case PFO_EVAL_HOLD: FIND(evals, n_evals) return i >= 0 && pv_edit_eval(a, i);
	case PFO_PERSON_EDIT: FIND(persons, n_persons) return i >= 0 && pv_edit_person(a, i);
	case PFO_PARTY_EDIT: FIND(parties, n_parties) return i >= 0 && pv_edit_party(a, i);
	case PFO_CONSENT: FIND(persons, n_persons) return i >= 0 && pv_consent(a, i);
	default: return false;
	}
#undef FIND
}

/* Put the kept values back into the open form; false when the body is not one. */
static bool restore(struct app *a, const char *p)
{
	struct pv_form *f = &a->pv.form;
	for (int i = 0; i < f->n && *p; i++) {
		int choice;
		char picked[PF_CHOICES + 2];
		size_t len;
		int used = 0;
		if (sscanf(p, "%d %25s %zu\n%n", &choice, picked, &len, &used) != 3 || used == 0)
			return false;
		p += used;
		if (strlen(p) < len)
			return false;
		struct pf_field *fl = &f->f[i];
		if (choice >= 0 && choice < fl->n_choices)
			fl->choice = choice;
		for (int c = 0; c < fl->n_choices && picked[c] && picked[0] != '-'; c++)
			fl->picked[c] = picked[c] == '1';
		char *text = malloc(len + 1);
		if (!text)
			return false;
		memcpy(text, p, len);
		text[len] = '\0';
		pf_set_value(a, i, text);
		free(text);
		p += len;
		if (*p == '\n')
			p++;
	}
	if (f->changed)
		f->changed(a);
	return true;
}

unsigned pv_draft_resume(struct app *a, const char *family_id, const char *body)
{
	struct casus_err err;
	struct family fam;
	int opener, index, used = 0;
	char ref[48];
	if (sscanf(body, "casus-plan-form 1 %d %d %47s\n%n", &opener, &index, ref, &used) != 3
	    || used == 0 || family_get(a->ctx, family_id, &fam, &err)) {
		draft_discard(a->ctx, KIND, family_id, &err);
		app_message(a, true, "%s", _("The draft cannot be used any more; it is discarded."));
		return R_PAINT_MSG;
	}
	/* Find the family as a user would: search its case number, open it. */
	list_apply_search(a, fam.case_no);
	list_reload(a, false);
	const struct family_row *r = app_selected_row(a);
	if (!r || strcmp(r->id, fam.id) != 0) {
		app_message(a, true, _("%s is not in the case list (filters); the draft is kept."),
			fam.case_no);
		return R_RELOAD_LIST | R_PAINT_ALL;
	}
	unsigned res = plan_view_enter(a) | R_PAINT_ALL | R_PAINT_STATUS;
	if (!a->pv.active || !a->pv.d)
		return res;
	if (!reopen(a, opener, index, ref) || !a->pv.form.active) {
		draft_discard(a->ctx, KIND, family_id, &err);
		app_message(a, true, "%s", _("What the draft was about is gone; it is discarded."));
		return res;
	}
	if (!restore(a, body + used)) {
		app_message(a, true, "%s", _("The draft cannot be used any more; it is discarded."));
		pf_close(a);
		return res;
	}
	app_message(a, false, "%s", _("Your unsaved text is back: F2 saves it, Esc throws it "
		"away."));
	return res;
}
