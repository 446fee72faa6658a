/* casus family: the dispatcher of the family commands, and `family add` and
 * `family list`. The list streams from SQLite row by row (family_list_each), so it
 * works the same for 40 families or 100,000. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "cli.h"

static const struct cli_cmd family_cmd = {
	"family",
	N_("casus family COMMAND ..."),
	N_("Families (cases), by case number (2026-0042).\n"
	   "\n"
	   "  casus family add NAME [options]            register a new family\n"
	   "  casus family list [filters] [--format F]   the case list\n"
	   "  casus family show CASE_NO [--format F]     one family's dossier (logged)\n"
	   "  casus family edit CASE_NO [options]        change details\n"
	   "  casus family phase CASE_NO PHASE           move to another phase\n"
	   "  casus family close CASE_NO --reason TEXT   close the case\n"
	   "  casus family reopen CASE_NO --reason TEXT  reopen a closed case\n"
	   "  casus family regie CASE_NO LOGIN           assign or hand over regie\n"
	   "  casus family person add CASE_NO ...        add a family member\n"
	   "  casus family note list|show ...            the dossier's notes (break-glass)\n"
	   "See casus family COMMAND --help."),
};

static const struct cli_cmd add_cmd = {
	"family add",
	N_("casus family add NAME [--source S] [--kind K] [--triage A-D] [--framework F] "
	   "[--registered DATE] [--address A] [--phone P]"),
	N_("Register a new family in phase aanmelding and print its case number.\n"
	   "\n"
	   "  --source S        who referred: ouders (default), jeugdige, school, huisarts,\n"
	   "                    jeugdarts, politie, veilig_thuis, wijkteam, rechter, overig\n"
	   "  --kind K          aanmelding (default) or zorgmelding\n"
	   "  --triage L        triage level A, B, C or D\n"
	   "  --framework F     vrijwillig (default), drang or dwang\n"
	   "  --registered D    date of registration, YYYY-MM-DD (default today)\n"
	   "  --address A       address\n"
	   "  --phone P         phone number"),
};

static const struct cli_cmd list_cmd = {
	"family list",
	N_("casus family list [--phase P|--open] [--coach LOGIN|--mine|--unassigned] "
	   "[--search TEXT] [--sort KEY] [--desc] [--format table|tsv|json]"),
	N_("The case list.\n"
	   "TSV columns: case_no, name, phase, regievoerder (login), triage,\n"
	   "next_evaluation, registered.\n"
	   "\n"
	   "  --phase P        only this phase: aanmelding, intake, plan, uitvoering,\n"
	   "                   afsluiting, afgesloten\n"
	   "  --open           every family that is not closed\n"
	   "  --coach LOGIN    only families with this regievoerder\n"
	   "  --mine           only families you are regievoerder of\n"
	   "  --unassigned     only families without a regievoerder\n"
	   "  --search TEXT    words in names or the case number (\"celik\" finds Çelik);\n"
	   "                   the search is recorded in the access log\n"
	   "  --sort KEY       name (default), case, phase, regie, triage, evaluation,\n"
	   "                   registered\n"
	   "  --desc           sort the other way round\n"
	   "  --format F       table (default), tsv or json"),
};

/* ---- family add ---- */

enum { A_SOURCE, A_KIND, A_TRIAGE, A_FRAMEWORK, A_REGISTERED, A_ADDRESS, A_PHONE, A_COUNT };
static const struct cli_opt add_opts[A_COUNT] = {
	[A_SOURCE] = { "source", true },
	[A_KIND] = { "kind", true },
	[A_TRIAGE] = { "triage", true },
	[A_FRAMEWORK] = { "framework", true },
	[A_REGISTERED] = { "registered", true },
	[A_ADDRESS] = { "address", true },
	[A_PHONE] = { "phone", true },
};

/* --triage: "A".."D" (any case), or "" for none. */
int cli_family_triage(const char *cmd, const char *s, char *out)
{
	*out = 0;
	if (!*s)
		return 0;
	char c = (char)(s[0] & ~0x20);
	if (s[1] || c < 'A' || c > 'D')
		return cli_usage_error(cmd, _("the triage level must be A, B, C or D, not '%s'"), s);
	*out = c;
	return 0;
}

