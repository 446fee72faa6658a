/* The team-issues register (way of working, DOMAIN.md §6 point 4): cross-case issues
 * about how the team works, kept across meetings so that quick fixes become policy.
 * Each issue has a number, a phase (open, in behandeling, besloten, afgerond), a
 * priority, a proposal, who decides, and the decision. Marked issues are put on the
 * next meeting's agenda by its proposal (meeting_propose_agenda), which clears the mark.
 *
 * It is the team's register: any active member raises, edits and marks issues; every
 * change is audited and takes the struct as read (rev): a stale one gives
 * CASUS_E_CONFLICT naming who changed it and when. */
#ifndef CASUS_TEAM_ISSUE_H
#define CASUS_TEAM_ISSUE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "casus/db.h"

enum issue_phase { ISSUE_OPEN, ISSUE_IN_BEHANDELING, ISSUE_BESLOTEN, ISSUE_AFGEROND,
	ISSUE_PHASE_COUNT };
enum issue_priority { ISSUE_HOOG, ISSUE_NORMAAL, ISSUE_LAAG, ISSUE_PRIORITY_COUNT };

/* Stored names ("in_behandeling", "hoog"), parsers (-1 if unknown) and labels in
 * lang ("nl", "en"; NULL: the current language). */
const char *issue_phase_name(enum issue_phase p);
int issue_phase_parse(const char *s);
const char *issue_phase_label(enum issue_phase p, const char *lang);
const char *issue_priority_name(enum issue_priority p);
int issue_priority_parse(const char *s);
const char *issue_priority_label(enum issue_priority p, const char *lang);

#define ISSUE_TITLE_MAX 200   /* characters */
#define ISSUE_TEXT_MAX 4000
#define ISSUE_DECIDER_MAX 200

struct team_issue {
	char id[CASUS_ID_LEN];
	int number;                                 /* #1, #2, ... for people and the CLI */
	char title[ISSUE_TITLE_MAX * 4 + 1];        /* the issue in one line */
	char description[ISSUE_TEXT_MAX * 4 + 1];
	enum issue_phase phase;
	enum issue_priority priority;
	char proposal[ISSUE_TEXT_MAX * 4 + 1];
	char decider[ISSUE_DECIDER_MAX * 4 + 1];    /* who decides: "teamleider", "gemeente" */
	char decision[ISSUE_TEXT_MAX * 4 + 1];
	char decided_on[11];
	bool for_meeting;                           /* put it on the next meeting's agenda */
	char raised_by_login[CASUS_LOGIN_MAX + 1];
	char raised_by_name[CASUS_NAME_MAX * 4 + 1];
	char created_at[21];
	int meetings;                               /* agendas it has been on */
	int64_t rev;
	char updated_at[21];
	char updated_by_login[CASUS_LOGIN_MAX + 1];
	char updated_by_name[CASUS_NAME_MAX * 4 + 1];
};

struct team_issue_new {
	const char *title;        /* required */
	const char *description;
	enum issue_priority priority;
	const char *proposal;
	const char *decider;
	bool for_meeting;
};
/* Raise an issue (phase open). out may be NULL. */
enum casus_rc team_issue_add(struct casus_ctx *ctx, const struct team_issue_new *in,
	struct team_issue *out, struct casus_err *err);
/* By number ("3" or "#3") or id. */
enum casus_rc team_issue_get(struct casus_ctx *ctx, const char *key, struct team_issue *out,
	struct casus_err *err);
/* Save every field of t (t->rev as read). Phases besloten and afgerond need the
 * decision; decided_on defaults to today then. On success t is reloaded. */
enum casus_rc team_issue_update(struct casus_ctx *ctx, struct team_issue *t,
	struct casus_err *err);
/* Mark (or unmark) for the next meeting; an afgerond issue cannot be marked. */
enum casus_rc team_issue_mark(struct casus_ctx *ctx, struct team_issue *t, bool for_meeting,
	struct casus_err *err);
/* The register: open issues first (by priority, then number), afgerond ones last
 * unless include_done is false. */
enum casus_rc team_issue_each(struct casus_ctx *ctx, bool include_done,
	int (*fn)(void *arg, const struct team_issue *t), void *arg, struct casus_err *err);

#endif
