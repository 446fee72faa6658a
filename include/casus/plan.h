/* The family plan (één gezin, één plan): versioned, written with the family, agreed,
 * carried out and evaluated.
 *
 * A family's plan is a series of versions. A version is a draft until it is agreed;
 * agreeing records who agreed (family members and professionals), how and when, and
 * freezes that version's content (database triggers refuse changes). Changing an agreed
 * plan starts a new draft that copies everything; rows keep a link to the row they were
 * copied from, so plan_diff() can pair them. While a plan is carried out its progress
 * still moves on the agreed version: action status, a goal's scale 'now' and status,
 * evaluations held and planned. Such progress is copied into an open draft too.
 *
 * Concurrency: every editable row carries the rev it was read with. A save that finds
 * the row changed returns CASUS_E_CONFLICT naming who changed it and when, and never
 * touches the caller's struct, so the caller's unsaved text is kept.
 *
 * Memory: struct plan owns its section texts (heap). Start from PLAN_INIT (or zero it);
 * the functions that fill a struct plan free what it held before; plan_clear() frees
 * it. Every other struct here is plain storage. Errors come back as enum casus_rc with
 * a translated message in struct casus_err, as everywhere in core. */
#ifndef CASUS_PLAN_H
#define CASUS_PLAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "casus/db.h"
#include "casus/family.h"

enum plan_status { PLAN_DRAFT, PLAN_AGREED, PLAN_SUPERSEDED, PLAN_STATUS_COUNT };
const char *plan_status_name(enum plan_status s);  /* stored form: "draft" */
const char *plan_status_label(enum plan_status s); /* translated */

/* The free-text sections of a version. */
enum plan_section {
	PLAN_AANLEIDING,        /* why now */
	PLAN_HULPVRAAG,         /* the question in the family's own words (shown as a quote) */
	PLAN_KRACHTEN,          /* strengths, protective factors, network */
	PLAN_EERDERE_HULP,      /* earlier help */
	PLAN_SAFETY_WORRIES,    /* veiligheidsplan: what are we worried about */
	PLAN_SAFETY_WORKING,    /* veiligheidsplan: what is working well */
	PLAN_SAFETY_NEEDED,     /* veiligheidsplan: what needs to happen */
	PLAN_SAFETY_AGREEMENTS, /* veiligheidsplan: binding safety agreements */
	PLAN_SECTION_COUNT
};
#define PLAN_SECTION_MAX 8000 /* characters */
/* Stable English key ("cause", "request", "strengths", ...): JSON and diff field names. */
const char *plan_section_key(enum plan_section s);
const char *plan_section_label(enum plan_section s); /* translated heading */

enum plan_agree_how { AGREE_IN_PERSON, AGREE_PHONE, AGREE_PAPER, AGREE_HOW_COUNT };
const char *plan_agree_how_name(enum plan_agree_how h); /* "in_person", "phone", "paper" */
int plan_agree_how_parse(const char *s);                /* -1 if unknown */
const char *plan_agree_how_label(enum plan_agree_how h);

#define PLAN_NAME_BUF (CASUS_NAME_MAX * 4 + 1)

struct plan {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	int version;
	enum plan_status status;
	char derived_from[CASUS_ID_LEN]; /* the version this one was copied from, or "" */
	char *section[PLAN_SECTION_COUNT]; /* owned; "" when empty, never NULL after a read */
	int safety_scale;                /* veiligheidsplan 0-10; -1 when not scored */
	char agreed_on[11];              /* "" while a draft */
	int agreed_how;                  /* enum plan_agree_how; -1 while a draft */
	char agreed_at[21];              /* when the agreement was recorded ... */
	char agreed_rec_name[PLAN_NAME_BUF]; /* ... and by which team member */
	int64_t edit_seq;                /* moves on any change to this version's content */
	char touched_at[21];             /* the last content change, and by whom */
	char touched_by_login[CASUS_LOGIN_MAX + 1];
	char touched_by_name[PLAN_NAME_BUF];
	char created_at[21];
	int64_t rev;                     /* of the sections (plan_update) */
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[PLAN_NAME_BUF];
};
#define PLAN_INIT { .safety_scale = -1, .agreed_how = -1 }

/* Free the section texts; p becomes PLAN_INIT. */
void plan_clear(struct plan *p);
/* Replace one section's text in memory (for editors); false when out of memory. */
bool plan_set_section(struct plan *p, enum plan_section s, const char *text);
/* Copy a plan (sections duplicated); false when out of memory. */
bool plan_copy(struct plan *dst, const struct plan *src);

