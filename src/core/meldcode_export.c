/* Exporting a family's meldcode record for the dossier: the signaleringsformulier
 * (signals, kindcheck, acute danger, consultations, conversations) and every
 * weighing, decision and follow-up, trajectory by trajectory, in recorded order.
 * This file writes the Markdown record (in Dutch or English) and dispatches the
 * JSON export (meldcode_export_json.c); either way an access-log row is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "export_doc.h"
#include "casus/person.h"

/* ---- labels for entries, so corrections can name what they correct ---- */

struct md {
	struct casus_ctx *ctx;
	FILE *f;
	int n; /* entries written in the current section */
	struct { char id[CASUS_ID_LEN]; char label[64]; } *labels;
	size_t nlabels, cap;
	bool blank; /* the output ends with a blank line */
};

static void remember(struct md *w, const char *id, const char *label)
{
	if (w->nlabels == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 32;
		void *p = realloc(w->labels, cap * sizeof *w->labels);
		if (!p)
			return; /* only the cross-references get poorer */
		w->labels = p;
		w->cap = cap;
	}
	snprintf(w->labels[w->nlabels].id, CASUS_ID_LEN, "%s", id);
	snprintf(w->labels[w->nlabels].label, sizeof w->labels[0].label, "%s", label);
	w->nlabels++;
}

static const char *label_of(const struct md *w, const char *id)
{
	for (size_t i = 0; i < w->nlabels; i++)
		if (strcmp(w->labels[i].id, id) == 0)
			return w->labels[i].label;
	return id;
}

/* ---- Markdown pieces ---- */

static void field(struct md *w, const char *label, const char *value)
{
	if (value && *value) {
		fprintf(w->f, "- **%s:** %s\n", label, value);
		w->blank = false;
	}
}

/* Free text as a block quote, so line breaks and Markdown in it stay harmless. */
static void block(struct md *w, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	fprintf(w->f, "- **%s:**\n\n", label);
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, "\n");
		fprintf(w->f, "  > %.*s\n", (int)n, p);
		p += n;
		if (*p == '\n')
			p++;
	}
	fputc('\n', w->f);
	w->blank = true;
}

/* A heading with one blank line before it, whatever came last. */
static void heading(struct md *w, const char *level, const char *text)
{
	fprintf(w->f, "%s%s %s\n\n", w->blank ? "" : "\n", level, text);
	w->blank = true;
}

static const char *yes_no(int answer)
{
	return answer == MC_YES ? _("yes") : answer == MC_NO ? _("no") : _("open");
}

/* The heading of one entry, with its author and time, and its correction links. */
static void entry_head(struct md *w, const char *kind, const char *extra,
	const struct mc_entry *e)
{
	char label[64];
	snprintf(label, sizeof label, "%s %d", kind, ++w->n);
	remember(w, e->id, label);
	char title[200];
	snprintf(title, sizeof title, "%s%s%s", label, extra && *extra ? ": " : "",
		extra ? extra : "");
	heading(w, "####", title);
	char by[2 * FAMILY_TEXT_MAX];
	snprintf(by, sizeof by, "%s (%s), %s", e->author_name, e->author_login, e->created_at);
	field(w, _("Recorded by"), by);
	if (*e->corrects)
		field(w, _("Corrects"), label_of(w, e->corrects));
	if (e->corrected)
		field(w, _("Note"), _("corrected by a later entry"));
}

/* ---- the entries ---- */

static int md_signal(void *arg, const struct mc_signal *x)
{
	struct md *w = arg;
	entry_head(w, _("Signal"), mc_signal_kind_label(x->kind), &x->e);
	field(w, _("Date"), x->observed_on);
	field(w, _("Observed by"), x->observer);
	field(w, _("Source"), x->third_party ? x->source : _("own observation"));
	field(w, _("Whose hypothesis"), x->hypothesis_of);
	field(w, _("Diagnosed by"), x->diagnosed_by);
	if (x->kind == MC_VERDICT) {
		field(w, _("Follows up"), label_of(w, x->follows_up));
		field(w, _("Verdict"), x->verdict == MC_CONFIRMED ? _("confirmed") : _("refuted"));
	}
	block(w, _("Description"), x->description);
	return 0;
}

