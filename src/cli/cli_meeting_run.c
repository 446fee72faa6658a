/* casus meeting start|finish|item|reorder|note|decide|action: running a meeting and
 * recording its minutes from the command line. Core checks who may (the chair or the
 * minute-taker; notes: any attendee) and when (the meeting running). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/meeting.h"
#include "cli.h"
#include "cli_meeting.h"
#include "tui.h"

static const struct cli_cmd start_cmd = {
	"meeting start",
	N_("casus meeting start MEETING"),
	N_("Start the meeting (chair or minute-taker). Only one meeting runs at a time."),
};

static const struct cli_cmd finish_cmd = {
	"meeting finish",
	N_("casus meeting finish [--move-open] MEETING"),
	N_("Finish the running meeting (chair or minute-taker).\n"
	   "\n"
	   "  --move-open   items still open move to the next meeting"),
};

static const struct cli_cmd item_cmd = {
	"meeting item",
	N_("casus meeting item MEETING POS start|done|skip|round|move"),
	N_("Run an agenda item of the running meeting (chair or minute-taker): start (or\n"
	   "resume) it, mark it done, skip it, take a casusinbreng to its next round\n"
	   "(inbreng, vragen, advies, keuze, besluit), or move it to the next meeting."),
};

static const struct cli_cmd reorder_cmd = {
	"meeting reorder",
	N_("casus meeting reorder MEETING POS NEW_POS"),
	N_("Move an agenda item to another position; the others shift."),
};

static const struct cli_cmd note_cmd = {
	"meeting note",
	N_("casus meeting note MEETING POS TEXT"),
	N_("Add a note to an agenda item (any attendee, the meeting planned or running)."),
};

static const struct cli_cmd decide_cmd = {
	"meeting decide",
	N_("casus meeting decide MEETING POS TEXT [--owner LOGIN] [--due DATE]"),
	N_("Record a decision (besluit) on an agenda item (chair or minute-taker, the meeting\n"
	   "running).\n"
	   "\n"
	   "  --owner LOGIN   who carries it out\n"
	   "  --due DATE      by when (YYYY-MM-DD)"),
};

static const struct cli_cmd action_cmd = {
	"meeting action",
	N_("casus meeting action MEETING POS TEXT --owner LOGIN [--due DATE]"),
	N_("Record an action (who does what by when) on an agenda item (chair or\n"
	   "minute-taker, the meeting running). An action on a family goes into the\n"
	   "family's plan.\n"
	   "\n"
	   "  --owner LOGIN   the team member who does it (required)\n"
	   "  --due DATE      by when (YYYY-MM-DD)"),
};

/* ---- start, finish ---- */

enum { S_MOVE, S_COUNT };
static const struct cli_opt finish_opts[S_COUNT] = { [S_MOVE] = { "move-open", false } };

