/* casus family phase|close|reopen|regie|edit: changes to one family. Each reads the
 * family, asks core for the change (which checks the rules, the user's role and
 * the rev it read, and writes the audit row in the same transaction) and says in
 * one line what happened. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/regie.h"
#include "casus/text.h"
#include "cli.h"

static const struct cli_cmd phase_cmd = {
	"family phase",
	N_("casus family phase CASE_NO PHASE [--reason TEXT]"),
	N_("Move a family to another phase: aanmelding, intake, plan, uitvoering or\n"
	   "afsluiting (use close and reopen for afgesloten). From intake on a family needs\n"
	   "a regievoerder. The change is kept in the phase history.\n"
	   "\n"
	   "  --reason TEXT   why (kept in the phase history)"),
};

static const struct cli_cmd close_cmd = {
	"family close",
	N_("casus family close CASE_NO --reason TEXT"),
	N_("Close a case (phase afgesloten). A closed family can only be read until it is\n"
	   "reopened.\n"
	   "\n"
	   "  --reason TEXT   why the case is closed (required)"),
};

static const struct cli_cmd reopen_cmd = {
	"family reopen",
	N_("casus family reopen CASE_NO --reason TEXT"),
	N_("Reopen a closed case: it returns to intake and counts as a re-entry.\n"
	   "\n"
	   "  --reason TEXT   why the case is reopened (required)"),
};

static const struct cli_cmd regie_cmd = {
	"family regie",
	N_("casus family regie CASE_NO LOGIN [--reason TEXT] [--assign]"),
	N_("Make LOGIN the regievoerder of a family: assigns the first one (teamleider), or\n"
	   "hands over from the current one (the current regievoerder or a teamleider).\n"
	   "There is always exactly one regievoerder; handovers are kept as history.\n"
	   "\n"
	   "  --reason TEXT   why (kept in the regie history)\n"
	   "  --assign        only assign a first regievoerder; refuse when there is one"),
};

static const struct cli_cmd edit_cmd = {
	"family edit",
	N_("casus family edit CASE_NO [--name N] [--triage L] [--framework F] [--source S] "
	   "[--kind K] [--address A] [--phone P] [--first-contact DATE] [--first-visit DATE]"),
	N_("Change a family's details. An empty value (\"\") clears triage, address, phone\n"
	   "and the dates. If somebody else saved the family in between, nothing is saved\n"
	   "and casus says who (exit code 3).\n"
	   "\n"
	   "  --name N             the family's display name\n"
	   "  --triage L           A, B, C or D\n"
	   "  --framework F        vrijwillig, drang or dwang\n"
	   "  --source S           who referred the family (see casus family add --help)\n"
	   "  --kind K             aanmelding or zorgmelding\n"
	   "  --address A, --phone P\n"
	   "  --first-contact D    date of the first contact, YYYY-MM-DD\n"
	   "  --first-visit D      date of the first home visit, YYYY-MM-DD"),
};

typedef enum casus_rc (*family_action)(struct cli *cli, struct family *f, const void *arg);

/* Open the database, read the family and run the action on it. */
static int with_family(struct cli *cli, const char *case_no, family_action act, const void *arg)
{
	int r = cli_open(cli, true);
	if (r)
		return r;
	struct family f;
	if (family_get(cli->ctx, case_no, &f, &cli->err) || act(cli, &f, arg))
		r = cli_fail(cli);
	cli_close(cli);
	return r;
}

/* ---- phase, close, reopen ---- */

struct phase_arg {
	int to; /* a phase, or -1 close, -2 reopen */
	const char *reason;
};

static enum casus_rc do_phase(struct cli *cli, struct family *f, const void *arg)
{
	const struct phase_arg *a = arg;
	enum casus_rc r;
	if (a->to == -1)
		r = family_close(cli->ctx, f, a->reason, &cli->err);
	else if (a->to == -2)
		r = family_reopen(cli->ctx, f, a->reason, &cli->err);
	else
		r = family_set_phase(cli->ctx, f, (enum family_phase)a->to, a->reason, &cli->err);
	if (!r)
		printf(_("Family %s is now in phase %s.\n"), f->case_no, family_phase_label(f->phase));
	return r;
}

