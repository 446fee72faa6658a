/* Option parsing for every subcommand: its own options plus the global ones, in
 * any order, as "--name value" or "--name=value"; "--" ends the options. Usage
 * errors name what was wrong and point at the command's --help. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "cli.h"

enum { G_DB, G_AS, G_LANG, G_COUNT };
static const struct cli_opt global_opts[G_COUNT] = {
	[G_DB] = { "db", true },
	[G_AS] = { "as", true },
	[G_LANG] = { "lang", true },
};

bool cli_global_takes_value(const char *a)
{
	if (strncmp(a, "--", 2) != 0 || strchr(a, '='))
		return false;
	for (int i = 0; i < G_COUNT; i++)
		if (strcmp(a + 2, global_opts[i].name) == 0)
			return global_opts[i].has_arg;
	return false;
}

/* The full-screen interface's options that take a value (src/tui/tui.c): "--layout
 * stack" must not make "stack" the command. */
static bool tui_takes_value(const char *a)
{
	static const char *const names[] = { "--layout", "--config", "--script", "--size",
		"--dump" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(a, names[i]) == 0)
			return true;
	return false;
}

const char *cli_shift_word(int *argc, char **argv)
{
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return NULL;
		if (a[0] == '-' && a[1]) {
			if (cli_global_takes_value(a) || tui_takes_value(a))
				i++;
			continue;
		}
		memmove(&argv[i], &argv[i + 1], (size_t)(*argc - i) * sizeof *argv);
		(*argc)--;
		return a;
	}
	return NULL;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("casus: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("; see casus %s--help"), cmd && *cmd ? cmd : "");
	fputc('\n', stderr);
	return CLI_EXIT_USAGE;
}

int cli_print_help(const struct cli_cmd *cmd)
{
	printf("%s: %s\n\n%s\n", _("Usage"), _(cmd->usage), _(cmd->help));
	if (*cmd->name)
		printf("\n%s\n", _("Global options: --db PATH, --as LOGIN (demo only), --lang nl|en, "
				   "--help.\nExit codes: see casus --help."));
	return CLI_EXIT_OK;
}

/* "family list" -> "family list " for messages; "" for the top level. */
static const char *cmd_prefix(const struct cli_cmd *cmd, char *buf, size_t sz)
{
	snprintf(buf, sz, "%s%s", cmd->name, *cmd->name ? " " : "");
	return buf;
}

static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

static int set_global(struct cli *cli, const char *cmdp, int id, const char *arg)
{
	switch (id) {
	case G_DB: cli->db_path = arg; break;
	case G_AS: cli->as_login = arg; break;
	case G_LANG:
		if (i18n_set_lang(arg) != 0)
			return cli_usage_error(cmdp, _("unknown language '%s' (nl or en)"), arg);
		cli->lang = arg;
		break;
	}
	return CLI_CONTINUE;
}

/* Find "--name[=value]" in the command's table (index >= 0) or the globals
 * (-2 - index); -1 when unknown. */
static int lookup(const char *a, const struct cli_opt *opts, int nopts, const char **eq)
{
	const char *name = a + 2;
	*eq = strchr(name, '=');
	size_t len = *eq ? (size_t)(*eq - name) : strlen(name);
	for (int i = 0; i < nopts; i++)
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
			return i;
	for (int i = 0; i < G_COUNT; i++)
		if (strlen(global_opts[i].name) == len && strncmp(global_opts[i].name, name, len) == 0)
			return -2 - i;
	return -1;
}

/* Handle the option at argv[*i]; returns CLI_CONTINUE or a usage error. */
static int parse_option(struct cli *cli, const char *cmdp, int argc, char **argv, int *i,
	const struct cli_opt *opts, int nopts, struct cli_val *vals)
{
	const char *a = argv[*i], *eq, *arg = NULL;
	int k = strncmp(a, "--", 2) == 0 ? lookup(a, opts, nopts, &eq) : -1;
	if (k == -1)
		return cli_usage_error(cmdp, _("unknown option '%s'"), a);
	const struct cli_opt *o = k >= 0 ? &opts[k] : &global_opts[-2 - k];
	if (o->has_arg) {
		if (eq)
			arg = eq + 1;
		else if (*i + 1 < argc)
			arg = argv[++*i];
		else
			return cli_usage_error(cmdp, _("option '--%s' needs a value"), o->name);
	} else if (eq) {
		return cli_usage_error(cmdp, _("option '--%s' takes no value"), o->name);
	}
	if (k < 0)
		return set_global(cli, cmdp, -2 - k, arg);
	vals[k].set = true;
	vals[k].arg = arg;
	return CLI_CONTINUE;
}

int cli_parse(struct cli *cli, const struct cli_cmd *cmd, int argc, char **argv,
	const struct cli_opt *opts, int nopts, struct cli_val *vals,
	const char **pos, int npos_min, int npos_max, int *npos)
{
	char cmdp[64];
	cmd_prefix(cmd, cmdp, sizeof cmdp);
	if (wants_help(argc, argv))
		return cli_print_help(cmd);
	for (int k = 0; k < nopts; k++)
		vals[k] = (struct cli_val){ false, NULL };
	int n = 0;
	bool only_args = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!only_args && strcmp(a, "--") == 0) {
			only_args = true;
		} else if (!only_args && a[0] == '-' && a[1]) {
			int r = parse_option(cli, cmdp, argc, argv, &i, opts, nopts, vals);
			if (r != CLI_CONTINUE)
				return r;
		} else if (n >= npos_max) {
			return cli_usage_error(cmdp, _("unexpected argument '%s'"), a);
		} else {
			pos[n++] = a;
		}
	}
	if (n < npos_min)
		return cli_usage_error(cmdp, _("'casus %s' needs more arguments: %s"), cmd->name,
			_(cmd->usage));
	if (npos)
		*npos = n;
	return CLI_CONTINUE;
}

int cli_format(const char *cmd, const struct cli_val *v, bool allow_tsv, enum out_format *fmt)
{
	*fmt = OUT_TABLE;
	if (!v->set)
		return 0;
	int f = out_format_parse(v->arg, allow_tsv);
	if (f < 0) {
		char cmdp[64];
		snprintf(cmdp, sizeof cmdp, "%s ", cmd);
		return cli_usage_error(cmdp, allow_tsv ? _("unknown format '%s' (table, tsv or json)")
						       : _("unknown format '%s' (table or json)"), v->arg);
	}
	*fmt = (enum out_format)f;
	return 0;
}

void cli_time(const char *iso, char out[static 17])
{
	snprintf(out, 17, "%s", iso ? iso : "");
	if (strlen(out) == 16 && out[10] == 'T')
		out[10] = ' ';
}
