/* The plan and meldcode documents without their access-log row (core-internal): the
 * dossier export includes them and writes one row for the whole dossier. */
#ifndef CASUS_EXPORT_DOC_H
#define CASUS_EXPORT_DOC_H
#include <stdio.h>

#include "casus/family.h"
#include "casus/meldcode.h"
#include "casus/plan.h"

enum casus_rc plan_export_doc(struct casus_ctx *ctx, const struct family *f,
	const struct plan *p, enum plan_format format, const char *lang, FILE *out,
	struct casus_err *err);
enum casus_rc meldcode_export_doc(struct casus_ctx *ctx, const struct family *fam,
	enum meldcode_format format, const char *lang, FILE *out, struct casus_err *err);

#endif
