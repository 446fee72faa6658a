/* The meldcode (Wet verplichte meldcode huiselijk geweld en kindermishandeling) with
 * the afwegingskader (mandatory in steps 4 and 5 since 2019): trajectories, the five
 * steps and their states, every kind of entry, the rules that derive what the
 * afwegingskader requires, the summary for lists and the dossier export.
 *
 * Rules enforced here (and, where SQL can, again by the schema's triggers/CHECKs):
 * - one open trajectory per family; a closed trajectory is read-only;
 * - entries are never changed or deleted: a correction is a new entry whose
 *   `corrects` names the entry it corrects (each entry is corrected at most once);
 * - a diagnosis names the qualified professional; third-party signals name a source;
 * - only step 3 can be skipped, for one of the two legal reasons, with an explanation;
 * - a decision (melden or not) and closing need steps 1-4 recorded (step 3 may be a
 *   valid skip; an adult client also needs the kindcheck) - except the acute path:
 *   with an acute-danger record, melden can be decided at once (recorded as acute);
 * - a decision that contradicts the afwegingskader is refused unless it carries a
 *   motivated deviation, which stays flagged until a gedragswetenschapper (not the
 *   author) reviews it;
 * - an anonymous Veilig Thuis consultation holds no family identifiers;
 * - every entry and change writes an access-log row (author, time, family).
 *
 * Errors come back as enum casus_rc with a translated message in struct casus_err.
 * Reading callbacks receive structs whose strings point into SQLite's memory: they
 * are valid only during the callback (copy what you keep). Struct fields with fixed
 * buffers are owned by the caller. Names in code and storage are English; Dutch
 * appears in the labels (translated with _()). */
#ifndef CASUS_MELDCODE_H
#define CASUS_MELDCODE_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "casus/db.h"
#include "casus/family.h"

#define MC_STEPS 5
#define MC_TEXT_MAX 8000  /* characters of a description, advice, motivation, close note */
#define MC_NOTE_MAX 2000  /* characters of a skip explanation or a kindcheck answer */
#define MC_NAME_MAX 200   /* characters of a name (observer, source, professional) */
#define MC_REF_MAX 100    /* characters of a reference (Veilig Thuis, police) */
#define MC_MAX_CHILDREN 32

/* A yes/no answer that may still be open. */
enum mc_answer { MC_UNANSWERED = -1, MC_NO = 0, MC_YES = 1 };

enum mc_client { MC_CLIENT_CHILDREN, MC_CLIENT_ADULT };
enum mc_outcome { MC_OUTCOME_NONE, MC_OUTCOME_NO_SUSPICION, MC_OUTCOME_MELDING,
	MC_OUTCOME_HELP, MC_OUTCOME_MELDING_AND_HELP, MC_OUTCOME_COUNT };
enum mc_step_state { MC_NOT_STARTED, MC_IN_PROGRESS, MC_DONE, MC_SKIPPED, MC_STATE_COUNT };
/* The two reasons step 3 may be skipped. */
enum mc_skip_reason { MC_SKIP_NONE, MC_SKIP_SAFETY, MC_SKIP_CONTACT_BREAK, MC_SKIP_COUNT };
enum mc_signal_kind { MC_FACT, MC_HYPOTHESIS, MC_DIAGNOSIS, MC_VERDICT, MC_SIGNAL_KIND_COUNT };
enum mc_verdict { MC_VERDICT_NONE, MC_CONFIRMED, MC_REFUTED };
enum mc_tri { MC_TRI_YES, MC_TRI_NO, MC_TRI_UNKNOWN, MC_TRI_NA, MC_TRI_COUNT };
enum mc_service { MC_POLICE, MC_VEILIG_THUIS, MC_POLICE_AND_VT, MC_SERVICE_COUNT };
enum mc_consult { MC_WITH_COLLEAGUE, MC_WITH_AANDACHTSFUNCTIONARIS,
	MC_WITH_GEDRAGSWETENSCHAPPER, MC_WITH_TEAM_MEETING, MC_WITH_VEILIG_THUIS,
	MC_CONSULT_COUNT };
enum mc_talk { MC_TALK_PARENT, MC_TALK_CHILD, MC_TALK_BOTH, MC_TALK_COUNT };
enum mc_instrument { MC_INSTR_NONE, MC_INSTR_LIRIK, MC_INSTR_ARIJ, MC_INSTR_CARE_NL,
	MC_INSTR_SIGNS_OF_SAFETY, MC_INSTR_OTHER, MC_INSTR_COUNT };
