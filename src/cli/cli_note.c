/* casus family note: the notes of a family's dossier (facts, hypotheses, diagnoses).
 * With the team setting privacy.restrict_confidential_notes, a confidential note is
 * shown as withheld to members other than the regievoerder, the
 * gedragswetenschapper and the teamleider; `note show --break-glass REASON` reads it
 * anyway, and core records that in the access log as a break-glass read. */
#include <stdio.h>
#include <string.h>

#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/note.h"
#include "cli.h"

static const struct cli_cmd note_cmd = {
	"family note",
	N_("casus family note list CASE_NO | show NOTE_ID ..."),
	N_("Notes in a family's dossier.\n"
	   "\n"
	   "  casus family note list CASE_NO [--format table|tsv|json]\n"
	   "  casus family note show NOTE_ID [--break-glass REASON]\n"
	   "See casus family note list --help and casus family note show --help."),
};

static const struct cli_cmd list_cmd = {
	"family note list",
	N_("casus family note list CASE_NO [--format table|tsv|json]"),
	N_("The notes of a family, oldest first (opening the dossier, which the access log\n"
	   "records). A confidential note the team's restriction keeps from you is listed\n"
	   "as withheld, without its text.\n"
	   "TSV columns: id, created_at, author, kind, confidential, withheld, text.\n"
	   "\n"
	   "  --format F     table (default; the first line of each note), tsv or json"),
};

static const struct cli_cmd show_cmd = {
	"family note show",
	N_("casus family note show NOTE_ID [--break-glass REASON]"),
	N_("One note in full (the access log records the read).\n"
	   "\n"
	   "  --break-glass REASON   read a confidential note that the team's restriction\n"
	   "                         keeps from you, in an emergency. The reason is required\n"
	   "                         and the read is recorded in the access log as a\n"
	   "                         break-glass read, which the teamleider sees flagged"),
};

enum { L_FORMAT, L_COUNT };
static const struct cli_opt list_opts[L_COUNT] = { [L_FORMAT] = { "format", true } };
enum { S_GLASS, S_COUNT };
static const struct cli_opt show_opts[S_COUNT] = { [S_GLASS] = { "break-glass", true } };

/* The first line of a note, for the table. */
static void first_line(const char *body, char *out, size_t outsz)
{
	size_t n = strcspn(body, "\n\t");
	snprintf(out, outsz, "%.*s%s", (int)(n < outsz - 8 ? n : outsz - 8), body,
		body[n] ? " ..." : "");
}

static int note_row(void *arg, const struct note *n)
{
	struct out *o = arg;
	bool table = out_fmt(o) == OUT_TABLE;
	char text[200], at[17];
	snprintf(at, sizeof at, "%.10s %.5s", n->created_at, n->created_at + 11);
	if (table && n->withheld)
		snprintf(text, sizeof text, "%s", _("(confidential: withheld)"));
	else if (table)
		first_line(n->body, text, sizeof text);
	if (table) {
		const char *vals[] = { n->id, at, n->author_login, note_kind_label(n->kind),
			n->confidential ? _("confidential") : "", text };
		out_row(o, vals);
		return 0;
	}
	const char *vals[] = { n->id, n->created_at, n->author_login, note_kind_name(n->kind),
		n->confidential ? "1" : "0", n->withheld ? "1" : "0", n->body };
	out_row(o, vals);
	return 0;
}

