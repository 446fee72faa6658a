/* The dossier export (inzage): the entry point, the family, its members and network,
 * consent, every plan version, notes and the meldcode record. Escalations and meetings
 * are in dossier_cases.c, the access report in access_report.c. */
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/consent.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/note.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "casus/text.h"
#include "dossier_priv.h"
#include "export_doc.h"

static const char *const part_names[DOSSIER_PART_COUNT] = {
	"members", "consent", "plans", "notes", "meldcode", "escalations", "meetings", "access",
};

const char *dossier_part_name(enum dossier_part p)
{
	return (unsigned)p < DOSSIER_PART_COUNT ? part_names[p] : "?";
}

const char *dossier_part_label(enum dossier_part p)
{
	switch (p) {
	case DOSSIER_MEMBERS: return _("Family members and network");
	case DOSSIER_CONSENT: return _("Consent");
	case DOSSIER_PLANS: return _("Plans");
	case DOSSIER_NOTES: return _("Notes");
	case DOSSIER_MELDCODE: return _("Meldcode");
	case DOSSIER_ESCALATIONS: return _("Escalations");
	case DOSSIER_MEETINGS: return _("Case meetings");
	case DOSSIER_ACCESS: return _("Access report");
	case DOSSIER_PART_COUNT: break;
	}
	return "?";
}

int dossier_part_parse(const char *s)
{
	for (int i = 0; s && i < DOSSIER_PART_COUNT; i++)
		if (strcmp(s, part_names[i]) == 0)
			return i;
	return -1;
}

void dossier_time(const char *iso, char out[static 17])
{
	snprintf(out, 17, "%.16s", iso ? iso : "");
	if (strlen(out) == 16 && out[10] == 'T')
		out[10] = ' ';
}

/* ---- names of persons and parties, for consent and owners ---- */

struct dossier_names {
	size_t n, cap;
	struct { char id[CASUS_ID_LEN]; char name[404 * 2]; } *v;
	bool nomem;
};

static void names_add(struct dossier_names *nm, const char *id, const char *name)
{
	if (nm->n == nm->cap) {
		size_t cap = nm->cap ? nm->cap * 2 : 16;
		void *v = realloc(nm->v, cap * sizeof *nm->v);
		if (!v) {
			nm->nomem = true;
			return;
		}
		nm->v = v;
		nm->cap = cap;
	}
	snprintf(nm->v[nm->n].id, sizeof nm->v[nm->n].id, "%s", id);
	snprintf(nm->v[nm->n].name, sizeof nm->v[nm->n].name, "%s", name);
	nm->n++;
}

const char *dossier_name_of(const struct dossier_doc *d, const char *id)
{
	for (size_t i = 0; d->names && i < d->names->n; i++)
		if (strcmp(d->names->v[i].id, id) == 0)
			return d->names->v[i].name;
	return "";
}

static int collect_person(void *arg, const struct person *p)
{
	char name[sizeof p->given_name + sizeof p->family_name + 2];
	snprintf(name, sizeof name, "%s %s", p->given_name, p->family_name);
	names_add(arg, p->id, name);
	return 0;
}

static int collect_party(void *arg, const struct party *p)
{
	names_add(arg, p->id, p->name);
	return 0;
}

/* ---- the family ---- */

static int phase_row(void *arg, const struct phase_change_row *r)
{
	struct dossier_doc *d = arg;
	char at[17];
	dossier_time(r->changed_on, at);
	int from = family_phase_parse(r->from), to = family_phase_parse(r->to);
	docw_item(&d->w, NULL);
	docw_field(&d->w, "at", _("When"), at);
	docw_field(&d->w, "from", _("From"), d->w.json ? r->from
		: from >= 0 ? family_phase_label((enum family_phase)from) : r->from);
	docw_field(&d->w, "to", _("To"), d->w.json ? r->to
		: to >= 0 ? family_phase_label((enum family_phase)to) : r->to);
	docw_field(&d->w, "by", _("By"), r->by_login);
	docw_text(&d->w, "reason", _("Reason"), r->reason);
	docw_item_end(&d->w);
	return 0;
}

static int regie_row(void *arg, const struct regie_row *r)
{
	struct dossier_doc *d = arg;
	char from[17], until[17], who[sizeof r->member_name + CASUS_LOGIN_MAX + 4];
	dossier_time(r->started_at, from);
	dossier_time(r->ended_at, until);
	snprintf(who, sizeof who, "%s (%s)", r->member_name, r->member_login);
	docw_item(&d->w, NULL);
	docw_field(&d->w, "regievoerder", _("Regievoerder"), who);
	docw_field(&d->w, "from", _("From"), from);
	docw_field(&d->w, "until", _("Until"), until);
	docw_field(&d->w, "assigned_by", _("Assigned by"), r->assigned_by_login);
	docw_text(&d->w, "reason", _("Reason"), r->reason);
	docw_item_end(&d->w);
	return 0;
}

