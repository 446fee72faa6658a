/* Prompts on the message line for escalations: a chain of single-line fields (a
 * motivation, what is needed instead, a question, the parts of a request), then one
 * core call. Core checks every rule; a refusal comes back as core's message. Enter
 * takes a field, Esc cancels the whole prompt (nothing is sent). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "draw.h"
#include "view_escalation.h"

static const char *field_prompt(const struct esc_form *f)
{
	switch (f->field) {
	case F_MOTIVATION:
		return f->kind == FORM_APPROVE ? _("Approve, motivation:") : _("Reject, motivation:");
	case F_INSTEAD: return _("What is needed instead:");
	case F_QUESTION: return _("Ask the requester:");
	case F_KIND: return _("Kind (1-5):");
	case F_LEVEL: return _("Opschalen to which level:");
	case F_REASON: return _("Reason:");
	case F_TRIED: return _("What was tried:");
	case F_ASKED: return _("What is asked:");
	case F_URGENCY: return _("Urgency (1-3):");
	case F_ACT: return _("Acute: act now, before approval? (y/n):");
	case F_ACT_NOTE: return _("What was done:");
	case F_WITHDRAW_REASON: return _("Withdraw, reason (may be empty):");
	case F_ANSWER: return _("Answer:");
	default: return "?";
	}
}

static int parse_choice(const char *s, int n, int (*parse)(const char *))
{
	if (s[0] >= '1' && s[0] < '1' + n && s[1] == '\0')
		return s[0] - '1';
	return parse(s);
}

static bool yes(const char *s)
{
	return strcmp(s, "y") == 0 || strcmp(s, "j") == 0 || strcmp(s, "yes") == 0
		|| strcmp(s, "ja") == 0;
}

/* The choices of a choice field, for the status bar while it is typed. */
static void field_choices(struct app *a, enum esc_field x)
{
	char buf[600] = "";
	int n = x == F_KIND ? ESC_KIND_COUNT : x == F_URGENCY ? URGENCY_COUNT : 0;
	for (int i = 0; i < n; i++) {
		size_t o = strlen(buf);
		snprintf(buf + o, sizeof buf - o, "%s%d %s", i ? "  " : "", i + 1, x == F_KIND
			? escalation_kind_label((enum escalation_kind)i)
			: escalation_urgency_label((enum escalation_urgency)i));
	}
	if (n)
		app_message(a, false, "%s", buf);
}

/* The field after the ones filled, or F_COUNT when the form is complete. */
static enum esc_field next_field(const struct esc_form *f)
{
	static const enum esc_field request[] = { F_KIND, F_LEVEL, F_REASON, F_TRIED, F_ASKED,
		F_URGENCY, F_ACT, F_ACT_NOTE };
	switch (f->kind) {
	case FORM_APPROVE: return f->filled[F_MOTIVATION] ? F_COUNT : F_MOTIVATION;
	case FORM_REJECT:
		return !f->filled[F_MOTIVATION] ? F_MOTIVATION : !f->filled[F_INSTEAD] ? F_INSTEAD
			: F_COUNT;
	case FORM_ASK: return f->filled[F_QUESTION] ? F_COUNT : F_QUESTION;
	case FORM_WITHDRAW: return f->filled[F_WITHDRAW_REASON] ? F_COUNT : F_WITHDRAW_REASON;
	case FORM_ANSWER: return f->filled[F_ANSWER] ? F_COUNT : F_ANSWER;
	default: break;
	}
	for (size_t i = 0; i < sizeof request / sizeof request[0]; i++) {
		enum esc_field x = request[i];
		if (f->filled[x])
			continue;
		int kind = parse_choice(f->value[F_KIND], ESC_KIND_COUNT, escalation_kind_parse);
		int urg = parse_choice(f->value[F_URGENCY], URGENCY_COUNT, escalation_urgency_parse);
		if (x == F_LEVEL && kind != ESC_OPSCHALEN)
			continue;
		if (x == F_ACT && urg != URGENCY_ACUUT)
			continue;
		if (x == F_ACT_NOTE && !yes(f->value[F_ACT]))
			continue;
		return x;
	}
	return F_COUNT;
}

