/* casus member add|list|set: the team's members. Only a teamleider may add or
 * change members (core enforces it); members who leave are deactivated, never
 * deleted. */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/member.h"
#include "cli.h"

static const struct cli_cmd member_cmd = {
	"member",
	N_("casus member add|list|set ..."),
	N_("Team members: who may use this team database, in which role.\n"
	   "\n"
	   "  casus member add LOGIN --name NAME --role ROLE [--aandachtsfunctionaris]\n"
	   "  casus member list [--all] [--format table|tsv|json]\n"
	   "  casus member set LOGIN [--role ROLE] [--name NAME] [--aandachtsfunctionaris|\n"
	   "                   --no-aandachtsfunctionaris] [--inactive|--active]\n"
	   "\n"
	   "Roles: coach, gedragswetenschapper, teamleider. See casus member COMMAND --help."),
};

static const struct cli_cmd add_cmd = {
	"member add",
	N_("casus member add LOGIN --name NAME --role ROLE [--aandachtsfunctionaris]"),
	N_("Add a colleague to the team (teamleider only). LOGIN is their Unix login on\n"
	   "this machine.\n"
	   "\n"
	   "  --name NAME               their name as the team sees it (required)\n"
	   "  --role ROLE               coach, gedragswetenschapper or teamleider (required)\n"
	   "  --aandachtsfunctionaris   they are the team's meldcode expert"),
};

static const struct cli_cmd list_cmd = {
	"member list",
	N_("casus member list [--all] [--format table|tsv|json]"),
	N_("List the active team members (with --all also those who left), with their role\n"
	   "and how many open families they are regievoerder of.\n"
	   "TSV columns: login, name, role, aandachtsfunctionaris, active, caseload.\n"
	   "\n"
	   "  --all        include members who are no longer active\n"
	   "  --format F   table (default), tsv or json"),
};

static const struct cli_cmd set_cmd = {
	"member set",
	N_("casus member set LOGIN [--role ROLE] [--name NAME] [--aandachtsfunctionaris|"
	   "--no-aandachtsfunctionaris] [--inactive|--active]"),
	N_("Change a team member (teamleider only). A member who leaves is made inactive,\n"
	   "never deleted, so the record of what they did stays readable. The team always\n"
	   "keeps at least one active teamleider.\n"
	   "\n"
	   "  --role ROLE                   coach, gedragswetenschapper or teamleider\n"
	   "  --name NAME                   a new name\n"
	   "  --aandachtsfunctionaris       make them the meldcode expert\n"
	   "  --no-aandachtsfunctionaris    no longer the meldcode expert\n"
	   "  --inactive / --active         they left the team / they are back"),
};

static int parse_role(const char *cmd, const char *s, int *out)
{
	*out = member_role_parse(s);
	if (*out < 0)
		return cli_usage_error(cmd,
			_("unknown role '%s' (coach, gedragswetenschapper or teamleider)"), s);
	return 0;
}

enum { A_NAME, A_ROLE, A_AANDACHT, A_COUNT };
static const struct cli_opt add_opts[A_COUNT] = {
	[A_NAME] = { "name", true },
	[A_ROLE] = { "role", true },
	[A_AANDACHT] = { "aandachtsfunctionaris", false },
};

static int member_add_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[A_COUNT];
	const char *login;
	int role, r = cli_parse(cli, &add_cmd, argc, argv, add_opts, A_COUNT, v, &login, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[A_NAME].set || !v[A_ROLE].set)
		return cli_usage_error("member add ", _("--name and --role are required"));
	if ((r = parse_role("member add ", v[A_ROLE].arg, &role)) || (r = cli_open(cli, true)))
		return r;
	struct member m;
	if (member_add(cli->ctx, login, v[A_NAME].arg, (enum member_role)role, v[A_AANDACHT].set, &m,
		    &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf(_("Added %s (%s) to the team as %s.\n"), m.name, m.login,
			member_role_label(m.role));
		r = CLI_EXIT_OK;
	}
	cli_close(cli);
	return r;
}

enum { L_ALL, L_FORMAT, L_COUNT };
static const struct cli_opt list_opts[L_COUNT] = {
	[L_ALL] = { "all", false },
	[L_FORMAT] = { "format", true },
};

