/* The demo families as a table, and the life of each: registration by the
 * teamleider, the household, regie assigned in the meeting, phases walked one by one
 * by the regievoerder (with handovers, a framework switch, closing and one re-entry),
 * and the content steps that fill the dossier. */
#include <stdio.h>
#include <string.h>

#include "casus/regie.h"
#include "demo_int.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Short names for the table. */
#define AANM PHASE_AANMELDING
#define INTK PHASE_INTAKE
#define PLAN PHASE_PLAN
#define UITV PHASE_UITVOERING
#define AFSL PHASE_AFSLUITING
#define GESL PHASE_AFGESLOTEN
#define VRIJ FRAMEWORK_VRIJWILLIG
#define DRNG FRAMEWORK_DRANG
#define DWNG FRAMEWORK_DWANG
#define AM false /* aanmelding */
#define ZM true  /* zorgmelding */
#define NONE SEAT_NONE

/* Oldest registration first, so case numbers follow the order of arrival. Children's
 * ages together cover 0 to 23; every phase, triage level, framework and shape occurs. */
static const struct demo_tpl families[] = {
	{ "van der Berg-Çelik", OR_NL, OR_TR, SH_TWO, TH_OPVOEDING, "6 9 13", GESL, 'B', VRIJ, AM,
	  "ouders", 728, 3, 6, SEAT_LOTTE, NONE, 0 },
	{ "Jansen", OR_NL, OR_NL, SH_MOTHER, TH_SCHOOL, "15 17", INTK, 'C', VRIJ, AM, "school",
	  715, 4, 8, SEAT_MOHAMED, NONE, DF_REOPEN },
	{ "Ødegaard", OR_NO, OR_NL, SH_SEPARATED, TH_SCHEIDING, "11 14", GESL, 'C', DRNG, ZM,
	  "veilig_thuis", 690, 1, 5, SEAT_FARIDA, NONE, DF_SWITCH },
	{ "El Amrani", OR_MA, OR_MA, SH_TWO, TH_VEILIG, "2 5 8 12", UITV, 'D', DWNG, AM, "rechter",
	  660, 2, 4, SEAT_NOELLE, SEAT_EMRE, DF_CONFIDENTIAL },
	{ "de Vries", OR_NL, OR_NL, SH_PARTNER, TH_OPVOEDING, "4 7", GESL, 'B', VRIJ, AM,
	  "huisarts", 640, 5, 12, SEAT_DAAN, NONE, 0 },
	{ "Nguyễn", OR_VN, OR_VN, SH_TWO, TH_GGZ, "16 19", AFSL, 'B', VRIJ, AM, "jeugdige", 620, 2,
	  6, SEAT_ESTHER, NONE, DF_GGZ },
	{ "Öztürk", OR_TR, OR_TR, SH_TWO, TH_VEILIG, "1 3 10", UITV, 'C', DRNG, ZM, "veilig_thuis",
	  600, 1, 3, SEAT_EMRE, NONE, DF_SWITCH },
	{ "Bakker", OR_NL, OR_NL, SH_MOTHER, TH_BABY, "0 4", GESL, 'A', VRIJ, AM, "jeugdarts", 585,
	  5, 9, SEAT_LOTTE, NONE, 0 },
	{ "'t Hart", OR_NL, OR_NL, SH_HOUSEMATE, TH_SCHOOL, "8 12", UITV, 'C', VRIJ, AM, "school",
	  560, 6, 16, SEAT_CALLER, NONE, DF_CORRECTION },
	{ "Yılmaz", OR_TR, OR_TR, SH_FATHER, TH_GGZ, "9 14", AFSL, 'C', VRIJ, AM, "ouders", 545, 2,
	  5, SEAT_MOHAMED, NONE, DF_GGZ },
	{ "Visser-Kaya", OR_NL, OR_TR, SH_TWO, TH_OPVOEDING, "3 6", GESL, 'A', VRIJ, AM, "ouders",
	  530, 4, 7, SEAT_NOELLE, NONE, 0 },
	{ "Mulder", OR_NL, OR_NL, SH_CARER, TH_VEILIG, "10 13", UITV, 'D', DWNG, AM, "rechter", 515,
	  1, 2, SEAT_FARIDA, NONE, DF_GGZ },
	{ "Boukhari", OR_MA, OR_MA, SH_MOTHER, TH_JONG, "20 22", UITV, 'B', VRIJ, AM, "jeugdige",
	  500, 3, 10, SEAT_ESTHER, NONE, DF_WITHDRAW },
	{ "de Boer", OR_NL, OR_NL, SH_TWO, TH_SCHOOL, "5 7 11", GESL, 'B', VRIJ, AM, "school", 480,
	  2, 6, SEAT_DAAN, NONE, 0 },
	{ "Mohamud", OR_SO, OR_SO, SH_MOTHER, TH_WONEN, "2 4 9 15", UITV, 'C', VRIJ, AM,
	  "wijkteam", 460, 3, 7, SEAT_EMRE, SEAT_MOHAMED, 0 },
	{ "van den Heuvel", OR_NL, OR_NL, SH_SEPARATED, TH_SCHEIDING, "7 10", AFSL, 'C', DRNG, AM,
	  "politie", 440, 1, 4, SEAT_LOTTE, NONE, 0 },
	{ "Kowalski", OR_PL, OR_PL, SH_TWO, TH_SCHOOL, "13 16", UITV, 'B', VRIJ, AM, "school", 420,
	  4, 8, SEAT_CALLER, NONE, DF_CONSENT_GAP },
	{ "Hendriks", OR_NL, OR_NL, SH_PARTNER, TH_VEILIG, "12 14", GESL, 'C', DRNG, ZM, "politie",
	  400, 1, 3, SEAT_NOELLE, NONE, 0 },
	{ "Mensah", OR_GH, OR_GH, SH_TWO, TH_GELD, "6 8", UITV, 'B', VRIJ, AM, "huisarts", 385, 5,
	  11, SEAT_ESTHER, NONE, 0 },
	{ "van Leeuwen", OR_NL, OR_NL, SH_FATHER, TH_GGZ, "3 15", UITV, 'C', VRIJ, AM, "ouders",
	  370, 3, 6, SEAT_DAAN, SEAT_CALLER, DF_GGZ },
	{ "Dekker", OR_NL, OR_NL, SH_TWO, TH_JONG, "17 21", AFSL, 'A', VRIJ, AM, "jeugdige", 350, 2,
	  5, SEAT_FARIDA, NONE, 0 },
	{ "Şahin", OR_TR, OR_TR, SH_SEPARATED, TH_VEILIG, "5 9", UITV, 'D', DWNG, ZM,
	  "veilig_thuis", 330, 1, 2, SEAT_LOTTE, SEAT_FARIDA, DF_GGZ | DF_CONFIDENTIAL },
	{ "Brouwer", OR_NL, OR_NL, SH_TWO, TH_BABY, "0 2", UITV, 'B', VRIJ, AM, "jeugdarts", 310,
	  4, 9, SEAT_NOELLE, NONE, 0 },
	{ "de Wit", OR_NL, OR_NL, SH_HOUSEMATE, TH_SCHOOL, "11 16", AFSL, 'B', VRIJ, AM, "school",
	  290, 2, 7, SEAT_EMRE, NONE, 0 },
	{ "Tran", OR_VN, OR_NL, SH_TWO, TH_GELD, "4 8 12", UITV, 'C', VRIJ, AM, "huisarts", 270, 3,
	  6, SEAT_CALLER, NONE, 0 },
	{ "Dijkstra", OR_NL, OR_NL, SH_MOTHER, TH_JONG, "18 23", UITV, 'B', VRIJ, AM, "jeugdige",
	  250, 6, 14, SEAT_MOHAMED, NONE, 0 },
	{ "El Idrissi", OR_MA, OR_NL, SH_PARTNER, TH_VEILIG, "1 6 9", UITV, 'C', DRNG, ZM,
	  "politie", 230, 1, 3, SEAT_DAAN, NONE, DF_SWITCH },
	{ "van der Meer", OR_NL, OR_NL, SH_CARER, TH_SCHEIDING, "13 15", UITV, 'C', DWNG, AM,
	  "rechter", 190, 2, 4, SEAT_FARIDA, NONE, 0 },
	{ "Vermeulen", OR_NL, OR_NL, SH_MOTHER, TH_WONEN, "6 19", UITV, 'B', VRIJ, AM, "wijkteam",
	  150, 4, 10, SEAT_LOTTE, NONE, 0 },
	{ "Bos", OR_NL, OR_NL, SH_TWO, TH_OPVOEDING, "2 4", PLAN, 'B', VRIJ, AM, "jeugdarts", 120, 3,
	  6, SEAT_NOELLE, NONE, 0 },
	{ "Janssen-Haddou", OR_NL, OR_MA, SH_TWO, TH_SCHOOL, "8 13", PLAN, 'C', VRIJ, AM, "school",
	  105, 2, 9, SEAT_CALLER, NONE, 0 },
	{ "Vos", OR_NL, OR_NL, SH_MOTHER, TH_BABY, "0 3", PLAN, 'C', DRNG, ZM, "jeugdarts", 95, 1, 2,
	  SEAT_MOHAMED, NONE, 0 },
	{ "Huisman", OR_NL, OR_NL, SH_SEPARATED, TH_SCHEIDING, "9 12 14", PLAN, 'C', VRIJ, AM,
	  "ouders", 85, 4, 11, SEAT_DAAN, NONE, 0 },
	{ "Peeters", OR_NL, OR_NL, SH_TWO, TH_GGZ, "15 17", PLAN, 'B', VRIJ, AM, "huisarts", 75, 3,
	  6, SEAT_ESTHER, NONE, 0 },
	{ "Warsame", OR_SO, OR_SO, SH_MOTHER, TH_GELD, "5 7 10", PLAN, 'B', VRIJ, AM, "wijkteam", 65,
	  2, 8, SEAT_EMRE, NONE, 0 },
	{ "Kuipers", OR_NL, OR_NL, SH_PARTNER, TH_VEILIG, "3 11", PLAN, 'C', DRNG, ZM, "politie", 55,
	  8, 4, SEAT_FARIDA, NONE, 0 },
	{ "Postma", OR_NL, OR_NL, SH_TWO, TH_SCHOOL, "12 14", INTK, 'B', VRIJ, AM, "school", 48, 3,
	  7, SEAT_LOTTE, NONE, 0 },
	{ "Doğan", OR_TR, OR_TR, SH_HOUSEMATE, TH_WONEN, "1 4", INTK, 'C', VRIJ, AM, "huisarts", 42,
	  5, 13, SEAT_NOELLE, NONE, 0 },
	{ "van Beek", OR_NL, OR_NL, SH_FATHER, TH_JONG, "16 18", INTK, 'B', VRIJ, AM, "jeugdige", 38,
	  2, 5, SEAT_CALLER, NONE, 0 },
	{ "Lê", OR_VN, OR_VN, SH_TWO, TH_OPVOEDING, "6 9", INTK, 'A', VRIJ, AM, "ouders", 33, 4, 9,
	  SEAT_DAAN, NONE, 0 },
	{ "Goossens", OR_NL, OR_NL, SH_SEPARATED, TH_SCHEIDING, "8 11", INTK, 'C', DRNG, ZM,
	  "veilig_thuis", 27, 1, 3, SEAT_MOHAMED, NONE, 0 },
	{ "Martens", OR_NL, OR_NL, SH_MOTHER, TH_BABY, "0", INTK, 'B', VRIJ, AM, "jeugdarts", 21, 3,
	  -1, SEAT_ESTHER, NONE, 0 },
	{ "Smit-Boateng", OR_NL, OR_GH, SH_TWO, TH_OPVOEDING, "2 5", INTK, 'B', VRIJ, AM, "ouders",
	  16, 4, -1, SEAT_EMRE, NONE, 0 },
	{ "Meijer", OR_NL, OR_NL, SH_TWO, TH_SCHOOL, "7 12", AANM, 'B', VRIJ, AM, "school", 14, 4,
	  -1, NONE, NONE, 0 },
	{ "Nowak", OR_PL, OR_PL, SH_MOTHER, TH_SCHOOL, "13 15", AANM, 'C', VRIJ, AM, "school", 9, 5,
	  -1, NONE, NONE, 0 },
	{ "de Jong", OR_NL, OR_NL, SH_PARTNER, TH_GGZ, "10", AANM, 0, VRIJ, AM, "huisarts", 6, -1,
	  -1, NONE, NONE, 0 },
	{ "Ouali", OR_MA, OR_MA, SH_MOTHER, TH_VEILIG, "3 6 14", AANM, 'D', DRNG, ZM, "politie", 3,
	  1, -1, NONE, NONE, 0 },
	{ "Smits", OR_NL, OR_NL, SH_TWO, TH_BABY, "1", AANM, 'B', VRIJ, AM, "jeugdarts", 2, -1, -1,
	  NONE, NONE, 0 },
	{ "van Dijk", OR_NL, OR_NL, SH_FATHER, TH_JONG, "17", AANM, 'A', VRIJ, AM, "jeugdige", 1, -1,
	  -1, NONE, NONE, 0 },
};

