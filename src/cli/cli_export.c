/* casus export plan|meldcode: a family's plan or meldcode record as a document (md)
 * or for other systems (json), in the language of --lang. Core writes the access-log
 * row of every export. The document is made in memory first, so a refused export
 * prints nothing and leaves no file behind; --output creates a new file readable by
 * its owner only (0600) and never overwrites one. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casus/i18n.h"
#include "casus/consent.h"
#include "casus/family.h"
#include "casus/meldcode.h"
#include "casus/party.h"
#include "casus/plan.h"
#include "cli.h"
#include "cli_meeting.h"

static const struct cli_cmd export_cmd = {
	"export",
	N_("casus export plan|meldcode|minutes|dossier|access KEY --format md|json "
	   "[--output FILE]"),
	N_("Export a family's record, in the language of --lang (default nl). Every export\n"
	   "is recorded in the access log.\n"
	   "\n"
	   "  casus export plan CASE_NO [--version N] --format md|json [--output FILE]\n"
	   "  casus export meldcode CASE_NO --format md|json [--output FILE]\n"
	   "  casus export minutes MEETING --format md|json [--privacy] [--output FILE]\n"
	   "  casus export dossier CASE_NO --format md|json [--leave-out PARTS --reason TEXT]\n"
	   "  casus export access CASE_NO --format md|json [--output FILE]\n"
	   "See casus export COMMAND --help."),
};

static const struct cli_cmd plan_cmd = {
	"export plan",
	N_("casus export plan CASE_NO [--version N] --format md|json [--output FILE] "
	   "[--share-with PARTY [--purpose TEXT] [--legal-ground TEXT]]"),
	N_("Export the family's plan: a readable document the family can be given (md), or\n"
	   "JSON with stable keys for other systems. It holds every section, the goals,\n"
	   "actions and evaluations, the version, and who agreed to it, how and when.\n"
	   "\n"
	   "  --version N     this version; 'agreed' for the version in force; default the\n"
	   "                  newest (a draft being written, else the agreed one)\n"
	   "  --format F      md or json (required)\n"
	   "  --output FILE   write a new file (mode 0600; an existing file is never\n"
	   "                  overwritten) instead of printing\n"
	   "  --share-with PARTY    the document goes to this involved party (its name or\n"
	   "                        id): without everyone's consent (age rule) it is refused\n"
	   "                        unless --legal-ground is given; recorded either way\n"
	   "  --purpose TEXT        the purpose, to match the consent given for it\n"
	   "  --legal-ground TEXT   the legal ground for sharing without consent (e.g.\n"
	   "                        meldrecht Veilig Thuis)"),
};

static const struct cli_cmd meldcode_cmd = {
	"export meldcode",
	N_("casus export meldcode CASE_NO --format md|json [--output FILE] [--share-with PARTY "
	   "[--purpose TEXT] [--legal-ground TEXT]]"),
	N_("Export the complete record of the family's meldcode trajectories for the\n"
	   "dossier: the signals and every step and decision, in order (md), or JSON with\n"
	   "stable keys.\n"
	   "\n"
	   "  --format F      md or json (required)\n"
	   "  --output FILE   write a new file (mode 0600; an existing file is never\n"
	   "                  overwritten) instead of printing\n"
	   "  --share-with PARTY    the document goes to this involved party (its name or\n"
	   "                        id): without everyone's consent (age rule) it is refused\n"
	   "                        unless --legal-ground is given; recorded either way\n"
	   "  --purpose TEXT        the purpose, to match the consent given for it\n"
	   "  --legal-ground TEXT   the legal ground for sharing without consent (e.g.\n"
	   "                        meldrecht Veilig Thuis)"),
};

/* --version last: the meldcode export has all but that one. */
enum { O_FORMAT, O_OUTPUT, O_SHARE, O_PURPOSE, O_GROUND, O_VERSION, O_COUNT };
static const struct cli_opt export_opts[O_COUNT] = {
	[O_FORMAT] = { "format", true },
	[O_OUTPUT] = { "output", true },
	[O_SHARE] = { "share-with", true },
	[O_PURPOSE] = { "purpose", true },
	[O_GROUND] = { "legal-ground", true },
	[O_VERSION] = { "version", true },
};

