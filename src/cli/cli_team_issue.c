/* casus team-issue list|add|set|mark: the team-issues register (way of working),
 * kept across meetings. Any active member raises, edits and marks issues; marked
 * issues go onto the next meeting's proposed agenda. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/team_issue.h"
#include "cli.h"
#include "cli_meeting.h"

static const struct cli_cmd ti_cmd = {
	"team-issue",
	N_("casus team-issue COMMAND ..."),
	N_("The team-issues register: how the team works, kept across meetings. An issue is\n"
	   "named by its number (3 or #3).\n"
	   "\n"
	   "  casus team-issue list [--all] [--format F]     the register\n"
	   "  casus team-issue add TITLE [options]           raise an issue\n"
	   "  casus team-issue set NUMBER [options]          change it\n"
	   "  casus team-issue mark NUMBER [--off]           (un)mark for the next meeting\n"
	   "See casus team-issue COMMAND --help."),
};

static const struct cli_cmd list_cmd = {
	"team-issue list",
	N_("casus team-issue list [--all] [--format table|tsv|json]"),
	N_("The register: open issues first, by priority, then number.\n"
	   "TSV columns: number, id, title, phase, priority, for_meeting, meetings,\n"
	   "proposal, decider, decision, decided_on, raised_by, rev.\n"
	   "\n"
	   "  --all        also issues that are afgerond\n"
	   "  --format F   table (default), tsv or json"),
};

static const struct cli_cmd add_cmd = {
	"team-issue add",
	N_("casus team-issue add TITLE [--description TEXT] [--priority P] [--proposal TEXT] "
	   "[--decider WHO] [--for-meeting]"),
	N_("Raise a team issue (phase open) and print its number.\n"
	   "\n"
	   "  --description TEXT   what it is about\n"
	   "  --priority P         hoog, normaal (default) or laag\n"
	   "  --proposal TEXT      the proposal\n"
	   "  --decider WHO        who decides (teamleider, gemeente, ...)\n"
	   "  --for-meeting        put it on the next meeting's agenda"),
};

static const struct cli_cmd set_cmd = {
	"team-issue set",
	N_("casus team-issue set NUMBER [--title T] [--description T] [--phase P] "
	   "[--priority P] [--proposal T] [--decider WHO] [--decision T]"),
	N_("Change a team issue. Phases: open, in_behandeling, besloten, afgerond;\n"
	   "besloten and afgerond need the decision."),
};

static const struct cli_cmd mark_cmd = {
	"team-issue mark",
	N_("casus team-issue mark NUMBER [--off]"),
	N_("Mark an issue for the next meeting's agenda (--off: unmark it)."),
};

/* ---- list ---- */

enum { L_ALL, L_FORMAT, L_COUNT };
static const struct cli_opt list_opts[L_COUNT] = {
	[L_ALL] = { "all", false },
	[L_FORMAT] = { "format", true },
};

static const struct out_col data_cols[] = {
	{ "number", "", OUT_INT, 0, false },
	{ "id", "", OUT_TEXT, 0, false },
	{ "title", "", OUT_TEXT, 0, false },
	{ "phase", "", OUT_TEXT, 0, false },
	{ "priority", "", OUT_TEXT, 0, false },
	{ "for_meeting", "", OUT_BOOL, 0, false },
	{ "meetings", "", OUT_INT, 0, false },
	{ "proposal", "", OUT_OPT, 0, false },
	{ "decider", "", OUT_OPT, 0, false },
	{ "decision", "", OUT_OPT, 0, false },
	{ "decided_on", "", OUT_OPT, 0, false },
	{ "raised_by", "", OUT_TEXT, 0, false },
	{ "rev", "", OUT_INT, 0, false },
};

static int list_row(void *arg, const struct team_issue *t)
{
	struct out *o = arg;
	char no[16], meetings[16], rev[24];
	snprintf(no, sizeof no, "%d", t->number);
	snprintf(meetings, sizeof meetings, "%d", t->meetings);
	snprintf(rev, sizeof rev, "%" PRId64, t->rev);
	if (out_fmt(o) == OUT_TABLE) {
		const char *vals[] = { no, t->title, issue_phase_label(t->phase, NULL),
			issue_priority_label(t->priority, NULL), t->for_meeting ? _("yes") : "",
			meetings, t->decision };
		out_row(o, vals);
		return 0;
	}
	const char *vals[] = { no, t->id, t->title, issue_phase_name(t->phase),
		issue_priority_name(t->priority), t->for_meeting ? "1" : "0", meetings, t->proposal,
		t->decider, t->decision, t->decided_on, t->raised_by_login, rev };
	out_row(o, vals);
	return 0;
}

static int ti_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[L_COUNT];
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, list_opts, L_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("team-issue list", &v[L_FORMAT], true, &fmt)) || (r = cli_open(cli, true)))
		return r;
	const struct out_col table_cols[] = {
		{ "number", "#", OUT_TEXT, 0, true },
		{ "title", _("issue"), OUT_TEXT, 40, false },
		{ "phase", _("phase"), OUT_TEXT, 0, false },
		{ "priority", _("priority"), OUT_TEXT, 0, false },
		{ "for_meeting", _("next meeting"), OUT_TEXT, 0, false },
		{ "meetings", _("meetings"), OUT_TEXT, 0, true },
		{ "decision", _("decision"), OUT_TEXT, 40, false },
	};
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 7)
		: out_begin(stdout, fmt, data_cols, 13);
	if (!o) {
		cli_close(cli);
		return CLI_EXIT_ERROR;
	}
	enum casus_rc rc = team_issue_each(cli->ctx, v[L_ALL].set, list_row, o, &cli->err);
	long n = out_end(o);
	r = rc ? cli_fail(cli) : CLI_EXIT_OK;
	if (!rc && n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("No team issues."));
	cli_close(cli);
	return r;
}

