/* Escalations in the interface (DOMAIN.md §5): the approvals queue (view_queue.c), the
 * escalation part of the family pane (view_escalation.c) and the prompts both use to
 * ask for a motivation or fill in a request (view_escalation_form.c).
 *
 * All of it lives in one struct esc_ui that struct app points to (a->esc), allocated
 * on first use and freed by esc_ui_free. Four eyes and every other rule are core's
 * (casus/escalation.h): these files show core's messages and offer only the keys the
 * user may use (escalation_check_decider). Handlers return reaction flags and never
 * paint. */
#ifndef TUI_VIEW_ESCALATION_H
#define TUI_VIEW_ESCALATION_H
#include "app.h"
#include "casus/escalation.h"
#include "casus/meldcode.h"

/* ---- one request as a queue row ---- */
struct esc_row {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	char case_no[CASE_NO_LEN];
	char name[FAMILY_TEXT_MAX];   /* the family's name, or masked in privacy mode */
	enum escalation_kind kind;
	enum escalation_urgency urgency;
	enum escalation_status status;
	char requested_at[21];
	bool flagged;                 /* acted before approval, undecided */
};

/* ---- a family's escalations with their history, for painting ---- */
#define ESC_HIST_MAX 40
#define ESC_EVENTS_MAX 160
#define ESC_SHORT 600                /* bytes of a text kept for the history */
struct esc_hist_item {
	char id[CASUS_ID_LEN];
	enum escalation_kind kind;
	enum escalation_urgency urgency;
	enum escalation_status status;
	char requested_at[21];
	char by[FAMILY_TEXT_MAX];
	char requested_by_id[CASUS_ID_LEN];
	char reason[ESC_SHORT];
	bool flagged, retroactive, approval_required;
	int first_event, n_events;   /* into esc_hist.ev */
};
struct esc_hist_event {
	char action[12];
	char at[21];
	char by[FAMILY_TEXT_MAX];
	char text[ESC_SHORT];
	char instead[ESC_SHORT];
	bool retroactive;
};
struct esc_hist {
	char family_id[CASUS_ID_LEN];
	int n, more;
	struct esc_hist_item item[ESC_HIST_MAX];
	int n_ev;
	struct esc_hist_event ev[ESC_EVENTS_MAX];
};

/* ---- prompts on the message line: a chain of single-line fields ---- */
enum esc_form_kind { FORM_NONE, FORM_APPROVE, FORM_REJECT, FORM_ASK, FORM_REQUEST,
	FORM_WITHDRAW, FORM_ANSWER };
enum esc_field { F_MOTIVATION, F_INSTEAD, F_QUESTION, F_KIND, F_LEVEL, F_REASON, F_TRIED,
	F_ASKED, F_URGENCY, F_ACT, F_ACT_NOTE, F_WITHDRAW_REASON, F_ANSWER, F_COUNT };
struct esc_form {
	enum esc_form_kind kind;
	enum esc_field field;         /* being typed now */
	bool filled[F_COUNT];
	char value[F_COUNT][LINEEDIT_MAX];
	struct lineedit le;
	char target_id[CASUS_ID_LEN];  /* the escalation decided / withdrawn / answered */
	char family[CASE_NO_LEN];      /* FORM_REQUEST: the family's case number */
};

/* ---- the approvals queue ---- */
#define QUEUE_MAX 300
struct queue_state {
	struct esc_row rows[QUEUE_MAX];
	int n, more;
	int sel, top, list_h;
	char sel_id[CASUS_ID_LEN];
	struct escalation cur;         /* the selected request, as read */
	bool have_cur;
	char refusal[700];             /* why the user may not decide ("" may decide) */
	bool opened;                   /* the family was opened (access log) for cur */
	struct family fam;
	struct esc_hist hist;
	struct meldcode_summary mc;
	char plan_line[300];           /* "Plan version 2, agreed 2026-10-01; safety 6" */
	char goals[12][600];           /* "leefgebied: goal  4 -> 6 (8)" */
	int n_goals;
	int detail_scroll, detail_lines;
};

/* view_queue_detail.c: the picture of the selected request. */
void queue_detail_load(struct app *a, bool open_family);
void queue_detail_paint(struct app *a, WINDOW *w, int y, int x, int h, int wd);

struct esc_ui {
	struct queue_state q;
	struct esc_hist fam_hist;      /* the family pane's escalations */
	struct escalation_flags fam_flags;
	struct esc_form form;
};

/* a->esc, allocated on first use; NULL only when out of memory (a message says so). */
struct esc_ui *esc_ui(struct app *a);

/* ---- drawing lines with a scroll offset (view_escalation.c) ---- */
struct esc_writer {
	WINDOW *w;
	int row, skip, h;   /* content row, rows scrolled away, rows that fit */
	int y0, x0, width;  /* where row `skip` is drawn, and the text width */
	int label_w;
};
void esc_put(struct esc_writer *ew, const char *label, const char *text, attr_t attr);
/* Wrapped at spaces over at most max_lines lines (0: no limit). */
void esc_put_wrapped(struct esc_writer *ew, const char *label, const char *text, attr_t attr,
	int max_lines);
void esc_heading(struct esc_writer *ew, const char *text);
/* "3 d", "5 h", "12 min" since an ISO time. */
void esc_age(const char *iso, char *out, size_t outsz);
/* "2026-11-23 09:00" from an ISO time. */
void esc_when(const char *iso, char *out, size_t outsz);

/* "requested", "approved", ... for a history row's action (translated). */
const char *esc_action_label(const char *action);
/* A family's escalations with their history (newest first). */
void esc_hist_load(struct app *a, const char *family_id, struct esc_hist *h);
/* Paint h; skip_id: an escalation to leave out ("" none). */
void esc_hist_paint(struct app *a, struct esc_writer *ew, const struct esc_hist *h,
	const char *skip_id, bool texts);

/* ---- the prompts (view_escalation_form.c) ---- */
unsigned esc_form_start(struct app *a, enum esc_form_kind kind, const char *target_id,
	const char *family);
void esc_form_paint(struct app *a, WINDOW *w);

#endif
