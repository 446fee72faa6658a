/* casus audit: the access log (who did what to which family, when, from where) for a
 * teamleider, and `casus audit --verify`, which checks its hash chain. A report for
 * one family is an export of personal data (the family may be given it), so it is
 * itself recorded in the access log before any row is shown. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "cli.h"

static const struct cli_cmd audit_cmd = {
	"audit",
	N_("casus audit [--family CASE_NO] [--user LOGIN] [--since DATE] [--until DATE] "
	   "[--format table|tsv|json] | --verify"),
	N_("The access log: every create, read, change, search and export, with who did it\n"
	   "(and on whose behalf), when, from which workstation, on which family and\n"
	   "object. Only a teamleider may read it. A report for one family (--family) is an\n"
	   "export, and is itself recorded in the access log. Break-glass reads (a\n"
	   "confidential note read by someone the restriction keeps out, with a reason) are\n"
	   "marked BREAKGLASS! in the table and counted below it.\n"
	   "TSV columns: seq, at, event, login, on_behalf, workstation, case_no,\n"
	   "object_type, object_id, detail.\n"
	   "\n"
	   "  --family CASE_NO   only rows about this family\n"
	   "  --user LOGIN       only rows of this login\n"
	   "  --since DATE       only rows from this day on (YYYY-MM-DD, local time)\n"
	   "  --until DATE       only rows up to and including this day\n"
	   "  --format F         table (default), tsv or json\n"
	   "  --verify           check that the log is complete and unchanged (its hash chain):\n"
	   "                     exit 0 when intact, 6 naming the first broken row. Needs no\n"
	   "                     team membership and works on a read-only database"),
};

enum { O_FAMILY, O_USER, O_SINCE, O_UNTIL, O_FORMAT, O_VERIFY, O_COUNT };
static const struct cli_opt audit_opts[O_COUNT] = {
	[O_FAMILY] = { "family", true },
	[O_USER] = { "user", true },
	[O_SINCE] = { "since", true },
	[O_UNTIL] = { "until", true },
	[O_FORMAT] = { "format", true },
	[O_VERIFY] = { "verify", false },
};

/* ---- --verify ---- */

static int verify(struct cli *cli)
{
	int64_t bad = 0, rows = 0;
	int r = cli_open(cli, false);
	if (r)
		return r;
	enum casus_rc rc = audit_verify(cli->ctx, &bad, &rows, &cli->err);
	cli_close(cli);
	if (rc && bad > 0) {
		fflush(stdout);
		fprintf(stderr, "casus: %s\n", cli->err.msg);
		return CLI_EXIT_UNSOUND;
	}
	if (rc)
		return cli_fail(cli);
	printf(_("The access log is intact (%lld rows).\n"), (long long)rows);
	return CLI_EXIT_OK;
}

/* ---- the listing ---- */

/* "2026-11-23T09:00:05Z" -> "2026-11-23 09:00:05" (UTC, as stored) */
static void local_seconds(const char *iso, char out[20])
{
	size_t n = strnlen(iso, 19);
	memcpy(out, iso, n);
	out[n] = '\0';
	if (n == 19 && out[10] == 'T')
		out[10] = ' ';
}

struct listing {
	struct out *o;
	long flagged;
};

static int audit_row_out(void *arg, const struct audit_row *in)
{
	struct listing *l = arg;
	char seq[24], at[20];
	struct audit_row redacted;
	const struct audit_row *a = in;
	if (in->redacted_by) {
		redacted = *in;
		audit_detail_text(in, redacted.detail, sizeof redacted.detail);
		a = &redacted;
	}
	snprintf(seq, sizeof seq, "%" PRId64, a->seq);
	bool flagged = audit_row_flagged(a);
	l->flagged += flagged;
	if (out_fmt(l->o) == OUT_TABLE) {
		char object[80];
		local_seconds(a->at, at);
		snprintf(object, sizeof object, "%s%s%.8s", a->object_type,
			*a->object_id ? " " : "", a->object_id);
		/* Break-glass reads must catch the reviewer's eye. */
		const char *vals[] = { seq, at, flagged ? "BREAKGLASS!" : a->event, a->login,
			a->on_behalf, a->workstation, a->case_no, object, a->detail };
		out_row(l->o, vals);
		return 0;
	}
	const char *vals[] = { seq, a->at, a->event, a->login, a->on_behalf, a->workstation,
		a->case_no, a->object_type, a->object_id, a->detail };
	out_row(l->o, vals);
	return 0;
}

