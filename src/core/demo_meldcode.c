/* Meldcode trajectories in the demo (Wet verplichte meldcode, with the afwegingskader),
 * recorded by the regievoerder step by step as the core allows: trajectories standing at
 * each of the five steps, one closed because the weighing found no suspicion, one
 * closed after help was organised and the follow-up check found the violence stopped,
 * meldingen with Veilig Thuis's reference and its feedback (one overdue), one acute
 * case where the police and Veilig Thuis were called at once, and one closed after a
 * melding. A decision to melden makes a 'melding Veilig Thuis' escalation (core does
 * that); the gedragswetenschapper approves it before the melding is made, except on the
 * acute path, where it waits for a retroactive decision. */
#include <stdio.h>
#include <string.h>

#include "casus/meldcode.h"
#include "demo_int.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define TEXT_LEN 2400

/* One trajectory while it is being written. */
struct mc {
	struct demo *d;
	struct demo_fam *fam;
	char id[CASUS_ID_LEN];
	char coach[CASUS_NAME_MAX * 4 + 1]; /* the regievoerder's name, who observes */
};

static void ago(const struct mc *m, int days, char out[static 11])
{
	demo_days_ago(m->d, days, out);
}

static void fill(const struct mc *m, const char *tpl, char *out, size_t outsz)
{
	demo_fill(m->d, m->fam, tpl, out, outsz);
}

/* ---- opening ---- */

/* For the children under 18 of the family. */
static enum casus_rc open_children(struct mc *m)
{
	const char *kids[DEMO_MAX_PERSONS];
	int n = 0;
	for (int i = 0; i < m->fam->np; i++)
		if (m->fam->p[i].role == PERSON_KIND && m->fam->p[i].age < 18)
			kids[n++] = m->fam->p[i].id;
	struct meldcode_new in = { .client = MC_CLIENT_CHILDREN, .children = kids,
		.n_children = n };
	struct meldcode out;
	enum casus_rc r = meldcode_open(m->d->ctx, m->fam->f.id, &in, &out, m->d->err);
	if (!r)
		memcpy(m->id, out.id, CASUS_ID_LEN);
	return r;
}

/* For an adult client (the first parent), with the kindcheck. */
static enum casus_rc open_adult(struct mc *m)
{
	const struct demo_person *adult = demo_first_parent(m->fam);
	struct meldcode_new in = { .client = MC_CLIENT_ADULT, .adult_id = adult->id };
	struct meldcode out;
	enum casus_rc r = meldcode_open(m->d->ctx, m->fam->f.id, &in, &out, m->d->err);
	if (!r)
		memcpy(m->id, out.id, CASUS_ID_LEN);
	return r;
}

/* ---- steps 1-4 ---- */

/* A signal observed `days` ago: by the coach, or by source (a third party). */
static enum casus_rc signal(struct mc *m, enum mc_signal_kind kind, int days, const char *source,
	const char *tpl, const char *whose, char *out_id)
{
	char on[11], text[TEXT_LEN], from[TEXT_LEN];
	ago(m, days, on);
	fill(m, tpl, text, sizeof text);
	fill(m, source ? source : m->coach, from, sizeof from);
	struct mc_signal_new in = { .kind = kind, .observed_on = on, .observer = from,
		.third_party = source != NULL, .source = source ? from : NULL, .description = text,
		.hypothesis_of = kind == MC_HYPOTHESIS ? (whose ? whose : m->coach) : NULL,
		.diagnosed_by = kind == MC_DIAGNOSIS ? whose : NULL };
	return meldcode_add_signal(m->d->ctx, m->id, &in, out_id, m->d->err);
}

/* The coach marks a step done once it has what it needs. */
static enum casus_rc step_done(struct mc *m, int step)
{
	struct meldcode_step s[MC_STEPS];
	enum casus_rc r = meldcode_steps(m->d->ctx, m->id, s, m->d->err);
	return r ? r : meldcode_step_set(m->d->ctx, &s[step - 1], MC_DONE, MC_SKIP_NONE, NULL,
			       m->d->err);
}

