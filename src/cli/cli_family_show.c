/* casus family show: one family's dossier. Opening it is an audited read
 * (family_open). Persons are shown with their age only: never the birth date or
 * the BSN itself, just whether a BSN is known. */
#include <stdio.h>
#include <string.h>

#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/regie.h"
#include "cli.h"

static const struct cli_cmd show_cmd = {
	"family show",
	N_("casus family show CASE_NO [--format table|json]"),
	N_("Show a family's dossier: details, regievoerder and regie history, phase\n"
	   "history, persons (with their age; whether a BSN is known, never the BSN) and\n"
	   "involved parties. Opening a dossier is recorded in the access log.\n"
	   "\n"
	   "  --format F   table (default) or json"),
};

enum { O_FORMAT, O_COUNT };
static const struct cli_opt show_opts[O_COUNT] = { [O_FORMAT] = { "format", true } };

struct show {
	struct cli *cli;
	struct json j;
	struct out *o;
	bool json;
};

static const char *dash(const char *s)
{
	return s && *s ? s : "-";
}

/* People read names, not logins: the name of the member with this login. */
static const char *name_of(struct show *s, const char *login, struct member *m)
{
	struct casus_err e;
	if (!*login || member_get_by_login(s->cli->ctx, login, m, &e) != CASUS_OK)
		return login;
	return m->name;
}

/* ---- the details block ---- */

static void detail_lines(const char *const (*kv)[2], int n)
{
	int w = 0;
	for (int i = 0; i < n; i++)
		if (kv[i][0] && out_width(kv[i][0]) > w)
			w = out_width(kv[i][0]);
	for (int i = 0; i < n; i++) {
		if (!kv[i][0])
			continue;
		fputs("  ", stdout);
		out_pad(stdout, kv[i][0], w + 2);
		printf("%s\n", dash(kv[i][1]));
	}
}

static void table_details(const struct family *f)
{
	char triage[2] = { f->triage, 0 }, referral[64], regie[1024], changed[1200], reopened[32];
	char at[17];
	snprintf(referral, sizeof referral, "%s (%s)", f->referral_kind, f->referral_source);
	regie[0] = '\0';
	if (f->regie_id[0])
		snprintf(regie, sizeof regie, "%s (%s)", f->regie_name, f->regie_login);
	cli_time(f->updated_at, at);
	snprintf(changed, sizeof changed, _("%s by %s"), at, f->updated_by_name);
	snprintf(reopened, sizeof reopened, "%d", f->reopen_count);
	const char *const kv[][2] = {
		{ _("phase"), family_phase_label(f->phase) },
		{ _("triage"), triage },
		{ _("framework"), family_framework_name(f->framework) },
		{ _("referral"), referral },
		{ _("registered"), f->registered_on },
		{ _("first contact"), f->first_contact_on },
		{ _("first home visit"), f->first_visit_on },
		{ f->closed_on[0] ? _("closed on") : NULL, f->closed_on },
		{ _("regievoerder"), regie },
		{ _("next evaluation"), f->next_eval_on },
		{ _("address"), f->address },
		{ _("phone"), f->phone },
		{ f->reopen_count ? _("times reopened") : NULL, reopened },
		{ _("last change"), changed },
	};
	printf(_("Family %s: %s\n"), f->case_no, f->display_name);
	detail_lines(kv, (int)(sizeof kv / sizeof kv[0]));
}

static void json_details(struct json *j, const struct family *f)
{
	char triage[2] = { f->triage, 0 };
	json_str(j, "case_no", f->case_no);
	json_str(j, "name", f->display_name);
	json_str(j, "phase", family_phase_name(f->phase));
	json_opt(j, "triage", triage);
	json_str(j, "framework", family_framework_name(f->framework));
	json_str(j, "referral_kind", f->referral_kind);
	json_str(j, "referral_source", f->referral_source);
	json_str(j, "registered", f->registered_on);
	json_opt(j, "first_contact", f->first_contact_on);
	json_opt(j, "first_visit", f->first_visit_on);
	json_opt(j, "closed", f->closed_on);
	json_opt(j, "regievoerder", f->regie_login);
	json_opt(j, "regievoerder_name", f->regie_name);
	json_opt(j, "next_evaluation", f->next_eval_on);
	json_opt(j, "address", f->address);
	json_opt(j, "phone", f->phone);
	json_int(j, "reopen_count", f->reopen_count);
	json_int(j, "rev", f->rev);
	json_str(j, "updated_at", f->updated_at);
	json_opt(j, "updated_by", f->updated_by_login);
}

