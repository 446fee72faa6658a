/* Meeting mode: loading the meeting and its agenda, and the keys (see view_meeting.h).
 * Handlers change state through core and return reaction flags; painting is in
 * view_meeting_draw.c. Core checks who may do what (chair, minute-taker) and says so. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "casus/i18n.h"
#include "view_meeting.h"

static int load_item(void *arg, const struct agenda_item *it)
{
	struct meet_ui *mu = arg;
	if (mu->n >= MEET_ITEMS_MAX)
		return 1;
	mu->items[mu->n++] = *it;
	return 0;
}

static int load_decision(void *arg, const struct meeting_decision *d)
{
	struct meet_ui *mu = arg;
	if (mu->ndec == MEET_LINES_MAX) {
		memmove(mu->dec[0], mu->dec[1], sizeof mu->dec[0] * (MEET_LINES_MAX - 1));
		mu->ndec--;
	}
	snprintf(mu->dec[mu->ndec++], sizeof mu->dec[0], "%.200s%s%.80s", d->body,
		d->owner_name[0] ? " - " : "", d->owner_name);
	return 0;
}

struct act_arg {
	struct meet_ui *mu;
	const char *item_id;
};

static int load_action(void *arg, const struct meeting_action *x)
{
	struct act_arg *aa = arg;
	struct meet_ui *mu = aa->mu;
	if (strcmp(x->item_id, aa->item_id) != 0)
		return 0;
	if (mu->nact == MEET_LINES_MAX) {
		memmove(mu->act[0], mu->act[1], sizeof mu->act[0] * (MEET_LINES_MAX - 1));
		mu->nact--;
	}
	snprintf(mu->act[mu->nact++], sizeof mu->act[0], "%.80s: %.200s%s%.10s", x->owner_name, x->body,
		x->due_on[0] ? " - " : "", x->due_on);
	return 0;
}

const struct agenda_item *meeting_current(const struct meet_ui *mu)
{
	for (int i = 0; i < mu->n; i++)
		if (mu->items[i].state == ITEM_RUNNING)
			return &mu->items[i];
	return mu->sel < mu->n ? &mu->items[mu->sel] : NULL;
}

static void load_minutes(struct app *a, struct meet_ui *mu)
{
	struct casus_err err;
	const struct agenda_item *cur = meeting_current(mu);
	mu->ndec = mu->nact = 0;
	if (!cur)
		return;
	meeting_decision_each(a->ctx, mu->m.id, cur->id, load_decision, mu, &err);
	struct act_arg aa = { mu, cur->id };
	meeting_action_each(a->ctx, mu->m.id, load_action, &aa, &err);
}

void meeting_view_reload(struct app *a)
{
	struct meet_ui *mu = a->meet;
	struct casus_err err;
	if (!mu)
		return;
	char sel_id[CASUS_ID_LEN] = "";
	if (mu->sel < mu->n)
		memcpy(sel_id, mu->items[mu->sel].id, sizeof sel_id);
	mu->n = 0;
	mu->have = (mu->m.id[0] ? meeting_get(a->ctx, mu->m.id, &mu->m, &err)
		: meeting_next(a->ctx, &mu->m, &err)) == CASUS_OK;
	if (!mu->have)
		return;
	meeting_item_each(a->ctx, mu->m.id, load_item, mu, &err);
	mu->sel = 0;
	for (int i = 0; i < mu->n; i++) {
		privacy_family_mask(a->ctx, mu->items[i].family_id, mu->items[i].family_name,
			mu->masked[i], sizeof mu->masked[i]);
		if (strcmp(mu->items[i].id, sel_id) == 0)
			mu->sel = i;
	}
	load_minutes(a, mu);
}

unsigned meeting_view_open(struct app *a)
{
	if (!a->meet && !(a->meet = calloc(1, sizeof *a->meet))) {
		app_message(a, true, "%s", _("Out of memory."));
		return R_PAINT_MSG;
	}
	struct meet_ui *mu = a->meet;
	mu->m.id[0] = '\0';
	meeting_view_reload(a);
	/* A meeting under way opens on the item that runs. */
	mu->item_screen = false;
	for (int i = 0; i < mu->n; i++)
		mu->item_screen = mu->item_screen || mu->items[i].state == ITEM_RUNNING;
	a->view = VIEW_MEETING;
	if (!a->meet->have)
		app_message(a, false, "%s", _("There is no meeting planned; plan one with "
			"casus meeting new."));
	return R_LAYOUT | R_PAINT_ALL;
}

void meeting_view_free(struct app *a)
{
	free(a->meet);
	a->meet = NULL;
}

/* ---- running ---- */

static unsigned done_or_fail(struct app *a, enum casus_rc rc, const struct casus_err *err,
	const char *ok)
{
	if (rc)
		app_message(a, true, "%s", err->msg);
	else if (ok)
		app_message(a, false, "%s", ok);
	meeting_view_reload(a);
	return R_PAINT_MAIN | R_PAINT_MSG;
}

static unsigned run_item(struct app *a, enum action act)
{
	struct meet_ui *mu = a->meet;
	struct casus_err err;
	struct agenda_item it;
	const struct agenda_item *cur = mu->item_screen ? meeting_current(mu)
		: mu->sel < mu->n ? &mu->items[mu->sel] : NULL;
	if (!cur)
		return R_NONE;
	it = *cur;
	enum casus_rc rc;
	switch (act) {
	case A_MT_ROUND: rc = meeting_item_next_round(a->ctx, &it, &err); break;
	case A_MT_DONE: rc = meeting_item_done(a->ctx, &it, &err); break;
	case A_MT_SKIP: rc = meeting_item_skip(a->ctx, &it, &err); break;
	case A_MT_MOVE: rc = meeting_item_move_next(a->ctx, &it, &err); break;
	default: rc = meeting_item_start(a->ctx, &it, &err); break;
	}
	if (!rc && act == A_OPEN)
		mu->item_screen = true;
	if (!rc && act != A_OPEN && act != A_MT_ROUND)
		mu->item_screen = false;
	return done_or_fail(a, rc, &err, NULL);
}