static enum casus_rc consult(struct mc *m, enum mc_consult with, const char *with_name,
	bool anonymous, int days, const char *question, const char *advice)
{
	char on[11], q[TEXT_LEN], a[TEXT_LEN];
	ago(m, days, on);
	fill(m, question, q, sizeof q);
	fill(m, advice, a, sizeof a);
	struct mc_consultation_new in = { .with = with, .with_name = with_name,
		.anonymous = anonymous, .held_on = on, .question = q, .advice = a };
	return meldcode_add_consultation(m->d->ctx, m->id, &in, NULL, m->d->err);
}

/* A colleague who wears the aandachtsfunctionaris hat (not the coach). */
static enum casus_rc consult_af(struct mc *m, int days, const char *advice)
{
	int seat = m->fam->coach == SEAT_LOTTE ? SEAT_FARIDA : SEAT_LOTTE;
	char name[CASUS_NAME_MAX * 4 + 40];
	snprintf(name, sizeof name, "%s (aandachtsfunctionaris)", m->d->seat[seat].name);
	return consult(m, MC_WITH_AANDACHTSFUNCTIONARIS, name, false, days,
		"Zijn de signalen zorgelijk genoeg om de meldcode verder te doorlopen?", advice);
}

static enum casus_rc talk(struct mc *m, enum mc_talk with, const char *who, int days,
	const char *said, const char *reaction)
{
	char on[11], w[TEXT_LEN], s[TEXT_LEN], re[TEXT_LEN];
	ago(m, days, on);
	fill(m, who, w, sizeof w);
	fill(m, said, s, sizeof s);
	fill(m, reaction, re, sizeof re);
	struct mc_conversation_new in = { .with = with, .participants = w, .held_on = on,
		.said = s, .reaction = re };
	return meldcode_add_conversation(m->d->ctx, m->id, &in, NULL, m->d->err);
}

static enum casus_rc weigh(struct mc *m, enum mc_instrument instrument, const char *outcome,
	bool q1, const char *q1_why, bool structural, bool acute, const char *q2_why)
{
	char a[TEXT_LEN], b[TEXT_LEN];
	fill(m, q1_why, a, sizeof a);
	fill(m, q2_why ? q2_why : "", b, sizeof b);
	struct mc_weighing_new in = { .instrument = instrument, .instrument_outcome = outcome,
		.q1 = q1, .q1_motivation = a, .q2_structural = structural, .q2_acute = acute,
		.q2_motivation = q2_why ? b : NULL };
	return meldcode_weigh(m->d->ctx, m->id, &in, NULL, m->d->err);
}

static enum casus_rc event(struct mc *m, enum mc_event_kind kind, int days,
	const struct mc_event_new *extra)
{
	struct mc_event_new in = *extra;
	char on[11], note[TEXT_LEN];
	in.kind = kind;
	ago(m, days, on);
	in.on = on;
	if (extra->note) {
		fill(m, extra->note, note, sizeof note);
		in.note = note;
	}
	return meldcode_add_event(m->d->ctx, m->id, &in, NULL, m->d->err);
}

static enum casus_rc manager(struct mc *m, enum mc_event_kind kind, int days)
{
	struct mc_event_new in = { .person_name = m->d->seat[SEAT_TL].name };
	return event(m, kind, days, &in);
}

static enum casus_rc close_trajectory(struct mc *m, const char *note)
{
	struct meldcode cur;
	enum casus_rc r = meldcode_get(m->d->ctx, m->id, &cur, m->d->err);
	return r ? r : meldcode_close(m->d->ctx, &cur, note, m->d->err);
}

/* Steps 1 and 2 as most trajectories have them: a fact, the coach's hypothesis, a
 * consultation with the aandachtsfunctionaris; both steps marked done. */