/* ---- sections: a titled table, or a JSON array ---- */

static void section_begin(struct show *s, const char *key, const char *title,
	const struct out_col *cols, int ncols)
{
	if (s->json) {
		json_open(&s->j, key, '[', false);
		return;
	}
	printf("\n%s\n", title);
	s->o = out_begin(stdout, OUT_TABLE, cols, ncols);
	if (s->o)
		out_indent(s->o, 2);
}

static void section_end(struct show *s)
{
	if (s->json) {
		json_close(&s->j, ']');
	} else if (s->o) {
		if (out_end(s->o) == 0)
			printf("  %s\n", _("(none)"));
		s->o = NULL;
	}
}

static int regie_row(void *arg, const struct regie_row *r)
{
	struct show *s = arg;
	if (s->json) {
		json_open(&s->j, NULL, '{', true);
		json_str(&s->j, "login", r->member_login);
		json_str(&s->j, "name", r->member_name);
		json_str(&s->j, "from", r->started_at);
		json_opt(&s->j, "until", r->ended_at);
		json_opt(&s->j, "assigned_by", r->assigned_by_login);
		json_opt(&s->j, "reason", r->reason);
		json_close(&s->j, '}');
	} else if (s->o) {
		char from[17], until[17];
		struct member m;
		cli_time(r->started_at, from);
		cli_time(r->ended_at, until);
		const char *v[] = { r->member_name, from, dash(until),
			name_of(s, r->assigned_by_login, &m), r->reason };
		out_row(s->o, v);
	}
	return 0;
}

static int phase_row(void *arg, const struct phase_change_row *r)
{
	struct show *s = arg;
	if (s->json) {
		json_open(&s->j, NULL, '{', true);
		json_str(&s->j, "at", r->changed_on);
		json_opt(&s->j, "from", r->from);
		json_str(&s->j, "to", r->to);
		json_opt(&s->j, "by", r->by_login);
		json_opt(&s->j, "reason", r->reason);
		json_close(&s->j, '}');
	} else if (s->o) {
		char at[17];
		struct member m;
		cli_time(r->changed_on, at);
		int from = family_phase_parse(r->from), to = family_phase_parse(r->to);
		const char *v[] = { at, from < 0 ? "-" : family_phase_label((enum family_phase)from),
			to < 0 ? r->to : family_phase_label((enum family_phase)to),
			name_of(s, r->by_login, &m), r->reason };
		out_row(s->o, v);
	}
	return 0;
}

static int person_row(void *arg, const struct person *p)
{
	struct show *s = arg;
	int age = person_age(p);
	if (s->json) {
		json_open(&s->j, NULL, '{', true);
		json_str(&s->j, "given_name", p->given_name);
		json_str(&s->j, "family_name", p->family_name);
		json_str(&s->j, "role", person_role_name(p->role));
		age >= 0 ? json_int(&s->j, "age", age) : json_null(&s->j, "age");
		json_bool(&s->j, "authority", p->authority);
		json_bool(&s->j, "bsn", p->has_bsn);
		json_close(&s->j, '}');
	} else if (s->o) {
		char name[1024], agebuf[16];
		snprintf(name, sizeof name, "%s %s", p->given_name, p->family_name);
		snprintf(agebuf, sizeof agebuf, age >= 0 ? "%d" : "-", age);
		const char *v[] = { name, person_role_label(p->role), agebuf,
			p->authority ? _("yes") : "", p->has_bsn ? _("yes") : _("no") };
		out_row(s->o, v);
	}
	return 0;
}

