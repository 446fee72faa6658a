/* Guidance per meldcode step for the stepper's side panel, in Dutch and English.
 * The texts live in data/help/meldcode.LANG.md (embedded at build time); each topic
 * starts at a marker line "<!-- step:N -->" and runs to the next marker. The sections
 * are cut out once, on first use, and kept for the life of the process. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/embed.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"

/* Generated from data/help/ by tools/embed.py (see data/meson.build). */
extern const struct embedded_file casus_meldcode_help[];

#define TOPICS 7 /* overview, steps 1-5, acute */

static const char *find_file(const char *lang)
{
	char name[32];
	snprintf(name, sizeof name, "meldcode.%s.md", lang);
	for (const struct embedded_file *f = casus_meldcode_help; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f->text;
	return NULL;
}

/* Copy the section after "<!-- step:N -->" up to the next marker, without the
 * surrounding blank lines. */
static char *cut(const char *text, int topic)
{
	char marker[32];
	snprintf(marker, sizeof marker, "<!-- step:%d -->", topic);
	const char *start = text ? strstr(text, marker) : NULL;
	if (!start)
		return NULL;
	start += strlen(marker);
	while (*start == '\n')
		start++;
	const char *end = strstr(start, "<!-- step:");
	size_t n = end ? (size_t)(end - start) : strlen(start);
	while (n > 0 && start[n - 1] == '\n')
		n--;
	char *s = malloc(n + 2);
	if (!s)
		return NULL;
	memcpy(s, start, n);
	s[n] = '\n';
	s[n + 1] = '\0';
	return s;
}

const char *meldcode_guidance(int step, const char *lang)
{
	static char *cache[2][TOPICS];
	static bool done[2][TOPICS];
	if (!lang || !*lang)
		lang = i18n_lang();
	int l = strcmp(lang, "en") == 0 ? 1 : 0;
	if (step < 0 || step >= TOPICS)
		return "";
	if (!done[l][step]) {
		cache[l][step] = cut(find_file(l ? "en" : "nl"), step);
		done[l][step] = true;
	}
	return cache[l][step] ? cache[l][step] : "";
}
