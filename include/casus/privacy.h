/* The privacy mask (the meeting on a projector, DOMAIN.md §6-7): one rule for every
 * shared screen and export. Names become initials, a family its initials plus the ages
 * of its children; callers leave out contact details and free text themselves. */
#ifndef CASUS_PRIVACY_H
#define CASUS_PRIVACY_H
#include <stddef.h>

#include "casus/db.h"

/* Initials of a name: one per word that starts with a letter of an alphabetic script,
 * hyphens kept, name prefixes lower-case ("van der Berg-Çelik" -> "v.d.B.-Ç."); "?."
 * when no word does. */
void privacy_initials(const char *name, char *out, size_t outsz);
/* The masked display of a family: the initials of its name and the ages of its
 * children, "van der Berg" with children of 4 and 9 -> "v.d.B. (4, 9)". */
void privacy_family_mask(struct casus_ctx *ctx, const char *family_id, const char *name,
	char *out, size_t outsz);

#endif
