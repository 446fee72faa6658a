/* The meldcode forms: one per kind of entry, built on the form widget (form.h), shown
 * in the zoomed stepper pane. Fields appear and disappear with the choices made (a
 * source for third-party information, a warning for anonymous advice, what the
 * afwegingskader derives from the answers). Submitting is view_meldcode_submit.c;
 * a refusal keeps the form and the user's text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/person.h"
#include "view_meldcode.h"

#define FX(s) (ui->fx[(s)])

static void vis(struct mc_ui *ui, int slot, bool shown)
{
	form_set_hidden(ui->form, ui->fx[slot], !shown);
}

/* The options of enum label functions, translated. */
static int labels(const char **out, int n, const char *(*label)(int), int from)
{
	for (int i = from; i < n; i++)
		out[i - from] = label(i);
	return n - from;
}

static const char *tri_label(int i) { return mc_tri_label((enum mc_tri)i); }
static const char *consult_label(int i) { return mc_consult_label((enum mc_consult)i); }
static const char *talk_label(int i) { return mc_talk_label((enum mc_talk)i); }
static const char *instr_label(int i) { return mc_instrument_label((enum mc_instrument)i); }
static const char *band_label(int i) { return mc_band_label((enum mc_band)i); }
static const char *exc_label(int i) { return mc_exception_label((enum mc_exception)i); }
static const char *event_label(int i) { return mc_event_label((enum mc_event_kind)i); }
static const char *skip_label(int i) { return mc_skip_label((enum mc_skip_reason)i); }
static const char *service_label(int i) { return mc_service_label((enum mc_service)i); }
static const char *kind_label(int i) { return mc_signal_kind_label((enum mc_signal_kind)i); }

/* ---- what the afwegingskader derives (the decision and weighing forms) ---- */

static int answer_of(int choice)
{
	return choice == 1 ? MC_YES : choice == 2 ? MC_NO : MC_UNANSWERED;
}

static void derive_note(struct mc_ui *ui)
{
	struct form *fm = ui->form;
	struct mc_answers ans = { ui->q1, ui->q2, answer_of(form_get_choice(fm, FX(F_Q3))),
		answer_of(form_get_choice(fm, FX(F_Q4))), answer_of(form_get_choice(fm, FX(F_Q5))) };
	struct mc_requirement req;
	bool acute = FX(F_ACUTE) >= 0 && form_get_yes(fm, FX(F_ACUTE));
	meldcode_derive(&ans, acute, &req);
	char because[400], text[FORM_NOTE_MAX];
	size_t o = 0;
	mcv_because(req.because, because, sizeof because);
#define ADD(...) o += (size_t)snprintf(text + o, o < sizeof text ? sizeof text - o : 0, __VA_ARGS__)
	if (req.melden_required)
		ADD(_("Melden is required because %s."), because);
	else if (req.complete)
		ADD("%s", _("The afwegingskader: help without melding (Q3-Q5 yes)."));
	if (req.with_vt)
		ADD(" %s", _("Q3-Q5 are answered together with Veilig Thuis."));
	if (req.hulp_expected == MC_YES)
		ADD(" %s", _("Hulp = yes is expected."));
	else if (req.hulp_expected == MC_NO)
		ADD(" %s", _("Hulp = no is expected: no effective help can be offered."));
	if (!req.complete && req.missing)
		ADD(_(" Still to answer: Q%d."), req.missing);
#undef ADD
	form_set_note(fm, FX(F_DERIVED), text);
}

static void weigh_note(struct mc_ui *ui)
{
	struct form *fm = ui->form;
	int q1 = form_get_choice(fm, FX(F_Q1));
	bool q2 = form_get_yes(fm, FX(F_Q2A)) || form_get_yes(fm, FX(F_Q2S))
		|| form_get_yes(fm, FX(F_Q2D));
	const char *t = q1 == 2 ? _("Q1 = no: no suspicion. Saving closes the trajectory with "
		"this reasoning.")
		: q1 == 1 && q2 ? _("Q2 = yes (a disclosure counts as acute): melden at Veilig "
		"Thuis is necessary; Q3-Q5 are answered together with Veilig Thuis.")
		: q1 == 1 ? _("Q2 = no: step 5 asks whether effective help is possible (Q3-Q5).")
		: "";
	form_set_note(fm, FX(F_DERIVED), t);
	for (int s = F_Q2A; s <= F_Q2M; s++)
		vis(ui, s, q1 != 2);
	vis(ui, F_TEXT2, form_get_choice(fm, FX(F_KIND)) == MC_INSTR_OTHER);
}

