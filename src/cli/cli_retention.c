/* casus retention list|request|destroy: the retention term of closed dossiers and
 * their destruction. Core decides who may do what and when (retention.c,
 * retention_destroy.c); destroying asks a second time for the case number, at the
 * terminal or with --confirm. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "casus/i18n.h"
#include "casus/retention.h"
#include "cli.h"

static const struct cli_cmd ret_cmd = {
	"retention",
	N_("casus retention COMMAND ..."),
	N_("Retention of closed dossiers: kept for the term of the setting retention.years\n"
	   "after the case was closed, then destroyed; earlier when the family asks.\n"
	   "\n"
	   "  casus retention list [--format F]                    past the term, or asked\n"
	   "  casus retention request CASE_NO --by WHO [options]   record a request\n"
	   "  casus retention destroy CASE_NO --reason TEXT        destroy (teamleider)\n"
	   "See casus retention COMMAND --help."),
};

static const struct cli_cmd list_cmd = {
	"retention list",
	N_("casus retention list [--format table|tsv|json]"),
	N_("Closed families past the retention term, and families that asked for early\n"
	   "destruction. Only a teamleider may see it.\n"
	   "TSV columns: case_no, name, closed_on, keep_until, past_term, requested_on,\n"
	   "requested_by.\n"
	   "\n"
	   "  --format F   table (default), tsv or json"),
};

static const struct cli_cmd request_cmd = {
	"retention request",
	N_("casus retention request CASE_NO --by WHO [--on DATE] [--reason TEXT]"),
	N_("Record that the family (a parent, or a child from 16) asked for its dossier to be\n"
	   "destroyed before the end of the retention term. Any team member may record it;\n"
	   "a teamleider decides and destroys.\n"
	   "\n"
	   "  --by WHO        who asked (\"moeder\", \"Sanne (17)\")\n"
	   "  --on DATE       when (YYYY-MM-DD; default today)\n"
	   "  --reason TEXT   the reason they gave"),
};

static const struct cli_cmd destroy_cmd = {
	"retention destroy",
	N_("casus retention destroy CASE_NO --reason TEXT [--confirm CASE_NO]"),
	N_("Destroy the dossier of a closed family that is past the retention term or asked\n"
	   "for early destruction: every record about it is removed for good, and the\n"
	   "access log keeps only that a destruction took place, when, by whom and why.\n"
	   "Only a teamleider may do this. casus asks you to type the case number again;\n"
	   "without a terminal, repeat it with --confirm.\n"
	   "\n"
	   "  --reason TEXT     why (kept in the access log: no names or other personal data)\n"
	   "  --confirm CASE_NO the case number again, as the second confirmation"),
};

/* ---- list ---- */

enum { L_FORMAT, L_COUNT };
static const struct cli_opt list_opts[L_COUNT] = { [L_FORMAT] = { "format", true } };

static const struct out_col data_cols[] = {
	{ "case_no", "", OUT_TEXT, 0, false },
	{ "name", "", OUT_TEXT, 0, false },
	{ "closed_on", "", OUT_OPT, 0, false },
	{ "keep_until", "", OUT_OPT, 0, false },
	{ "past_term", "", OUT_BOOL, 0, false },
	{ "requested_on", "", OUT_OPT, 0, false },
	{ "requested_by", "", OUT_OPT, 0, false },
};

static int list_row(void *arg, const struct retention_row *r)
{
	struct out *o = arg;
	if (out_fmt(o) == OUT_TABLE) {
		char asked[300];
		snprintf(asked, sizeof asked, "%s%s%s", r->requested_on, r->requested_on[0] ? " " : "",
			r->requested_by);
		const char *vals[] = { r->case_no, r->display_name, r->closed_on, r->keep_until,
			r->past_term ? _("yes") : "", asked };
		out_row(o, vals);
		return 0;
	}
	const char *vals[] = { r->case_no, r->display_name, r->closed_on, r->keep_until,
		r->past_term ? "1" : "0", r->requested_on, r->requested_by };
	out_row(o, vals);
	return 0;
}

