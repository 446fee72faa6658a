/* Exporting the minutes of a meeting (the besluitenlijst and actielijst, attendees, the
 * agenda and what moved to the next meeting) as Markdown in Dutch or English, or as
 * JSON with stable English keys. Names are masked with casus/privacy.h, the rule the
 * shared screen uses too.
 *
 * With privacy on, a family is its case number plus initials and children's ages, and
 * every name of a family member or network member of any family on the agenda is
 * replaced by its initials wherever it appears in the exported text; notes (free text
 * of the discussion) are left out. BSN, addresses and contact data are never exported:
 * nothing here reads them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meeting.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/privacy.h"
#include "meeting_export.h"

/* ---- words of the minutes, in both languages ---- */

enum lbl { L_TITLE, L_CHAIR, L_MINUTES, L_STATUS, L_STARTED, L_FINISHED, L_TIME, L_PLANNED,
	L_PRIVACY, L_PRIVACY_ON, L_ATTENDEES, L_GUEST, L_AGENDA, L_QUESTION, L_BROUGHT,
	L_EVAL_DUE, L_NOTES, L_DECISIONS, L_NO_DECISIONS, L_ACTIONS, L_NO_ACTIONS, L_MOVED,
	L_NO_MOVED, L_ITEM, L_WHO, L_DUE, L_REGIE, L_CONSULT, L_IN_PLAN, L_NEXT, L_LATER,
	L_OF, L_FROM, L_ROUND, L_ST_OPEN, L_ST_DONE, L_ST_CANCELLED, L_COACH, L_GW, L_TL, L_ROLE_CHAIR,
	L_ROLE_MINUTES, L_STATUS_ACTION, L_COUNT };

static const char *const words[L_COUNT][2] = {
	[L_TITLE] = { "Minutes of the case meeting", "Verslag van het casuïstiekoverleg" },
	[L_CHAIR] = { "Chair", "Voorzitter" },
	[L_MINUTES] = { "Minute-taker", "Notulist" },
	[L_STATUS] = { "Status", "Status" },
	[L_STARTED] = { "Started", "Begonnen" },
	[L_FINISHED] = { "Finished", "Afgesloten" },
	[L_TIME] = { "Time used", "Gebruikte tijd" },
	[L_PLANNED] = { "planned", "gepland" },
	[L_PRIVACY] = { "Privacy", "Privacy" },
	[L_PRIVACY_ON] = { "names of families and their members are shown as initials; notes "
		"are left out", "namen van gezinnen en gezinsleden staan er als initialen; "
		"notities zijn weggelaten" },
	[L_ATTENDEES] = { "Attendees", "Aanwezigen" },
	[L_GUEST] = { "guest", "gast" },
	[L_AGENDA] = { "Agenda", "Agenda" },
	[L_QUESTION] = { "Question", "Vraag" },
	[L_BROUGHT] = { "Brought in by", "Ingebracht door" },
	[L_EVAL_DUE] = { "Evaluation due on", "Evaluatie gepland op" },
	[L_NOTES] = { "Notes", "Notities" },
	[L_DECISIONS] = { "Decisions", "Besluitenlijst" },
	[L_NO_DECISIONS] = { "No decisions.", "Geen besluiten." },
	[L_ACTIONS] = { "Actions", "Actielijst" },
	[L_NO_ACTIONS] = { "No actions.", "Geen acties." },
	[L_MOVED] = { "Moved to the next meeting", "Doorgeschoven naar het volgende overleg" },
	[L_NO_MOVED] = { "Nothing was moved.", "Niets doorgeschoven." },
	[L_ITEM] = { "Item", "Punt" },
	[L_WHO] = { "who", "wie" },
	[L_DUE] = { "due", "uiterlijk" },
	[L_REGIE] = { "Regievoerder", "Regievoerder" },
	[L_CONSULT] = { "Meldcode step 2, collegial consultation",
		"Meldcode stap 2, collegiale consultatie" },
	[L_IN_PLAN] = { "in the family's plan", "in het plan van het gezin" },
	[L_NEXT] = { "to the meeting of", "naar het overleg van" },
	[L_LATER] = { "onto the next meeting once it is planned",
		"komt op het volgende overleg zodra dat gepland is" },
	[L_OF] = { "of", "van" },
	[L_FROM] = { "from the meeting of", "uit het overleg van" },
	[L_ROUND] = { "Round", "Ronde" },
	[L_ST_OPEN] = { "open", "open" },
	[L_ST_DONE] = { "done", "gedaan" },
	[L_ST_CANCELLED] = { "cancelled", "vervallen" },
	[L_COACH] = { "family coach", "gezinscoach" },
	[L_GW] = { "behavioural scientist", "gedragswetenschapper" },
	[L_TL] = { "team lead", "teamleider" },
	[L_ROLE_CHAIR] = { "chair", "voorzitter" },
	[L_ROLE_MINUTES] = { "minute-taker", "notulist" },
	[L_STATUS_ACTION] = { "status", "status" },
};

