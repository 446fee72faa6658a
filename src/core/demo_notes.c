/* Notes in the demo dossiers, written as the team member who would write them: the
 * referral, the first home visit with the family's question in its own words, facts
 * kept apart from hypotheses (and whose they are), diagnoses with the professional who
 * made them, a correction of an earlier note, a confidential note, and why Veilig
 * Thuis or the gezinsvoogd were informed without consent. */
#include <stdio.h>
#include <string.h>

#include "casus/note.h"
#include "demo_int.h"

struct theme_text {
	const char *aanleiding; /* why the family was referred */
	const char *vraag;      /* the question in the family's own words */
	const char *fact;
	const char *hypothesis;
};

static const struct theme_text themes[TH_COUNT] = {
	[TH_OPVOEDING] = { "zorgen over driftbuien van {kind} en een uitgeputte {ouder}",
		"Dat we weer rustig kunnen eten zonder dat het uit de hand loopt.",
		"{ouder} vertelt dat {kind} elke avond rond bedtijd driftbuien heeft die tot een uur "
		"duren. {ouder}: \"Ik weet niet meer hoe ik het moet aanpakken.\"",
		"de driftbuien van {kind} hangen samen met het ontbreken van een vast dagritme sinds "
		"{ouder} in ploegendienst werkt." },
	[TH_SCHOOL] = { "zorgen over schoolverzuim van {kind}",
		"Dat {kind} weer naar school gaat zonder elke ochtend ruzie.",
		"{kind} was dit schooljaar 14 keer ongeoorloofd afwezig (bron: school, overzicht van "
		"de leerplichtambtenaar).",
		"{kind} vermijdt school uit faalangst sinds de overstap naar een nieuwe klas." },
	[TH_GELD] = { "geldzorgen en spanningen thuis",
		"Dat de deurwaarder niet meer aan de deur komt en we weer kunnen slapen.",
		"Het gezin heeft betalingsachterstanden bij de energieleverancier en de "
		"zorgverzekeraar; {ouder} liet de aanmaningen zien tijdens het huisbezoek.",
		"de geldzorgen geven {ouder} zoveel stress dat er weinig ruimte is voor de vragen "
		"van {kind}." },
	[TH_VEILIG] = { "een melding van ruzie met geweld in het gezin",
		"Dat het thuis weer veilig is en de kinderen niet meer bang zijn.",
		"Melding van {bron}: ruzie met geweld tussen de volwassenen; {kind} was thuis en "
		"heeft zelf 112 gebeld.",
		"er is een patroon van escalerende ruzies; de kinderen zijn getuige en daarmee zelf "
		"slachtoffer van huiselijk geweld." },
	[TH_GGZ] = { "somberheid en angst bij {kind}",
		"Dat {kind} weer lacht en zelf de deur uit durft.",
		"{kind} slaapt slecht, eet weinig en trekt zich na school terug op de kamer, aldus "
		"{ouder}.",
		"de klachten van {kind} passen bij een angstprobleem; onderzoek door de GGZ is "
		"wenselijk." },
	[TH_WONEN] = { "dreigende dakloosheid van het gezin",
		"Een eigen plek waar de kinderen kunnen blijven wonen.",
		"Het gezin woont met vijf personen in een tweekamerwoning; de verhuurder heeft de "
		"huur opgezegd per het einde van het kwartaal.",
		"zolang het wonen onzeker is heeft {ouder} geen ruimte voor andere doelen; eerst "
		"wonen regelen." },
	[TH_BABY] = { "zorgen over de groei van {kind} en weinig steun voor {ouder}",
		"Dat ik het alleen aankan en {kind} goed groeit.",
		"De jeugdarts meldt dat {kind} onvoldoende groeit; {ouder} zegt er alleen voor te "
		"staan.",
		"{ouder} heeft weinig steun uit het netwerk; mogelijk speelt een postnatale "
		"depressie." },
	[TH_JONG] = { "{kind} is gestopt met school en heeft geen inkomen",
		"Een eigen kamer, een baan en geen gedoe meer met instanties.",
		"{kind} is gestopt met de mbo-opleiding, heeft geen inkomen en wil zelfstandig "
		"wonen.",
		"{kind} heeft moeite met plannen en overzicht; begeleiding bij de overgang naar "
		"18+ is nodig." },
	[TH_SCHEIDING] = { "een vechtscheiding waarin {kind} klem zit",
		"Dat we als ouders weer normaal over de kinderen kunnen praten.",
		"De ouders zijn gescheiden en spreken elkaar alleen via de kinderen; de "
		"omgangsregeling wordt niet nagekomen (bron: {ouder}).",
		"{kind} zit klem in een loyaliteitsconflict tussen de ouders." },
};

static const struct {
	const char *source, *label;
} sources[] = {
	{ "ouders", "de ouders" }, { "jeugdige", "de jongere zelf" }, { "school", "school" },
	{ "huisarts", "de huisarts" }, { "jeugdarts", "de jeugdarts (GGD)" },
	{ "politie", "de politie" }, { "veilig_thuis", "Veilig Thuis" },
	{ "wijkteam", "het wijkteam" }, { "rechter", "de kinderrechter (OTS)" },
	{ "overig", "een ander" },
};