static void event_fields(struct mc_ui *ui)
{
	int k = form_get_choice(ui->form, FX(F_KIND));
	vis(ui, F_BAND, k == MC_EV_DISCUSSED);
	vis(ui, F_ADVICE, k == MC_EV_DISCUSSED);
	vis(ui, F_EXC, k == MC_EV_EXCEPTION);
	vis(ui, F_NAME, k == MC_EV_MANAGER_INTENDED || k == MC_EV_MANAGER_FINAL);
	vis(ui, F_REF, k == MC_EV_MELDING);
	vis(ui, F_DUE2, k == MC_EV_MELDING);
	vis(ui, F_FBNO, k == MC_EV_VT_FEEDBACK);
	vis(ui, F_RESULT, k == MC_EV_HELP_CHECKED);
}

static void changed(struct form *fm, int field, void *arg)
{
	struct mc_ui *ui = arg;
	(void)field;
	switch (ui->kind) {
	case MF_SIGNAL: {
		int k = form_get_choice(fm, FX(F_KIND));
		vis(ui, F_HYPOF, k == MC_HYPOTHESIS);
		vis(ui, F_DIAGBY, k == MC_DIAGNOSIS);
		vis(ui, F_SOURCE, form_get_yes(fm, FX(F_THIRD)));
		break;
	}
	case MF_CONSULT: {
		bool vt = form_get_choice(fm, FX(F_KIND)) == MC_WITH_VEILIG_THUIS;
		vis(ui, F_ANON, vt);
		vis(ui, F_WARN, vt && form_get_yes(fm, FX(F_ANON)));
		break;
	}
	case MF_OPEN: {
		bool adult = form_get_choice(fm, FX(F_KIND)) == 1;
		for (int i = 0; i < ui->n_kids; i++)
			form_set_hidden(fm, FX(F_KIDS) + i, adult);
		vis(ui, F_ADULT, adult);
		break;
	}
	case MF_WEIGH: weigh_note(ui); break;
	case MF_DECIDE: derive_note(ui); break;
	case MF_EVENT: event_fields(ui); break;
	default: break;
	}
}

/* ---- the forms ---- */

static void build_signal(struct mc_ui *ui, struct form *fm, const char *today)
{
	const char *kinds[3];
	labels(kinds, 3, kind_label, 0);
	form_init(fm, _("Step 1: record a signal (facts apart from interpretations)"));
	FX(F_KIND) = form_choice(fm, _("Kind"), kinds, 3, MC_FACT);
	FX(F_DATE) = form_date(fm, _("Observed on"), today);
	FX(F_WHO) = form_text(fm, _("Observed by"), "");
	FX(F_THIRD) = form_yesno(fm, _("From a third party"), false);
	FX(F_SOURCE) = form_text(fm, _("Source (who told)"), "");
	FX(F_HYPOF) = form_text(fm, _("Whose interpretation"), "");
	FX(F_DIAGBY) = form_text(fm, _("Diagnosed by (qualified)"), "");
	FX(F_TEXT) = form_multi(fm, _("Description"), "");
}

static bool build_verdict(struct mc_ui *ui, struct form *fm, const char *today)
{
	const char *hyps[MCV_HYP], *v[2] = { _("confirmed"), _("refuted") };
	if (ui->n_hyp == 0)
		return false;
	for (int i = 0; i < ui->n_hyp; i++)
		hyps[i] = ui->hyp_label[i];
	form_init(fm, _("Step 1: confirm or refute a hypothesis (the hypothesis stays)"));
	FX(F_KIND) = form_choice(fm, _("Hypothesis"), hyps, ui->n_hyp, 0);
	FX(F_TRI1) = form_choice(fm, _("Verdict"), v, 2, 0);
	FX(F_DATE) = form_date(fm, _("On"), today);
	FX(F_TEXT) = form_multi(fm, _("Follow-up note"), "");
	return true;
}

