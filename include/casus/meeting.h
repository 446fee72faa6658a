/* The weekly case meeting (casuïstiekoverleg, DOMAIN.md §6).
 *
 * Preparing: a meeting has a date, a chair and a minute-taker (active team members) and
 * attendees (members, and guests with a role such as jeugdarts). casus proposes its
 * agenda (meeting_propose_agenda): open actions of earlier meetings first, then new
 * aanmeldingen/zorgmeldingen to triage and assign, casusinbreng items coaches asked for,
 * evaluations due, meldcode trajectories waiting for consultation or a decision,
 * escalations pending or rejected, and team issues marked for the meeting. The chair
 * edits it: add, remove (before the start), reorder, skip, move to the next meeting.
 *
 * Running: one meeting and one item at a time. Timers are stored as timestamps, so every
 * process shows the same elapsed time and a restart loses nothing. A casusinbreng item
 * goes through its rounds in order (inbreng, vragen, advies, keuze van de coach,
 * besluit). Only the chair or the minute-taker record minutes: decisions, actions, a
 * regievoerder assignment (it becomes the family's regie) and a meldcode consultation
 * (it becomes step 2 of the trajectory). An action on a family item also goes into the
 * family's plan (its draft). Any attendee may add a note to an item.
 *
 * Who may do what (checked here, for the TUI, the CLI and everyone else):
 * - plan a meeting: any active member; change or propose its agenda: its chair or
 *   minute-taker, or a teamleider while it is planned;
 * - start, finish, run items, record minutes: the chair or the minute-taker, and
 *   minutes only while the meeting runs (corrections of decisions and action status
 *   also afterwards);
 * - notes: attendees while the meeting is planned or running.
 *
 * Concurrency: changes take the struct as the caller read it (rev); a stale one gives
 * CASUS_E_CONFLICT naming who changed it and when, and changes nothing. Every write is
 * one transaction with its access-log row. Errors come back as enum casus_rc with a
 * translated message in struct casus_err. */
#ifndef CASUS_MEETING_H
#define CASUS_MEETING_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "casus/db.h"
#include "casus/family.h"
#include "casus/plan.h"

enum meeting_status { MEETING_PLANNED, MEETING_RUNNING, MEETING_FINISHED, MEETING_STATUS_COUNT };

/* In agenda order of the proposal. */
enum agenda_kind {
	AGENDA_OPEN_ACTION,  /* an open action of an earlier meeting */
	AGENDA_AANMELDING,   /* new aanmelding/zorgmelding: triage and assign a regievoerder */
	AGENDA_INBRENG,      /* casusinbreng: a coach's question about their family */
	AGENDA_EVALUATIE,    /* an evaluation due or overdue */
	AGENDA_MELDCODE,     /* a meldcode trajectory at step 2, 4 or 5 */
	AGENDA_ESCALATIE,    /* an escalation pending or rejected */
	AGENDA_TEAM_ISSUE,   /* a way-of-working issue from the register */
	AGENDA_OVERIG,       /* anything else the chair adds */
	AGENDA_KIND_COUNT
};
enum agenda_state { ITEM_OPEN, ITEM_RUNNING, ITEM_DONE, ITEM_SKIPPED, ITEM_MOVED,
	ITEM_STATE_COUNT };
/* The rounds of a casusinbreng, in order. */
enum inbreng_round { ROUND_INBRENG, ROUND_VRAGEN, ROUND_ADVIES, ROUND_KEUZE, ROUND_BESLUIT,
	ROUND_COUNT };
enum decision_kind { DECISION_BESLUIT, DECISION_REGIE, DECISION_CONSULTATIE, DECISION_KIND_COUNT };

/* Stored names ("aanmelding_triage", "running", "vragen") and parsers (-1 if unknown).
 * Labels come in Dutch and English from one table so that the screen and the exported
 * minutes use the same words; lang NULL means the current language. */
