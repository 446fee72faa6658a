/* The lines the stepper pane lists under each step: every entry of the trajectory as
 * core returns it (corrected entries included and marked), plus what the forms need
 * to know (the current weighing and decision, open hypotheses). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "draw.h"
#include "view_meldcode.h"

struct loader {
	struct app *a;
	struct mc_ui *ui;
	char today[11];
	char verdict_of[64][CASUS_ID_LEN]; /* hypotheses that have a verdict */
	int n_verdicts;
};

static void add_line(struct mc_ui *ui, int step, bool warn, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add_line(struct mc_ui *ui, int step, bool warn, const char *fmt, ...)
{
	int *n = &ui->n_lines[step - 1];
	if (*n >= MCV_LINES)
		return;
	struct mcv_line *l = &ui->lines[step - 1][(*n)++];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	for (char *p = l->text; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	l->warn = warn;
}

static const char *yn(int answer)
{
	return answer == MC_YES ? _("yes") : answer == MC_NO ? _("no") : _("open");
}

static const char *corr(const struct mc_entry *e)
{
	return e->corrected ? _(" [corrected]") : "";
}

void mcv_because(unsigned because, char *out, size_t n)
{
	static const struct { unsigned bit; const char *text; } why[] = {
		{ MC_BECAUSE_ACUTE, N_("acute danger was recorded") },
		{ MC_BECAUSE_Q2, N_("Q2: there is acute or structural unsafety") },
		{ MC_BECAUSE_Q3, N_("Q3: no effective help can be offered") },
		{ MC_BECAUSE_Q4, N_("Q4: the help is not accepted") },
		{ MC_BECAUSE_Q5, N_("Q5: the help gives no lasting safety") },
	};
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof why / sizeof why[0]; i++)
		if (because & why[i].bit)
			o += (size_t)snprintf(out + o, o < n ? n - o : 0, "%s%s", o ? "; " : "",
				_(why[i].text));
}

static int on_signal(void *arg, const struct mc_signal *x)
{
	struct loader *L = arg;
	struct mc_ui *ui = L->ui;
	if (x->kind == MC_VERDICT) {
		if (L->n_verdicts < 64)
			snprintf(L->verdict_of[L->n_verdicts++], CASUS_ID_LEN, "%s", x->follows_up);
		add_line(ui, 1, false, "  %s %s %s: %s%s", draw_glyph(DG_SEP),
			x->verdict == MC_CONFIRMED ? _("hypothesis confirmed") : _("hypothesis refuted"),
			x->observed_on, x->description, corr(&x->e));
		return 0;
	}
	char who[300] = "";
	if (x->kind == MC_HYPOTHESIS)
		snprintf(who, sizeof who, _(" (of %s)"), x->hypothesis_of);
	else if (x->kind == MC_DIAGNOSIS)
		snprintf(who, sizeof who, _(" (by %s)"), x->diagnosed_by);
	char src[300] = "";
	if (x->third_party)
		snprintf(src, sizeof src, _(", source %s"), x->source);
	add_line(ui, 1, false, "%s %s%s %s %s%s: %s%s", x->observed_on,
		mc_signal_kind_label(x->kind), who, draw_glyph(DG_SEP), x->observer, src,
		x->description, corr(&x->e));
	if (x->kind == MC_HYPOTHESIS && !x->e.corrected && ui->n_hyp < MCV_HYP) {
		snprintf(ui->hyp_id[ui->n_hyp], CASUS_ID_LEN, "%s", x->e.id);
		snprintf(ui->hyp_label[ui->n_hyp], sizeof ui->hyp_label[0], "%s %.90s",
			x->observed_on, x->description);
		ui->n_hyp++;
	}
	return 0;
}

static int on_kindcheck(void *arg, const struct mc_kindcheck *x)
{
	struct loader *L = arg;
	add_line(L->ui, 1, false, _("Kindcheck: minors in the home %s (%s); a partner's "
		"children %s; carers %s; pregnant %s%s"), mc_tri_label(x->minors_in_home),
		x->minors_note, mc_tri_label(x->partner_children), x->carers,
		mc_tri_label(x->pregnant), corr(&x->e));
	return 0;
}

static int on_acute(void *arg, const struct mc_acute *x)
{
	struct loader *L = arg;
	add_line(L->ui, 1, true, _("ACUTE DANGER %s: %s contacted (%s, reference %s): %s%s"),
		x->contacted_at, mc_service_label(x->service), x->contact_name[0] ? x->contact_name
		: "-", x->reference[0] ? x->reference : "-", x->danger, corr(&x->e));
	return 0;
}

static int on_consult(void *arg, const struct mc_consultation *x)
{
	struct loader *L = arg;
	add_line(L->ui, 2, false, "%s %s%s%s%s %s %s%s", x->held_on, mc_consult_label(x->with),
		x->with_name[0] ? " " : "", x->with_name,
		x->anonymous ? _(" [anonymous advice]") : "", draw_glyph(DG_SEP), x->advice,
		corr(&x->e));
	return 0;
}

static int on_conversation(void *arg, const struct mc_conversation *x)
{
	struct loader *L = arg;
	add_line(L->ui, 3, false, _("%s with %s%s%s: %s %s reaction: %s%s"), x->held_on,
		mc_talk_label(x->with), x->participants[0] ? ", " : "", x->participants, x->said,
		draw_glyph(DG_SEP), x->reaction, corr(&x->e));
	return 0;
}

static int on_weighing(void *arg, const struct mc_weighing *x)
{
	struct loader *L = arg;
	struct mc_ui *ui = L->ui;
	char q2[200];
	snprintf(q2, sizeof q2, "%s%s%s", x->q2_acute ? _(" acute") : "",
		x->q2_structural ? _(" structural") : "", x->q2_disclosure ? _(" disclosure") : "");
	if (x->q1 == MC_NO)
		add_line(ui, 4, false, _("%.10s: %s%s%s. Q1 suspicion: no (%s)%s"), x->e.created_at,
			mc_instrument_label(x->instrument), x->instrument_outcome[0] ? " " : "",
			x->instrument_outcome, x->q1_motivation, corr(&x->e));
	else
		add_line(ui, 4, false, _("%.10s: %s%s%s. Q1 suspicion: %s (%s). Q2 unsafety: "
			"%s%s (%s)%s"), x->e.created_at, mc_instrument_label(x->instrument),
			x->instrument_outcome[0] ? " " : "", x->instrument_outcome, yn(x->q1),
			x->q1_motivation, yn(x->q2), q2, x->q2_motivation, corr(&x->e));
	if (!x->e.corrected) {
		ui->q1 = x->q1;
		ui->q2 = x->q2;
		snprintf(ui->weighing_id, sizeof ui->weighing_id, "%s", x->e.id);
	}
	return 0;
}

static int on_decision(void *arg, const struct mc_decision *x)
{
	struct loader *L = arg;
	struct mc_ui *ui = L->ui;
	add_line(ui, 5, false, _("Q3 help possible: %s. Q4 accepted: %s. Q5 lasting safety: %s%s"),
		yn(x->q3), yn(x->q4), yn(x->q5), x->with_vt ? _(" (with Veilig Thuis)") : "");
	add_line(ui, 5, false, _("Decision %.10s: melden %s (%s); hulp %s (%s)%s"), x->e.created_at,
		x->melden ? _("yes") : _("no"), x->melden_motivation, x->hulp ? _("yes") : _("no"),
		x->hulp_motivation, corr(&x->e));
	if (x->deviation)
		add_line(ui, 5, true, _("Deviation from the afwegingskader (%s): %s"),
			x->reviews ? _("reviewed") : _("awaits the gedragswetenschapper"),
			x->deviation_motivation);
	if (!x->e.corrected) {
		ui->decided = true;
		ui->melden = x->melden;
		ui->hulp = x->hulp;
		ui->dq3 = x->q3;
		ui->dq4 = x->q4;
		ui->dq5 = x->q5;
		snprintf(ui->decision_id, sizeof ui->decision_id, "%s", x->e.id);
	}
	return 0;
}

static void due(const struct loader *L, char *out, size_t n, int no, const char *date)
{
	bool late = date[0] && strcmp(date, L->today) < 0;
	snprintf(out, n, _(" feedback %d expected %s%s"), no, date[0] ? date : "-",
		late ? _(" (OVERDUE)") : "");
}

static int on_event(void *arg, const struct mc_event *x)
{
	struct loader *L = arg;
	struct mc_ui *ui = L->ui;
	char extra[500] = "", d1[100], d2[100];
	switch (x->kind) {
	case MC_EV_DISCUSSED:
		snprintf(extra, sizeof extra, _("with %s (advice: %s)"), mc_band_label(x->with),
			mc_band_label(x->advised));
		break;
	case MC_EV_EXCEPTION:
		snprintf(extra, sizeof extra, "%s", mc_exception_label(x->exception));
		break;
	case MC_EV_MANAGER_INTENDED:
	case MC_EV_MANAGER_FINAL:
		snprintf(extra, sizeof extra, "%s", x->person_name);
		break;
	case MC_EV_MELDING:
		due(L, d1, sizeof d1, 1, x->due1);
		due(L, d2, sizeof d2, 2, x->due2);
		snprintf(extra, sizeof extra, _("reference %s;%s;%s"), x->reference, d1, d2);
		break;
	case MC_EV_VT_FEEDBACK:
		snprintf(extra, sizeof extra, _("feedback %d"), x->feedback_no);
		break;
	case MC_EV_HELP_CHECKED:
		snprintf(extra, sizeof extra, "%s", x->result == MC_HELP_STOPPED
			? _("the violence stopped") : _("the violence continues"));
		break;
	default:
		break;
	}
	bool warn = strstr(extra, _(" (OVERDUE)")) != NULL
		|| (x->kind == MC_EV_HELP_CHECKED && x->result == MC_HELP_CONTINUES);
	add_line(ui, 5, warn, "%s %s%s%s%s%s%s", x->on, mc_event_label(x->kind),
		extra[0] ? ": " : "", extra, x->note[0] ? " " : "", x->note, corr(&x->e));
	return 0;
}

static int on_child(void *arg, const struct mc_child *c)
{
	struct loader *L = arg;
	size_t o = strlen(L->ui->header);
	char age[16] = "?";
	if (c->age >= 0)
		snprintf(age, sizeof age, "%d", c->age);
	snprintf(L->ui->header + o, sizeof L->ui->header - o, "%s%s (%s)",
		strchr(L->ui->header, '(') ? ", " : "", c->given_name, age);
	return 0;
}

static void load_header(struct loader *L, struct casus_err *err)
{
	struct mc_ui *ui = L->ui;
	snprintf(ui->header, sizeof ui->header, "%s ", ui->m.client == MC_CLIENT_ADULT
		? _("Adult client (kindcheck); children:") : _("Children concerned:"));
	if (meldcode_children_each(L->a->ctx, ui->m.id, on_child, L, err))
		app_message(L->a, true, "%s", err->msg);
}

/* Hypotheses with a verdict are no longer offered for one. */
static void drop_judged(struct loader *L)
{
	struct mc_ui *ui = L->ui;
	int k = 0;
	for (int i = 0; i < ui->n_hyp; i++) {
		bool judged = false;
		for (int j = 0; j < L->n_verdicts; j++)
			judged |= strcmp(L->verdict_of[j], ui->hyp_id[i]) == 0;
		if (judged)
			continue;
		memmove(ui->hyp_id[k], ui->hyp_id[i], sizeof ui->hyp_id[0]);
		memmove(ui->hyp_label[k], ui->hyp_label[i], sizeof ui->hyp_label[0]);
		k++;
	}
	ui->n_hyp = k;
}

void mcv_load_entries(struct app *a, struct mc_ui *ui)
{
	static struct loader L;
	struct casus_err err;
	memset(&L, 0, sizeof L);
	L.a = a;
	L.ui = ui;
	clock_today(L.today);
	memset(ui->n_lines, 0, sizeof ui->n_lines);
	ui->n_hyp = 0;
	ui->q1 = ui->q2 = MC_UNANSWERED;
	ui->weighing_id[0] = ui->decision_id[0] = '\0';
	ui->decided = ui->melden = ui->hulp = false;
	ui->acute = a->mc.acute;
	const char *id = ui->m.id;
	load_header(&L, &err);
	const struct meldcode_step *s3 = &ui->steps[2];
	if (s3->state == MC_SKIPPED)
		add_line(ui, 3, true, _("Skipped: %s %s %s"), mc_skip_label(s3->skip_reason),
			draw_glyph(DG_SEP), s3->skip_note);
	if (meldcode_acutes(a->ctx, id, on_acute, &L, &err)
	    || meldcode_signals(a->ctx, id, on_signal, &L, &err)
	    || meldcode_kindchecks(a->ctx, id, on_kindcheck, &L, &err)
	    || meldcode_consultations(a->ctx, id, on_consult, &L, &err)
	    || meldcode_conversations(a->ctx, id, on_conversation, &L, &err)
	    || meldcode_weighings(a->ctx, id, on_weighing, &L, &err)
	    || meldcode_decisions(a->ctx, id, on_decision, &L, &err)
	    || meldcode_events(a->ctx, id, on_event, &L, &err))
		app_message(a, true, "%s", err.msg);
	drop_judged(&L);
	if (!ui->m.open && ui->m.close_note[0])
		add_line(ui, 5, false, _("Closed: %s %s %s"), mc_outcome_label(ui->m.outcome),
			draw_glyph(DG_SEP), ui->m.close_note);
}
