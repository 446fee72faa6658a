/* Searches in the access log: NEN 7513 counts a search as access (its results name
 * families), so each one is logged with its term and how many families it found. The
 * incremental search of the case list gets one row per search session, not one per
 * key typed (see audit.h). */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/i18n.h"
#include "casus/text.h"

/* The term as typed, at most AUDIT_TERM_MAX - 1 bytes cut on a character boundary,
 * control characters as '?' so that the log reads as one line per row. */
static void clean_term(const char *term, char out[AUDIT_TERM_MAX])
{
	const unsigned char *p = (const unsigned char *)term;
	size_t n = 0;
	while (*p) {
		size_t len = *p < 0xC0 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4, have = 0;
		while (have < len && p[have])
			have++;
		if (n + have >= AUDIT_TERM_MAX)
			break;
		for (size_t i = 0; i < have; i++)
			out[n++] = (char)(p[i] < 0x20 || p[i] == 0x7F ? '?' : p[i]);
		p += have;
	}
	out[n] = '\0';
}

enum casus_rc audit_search(struct casus_ctx *ctx, const char *term, int64_t results,
	struct casus_err *err)
{
	if (!term || !*term)
		return CASUS_OK;
	/* Nothing can be found with broken text, and the log must stay readable. */
	if (!text_valid_utf8(term))
		return err_set(err, CASUS_E_INVALID, _("%s is not valid text (invalid UTF-8); "
			"check the terminal's character set"), _("The search text"));
	char clean[AUDIT_TERM_MAX], detail[AUDIT_TERM_MAX + 48];
	clean_term(term, clean);
	snprintf(detail, sizeof detail, "%lld %s: %s", (long long)results,
		results == 1 ? "result" : "results", clean);
	return audit_log(ctx, AUDIT_SEARCH, NULL, "family", NULL, detail, err);
}

void audit_search_begin(struct audit_search_session *s, const char *current)
{
	s->active = true;
	s->pending = false;
	clean_term(current ? current : "", s->term);
	s->results = 0;
}

void audit_search_seen(struct audit_search_session *s, const char *term, int64_t results)
{
	if (!s->active || !term || !*term)
		return;
	char clean[AUDIT_TERM_MAX];
	clean_term(term, clean);
	/* The search in force when the session began was logged then; showing it again
	 * (a refresh, a filter) is no new search until the term changes. */
	if (!s->pending && strcmp(s->term, clean) == 0)
		return;
	memcpy(s->term, clean, sizeof clean);
	s->results = results;
	s->pending = true;
}

enum casus_rc audit_search_end(struct casus_ctx *ctx, struct audit_search_session *s,
	struct casus_err *err)
{
	bool log = s->active && s->pending;
	s->active = false;
	s->pending = false;
	return log ? audit_search(ctx, s->term, s->results, err) : CASUS_OK;
}