static void build_kindcheck(struct mc_ui *ui, struct form *fm)
{
	const char *tri[MC_TRI_COUNT];
	labels(tri, MC_TRI_COUNT, tri_label, 0);
	form_init(fm, _("Step 1: kindcheck (adult client)"));
	FX(F_TRI1) = form_choice(fm, _("Minors in the home"), tri, 3, MC_TRI_UNKNOWN);
	FX(F_TEXT) = form_text(fm, _("Which children, ages"), "");
	FX(F_TRI2) = form_choice(fm, _("A new partner's children"), tri, MC_TRI_COUNT,
		MC_TRI_UNKNOWN);
	FX(F_NAME) = form_text(fm, _("Who cares for them"), "");
	FX(F_TRI3) = form_choice(fm, _("Client pregnant"), tri, MC_TRI_COUNT, MC_TRI_UNKNOWN);
	FX(F_TEXT2) = form_multi(fm, _("Note"), "");
}

static void build_acute(struct mc_ui *ui, struct form *fm)
{
	const char *svc[MC_SERVICE_COUNT];
	labels(svc, MC_SERVICE_COUNT, service_label, 0);
	form_init(fm, _("ACUTE DANGER: police / Veilig Thuis contacted (no approval needed)"));
	FX(F_WARN) = form_note(fm, _("Call first (112 or Veilig Thuis 0800-2000), record after."),
		true);
	FX(F_KIND) = form_choice(fm, _("Contacted"), svc, MC_SERVICE_COUNT, MC_POLICE);
	FX(F_DATE) = form_date(fm, _("When (empty: now)"), "");
	FX(F_NAME) = form_text(fm, _("Spoke to"), "");
	FX(F_REF) = form_text(fm, _("Reference"), "");
	FX(F_TEXT) = form_multi(fm, _("The danger, what was agreed"), "");
}

static void build_consult(struct mc_ui *ui, struct form *fm, const char *today)
{
	const char *with[MC_CONSULT_COUNT];
	labels(with, MC_CONSULT_COUNT, consult_label, 0);
	form_init(fm, _("Step 2: record a consultation"));
	FX(F_KIND) = form_choice(fm, _("With"), with, MC_CONSULT_COUNT, MC_WITH_COLLEAGUE);
	FX(F_NAME) = form_text(fm, _("Name"), "");
	FX(F_ANON) = form_yesno(fm, _("Anonymous advice"), false);
	FX(F_WARN) = form_note(fm, _("ANONYMOUS: enter no identifiers of the family here - no "
		"names, case number, address, phone, birth dates or BSN."), true);
	FX(F_DATE) = form_date(fm, _("Held on"), today);
	FX(F_TEXT) = form_multi(fm, _("Question"), "");
	FX(F_TEXT2) = form_multi(fm, _("Advice"), "");
}

static void build_conversation(struct mc_ui *ui, struct form *fm, const char *today)
{
	const char *with[MC_TALK_COUNT];
	labels(with, MC_TALK_COUNT, talk_label, 0);
	form_init(fm, _("Step 3: record a conversation with the client"));
	FX(F_KIND) = form_choice(fm, _("With"), with, MC_TALK_COUNT, MC_TALK_PARENT);
	FX(F_NAME) = form_text(fm, _("Who exactly"), "");
	FX(F_DATE) = form_date(fm, _("Held on"), today);
	FX(F_TEXT) = form_multi(fm, _("Purpose, facts, what was said"), "");
	FX(F_TEXT2) = form_multi(fm, _("Their reaction"), "");
}