/* Versions of a plan: PLAN_LATEST is the newest version (a draft being written, else
 * the agreed one); PLAN_IN_FORCE the agreed version. */
#define PLAN_LATEST 0
#define PLAN_IN_FORCE (-1)

/* Read a version of a family's plan (family by case number or id). CASUS_E_NOTFOUND
 * when the family has no plan (yet) or no such version. No access-log row (family_open
 * logs opening the dossier). */
enum casus_rc plan_get(struct casus_ctx *ctx, const char *family_key, int version,
	struct plan *out, struct casus_err *err);
/* plan_get for showing the plan to the user: also writes a 'read' row to the access
 * log (object "plan", the version's id). */
enum casus_rc plan_open(struct casus_ctx *ctx, const char *family_key, int version,
	struct plan *out, struct casus_err *err);
enum casus_rc plan_get_by_id(struct casus_ctx *ctx, const char *plan_id, struct plan *out,
	struct casus_err *err);

struct plan_version_row {
	char id[CASUS_ID_LEN];
	int version;
	enum plan_status status;
	char agreed_on[11];
	char created_at[21];
	char touched_at[21];
	char touched_by_name[PLAN_NAME_BUF];
};
/* The versions of a family's plan, oldest first; fn returns non-zero to stop. */
enum casus_rc plan_versions(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct plan_version_row *row), void *arg,
	struct casus_err *err);

/* The draft to edit: the open draft if there is one; else a new one, version 1 for a
 * family without a plan, or a copy of the agreed version (every row copied with a new
 * id and derived_from set). *created (may be NULL) tells which. The family must be
 * open; any team member may write the plan (as any may edit the family). */
enum casus_rc plan_draft(struct casus_ctx *ctx, const char *family_key, struct plan *out,
	bool *created, struct casus_err *err);
/* Save p's sections and safety scale (draft only; p->rev as read). On success p is
 * reloaded; on failure p is left exactly as it was. */
enum casus_rc plan_update(struct casus_ctx *ctx, struct plan *p, struct casus_err *err);
/* Throw a draft away (p->rev as read). Earlier versions are untouched. */
enum casus_rc plan_discard_draft(struct casus_ctx *ctx, struct plan *p, struct casus_err *err);

/* Instemming: who agreed, how and when. */
struct plan_agreement {
	const char *on;                  /* "YYYY-MM-DD", not in the future; NULL: today */
	enum plan_agree_how how;
	const char *const *person_ids;   /* family members who agreed (at least one) */
	size_t n_persons;
	const char *const *party_ids;    /* professionals / network members who agreed */
	size_t n_parties;
};
/* Record the agreement on the draft p and freeze it; the previously agreed version
 * becomes superseded. p must be as read: if the draft's content changed since
 * (p->edit_seq), CASUS_E_CONFLICT names who changed it, so nobody records agreement to
 * text the family did not see. Needs at least one goal. On success p is reloaded. */
enum casus_rc plan_agree(struct casus_ctx *ctx, struct plan *p, const struct plan_agreement *a,
	struct casus_err *err);

struct plan_consenter {
	bool is_person;                  /* a family member; else an involved party */
	char ref_id[CASUS_ID_LEN];       /* person or party id */
	char name[300 * 4 + 1];
	char role[300 * 4 + 1];          /* "ouder", "kind", "jeugdarts, GGD", ... */
};
enum casus_rc plan_agreed_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_consenter *c), void *arg, struct casus_err *err);

/* ---- zorgen ---- */

struct plan_worry {
	char id[CASUS_ID_LEN];
	char plan_id[CASUS_ID_LEN];
	char derived_from[CASUS_ID_LEN];
	char who[200 * 4 + 1];           /* who worries: "school (mentor)", "moeder" */
	char since[60 * 4 + 1];          /* since when, free: "sinds de zomer van 2025" */
	char worry[4000 * 4 + 1];
	char consequences[2000 * 4 + 1];
	int position;
	int64_t rev;
	char updated_at[21];
	char updated_by_name[PLAN_NAME_BUF];
};
/* Add w (who, since, worry, consequences) to the draft plan_id; w is filled on success. */
enum casus_rc plan_worry_add(struct casus_ctx *ctx, const char *plan_id, struct plan_worry *w,
	struct casus_err *err);
