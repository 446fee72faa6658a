/* Escalations in the demo and the gedragswetenschapper's decisions (four eyes): a
 * pending request of every kind for the approvals queue, one question waiting for the
 * coach's answer, one answered and then approved, approvals and rejections with their
 * motivations (a rejection says what is needed instead), a withdrawn request, and an
 * acute crisis acted on at once and approved afterwards. The meldingen Veilig Thuis come
 * from the meldcode trajectories (demo_meldcode.c): one waits for approval, one was
 * acted on before approval and waits for its retroactive decision. Requests are made by
 * the regievoerder; decisions by a gedragswetenschapper who is neither the requester nor
 * regievoerder of the family. */
#include <stdio.h>
#include <string.h>

#include "casus/escalation.h"
#include "demo_int.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define TEXT_LEN 2400

enum esc_outcome {
	OUT_PENDING,        /* in the approvals queue */
	OUT_ASKED,          /* the gedragswetenschapper asked; the coach has not answered */
	OUT_ANSWERED,       /* asked, answered, then approved */
	OUT_APPROVED,
	OUT_REJECTED,
	OUT_WITHDRAWN,      /* withdrawn by the requester while pending */
	OUT_ACTED_APPROVED, /* acute: acted on at once, approved afterwards (retroactive) */
};