const char *meeting_status_name(enum meeting_status s);
int meeting_status_parse(const char *s);
const char *meeting_status_label(enum meeting_status s, const char *lang);
const char *agenda_kind_name(enum agenda_kind k);
int agenda_kind_parse(const char *s);
const char *agenda_kind_label(enum agenda_kind k, const char *lang);
const char *agenda_state_name(enum agenda_state s);
int agenda_state_parse(const char *s);
const char *agenda_state_label(enum agenda_state s, const char *lang);
const char *inbreng_round_name(enum inbreng_round r);
int inbreng_round_parse(const char *s);
const char *inbreng_round_label(enum inbreng_round r, const char *lang);
const char *decision_kind_name(enum decision_kind k);
/* The minutes a new item of this kind is planned for. */
int agenda_kind_default_minutes(enum agenda_kind k);

#define MEETING_NAME_BUF (CASUS_NAME_MAX * 4 + 1)
#define MEETING_QUESTION_MAX 2000 /* characters */
#define MEETING_NOTE_MAX 4000
#define MEETING_DECISION_MAX 4000
#define MEETING_ACTION_MAX 1000   /* as a plan action */
#define MEETING_GUEST_MAX 200
#define MEETING_ROLE_MAX 100
#define MEETING_MINUTES_MAX 240   /* planned minutes of one item */

struct meeting {
	char id[CASUS_ID_LEN];
	char held_on[11];
	char chair_id[CASUS_ID_LEN];
	char chair_login[CASUS_LOGIN_MAX + 1];
	char chair_name[MEETING_NAME_BUF];
	char minutes_id[CASUS_ID_LEN];            /* the minute-taker (notulist) */
	char minutes_login[CASUS_LOGIN_MAX + 1];
	char minutes_name[MEETING_NAME_BUF];
	enum meeting_status status;
	char started_at[21];
	char finished_at[21];
	char proposed_at[21];                     /* "" until casus proposed the agenda */
	int n_items;                              /* agenda items (all states) */
	int planned_minutes;                      /* of items not skipped or moved */
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[MEETING_NAME_BUF];
};

struct meeting_new {
	const char *held_on;       /* "YYYY-MM-DD" (required) */
	const char *chair;         /* login of an active member */
	const char *minute_taker;  /* login of an active member (may be the chair) */
};

/* Plan a meeting. Chair and minute-taker become attendees. out may be NULL. */
enum casus_rc meeting_plan(struct casus_ctx *ctx, const struct meeting_new *in,
	struct meeting *out, struct casus_err *err);
/* A meeting by id, a unique id prefix of at least 8 characters, or its date when only
 * one meeting is held that day. */
enum casus_rc meeting_get(struct casus_ctx *ctx, const char *key, struct meeting *out,
	struct casus_err *err);
/* The meeting `casus meeting` opens: the running one, else the first planned one from
 * today on. CASUS_E_NOTFOUND when there is none. */
enum casus_rc meeting_next(struct casus_ctx *ctx, struct meeting *out, struct casus_err *err);
/* Every meeting, newest date first; fn returns non-zero to stop. */
enum casus_rc meeting_each(struct casus_ctx *ctx,
	int (*fn)(void *arg, const struct meeting *m), void *arg, struct casus_err *err);
/* Change the date, chair or minute-taker of a planned meeting (m->rev as read; chair,
 * minute-taker or teamleider). The new chair and minute-taker become attendees. */
enum casus_rc meeting_update(struct casus_ctx *ctx, struct meeting *m, const char *held_on,
	const char *chair, const char *minute_taker, struct casus_err *err);
/* Start (planned -> running; no other meeting may be running) and finish (running ->
 * finished; the running item stops). move_open: items still open move to the next
 * meeting. Chair or minute-taker; m->rev as read; m reloaded on success. */
enum casus_rc meeting_start(struct casus_ctx *ctx, struct meeting *m, struct casus_err *err);
enum casus_rc meeting_finish(struct casus_ctx *ctx, struct meeting *m, bool move_open,
	struct casus_err *err);
