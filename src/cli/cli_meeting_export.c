/* casus export minutes MEETING --format md|json [--privacy] [--output FILE]: the
 * minutes of a meeting (attendees, agenda, besluitenlijst, actielijst, what moved to
 * the next meeting) in the language of --lang. Same --output rules as export plan:
 * made in memory, a new 0600 file that never replaces one, nothing left on refusal. */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/meeting.h"
#include "cli.h"
#include "cli_meeting.h"

static const struct cli_cmd minutes_cmd = {
	"export minutes",
	N_("casus export minutes MEETING --format md|json [--privacy] [--output FILE]"),
	N_("Export the minutes of a meeting: the attendees, the agenda and what happened to\n"
	   "each item, the besluitenlijst and the actielijst, and what moved to the next\n"
	   "meeting; a document (md) in the language of --lang, or JSON with stable keys.\n"
	   "\n"
	   "  --format F      md or json (required)\n"
	   "  --privacy       families as case number, initials and children's ages; names\n"
	   "                  of family members masked to initials; no notes\n"
	   "  --output FILE   write a new file (mode 0600; an existing file is never\n"
	   "                  overwritten) instead of printing"),
};

enum { O_FORMAT, O_OUTPUT, O_PRIVACY, O_COUNT };
static const struct cli_opt minutes_opts[O_COUNT] = {
	[O_FORMAT] = { "format", true },
	[O_OUTPUT] = { "output", true },
	[O_PRIVACY] = { "privacy", false },
};

static int minutes_req(const struct cli_val *v, bool *json)
{
	const char *cmdp = "export minutes ";
	if (!v[O_FORMAT].set)
		return cli_usage_error(cmdp, _("say which format: --format md or --format json"));
	if (strcmp(v[O_FORMAT].arg, "md") != 0 && strcmp(v[O_FORMAT].arg, "json") != 0)
		return cli_usage_error(cmdp, _("unknown format '%s' (md or json)"), v[O_FORMAT].arg);
	*json = strcmp(v[O_FORMAT].arg, "json") == 0;
	if (v[O_OUTPUT].set && !*v[O_OUTPUT].arg)
		return cli_usage_error(cmdp, _("--output needs a file name"));
	return 0;
}

static enum casus_rc run_minutes(struct cli *cli, const char *key, bool json, bool privacy,
	FILE *out)
{
	char lang[8]; /* a copy: the export switches the language and back */
	snprintf(lang, sizeof lang, "%s", i18n_lang());
	struct meeting m;
	enum casus_rc rc = meeting_get(cli->ctx, key, &m, &cli->err);
	if (rc)
		return rc;
	return meeting_export_minutes(cli->ctx, m.id, json ? MEETING_JSON : MEETING_MD, lang,
		privacy, out, &cli->err);
}

int cmd_export_minutes(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	struct cli_sink s;
	const char *key;
	bool json = false;
	int r = cli_parse(cli, &minutes_cmd, argc, argv, minutes_opts, O_COUNT, v, &key, 1, 1,
		NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = minutes_req(v, &json)) || (r = cli_open(cli, true)))
		return r;
	const char *output = v[O_OUTPUT].arg;
	if ((r = cli_sink_open(output, &s))) {
		cli_close(cli);
		return r;
	}
	if (run_minutes(cli, key, json, v[O_PRIVACY].set, s.mem)) {
		cli_sink_close(&s, output, false);
		r = cli_fail(cli);
	} else {
		r = cli_sink_close(&s, output, true);
	}
	cli_close(cli);
	return r;
}