static void build_skip(struct mc_ui *ui, struct form *fm)
{
	const char *why[MC_SKIP_COUNT];
	int n = labels(why, MC_SKIP_COUNT, skip_label, 1);
	form_init(fm, _("Step 3: skip the conversation (only for one of these two reasons)"));
	FX(F_KIND) = form_choice(fm, _("Reason"), why, n, 0);
	FX(F_TEXT) = form_multi(fm, _("Explanation"), "");
}

static void build_weigh(struct mc_ui *ui, struct form *fm)
{
	const char *instr[MC_INSTR_COUNT], *q1[3] = { _("(answer)"), _("yes"), _("no") };
	labels(instr, MC_INSTR_COUNT, instr_label, 0);
	form_init(fm, _("Step 4: weigh (afwegingskader questions 1 and 2)"));
	FX(F_KIND) = form_choice(fm, _("Instrument"), instr, MC_INSTR_COUNT, MC_INSTR_NONE);
	FX(F_TEXT2) = form_text(fm, _("Which instrument"), "");
	FX(F_TEXT) = form_text(fm, _("Instrument outcome"), "");
	FX(F_Q1) = form_choice(fm, _("Q1 suspicion of violence"), q1, 3, 0);
	FX(F_Q1M) = form_multi(fm, _("Q1 motivation"), "");
	FX(F_Q2A) = form_yesno(fm, _("Q2 acute unsafety"), false);
	FX(F_Q2S) = form_yesno(fm, _("Q2 structural unsafety"), false);
	FX(F_Q2D) = form_yesno(fm, _("Q2 a child disclosed"), false);
	FX(F_Q2M) = form_multi(fm, _("Q2 motivation"), "");
	FX(F_DERIVED) = form_note(fm, "", false);
}

static void build_decide(struct mc_ui *ui, struct form *fm)
{
	const char *q[3] = { _("(open)"), _("yes"), _("no") };
	bool again = ui->decided;
	int c3 = again ? (ui->dq3 == MC_YES ? 1 : ui->dq3 == MC_NO ? 2 : 0) : 0;
	int c4 = again ? (ui->dq4 == MC_YES ? 1 : ui->dq4 == MC_NO ? 2 : 0) : 0;
	int c5 = again ? (ui->dq5 == MC_YES ? 1 : ui->dq5 == MC_NO ? 2 : 0) : 0;
	form_init(fm, again ? _("Step 5: a new decision (replaces the current one; melden "
		"after all)") : _("Step 5: decide (afwegingskader questions 3-5)"));
	FX(F_Q3) = form_choice(fm, _("Q3 effective help possible"), q, 3, c3);
	FX(F_Q3M) = form_multi(fm, _("Q3 motivation"), "");
	FX(F_Q4) = form_choice(fm, _("Q4 accepted, cooperating"), q, 3, c4);
	FX(F_Q4M) = form_multi(fm, _("Q4 motivation"), "");
	FX(F_Q5) = form_choice(fm, _("Q5 lasting safety in time"), q, 3, c5);
	FX(F_Q5M) = form_multi(fm, _("Q5 motivation"), "");
	FX(F_WITHVT) = form_yesno(fm, _("Answered with Veilig Thuis"), ui->q2 == MC_YES);
	FX(F_ACUTE) = form_yesno(fm, _("Acute path"), ui->acute && ui->q2 != MC_NO);
	FX(F_DERIVED) = form_note(fm, "", false);
	FX(F_MELDEN) = form_yesno(fm, _("Decision: melden"), again || ui->q2 == MC_YES);
	FX(F_MELDENM) = form_multi(fm, _("Melden motivation"), "");
	FX(F_HULP) = form_yesno(fm, _("Decision: hulp"), again && ui->hulp);
	FX(F_HULPM) = form_multi(fm, _("Hulp motivation"), "");
	FX(F_WARN) = form_note(fm, "", true);
	FX(F_DEV) = form_multi(fm, _("Motivated deviation"), "");
	vis(ui, F_ACUTE, ui->acute);
	vis(ui, F_DEV, false);
	if (again)
		form_focus(fm, FX(F_MELDENM));
}