enum casus_rc plan_worry_update(struct casus_ctx *ctx, struct plan_worry *w,
	struct casus_err *err);
enum casus_rc plan_worry_delete(struct casus_ctx *ctx, const struct plan_worry *w,
	struct casus_err *err);
enum casus_rc plan_worry_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_worry *w), void *arg, struct casus_err *err);

/* ---- afspraken with organisations ---- */

struct plan_arrangement {
	char id[CASUS_ID_LEN];
	char plan_id[CASUS_ID_LEN];
	char derived_from[CASUS_ID_LEN];
	char party_id[CASUS_ID_LEN];     /* the professional it is made with, or "" */
	char party_name[200 * 4 + 1];    /* read only */
	char organisation[200 * 4 + 1];  /* defaults to the party's organisation */
	char body[4000 * 4 + 1];
	int position;
	int64_t rev;
	char updated_at[21];
	char updated_by_name[PLAN_NAME_BUF];
};
enum casus_rc plan_arrangement_add(struct casus_ctx *ctx, const char *plan_id,
	struct plan_arrangement *a, struct casus_err *err);
enum casus_rc plan_arrangement_update(struct casus_ctx *ctx, struct plan_arrangement *a,
	struct casus_err *err);
enum casus_rc plan_arrangement_delete(struct casus_ctx *ctx, const struct plan_arrangement *a,
	struct casus_err *err);
enum casus_rc plan_arrangement_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_arrangement *a), void *arg,
	struct casus_err *err);

/* ---- doelen ---- */

enum goal_status { GOAL_OPEN, GOAL_REACHED, GOAL_ADJUSTED, GOAL_DROPPED, GOAL_STATUS_COUNT };
const char *goal_status_name(enum goal_status s); /* "open", "reached", ... */
int goal_status_parse(const char *s);
const char *goal_status_label(enum goal_status s);

#define PLAN_SCALE_UNSET (-1)

struct plan_goal {
	char id[CASUS_ID_LEN];
	char plan_id[CASUS_ID_LEN];
	char derived_from[CASUS_ID_LEN];
	char leefgebied[100 * 4 + 1];    /* one of the team's list (setting leefgebieden) */
	char body[2000 * 4 + 1];         /* the goal, positive, in the family's words */
	int scale_start, scale_now, scale_target; /* 0-10, or PLAN_SCALE_UNSET */
	enum goal_status status;
	char reason[1000 * 4 + 1];       /* required unless open */
	int position;
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[PLAN_NAME_BUF];
};
/* Add g to the draft plan_id (leefgebied, body, scales, status/reason). */
enum casus_rc plan_goal_add(struct casus_ctx *ctx, const char *plan_id, struct plan_goal *g,
	struct casus_err *err);
/* Save g (g->rev as read). On a draft every field; on the agreed version only progress
 * (scale_now, status, reason), which is copied into an open draft as well. */
enum casus_rc plan_goal_update(struct casus_ctx *ctx, struct plan_goal *g,
	struct casus_err *err);
/* Remove a goal from a draft; its actions stay, no longer tied to a goal. */
enum casus_rc plan_goal_delete(struct casus_ctx *ctx, const struct plan_goal *g,
	struct casus_err *err);
enum casus_rc plan_goal_get(struct casus_ctx *ctx, const char *goal_id, struct plan_goal *out,
	struct casus_err *err);
/* Goals of a version in their order. */
enum casus_rc plan_goal_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_goal *g), void *arg, struct casus_err *err);
/* Call fn for each leefgebied of the team (setting "leefgebieden"). */
void plan_leefgebied_each(struct casus_ctx *ctx, void (*fn)(void *arg, const char *name),
	void *arg);

/* ---- acties ---- */

enum plan_owner_kind { OWNER_PERSON, OWNER_NETWORK, OWNER_PROFESSIONAL, OWNER_MEMBER,
	OWNER_KIND_COUNT };
const char *plan_owner_kind_name(enum plan_owner_kind k); /* "person", "network", ... */
int plan_owner_kind_parse(const char *s);
const char *plan_owner_kind_label(enum plan_owner_kind k);

enum action_status { ACTION_OPEN, ACTION_DONE, ACTION_CANCELLED, ACTION_STATUS_COUNT };
const char *action_status_name(enum action_status s);
int action_status_parse(const char *s);
const char *action_status_label(enum action_status s);