unsigned esc_form_start(struct app *a, enum esc_form_kind kind, const char *target_id,
	const char *family)
{
	struct esc_ui *u = esc_ui(a);
	if (!u)
		return R_PAINT_MSG;
	struct esc_form *f = &u->form;
	memset(f->filled, 0, sizeof f->filled);
	f->kind = kind;
	snprintf(f->target_id, sizeof f->target_id, "%s", target_id ? target_id : "");
	snprintf(f->family, sizeof f->family, "%s", family ? family : "");
	f->field = next_field(f);
	le_set(&f->le, "");
	a->msg[0] = '\0';
	field_choices(a, f->field);
	return R_PAINT_MSG | R_PAINT_STATUS;
}

bool esc_form_active(const struct app *a)
{
	return a->esc && a->esc->form.kind != FORM_NONE;
}

/* A field's value is acceptable (else a message says why). */
static bool field_ok(struct app *a, struct esc_form *f)
{
	const char *v = f->le.buf;
	switch (f->field) {
	case F_KIND:
		if (parse_choice(v, ESC_KIND_COUNT, escalation_kind_parse) >= 0)
			return true;
		app_message(a, true, "%s", _("Type 1 to 5, or the kind's name."));
		return false;
	case F_URGENCY:
		if (parse_choice(v, URGENCY_COUNT, escalation_urgency_parse) >= 0)
			return true;
		app_message(a, true, "%s", _("Type 1, 2 or 3."));
		return false;
	case F_ACT:
		if (yes(v) || strcmp(v, "n") == 0 || strcmp(v, "no") == 0 || strcmp(v, "nee") == 0)
			return true;
		app_message(a, true, "%s", _("Type y or n."));
		return false;
	case F_TRIED: case F_ASKED: case F_WITHDRAW_REASON:
		return true;
	default:
		/* Core says so too, but here the user can still type it. */
		if (v[strspn(v, " ")])
			return true;
		app_message(a, true, "%s", _("This cannot be empty; Esc cancels."));
		return false;
	}
}

static const char *opt(const struct esc_form *f, enum esc_field x)
{
	return f->filled[x] && f->value[x][0] ? f->value[x] : NULL;
}

static enum casus_rc submit_request(struct app *a, struct esc_form *f, struct casus_err *err)
{
	struct escalation_new in = { .family = f->family,
		.kind = (enum escalation_kind)parse_choice(f->value[F_KIND], ESC_KIND_COUNT,
			escalation_kind_parse),
		.level = opt(f, F_LEVEL),
		.urgency = (enum escalation_urgency)parse_choice(f->value[F_URGENCY], URGENCY_COUNT,
			escalation_urgency_parse),
		.reason = f->value[F_REASON], .tried = opt(f, F_TRIED), .asked = opt(f, F_ASKED),
		.acted = f->filled[F_ACT] && yes(f->value[F_ACT]), .acted_note = opt(f, F_ACT_NOTE) };
	enum casus_rc r = escalation_request(a->ctx, &in, NULL, err);
	if (r == CASUS_OK)
		app_message(a, false, in.acted ? _("Requested for %s, recorded as acted before "
			"approval; it stays flagged until a gedragswetenschapper decides.")
			: _("Requested for %s."), f->family);
	return r;
}

/* The escalation as the user saw it: the queue's selected one (its rev as read),
 * else read now. Heap: struct escalation is large. */