/* Whether the acting user is the chair or minute-taker of the meeting. */
bool meeting_is_lead(const struct casus_ctx *ctx, const struct meeting *m);

/* Seconds the meeting has run at `now` (0 before the start; frozen at the finish). */
int64_t meeting_elapsed(const struct meeting *m, time_t now);

/* ---- attendees ---- */

struct meeting_attendee {
	char id[CASUS_ID_LEN];
	bool guest;
	char member_id[CASUS_ID_LEN];             /* "" for a guest */
	char login[CASUS_LOGIN_MAX + 1];
	char name[MEETING_NAME_BUF];              /* member's or guest's name */
	char role[MEETING_ROLE_MAX * 4 + 1];      /* guest: their role; member: stored role */
	bool chair, minute_taker;
};
/* Add a team member (active) or a guest with a role. Before the meeting finishes; the
 * meeting's leads or a teamleider. out_id may be NULL. */
enum casus_rc meeting_attendee_add_member(struct casus_ctx *ctx, const char *meeting_id,
	const char *login, char out_id[CASUS_ID_LEN], struct casus_err *err);
enum casus_rc meeting_attendee_add_guest(struct casus_ctx *ctx, const char *meeting_id,
	const char *name, const char *role, char out_id[CASUS_ID_LEN], struct casus_err *err);
/* Remove an attendee (never the chair or the minute-taker) before the meeting finishes. */
enum casus_rc meeting_attendee_remove(struct casus_ctx *ctx, const char *attendee_id,
	struct casus_err *err);
/* Chair, minute-taker, other members by name, then guests. */
enum casus_rc meeting_attendee_each(struct casus_ctx *ctx, const char *meeting_id,
	int (*fn)(void *arg, const struct meeting_attendee *a), void *arg, struct casus_err *err);

/* Each active member's caseload, for a fair assignment of new families: families with
 * them as regievoerder (not closed), of which in intake. Smallest caseload first. */
struct meeting_caseload {
	char login[CASUS_LOGIN_MAX + 1];
	char name[MEETING_NAME_BUF];
	enum member_role role;
	int families;
	int intake;
};
enum casus_rc meeting_caseloads(struct casus_ctx *ctx,
	int (*fn)(void *arg, const struct meeting_caseload *c), void *arg, struct casus_err *err);

/* ---- the agenda ---- */

struct agenda_item {
	char id[CASUS_ID_LEN];
	char meeting_id[CASUS_ID_LEN];
	enum agenda_kind kind;
	char family_id[CASUS_ID_LEN];             /* "" for team issues and free items */
	char case_no[CASE_NO_LEN];
	char family_name[FAMILY_TEXT_MAX];        /* mask it on a shared screen */
	char action_id[CASUS_ID_LEN];             /* open_action */
	char meldcode_id[CASUS_ID_LEN];           /* meldcode */
	char escalation_id[CASUS_ID_LEN];         /* escalatie */
	char team_issue_id[CASUS_ID_LEN];         /* team_issue */
	int team_issue_no;
	char team_issue_title[200 * 4 + 1];
	char brought_by_login[CASUS_LOGIN_MAX + 1]; /* casusinbreng: the coach */
	char brought_by_name[MEETING_NAME_BUF];
	char question[MEETING_QUESTION_MAX * 4 + 1];
	char due_on[11];                          /* evaluatie: the date it was due */
	int planned_minutes;
	int position;                             /* 1-based order on the agenda */
	enum agenda_state state;
	int round;                                /* enum inbreng_round; -1 for other kinds */
	char first_started_at[21];
	char run_started_at[21];                  /* "" unless running */
	int64_t elapsed_seconds;                  /* earlier runs (see meeting_item_elapsed) */
	char stopped_at[21];
	char moved_from[CASUS_ID_LEN];
	char moved_to[CASUS_ID_LEN];
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[MEETING_NAME_BUF];
};

