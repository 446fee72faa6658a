/* User text in exported documents: JSON strings and literal Markdown. */
#include <stdbool.h>
#include <string.h>

#include "export_text.h"

void export_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
		if (*c == '"' || *c == '\\')
			fprintf(out, "\\%c", *c);
		else if (*c == '\n')
			fputs("\\n", out);
		else if (*c == '\t')
			fputs("\\t", out);
		else if (*c == '\r')
			fputs("\\r", out);
		else if (*c < 0x20 || *c == 0x7f)
			fprintf(out, "\\u%04x", *c);
		else
			fputc(*c, out);
	}
	fputc('"', out);
}

void export_md_text(FILE *out, const char *s, const char *indent)
{
	bool line_start = true;
	for (; s && *s; s++) {
		char c = *s;
		if (c == '\n') {
			/* a hard line break: the family's lines stay lines when rendered */
			fprintf(out, "  \n%s", indent);
			line_start = true;
			continue;
		}
		bool lead = line_start && (c == '#' || c == '-' || c == '+' || c == '>');
		if (lead || strchr("\\`*_[]<>|", c))
			fputc('\\', out);
		fputc(c, out);
		/* "1. " at the start of a line would become a numbered list */
		if (line_start && c >= '0' && c <= '9' && s[1] == '.') {
			fputs("\\.", out);
			s++;
		}
		line_start = line_start && (c == ' ' || c == '\t');
	}
}
