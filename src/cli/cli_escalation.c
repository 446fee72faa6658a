/* casus escalation: the dispatcher of the escalation commands, and `escalation list`
 * and `escalation request`. Core enforces every rule (four eyes, who may act, which
 * kinds need approval); the CLI only turns options into core calls and says in words
 * what happened. The decisions and the other changes are in cli_escalation_act.c,
 * `escalation show` in cli_escalation_show.c. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "casus/escalation.h"
#include "casus/i18n.h"
#include "cli.h"

static const struct cli_cmd escalation_cmd = {
	"escalation",
	N_("casus escalation COMMAND ..."),
	N_("Escalations of a family's case and the gedragswetenschapper's approval (four\n"
	   "eyes). IDs may be shortened to their first 8 characters.\n"
	   "\n"
	   "  casus escalation list [filters] [--format F]    escalations, or the queue\n"
	   "  casus escalation request CASE_NO --kind K --reason TEXT [options]\n"
	   "  casus escalation decide ID --approve|--reject|--ask --motivation TEXT\n"
	   "  casus escalation show ID [--format F]           one escalation and its history\n"
	   "  casus escalation act ID [--note TEXT]           acted on an acute request\n"
	   "  casus escalation answer ID --text TEXT          answer the question asked\n"
	   "  casus escalation withdraw ID [--reason TEXT]    withdraw your pending request\n"
	   "Kinds: specialistisch, veilig_thuis, raad, opschalen, crisis.\n"
	   "See casus escalation COMMAND --help."),
};

static const struct cli_cmd list_cmd = {
	"escalation list",
	N_("casus escalation list [--pending] [--family CASE_NO] [--status S] [--kind K] "
	   "[--format table|tsv|json]"),
	N_("Escalations, oldest request first; with --pending the approvals queue: what\n"
	   "waits for a decision, acute requests already acted on first, then by urgency,\n"
	   "then oldest. Flags: 'flagged' = acted on before approval and not decided yet;\n"
	   "'retroactive' = decided after it was acted on; 'no approval' = this kind needed\n"
	   "no approval when it was requested.\n"
	   "TSV columns: id, case_no, family_name, kind, level, urgency, status,\n"
	   "approval_required, acted_before_approval, flagged, retroactive, requested_by,\n"
	   "requested_at, decided_by, decided_at, decision_seconds (-1: undecided), reason,\n"
	   "tried, asked, question, motivation, instead, acted_by, acted_at, acted_note,\n"
	   "meldcode_id, rev.\n"
	   "\n"
	   "  --pending          only undecided requests (pending, info_requested), in queue\n"
	   "                     order\n"
	   "  --family CASE_NO   only this family's escalations\n"
	   "  --status S         pending, info_requested, approved, rejected or withdrawn\n"
	   "  --kind K           specialistisch, veilig_thuis, raad, opschalen or crisis\n"
	   "  --format F         table (default), tsv or json"),
};

static const struct cli_cmd request_cmd = {
	"escalation request",
	N_("casus escalation request CASE_NO --kind K --reason TEXT [--tried TEXT] [--asked TEXT] "
	   "[--urgency U] [--level L] [--acute [--acted-note TEXT]]"),
	N_("Request an escalation for an open family and print its id. Whether a\n"
	   "gedragswetenschapper must approve it depends on the team setting\n"
	   "escalation.approval.KIND; a kind that needs no approval is recorded as approved\n"
	   "at once. Safety never waits: with --acute you act now, before any approval; the\n"
	   "request stays flagged in the queue until it is decided afterwards.\n"
	   "\n"
	   "  --kind K            specialistisch, veilig_thuis (vt), raad, opschalen or crisis\n"
	   "                      (required)\n"
	   "  --reason TEXT       why (required)\n"
	   "  --tried TEXT        what was tried already\n"
	   "  --asked TEXT        what is asked\n"
	   "  --urgency U         normaal (default), hoog or acuut\n"
	   "  --level L           opschalen only (required there): one of the team setting\n"
	   "                      escalation.opschalen_levels (see casus setting list)\n"
	   "  --acute             urgency acuut, and you act on it now, before approval\n"
	   "  --acted-note TEXT   with --acute: what was done"),
};

/* ---- list ---- */