/* With whom an intended melding is discussed: the age bands (under 12: parents;
 * 12-15: child and parents; 16+: the child), or the adult client. */
enum mc_band { MC_BAND_PARENTS, MC_BAND_CHILD_AND_PARENTS, MC_BAND_CHILD, MC_BAND_ADULT,
	MC_BAND_UNKNOWN, MC_BAND_COUNT };
/* "Open melden, tenzij": why the intended melding was not discussed. */
enum mc_exception { MC_EXC_SAFETY, MC_EXC_OWN_SAFETY, MC_EXC_CONTACT_BREAK, MC_EXC_COUNT };
enum mc_event_kind { MC_EV_DISCUSSED, MC_EV_EXCEPTION, MC_EV_MANAGER_INTENDED,
	MC_EV_MANAGER_FINAL, MC_EV_MELDING, MC_EV_VT_FEEDBACK, MC_EV_HELP_FOLLOWUP,
	MC_EV_HELP_CHECKED, MC_EVENT_COUNT };
enum mc_help_result { MC_HELP_STOPPED, MC_HELP_CONTINUES };
/* Guidance topics: 0 overview, 1..5 the steps, MC_GUIDE_ACUTE the acute-danger action. */
enum { MC_GUIDE_OVERVIEW = 0, MC_GUIDE_ACUTE = 6 };

/* Stored names ("in_progress") and translated labels for each enum; *_parse returns
 * -1 for an unknown name. */
const char *mc_state_name(enum mc_step_state s);
const char *mc_state_label(enum mc_step_state s);
int mc_state_parse(const char *s);
const char *mc_step_name(int step);  /* "signals", "consultation", ... (1..5) */
const char *mc_step_label(int step); /* "Signalen in kaart brengen", ... */
const char *mc_skip_name(enum mc_skip_reason r);
const char *mc_skip_label(enum mc_skip_reason r);
int mc_skip_parse(const char *s);
const char *mc_outcome_name(enum mc_outcome o);
const char *mc_outcome_label(enum mc_outcome o);
const char *mc_signal_kind_name(enum mc_signal_kind k);
const char *mc_signal_kind_label(enum mc_signal_kind k);
int mc_signal_kind_parse(const char *s);
const char *mc_tri_name(enum mc_tri t);
const char *mc_tri_label(enum mc_tri t);
const char *mc_service_name(enum mc_service s);
const char *mc_service_label(enum mc_service s);
const char *mc_consult_name(enum mc_consult c);
const char *mc_consult_label(enum mc_consult c);
int mc_consult_parse(const char *s);
const char *mc_talk_name(enum mc_talk t);
const char *mc_talk_label(enum mc_talk t);
const char *mc_instrument_name(enum mc_instrument i);
const char *mc_instrument_label(enum mc_instrument i);
int mc_instrument_parse(const char *s);
const char *mc_band_name(enum mc_band b);
const char *mc_band_label(enum mc_band b);
const char *mc_exception_name(enum mc_exception e);
const char *mc_exception_label(enum mc_exception e);
const char *mc_event_name(enum mc_event_kind k);
const char *mc_event_label(enum mc_event_kind k);

/* ---- trajectories and steps ---- */

#define MC_LONG_NAME (CASUS_NAME_MAX * 4 + 1)

struct meldcode {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	enum mc_client client;
	char adult_id[CASUS_ID_LEN];      /* "" unless client is an adult */
	bool open;
	enum mc_outcome outcome;          /* MC_OUTCOME_NONE while open */
	char close_note[MC_TEXT_MAX * 4 + 1];
	char opened_at[21];
	char opened_by_login[CASUS_LOGIN_MAX + 1];
	char opened_by_name[MC_LONG_NAME];
	char closed_at[21];
	char closed_by_login[CASUS_LOGIN_MAX + 1];
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[MC_LONG_NAME];
};

struct meldcode_new {
	enum mc_client client;
	const char *const *children; /* person ids (role kind) of this family */
	int n_children;              /* >= 1 for MC_CLIENT_CHILDREN; may be 0 for an adult */
	const char *adult_id;        /* MC_CLIENT_ADULT: the adult client (not a child) */
};

/* Open a trajectory for a family (open family, no other open trajectory). Any
 * identified member may; the opener is recorded. out may be NULL. */
