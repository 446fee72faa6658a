/* casus meeting: the dispatcher of the meeting commands, and planning: `meeting list`,
 * `new`, `propose`, `agenda`, `attend` and `inbreng`. Running a meeting (start,
 * finish, items, minutes) is in cli_meeting_run.c, the minutes export in
 * cli_meeting_export.c. Core enforces every rule (who may plan, run and record); the
 * CLI turns options into core calls. Items are named by their meeting (id, id prefix
 * or date) and their position on the agenda. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/meeting.h"
#include "cli.h"
#include "cli_meeting.h"

static const struct cli_cmd meeting_cmd = {
	"meeting",
	N_("casus meeting [COMMAND ...]"),
	N_("The weekly case meeting (casuïstiekoverleg). Without a command: meeting mode of\n"
	   "the full-screen interface on the next meeting. A meeting is named by its id, the\n"
	   "first 8 characters of it, or its date; an agenda item by its meeting and its\n"
	   "position (casus meeting agenda MEETING).\n"
	   "\n"
	   "  casus meeting list [--format F]                   every meeting, newest first\n"
	   "  casus meeting new --date DATE --chair LOGIN --minutes LOGIN\n"
	   "  casus meeting propose MEETING                     let casus propose the agenda\n"
	   "  casus meeting agenda MEETING [--format F]         the agenda\n"
	   "  casus meeting attend MEETING LOGIN | --guest NAME --role ROLE\n"
	   "  casus meeting inbreng CASE_NO QUESTION            bring a family in\n"
	   "  casus meeting start|finish [--move-open] MEETING\n"
	   "  casus meeting item MEETING POS start|done|skip|round|move\n"
	   "  casus meeting reorder MEETING POS NEW_POS\n"
	   "  casus meeting note MEETING POS TEXT\n"
	   "  casus meeting decide MEETING POS TEXT [--owner LOGIN] [--due DATE]\n"
	   "  casus meeting action MEETING POS TEXT --owner LOGIN [--due DATE]\n"
	   "The minutes: casus export minutes MEETING. Team issues: casus team-issue.\n"
	   "See casus meeting COMMAND --help."),
};

static const struct cli_cmd list_cmd = {
	"meeting list",
	N_("casus meeting list [--format table|tsv|json]"),
	N_("Every meeting, newest date first.\n"
	   "TSV columns: id, held_on, status, chair, minutes, items, planned_minutes,\n"
	   "started_at, finished_at, rev.\n"
	   "\n"
	   "  --format F   table (default), tsv or json"),
};

static const struct cli_cmd new_cmd = {
	"meeting new",
	N_("casus meeting new --date DATE --chair LOGIN --minutes LOGIN"),
	N_("Plan a meeting and print its id. Chair and minute-taker (notulist) are active\n"
	   "team members (they may be the same) and become attendees.\n"
	   "\n"
	   "  --date DATE      YYYY-MM-DD (required)\n"
	   "  --chair LOGIN    the chair (required)\n"
	   "  --minutes LOGIN  the minute-taker (required)"),
};

static const struct cli_cmd propose_cmd = {
	"meeting propose",
	N_("casus meeting propose MEETING"),
	N_("Propose the agenda of a planned meeting: open actions of earlier meetings, new\n"
	   "aanmeldingen, casusinbreng, evaluations due, meldcode trajectories, escalations\n"
	   "and marked team issues. Proposing again adds what came in since."),
};

static const struct cli_cmd agenda_cmd = {
	"meeting agenda",
	N_("casus meeting agenda MEETING [--format table|tsv|json]"),
	N_("The agenda of a meeting in order.\n"
	   "TSV columns: position, id, kind, state, case_no, family_name, team_issue,\n"
	   "brought_by, question, round, planned_minutes, elapsed_seconds, rev.\n"
	   "\n"
	   "  --format F   table (default), tsv or json"),
};

static const struct cli_cmd attend_cmd = {
	"meeting attend",
	N_("casus meeting attend MEETING LOGIN | --guest NAME --role ROLE"),
	N_("Add a team member, or a guest with a role (such as jeugdarts), to the attendees.\n"
	   "\n"
	   "  --guest NAME   a guest's name\n"
	   "  --role ROLE    the guest's role (required with --guest)"),
};

static const struct cli_cmd inbreng_cmd = {
	"meeting inbreng",
	N_("casus meeting inbreng CASE_NO QUESTION"),
	N_("Bring your family in at the next meeting with a question (casusinbreng)."),
};

/* ---- shared ---- */

