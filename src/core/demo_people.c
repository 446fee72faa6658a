/* The people of a demo family: its household (parents, carers, a new partner, a
 * housemate, children of every age with birth dates from the clock and some BSNs),
 * the parties involved (network and professionals) and consent by the age bands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"
#include "casus/consent.h"
#include "casus/party.h"
#include "demo_int.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---- households ---- */

enum { SUR_A, SUR_B, SUR_OTHER }; /* first or second part of the name, or another one */

struct adult {
	enum person_role role;
	bool female;
	unsigned char sur;
	bool authority;
	unsigned char age_min, age_span; /* years older than the oldest child */
};

static const struct adult households[SH_COUNT][2] = {
	[SH_TWO] = { { PERSON_OUDER, false, SUR_A, true, 27, 11 },
		     { PERSON_OUDER, true, SUR_B, true, 25, 10 } },
	[SH_MOTHER] = { { PERSON_OUDER, true, SUR_A, true, 21, 14 } },
	[SH_FATHER] = { { PERSON_OUDER, false, SUR_A, true, 26, 14 } },
	[SH_SEPARATED] = { { PERSON_OUDER, true, SUR_B, true, 24, 12 },
			   { PERSON_OUDER, false, SUR_A, true, 26, 12 } },
	[SH_PARTNER] = { { PERSON_OUDER, true, SUR_A, true, 23, 12 },
			 { PERSON_PARTNER, false, SUR_OTHER, false, 22, 16 } },
	[SH_HOUSEMATE] = { { PERSON_OUDER, true, SUR_A, true, 22, 12 },
			   { PERSON_HUISGENOOT, false, SUR_A, false, 18, 14 } },
	[SH_CARER] = { { PERSON_VERZORGER, true, SUR_OTHER, false, 46, 12 },
		       { PERSON_OUDER, true, SUR_A, true, 20, 8 } },
};

/* "van der Berg-Çelik": part 0 is "van der Berg", part 1 "Çelik" ("" when single). */
static void name_part(const char *display, int part, char *out, size_t outsz)
{
	const char *dash = strchr(display, '-');
	if (part == 0)
		snprintf(out, outsz, "%.*s", (int)(dash ? dash - display : (long)strlen(display)),
			display);
	else
		snprintf(out, outsz, "%s", dash ? dash + 1 : "");
}

/* A birth date that makes the person exactly age years old today. */
static void birth_date(struct demo *d, int age, char out[static 11])
{
	int y = 0, m = 0, day = 0;
	char anniv[32];
	sscanf(d->today, "%d-%d-%d", &y, &m, &day);
	snprintf(anniv, sizeof anniv, "%04d-%02d-%02d", y - age, m, day);
	if (!clock_parse_date(anniv, NULL)) /* 29 February in a common year */
		snprintf(anniv, sizeof anniv, "%04d-%02d-28", y - age, m);
	clock_add_days(anniv, -(int)(1 + demo_rand(d, 360)), out);
}

void demo_bsn(struct demo *d, char out[static 10])
{
	/* Elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11, so d9 is the sum
	 * mod 11; sums that would need a check digit of 10 are skipped. */
	for (;;) {
		char s[16];
		snprintf(s, sizeof s, "99999%03d", d->bsn_seq++ % 1000);
		int sum = 0;
		for (int i = 0; i < 8; i++)
			sum += (9 - i) * (s[i] - '0');
		if (sum % 11 == 10)
			continue;
		s[8] = (char)('0' + sum % 11);
		s[9] = '\0';
		memcpy(out, s, 10);
		return;
	}
}

static enum casus_rc add_person(struct demo *d, struct demo_fam *fam, struct demo_person *p,
	bool with_bsn)
{
	char bsn[10];
	birth_date(d, p->age, p->born);
	if (with_bsn)
		demo_bsn(d, bsn);
	struct person_new in = { .given_name = p->given, .family_name = p->surname,
		.birth_date = p->born, .role = p->role, .authority = p->authority,
		.bsn = with_bsn ? bsn : NULL };
	struct person out;
	enum casus_rc r = person_add(d->ctx, fam->f.id, &in, &out, d->err);
	if (!r)
		memcpy(p->id, out.id, CASUS_ID_LEN);
	return r;
}

static bool name_taken(const struct demo_fam *fam, const char *given)
{
	for (int i = 0; i < fam->np; i++)
		if (strcmp(fam->p[i].given, given) == 0)
			return true;
	return false;
}

static void pick_given(struct demo *d, struct demo_fam *fam, int origin, bool female,
	struct demo_person *p)
{
	const char *g = demo_given_name(d, origin, female);
	for (int tries = 0; tries < 8 && name_taken(fam, g); tries++)
		g = demo_given_name(d, origin, female);
	snprintf(p->given, sizeof p->given, "%s", g);
}

