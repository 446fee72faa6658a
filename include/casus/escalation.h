/* Escalations and the gedragswetenschapper's approval (four eyes, DOMAIN.md §5).
 *
 * A member requests an escalation of a kind for an open family. When the team setting
 * escalation.approval.<kind> says so, a gedragswetenschapper approves, rejects (saying
 * what is needed instead) or asks for more information (the requester answers and the
 * request is pending again); otherwise the request is recorded at once as approved,
 * decided by the requester (approval_required = 0). Safety never waits: an acute
 * request can be acted on before any decision; it then stays in the queue, flagged,
 * until a retroactive decision.
 *
 * Four eyes is enforced here, for the TUI, the CLI and everyone else: only an active
 * gedragswetenschapper decides, never on their own request and never for a family of
 * which they are the regievoerder; every decision has a motivation.
 *
 * Every state change is one transaction: the escalation row (rev + 1), one
 * escalation_event row, and one audit row. Functions that change an escalation take
 * the struct as the caller read it; if somebody changed it in between, they return
 * CASUS_E_CONFLICT naming who and when, and change nothing. On success the struct is
 * reloaded. Errors come back as enum casus_rc with a user message in err. */
#ifndef CASUS_ESCALATION_H
#define CASUS_ESCALATION_H
#include <stdbool.h>
#include <stddef.h> /* casus/db.h uses size_t */
#include <stdint.h>

#include "casus/db.h"
#include "casus/family.h"

enum escalation_kind {
	ESC_SPECIALISTISCH, /* inzet specialistische jeugdhulp */
	ESC_VEILIG_THUIS,   /* melding Veilig Thuis */
	ESC_RAAD,           /* verzoek tot onderzoek Raad voor de Kinderbescherming */
	ESC_OPSCHALEN,      /* opschalen to management / the municipality (with a level) */
	ESC_CRISIS,
	ESC_KIND_COUNT
};
enum escalation_urgency { URGENCY_NORMAAL, URGENCY_HOOG, URGENCY_ACUUT, URGENCY_COUNT };
enum escalation_status {
	ESC_PENDING, ESC_INFO_REQUESTED, ESC_APPROVED, ESC_REJECTED, ESC_WITHDRAWN,
	ESC_STATUS_COUNT
};
enum escalation_decision { ESC_DECIDE_APPROVE, ESC_DECIDE_REJECT, ESC_DECIDE_ASK };

/* Stored names ("veilig_thuis", "acuut", "info_requested"), display labels (translated)
 * and parsers (-1 when unknown; kinds also accept "vt" and "specialist"). */
const char *escalation_kind_name(enum escalation_kind k);
const char *escalation_kind_label(enum escalation_kind k);
int escalation_kind_parse(const char *s);
const char *escalation_urgency_name(enum escalation_urgency u);
const char *escalation_urgency_label(enum escalation_urgency u);
int escalation_urgency_parse(const char *s);
const char *escalation_status_name(enum escalation_status s);
const char *escalation_status_label(enum escalation_status s);
int escalation_status_parse(const char *s);

/* Whether requests of this kind need a gedragswetenschapper's approval now (the team
 * setting escalation.approval.<kind>). A request keeps the answer it got when made. */
bool escalation_needs_approval(struct casus_ctx *ctx, enum escalation_kind k);

#define ESC_TEXT_MAX 2000                     /* characters per text field */
#define ESC_TEXT_BUF (ESC_TEXT_MAX * 4 + 1)   /* bytes */
#define ESC_LEVEL_MAX 200