static enum casus_rc write_family(struct dossier_doc *d)
{
	const struct family *f = &d->f;
	struct docw *w = &d->w;
	enum casus_rc r;
	docw_section(w, "family", _("Family"));
	docw_field(w, "case_no", _("Case number"), f->case_no);
	docw_field(w, "name", _("Name"), f->display_name);
	docw_field(w, "phase", _("Phase"), w->json ? family_phase_name(f->phase)
		: family_phase_label(f->phase));
	docw_field(w, "framework", _("Framework"), family_framework_name(f->framework));
	docw_field(w, "referral_kind", _("Referral"), f->referral_kind);
	docw_field(w, "referral_source", _("Referred by"), f->referral_source);
	docw_field(w, "registered_on", _("Registered"), f->registered_on);
	docw_field(w, "first_contact_on", _("First contact"), f->first_contact_on);
	docw_field(w, "first_visit_on", _("First visit"), f->first_visit_on);
	docw_field(w, "closed_on", _("Closed"), f->closed_on);
	docw_field(w, "address", _("Address"), f->address);
	docw_field(w, "phone", _("Phone"), f->phone);
	docw_field(w, "regievoerder", _("Regievoerder"), f->regie_name);
	docw_list(w, "phase_history", _("Phase history"));
	r = family_phase_history(d->ctx, f->id, phase_row, d, d->err);
	docw_list_end(w, _("No phase changes."));
	if (!r) {
		docw_list(w, "regie_history", _("Regie history"));
		r = regie_history(d->ctx, f->id, regie_row, d, d->err);
		docw_list_end(w, _("Nobody has had regie yet."));
	}
	docw_section_end(w);
	return r;
}

/* ---- members, network and consent ---- */

static int person_item(void *arg, const struct person *p)
{
	struct dossier_doc *d = arg;
	char name[sizeof p->given_name + sizeof p->family_name + 2];
	snprintf(name, sizeof name, "%s %s", p->given_name, p->family_name);
	docw_item(&d->w, name);
	docw_field(&d->w, "id", "", d->w.json ? p->id : NULL);
	docw_field(&d->w, "given_name", _("Given name"), d->w.json ? p->given_name : NULL);
	docw_field(&d->w, "family_name", _("Family name"), d->w.json ? p->family_name : NULL);
	docw_field(&d->w, "role", _("Role"), d->w.json ? person_role_name(p->role)
		: person_role_label(p->role));
	docw_field(&d->w, "birth_date", _("Birth date"), p->birth_date);
	docw_bool(&d->w, "authority", _("Parental authority (gezag)"), p->authority);
	/* The number itself is never exported; that one is recorded is part of the dossier. */
	docw_bool(&d->w, "bsn_recorded", _("BSN recorded (not shown here)"), p->has_bsn);
	docw_item_end(&d->w);
	return 0;
}

static int party_item(void *arg, const struct party *p)
{
	struct dossier_doc *d = arg;
	docw_item(&d->w, p->name);
	docw_field(&d->w, "id", "", d->w.json ? p->id : NULL);
	docw_field(&d->w, "name", _("Name"), d->w.json ? p->name : NULL);
	docw_field(&d->w, "kind", _("Kind"), d->w.json ? party_kind_name(p->kind)
		: p->kind == PARTY_NETWERK ? _("network") : _("professional"));
	docw_field(&d->w, "organisation", _("Organisation"), p->organisation);
	docw_field(&d->w, "role", _("Role"), p->role);
	docw_field(&d->w, "contact", _("Contact"), p->contact);
	docw_bool(&d->w, "active", _("Involved now"), p->active);
	docw_item_end(&d->w);
	return 0;
}

static enum casus_rc write_members(struct dossier_doc *d)
{
	docw_section(&d->w, "members", dossier_part_label(DOSSIER_MEMBERS));
	docw_list(&d->w, "persons", _("Family members"));
	enum casus_rc r = person_each(d->ctx, d->f.id, person_item, d, d->err);
	docw_list_end(&d->w, _("No family members are recorded."));
	if (!r) {
		docw_list(&d->w, "parties", _("Network and professionals"));
		r = party_each(d->ctx, d->f.id, party_item, d, d->err);
		docw_list_end(&d->w, _("No network members or professionals are recorded."));
	}
	docw_section_end(&d->w);
	return r;
}