static struct escalation *seen(struct app *a, const char *id, struct casus_err *err)
{
	struct escalation *e = malloc(sizeof *e);
	if (!e) {
		snprintf(err->msg, sizeof err->msg, "%s", _("Out of memory."));
		return NULL;
	}
	const struct queue_state *q = &a->esc->q;
	if (q->have_cur && strcmp(q->cur.id, id) == 0) {
		*e = q->cur;
		return e;
	}
	if (escalation_get(a->ctx, id, e, err)) {
		free(e);
		return NULL;
	}
	return e;
}

static enum casus_rc submit_change(struct app *a, struct esc_form *f, enum esc_form_kind kind,
	struct casus_err *err)
{
	struct escalation *e = seen(a, f->target_id, err);
	if (!e)
		return CASUS_E_NOTFOUND;
	enum casus_rc r;
	const char *done; /* what happened, for "%s: <kind> of <case>." */
	switch (kind) {
	case FORM_APPROVE: case FORM_REJECT: case FORM_ASK:
		r = escalation_decide(a->ctx, e, kind == FORM_APPROVE ? ESC_DECIDE_APPROVE
			: kind == FORM_REJECT ? ESC_DECIDE_REJECT : ESC_DECIDE_ASK,
			kind == FORM_ASK ? f->value[F_QUESTION] : f->value[F_MOTIVATION],
			opt(f, F_INSTEAD), err);
		done = kind == FORM_APPROVE ? _("Approved") : kind == FORM_REJECT
			? _("Rejected") : _("Asked for more information; it goes back to the requester");
		break;
	case FORM_WITHDRAW:
		r = escalation_withdraw(a->ctx, e, opt(f, F_WITHDRAW_REASON), err);
		done = _("Withdrawn");
		break;
	default:
		r = escalation_answer(a->ctx, e, f->value[F_ANSWER], err);
		done = _("Answered; it is pending again");
		break;
	}
	if (r == CASUS_OK)
		app_message(a, false, _("%s: %s of %s."), done, escalation_kind_label(e->kind),
			e->case_no);
	free(e);
	return r;
}

static unsigned submit(struct app *a, struct esc_form *f)
{
	struct casus_err err;
	enum esc_form_kind kind = f->kind;
	f->kind = FORM_NONE;
	enum casus_rc r = kind == FORM_REQUEST ? submit_request(a, f, &err)
		: submit_change(a, f, kind, &err);
	if (r)
		app_message(a, true, "%s", err.msg);
	return R_RELOAD_QUEUE | R_REFRESH_LIST | R_RELOAD_FAMILY | R_PAINT_ALL;
}

unsigned esc_form_key(struct app *a, const struct key *k)
{
	struct esc_form *f = &a->esc->form;
	enum le_result res = le_key(&f->le, k);
	if (res == LE_CANCEL) {
		f->kind = FORM_NONE;
		app_message(a, false, "%s", _("Cancelled; nothing was sent."));
		return R_PAINT_MSG | R_PAINT_STATUS;
	}
	if (res != LE_ACCEPT) {
		if (res == LE_CHANGED && a->msg[0] && a->msg_error)
			a->msg[0] = '\0', a->dirty |= R_PAINT_STATUS;
		return R_PAINT_MSG;
	}
	if (!field_ok(a, f))
		return R_PAINT_MSG | R_PAINT_STATUS;
	a->msg[0] = '\0';
	le_copy(f->value[f->field], sizeof f->value[f->field], f->le.buf);
	f->filled[f->field] = true;
	f->field = next_field(f);
	if (f->field == F_COUNT)
		return submit(a, f);
	le_set(&f->le, "");
	field_choices(a, f->field);
	return R_PAINT_MSG | R_PAINT_STATUS;
}

void esc_form_paint(struct app *a, WINDOW *w)
{
	int wd = getmaxx(w);
	char prompt[300];
	draw_fill(w, 0, 0, wd, A_NORMAL);
	snprintf(prompt, sizeof prompt, "%s ", field_prompt(&a->esc->form));
	le_draw(w, 0, 0, wd, &a->esc->form.le, prompt);
}
