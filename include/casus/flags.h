/* Case-list flags: the signals a coach or the meeting must act on, computed by one set
 * of rules for both the list display and the list filter (so the two never disagree).
 *
 * Kinds implemented now: overdue evaluation, first-visit norm exceeded, escalation
 * pending/approved/rejected (escalation module) and the open meldcode trajectory with
 * its current step (meldcode module). "On the next meeting's agenda" has its bit
 * reserved; the meeting issue fills it in family_flags_get(). */
#ifndef CASUS_FLAGS_H
#define CASUS_FLAGS_H
#include <stdbool.h>

#include "casus/db.h"
#include "casus/family.h"

enum family_flag {
	FLAG_EVAL_OVERDUE = 1u << 0,  /* next evaluation date has passed (open cases) */
	FLAG_FIRST_VISIT = 1u << 1,   /* first home visit later than the norm, or missing */
	FLAG_MELDCODE = 1u << 2,      /* open meldcode trajectory (step in meldcode_step) */
	FLAG_ESC_PENDING = 1u << 3,   /* escalation waiting for approval */
	FLAG_ESC_APPROVED = 1u << 4,
	FLAG_ESC_REJECTED = 1u << 5,
	FLAG_AGENDA = 1u << 6,        /* on the next meeting's agenda */
	FLAG_ESC_ACTED = 1u << 7,     /* acted on before approval, not decided yet */
};
#define FLAG_KIND_COUNT 8
/* The kinds the case-list query can filter on (struct family_query.flags). */
#define FLAG_FILTERABLE (FLAG_EVAL_OVERDUE | FLAG_FIRST_VISIT)

struct family_flags {
	unsigned bits;      /* enum family_flag bits */
	int meldcode_step;  /* 1..5 when FLAG_MELDCODE, else 0 */
};

/* What the rules depend on besides the family: today and the team's norm. */
struct flag_rules {
	char today[11];
	int first_visit_days; /* setting norm.first_visit_days (default 7) */
};

/* Today's date and the team's norms. Never fails: defaults are used when unset. */
void flag_rules_load(struct casus_ctx *ctx, struct flag_rules *out);

/* The flags that follow from a list row alone (no database access). */
void family_flags_of_row(const struct flag_rules *rules, const struct family_row *row,
	struct family_flags *out);
/* All flags of a listed family: the row rules plus kinds stored elsewhere (later
 * issues: meldcode, escalations, meetings). */
enum casus_rc family_flags_get(struct casus_ctx *ctx, const struct flag_rules *rules,
	const struct family_row *row, struct family_flags *out, struct casus_err *err);

/* The i-th kind (0 <= i < FLAG_KIND_COUNT) as its bit. */
unsigned family_flag_kind(int i);
/* Stable name ("overdue", "first-visit", ...) for options and config; "?" if unknown. */
const char *family_flag_name(unsigned flag);
/* A sentence-style translated label for help screens and the family pane. */
const char *family_flag_label(unsigned flag);
/* Parse a stable name; returns the bit, or 0 when unknown. */
unsigned family_flag_parse(const char *s);

#endif