static int list_row(void *arg, const struct member *m)
{
	struct out *o = arg;
	bool table = out_fmt(o) == OUT_TABLE;
	char load[16];
	snprintf(load, sizeof load, "%d", m->caseload);
	const char *vals[] = {
		m->login, m->name, table ? member_role_label(m->role) : member_role_name(m->role),
		table ? (m->aandacht ? _("yes") : "") : (m->aandacht ? "1" : "0"),
		table ? (m->active ? _("yes") : _("no")) : (m->active ? "1" : "0"),
		load,
	};
	out_row(o, vals);
	return 0;
}

static int member_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[L_COUNT];
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, list_opts, L_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("member list", &v[L_FORMAT], true, &fmt)) || (r = cli_open(cli, true)))
		return r;
	const struct out_col cols[] = {
		{ "login", _("login"), OUT_TEXT, 0, false },
		{ "name", _("name"), OUT_TEXT, 40, false },
		{ "role", _("role"), OUT_TEXT, 0, false },
		{ "aandachtsfunctionaris", _("aandachtsfunctionaris"), OUT_BOOL, 0, false },
		{ "active", _("active"), OUT_BOOL, 0, false },
		{ "caseload", _("caseload"), OUT_INT, 0, true },
	};
	struct out *o = out_begin(stdout, fmt, cols, 6);
	r = CLI_EXIT_ERROR;
	if (o) {
		enum casus_rc rc = member_each(cli->ctx, v[L_ALL].set, list_row, o, &cli->err);
		out_end(o);
		r = rc ? cli_fail(cli) : CLI_EXIT_OK;
	}
	cli_close(cli);
	return r;
}

enum { S_ROLE, S_NAME, S_AF, S_NO_AF, S_INACTIVE, S_ACTIVE, S_COUNT };
static const struct cli_opt set_opts[S_COUNT] = {
	[S_ROLE] = { "role", true },
	[S_NAME] = { "name", true },
	[S_AF] = { "aandachtsfunctionaris", false },
	[S_NO_AF] = { "no-aandachtsfunctionaris", false },
	[S_INACTIVE] = { "inactive", false },
	[S_ACTIVE] = { "active", false },
};

/* Turn the options into a member_change; returns 0 or a usage error. */
static int set_change(const struct cli_val *v, struct member_change *ch)
{
	*ch = (struct member_change){ -1, -1, -1, NULL };
	if (v[S_AF].set && v[S_NO_AF].set)
		return cli_usage_error("member set ",
			_("--aandachtsfunctionaris and --no-aandachtsfunctionaris exclude each other"));
	if (v[S_INACTIVE].set && v[S_ACTIVE].set)
		return cli_usage_error("member set ", _("--inactive and --active exclude each other"));
	if (v[S_ROLE].set && parse_role("member set ", v[S_ROLE].arg, &ch->role))
		return CLI_EXIT_USAGE;
	if (v[S_AF].set || v[S_NO_AF].set)
		ch->aandacht = v[S_AF].set;
	if (v[S_INACTIVE].set || v[S_ACTIVE].set)
		ch->active = v[S_ACTIVE].set;
	ch->name = v[S_NAME].arg;
	if (ch->role < 0 && ch->aandacht < 0 && ch->active < 0 && !ch->name)
		return cli_usage_error("member set ", _("nothing to change"));
	return 0;
}

static int member_set_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[S_COUNT];
	struct member_change ch;
	const char *login;
	int r = cli_parse(cli, &set_cmd, argc, argv, set_opts, S_COUNT, v, &login, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = set_change(v, &ch)) || (r = cli_open(cli, true)))
		return r;
	struct member m;
	if (member_change(cli->ctx, login, &ch, &m, &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf(_("%s (%s): %s%s, %s.\n"), m.name, m.login, member_role_label(m.role),
			m.aandacht ? _(", aandachtsfunctionaris") : "",
			m.active ? _("active") : _("inactive"));
		r = CLI_EXIT_OK;
	}
	cli_close(cli);
	return r;
}

int cmd_member(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&member_cmd);
		return cli_usage_error("member ", _("which member command? add, list or set"));
	}
	argv[0] = (char *)word;
	if (strcmp(word, "add") == 0)
		return member_add_cmd(cli, argc, argv);
	if (strcmp(word, "list") == 0)
		return member_list_cmd(cli, argc, argv);
	if (strcmp(word, "set") == 0)
		return member_set_cmd(cli, argc, argv);
	return cli_usage_error("member ", _("unknown member command '%s'"), word);
}
