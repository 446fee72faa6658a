/* casus escalation decide|act|answer|withdraw: the changes to one escalation. Each
 * reads the escalation by its id (or an 8+ character prefix), asks core for the
 * change (which checks four eyes, the state and the rev it read, and writes the
 * history row and the audit row in one transaction) and says in one line what
 * happened. */
#include <stdio.h>
#include <string.h>

#include "casus/escalation.h"
#include "casus/i18n.h"
#include "cli.h"

static const struct cli_cmd decide_cmd = {
	"escalation decide",
	N_("casus escalation decide ID --approve|--reject|--ask --motivation TEXT "
	   "[--instead TEXT]"),
	N_("Decide on a pending escalation as a gedragswetenschapper (four eyes): never on\n"
	   "your own request, never for a family you are the regievoerder of. A request\n"
	   "that was acted on before approval gets a retroactive decision.\n"
	   "\n"
	   "  --approve            approve it\n"
	   "  --reject             reject it; say with --instead what is needed instead\n"
	   "  --ask                ask the requester for more information; the motivation is\n"
	   "                       the question, and the request waits for their answer\n"
	   "  --motivation TEXT    why (required; with --ask: the question)\n"
	   "  --instead TEXT       with --reject (required there): what is needed instead"),
};

static const struct cli_cmd act_cmd = {
	"escalation act",
	N_("casus escalation act ID [--note TEXT]"),
	N_("Record that you acted on an acute request before it was approved (safety never\n"
	   "waits): the requester or the family's regievoerder. The request stays flagged\n"
	   "in the queue until a gedragswetenschapper decides on it afterwards.\n"
	   "\n"
	   "  --note TEXT   what was done"),
};

static const struct cli_cmd answer_cmd = {
	"escalation answer",
	N_("casus escalation answer ID --text TEXT"),
	N_("Answer the question a gedragswetenschapper asked about a request (the requester\n"
	   "or the family's regievoerder); the request waits for a decision again.\n"
	   "\n"
	   "  --text TEXT   the answer (required)"),
};

static const struct cli_cmd withdraw_cmd = {
	"escalation withdraw",
	N_("casus escalation withdraw ID [--reason TEXT]"),
	N_("Withdraw your own request while it is pending. A request that was acted on\n"
	   "before approval cannot be withdrawn: it waits for its retroactive decision.\n"
	   "\n"
	   "  --reason TEXT   why"),
};

typedef enum casus_rc (*escalation_action)(struct cli *cli, struct escalation *e,
	const void *arg);

/* Open the database, read the escalation and run the action on it. */
static int with_escalation(struct cli *cli, const char *id, escalation_action act,
	const void *arg)
{
	int r = cli_open(cli, true);
	if (r)
		return r;
	struct escalation e;
	if (escalation_get(cli->ctx, id, &e, &cli->err) || act(cli, &e, arg))
		r = cli_fail(cli);
	cli_close(cli);
	return r;
}

/* "Escalation 1a2b3c4d (report to Veilig Thuis) for family 2026-0001" */
static void what(const struct escalation *e, char *out, size_t outsz)
{
	snprintf(out, outsz, _("Escalation %.8s (%s) for family %s"), e->id,
		escalation_kind_label(e->kind), e->case_no);
}

/* ---- decide ---- */

struct decide_arg {
	enum escalation_decision d;
	const char *motivation, *instead;
};

static enum casus_rc do_decide(struct cli *cli, struct escalation *e, const void *arg)
{
	const struct decide_arg *a = arg;
	char w[1024];
	enum casus_rc r = escalation_decide(cli->ctx, e, a->d, a->motivation, a->instead,
		&cli->err);
	if (r)
		return r;
	what(e, w, sizeof w);
	if (a->d == ESC_DECIDE_ASK)
		printf(_("%s: asked %s (%s) for more information; it waits for their answer.\n"), w,
			e->requested_by_name, e->requested_by_login);
	else
		printf(_("%s: %s%s.\n"), w, escalation_status_label(e->status),
			e->retroactive ? _(" (retroactive: it was acted on before approval)") : "");
	return CASUS_OK;
}