int cli_meeting_get(struct cli *cli, const char *key, struct meeting *m)
{
	return meeting_get(cli->ctx, key, m, &cli->err) ? cli_fail(cli) : 0;
}

struct find_pos {
	int pos;
	struct agenda_item *out;
	bool found;
};

static int find_pos_fn(void *arg, const struct agenda_item *it)
{
	struct find_pos *f = arg;
	if (it->position != f->pos)
		return 0;
	*f->out = *it;
	f->found = true;
	return 1;
}

int cli_meeting_item(struct cli *cli, const char *meeting, const char *pos,
	struct meeting *m, struct agenda_item *it)
{
	char *end;
	long n = strtol(pos, &end, 10);
	if (!*pos || *end || n < 1 || n > 100000) {
		fprintf(stderr, "casus: ");
		fprintf(stderr, _("the position on the agenda is a number from 1, not '%s'.\n"), pos);
		return CLI_EXIT_USAGE;
	}
	int r = cli_meeting_get(cli, meeting, m);
	if (r)
		return r;
	struct find_pos f = { (int)n, it, false };
	if (meeting_item_each(cli->ctx, m->id, find_pos_fn, &f, &cli->err))
		return cli_fail(cli);
	if (!f.found) {
		fprintf(stderr, "casus: ");
		fprintf(stderr, _("the agenda of %s has no item %ld.\n"), m->held_on, n);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

/* ---- list ---- */

enum { F_FORMAT, F_COUNT };
static const struct cli_opt format_opts[F_COUNT] = { [F_FORMAT] = { "format", true } };

static const struct out_col list_data_cols[] = {
	{ "id", "", OUT_TEXT, 0, false },
	{ "held_on", "", OUT_TEXT, 0, false },
	{ "status", "", OUT_TEXT, 0, false },
	{ "chair", "", OUT_TEXT, 0, false },
	{ "minutes", "", OUT_TEXT, 0, false },
	{ "items", "", OUT_INT, 0, false },
	{ "planned_minutes", "", OUT_INT, 0, false },
	{ "started_at", "", OUT_OPT, 0, false },
	{ "finished_at", "", OUT_OPT, 0, false },
	{ "rev", "", OUT_INT, 0, false },
};

static int list_row(void *arg, const struct meeting *m)
{
	struct out *o = arg;
	char id[CASUS_ID_LEN], items[16], mins[16], rev[24];
	snprintf(items, sizeof items, "%d", m->n_items);
	snprintf(mins, sizeof mins, "%d", m->planned_minutes);
	snprintf(rev, sizeof rev, "%" PRId64, m->rev);
	bool table = out_fmt(o) == OUT_TABLE;
	snprintf(id, sizeof id, table ? "%.8s" : "%s", m->id);
	if (table) {
		const char *vals[] = { id, m->held_on, meeting_status_label(m->status, NULL),
			m->chair_login, m->minutes_login, items, mins };
		out_row(o, vals);
	} else {
		const char *vals[] = { id, m->held_on, meeting_status_name(m->status), m->chair_login,
			m->minutes_login, items, mins, m->started_at, m->finished_at, rev };
		out_row(o, vals);
	}
	return 0;
}

static int meeting_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[F_COUNT];
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, format_opts, F_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("meeting list", &v[F_FORMAT], true, &fmt)) || (r = cli_open(cli, true)))
		return r;
	const struct out_col table_cols[] = {
		{ "id", _("id"), OUT_TEXT, 0, false },
		{ "held_on", _("date"), OUT_TEXT, 0, false },
		{ "status", _("status"), OUT_TEXT, 0, false },
		{ "chair", _("chair"), OUT_TEXT, 0, false },
		{ "minutes", _("minutes"), OUT_TEXT, 0, false },
		{ "items", _("items"), OUT_TEXT, 0, true },
		{ "planned_minutes", _("planned min"), OUT_TEXT, 0, true },
	};
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 7)
		: out_begin(stdout, fmt, list_data_cols, 10);
	if (!o) {
		cli_close(cli);
		return CLI_EXIT_ERROR;
	}
	enum casus_rc rc = meeting_each(cli->ctx, list_row, o, &cli->err);
	long n = out_end(o);
	r = rc ? cli_fail(cli) : CLI_EXIT_OK;
	if (!rc && n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("No meetings yet."));
	cli_close(cli);
	return r;
}

/* ---- new ---- */

