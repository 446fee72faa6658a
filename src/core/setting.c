/* Team settings with defaults, validation and an audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/setting.h"
#include "casus/text.h"

const struct setting_def setting_defs[] = {
	{ "leefgebieden", SETTING_LIST,
		"veiligheid\nopvoeding & gezinsrelaties\ngezondheid\nonderwijs & werk\n"
		"financiën & schulden\nwonen\nsociaal netwerk & vrije tijd", 0, 0,
		N_("The life domains (leefgebieden) goals are grouped by, one per line") },
	{ "norm.zorgmelding_decision_days", SETTING_INT, "1", 0, 60,
		N_("Working days to decide on a zorgmelding") },
	{ "norm.first_contact_days", SETTING_INT, "5", 0, 60,
		N_("Working days from registration to first contact") },
	{ "norm.first_visit_days", SETTING_INT, "7", 0, 90,
		N_("Days from taking up a case to the first home visit") },
	{ "norm.evaluation_months", SETTING_INT, "3", 1, 12,
		N_("Default months between plan evaluations") },
	{ "escalation.approval.specialistisch", SETTING_BOOL, "1", 0, 1,
		N_("Specialist youth care needs a gedragswetenschapper's approval") },
	{ "escalation.approval.veilig_thuis", SETTING_BOOL, "1", 0, 1,
		N_("A melding to Veilig Thuis needs a gedragswetenschapper's approval") },
	{ "escalation.approval.raad", SETTING_BOOL, "1", 0, 1,
		N_("A request to the Raad voor de Kinderbescherming needs approval") },
	{ "escalation.approval.opschalen", SETTING_BOOL, "1", 0, 1,
		N_("Opschalen to management or the municipality needs approval") },
	{ "escalation.approval.crisis", SETTING_BOOL, "1", 0, 1,
		N_("A crisis escalation needs approval (afterwards when acute)") },
	{ "escalation.opschalen_levels", SETTING_LIST,
		"teamleider\nmanager\nprocesregisseur gemeente", 0, 0,
		N_("The levels a stalled plan can be escalated to, one per line") },
	{ "retention.years", SETTING_INT, "20", 20, 100,
		N_("Years a closed dossier is kept after care ended (at least 20)") },
	{ "privacy.restrict_confidential_notes", SETTING_BOOL, "0", 0, 1,
		N_("Only the regievoerder, gedragswetenschapper and teamleider read confidential notes") },
	{ NULL, SETTING_TEXT, NULL, 0, 0, NULL },
};

const struct setting_def *setting_find(const char *key)
{
	for (int i = 0; key && setting_defs[i].key; i++)
		if (strcmp(setting_defs[i].key, key) == 0)
			return &setting_defs[i];
	return NULL;
}

static const char SQL_GET[] = "SELECT value FROM setting WHERE key = ?1";

void setting_get(struct casus_ctx *ctx, const char *key, char *out, size_t outsz)
{
	const struct setting_def *d = setting_find(key);
	snprintf(out, outsz, "%s", d ? d->default_value : "");
	if (!d)
		return;
	sqlite3_stmt *st = db_stmt(ctx, SQL_GET, NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_text(st, 0, out, outsz);
	db_done(st);
}

int setting_get_int(struct casus_ctx *ctx, const char *key)
{
	char buf[32];
	setting_get(ctx, key, buf, sizeof buf);
	return atoi(buf);
}

bool setting_get_bool(struct casus_ctx *ctx, const char *key)
{
	return setting_get_int(ctx, key) != 0;
}

void setting_each_item(struct casus_ctx *ctx, const char *key,
	void (*fn)(void *arg, const char *item), void *arg)
{
	char buf[4000 * 4 + 1]; /* validate() allows 4000 characters */
	setting_get(ctx, key, buf, sizeof buf);
	for (char *save = NULL, *item = strtok_r(buf, "\n", &save); item;
	     item = strtok_r(NULL, "\n", &save))
		if (*item)
			fn(arg, item);
}

static enum casus_rc validate(const struct setting_def *d, const char *value,
	struct casus_err *err)
{
	char *end;
	switch (d->type) {
	case SETTING_INT: {
		long v = strtol(value, &end, 10);
		if (!*value || *end || v < d->min || v > d->max)
			return err_set(err, CASUS_E_INVALID,
				_("%s must be a whole number from %d to %d."), d->key, d->min, d->max);
		return CASUS_OK;
	}
	case SETTING_BOOL:
		if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)
			return err_set(err, CASUS_E_INVALID, _("%s must be 0 (no) or 1 (yes)."), d->key);
		return CASUS_OK;
	case SETTING_LIST:
		return text_check(d->key, value, 4000, TEXT_MULTILINE, err);
	case SETTING_TEXT:
		return text_check(d->key, value, 4000, TEXT_LINE, err);
	}
	return CASUS_OK;
}

static const char SQL_SET[] =
	"INSERT INTO setting(key, value, rev, updated_at, updated_by) VALUES (?1, ?2, 1, ?3, ?4)"
	" ON CONFLICT(key) DO UPDATE SET value = excluded.value, rev = rev + 1,"
	" updated_at = excluded.updated_at, updated_by = excluded.updated_by";

enum casus_rc setting_set(struct casus_ctx *ctx, const char *key, const char *value,
	struct casus_err *err)
{
	const struct setting_def *d = setting_find(key);
	enum casus_rc r;
	if (!d)
		return err_set(err, CASUS_E_INVALID, _("There is no setting '%s'."), key ? key : "");
	if ((r = member_require(ctx, ROLE_TEAMLEIDER, _("change team settings"), err))
	    || (r = validate(d, value ? value : "", err)))
		return r;
	if ((r = db_begin(ctx, err)))
		return r;
	char now[21];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(ctx, SQL_SET, err);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ctx->user.id, -1, SQLITE_STATIC);
	char detail[128];
	snprintf(detail, sizeof detail, "setting %s", key);
	if (db_exec_stmt(ctx, st, err) || audit_log(ctx, AUDIT_UPDATE, NULL, "setting", NULL, detail, err))
		goto fail;
	return db_commit(ctx, err);
fail:
	db_rollback(ctx);
	return err->rc;
}
