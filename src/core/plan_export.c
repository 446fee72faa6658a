/* The plan for the family: plan_export() and the readable Markdown document, in Dutch
 * or English whatever the UI language is (the words live in a table here, so an
 * export in another language never changes what the user sees elsewhere). The JSON
 * form is in plan_export_json.c. */
#include <stdio.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/party.h"
#include "casus/person.h"
#include "export_doc.h"
#include "export_text.h"
#include "plan_export.h"

/* ---- words ---- */

static const char *const words[][2] = {
	[W_TITLE] = { "Gezinsplan", "Family plan" },
	[W_CASE_NO] = { "Dossiernummer", "Case number" },
	[W_VERSION] = { "Versie", "Version" },
	[W_DRAFT] = { "concept, nog niet ingestemd", "draft, not yet agreed" },
	[W_AGREED] = { "ingestemd", "agreed" },
	[W_SUPERSEDED] = { "vervangen door een nieuwere versie", "replaced by a newer version" },
	[W_REGIE] = { "Regievoerder", "Coordinator (regievoerder)" },
	[W_NO_REGIE] = { "nog niet toegewezen", "not assigned yet" },
	[W_AGREEMENT] = { "Instemming", "Agreement" },
	[W_AGREED_ON] = { "Met dit plan is op %s ingestemd (%s) door:",
		"This plan was agreed on %s (%s) by:" },
	[W_NOT_AGREED] = { "Dit plan is een concept: er is nog niet mee ingestemd.",
		"This plan is a draft: it has not been agreed yet." },
	[W_HOW_IN_PERSON] = { "persoonlijk", "in person" },
	[W_HOW_PHONE] = { "telefonisch", "by phone" },
	[W_HOW_PAPER] = { "op papier ondertekend", "signed on paper" },
	[W_INVOLVED] = { "Betrokkenen", "People involved" },
	[W_FAMILY] = { "Gezin", "Family" },
	[W_NETWORK] = { "Netwerk", "Network" },
	[W_PROS] = { "Professionals", "Professionals" },
	[W_YEARS] = { "%s jaar", "%s years" },
	[W_AANLEIDING] = { "Aanleiding", "Reason for the request" },
	[W_HULPVRAAG] = { "Hulpvraag", "The family's question" },
	[W_KRACHTEN] = { "Krachten", "Strengths" },
	[W_ZORGEN] = { "Zorgen", "Worries" },
	[W_EERDERE_HULP] = { "Eerdere hulp", "Earlier help" },
	[W_DOELEN] = { "Doelen", "Goals" },
	[W_ACTIES] = { "Acties", "Actions" },
	[W_AFSPRAKEN] = { "Afspraken met organisaties", "Agreements with organisations" },
	[W_VEILIGHEID] = { "Veiligheidsplan", "Safety plan" },
	[W_EVALUATIES] = { "Evaluaties", "Evaluations" },
	[W_SAFE_WORRIES] = { "Waar maken we ons zorgen over?", "What are we worried about?" },
	[W_SAFE_WORKING] = { "Wat gaat goed?", "What is working well?" },
	[W_SAFE_NEEDED] = { "Wat moet er gebeuren?", "What needs to happen?" },
	[W_SAFE_AGREEMENTS] = { "Bindende afspraken", "Binding agreements" },
	[W_SAFE_SCALE] = { "Veiligheidsschaal: %s van 10", "Safety scale: %s out of 10" },
	[W_EMPTY] = { "Nog niet ingevuld.", "Not filled in yet." },
	[W_NO_SAFETY] = { "Er is geen veiligheidsplan opgenomen.", "There is no safety plan." },
	[W_NO_WORRIES] = { "Er zijn geen zorgen vastgelegd.", "No worries have been written down." },
	[W_NO_GOALS] = { "Er zijn nog geen doelen.", "There are no goals yet." },
	[W_NO_ACTIONS] = { "Er zijn nog geen acties.", "There are no actions yet." },
	[W_NO_ARRANGEMENTS] = { "Er zijn geen afspraken met organisaties.",
		"There are no agreements with organisations." },
	[W_NO_EVALUATIONS] = { "Er zijn nog geen evaluaties gepland.",
		"No evaluations have been planned yet." },
	[W_NOBODY] = { "Nog niemand vastgelegd.", "Nobody recorded yet." },
	[W_WHO_WORRIES] = { "Wie maakt zich zorgen", "Who is worried" },
	[W_SINCE] = { "sinds", "since" },
	[W_CONSEQUENCES] = { "Gevolgen", "Consequences" },
	[W_SCALE] = { "Schaal", "Scale" },
	[W_SCALE_START] = { "start", "start" },
	[W_SCALE_NOW] = { "nu", "now" },
	[W_SCALE_TARGET] = { "doel", "target" },
	[W_STATUS] = { "Status", "Status" },
	[W_REASON] = { "Reden", "Reason" },
	[W_GOAL_OPEN] = { "open", "open" },
	[W_GOAL_REACHED] = { "bereikt", "reached" },
	[W_GOAL_ADJUSTED] = { "bijgesteld", "adjusted" },
	[W_GOAL_DROPPED] = { "vervallen", "dropped" },
	[W_WHO] = { "Wie", "Who" },
	[W_WHEN] = { "Wanneer", "When" },
	[W_NO_DATE] = { "geen datum", "no date" },
	[W_ACTION_OPEN] = { "open", "open" },
	[W_ACTION_DONE] = { "gedaan", "done" },
	[W_ACTION_CANCELLED] = { "geannuleerd", "cancelled" },
	[W_OVERDUE] = { "te laat", "overdue" },
	[W_FOR_GOAL] = { "Bij doel %s", "For goal %s" },
	[W_OWNER_PERSON] = { "gezinslid", "family member" },
	[W_OWNER_NETWORK] = { "netwerk", "network" },
	[W_OWNER_PROFESSIONAL] = { "professional", "professional" },
	[W_OWNER_MEMBER] = { "jeugdteam", "youth team" },
	[W_PLANNED] = { "Gepland op %s", "Planned on %s" },
	[W_HELD] = { "gehouden op %s", "held on %s" },
	[W_NOT_HELD] = { "nog niet gehouden", "not held yet" },
	[W_OUTCOME] = { "Uitkomst", "Outcome" },
	[W_NEXT_EVAL] = { "Volgende evaluatie", "Next evaluation" },
	[W_MADE] = { "Gemaakt op %s door %s.", "Made on %s by %s." },
	[W_ROLE_OUDER] = { "ouder", "parent" },
	[W_ROLE_VERZORGER] = { "verzorger", "carer" },
	[W_ROLE_KIND] = { "kind", "child" },
	[W_ROLE_PARTNER] = { "partner", "partner" },
	[W_ROLE_HUISGENOOT] = { "huisgenoot", "housemate" },
};