enum { D_APPROVE, D_REJECT, D_ASK, D_MOTIVATION, D_INSTEAD, D_COUNT };
static const struct cli_opt decide_opts[D_COUNT] = {
	[D_APPROVE] = { "approve", false },
	[D_REJECT] = { "reject", false },
	[D_ASK] = { "ask", false },
	[D_MOTIVATION] = { "motivation", true },
	[D_INSTEAD] = { "instead", true },
};

int cmd_escalation_decide(struct cli *cli, int argc, char **argv)
{
	const char *cmd = "escalation decide ";
	struct cli_val v[D_COUNT];
	const char *id;
	int r = cli_parse(cli, &decide_cmd, argc, argv, decide_opts, D_COUNT, v, &id, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (v[D_APPROVE].set + v[D_REJECT].set + v[D_ASK].set != 1)
		return cli_usage_error(cmd, _("use exactly one of --approve, --reject and --ask"));
	if (!v[D_MOTIVATION].set)
		return cli_usage_error(cmd, v[D_ASK].set
			? _("--ask needs the question: --motivation TEXT")
			: _("a decision needs a motivation: --motivation TEXT"));
	if (v[D_REJECT].set && !v[D_INSTEAD].set)
		return cli_usage_error(cmd, _("a rejection says what is needed instead: --instead TEXT"));
	if (v[D_INSTEAD].set && !v[D_REJECT].set)
		return cli_usage_error(cmd, _("--instead goes with --reject"));
	struct decide_arg a = {
		v[D_APPROVE].set ? ESC_DECIDE_APPROVE : v[D_REJECT].set ? ESC_DECIDE_REJECT
									: ESC_DECIDE_ASK,
		v[D_MOTIVATION].arg, v[D_INSTEAD].arg,
	};
	return with_escalation(cli, id, do_decide, &a);
}

/* ---- act, answer, withdraw ---- */

static enum casus_rc do_act(struct cli *cli, struct escalation *e, const void *arg)
{
	char w[1024];
	enum casus_rc r = escalation_act(cli->ctx, e, arg, &cli->err);
	if (!r) {
		what(e, w, sizeof w);
		printf(_("%s: acted before approval; it stays flagged until it is decided.\n"), w);
	}
	return r;
}

static enum casus_rc do_answer(struct cli *cli, struct escalation *e, const void *arg)
{
	char w[1024];
	enum casus_rc r = escalation_answer(cli->ctx, e, arg, &cli->err);
	if (!r) {
		what(e, w, sizeof w);
		printf(_("%s: answered; it waits for a decision again.\n"), w);
	}
	return r;
}

static enum casus_rc do_withdraw(struct cli *cli, struct escalation *e, const void *arg)
{
	char w[1024];
	enum casus_rc r = escalation_withdraw(cli->ctx, e, arg, &cli->err);
	if (!r) {
		what(e, w, sizeof w);
		printf(_("%s: withdrawn.\n"), w);
	}
	return r;
}

/* The three take an id and one optional (or required) text option. */
static int one_text(struct cli *cli, const struct cli_cmd *cmd, const char *opt, bool required,
	escalation_action act, int argc, char **argv)
{
	const struct cli_opt opts[1] = { { opt, true } };
	struct cli_val v[1];
	const char *id;
	int r = cli_parse(cli, cmd, argc, argv, opts, 1, v, &id, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (required && !v[0].set) {
		char cmdp[48];
		snprintf(cmdp, sizeof cmdp, "%s ", cmd->name);
		return cli_usage_error(cmdp, _("--%s TEXT is required"), opt);
	}
	return with_escalation(cli, id, act, v[0].arg);
}

int cmd_escalation_act(struct cli *cli, int argc, char **argv)
{
	return one_text(cli, &act_cmd, "note", false, do_act, argc, argv);
}

int cmd_escalation_answer(struct cli *cli, int argc, char **argv)
{
	return one_text(cli, &answer_cmd, "text", true, do_answer, argc, argv);
}

int cmd_escalation_withdraw(struct cli *cli, int argc, char **argv)
{
	return one_text(cli, &withdraw_cmd, "reason", false, do_withdraw, argc, argv);
}