enum { L_PENDING, L_FAMILY, L_STATUS, L_KIND, L_FORMAT, L_COUNT };
static const struct cli_opt list_opts[L_COUNT] = {
	[L_PENDING] = { "pending", false },
	[L_FAMILY] = { "family", true },
	[L_STATUS] = { "status", true },
	[L_KIND] = { "kind", true },
	[L_FORMAT] = { "format", true },
};

int cli_escalation_kind(const char *cmd, const char *s)
{
	int k = escalation_kind_parse(s);
	if (k < 0)
		cli_usage_error(cmd, _("unknown kind of escalation '%s' (specialistisch, veilig_thuis, "
				       "raad, opschalen or crisis)"), s);
	return k;
}

/* The filter from the options; 0 or a usage error. */
static int list_filter(const struct cli_val *v, struct escalation_filter *f)
{
	*f = (struct escalation_filter){ .family = v[L_FAMILY].arg, .status = -1, .kind = -1,
		.open_only = v[L_PENDING].set };
	if (v[L_STATUS].set && (f->status = escalation_status_parse(v[L_STATUS].arg)) < 0)
		return cli_usage_error("escalation list ", _("unknown status '%s' (pending, "
			"info_requested, approved, rejected or withdrawn)"), v[L_STATUS].arg);
	if (v[L_KIND].set && (f->kind = cli_escalation_kind("escalation list ", v[L_KIND].arg)) < 0)
		return CLI_EXIT_USAGE;
	return 0;
}

void cli_escalation_flags(const struct escalation *e, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s%s%s%s%s", e->flagged ? _("flagged") : "",
		e->flagged && e->retroactive ? ", " : "", e->retroactive ? _("retroactive") : "",
		(e->flagged || e->retroactive) && !e->approval_required ? ", " : "",
		e->approval_required ? "" : _("no approval"));
}

static void table_row(struct out *o, const struct escalation *e)
{
	char id[9], flags[128], at[17], dec[17];
	snprintf(id, sizeof id, "%.8s", e->id);
	cli_escalation_flags(e, flags, sizeof flags);
	cli_time(e->requested_at, at);
	cli_time(e->decided_at, dec);
	const char *vals[] = { id, e->case_no, escalation_kind_name(e->kind), e->level,
		escalation_urgency_label(e->urgency), escalation_status_label(e->status), flags,
		e->requested_by_login, at, e->decided_by_login, dec };
	out_row(o, vals);
}

static int list_row(void *arg, const struct escalation *e)
{
	struct out *o = arg;
	if (out_fmt(o) == OUT_TABLE) {
		table_row(o, e);
		return 0;
	}
	char secs[24], rev[24];
	snprintf(secs, sizeof secs, "%" PRId64, e->decision_seconds);
	snprintf(rev, sizeof rev, "%" PRId64, e->rev);
	const char *vals[] = { e->id, e->case_no, e->family_name, escalation_kind_name(e->kind),
		e->level, escalation_urgency_name(e->urgency), escalation_status_name(e->status),
		e->approval_required ? "1" : "0", e->acted_before_approval ? "1" : "0",
		e->flagged ? "1" : "0", e->retroactive ? "1" : "0", e->requested_by_login,
		e->requested_at, e->decided_by_login, e->decided_at, secs, e->reason, e->tried,
		e->asked, e->question, e->motivation, e->instead, e->acted_by_login, e->acted_at,
		e->acted_note, e->meldcode_id, rev };
	out_row(o, vals);
	return 0;
}

