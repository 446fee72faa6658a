/* A small form widget: labelled fields drawn in a rectangle of a window and edited by
 * keyboard. Field kinds: single-line text (lineedit), a date (text the caller's core
 * call validates), a choice cycling through fixed options, yes/no, multi-line text
 * with an in-app editor (word wrap, cursor movement), and notes (text the caller sets, e.g. a warning or
 * what core derives). Fields can be hidden and shown as other fields change (the
 * changed callback). Used by the meldcode screens; the plan view can reuse it.
 *
 * Keys: Tab / Shift-Tab / Down / Up move between fields (in a multi-line field Up and
 * Down move between its lines first); Enter moves on from a single-line field and
 * starts a new line in a multi-line one; Left / Right / Space cycle a choice (y / n /
 * j answer yes/no); Ctrl-S or F2 saves; Esc cancels. The form never talks to core:
 * form_key returns FORM_SAVE and the caller submits, and keeps the form open (with the
 * user's text) when core refuses. */
#ifndef TUI_FORM_H
#define TUI_FORM_H
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "lineedit.h"

#define FORM_FIELDS 28
#define FORM_CHOICES 16
#define FORM_MULTI_MAX 32768 /* bytes of a multi-line field with its NUL (8000 characters fit) */
#define FORM_NOTE_MAX 800

enum form_kind { FORM_TEXT, FORM_DATE, FORM_CHOICE, FORM_YESNO, FORM_MULTI, FORM_NOTE };

struct form_field {
	enum form_kind kind;
	char label[120];              /* translated by the caller */
	bool hidden;
	struct lineedit le;           /* FORM_TEXT, FORM_DATE */
	char multi[FORM_MULTI_MAX];   /* FORM_MULTI; FORM_NOTE: the note */
	size_t len, cur;              /* FORM_MULTI: bytes and cursor */
	int top;                      /* FORM_MULTI: first visual row shown */
	const char *options[FORM_CHOICES]; /* FORM_CHOICE / FORM_YESNO (translated) */
	int n_options, choice;
	bool warn;                    /* FORM_NOTE: draw as a warning */
};

struct form {
	char title[200];
	struct form_field f[FORM_FIELDS];
	int n, focus, scroll;
	int multi_w;                  /* text width of a multi-line field (form_paint) */
	char error[FORM_NOTE_MAX];    /* the last refusal, shown above the key hints */
	/* Called after a field's value changed (choice cycled, text typed). */
	void (*changed)(struct form *fm, int field, void *arg);
	void *arg;
};

enum form_result { FORM_NONE, FORM_REDRAW, FORM_SAVE, FORM_CANCEL };

/* Start an empty form (fm is large: allocate it). */
void form_init(struct form *fm, const char *title);
/* Add fields; each returns the field's index (or -1 when the form is full). */
int form_text(struct form *fm, const char *label, const char *init);
int form_date(struct form *fm, const char *label, const char *init);
int form_choice(struct form *fm, const char *label, const char *const *options, int n,
	int init);
int form_yesno(struct form *fm, const char *label, bool init);
int form_multi(struct form *fm, const char *label, const char *init);
int form_note(struct form *fm, const char *text, bool warn);

/* The text of a text, date or multi-line field ("" for others). */
const char *form_value(const struct form *fm, int i);
/* The text, or NULL when it is empty (for optional core fields). */
const char *form_value_or_null(const struct form *fm, int i);
int form_get_choice(const struct form *fm, int i);
bool form_get_yes(const struct form *fm, int i);
void form_set_hidden(struct form *fm, int i, bool hidden);
void form_set_note(struct form *fm, int i, const char *text);
/* Show why saving was refused (the message line may be too short for it); "" clears. */
void form_set_error(struct form *fm, const char *text);
/* Move the focus to field i (shown). */
void form_focus(struct form *fm, int i);

enum form_result form_key(struct form *fm, const struct key *k);
/* Draw the form in the rectangle (y, x, h, w) of win: title, fields, key hints. */
void form_paint(struct form *fm, WINDOW *win, int y, int x, int h, int w);

/* The multi-line editor on its own, for forms of other views (the plan view):
 * form_multi_set makes f a FORM_MULTI field holding text (cut at FORM_MULTI_MAX);
 * form_multi_key edits f with k, wrapping at width columns (FORM_REDRAW: handled;
 * FORM_NONE: not the editor's key, e.g. Up on the first row); form_multi_paint draws
 * it in rows x w, word-wrapped, with the cursor when focused (else its first line). */
void form_multi_set(struct form_field *f, const char *text);
enum form_result form_multi_key(struct form_field *f, const struct key *k, int width);
void form_multi_paint(struct form_field *f, bool focused, WINDOW *win, int y, int x, int rows,
	int w);

/* Draw text word-wrapped into (y, x, h, w); newlines start new lines. Returns the
 * rows used (at most h). Also for read-only texts such as guidance. */
int form_wrap(WINDOW *win, int y, int x, int h, int w, const char *text, attr_t attr);

#endif