static int start_finish(struct cli *cli, const struct cli_cmd *cmd, bool start, int argc,
	char **argv)
{
	struct cli_val v[S_COUNT] = { { false, NULL } };
	const char *key;
	int r = cli_parse(cli, cmd, argc, argv, finish_opts, start ? 0 : S_COUNT, v, &key, 1, 1,
		NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting m;
	if (!(r = cli_meeting_get(cli, key, &m))) {
		enum casus_rc rc = start ? meeting_start(cli->ctx, &m, &cli->err)
			: meeting_finish(cli->ctx, &m, v[S_MOVE].set, &cli->err);
		if (rc)
			r = cli_fail(cli);
		else
			printf(start ? _("The meeting of %s has started.\n")
				: _("The meeting of %s is finished.\n"), m.held_on);
	}
	cli_close(cli);
	return r;
}

int cmd_meeting_start(struct cli *cli, int argc, char **argv)
{
	return start_finish(cli, &start_cmd, true, argc, argv);
}

int cmd_meeting_finish(struct cli *cli, int argc, char **argv)
{
	return start_finish(cli, &finish_cmd, false, argc, argv);
}

/* ---- item ---- */

static enum casus_rc item_do(struct cli *cli, const char *what, struct agenda_item *it)
{
	if (strcmp(what, "start") == 0)
		return meeting_item_start(cli->ctx, it, &cli->err);
	if (strcmp(what, "done") == 0)
		return meeting_item_done(cli->ctx, it, &cli->err);
	if (strcmp(what, "skip") == 0)
		return meeting_item_skip(cli->ctx, it, &cli->err);
	if (strcmp(what, "round") == 0)
		return meeting_item_next_round(cli->ctx, it, &cli->err);
	return meeting_item_move_next(cli->ctx, it, &cli->err);
}

int cmd_meeting_item(struct cli *cli, int argc, char **argv)
{
	const char *pos[3];
	int r = cli_parse(cli, &item_cmd, argc, argv, NULL, 0, NULL, pos, 3, 3, NULL);
	if (r != CLI_CONTINUE)
		return r;
	static const char *const words[] = { "start", "done", "skip", "round", "move" };
	bool known = false;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		known = known || strcmp(pos[2], words[i]) == 0;
	if (!known)
		return cli_usage_error("meeting item ", _("unknown item command '%s' (start, done, "
			"skip, round or move)"), pos[2]);
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting m;
	struct agenda_item it;
	if (!(r = cli_meeting_item(cli, pos[0], pos[1], &m, &it))) {
		if (item_do(cli, pos[2], &it)) {
			r = cli_fail(cli);
		} else {
			printf(_("Item %d: %s"), it.position, agenda_state_label(it.state, NULL));
			if (it.round >= 0)
				printf(", %s", inbreng_round_label(it.round, NULL));
			printf(".\n");
		}
	}
	cli_close(cli);
	return r;
}

int cmd_meeting_reorder(struct cli *cli, int argc, char **argv)
{
	const char *pos[3];
	int r = cli_parse(cli, &reorder_cmd, argc, argv, NULL, 0, NULL, pos, 3, 3, NULL);
	if (r != CLI_CONTINUE)
		return r;
	char *end;
	long to = strtol(pos[2], &end, 10);
	if (!*pos[2] || *end || to < 1 || to > 100000)
		return cli_usage_error("meeting reorder ", _("the new position is a number from 1, "
			"not '%s'"), pos[2]);
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting m;
	struct agenda_item it;
	if (!(r = cli_meeting_item(cli, pos[0], pos[1], &m, &it))) {
		if (meeting_item_reorder(cli->ctx, &it, (int)to, &cli->err))
			r = cli_fail(cli);
		else
			printf(_("Item moved to position %d.\n"), it.position);
	}
	cli_close(cli);
	return r;
}

/* ---- minutes ---- */

int cmd_meeting_note(struct cli *cli, int argc, char **argv)
{
	const char *pos[3];
	int r = cli_parse(cli, &note_cmd, argc, argv, NULL, 0, NULL, pos, 3, 3, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting m;
	struct agenda_item it;
	if (!(r = cli_meeting_item(cli, pos[0], pos[1], &m, &it))) {
		if (meeting_note_add(cli->ctx, it.id, pos[2], NULL, &cli->err))
			r = cli_fail(cli);
		else
			printf(_("Note added to item %d.\n"), it.position);
	}
	cli_close(cli);
	return r;
}

enum { D_OWNER, D_DUE, D_COUNT };
static const struct cli_opt decide_opts[D_COUNT] = {
	[D_OWNER] = { "owner", true },
	[D_DUE] = { "due", true },
};

static enum casus_rc record(struct cli *cli, bool action, const struct agenda_item *it,
	const char *text, const struct cli_val *v)
{
	if (!action)
		return meeting_decide(cli->ctx, it->id, text, v[D_OWNER].arg, v[D_DUE].arg, NULL,
			&cli->err);
	struct meeting_action_new in = { .body = text, .owner_kind = OWNER_MEMBER,
		.owner = v[D_OWNER].arg, .due_on = v[D_DUE].arg };
	struct meeting_action out;
	enum casus_rc rc = meeting_action_add(cli->ctx, it->id, &in, &out, &cli->err);
	if (!rc && out.plan_action_id[0])
		printf(_("The action is in the plan of family %s.\n"), out.case_no);
	return rc;
}

static int decide_action(struct cli *cli, const struct cli_cmd *cmd, bool action, int argc,
	char **argv)
{
	struct cli_val v[D_COUNT];
	const char *pos[3];
	char cmdp[32];
	snprintf(cmdp, sizeof cmdp, "%s ", cmd->name);
	int r = cli_parse(cli, cmd, argc, argv, decide_opts, D_COUNT, v, pos, 3, 3, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (action && !v[D_OWNER].set)
		return cli_usage_error(cmdp, _("say who does it: --owner LOGIN"));
	if ((r = cli_open(cli, true)))
		return r;
	struct meeting m;
	struct agenda_item it;
	if (!(r = cli_meeting_item(cli, pos[0], pos[1], &m, &it))) {
		if (record(cli, action, &it, pos[2], v))
			r = cli_fail(cli);
		else
			printf(action ? _("Action recorded on item %d.\n")
				: _("Decision recorded on item %d.\n"), it.position);
	}
	cli_close(cli);
	return r;
}

int cmd_meeting_decide(struct cli *cli, int argc, char **argv)
{
	return decide_action(cli, &decide_cmd, false, argc, argv);
}

int cmd_meeting_action(struct cli *cli, int argc, char **argv)
{
	return decide_action(cli, &action_cmd, true, argc, argv);
}

/* ---- meeting mode ---- */

int cli_meeting_tui(struct cli *cli, int argc, char **argv)
{
	char **rest = calloc((size_t)argc + 2, sizeof *rest);
	int nrest = 0, r;
	if (!rest)
		return CLI_EXIT_ERROR;
	rest[nrest++] = argv[0];
	rest[nrest++] = (char *)"--meeting";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (cli_global_takes_value(a) && i + 1 >= argc) {
			free(rest);
			return cli_usage_error("meeting ", _("option '%s' needs a value"), a);
		}
		if (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0)
			cli->db_path = a[4] ? a + 5 : argv[++i];
		else if (strcmp(a, "--as") == 0 || strncmp(a, "--as=", 5) == 0)
			cli->as_login = a[4] ? a + 5 : argv[++i];
		else if (strcmp(a, "--lang") == 0 || strncmp(a, "--lang=", 7) == 0)
			cli->lang = a[6] ? a + 7 : argv[++i];
		else
			rest[nrest++] = argv[i];
	}
	rest[nrest] = NULL;
	if ((r = cli_open(cli, true)) == 0) {
		struct tui_global g = { cli->path, cli->as_login, cli->lang, true };
		r = tui_main(cli->ctx, &g, nrest, rest);
		cli_close(cli);
	}
	free(rest);
	return r;
}