static const char *W(const struct wr *w, enum lbl k)
{
	return words[k][w->li];
}

/* Append one element of `size` bytes to a growing array. */
static void *grow(struct wr *w, void **v, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		void *p = realloc(*v, c * size);
		if (!p) {
			w->nomem = true;
			return NULL;
		}
		*v = p;
		*cap = c;
	}
	return (char *)*v + (*n)++ * size;
}

static int keep_item(void *arg, const struct agenda_item *it)
{
	struct wr *w = arg;
	struct agenda_item *x = grow(w, (void **)&w->items, &w->n_items, &w->cap_items, sizeof *x);
	if (x)
		*x = *it;
	return x == NULL;
}

static int keep_decision(void *arg, const struct meeting_decision *d)
{
	struct wr *w = arg;
	struct meeting_decision *x = grow(w, (void **)&w->dec, &w->n_dec, &w->cap_dec, sizeof *x);
	if (x)
		*x = *d;
	return x == NULL;
}

static int keep_action(void *arg, const struct meeting_action *a)
{
	struct wr *w = arg;
	struct meeting_action *x = grow(w, (void **)&w->act, &w->n_act, &w->cap_act, sizeof *x);
	if (x)
		*x = *a;
	return x == NULL;
}

static int keep_attendee(void *arg, const struct meeting_attendee *a)
{
	struct wr *w = arg;
	struct meeting_attendee *x = grow(w, (void **)&w->att, &w->n_att, &w->cap_att, sizeof *x);
	if (x)
		*x = *a;
	return x == NULL;
}

static void add_name(struct wr *w, const char *name)
{
	if (!name || strlen(name) < 2)
		return;
	for (size_t i = 0; i < w->n_names; i++)
		if (strcmp(w->names[i].name, name) == 0)
			return;
	struct names *x = grow(w, (void **)&w->names, &w->n_names, &w->cap_names, sizeof *x);
	if (!x)
		return;
	char ini[64];
	privacy_initials(name, ini, sizeof ini);
	x->name = strdup(name);
	x->ini = strdup(ini);
	if (!x->name || !x->ini)
		w->nomem = true;
}

static int name_of_person(void *arg, const struct person *p)
{
	struct wr *w = arg;
	char full[sizeof p->given_name + sizeof p->family_name + 1];
	snprintf(full, sizeof full, "%s %s", p->given_name, p->family_name);
	add_name(w, full);
	add_name(w, p->given_name);
	add_name(w, p->family_name);
	return w->nomem;
}

static int name_of_party(void *arg, const struct party *p)
{
	/* Network members are private persons; professionals act in their role. */
	if (p->kind == PARTY_NETWERK)
		add_name(arg, p->name);
	return ((struct wr *)arg)->nomem;
}

