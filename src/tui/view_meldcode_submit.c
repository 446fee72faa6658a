/* Submitting the meldcode forms to core. Core enforces every rule; its message goes to
 * the message line and the form stays open with what the user typed. A decision that
 * core refuses as contrary to the afwegingskader opens the motivated-deviation field. */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "view_meldcode.h"

#define FX(s) (ui->fx[(s)])
#define VAL(s) form_value(ui->form, FX(s))
#define OPT(s) form_value_or_null(ui->form, FX(s))
#define CHO(s) form_get_choice(ui->form, FX(s))
#define YES(s) form_get_yes(ui->form, FX(s))

static enum casus_rc sub_open(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	const struct family_row *r = app_selected_row(a);
	const char *kids[MC_MAX_CHILDREN];
	struct meldcode_new in = { .client = CHO(F_KIND) == 1 ? MC_CLIENT_ADULT : MC_CLIENT_CHILDREN };
	for (int i = 0; i < ui->n_kids && in.client == MC_CLIENT_CHILDREN; i++)
		if (form_get_yes(ui->form, FX(F_KIDS) + i))
			kids[in.n_children++] = ui->person_id[i];
	in.children = kids;
	if (in.client == MC_CLIENT_ADULT && ui->n_person > ui->n_kids)
		in.adult_id = ui->person_id[ui->n_kids + CHO(F_ADULT)];
	return meldcode_open(a->ctx, r ? r->id : "", &in, NULL, err);
}

static enum casus_rc sub_signal(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	struct mc_signal_new in = { .kind = (enum mc_signal_kind)CHO(F_KIND),
		.observed_on = VAL(F_DATE), .observer = VAL(F_WHO), .third_party = YES(F_THIRD),
		.source = OPT(F_SOURCE), .description = VAL(F_TEXT) };
	if (in.kind == MC_HYPOTHESIS)
		in.hypothesis_of = VAL(F_HYPOF);
	if (in.kind == MC_DIAGNOSIS)
		in.diagnosed_by = VAL(F_DIAGBY);
	if (!in.third_party)
		in.source = NULL;
	return meldcode_add_signal(a->ctx, ui->m.id, &in, NULL, err);
}

static enum casus_rc sub_kindcheck(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	struct mc_kindcheck_new in = { .minors_in_home = (enum mc_tri)CHO(F_TRI1),
		.minors_note = OPT(F_TEXT), .partner_children = (enum mc_tri)CHO(F_TRI2),
		.carers = OPT(F_NAME), .pregnant = (enum mc_tri)CHO(F_TRI3), .note = OPT(F_TEXT2) };
	return meldcode_add_kindcheck(a->ctx, ui->m.id, &in, NULL, err);
}

static enum casus_rc sub_acute(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	struct mc_acute_new in = { .service = (enum mc_service)CHO(F_KIND),
		.contacted_at = OPT(F_DATE), .contact_name = OPT(F_NAME), .reference = OPT(F_REF),
		.danger = VAL(F_TEXT) };
	return meldcode_add_acute(a->ctx, ui->m.id, &in, NULL, err);
}

static enum casus_rc sub_consult(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	struct mc_consultation_new in = { .with = (enum mc_consult)CHO(F_KIND),
		.with_name = OPT(F_NAME), .held_on = VAL(F_DATE), .question = OPT(F_TEXT),
		.advice = VAL(F_TEXT2) };
	in.anonymous = in.with == MC_WITH_VEILIG_THUIS && YES(F_ANON);
	return meldcode_add_consultation(a->ctx, ui->m.id, &in, NULL, err);
}

static enum casus_rc sub_conversation(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	struct mc_conversation_new in = { .with = (enum mc_talk)CHO(F_KIND),
		.participants = OPT(F_NAME), .held_on = VAL(F_DATE), .said = VAL(F_TEXT),
		.reaction = VAL(F_TEXT2) };
	return meldcode_add_conversation(a->ctx, ui->m.id, &in, NULL, err);
}

static enum casus_rc sub_weigh(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	if (CHO(F_Q1) == 0) {
		return err_set(err, CASUS_E_INVALID, "%s", _("Answer question 1 (yes or no)."));
	}
	struct mc_weighing_new in = { .instrument = (enum mc_instrument)CHO(F_KIND),
		.instrument_name = OPT(F_TEXT2), .instrument_outcome = OPT(F_TEXT),
		.q1 = CHO(F_Q1) == 1, .q1_motivation = VAL(F_Q1M), .q2_acute = YES(F_Q2A),
		.q2_structural = YES(F_Q2S), .q2_disclosure = YES(F_Q2D),
		.q2_motivation = OPT(F_Q2M), .replaces = ui->weighing_id };
	if (!in.q1)
		in.q2_acute = in.q2_structural = in.q2_disclosure = false, in.q2_motivation = NULL;
	return meldcode_weigh(a->ctx, ui->m.id, &in, NULL, err);
}

static int answer_of(int choice)
{
	return choice == 1 ? MC_YES : choice == 2 ? MC_NO : MC_UNANSWERED;
}

/* Does the decision go against what the afwegingskader derives (core refused it)? */
static bool contradicts(const struct mc_ui *ui, const struct mc_decision_new *in)
{
	struct mc_answers ans = { ui->q1, ui->q2, in->q3, in->q4, in->q5 };
	struct mc_requirement req;
	meldcode_derive(&ans, in->acute, &req);
	if (req.melden_required && !in->melden)
		return true;
	if (req.complete && !req.melden_required && in->melden)
		return true;
	return req.hulp_expected != MC_UNANSWERED && in->hulp != (req.hulp_expected == MC_YES);
}

