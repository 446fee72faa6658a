/* Editing on the message line: the incremental search, the family name, and drafts.
 * An edit that is cut off (SIGHUP, SIGTERM) is saved as a draft in the database and
 * offered again at the next start (the name here, plan forms by view_plan_draft.c); a conflict with another user's save keeps the
 * user's text in the editor. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/audit.h"
#include "casus/draft.h"
#include "casus/i18n.h"

#define DRAFT_KIND_NAME "family.display_name"

unsigned edit_start_search(struct app *a)
{
	a->edit.kind = EDIT_SEARCH;
	audit_search_begin(&a->list.search_log, a->list.search);
	snprintf(a->edit.saved_search, sizeof a->edit.saved_search, "%s", a->list.search);
	le_set(&a->edit.le, a->list.search);
	a->msg[0] = '\0';
	return R_PAINT_MSG | R_PAINT_STATUS;
}

unsigned edit_start_name(struct app *a, const char *family_id, const char *text)
{
	struct casus_err err;
	if (a->privacy) {
		app_message(a, true, "%s", _("Names are hidden in privacy mode; turn it off to edit "
					     "a name."));
		return R_PAINT_MSG;
	}
	if (family_get(a->ctx, family_id, &a->edit.fam, &err)) {
		app_message(a, true, "%s", err.msg);
		return R_PAINT_MSG;
	}
	a->edit.kind = EDIT_NAME;
	le_set(&a->edit.le, text ? text : a->edit.fam.display_name);
	a->msg[0] = '\0';
	return R_PAINT_MSG | R_PAINT_STATUS;
}

static unsigned finish(struct app *a)
{
	a->edit.kind = EDIT_NONE;
	return R_PAINT_MSG | R_PAINT_STATUS;
}

/* NEN 7513 asks for searches in the access log: one row per search session (see
 * audit_search_session), written when the search is confirmed or left, or when a
 * family is opened from its results (family_pane_open), never one per key typed. */
static unsigned search_key(struct app *a, enum le_result res)
{
	switch (res) {
	case LE_CHANGED:
		list_apply_search(a, a->edit.le.buf);
		return R_RELOAD_LIST | R_PAINT_MSG;
	case LE_ACCEPT:
		list_search_end(a);
		return finish(a);
	case LE_CANCEL:
		/* What was typed was searched for, even though the old search comes back. */
		list_search_end(a);
		list_apply_search(a, a->edit.saved_search);
		finish(a);
		return R_RELOAD_LIST | R_PAINT_MSG | R_PAINT_STATUS;
	default:
		return R_PAINT_MSG;
	}
}

static unsigned save_name(struct app *a)
{
	struct casus_err err;
	struct family *f = &a->edit.fam;
	if (strlen(a->edit.le.buf) >= sizeof f->display_name) {
		app_message(a, true, "%s", _("The name is too long."));
		return R_PAINT_MSG | R_PAINT_STATUS;
	}
	le_copy(f->display_name, sizeof f->display_name, a->edit.le.buf);
	enum casus_rc r = family_update(a->ctx, f, &err);
	if (r == CASUS_E_CONFLICT) {
		/* Keep the user's text; take the newer version's rev so a second Enter
		 * saves it over the other change, knowingly. */
		struct family fresh;
		struct casus_err err2;
		if (family_get(a->ctx, f->id, &fresh, &err2) == CASUS_OK)
			*f = fresh;
		app_message(a, true, "%s %s",
			_("Your text is kept: Enter saves it over the newer version, Esc cancels."),
			err.msg);
		return R_REFRESH_LIST | R_RELOAD_FAMILY | R_PAINT_ALL;
	}
	if (r) {
		app_message(a, true, "%s", err.msg);
		return R_PAINT_MSG | R_PAINT_STATUS;
	}
	draft_discard(a->ctx, DRAFT_KIND_NAME, f->id, &err);
	app_message(a, false, _("Saved the name of %s."), f->case_no);
	finish(a);
	return R_REFRESH_LIST | R_RELOAD_FAMILY | R_PAINT_ALL;
}