static enum casus_rc first_steps(struct mc *m, int days, const char *source, const char *fact,
	const char *hypothesis, const char *advice)
{
	enum casus_rc r;
	if ((r = open_children(m)) || (r = signal(m, MC_FACT, days, source, fact, NULL, NULL))
	    || (r = signal(m, MC_HYPOTHESIS, days - 1, NULL, hypothesis, NULL, NULL))
	    || (r = step_done(m, 1)) || (r = consult_af(m, days - 3, advice)))
		return r;
	return step_done(m, 2);
}

/* ---- the trajectories ---- */

/* Step 1: a school's signal and the coach's hypothesis, just recorded. */
static enum casus_rc at_signals(struct mc *m)
{
	enum casus_rc r;
	if ((r = open_children(m))
	    || (r = signal(m, MC_FACT, 6, "mentor (Maascollege)", "{kind} had blauwe plekken op "
			"beide bovenarmen en zei in de klas 'gevallen' te zijn; bij gym hield {kind} "
			"een shirt met lange mouwen aan.", NULL, NULL)))
		return r;
	return signal(m, MC_HYPOTHESIS, 5, NULL, "De plekken passen niet bij een val; mogelijk "
		"wordt {kind} thuis hardhandig gestraft sinds de spanningen over school oplopen.",
		NULL, NULL);
}

/* Step 1 done for an adult client, with the kindcheck; step 2 not started yet. */
static enum casus_rc at_kindcheck(struct mc *m)
{
	char kids[TEXT_LEN] = "";
	for (int i = 0; i < m->fam->np; i++) {
		const struct demo_person *p = &m->fam->p[i];
		size_t len = strlen(kids);
		if (p->role == PERSON_KIND && p->age < 18)
			snprintf(kids + len, sizeof kids - len, "%s%s (%d)", len ? ", " : "", p->given,
				p->age);
	}
	struct mc_kindcheck_new kc = { .minors_in_home = MC_TRI_YES, .minors_note = kids,
		.partner_children = MC_TRI_NA, .carers = "{ouder}; om het weekend de vader",
		.pregnant = MC_TRI_NO, .note = "De kinderen waren niet thuis bij het incident." };
	char carers[TEXT_LEN];
	fill(m, kc.carers, carers, sizeof carers);
	kc.carers = carers;
	enum casus_rc r;
	if ((r = open_adult(m))
	    || (r = signal(m, MC_FACT, 4, "{ouder} (cliënt)", "{ouder} vertelt dat de ex-partner "
			"dreigende berichten stuurt en gisteravond voor de deur stond te schreeuwen.",
			NULL, NULL))
	    || (r = meldcode_add_kindcheck(m->d->ctx, m->id, &kc, NULL, m->d->err)))
		return r;
	return step_done(m, 1);
}

/* Step 2: consulted the aandachtsfunctionaris and, anonymously, Veilig Thuis. The
 * anonymous advice holds nothing that identifies the family. */
static enum casus_rc at_consultation(struct mc *m)
{
	enum casus_rc r;
	if ((r = open_children(m))
	    || (r = signal(m, MC_FACT, 20, "politie (zorgmelding)", "Politie werd gebeld door "
			"buren na geschreeuw; {ouder} had een rode plek in het gezicht. De kinderen "
			"waren thuis.", NULL, NULL))
	    || (r = signal(m, MC_HYPOTHESIS, 18, NULL, "Mogelijk is er vaker geweld tussen "
			"{ouder} en de partner; de kinderen zijn er getuige van.", NULL, NULL))
	    || (r = step_done(m, 1))
	    || (r = consult_af(m, 12, "De signalen zijn ernstig genoeg: advies vragen bij Veilig "
			"Thuis en daarna het gesprek met beide volwassenen voeren."))
	    || (r = consult(m, MC_WITH_VEILIG_THUIS, "Veilig Thuis, adviseur", true, 8,
			"Moeder met twee jonge kinderen; politie ter plaatse na geschreeuw, moeder "
			"met een rode plek in het gezicht. Wat raden jullie aan?",
			"Eerst een gesprek met beide ouders over de zorgen; samen een veiligheidsplan "
			"maken. Bij een nieuw incident of als de ouders niet meewerken: melden.")))
		return r;
	return CASUS_OK;
}

