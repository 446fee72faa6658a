/* The demo's meetings: last week's casuïstiekoverleg, held and minuted (notes,
 * besluiten, acties into family plans, what moved on), and next week's meeting with a
 * proposed agenda of every kind — so `casus meeting` opens on something real. Runs
 * after the families exist, acting as the chair and the minute-taker. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/meeting.h"
#include "casus/team_issue.h"
#include "demo_int.h"

#define DEMO_ITEMS 64

struct item_ids {
	char id[DEMO_ITEMS][CASUS_ID_LEN];
	char family[DEMO_ITEMS][CASUS_ID_LEN];
	int n;
};

static int collect_item(void *arg, const struct agenda_item *it)
{
	struct item_ids *ids = arg;
	if (ids->n >= DEMO_ITEMS)
		return 1;
	snprintf(ids->id[ids->n], CASUS_ID_LEN, "%s", it->id);
	snprintf(ids->family[ids->n], CASUS_ID_LEN, "%s", it->family_id);
	ids->n++;
	return 0;
}

static enum casus_rc plan_meeting(struct demo *d, const char *on, int chair, int minutes,
	struct meeting *m)
{
	struct meeting_new in = { .held_on = on, .chair = d->seat[chair].login,
		.minute_taker = d->seat[minutes].login };
	demo_act(d, SEAT_TL);
	enum casus_rc r = meeting_plan(d->ctx, &in, m, d->err);
	const int others[] = { SEAT_GW1, SEAT_LOTTE, SEAT_MOHAMED, SEAT_EMRE, SEAT_CALLER };
	for (size_t i = 0; !r && i < sizeof others / sizeof *others; i++)
		if (others[i] != chair && others[i] != minutes
		    && strcmp(d->seat[others[i]].login, d->seat[chair].login) != 0
		    && strcmp(d->seat[others[i]].login, d->seat[minutes].login) != 0)
			r = meeting_attendee_add_member(d->ctx, m->id, d->seat[others[i]].login, NULL,
				d->err);
	if (!r)
		r = meeting_attendee_add_guest(d->ctx, m->id, "Ingrid Smeets", "jeugdarts", NULL,
			d->err);
	return r;
}

static enum casus_rc team_issues(struct demo *d)
{
	static const struct team_issue_new issues[] = {
		{ .title = "Wachtlijst aanmeldingen loopt op", .priority = ISSUE_HOOG,
			.description = "Vijf aanmeldingen wachten langer dan de norm op een eerste "
				       "contact.",
			.proposal = "Elke coach neemt één intake extra tot de wachtlijst weg is.",
			.decider = "teamleider", .for_meeting = true },
		{ .title = "Evaluaties vaker samen met school plannen", .priority = ISSUE_NORMAAL,
			.proposal = "Evaluatiedata afstemmen met de intern begeleider.",
			.decider = "team", .for_meeting = false },
	};
	demo_act(d, SEAT_TL);
	for (size_t i = 0; i < sizeof issues / sizeof *issues; i++) {
		enum casus_rc r = team_issue_add(d->ctx, &issues[i], NULL, d->err);
		if (r)
			return r;
	}
	return CASUS_OK;
}

/* Minute the first items of the held meeting: a note, a decision and, for family
 * items, an action that goes into the family's plan. */
static enum casus_rc minute_items(struct demo *d, const struct item_ids *ids, int chair,
	int minutes)
{
	enum casus_rc r = CASUS_OK;
	int done = ids->n < 4 ? ids->n : 4;
	char due[11];
	clock_add_days(d->today, 14, due);
	for (int i = 0; !r && i < done; i++) {
		struct agenda_item it;
		demo_act(d, chair);
		if ((r = meeting_item_get(d->ctx, ids->id[i], &it, d->err))
		    || (r = meeting_item_start(d->ctx, &it, d->err)))
			break;
		demo_act(d, minutes);
		r = meeting_note_add(d->ctx, ids->id[i],
			"Besproken met het team; de jeugdarts denkt mee.", NULL, d->err);
		if (!r)
			r = meeting_decide(d->ctx, ids->id[i],
				"Regievoerder gaat door met het plan; over vier weken terug op de agenda.",
				d->seat[chair].login, due, NULL, d->err);
		if (!r && ids->family[i][0]) {
			struct meeting_action_new a = { .body = "Overleg met school plannen",
				.owner_kind = OWNER_MEMBER, .owner = d->seat[minutes].login,
				.due_on = due };
			r = meeting_action_add(d->ctx, ids->id[i], &a, NULL, d->err);
		}
		demo_act(d, chair);
		if (!r && (r = meeting_item_get(d->ctx, ids->id[i], &it, d->err)) == CASUS_OK)
			r = meeting_item_done(d->ctx, &it, d->err);
	}
	return r;
}

/* A coach brings the first family in uitvoering in with a question (casusinbreng). */
static enum casus_rc add_inbreng(struct demo *d)
{
	struct family_query q = { .phase = PHASE_UITVOERING, .sort = SORT_CASE_NO };
	struct family_row row;
	int n = 0;
	enum casus_rc r = family_list_page(d->ctx, &q, 0, 1, &row, &n, d->err);
	if (r || n == 0)
		return r;
	demo_act(d, SEAT_TL);
	return meeting_add_inbreng(d->ctx, row.id,
		"Vader trekt zich terug uit het plan; hoe houden we hem betrokken?", d->err);
}

enum casus_rc demo_meetings(struct demo *d)
{
	enum casus_rc r;
	struct meeting held, next;
	struct item_ids ids = { .n = 0 };
	char next_on[11];
	clock_add_days(d->today, 3, next_on); /* demo_after stops at today */
	if ((r = team_issues(d)) || (r = plan_meeting(d, d->today, SEAT_NOELLE, SEAT_DAAN, &held)))
		return r;
	demo_act(d, SEAT_NOELLE);
	if ((r = meeting_propose_agenda(d->ctx, held.id, NULL, d->err))
	    || (r = meeting_get(d->ctx, held.id, &held, d->err))
	    || (r = meeting_start(d->ctx, &held, d->err))
	    || (r = meeting_item_each(d->ctx, held.id, collect_item, &ids, d->err))
	    || (r = minute_items(d, &ids, SEAT_NOELLE, SEAT_DAAN)))
		return r;
	demo_act(d, SEAT_NOELLE);
	if ((r = meeting_get(d->ctx, held.id, &held, d->err))
	    || (r = meeting_finish(d->ctx, &held, true, d->err)))
		return r;
	if ((r = plan_meeting(d, next_on, SEAT_FARIDA, SEAT_ESTHER, &next)))
		return r;
	if ((r = add_inbreng(d)))
		return r;
	demo_act(d, SEAT_FARIDA);
	return meeting_propose_agenda(d->ctx, next.id, NULL, d->err);
}
