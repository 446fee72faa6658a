/* Writing user text into exported documents (core-internal): as a JSON string, and as
 * Markdown that shows the text as typed. Shared by the plan, meldcode and dossier
 * exports. */
#ifndef CASUS_EXPORT_TEXT_H
#define CASUS_EXPORT_TEXT_H
#include <stdio.h>

/* s as a quoted JSON string (control characters escaped). */
void export_json_string(FILE *out, const char *s);
/* s as Markdown text: markup characters are escaped, and every line after the first
 * starts with indent (to stay inside a list item or a quote). */
void export_md_text(FILE *out, const char *s, const char *indent);

#endif