static int party_row(void *arg, const struct party *p)
{
	struct show *s = arg;
	if (s->json) {
		json_open(&s->j, NULL, '{', true);
		json_str(&s->j, "kind", party_kind_name(p->kind));
		json_str(&s->j, "name", p->name);
		json_opt(&s->j, "organisation", p->organisation);
		json_opt(&s->j, "role", p->role);
		json_opt(&s->j, "contact", p->contact);
		json_bool(&s->j, "active", p->active);
		json_close(&s->j, '}');
	} else if (s->o) {
		const char *v[] = { p->name, party_kind_name(p->kind), p->organisation, p->role,
			p->contact, p->active ? "" : _("no longer involved") };
		out_row(s->o, v);
	}
	return 0;
}

/* The four histories and lists; stops at the first error. */
static enum casus_rc show_sections(struct cli *cli, struct show *s, const struct family *f)
{
	const struct out_col regie_cols[] = {
		{ "", _("regievoerder"), OUT_TEXT, 32, false }, { "", _("from"), OUT_TEXT, 0, false },
		{ "", _("until"), OUT_TEXT, 0, false }, { "", _("assigned by"), OUT_TEXT, 0, false },
		{ "", _("reason"), OUT_TEXT, 0, false },
	};
	const struct out_col phase_cols[] = {
		{ "", _("date"), OUT_TEXT, 0, false }, { "", _("from"), OUT_TEXT, 0, false },
		{ "", _("to"), OUT_TEXT, 0, false }, { "", _("by"), OUT_TEXT, 0, false },
		{ "", _("reason"), OUT_TEXT, 0, false },
	};
	const struct out_col person_cols[] = {
		{ "", _("name"), OUT_TEXT, 40, false }, { "", _("role"), OUT_TEXT, 0, false },
		{ "", _("age"), OUT_TEXT, 0, true }, { "", _("parental authority"), OUT_TEXT, 0, false },
		{ "", _("BSN known"), OUT_TEXT, 0, false },
	};
	const struct out_col party_cols[] = {
		{ "", _("name"), OUT_TEXT, 32, false }, { "", _("kind"), OUT_TEXT, 0, false },
		{ "", _("organisation"), OUT_TEXT, 32, false }, { "", _("role"), OUT_TEXT, 24, false },
		{ "", _("contact"), OUT_TEXT, 32, false }, { "", "", OUT_TEXT, 0, false },
	};
	enum casus_rc r;
	section_begin(s, "regie_history", _("Regie"), regie_cols, 5);
	r = regie_history(cli->ctx, f->id, regie_row, s, &cli->err);
	section_end(s);
	if (r)
		return r;
	section_begin(s, "phase_history", _("Phases"), phase_cols, 5);
	r = family_phase_history(cli->ctx, f->id, phase_row, s, &cli->err);
	section_end(s);
	if (r)
		return r;
	section_begin(s, "persons", _("Persons"), person_cols, 5);
	r = person_each(cli->ctx, f->id, person_row, s, &cli->err);
	section_end(s);
	if (r)
		return r;
	section_begin(s, "parties", _("Involved parties"), party_cols, 6);
	r = party_each(cli->ctx, f->id, party_row, s, &cli->err);
	section_end(s);
	return r;
}

int cmd_family_show(struct cli *cli, int argc, char **argv)
{
	struct cli_val v[O_COUNT];
	enum out_format fmt;
	const char *case_no;
	int r = cli_parse(cli, &show_cmd, argc, argv, show_opts, O_COUNT, v, &case_no, 1, 1, NULL);
	if (r != CLI_CONTINUE)
		return r;
	if ((r = cli_format("family show", &v[O_FORMAT], false, &fmt)) || (r = cli_open(cli, true)))
		return r;
	struct family f;
	struct show s = { .cli = cli, .json = fmt == OUT_JSON };
	if (family_open(cli->ctx, case_no, &f, &cli->err)) {
		r = cli_fail(cli);
		cli_close(cli);
		return r;
	}
	if (s.json) {
		json_init(&s.j, stdout);
		json_open(&s.j, NULL, '{', false);
		json_details(&s.j, &f);
	} else {
		table_details(&f);
	}
	enum casus_rc rc = show_sections(cli, &s, &f);
	if (s.json)
		json_close(&s.j, '}');
	r = rc ? cli_fail(cli) : CLI_EXIT_OK;
	cli_close(cli);
	return r;
}