enum { P_REASON, P_COUNT };
static const struct cli_opt reason_opts[P_COUNT] = { [P_REASON] = { "reason", true } };

int cmd_family_phase(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[P_COUNT];
	const char *pos[2];
	int r = cli_parse(cli, &phase_cmd, argc, argv, reason_opts, P_COUNT, v, pos, 2, 2, NULL);
	if (r != CLI_CONTINUE)
		return r;
	struct phase_arg a = { family_phase_parse(pos[1]), v[P_REASON].arg };
	if (a.to < 0)
		return cli_usage_error("family phase ", _("unknown phase '%s' (aanmelding, intake, "
			"plan, uitvoering, afsluiting or afgesloten)"), pos[1]);
	return with_family(cli, pos[0], do_phase, &a);
}

static int close_or_reopen(struct cli *cli, const struct cli_cmd *cmd, int to, int argc,
	char **argv)
{
	struct cli_val v[P_COUNT];
	const char *case_no;
	int r = cli_parse(cli, cmd, argc, argv, reason_opts, P_COUNT, v, &case_no, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[P_REASON].set) {
		char cmdp[32];
		snprintf(cmdp, sizeof cmdp, "%s ", cmd->name);
		return cli_usage_error(cmdp, _("a reason is required: --reason TEXT"));
	}
	struct phase_arg a = { to, v[P_REASON].arg };
	return with_family(cli, case_no, do_phase, &a);
}

int cmd_family_close(struct cli *cli, int argc, char **argv)
{
	return close_or_reopen(cli, &close_cmd, -1, argc, argv);
}

int cmd_family_reopen(struct cli *cli, int argc, char **argv)
{
	return close_or_reopen(cli, &reopen_cmd, -2, argc, argv);
}

/* ---- regie ---- */

struct regie_arg {
	const char *login, *reason;
	bool assign_only;
};

static enum casus_rc do_regie(struct cli *cli, struct family *f, const void *arg)
{
	const struct regie_arg *a = arg;
	enum casus_rc r = f->regie_id[0] && !a->assign_only
				  ? regie_handover(cli->ctx, f, a->login, a->reason, &cli->err)
				  : regie_assign(cli->ctx, f, a->login, a->reason, &cli->err);
	if (!r)
		printf(_("%s (%s) is now the regievoerder of family %s.\n"), f->regie_name,
			f->regie_login, f->case_no);
	return r;
}

enum { R_REASON, R_ASSIGN, R_COUNT };
static const struct cli_opt regie_opts[R_COUNT] = {
	[R_REASON] = { "reason", true },
	[R_ASSIGN] = { "assign", false },
};

int cmd_family_regie(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[R_COUNT];
	const char *pos[2];
	int r = cli_parse(cli, &regie_cmd, argc, argv, regie_opts, R_COUNT, v, pos, 2, 2, NULL);
	if (r != CLI_CONTINUE)
		return r;
	struct regie_arg a = { pos[1], v[R_REASON].arg, v[R_ASSIGN].set };
	return with_family(cli, pos[0], do_regie, &a);
}

/* ---- edit ---- */

enum { E_NAME, E_TRIAGE, E_FRAMEWORK, E_SOURCE, E_KIND, E_ADDRESS, E_PHONE, E_CONTACT, E_VISIT,
	E_COUNT };
static const struct cli_opt edit_opts[E_COUNT] = {
	[E_NAME] = { "name", true },
	[E_TRIAGE] = { "triage", true },
	[E_FRAMEWORK] = { "framework", true },
	[E_SOURCE] = { "source", true },
	[E_KIND] = { "kind", true },
	[E_ADDRESS] = { "address", true },
	[E_PHONE] = { "phone", true },
	[E_CONTACT] = { "first-contact", true },
	[E_VISIT] = { "first-visit", true },
};

