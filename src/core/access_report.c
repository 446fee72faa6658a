/* The access report for a family (NEN 7513): every row of the access log about its
 * dossier as the family can read it — when, who (name and role), from where, what was
 * done and why (the relation to the family: regievoerder, or the member's role in the
 * team; the stated reason of an emergency read). A part of the dossier export, and a
 * document of its own. */
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "dossier_priv.h"

struct who {
	char login[CASUS_LOGIN_MAX + 1];
	char name[CASUS_NAME_MAX * 4 + 1];
	enum member_role role;
	bool known;
	bool regie; /* was regievoerder of this family at some time */
};

struct access_walk {
	struct dossier_doc *d;
	struct who *v;
	size_t n, cap;
	char regie_logins[64][CASUS_LOGIN_MAX + 1];
	int n_regie;
	bool nomem;
	int rows;
};

static int regie_login(void *arg, const struct regie_row *r)
{
	struct access_walk *a = arg;
	if (a->n_regie < 64)
		snprintf(a->regie_logins[a->n_regie++], sizeof a->regie_logins[0], "%s",
			r->member_login);
	return 0;
}

static const struct who *who_is(struct access_walk *a, const char *login)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].login, login) == 0)
			return &a->v[i];
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		struct who *v = realloc(a->v, cap * sizeof *v);
		if (!v) {
			a->nomem = true;
			return NULL;
		}
		a->v = v;
		a->cap = cap;
	}
	struct who *w = &a->v[a->n++];
	memset(w, 0, sizeof *w);
	snprintf(w->login, sizeof w->login, "%s", login);
	struct member m;
	struct casus_err e = { 0 };
	if (member_get_by_login(a->d->ctx, login, &m, &e) == CASUS_OK) {
		snprintf(w->name, sizeof w->name, "%s", m.name);
		w->role = m.role;
		w->known = true;
	}
	for (int i = 0; i < a->n_regie; i++)
		w->regie |= strcmp(a->regie_logins[i], login) == 0;
	return w;
}

/* What was done, in words: the event and the kind of record. */
static void what_done(const struct audit_row *r, char *out, size_t outsz)
{
	static const struct { const char *type, *words; } objects[] = {
		{ "family", N_("the dossier") }, { "dossier", N_("the whole dossier") },
		{ "plan", N_("the plan") }, { "meldcode", N_("the meldcode record") },
		{ "person", N_("a family member's details") }, { "party", N_("the network") },
		{ "consent", N_("consent") }, { "note", N_("a note") },
		{ "escalation", N_("an escalation") }, { "regie", N_("the regievoerder") },
		{ "audit", N_("the access report") }, { "meeting", N_("a case meeting") },
		{ "agenda_item", N_("a case meeting") },
		{ "destruction_request", N_("a request to destroy the dossier") },
	};
	static const struct { const char *event, *words; } events[] = {
		{ "read", N_("looked at %s") }, { "create", N_("recorded %s") },
		{ "update", N_("changed %s") }, { "delete", N_("removed %s") },
		{ "export", N_("exported %s") }, { "print", N_("printed %s") },
		{ "reveal", N_("revealed a BSN in %s") },
		{ "breakglass", N_("read %s in an emergency (break-glass)") },
		{ "search", N_("searched %s") },
	};
	const char *object = r->object_type, *what = "%s";
	for (size_t i = 0; i < sizeof objects / sizeof *objects; i++)
		if (strcmp(r->object_type, objects[i].type) == 0)
			object = _(objects[i].words);
	for (size_t i = 0; i < sizeof events / sizeof *events; i++)
		if (strcmp(r->event, events[i].event) == 0)
			what = _(events[i].words);
	/* The words put the object where their %s is (a translation may move it). */
	const char *slot = strstr(what, "%s");
	if (slot)
		snprintf(out, outsz, "%.*s%s%s", (int)(slot - what), what, object, slot + 2);
	else
		snprintf(out, outsz, "%s", what);
}

/* Why: the reader's relation to the family, and a stated reason where there is one. */
static void why(const struct who *w, const struct audit_row *r, char *out, size_t outsz)
{
	const char *rel = !w || !w->known ? _("not a member of the team (any more)")
		: w->regie ? _("regievoerder of the family")
		: w->role == ROLE_TEAMLEIDER ? _("teamleider")
		: w->role == ROLE_GEDRAGSWETENSCHAPPER ? _("gedragswetenschapper of the team")
		: _("member of the youth team");
	if (strcmp(r->event, "breakglass") == 0 && r->detail[0])
		snprintf(out, outsz, "%s; %s: %s", rel, _("reason given"), r->detail);
	else
		snprintf(out, outsz, "%s", rel);
}

