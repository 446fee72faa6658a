/* Shared between the meldcode stepper pane (view_meldcode.c) and its forms
 * (view_meldcode_form.c). Not used elsewhere: app.h has the pane's entry points. */
#ifndef TUI_VIEW_MELDCODE_H
#define TUI_VIEW_MELDCODE_H
#include "app.h"
#include "form.h"

#define MCV_LINES 48   /* lines of entries kept per step */
#define MCV_HYP 16     /* open hypotheses offered for a verdict */

enum mcv_form { MF_NONE, MF_OPEN, MF_SIGNAL, MF_VERDICT, MF_KINDCHECK, MF_ACUTE,
	MF_CONSULT, MF_CONVERSATION, MF_SKIP, MF_WEIGH, MF_DECIDE, MF_EVENT, MF_CLOSE };

struct mcv_line {
	char text[400];
	bool warn;
};

struct mc_ui {
	char family_id[CASUS_ID_LEN];  /* the family the pane shows */
	char pinned[CASUS_ID_LEN];     /* shown without an open trajectory (closed, new) */
	bool have;                     /* m and steps are loaded */
	struct meldcode m;
	struct meldcode_step steps[MC_STEPS];
	int sel;                       /* the focused step, 1..5 */
	bool guide;                    /* the guidance panel is shown */
	int guide_scroll;
	struct mcv_line lines[MC_STEPS][MCV_LINES];
	int n_lines[MC_STEPS];
	char header[400];              /* children concerned / adult client */
	/* What the forms need to know. */
	int q1, q2;                    /* the current weighing (enum mc_answer) */
	char weighing_id[CASUS_ID_LEN], decision_id[CASUS_ID_LEN];
	bool acute, decided, melden, hulp;
	int dq3, dq4, dq5;
	char hyp_id[MCV_HYP][CASUS_ID_LEN];
	char hyp_label[MCV_HYP][120];
	int n_hyp;
	/* The open form. */
	enum mcv_form kind;
	struct form *form;
	bool zoom_before;
	int fx[64];                    /* field indexes by meaning (enum mcv_slot) */
	char person_id[MC_MAX_CHILDREN][CASUS_ID_LEN]; /* MF_OPEN: children, then adults */
	char person_label[MC_MAX_CHILDREN][120];
	int n_kids, n_person;
};

/* Field slots of the forms (ui->fx[slot] is the field's index, -1 when absent). */
enum mcv_slot { F_KIND, F_DATE, F_WHO, F_THIRD, F_SOURCE, F_HYPOF, F_DIAGBY, F_TEXT,
	F_TEXT2, F_NOTE, F_WARN, F_REF, F_ANON, F_NAME, F_Q1, F_Q1M, F_Q2A, F_Q2S, F_Q2D,
	F_Q2M, F_Q3, F_Q3M, F_Q4, F_Q4M, F_Q5, F_Q5M, F_WITHVT, F_MELDEN, F_MELDENM, F_HULP,
	F_HULPM, F_ACUTE, F_DEV, F_DERIVED, F_BAND, F_ADVICE, F_EXC, F_DUE2, F_FBNO,
	F_RESULT, F_TRI1, F_TRI2, F_TRI3, F_KIDS, F_ADULT, F_SLOTS };

/* view_meldcode.c */
struct mc_ui *mcv_ui(struct app *a);
/* Read the trajectory shown into ui (after a change). */
void mcv_reload(struct app *a);

/* view_meldcode_form.c */
unsigned mcv_form_start(struct app *a, enum mcv_form kind);
unsigned mcv_form_key(struct app *a, const struct key *k);
void mcv_form_paint(struct app *a, WINDOW *w, int y, int x, int h, int wd);
void mcv_form_close(struct app *a);

/* view_meldcode_entries.c */
void mcv_load_entries(struct app *a, struct mc_ui *ui);
/* "acute danger was recorded; Q3: ..." for MC_BECAUSE_* bits. */
void mcv_because(unsigned because, char *out, size_t n);

/* view_meldcode_submit.c: hand the open form to core; false (message set) on refusal. */
bool mcv_submit(struct app *a);

#endif