/* ---- add, set ---- */

enum { E_TITLE, E_DESC, E_PRIO, E_PROPOSAL, E_DECIDER, E_PHASE, E_DECISION, E_MEETING, E_COUNT };
static const struct cli_opt edit_opts[E_COUNT] = {
	[E_TITLE] = { "title", true },
	[E_DESC] = { "description", true },
	[E_PRIO] = { "priority", true },
	[E_PROPOSAL] = { "proposal", true },
	[E_DECIDER] = { "decider", true },
	[E_PHASE] = { "phase", true },
	[E_DECISION] = { "decision", true },
	[E_MEETING] = { "for-meeting", false },
};

static int parse_prio(const char *cmdp, const struct cli_val *v, int *prio)
{
	if (v[E_PRIO].set && (*prio = issue_priority_parse(v[E_PRIO].arg)) < 0)
		return cli_usage_error(cmdp, _("unknown priority '%s' (hoog, normaal or laag)"),
			v[E_PRIO].arg);
	return 0;
}

static int ti_add_cmd(struct cli *cli, int argc, char **argv)
{
	static const int add_opts[] = { E_DESC, E_PRIO, E_PROPOSAL, E_DECIDER, E_MEETING };
	struct cli_opt opts[5];
	struct cli_val v5[5], v[E_COUNT] = { { false, NULL } };
	for (int i = 0; i < 5; i++)
		opts[i] = edit_opts[add_opts[i]];
	const char *title;
	int r = cli_parse(cli, &add_cmd, argc, argv, opts, 5, v5, &title, 1, 1, NULL), prio = ISSUE_NORMAAL;
	if (r != CLI_CONTINUE)
		return r;
	for (int i = 0; i < 5; i++)
		v[add_opts[i]] = v5[i];
	if ((r = parse_prio("team-issue add ", v, &prio)) || (r = cli_open(cli, true)))
		return r;
	struct team_issue_new in = { title, v[E_DESC].arg, (enum issue_priority)prio,
		v[E_PROPOSAL].arg, v[E_DECIDER].arg, v[E_MEETING].set };
	struct team_issue t;
	if (team_issue_add(cli->ctx, &in, &t, &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf("%d\n", t.number);
		printf(_("Team issue #%d raised: %s.\n"), t.number, t.title);
	}
	cli_close(cli);
	return r;
}

static void copy_field(char *dst, size_t n, const struct cli_val *v)
{
	if (v->set)
		snprintf(dst, n, "%s", v->arg);
}

static int apply_set(const struct cli_val *v, struct team_issue *t)
{
	int prio = t->priority, phase = t->phase;
	if (parse_prio("team-issue set ", v, &prio))
		return CLI_EXIT_USAGE;
	if (v[E_PHASE].set && (phase = issue_phase_parse(v[E_PHASE].arg)) < 0)
		return cli_usage_error("team-issue set ", _("unknown phase '%s' (open, in_behandeling, "
			"besloten or afgerond)"), v[E_PHASE].arg);
	t->priority = (enum issue_priority)prio;
	t->phase = (enum issue_phase)phase;
	copy_field(t->title, sizeof t->title, &v[E_TITLE]);
	copy_field(t->description, sizeof t->description, &v[E_DESC]);
	copy_field(t->proposal, sizeof t->proposal, &v[E_PROPOSAL]);
	copy_field(t->decider, sizeof t->decider, &v[E_DECIDER]);
	copy_field(t->decision, sizeof t->decision, &v[E_DECISION]);
	return 0;
}

static int ti_set_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[E_COUNT];
	const char *key;
	int r = cli_parse(cli, &set_cmd, argc, argv, edit_opts, E_COUNT - 1, v, &key, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	v[E_MEETING].set = false;
	if ((r = cli_open(cli, true)))
		return r;
	struct team_issue t;
	if (team_issue_get(cli->ctx, key, &t, &cli->err))
		r = cli_fail(cli);
	else if (!(r = apply_set(v, &t))) {
		if (team_issue_update(cli->ctx, &t, &cli->err))
			r = cli_fail(cli);
		else
			printf(_("Team issue #%d: %s.\n"), t.number, issue_phase_label(t.phase, NULL));
	}
	cli_close(cli);
	return r;
}

/* ---- mark ---- */

enum { M_OFF, M_COUNT };
static const struct cli_opt mark_opts[M_COUNT] = { [M_OFF] = { "off", false } };

static int ti_mark_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[M_COUNT];
	const char *key;
	int r = cli_parse(cli, &mark_cmd, argc, argv, mark_opts, M_COUNT, v, &key, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	struct team_issue t;
	if (team_issue_get(cli->ctx, key, &t, &cli->err)
	    || team_issue_mark(cli->ctx, &t, !v[M_OFF].set, &cli->err))
		r = cli_fail(cli);
	else
		printf(v[M_OFF].set ? _("Team issue #%d is no longer marked for the next meeting.\n")
			: _("Team issue #%d goes on the next meeting's agenda.\n"), t.number);
	cli_close(cli);
	return r;
}

int cmd_team_issue(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&ti_cmd);
		return cli_usage_error("team-issue ", _("which command? list, add, set or mark"));
	}
	argv[0] = (char *)word;
	if (strcmp(word, "list") == 0)
		return ti_list_cmd(cli, argc, argv);
	if (strcmp(word, "add") == 0)
		return ti_add_cmd(cli, argc, argv);
	if (strcmp(word, "set") == 0)
		return ti_set_cmd(cli, argc, argv);
	if (strcmp(word, "mark") == 0)
		return ti_mark_cmd(cli, argc, argv);
	return cli_usage_error("team-issue ", _("unknown team-issue command '%s'"), word);
}
