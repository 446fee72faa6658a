/* Meeting mode (view_meeting*.c): the weekly case meeting on a shared screen. The
 * agenda (the chair reorders it and starts the meeting), then the current item on the
 * whole screen in large, high-contrast lines with its timer (used against planned, for
 * the item and the meeting, from the stored timestamps), the casusinbreng round, and
 * the decisions and actions the minute-taker types in. Privacy is always on here: only
 * the family under discussion is shown by name, every other family as initials and
 * ages (privacy_family_mask); BSN, addresses and contact data are never read. */
#ifndef TUI_VIEW_MEETING_H
#define TUI_VIEW_MEETING_H
#include <stdbool.h>

#include "casus/meeting.h"
#include "actions.h"
#include "lineedit.h"

struct app;

#define MEET_ITEMS_MAX 64
#define MEET_LINES_MAX 8

enum meet_prompt { MP_NONE, MP_DECISION, MP_ACTION_WHAT, MP_ACTION_WHO, MP_ACTION_DUE,
	MP_NOTE };

struct meet_ui {
	bool have;                         /* a meeting to show */
	struct meeting m;
	struct agenda_item items[MEET_ITEMS_MAX];
	char masked[MEET_ITEMS_MAX][96];   /* each item's family as initials and ages */
	int n;
	int sel;                           /* selected agenda row */
	bool item_screen;                  /* the current item on the whole screen */
	char dec[MEET_LINES_MAX][300];     /* the shown item's decisions (newest last) */
	int ndec;
	char act[MEET_LINES_MAX][400];     /* its actions: who, what, by when */
	int nact;
	enum meet_prompt prompt;
	struct lineedit le;
	char what[LINEEDIT_MAX];           /* the action being entered */
	char who[LINEEDIT_MAX];
};

/* view_meeting.c */
unsigned meeting_view_open(struct app *a);
void meeting_view_reload(struct app *a);
unsigned meeting_view_handle(struct app *a, enum action act);
bool meeting_prompt_active(const struct app *a);
unsigned meeting_prompt_key(struct app *a, const struct key *k);
void meeting_view_free(struct app *a);
/* The item shown on the item screen: the running one, else the selected one. */
const struct agenda_item *meeting_current(const struct meet_ui *mu);
/* view_meeting_draw.c */
void meeting_view_paint(struct app *a, WINDOW *w);
void meeting_prompt_paint(struct app *a, WINDOW *w);

#endif