static int md_kindcheck(void *arg, const struct mc_kindcheck *x)
{
	struct md *w = arg;
	entry_head(w, _("Kindcheck"), NULL, &x->e);
	field(w, _("Minor children in the home"), mc_tri_label(x->minors_in_home));
	block(w, _("Which children"), x->minors_note);
	field(w, _("Children of a new partner"), mc_tri_label(x->partner_children));
	block(w, _("Who cares for them"), x->carers);
	field(w, _("Pregnant"), mc_tri_label(x->pregnant));
	block(w, _("Note"), x->note);
	return 0;
}

static int md_acute(void *arg, const struct mc_acute *x)
{
	struct md *w = arg;
	entry_head(w, _("Acute danger"), mc_service_label(x->service), &x->e);
	field(w, _("Contacted at"), x->contacted_at);
	field(w, _("Spoke to"), x->contact_name);
	field(w, _("Reference"), x->reference);
	block(w, _("Danger and agreements"), x->danger);
	return 0;
}

static int md_consultation(void *arg, const struct mc_consultation *x)
{
	struct md *w = arg;
	entry_head(w, _("Consultation"), mc_consult_label(x->with), &x->e);
	field(w, _("With"), x->with_name);
	if (x->anonymous)
		field(w, _("Anonymous"), _("yes: no identifying details of the family were given"));
	field(w, _("Date"), x->held_on);
	block(w, _("Question"), x->question);
	block(w, _("Advice"), x->advice);
	return 0;
}

static int md_conversation(void *arg, const struct mc_conversation *x)
{
	struct md *w = arg;
	entry_head(w, _("Conversation"), mc_talk_label(x->with), &x->e);
	field(w, _("Date"), x->held_on);
	field(w, _("Participants"), x->participants);
	block(w, _("What was said"), x->said);
	block(w, _("Reaction"), x->reaction);
	return 0;
}

static int md_weighing(void *arg, const struct mc_weighing *x)
{
	struct md *w = arg;
	entry_head(w, _("Weighing"), NULL, &x->e);
	field(w, _("Instrument"), x->instrument == MC_INSTR_OTHER ? x->instrument_name
				    : mc_instrument_label(x->instrument));
	block(w, _("Outcome of the instrument"), x->instrument_outcome);
	field(w, _("Question 1: suspicion of violence or abuse"), yes_no(x->q1));
	block(w, _("Motivation"), x->q1_motivation);
	if (x->q2 == MC_UNANSWERED)
		return 0;
	field(w, _("Question 2: acute or structural unsafety"), yes_no(x->q2));
	if (x->q2_acute)
		field(w, _("Acute unsafety"), x->q2_disclosure ? _("yes (disclosure)") : _("yes"));
	if (x->q2_structural)
		field(w, _("Structural unsafety"), _("yes"));
	block(w, _("Motivation"), x->q2_motivation);
	return 0;
}

static void md_question(struct md *w, int n, int answer, const char *motivation)
{
	static const char *const q[] = {
		N_("Question 3: effective help possible"),
		N_("Question 4: help accepted, cooperating"),
		N_("Question 5: lasting safety within the expected term"),
	};
	field(w, _(q[n - 3]), yes_no(answer));
	block(w, _("Motivation"), motivation);
}