static int parse_ages(const char *s, int ages[static 6])
{
	int n = 0;
	char *end;
	while (n < 6) {
		long a = strtol(s, &end, 10);
		if (end == s)
			break;
		ages[n++] = (int)a;
		s = end;
	}
	return n;
}

static void plan_adults(struct demo *d, struct demo_fam *fam, int oldest)
{
	const struct demo_tpl *t = fam->t;
	char a[96], b[96];
	name_part(t->name, 0, a, sizeof a);
	name_part(t->name, 1, b, sizeof b);
	for (int i = 0; i < 2; i++) {
		const struct adult *ad = &households[t->shape][i];
		if (!ad->age_min)
			break;
		struct demo_person *p = &fam->p[fam->np];
		int origin = ad->sur == SUR_A ? t->oa : t->ob;
		const char *sur = ad->sur == SUR_A ? a : ad->sur == SUR_B && b[0] ? b
							     : demo_surname(d, origin);
		snprintf(p->surname, sizeof p->surname, "%s", sur);
		p->role = ad->role;
		p->female = ad->female;
		p->authority = ad->authority;
		p->age = oldest + ad->age_min + (int)demo_rand(d, ad->age_span);
		pick_given(d, fam, origin, p->female, p);
		fam->np++;
	}
}

enum casus_rc demo_persons(struct demo *d, struct demo_fam *fam)
{
	int ages[6], n = parse_ages(fam->t->ages, ages), oldest = 0;
	char a[96];
	name_part(fam->t->name, 0, a, sizeof a);
	for (int i = 0; i < n; i++)
		oldest = ages[i] > oldest ? ages[i] : oldest;
	plan_adults(d, fam, oldest);
	for (int i = 0; i < n && fam->np < DEMO_MAX_PERSONS; i++) {
		struct demo_person *p = &fam->p[fam->np];
		p->role = PERSON_KIND;
		p->age = ages[i];
		p->female = demo_rand(d, 2);
		snprintf(p->surname, sizeof p->surname, "%s", a);
		pick_given(d, fam, demo_rand(d, 3) ? fam->t->oa : fam->t->ob, p->female, p);
		fam->np++;
	}
	for (int i = 0; i < fam->np; i++) {
		/* Roughly half the children and a quarter of the adults have a BSN on file. */
		bool bsn = demo_rand(d, fam->p[i].role == PERSON_KIND ? 2 : 4) == 0;
		enum casus_rc r = add_person(d, fam, &fam->p[i], bsn);
		if (r)
			return r;
	}
	return CASUS_OK;
}

const struct demo_person *demo_focus_child(const struct demo_fam *fam)
{
	bool youngest = fam->t->theme == TH_BABY || fam->t->theme == TH_OPVOEDING;
	const struct demo_person *best = NULL;
	for (int i = 0; i < fam->np; i++) {
		const struct demo_person *p = &fam->p[i];
		if (p->role == PERSON_KIND
		    && (!best || (youngest ? p->age < best->age : p->age > best->age)))
			best = p;
	}
	return best;
}

const struct demo_person *demo_first_parent(const struct demo_fam *fam)
{
	for (int i = 0; i < fam->np; i++)
		if (fam->p[i].authority)
			return &fam->p[i];
	return fam->np ? &fam->p[0] : NULL;
}

/* ---- involved parties ---- */

/* The professionals around the team: the same GPs and schools turn up in many
 * families, as in a real town. Contacts use the reserved .example domain. */
static const struct {
	const char *name, *organisation, *role, *contact, *purpose;
} pros[PRO_COUNT] = {
	[PRO_HUISARTS1] = { "dr. E. Hoekstra", "Huisartsenpraktijk De Linde", "huisarts",
		"e.hoekstra@delinde.example", "Afstemming over gezondheid en verwijzingen" },
	[PRO_HUISARTS2] = { "dr. R. Aydın", "Gezondheidscentrum Maaspoort", "huisarts",
		"r.aydin@maaspoort.example", "Afstemming over gezondheid en verwijzingen" },
	[PRO_LEERKRACHT] = { "mevr. I. Jacobs", "Basisschool De Regenboog", "leerkracht",
		"i.jacobs@deregenboog.example", "Afstemming over de ondersteuning op school" },
	[PRO_IB] = { "dhr. J. Peters", "OBS Het Kompas", "intern begeleider",
		"j.peters@hetkompas.example", "Afstemming over de ondersteuning op school" },
	[PRO_MENTOR] = { "dhr. T. Verstappen", "Maascollege", "mentor",
		"t.verstappen@maascollege.example", "Afstemming over verzuim en begeleiding" },
	[PRO_JEUGDARTS] = { "mevr. dr. N. Bakkali", "GGD Maasland", "jeugdarts",
		"n.bakkali@ggdmaasland.example", "Afstemming over groei en ontwikkeling" },
	[PRO_GGZ] = { "drs. M. de Groot", "Kinder- en Jeugdpsychiatrie Maasdal",
		"GGZ-behandelaar (GZ-psycholoog)", "m.degroot@kjpmaasdal.example",
		"Overleg over behandeling en voortgang" },
	[PRO_VT] = { "S. Mertens", "Veilig Thuis Maasland", "Veilig Thuis medewerker",
		"s.mertens@veiligthuismaasland.example", NULL },
	[PRO_GV] = { "K. Willems", "Jeugdbescherming Maasland", "gezinsvoogd",
		"k.willems@jbmaasland.example", NULL },
	[PRO_SCHULD] = { "A. Smeets", "Kredietbank Maasoever", "schuldhulpverlener",
		"a.smeets@kredietbank.example", "Afstemming over schulden en inkomen" },
};

