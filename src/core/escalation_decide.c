/* Escalations, the gedragswetenschapper's side: approve, reject or ask for more
 * information, under four eyes. The checks read the member and the family again
 * inside the write transaction, so a role taken away or a regie handed over a moment
 * ago counts, whatever the acting process cached when it started. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/text.h"

static enum casus_rc check_state(const struct escalation *e, struct casus_err *err)
{
	switch (e->status) {
	case ESC_PENDING:
		return CASUS_OK;
	case ESC_INFO_REQUESTED:
		return err_set(err, CASUS_E_STATE,
			_("This escalation waits for an answer from %s to your question; decide "
			  "when it is back."), e->requested_by_name);
	case ESC_WITHDRAWN:
		return err_set(err, CASUS_E_STATE, _("This escalation was withdrawn by %s."),
			e->requested_by_name);
	case ESC_APPROVED:
	case ESC_REJECTED:
		if (!e->approval_required)
			return err_set(err, CASUS_E_STATE,
				_("This kind needed no approval when it was requested; it was recorded "
				  "as decided by %s."), e->requested_by_name);
		return err_set(err, CASUS_E_STATE, _("This escalation was already %s by %s at %s."),
			escalation_status_label(e->status), e->decided_by_name, e->decided_at);
	default:
		return err_set(err, CASUS_E_STATE, _("This escalation cannot be decided on."));
	}
}

enum casus_rc escalation_check_decider(struct casus_ctx *ctx, const struct escalation *e,
	struct casus_err *err)
{
	struct member me;
	struct family f;
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = member_get(ctx, ctx->user.id, &me, err)))
		return r;
	if (me.role != ROLE_GEDRAGSWETENSCHAPPER || !me.active)
		return err_set(err, CASUS_E_PERM,
			_("Only a gedragswetenschapper decides on escalations (four eyes)."));
	if ((r = check_state(e, err)))
		return r;
	if (strcmp(e->requested_by_id, me.id) == 0)
		return err_set(err, CASUS_E_PERM,
			_("You requested this escalation yourself. Four eyes: another "
			  "gedragswetenschapper decides on it."));
	if ((r = family_get(ctx, e->family_id, &f, err)))
		return r;
	if (strcmp(f.regie_id, me.id) == 0)
		return err_set(err, CASUS_E_PERM,
			_("You are the regievoerder of family %s. Four eyes: another "
			  "gedragswetenschapper decides on its escalations."), f.case_no);
	return CASUS_OK;
}

static enum casus_rc check_texts(enum escalation_decision d, const char *motivation,
	const char *instead, struct casus_err *err)
{
	enum casus_rc r;
	switch (d) {
	case ESC_DECIDE_APPROVE:
		return text_check(_("The motivation"), motivation, ESC_TEXT_MAX, TEXT_MULTILINE,
			err);
	case ESC_DECIDE_REJECT:
		if ((r = text_check(_("The motivation"), motivation, ESC_TEXT_MAX,
				TEXT_MULTILINE, err)))
			return r;
		return text_check(_("What is needed instead"), instead, ESC_TEXT_MAX,
			TEXT_MULTILINE, err);
	case ESC_DECIDE_ASK:
		return text_check(_("The question"), motivation, ESC_TEXT_MAX, TEXT_MULTILINE,
			err);
	default:
		return err_set(err, CASUS_E_INVALID, _("Approve, reject or ask for information."));
	}
}

/* Fill in the decision on cur; returns the event's action name. */
static const char *apply(struct casus_ctx *ctx, struct escalation *cur,
	enum escalation_decision d, const char *motivation, const char *instead)
{
	if (d == ESC_DECIDE_ASK) {
		cur->status = ESC_INFO_REQUESTED;
		snprintf(cur->question, sizeof cur->question, "%s", motivation);
		return "ask";
	}
	cur->status = d == ESC_DECIDE_APPROVE ? ESC_APPROVED : ESC_REJECTED;
	snprintf(cur->decided_by_id, sizeof cur->decided_by_id, "%s", ctx->user.id);
	clock_now_iso(cur->decided_at);
	snprintf(cur->motivation, sizeof cur->motivation, "%s", motivation);
	snprintf(cur->instead, sizeof cur->instead, "%s",
		d == ESC_DECIDE_REJECT ? instead : "");
	return d == ESC_DECIDE_APPROVE ? "approve" : "reject";
}

enum casus_rc escalation_decide(struct casus_ctx *ctx, struct escalation *e,
	enum escalation_decision d, const char *motivation, const char *instead,
	struct casus_err *err)
{
	struct escalation cur;
	enum casus_rc r = check_texts(d, motivation, instead, err);
	if (r || (r = escalation_begin_change(ctx, e, &cur, err)))
		return r;
	if ((r = escalation_check_decider(ctx, &cur, err)))
		return escalation_end_change(ctx, e, r, err);
	/* A closed family is read-only, but an action already taken before approval
	 * must still get its second pair of eyes (and its questions answered). */
	if (!cur.acted_before_approval && (r = family_require_open(ctx, cur.family_id, err)))
		return escalation_end_change(ctx, e, r, err);
	const char *action = apply(ctx, &cur, d, motivation, instead);
	r = escalation_store(ctx, &cur, e->rev, action, ESC_PENDING, motivation,
		d == ESC_DECIDE_REJECT ? instead : NULL, err);
	return escalation_end_change(ctx, e, r, err);
}