static unsigned name_key(struct app *a, enum le_result res)
{
	struct casus_err err;
	switch (res) {
	case LE_ACCEPT:
		return save_name(a);
	case LE_CANCEL:
		/* Cancelling is a decision: a draft this edit came from goes too. */
		draft_discard(a->ctx, DRAFT_KIND_NAME, a->edit.fam.id, &err);
		app_message(a, false, "%s", _("Not saved."));
		return finish(a);
	default:
		return R_PAINT_MSG;
	}
}

static unsigned draft_offer_key(struct app *a, const struct key *k)
{
	struct casus_err err;
	bool plan = pv_draft_kind(a->edit.draft_kind);
	if (!k->fn && k->code == 'e' && plan) {
		a->edit.kind = EDIT_NONE;
		return pv_draft_resume(a, a->edit.draft_object, a->edit.draft_body) | R_PAINT_ALL;
	}
	if (!k->fn && k->code == 'e')
		return edit_start_name(a, a->edit.draft_object, a->edit.draft_body) | R_PAINT_ALL;
	if (!k->fn && k->code == 'd') {
		draft_discard(a->ctx, a->edit.draft_kind, a->edit.draft_object, &err);
		app_message(a, false, "%s", _("Draft discarded."));
		return finish(a);
	}
	if (!k->fn && k->code == 27) {
		app_message(a, false, "%s", _("The draft is kept for later."));
		return finish(a);
	}
	return R_NONE;
}

unsigned edit_key(struct app *a, const struct key *k)
{
	if (a->edit.kind == EDIT_PLAN)
		return plan_form_key(a, k);
	if (a->edit.kind == EDIT_DRAFT_OFFER)
		return draft_offer_key(a, k);
	enum le_result res = le_key(&a->edit.le, k);
	if (a->msg[0] && (res == LE_CHANGED || res == LE_MOVED) && a->edit.kind == EDIT_SEARCH)
		a->msg[0] = '\0';
	if (a->edit.kind == EDIT_SEARCH)
		return search_key(a, res);
	return name_key(a, res);
}

void edit_save_draft(struct app *a)
{
	struct casus_err err;
	if (a->edit.kind == EDIT_PLAN)
		pv_draft_save(a);
	if (a->edit.kind != EDIT_NAME)
		return;
	draft_save(a->ctx, DRAFT_KIND_NAME, a->edit.fam.id, a->edit.fam.id, a->edit.le.buf, &err);
}

static int first_draft(void *arg, const struct draft *d)
{
	struct app *a = arg;
	if (strcmp(d->kind, DRAFT_KIND_NAME) != 0 && !pv_draft_kind(d->kind))
		return 0;
	snprintf(a->edit.draft_kind, sizeof a->edit.draft_kind, "%s", d->kind);
	snprintf(a->edit.draft_object, sizeof a->edit.draft_object, "%s", d->object_id);
	snprintf(a->edit.draft_body, sizeof a->edit.draft_body, "%s", d->body);
	snprintf(a->edit.draft_saved_at, sizeof a->edit.draft_saved_at, "%s", d->saved_at);
	return 1;
}

void edit_offer_draft(struct app *a)
{
	struct casus_err err;
	struct family f;
	a->edit.draft_object[0] = '\0';
	if (draft_each(a->ctx, first_draft, a, &err) || !a->edit.draft_object[0])
		return;
	if (family_get(a->ctx, a->edit.draft_object, &f, &err)) {
		draft_discard(a->ctx, a->edit.draft_kind, a->edit.draft_object, &err);
		return;
	}
	a->edit.kind = EDIT_DRAFT_OFFER;
	/* "2026-11-23T09:00:00Z" -> "2026-11-23 09:00": short enough for 80 columns. */
	char when[17];
	snprintf(when, sizeof when, "%.10s %.5s", a->edit.draft_saved_at,
		a->edit.draft_saved_at + (strlen(a->edit.draft_saved_at) > 11 ? 11 : 0));
	if (pv_draft_kind(a->edit.draft_kind))
		app_message(a, false, _("Unsaved text in the plan of %s, from %s."), f.case_no, when);
	else if (a->privacy)
		app_message(a, false, _("Unsaved draft of the name of %s, from %s."), f.case_no, when);
	else
		app_message(a, false, _("Unsaved draft of the name of %s, from %s: \"%s\""), f.case_no,
			when, a->edit.draft_body);
}