/* Seconds spent on the item at `now`: earlier runs plus the current one. */
int64_t meeting_item_elapsed(const struct agenda_item *it, time_t now);

/* Propose the agenda of a planned meeting (see the top of this file). Adds what is not
 * on it yet, so proposing again picks up what came in since; *added (may be NULL) is
 * the number of items added. */
enum casus_rc meeting_propose_agenda(struct casus_ctx *ctx, const char *meeting_id,
	int *added, struct casus_err *err);

/* A coach brings a family in for the next meeting (from the family pane): a
 * casusinbreng with their question. It goes straight onto the first planned meeting
 * from today on when there is one, else it waits for the next proposal. Any active
 * member, for an open family that is not on that agenda as casusinbreng yet. */
enum casus_rc meeting_add_inbreng(struct casus_ctx *ctx, const char *family,
	const char *question, struct casus_err *err);

struct agenda_item_new {
	enum agenda_kind kind;      /* not open_action, meldcode or escalatie (proposed only) */
	const char *family;         /* case number or id; required for family kinds */
	const char *team_issue;     /* team_issue: its number or id */
	const char *question;       /* optional */
	int planned_minutes;        /* 0: the kind's default */
};
/* Add an item at the end of the agenda (before the meeting finishes). out may be NULL. */
enum casus_rc meeting_item_add(struct casus_ctx *ctx, const char *meeting_id,
	const struct agenda_item_new *in, struct agenda_item *out, struct casus_err *err);
enum casus_rc meeting_item_get(struct casus_ctx *ctx, const char *item_id,
	struct agenda_item *out, struct casus_err *err);
/* The agenda in order. */
enum casus_rc meeting_item_each(struct casus_ctx *ctx, const char *meeting_id,
	int (*fn)(void *arg, const struct agenda_item *it), void *arg, struct casus_err *err);
/* Save the question and planned minutes of it (it->rev as read). */
enum casus_rc meeting_item_update(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err);
/* Remove an item from a planned meeting's agenda (none of its minutes exist yet). */
enum casus_rc meeting_item_remove(struct casus_ctx *ctx, const struct agenda_item *it,
	struct casus_err *err);
/* Move the item to a 1-based position (clamped to the agenda); the rest shift. */
enum casus_rc meeting_item_reorder(struct casus_ctx *ctx, struct agenda_item *it,
	int position, struct casus_err *err);
/* Running the meeting (chair or minute-taker, the meeting running): start (or resume)
 * an item, pausing the one that runs; mark it done; skip it; take a casusinbreng to its
 * next round (in order; the item must be running). it->rev as read; reloaded. */
enum casus_rc meeting_item_start(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err);
enum casus_rc meeting_item_done(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err);
enum casus_rc meeting_item_skip(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err);
enum casus_rc meeting_item_next_round(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err);
/* Move the item to the next meeting (before this one finishes): it is copied onto the
 * first planned meeting after this one, or onto the next one planned later (by its
 * agenda proposal). */
enum casus_rc meeting_item_move_next(struct casus_ctx *ctx, struct agenda_item *it,
	struct casus_err *err);
/* Whether the family is on the agenda of the next meeting (family_flags FLAG_AGENDA). */
enum casus_rc meeting_family_on_agenda(struct casus_ctx *ctx, const char *family_id,
	bool *out, struct casus_err *err);

/* ---- minutes ---- */

struct meeting_note {
	char id[CASUS_ID_LEN];
	char item_id[CASUS_ID_LEN];
	char author_login[CASUS_LOGIN_MAX + 1];
	char author_name[MEETING_NAME_BUF];
	int round;                                /* enum inbreng_round, or -1 */
	char body[MEETING_NOTE_MAX * 4 + 1];
	char created_at[21];
};
/* Any attendee (from their own process) while the meeting is planned or running. */
enum casus_rc meeting_note_add(struct casus_ctx *ctx, const char *item_id, const char *body,
	char out_id[CASUS_ID_LEN], struct casus_err *err);
