/* casus init: create a new team database; the person who runs it becomes the
 * team's first teamleider. */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/text.h"
#include "cli.h"

static const struct cli_cmd init_cmd = {
	"init",
	N_("casus init --team NAME [--group GROUP] [--name \"Your Name\"]"),
	N_("Create a new, empty team database (at --db PATH, $CASUS_DB or the default path)\n"
	   "and make you its first teamleider. An existing file is never overwritten.\n"
	   "\n"
	   "  --team NAME    the team's name, shown in casus (required)\n"
	   "  --group GROUP  share the database with this Unix group (file mode 0660);\n"
	   "                 without it only you can open it (0600)\n"
	   "  --name NAME    your name as the team sees it (default: from your account)"),
};

enum { O_TEAM, O_GROUP, O_NAME, O_COUNT };
static const struct cli_opt init_opts[O_COUNT] = {
	[O_TEAM] = { "team", true },
	[O_GROUP] = { "group", true },
	[O_NAME] = { "name", true },
};

/* The caller's name from the passwd comment (GECOS) field, else the login. */
static void account_name(char *out, size_t outsz)
{
	const struct passwd *pw = getpwuid(geteuid());
	const char *g = pw && pw->pw_gecos ? pw->pw_gecos : "";
	size_t n = strcspn(g, ",");
	if (n)
		snprintf(out, outsz, "%.*s", (int)n, g);
	else
		snprintf(out, outsz, "%s", casus_unix_login());
}

/* Remove the file we created in this run (and SQLite's side files) after a failed
 * init: nobody else can have used it yet, and a half-made team must not stay. */
static void remove_created(const char *path)
{
	char side[4200];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static enum casus_rc fill_team(struct casus_ctx *ctx, const char *team, const char *name,
	struct casus_err *err)
{
	char detail[1024];
	struct member m;
	enum casus_rc r = casus_meta_set(ctx, "team", team, err);
	snprintf(detail, sizeof detail, "team %s", team);
	if (!r)
		r = audit_log(ctx, AUDIT_INIT, NULL, "team", NULL, detail, err);
	if (!r)
		r = member_add_first(ctx, casus_unix_login(), name, &m, err);
	return r;
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	int r = cli_parse(cli, &init_cmd, argc, argv, init_opts, O_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[O_TEAM].set)
		return cli_usage_error("init ", _("the team name is required: --team NAME"));
	char name[CASUS_NAME_MAX * 4 + 1];
	const char *me = v[O_NAME].arg;
	if (!me) {
		account_name(name, sizeof name);
		me = name;
	}
	/* Check the text before a file exists, so bad input leaves nothing behind. */
	if (text_check(_("The team name"), v[O_TEAM].arg, CASUS_NAME_MAX, TEXT_LINE, &cli->err)
	    || text_check(_("The name"), me, CASUS_NAME_MAX, TEXT_LINE, &cli->err))
		return cli_fail(cli);
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE, .group = v[O_GROUP].arg };
	if (casus_open(cli_db_path(cli), &o, &cli->ctx, &cli->err))
		return cli_fail(cli);
	if (fill_team(cli->ctx, v[O_TEAM].arg, me, &cli->err)) {
		r = cli_fail(cli);
		cli_close(cli);
		remove_created(cli->path);
		return r;
	}
	cli_close(cli);
	printf(_("Created the database of team %s at %s.\n"), v[O_TEAM].arg, cli->path);
	printf(_("You are its teamleider. Add your colleagues with:\n"
		 "  casus member add LOGIN --name \"NAME\" --role coach\n"));
	return CLI_EXIT_OK;
}
