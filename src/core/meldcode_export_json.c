/* The JSON export of a family's meldcode record: stable English keys and stored
 * enum names (never translated), every entry with its type, kind, author and time,
 * the five steps, the afwegingskader answers, both decisions and the Veilig Thuis
 * reference. Pretty-printed with two spaces so that it diffs well. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/escalation.h"
#include "casus/meldcode.h"
#include "casus/person.h"
#include "export_text.h"

#define JW_DEPTH 24

struct jw {
	struct casus_ctx *ctx;
	FILE *f;
	int depth;
	bool first[JW_DEPTH];
	bool current_only; /* for the summary sections: skip corrected entries */
	bool seen;         /* ... and whether the current entry was written */
};

static void jw_key(struct jw *w, const char *key)
{
	if (!w->first[w->depth])
		fputc(',', w->f);
	w->first[w->depth] = false;
	fprintf(w->f, "\n%*s", 2 * w->depth, "");
	if (key) {
		export_json_string(w->f, key);
		fputs(": ", w->f);
	}
}

static void jw_begin(struct jw *w, const char *key, char open)
{
	if (w->depth > 0)
		jw_key(w, key);
	fputc(open, w->f);
	if (w->depth < JW_DEPTH - 1)
		w->depth++;
	w->first[w->depth] = true;
}

static void jw_end(struct jw *w, char close)
{
	bool empty = w->first[w->depth];
	w->depth--;
	if (!empty)
		fprintf(w->f, "\n%*s", 2 * w->depth, "");
	fputc(close, w->f);
}

static void jw_str(struct jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	if (s && *s)
		export_json_string(w->f, s);
	else
		fputs("null", w->f);
}

static void jw_bool(struct jw *w, const char *key, bool b)
{
	jw_key(w, key);
	fputs(b ? "true" : "false", w->f);
}

static void jw_int(struct jw *w, const char *key, long long v)
{
	jw_key(w, key);
	fprintf(w->f, "%lld", v);
}

static void jw_answer(struct jw *w, const char *key, int answer)
{
	jw_key(w, key);
	fputs(answer == MC_YES ? "true" : answer == MC_NO ? "false" : "null", w->f);
}

static void jw_person(struct jw *w, const char *key, const char *login, const char *name)
{
	jw_begin(w, key, '{');
	jw_str(w, "login", login);
	jw_str(w, "name", name);
	jw_end(w, '}');
}

/* Open an entry object with what every entry has. */
static void jw_entry(struct jw *w, const char *type, const char *kind, const struct mc_entry *e)
{
	jw_begin(w, NULL, '{');
	jw_str(w, "id", e->id);
	jw_str(w, "type", type);
	jw_str(w, "kind", kind);
	jw_person(w, "author", e->author_login, e->author_name);
	jw_str(w, "created_at", e->created_at);
	jw_str(w, "corrects", e->corrects);
	jw_bool(w, "corrected", e->corrected);
}

/* ---- entries ---- */

static int j_signal(void *arg, const struct mc_signal *x)
{
	struct jw *w = arg;
	jw_entry(w, "signal", mc_signal_kind_name(x->kind), &x->e);
	jw_str(w, "observed_on", x->observed_on);
	jw_str(w, "observer", x->observer);
	jw_str(w, "source_kind", x->third_party ? "third_party" : "own");
	jw_str(w, "source", x->source);
	jw_str(w, "description", x->description);
	jw_str(w, "hypothesis_of", x->hypothesis_of);
	jw_str(w, "diagnosed_by", x->diagnosed_by);
	jw_str(w, "follows_up", x->follows_up);
	jw_str(w, "verdict", x->verdict == MC_CONFIRMED ? "confirmed"
			     : x->verdict == MC_REFUTED ? "refuted" : NULL);
	jw_end(w, '}');
	return 0;
}

static int j_kindcheck(void *arg, const struct mc_kindcheck *x)
{
	struct jw *w = arg;
	jw_entry(w, "kindcheck", "kindcheck", &x->e);
	jw_str(w, "minors_in_home", mc_tri_name(x->minors_in_home));
	jw_str(w, "minors_note", x->minors_note);
	jw_str(w, "partner_children", mc_tri_name(x->partner_children));
	jw_str(w, "carers", x->carers);
	jw_str(w, "pregnant", mc_tri_name(x->pregnant));
	jw_str(w, "note", x->note);
	jw_end(w, '}');
	return 0;
}