static int md_decision(void *arg, const struct mc_decision *x)
{
	struct md *w = arg;
	entry_head(w, _("Decision"), x->acute ? _("acute path") : NULL, &x->e);
	if (*x->weighing_id)
		field(w, _("Based on"), label_of(w, x->weighing_id));
	md_question(w, 3, x->q3, x->q3_motivation);
	md_question(w, 4, x->q4, x->q4_motivation);
	md_question(w, 5, x->q5, x->q5_motivation);
	if (x->with_vt)
		field(w, _("Questions 3 to 5"), _("answered together with Veilig Thuis"));
	field(w, _("The afwegingskader requires melden"), x->melden_required ? _("yes") : _("no"));
	field(w, _("Decision: melden"), x->melden ? _("yes") : _("no"));
	block(w, _("Motivation"), x->melden_motivation);
	field(w, _("Decision: help"), x->hulp ? _("yes") : _("no"));
	block(w, _("Motivation"), x->hulp_motivation);
	if (x->deviation) {
		block(w, _("Deviation from the afwegingskader"), x->deviation_motivation);
		field(w, _("Gedragswetenschapper"), x->reviews ? _("reviewed") : _("review pending"));
	}
	return 0;
}

/* The approval of the melding (an escalation "melding Veilig Thuis"). */
static int md_escalation(void *arg, const struct escalation *e)
{
	struct md *w = arg;
	char text[200 + CASUS_LOGIN_MAX];
	snprintf(text, sizeof text, "%s%s%s%s", escalation_status_label(e->status),
		e->decided_by_login[0] ? " (" : "", e->decided_by_login,
		e->decided_by_login[0] ? ")" : "");
	field(w, _("Approval of the melding"), text);
	if (e->acted_before_approval)
		field(w, _("Acted before approval"), e->acted_at);
	return 0;
}

static int md_review(void *arg, const struct mc_review *x)
{
	struct md *w = arg;
	entry_head(w, _("Review of a deviation"), x->agreed ? _("agreed") : _("disagreed"), &x->e);
	field(w, _("Decision"), label_of(w, x->decision_id));
	block(w, _("Note"), x->note);
	return 0;
}

static int md_event(void *arg, const struct mc_event *x)
{
	struct md *w = arg;
	entry_head(w, _("Follow-up"), mc_event_label(x->kind), &x->e);
	field(w, x->kind == MC_EV_HELP_FOLLOWUP ? _("Planned for") : _("Date"), x->on);
	if (x->kind == MC_EV_DISCUSSED) {
		field(w, _("Discussed with"), mc_band_label(x->with));
		field(w, _("Advised by age"), mc_band_label(x->advised));
	}
	if (x->kind == MC_EV_EXCEPTION)
		field(w, _("Exception"), mc_exception_label(x->exception));
	field(w, _("Manager"), x->person_name);
	field(w, _("Veilig Thuis reference"), x->reference);
	field(w, _("First feedback expected"), x->due1);
	field(w, _("Second feedback expected"), x->due2);
	if (x->kind == MC_EV_VT_FEEDBACK)
		field(w, _("Feedback"), x->feedback_no == 1 ? _("first (safety assessment)")
							    : _("second (after investigation)"));
	if (x->kind == MC_EV_HELP_CHECKED)
		field(w, _("Violence"), x->result == MC_HELP_STOPPED ? _("stopped")
									 : _("continues"));
	block(w, _("Note"), x->note);
	return 0;
}

/* Why a step changed: by hand, or with an entry, a weighing or a decision. */
static const char *cause_label(const char *cause)
{
	if (strcmp(cause, "manual") == 0)
		return _("by hand");
	if (strcmp(cause, "entry") == 0)
		return _("new entry");
	if (strcmp(cause, "weighing") == 0)
		return _("weighing");
	if (strcmp(cause, "decision") == 0)
		return _("decision");
	return cause;
}

static int md_change(void *arg, const struct mc_step_change *x)
{
	struct md *w = arg;
	fprintf(w->f, "- %s: %s %d, %s → %s (%s, %s)\n", x->created_at, _("step"), x->step,
		mc_state_label(x->from), mc_state_label(x->to), cause_label(x->cause),
		x->author_login);
	if (x->to == MC_SKIPPED) {
		/* The reason stays in the record even if the skip is undone later. */
		fprintf(w->f, "  - %s: %s\n", _("Reason for skipping"), mc_skip_label(x->reason));
		for (const char *p = x->note; *p;) {
			size_t n = strcspn(p, "\n");
			fprintf(w->f, "    > %.*s\n", (int)n, p);
			p += n + (p[n] == '\n');
		}
	}
	w->blank = false;
	return 0;
}

