/* Table, TSV and JSON output for the CLI (see cli_out.h). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "cli_out.h"

/* Rows kept to size the table's columns before streaming the rest. */
#define TABLE_BUFFER 256
#define COL_GAP 2

static bool utf8_locale;

void out_init(void)
{
	const char *cs = nl_langinfo(CODESET);
	utf8_locale = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

bool out_utf8(void)
{
	return utf8_locale;
}

int out_format_parse(const char *s, bool allow_tsv)
{
	if (!s)
		return -1;
	if (strcmp(s, "table") == 0)
		return OUT_TABLE;
	if (strcmp(s, "json") == 0)
		return OUT_JSON;
	if (allow_tsv && strcmp(s, "tsv") == 0)
		return OUT_TSV;
	return -1;
}

/* Length in bytes of the UTF-8 sequence at p and its code point; 0 when invalid. */
static int utf8_seq(const unsigned char *p, uint32_t *cp)
{
	int len;
	uint32_t min;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	} else if ((p[0] & 0xe0) == 0xc0) {
		len = 2, min = 0x80, *cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3, min = 0x800, *cp = p[0] & 0x0f;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4, min = 0x10000, *cp = p[0] & 0x07;
	} else {
		return 0;
	}
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (p[i] & 0x3f);
	}
	if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

/* Columns of one character: wcwidth in a UTF-8 locale (wchar_t holds code points
 * there); otherwise, and for anything wcwidth calls unprintable, one column. */
static int char_width(uint32_t cp)
{
	if (!utf8_locale)
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Walk s: the width of its first n bytes, and where a prefix of at most max
 * columns ends (for clipping). */
static int measure(const char *s, int max, size_t *cut)
{
	const unsigned char *p = (const unsigned char *)s;
	int width = 0;
	uint32_t cp;
	while (*p) {
		int n = utf8_seq(p, &cp);
		int w = n ? char_width(cp) : 1;
		if (max >= 0 && width + w > max)
			break;
		width += w;
		p += n ? n : 1;
	}
	if (cut)
		*cut = (size_t)(p - (const unsigned char *)s);
	return width;
}

int out_width(const char *s)
{
	return s ? measure(s, -1, NULL) : 0;
}

void out_pad(FILE *fp, const char *s, int width)
{
	fputs(s, fp);
	for (int w = out_width(s); w < width; w++)
		fputc(' ', fp);
}

/* ---- escaping ---- */

void out_tsv_field(FILE *fp, const char *s)
{
	/* Tabs and newlines would break the row structure; backslash escapes them (and
	 * itself) the way most TSV readers (and `cut`-based scripts) expect. */
	for (; s && *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: fputc(*s, fp);
		}
	}
}

void out_json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	uint32_t cp;
	while (*p) {
		int n = utf8_seq(p, &cp);
		if (!n) {
			/* Cannot come from core (it validates), but JSON must stay valid. */
			fputs("\\ufffd", fp);
			p++;
			continue;
		}
		if (cp == '"' || cp == '\\')
			fprintf(fp, "\\%c", (int)cp);
		else if (cp == '\n')
			fputs("\\n", fp);
		else if (cp == '\t')
			fputs("\\t", fp);
		else if (cp == '\r')
			fputs("\\r", fp);
		else if (cp < 0x20 || cp == 0x7f)
			fprintf(fp, "\\u%04x", (unsigned)cp);
		else
			fwrite(p, 1, (size_t)n, fp);
		p += n;
	}
	fputc('"', fp);
}

/* ---- listings ---- */

struct out {
	FILE *fp;
	enum out_format fmt;
	const struct out_col *cols;
	int ncols;
	int indent;
	long rows;
	/* table only */
	char **buf; /* TABLE_BUFFER * ncols cells */
	int nbuf;
	bool streaming;
	int *width;
};

struct out *out_begin(FILE *fp, enum out_format fmt, const struct out_col *cols, int ncols)
{
	struct out *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->fp = fp;
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = ncols;
	if (fmt == OUT_TABLE) {
		o->buf = calloc((size_t)TABLE_BUFFER * (size_t)ncols, sizeof *o->buf);
		o->width = calloc((size_t)ncols, sizeof *o->width);
		if (!o->buf || !o->width) {
			free(o->buf);
			free(o->width);
			free(o);
			return NULL;
		}
	} else if (fmt == OUT_TSV) {
		for (int c = 0; c < ncols; c++) {
			fputs(c ? "\t" : "", fp);
			fputs(cols[c].key, fp);
		}
		fputc('\n', fp);
	} else {
		fputc('[', fp);
	}
	return o;
}

void out_indent(struct out *o, int n)
{
	o->indent = n;
}

enum out_format out_fmt(const struct out *o)
{
	return o->fmt;
}

/* Write one table cell: clipped to the column (with an ellipsis) and padded, except
 * the last column, which gets no trailing spaces. */
static void table_cell(struct out *o, int c, const char *s, bool last)
{
	int w = o->width[c];
	size_t cut;
	int sw = measure(s, -1, NULL);
	if (c)
		fprintf(o->fp, "%*s", COL_GAP, "");
	if (sw > w) {
		const char *ell = utf8_locale ? "\u2026" : "~";
		sw = measure(s, w - 1, &cut);
		fwrite(s, 1, cut, o->fp);
		fputs(ell, o->fp);
		sw++;
	} else if (o->cols[c].right) {
		fprintf(o->fp, "%*s%s", w - sw, "", s);
		return;
	} else {
		fputs(s, o->fp);
	}
	if (!last)
		fprintf(o->fp, "%*s", w - sw, "");
}