static const struct story {
	const char *family;
	unsigned char kind, urgency, outcome;
	signed char requester; /* a seat; SEAT_NONE: the regievoerder */
	signed char decider;   /* the gedragswetenschapper */
	const char *level;     /* opschalen */
	const char *reason, *tried, *asked;
	const char *acted;     /* what was done at once (acute) */
	const char *motivation; /* the decision's motivation, or the question asked */
	const char *extra;     /* rejected: what is needed instead; answered: the answer */
} stories[] = {
	{ "Peeters", ESC_SPECIALISTISCH, URGENCY_NORMAAL, OUT_PENDING, SEAT_NONE, SEAT_GW1, NULL,
	  "{kind} is ernstig angstig en somber en verzuimt steeds vaker; de basis-GGZ is niet "
	  "genoeg gebleken.", "Zes gesprekken met de POH-GGZ, een online cursus en een "
	  "aangepast rooster op school.", "Verwijzing naar de specialistische jeugd-GGZ voor "
	  "diagnostiek en behandeling.", NULL, NULL, NULL },
	{ "Öztürk", ESC_RAAD, URGENCY_HOOG, OUT_PENDING, SEAT_NONE, SEAT_GW1, NULL,
	  "Structureel huiselijk geweld (meldcode: de weging met LIRIK geeft een hoog risico); "
	  "moeder wil geen hulp van buiten en vader stopt het geweld niet. Het drangkader schiet "
	  "tekort.", "Gezinsplan met veiligheidsplan, drang sinds de melding van Veilig Thuis, "
	  "gesprekken met beide ouders.", "Een verzoek tot onderzoek door de Raad voor de "
	  "Kinderbescherming (beschermingstafel).", NULL, NULL, NULL },
	{ "Mohamud", ESC_OPSCHALEN, URGENCY_NORMAAL, OUT_PENDING, SEAT_NONE, SEAT_GW1,
	  "procesregisseur gemeente", "Het gezin moet over zes weken de woning uit; de "
	  "woningcorporatie wijst urgentie af en het plan loopt vast.", "Twee urgentieaanvragen, "
	  "inschrijving bij alle corporaties en een regeling voor de huurachterstand.",
	  "Doorzettingsmacht: de gemeente vraagt de corporatie om een wisselwoning voor het "
	  "gezin.", NULL, NULL, NULL },
	{ "Ouali", ESC_CRISIS, URGENCY_HOOG, OUT_PENDING, SEAT_TL, SEAT_GW1, NULL,
	  "Zorgmelding van de politie: geweld in het gezin; {ouder} is met de drie kinderen naar "
	  "een vriendin gevlucht en kan daar niet blijven.", "Telefonisch contact met {ouder}; "
	  "de familie kan niemand opvangen.", "Crisisopvang voor {ouder} en de kinderen tot er "
	  "een veilige plek is.", NULL, NULL, NULL },
	{ "van Leeuwen", ESC_SPECIALISTISCH, URGENCY_NORMAAL, OUT_ASKED, SEAT_NONE, SEAT_GW1, NULL,
	  "{kind} heeft paniekaanvallen en blijft thuis van school; de POH-GGZ verwijst door.",
	  "Gesprekken met de POH-GGZ en afspraken met school over een rustige plek.",
	  "Behandeling bij de specialistische jeugd-GGZ.", NULL,
	  "Welke vraag heeft de huisarts gesteld, en is de wachttijd bij de GGZ bekend? Wat "
	  "overbrugt de wachttijd?", NULL },
	{ "Yılmaz", ESC_SPECIALISTISCH, URGENCY_NORMAAL, OUT_ANSWERED, SEAT_NONE, SEAT_GW1, NULL,
	  "{kind} is somber sinds de scheiding en praat over niet meer willen leven.",
	  "Gesprekken met de gezinscoach en de POH-GGZ; een signaleringsplan met vader.",
	  "Behandeling bij de specialistische jeugd-GGZ, met spoed.", NULL,
	  "Is er een actueel suïciderisico getaxeerd, en door wie?",
	  "Ja: de huisarts heeft het risico getaxeerd als matig; er is een signaleringsplan en "
	  "vader weet wie hij moet bellen." },
	{ "Nguyễn", ESC_SPECIALISTISCH, URGENCY_NORMAAL, OUT_APPROVED, SEAT_NONE, SEAT_GW2, NULL,
	  "{kind} heeft ernstige angstklachten die na de basis-GGZ niet minder zijn geworden.",
	  "Basis-GGZ (acht sessies) en begeleiding door de gezinscoach.", "Behandeling bij de "
	  "specialistische jeugd-GGZ.", NULL, "Passend: de klachten zijn ernstig en langdurig en "
	  "de basis-GGZ is geprobeerd. De gezinscoach houdt de regie en evalueert met de "
	  "behandelaar.", NULL },
	{ "Mulder", ESC_RAAD, URGENCY_HOOG, OUT_APPROVED, SEAT_NONE, SEAT_GW2, NULL,
	  "Het geweld in huis houdt aan ondanks het veiligheidsplan; moeder houdt zich niet aan "
	  "de afspraken over contact met de kinderen.", "Veiligheidsplan, drang via Veilig "
	  "Thuis, twee gesprekken met moeder en de verzorger.", "Een verzoek tot onderzoek door "
	  "de Raad voor de Kinderbescherming.", NULL, "Structurele onveiligheid zonder "
	  "verandering binnen het drangkader: een onderzoek door de Raad is nodig.", NULL },
	{ "Boukhari", ESC_SPECIALISTISCH, URGENCY_NORMAAL, OUT_REJECTED, SEAT_NONE, SEAT_GW1, NULL,
	  "{kind} heeft geen eigen woonruimte en loopt vast met instanties.", "Hulp bij "
	  "aanvragen, inschrijving voor een kamer, gesprekken met {ouder}.", "Een plek in "
	  "beschermd wonen voor {kind}.", NULL, "Beschermd wonen past niet bij de vraag: {kind} "
	  "wil zelfstandig wonen en heeft geen problematiek die een beschermde woonvorm nodig "
	  "maakt.", "Ambulante woonbegeleiding via de Wmo en een kamer via de "
	  "jongerenhuisvesting; over drie maanden evalueren." },
	{ "Tran", ESC_OPSCHALEN, URGENCY_NORMAAL, OUT_REJECTED, SEAT_NONE, SEAT_GW2, "teamleider",
	  "De schuldhulp komt niet op gang en het gezin raakt gefrustreerd.", "Twee gesprekken "
	  "met de schuldhulpverlener en hulp bij het verzamelen van de papieren.", "Opschalen "
	  "naar de teamleider om de schuldhulp te versnellen.", NULL, "Het plan loopt niet vast: "
	  "de schuldhulp is pas zes weken bezig en er staat nog een actie van het gezin open.",
	  "Eerst de openstaande actie afronden en evalueren met de schuldhulpverlener; daarna "
	  "opnieuw bekijken." },
	{ "Kowalski", ESC_SPECIALISTISCH, URGENCY_NORMAAL, OUT_WITHDRAWN, SEAT_NONE, SEAT_GW1, NULL,
	  "{kind} leest zeer moeizaam; vermoeden van ernstige dyslexie.", "Extra leesbegeleiding "
	  "op school.", "Dyslexieonderzoek en -behandeling.", NULL, NULL, "School regelt het "
	  "onderzoek zelf via het samenwerkingsverband." },
	{ "Şahin", ESC_CRISIS, URGENCY_ACUUT, OUT_ACTED_APPROVED, SEAT_NONE, SEAT_GW2, NULL,
	  "Vader dreigde 's nachts het huis binnen te komen; moeder en de kinderen waren niet "
	  "veilig.", "Politie gebeld; de familie kon niet opvangen.", "Crisisopvang voor moeder "
	  "en de kinderen.", "Moeder en de kinderen 's nachts naar de crisisopvang gebracht.",
	  "Terecht direct gehandeld: de dreiging was acuut en er was geen veilig alternatief.",
	  NULL },
};

static struct escalation esc; /* large; the demo is single-threaded */

