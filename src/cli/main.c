/* casus: entry point. Reads the global options (they may come before or after the
 * command), runs a subcommand (src/cli/cli_*.c) or, with no subcommand, the
 * full-screen interface (src/tui). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus_config.h"
#include "cli.h"
#include "cli_meeting.h"
#include "tui.h"

static const struct cli_cmd main_cmd = {
	"",
	N_("casus [--db PATH] [--as LOGIN] [--lang nl|en] [COMMAND [ARGS...]]"),
	N_("casus keeps the case files of a youth team (jeugdteam) for its weekly case meeting.\n"
	   "Without a command it starts the full-screen interface.\n"
	   "\n"
	   "Commands:\n"
	   "  init        create a new team database; you become its teamleider\n"
	   "  demo        create a demo database with fictitious families to try casus\n"
	   "  member      add, list and change team members\n"
	   "  family      register, list, show and change families (cases)\n"
	   "  escalation  request escalations; approve, reject or ask (gedragswetenschapper)\n"
	   "  meeting     the weekly case meeting: plan, agenda, run it, minutes; without\n"
	   "              a command: meeting mode on the next meeting\n"
	   "  team-issue  the team-issues register (way of working), kept across meetings\n"
	   "  export      a family's plan or meldcode record, or a meeting's minutes, as a\n"
	   "              document (md) or JSON\n"
	   "  audit       the access log (teamleider), and --verify its hash chain\n"
	   "  retention   closed dossiers past their retention term; destroying them\n"
	   "  setting     the team's settings; a teamleider changes them\n"
	   "  check       check the database and its access log; exit 0 when sound\n"
	   "Every command has its own help: casus COMMAND --help.\n"
	   "\n"
	   "Global options (before or after the command):\n"
	   "  --db PATH      the team database (else $CASUS_DB, else\n"
	   "                 $XDG_DATA_HOME/casus/team.db)\n"
	   "  --as LOGIN     act as another team member (demo databases only)\n"
	   "  --lang nl|en   language of messages (default nl)\n"
	   "  --help, -h     help; --version: the version of casus\n"
	   "\n"
	   "Listings take --format table|tsv|json: a table for people, TSV (one header row,\n"
	   "then one row per item) or a JSON array of objects for scripts.\n"
	   "\n"
	   "Exit codes:\n"
	   "  0  done\n"
	   "  1  refused: invalid input, no such record, or not possible in this state\n"
	   "  2  usage error: unknown command or option, missing argument\n"
	   "  3  conflict: somebody else changed the record first; nothing was saved\n"
	   "  4  not allowed: your role or login may not do this\n"
	   "  5  the database cannot be used: missing, damaged, not a casus database, made\n"
	   "     by a newer casus, readable by others, read-only, busy or disk full\n"
	   "  6  casus check or casus audit --verify found problems"),
};

/* After the main help (a string of its own, so the main help's translation stays). */
static const char *const tui_help =
	N_("Full-screen interface (casus without a command):\n"
	   "  --privacy                 start in privacy mode: initials and ages instead of\n"
	   "                            names, no contact details or free text\n"
	   "  --layout auto|side|stack  panes side by side, one at a time, or by width\n"
	   "  --no-mouse                leave the mouse to the terminal (copy and paste)\n"
	   "  --config FILE             bindings and settings from FILE instead of\n"
	   "                            $XDG_CONFIG_HOME/casus/config\n"
	   "  --list-keys               print the key bindings (section, key, action, help)\n"
	   "  --script FILE, --size COLSxROWS, --dump FILE\n"
	   "                            screen tests: keys from FILE on a virtual screen\n"
	   "The key bindings, the config file and the environment: man casus.");

static int print_main_help(void)
{
	cli_print_help(&main_cmd);
	printf("\n%s\n", _(tui_help));
	return 0;
}

/* --lang must apply to every message, including errors about earlier options. */
static int early_lang(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		const char *v = NULL;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			v = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			v = argv[i] + 7;
		if (v && i18n_set_lang(v) != 0)
			return cli_usage_error("", _("unknown language '%s' (nl or en)"), v);
	}
	return 0;
}

/* No command: global options, then the full-screen interface. Options casus does
 * not know here are the interface's own; tui_main reports unknown ones. */
static int run_tui(struct cli *cli, int argc, char **argv)
{
	char **rest = calloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0, r;
	if (!rest)
		return CLI_EXIT_ERROR;
	rest[nrest++] = argv[0];
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			free(rest);
			return print_main_help();
		}
		if (strcmp(a, "--version") == 0) {
			free(rest);
			printf("casus %s\n", CASUS_VERSION);
			return 0;
		}
		if (cli_global_takes_value(a) && i + 1 >= argc) {
			free(rest);
			return cli_usage_error("", _("option '%s' needs a value"), a);
		}
		if (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0)
			cli->db_path = a[4] ? a + 5 : argv[++i];
		else if (strcmp(a, "--as") == 0 || strncmp(a, "--as=", 5) == 0)
			cli->as_login = a[4] ? a + 5 : argv[++i];
		else if (strcmp(a, "--lang") == 0 || strncmp(a, "--lang=", 7) == 0)
			cli->lang = a[6] ? a + 7 : argv[++i];
		else if (strcmp(a, "--privacy") == 0)
			cli->privacy = true;
		else
			rest[nrest++] = argv[i];
	}
	rest[nrest] = NULL;
	if ((r = cli_open(cli, true)) == 0) {
		struct tui_global g = { cli->path, cli->as_login, cli->lang, cli->privacy };
		r = tui_main(cli->ctx, &g, nrest, rest);
		cli_close(cli);
	}
	free(rest);
	return r;
}

static const struct {
	const char *word;
	int (*run)(struct cli *, int, char **);
} commands[] = {
	{ "init", cmd_init },
	{ "demo", cmd_demo },
	{ "member", cmd_member },
	{ "family", cmd_family },
	{ "escalation", cmd_escalation },
	{ "meeting", cmd_meeting },
	{ "team-issue", cmd_team_issue },
	{ "export", cmd_export },
	{ "audit", cmd_audit },
	{ "retention", cmd_retention },
	{ "setting", cmd_setting },
	{ "check", cmd_check },
};

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	out_init();
	struct cli cli = { 0 };
	int r = early_lang(argc, argv);
	if (r)
		return r;
	const char *word = cli_shift_word(&argc, argv);
	if (!word)
		return run_tui(&cli, argc, argv);
	/* The command word becomes argv[0] of the command. */
	argv[0] = (char *)word;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(word, commands[i].word) == 0)
			return commands[i].run(&cli, argc, argv);
	return cli_usage_error("", _("unknown command '%s'"), word);
}