struct escalation {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	char family_name[FAMILY_TEXT_MAX];
	char regie_id[CASUS_ID_LEN];           /* the family's regievoerder now ("" none) */
	enum escalation_kind kind;
	char level[ESC_LEVEL_MAX * 4 + 1];     /* opschalen only */
	enum escalation_urgency urgency;
	char reason[ESC_TEXT_BUF];
	char tried[ESC_TEXT_BUF];
	char asked[ESC_TEXT_BUF];
	char meldcode_id[CASUS_ID_LEN];        /* "" when not from a meldcode trajectory */
	char requested_by_id[CASUS_ID_LEN];
	char requested_by_login[CASUS_LOGIN_MAX + 1];
	char requested_by_name[FAMILY_TEXT_MAX];
	char requested_at[21];
	bool approval_required;                /* false: recorded as "no approval needed" */
	enum escalation_status status;
	char question[ESC_TEXT_BUF];           /* the last question asked ("" none) */
	bool acted_before_approval;
	char acted_at[21];                     /* when acted (also without approval) */
	char acted_by_id[CASUS_ID_LEN];
	char acted_by_login[CASUS_LOGIN_MAX + 1];
	char acted_note[ESC_TEXT_BUF];
	char decided_by_id[CASUS_ID_LEN];
	char decided_by_login[CASUS_LOGIN_MAX + 1];
	char decided_by_name[FAMILY_TEXT_MAX];
	char decided_at[21];
	char motivation[ESC_TEXT_BUF];
	char instead[ESC_TEXT_BUF];            /* rejections: what is needed instead */
	bool retroactive;                      /* decided after the coach had acted */
	int64_t decision_seconds;              /* decided_at - requested_at; -1 undecided */
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[FAMILY_TEXT_MAX];
	/* For the acting user: may they approve/reject/ask now? (state + four eyes) */
	bool can_decide;
	/* An acute action taken, no decision yet: flag it everywhere. */
	bool flagged;
};

/* What a new request needs. Strings may be NULL when optional. */
struct escalation_new {
	const char *family;         /* case number or family id (required) */
	enum escalation_kind kind;
	const char *level;          /* opschalen: one of escalation.opschalen_levels */
	enum escalation_urgency urgency;
	const char *reason;         /* required: why */
	const char *tried;          /* what was tried already */
	const char *asked;          /* what is asked */
	bool acted;                 /* acuut only: the coach acts at once (before approval) */
	const char *acted_note;     /* what was done */
	const char *meldcode_id;    /* the meldcode trajectory this comes from, or NULL */
};

/* Request an escalation. Any active member may, for an open family. Joins the
 * caller's transaction when one is open (the meldcode module creates its melding
 * Veilig Thuis inside its own step-5 transaction). out may be NULL. */
enum casus_rc escalation_request(struct casus_ctx *ctx, const struct escalation_new *in,
	struct escalation *out, struct casus_err *err);

/* Safety never waits: record that the coach acted on an undecided acute request
 * before approval (the requester or the family's regievoerder). note: what was done. */
enum casus_rc escalation_act(struct casus_ctx *ctx, struct escalation *e, const char *note,
	struct casus_err *err);

/* Approve, reject or ask for information on a pending request. motivation is required
 * (for ASK it is the question); instead is required for REJECT (what is needed
 * instead) and ignored otherwise. Four eyes applies to all three. A decision on a
 * request acted on before approval is recorded as retroactive; its review (decision,
 * questions and answers) goes on even when the family has been closed since, so an
 * action taken never stays unreviewed. */
enum casus_rc escalation_decide(struct casus_ctx *ctx, struct escalation *e,
	enum escalation_decision d, const char *motivation, const char *instead,
	struct casus_err *err);
/* Whether the acting user may decide on e now; CASUS_OK or the reason in err. */
enum casus_rc escalation_check_decider(struct casus_ctx *ctx, const struct escalation *e,
	struct casus_err *err);

/* Answer the question of an info_requested escalation (the requester or the family's
 * regievoerder): it is pending again. */
enum casus_rc escalation_answer(struct casus_ctx *ctx, struct escalation *e,
	const char *answer, struct casus_err *err);

/* Withdraw a request: only its requester, only while pending, never after acting on
 * it (that action waits for its retroactive decision). reason may be NULL. */
enum casus_rc escalation_withdraw(struct casus_ctx *ctx, struct escalation *e,
	const char *reason, struct casus_err *err);

/* ---- reading ---- */

/* One escalation by id, or by a unique prefix of at least 8 characters (for the CLI).
 * No access-log row (like family_get). */
