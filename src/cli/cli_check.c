/* casus check: run the database checks and report each one; exit 0 only when the
 * database is sound. Works on a read-only file and needs no team membership. */
#include <stdio.h>

#include "casus/check.h"
#include "casus/i18n.h"
#include "cli.h"

static const struct cli_cmd check_cmd = {
	"check",
	N_("casus check [--format table|json]"),
	N_("Check the team database: that the file is undamaged, that records refer to\n"
	   "records that exist, that the access log is complete, unchanged and still\n"
	   "protected, that every family has at most one regievoerder (the same one as in\n"
	   "its regie history) and that exactly the closed families have a closing date.\n"
	   "Changes nothing, also works on a read-only database. Exit 0 when all checks\n"
	   "pass, 6 when one fails (each failed check names its first problem).\n"
	   "\n"
	   "  --format F   table (default) or json"),
};

enum { O_FORMAT, O_COUNT };
static const struct cli_opt check_opts[O_COUNT] = { [O_FORMAT] = { "format", true } };

struct check_out {
	struct out *out;
	int failed;
};

static int show_result(void *arg, const struct check_result *r)
{
	struct check_out *c = arg;
	char count[32];
	snprintf(count, sizeof count, "%lld", (long long)r->problems);
	bool table = out_fmt(c->out) == OUT_TABLE;
	const char *vals[] = { table ? r->label : r->name, r->ok ? "1" : "0", count, r->problem };
	if (table)
		vals[1] = r->ok ? _("ok") : _("FAILED");
	out_row(c->out, vals);
	c->failed += !r->ok;
	return 0;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	enum out_format fmt;
	int r = cli_parse(cli, &check_cmd, argc, argv, check_opts, O_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("check", &v[O_FORMAT], false, &fmt)) || (r = cli_open(cli, false)))
		return r;
	const struct out_col cols[] = {
		{ "check", _("check"), OUT_TEXT, 0, false },
		{ "ok", _("result"), OUT_BOOL, 0, false },
		{ "problems", _("problems"), OUT_INT, 0, true },
		{ "first_problem", _("first problem"), OUT_OPT, 0, false },
	};
	struct check_out c = { out_begin(stdout, fmt, cols, 4), 0 };
	bool sound = false;
	if (!c.out) {
		cli_close(cli);
		return CLI_EXIT_ERROR;
	}
	enum casus_rc rc = check_run(cli->ctx, show_result, &c, &sound, &cli->err);
	out_end(c.out);
	cli_close(cli);
	if (rc)
		return cli_fail(cli);
	if (fmt == OUT_TABLE)
		printf("\n%s\n", sound ? _("The database is sound.")
				       : _("The database is NOT sound: see the failed checks above."));
	return sound ? CLI_EXIT_OK : CLI_EXIT_UNSOUND;
}