enum casus_rc meldcode_open(struct casus_ctx *ctx, const char *family_id,
	const struct meldcode_new *in, struct meldcode *out, struct casus_err *err);
/* One trajectory by id. */
enum casus_rc meldcode_get(struct casus_ctx *ctx, const char *trajectory_id,
	struct meldcode *out, struct casus_err *err);
/* meldcode_get for showing the trajectory's entries to the user: also writes a 'read'
 * row to the access log (object "meldcode"). */
enum casus_rc meldcode_show(struct casus_ctx *ctx, const char *trajectory_id,
	struct meldcode *out, struct casus_err *err);
/* The open trajectory of a family (case number or id); CASUS_E_NOTFOUND if none. */
enum casus_rc meldcode_current(struct casus_ctx *ctx, const char *family, struct meldcode *out,
	struct casus_err *err);
/* Every trajectory of a family, oldest first. */
enum casus_rc meldcode_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct meldcode *m), void *arg, struct casus_err *err);
/* Add a child concerned to an open trajectory (children are never removed). */
enum casus_rc meldcode_add_child(struct casus_ctx *ctx, const char *trajectory_id,
	const char *person_id, struct casus_err *err);

struct mc_child {
	const char *person_id, *given_name, *family_name, *birth_date; /* birth_date may be "" */
	int age;            /* on today's date; -1 when unknown */
	enum mc_band band;  /* whom to discuss an intended melding with */
};
enum casus_rc meldcode_children_each(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_child *c), void *arg, struct casus_err *err);

struct meldcode_step {
	char trajectory_id[CASUS_ID_LEN];
	int step;                        /* 1..5 */
	enum mc_step_state state;
	enum mc_skip_reason skip_reason;
	char skip_note[MC_NOTE_MAX * 4 + 1];
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[MC_LONG_NAME];
};

/* The five steps, out[0] is step 1. */
enum casus_rc meldcode_steps(struct casus_ctx *ctx, const char *trajectory_id,
	struct meldcode_step out[MC_STEPS], struct casus_err *err);
/* Move a step to another state. s->rev must be the rev that was read (otherwise
 * CASUS_E_CONFLICT names who changed it and when). MC_SKIPPED: step 3 only, with a
 * reason and an explanation, and only while no conversation is recorded. MC_DONE:
 * the step has entries (step 1 of an adult client also the kindcheck; step 5 a
 * decision). MC_NOT_STARTED: the step has no entries. On success s is reloaded.
 * Recording an entry moves its step from not started (or skipped) to in progress. */
enum casus_rc meldcode_step_set(struct casus_ctx *ctx, struct meldcode_step *s,
	enum mc_step_state to, enum mc_skip_reason reason, const char *explanation,
	struct casus_err *err);

/* Close a trajectory after its decision was carried out: steps 1-4 recorded, no
 * deviation awaiting review; melden: the melding, the manager informed of the
 * intended and the final decision, and Veilig Thuis's first feedback recorded; help
 * without melding: a follow-up check found the violence stopped. m->rev as read
 * (CASUS_E_CONFLICT otherwise); m is reloaded. (A weighing with Q1 = no closes by
 * itself.) */
enum casus_rc meldcode_close(struct casus_ctx *ctx, struct meldcode *m, const char *note,
	struct casus_err *err);

/* ---- step 1: signals and the kindcheck; acute danger ---- */

struct mc_signal_new {
	enum mc_signal_kind kind;  /* fact, hypothesis or diagnosis (verdict: meldcode_verdict) */
	const char *observed_on;   /* YYYY-MM-DD, not in the future */
	const char *observer;      /* who observed it */
	bool third_party;          /* information from someone else ... */
	const char *source;        /* ... then required: who the source is */
	const char *description;
	const char *hypothesis_of; /* MC_HYPOTHESIS: whose interpretation */
	const char *diagnosed_by;  /* MC_DIAGNOSIS: the qualified professional */
	const char *corrects;      /* id of the signal this corrects, or NULL */
};
/* out_id (may be NULL) receives the new entry's id; the same for every add below. */
enum casus_rc meldcode_add_signal(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_signal_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);
/* Confirm or refute a hypothesis with a follow-up entry (the hypothesis stays). */
enum casus_rc meldcode_verdict(struct casus_ctx *ctx, const char *hypothesis_id,
	enum mc_verdict verdict, const char *on, const char *note, char out_id[CASUS_ID_LEN],
	struct casus_err *err);