struct plan_action {
	char id[CASUS_ID_LEN];
	char plan_id[CASUS_ID_LEN];
	char derived_from[CASUS_ID_LEN];
	char goal_id[CASUS_ID_LEN];      /* a goal of the same version, or "" */
	char body[1000 * 4 + 1];
	enum plan_owner_kind owner_kind;
	char owner_id[CASUS_ID_LEN];     /* person id, party id, or member id (or login) */
	char owner_name[300 * 4 + 1];    /* filled by core from the owner */
	char due_on[11];                 /* "" when no date */
	enum action_status status;
	char closed_on[11];              /* the day it was done or cancelled */
	bool overdue;                    /* read only: open and due before today */
	int position;
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[PLAN_NAME_BUF];
};
/* Add a to the draft plan_id. The owner must belong to the family (a person, or a party
 * of the matching kind) or be an active team member. */
enum casus_rc plan_action_add(struct casus_ctx *ctx, const char *plan_id, struct plan_action *a,
	struct casus_err *err);
/* Save a (a->rev as read). On the agreed version only the status changes (progress),
 * copied into an open draft as well. closed_on defaults to today. */
enum casus_rc plan_action_update(struct casus_ctx *ctx, struct plan_action *a,
	struct casus_err *err);
enum casus_rc plan_action_delete(struct casus_ctx *ctx, const struct plan_action *a,
	struct casus_err *err);
enum casus_rc plan_action_get(struct casus_ctx *ctx, const char *action_id,
	struct plan_action *out, struct casus_err *err);
enum casus_rc plan_action_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_action *a), void *arg, struct casus_err *err);

/* ---- evaluaties ---- */

struct plan_eval {
	char id[CASUS_ID_LEN];
	char plan_id[CASUS_ID_LEN];
	char derived_from[CASUS_ID_LEN];
	char planned_on[11];
	char held_on[11];                /* "" until held */
	char outcome[4000 * 4 + 1];
	char next_on[11];                /* the next date agreed when it was held */
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[PLAN_NAME_BUF];
};
/* Plan an evaluation on a date (a draft, or the agreed version while it is carried
 * out). Keeps family.next_eval_on in step. */
enum casus_rc plan_eval_add(struct casus_ctx *ctx, const char *plan_id, const char *planned_on,
	struct plan_eval *out, struct casus_err *err);
/* Move a planned date (draft only; e->rev as read). */
enum casus_rc plan_eval_update(struct casus_ctx *ctx, struct plan_eval *e,
	struct casus_err *err);
/* Record that e was held on held_on (not in the future) with its outcome, and the next
 * date (after held_on), which is planned at once. next_on may be NULL only when the
 * plan ends. e->rev as read; on success e is reloaded. */
enum casus_rc plan_eval_hold(struct casus_ctx *ctx, struct plan_eval *e, const char *held_on,
	const char *outcome, const char *next_on, struct casus_err *err);
enum casus_rc plan_eval_delete(struct casus_ctx *ctx, const struct plan_eval *e,
	struct casus_err *err);
/* Evaluations of a version by planned date. */
enum casus_rc plan_eval_each(struct casus_ctx *ctx, const char *plan_id,
	int (*fn)(void *arg, const struct plan_eval *e), void *arg, struct casus_err *err);
/* Recompute family.next_eval_on (the earliest evaluation not yet held in the agreed
 * version, else in the draft). Called by every change above in its transaction. */
enum casus_rc plan_sync_next_eval(struct casus_ctx *ctx, const char *family_id,
	struct casus_err *err);

/* ---- phases, closing, flags ---- */

/* The plan's rules for a phase change of f to `to` (called by family_set_phase inside
 * its transaction): uitvoering needs an agreed plan version. */
enum casus_rc plan_check_phase(struct casus_ctx *ctx, const struct family *f,
	enum family_phase to, struct casus_err *err);

enum closure_kind { CLOSURE_POSITIEF, CLOSURE_VINGER_AAN_DE_POLS, CLOSURE_KIND_COUNT };
enum relapse_risk { RISK_LAAG, RISK_MIDDEN, RISK_HOOG, RISK_COUNT };
const char *closure_kind_name(enum closure_kind k);   /* "positief", "vinger_aan_de_pols" */
int closure_kind_parse(const char *s);
const char *closure_kind_label(enum closure_kind k);
const char *relapse_risk_name(enum relapse_risk r);   /* "laag", "midden", "hoog" */
int relapse_risk_parse(const char *s);
const char *relapse_risk_label(enum relapse_risk r);