static unsigned reorder(struct app *a, int delta)
{
	struct meet_ui *mu = a->meet;
	struct casus_err err;
	if (mu->sel >= mu->n || mu->item_screen)
		return R_NONE;
	struct agenda_item it = mu->items[mu->sel];
	int to = it.position + delta;
	if (to < 1 || to > mu->n)
		return R_NONE;
	enum casus_rc rc = meeting_item_reorder(a->ctx, &it, to, &err);
	return done_or_fail(a, rc, &err, NULL);
}

static unsigned start_meeting(struct app *a)
{
	struct casus_err err;
	enum casus_rc rc = meeting_start(a->ctx, &a->meet->m, &err);
	return done_or_fail(a, rc, &err, _("The meeting has started."));
}

static unsigned ask(struct app *a, enum meet_prompt p)
{
	struct meet_ui *mu = a->meet;
	if (!meeting_current(mu))
		return R_NONE;
	mu->prompt = p;
	le_set(&mu->le, "");
	return R_PAINT_MSG;
}

static unsigned move_sel(struct meet_ui *mu, int d)
{
	if (mu->item_screen)
		return R_NONE;
	int s = mu->sel + d;
	if (s < 0 || s >= mu->n)
		return R_NONE;
	mu->sel = s;
	return R_PAINT_MAIN;
}

unsigned meeting_view_handle(struct app *a, enum action act)
{
	struct meet_ui *mu = a->meet;
	if (!mu || !mu->have)
		return act == A_BACK || act == A_MEETING ? (a->view = VIEW_MAIN, R_LAYOUT | R_PAINT_ALL)
			: R_UNHANDLED;
	switch (act) {
	case A_DOWN: return move_sel(mu, 1);
	case A_UP: return move_sel(mu, -1);
	case A_FIRST: return move_sel(mu, -mu->sel);
	case A_LAST: return move_sel(mu, mu->n - 1 - mu->sel);
	case A_MT_LATER: return reorder(a, 1);
	case A_MT_EARLIER: return reorder(a, -1);
	case A_MT_START: return start_meeting(a);
	case A_OPEN: case A_MT_ROUND: case A_MT_DONE: case A_MT_SKIP: case A_MT_MOVE:
		return run_item(a, act);
	case A_MT_DECIDE: return ask(a, MP_DECISION);
	case A_MT_ACTION: return ask(a, MP_ACTION_WHAT);
	case A_MT_NOTE: return ask(a, MP_NOTE);
	case A_MEETING:
	case A_BACK:
		if (mu->item_screen) {
			mu->item_screen = false;
			return R_PAINT_MAIN;
		}
		a->view = VIEW_MAIN;
		return R_LAYOUT | R_PAINT_ALL;
	default: return R_UNHANDLED;
	}
}

/* ---- the prompts on the message line ---- */

bool meeting_prompt_active(const struct app *a)
{
	return a->view == VIEW_MEETING && a->meet && a->meet->prompt != MP_NONE;
}

static unsigned save(struct app *a, const char *text)
{
	struct meet_ui *mu = a->meet;
	const struct agenda_item *cur = meeting_current(mu);
	struct casus_err err;
	enum casus_rc rc;
	const char *ok;
	enum meet_prompt p = mu->prompt;
	mu->prompt = MP_NONE;
	if (!cur)
		return R_PAINT_MSG;
	if (p == MP_DECISION) {
		rc = meeting_decide(a->ctx, cur->id, text, NULL, NULL, NULL, &err);
		ok = _("Decision recorded.");
	} else if (p == MP_NOTE) {
		rc = meeting_note_add(a->ctx, cur->id, text, NULL, &err);
		ok = _("Note added.");
	} else {
		struct meeting_action_new in = { .body = mu->what, .owner_kind = OWNER_MEMBER,
			.owner = mu->who, .due_on = *text ? text : NULL };
		struct meeting_action out;
		rc = meeting_action_add(a->ctx, cur->id, &in, &out, &err);
		ok = !rc && out.plan_action_id[0] ? _("Action recorded; it is in the family's plan.")
			: _("Action recorded.");
	}
	return done_or_fail(a, rc, &err, ok) | R_PAINT_MSG;
}

unsigned meeting_prompt_key(struct app *a, const struct key *k)
{
	struct meet_ui *mu = a->meet;
	switch (le_key(&mu->le, k)) {
	case LE_CANCEL:
		mu->prompt = MP_NONE;
		return R_PAINT_MSG;
	case LE_ACCEPT:
		break;
	default:
		return R_PAINT_MSG;
	}
	if (mu->prompt == MP_ACTION_WHAT) {
		le_copy(mu->what, sizeof mu->what, mu->le.buf);
		mu->prompt = MP_ACTION_WHO;
		le_set(&mu->le, "");
		return R_PAINT_MSG;
	}
	if (mu->prompt == MP_ACTION_WHO) {
		le_copy(mu->who, sizeof mu->who, mu->le.buf);
		mu->prompt = MP_ACTION_DUE;
		le_set(&mu->le, "");
		return R_PAINT_MSG;
	}
	return save(a, mu->le.buf);
}