static const char *const phase_reasons[PHASE_COUNT] = {
	[PHASE_INTAKE] = "Regievoerder toegewezen in het casuïstiekoverleg; huisbezoek gepland.",
	[PHASE_PLAN] = "Hulpvraag, krachten en zorgen in kaart; het gezinsplan wordt opgesteld.",
	[PHASE_UITVOERING] = "Gezinsplan met het gezin besproken; instemming van de ouders.",
	[PHASE_AFSLUITING] = "Doelen grotendeels behaald; afbouw ingezet met het gezin.",
};

static const char *const handover_reasons[] = {
	"Zwangerschapsverlof van de regievoerder; overdracht in het casuïstiekoverleg.",
	"Herverdeling van de caseload na het vertrek van een collega.",
	"Meer expertise rond veiligheid nodig: de aandachtsfunctionaris neemt de regie over.",
	"Op verzoek van het gezin: het klikte niet met de vorige regievoerder.",
};

/* A content step fills part of a dossier while the case is open, in this order: the
 * plan step needs the parties (action owners, who agreed) and carries the case on from
 * phase plan to where it is now; meldcode and escalations follow. */
typedef enum casus_rc (*content_step)(struct demo *d, struct demo_fam *fam);
static const content_step content_steps[] = { demo_parties, demo_consents, demo_notes,
	demo_plan, demo_meldcode, demo_escalations };