static int note_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[L_COUNT];
	const char *case_no;
	enum out_format fmt;
	int r = cli_parse(cli, &list_cmd, argc, argv, list_opts, L_COUNT, v, &case_no, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("family note list", &v[L_FORMAT], true, &fmt))
	    || (r = cli_open(cli, true)))
		return r;
	const struct out_col table_cols[] = {
		{ "id", _("note"), OUT_TEXT, 0, false },
		{ "created_at", _("written (UTC)"), OUT_TEXT, 0, false },
		{ "author", _("author"), OUT_TEXT, 0, false },
		{ "kind", _("kind"), OUT_TEXT, 0, false },
		{ "confidential", "", OUT_TEXT, 0, false },
		{ "text", _("text"), OUT_TEXT, 60, false },
	};
	static const struct out_col data_cols[] = {
		{ "id", "", OUT_TEXT, 0, false },
		{ "created_at", "", OUT_TEXT, 0, false },
		{ "author", "", OUT_OPT, 0, false },
		{ "kind", "", OUT_TEXT, 0, false },
		{ "confidential", "", OUT_BOOL, 0, false },
		{ "withheld", "", OUT_BOOL, 0, false },
		{ "text", "", OUT_TEXT, 0, false },
	};
	struct family f;
	if (family_open(cli->ctx, case_no, &f, &cli->err)) {
		r = cli_fail(cli);
		cli_close(cli);
		return r;
	}
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 6)
					 : out_begin(stdout, fmt, data_cols, 7);
	if (!o) {
		cli_close(cli);
		return CLI_EXIT_ERROR;
	}
	enum casus_rc rc = note_each(cli->ctx, f.id, note_row, o, &cli->err);
	long n = out_end(o);
	if (rc)
		r = cli_fail(cli);
	else if (n == 0 && fmt == OUT_TABLE)
		printf(_("Family %s has no notes.\n"), f.case_no);
	cli_close(cli);
	return r;
}

static void print_note(const struct note *n)
{
	printf("%s: %s\n", _("Note"), n->id);
	printf("%s: %s\n", _("Written"), n->created_at);
	printf("%s: %s (%s)\n", _("Author"), n->author_name, n->author_login);
	printf("%s: %s%s\n", _("Kind"), note_kind_label(n->kind),
		n->confidential ? _(", confidential") : "");
	if (n->diagnosed_by[0])
		printf("%s: %s\n", _("Diagnosed by"), n->diagnosed_by);
	if (n->corrects[0])
		printf("%s: %s\n", _("Corrects"), n->corrects);
	printf("\n%s\n", n->body);
}

static int note_show_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[S_COUNT];
	const char *id;
	int r = cli_parse(cli, &show_cmd, argc, argv, show_opts, S_COUNT, v, &id, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_open(cli, true)))
		return r;
	struct note n;
	/* The glass is broken only when the note is withheld from this member. */
	enum casus_rc rc = note_open(cli->ctx, id, &n, &cli->err);
	bool glass = !rc && n.withheld && v[S_GLASS].set;
	if (glass) {
		note_free(&n);
		rc = note_break_glass(cli->ctx, id, v[S_GLASS].arg, &n, &cli->err);
	}
	if (rc) {
		r = cli_fail(cli);
	} else if (n.withheld) {
		fflush(stdout);
		fprintf(stderr, "casus: %s\n", _("This note is confidential and the team restricts "
			"it to the regievoerder, the gedragswetenschapper and the teamleider. In an "
			"emergency, read it with --break-glass REASON; the access log records that."));
		r = CLI_EXIT_PERM;
	} else {
		fflush(stdout);
		if (glass)
			fprintf(stderr, "casus: %s\n", _("Read by breaking the glass; the access log "
				"records it with your reason."));
		else if (v[S_GLASS].set)
			fprintf(stderr, "casus: %s\n", _("You may read this note; there is no glass to "
				"break."));
		print_note(&n);
	}
	note_free(&n);
	cli_close(cli);
	return r;
}

int cmd_family_note(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&note_cmd);
		return cli_usage_error("family note ", _("which note command? list or show"));
	}
	argv[0] = (char *)word;
	if (strcmp(word, "list") == 0)
		return note_list_cmd(cli, argc, argv);
	if (strcmp(word, "show") == 0)
		return note_show_cmd(cli, argc, argv);
	return cli_usage_error("family note ", _("unknown note command '%s'"), word);
}