int cli_family_framework(const char *cmd, const char *s, int *out)
{
	*out = family_framework_parse(s);
	if (*out < 0)
		return cli_usage_error(cmd, _("unknown framework '%s' (vrijwillig, drang or dwang)"), s);
	return 0;
}

int cli_family_source(const char *cmd, const char *s)
{
	if (family_referral_source_valid(s))
		return 0;
	return cli_usage_error(cmd, _("unknown referral source '%s' (ouders, jeugdige, school, "
				      "huisarts, jeugdarts, politie, veilig_thuis, wijkteam, rechter "
				      "or overig)"), s);
}

int cli_family_kind(const char *cmd, const char *s)
{
	if (strcmp(s, "aanmelding") == 0 || strcmp(s, "zorgmelding") == 0)
		return 0;
	return cli_usage_error(cmd, _("unknown kind of referral '%s' (aanmelding or zorgmelding)"),
		s);
}

static int family_add_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[A_COUNT];
	const char *name;
	int r = cli_parse(cli, &add_cmd, argc, argv, add_opts, A_COUNT, v, &name, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	struct family_new in = {
		.display_name = name, .referral_kind = v[A_KIND].arg,
		.referral_source = v[A_SOURCE].arg, .registered_on = v[A_REGISTERED].arg,
		.address = v[A_ADDRESS].arg, .phone = v[A_PHONE].arg, .framework = -1,
	};
	if ((v[A_TRIAGE].set && (r = cli_family_triage("family add ", v[A_TRIAGE].arg, &in.triage)))
	    || (v[A_SOURCE].set && (r = cli_family_source("family add ", v[A_SOURCE].arg)))
	    || (v[A_KIND].set && (r = cli_family_kind("family add ", v[A_KIND].arg)))
	    || (v[A_FRAMEWORK].set
		&& (r = cli_family_framework("family add ", v[A_FRAMEWORK].arg, &in.framework)))
	    || (r = cli_open(cli, true)))
		return r;
	struct family f;
	if (family_add(cli->ctx, &in, &f, &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf("%s\n", f.case_no);
		r = CLI_EXIT_OK;
	}
	cli_close(cli);
	return r;
}

/* ---- family list ---- */

enum { L_PHASE, L_OPEN, L_COACH, L_MINE, L_UNASSIGNED, L_SEARCH, L_SORT, L_DESC, L_FORMAT,
	L_COUNT };
static const struct cli_opt list_opts[L_COUNT] = {
	[L_PHASE] = { "phase", true },
	[L_OPEN] = { "open", false },
	[L_COACH] = { "coach", true },
	[L_MINE] = { "mine", false },
	[L_UNASSIGNED] = { "unassigned", false },
	[L_SEARCH] = { "search", true },
	[L_SORT] = { "sort", true },
	[L_DESC] = { "desc", false },
	[L_FORMAT] = { "format", true },
};

/* The query from the options that need no database; 0 or a usage error. */
static int list_query(const struct cli_val *v, struct family_query *q)
{
	const char *cmd = "family list ";
	*q = (struct family_query){ .phase = -1, .sort = SORT_NAME };
	if (v[L_PHASE].set && v[L_OPEN].set)
		return cli_usage_error(cmd, _("--phase and --open exclude each other"));
	if (v[L_COACH].set + v[L_MINE].set + v[L_UNASSIGNED].set > 1)
		return cli_usage_error(cmd, _("use only one of --coach, --mine and --unassigned"));
	if (v[L_PHASE].set && (q->phase = family_phase_parse(v[L_PHASE].arg)) < 0)
		return cli_usage_error(cmd, _("unknown phase '%s' (aanmelding, intake, plan, "
					      "uitvoering, afsluiting or afgesloten)"), v[L_PHASE].arg);
	if (v[L_OPEN].set)
		q->phase = PHASE_COUNT;
	int sort = v[L_SORT].set ? family_sort_parse(v[L_SORT].arg) : SORT_NAME;
	if (sort < 0)
		return cli_usage_error(cmd, _("unknown sort '%s' (name, case, phase, regie, triage, "
					      "evaluation or registered)"), v[L_SORT].arg);
	q->sort = (enum family_sort)sort;
	q->descending = v[L_DESC].set;
	q->search = v[L_SEARCH].arg;
	if (v[L_UNASSIGNED].set)
		q->regie_id = "";
	return 0;
}

static int list_row(void *arg, const struct family_row *f)
{
	struct out *o = arg;
	bool table = out_fmt(o) == OUT_TABLE;
	char triage[2] = { f->triage, 0 };
	/* People get the regievoerder's name, scripts the login (JSON both). */
	const char *vals[] = {
		f->case_no, f->display_name,
		table ? family_phase_label(f->phase) : family_phase_name(f->phase),
		table ? f->regie_name : f->regie_login, triage, f->next_eval_on, f->registered_on,
		f->regie_name,
	};
	out_row(o, vals);
	return 0;
}

static int run_list(struct cli *cli, const struct family_query *q, enum out_format fmt)
{
	const struct out_col table_cols[] = {
		{ "case_no", _("case"), OUT_TEXT, 0, false },
		{ "name", _("family"), OUT_TEXT, 32, false },
		{ "phase", _("phase"), OUT_TEXT, 0, false },
		{ "regievoerder", _("regievoerder"), OUT_OPT, 24, false },
		{ "triage", _("triage"), OUT_OPT, 0, false },
		{ "next_evaluation", _("next evaluation"), OUT_OPT, 0, false },
		{ "registered", _("registered"), OUT_TEXT, 0, false },
	};
	/* TSV has the documented seven columns; JSON adds regievoerder_name. */
	static const struct out_col data_cols[] = {
		{ "case_no", "", OUT_TEXT, 0, false },
		{ "name", "", OUT_TEXT, 0, false },
		{ "phase", "", OUT_TEXT, 0, false },
		{ "regievoerder", "", OUT_OPT, 0, false },
		{ "triage", "", OUT_OPT, 0, false },
		{ "next_evaluation", "", OUT_OPT, 0, false },
		{ "registered", "", OUT_TEXT, 0, false },
		{ "regievoerder_name", "", OUT_OPT, 0, false },
	};
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 7)
					 : out_begin(stdout, fmt, data_cols, fmt == OUT_JSON ? 8 : 7);
	if (!o)
		return CLI_EXIT_ERROR;
	enum casus_rc rc = family_list_each(cli->ctx, q, list_row, o, &cli->err);
	long n = out_end(o);
	if (rc)
		return cli_fail(cli);
	if (n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("No families found."));
	return CLI_EXIT_OK;
}