static int run_list(struct cli *cli, const struct audit_filter *f, enum out_format fmt)
{
	/* The table sizes its columns from the first rows; a break-glass row further down
	 * must not be cut, so the event column is made wide enough for it. */
	char event_head[64];
	snprintf(event_head, sizeof event_head, "%-11s", _("event"));
	const struct out_col table_cols[] = {
		{ "seq", _("row"), OUT_INT, 0, true },
		{ "at", _("time (UTC)"), OUT_TEXT, 0, false },
		{ "event", event_head, OUT_TEXT, 0, false },
		{ "login", _("login"), OUT_TEXT, 0, false },
		{ "on_behalf", _("on behalf of"), OUT_OPT, 0, false },
		{ "workstation", _("workstation"), OUT_TEXT, 24, false },
		{ "case_no", _("case"), OUT_OPT, 0, false },
		{ "object", _("object"), OUT_TEXT, 0, false },
		{ "detail", _("detail"), OUT_TEXT, 0, false },
	};
	static const struct out_col data_cols[] = {
		{ "seq", "", OUT_INT, 0, false },
		{ "at", "", OUT_TEXT, 0, false },
		{ "event", "", OUT_TEXT, 0, false },
		{ "login", "", OUT_TEXT, 0, false },
		{ "on_behalf", "", OUT_OPT, 0, false },
		{ "workstation", "", OUT_TEXT, 0, false },
		{ "case_no", "", OUT_OPT, 0, false },
		{ "object_type", "", OUT_OPT, 0, false },
		{ "object_id", "", OUT_OPT, 0, false },
		{ "detail", "", OUT_OPT, 0, false },
	};
	struct out *o = fmt == OUT_TABLE ? out_begin(stdout, fmt, table_cols, 9)
					 : out_begin(stdout, fmt, data_cols, 10);
	if (!o)
		return CLI_EXIT_ERROR;
	struct listing l = { o, 0 };
	enum casus_rc rc = audit_each(cli->ctx, f, audit_row_out, &l, &cli->err);
	long n = out_end(o);
	if (rc)
		return cli_fail(cli);
	if (n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("No rows of the access log match."));
	if (l.flagged && fmt == OUT_TABLE)
		printf(_("Break-glass reads of restricted notes among these rows: %ld.\n"),
			l.flagged);
	return CLI_EXIT_OK;
}

/* A teamleider only; a family's report is recorded as an export first. */
static enum casus_rc prepare(struct cli *cli, const char *case_no, enum out_format fmt,
	struct family *fam)
{
	enum casus_rc r = member_require(cli->ctx, ROLE_TEAMLEIDER, _("read the access log"),
		&cli->err);
	if (r || !case_no)
		return r;
	static const char *const names[] = { "table", "tsv", "json" };
	char detail[64];
	snprintf(detail, sizeof detail, "access report (%s)", names[fmt]);
	if ((r = family_get(cli->ctx, case_no, fam, &cli->err)))
		return r;
	return audit_log(cli->ctx, AUDIT_EXPORT, fam->id, "audit", NULL, detail, &cli->err);
}

static int listing(struct cli *cli, const struct cli_val *v)
{
	struct audit_filter f = { NULL, v[O_USER].arg, NULL, NULL };
	struct family fam;
	enum out_format fmt;
	char since[21], until[21];
	int r;
	if (v[O_SINCE].set && !clock_local_day_start(v[O_SINCE].arg, false, since))
		return cli_usage_error("audit ", _("--since needs a date written as YYYY-MM-DD, not "
						   "'%s'"), v[O_SINCE].arg);
	if (v[O_UNTIL].set && !clock_local_day_start(v[O_UNTIL].arg, true, until))
		return cli_usage_error("audit ", _("--until needs a date written as YYYY-MM-DD, not "
						   "'%s'"), v[O_UNTIL].arg);
	if (v[O_SINCE].set && v[O_UNTIL].set && strcmp(v[O_SINCE].arg, v[O_UNTIL].arg) > 0)
		return cli_usage_error("audit ", _("--until (%s) is before --since (%s)"),
			v[O_UNTIL].arg, v[O_SINCE].arg);
	f.since = v[O_SINCE].set ? since : NULL;
	f.until = v[O_UNTIL].set ? until : NULL;
	if ((r = cli_format("audit", &v[O_FORMAT], true, &fmt)) || (r = cli_open(cli, true)))
		return r;
	if (prepare(cli, v[O_FAMILY].arg, fmt, &fam)) {
		r = cli_fail(cli);
	} else {
		f.family_id = v[O_FAMILY].set ? fam.id : NULL;
		r = run_list(cli, &f, fmt);
	}
	cli_close(cli);
	return r;
}

int cmd_audit(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	int r = cli_parse(cli, &audit_cmd, argc, argv, audit_opts, O_COUNT, v, NULL, 0, 0, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if (!v[O_VERIFY].set)
		return listing(cli, v);
	if (v[O_FAMILY].set || v[O_USER].set || v[O_SINCE].set || v[O_UNTIL].set
	    || v[O_FORMAT].set)
		return cli_usage_error("audit ", _("--verify checks the whole log; it takes no "
						   "--family, --user, --since, --until or --format"));
	return verify(cli);
}