static void build_event(struct app *a, struct mc_ui *ui, struct form *fm, const char *today)
{
	const char *kinds[MC_EVENT_COUNT], *bands[MC_BAND_COUNT], *exc[MC_EXC_COUNT];
	const char *fb[2] = { "1", "2" }, *res[2] = { _("the violence stopped"),
		_("the violence continues") };
	labels(kinds, MC_EVENT_COUNT, event_label, 0);
	labels(bands, MC_BAND_COUNT, band_label, 0);
	labels(exc, MC_EXC_COUNT, exc_label, 0);
	struct mc_discuss_advice adv;
	struct casus_err err;
	char advice[300] = "";
	if (meldcode_discuss_advice(a->ctx, ui->m.id, &adv, &err) == CASUS_OK)
		snprintf(advice, sizeof advice, _("Age advice from the children concerned: discuss "
			"with %s%s."), adv.parents && adv.child ? _("the child and the parents")
			: adv.child ? _("the child") : _("the parents"), adv.unknown_ages
			? _(" (some ages are unknown)") : "");
	int first = ui->melden ? MC_EV_DISCUSSED : MC_EV_HELP_FOLLOWUP;
	form_init(fm, _("Step 5: record what follows the decision"));
	FX(F_KIND) = form_choice(fm, _("What"), kinds, MC_EVENT_COUNT, first);
	FX(F_DATE) = form_date(fm, _("On (follow-up: planned)"), today);
	FX(F_ADVICE) = form_note(fm, advice, false);
	FX(F_BAND) = form_choice(fm, _("Discussed with"), bands, MC_BAND_COUNT, MC_BAND_PARENTS);
	FX(F_EXC) = form_choice(fm, _("Not discussed because"), exc, MC_EXC_COUNT, 0);
	FX(F_NAME) = form_text(fm, _("Manager"), "");
	FX(F_REF) = form_text(fm, _("Veilig Thuis reference"), "");
	FX(F_DUE2) = form_date(fm, _("Feedback 2 expected"), "");
	FX(F_FBNO) = form_choice(fm, _("Feedback number"), fb, 2, 0);
	FX(F_RESULT) = form_choice(fm, _("Check found"), res, 2, 0);
	FX(F_TEXT) = form_multi(fm, _("Note, reaction"), "");
}

static bool collect_person(void *arg, const struct person *p, bool kids)
{
	struct mc_ui *ui = arg;
	if ((p->role == PERSON_KIND) != kids || ui->n_person >= MC_MAX_CHILDREN)
		return false;
	int age = person_age(p);
	snprintf(ui->person_id[ui->n_person], CASUS_ID_LEN, "%s", p->id);
	if (age >= 0)
		snprintf(ui->person_label[ui->n_person], sizeof ui->person_label[0],
			_("%.100s (%d)"), p->given_name, age);
	else
		snprintf(ui->person_label[ui->n_person], sizeof ui->person_label[0], "%.100s",
			p->given_name);
	ui->n_person++;
	return true;
}

static int kid_cb(void *arg, const struct person *p) { collect_person(arg, p, true); return 0; }
static int adult_cb(void *arg, const struct person *p) { collect_person(arg, p, false); return 0; }

static bool build_open(struct app *a, struct mc_ui *ui, struct form *fm)
{
	const struct family_row *r = app_selected_row(a);
	const char *client[2] = { _("children"), _("an adult client (kindcheck)") };
	const char *adults[MC_MAX_CHILDREN];
	struct casus_err err;
	ui->n_person = 0;
	if (!r || person_each(a->ctx, r->id, kid_cb, ui, &err))
		return false;
	ui->n_kids = ui->n_person < 16 ? ui->n_person : 16;
	ui->n_person = ui->n_kids;
	if (person_each(a->ctx, r->id, adult_cb, ui, &err))
		return false;
	form_init(fm, _("Open a meldcode trajectory"));
	FX(F_KIND) = form_choice(fm, _("For"), client, 2, ui->n_kids ? 0 : 1);
	for (int i = 0; i < ui->n_kids; i++) {
		int f = form_yesno(fm, ui->person_label[i], true);
		if (i == 0)
			FX(F_KIDS) = f;
	}
	for (int i = ui->n_kids; i < ui->n_person; i++)
		adults[i - ui->n_kids] = ui->person_label[i];
	FX(F_ADULT) = form_choice(fm, _("Adult client"), adults, ui->n_person - ui->n_kids, 0);
	return true;
}