static int j_acute(void *arg, const struct mc_acute *x)
{
	struct jw *w = arg;
	jw_entry(w, "acute", mc_service_name(x->service), &x->e);
	jw_str(w, "contacted_at", x->contacted_at);
	jw_str(w, "contact_name", x->contact_name);
	jw_str(w, "reference", x->reference);
	jw_str(w, "danger", x->danger);
	jw_end(w, '}');
	return 0;
}

static int j_consultation(void *arg, const struct mc_consultation *x)
{
	struct jw *w = arg;
	jw_entry(w, "consultation", mc_consult_name(x->with), &x->e);
	jw_str(w, "with_name", x->with_name);
	jw_bool(w, "anonymous", x->anonymous);
	jw_str(w, "held_on", x->held_on);
	jw_str(w, "question", x->question);
	jw_str(w, "advice", x->advice);
	jw_end(w, '}');
	return 0;
}

static int j_conversation(void *arg, const struct mc_conversation *x)
{
	struct jw *w = arg;
	jw_entry(w, "conversation", mc_talk_name(x->with), &x->e);
	jw_str(w, "participants", x->participants);
	jw_str(w, "held_on", x->held_on);
	jw_str(w, "said", x->said);
	jw_str(w, "reaction", x->reaction);
	jw_end(w, '}');
	return 0;
}

static void j_q2(struct jw *w, const struct mc_weighing *x)
{
	jw_begin(w, "q2", '{');
	jw_answer(w, "answer", x->q2);
	jw_bool(w, "acute", x->q2_acute);
	jw_bool(w, "structural", x->q2_structural);
	jw_bool(w, "disclosure", x->q2_disclosure);
	jw_str(w, "motivation", x->q2_motivation);
	jw_end(w, '}');
}

static void j_question(struct jw *w, const char *key, int answer, const char *motivation)
{
	jw_begin(w, key, '{');
	jw_answer(w, "answer", answer);
	jw_str(w, "motivation", motivation);
	jw_end(w, '}');
}

static int j_weighing(void *arg, const struct mc_weighing *x)
{
	struct jw *w = arg;
	if (w->current_only) {
		if (x->e.corrected)
			return 0;
		w->seen = true;
		jw_str(w, "weighing_id", x->e.id);
		j_question(w, "q1", x->q1, x->q1_motivation);
		j_q2(w, x);
		return 0;
	}
	jw_entry(w, "weighing", mc_instrument_name(x->instrument), &x->e);
	jw_str(w, "instrument", mc_instrument_name(x->instrument));
	jw_str(w, "instrument_name", x->instrument_name);
	jw_str(w, "instrument_outcome", x->instrument_outcome);
	j_question(w, "q1", x->q1, x->q1_motivation);
	j_q2(w, x);
	jw_end(w, '}');
	return 0;
}

static void j_decision_body(struct jw *w, const struct mc_decision *x)
{
	jw_begin(w, "melden", '{');
	jw_bool(w, "decision", x->melden);
	jw_str(w, "motivation", x->melden_motivation);
	jw_end(w, '}');
	jw_begin(w, "hulp", '{');
	jw_bool(w, "decision", x->hulp);
	jw_str(w, "motivation", x->hulp_motivation);
	jw_end(w, '}');
	jw_bool(w, "acute", x->acute);
	jw_bool(w, "melden_required", x->melden_required);
	jw_answer(w, "hulp_expected", x->hulp_expected);
	if (!x->deviation) {
		jw_str(w, "deviation", NULL);
		return;
	}
	jw_begin(w, "deviation", '{');
	jw_str(w, "motivation", x->deviation_motivation);
	jw_bool(w, "reviewed", x->reviews > 0);
	jw_end(w, '}');
}

static int j_decision(void *arg, const struct mc_decision *x)
{
	struct jw *w = arg;
	if (w->current_only) {
		if (x->e.corrected)
			return 0;
		w->seen = true;
		jw_begin(w, "decisions", '{');
		jw_str(w, "decision_id", x->e.id);
		j_decision_body(w, x);
		jw_end(w, '}');
		return 0;
	}
	jw_entry(w, "decision", x->acute ? "acute" : "afwegingskader", &x->e);
	jw_str(w, "weighing_id", x->weighing_id);
	j_question(w, "q3", x->q3, x->q3_motivation);
	j_question(w, "q4", x->q4, x->q4_motivation);
	j_question(w, "q5", x->q5, x->q5_motivation);
	jw_bool(w, "with_veilig_thuis", x->with_vt);
	j_decision_body(w, x);
	jw_end(w, '}');
	return 0;
}