/* Step 3 skipped for safety: talking to the parents first would endanger the mother. */
static enum casus_rc at_skipped_talk(struct mc *m)
{
	struct meldcode_step s[MC_STEPS];
	enum casus_rc r;
	if ((r = first_steps(m, 30, "school (intern begeleider)", "{kind} vertelde de juf dat "
			"de partner van {ouder} gisteren met een stoel heeft gegooid.", "De partner "
			"gebruikt geweld als hij gedronken heeft; {ouder} durft dat niet te zeggen.",
			"Zorgen zijn terecht. Bespreek met de gedragswetenschapper of een gesprek met "
			"de volwassenen nu veilig kan."))
	    || (r = meldcode_steps(m->d->ctx, m->id, s, m->d->err)))
		return r;
	return meldcode_step_set(m->d->ctx, &s[2], MC_SKIPPED, MC_SKIP_SAFETY,
		"De partner heeft eerder gedreigd als hulpverleners zich met het gezin bemoeiden. "
		"Een gesprek nu zou {ouder} en de kinderen in gevaar brengen; eerst wegen met de "
		"gedragswetenschapper.", m->d->err);
}

/* Step 4: the weighing with LIRIK, questions 1 and 2 answered; the decision is for
 * the next meeting. The hypothesis of step 1 was confirmed in the conversation. */
static enum casus_rc at_weighing(struct mc *m)
{
	char hyp[CASUS_ID_LEN], on[11];
	enum casus_rc r;
	ago(m, 25, on);
	if ((r = open_children(m))
	    || (r = signal(m, MC_FACT, 40, "Veilig Thuis (doorgeleide melding)", "Buren hoorden "
			"herhaaldelijk geschreeuw en klappen; {kind} bleef die week thuis van school.",
			NULL, NULL))
	    || (r = signal(m, MC_HYPOTHESIS, 38, NULL, "Het geweld tussen de ouders is "
			"structureel en de kinderen zijn er steeds getuige van.", NULL, hyp))
	    || (r = step_done(m, 1))
	    || (r = consult(m, MC_WITH_TEAM_MEETING, "casuïstiekoverleg Jeugdteam Maasoever", false,
			33, "Hoe wegen we de signalen, en wanneer betrekken we de Raad?",
			"LIRIK invullen en een gesprek met beide ouders voeren. Als de ouders niet "
			"meewerken: een verzoek tot onderzoek bij de Raad voorbereiden."))
	    || (r = step_done(m, 2))
	    || (r = talk(m, MC_TALK_PARENT, "beide ouders", 28, "De zorgen besproken: de meldingen "
			"van de buren, het verzuim van {kind} en wat de kinderen zien en horen.",
			"Vader erkent dat hij slaat als hij boos is; moeder zwijgt en wil geen hulp "
			"van buiten."))
	    || (r = step_done(m, 3))
	    || (r = meldcode_verdict(m->d->ctx, hyp, MC_CONFIRMED, on, "In het gesprek erkende "
			"vader het geweld; de kinderen waren meestal thuis.", NULL, m->d->err)))
		return r;
	return weigh(m, MC_INSTR_LIRIK, "Hoog risico op herhaling: eerdere incidenten, het "
		"ontkennen door moeder en jonge kinderen in huis.", true, "Meerdere signalen van "
		"fysiek geweld tussen de ouders, door vader erkend.", true, false, "Het geweld keert "
		"terug en de ouders stoppen het niet zelf: structurele onveiligheid.");
}