static int longest_first(const void *a, const void *b)
{
	size_t x = strlen(((const struct names *)a)->name);
	size_t y = strlen(((const struct names *)b)->name);
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The names of every family on the agenda, to mask wherever they appear. */
static enum casus_rc collect_names(struct wr *w, struct casus_err *err)
{
	enum casus_rc r = CASUS_OK;
	for (size_t i = 0; !r && i < w->n_items; i++) {
		const struct agenda_item *it = &w->items[i];
		if (!it->family_id[0])
			continue;
		add_name(w, it->family_name);
		if (!(r = person_each(w->ctx, it->family_id, name_of_person, w, err)))
			r = party_each(w->ctx, it->family_id, name_of_party, w, err);
	}
	if (w->nomem)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	qsort(w->names, w->n_names, sizeof *w->names, longest_first);
	return r;
}

/* One byte of text; in JSON, escaped inside a string. */
static void out_c(struct wr *w, char c)
{
	if (!w->json) {
		fputc(c, w->f);
		return;
	}
	switch (c) {
	case '"': fputs("\\\"", w->f); break;
	case '\\': fputs("\\\\", w->f); break;
	case '\n': fputs("\\n", w->f); break;
	case '\t': fputs("\\t", w->f); break;
	case '\r': fputs("\\r", w->f); break;
	default:
		if ((unsigned char)c < 0x20)
			fprintf(w->f, "\\u%04x", (unsigned char)c);
		else
			fputc(c, w->f);
	}
}

static void out_s(struct wr *w, const char *s)
{
	for (; *s; s++)
		out_c(w, *s);
}

static bool word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| (unsigned char)c >= 0x80;
}

void mx_masked(struct wr *w, const char *text, const char *cont)
{
	for (const char *p = text ? text : ""; *p;) {
		bool done = false;
		bool start = p == text || !word_byte(p[-1]);
		for (size_t i = 0; w->privacy && start && i < w->n_names && !done; i++) {
			size_t n = strlen(w->names[i].name);
			if (strncasecmp(p, w->names[i].name, n) == 0 && !word_byte(p[n])) {
				out_s(w, w->names[i].ini);
				p += n;
				done = true;
			}
		}
		if (done)
			continue;
		if (*p == '\n' && cont)
			fputs(cont, w->f);
		else
			out_c(w, *p);
		p++;
	}
}

void mx_str(struct wr *w, const char *text, bool masked)
{
	fputc('"', w->f);
	bool privacy = w->privacy;
	w->privacy = privacy && masked;
	mx_masked(w, text, NULL);
	w->privacy = privacy;
	fputc('"', w->f);
}

void mx_family_label(const struct wr *w, const char *family_id, const char *case_no,
	const char *name, char *out, size_t outsz)
{
	char mask[128];
	if (w->privacy) {
		privacy_family_mask(w->ctx, family_id, name, mask, sizeof mask);
		snprintf(out, outsz, "%s %s", case_no, mask);
	} else {
		snprintf(out, outsz, "%s %s", case_no, name);
	}
}

static const char *role_word(const struct wr *w, const char *stored)
{
	if (strcmp(stored, "coach") == 0)
		return W(w, L_COACH);
	if (strcmp(stored, "gedragswetenschapper") == 0)
		return W(w, L_GW);
	if (strcmp(stored, "teamleider") == 0)
		return W(w, L_TL);
	return stored; /* a guest's own role, as written */
}

static const char *status_word(const struct wr *w, enum action_status s)
{
	return W(w, s == ACTION_DONE ? L_ST_DONE : s == ACTION_CANCELLED ? L_ST_CANCELLED
								  : L_ST_OPEN);
}

void mx_owner_label(const struct wr *w, const struct meeting_action *a, char *out,
	size_t outsz)
{
	if (w->privacy && (a->owner_kind == OWNER_PERSON || a->owner_kind == OWNER_NETWORK))
		privacy_initials(a->owner_name, out, outsz);
	else
		snprintf(out, outsz, "%s", a->owner_name);
}

const struct agenda_item *mx_item_at(const struct wr *w, const char *item_id)
{
	for (size_t i = 0; i < w->n_items; i++)
		if (strcmp(w->items[i].id, item_id) == 0)
			return &w->items[i];
	return NULL;
}

static const struct meeting_action *action_of(const struct wr *w, const char *action_id,
	struct meeting_action *buf)
{
	struct casus_err err;
	return meeting_action_get(w->ctx, action_id, buf, &err) == CASUS_OK ? buf : NULL;
}

void mx_next_meeting(struct wr *w, const struct agenda_item *it, char out[11])
{
	struct agenda_item *to = malloc(sizeof *to);
	struct meeting m;
	struct casus_err err;
	out[0] = '\0';
	if (to && it->moved_to[0] && meeting_item_get(w->ctx, it->moved_to, to, &err) == CASUS_OK
	    && meeting_get(w->ctx, to->meeting_id, &m, &err) == CASUS_OK)
		memcpy(out, m.held_on, 11);
	free(to);
}