static const struct out_col data_cols[] = {
	{ "id", "", OUT_TEXT, 0, false },
	{ "case_no", "", OUT_TEXT, 0, false },
	{ "family_name", "", OUT_TEXT, 0, false },
	{ "kind", "", OUT_TEXT, 0, false },
	{ "level", "", OUT_OPT, 0, false },
	{ "urgency", "", OUT_TEXT, 0, false },
	{ "status", "", OUT_TEXT, 0, false },
	{ "approval_required", "", OUT_BOOL, 0, false },
	{ "acted_before_approval", "", OUT_BOOL, 0, false },
	{ "flagged", "", OUT_BOOL, 0, false },
	{ "retroactive", "", OUT_BOOL, 0, false },
	{ "requested_by", "", OUT_TEXT, 0, false },
	{ "requested_at", "", OUT_TEXT, 0, false },
	{ "decided_by", "", OUT_OPT, 0, false },
	{ "decided_at", "", OUT_OPT, 0, false },
	{ "decision_seconds", "", OUT_INT, 0, false },
	{ "reason", "", OUT_TEXT, 0, false },
	{ "tried", "", OUT_OPT, 0, false },
	{ "asked", "", OUT_OPT, 0, false },
	{ "question", "", OUT_OPT, 0, false },
	{ "motivation", "", OUT_OPT, 0, false },
	{ "instead", "", OUT_OPT, 0, false },
	{ "acted_by", "", OUT_OPT, 0, false },
	{ "acted_at", "", OUT_OPT, 0, false },
	{ "acted_note", "", OUT_OPT, 0, false },
	{ "meldcode_id", "", OUT_OPT, 0, false },
	{ "rev", "", OUT_INT, 0, false },
};

static int run_list(struct cli *cli, const struct escalation_filter *f, enum out_format fmt)
{
	const struct out_col table_cols[] = {
		{ "id", _("id"), OUT_TEXT, 0, false },
		{ "case_no", _("case"), OUT_TEXT, 0, false },
		{ "kind", _("kind"), OUT_TEXT, 0, false },
		{ "level", _("level"), OUT_TEXT, 24, false },
		{ "urgency", _("urgency"), OUT_TEXT, 0, false },
		{ "status", _("status"), OUT_TEXT, 0, false },
		{ "flags", _("flags"), OUT_TEXT, 0, false },
		{ "requested_by", _("requested by"), OUT_TEXT, 0, false },
		{ "requested_at", _("requested"), OUT_TEXT, 0, false },
		{ "decided_by", _("decided by"), OUT_TEXT, 0, false },
		{ "decided_at", _("decided"), OUT_TEXT, 0, false },
	};
	struct out *o = fmt == OUT_TABLE
		? out_begin(stdout, fmt, table_cols, (int)(sizeof table_cols / sizeof *table_cols))
		: out_begin(stdout, fmt, data_cols, (int)(sizeof data_cols / sizeof *data_cols));
	if (!o)
		return CLI_EXIT_ERROR;
	enum casus_rc rc = escalation_list_each(cli->ctx, f, list_row, o, &cli->err);
	long n = out_end(o);
	if (rc)
		return cli_fail(cli);
	if (n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("No escalations found."));
	return CLI_EXIT_OK;
}

static int escalation_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[L_COUNT];
	struct escalation_filter f;
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, list_opts, L_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = list_filter(v, &f)) || (r = cli_format("escalation list", &v[L_FORMAT], true, &fmt))
	    || (r = cli_open(cli, true)))
		return r;
	r = run_list(cli, &f, fmt);
	cli_close(cli);
	return r;
}

/* ---- request ---- */

enum { R_KIND, R_REASON, R_TRIED, R_ASKED, R_URGENCY, R_LEVEL, R_ACUTE, R_NOTE, R_COUNT };
static const struct cli_opt request_opts[R_COUNT] = {
	[R_KIND] = { "kind", true },
	[R_REASON] = { "reason", true },
	[R_TRIED] = { "tried", true },
	[R_ASKED] = { "asked", true },
	[R_URGENCY] = { "urgency", true },
	[R_LEVEL] = { "level", true },
	[R_ACUTE] = { "acute", false },
	[R_NOTE] = { "acted-note", true },
};