struct mc_kindcheck_new {
	enum mc_tri minors_in_home;   /* yes / no / unknown */
	const char *minors_note;      /* which children, ages (also a new partner's); if yes */
	enum mc_tri partner_children; /* yes / no / unknown / n.a. (no partner) */
	const char *carers;           /* who cares for them; required if minors yes */
	enum mc_tri pregnant;         /* yes / no / unknown / n.a. */
	const char *note;
	const char *corrects;
};
enum casus_rc meldcode_add_kindcheck(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_kindcheck_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);

struct mc_acute_new {
	enum mc_service service;
	const char *contacted_at; /* ISO time or date (then 00:00Z); NULL: now */
	const char *contact_name; /* whom you spoke to (optional) */
	const char *reference;    /* police / Veilig Thuis reference (optional; add later
	                           * as a correction) */
	const char *danger;       /* what the danger was, what was agreed */
	const char *corrects;
};
/* Acute danger: allowed at any time in an open trajectory, before any step, never
 * waiting for an approval. */
enum casus_rc meldcode_add_acute(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_acute_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);

/* ---- step 2: consultations ---- */

struct mc_consultation_new {
	enum mc_consult with;
	const char *with_name; /* the colleague, the meeting, the VT adviser */
	bool anonymous;        /* Veilig Thuis only: the text must not identify the family */
	const char *held_on;
	const char *question;  /* optional */
	const char *advice;
	const char *corrects;
};
enum casus_rc meldcode_add_consultation(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_consultation_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);

/* ---- step 3: conversations ---- */

struct mc_conversation_new {
	enum mc_talk with;
	const char *participants; /* optional: who exactly */
	const char *held_on;
	const char *said;         /* purpose, facts, what was said */
	const char *reaction;     /* their reaction */
	const char *corrects;
};
enum casus_rc meldcode_add_conversation(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_conversation_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);

/* ---- step 4: weighing (afwegingskader questions 1 and 2) ---- */

struct mc_weighing_new {
	enum mc_instrument instrument;
	const char *instrument_name;    /* MC_INSTR_OTHER: which */
	const char *instrument_outcome; /* required unless MC_INSTR_NONE */
	bool q1;                        /* a suspicion of (the threat of) violence or abuse? */
	const char *q1_motivation;
	bool q2_acute;                  /* acute unsafety ... */
	bool q2_structural;             /* ... or structural unsafety (Q2 = either) */
	bool q2_disclosure;             /* a child disclosed: counts as acute */
	const char *q2_motivation;      /* required when q1 */
	const char *replaces;           /* the current weighing as the caller saw it ("" or
	                                 * NULL: none); a stale one gives CASUS_E_CONFLICT */
};
/* Record the weighing. Q1 = no needs steps 1-3 recorded and closes the trajectory
 * (outcome no_suspicion) with q1_motivation as its reasoning. */
enum casus_rc meldcode_weigh(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_weighing_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);

/* ---- step 5: the afwegingskader and the decisions ---- */

struct mc_answers {
	int q1, q2, q3, q4, q5; /* enum mc_answer */
};

/* Why melden is required (bits of mc_requirement.because). */
enum { MC_BECAUSE_ACUTE = 1, MC_BECAUSE_Q2 = 2, MC_BECAUSE_Q3 = 4, MC_BECAUSE_Q4 = 8,
	MC_BECAUSE_Q5 = 16 };

struct mc_requirement {
	bool close;           /* Q1 no: no suspicion; close the trajectory */
	bool complete;        /* enough answered to decide */
	bool melden_required;
	bool with_vt;         /* Q2 yes: Q3-5 are answered together with Veilig Thuis */
	int hulp_expected;    /* MC_YES, MC_NO, or MC_UNANSWERED: the coach's choice */
	unsigned because;     /* MC_BECAUSE_* */
	int missing;          /* the first question that still needs an answer, or 0 */
};

/* What the afwegingskader requires for these answers (pure; no database):
 * - Q1 no → close. Q2 yes → melden, Q3-5 with Veilig Thuis (may still be open).
 * - Q2 no → Q3 must be answered; Q3 no → melden; else Q4; Q4 no → melden; else Q5;
 *   Q5 no → melden; Q3-5 all yes → help without melding.
 * - Q3 no → no effective help can be offered: hulp = nee expected; Q2 no with Q3-5 all
 *   yes → hulp = ja expected; otherwise hulp is the coach's choice.
 * - acute (the acute path) → melden required whatever the answers. */