/* One row; empty cells at the end are left out so no line ends in spaces. */
static void table_line(struct out *o, const char *const *vals)
{
	int last = o->ncols - 1;
	while (last > 0 && (!vals[last] || !*vals[last]))
		last--;
	fprintf(o->fp, "%*s", o->indent, "");
	for (int c = 0; c <= last; c++)
		table_cell(o, c, vals[c] ? vals[c] : "", c == last);
	fputc('\n', o->fp);
}

/* Size the columns from the header and the buffered rows, print them, and switch
 * to streaming. */
static void table_flush(struct out *o)
{
	const char *head[64];
	o->streaming = true;
	if (o->rows == 0)
		return; /* no header without rows: the caller says "none" in words */
	for (int c = 0; c < o->ncols && c < 64; c++) {
		head[c] = o->cols[c].header;
		int w = out_width(head[c]);
		for (int r = 0; r < o->nbuf; r++) {
			int cw = out_width(o->buf[r * o->ncols + c]);
			w = cw > w ? cw : w;
		}
		int max = o->cols[c].max;
		o->width[c] = max > 0 && w > max ? (max > out_width(head[c]) ? max : out_width(head[c]))
						 : w;
	}
	table_line(o, head);
	for (int r = 0; r < o->nbuf; r++) {
		table_line(o, (const char *const *)&o->buf[r * o->ncols]);
		for (int c = 0; c < o->ncols; c++)
			free(o->buf[r * o->ncols + c]);
	}
	o->nbuf = 0;
}

static void json_row(struct out *o, const char *const *vals)
{
	fputs(o->rows ? ",\n  {" : "\n  {", o->fp);
	for (int c = 0; c < o->ncols; c++) {
		const char *v = vals[c] ? vals[c] : "";
		fputs(c ? ", " : "", o->fp);
		out_json_string(o->fp, o->cols[c].key);
		fputs(": ", o->fp);
		switch (o->cols[c].type) {
		case OUT_TEXT: out_json_string(o->fp, v); break;
		case OUT_OPT: *v ? out_json_string(o->fp, v) : (void)fputs("null", o->fp); break;
		case OUT_INT: fputs(*v ? v : "null", o->fp); break;
		case OUT_BOOL: fputs(strcmp(v, "1") == 0 ? "true" : "false", o->fp); break;
		}
	}
	fputc('}', o->fp);
}

void out_row(struct out *o, const char *const *vals)
{
	if (o->fmt == OUT_TSV) {
		for (int c = 0; c < o->ncols; c++) {
			fputs(c ? "\t" : "", o->fp);
			out_tsv_field(o->fp, vals[c]);
		}
		fputc('\n', o->fp);
	} else if (o->fmt == OUT_JSON) {
		json_row(o, vals);
	} else if (o->streaming) {
		table_line(o, vals);
	} else {
		for (int c = 0; c < o->ncols; c++)
			o->buf[o->nbuf * o->ncols + c] = strdup(vals[c] ? vals[c] : "");
		if (++o->nbuf == TABLE_BUFFER)
			table_flush(o);
	}
	o->rows++;
}

long out_end(struct out *o)
{
	long n = o->rows;
	if (o->fmt == OUT_TABLE && !o->streaming)
		table_flush(o);
	else if (o->fmt == OUT_JSON)
		fputs(n ? "\n]\n" : "]\n", o->fp);
	free(o->buf);
	free(o->width);
	free(o);
	return n;
}

/* ---- the JSON writer ---- */

void json_init(struct json *j, FILE *fp)
{
	memset(j, 0, sizeof *j);
	j->fp = fp;
	j->first[0] = true;
}

/* Separator, newline and indentation before a member, then its key. */
static void json_key(struct json *j, const char *key)
{
	int d = j->depth;
	if (!j->first[d])
		fputc(',', j->fp);
	if (d > 0 && j->inline_[d])
		fputs(j->first[d] ? "" : " ", j->fp);
	else if (d > 0)
		fprintf(j->fp, "\n%*s", 2 * d, "");
	j->first[d] = false;
	if (key) {
		out_json_string(j->fp, key);
		fputs(": ", j->fp);
	}
}

void json_open(struct json *j, const char *key, char bracket, bool inline_)
{
	json_key(j, key);
	fputc(bracket, j->fp);
	if (j->depth < 15)
		j->depth++;
	j->first[j->depth] = true;
	j->inline_[j->depth] = inline_ || (j->depth > 1 && j->inline_[j->depth - 1]);
}

void json_close(struct json *j, char bracket)
{
	bool empty = j->first[j->depth], in = j->inline_[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (!empty && !in)
		fprintf(j->fp, "\n%*s", 2 * j->depth, "");
	fputc(bracket, j->fp);
	if (j->depth == 0)
		fputc('\n', j->fp);
}

void json_str(struct json *j, const char *key, const char *val)
{
	json_key(j, key);
	if (val)
		out_json_string(j->fp, val);
	else
		fputs("null", j->fp);
}

void json_opt(struct json *j, const char *key, const char *val)
{
	json_str(j, key, val && *val ? val : NULL);
}

void json_int(struct json *j, const char *key, long long val)
{
	json_key(j, key);
	fprintf(j->fp, "%lld", val);
}

void json_bool(struct json *j, const char *key, bool val)
{
	json_key(j, key);
	fputs(val ? "true" : "false", j->fp);
}

void json_null(struct json *j, const char *key)
{
	json_key(j, key);
	fputs("null", j->fp);
}
