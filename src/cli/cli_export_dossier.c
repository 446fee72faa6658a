/* casus export dossier|access: everything casus holds about a family (inzage), and the
 * family's access report. Both are a teamleider's, made in the language of --lang and
 * recorded in the access log by core. */
#include <stdio.h>
#include <string.h>

#include "casus/dossier.h"
#include "casus/i18n.h"
#include "cli.h"

static const struct cli_cmd dossier_cmd = {
	"export dossier",
	N_("casus export dossier CASE_NO --format md|json [--leave-out PARTS --reason TEXT] "
	   "[--output FILE]"),
	N_("Everything casus holds about one family, for a request for access (inzage)\n"
	   "under the Jeugdwet and the AVG: the family and its phase and regie history,\n"
	   "members and network, consent, every version of the plan, notes, meldcode\n"
	   "trajectories, escalations, what case meetings said and decided about it, and\n"
	   "who looked at the dossier. Only a teamleider may make it; it is recorded in the\n"
	   "access log. A BSN is never shown, only whether one is recorded.\n"
	   "\n"
	   "  --format F        md (a document for the family) or json (required)\n"
	   "  --leave-out PARTS leave parts out, comma-separated: members, consent, plans,\n"
	   "                    notes, meldcode, escalations, meetings, access; the document\n"
	   "                    says what was left out and why\n"
	   "  --reason TEXT     why (required with --leave-out)\n"
	   "  --output FILE     write a new file (mode 0600; an existing file is never\n"
	   "                    overwritten) instead of printing"),
};

static const struct cli_cmd access_cmd = {
	"export access",
	N_("casus export access CASE_NO --format md|json [--output FILE]"),
	N_("The family's access report (NEN 7513): every time somebody opened, changed,\n"
	   "searched for or exported its dossier, with when, who, from where, what and why.\n"
	   "A document the family can be given. Only a teamleider may make it; it is itself\n"
	   "recorded in the access log.\n"
	   "\n"
	   "  --format F      md or json (required)\n"
	   "  --output FILE   write a new file (mode 0600; an existing file is never\n"
	   "                  overwritten) instead of printing"),
};

enum { O_FORMAT, O_OUTPUT, O_LEAVE_OUT, O_REASON, O_COUNT };
static const struct cli_opt opts[O_COUNT] = {
	[O_FORMAT] = { "format", true },
	[O_OUTPUT] = { "output", true },
	[O_LEAVE_OUT] = { "leave-out", true },
	[O_REASON] = { "reason", true },
};

/* --format md|json: 0 or a usage error. */
static int format_of(const char *cmdp, const struct cli_val *v, bool *json)
{
	if (!v->set)
		return cli_usage_error(cmdp, _("say which format: --format md or --format json"));
	if (strcmp(v->arg, "md") != 0 && strcmp(v->arg, "json") != 0)
		return cli_usage_error(cmdp, _("unknown format '%s' (md or json)"), v->arg);
	*json = strcmp(v->arg, "json") == 0;
	return 0;
}

/* --leave-out a,b,c into o->leave_out: 0 or a usage error. */
static int leave_out_of(const char *cmdp, const char *list, struct dossier_opts *o)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", list);
	for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		int p = dossier_part_parse(t);
		if (p < 0)
			return cli_usage_error(cmdp, _("unknown part '%s' (members, consent, plans, "
				"notes, meldcode, escalations, meetings, access)"), t);
		o->leave_out[p] = true;
	}
	return 0;
}

static int run(struct cli *cli, const struct cli_cmd *cmd, bool dossier, int argc, char **argv)
{
	struct cli_val v[O_COUNT] = { { false, NULL } };
	struct dossier_opts o = { 0 };
	const char *case_no;
	char cmdp[32];
	snprintf(cmdp, sizeof cmdp, "%s ", cmd->name);
	int r = cli_parse(cli, cmd, argc, argv, opts, dossier ? O_COUNT : O_LEAVE_OUT, v,
		&case_no, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = format_of(cmdp, &v[O_FORMAT], &o.json)))
		return r;
	if (v[O_OUTPUT].set && !*v[O_OUTPUT].arg)
		return cli_usage_error(cmdp, _("--output needs a file name"));
	if (v[O_LEAVE_OUT].set && (r = leave_out_of(cmdp, v[O_LEAVE_OUT].arg, &o)))
		return r;
	if (v[O_LEAVE_OUT].set && !v[O_REASON].set)
		return cli_usage_error(cmdp, _("say why the parts are left out: --reason TEXT"));
	if (v[O_REASON].set && !v[O_LEAVE_OUT].set)
		return cli_usage_error(cmdp, _("--reason goes with --leave-out"));
	o.reason = v[O_REASON].arg;
	char lang[8]; /* a copy: the export switches the language and back */
	snprintf(lang, sizeof lang, "%s", i18n_lang());
	o.lang = lang;
	struct cli_sink s;
	if ((r = cli_open(cli, true)))
		return r;
	if ((r = cli_sink_open(v[O_OUTPUT].arg, &s))) {
		cli_close(cli);
		return r;
	}
	enum casus_rc rc = dossier ? dossier_export(cli->ctx, case_no, &o, s.mem, &cli->err)
		: access_report_export(cli->ctx, case_no, o.json, lang, s.mem, &cli->err);
	if (rc) {
		cli_sink_close(&s, v[O_OUTPUT].arg, false);
		r = cli_fail(cli);
	} else {
		r = cli_sink_close(&s, v[O_OUTPUT].arg, true);
	}
	cli_close(cli);
	return r;
}

int cmd_export_dossier(struct cli *cli, int argc, char **argv)
{
	return run(cli, &dossier_cmd, true, argc, argv);
}

int cmd_export_access(struct cli *cli, int argc, char **argv)
{
	return run(cli, &access_cmd, false, argc, argv);
}