static int family_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[L_COUNT];
	struct family_query q;
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, list_opts, L_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = list_query(v, &q)) || (r = cli_format("family list", &v[L_FORMAT], true, &fmt))
	    || (r = cli_open(cli, true)))
		return r;
	struct member m;
	if (v[L_MINE].set)
		q.regie_id = cli->ctx->user.id;
	if (v[L_COACH].set) {
		if (member_get_by_login(cli->ctx, v[L_COACH].arg, &m, &cli->err)) {
			r = cli_fail(cli);
			cli_close(cli);
			return r;
		}
		q.regie_id = m.id;
	}
	/* A search is logged (with how many families it found) before anything is shown. */
	int64_t found = 0;
	if (q.search && *q.search
	    && (family_list_count(cli->ctx, &q, &found, &cli->err)
		|| audit_search(cli->ctx, q.search, found, &cli->err)))
		r = cli_fail(cli);
	else
		r = run_list(cli, &q, fmt);
	cli_close(cli);
	return r;
}

/* ---- dispatch ---- */

static const struct {
	const char *word;
	int (*run)(struct cli *, int, char **);
} family_commands[] = {
	{ "add", family_add_cmd },
	{ "list", family_list_cmd },
	{ "show", cmd_family_show },
	{ "edit", cmd_family_edit },
	{ "phase", cmd_family_phase },
	{ "close", cmd_family_close },
	{ "reopen", cmd_family_reopen },
	{ "regie", cmd_family_regie },
	{ "person", cmd_family_person },
	{ "note", cmd_family_note },
};

int cmd_family(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&family_cmd);
		return cli_usage_error("family ", _("which family command? add, list, show, edit, "
						    "phase, close, reopen, regie, person or note"));
	}
	argv[0] = (char *)word;
	for (size_t i = 0; i < sizeof family_commands / sizeof family_commands[0]; i++)
		if (strcmp(word, family_commands[i].word) == 0)
			return family_commands[i].run(cli, argc, argv);
	return cli_usage_error("family ", _("unknown family command '%s'"), word);
}
