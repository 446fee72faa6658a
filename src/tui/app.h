/* The state of one running interface (struct app) and the contracts between its parts.
 * One struct app is created by tui_main and passed explicitly to every function; the
 * only global is the signal flag (term.c).
 *
 * The loop (app.c): read an event -> map a key through the keymap to an action -> the
 * focused view's handler gets it first, the generic handler if the view returns
 * R_UNHANDLED. Handlers change state and return reaction flags; they never paint.
 * The loop then reloads what the flags ask for, repaints dirty windows and calls
 * doupdate() once. */
#ifndef TUI_APP_H
#define TUI_APP_H
#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "casus/audit.h"
#include "casus/db.h"
#include "casus/draft.h"
#include "casus/family.h"
#include "casus/flags.h"
#include "casus/meldcode.h"
#include "casus/privacy.h"
#include "keymap.h"
#include "layout.h"
#include "lineedit.h"
#include "view_plan.h"
#include "tui.h"

/* Reaction flags returned by handlers. */
enum reaction {
	R_NONE = 0,
	R_UNHANDLED = 1 << 0,     /* not mine: try the generic handler */
	R_PAINT_LIST = 1 << 1,
	R_PAINT_FAMILY = 1 << 2,
	R_PAINT_MELDCODE = 1 << 3,
	R_PAINT_STATUS = 1 << 4,  /* status bar and switcher line */
	R_PAINT_MSG = 1 << 5,
	R_PAINT_MAIN = 1 << 6,    /* full-screen views (help, too small) */
	R_RELOAD_LIST = 1 << 7,   /* the query changed: count again, back to the top */
	R_REFRESH_LIST = 1 << 8,  /* the data changed: reload, keep selection and scroll */
	R_RELOAD_FAMILY = 1 << 9,
	R_SELECT = 1 << 10,       /* the selected family changed */
	R_LAYOUT = 1 << 11,       /* recompute the layout and recreate windows */
	R_QUIT = 1 << 12,
	R_RELOAD_QUEUE = 1 << 13, /* escalations changed: read the approvals queue again */
};
#define R_PAINT_ALL (R_PAINT_LIST | R_PAINT_FAMILY | R_PAINT_MELDCODE | R_PAINT_STATUS \
	| R_PAINT_MSG | R_PAINT_MAIN)

enum view { VIEW_MAIN, VIEW_HELP, VIEW_MEETING, VIEW_QUEUE, VIEW_AUDIT, VIEW_NOTES };
enum win { W_TABS, W_LIST, W_FAMILY, W_MELDCODE, W_STATUS, W_MSG, W_MAIN, W_COUNT };

/* The case list: a window of rows around the viewport, paged from SQLite. */
#define LIST_WINDOW 200
#define SEARCH_MAX 256
struct list_state {
	struct family_query q;
	char search[SEARCH_MAX];        /* q.search points here */
	struct audit_search_session search_log; /* the search being typed (access log) */
	char mine_id[CASUS_ID_LEN];     /* q.regie_id points here when "mine" */
	int64_t count;                  /* rows matching q (counted once per change) */
	bool count_capped;              /* a search counted up to FAMILY_SEARCH_BROAD only:
	                                   count is a lower bound, shown as "1000+" */
	int64_t sel, top;               /* selected row and first visible row */
	int64_t win_off;                /* rows[0] is row win_off of the query */
	int win_n;
	struct family_row *rows;        /* LIST_WINDOW rows (owned) */
	struct family_flags *flags;
	struct plan_flags *pflags;      /* core's plan_flags of the rows */
	char (*masked)[96];             /* privacy-mode names of the rows */
	char sel_id[CASUS_ID_LEN];      /* the selected family, kept across reloads */
	int view_h;                     /* rows that fit in the pane */
};

#define FAMILY_MEMBERS_MAX 24
struct family_member_line {
	char name[2 * 401];
	char initials[32];
	char role[40];
	int age;
	bool authority;
};

/* The family pane: the opened family (full, audited) or a preview of the selection. */
struct family_state {
	bool opened;
	struct family fam;
	struct family_member_line members[FAMILY_MEMBERS_MAX];
	int n_members, more_members;
	char masked[96];
	char hulpvraag[2048];   /* from the newest plan version, "" when none */
	int scroll;
	int lines; /* lines of content (for scrolling) */
};

enum edit_kind { EDIT_NONE, EDIT_SEARCH, EDIT_NAME, EDIT_DRAFT_OFFER, EDIT_PLAN };
struct edit_state {
	enum edit_kind kind;
	struct lineedit le;
	char saved_search[SEARCH_MAX];  /* search text to restore on Esc */
	struct family fam;              /* EDIT_NAME: the family as read (its rev) */
	char draft_kind[65];            /* EDIT_DRAFT_OFFER: the name or a plan form */
	char draft_body[DRAFT_BODY_MAX * 4 + 1]; /* ... the offered text */
	char draft_object[65];
	char draft_saved_at[21];
};

struct script; /* test mode: script.c */
struct mc_ui;  /* the meldcode stepper and its forms: view_meldcode.h */
struct esc_ui; /* escalations: view_escalation.h */

struct meet_ui; /* meeting mode: view_meeting.h */
struct audit_ui; /* the access log: view_audit.c */
struct notes_ui; /* the dossier's notes: view_notes.c */