static const struct {
	const char *what, *by;
} diagnoses[] = {
	{ "ADHD, overwegend onoplettend beeld",
	  "drs. M. de Groot, GZ-psycholoog (Kinder- en Jeugdpsychiatrie Maasdal)" },
	{ "gegeneraliseerde angststoornis",
	  "drs. M. de Groot, GZ-psycholoog (Kinder- en Jeugdpsychiatrie Maasdal)" },
	{ "posttraumatische stressstoornis",
	  "dr. L. Vermeer, kinder- en jeugdpsychiater (Kinder- en Jeugdpsychiatrie Maasdal)" },
	{ "depressieve stoornis, matig ernstig",
	  "dr. L. Vermeer, kinder- en jeugdpsychiater (Kinder- en Jeugdpsychiatrie Maasdal)" },
};

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define NOTE_LEN 1200

struct vars {
	const char *key[8];
	const char *value[8];
	int n;
};

/* Replace {key} in tpl by its value; unknown keys stay as they are. */
static void fill(const struct vars *v, const char *tpl, char *out, size_t outsz)
{
	size_t o = 0;
	for (const char *s = tpl; *s && o + 1 < outsz; s++) {
		const char *close = *s == '{' ? strchr(s, '}') : NULL;
		const char *val = NULL;
		for (int i = 0; close && i < v->n && !val; i++)
			if ((size_t)(close - s - 1) == strlen(v->key[i])
			    && strncmp(s + 1, v->key[i], (size_t)(close - s - 1)) == 0)
				val = v->value[i];
		if (!val) {
			out[o++] = *s;
			continue;
		}
		o += (size_t)snprintf(out + o, outsz - o, "%s", val);
		if (o >= outsz)
			o = outsz - 1;
		s = close;
	}
	out[o] = '\0';
}

static void set_var(struct vars *v, const char *key, const char *value)
{
	v->key[v->n] = key;
	v->value[v->n++] = value ? value : "";
}

static const char *source_label(const char *source)
{
	for (size_t i = 0; i < COUNT(sources); i++)
		if (strcmp(sources[i].source, source) == 0)
			return sources[i].label;
	return source;
}

/* Add one note; *id_out (optional) receives its id. */
static enum casus_rc note(struct demo *d, struct demo_fam *fam, const struct note_new *in,
	char *id_out)
{
	struct note out;
	memset(&out, 0, sizeof out);
	enum casus_rc r = note_add(d->ctx, fam->f.id, in, &out, d->err);
	if (!r && id_out)
		memcpy(id_out, out.id, CASUS_ID_LEN);
	note_free(&out);
	return r;
}

static enum casus_rc fact(struct demo *d, struct demo_fam *fam, const struct vars *v,
	const char *tpl, bool confidential, const char *corrects, char *id_out)
{
	char body[NOTE_LEN];
	fill(v, tpl, body, sizeof body);
	struct note_new in = { .kind = NOTE_FACT, .body = body, .confidential = confidential,
		.corrects = corrects };
	return note(d, fam, &in, id_out);
}

/* A hypothesis says whose it is; it is written by that team member. */
static enum casus_rc hypothesis(struct demo *d, struct demo_fam *fam, const struct vars *v,
	int seat, const char *tpl)
{
	char body[NOTE_LEN], whose[NOTE_LEN];
	snprintf(whose, sizeof whose, "Hypothese van %s: %s", d->seat[seat].name, tpl);
	fill(v, whose, body, sizeof body);
	struct note_new in = { .kind = NOTE_HYPOTHESIS, .body = body };
	demo_act(d, seat);
	enum casus_rc r = note(d, fam, &in, NULL);
	demo_act(d, fam->coach);
	return r;
}

static enum casus_rc diagnosis(struct demo *d, struct demo_fam *fam, const struct vars *v)
{
	size_t k = fam->t->theme == TH_VEILIG ? 2 : demo_rand(d, COUNT(diagnoses));
	char tpl[NOTE_LEN], body[NOTE_LEN];
	snprintf(tpl, sizeof tpl, "Diagnose bij {kind}: %s. Vastgesteld na psychodiagnostisch "
		"onderzoek; de behandeling is gestart (bron: verslag van de behandelaar, met "
		"toestemming gedeeld).", diagnoses[k].what);
	fill(v, tpl, body, sizeof body);
	struct note_new in = { .kind = NOTE_DIAGNOSIS, .body = body,
		.diagnosed_by = diagnoses[k].by };
	return note(d, fam, &in, NULL);
}

static void family_vars(struct demo *d, const struct demo_fam *fam, struct vars *v)
{
	const struct demo_person *child = demo_focus_child(fam);
	const struct demo_person *parent = demo_first_parent(fam);
	memset(v, 0, sizeof *v);
	set_var(v, "kind", child ? child->given : "het kind");
	set_var(v, "ouder", parent ? parent->given : "de ouder");
	set_var(v, "bron", source_label(fam->t->source));
	set_var(v, "reg", fam->reg);
	set_var(v, "bezoek", fam->visit);
	set_var(v, "coach", fam->t->coach >= 0 ? d->seat[fam->t->coach].name : "");
}

