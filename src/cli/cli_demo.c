/* casus demo: create a database of fictitious families to try casus with. */
#include <stdio.h>

#include "casus/demo.h"
#include "casus/i18n.h"
#include "cli.h"

static const struct cli_cmd demo_cmd = {
	"demo",
	N_("casus demo [--force] [--db PATH]"),
	N_("Create a demo team database filled with fictitious but realistic families, so\n"
	   "you can try casus without real data. Default path: $XDG_DATA_HOME/casus/demo.db\n"
	   "($CASUS_DB is not used: a demo never takes the place of the team database).\n"
	   "You join the demo team as a coach; in a demo database --as LOGIN lets you act\n"
	   "as any other demo member.\n"
	   "\n"
	   "  --force   replace an existing demo database (never any other file)"),
};

enum { O_FORCE, O_COUNT };
static const struct cli_opt demo_opts[O_COUNT] = { [O_FORCE] = { "force", false } };

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	int r = cli_parse(cli, &demo_cmd, argc, argv, demo_opts, O_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (cli->db_path)
		snprintf(cli->path, sizeof cli->path, "%s", cli->db_path);
	else
		casus_default_path("demo.db", cli->path, sizeof cli->path);
	if (demo_create(cli->path, v[O_FORCE].set, &cli->err) != CASUS_OK)
		return cli_fail(cli);
	printf(_("Created the demo database at %s.\n"), cli->path);
	printf(_("Open it with:  casus --db %s\n"), cli->path);
	return CLI_EXIT_OK;
}
