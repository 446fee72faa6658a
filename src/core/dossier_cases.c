/* The dossier export: the family's escalations with their history, and what the case
 * meetings said, decided and agreed about the family. */
#include <stdlib.h>
#include <string.h>

#include "casus/escalation.h"
#include "casus/i18n.h"
#include "casus/meeting.h"
#include "casus/plan.h"
#include "dossier_priv.h"

/* ---- escalations ---- */

struct esc_walk {
	struct dossier_doc *d;
	bool open; /* an escalation item with its history list is open */
};

static void esc_close(struct esc_walk *e)
{
	if (!e->open)
		return;
	docw_list_end(&e->d->w, NULL);
	docw_item_end(&e->d->w);
	e->open = false;
}

static int esc_item(void *arg, const struct escalation *x)
{
	struct esc_walk *e = arg;
	struct docw *w = &e->d->w;
	char at[17], title[200], acted[17], decided[17];
	esc_close(e);
	dossier_time(x->requested_at, at);
	dossier_time(x->acted_at, acted);
	dossier_time(x->decided_at, decided);
	snprintf(title, sizeof title, "%s, %s", at, escalation_kind_label(x->kind));
	docw_item(w, title);
	docw_field(w, "id", "", w->json ? x->id : NULL);
	docw_field(w, "kind", "", w->json ? escalation_kind_name(x->kind) : NULL);
	docw_field(w, "level", _("Level"), x->level);
	docw_field(w, "urgency", _("Urgency"), w->json ? escalation_urgency_name(x->urgency)
		: escalation_urgency_label(x->urgency));
	docw_field(w, "status", _("Status"), w->json ? escalation_status_name(x->status)
		: escalation_status_label(x->status));
	docw_field(w, "requested_by", _("Requested by"), x->requested_by_name);
	docw_field(w, "requested_at", "", w->json ? x->requested_at : NULL);
	docw_text(w, "reason", _("Reason"), x->reason);
	docw_text(w, "tried", _("Tried already"), x->tried);
	docw_text(w, "asked", _("Asked"), x->asked);
	docw_field(w, "acted_at", _("Acted"), w->json ? x->acted_at : acted);
	docw_text(w, "acted_note", _("What was done"), x->acted_note);
	docw_field(w, "decided_by", _("Decided by"), x->decided_by_name);
	docw_field(w, "decided_at", _("Decided"), w->json ? x->decided_at : decided);
	docw_text(w, "motivation", _("Motivation"), x->motivation);
	docw_text(w, "instead", _("Needed instead"), x->instead);
	docw_list(w, "history", _("History"));
	e->open = true;
	return 0;
}

static int esc_event(void *arg, const struct escalation *x, const struct escalation_event *ev)
{
	(void)x;
	struct esc_walk *e = arg;
	struct docw *w = &e->d->w;
	char at[17];
	dossier_time(ev->at, at);
	docw_item(w, NULL);
	docw_field(w, "at", _("When"), w->json ? ev->at : at);
	docw_field(w, "action", _("What"), ev->action);
	docw_field(w, "status", _("Status"), ev->to_status);
	docw_field(w, "by", _("By"), ev->by_name);
	docw_text(w, "text", _("Text"), ev->motivation);
	docw_text(w, "instead", _("Needed instead"), ev->instead);
	docw_item_end(w);
	return 0;
}

enum casus_rc dossier_escalations(struct dossier_doc *d)
{
	struct esc_walk e = { .d = d };
	docw_list(&d->w, "escalations", dossier_part_label(DOSSIER_ESCALATIONS));
	enum casus_rc r = escalation_each_for_family(d->ctx, d->f.id, esc_item, esc_event, &e,
		d->err);
	esc_close(&e);
	docw_list_end(&d->w, _("No escalations."));
	return r;
}

/* ---- meetings ---- */

struct mt_walk {
	struct dossier_doc *d;
	const struct meeting *m;
	const char *item_id;
	enum casus_rc rc;
};

static int mt_note(void *arg, const struct meeting_note *n)
{
	struct mt_walk *t = arg;
	docw_item(&t->d->w, NULL);
	docw_field(&t->d->w, "by", _("By"), n->author_name);
	docw_field(&t->d->w, "round", _("Round"), n->round >= 0
		? inbreng_round_label((enum inbreng_round)n->round, t->d->lang) : NULL);
	docw_text(&t->d->w, "text", _("Text"), n->body);
	docw_item_end(&t->d->w);
	return 0;
}