const char *xw(const struct xw_doc *d, enum xw_word w)
{
	return words[w][d->en ? 1 : 0];
}

void xw_date(const struct xw_doc *d, const char *iso, char *out, size_t outsz)
{
	static const char *const months[2][12] = {
		{ "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		  "september", "oktober", "november", "december" },
		{ "January", "February", "March", "April", "May", "June", "July", "August",
		  "September", "October", "November", "December" } };
	int y, m, day;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &day) != 3 || m < 1 || m > 12) {
		snprintf(out, outsz, "%s", iso ? iso : "");
		return;
	}
	snprintf(out, outsz, "%d %s %d", day, months[d->en ? 1 : 0][m - 1], y);
}

/* Write word w with its "%s" placeholders filled by a and b in turn. The words are
 * data, not format strings: printf never sees them. */
static void xw_put(const struct xw_doc *d, enum xw_word w, const char *a, const char *b)
{
	const char *args[2] = { a, b };
	int next = 0;
	for (const char *s = xw(d, w); *s; s++) {
		if (s[0] == '%' && s[1] == 's') {
			fputs(next < 2 && args[next] ? args[next] : "", d->out);
			next++;
			s++;
		} else {
			fputc(*s, d->out);
		}
	}
}

static void xw_put_int(const struct xw_doc *d, enum xw_word w, int v)
{
	char num[12];
	snprintf(num, sizeof num, "%d", v);
	xw_put(d, w, num, NULL);
}

/* ---- Markdown text ---- */

static void md_section(struct xw_doc *d, enum xw_word heading, const char *text, bool quote)
{
	fprintf(d->out, "\n## %s\n\n", xw(d, heading));
	if (!text || !*text) {
		fprintf(d->out, "%s\n", xw(d, W_EMPTY));
		return;
	}
	fputs(quote ? "> " : "", d->out);
	export_md_text(d->out, text, quote ? "> " : "");
	fputc('\n', d->out);
}

/* ---- the document's parts ---- */