static enum casus_rc register_family(struct demo *d, struct demo_fam *fam)
{
	const struct demo_tpl *t = fam->t;
	char address[200], phone[24];
	demo_address(d, address, sizeof address);
	demo_mobile(d, phone, sizeof phone);
	struct family_new in = {
		.display_name = t->name,
		.referral_kind = t->zorg ? "zorgmelding" : "aanmelding",
		.referral_source = t->source,
		.triage = t->triage,
		.framework = (t->flags & DF_SWITCH) ? FRAMEWORK_VRIJWILLIG : t->fw,
		.registered_on = fam->reg,
		.address = address,
		.phone = phone,
	};
	demo_act(d, SEAT_TL);
	return family_add(d->ctx, &in, &fam->f, d->err);
}

/* First contact and first home visit: a family_update as the one who made them. */
static enum casus_rc record_dates(struct demo *d, struct demo_fam *fam)
{
	if (!fam->contact[0] && !fam->visit[0])
		return CASUS_OK;
	snprintf(fam->f.first_contact_on, sizeof fam->f.first_contact_on, "%s", fam->contact);
	snprintf(fam->f.first_visit_on, sizeof fam->f.first_visit_on, "%s", fam->visit);
	return family_update(d->ctx, &fam->f, d->err);
}

static enum casus_rc take_up(struct demo *d, struct demo_fam *fam)
{
	enum casus_rc r;
	demo_act(d, SEAT_TL);
	if ((r = regie_assign(d->ctx, &fam->f, d->seat[fam->t->coach].login,
		     "Toegewezen in het casuïstiekoverleg (caseload en expertise).", d->err)))
		return r;
	fam->coach = fam->t->coach;
	demo_act(d, fam->coach);
	if ((r = family_set_phase(d->ctx, &fam->f, PHASE_INTAKE, phase_reasons[PHASE_INTAKE],
		     d->err)))
		return r;
	return record_dates(d, fam);
}