static int md_child(void *arg, const struct mc_child *c)
{
	struct md *w = arg;
	w->n++;
	fprintf(w->f, "  - %s %s", c->given_name, c->family_name);
	if (c->age >= 0)
		fprintf(w->f, " (%s %s, %d %s)", _("born"), c->birth_date, c->age, _("years"));
	fputc('\n', w->f);
	return 0;
}

/* ---- a trajectory ---- */

static void md_step_head(struct md *w, const struct meldcode_step *s)
{
	w->n = 0;
	char title[200];
	snprintf(title, sizeof title, "%s %d: %s", _("Step"), s->step, mc_step_label(s->step));
	heading(w, "###", title);
	field(w, _("State"), mc_state_label(s->state));
	if (s->state == MC_SKIPPED) {
		field(w, _("Reason for skipping"), mc_skip_label(s->skip_reason));
		block(w, _("Explanation"), s->skip_note);
	}
}

static enum casus_rc md_header(struct md *w, const struct meldcode *m, int n,
	struct casus_err *err)
{
	char title[100];
	snprintf(title, sizeof title, "%s %d", _("Trajectory"), n);
	heading(w, "##", title);
	char who[2 * FAMILY_TEXT_MAX + 100];
	snprintf(who, sizeof who, "%s, %s (%s)", m->opened_at, m->opened_by_name,
		m->opened_by_login);
	field(w, _("Opened"), who);
	field(w, _("Status"), mc_outcome_label(m->outcome));
	if (!m->open) {
		snprintf(who, sizeof who, "%s, %s", m->closed_at, m->closed_by_login);
		field(w, _("Closed"), who);
		block(w, _("Closing note"), m->close_note);
	}
	if (m->client == MC_CLIENT_ADULT) {
		struct person p;
		if (person_get(w->ctx, m->adult_id, &p, err))
			return err->rc;
		snprintf(who, sizeof who, "%s %s", p.given_name, p.family_name);
		field(w, _("Adult client"), who);
	}
	fprintf(w->f, "- **%s:**\n", _("Children concerned"));
	w->blank = false;
	w->n = 0;
	enum casus_rc r = meldcode_children_each(w->ctx, m->id, md_child, w, err);
	if (!r && w->n == 0)
		fprintf(w->f, "  - %s\n", _("none named"));
	return r;
}

static enum casus_rc md_trajectory(struct md *w, const struct meldcode *m, int n,
	struct casus_err *err)
{
	struct meldcode_step s[MC_STEPS];
	struct casus_ctx *ctx = w->ctx;
	const char *id = m->id;
	enum casus_rc r;
	if ((r = md_header(w, m, n, err)) || (r = meldcode_steps(ctx, id, s, err)))
		return r;
	w->n = 0;
	heading(w, "###", _("Acute danger"));
	if ((r = meldcode_acutes(ctx, id, md_acute, w, err)))
		return r;
	if (w->n == 0) {
		fprintf(w->f, "%s\n", _("None recorded."));
		w->blank = false;
	}
	md_step_head(w, &s[0]);
	if ((r = meldcode_signals(ctx, id, md_signal, w, err)))
		return r;
	w->n = 0;
	if ((r = meldcode_kindchecks(ctx, id, md_kindcheck, w, err)))
		return r;
	md_step_head(w, &s[1]);
	if ((r = meldcode_consultations(ctx, id, md_consultation, w, err)))
		return r;
	md_step_head(w, &s[2]);
	if ((r = meldcode_conversations(ctx, id, md_conversation, w, err)))
		return r;
	md_step_head(w, &s[3]);
	if ((r = meldcode_weighings(ctx, id, md_weighing, w, err)))
		return r;
	md_step_head(w, &s[4]);
	if ((r = meldcode_decisions(ctx, id, md_decision, w, err)))
		return r;
	struct escalation_filter f = { .status = -1, .kind = ESC_VEILIG_THUIS, .meldcode_id = id };
	if ((r = escalation_list_each(ctx, &f, md_escalation, w, err)))
		return r;
	w->n = 0;
	if ((r = meldcode_reviews(ctx, id, md_review, w, err)))
		return r;
	w->n = 0;
	if ((r = meldcode_events(ctx, id, md_event, w, err)))
		return r;
	heading(w, "###", _("Step history"));
	return meldcode_step_log(ctx, id, md_change, w, err);
}