static void md_head(struct xw_doc *d)
{
	char date[40];
	enum xw_word st = d->p->status == PLAN_AGREED ? W_AGREED
		: d->p->status == PLAN_SUPERSEDED ? W_SUPERSEDED : W_DRAFT;
	fprintf(d->out, "# %s ", xw(d, W_TITLE));
	export_md_text(d->out, d->f->display_name, "");
	fprintf(d->out, "\n\n- %s: %s\n- %s: %d (%s)\n- %s: ", xw(d, W_CASE_NO), d->f->case_no,
		xw(d, W_VERSION), d->p->version, xw(d, st), xw(d, W_REGIE));
	export_md_text(d->out, d->f->regie_id[0] ? d->f->regie_name : xw(d, W_NO_REGIE), "");
	fputc('\n', d->out);
	fprintf(d->out, "\n## %s\n\n", xw(d, W_AGREEMENT));
	if (d->p->status == PLAN_DRAFT) {
		fprintf(d->out, "%s\n", xw(d, W_NOT_AGREED));
		return;
	}
	xw_date(d, d->p->agreed_on, date, sizeof date);
	xw_put(d, W_AGREED_ON, date,
		xw(d, (enum xw_word)(W_HOW_IN_PERSON + (d->p->agreed_how < 0 ? 0 : d->p->agreed_how))));
	fputs("\n\n", d->out);
}

static int md_consenter(void *arg, const struct plan_consenter *c)
{
	struct xw_doc *d = arg;
	fputs("- ", d->out);
	export_md_text(d->out, c->name, "  ");
	if (c->role[0]) {
		enum xw_word w = W_COUNT;
		int role = c->is_person ? person_role_parse(c->role) : -1;
		if (role >= 0)
			w = (enum xw_word)(W_ROLE_OUDER + role);
		fputs(" (", d->out);
		export_md_text(d->out, w != W_COUNT ? xw(d, w) : c->role, "  ");
		fputc(')', d->out);
	}
	fputc('\n', d->out);
	return 0;
}

/* Persons and parties: one pass per group, so each group gets its own heading. */
static int md_person(void *arg, const struct person *p)
{
	struct xw_doc *d = arg;
	fputs("- ", d->out);
	export_md_text(d->out, p->given_name, "  ");
	fputc(' ', d->out);
	export_md_text(d->out, p->family_name, "  ");
	fprintf(d->out, ", %s", xw(d, (enum xw_word)(W_ROLE_OUDER + p->role)));
	int age = person_age(p);
	if (age >= 0) {
		fputs(", ", d->out);
		xw_put_int(d, W_YEARS, age);
	}
	fputc('\n', d->out);
	return 0;
}

static int md_party(void *arg, const struct party *p)
{
	struct xw_doc *d = arg;
	if (!p->active || (int)p->kind != d->group)
		return 0;
	fputs("- ", d->out);
	export_md_text(d->out, p->name, "  ");
	const char *more[] = { p->role, p->organisation, p->contact };
	for (int i = 0; i < 3; i++) {
		if (more[i][0]) {
			fputs(", ", d->out);
			export_md_text(d->out, more[i], "  ");
		}
	}
	fputc('\n', d->out);
	d->count++;
	return 0;
}

static enum casus_rc md_involved(struct xw_doc *d, struct casus_err *err)
{
	enum casus_rc r;
	fprintf(d->out, "\n## %s\n\n### %s\n\n", xw(d, W_INVOLVED), xw(d, W_FAMILY));
	if ((r = person_each(d->ctx, d->f->id, md_person, d, err)))
		return r;
	const enum xw_word heads[] = { W_NETWORK, W_PROS };
	for (int g = PARTY_NETWERK; g <= PARTY_PROFESSIONAL; g++) {
		fprintf(d->out, "\n### %s\n\n", xw(d, heads[g]));
		d->group = g;
		d->count = 0;
		if ((r = party_each(d->ctx, d->f->id, md_party, d, err)))
			return r;
		if (!d->count)
			fprintf(d->out, "%s\n", xw(d, W_NOBODY));
	}
	return CASUS_OK;
}