/* ---- Markdown ---- */

static void md_head(struct wr *w)
{
	const struct meeting *m = w->m;
	fprintf(w->f, "# %s %s\n\n", W(w, L_TITLE), m->held_on);
	fprintf(w->f, "- **%s:** %s\n", W(w, L_CHAIR), m->chair_name);
	fprintf(w->f, "- **%s:** %s\n", W(w, L_MINUTES), m->minutes_name);
	fprintf(w->f, "- **%s:** %s\n", W(w, L_STATUS), meeting_status_label(m->status, w->lang));
	if (m->started_at[0])
		fprintf(w->f, "- **%s:** %s\n", W(w, L_STARTED), m->started_at);
	if (m->finished_at[0])
		fprintf(w->f, "- **%s:** %s\n", W(w, L_FINISHED), m->finished_at);
	fprintf(w->f, "- **%s:** %lld min (%s %d min)\n", W(w, L_TIME),
		(long long)(meeting_elapsed(m, clock_now()) + 30) / 60, W(w, L_PLANNED),
		m->planned_minutes);
	if (w->privacy)
		fprintf(w->f, "- **%s:** %s\n", W(w, L_PRIVACY), W(w, L_PRIVACY_ON));
	fprintf(w->f, "\n## %s\n\n", W(w, L_ATTENDEES));
	for (size_t i = 0; i < w->n_att; i++) {
		const struct meeting_attendee *a = &w->att[i];
		fprintf(w->f, "- %s, %s", a->name, role_word(w, a->role));
		if (a->guest)
			fprintf(w->f, " (%s)", W(w, L_GUEST));
		else if (a->chair || a->minute_taker)
			fprintf(w->f, " (%s%s%s)", a->chair ? W(w, L_ROLE_CHAIR) : "",
				a->chair && a->minute_taker ? ", " : "",
				a->minute_taker ? W(w, L_ROLE_MINUTES) : "");
		fputc('\n', w->f);
	}
}

/* What an item is about: a family, a team issue, an open action. */
static void md_subject(struct wr *w, const struct agenda_item *it)
{
	char label[FAMILY_TEXT_MAX + 160];
	struct meeting_action *a = malloc(sizeof *a);
	if (it->family_id[0]) {
		mx_family_label(w, it->family_id, it->case_no, it->family_name, label, sizeof label);
		fprintf(w->f, " \xe2\x80\x94 %s", label);
	}
	if (it->team_issue_id[0]) {
		fprintf(w->f, " \xe2\x80\x94 #%d ", it->team_issue_no);
		mx_masked(w, it->team_issue_title, NULL);
	}
	if (a && it->action_id[0] && action_of(w, it->action_id, a)) {
		mx_owner_label(w, a, label, sizeof label);
		fputs(": ", w->f);
		mx_masked(w, a->body, " ");
		fprintf(w->f, " (%s: %s; %s %s)", W(w, L_WHO), label, W(w, L_FROM), a->meeting_on);
	}
	free(a);
}

struct md_notes {
	struct wr *w;
	int n;
};

static int md_note(void *arg, const struct meeting_note *n)
{
	struct md_notes *l = arg;
	struct wr *w = l->w;
	if (!l->n++)
		fprintf(w->f, "   - %s:\n", W(w, L_NOTES));
	fprintf(w->f, "     - %s", n->author_name);
	if (n->round >= 0)
		fprintf(w->f, " (%s)", inbreng_round_label((enum inbreng_round)n->round, w->lang));
	fputs(": ", w->f);
	mx_masked(w, n->body, "\n       ");
	fputc('\n', w->f);
	return 0;
}

