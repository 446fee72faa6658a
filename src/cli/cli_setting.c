/* casus setting list|set: the team's local policy (norms, leefgebieden, which
 * escalation kinds need approval, the retention term). Every member may read the
 * settings; only a teamleider changes them (core enforces it and logs each change). */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/setting.h"
#include "cli.h"

static const struct cli_cmd setting_cmd = {
	"setting",
	N_("casus setting list|set ..."),
	N_("Team settings: the team's own policy.\n"
	   "\n"
	   "  casus setting list [--format table|tsv|json]\n"
	   "  casus setting set KEY VALUE     (teamleider only)\n"
	   "See casus setting COMMAND --help."),
};

static const struct cli_cmd list_cmd = {
	"setting list",
	N_("casus setting list [--format table|tsv|json]"),
	N_("Every team setting with its value and what it means; values the team did not\n"
	   "change are the defaults. List settings hold one item per line (the table shows\n"
	   "them separated by '; ').\n"
	   "TSV columns: key, type, value, default, changed, description.\n"
	   "\n"
	   "  --format F   table (default), tsv or json"),
};

static const struct cli_cmd set_cmd = {
	"setting set",
	N_("casus setting set KEY VALUE"),
	N_("Change a team setting (teamleider only; recorded in the access log). Yes/no\n"
	   "settings take 1 or 0, numbers must lie in the setting's range, and list\n"
	   "settings take one item per line, for example in bash:\n"
	   "  casus setting set escalation.opschalen_levels $'teamleider\\nmanager'\n"
	   "A request keeps the approval rule that held when it was made."),
};

static const char *type_name(enum setting_type t)
{
	switch (t) {
	case SETTING_INT: return "int";
	case SETTING_BOOL: return "bool";
	case SETTING_LIST: return "list";
	default: return "text";
	}
}

/* List values one line per item: "a; b; c" for the table. */
static void one_line(const char *value, char *out, size_t outsz)
{
	size_t o = 0;
	for (const char *p = value; *p && o + 3 < outsz; p++) {
		if (*p == '\n') {
			out[o++] = ';';
			out[o++] = ' ';
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
}

static void list_row(struct cli *cli, struct out *o, const struct setting_def *d)
{
	static char value[4000 * 4 + 1], shown[sizeof value * 2];
	setting_get(cli->ctx, d->key, value, sizeof value);
	bool changed = strcmp(value, d->default_value) != 0;
	if (out_fmt(o) == OUT_TABLE) {
		one_line(value, shown, sizeof shown);
		const char *vals[] = { d->key, shown, changed ? _("yes") : "", _(d->help) };
		out_row(o, vals);
	} else {
		const char *vals[] = { d->key, type_name(d->type), value, d->default_value,
			changed ? "1" : "0", d->help };
		out_row(o, vals);
	}
}

static int setting_list_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opt opts[1] = { { "format", true } };
	struct cli_val v[1];
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, opts, 1, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("setting list", &v[0], true, &fmt)) || (r = cli_open(cli, true)))
		return r;
	const struct out_col table_cols[] = {
		{ "key", _("setting"), OUT_TEXT, 0, false },
		{ "value", _("value"), OUT_TEXT, 48, false },
		{ "changed", _("changed"), OUT_TEXT, 0, false },
		{ "description", _("description"), OUT_TEXT, 0, false },
	};
	static const struct out_col data_cols[] = {
		{ "key", "", OUT_TEXT, 0, false },
		{ "type", "", OUT_TEXT, 0, false },
		{ "value", "", OUT_TEXT, 0, false },
		{ "default", "", OUT_TEXT, 0, false },
		{ "changed", "", OUT_BOOL, 0, false },
		{ "description", "", OUT_TEXT, 0, false },
	};
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 4)
					 : out_begin(stdout, fmt, data_cols, 6);
	if (!o) {
		cli_close(cli);
		return CLI_EXIT_ERROR;
	}
	for (int i = 0; setting_defs[i].key; i++)
		list_row(cli, o, &setting_defs[i]);
	out_end(o);
	cli_close(cli);
	return CLI_EXIT_OK;
}

static int setting_set_cmd(struct cli *cli, int argc, char **argv)
{
	const char *pos[2];
	int r = cli_parse(cli, &set_cmd, argc, argv, NULL, 0, NULL, pos, 2, 2, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	if (setting_set(cli->ctx, pos[0], pos[1], &cli->err)) {
		r = cli_fail(cli);
	} else {
		static char value[4000 * 4 + 1], shown[sizeof value * 2];
		setting_get(cli->ctx, pos[0], value, sizeof value);
		one_line(value, shown, sizeof shown);
		printf(_("Setting %s is now: %s\n"), pos[0], shown);
	}
	cli_close(cli);
	return r;
}

int cmd_setting(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&setting_cmd);
		return cli_usage_error("setting ", _("which setting command? list or set"));
	}
	argv[0] = (char *)word;
	if (strcmp(word, "list") == 0)
		return setting_list_cmd(cli, argc, argv);
	if (strcmp(word, "set") == 0)
		return setting_set_cmd(cli, argc, argv);
	return cli_usage_error("setting ", _("unknown setting command '%s'"), word);
}