enum { N_DATE, N_CHAIR, N_MINUTES, N_COUNT };
static const struct cli_opt new_opts[N_COUNT] = {
	[N_DATE] = { "date", true },
	[N_CHAIR] = { "chair", true },
	[N_MINUTES] = { "minutes", true },
};

static int meeting_new_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[N_COUNT];
	int r = cli_parse(cli, &new_cmd, argc, argv, new_opts, N_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[N_DATE].set || !v[N_CHAIR].set || !v[N_MINUTES].set)
		return cli_usage_error("meeting new ", _("--date, --chair and --minutes are required"));
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting_new in = { v[N_DATE].arg, v[N_CHAIR].arg, v[N_MINUTES].arg };
	struct meeting m;
	if (meeting_plan(cli->ctx, &in, &m, &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf("%s\n", m.id);
		printf(_("Meeting of %s planned: chair %s, minutes %s.\n"), m.held_on, m.chair_login,
			m.minutes_login);
	}
	cli_close(cli);
	return r;
}

/* ---- propose ---- */

static int meeting_propose_cmd(struct cli *cli, int argc, char **argv)
{
	const char *key;
	int r = cli_parse(cli, &propose_cmd, argc, argv, NULL, 0, NULL, &key, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting m;
	int added = 0;
	if (!(r = cli_meeting_get(cli, key, &m))) {
		if (meeting_propose_agenda(cli->ctx, m.id, &added, &cli->err))
			r = cli_fail(cli);
		else
			printf(_("Agenda of %s proposed: %d new items.\n"), m.held_on, added);
	}
	cli_close(cli);
	return r;
}

/* ---- agenda ---- */

static const struct out_col agenda_data_cols[] = {
	{ "position", "", OUT_INT, 0, false },
	{ "id", "", OUT_TEXT, 0, false },
	{ "kind", "", OUT_TEXT, 0, false },
	{ "state", "", OUT_TEXT, 0, false },
	{ "case_no", "", OUT_OPT, 0, false },
	{ "family_name", "", OUT_OPT, 0, false },
	{ "team_issue", "", OUT_INT, 0, false },
	{ "brought_by", "", OUT_OPT, 0, false },
	{ "question", "", OUT_OPT, 0, false },
	{ "round", "", OUT_OPT, 0, false },
	{ "planned_minutes", "", OUT_INT, 0, false },
	{ "elapsed_seconds", "", OUT_INT, 0, false },
	{ "rev", "", OUT_INT, 0, false },
};

static int agenda_row(void *arg, const struct agenda_item *it)
{
	struct out *o = arg;
	char pos[16], ti[16], mins[16], secs[24], rev[24];
	snprintf(pos, sizeof pos, "%d", it->position);
	snprintf(ti, sizeof ti, "%d", it->team_issue_no);
	if (!it->team_issue_no)
		ti[0] = '\0';
	snprintf(mins, sizeof mins, "%d", it->planned_minutes);
	snprintf(secs, sizeof secs, "%" PRId64, meeting_item_elapsed(it, time(NULL)));
	snprintf(rev, sizeof rev, "%" PRId64, it->rev);
	const char *what = it->team_issue_no ? it->team_issue_title : it->family_name;
	if (out_fmt(o) == OUT_TABLE) {
		const char *round = it->round >= 0 ? inbreng_round_label(it->round, NULL) : "";
		const char *vals[] = { pos, agenda_kind_label(it->kind, NULL),
			agenda_state_label(it->state, NULL), it->case_no, what, it->question, round,
			mins };
		out_row(o, vals);
		return 0;
	}
	const char *vals[] = { pos, it->id, agenda_kind_name(it->kind),
		agenda_state_name(it->state), it->case_no, it->family_name, ti,
		it->brought_by_login, it->question, it->round >= 0 ? inbreng_round_name(it->round) : "",
		mins, secs, rev };
	out_row(o, vals);
	return 0;
}

static int run_agenda(struct cli *cli, const struct meeting *m, enum out_format fmt)
{
	const struct out_col table_cols[] = {
		{ "position", "#", OUT_TEXT, 0, true },
		{ "kind", _("kind"), OUT_TEXT, 0, false },
		{ "state", _("state"), OUT_TEXT, 0, false },
		{ "case_no", _("case"), OUT_TEXT, 0, false },
		{ "what", _("family or issue"), OUT_TEXT, 30, false },
		{ "question", _("question"), OUT_TEXT, 40, false },
		{ "round", _("round"), OUT_TEXT, 0, false },
		{ "planned_minutes", _("min"), OUT_TEXT, 0, true },
	};
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 8)
		: out_begin(stdout, fmt, agenda_data_cols, 13);
	if (!o)
		return CLI_EXIT_ERROR;
	enum casus_rc rc = meeting_item_each(cli->ctx, m->id, agenda_row, o, &cli->err);
	long n = out_end(o);
	if (rc)
		return cli_fail(cli);
	if (n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("The agenda is empty."));
	return CLI_EXIT_OK;
}

