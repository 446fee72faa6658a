/* Internal to the plan export (plan_export.c: Markdown and the entry point;
 * plan_export_json.c: JSON): the document being written and its words in Dutch and
 * English. */
#ifndef CASUS_PLAN_EXPORT_H
#define CASUS_PLAN_EXPORT_H
#include <stdbool.h>
#include <stdio.h>

#include "plan_priv.h"

/* The words of the document; the order of some runs follows the enums they label
 * (agree how, goal status, action status, owner kind, person role). */
enum xw_word {
	W_TITLE, W_CASE_NO, W_VERSION, W_DRAFT, W_AGREED, W_SUPERSEDED, W_REGIE, W_NO_REGIE,
	W_AGREEMENT, W_AGREED_ON, W_NOT_AGREED,
	W_HOW_IN_PERSON, W_HOW_PHONE, W_HOW_PAPER,
	W_INVOLVED, W_FAMILY, W_NETWORK, W_PROS, W_YEARS,
	W_AANLEIDING, W_HULPVRAAG, W_KRACHTEN, W_ZORGEN, W_EERDERE_HULP, W_DOELEN, W_ACTIES,
	W_AFSPRAKEN, W_VEILIGHEID, W_EVALUATIES,
	W_SAFE_WORRIES, W_SAFE_WORKING, W_SAFE_NEEDED, W_SAFE_AGREEMENTS, W_SAFE_SCALE,
	W_EMPTY, W_NO_SAFETY, W_NO_WORRIES, W_NO_GOALS, W_NO_ACTIONS, W_NO_ARRANGEMENTS,
	W_NO_EVALUATIONS, W_NOBODY,
	W_WHO_WORRIES, W_SINCE, W_CONSEQUENCES,
	W_SCALE, W_SCALE_START, W_SCALE_NOW, W_SCALE_TARGET, W_STATUS, W_REASON,
	W_GOAL_OPEN, W_GOAL_REACHED, W_GOAL_ADJUSTED, W_GOAL_DROPPED,
	W_WHO, W_WHEN, W_NO_DATE,
	W_ACTION_OPEN, W_ACTION_DONE, W_ACTION_CANCELLED, W_OVERDUE, W_FOR_GOAL,
	W_OWNER_PERSON, W_OWNER_NETWORK, W_OWNER_PROFESSIONAL, W_OWNER_MEMBER,
	W_PLANNED, W_HELD, W_NOT_HELD, W_OUTCOME, W_NEXT_EVAL, W_MADE,
	W_ROLE_OUDER, W_ROLE_VERZORGER, W_ROLE_KIND, W_ROLE_PARTNER, W_ROLE_HUISGENOOT,
	W_COUNT
};

#define XW_MAX_GOALS 512

struct xw_doc {
	struct casus_ctx *ctx;
	FILE *out;
	const struct family *f;
	const struct plan *p;
	bool en;                 /* English; else Dutch */
	char today[11];
	/* state while walking rows */
	int count;               /* rows written in the current list */
	int group;               /* party kind being listed */
	bool first;              /* JSON: no comma before the next element */
	bool heading_done;       /* the current leefgebied's heading is out */
	char leefgebied[100 * 4 + 1];
	enum casus_rc rc;
	struct casus_err *err;
	size_t n_goals;          /* goal numbers, in the order the document shows them */
	char goal_ids[XW_MAX_GOALS][CASUS_ID_LEN];
};

const char *xw(const struct xw_doc *d, enum xw_word w);
/* "2026-11-23" as "23 november 2026" / "23 November 2026". */
void xw_date(const struct xw_doc *d, const char *iso, char *out, size_t outsz);
/* The number a goal has in the document (assigning the next one when asked); 0 if none. */
int xw_goal_number(struct xw_doc *d, const char *goal_id, bool assign);
bool xw_has_safety_plan(const struct plan *p);
enum casus_rc xw_write_json(struct xw_doc *d, struct casus_err *err);

#endif
