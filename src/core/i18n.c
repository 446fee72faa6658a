/* Message catalogs: embedded at build time from po/ *.po (tools/po2c.py) and looked up
 * with a binary search; no dependency on the machine's installed locales. */
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "i18n_catalog.h"

static const struct i18n_catalog *current;
static char current_lang[8] = "nl";
static int initialised;

static const struct i18n_catalog *find_catalog(const char *lang)
{
	for (size_t i = 0; i < casus_catalog_count; i++)
		if (strcmp(casus_catalogs[i].lang, lang) == 0)
			return &casus_catalogs[i];
	return NULL;
}

int i18n_set_lang(const char *lang)
{
	if (!lang)
		return -1;
	if (strcmp(lang, "en") == 0) {
		current = NULL;
	} else {
		const struct i18n_catalog *c = find_catalog(lang);
		if (!c)
			return -1;
		current = c;
	}
	if (lang != current_lang) /* i18n_set_lang(i18n_lang()) must not overlap */
		strncpy(current_lang, lang, sizeof current_lang - 1);
	initialised = 1;
	return 0;
}

const char *i18n_lang(void)
{
	if (!initialised)
		i18n_set_lang("nl");
	return current_lang;
}

static int cmp_entry(const void *key, const void *elem)
{
	return strcmp(key, ((const struct i18n_entry *)elem)->msgid);
}

const char *casus_tr(const char *msgid)
{
	if (!initialised)
		i18n_set_lang("nl");
	if (!current || !msgid || !*msgid)
		return msgid;
	const struct i18n_entry *e = bsearch(msgid, current->entries, current->count,
		sizeof *current->entries, cmp_entry);
	return e && e->msgstr[0] ? e->msgstr : msgid;
}
