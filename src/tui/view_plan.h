/* The plan view (één gezin, één plan): the family pane shows the opened family's plan
 * with every section, a cursor over its items, forms to add and change them, the
 * agreement, a diff against the agreed version, phase changes, closing and export.
 * Every rule is core's (include/casus/plan.h); this view shows core's messages.
 *
 * Files: view_plan.c (state, loading, keys), view_plan_sections.c (painting the
 * sections), view_plan_goals.c (goals and actions), view_plan_versions.c (agreement
 * and diff), view_plan_phase.c (phase, closing, handover, export, $EDITOR),
 * view_plan_form.c (the small form used by all of them). */
#ifndef TUI_VIEW_PLAN_H
#define TUI_VIEW_PLAN_H
#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "casus/plan.h"
#include "lineedit.h"

struct app;
struct form_field; /* form.c */

#define PV_GOALS 32
#define PV_ACTIONS 48
#define PV_EVALS 16
#define PV_WORRIES 16
#define PV_ARRS 16
#define PV_PERSONS 16
#define PV_PARTIES 16
#define PV_LINES 48   /* regie history, agreement and consent lines */
#define PV_ITEMS 200

/* What the cursor can stand on. */
enum pv_item_kind { PI_SECTION, PI_WORRY, PI_GOAL, PI_ACTION, PI_ARR, PI_EVAL, PI_SAFETY_SCALE,
	PI_PERSON, PI_PARTY };
struct pv_item {
	enum pv_item_kind kind;
	int index; /* section number or row index */
};

/* Data read from core (heap: rows are large). */
struct pv_data {
	struct plan_goal goals[PV_GOALS];
	struct plan_action actions[PV_ACTIONS];
	struct plan_eval evals[PV_EVALS];
	struct plan_worry worries[PV_WORRIES];
	struct plan_arrangement arrs[PV_ARRS];
	struct person_row_pv {
		char id[40];
		char name[2 * 401];
		char role[40];
		char birth[11];
		int age;
		bool authority;
	} persons[PV_PERSONS];
	struct party_row_pv {
		char id[40];
		bool professional;
		char name[801], organisation[801], role[801], contact[1201];
	} parties[PV_PARTIES];
	char regie[PV_LINES][400];     /* handover history */
	char agreed[PV_LINES][400];    /* who agreed with the version in force */
	char consent[PV_LINES][600];   /* consent warnings */
	int n_goals, n_actions, n_evals, n_worries, n_arrs, n_persons, n_parties;
	int n_regie, n_agreed, n_consent;
};

/* ---- the form (view_plan_form.c) ---- */
#define PF_FIELDS 8
#define PF_CHOICES 24
enum pf_kind { PF_TEXT, PF_CHOICE, PF_MULTI, PF_LONG };
struct pf_field {
	const char *label;              /* translated */
	enum pf_kind kind;
	char value[LINEEDIT_MAX];       /* PF_TEXT */
	int n_choices, choice;          /* PF_CHOICE: the chosen one; PF_MULTI: the cursor */
	char choice_text[PF_CHOICES][200];
	char choice_id[PF_CHOICES][80];
	bool picked[PF_CHOICES];        /* PF_MULTI */
	struct form_field *ml;          /* PF_LONG: form.c's multi-line editor (owned) */
};
/* The forms that can be offered again from a draft after a hang-up (view_plan_draft.c). */
enum pf_opener { PFO_NONE, PFO_SECTION, PFO_WORRY_ADD, PFO_WORRY_EDIT, PFO_EVAL_HOLD,
	PFO_ARR_ADD, PFO_ARR_EDIT, PFO_GOAL_ADD, PFO_GOAL_EDIT, PFO_ACTION_ADD, PFO_ACTION_EDIT,
	PFO_PERSON_ADD, PFO_PERSON_EDIT, PFO_PARTY_ADD, PFO_PARTY_EDIT, PFO_CONSENT,
	PFO_COUNT };
struct pv_form {
	bool active;
	char title[300];
	char subtitle[300];                /* a line under the title (a rule, a warning) */
	int n, cur;
	struct pf_field f[PF_FIELDS];
	unsigned (*submit)(struct app *a); /* R_* flags; leaves the form open on failure */
	void (*changed)(struct app *a);    /* after a choice changed (may be NULL) */
	char ref_id[48];                   /* the row being changed, if any */
	int64_t ref_rev;                   /* ... its rev when the form opened */
	int ref_index;
	enum pf_opener opener;             /* which form, to open it again from a draft */
	unsigned long start_sum;           /* the fields as opened (Esc asks when changed) */
	bool confirm;                      /* Esc asked: throw the changes away? */
	bool oom;
	int long_w;                        /* text width of the long field (pf_paint) */
};

struct plan_view {
	bool active;          /* the family pane shows the plan */
	bool opening;         /* the next load opens the plan: plan_open logs it */
	char family_id[40];   /* ... of this family */
	bool show_diff;       /* ... or the changes against the agreed version */
	bool loaded;
	bool has_plan;
	struct plan plan;     /* the newest version (draft being written, else agreed) */
	int in_force;         /* the agreed version in force, 0 when none */
	struct pv_data *d;
	struct plan_diff diff;
	struct pv_item items[PV_ITEMS];
	int n_items, sel;
	int want_kind, want_index; /* select this item at the next paint (-1: the last row) */
	bool pinned;               /* just opened: the top stays in view until the cursor moves */
	char note[300];            /* "started a new draft", added to the next message */
	int scroll, lines, sel_line;
	struct pv_form form;
};