void meldcode_derive(const struct mc_answers *a, bool acute, struct mc_requirement *out);

struct mc_decision_new {
	int q3, q4, q5;             /* enum mc_answer; see meldcode_derive */
	const char *q3_motivation, *q4_motivation, *q5_motivation;
	bool with_vt;               /* Q3-5 answered together with Veilig Thuis */
	bool melden;
	const char *melden_motivation;
	bool hulp;
	const char *hulp_motivation;
	bool acute;                 /* the acute path: needs an acute-danger record */
	const char *deviation;      /* motivated deviation from the afwegingskader, or NULL */
	const char *replaces;       /* the current decision as the caller saw it ("" none) */
};
/* Record the two decisions (a later decision corrects the current one: "melden after
 * all"). Needs steps 1-4 recorded with Q1 = yes, unless acute. A decision contrary to
 * meldcode_derive is refused (CASUS_E_STATE, the message says what is required)
 * unless deviation is given; a deviation without contradiction is refused too. Marks
 * step 5 (and steps 1-4 in progress) done. Melden = ja also requests a "melding
 * Veilig Thuis" escalation for the gedragswetenschapper (one live request per
 * trajectory; on the acute path recorded as acted on before approval). */
enum casus_rc meldcode_decide(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_decision_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);
/* A gedragswetenschapper (never the decision's author) reviews a deviation. */
enum casus_rc meldcode_review_deviation(struct casus_ctx *ctx, const char *decision_id,
	bool agree, const char *note, char out_id[CASUS_ID_LEN], struct casus_err *err);

/* ---- what follows a decision ---- */

struct mc_event_new {
	enum mc_event_kind kind;
	const char *on;            /* the date it happened; MC_EV_HELP_FOLLOWUP: the date of
	                            * the planned check (may be in the future) */
	enum mc_band with;         /* MC_EV_DISCUSSED: with whom */
	enum mc_exception exception; /* MC_EV_EXCEPTION */
	const char *person_name;   /* MC_EV_MANAGER_*: the manager */
	const char *reference;     /* MC_EV_MELDING: Veilig Thuis's reference */
	const char *second_due;    /* MC_EV_MELDING: expected date of the second feedback
	                            * (after investigation); NULL: melding + 10 weeks */
	int feedback_no;           /* MC_EV_VT_FEEDBACK: 1 or 2 */
	enum mc_help_result result; /* MC_EV_HELP_CHECKED */
	const char *note;          /* reaction / explanation / outcome (required for
	                            * discussed, exception, help_checked) */
	const char *corrects;
};
/* Record an event of the current decision. Discussed/exception/melding need melden
 * = ja; a melding (except on the acute path) needs the intended melding discussed or
 * an exception recorded first; feedback needs a melding; help follow-up needs hulp =
 * ja and a check needs a follow-up. The first feedback is expected 5 working days
 * after the melding. */
enum casus_rc meldcode_add_event(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_event_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err);

/* Whom to discuss an intended melding with, from the children's ages. */
enum mc_band meldcode_age_band(int age);
struct mc_discuss_advice {
	bool parents;       /* some child is under 16 (or of unknown age) */
	bool child;         /* some child is 12 or older */
	int unknown_ages;   /* children concerned without a birth date */
};
enum casus_rc meldcode_discuss_advice(struct casus_ctx *ctx, const char *trajectory_id,
	struct mc_discuss_advice *out, struct casus_err *err);
/* date plus n working days (Monday-Friday; public holidays are not counted out). */
void meldcode_add_working_days(const char *date, int n, char out[static 11]);

/* ---- reading entries (for the stepper and the export) ---- */

/* What every entry has. */
struct mc_entry {
	const char *id, *corrects, *author_login, *author_name, *created_at;
	bool corrected; /* a later entry corrects this one */
};