enum casus_rc meeting_note_each(struct casus_ctx *ctx, const char *item_id,
	int (*fn)(void *arg, const struct meeting_note *n), void *arg, struct casus_err *err);

struct meeting_decision {
	char id[CASUS_ID_LEN];
	char item_id[CASUS_ID_LEN];
	int item_position;
	enum decision_kind kind;
	char family_id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	char family_name[FAMILY_TEXT_MAX];
	char body[MEETING_DECISION_MAX * 4 + 1];
	char owner_login[CASUS_LOGIN_MAX + 1];    /* "" when nobody in particular */
	char owner_name[MEETING_NAME_BUF];
	char due_on[11];
	char regie_row_id[CASUS_ID_LEN];          /* kind regie */
	char consultation_id[CASUS_ID_LEN];       /* kind consultatie */
	char created_at[21];
	char created_by_login[CASUS_LOGIN_MAX + 1];
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[MEETING_NAME_BUF];
};
/* A decision (besluit) on an item: text, optional owner (member login) and due date. */
enum casus_rc meeting_decide(struct casus_ctx *ctx, const char *item_id, const char *body,
	const char *owner, const char *due_on, struct meeting_decision *out,
	struct casus_err *err);
/* Correct a decision's text, owner or due date (d->rev as read; the leads of its
 * meeting, also after it finished). */
enum casus_rc meeting_decision_update(struct casus_ctx *ctx, struct meeting_decision *d,
	struct casus_err *err);
/* The meeting assigns the family's regievoerder (or hands regie over): recorded as a
 * decision and through regie (regie_by_meeting), in one transaction. */
enum casus_rc meeting_decide_regie(struct casus_ctx *ctx, const char *item_id,
	const char *login, const char *reason, struct meeting_decision *out,
	struct casus_err *err);
/* The meeting is the collegial consultation of the family's open meldcode trajectory:
 * recorded as step 2 (consultation with the team meeting, held on the meeting date)
 * and as a decision whose text is the advice. question may be NULL. */
enum casus_rc meeting_record_consultation(struct casus_ctx *ctx, const char *item_id,
	const char *question, const char *advice, struct meeting_decision *out,
	struct casus_err *err);
/* Decisions of a meeting in agenda order (item_id NULL), or of one item. */
enum casus_rc meeting_decision_each(struct casus_ctx *ctx, const char *meeting_id,
	const char *item_id, int (*fn)(void *arg, const struct meeting_decision *d), void *arg,
	struct casus_err *err);

struct meeting_action_new {
	const char *body;               /* what (required) */
	enum plan_owner_kind owner_kind; /* a family item: any; otherwise OWNER_MEMBER */
	const char *owner;              /* member login or id; person or party id */
	const char *due_on;             /* optional "YYYY-MM-DD" */
	const char *goal_id;            /* optional: a goal of the family's plan draft */
};
struct meeting_action {
	char id[CASUS_ID_LEN];
	char item_id[CASUS_ID_LEN];
	char meeting_id[CASUS_ID_LEN];
	char meeting_on[11];
	int item_position;
	char family_id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	char family_name[FAMILY_TEXT_MAX];
	char body[MEETING_ACTION_MAX * 4 + 1];
	enum plan_owner_kind owner_kind;
	char owner_id[CASUS_ID_LEN];
	char owner_name[300 * 4 + 1];
	char due_on[11];
	enum action_status status;      /* the plan action's status when it is in the plan */
	char closed_on[11];
	char plan_action_id[CASUS_ID_LEN]; /* "" when not in a plan */
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[MEETING_NAME_BUF];
};
/* Record an action. On a family item it also goes into the family's plan: its draft
 * (made from the agreed version when there is none), via plan_action_add. A family
 * still in aanmelding has no plan yet: its actions stay on the meeting's actielijst. */
enum casus_rc meeting_action_add(struct casus_ctx *ctx, const char *item_id,
	const struct meeting_action_new *in, struct meeting_action *out, struct casus_err *err);