/* The request from the options that need no database; 0 or a usage error. */
static int request_in(const struct cli_val *v, struct escalation_new *in)
{
	const char *cmd = "escalation request ";
	int k, u = URGENCY_NORMAAL;
	if (!v[R_KIND].set || !v[R_REASON].set)
		return cli_usage_error(cmd, _("--kind and --reason are required"));
	if ((k = cli_escalation_kind(cmd, v[R_KIND].arg)) < 0)
		return CLI_EXIT_USAGE;
	if (v[R_URGENCY].set && (u = escalation_urgency_parse(v[R_URGENCY].arg)) < 0)
		return cli_usage_error(cmd, _("unknown urgency '%s' (normaal, hoog or acuut)"),
			v[R_URGENCY].arg);
	if (v[R_ACUTE].set && v[R_URGENCY].set && u != URGENCY_ACUUT)
		return cli_usage_error(cmd, _("--acute means urgency acuut; it excludes --urgency %s"),
			v[R_URGENCY].arg);
	if (v[R_NOTE].set && !v[R_ACUTE].set)
		return cli_usage_error(cmd, _("--acted-note goes with --acute (what you did at once)"));
	*in = (struct escalation_new){
		.kind = (enum escalation_kind)k, .level = v[R_LEVEL].arg,
		.urgency = v[R_ACUTE].set ? URGENCY_ACUUT : (enum escalation_urgency)u,
		.reason = v[R_REASON].arg, .tried = v[R_TRIED].arg, .asked = v[R_ASKED].arg,
		.acted = v[R_ACUTE].set, .acted_note = v[R_NOTE].arg,
	};
	return 0;
}

void cli_escalation_state(const struct escalation *e, char *out, size_t outsz)
{
	const char *st = e->status == ESC_APPROVED && !e->approval_required
		? _("approved (no approval needed)") : escalation_status_label(e->status);
	snprintf(out, outsz, "%s%s%s", st, e->acted_before_approval ? ", " : "",
		e->acted_before_approval ? _("acted before approval") : "");
}

static int escalation_request_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[R_COUNT];
	struct escalation_new in;
	const char *case_no;
	int r = cli_parse(cli, &request_cmd, argc, argv, request_opts, R_COUNT, v, &case_no, 1, 1,
		NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = request_in(v, &in)) || (r = cli_open(cli, true)))
		return r;
	in.family = case_no;
	struct escalation e;
	if (escalation_request(cli->ctx, &in, &e, &cli->err)) {
		r = cli_fail(cli);
	} else {
		char state[256];
		cli_escalation_state(&e, state, sizeof state);
		printf("%s\n", e.id);
		printf(_("Escalation %.8s (%s) for family %s: %s.\n"), e.id,
			escalation_kind_label(e.kind), e.case_no, state);
	}
	cli_close(cli);
	return r;
}

/* ---- dispatch ---- */

static const struct {
	const char *word;
	int (*run)(struct cli *, int, char **);
} escalation_commands[] = {
	{ "list", escalation_list_cmd },
	{ "request", escalation_request_cmd },
	{ "decide", cmd_escalation_decide },
	{ "show", cmd_escalation_show },
	{ "act", cmd_escalation_act },
	{ "answer", cmd_escalation_answer },
	{ "withdraw", cmd_escalation_withdraw },
};

int cmd_escalation(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&escalation_cmd);
		return cli_usage_error("escalation ", _("which escalation command? list, request, "
						       "decide, show, act, answer or withdraw"));
	}
	argv[0] = (char *)word;
	for (size_t i = 0; i < sizeof escalation_commands / sizeof escalation_commands[0]; i++)
		if (strcmp(word, escalation_commands[i].word) == 0)
			return escalation_commands[i].run(cli, argc, argv);
	return cli_usage_error("escalation ", _("unknown escalation command '%s'"), word);
}
