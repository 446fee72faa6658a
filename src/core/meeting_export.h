/* Internal to the minutes export (meeting_export.c: the collection of what the minutes
 * hold, privacy masking, Markdown and the entry point; meeting_export_json.c: JSON). */
#ifndef CASUS_MEETING_EXPORT_H
#define CASUS_MEETING_EXPORT_H
#include <stdbool.h>
#include <stdio.h>

#include "casus/meeting.h"

/* What the minutes hold, gathered before anything is written. */
struct names {
	char *name, *ini;
};

struct wr {
	struct casus_ctx *ctx;
	FILE *f;
	const char *lang;
	int li;                     /* 0 English, 1 Dutch */
	bool privacy;
	bool json;                  /* text is written inside JSON strings */
	const struct meeting *m;
	struct agenda_item *items;
	size_t n_items, cap_items;
	struct meeting_decision *dec;
	size_t n_dec, cap_dec;
	struct meeting_action *act;
	size_t n_act, cap_act;
	struct meeting_attendee *att;
	size_t n_att, cap_att;
	struct names *names;        /* privacy: names to mask, longest first */
	size_t n_names, cap_names;
	bool nomem;
};

/* Write text; with privacy, every known name becomes its initials. cont (Markdown):
 * what a newline becomes, to continue a list item; NULL keeps it (escaped in JSON). */
void mx_masked(struct wr *w, const char *text, const char *cont);
/* A JSON string of text, masked when masked is set and privacy is on. */
void mx_str(struct wr *w, const char *text, bool masked);
/* "2026-0001 Jansen", or with privacy "2026-0001 J. (4, 9)". */
void mx_family_label(const struct wr *w, const char *family_id, const char *case_no,
	const char *name, char *out, size_t outsz);
/* An action's owner as exported: family members and network members masked. */
void mx_owner_label(const struct wr *w, const struct meeting_action *a, char *out,
	size_t outsz);
const struct agenda_item *mx_item_at(const struct wr *w, const char *item_id);
/* The date of the meeting a moved item went to, "" when none is planned yet. */
void mx_next_meeting(struct wr *w, const struct agenda_item *it, char out[11]);
/* The JSON document. */
enum casus_rc mx_write_json(struct wr *w, struct casus_err *err);

#endif