static bool build(struct app *a, struct mc_ui *ui, enum mcv_form kind)
{
	struct form *fm = ui->form;
	char today[11];
	clock_today(today);
	switch (kind) {
	case MF_OPEN: return build_open(a, ui, fm);
	case MF_SIGNAL: build_signal(ui, fm, today); return true;
	case MF_VERDICT: return build_verdict(ui, fm, today);
	case MF_KINDCHECK: build_kindcheck(ui, fm); return true;
	case MF_ACUTE: build_acute(ui, fm); return true;
	case MF_CONSULT: build_consult(ui, fm, today); return true;
	case MF_CONVERSATION: build_conversation(ui, fm, today); return true;
	case MF_SKIP: build_skip(ui, fm); return true;
	case MF_WEIGH: build_weigh(ui, fm); return true;
	case MF_DECIDE: build_decide(ui, fm); return true;
	case MF_EVENT: build_event(a, ui, fm, today); return true;
	case MF_CLOSE:
		form_init(fm, _("Close the trajectory (its decision was carried out)"));
		FX(F_TEXT) = form_multi(fm, _("Closing note"), "");
		return true;
	default: return false;
	}
}

unsigned mcv_form_start(struct app *a, enum mcv_form kind)
{
	struct mc_ui *ui = mcv_ui(a);
	if (!ui->form && !(ui->form = malloc(sizeof *ui->form))) {
		app_message(a, true, "%s", _("Out of memory."));
		return R_PAINT_MSG;
	}
	for (int i = 0; i < F_SLOTS; i++)
		ui->fx[i] = -1;
	ui->kind = kind;
	if (!build(a, ui, kind)) {
		ui->kind = MF_NONE;
		app_message(a, true, "%s", kind == MF_VERDICT ? _("There is no open hypothesis to "
			"confirm or refute.") : _("This form cannot be opened here."));
		return R_PAINT_MSG;
	}
	/* The pane stays on this family even when the entry closes the trajectory. */
	const struct family_row *r = app_selected_row(a);
	if (r)
		snprintf(ui->pinned, sizeof ui->pinned, "%s", r->id);
	if (kind == MF_ACUTE || kind == MF_SIGNAL || kind == MF_VERDICT || kind == MF_KINDCHECK)
		ui->sel = 1;
	ui->form->changed = changed;
	ui->form->arg = ui;
	changed(ui->form, -1, ui);
	ui->zoom_before = a->zoom;
	a->zoom = true;
	a->focus = PANE_MELDCODE;
	return R_LAYOUT | R_PAINT_ALL;
}

void mcv_form_close(struct app *a)
{
	struct mc_ui *ui = mcv_ui(a);
	ui->kind = MF_NONE;
	a->zoom = ui->zoom_before;
}

unsigned mcv_form_key(struct app *a, const struct key *k)
{
	struct mc_ui *ui = mcv_ui(a);
	switch (form_key(ui->form, k)) {
	case FORM_REDRAW: return R_PAINT_MELDCODE;
	case FORM_CANCEL:
		mcv_form_close(a);
		app_message(a, false, "%s", _("Cancelled: nothing was recorded."));
		return R_LAYOUT | R_PAINT_ALL;
	case FORM_SAVE:
		if (!mcv_submit(a))
			return R_PAINT_ALL;
		mcv_form_close(a);
		return R_LAYOUT | R_REFRESH_LIST | R_RELOAD_FAMILY | R_PAINT_ALL;
	default: return R_NONE;
	}
}

void mcv_form_paint(struct app *a, WINDOW *w, int y, int x, int h, int wd)
{
	struct mc_ui *ui = mcv_ui(a);
	form_paint(ui->form, w, y, x, h, wd);
}