static int consent_item(void *arg, const struct consent *c)
{
	struct dossier_doc *d = arg;
	docw_item(&d->w, NULL);
	docw_field(&d->w, "person", _("About"), dossier_name_of(d, c->person_id));
	docw_field(&d->w, "party", _("Shared with"), dossier_name_of(d, c->party_id));
	docw_text(&d->w, "purpose", _("Purpose"), c->purpose);
	docw_field(&d->w, "given_by", _("Given by"), dossier_name_of(d, c->given_by));
	docw_field(&d->w, "granted_on", _("Granted"), c->granted_on);
	docw_field(&d->w, "withdrawn_on", _("Withdrawn"), c->withdrawn_on);
	docw_item_end(&d->w);
	return 0;
}

static enum casus_rc write_consent(struct dossier_doc *d)
{
	docw_list(&d->w, "consent", dossier_part_label(DOSSIER_CONSENT));
	enum casus_rc r = consent_each(d->ctx, d->f.id, consent_item, d, d->err);
	docw_list_end(&d->w, _("No consent is recorded."));
	return r;
}

/* ---- plans, notes, meldcode ---- */

/* Write a document made by another export into the dossier. */
static enum casus_rc embed(struct dossier_doc *d, const char *key,
	enum casus_rc (*make)(struct dossier_doc *d, const void *arg, FILE *out), const void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return err_set(d->err, CASUS_E_NOMEM, _("Out of memory."));
	enum casus_rc r = make(d, arg, mem);
	fclose(mem);
	if (!r)
		docw_embed(&d->w, key, buf ? buf : "");
	free(buf);
	return r;
}

static enum casus_rc make_plan(struct dossier_doc *d, const void *arg, FILE *out)
{
	return plan_export_doc(d->ctx, &d->f, arg, d->w.json ? PLAN_FORMAT_JSON : PLAN_FORMAT_MD,
		d->lang, out, d->err);
}

static int plan_item(void *arg, const struct plan_version_row *v)
{
	struct dossier_doc *d = arg;
	struct plan p = PLAN_INIT;
	char title[64];
	snprintf(title, sizeof title, _("Version %d"), v->version);
	if ((d->rc = plan_get_by_id(d->ctx, v->id, &p, d->err)))
		return 1;
	docw_item(&d->w, title);
	docw_int(&d->w, "version", _("Version"), v->version);
	d->rc = embed(d, "plan", make_plan, &p);
	docw_item_end(&d->w);
	plan_clear(&p);
	return d->rc != CASUS_OK;
}

static enum casus_rc write_plans(struct dossier_doc *d)
{
	docw_list(&d->w, "plans", dossier_part_label(DOSSIER_PLANS));
	enum casus_rc r = plan_versions(d->ctx, d->f.id, plan_item, d, d->err);
	docw_list_end(&d->w, _("There is no plan yet."));
	return r ? r : d->rc;
}

static int note_item(void *arg, const struct note *n)
{
	struct dossier_doc *d = arg;
	char at[17], title[64];
	dossier_time(n->created_at, at);
	snprintf(title, sizeof title, "%s, %s", at, note_kind_label(n->kind));
	docw_item(&d->w, title);
	docw_field(&d->w, "id", "", d->w.json ? n->id : NULL);
	docw_field(&d->w, "at", "", d->w.json ? n->created_at : NULL);
	docw_field(&d->w, "kind", "", d->w.json ? note_kind_name(n->kind) : NULL);
	docw_field(&d->w, "author", _("Written by"), n->author_name);
	docw_field(&d->w, "diagnosed_by", _("Diagnosed by"), n->diagnosed_by);
	docw_bool(&d->w, "confidential", _("Confidential"), n->confidential);
	docw_field(&d->w, "corrects", _("Corrects the note of"), n->corrects);
	docw_text(&d->w, "body", _("Text"), n->body);
	docw_item_end(&d->w);
	return 0;
}

static enum casus_rc write_notes(struct dossier_doc *d)
{
	docw_list(&d->w, "notes", dossier_part_label(DOSSIER_NOTES));
	enum casus_rc r = note_each(d->ctx, d->f.id, note_item, d, d->err);
	docw_list_end(&d->w, _("No notes."));
	return r;
}

static enum casus_rc make_meldcode(struct dossier_doc *d, const void *arg, FILE *out)
{
	(void)arg;
	return meldcode_export_doc(d->ctx, &d->f, d->w.json ? MELDCODE_JSON : MELDCODE_MD,
		d->lang, out, d->err);
}

static enum casus_rc write_meldcode(struct dossier_doc *d)
{
	docw_section(&d->w, "meldcode", dossier_part_label(DOSSIER_MELDCODE));
	enum casus_rc r = embed(d, "record", make_meldcode, NULL);
	docw_section_end(&d->w);
	return r;
}

/* ---- the document ---- */

static enum casus_rc (*const writers[DOSSIER_PART_COUNT])(struct dossier_doc *d) = {
	write_members, write_consent, write_plans, write_notes, write_meldcode,
	dossier_escalations, dossier_meetings, dossier_access,
};