/* The gedragswetenschapper of seat gw, or the other one when the Unix user running
 * casus demo has that login (and took the seat as a coach). */
static int decider(const struct demo *d, int gw)
{
	if (d->seat[gw].role == ROLE_GEDRAGSWETENSCHAPPER)
		return gw;
	return gw == SEAT_GW1 ? SEAT_GW2 : SEAT_GW1;
}

static int grab(void *arg, const struct escalation *e)
{
	bool *found = arg;
	esc = *e;
	*found = true;
	return 1;
}

/* The gedragswetenschapper approves the melding Veilig Thuis of a trajectory. */
enum casus_rc demo_approve_melding(struct demo *d, struct demo_fam *fam,
	const char *trajectory_id, int gw)
{
	bool found = false;
	struct escalation_filter f = { .status = ESC_PENDING, .kind = ESC_VEILIG_THUIS,
		.meldcode_id = trajectory_id };
	enum casus_rc r = escalation_list_each(d->ctx, &f, grab, &found, d->err);
	if (r || !found)
		return r ? r : err_set(d->err, CASUS_E_NOTFOUND, "demo: no melding to approve");
	demo_act(d, decider(d, gw));
	r = escalation_decide(d->ctx, &esc, ESC_DECIDE_APPROVE, "Melden is volgens het "
		"afwegingskader nodig en de stappen zijn zorgvuldig doorlopen. Akkoord met de "
		"melding bij Veilig Thuis.", NULL, d->err);
	demo_act(d, fam->coach);
	return r;
}

static enum casus_rc decide(struct demo *d, struct demo_fam *fam, const struct story *s,
	enum escalation_decision how, const char *motivation, const char *instead)
{
	char m[TEXT_LEN], i[TEXT_LEN];
	demo_fill(d, fam, motivation, m, sizeof m);
	demo_fill(d, fam, instead ? instead : "", i, sizeof i);
	demo_act(d, decider(d, s->decider));
	return escalation_decide(d->ctx, &esc, how, m, instead ? i : NULL, d->err);
}

/* One request and what became of it. */
static enum casus_rc tell(struct demo *d, struct demo_fam *fam, const struct story *s)
{
	char reason[TEXT_LEN], tried[TEXT_LEN], asked[TEXT_LEN], extra[TEXT_LEN];
	int requester = s->requester == SEAT_NONE ? fam->coach : s->requester;
	demo_fill(d, fam, s->reason, reason, sizeof reason);
	demo_fill(d, fam, s->tried, tried, sizeof tried);
	demo_fill(d, fam, s->asked, asked, sizeof asked);
	demo_fill(d, fam, s->extra ? s->extra : "", extra, sizeof extra);
	struct escalation_new in = { .family = fam->f.id, .kind = (enum escalation_kind)s->kind,
		.level = s->level, .urgency = (enum escalation_urgency)s->urgency, .reason = reason,
		.tried = tried, .asked = asked, .acted = s->acted != NULL, .acted_note = s->acted };
	demo_act(d, requester);
	enum casus_rc r = escalation_request(d->ctx, &in, &esc, d->err);
	if (r)
		return r;
	switch (s->outcome) {
	case OUT_ASKED:
		return decide(d, fam, s, ESC_DECIDE_ASK, s->motivation, NULL);
	case OUT_ANSWERED:
		if ((r = decide(d, fam, s, ESC_DECIDE_ASK, s->motivation, NULL)))
			return r;
		demo_act(d, requester);
		if ((r = escalation_answer(d->ctx, &esc, extra, d->err)))
			return r;
		return decide(d, fam, s, ESC_DECIDE_APPROVE, "Met deze taxatie en het "
			"signaleringsplan akkoord met de verwijzing.", NULL);
	case OUT_APPROVED:
	case OUT_ACTED_APPROVED:
		return decide(d, fam, s, ESC_DECIDE_APPROVE, s->motivation, NULL);
	case OUT_REJECTED:
		return decide(d, fam, s, ESC_DECIDE_REJECT, s->motivation, s->extra);
	case OUT_WITHDRAWN:
		return escalation_withdraw(d->ctx, &esc, extra, d->err);
	default:
		return CASUS_OK;
	}
}

enum casus_rc demo_escalations(struct demo *d, struct demo_fam *fam)
{
	enum casus_rc r = CASUS_OK;
	for (size_t i = 0; !r && i < COUNT(stories); i++) {
		if (strcmp(stories[i].family, fam->t->name) != 0)
			continue;
		if (stories[i].requester == SEAT_NONE && fam->coach == SEAT_NONE)
			continue;
		r = tell(d, fam, &stories[i]);
	}
	if (fam->coach != SEAT_NONE)
		demo_act(d, fam->coach);
	return r;
}
