/* Translation of user-facing text. Messages are written in English in the source
 * and looked up in catalogs embedded at build time (po/ *.po), so translation works
 * whatever locales the machine has installed (C.UTF-8 over SSH is common).
 * Dutch is the default language. */
#ifndef CASUS_I18N_H
#define CASUS_I18N_H

/* Translate msgid into the current language; returns msgid when there is no
 * translation. The result is static; never free it. */
const char *casus_tr(const char *msgid) __attribute__((format_arg(1)));
/* "nl" or "en"; returns 0, or -1 for a language casus does not have. */
int i18n_set_lang(const char *lang);
const char *i18n_lang(void);

#define _(s) casus_tr(s)
#define N_(s) (s)

#endif