/* Mark an action done, cancelled or open again (a->rev as read): the owner, a
 * teamleider, or the leads of its meeting or of the running meeting. The plan action
 * follows. */
enum casus_rc meeting_action_set_status(struct casus_ctx *ctx, struct meeting_action *a,
	enum action_status status, struct casus_err *err);
enum casus_rc meeting_action_get(struct casus_ctx *ctx, const char *action_id,
	struct meeting_action *out, struct casus_err *err);
/* Actions of a meeting in agenda order. */
enum casus_rc meeting_action_each(struct casus_ctx *ctx, const char *meeting_id,
	int (*fn)(void *arg, const struct meeting_action *a), void *arg, struct casus_err *err);

/* ---- export and privacy ---- */

enum meeting_format { MEETING_MD, MEETING_JSON };
/* The minutes: attendees, the agenda with what happened to each item, the
 * besluitenlijst and the actielijst, and what moved to the next meeting. md in lang
 * ("nl" default, "en"); json has stable English keys. privacy: families as case
 * number plus initials and children's ages, names of family members and network
 * masked to initials in every text, no notes. Never BSN, addresses or contact data.
 * Writes an access-log 'export' row for the meeting and one per family in it. */
enum casus_rc meeting_export_minutes(struct casus_ctx *ctx, const char *meeting_id,
	enum meeting_format format, const char *lang, bool privacy, FILE *out,
	struct casus_err *err);

/* ---- for the meeting module's own files (src/core/meeting*.c) only ---- */

/* Begin a write on a meeting: identified member, BEGIN IMMEDIATE (or join), the meeting
 * loaded. On failure nothing is left open. */
enum casus_rc mt_begin(struct casus_ctx *ctx, const char *meeting_id, struct meeting *m,
	struct casus_err *err);
/* Begin a write on an item as the caller saw it: as mt_begin, the item reloaded into cur
 * and CASUS_E_CONFLICT (who, when) when seen->rev moved on. seen may be an id-only
 * struct with rev 0 to skip the check. */
enum casus_rc mt_begin_item(struct casus_ctx *ctx, const struct agenda_item *seen,
	struct agenda_item *cur, struct meeting *m, struct casus_err *err);
/* Commit when r is CASUS_OK, else roll back; returns the final result. */
enum casus_rc mt_end(struct casus_ctx *ctx, enum casus_rc r, struct casus_err *err);
/* Refusals with the rule in the message. */
enum casus_rc mt_require_lead(struct casus_ctx *ctx, const struct meeting *m,
	struct casus_err *err);
enum casus_rc mt_require_editor(struct casus_ctx *ctx, const struct meeting *m,
	struct casus_err *err);
enum casus_rc mt_require_status(const struct meeting *m, unsigned allowed_mask,
	struct casus_err *err);
/* Check an item's question and planned minutes. */
enum casus_rc mt_check_item_fields(const char *question, int minutes, struct casus_err *err);
/* Inside the caller's transaction: copy item_id onto meeting_id's agenda (at the end,
 * moved_from set, open, a casusinbreng back at its first round); when an item about the
 * same thing is there already, out_id is that one and nothing is copied. */
enum casus_rc mt_item_copy(struct casus_ctx *ctx, const char *item_id, const char *meeting_id,
	char out_id[CASUS_ID_LEN], struct casus_err *err);
/* Inside the caller's transaction: move cur (of meeting m) to the next meeting, as
 * meeting_item_move_next does (meeting_finish moves the open items with it). */
enum casus_rc mt_item_move(struct casus_ctx *ctx, const struct agenda_item *cur,
	const struct meeting *m, struct casus_err *err);
/* Inside the caller's transaction: stop the running item of a meeting, if any (its
 * run is added to its elapsed time; it stays open). */
enum casus_rc mt_pause_running(struct casus_ctx *ctx, const char *meeting_id,
	struct casus_err *err);

#endif
