/* Output of the CLI: listings as an aligned table for people, TSV for scripts (one
 * header row of stable English keys, then one row per item) or JSON (an array of
 * objects with the same keys), plus the small JSON writer that `family show` and
 * `check` use for nested output.
 *
 * Every function writes bytes of user data through untouched (they were checked to
 * be valid UTF-8 by core when they were saved); only the escaping that TSV and JSON
 * need is added. Widths count terminal columns (wcwidth), not bytes. */
#ifndef CASUS_CLI_OUT_H
#define CASUS_CLI_OUT_H
#include <stdbool.h>
#include <stdio.h>

enum out_format { OUT_TABLE, OUT_TSV, OUT_JSON };

/* "table", "tsv", "json" (tsv only when allow_tsv); -1 if unknown. */
int out_format_parse(const char *s, bool allow_tsv);

/* Call once at start (after setlocale): decides whether the terminal is UTF-8. */
void out_init(void);
bool out_utf8(void);

/* Terminal columns that the UTF-8 string s takes (code points counted as one column
 * each when the locale is not UTF-8). */
int out_width(const char *s);
/* Write s padded with spaces to width columns (never clipped). */
void out_pad(FILE *fp, const char *s, int width);

/* How a column's values are written in JSON (table and TSV write the text). */
enum out_type {
	OUT_TEXT, /* string */
	OUT_OPT,  /* string, "" becomes null */
	OUT_INT,  /* number, "" becomes null */
	OUT_BOOL, /* "1" is true, anything else false */
};

struct out_col {
	const char *key;    /* TSV header and JSON key: stable English */
	const char *header; /* table header (already translated) */
	enum out_type type;
	int max;            /* table: clip longer cells to this many columns; 0 = never */
	bool right;         /* table: align right */
};

struct out;

/* Start a listing on fp. cols must stay valid until out_end. Returns NULL only
 * when out of memory. */
struct out *out_begin(FILE *fp, enum out_format fmt, const struct out_col *cols, int ncols);
/* Indent table rows by n spaces (for tables inside `family show`). */
void out_indent(struct out *o, int n);
enum out_format out_fmt(const struct out *o);
/* One row: ncols values (NULL is treated as ""). Table rows are buffered for a
 * while to size the columns, then streamed with those widths (clipping), so memory
 * stays bounded for any number of rows. */
void out_row(struct out *o, const char *const *vals);
/* Finish the listing and free o; returns the number of rows written. */
long out_end(struct out *o);

/* Escapers. */
void out_tsv_field(FILE *fp, const char *s);
void out_json_string(FILE *fp, const char *s);

/* A JSON writer with indentation; containers opened inline keep their members on
 * one line (for arrays of small objects). key is NULL inside arrays. */
struct json {
	FILE *fp;
	int depth;
	bool first[16];
	bool inline_[16];
};
void json_init(struct json *j, FILE *fp);
void json_open(struct json *j, const char *key, char bracket, bool inline_);
void json_close(struct json *j, char bracket);
void json_str(struct json *j, const char *key, const char *val); /* NULL: null */
void json_opt(struct json *j, const char *key, const char *val); /* "" or NULL: null */
void json_int(struct json *j, const char *key, long long val);
void json_bool(struct json *j, const char *key, bool val);
void json_null(struct json *j, const char *key);

#endif