static int md_worry(void *arg, const struct plan_worry *w)
{
	struct xw_doc *d = arg;
	fprintf(d->out, "- **%s:** ", xw(d, W_WHO_WORRIES));
	export_md_text(d->out, w->who, "  ");
	if (w->since[0]) {
		fprintf(d->out, " (%s ", xw(d, W_SINCE));
		export_md_text(d->out, w->since, "  ");
		fputc(')', d->out);
	}
	fputs("  \n  ", d->out);
	export_md_text(d->out, w->worry, "  ");
	if (w->consequences[0]) {
		fprintf(d->out, "  \n  %s: ", xw(d, W_CONSEQUENCES));
		export_md_text(d->out, w->consequences, "  ");
	}
	fputc('\n', d->out);
	d->count++;
	return 0;
}

static void md_scale_part(struct xw_doc *d, enum xw_word w, int v, bool *first)
{
	if (v < 0)
		return;
	fprintf(d->out, "%s%s %d", *first ? "" : " · ", xw(d, w), v);
	*first = false;
}

/* One goal as a numbered item, under its leefgebied heading (printed once). */
static void md_goal_item(struct xw_doc *d, const struct plan_goal *g, int number)
{
	if (!d->heading_done) {
		fputs("\n### ", d->out);
		export_md_text(d->out, g->leefgebied, "");
		fputs("\n\n", d->out);
		d->heading_done = true;
	}
	fprintf(d->out, "%d. ", number);
	export_md_text(d->out, g->body, "   ");
	bool first = true;
	if (g->scale_start >= 0 || g->scale_now >= 0 || g->scale_target >= 0) {
		fprintf(d->out, "  \n   %s: ", xw(d, W_SCALE));
		md_scale_part(d, W_SCALE_START, g->scale_start, &first);
		md_scale_part(d, W_SCALE_NOW, g->scale_now, &first);
		md_scale_part(d, W_SCALE_TARGET, g->scale_target, &first);
	}
	fprintf(d->out, "  \n   %s: %s", xw(d, W_STATUS), xw(d, (enum xw_word)(W_GOAL_OPEN + g->status)));
	if (g->status != GOAL_OPEN && g->reason[0]) {
		fprintf(d->out, " — %s: ", xw(d, W_REASON));
		export_md_text(d->out, g->reason, "   ");
	}
	fputc('\n', d->out);
}

static int md_goal(void *arg, const struct plan_goal *g)
{
	struct xw_doc *d = arg;
	if (strcmp(g->leefgebied, d->leefgebied) != 0)
		return 0;
	md_goal_item(d, g, xw_goal_number(d, g->id, true));
	return 0;
}

static void md_leefgebied(void *arg, const char *name)
{
	struct xw_doc *d = arg;
	snprintf(d->leefgebied, sizeof d->leefgebied, "%s", name);
	d->heading_done = false;
	if (!d->rc)
		d->rc = plan_goal_each(d->ctx, d->p->id, md_goal, d, d->err);
}

/* Goals whose leefgebied is no longer on the team's list still belong in the plan. */
static int md_goal_unlisted(void *arg, const struct plan_goal *g)
{
	struct xw_doc *d = arg;
	if (xw_goal_number(d, g->id, false) > 0)
		return 0;
	d->heading_done = strcmp(d->leefgebied, g->leefgebied) == 0;
	snprintf(d->leefgebied, sizeof d->leefgebied, "%s", g->leefgebied);
	md_goal_item(d, g, xw_goal_number(d, g->id, true));
	return 0;
}

static enum casus_rc md_goals(struct xw_doc *d, struct casus_err *err)
{
	fprintf(d->out, "\n## %s\n", xw(d, W_DOELEN));
	d->err = err;
	d->rc = CASUS_OK;
	plan_leefgebied_each(d->ctx, md_leefgebied, d);
	if (d->rc)
		return d->rc;
	d->leefgebied[0] = '\0';
	enum casus_rc r = plan_goal_each(d->ctx, d->p->id, md_goal_unlisted, d, err);
	if (!r && d->n_goals == 0)
		fprintf(d->out, "\n%s\n", xw(d, W_NO_GOALS));
	return r;
}

