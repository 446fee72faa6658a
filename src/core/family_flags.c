/* The rules behind case-list flags (see casus/flags.h). The SQL that filters on the
 * same rules lives in family_query.c; the two are kept in step by the screen tests,
 * which show flags and filter on them over one fixture. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/flags.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "casus/setting.h"

static const char *const flag_names[FLAG_KIND_COUNT] = { "overdue", "first-visit",
	"meldcode", "escalation-pending", "escalation-approved", "escalation-rejected",
	"agenda", "escalation-acted" };

unsigned family_flag_kind(int i)
{
	return i >= 0 && i < FLAG_KIND_COUNT ? 1u << i : 0;
}

static int flag_index(unsigned flag)
{
	for (int i = 0; i < FLAG_KIND_COUNT; i++)
		if (flag == 1u << i)
			return i;
	return -1;
}

const char *family_flag_name(unsigned flag)
{
	int i = flag_index(flag);
	return i < 0 ? "?" : flag_names[i];
}

const char *family_flag_label(unsigned flag)
{
	switch (flag) {
	case FLAG_EVAL_OVERDUE: return _("evaluation overdue");
	case FLAG_FIRST_VISIT: return _("first home visit later than the norm");
	case FLAG_MELDCODE: return _("open meldcode trajectory");
	case FLAG_ESC_PENDING: return _("escalation waiting for approval");
	case FLAG_ESC_APPROVED: return _("escalation approved");
	case FLAG_ESC_REJECTED: return _("escalation rejected");
	case FLAG_AGENDA: return _("on the next meeting's agenda");
	case FLAG_ESC_ACTED: return _("acted on before approval, not decided yet");
	default: return "?";
	}
}

unsigned family_flag_parse(const char *s)
{
	for (int i = 0; s && i < FLAG_KIND_COUNT; i++)
		if (strcmp(s, flag_names[i]) == 0)
			return 1u << i;
	return 0;
}

void flag_rules_load(struct casus_ctx *ctx, struct flag_rules *out)
{
	clock_today(out->today);
	out->first_visit_days = ctx ? setting_get_int(ctx, "norm.first_visit_days") : 7;
	if (out->first_visit_days < 0)
		out->first_visit_days = 7;
}

/* The first home visit is due first_visit_days after registration. A late visit stays
 * flagged: the meeting counts norm breaches, not only open ones. */
static bool first_visit_late(const struct flag_rules *r, const struct family_row *row)
{
	if (!row->registered_on[0])
		return false;
	if (!row->first_visit_on[0])
		return clock_days_between(row->registered_on, r->today) > r->first_visit_days;
	return clock_days_between(row->registered_on, row->first_visit_on) > r->first_visit_days;
}

void family_flags_of_row(const struct flag_rules *r, const struct family_row *row,
	struct family_flags *out)
{
	memset(out, 0, sizeof *out);
	if (row->phase == PHASE_AFGESLOTEN)
		return;
	if (row->next_eval_on[0] && strcmp(row->next_eval_on, r->today) < 0)
		out->bits |= FLAG_EVAL_OVERDUE;
	if (first_visit_late(r, row))
		out->bits |= FLAG_FIRST_VISIT;
}

enum casus_rc family_flags_get(struct casus_ctx *ctx, const struct flag_rules *rules,
	const struct family_row *row, struct family_flags *out, struct casus_err *err)
{
	family_flags_of_row(rules, row, out);
	/* Escalations show whatever the family's phase: a decision taken after closing
	 * (retroactive approval) still belongs on the list. */
	struct escalation_flags ef;
	enum casus_rc r = escalation_family_flags(ctx, row->id, &ef, err);
	if (r)
		return r;
	if (ef.pending)
		out->bits |= FLAG_ESC_PENDING;
	if (ef.approved)
		out->bits |= FLAG_ESC_APPROVED;
	if (ef.rejected)
		out->bits |= FLAG_ESC_REJECTED;
	if (ef.acted_undecided)
		out->bits |= FLAG_ESC_ACTED;
	struct meldcode_summary mc;
	if ((r = meldcode_summary(ctx, row->id, &mc, err)))
		return r;
	if (mc.open) {
		out->bits |= FLAG_MELDCODE;
		/* Every step done but not yet closed: the trajectory is at its decision. */
		out->meldcode_step = mc.current_step ? mc.current_step : MC_STEPS;
	}
	return CASUS_OK;
}
