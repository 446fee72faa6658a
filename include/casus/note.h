/* Notes in the dossier, each a fact, a hypothesis/interpretation, or a diagnosis
 * (only with the qualified professional who made it). Notes are never changed or
 * deleted: a correction is a new note pointing at the one it corrects. */
#ifndef CASUS_NOTE_H
#define CASUS_NOTE_H
#include <stdbool.h>

#include "casus/db.h"

enum note_kind { NOTE_FACT, NOTE_HYPOTHESIS, NOTE_DIAGNOSIS };
const char *note_kind_name(enum note_kind k); /* "fact", "hypothesis", "diagnosis" */
const char *note_kind_label(enum note_kind k);
int note_kind_parse(const char *s);

#define NOTE_BODY_MAX 20000

struct note {
	char id[CASUS_ID_LEN];
	char family_id[CASUS_ID_LEN];
	char author_login[CASUS_LOGIN_MAX + 1];
	char author_name[CASUS_NAME_MAX * 4 + 1];
	enum note_kind kind;
	char *body;                 /* owned by the struct: note_free() */
	char diagnosed_by[200 * 4 + 1];
	bool confidential;
	bool withheld;              /* confidential and the reader may not see it: body is "" */
	char corrects[CASUS_ID_LEN]; /* "" unless a correction */
	char created_at[21];
};

struct note_new {
	enum note_kind kind;
	const char *body;
	const char *diagnosed_by; /* required for a diagnosis */
	bool confidential;
	const char *corrects;     /* id of the note this corrects, or NULL */
};

/* Add a note; out (may be NULL) receives it with an allocated body: note_free(out). */
enum casus_rc note_add(struct casus_ctx *ctx, const char *family_id, const struct note_new *in,
	struct note *out, struct casus_err *err);
/* One note by id; out->body is allocated: note_free(out). */
enum casus_rc note_get(struct casus_ctx *ctx, const char *note_id, struct note *out,
	struct casus_err *err);
/* note_get for showing one note to the user: a readable note also gets a 'read' row in
 * the access log (object "note"); a withheld one is shown as withheld, unlogged. */
enum casus_rc note_open(struct casus_ctx *ctx, const char *note_id, struct note *out,
	struct casus_err *err);
#define NOTE_BREAKGLASS_REASON_MAX 300 /* characters */
/* Read a confidential note that the restriction (privacy.restrict_confidential_notes)
 * withholds from this member: "breaking the glass". Needs a reason (one line, at most
 * NOTE_BREAKGLASS_REASON_MAX characters; CASUS_E_INVALID without one) and writes a
 * 'breakglass' row to the access log (the family, object "note" and its id, "reason:
 * ..." as detail) before the body is returned. A note the member may read anyway is
 * returned as note_get does, without a row. out->body is allocated: note_free(out). */
enum casus_rc note_break_glass(struct casus_ctx *ctx, const char *note_id, const char *reason,
	struct note *out, struct casus_err *err);
/* Notes of a family, oldest first. The note passed to fn is freed after fn returns. */
enum casus_rc note_each(struct casus_ctx *ctx, const char *family_id,
	int (*fn)(void *arg, const struct note *n), void *arg, struct casus_err *err);
void note_free(struct note *n);

#endif