static enum casus_rc md_agenda(struct wr *w, struct casus_err *err)
{
	time_t now = clock_now();
	fprintf(w->f, "\n## %s\n\n", W(w, L_AGENDA));
	for (size_t i = 0; i < w->n_items; i++) {
		const struct agenda_item *it = &w->items[i];
		fprintf(w->f, "%d. %s", it->position, agenda_kind_label(it->kind, w->lang));
		md_subject(w, it);
		fprintf(w->f, " \xe2\x80\x94 %s, %lld %s %d min\n", agenda_state_label(it->state,
			w->lang), (long long)(meeting_item_elapsed(it, now) + 30) / 60, W(w, L_OF),
			it->planned_minutes);
		if (it->question[0]) {
			fprintf(w->f, "   - %s: ", W(w, L_QUESTION));
			mx_masked(w, it->question, "\n     ");
			fputc('\n', w->f);
		}
		if (it->brought_by_name[0])
			fprintf(w->f, "   - %s: %s\n", W(w, L_BROUGHT), it->brought_by_name);
		if (it->due_on[0])
			fprintf(w->f, "   - %s: %s\n", W(w, L_EVAL_DUE), it->due_on);
		if (it->round >= 0 && it->state != ITEM_OPEN)
			fprintf(w->f, "   - %s: %s\n", W(w, L_ROUND),
				inbreng_round_label((enum inbreng_round)it->round, w->lang));
		if (w->privacy)
			continue;
		struct md_notes notes = { w, 0 };
		enum casus_rc r = meeting_note_each(w->ctx, it->id, md_note, &notes, err);
		if (r)
			return r;
	}
	return CASUS_OK;
}

static void md_where(struct wr *w, const char *item_id, const char *family_id,
	const char *case_no, const char *family_name)
{
	const struct agenda_item *it = mx_item_at(w, item_id);
	fprintf(w->f, "%s %d", W(w, L_ITEM), it ? it->position : 0);
	if (family_id[0]) {
		char label[FAMILY_TEXT_MAX + 160];
		mx_family_label(w, family_id, case_no, family_name, label, sizeof label);
		fprintf(w->f, ", %s", label);
	} else if (it && it->team_issue_id[0]) {
		fprintf(w->f, ", #%d", it->team_issue_no);
	}
	fputs(": ", w->f);
}

static void md_decisions(struct wr *w)
{
	fprintf(w->f, "\n## %s\n\n", W(w, L_DECISIONS));
	if (!w->n_dec)
		fprintf(w->f, "%s\n", W(w, L_NO_DECISIONS));
	for (size_t i = 0; i < w->n_dec; i++) {
		const struct meeting_decision *d = &w->dec[i];
		fprintf(w->f, "%zu. ", i + 1);
		md_where(w, d->item_id, d->family_id, d->case_no, d->family_name);
		if (d->kind == DECISION_REGIE)
			fprintf(w->f, "%s: %s. ", W(w, L_REGIE), d->owner_name);
		else if (d->kind == DECISION_CONSULTATIE)
			fprintf(w->f, "%s. ", W(w, L_CONSULT));
		if (d->kind != DECISION_REGIE || strcmp(d->body, d->owner_name) != 0)
			mx_masked(w, d->body, "\n   ");
		fputc('\n', w->f);
		if (d->kind == DECISION_BESLUIT && (d->owner_name[0] || d->due_on[0]))
			fprintf(w->f, "   - %s: %s; %s: %s\n", W(w, L_WHO),
				d->owner_name[0] ? d->owner_name : "\xe2\x80\x94", W(w, L_DUE),
				d->due_on[0] ? d->due_on : "\xe2\x80\x94");
	}
}

static void md_actions(struct wr *w)
{
	fprintf(w->f, "\n## %s\n\n", W(w, L_ACTIONS));
	if (!w->n_act)
		fprintf(w->f, "%s\n", W(w, L_NO_ACTIONS));
	for (size_t i = 0; i < w->n_act; i++) {
		const struct meeting_action *a = &w->act[i];
		char owner[300 * 4 + 1];
		mx_owner_label(w, a, owner, sizeof owner);
		fprintf(w->f, "%zu. ", i + 1);
		md_where(w, a->item_id, a->family_id, a->case_no, a->family_name);
		mx_masked(w, a->body, "\n   ");
		fprintf(w->f, "\n   - %s: %s; %s: %s; %s: %s%s%s\n", W(w, L_WHO), owner, W(w, L_DUE),
			a->due_on[0] ? a->due_on : "\xe2\x80\x94", W(w, L_STATUS_ACTION),
			status_word(w, a->status), a->plan_action_id[0] ? "; " : "",
			a->plan_action_id[0] ? W(w, L_IN_PLAN) : "");
	}
}