static int ret_list(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[L_COUNT];
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, list_opts, L_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("retention list", &v[L_FORMAT], true, &fmt))
	    || (r = cli_open(cli, true)))
		return r;
	const struct out_col table_cols[] = {
		{ "case_no", _("case"), OUT_TEXT, 0, false },
		{ "name", _("family"), OUT_TEXT, 30, false },
		{ "closed_on", _("closed"), OUT_TEXT, 0, false },
		{ "keep_until", _("keep until"), OUT_TEXT, 0, false },
		{ "past_term", _("past term"), OUT_TEXT, 0, false },
		{ "requested", _("request to destroy"), OUT_TEXT, 40, false },
	};
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 6)
		: out_begin(stdout, fmt, data_cols, 7);
	if (!o) {
		cli_close(cli);
		return CLI_EXIT_ERROR;
	}
	enum casus_rc rc = retention_each(cli->ctx, list_row, o, &cli->err);
	long n = out_end(o);
	r = rc ? cli_fail(cli) : CLI_EXIT_OK;
	if (!rc && n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("No dossier is past its retention term, and nobody asked for "
				 "early destruction."));
	cli_close(cli);
	return r;
}

/* ---- request ---- */

enum { R_BY, R_ON, R_REASON, R_COUNT };
static const struct cli_opt request_opts[R_COUNT] = {
	[R_BY] = { "by", true },
	[R_ON] = { "on", true },
	[R_REASON] = { "reason", true },
};

static int ret_request(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[R_COUNT];
	const char *case_no;
	int r = cli_parse(cli, &request_cmd, argc, argv, request_opts, R_COUNT, v, &case_no, 1,
		1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[R_BY].set)
		return cli_usage_error("retention request ", _("say who asked: --by WHO"));
	if ((r = cli_open(cli, true)))
		return r;
	if (retention_request(cli->ctx, case_no, v[R_BY].arg, v[R_ON].arg, v[R_REASON].arg,
		&cli->err)) {
		r = cli_fail(cli);
	} else {
		printf(_("The request to destroy the dossier of %s early is recorded; a teamleider "
			 "decides.\n"), case_no);
	}
	cli_close(cli);
	return r;
}

/* ---- destroy ---- */

enum { D_REASON, D_CONFIRM, D_COUNT };
static const struct cli_opt destroy_opts[D_COUNT] = {
	[D_REASON] = { "reason", true },
	[D_CONFIRM] = { "confirm", true },
};

/* The second confirmation typed at the terminal; "" when none was given. */
static void ask_confirmation(const char *case_no, char *out, size_t outsz)
{
	out[0] = '\0';
	fprintf(stderr, _("This removes everything casus holds about family %s, for good.\n"
			  "Type the case number again to destroy the dossier: "), case_no);
	fflush(stderr);
	if (!fgets(out, (int)outsz, stdin)) {
		out[0] = '\0';
		return;
	}
	out[strcspn(out, "\r\n")] = '\0';
}

static int ret_destroy(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[D_COUNT];
	const char *case_no;
	int r = cli_parse(cli, &destroy_cmd, argc, argv, destroy_opts, D_COUNT, v, &case_no, 1,
		1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[D_REASON].set)
		return cli_usage_error("retention destroy ", _("say why: --reason TEXT"));
	if (!v[D_CONFIRM].set && !isatty(STDIN_FILENO))
		return cli_usage_error("retention destroy ", _("repeat the case number with "
			"--confirm %s (there is no terminal to ask)"), case_no);
	char typed[64];
	const char *confirm = v[D_CONFIRM].arg;
	if (!confirm) {
		ask_confirmation(case_no, typed, sizeof typed);
		confirm = typed;
	}
	if ((r = cli_open(cli, true)))
		return r;
	int64_t seq = 0;
	if (retention_destroy(cli->ctx, case_no, confirm, v[D_REASON].arg, &seq, &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf(_("The dossier of family %s is destroyed; access-log row %lld records it.\n"),
			case_no, (long long)seq);
	}
	cli_close(cli);
	return r;
}

int cmd_retention(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&ret_cmd);
		return cli_usage_error("retention ", _("which command? list, request or destroy"));
	}
	argv[0] = (char *)word;
	if (strcmp(word, "list") == 0)
		return ret_list(cli, argc, argv);
	if (strcmp(word, "request") == 0)
		return ret_request(cli, argc, argv);
	if (strcmp(word, "destroy") == 0)
		return ret_destroy(cli, argc, argv);
	return cli_usage_error("retention ", _("unknown retention command '%s'"), word);
}