static const struct {
	const char *role, *organisation;
	int origin_of_family; /* 1: a relative, named after the family's origin */
} network[] = {
	{ "oma", NULL, 1 }, { "opa", NULL, 1 }, { "buurvrouw", NULL, 0 },
	{ "voetbaltrainer", "VV Maasoever", 0 }, { "tante", NULL, 1 }, { "buurman", NULL, 0 },
	{ "vriendin van moeder", NULL, 0 }, { "peetoom", NULL, 1 },
};

bool demo_pro_shares(int pro)
{
	return pro >= 0 && pro < PRO_COUNT && pros[pro].purpose != NULL;
}

const struct demo_party *demo_party_of(const struct demo_fam *fam, int pro)
{
	for (int k = 0; k < fam->nparty; k++)
		if (fam->party[k].pro == pro)
			return &fam->party[k];
	return NULL;
}

static enum casus_rc add_party(struct demo *d, struct demo_fam *fam, const struct party_new *in,
	int pro)
{
	if (fam->nparty >= DEMO_MAX_PARTIES)
		return CASUS_OK;
	struct party out;
	enum casus_rc r = party_add(d->ctx, fam->f.id, in, &out, d->err);
	if (r)
		return r;
	memcpy(fam->party[fam->nparty].id, out.id, CASUS_ID_LEN);
	fam->party[fam->nparty++].pro = pro;
	return CASUS_OK;
}

static enum casus_rc add_network(struct demo *d, struct demo_fam *fam)
{
	int n = 1 + (int)demo_rand(d, 2);
	uint32_t first = demo_rand(d, COUNT(network));
	for (int i = 0; i < n; i++) {
		uint32_t k = (first + (uint32_t)i * 3) % COUNT(network);
		bool female = strstr(network[k].role, "vrouw") || strcmp(network[k].role, "oma") == 0
			      || strcmp(network[k].role, "tante") == 0
			      || strstr(network[k].role, "vriendin");
		int origin = network[k].origin_of_family ? fam->t->oa : OR_NL;
		char name[200], phone[24];
		snprintf(name, sizeof name, "%s %s", demo_given_name(d, origin, female),
			network[k].origin_of_family ? demo_surname(d, origin) : demo_surname(d, OR_NL));
		demo_mobile(d, phone, sizeof phone);
		struct party_new in = { .kind = PARTY_NETWERK, .name = name,
			.organisation = network[k].organisation, .role = network[k].role,
			.contact = phone };
		enum casus_rc r = add_party(d, fam, &in, -1);
		if (r)
			return r;
	}
	return CASUS_OK;
}

static bool has_child(const struct demo_fam *fam, int min_age, int max_age)
{
	for (int i = 0; i < fam->np; i++)
		if (fam->p[i].role == PERSON_KIND && fam->p[i].age >= min_age
		    && fam->p[i].age <= max_age)
			return true;
	return false;
}

/* Which professionals a family has follows from its children, framework and theme. */
static void pick_pros(const struct demo_fam *fam, bool want[static PRO_COUNT])
{
	const struct demo_tpl *t = fam->t;
	memset(want, 0, PRO_COUNT * sizeof *want);
	want[fam->index % 2 ? PRO_HUISARTS2 : PRO_HUISARTS1] = true;
	if (has_child(fam, 4, 11))
		want[fam->index % 3 ? PRO_LEERKRACHT : PRO_IB] = true;
	want[PRO_MENTOR] = has_child(fam, 12, 17);
	want[PRO_JEUGDARTS] = has_child(fam, 0, 3);
	want[PRO_GGZ] = (t->flags & DF_GGZ) != 0;
	want[PRO_VT] = t->fw == FRAMEWORK_DRANG || t->zorg || strcmp(t->source, "veilig_thuis") == 0;
	want[PRO_GV] = t->fw == FRAMEWORK_DWANG;
	want[PRO_SCHULD] = t->theme == TH_GELD || t->theme == TH_WONEN;
}