enum family_phase demo_target_phase(const struct demo_fam *fam)
{
	return (fam->t->flags & DF_REOPEN) ? PHASE_AFSLUITING : (enum family_phase)fam->t->phase;
}

/* Walk the phases one at a time up to `to` (at most afsluiting), as the acting user. */
enum casus_rc demo_walk(struct demo *d, struct demo_fam *fam, enum family_phase to)
{
	for (int p = (int)fam->f.phase + 1; p <= (int)to && p <= PHASE_AFSLUITING; p++) {
		enum casus_rc r = family_set_phase(d->ctx, &fam->f, (enum family_phase)p,
			phase_reasons[p], d->err);
		if (r)
			return r;
	}
	return CASUS_OK;
}

static enum casus_rc hand_over(struct demo *d, struct demo_fam *fam)
{
	int to = fam->t->handover;
	if (to == SEAT_NONE || to == fam->coach
	    || strcmp(d->seat[to].login, d->seat[fam->coach].login) == 0)
		return CASUS_OK;
	/* The aandachtsfunctionaris takes over for safety; otherwise leave or caseload. */
	static const int plain[] = { 0, 1, 3 };
	const char *why = handover_reasons[d->seat[to].aandacht ? 2 : plain[fam->index % 3]];
	enum casus_rc r = regie_handover(d->ctx, &fam->f, d->seat[to].login, why, d->err);
	if (r)
		return r;
	fam->coach = to;
	demo_act(d, fam->coach);
	return CASUS_OK;
}