static int meeting_agenda_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[F_COUNT];
	enum out_format fmt;
	const char *key;
	int r = cli_parse(cli, &agenda_cmd, argc, argv, format_opts, F_COUNT, v, &key, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("meeting agenda", &v[F_FORMAT], true, &fmt)) || (r = cli_open(cli, true)))
		return r;
	struct meeting m;
	if (!(r = cli_meeting_get(cli, key, &m))) {
		if (fmt == OUT_TABLE)
			printf(_("Meeting of %s (%s), chair %s, minutes %s: %d min planned.\n"),
				m.held_on, meeting_status_label(m.status, NULL), m.chair_login,
				m.minutes_login, m.planned_minutes);
		r = run_agenda(cli, &m, fmt);
	}
	cli_close(cli);
	return r;
}

/* ---- attend ---- */

enum { A_GUEST, A_ROLE, A_COUNT };
static const struct cli_opt attend_opts[A_COUNT] = {
	[A_GUEST] = { "guest", true },
	[A_ROLE] = { "role", true },
};

static int meeting_attend_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[A_COUNT];
	const char *pos[2];
	int npos;
	int r = cli_parse(cli, &attend_cmd, argc, argv, attend_opts, A_COUNT, v, pos, 1, 2, &npos);
	if (r != CLI_CONTINUE)
		return r;
	if ((npos == 2) == v[A_GUEST].set)
		return cli_usage_error("meeting attend ", _("give a member's login or --guest NAME"));
	if (v[A_GUEST].set != v[A_ROLE].set)
		return cli_usage_error("meeting attend ", _("--role goes with --guest"));
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting m;
	if (!(r = cli_meeting_get(cli, pos[0], &m))) {
		enum casus_rc rc = npos == 2
			? meeting_attendee_add_member(cli->ctx, m.id, pos[1], NULL, &cli->err)
			: meeting_attendee_add_guest(cli->ctx, m.id, v[A_GUEST].arg, v[A_ROLE].arg, NULL,
				&cli->err);
		if (rc)
			r = cli_fail(cli);
		else
			printf(_("%s attends the meeting of %s.\n"),
				npos == 2 ? pos[1] : v[A_GUEST].arg, m.held_on);
	}
	cli_close(cli);
	return r;
}

/* ---- inbreng ---- */

static int meeting_inbreng_cmd(struct cli *cli, int argc, char **argv)
{
	const char *pos[2];
	int r = cli_parse(cli, &inbreng_cmd, argc, argv, NULL, 0, NULL, pos, 2, 2, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	if (meeting_add_inbreng(cli->ctx, pos[0], pos[1], &cli->err))
		r = cli_fail(cli);
	else
		printf(_("Family %s is brought in at the next meeting.\n"), pos[0]);
	cli_close(cli);
	return r;
}

/* ---- dispatch ---- */

static const struct {
	const char *word;
	int (*run)(struct cli *, int, char **);
} meeting_commands[] = {
	{ "list", meeting_list_cmd },
	{ "new", meeting_new_cmd },
	{ "propose", meeting_propose_cmd },
	{ "agenda", meeting_agenda_cmd },
	{ "attend", meeting_attend_cmd },
	{ "inbreng", meeting_inbreng_cmd },
	{ "start", cmd_meeting_start },
	{ "finish", cmd_meeting_finish },
	{ "item", cmd_meeting_item },
	{ "reorder", cmd_meeting_reorder },
	{ "note", cmd_meeting_note },
	{ "decide", cmd_meeting_decide },
	{ "action", cmd_meeting_action },
};

int cmd_meeting(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&meeting_cmd);
		return cli_meeting_tui(cli, argc, argv);
	}
	argv[0] = (char *)word;
	for (size_t i = 0; i < sizeof meeting_commands / sizeof meeting_commands[0]; i++)
		if (strcmp(word, meeting_commands[i].word) == 0)
			return meeting_commands[i].run(cli, argc, argv);
	return cli_usage_error("meeting ", _("unknown meeting command '%s'"), word);
}