/* Q3-5 of the current decision, inside the afwegingskader object. */
static int j_decision_questions(void *arg, const struct mc_decision *x)
{
	struct jw *w = arg;
	if (x->e.corrected)
		return 0;
	w->seen = true;
	j_question(w, "q3", x->q3, x->q3_motivation);
	j_question(w, "q4", x->q4, x->q4_motivation);
	j_question(w, "q5", x->q5, x->q5_motivation);
	jw_bool(w, "with_veilig_thuis", x->with_vt);
	jw_bool(w, "melden_required", x->melden_required);
	jw_answer(w, "hulp_expected", x->hulp_expected);
	return 0;
}

static int j_review(void *arg, const struct mc_review *x)
{
	struct jw *w = arg;
	jw_entry(w, "review", x->agreed ? "agreed" : "disagreed", &x->e);
	jw_str(w, "decision_id", x->decision_id);
	jw_str(w, "note", x->note);
	jw_end(w, '}');
	return 0;
}

static int j_event(void *arg, const struct mc_event *x)
{
	struct jw *w = arg;
	jw_entry(w, "event", mc_event_name(x->kind), &x->e);
	jw_str(w, "decision_id", x->decision_id);
	jw_str(w, "on", x->on);
	jw_str(w, "with", x->kind == MC_EV_DISCUSSED ? mc_band_name(x->with) : NULL);
	jw_str(w, "advised", x->kind == MC_EV_DISCUSSED ? mc_band_name(x->advised) : NULL);
	jw_str(w, "exception", x->kind == MC_EV_EXCEPTION ? mc_exception_name(x->exception)
							    : NULL);
	jw_str(w, "manager", x->person_name);
	jw_str(w, "reference", x->reference);
	jw_str(w, "feedback_1_due", x->due1);
	jw_str(w, "feedback_2_due", x->due2);
	if (x->kind == MC_EV_VT_FEEDBACK)
		jw_int(w, "feedback_no", x->feedback_no);
	if (x->kind == MC_EV_HELP_CHECKED)
		jw_str(w, "violence", x->result == MC_HELP_STOPPED ? "stopped" : "continues");
	jw_str(w, "note", x->note);
	jw_end(w, '}');
	return 0;
}

/* The melding and the feedback moments, gathered from the current events, and the
 * approval of the melding as an escalation (the latest request). */
struct vt {
	char melded_on[11], reference[MC_REF_MAX * 4 + 1], due1[11], due2[11];
	char received[3][11];
	char approval[16], decided_by[CASUS_LOGIN_MAX + 1];
	bool retroactive;
};

static int j_vt_escalation(void *arg, const struct escalation *e)
{
	struct vt *v = arg;
	snprintf(v->approval, sizeof v->approval, "%s", escalation_status_name(e->status));
	snprintf(v->decided_by, sizeof v->decided_by, "%s", e->decided_by_login);
	v->retroactive = e->retroactive;
	return 0;
}

static int j_vt_collect(void *arg, const struct mc_event *x)
{
	struct vt *v = arg;
	if (x->e.corrected)
		return 0;
	if (x->kind == MC_EV_MELDING) {
		snprintf(v->melded_on, sizeof v->melded_on, "%s", x->on);
		snprintf(v->reference, sizeof v->reference, "%s", x->reference);
		snprintf(v->due1, sizeof v->due1, "%s", x->due1);
		snprintf(v->due2, sizeof v->due2, "%s", x->due2);
	} else if (x->kind == MC_EV_VT_FEEDBACK && (x->feedback_no == 1 || x->feedback_no == 2)) {
		snprintf(v->received[x->feedback_no], sizeof v->received[0], "%s", x->on);
	}
	return 0;
}

static int j_change(void *arg, const struct mc_step_change *x)
{
	struct jw *w = arg;
	jw_begin(w, NULL, '{');
	jw_int(w, "step", x->step);
	jw_str(w, "from", mc_state_name(x->from));
	jw_str(w, "to", mc_state_name(x->to));
	jw_str(w, "skip_reason", x->to == MC_SKIPPED ? mc_skip_name(x->reason) : NULL);
	jw_str(w, "skip_explanation", x->note);
	jw_str(w, "cause", x->cause);
	jw_person(w, "author", x->author_login, x->author_name);
	jw_str(w, "created_at", x->created_at);
	jw_end(w, '}');
	return 0;
}

