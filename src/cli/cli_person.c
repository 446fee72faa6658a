/* casus family person add|bsn: add a parent, carer, child, partner or housemate to a
 * family (core checks the names, that the birth date is real and not in the future,
 * and the BSN's elfproef; the BSN is never echoed back), and reveal one person's BSN
 * to the family's regievoerder or a teamleider, which the access log records. */
#include <stdio.h>
#include <string.h>

#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/person.h"
#include "cli.h"

static const struct cli_cmd person_cmd = {
	"family person",
	N_("casus family person add CASE_NO ..."),
	N_("Persons in a family.\n"
	   "\n"
	   "  casus family person add CASE_NO --given G --family-name F --role R [options]\n"
	   "  casus family person bsn CASE_NO PERSON\n"
	   "See casus family person COMMAND --help."),
};

static const struct cli_cmd bsn_cmd = {
	"family person bsn",
	N_("casus family person bsn CASE_NO PERSON"),
	N_("Show the BSN of one person of the family: PERSON is the given name, the full\n"
	   "name or the person's id. Only the family's regievoerder or a teamleider may;\n"
	   "every time it is shown is recorded in the access log. casus shows a BSN nowhere\n"
	   "else."),
};

static const struct cli_cmd add_cmd = {
	"family person add",
	N_("casus family person add CASE_NO --given G --family-name F --role R [--born DATE] "
	   "[--authority] [--bsn BSN]"),
	N_("Add a person to a family.\n"
	   "\n"
	   "  --given G          given name (required)\n"
	   "  --family-name F    family name (required)\n"
	   "  --role R           ouder, verzorger, kind, partner or huisgenoot (required)\n"
	   "  --born DATE        birth date, YYYY-MM-DD (not in the future)\n"
	   "  --authority        has parental authority (gezag)\n"
	   "  --bsn BSN          burgerservicenummer (9 digits, must pass the elfproef)"),
};

enum { O_GIVEN, O_FAMILY, O_ROLE, O_BORN, O_AUTHORITY, O_BSN, O_COUNT };
static const struct cli_opt add_opts[O_COUNT] = {
	[O_GIVEN] = { "given", true },
	[O_FAMILY] = { "family-name", true },
	[O_ROLE] = { "role", true },
	[O_BORN] = { "born", true },
	[O_AUTHORITY] = { "authority", false },
	[O_BSN] = { "bsn", true },
};

static int person_add_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	const char *case_no;
	int r = cli_parse(cli, &add_cmd, argc, argv, add_opts, O_COUNT, v, &case_no, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[O_GIVEN].set || !v[O_FAMILY].set || !v[O_ROLE].set)
		return cli_usage_error("family person add ",
			_("--given, --family-name and --role are required"));
	int role = person_role_parse(v[O_ROLE].arg);
	if (role < 0)
		return cli_usage_error("family person add ", _("unknown role in the family '%s' "
			"(ouder, verzorger, kind, partner or huisgenoot)"), v[O_ROLE].arg);
	if ((r = cli_open(cli, true)))
		return r;
	struct person_new in = {
		.given_name = v[O_GIVEN].arg, .family_name = v[O_FAMILY].arg,
		.birth_date = v[O_BORN].arg, .role = (enum person_role)role,
		.authority = v[O_AUTHORITY].set, .bsn = v[O_BSN].arg,
	};
	struct family f;
	struct person p;
	if (family_get(cli->ctx, case_no, &f, &cli->err)
	    || person_add(cli->ctx, f.id, &in, &p, &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf(_("Added %s %s (%s) to family %s.\n"), p.given_name, p.family_name,
			person_role_label(p.role), f.case_no);
	}
	cli_close(cli);
	return r;
}

/* ---- bsn ---- */

struct find {
	const char *key;
	struct person found;
	int matches;
};

static int match_person(void *arg, const struct person *p)
{
	struct find *f = arg;
	char full[sizeof p->given_name + sizeof p->family_name + 2];
	snprintf(full, sizeof full, "%s %s", p->given_name, p->family_name);
	if (strcmp(f->key, p->id) == 0 || strcmp(f->key, p->given_name) == 0
	    || strcmp(f->key, full) == 0) {
		f->found = *p;
		f->matches++;
	}
	return 0;
}

static int person_bsn_cmd(struct cli *cli, int argc, char **argv)
{
	const char *pos[2];
	int r = cli_parse(cli, &bsn_cmd, argc, argv, NULL, 0, NULL, pos, 2, 2, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	struct family f;
	struct find fd = { .key = pos[1] };
	char bsn[10];
	if (family_get(cli->ctx, pos[0], &f, &cli->err)
	    || person_each(cli->ctx, f.id, match_person, &fd, &cli->err)) {
		r = cli_fail(cli);
	} else if (fd.matches != 1) {
		fprintf(stderr, "casus: ");
		fprintf(stderr, fd.matches ? _("More than one person of family %s is called %s; "
			"name them in full or by id.\n") : _("Family %s has no person %s.\n"),
			f.case_no, pos[1]);
		r = CLI_EXIT_ERROR;
	} else if (person_reveal_bsn(cli->ctx, fd.found.id, bsn, &cli->err)) {
		r = cli_fail(cli);
	} else {
		printf(_("BSN of %s %s: %s (recorded in the access log)\n"), fd.found.given_name,
			fd.found.family_name, bsn);
	}
	cli_close(cli);
	return r;
}

int cmd_family_person(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&person_cmd);
		return cli_usage_error("family person ", _("which person command? add or bsn"));
	}
	argv[0] = (char *)word;
	if (strcmp(word, "add") == 0)
		return person_add_cmd(cli, argc, argv);
	if (strcmp(word, "bsn") == 0)
		return person_bsn_cmd(cli, argc, argv);
	return cli_usage_error("family person ", _("unknown person command '%s'"), word);
}