/* Notes a coach writes once the case is taken up. */
static enum casus_rc casework_notes(struct demo *d, struct demo_fam *fam, const struct vars *v)
{
	const struct demo_tpl *t = fam->t;
	const struct theme_text *th = &themes[t->theme];
	char tpl[NOTE_LEN], id[CASUS_ID_LEN];
	enum casus_rc r = CASUS_OK;
	if (fam->visit[0]) {
		snprintf(tpl, sizeof tpl, "Eerste huisbezoek op {bezoek} door {coach}; aanwezig "
			"waren {ouder} en de kinderen. Hulpvraag in eigen woorden: \"%s\"", th->vraag);
		r = fact(d, fam, v, tpl, false, NULL, NULL);
	}
	if (!r)
		r = fact(d, fam, v, th->fact, false, NULL, NULL);
	if (!r)
		r = hypothesis(d, fam, v, fam->coach, th->hypothesis);
	if (!r && (t->triage == 'D' || t->fw == FRAMEWORK_DWANG || (t->flags & DF_GGZ)))
		r = hypothesis(d, fam, v, fam->index % 2 ? SEAT_GW1 : SEAT_GW2,
			"de zorgen rond {kind} zijn groter dan het gezin aangeeft; een gestructureerde "
			"risicotaxatie (LIRIK) bij de volgende evaluatie helpt om dat te wegen.");
	if (!r && (t->flags & DF_GGZ))
		r = diagnosis(d, fam, v);
	if (!r && (t->flags & DF_CORRECTION))
		r = fact(d, fam, v, "Gesprek met de intern begeleider: {kind} zit in groep 5 en krijgt "
			"extra leesondersteuning.", false, NULL, id);
	if (!r && (t->flags & DF_CORRECTION))
		r = fact(d, fam, v, "Correctie: {kind} zit in groep 6, niet in groep 5 (nagevraagd "
			"bij school).", false, id, NULL);
	if (!r && (t->flags & DF_CONFIDENTIAL))
		r = fact(d, fam, v, "Vertrouwelijk: {ouder} vertelt onder vier ogen zelf als kind "
			"mishandeld te zijn en bang te zijn hetzelfde te doen. {ouder} wil niet dat dit "
			"met school of de huisarts wordt gedeeld.", true, NULL, NULL);
	return r;
}

/* Sharing without consent must say why (DOMAIN.md §7). */
static enum casus_rc legal_basis_note(struct demo *d, struct demo_fam *fam,
	const struct vars *v)
{
	const struct demo_tpl *t = fam->t;
	enum casus_rc r = CASUS_OK;
	if (t->fw == FRAMEWORK_DRANG || t->zorg || strcmp(t->source, "veilig_thuis") == 0)
		r = fact(d, fam, v, "Met Veilig Thuis zijn gegevens gedeeld zonder toestemming van "
			"het gezin: meldrecht bij vermoeden van huiselijk geweld of kindermishandeling. "
			"Toestemming is niet gevraagd omdat dat de veiligheid van de kinderen in gevaar "
			"kon brengen.", false, NULL, NULL);
	if (!r && t->fw == FRAMEWORK_DWANG)
		r = fact(d, fam, v, "Ondertoezichtstelling uitgesproken door de kinderrechter; de "
			"gezinsvoogd van Jeugdbescherming Maasland heeft het laatste woord. Gegevens "
			"worden met de gezinsvoogd gedeeld op grond van de maatregel.", false, NULL, NULL);
	return r;
}

enum casus_rc demo_notes(struct demo *d, struct demo_fam *fam)
{
	struct vars v;
	char tpl[NOTE_LEN];
	family_vars(d, fam, &v);
	snprintf(tpl, sizeof tpl, "%s via {bron} op {reg}: %s.",
		fam->t->zorg ? "Zorgmelding" : "Aanmelding", themes[fam->t->theme].aanleiding);
	/* The referral is written down by whoever took it: the teamleider. */
	demo_act(d, SEAT_TL);
	enum casus_rc r = fact(d, fam, &v, tpl, false, NULL, NULL);
	if (r || fam->f.phase == PHASE_AANMELDING)
		return r;
	demo_act(d, fam->coach);
	if ((r = casework_notes(d, fam, &v)))
		return r;
	return legal_basis_note(d, fam, &v);
}

enum casus_rc demo_reopen_note(struct demo *d, struct demo_fam *fam)
{
	struct vars v;
	family_vars(d, fam, &v);
	return fact(d, fam, &v, "Heraanmelding: {ouder} meldt zich opnieuw. {kind} verzuimt "
		"sinds de zomervakantie weer van school en de oude afspraken houden geen stand.",
		false, NULL, NULL);
}

void demo_fill(struct demo *d, const struct demo_fam *fam, const char *tpl, char *out,
	size_t outsz)
{
	struct vars v;
	family_vars(d, fam, &v);
	fill(&v, tpl, out, outsz);
}

const char *demo_question(int theme)
{
	return theme >= 0 && theme < TH_COUNT ? themes[theme].vraag : "";
}