static int j_child(void *arg, const struct mc_child *c)
{
	struct jw *w = arg;
	char name[1000];
	snprintf(name, sizeof name, "%s %s", c->given_name, c->family_name);
	jw_begin(w, NULL, '{');
	jw_str(w, "person_id", c->person_id);
	jw_str(w, "name", name);
	jw_str(w, "birth_date", c->birth_date);
	if (c->age >= 0)
		jw_int(w, "age", c->age);
	else
		jw_str(w, "age", NULL);
	jw_str(w, "discuss_with", mc_band_name(c->band));
	jw_end(w, '}');
	return 0;
}

/* ---- a trajectory ---- */

static enum casus_rc j_header(struct jw *w, const struct meldcode *m, struct casus_err *err)
{
	jw_str(w, "id", m->id);
	jw_str(w, "status", m->open ? "open" : "closed");
	jw_str(w, "outcome", mc_outcome_name(m->outcome));
	jw_str(w, "client", m->client == MC_CLIENT_ADULT ? "adult" : "children");
	if (m->client == MC_CLIENT_ADULT) {
		struct person p;
		char name[1000];
		if (person_get(w->ctx, m->adult_id, &p, err))
			return err->rc;
		snprintf(name, sizeof name, "%s %s", p.given_name, p.family_name);
		jw_begin(w, "adult_client", '{');
		jw_str(w, "person_id", p.id);
		jw_str(w, "name", name);
		jw_end(w, '}');
	} else {
		jw_str(w, "adult_client", NULL);
	}
	jw_str(w, "opened_at", m->opened_at);
	jw_person(w, "opened_by", m->opened_by_login, m->opened_by_name);
	jw_str(w, "closed_at", m->closed_at);
	jw_str(w, "closed_by", m->closed_by_login);
	jw_str(w, "close_note", m->close_note);
	jw_begin(w, "children", '[');
	enum casus_rc r = meldcode_children_each(w->ctx, m->id, j_child, w, err);
	jw_end(w, ']');
	return r;
}

static void j_step_open(struct jw *w, const struct meldcode_step *s)
{
	jw_begin(w, NULL, '{');
	jw_int(w, "step", s->step);
	jw_str(w, "name", mc_step_name(s->step));
	jw_str(w, "state", mc_state_name(s->state));
	jw_str(w, "skip_reason", s->state == MC_SKIPPED ? mc_skip_name(s->skip_reason) : NULL);
	jw_str(w, "skip_explanation", s->state == MC_SKIPPED ? s->skip_note : NULL);
	jw_begin(w, "entries", '[');
}

static void j_step_close(struct jw *w)
{
	jw_end(w, ']');
	jw_end(w, '}');
}

static enum casus_rc j_steps(struct jw *w, const char *id, struct casus_err *err)
{
	struct meldcode_step s[MC_STEPS];
	struct casus_ctx *ctx = w->ctx;
	enum casus_rc r = meldcode_steps(ctx, id, s, err);
	if (r)
		return r;
	jw_begin(w, "steps", '[');
	j_step_open(w, &s[0]);
	if (!(r = meldcode_signals(ctx, id, j_signal, w, err)))
		r = meldcode_kindchecks(ctx, id, j_kindcheck, w, err);
	j_step_close(w);
	j_step_open(w, &s[1]);
	if (!r)
		r = meldcode_consultations(ctx, id, j_consultation, w, err);
	j_step_close(w);
	j_step_open(w, &s[2]);
	if (!r)
		r = meldcode_conversations(ctx, id, j_conversation, w, err);
	j_step_close(w);
	j_step_open(w, &s[3]);
	if (!r)
		r = meldcode_weighings(ctx, id, j_weighing, w, err);
	j_step_close(w);
	j_step_open(w, &s[4]);
	if (!r && !(r = meldcode_decisions(ctx, id, j_decision, w, err))
	    && !(r = meldcode_reviews(ctx, id, j_review, w, err)))
		r = meldcode_events(ctx, id, j_event, w, err);
	j_step_close(w);
	jw_end(w, ']');
	return r;
}

/* Run a reader in current-only mode; returns whether it wrote the current entry. */
#define CURRENT(w, call) ((w)->seen = false, (w)->current_only = true, (call))

