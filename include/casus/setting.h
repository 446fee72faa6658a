/* Team settings: local policy that DOMAIN.md says must be a setting, not a constant
 * (norms in days, the leefgebieden list, which escalation kinds need approval, the
 * retention term). Only known keys exist; each has a default and a validator.
 * Only a teamleider changes settings; every change is audit-logged. */
#ifndef CASUS_SETTING_H
#define CASUS_SETTING_H
#include <stdbool.h>
#include <stddef.h>

#include "casus/db.h"

enum setting_type { SETTING_INT, SETTING_BOOL, SETTING_LIST, SETTING_TEXT };

struct setting_def {
	const char *key;
	enum setting_type type;
	const char *default_value;
	int min, max;            /* SETTING_INT bounds */
	const char *help;        /* English msgid; translate with _() */
};

/* The table of known settings, ended by a NULL key. */
extern const struct setting_def setting_defs[];
const struct setting_def *setting_find(const char *key);

/* The value (stored or default) as text. Unknown keys yield "". */
void setting_get(struct casus_ctx *ctx, const char *key, char *out, size_t outsz);
int setting_get_int(struct casus_ctx *ctx, const char *key);
bool setting_get_bool(struct casus_ctx *ctx, const char *key);
/* List settings are stored one item per line; call fn per item. */
void setting_each_item(struct casus_ctx *ctx, const char *key,
	void (*fn)(void *arg, const char *item), void *arg);
/* Change a setting (teamleider only); the value is validated for its type. */
enum casus_rc setting_set(struct casus_ctx *ctx, const char *key, const char *value,
	struct casus_err *err);

#endif