static int md_action(void *arg, const struct plan_action *a)
{
	struct xw_doc *d = arg;
	char date[40];
	fputs("- ", d->out);
	export_md_text(d->out, a->body, "  ");
	fprintf(d->out, "  \n  %s: ", xw(d, W_WHO));
	export_md_text(d->out, a->owner_name, "  ");
	fprintf(d->out, " (%s) · %s: ", xw(d, (enum xw_word)(W_OWNER_PERSON + a->owner_kind)),
		xw(d, W_WHEN));
	xw_date(d, a->due_on, date, sizeof date);
	fprintf(d->out, "%s · %s: %s", a->due_on[0] ? date : xw(d, W_NO_DATE), xw(d, W_STATUS),
		xw(d, (enum xw_word)(W_ACTION_OPEN + a->status)));
	if (a->overdue)
		fprintf(d->out, " (%s)", xw(d, W_OVERDUE));
	int goal = a->goal_id[0] ? xw_goal_number(d, a->goal_id, false) : 0;
	if (goal > 0) {
		fputs("  \n  ", d->out);
		xw_put_int(d, W_FOR_GOAL, goal);
	}
	fputc('\n', d->out);
	d->count++;
	return 0;
}

static int md_arrangement(void *arg, const struct plan_arrangement *a)
{
	struct xw_doc *d = arg;
	fputs("- ", d->out);
	const char *who = a->organisation[0] ? a->organisation : a->party_name;
	if (who[0]) {
		fputs("**", d->out);
		export_md_text(d->out, who, "  ");
		if (a->party_name[0] && a->organisation[0]) {
			fputs(" (", d->out);
			export_md_text(d->out, a->party_name, "  ");
			fputc(')', d->out);
		}
		fputs(":** ", d->out);
	}
	export_md_text(d->out, a->body, "  ");
	fputc('\n', d->out);
	d->count++;
	return 0;
}

static void md_safety(struct xw_doc *d)
{
	static const struct { enum plan_section s; enum xw_word w; } parts[] = {
		{ PLAN_SAFETY_WORRIES, W_SAFE_WORRIES }, { PLAN_SAFETY_WORKING, W_SAFE_WORKING },
		{ PLAN_SAFETY_NEEDED, W_SAFE_NEEDED }, { PLAN_SAFETY_AGREEMENTS, W_SAFE_AGREEMENTS } };
	fprintf(d->out, "\n## %s\n\n", xw(d, W_VEILIGHEID));
	if (!xw_has_safety_plan(d->p)) {
		fprintf(d->out, "%s\n", xw(d, W_NO_SAFETY));
		return;
	}
	if (d->p->safety_scale >= 0) {
		xw_put_int(d, W_SAFE_SCALE, d->p->safety_scale);
		fputc('\n', d->out);
	}
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const char *t = d->p->section[parts[i].s];
		fprintf(d->out, "\n### %s\n\n", xw(d, parts[i].w));
		export_md_text(d->out, t && *t ? t : xw(d, W_EMPTY), "");
		fputc('\n', d->out);
	}
}

static int md_eval(void *arg, const struct plan_eval *e)
{
	struct xw_doc *d = arg;
	char date[40];
	xw_date(d, e->planned_on, date, sizeof date);
	fputs("- ", d->out);
	xw_put(d, W_PLANNED, date, NULL);
	fputs(" — ", d->out);
	if (!e->held_on[0]) {
		fprintf(d->out, "%s\n", xw(d, W_NOT_HELD));
		d->count++;
		return 0;
	}
	xw_date(d, e->held_on, date, sizeof date);
	xw_put(d, W_HELD, date, NULL);
	fprintf(d->out, "  \n  %s: ", xw(d, W_OUTCOME));
	export_md_text(d->out, e->outcome, "  ");
	if (e->next_on[0]) {
		xw_date(d, e->next_on, date, sizeof date);
		fprintf(d->out, "  \n  %s: %s", xw(d, W_NEXT_EVAL), date);
	}
	fputc('\n', d->out);
	d->count++;
	return 0;
}

/* A list section: heading, the rows from each(), or a sentence when there are none. */
#define MD_LIST(d, heading, each, fn, none, err) ( \
	fprintf((d)->out, "\n## %s\n\n", xw((d), (heading))), (d)->count = 0, \
	xw_list_end((d), each((d)->ctx, (d)->p->id, fn, (d), (err)), (none)))

static enum casus_rc xw_list_end(struct xw_doc *d, enum casus_rc r, enum xw_word none)
{
	if (!r && d->count == 0)
		fprintf(d->out, "%s\n", xw(d, none));
	return r;
}