enum casus_rc escalation_get(struct casus_ctx *ctx, const char *id, struct escalation *out,
	struct casus_err *err);

/* One state change in an escalation's history. */
struct escalation_event {
	int seq;
	char action[12];            /* request act ask answer approve reject withdraw */
	char from_status[16];       /* "" for the request */
	char to_status[16];
	char at[21];
	char by_login[CASUS_LOGIN_MAX + 1];
	char by_name[FAMILY_TEXT_MAX];
	char motivation[ESC_TEXT_BUF]; /* motivation / question / answer / what was done */
	char instead[ESC_TEXT_BUF];
	bool retroactive;
};

/* Callbacks return non-zero to stop. They must not call the function that is calling
 * them (its statement is in use); other core calls are fine. */
typedef int (*escalation_fn)(void *arg, const struct escalation *e);
typedef int (*escalation_event_fn)(void *arg, const struct escalation *e,
	const struct escalation_event *ev);

/* The history of one escalation, oldest first. */
enum casus_rc escalation_events_each(struct casus_ctx *ctx, const char *escalation_id,
	escalation_event_fn fn, void *arg, struct casus_err *err);

/* The approvals queue: every undecided request that needs approval (pending and
 * info_requested), acted-before-approval ones first, then by urgency, then oldest. */
enum casus_rc escalation_queue_each(struct casus_ctx *ctx, escalation_fn fn, void *arg,
	struct casus_err *err);

/* A family's escalations, newest first; after each one, event_fn (if not NULL) gets
 * its history, oldest first. */
enum casus_rc escalation_each_for_family(struct casus_ctx *ctx, const char *family_id,
	escalation_fn fn, escalation_event_fn event_fn, void *arg, struct casus_err *err);

struct escalation_filter {
	const char *family;   /* case number or id; NULL: all families */
	int status;           /* enum escalation_status, or -1: any */
	int kind;             /* enum escalation_kind, or -1: any */
	bool open_only;       /* pending + info_requested, in queue order */
	const char *meldcode_id; /* NULL: any; else the meldingen of one trajectory */
};
/* For the CLI: matching escalations, oldest request first (queue order when
 * open_only). Memory use is constant. */
enum casus_rc escalation_list_each(struct casus_ctx *ctx, const struct escalation_filter *f,
	escalation_fn fn, void *arg, struct casus_err *err);

/* Flags for one family in the case list and the family pane (one indexed query). */
struct escalation_flags {
	int pending;          /* pending or info_requested */
	int info_requested;   /* of which waiting for an answer */
	int approved;         /* including "no approval needed" */
	int rejected;
	int acted_undecided;  /* acted before approval, not decided yet */
};
enum casus_rc escalation_family_flags(struct casus_ctx *ctx, const char *family_id,
	struct escalation_flags *out, struct casus_err *err);

/* ---- for the escalation module's own files (src/core/escalation*.c) only ---- */

/* Start a change of the escalation the caller saw: BEGIN IMMEDIATE (or join), reload
 * it as cur, and refuse with CASUS_E_CONFLICT (naming who changed it and when) when
 * its rev moved on. On failure nothing is left open. */
enum casus_rc escalation_begin_change(struct casus_ctx *ctx, const struct escalation *seen,
	struct escalation *cur, struct casus_err *err);
/* Write next's mutable state (rev + 1) over the row at seen_rev, append its event
 * (action, from -> next->status, text, instead) and the audit row. */
enum casus_rc escalation_store(struct casus_ctx *ctx, const struct escalation *next,
	int64_t seen_rev, const char *action, enum escalation_status from, const char *text,
	const char *instead, struct casus_err *err);
/* Append one history row (from < 0: none, for the request). */
enum casus_rc escalation_add_event(struct casus_ctx *ctx, const char *escalation_id,
	const char *action, int from, enum escalation_status to, const char *text,
	const char *instead, bool retroactive, struct casus_err *err);
/* Finish a change: roll back when r is an error, else commit and reload e. */
enum casus_rc escalation_end_change(struct casus_ctx *ctx, struct escalation *e,
	enum casus_rc r, struct casus_err *err);

#endif
