/* casus escalation show: one escalation with its whole history (who, when, what,
 * motivation). Showing it is an audited read, like opening a family's dossier: the
 * request's reasoning is about the family. Free text may have several lines; the
 * table form indents every line under its heading. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/escalation.h"
#include "casus/i18n.h"
#include "cli.h"

static const struct cli_cmd show_cmd = {
	"escalation show",
	N_("casus escalation show ID [--format table|json]"),
	N_("Show one escalation: the request and its reasoning, where it stands, the\n"
	   "decision and its motivation, and its history (every request, question, answer,\n"
	   "action and decision, with who and when). Recorded in the access log.\n"
	   "\n"
	   "  --format F   table (default) or json"),
};

enum { O_FORMAT, O_COUNT };
static const struct cli_opt show_opts[O_COUNT] = { [O_FORMAT] = { "format", true } };

/* ---- table ---- */

/* Text indented by indent spaces, every line of it. */
static void text_lines(const char *text, int indent)
{
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, "\n");
		printf("%*s%.*s\n", indent, "", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static void text_block(const char *title, const char *text)
{
	if (!*text)
		return;
	printf("\n%s\n", title);
	text_lines(text, 2);
}

static void detail(const char *label, const char *value, int width)
{
	if (!*value)
		return;
	fputs("  ", stdout);
	out_pad(stdout, label, width + 2);
	printf("%s\n", value);
}

/* "2026-11-23 09:00 by Name (login)" */
static void by(const char *iso, const char *name, const char *login, char *out, size_t outsz)
{
	char at[17], who[1100];
	cli_time(iso, at);
	if (*name)
		snprintf(who, sizeof who, "%s (%s)", name, login);
	else
		snprintf(who, sizeof who, "%s", login);
	snprintf(out, outsz, *iso ? _("%s by %s") : "%.0s%.0s", at, who);
}

static void table_details(const struct escalation *e)
{
	char family[1100], state[256], flags[128], req[1200], acted[1200], dec[1200];
	snprintf(family, sizeof family, "%s %s", e->case_no, e->family_name);
	cli_escalation_state(e, state, sizeof state);
	cli_escalation_flags(e, flags, sizeof flags);
	by(e->requested_at, e->requested_by_name, e->requested_by_login, req, sizeof req);
	by(e->acted_at, "", e->acted_by_login, acted, sizeof acted);
	by(e->decided_at, e->decided_by_name, e->decided_by_login, dec, sizeof dec);
	const char *const kv[][2] = {
		{ _("family"), family },
		{ _("status"), state },
		{ _("flags"), flags },
		{ _("urgency"), escalation_urgency_label(e->urgency) },
		{ _("level"), e->level },
		{ _("requested"), req },
		{ _("approval"), e->approval_required ? _("needed") : _("not needed (recorded as "
								       "decided by the requester)") },
		{ _("acted"), acted },
		{ _("decided"), e->approval_required ? dec : "" },
		{ _("meldcode"), e->meldcode_id },
	};
	int n = (int)(sizeof kv / sizeof kv[0]), w = 0;
	for (int i = 0; i < n; i++)
		if (out_width(kv[i][0]) > w)
			w = out_width(kv[i][0]);
	printf(_("Escalation %s: %s\n"), e->id, escalation_kind_label(e->kind));
	for (int i = 0; i < n; i++)
		detail(kv[i][0], kv[i][1], w);
	text_block(_("Reason"), e->reason);
	text_block(_("What was tried"), e->tried);
	text_block(_("What is asked"), e->asked);
	text_block(_("What was done"), e->acted_note);
	if (e->status == ESC_INFO_REQUESTED)
		text_block(_("Question waiting for an answer"), e->question);
	text_block(_("Motivation"), e->motivation);
	text_block(_("What is needed instead"), e->instead);
	printf("\n%s\n", _("History"));
}

static int table_event(void *arg, const struct escalation *e, const struct escalation_event *ev)
{
	(void)arg;
	(void)e;
	char at[17];
	cli_time(ev->at, at);
	printf("  %d. %s  %s (%s): %s", ev->seq, at, ev->by_name, ev->by_login, ev->action);
	int from = escalation_status_parse(ev->from_status);
	int to = escalation_status_parse(ev->to_status);
	if (from != to && to >= 0)
		printf(" -> %s", escalation_status_label((enum escalation_status)to));
	printf("%s\n", ev->retroactive ? _(" (retroactive)") : "");
	text_lines(ev->motivation, 5);
	if (*ev->instead) {
		printf("     %s\n", _("Instead:"));
		text_lines(ev->instead, 7);
	}
	return 0;
}

/* ---- JSON ---- */

static void json_escalation(struct json *j, const struct escalation *e)
{
	json_str(j, "id", e->id);
	json_str(j, "case_no", e->case_no);
	json_str(j, "family_name", e->family_name);
	json_str(j, "kind", escalation_kind_name(e->kind));
	json_opt(j, "level", e->level);
	json_str(j, "urgency", escalation_urgency_name(e->urgency));
	json_str(j, "status", escalation_status_name(e->status));
	json_bool(j, "approval_required", e->approval_required);
	json_bool(j, "acted_before_approval", e->acted_before_approval);
	json_bool(j, "flagged", e->flagged);
	json_bool(j, "retroactive", e->retroactive);
	json_str(j, "requested_by", e->requested_by_login);
	json_str(j, "requested_by_name", e->requested_by_name);
	json_str(j, "requested_at", e->requested_at);
	json_opt(j, "decided_by", e->decided_by_login);
	json_opt(j, "decided_by_name", e->decided_by_name);
	json_opt(j, "decided_at", e->decided_at);
	json_int(j, "decision_seconds", e->decision_seconds);
	json_str(j, "reason", e->reason);
	json_opt(j, "tried", e->tried);
	json_opt(j, "asked", e->asked);
	json_opt(j, "question", e->question);
	json_opt(j, "motivation", e->motivation);
	json_opt(j, "instead", e->instead);
	json_opt(j, "acted_by", e->acted_by_login);
	json_opt(j, "acted_at", e->acted_at);
	json_opt(j, "acted_note", e->acted_note);
	json_opt(j, "meldcode_id", e->meldcode_id);
	json_int(j, "rev", e->rev);
	json_str(j, "updated_at", e->updated_at);
	json_str(j, "updated_by", e->updated_by_login);
}

static int json_event(void *arg, const struct escalation *e, const struct escalation_event *ev)
{
	struct json *j = arg;
	(void)e;
	json_open(j, NULL, '{', true);
	json_int(j, "seq", ev->seq);
	json_str(j, "action", ev->action);
	json_opt(j, "from", ev->from_status);
	json_str(j, "to", ev->to_status);
	json_str(j, "at", ev->at);
	json_str(j, "by", ev->by_login);
	json_str(j, "by_name", ev->by_name);
	json_opt(j, "text", ev->motivation);
	json_opt(j, "instead", ev->instead);
	json_bool(j, "retroactive", ev->retroactive);
	json_close(j, '}');
	return 0;
}

/* ---- the command ---- */

static enum casus_rc show(struct cli *cli, const struct escalation *e, bool json)
{
	struct json j;
	enum casus_rc r;
	if (json) {
		json_init(&j, stdout);
		json_open(&j, NULL, '{', false);
		json_escalation(&j, e);
		json_open(&j, "events", '[', false);
		r = escalation_events_each(cli->ctx, e->id, json_event, &j, &cli->err);
		json_close(&j, ']');
		json_close(&j, '}');
		return r;
	}
	table_details(e);
	return escalation_events_each(cli->ctx, e->id, table_event, NULL, &cli->err);
}

int cmd_escalation_show(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	enum out_format fmt;
	const char *id;
	int r = cli_parse(cli, &show_cmd, argc, argv, show_opts, O_COUNT, v, &id, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("escalation show", &v[O_FORMAT], false, &fmt))
	    || (r = cli_open(cli, true)))
		return r;
	struct escalation e;
	/* The access log records the read before anything about the family is shown. */
	if (escalation_get(cli->ctx, id, &e, &cli->err)
	    || audit_log(cli->ctx, AUDIT_READ, e.family_id, "escalation", e.id, "show", &cli->err)
	    || show(cli, &e, fmt == OUT_JSON))
		r = cli_fail(cli);
	cli_close(cli);
	return r;
}