struct app {
	struct casus_ctx *ctx;
	const struct tui_global *g;
	struct keymap keys;
	struct layout lay;
	bool lay_meldcode;             /* the layout has a meldcode pane */
	enum layout_pref pref;
	WINDOW *win[W_COUNT];
	enum pane focus;
	bool zoom;
	enum view view;
	int help_scroll;
	enum section help_section;     /* the view help was opened from */
	bool privacy;
	bool mouse;
	struct list_state list;
	struct family_state fam;
	struct edit_state edit;
	struct plan_view pv;             /* the plan view (view_plan*.c) */
	struct flag_rules rules;
	struct meldcode_summary mc;    /* the selected family's trajectory (stepper pane) */
	struct mc_ui *mcui;            /* stepper state and the open meldcode form (owned) */
	char msg[700];
	bool msg_error;
	int64_t data_version;
	int64_t last_poll_ms;
	unsigned dirty;                /* R_PAINT_* not yet painted */
	struct script *script;         /* non-NULL in test mode */
	struct esc_ui *esc;            /* approvals queue, family-pane escalations (owned) */
	struct meet_ui *meet;          /* meeting mode (view_meeting.h; owned) */
	struct audit_ui *au;           /* the access log view (view_audit.c; owned) */
	struct notes_ui *notes;        /* the notes view (view_notes.c; owned) */
	bool quit;
	char db_name[256];
};

/* ---- app.c ---- */
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The selected list row, or NULL when the list is empty. */
const struct family_row *app_selected_row(const struct app *a);
const struct family_flags *app_selected_flags(const struct app *a);
enum section app_section(const struct app *a);
bool app_meldcode_shown(const struct app *a);
int app_run(struct app *a);

/* ---- view_list.c ---- */
bool list_init(struct app *a);
void list_free(struct app *a);
void list_reload(struct app *a, bool keep_selection);
void list_ensure_window(struct app *a);
unsigned list_handle(struct app *a, enum action act);
void list_paint(struct app *a, WINDOW *w);
void list_click(struct app *a, int row);
void list_apply_search(struct app *a, const char *text);
/* The search session ends (confirmed, left, or a family opened from its results):
 * core writes its one access-log row. */
void list_search_end(struct app *a);

/* ---- view_family.c ---- */
void family_pane_open(struct app *a);
void family_pane_reload(struct app *a);
unsigned family_pane_handle(struct app *a, enum action act);
void family_pane_paint(struct app *a, WINDOW *w);

/* ---- view_meldcode.c ---- */
void meldcode_pane_load(struct app *a);
unsigned meldcode_pane_handle(struct app *a, enum action act);
void meldcode_pane_paint(struct app *a, WINDOW *w);
void meldcode_pane_free(struct app *a);
/* The pane is shown for the selection without an open trajectory (closed, or new). */
bool meldcode_pane_pinned(const struct app *a);
/* A meldcode form is open: it gets every key (meldcode_form_key). */
bool meldcode_form_active(const struct app *a);
unsigned meldcode_form_key(struct app *a, const struct key *k);
/* The stepper got the focus on a trajectory: its entries are read (access log). */
void meldcode_pane_log_open(struct app *a, const char *trajectory_id);
/* Meldcode actions from other panes (open / show a trajectory, acute danger). */
unsigned meldcode_action(struct app *a, enum action act);

/* ---- view_help.c ---- */
unsigned help_handle(struct app *a, enum action act);
void help_paint(struct app *a, WINDOW *w);

/* ---- view_queue*.c, view_escalation*.c (escalations) ---- */
unsigned queue_open(struct app *a);
void queue_reload(struct app *a);
unsigned queue_handle(struct app *a, enum action act);
void queue_paint(struct app *a, WINDOW *w);
void esc_pane_load(struct app *a);
unsigned esc_pane_handle(struct app *a, enum action act);
/* Paint the opened family's escalations from content row `row`; returns the next row. */
int esc_pane_paint(struct app *a, WINDOW *w, int row, int skip, int h, int width);
/* A prompt (motivation, request) on the message line takes every key while active. */
bool esc_form_active(const struct app *a);
unsigned esc_form_key(struct app *a, const struct key *k);
void esc_form_paint(struct app *a, WINDOW *w);
void esc_ui_free(struct app *a);

/* ---- view_audit.c (the access log, teamleider only) ---- */
unsigned audit_view_open(struct app *a);
void audit_view_reload(struct app *a);
unsigned audit_view_handle(struct app *a, enum action act);
void audit_view_paint(struct app *a, WINDOW *w);
void audit_view_free(struct app *a);
/* A filter being typed on the message line takes every key. */
bool audit_prompt_active(const struct app *a);
unsigned audit_prompt_key(struct app *a, const struct key *k);
void audit_prompt_paint(struct app *a, WINDOW *w);

/* ---- view_notes.c (the opened family's notes; break-glass reads) ---- */
unsigned notes_view_open(struct app *a);
void notes_view_reload(struct app *a);
unsigned notes_view_handle(struct app *a, enum action act);
void notes_view_paint(struct app *a, WINDOW *w);
void notes_view_free(struct app *a);
/* The break-glass reason being typed on the message line takes every key. */
bool notes_prompt_active(const struct app *a);
unsigned notes_prompt_key(struct app *a, const struct key *k);
void notes_prompt_paint(struct app *a, WINDOW *w);

/* ---- status.c ---- */
void status_paint(struct app *a, WINDOW *w);
void tabs_paint(struct app *a, WINDOW *w);
void msg_paint(struct app *a, WINDOW *w);
void too_small_paint(struct app *a, WINDOW *w);

/* ---- edit.c ---- */
unsigned edit_start_search(struct app *a);
unsigned edit_start_name(struct app *a, const char *family_id, const char *text);
unsigned edit_key(struct app *a, const struct key *k);
void edit_save_draft(struct app *a);
void edit_offer_draft(struct app *a);

/* ---- privacy.c ---- */
unsigned privacy_toggle(struct app *a);

#endif
