/* Sharing a document of the family with an involved party: covered by the consent of
 * every family member (by the age rule), or by a legal ground stated and recorded
 * when consent is missing (for instance the meldrecht towards Veilig Thuis). */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/consent.h"
#include "casus/i18n.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/text.h"

struct share_walk {
	struct casus_ctx *ctx;
	const char *party_id, *purpose;
	struct share_check *out;
	enum casus_rc rc;
	struct casus_err *err;
};

static int check_person(void *arg, const struct person *p)
{
	struct share_walk *w = arg;
	struct consent_status st;
	if ((w->rc = consent_check_for(w->ctx, p->id, w->party_id, w->purpose, &st, w->err)))
		return 1;
	w->out->persons++;
	if (st.valid)
		return 0;
	w->out->missing++;
	size_t n = strlen(w->out->missing_names);
	const char *whose = st.need_self && st.need_parent ? _("own and a parent's consent")
		: st.need_self ? _("own consent") : _("a parent's consent");
	snprintf(w->out->missing_names + n, sizeof w->out->missing_names - n, "%s%s %s (%s)",
		n ? ", " : "", p->given_name, p->family_name, whose);
	return 0;
}

enum casus_rc consent_share_check(struct casus_ctx *ctx, const char *family_id,
	const char *party_id, const char *purpose, struct share_check *out,
	struct casus_err *err)
{
	struct party party;
	memset(out, 0, sizeof *out);
	enum casus_rc r = party_get(ctx, party_id, &party, err);
	if (r)
		return r;
	if (strcmp(party.family_id, family_id) != 0)
		return err_set(err, CASUS_E_INVALID, _("%s is an involved party of another family."),
			party.name);
	struct share_walk w = { ctx, party.id, purpose && *purpose ? purpose : NULL, out,
		CASUS_OK, err };
	if ((r = person_each(ctx, family_id, check_person, &w, err)))
		return r;
	return w.rc;
}

enum casus_rc consent_share(struct casus_ctx *ctx, const char *family_id, const char *party_id,
	const char *what, const char *purpose, const char *legal_ground, struct casus_err *err)
{
	struct share_check c;
	struct party party;
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = text_check_optional(_("The purpose"), purpose, 300, TEXT_LINE, err))
	    || (r = text_check_optional(_("The legal ground"), legal_ground, SHARE_GROUND_MAX,
		    TEXT_LINE, err))
	    || (r = party_get(ctx, party_id, &party, err))
	    || (r = consent_share_check(ctx, family_id, party_id, purpose, &c, err)))
		return r;
	bool ground = legal_ground && *legal_ground && strspn(legal_ground, " ") < strlen(legal_ground);
	if (c.missing && !ground)
		return err_set(err, CASUS_E_STATE, _("Consent to share with %s is missing for %s. "
			"Share only on a legal ground, and state it (for example: meldrecht Veilig "
			"Thuis); nothing was shared."), party.name, c.missing_names);
	char detail[1800], state[80];
	if (c.missing)
		snprintf(state, sizeof state, "consent missing for %d of %d persons", c.missing,
			c.persons);
	else
		snprintf(state, sizeof state, "consent of all %d persons in force", c.persons);
	snprintf(detail, sizeof detail, "%s shared with %s%s%s%s; %s", what, party.name,
		party.organisation[0] ? " (" : "", party.organisation,
		party.organisation[0] ? ")" : "", state);
	size_t n = strlen(detail);
	if (purpose && *purpose)
		n += (size_t)snprintf(detail + n, sizeof detail - n, "; purpose: %s", purpose);
	if (ground && n < sizeof detail)
		snprintf(detail + n, sizeof detail - n, "; legal ground: %s", legal_ground);
	return audit_log(ctx, AUDIT_EXPORT, family_id, "share", party.id, detail, err);
}