/* Copy a text option into a field of struct family. Core checks the text again;
 * checking here first means an over-long value is refused as it was typed, never
 * silently cut to fit the buffer. */
static enum casus_rc set_text(const struct cli_val *v, const char *field, size_t max_chars,
	char *dst, size_t dstsz, struct casus_err *err)
{
	if (!v->set)
		return CASUS_OK;
	enum casus_rc r = text_check_optional(field, v->arg, max_chars, TEXT_LINE, err);
	if (!r && strlen(v->arg) >= dstsz)
		r = err_set(err, CASUS_E_INVALID, _("%s is too long"), field);
	if (!r)
		snprintf(dst, dstsz, "%s", v->arg);
	return r;
}

static enum casus_rc set_date(const struct cli_val *v, const char *field, char dst[11],
	struct casus_err *err)
{
	if (!v->set)
		return CASUS_OK;
	if (*v->arg && !clock_parse_date(v->arg, NULL))
		return err_set(err, CASUS_E_INVALID,
			_("%s must be a date written as YYYY-MM-DD (for example 2026-03-09), not '%.40s'."),
			field, v->arg);
	snprintf(dst, 11, "%s", v->arg);
	return CASUS_OK;
}

struct edit_arg {
	const struct cli_val *v;
	char triage;
	int framework;
};

static enum casus_rc do_edit(struct cli *cli, struct family *f, const void *arg)
{
	const struct edit_arg *a = arg;
	const struct cli_val *v = a->v;
	struct casus_err *e = &cli->err;
	if (v[E_TRIAGE].set)
		f->triage = a->triage;
	if (v[E_FRAMEWORK].set)
		f->framework = (enum family_framework)a->framework;
	if (set_text(&v[E_NAME], _("The family name"), CASUS_NAME_MAX, f->display_name,
		    sizeof f->display_name, e)
	    || set_text(&v[E_SOURCE], "source", 16, f->referral_source, sizeof f->referral_source, e)
	    || set_text(&v[E_KIND], "kind", 16, f->referral_kind, sizeof f->referral_kind, e)
	    || set_text(&v[E_ADDRESS], _("The address"), 300, f->address, sizeof f->address, e)
	    || set_text(&v[E_PHONE], _("The phone number"), 40, f->phone, sizeof f->phone, e)
	    || set_date(&v[E_CONTACT], _("The date of first contact"), f->first_contact_on, e)
	    || set_date(&v[E_VISIT], _("The date of the first home visit"), f->first_visit_on, e)
	    || family_update(cli->ctx, f, e))
		return e->rc;
	printf(_("Saved the changes to family %s.\n"), f->case_no);
	return CASUS_OK;
}

/* Options that need no database: enum values and "anything to do at all". */
static int edit_options(const struct cli_val *v, struct edit_arg *a)
{
	const char *cmd = "family edit ";
	int r = 0, any = 0;
	for (int i = 0; i < E_COUNT; i++)
		any |= v[i].set;
	if (!any)
		return cli_usage_error(cmd, _("nothing to change"));
	if ((v[E_TRIAGE].set && (r = cli_family_triage(cmd, v[E_TRIAGE].arg, &a->triage)))
	    || (v[E_FRAMEWORK].set && (r = cli_family_framework(cmd, v[E_FRAMEWORK].arg,
						&a->framework)))
	    || (v[E_SOURCE].set && (r = cli_family_source(cmd, v[E_SOURCE].arg)))
	    || (v[E_KIND].set && (r = cli_family_kind(cmd, v[E_KIND].arg))))
		return r;
	return 0;
}

int cmd_family_edit(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[E_COUNT];
	const char *case_no;
	int r = cli_parse(cli, &edit_cmd, argc, argv, edit_opts, E_COUNT, v, &case_no, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	struct edit_arg a = { v, 0, 0 };
	if ((r = edit_options(v, &a)))
		return r;
	return with_family(cli, case_no, do_edit, &a);
}