struct plan_closure_new {
	enum closure_kind kind;
	const char *watcher;      /* vinger aan de pols: who keeps an eye (required then) */
	const char *watch_until;  /* ... and until when (a date after today) */
	enum relapse_risk risk;
	const char *aftercare;    /* the aftercare agreement (required) */
	const char *aftercare_on; /* optional date of the follow-up */
};
struct plan_closure {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	enum closure_kind kind;
	char watcher[200 * 4 + 1];
	char watch_until[11];
	enum relapse_risk risk;
	char aftercare[4000 * 4 + 1];
	char aftercare_on[11];
	char recorded_at[21];
	char recorded_by_name[PLAN_NAME_BUF];
};
/* Record how a case is closed, before family_close(). The family must still be open.
 * A newer record replaces an older one (rows are kept). */
enum casus_rc plan_record_closure(struct casus_ctx *ctx, const char *family_key,
	const struct plan_closure_new *in, struct plan_closure *out, struct casus_err *err);
/* The newest closure record of a family; CASUS_E_NOTFOUND when there is none. */
enum casus_rc plan_closure_get(struct casus_ctx *ctx, const char *family_id,
	struct plan_closure *out, struct casus_err *err);

/* Plan signals for the case list. */
struct plan_flags {
	bool no_future_eval;   /* in uitvoering without an evaluation planned from today on */
	int overdue_actions;   /* open actions past their due date (version in force) */
	int missing_consent;   /* person x professional pairs of the plan without consent */
	bool has_plan;
	bool agreed;           /* an agreed version exists */
};
/* Compute the flags of one family from the version in force (the agreed one, else the
 * draft). Professionals "of the plan" are the active professional parties that own an
 * action or have an arrangement in it; every family member needs consent
 * (consent_check) for each of them, and each pair without it counts once. */
enum casus_rc plan_flags(struct casus_ctx *ctx, const char *family_id, struct plan_flags *out,
	struct casus_err *err);

/* ---- comparing versions ---- */

enum plan_change_kind { CHANGE_SECTION, CHANGE_WORRY, CHANGE_GOAL, CHANGE_ACTION,
	CHANGE_ARRANGEMENT, CHANGE_EVALUATION, CHANGE_KIND_COUNT };
enum plan_change_op { CHANGE_ADDED, CHANGE_REMOVED, CHANGE_CHANGED };
const char *plan_change_kind_name(enum plan_change_kind k); /* "section", "goal", ... */
const char *plan_change_op_name(enum plan_change_op op);    /* "added", "removed", ... */

struct plan_change {
	enum plan_change_kind kind;
	enum plan_change_op op;
	char id_a[CASUS_ID_LEN];  /* the row in version a ("" when added, or a section) */
	char id_b[CASUS_ID_LEN];  /* the row in version b ("" when removed, or a section) */
	const char *field;        /* CHANGED: stable field key ("body", "scale_now",
	                             "strengths", ...); NULL for added/removed */
	char *label;              /* what the row is (its text as in b, else a); owned */
	char *old_value;          /* CHANGED/REMOVED: value in a; owned, NULL when none */
	char *new_value;          /* CHANGED/ADDED: value in b; owned, NULL when none */
};
struct plan_diff {
	int version_a, version_b;
	size_t n;
	struct plan_change *changes; /* owned: plan_diff_free */
};
/* What changed from version va to version vb of a family's plan (either order; 0 and
 * -1 as in plan_get): sections, worries, goals, actions, arrangements and evaluations,
 * each added, removed, or changed field by field with old -> new. */
enum casus_rc plan_diff(struct casus_ctx *ctx, const char *family_key, int va, int vb,
	struct plan_diff *out, struct casus_err *err);
void plan_diff_free(struct plan_diff *d);

/* ---- export for the family ---- */

enum plan_format { PLAN_FORMAT_MD, PLAN_FORMAT_JSON };
int plan_format_parse(const char *s); /* "md", "json"; -1 if unknown */
/* Write a version (0 latest, -1 in force) of the family's plan to out: a readable
 * document (md) in lang "nl" or "en", or JSON with stable English keys. Writes an
 * 'export' access-log row. Does not change the UI language. */
enum casus_rc plan_export(struct casus_ctx *ctx, const char *family_key, int version,
	enum plan_format format, const char *lang, FILE *out, struct casus_err *err);

#endif