static enum casus_rc sub_decide(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	bool dev = !ui->form->f[FX(F_DEV)].hidden;
	struct mc_decision_new in = { .q3 = answer_of(CHO(F_Q3)), .q4 = answer_of(CHO(F_Q4)),
		.q5 = answer_of(CHO(F_Q5)), .q3_motivation = OPT(F_Q3M),
		.q4_motivation = OPT(F_Q4M), .q5_motivation = OPT(F_Q5M), .with_vt = YES(F_WITHVT),
		.melden = YES(F_MELDEN), .melden_motivation = VAL(F_MELDENM), .hulp = YES(F_HULP),
		.hulp_motivation = VAL(F_HULPM), .acute = ui->acute && YES(F_ACUTE),
		.deviation = dev ? OPT(F_DEV) : NULL, .replaces = ui->decision_id };
	enum casus_rc rc = meldcode_decide(a->ctx, ui->m.id, &in, NULL, err);
	if (rc == CASUS_E_STATE && !dev && contradicts(ui, &in)) {
		/* Contrary to the afwegingskader: offer the motivated deviation. */
		char text[FORM_NOTE_MAX];
		snprintf(text, sizeof text, _("%s To decide this anyway, write a motivated "
			"deviation below (it is marked for the gedragswetenschapper) and save again."),
			err->msg);
		form_set_note(ui->form, FX(F_WARN), text);
		form_set_hidden(ui->form, FX(F_DEV), false);
		form_focus(ui->form, FX(F_DEV));
	}
	return rc;
}

static enum casus_rc sub_event(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	struct mc_event_new in = { .kind = (enum mc_event_kind)CHO(F_KIND), .on = VAL(F_DATE),
		.with = (enum mc_band)CHO(F_BAND), .exception = (enum mc_exception)CHO(F_EXC),
		.person_name = OPT(F_NAME), .reference = OPT(F_REF), .second_due = OPT(F_DUE2),
		.feedback_no = CHO(F_FBNO) + 1,
		.result = CHO(F_RESULT) == 0 ? MC_HELP_STOPPED : MC_HELP_CONTINUES,
		.note = OPT(F_TEXT) };
	return meldcode_add_event(a->ctx, ui->m.id, &in, NULL, err);
}

static enum casus_rc sub_verdict(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	int h = CHO(F_KIND);
	return meldcode_verdict(a->ctx, ui->hyp_id[h], CHO(F_TRI1) == 0 ? MC_CONFIRMED
		: MC_REFUTED, VAL(F_DATE), VAL(F_TEXT), NULL, err);
}

static enum casus_rc sub_skip(struct app *a, struct mc_ui *ui, struct casus_err *err)
{
	return meldcode_step_set(a->ctx, &ui->steps[2], MC_SKIPPED,
		(enum mc_skip_reason)(CHO(F_KIND) + 1), VAL(F_TEXT), err);
}

static const char *done_message(enum mcv_form kind)
{
	switch (kind) {
	case MF_OPEN: return _("Meldcode trajectory opened.");
	case MF_SIGNAL: return _("Signal recorded.");
	case MF_VERDICT: return _("Verdict recorded; the hypothesis stays as it was.");
	case MF_KINDCHECK: return _("Kindcheck recorded.");
	case MF_ACUTE: return _("Acute danger recorded.");
	case MF_CONSULT: return _("Consultation recorded.");
	case MF_CONVERSATION: return _("Conversation recorded.");
	case MF_SKIP: return _("Step 3 skipped with its reason.");
	case MF_WEIGH: return _("Weighing recorded.");
	case MF_DECIDE: return _("Decision recorded.");
	case MF_EVENT: return _("Recorded.");
	case MF_CLOSE: return _("Trajectory closed.");
	default: return "";
	}
}

bool mcv_submit(struct app *a)
{
	struct mc_ui *ui = mcv_ui(a);
	struct casus_err err;
	enum casus_rc rc;
	switch (ui->kind) {
	case MF_OPEN: rc = sub_open(a, ui, &err); break;
	case MF_SIGNAL: rc = sub_signal(a, ui, &err); break;
	case MF_VERDICT: rc = sub_verdict(a, ui, &err); break;
	case MF_KINDCHECK: rc = sub_kindcheck(a, ui, &err); break;
	case MF_ACUTE: rc = sub_acute(a, ui, &err); break;
	case MF_CONSULT: rc = sub_consult(a, ui, &err); break;
	case MF_CONVERSATION: rc = sub_conversation(a, ui, &err); break;
	case MF_SKIP: rc = sub_skip(a, ui, &err); break;
	case MF_WEIGH: rc = sub_weigh(a, ui, &err); break;
	case MF_DECIDE: rc = sub_decide(a, ui, &err); break;
	case MF_EVENT: rc = sub_event(a, ui, &err); break;
	case MF_CLOSE: rc = meldcode_close(a->ctx, &ui->m, VAL(F_TEXT), &err); break;
	default: return true;
	}
	if (rc != CASUS_OK) {
		app_message(a, true, "%s", err.msg);
		/* A refused decision explains itself in the deviation note. */
		bool explained = ui->kind == MF_DECIDE && !ui->form->f[FX(F_DEV)].hidden;
		form_set_error(ui->form, explained ? "" : err.msg);
		return false;
	}
	if (ui->kind == MF_WEIGH && CHO(F_Q1) == 2)
		app_message(a, false, "%s", _("Weighing recorded: Q1 = no closed the trajectory."));
	else
		app_message(a, false, "%s", done_message(ui->kind));
	return true;
}