static int access_row(void *arg, const struct audit_row *r)
{
	struct access_walk *a = arg;
	struct docw *w = &a->d->w;
	const struct who *who = who_is(a, r->login);
	if (!who)
		return 1;
	char at[17], whom[sizeof who->name + CASUS_LOGIN_MAX + 4], done[200], because[900];
	dossier_time(r->at, at);
	if (who->known)
		snprintf(whom, sizeof whom, "%s (%s)", who->name, r->login);
	else
		snprintf(whom, sizeof whom, "%s", r->login);
	what_done(r, done, sizeof done);
	why(who, r, because, sizeof because);
	if (!w->json) {
		/* One line per access: a family reads down a list of dates. */
		char line[2400], behalf[CASUS_LOGIN_MAX + 40] = "";
		if (r->on_behalf[0])
			snprintf(behalf, sizeof behalf, _(" on behalf of %s"), r->on_behalf);
		snprintf(line, sizeof line, _("%s: %s%s, from %s, %s (%s)"), at, whom, behalf,
			r->workstation, done, because);
		docw_line(w, line);
		a->rows++;
		return 0;
	}
	docw_item(w, NULL);
	docw_field(w, "at", "", r->at);
	docw_field(w, "event", "", r->event);
	docw_field(w, "login", "", r->login);
	docw_field(w, "who", "", whom);
	docw_field(w, "role", "", who->known ? member_role_name(who->role) : NULL);
	docw_field(w, "on_behalf", "", r->on_behalf);
	docw_field(w, "workstation", "", r->workstation);
	docw_field(w, "what", "", done);
	docw_field(w, "object_type", "", r->object_type);
	docw_field(w, "why", "", because);
	docw_item_end(w);
	a->rows++;
	return 0;
}

enum casus_rc dossier_access(struct dossier_doc *d)
{
	struct access_walk a = { .d = d };
	struct audit_filter f = { .family_id = d->f.id };
	enum casus_rc r = regie_history(d->ctx, d->f.id, regie_login, &a, d->err);
	docw_list(&d->w, "access", dossier_part_label(DOSSIER_ACCESS));
	if (!r)
		r = audit_each(d->ctx, &f, access_row, &a, d->err);
	if (!r && a.nomem)
		r = err_set(d->err, CASUS_E_NOMEM, _("Out of memory."));
	docw_list_end(&d->w, _("Nobody has looked at the dossier yet."));
	free(a.v);
	return r;
}

enum casus_rc access_report_export(struct casus_ctx *ctx, const char *family_key, bool json,
	const char *lang, FILE *out, struct casus_err *err)
{
	struct dossier_doc d = { .ctx = ctx, .err = err, .lang = lang };
	char saved[8], title[300], detail[64], now[21], made[17];
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("read the access log"), err);
	if (r)
		return r;
	if (lang && *lang && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
		return err_set(err, CASUS_E_INVALID, _("Unknown language '%.8s' (nl, en)."), lang);
	if ((r = family_get(ctx, family_key, &d.f, err)))
		return r;
	snprintf(detail, sizeof detail, "access report as %s (%s)", json ? "json" : "md",
		lang && *lang ? lang : "nl");
	/* Recorded first, so the report names itself as its last row. */
	if ((r = audit_log(ctx, AUDIT_EXPORT, d.f.id, "audit", NULL, detail, err)))
		return r;
	snprintf(saved, sizeof saved, "%s", i18n_lang());
	i18n_set_lang(lang && *lang ? lang : "nl");
	snprintf(title, sizeof title, _("Who looked at the dossier of family %s (%s)"),
		d.f.display_name, d.f.case_no);
	clock_now_iso(now);
	dossier_time(now, made);
	docw_begin(&d.w, out, json, "casus.access-report/1", title);
	docw_field(&d.w, "case_no", _("Case number"), d.f.case_no);
	docw_field(&d.w, "made_at", _("Made"), json ? now : made);
	docw_para(&d.w, _("Every time somebody in the youth team opened, changed, searched for or "
			  "exported this family's dossier in casus, it was recorded here: when, who, "
			  "from which computer, what and why. Times are in UTC."));
	r = dossier_access(&d);
	docw_end(&d.w);
	i18n_set_lang(saved);
	if (!r && (fflush(out) != 0 || ferror(out)))
		r = err_set(err, CASUS_E_IO, _("Writing the export failed."));
	return r;
}