static void md_moved(struct wr *w)
{
	size_t n = 0;
	fprintf(w->f, "\n## %s\n\n", W(w, L_MOVED));
	for (size_t i = 0; i < w->n_items; i++) {
		const struct agenda_item *it = &w->items[i];
		char next[11];
		if (it->state != ITEM_MOVED)
			continue;
		mx_next_meeting(w, it, next);
		fprintf(w->f, "- %s %d, %s", W(w, L_ITEM), it->position,
			agenda_kind_label(it->kind, w->lang));
		md_subject(w, it);
		if (next[0])
			fprintf(w->f, " (%s %s)\n", W(w, L_NEXT), next);
		else
			fprintf(w->f, " (%s)\n", W(w, L_LATER));
		n++;
	}
	if (!n)
		fprintf(w->f, "%s\n", W(w, L_NO_MOVED));
}

static enum casus_rc write_md(struct wr *w, struct casus_err *err)
{
	md_head(w);
	enum casus_rc r = md_agenda(w, err);
	if (r)
		return r;
	md_decisions(w);
	md_actions(w);
	md_moved(w);
	return CASUS_OK;
}

/* ---- export ---- */

static enum casus_rc gather(struct wr *w, struct casus_err *err)
{
	enum casus_rc r;
	if ((r = meeting_attendee_each(w->ctx, w->m->id, keep_attendee, w, err))
	    || (r = meeting_item_each(w->ctx, w->m->id, keep_item, w, err))
	    || (r = meeting_decision_each(w->ctx, w->m->id, NULL, keep_decision, w, err))
	    || (r = meeting_action_each(w->ctx, w->m->id, keep_action, w, err)))
		return r;
	if (w->nomem)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	return w->privacy ? collect_names(w, err) : CASUS_OK;
}

/* The access log: the meeting, and every family whose data is in the minutes. */
static enum casus_rc log_export(struct wr *w, const char *what, struct casus_err *err)
{
	enum casus_rc r = db_begin(w->ctx, err);
	if (!r)
		r = audit_log(w->ctx, AUDIT_EXPORT, NULL, "meeting", w->m->id, what, err);
	for (size_t i = 0; !r && i < w->n_items; i++) {
		const struct agenda_item *it = &w->items[i];
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(w->items[j].family_id, it->family_id) == 0;
		if (it->family_id[0] && !seen)
			r = audit_log(w->ctx, AUDIT_EXPORT, it->family_id, "meeting", w->m->id, what, err);
	}
	return mt_end(w->ctx, r, err);
}

static void wr_free(struct wr *w)
{
	for (size_t i = 0; i < w->n_names; i++) {
		free(w->names[i].name);
		free(w->names[i].ini);
	}
	free(w->names);
	free(w->items);
	free(w->dec);
	free(w->act);
	free(w->att);
}

enum casus_rc meeting_export_minutes(struct casus_ctx *ctx, const char *meeting_id,
	enum meeting_format format, const char *lang, bool privacy, FILE *out,
	struct casus_err *err)
{
	if (!lang || !*lang)
		lang = "nl";
	if (strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
		return err_set(err, CASUS_E_INVALID, _("Unknown language '%.20s' (nl or en)."), lang);
	if (format != MEETING_MD && format != MEETING_JSON)
		return err_set(err, CASUS_E_INVALID, _("Unknown export format."));
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	struct meeting m;
	enum casus_rc r = meeting_get(ctx, meeting_id, &m, err);
	if (r)
		return r;
	struct wr w = { .ctx = ctx, .f = out, .lang = lang, .li = strcmp(lang, "en") == 0 ? 0 : 1,
		.privacy = privacy, .json = format == MEETING_JSON, .m = &m };
	char what[64];
	snprintf(what, sizeof what, "meeting minutes %s%s", format == MEETING_MD ? "md" : "json",
		privacy ? " privacy" : "");
	if (!(r = gather(&w, err)) && !(r = log_export(&w, what, err)))
		r = format == MEETING_MD ? write_md(&w, err) : mx_write_json(&w, err);
	if (!r && (fflush(out) != 0 || ferror(out)))
		r = err_set(err, CASUS_E_IO, _("The minutes could not be written completely."));
	wr_free(&w);
	return r;
}