static enum casus_rc close_and_reopen(struct demo *d, struct demo_fam *fam)
{
	const struct demo_tpl *t = fam->t;
	enum casus_rc r;
	demo_act(d, fam->coach);
	if ((t->flags & DF_SWITCH) && t->fw != fam->f.framework) {
		fam->f.framework = (enum family_framework)t->fw;
		if ((r = family_update(d->ctx, &fam->f, d->err)))
			return r;
	}
	if (t->phase != PHASE_AFGESLOTEN && !(t->flags & DF_REOPEN))
		return CASUS_OK;
	const char *why = fam->index % 2
		? "Afgesloten met vinger aan de pols: de huisarts houdt contact en meldt zich bij "
		  "nieuwe zorgen. Terugvalrisico laag; nazorgcontact over drie maanden."
		: "Positief afgesloten: de doelen zijn behaald. Nazorgcontact over drie maanden.";
	if ((r = demo_plan_closure(d, fam)) || (r = family_close(d->ctx, &fam->f, why, d->err))
	    || !(t->flags & DF_REOPEN))
		return r;
	if ((r = family_reopen(d->ctx, &fam->f,
		     "Heraanmelding door de moeder: het schoolverzuim is terug.", d->err)))
		return r;
	return demo_reopen_note(d, fam);
}

static enum casus_rc build_family(struct demo *d, const struct demo_tpl *t, int index)
{
	struct demo_fam fam;
	enum casus_rc r;
	memset(&fam, 0, sizeof fam);
	fam.t = t;
	fam.index = index;
	fam.coach = SEAT_NONE;
	demo_days_ago(d, t->days_ago, fam.reg);
	if (t->contact >= 0)
		demo_after(d, fam.reg, t->contact, fam.contact);
	if (t->visit >= 0 && t->coach != SEAT_NONE)
		demo_after(d, fam.reg, t->visit, fam.visit);
	if ((r = register_family(d, &fam)) || (r = demo_persons(d, &fam)))
		return r;
	if (t->coach == SEAT_NONE) {
		r = record_dates(d, &fam);
	} else {
		/* Up to phase plan now; the plan step takes the case further once the plan
		 * has been agreed. */
		enum family_phase to = demo_target_phase(&fam);
		if (!(r = take_up(d, &fam))
		    && !(r = demo_walk(d, &fam, to < PHASE_PLAN ? to : PHASE_PLAN)))
			r = hand_over(d, &fam);
	}
	for (size_t i = 0; !r && i < COUNT(content_steps); i++)
		r = content_steps[i](d, &fam);
	if (!r && t->coach != SEAT_NONE)
		r = close_and_reopen(d, &fam);
	return r;
}

enum casus_rc demo_families(struct demo *d)
{
	for (size_t i = 0; i < COUNT(families); i++) {
		enum casus_rc r = build_family(d, &families[i], (int)i);
		if (r)
			return r;
	}
	return CASUS_OK;
}