/* The current answers and decisions, and the melding: what a reader looks for first.
 * Keys stay the same whether or not anything was recorded yet (null then). */
static enum casus_rc j_current(struct jw *w, const char *id, struct casus_err *err)
{
	static const struct mc_weighing none_w = { .q1 = MC_UNANSWERED, .q2 = MC_UNANSWERED };
	struct vt v = { 0 };
	enum casus_rc r;
	jw_begin(w, "afwegingskader", '{');
	if (!(r = CURRENT(w, meldcode_weighings(w->ctx, id, j_weighing, w, err))) && !w->seen) {
		jw_str(w, "weighing_id", NULL);
		j_question(w, "q1", MC_UNANSWERED, NULL);
		j_q2(w, &none_w);
	}
	if (!r && !(r = CURRENT(w, meldcode_decisions(w->ctx, id, j_decision_questions, w, err)))
	    && !w->seen) {
		j_question(w, "q3", MC_UNANSWERED, NULL);
		j_question(w, "q4", MC_UNANSWERED, NULL);
		j_question(w, "q5", MC_UNANSWERED, NULL);
		jw_bool(w, "with_veilig_thuis", false);
		jw_answer(w, "melden_required", MC_UNANSWERED);
		jw_answer(w, "hulp_expected", MC_UNANSWERED);
	}
	jw_end(w, '}');
	if (!r && !(r = CURRENT(w, meldcode_decisions(w->ctx, id, j_decision, w, err)))
	    && !w->seen)
		jw_str(w, "decisions", NULL);
	w->current_only = false;
	struct escalation_filter f = { .status = -1, .kind = ESC_VEILIG_THUIS, .meldcode_id = id };
	if (r || (r = meldcode_events(w->ctx, id, j_vt_collect, &v, err))
	    || (r = escalation_list_each(w->ctx, &f, j_vt_escalation, &v, err)))
		return r;
	jw_begin(w, "veilig_thuis", '{');
	jw_str(w, "melded_on", v.melded_on);
	jw_str(w, "reference", v.reference);
	jw_str(w, "feedback_1_due", v.due1);
	jw_str(w, "feedback_1_received", v.received[1]);
	jw_str(w, "feedback_2_due", v.due2);
	jw_str(w, "feedback_2_received", v.received[2]);
	jw_str(w, "approval", v.approval);
	jw_str(w, "approval_decided_by", v.decided_by);
	jw_bool(w, "approval_retroactive", v.retroactive);
	jw_end(w, '}');
	return CASUS_OK;
}

static enum casus_rc j_trajectory(struct jw *w, const struct meldcode *m,
	struct casus_err *err)
{
	enum casus_rc r;
	jw_begin(w, NULL, '{');
	if (!(r = j_header(w, m, err))) {
		jw_begin(w, "acute", '[');
		r = meldcode_acutes(w->ctx, m->id, j_acute, w, err);
		jw_end(w, ']');
	}
	if (!r)
		r = j_steps(w, m->id, err);
	if (!r)
		r = j_current(w, m->id, err);
	if (!r) {
		jw_begin(w, "step_log", '[');
		r = meldcode_step_log(w->ctx, m->id, j_change, w, err);
		jw_end(w, ']');
	}
	jw_end(w, '}');
	return r;
}

enum casus_rc mc_export_json(struct casus_ctx *ctx, const struct family *f,
	const struct meldcode *items, size_t n, FILE *out, struct casus_err *err)
{
	struct jw w = { .ctx = ctx, .f = out };
	char now[21];
	enum casus_rc r = CASUS_OK;
	clock_now_iso(now);
	jw_begin(&w, NULL, '{');
	jw_str(&w, "format", "casus-meldcode");
	jw_int(&w, "version", 1);
	jw_str(&w, "exported_at", now);
	jw_person(&w, "exported_by", ctx->user.login, ctx->user.name);
	jw_begin(&w, "family", '{');
	jw_str(&w, "id", f->id);
	jw_str(&w, "case_no", f->case_no);
	jw_str(&w, "display_name", f->display_name);
	jw_end(&w, '}');
	jw_begin(&w, "trajectories", '[');
	for (size_t i = 0; i < n && !r; i++)
		r = j_trajectory(&w, &items[i], err);
	jw_end(&w, ']');
	jw_end(&w, '}');
	fputc('\n', out);
	return r;
}