static enum casus_rc write_md(struct xw_doc *d, struct casus_err *err)
{
	enum casus_rc r;
	char date[40];
	md_head(d);
	if (d->p->status != PLAN_DRAFT && (r = plan_agreed_each(d->ctx, d->p->id, md_consenter, d,
			err)))
		return r;
	if ((r = md_involved(d, err)))
		return r;
	md_section(d, W_AANLEIDING, d->p->section[PLAN_AANLEIDING], false);
	md_section(d, W_HULPVRAAG, d->p->section[PLAN_HULPVRAAG], true);
	md_section(d, W_KRACHTEN, d->p->section[PLAN_KRACHTEN], false);
	if ((r = MD_LIST(d, W_ZORGEN, plan_worry_each, md_worry, W_NO_WORRIES, err)))
		return r;
	md_section(d, W_EERDERE_HULP, d->p->section[PLAN_EERDERE_HULP], false);
	if ((r = md_goals(d, err))
	    || (r = MD_LIST(d, W_ACTIES, plan_action_each, md_action, W_NO_ACTIONS, err))
	    || (r = MD_LIST(d, W_AFSPRAKEN, plan_arrangement_each, md_arrangement,
			W_NO_ARRANGEMENTS, err)))
		return r;
	md_safety(d);
	if ((r = MD_LIST(d, W_EVALUATIES, plan_eval_each, md_eval, W_NO_EVALUATIONS, err)))
		return r;
	xw_date(d, d->today, date, sizeof date);
	fputs("\n---\n\n", d->out);
	xw_put(d, W_MADE, date, d->ctx->user.name);
	fputc('\n', d->out);
	return CASUS_OK;
}

/* ---- the entry point ---- */

int plan_format_parse(const char *s)
{
	if (s && strcmp(s, "md") == 0)
		return PLAN_FORMAT_MD;
	if (s && strcmp(s, "json") == 0)
		return PLAN_FORMAT_JSON;
	return -1;
}

enum casus_rc plan_export(struct casus_ctx *ctx, const char *family_key, int version,
	enum plan_format format, const char *lang, FILE *out, struct casus_err *err)
{
	struct family f;
	struct plan p = PLAN_INIT;
	enum casus_rc r;
	if (lang && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
		return err_set(err, CASUS_E_INVALID, _("A plan can be exported in Dutch (nl) or "
			"English (en), not '%.20s'."), lang);
	if ((unsigned)format > PLAN_FORMAT_JSON)
		return err_set(err, CASUS_E_INVALID, _("Export the plan as md or json."));
	if ((r = plan_require_member(ctx, err)) || (r = family_get(ctx, family_key, &f, err))
	    || (r = plan_get(ctx, f.id, version, &p, err)))
		return r;
	char detail[80];
	snprintf(detail, sizeof detail, "plan v%d as %s (%s)", p.version,
		format == PLAN_FORMAT_JSON ? "json" : "md", lang ? lang : "nl");
	/* The access log records the export before any of the dossier leaves casus. */
	if (!(r = audit_log(ctx, AUDIT_EXPORT, f.id, "plan", p.id, detail, err)))
		r = plan_export_doc(ctx, &f, &p, format, lang, out, err);
	plan_clear(&p);
	return r;
}

enum casus_rc plan_export_doc(struct casus_ctx *ctx, const struct family *f,
	const struct plan *p, enum plan_format format, const char *lang, FILE *out,
	struct casus_err *err)
{
	struct xw_doc d = { .ctx = ctx, .out = out, .f = f, .p = p,
		.en = lang && strcmp(lang, "en") == 0 };
	clock_today(d.today);
	enum casus_rc r = format == PLAN_FORMAT_JSON ? xw_write_json(&d, err) : write_md(&d, err);
	if (!r && (fflush(out) != 0 || ferror(out)))
		r = err_set(err, CASUS_E_IO, _("Writing the exported plan failed."));
	return r;
}

/* ---- shared with the JSON writer ---- */

int xw_goal_number(struct xw_doc *d, const char *goal_id, bool assign)
{
	for (size_t i = 0; i < d->n_goals; i++)
		if (strcmp(d->goal_ids[i], goal_id) == 0)
			return (int)i + 1;
	if (!assign || d->n_goals >= XW_MAX_GOALS)
		return 0;
	memcpy(d->goal_ids[d->n_goals++], goal_id, CASUS_ID_LEN);
	return (int)d->n_goals;
}

bool xw_has_safety_plan(const struct plan *p)
{
	return p->safety_scale >= 0 || p->section[PLAN_SAFETY_WORRIES][0]
		|| p->section[PLAN_SAFETY_WORKING][0] || p->section[PLAN_SAFETY_NEEDED][0]
		|| p->section[PLAN_SAFETY_AGREEMENTS][0];
}