struct mc_signal {
	struct mc_entry e;
	enum mc_signal_kind kind;
	const char *observed_on, *observer, *source, *description;
	bool third_party;
	const char *hypothesis_of, *diagnosed_by;
	enum mc_verdict verdict; /* MC_VERDICT: on follows_up */
	const char *follows_up;
};
struct mc_kindcheck {
	struct mc_entry e;
	enum mc_tri minors_in_home, partner_children, pregnant;
	const char *minors_note, *carers, *note;
};
struct mc_acute {
	struct mc_entry e;
	enum mc_service service;
	const char *contacted_at, *contact_name, *reference, *danger;
};
struct mc_consultation {
	struct mc_entry e;
	enum mc_consult with;
	const char *with_name, *held_on, *question, *advice;
	bool anonymous;
};
struct mc_conversation {
	struct mc_entry e;
	enum mc_talk with;
	const char *participants, *held_on, *said, *reaction;
};
struct mc_weighing {
	struct mc_entry e;
	enum mc_instrument instrument;
	const char *instrument_name, *instrument_outcome;
	int q1, q2; /* enum mc_answer */
	bool q2_acute, q2_structural, q2_disclosure;
	const char *q1_motivation, *q2_motivation;
};
struct mc_decision {
	struct mc_entry e;
	const char *weighing_id;
	bool acute, with_vt, melden, hulp, melden_required, deviation;
	int q2, q3, q4, q5, hulp_expected; /* enum mc_answer */
	const char *q3_motivation, *q4_motivation, *q5_motivation;
	const char *melden_motivation, *hulp_motivation, *deviation_motivation;
	int reviews;        /* reviews of this decision's deviation */
};
struct mc_review {
	struct mc_entry e;
	const char *decision_id;
	bool agreed;
	const char *note;
};
struct mc_event {
	struct mc_entry e;
	const char *decision_id;
	enum mc_event_kind kind;
	const char *on;
	enum mc_band with, advised;    /* MC_EV_DISCUSSED */
	enum mc_exception exception;   /* MC_EV_EXCEPTION */
	const char *person_name, *reference, *due1, *due2, *note;
	int feedback_no;
	enum mc_help_result result;
};
struct mc_step_change {
	int step;
	enum mc_step_state from, to;
	enum mc_skip_reason reason;
	const char *note, *cause, *author_login, *author_name, *created_at;
};

/* Entries of a trajectory in the order they were recorded; fn returns non-zero to
 * stop. Corrected entries are included (flagged), so the dossier stays complete. */