/* Steps 1-4 of a case that goes to a decision: first steps, a conversation, the
 * weighing; structural unsafety (question 2) or not. */
static enum casus_rc to_decision(struct mc *m, int days, const char *source, const char *fact,
	const char *hypothesis, enum mc_talk with, const char *who, const char *reaction,
	bool structural, const char *q2_why)
{
	enum casus_rc r;
	if ((r = first_steps(m, days, source, fact, hypothesis, "De signalen zijn zorgelijk: "
			"bespreek ze met de ouders en weeg daarna met een instrument."))
	    || (r = talk(m, with, who, days - 8, "Doel van het gesprek uitgelegd, de feiten "
			"genoemd en gevraagd hoe zij het zien.", reaction))
	    || (r = step_done(m, 3)))
		return r;
	return weigh(m, structural ? MC_INSTR_LIRIK : MC_INSTR_SIGNS_OF_SAFETY,
		structural ? "Hoog risico op herhaling." : "Veiligheidsschaal 6: zorgen, maar het "
		"gezin werkt mee en er is geen fysiek geweld tegen de kinderen.", true,
		"Er is een vermoeden van huiselijk geweld waar de kinderen getuige van zijn.",
		structural, false, q2_why);
}

static const struct mc_decision_new decide_melden = {
	.q3 = MC_UNANSWERED, .q4 = MC_UNANSWERED, .q5 = MC_UNANSWERED,
	.melden = true, .melden_motivation = "Er is structurele onveiligheid (vraag 2): melden "
	"bij Veilig Thuis is nodig. Vraag 3 tot 5 beantwoorden we samen met Veilig Thuis.",
	.hulp = true, .hulp_motivation = "Het jeugdteam blijft betrokken en zet het gezinsplan "
	"voort naast Veilig Thuis.",
};

static const struct mc_decision_new decide_help = {
	.q3 = MC_YES, .q3_motivation = "Opvoedondersteuning en hulp bij de onderliggende "
	"problemen zijn binnen twee weken te organiseren.",
	.q4 = MC_YES, .q4_motivation = "De ouders accepteren de hulp en hebben het plan "
	"ondertekend.",
	.q5 = MC_YES, .q5_motivation = "We verwachten binnen drie maanden blijvende veiligheid; "
	"dat wordt gecontroleerd.",
	.melden = false, .melden_motivation = "Geen acute of structurele onveiligheid, en "
	"effectieve hulp is mogelijk en aanvaard (afwegingskader vraag 3 tot 5: ja).",
	.hulp = true, .hulp_motivation = "Hulp via het gezinsplan, met een controle op de "
	"afgesproken datum.",
};

/* Step 5 decided to melden; the melding waits for the gedragswetenschapper's approval. */
static enum casus_rc at_melden_pending(struct mc *m)
{
	struct mc_event_new talked = { .with = MC_BAND_PARENTS, .note = "{ouder} begrijpt de "
		"zorgen, is boos maar wil meewerken aan hulp." };
	enum casus_rc r;
	if ((r = to_decision(m, 30, "jeugdarts (GGD Maasland)", "Bij het consult woog {kind} te "
			"weinig; de kleding was vuil en {kind} had een ernstige luieruitslag.",
			"{ouder} is overbelast; de basiszorg voor {kind} schiet structureel tekort.",
			MC_TALK_PARENT, "{ouder}", "{ouder} herkent de zorgen maar zegt het alleen niet "
			"aan te kunnen.", true, "Structurele verwaarlozing van een baby: de basiszorg "
			"schiet al maanden tekort."))
	    || (r = meldcode_decide(m->d->ctx, m->id, &decide_melden, NULL, m->d->err))
	    || (r = event(m, MC_EV_DISCUSSED, 2, &talked)))
		return r;
	return manager(m, MC_EV_MANAGER_INTENDED, 2);
}

