/* The minutes of a meeting as JSON: stable English keys and stored names for kinds
 * and states, so that other tools can read them; the same privacy rules as the
 * Markdown minutes (meeting_export.c). */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/privacy.h"
#include "meeting_export.h"

static void key(struct wr *w, const char *indent, const char *k, bool first)
{
	fprintf(w->f, "%s\n%s\"%s\": ", first ? "" : ",", indent, k);
}

static void str_or_null(struct wr *w, const char *s, bool masked)
{
	if (s && *s)
		mx_str(w, s, masked);
	else
		fputs("null", w->f);
}

static void family_obj(struct wr *w, const char *id, const char *case_no, const char *name)
{
	if (!id[0]) {
		fputs("null", w->f);
		return;
	}
	char label[FAMILY_TEXT_MAX + 160];
	fputs("{ \"case_no\": ", w->f);
	mx_str(w, case_no, false);
	fputs(", \"name\": ", w->f);
	if (w->privacy)
		privacy_family_mask(w->ctx, id, name, label, sizeof label);
	mx_str(w, w->privacy ? label : name, false);
	fputs(" }", w->f);
}

static void person_obj(struct wr *w, const char *login, const char *name)
{
	if (!name[0]) {
		fputs("null", w->f);
		return;
	}
	fputs("{ \"login\": ", w->f);
	mx_str(w, login, false);
	fputs(", \"name\": ", w->f);
	mx_str(w, name, false);
	fputs(" }", w->f);
}

static void json_meeting(struct wr *w)
{
	const struct meeting *m = w->m;
	const char *in = "    ";
	fputs("{\n  \"meeting\": {", w->f);
	key(w, in, "id", true);
	mx_str(w, m->id, false);
	key(w, in, "date", false);
	mx_str(w, m->held_on, false);
	key(w, in, "status", false);
	mx_str(w, meeting_status_name(m->status), false);
	key(w, in, "chair", false);
	person_obj(w, m->chair_login, m->chair_name);
	key(w, in, "minute_taker", false);
	person_obj(w, m->minutes_login, m->minutes_name);
	key(w, in, "started_at", false);
	str_or_null(w, m->started_at, false);
	key(w, in, "finished_at", false);
	str_or_null(w, m->finished_at, false);
	key(w, in, "elapsed_seconds", false);
	fprintf(w->f, "%lld", (long long)meeting_elapsed(m, clock_now()));
	key(w, in, "planned_minutes", false);
	fprintf(w->f, "%d\n  },\n  \"privacy\": %s,\n  \"attendees\": [", m->planned_minutes,
		w->privacy ? "true" : "false");
	for (size_t i = 0; i < w->n_att; i++) {
		const struct meeting_attendee *a = &w->att[i];
		fprintf(w->f, "%s\n    { \"type\": \"%s\", \"login\": ", i ? "," : "",
			a->guest ? "guest" : "member");
		str_or_null(w, a->login, false);
		fputs(", \"name\": ", w->f);
		mx_str(w, a->name, false);
		fputs(", \"role\": ", w->f);
		mx_str(w, a->role, false);
		fprintf(w->f, ", \"chair\": %s, \"minute_taker\": %s }", a->chair ? "true" : "false",
			a->minute_taker ? "true" : "false");
	}
	fputs(w->n_att ? "\n  ]" : "]", w->f);
}

struct note_list {
	struct wr *w;
	int n;
};

static int json_note(void *arg, const struct meeting_note *n)
{
	struct note_list *l = arg;
	struct wr *w = l->w;
	fprintf(w->f, "%s\n        { \"author\": ", l->n++ ? "," : "");
	person_obj(w, n->author_login, n->author_name);
	fputs(", \"round\": ", w->f);
	str_or_null(w, n->round >= 0 ? inbreng_round_name((enum inbreng_round)n->round) : NULL,
		false);
	fputs(", \"created_at\": ", w->f);
	mx_str(w, n->created_at, false);
	fputs(", \"text\": ", w->f);
	mx_str(w, n->body, true);
	fputs(" }", w->f);
	return 0;
}

/* Notes are the discussion's free text: left out with privacy (null). */
static enum casus_rc json_notes(struct wr *w, const struct agenda_item *it,
	struct casus_err *err)
{
	key(w, "      ", "notes", false);
	if (w->privacy) {
		fputs("null", w->f);
		return CASUS_OK;
	}
	struct note_list l = { w, 0 };
	fputs("[", w->f);
	enum casus_rc r = meeting_note_each(w->ctx, it->id, json_note, &l, err);
	fputs(l.n ? "\n      ]" : "]", w->f);
	return r;
}

