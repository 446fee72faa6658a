/* The structured document writer: Markdown or JSON from the same calls. */
#include <string.h>

#include "docw.h"
#include "export_text.h"

static void indent(struct docw *w)
{
	for (int i = 0; i < w->depth; i++)
		fputs("  ", w->out);
}

/* JSON: start a member (key) or an array element (key NULL). */
static void member(struct docw *w, const char *key)
{
	fputs(w->first[w->depth] ? "\n" : ",\n", w->out);
	w->first[w->depth] = false;
	indent(w);
	if (key) {
		export_json_string(w->out, key);
		fputs(": ", w->out);
	}
}

static void open_json(struct docw *w, const char *key, char bracket)
{
	member(w, key);
	fputc(bracket, w->out);
	if (w->depth < DOCW_DEPTH - 1)
		w->depth++;
	w->first[w->depth] = true;
	w->items[w->depth] = 0;
}

static void close_json(struct docw *w, char bracket)
{
	bool empty = w->first[w->depth];
	if (w->depth > 0)
		w->depth--;
	if (!empty) {
		fputc('\n', w->out);
		indent(w);
	}
	fputc(bracket, w->out);
}

static void heading(struct docw *w, int level, const char *title)
{
	if (w->in_fields)
		fputc('\n', w->out);
	for (int i = 0; i < level && i < 6; i++)
		fputc('#', w->out);
	fputc(' ', w->out);
	export_md_text(w->out, title, "");
	fputs("\n\n", w->out);
	w->in_fields = false;
}

void docw_begin(struct docw *w, FILE *out, bool json, const char *format_id, const char *title)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->json = json;
	w->level = 1;
	if (json) {
		fputc('{', out);
		w->depth = 1;
		w->first[1] = true;
		member(w, "format");
		export_json_string(out, format_id);
		return;
	}
	fputs("# ", out);
	export_md_text(out, title, "");
	fputs("\n\n", out);
}

void docw_end(struct docw *w)
{
	if (w->json) {
		w->depth = 0;
		fputs("\n}\n", w->out);
	}
}

void docw_section(struct docw *w, const char *key, const char *title)
{
	if (w->json) {
		open_json(w, key, '{');
		return;
	}
	heading(w, ++w->level, title);
}

void docw_section_end(struct docw *w)
{
	if (w->json)
		close_json(w, '}');
	else
		w->level--;
}

void docw_list(struct docw *w, const char *key, const char *title)
{
	if (w->json) {
		open_json(w, key, '[');
		return;
	}
	heading(w, ++w->level, title);
	w->items[w->level < DOCW_DEPTH ? w->level : 0] = 0;
}

void docw_list_end(struct docw *w, const char *none_text)
{
	if (w->json) {
		close_json(w, ']');
		return;
	}
	if (w->items[w->level < DOCW_DEPTH ? w->level : 0] == 0 && none_text)
		docw_para(w, none_text);
	w->level--;
}

void docw_item(struct docw *w, const char *title)
{
	if (w->json) {
		open_json(w, NULL, '{');
		return;
	}
	w->items[w->level < DOCW_DEPTH ? w->level : 0]++;
	if (title)
		heading(w, w->level + 1, title);
	else if (w->in_fields)
		fputc('\n', w->out);
	w->in_fields = false;
	w->level++;
}

void docw_item_end(struct docw *w)
{
	if (w->json)
		close_json(w, '}');
	else
		w->level--;
}

void docw_field(struct docw *w, const char *key, const char *label, const char *value)
{
	if (w->json) {
		member(w, key);
		if (value && *value)
			export_json_string(w->out, value);
		else
			fputs("null", w->out);
		return;
	}
	if (!value || !*value)
		return;
	fputs("- **", w->out);
	export_md_text(w->out, label, "");
	fputs(":** ", w->out);
	export_md_text(w->out, value, "  ");
	fputc('\n', w->out);
	w->in_fields = true;
}

void docw_text(struct docw *w, const char *key, const char *label, const char *value)
{
	docw_field(w, key, label, value);
}

void docw_int(struct docw *w, const char *key, const char *label, int64_t value)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)value);
	if (w->json) {
		member(w, key);
		fputs(num, w->out);
		return;
	}
	docw_field(w, key, label, num);
}

void docw_bool(struct docw *w, const char *key, const char *label, bool value)
{
	if (w->json) {
		member(w, key);
		fputs(value ? "true" : "false", w->out);
		return;
	}
	if (value)
		docw_field(w, key, label, "✓");
}

void docw_line(struct docw *w, const char *text)
{
	if (w->json)
		return;
	w->items[w->level < DOCW_DEPTH ? w->level : 0]++;
	fputs("- ", w->out);
	export_md_text(w->out, text, "  ");
	fputc('\n', w->out);
	w->in_fields = true;
}

void docw_para(struct docw *w, const char *text)
{
	if (w->json)
		return;
	if (w->in_fields)
		fputc('\n', w->out);
	export_md_text(w->out, text, "");
	fputs("\n\n", w->out);
	w->in_fields = false;
}

void docw_embed(struct docw *w, const char *key, const char *doc)
{
	size_t n = strlen(doc);
	while (n > 0 && doc[n - 1] == '\n')
		n--;
	if (w->json) {
		member(w, key);
		for (size_t i = 0; i < n; i++) {
			fputc(doc[i], w->out);
			if (doc[i] == '\n')
				indent(w);
		}
		return;
	}
	/* Markdown: every heading one level per part deeper, so the embedded document's
	 * title sits below the current heading. */
	if (w->in_fields)
		fputc('\n', w->out);
	bool line_start = true;
	for (size_t i = 0; i < n; i++) {
		if (line_start && doc[i] == '#')
			for (int l = 0; l < w->level; l++)
				fputc('#', w->out);
		fputc(doc[i], w->out);
		line_start = doc[i] == '\n';
	}
	fputs("\n\n", w->out);
	w->in_fields = false;
}