struct export_req {
	const char *case_no;
	bool json;
	int version; /* plan only: 0 newest, -1 in force */
	const char *output;
	const char *share_with, *purpose, *legal_ground;
};

/* ---- where the document goes ---- */

int cli_sink_open(const char *path, struct cli_sink *s)
{
	*s = (struct cli_sink){ .fd = -1 };
	if (path) {
		s->fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (s->fd < 0) {
			int e = errno;
			fputs("casus: ", stderr);
			if (e == EEXIST)
				fprintf(stderr, _("%s exists already; casus never overwrites a file: "
						  "choose another name.\n"), path);
			else
				fprintf(stderr, _("cannot create %s: %s.\n"), path, strerror(e));
			return CLI_EXIT_ERROR;
		}
		/* Exactly 0600, whatever the umask: the document is about a family. */
		(void)fchmod(s->fd, 0600);
	}
	if (!(s->mem = open_memstream(&s->buf, &s->len))) {
		fprintf(stderr, "casus: %s\n", _("Out of memory."));
		if (path) {
			close(s->fd);
			unlink(path);
		}
		return CLI_EXIT_ERROR;
	}
	return 0;
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Deliver the document when ok; a file we created is removed when anything failed. */
int cli_sink_close(struct cli_sink *s, const char *path, bool ok)
{
	int e = 0;
	fclose(s->mem);
	errno = 0;
	if (ok && path) {
		if (!write_all(s->fd, s->buf, s->len) || fsync(s->fd) != 0)
			e = errno ? errno : EIO;
	} else if (ok) {
		fwrite(s->buf, 1, s->len, stdout);
		if (fflush(stdout) != 0 || ferror(stdout))
			e = errno ? errno : EIO;
	}
	if (path && close(s->fd) != 0 && !e)
		e = errno;
	free(s->buf);
	if (path && (!ok || e))
		unlink(path);
	if (e) {
		fprintf(stderr, "casus: %s: %s\n", _("writing the export failed"), strerror(e));
		return CLI_EXIT_ERROR;
	}
	return ok ? CLI_EXIT_OK : CLI_EXIT_ERROR;
}

/* ---- the commands ---- */

struct party_find {
	const char *key;
	char id[CASUS_ID_LEN];
	int matches;
};

static int match_party(void *arg, const struct party *p)
{
	struct party_find *f = arg;
	if (strcmp(f->key, p->id) == 0 || strcmp(f->key, p->name) == 0) {
		snprintf(f->id, sizeof f->id, "%s", p->id);
		f->matches++;
	}
	return 0;
}

/* Record the sharing (or refuse it) in the transaction that makes the document. */
static enum casus_rc share(struct cli *cli, const struct export_req *q, bool plan)
{
	struct family f;
	struct party_find pf = { .key = q->share_with };
	enum casus_rc r;
	if ((r = family_get(cli->ctx, q->case_no, &f, &cli->err))
	    || (r = party_each(cli->ctx, f.id, match_party, &pf, &cli->err)))
		return r;
	if (pf.matches != 1)
		return err_set(&cli->err, CASUS_E_NOTFOUND, pf.matches
			? _("More than one involved party of family %s is called %s; give its id.")
			: _("Family %s has no involved party %s."), f.case_no, q->share_with);
	return consent_share(cli->ctx, f.id, pf.id, plan ? "plan" : "meldcode", q->purpose,
		q->legal_ground, &cli->err);
}

static enum casus_rc make_export(struct cli *cli, bool plan, const struct export_req *q,
	FILE *out);

static enum casus_rc run_export(struct cli *cli, bool plan, const struct export_req *q,
	FILE *out)
{
	if (!q->share_with)
		return make_export(cli, plan, q, out);
	enum casus_rc r = db_begin(cli->ctx, &cli->err);
	if (r)
		return r;
	if ((r = share(cli, q, plan)) || (r = make_export(cli, plan, q, out))) {
		db_rollback(cli->ctx);
		return r;
	}
	return db_commit(cli->ctx, &cli->err);
}

static enum casus_rc make_export(struct cli *cli, bool plan, const struct export_req *q,
	FILE *out)
{
	char lang[8]; /* a copy: the export switches the language and back */
	snprintf(lang, sizeof lang, "%s", i18n_lang());
	if (plan)
		return plan_export(cli->ctx, q->case_no, q->version,
			q->json ? PLAN_FORMAT_JSON : PLAN_FORMAT_MD, lang, out, &cli->err);
	return meldcode_export(cli->ctx, q->case_no, q->json ? MELDCODE_JSON : MELDCODE_MD,
		lang, out, &cli->err);
}

/* The request from the options; 0 or a usage error. */
static int export_req(const char *cmdp, const struct cli_val *v, struct export_req *q)
{
	if (!v[O_FORMAT].set)
		return cli_usage_error(cmdp, _("say which format: --format md or --format json"));
	if (strcmp(v[O_FORMAT].arg, "md") != 0 && strcmp(v[O_FORMAT].arg, "json") != 0)
		return cli_usage_error(cmdp, _("unknown format '%s' (md or json)"), v[O_FORMAT].arg);
	q->json = strcmp(v[O_FORMAT].arg, "json") == 0;
	q->output = v[O_OUTPUT].arg;
	q->share_with = v[O_SHARE].arg;
	q->purpose = v[O_PURPOSE].arg;
	q->legal_ground = v[O_GROUND].arg;
	if ((q->purpose || q->legal_ground) && !q->share_with)
		return cli_usage_error(cmdp, _("--purpose and --legal-ground go with --share-with"));
	if (q->output && !*q->output)
		return cli_usage_error(cmdp, _("--output needs a file name"));
	q->version = 0;
	if (!v[O_VERSION].set)
		return 0;
	const char *s = v[O_VERSION].arg;
	char *end;
	long n = strtol(s, &end, 10);
	if (strcmp(s, "agreed") == 0)
		q->version = -1;
	else if (*s >= '1' && *s <= '9' && !*end && n <= 1000000)
		q->version = (int)n;
	else
		return cli_usage_error(cmdp, _("the version is a number from 1, or 'agreed', not '%s'"),
			s);
	return 0;
}

static int export_cmd_run(struct cli *cli, const struct cli_cmd *cmd, bool plan, int argc,
	char **argv)
{
	struct cli_val v[O_COUNT] = { { false, NULL } }; /* meldcode has no --version */
	struct export_req q;
	struct cli_sink s;
	char cmdp[32];
	snprintf(cmdp, sizeof cmdp, "%s ", cmd->name);
	int r = cli_parse(cli, cmd, argc, argv, export_opts, plan ? O_COUNT : O_COUNT - 1, v,
		&q.case_no, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = export_req(cmdp, v, &q)) || (r = cli_open(cli, true)))
		return r;
	if ((r = cli_sink_open(q.output, &s))) {
		cli_close(cli);
		return r;
	}
	enum casus_rc rc = run_export(cli, plan, &q, s.mem);
	if (rc) {
		cli_sink_close(&s, q.output, false);
		r = cli_fail(cli);
	} else {
		r = cli_sink_close(&s, q.output, true);
	}
	cli_close(cli);
	return r;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	const char *word = cli_shift_word(&argc, argv);
	if (!word) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return cli_print_help(&export_cmd);
		return cli_usage_error("export ", _("what to export? plan, meldcode, minutes, dossier "
						    "or access"));
	}
	argv[0] = (char *)word;
	if (strcmp(word, "plan") == 0)
		return export_cmd_run(cli, &plan_cmd, true, argc, argv);
	if (strcmp(word, "meldcode") == 0)
		return export_cmd_run(cli, &meldcode_cmd, false, argc, argv);
	if (strcmp(word, "minutes") == 0)
		return cmd_export_minutes(cli, argc, argv);
	if (strcmp(word, "dossier") == 0)
		return cmd_export_dossier(cli, argc, argv);
	if (strcmp(word, "access") == 0)
		return cmd_export_access(cli, argc, argv);
	return cli_usage_error("export ", _("unknown export '%s' (plan, meldcode, minutes, "
					     "dossier or access)"), word);
}