static enum casus_rc json_item(struct wr *w, const struct agenda_item *it, bool first,
	struct casus_err *err)
{
	const char *in = "      ";
	char next[11];
	fprintf(w->f, "%s\n    {", first ? "" : ",");
	key(w, in, "position", true);
	fprintf(w->f, "%d", it->position);
	key(w, in, "kind", false);
	mx_str(w, agenda_kind_name(it->kind), false);
	key(w, in, "state", false);
	mx_str(w, agenda_state_name(it->state), false);
	key(w, in, "family", false);
	family_obj(w, it->family_id, it->case_no, it->family_name);
	key(w, in, "team_issue", false);
	if (it->team_issue_id[0]) {
		fprintf(w->f, "{ \"number\": %d, \"title\": ", it->team_issue_no);
		mx_str(w, it->team_issue_title, true);
		fputs(" }", w->f);
	} else {
		fputs("null", w->f);
	}
	key(w, in, "question", false);
	str_or_null(w, it->question, true);
	key(w, in, "brought_by", false);
	person_obj(w, it->brought_by_login, it->brought_by_name);
	key(w, in, "evaluation_due", false);
	str_or_null(w, it->due_on, false);
	key(w, in, "round", false);
	str_or_null(w, it->round >= 0 ? inbreng_round_name((enum inbreng_round)it->round) : NULL,
		false);
	key(w, in, "planned_minutes", false);
	fprintf(w->f, "%d", it->planned_minutes);
	key(w, in, "used_seconds", false);
	fprintf(w->f, "%lld", (long long)meeting_item_elapsed(it, clock_now()));
	mx_next_meeting(w, it, next);
	key(w, in, "moved_to_meeting", false);
	str_or_null(w, next, false);
	enum casus_rc r = json_notes(w, it, err);
	fputs("\n    }", w->f);
	return r;
}

static void json_decision(struct wr *w, const struct meeting_decision *d, bool first)
{
	const struct agenda_item *it = mx_item_at(w, d->item_id);
	fprintf(w->f, "%s\n    { \"item\": %d, \"kind\": \"%s\", \"family\": ", first ? "" : ",",
		it ? it->position : 0, decision_kind_name(d->kind));
	family_obj(w, d->family_id, d->case_no, d->family_name);
	fputs(", \"text\": ", w->f);
	mx_str(w, d->body, true);
	fputs(", \"owner\": ", w->f);
	person_obj(w, d->owner_login, d->owner_name);
	fputs(", \"due_on\": ", w->f);
	str_or_null(w, d->due_on, false);
	fputs(", \"recorded_at\": ", w->f);
	mx_str(w, d->created_at, false);
	fputs(" }", w->f);
}

static void json_action(struct wr *w, const struct meeting_action *a, bool first)
{
	const struct agenda_item *it = mx_item_at(w, a->item_id);
	char owner[300 * 4 + 1];
	mx_owner_label(w, a, owner, sizeof owner);
	fprintf(w->f, "%s\n    { \"item\": %d, \"family\": ", first ? "" : ",", it ? it->position : 0);
	family_obj(w, a->family_id, a->case_no, a->family_name);
	fputs(", \"text\": ", w->f);
	mx_str(w, a->body, true);
	fprintf(w->f, ", \"owner\": { \"kind\": \"%s\", \"name\": ", plan_owner_kind_name(a->owner_kind));
	mx_str(w, owner, false);
	fputs(" }, \"due_on\": ", w->f);
	str_or_null(w, a->due_on, false);
	fprintf(w->f, ", \"status\": \"%s\", \"in_plan\": %s }", action_status_name(a->status),
		a->plan_action_id[0] ? "true" : "false");
}

enum casus_rc mx_write_json(struct wr *w, struct casus_err *err)
{
	enum casus_rc r = CASUS_OK;
	json_meeting(w);
	fputs(",\n  \"items\": [", w->f);
	for (size_t i = 0; !r && i < w->n_items; i++)
		r = json_item(w, &w->items[i], i == 0, err);
	fputs(w->n_items ? "\n  ],\n  \"decisions\": [" : "],\n  \"decisions\": [", w->f);
	for (size_t i = 0; i < w->n_dec; i++)
		json_decision(w, &w->dec[i], i == 0);
	fputs(w->n_dec ? "\n  ],\n  \"actions\": [" : "],\n  \"actions\": [", w->f);
	for (size_t i = 0; i < w->n_act; i++)
		json_action(w, &w->act[i], i == 0);
	fputs(w->n_act ? "\n  ],\n  \"moved\": [" : "],\n  \"moved\": [", w->f);
	size_t n = 0;
	for (size_t i = 0; i < w->n_items; i++)
		if (w->items[i].state == ITEM_MOVED)
			fprintf(w->f, "%s%d", n++ ? ", " : "", w->items[i].position);
	fputs("]\n}\n", w->f);
	return r;
}
