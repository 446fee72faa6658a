/* Drafts: unsaved text kept when a session ends in the middle of an edit (the
 * terminal hung up, the machine shuts down), offered again at the member's next
 * start. Drafts are private to the member who typed them and are not part of the
 * dossier; saving or discarding the edit removes the draft. */
#ifndef CASUS_DRAFT_H
#define CASUS_DRAFT_H
#include "casus/db.h"

#define DRAFT_KIND_MAX 64
#define DRAFT_BODY_MAX 20000

struct draft {
	char kind[DRAFT_KIND_MAX + 1];  /* which field: "family.display_name", ... */
	char object_id[65];             /* the edited object (a family id, ...) */
	char family_id[CASUS_ID_LEN];   /* "" when not about one family */
	char body[DRAFT_BODY_MAX * 4 + 1];
	char saved_at[21];
};

/* Keep body as the acting member's draft for (kind, object_id), replacing an older
 * one. family_id may be NULL. Meant for the moment a session ends: it only needs the
 * database, never the terminal. */
enum casus_rc draft_save(struct casus_ctx *ctx, const char *kind, const char *object_id,
	const char *family_id, const char *body, struct casus_err *err);
/* The acting member's drafts, newest first. The draft passed to fn is only valid
 * during the call; fn returns non-zero to stop. */
enum casus_rc draft_each(struct casus_ctx *ctx, int (*fn)(void *arg, const struct draft *d),
	void *arg, struct casus_err *err);
/* Remove the acting member's draft for (kind, object_id); no error if there is none. */
enum casus_rc draft_discard(struct casus_ctx *ctx, const char *kind, const char *object_id,
	struct casus_err *err);

#endif