/* ---- view_plan.c ---- */
bool plan_view_active(const struct app *a);
unsigned plan_view_enter(struct app *a);   /* from the case list or the family pane */
void plan_view_reload(struct app *a);
unsigned plan_view_handle(struct app *a, int act);
void plan_view_paint(struct app *a, WINDOW *w);
void plan_view_free(struct app *a);
/* The draft to change: the open one, or a new one copied from the agreed version
 * (told in the message line). false with core's message shown on failure. */
bool pv_need_draft(struct app *a);
/* A success message (with the note of a draft just started); selects the new row of
 * kind (index -1: the last one) when kind >= 0. */
void pv_done(struct app *a, int kind, const char *msg);
/* Show core's message; for a conflict add that the user's text is kept. */
void pv_error(struct app *a, const struct casus_err *err, enum casus_rc rc);

/* ---- view_plan_sections.c: painting ---- */
struct pv_writer {
	WINDOW *w;
	int y, skip, h, width;
	int item;       /* the item being painted, -1 none */
	int sel;        /* the selected item */
	int sel_line;   /* out: first line of the selected item */
};
void pvw_line(struct pv_writer *pw, int indent, const char *text, attr_t attr);
void pvw_wrap(struct pv_writer *pw, int indent, const char *text, attr_t attr);
void pvw_heading(struct pv_writer *pw, const char *text);
/* Start painting item i (registers its line for the cursor). */
void pvw_item(struct pv_writer *pw, struct plan_view *pv, enum pv_item_kind kind, int index);
void pv_paint_header(struct app *a, struct pv_writer *pw);
void pv_paint_gezin(struct app *a, struct pv_writer *pw);
void pv_paint_texts(struct app *a, struct pv_writer *pw);
void pv_paint_rest(struct app *a, struct pv_writer *pw);

/* ---- view_plan_goals.c ---- */
void pv_paint_goals(struct app *a, struct pv_writer *pw);
void pv_paint_actions(struct app *a, struct pv_writer *pw);
unsigned pv_add_goal(struct app *a);
unsigned pv_add_action(struct app *a);
unsigned pv_edit_goal(struct app *a, int i);
unsigned pv_edit_action(struct app *a, int i);
void pv_scale_bar(const struct plan_goal *g, char *out, size_t outsz);

/* ---- view_plan_versions.c ---- */
unsigned pv_agree(struct app *a);
unsigned pv_toggle_diff(struct app *a);
void pv_paint_diff(struct app *a, struct pv_writer *pw);
unsigned pv_edit_section(struct app *a, int s);
unsigned pv_add_worry(struct app *a);
unsigned pv_add_eval(struct app *a);
unsigned pv_edit_eval(struct app *a, int i);
unsigned pv_add_arrangement(struct app *a);
unsigned pv_edit_worry(struct app *a, int i);
unsigned pv_edit_arrangement(struct app *a, int i);

/* ---- view_plan_phase.c ---- */
unsigned pv_phase(struct app *a);
unsigned pv_handover(struct app *a);
unsigned pv_export(struct app *a);
unsigned pv_external_editor(struct app *a);
/* Edit text in $EDITOR (a 0600 temporary file, removed after): the edited text
 * (malloc'd), or NULL with a message when the editor failed. */
char *pv_editor_text(struct app *a, const char *text);

/* ---- view_plan_draft.c: plan forms kept as drafts when the session is cut off ---- */
void pv_draft_save(struct app *a);     /* the open form, if anything was typed */
void pv_draft_forget(struct app *a);   /* the open form's draft (saved or cancelled) */
bool pv_draft_kind(const char *kind);  /* a draft of a plan form? */
/* Open the family's plan and the form again with the kept values. */
unsigned pv_draft_resume(struct app *a, const char *family_id, const char *body);

/* ---- view_plan_gezin.c: persons, network, professionals, consent ---- */
unsigned pv_add_person(struct app *a);
unsigned pv_edit_person(struct app *a, int i);
unsigned pv_add_party(struct app *a);
unsigned pv_edit_party(struct app *a, int i);
/* Grant or withdraw consent for person i, saying whose consent the age rule needs. */
unsigned pv_consent(struct app *a, int i);
/* Show the BSN of person i in the message line (core checks the right and logs it). */
unsigned pv_reveal_bsn(struct app *a, int i);
unsigned pv_discard_draft(struct app *a);

/* ---- view_plan_form.c ---- */
/* Start a form with a title; add fields; open it. */
struct pv_form *pf_begin(struct app *a, const char *title, unsigned (*submit)(struct app *));
struct pf_field *pf_text(struct pv_form *f, const char *label, const char *value);
/* A long text, edited in place with form.c's multi-line editor (or $EDITOR by F4). */
struct pf_field *pf_long(struct pv_form *f, const char *label, const char *value);
struct pf_field *pf_choice(struct pv_form *f, const char *label, bool multi);
void pf_add_choice(struct pf_field *fl, const char *text, const char *id);
unsigned pf_open(struct app *a);
unsigned plan_form_key(struct app *a, const struct key *k);
/* The text of field i (the editor's when it is the current one). */
const char *pf_value(struct app *a, int i);
void pf_set_value(struct app *a, int i, const char *text);
/* Something was changed since the form opened. */
bool pf_changed(struct app *a);
void pf_close(struct app *a);
void pf_paint(struct app *a, WINDOW *w);

#endif
