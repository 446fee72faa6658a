/* Internal to the dossier export (dossier.c, dossier_cases.c, access_report.c). */
#ifndef CASUS_DOSSIER_PRIV_H
#define CASUS_DOSSIER_PRIV_H
#include "casus/dossier.h"
#include "casus/family.h"
#include "docw.h"

struct dossier_names; /* person and party ids with their names (dossier.c) */

struct dossier_doc {
	struct casus_ctx *ctx;
	struct docw w;
	struct family f;
	const char *lang;
	struct dossier_names *names;
	enum casus_rc rc;         /* the first failure inside a callback */
	struct casus_err *err;
};

/* The name of a person or party of the family by id ("" when unknown). */
const char *dossier_name_of(const struct dossier_doc *d, const char *id);
/* "2026-11-23T09:00:00Z" -> "2026-11-23 09:00" (UTC, as stored). */
void dossier_time(const char *iso, char out[static 17]);

enum casus_rc dossier_escalations(struct dossier_doc *d);
enum casus_rc dossier_meetings(struct dossier_doc *d);
/* The access report as a part of the open document. */
enum casus_rc dossier_access(struct dossier_doc *d);

#endif