enum casus_rc demo_parties(struct demo *d, struct demo_fam *fam)
{
	enum casus_rc r;
	if (fam->f.phase == PHASE_AANMELDING)
		return CASUS_OK;
	if ((r = add_network(d, fam)))
		return r;
	bool want[PRO_COUNT];
	pick_pros(fam, want);
	for (int k = 0; k < PRO_COUNT; k++) {
		if (!want[k])
			continue;
		struct party_new in = { .kind = PARTY_PROFESSIONAL, .name = pros[k].name,
			.organisation = pros[k].organisation, .role = pros[k].role,
			.contact = pros[k].contact };
		if ((r = add_party(d, fam, &in, k)))
			return r;
	}
	return CASUS_OK;
}

/* ---- consent ---- */

/* When consent was given: a week or so after the first visit (or registration), and
 * never before the child was born. */
static void grant_date(struct demo *d, const struct demo_fam *fam,
	const struct demo_person *child, char out[static 11])
{
	demo_after(d, fam->visit[0] ? fam->visit : fam->reg, 7 + (int)demo_rand(d, 14), out);
	if (strcmp(out, child->born) < 0)
		demo_after(d, child->born, 14, out);
}

static enum casus_rc grant(struct demo *d, const char *on, const struct demo_person *child,
	const struct demo_party *party, const struct demo_person *by, struct consent *out)
{
	return consent_grant(d->ctx, child->id, party->id, by->id, pros[party->pro].purpose, on,
		out, d->err);
}

/* Consent for one child and one party by the age band on the day it was given: under
 * 12 the parent with authority, 12-15 the child and the parent, 16 and over the child.
 * A child who has since turned 12 or 16 then lacks their own consent, as in real life. */
static enum casus_rc consent_child(struct demo *d, struct demo_fam *fam,
	const struct demo_person *child, const struct demo_party *party, bool *withdraw)
{
	enum casus_rc r = CASUS_OK;
	const struct demo_person *parent = demo_first_parent(fam);
	struct consent c;
	char on[11];
	memset(&c, 0, sizeof c);
	grant_date(d, fam, child, on);
	enum consent_band band = consent_band_for_age(clock_age_years(child->born, on));
	/* DF_CONSENT_GAP: the 12-15 year old has not been asked yet, so the UI can warn. */
	if (band == CONSENT_SELF
	    || (band == CONSENT_CHILD_AND_PARENTS && !(fam->t->flags & DF_CONSENT_GAP)))
		r = grant(d, on, child, party, child, &c);
	if (!r && band != CONSENT_SELF && parent)
		r = grant(d, on, child, party, parent, &c);
	if (!r && *withdraw && c.id[0]) {
		char off[11];
		demo_after(d, c.granted_on, 60, off);
		r = consent_withdraw(d->ctx, &c, off, d->err);
		*withdraw = false;
	}
	return r;
}

/* The adults of the household give their own consent, on the same day for every
 * party (no draw from the generator, so the families after this one stay the same). */
static enum casus_rc consent_adult(struct demo *d, struct demo_fam *fam,
	const struct demo_person *adult, const struct demo_party *party)
{
	char on[11];
	struct consent c;
	demo_after(d, fam->visit[0] ? fam->visit : fam->reg, 7, on);
	return consent_grant(d->ctx, adult->id, party->id, adult->id, pros[party->pro].purpose,
		on, &c, d->err);
}

enum casus_rc demo_consents(struct demo *d, struct demo_fam *fam)
{
	/* In intake consent has not been asked yet: those families show as missing it. */
	if (fam->f.phase <= PHASE_INTAKE)
		return CASUS_OK;
	bool withdraw = (fam->t->flags & DF_WITHDRAW) != 0;
	for (int k = 0; k < fam->nparty; k++) {
		const struct demo_party *party = &fam->party[k];
		/* Network members get no dossier data; Veilig Thuis and the gezinsvoogd have
		 * a legal basis instead of consent (see demo_notes.c). */
		if (party->pro < 0 || !pros[party->pro].purpose)
			continue;
		for (int i = 0; i < fam->np; i++) {
			enum casus_rc r = fam->p[i].role == PERSON_KIND
				? consent_child(d, fam, &fam->p[i], party, &withdraw)
				: consent_adult(d, fam, &fam->p[i], party);
			if (r)
				return r;
		}
	}
	return CASUS_OK;
}