/* ---- the export ---- */

struct traj_list {
	struct meldcode *items;
	size_t n, cap;
	bool nomem;
};

static int collect(void *arg, const struct meldcode *m)
{
	struct traj_list *l = arg;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		void *p = realloc(l->items, cap * sizeof *l->items);
		if (!p) {
			l->nomem = true;
			return 1;
		}
		l->items = p;
		l->cap = cap;
	}
	l->items[l->n++] = *m;
	return 0;
}

static enum casus_rc write_md(struct casus_ctx *ctx, const struct family *fam,
	const struct traj_list *l, FILE *out, struct casus_err *err)
{
	struct md w = { .ctx = ctx, .f = out };
	char now[21], who[2 * FAMILY_TEXT_MAX + 100];
	enum casus_rc r = CASUS_OK;
	clock_now_iso(now);
	fprintf(out, "# %s\n\n", _("Meldcode: dossier record"));
	w.blank = true;
	snprintf(who, sizeof who, "%s (%s)", fam->display_name, fam->case_no);
	field(&w, _("Family"), who);
	snprintf(who, sizeof who, "%s, %s (%s)", now, ctx->user.name, ctx->user.login);
	field(&w, _("Exported"), who);
	if (l->n == 0)
		fprintf(out, "\n%s\n", _("This family has no meldcode trajectory."));
	for (size_t i = 0; i < l->n && !r; i++)
		r = md_trajectory(&w, &l->items[i], (int)i + 1, err);
	free(w.labels);
	return r;
}

/* The document without its access-log row (the dossier export logs itself). */
enum casus_rc meldcode_export_doc(struct casus_ctx *ctx, const struct family *fam,
	enum meldcode_format format, const char *lang, FILE *out, struct casus_err *err)
{
	struct traj_list l = { 0 };
	char saved[8];
	enum casus_rc r;
	if ((r = meldcode_each(ctx, fam->id, collect, &l, err)))
		goto done;
	if (l.nomem) {
		r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
		goto done;
	}
	snprintf(saved, sizeof saved, "%s", i18n_lang());
	if (format == MELDCODE_MD && i18n_set_lang(lang && *lang ? lang : "nl") != 0) {
		r = err_set(err, CASUS_E_INVALID, _("Unknown language '%.8s' (nl, en)."), lang);
		goto done;
	}
	r = format == MELDCODE_JSON ? mc_export_json(ctx, fam, l.items, l.n, out, err)
				    : write_md(ctx, fam, &l, out, err);
	i18n_set_lang(saved);
	if (!r && (fflush(out) != 0 || ferror(out)))
		r = err_set(err, CASUS_E_IO, _("Writing the export failed."));
done:
	free(l.items);
	return r;
}

enum casus_rc meldcode_export(struct casus_ctx *ctx, const char *family,
	enum meldcode_format format, const char *lang, FILE *out, struct casus_err *err)
{
	struct family fam;
	enum casus_rc r;
	if (!ctx->user.id[0])
		return err_set(err, CASUS_E_PERM, _("You are not identified as a team member."));
	if ((r = family_get(ctx, family, &fam, err))
	    || (r = meldcode_export_doc(ctx, &fam, format, lang, out, err)))
		return r;
	return audit_log(ctx, AUDIT_EXPORT, fam.id, "meldcode", NULL,
		format == MELDCODE_JSON ? "json" : lang && strcmp(lang, "en") == 0 ? "md en"
										    : "md nl", err);
}