/* Step 5 decided on help without melding; the follow-up check is planned. */
static enum casus_rc at_help_planned(struct mc *m)
{
	struct mc_event_new check = { .note = "Controle: is de spanning thuis afgenomen en voelen "
		"de kinderen zich veilig?" };
	enum casus_rc r;
	if ((r = to_decision(m, 45, "school (leerkracht)", "{kind} zei tegen de juf bang te zijn "
			"om naar huis te gaan omdat vader 'weer zo boos' is over geld.", "De "
			"geldzorgen leiden tot woede-uitbarstingen van vader; de kinderen zijn bang.",
			MC_TALK_BOTH, "de ouders en {kind}", "De ouders schrokken van wat {kind} zei en "
			"willen hulp bij de schulden en bij hun boosheid.", false, "Geen fysiek geweld; "
			"de spanning hangt samen met de schulden en de ouders zoeken zelf hulp."))
	    || (r = meldcode_decide(m->d->ctx, m->id, &decide_help, NULL, m->d->err)))
		return r;
	return event(m, MC_EV_HELP_FOLLOWUP, -35, &check);
}

/* Closed: the weighing found no suspicion (question 1 no). */
static enum casus_rc closed_no_suspicion(struct mc *m)
{
	char hyp[CASUS_ID_LEN], on[11];
	enum casus_rc r;
	ago(m, 104, on);
	if ((r = open_children(m))
	    || (r = signal(m, MC_FACT, 110, "jeugdarts (GGD Maasland)", "Bij het consult zag de "
			"jeugdarts een blauwgrijze vlek op de onderrug van {kind}.", NULL, NULL))
	    || (r = signal(m, MC_HYPOTHESIS, 110, NULL, "Mogelijk een blauwe plek door hardhandig "
			"vastpakken.", NULL, hyp))
	    || (r = step_done(m, 1))
	    || (r = consult_af(m, 108, "Laat de jeugdarts beoordelen wat de vlek is voordat je "
			"verder weegt."))
	    || (r = talk(m, MC_TALK_PARENT, "beide ouders", 106, "De vlek en onze vraag erover "
			"besproken.", "De ouders schrokken, vertelden dat de vlek er sinds de geboorte "
			"is en lieten foto's zien."))
	    || (r = meldcode_verdict(m->d->ctx, hyp, MC_REFUTED, on, "De jeugdarts stelde vast: "
			"een aangeboren pigmentvlek (mongolenvlek), geen letsel.", NULL, m->d->err)))
		return r;
	return weigh(m, MC_INSTR_NONE, NULL, false, "Geen vermoeden: de vlek is aangeboren "
		"(vastgesteld door de jeugdarts) en er zijn geen andere signalen.", false, false,
		NULL);
}

/* Closed after help was organised and the follow-up check found the violence stopped. */
static enum casus_rc closed_after_help(struct mc *m)
{
	struct mc_event_new check = { .note = "Controle: vinden er bij de overdracht nog "
		"incidenten plaats?" };
	struct mc_event_new checked = { .result = MC_HELP_STOPPED, .note = "Sinds de overdracht "
		"bij de grootouders plaatsvindt zijn er geen incidenten meer; {kind} bevestigt dat." };
	enum casus_rc r;
	if ((r = to_decision(m, 150, "politie", "Politie kwam ter plaatse bij de overdracht van de "
			"kinderen: de ouders schreeuwden en duwden elkaar; {kind} stond ertussen.",
			"De kinderen zijn steeds vaker getuige van geweld tussen de ouders bij de "
			"overdracht.", MC_TALK_BOTH, "beide ouders en {kind}", "Beide ouders willen dat "
			"de kinderen erbuiten blijven en stemmen in met ouderschapsbemiddeling.", false,
			"Het geweld blijft beperkt tot de overdracht en is niet tegen de kinderen "
			"gericht."))
	    || (r = meldcode_decide(m->d->ctx, m->id, &decide_help, NULL, m->d->err))
	    || (r = event(m, MC_EV_HELP_FOLLOWUP, 60, &check))
	    || (r = event(m, MC_EV_HELP_CHECKED, 58, &checked)))
		return r;
	return close_trajectory(m, "Hulp georganiseerd (ouderschapsbemiddeling, overdracht via de "
		"grootouders); de controle liet zien dat het geweld is gestopt.");
}

