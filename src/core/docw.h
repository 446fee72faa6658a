/* A structured document writer (core-internal) for exports that exist as a readable
 * Markdown document and as JSON with stable keys from one walk over the data: sections,
 * lists of items and fields. Markdown shows labels and skips empty fields; JSON uses
 * the keys and writes empty values as null. Used by the dossier export and the access
 * report. */
#ifndef CASUS_DOCW_H
#define CASUS_DOCW_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define DOCW_DEPTH 16

struct docw {
	FILE *out;
	bool json;
	int depth;                 /* JSON nesting */
	bool first[DOCW_DEPTH];    /* JSON: the next member is the first at its depth */
	int items[DOCW_DEPTH];     /* items written in the list open at each depth */
	int level;                 /* Markdown heading level of the current part */
	bool in_fields;            /* Markdown: a field list is open (for the blank line) */
};

/* Start the document: md "# title"; JSON an object with "format": format_id. */
void docw_begin(struct docw *w, FILE *out, bool json, const char *format_id, const char *title);
void docw_end(struct docw *w);
/* A named part holding fields and lists (JSON object; md heading). */
void docw_section(struct docw *w, const char *key, const char *title);
void docw_section_end(struct docw *w);
/* A list of items (JSON array; md heading). */
void docw_list(struct docw *w, const char *key, const char *title);
/* Close the list; md prints none_text when it had no items. */
void docw_list_end(struct docw *w, const char *none_text);
/* One item of the open list (JSON object; md a smaller heading when title is given). */
void docw_item(struct docw *w, const char *title);
void docw_item_end(struct docw *w);
/* Fields: one-line text, multi-line text, numbers, yes/no. */
void docw_field(struct docw *w, const char *key, const char *label, const char *value);
void docw_text(struct docw *w, const char *key, const char *label, const char *value);
void docw_int(struct docw *w, const char *key, const char *label, int64_t value);
void docw_bool(struct docw *w, const char *key, const char *label, bool value);
/* One line of a list in Markdown ("- text"); nothing in JSON, which has the fields. */
void docw_line(struct docw *w, const char *text);
/* A paragraph of the document's own words (md only). */
void docw_para(struct docw *w, const char *text);
/* A whole document made by another export: JSON inserted as the value of key; md
 * with its headings moved below the current level. */
void docw_embed(struct docw *w, const char *key, const char *doc);

#endif
