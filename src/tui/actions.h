/* The action table: every command of the interface declared once, with its name (as
 * used in data/keys and the user's config), help text and short status-bar label.
 * The keymap parser, the help screen, the status-bar hints and the man page's key
 * list (casus --list-keys) all read this table, so they cannot drift apart. */
#ifndef TUI_ACTIONS_H
#define TUI_ACTIONS_H

enum action {
	A_NONE,
	/* generic */
	A_QUIT, A_HELP, A_FOCUS_NEXT, A_FOCUS_PREV, A_ZOOM, A_PRIVACY, A_REDRAW, A_LAYOUT,
	A_BACK,
	/* movement: every pane that scrolls */
	A_DOWN, A_UP, A_PAGE_DOWN, A_PAGE_UP, A_FIRST, A_LAST,
	/* case list */
	A_OPEN, A_SEARCH, A_SEARCH_NEXT, A_SEARCH_PREV, A_SORT_NEXT, A_SORT_REVERSE,
	A_FILTER_PHASE, A_FILTER_MINE, A_FILTER_FLAG, A_FILTER_CLEAR,
	/* family */
	A_EDIT_NAME,
	/* meldcode */
	A_MC_OPEN, A_MC_ACUTE, A_MC_ADD, A_MC_VERDICT, A_MC_KINDCHECK, A_MC_SKIP, A_MC_DONE,
	A_MC_EVENT, A_MC_AFTER_ALL, A_MC_GUIDE, A_MC_CLOSE,
	/* plan (view_plan*.c) */
	A_PLAN, A_PLAN_EDIT, A_PLAN_EDITOR, A_PLAN_ADD_GOAL, A_PLAN_ADD_ACTION, A_PLAN_ADD_WORRY,
	A_PLAN_ADD_EVAL, A_PLAN_ADD_ARRANGEMENT, A_PLAN_AGREE, A_PLAN_DIFF, A_PLAN_PHASE,
	A_PLAN_HANDOVER, A_PLAN_EXPORT, A_PLAN_ADD_PERSON, A_PLAN_ADD_PARTY, A_PLAN_CONSENT, A_PLAN_BSN,
	A_PLAN_DISCARD,
	/* escalations: approvals queue and family pane */
	A_QUEUE, A_APPROVE, A_REJECT, A_ASK, A_ESC_REQUEST, A_ESC_WITHDRAW, A_ESC_ANSWER,
	/* meeting mode (view_meeting*.c) */
	A_MEETING, A_MT_START, A_MT_LATER, A_MT_EARLIER, A_MT_ROUND, A_MT_DONE, A_MT_SKIP,
	A_MT_MOVE, A_MT_DECIDE, A_MT_ACTION, A_MT_NOTE,
	/* the access log (view_audit.c) */
	A_AUDIT, A_AU_FAMILY, A_AU_USER, A_AU_SINCE, A_AU_UNTIL,
	/* the dossier's notes (view_notes.c) */
	A_NOTES, A_NOTE_GLASS,
	A_COUNT
};

/* Key sections: which view a binding belongs to. SECTION_GENERIC applies in every
 * view unless the view's own section binds the same key. */
enum section { SECTION_GENERIC, SECTION_LIST, SECTION_FAMILY, SECTION_MELDCODE, SECTION_HELP,
	SECTION_QUEUE, SECTION_PLAN, SECTION_MEETING, SECTION_AUDIT, SECTION_NOTES,
	SECTION_COUNT };

struct action_def {
	enum action id;
	const char *name;  /* "move-down": the name in data/keys and config files */
	const char *help;  /* English msgid (N_) for the help screen */
	const char *label; /* English msgid for the status-bar hint, or NULL: not hinted */
};

const struct action_def *action_get(enum action a);
/* The action with this name, or -1 when there is none. */
int action_parse(const char *name);
const char *section_name(enum section s);
int section_parse(const char *name); /* -1 when unknown */
const char *section_title(enum section s); /* translated, for the help screen */

#endif