/* A melding made days ago with Veilig Thuis's reference; feedback: its first feedback
 * in (the second is expected later), or not in and overdue. */
static enum casus_rc melded(struct mc *m, int days, bool exception, int gw, bool feedback)
{
	struct mc_event_new talked = { .with = MC_BAND_CHILD_AND_PARENTS, .note = "{ouder} en "
		"{kind} begrijpen waarom we melden; {ouder} is boos maar blijft in gesprek." };
	struct mc_event_new excused = { .exception = MC_EXC_SAFETY, .note = "Vader is eerder "
		"gewelddadig geweest tegen hulpverleners; om de veiligheid van moeder en de kinderen "
		"is de melding niet vooraf met hem besproken." };
	struct mc_event_new melding = { .reference = "" }, fb = { .feedback_no = 1, .note =
		"Veilig Thuis heeft de veiligheid beoordeeld en start een onderzoek; het jeugdteam "
		"blijft betrokken." };
	char ref[32];
	snprintf(ref, sizeof ref, "VT-2026-%05d", 4400 + 37 * m->fam->index);
	melding.reference = ref;
	enum casus_rc r;
	if ((r = to_decision(m, days + 40, "school (mentor)", "{kind} kwam met een blauw oog op "
			"school en zei dat het 'thuis gebeurd' was.", "Er is opnieuw fysiek geweld in "
			"huis; de afspraken uit het veiligheidsplan houden geen stand.", MC_TALK_BOTH,
			"{ouder} en {kind}", "{ouder} bagatelliseert; {kind} is stil en wil niet naar "
			"huis.", true, "Herhaald fysiek geweld ondanks het veiligheidsplan: structurele "
			"onveiligheid."))
	    || (r = meldcode_decide(m->d->ctx, m->id, &decide_melden, NULL, m->d->err))
	    || (r = event(m, exception ? MC_EV_EXCEPTION : MC_EV_DISCUSSED, days + 2,
			exception ? &excused : &talked))
	    || (r = manager(m, MC_EV_MANAGER_INTENDED, days + 2))
	    || (r = demo_approve_melding(m->d, m->fam, m->id, gw))
	    || (r = event(m, MC_EV_MELDING, days, &melding))
	    || (r = manager(m, MC_EV_MANAGER_FINAL, days)))
		return r;
	return feedback ? event(m, MC_EV_VT_FEEDBACK, days - 6, &fb) : CASUS_OK;
}

static enum casus_rc melded_feedback_in(struct mc *m)
{
	return melded(m, 30, true, SEAT_GW2, true);
}

/* No feedback yet, five working days after the melding: overdue. The child's diagnosis
 * came in meanwhile (a diagnosis names the professional who made it). */
static enum casus_rc melded_feedback_overdue(struct mc *m)
{
	enum casus_rc r = melded(m, 12, false, SEAT_GW1, false);
	return r ? r : signal(m, MC_DIAGNOSIS, 9, NULL, "Bij {kind} is een posttraumatische "
		"stressstoornis vastgesteld (verslag van de behandelaar, met toestemming gedeeld).",
		"dr. L. Vermeer, kinder- en jeugdpsychiater (Kinder- en Jeugdpsychiatrie Maasdal)",
		NULL);
}

/* Acute danger: the police and Veilig Thuis were called at once, the melding decided on
 * the acute path; the 'melding Veilig Thuis' was acted on before approval. */