enum casus_rc meldcode_signals(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_signal *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_kindchecks(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_kindcheck *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_acutes(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_acute *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_consultations(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_consultation *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_conversations(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_conversation *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_weighings(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_weighing *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_decisions(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_decision *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_reviews(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_review *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_events(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_event *x), void *arg, struct casus_err *err);
enum casus_rc meldcode_step_log(struct casus_ctx *ctx, const char *trajectory_id,
	int (*fn)(void *arg, const struct mc_step_change *x), void *arg, struct casus_err *err);

/* ---- for the case list and the stepper ---- */

struct meldcode_summary {
	bool any;                  /* the family has (had) a trajectory */
	bool open;                 /* the latest trajectory is open */
	char trajectory_id[CASUS_ID_LEN]; /* the open one, else the latest */
	enum mc_step_state steps[MC_STEPS];
	int current_step;          /* first step not done/skipped (1..5); 0 when all are */
	enum mc_outcome outcome;   /* of a closed trajectory */
	bool acute;                /* an acute-danger record exists */
	bool decided;              /* a current decision exists */
	bool melden;               /* ... and it says melden */
	bool melded;               /* a melding to Veilig Thuis is recorded */
	int vt_feedback_overdue;   /* 0, 1 or 2 expected feedback moments past due */
	bool deviation_pending;    /* a deviation awaits the gedragswetenschapper */
	bool help_check_overdue;   /* the follow-up check date passed without a check */
	bool melden_after_all;     /* a check found the violence continues, not yet melded */
	bool decision_stale;       /* a newer weighing than the one decided on */
};
/* Cheap (one indexed query): meant to be called for every visible row. */
enum casus_rc meldcode_summary(struct casus_ctx *ctx, const char *family_id,
	struct meldcode_summary *out, struct casus_err *err);

/* ---- export ---- */

enum meldcode_format { MELDCODE_MD, MELDCODE_JSON };
/* The complete record of every trajectory of a family (the signaleringsformulier and
 * every decision), in order. md is a readable dossier record in lang ("nl" default,
 * "en"); json has stable English keys. Writes an access-log 'export' row. */
enum casus_rc meldcode_export(struct casus_ctx *ctx, const char *family,
	enum meldcode_format format, const char *lang, FILE *out, struct casus_err *err);

/* The guidance text for a step (1..5), MC_GUIDE_OVERVIEW or MC_GUIDE_ACUTE, in lang
 * ("nl" or "en"; NULL: the current language). Markdown; static storage; never NULL
 * (an empty string for an unknown topic). */
const char *meldcode_guidance(int step, const char *lang);

/* ---- for core modules only (the meldcode*.c files) ---- */

/* Begin a write on an open trajectory: identified user, transaction, m loaded, the
 * trajectory and its family open. On failure nothing is left open. */
enum casus_rc mc_begin(struct casus_ctx *ctx, const char *trajectory_id, struct meldcode *m,
	struct casus_err *err);
/* Commit when r is CASUS_OK, else roll back; returns the result. */
enum casus_rc mc_end(struct casus_ctx *ctx, enum casus_rc r, struct casus_err *err);
/* An entry was recorded in step: not started/skipped -> in progress; audit row. */
enum casus_rc mc_entry_added(struct casus_ctx *ctx, const struct meldcode *m, int step,
	const char *object_type, const char *id, const char *detail, struct casus_err *err);
/* Set a step's state inside the caller's transaction (cause: "entry", "weighing",
 * "decision"). only_from: apply only when the state is one of these (bit mask of
 * 1 << state); 0 = always. */
enum casus_rc mc_step_force(struct casus_ctx *ctx, const struct meldcode *m, int step,
	enum mc_step_state to, unsigned only_from, const char *cause, struct casus_err *err);
/* Bit mask of steps (1 << step) among 1..4 not yet recorded. */
enum casus_rc mc_steps_missing(struct casus_ctx *ctx, const struct meldcode *m,
	unsigned *missing, struct casus_err *err);
/* The message for a missing-steps mask. */
enum casus_rc mc_missing_error(unsigned missing, const char *what, struct casus_err *err);
/* Close inside the caller's transaction. */
enum casus_rc mc_close_tx(struct casus_ctx *ctx, const struct meldcode *m,
	enum mc_outcome outcome, const char *note, struct casus_err *err);
/* Date checks with messages naming the field. */
enum casus_rc mc_check_date(const char *field, const char *d, bool allow_future,
	struct casus_err *err);
/* The current (uncorrected) entry of a table's chain, "" when none: weighing,
 * decision. */
enum casus_rc mc_current_weighing(struct casus_ctx *ctx, const char *trajectory_id,
	char id[CASUS_ID_LEN], struct casus_err *err);
enum casus_rc mc_current_decision(struct casus_ctx *ctx, const char *trajectory_id,
	char id[CASUS_ID_LEN], struct casus_err *err);
/* The entry tables that can be corrected. */
enum mc_table { MC_T_SIGNAL, MC_T_KINDCHECK, MC_T_ACUTE, MC_T_CONSULTATION,
	MC_T_CONVERSATION, MC_T_WEIGHING, MC_T_DECISION, MC_T_EVENT, MC_T_COUNT };
/* A correction must name an uncorrected entry of the same trajectory in that table;
 * otherwise CASUS_E_NOTFOUND / CASUS_E_INVALID, or CASUS_E_CONFLICT naming who
 * corrected it already and when. NULL or "" passes. */
enum casus_rc mc_check_corrects(struct casus_ctx *ctx, enum mc_table table,
	const char *trajectory_id, const char *corrects, struct casus_err *err);
/* Refuse (CASUS_E_INVALID) texts that identify the family: names of its persons, the
 * family name, case number, address, phone, birth dates, or a number that passes the
 * BSN elfproef. For anonymous Veilig Thuis advice. NULL texts are skipped. */
enum casus_rc mc_anonymity_check(struct casus_ctx *ctx, const char *family_id,
	const char *const texts[], int n, struct casus_err *err);
/* The JSON export of the trajectories items[0..n-1] of family f (meldcode_export
 * does the access log). */
enum casus_rc mc_export_json(struct casus_ctx *ctx, const struct family *f,
	const struct meldcode *items, size_t n, FILE *out, struct casus_err *err);
/* Fill the common entry fields from columns id, corrects, author login, author
 * name, created_at, corrected starting at col. */
void mc_read_entry(sqlite3_stmt *st, int col, struct mc_entry *e);
/* Column text ("" for NULL) and tri-state integers. */
const char *mc_col(sqlite3_stmt *st, int col);
int mc_col_answer(sqlite3_stmt *st, int col);

#endif