static int mt_decision(void *arg, const struct meeting_decision *x)
{
	struct mt_walk *t = arg;
	docw_item(&t->d->w, NULL);
	docw_field(&t->d->w, "kind", "", t->d->w.json ? decision_kind_name(x->kind) : NULL);
	docw_text(&t->d->w, "text", _("Decision"), x->body);
	docw_field(&t->d->w, "owner", _("Who"), x->owner_name);
	docw_field(&t->d->w, "due_on", _("By when"), x->due_on);
	docw_item_end(&t->d->w);
	return 0;
}

static int mt_action(void *arg, const struct meeting_action *a)
{
	struct mt_walk *t = arg;
	if (strcmp(a->item_id, t->item_id) != 0)
		return 0;
	docw_item(&t->d->w, NULL);
	docw_text(&t->d->w, "text", _("Action"), a->body);
	docw_field(&t->d->w, "owner", _("Who"), a->owner_name);
	docw_field(&t->d->w, "due_on", _("By when"), a->due_on);
	docw_field(&t->d->w, "status", _("Status"), t->d->w.json ? action_status_name(a->status)
		: action_status_label(a->status));
	docw_item_end(&t->d->w);
	return 0;
}

static int mt_item(void *arg, const struct agenda_item *it)
{
	struct mt_walk *t = arg;
	struct dossier_doc *d = t->d;
	struct docw *w = &d->w;
	if (strcmp(it->family_id, d->f.id) != 0)
		return 0;
	char title[200];
	snprintf(title, sizeof title, "%s, %s", t->m->held_on,
		agenda_kind_label(it->kind, d->lang));
	docw_item(w, title);
	docw_field(w, "meeting_on", "", w->json ? t->m->held_on : NULL);
	docw_field(w, "kind", "", w->json ? agenda_kind_name(it->kind) : NULL);
	docw_field(w, "brought_by", _("Brought in by"), it->brought_by_name);
	docw_text(w, "question", _("Question"), it->question);
	docw_field(w, "state", _("State"), w->json ? agenda_state_name(it->state)
		: agenda_state_label(it->state, d->lang));
	t->item_id = it->id;
	docw_list(w, "notes", _("Notes"));
	enum casus_rc r = meeting_note_each(d->ctx, it->id, mt_note, t, d->err);
	docw_list_end(w, NULL);
	if (!r) {
		docw_list(w, "decisions", _("Decisions"));
		r = meeting_decision_each(d->ctx, t->m->id, it->id, mt_decision, t, d->err);
		docw_list_end(w, _("No decisions."));
	}
	if (!r) {
		docw_list(w, "actions", _("Actions"));
		r = meeting_action_each(d->ctx, t->m->id, mt_action, t, d->err);
		docw_list_end(w, _("No actions."));
	}
	docw_item_end(w);
	t->rc = r;
	return r != CASUS_OK;
}

/* Meetings come newest first; the dossier reads oldest first, so they are collected. */
struct mt_list {
	struct meeting *v;
	size_t n, cap;
	bool nomem;
};

static int mt_collect(void *arg, const struct meeting *m)
{
	struct mt_list *l = arg;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct meeting *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->nomem = true;
			return 1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *m;
	return 0;
}

enum casus_rc dossier_meetings(struct dossier_doc *d)
{
	struct mt_list l = { 0 };
	enum casus_rc r = meeting_each(d->ctx, mt_collect, &l, d->err);
	if (!r && l.nomem)
		r = err_set(d->err, CASUS_E_NOMEM, _("Out of memory."));
	docw_list(&d->w, "meetings", dossier_part_label(DOSSIER_MEETINGS));
	for (size_t i = l.n; i-- > 0 && !r;) {
		struct mt_walk t = { .d = d, .m = &l.v[i] };
		r = meeting_item_each(d->ctx, l.v[i].id, mt_item, &t, d->err);
		if (!r)
			r = t.rc;
	}
	docw_list_end(&d->w, _("The family was not discussed in a case meeting."));
	free(l.v);
	return r;
}