static enum casus_rc acute(struct mc *m)
{
	char at[21], day[11], danger[TEXT_LEN];
	ago(m, 2, day);
	snprintf(at, sizeof at, "%sT21:40:00Z", day);
	fill(m, "{kind} belde in paniek: vader bedreigde moeder met een mes. De politie was "
		"binnen tien minuten ter plaatse en hield vader aan; moeder en de kinderen slapen "
		"voorlopig bij oma.", danger, sizeof danger);
	struct mc_acute_new a = { .service = MC_POLICE_AND_VT, .contacted_at = at,
		.contact_name = "wachtcommandant politie Maasoever; dienstdoende medewerker Veilig "
		"Thuis", .reference = "P-2026-118342", .danger = danger };
	struct mc_decision_new dec = { .q3 = MC_UNANSWERED, .q4 = MC_UNANSWERED,
		.q5 = MC_UNANSWERED, .acute = true, .melden = true, .melden_motivation = "Acuut "
		"gevaar: politie en Veilig Thuis direct ingeschakeld; de melding volgt meteen.",
		.hulp = true, .hulp_motivation = "Het jeugdteam blijft betrokken; het "
		"veiligheidsplan wordt aangescherpt." };
	struct mc_event_new melding = { .reference = "VT-2026-05102" };
	enum casus_rc r;
	if ((r = open_children(m)) || (r = meldcode_add_acute(m->d->ctx, m->id, &a, NULL, m->d->err))
	    || (r = signal(m, MC_FACT, 2, "{kind} (telefonisch)", "{kind} vertelde aan de telefoon "
			"dat vader moeder bedreigde met een mes en dat de kinderen zich hadden "
			"opgesloten.", NULL, NULL))
	    || (r = meldcode_decide(m->d->ctx, m->id, &dec, NULL, m->d->err)))
		return r;
	return event(m, MC_EV_MELDING, 1, &melding);
}

/* Closed after a melding: both feedback moments in, the manager informed twice. */
static enum casus_rc closed_after_melding(struct mc *m)
{
	struct mc_event_new fb2 = { .feedback_no = 2, .note = "Onderzoek afgerond: Veilig Thuis "
		"draagt over aan het jeugdteam met een veiligheidsplan; geen verdere maatregel." };
	enum casus_rc r;
	if ((r = melded(m, 300, false, SEAT_GW1, true))
	    || (r = event(m, MC_EV_VT_FEEDBACK, 235, &fb2)))
		return r;
	return close_trajectory(m, "De melding is gedaan en Veilig Thuis heeft onderzoek gedaan; "
		"de hulp loopt via het gezinsplan van het jeugdteam.");
}

static const struct {
	const char *family;
	enum casus_rc (*run)(struct mc *m);
} trajectories[] = {
	{ "Janssen-Haddou", at_signals },
	{ "Goossens", at_kindcheck },
	{ "Kuipers", at_consultation },
	{ "El Idrissi", at_skipped_talk },
	{ "Öztürk", at_weighing },
	{ "Vos", at_melden_pending },
	{ "Mensah", at_help_planned },
	{ "Brouwer", closed_no_suspicion },
	{ "van den Heuvel", closed_after_help },
	{ "Şahin", melded_feedback_in },
	{ "Mulder", melded_feedback_overdue },
	{ "El Amrani", acute },
	{ "Hendriks", closed_after_melding },
};

enum casus_rc demo_meldcode(struct demo *d, struct demo_fam *fam)
{
	for (size_t i = 0; i < COUNT(trajectories); i++) {
		if (strcmp(trajectories[i].family, fam->t->name) != 0 || fam->coach == SEAT_NONE)
			continue;
		struct mc m = { .d = d, .fam = fam };
		snprintf(m.coach, sizeof m.coach, "%s", d->seat[fam->coach].name);
		demo_act(d, fam->coach);
		enum casus_rc r = trajectories[i].run(&m);
		demo_act(d, fam->coach);
		return r;
	}
	return CASUS_OK;
}