static void write_left_out(struct dossier_doc *d, const struct dossier_opts *o)
{
	docw_list(&d->w, "left_out", _("Left out"));
	for (int p = 0; p < DOSSIER_PART_COUNT; p++) {
		if (!o->leave_out[p])
			continue;
		docw_item(&d->w, NULL);
		docw_field(&d->w, "part", _("Part"), d->w.json ? dossier_part_name(p)
			: dossier_part_label(p));
		docw_text(&d->w, "reason", _("Reason"), o->reason);
		docw_item_end(&d->w);
	}
	docw_list_end(&d->w, _("Nothing was left out."));
}

static enum casus_rc write_dossier(struct dossier_doc *d, const struct dossier_opts *o)
{
	char title[300], now[21], made[17], by[CASUS_NAME_MAX * 4 + CASUS_LOGIN_MAX + 4];
	clock_now_iso(now);
	dossier_time(now, made);
	snprintf(title, sizeof title, _("Dossier of family %s (%s)"), d->f.display_name,
		d->f.case_no);
	snprintf(by, sizeof by, "%s (%s)", d->ctx->user.name, d->ctx->user.login);
	docw_begin(&d->w, d->w.out, o->json, "casus.dossier/1", title);
	docw_field(&d->w, "made_at", _("Made"), d->w.json ? now : made);
	docw_field(&d->w, "made_by", _("Made by"), by);
	docw_para(&d->w, _("Everything the youth team keeps about this family in casus, for a "
			   "request for access (inzage)."));
	enum casus_rc r = write_family(d);
	for (int p = 0; p < DOSSIER_PART_COUNT && !r; p++)
		if (!o->leave_out[p])
			r = writers[p](d);
	if (!r)
		write_left_out(d, o);
	docw_end(&d->w);
	return r;
}

/* The access-log detail: format, language, what was left out and why. */
static void log_detail(const struct dossier_opts *o, char *out, size_t outsz)
{
	int n = snprintf(out, outsz, "dossier as %s (%s)", o->json ? "json" : "md",
		o->lang && *o->lang ? o->lang : "nl");
	const char *sep = "; left out: ";
	for (int p = 0; p < DOSSIER_PART_COUNT && n > 0 && (size_t)n < outsz; p++)
		if (o->leave_out[p]) {
			n += snprintf(out + n, outsz - (size_t)n, "%s%s", sep, dossier_part_name(p));
			sep = ", ";
		}
	if (*sep == ',' && n > 0 && (size_t)n < outsz)
		snprintf(out + n, outsz - (size_t)n, "; reason: %s", o->reason);
}

static enum casus_rc check_opts(const struct dossier_opts *o, struct casus_err *err)
{
	if (o->lang && *o->lang && strcmp(o->lang, "nl") != 0 && strcmp(o->lang, "en") != 0)
		return err_set(err, CASUS_E_INVALID, _("Unknown language '%.8s' (nl, en)."), o->lang);
	bool any = false;
	for (int p = 0; p < DOSSIER_PART_COUNT; p++)
		any |= o->leave_out[p];
	if (any)
		return text_check(_("The reason for leaving a part out"), o->reason,
			DOSSIER_REASON_MAX, TEXT_LINE, err);
	return CASUS_OK;
}

enum casus_rc dossier_export(struct casus_ctx *ctx, const char *family_key,
	const struct dossier_opts *o, FILE *out, struct casus_err *err)
{
	struct dossier_doc d = { .ctx = ctx, .err = err, .lang = o->lang };
	struct dossier_names names = { 0 };
	char saved[8], detail[AUDIT_DESTROY_DETAIL_MAX];
	enum casus_rc r = member_require(ctx, ROLE_TEAMLEIDER, _("export a whole dossier"), err);
	if (r || (r = check_opts(o, err)) || (r = family_get(ctx, family_key, &d.f, err)))
		return r;
	log_detail(o, detail, sizeof detail);
	/* The access log records the export before any of the dossier leaves casus. */
	if ((r = audit_log(ctx, AUDIT_EXPORT, d.f.id, "dossier", d.f.id, detail, err)))
		return r;
	d.names = &names;
	if ((r = person_each(ctx, d.f.id, collect_person, &names, err))
	    || (r = party_each(ctx, d.f.id, collect_party, &names, err)))
		goto out;
	if (names.nomem) {
		r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
		goto out;
	}
	snprintf(saved, sizeof saved, "%s", i18n_lang());
	i18n_set_lang(o->lang && *o->lang ? o->lang : "nl");
	d.w.out = out;
	r = write_dossier(&d, o);
	i18n_set_lang(saved);
	if (!r && (fflush(out) != 0 || ferror(out)))
		r = err_set(err, CASUS_E_IO, _("Writing the export failed."));
out:
	free(names.v);
	return r;
}
