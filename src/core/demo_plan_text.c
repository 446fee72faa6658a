/* The texts of the demo plans, per theme: why now, strengths, earlier help, worries,
 * goals per leefgebied with their 0-10 scales (written as the family would say them),
 * actions with their kind of owner and due date, an arrangement with a professional,
 * what a later version changes, and the Signs of Safety veiligheidsplan. {kind},
 * {ouder} and {bron} are filled in per family (demo_fill). */
#include <stddef.h>

#include "demo_int.h"

static const struct demo_plan_text texts[TH_COUNT] = {
	[TH_OPVOEDING] = {
		"{ouder} meldde zich via {bron}: {kind} heeft elke avond driftbuien en {ouder} is "
		"uitgeput. Het gezin wil zelf weer grip krijgen op de avonden.",
		"{ouder} is betrokken en vraagt zelf om hulp; de kinderen zijn graag bij oma; de "
		"ouders zijn het eens over wat ze willen bereiken.",
		"Consultatiebureau en de cursus Positief Opvoeden (Triple P); die hielp even, maar "
		"de ploegendienst gooide het ritme weer om.",
		{ { "{ouder}", "de zomer", "De avonden lopen uit de hand: {kind} schreeuwt, "
		    "gooit met spullen en slaapt pas laat.", "{ouder} raakt uitgeput en reageert "
		    "zelf steeds feller; de andere kinderen slapen slecht." },
		  { "school (leerkracht)", "de herfstvakantie", "{kind} is 's ochtends moe "
		    "en snel boos in de klas.", "{kind} mist de instructie en raakt achter." } },
		{ { "opvoeding & gezinsrelaties", "We eten rustig samen en de avond loopt volgens "
		    "een vast ritme.", 3, 8 },
		  { "gezondheid", "{kind} slaapt voor half acht en wordt uitgerust wakker.", 4, 8 },
		  { "sociaal netwerk & vrije tijd", "{ouder} heeft twee avonden per week een vast "
		    "moment voor zichzelf, met hulp van de familie.", 2, 7 } },
		{ { DA_PARENT, "Een vast avondritme met pictogrammen ophangen en twee weken "
		    "bijhouden wat werkt.", 10 },
		  { DA_NETWORK, "Op dinsdag en donderdag de kinderen uit school halen en laten "
		    "eten.", 21 },
		  { DA_PRO, "Op school een rustig startmoment voor {kind} inbouwen en wekelijks "
		    "terugkoppelen aan {ouder}.", 30 },
		  { DA_COACH, "Drie gesprekken video-hometraining plannen en met {ouder} "
		    "terugkijken.", 0 } },
		{ PRO_LEERKRACHT, PRO_IB, PRO_JEUGDARTS },
		"Eens per zes weken kort telefonisch overleg over hoe het met {kind} op school gaat; "
		"de gezinscoach belt.",
		"We eten rustig samen, ook op de avonden dat {ouder} late dienst heeft.",
		{ DA_PARENT, "Een vaste oppas regelen voor de avonden met late dienst.", 21 },
	},
	[TH_SCHOOL] = {
		"Aanmelding door {bron}: {kind} verzuimt veel en de leerplichtambtenaar is "
		"ingeschakeld. Thuis is er elke ochtend ruzie over naar school gaan.",
		"{kind} is sociaal en sportief en wil eigenlijk wel een diploma halen; {ouder} houdt "
		"goed contact met school.",
		"Gesprekken met de schoolmaatschappelijk werker (vorig schooljaar) en een "
		"verzuimgesprek bij de leerplichtambtenaar.",
		{ { "school", "het begin van dit schooljaar", "{kind} was 14 keer "
		    "ongeoorloofd afwezig en haalt onvoldoendes.", "Kans op een proces-verbaal "
		    "van leerplicht en op zittenblijven." },
		  { "{ouder}", "de overstap naar de nieuwe klas", "{kind} klaagt elke ochtend "
		    "over buikpijn en wil niet opstaan.", "De ochtenden eindigen in ruzie; {ouder} "
		    "komt zelf te laat op het werk." } },
		{ { "onderwijs & werk", "{kind} gaat elke dag naar school en haalt de overgang.",
		    3, 8 },
		  { "gezondheid", "{kind} heeft minder buikpijn en weet wat te doen als de spanning "
		    "oploopt.", 4, 7 },
		  { "opvoeding & gezinsrelaties", "De ochtenden thuis verlopen zonder ruzie.", 2,
		    8 } },
		{ { DA_CHILD, "Elke vrijdag met de mentor of juf terugkijken op de week.", 14 },
		  { DA_PRO, "Een aangepast rooster en een vaste plek om even tot rust te komen "
		    "afspreken.", 21 },
		  { DA_PARENT, "Samen met {kind} een ochtendplan maken en op de koelkast hangen.",
		    7 },
		  { DA_COACH, "Afstemmen met de leerplichtambtenaar over een herstelplan.", 0 } },
		{ PRO_MENTOR, PRO_IB, PRO_LEERKRACHT },
		"Wekelijks een verzuimoverzicht van school naar de gezinscoach; bij drie dagen "
		"afwezigheid belt school dezelfde dag.",
		"{kind} gaat elke dag naar school, met een aangepast rooster tot de kerstvakantie.",
		{ DA_PRO, "Faalangsttraining op school aanbieden aan {kind}.", 30 },
	},
	[TH_GELD] = {
		"Via {bron}: het gezin heeft betalingsachterstanden en de spanningen over geld lopen "
		"thuis hoog op.",
		"{ouder} heeft werk en wil orde op zaken; de kinderen doen het goed op school; een "
		"buurvrouw helpt met papieren.",
		"Een gesprek bij het Juridisch Loket; een eerdere aanvraag schuldhulp is niet "
		"afgemaakt.",
		{ { "{ouder}", "het verlies van het tweede inkomen", "De schulden lopen op en "
		    "de post blijft ongeopend liggen.", "Dreigende afsluiting van de energie en "
		    "beslag op het loon." },
		  { "de gezinscoach", "het eerste huisbezoek", "{kind} voelt de spanning en "
		    "vraagt niets meer wat geld kost.", "{kind} doet niet meer mee aan sport en "
		    "uitjes." } },
		{ { "financiën & schulden", "We hebben overzicht over ons geld en betalen de vaste "
		    "lasten op tijd.", 2, 8 },
		  { "opvoeding & gezinsrelaties", "Geld is thuis geen bron van ruzie meer.", 3, 7 },
		  { "sociaal netwerk & vrije tijd", "{kind} gaat weer naar voetbal.", 2, 9 } },
		{ { DA_PARENT, "Alle post een maand lang in één map bewaren en meenemen naar het "
		    "gesprek.", 7 },
		  { DA_PRO, "Intake schuldhulpverlening en een budgetplan opstellen.", 30 },
		  { DA_NETWORK, "Eens per week samen met {ouder} de post openen.", 14 },
		  { DA_COACH, "Een aanvraag bij het Jeugdfonds Sport & Cultuur voor {kind} "
		    "indienen.", 0 } },
		{ PRO_SCHULD, PRO_HUISARTS1, PRO_HUISARTS2 },
		"De schuldhulpverlener meldt het de gezinscoach als een betaalafspraak niet wordt "
		"nagekomen.",
		"We hebben overzicht over ons geld en lossen af volgens het schuldregelingsplan.",
		{ DA_PRO, "Toeslagen controleren en zo nodig laten herzien.", 21 },
	},
	[TH_VEILIG] = {
		"Melding van {bron} na ruzie met geweld in het gezin; {kind} was thuis. Het "
		"gezin wil dat het thuis weer veilig is.",
		"De ouders willen allebei dat de kinderen veilig opgroeien; oma is een vaste, veilige "
		"plek; {kind} vertelt wat er speelt.",
		"Een eerdere melding bij Veilig Thuis (twee jaar geleden) is afgesloten met advies; "
		"kortdurende relatietherapie is voortijdig gestopt.",
		{ { "de politie en de gezinscoach", "de melding", "Ruzies tussen de "
		    "volwassenen escaleren tot duwen en slaan, waar de kinderen bij zijn.", "De "
		    "kinderen zijn bang en slapen slecht; {kind} zorgt voor de jongsten." },
		  { "school", "de zomer", "{kind} is stil en schrikachtig in de klas.",
		    "{kind} kan zich slecht concentreren." } },
		{ { "veiligheid", "Er is thuis geen geweld meer; bij oplopende spanning volgen we "
		    "het veiligheidsplan.", 2, 9 },
		  { "opvoeding & gezinsrelaties", "De ouders lossen meningsverschillen op zonder "
		    "te schreeuwen of te slaan.", 3, 8 },
		  { "gezondheid", "{kind} durft weer te slapen en praat over wat er gebeurd is.", 3,
		    8 } },
		{ { DA_PARENT, "Bij oplopende ruzie de time-out uit het veiligheidsplan nemen en "
		    "het huis verlaten.", 7 },
		  { DA_NETWORK, "Bereikbaar zijn als veilige plek: de kinderen mogen altijd "
		    "komen.", 7 },
		  { DA_PRO, "Traumascreening en zo nodig behandeling voor {kind}.", 30 },
		  { DA_COACH, "Wekelijks huisbezoek en samen het veiligheidsplan nalopen.", 0 } },
		{ PRO_GGZ, PRO_HUISARTS1, PRO_HUISARTS2 },
		"Bij een nieuw incident informeert de behandelaar of huisarts de gezinscoach "
		"dezelfde dag; de gezinscoach overlegt dan met Veilig Thuis.",
		"Er is thuis geen geweld meer; beide ouders volgen een training agressieregulatie.",
		{ DA_PARENT, "Aanmelden voor een training agressieregulatie.", 21 },
	},
	[TH_GGZ] = {
		"Via {bron}: {kind} is somber en angstig en gaat nauwelijks meer de deur uit. Het "
		"gezin zoekt hulp die bij {kind} past.",
		"{kind} is slim en creatief en heeft een goede vriendin; de ouders zijn geduldig en "
		"zoeken samen naar wat helpt.",
		"Zes gesprekken met de POH-GGZ van de huisarts en een online cursus voor jongeren "
		"met somberheid.",
		{ { "{ouder}", "de winter", "{kind} slaapt slecht, eet weinig en zit de hele "
		    "middag op de kamer.", "{kind} verliest het contact met vrienden en mist "
		    "school." },
		  { "de huisarts", "het laatste consult", "De klachten van {kind} zijn "
		    "ernstiger dan de basis-GGZ aankan.", "Zonder passende behandeling blijven de "
		    "klachten bestaan." } },
		{ { "gezondheid", "{kind} voelt zich minder angstig en gaat weer zelf de deur uit.",
		    2, 7 },
		  { "onderwijs & werk", "{kind} gaat weer minstens vier dagen per week naar "
		    "school.", 3, 8 },
		  { "sociaal netwerk & vrije tijd", "{kind} spreekt elke week met een vriend of "
		    "vriendin af.", 2, 7 } },
		{ { DA_CHILD, "Elke dag een korte wandeling maken, samen met de hond.", 7 },
		  { DA_PRO, "Intake en behandeling bij de specialistische GGZ.", 30 },
		  { DA_PARENT, "Met school een afspraak maken over een aangepast rooster.", 14 },
		  { DA_COACH, "De wachttijd overbruggen met wekelijks contact met {kind}.", 0 } },
		{ PRO_GGZ, PRO_HUISARTS1, PRO_HUISARTS2 },
		"De behandelaar en de gezinscoach stemmen elke drie maanden af, met toestemming van "
		"{kind} en de ouders.",
		"{kind} voelt zich minder angstig, gaat zelf de deur uit en reist alleen met de bus.",
		{ DA_CHILD, "Meedoen aan de lotgenotengroep van de GGZ.", 30 },
	},
	[TH_WONEN] = {
		"Via {bron}: de verhuurder heeft de huur opgezegd en het gezin dreigt dakloos te "
		"raken.",
		"{ouder} is vasthoudend en houdt het gezin bij elkaar; de kinderen gaan graag naar "
		"school in de wijk; de kerk biedt praktische steun.",
		"Een urgentieaanvraag bij de woningcorporatie (afgewezen in 2025) en hulp van het "
		"sociaal raadsliedenwerk.",
		{ { "{ouder}", "de opzegging", "Het gezin moet binnen drie maanden de woning "
		    "uit en heeft geen andere woonruimte.", "De kinderen zouden van school moeten "
		    "wisselen." },
		  { "de gezinscoach", "het eerste huisbezoek", "Vijf personen in een "
		    "tweekamerwoning: geen rust om te slapen of huiswerk te maken.", "{kind} slaapt "
		    "slecht en haalt lagere cijfers." } },
		{ { "wonen", "We hebben een eigen huis in de buurt van de school van de kinderen.",
		    1, 9 },
		  { "financiën & schulden", "De huurachterstand is geregeld.", 3, 9 },
		  { "onderwijs & werk", "{kind} heeft een rustige plek om huiswerk te maken.", 2,
		    8 } },
		{ { DA_PARENT, "Inschrijven bij alle woningcorporaties in de regio en elke week "
		    "reageren.", 7 },
		  { DA_PRO, "Een betalingsregeling voor de huurachterstand treffen.", 21 },
		  { DA_NETWORK, "Een huiswerkplek in het buurthuis regelen voor {kind}.", 14 },
		  { DA_COACH, "De urgentieaanvraag opnieuw indienen, met de onderbouwing van de "
		    "gezinscoach.", 0 } },
		{ PRO_SCHULD, PRO_HUISARTS1, PRO_HUISARTS2 },
		"De schuldhulpverlener houdt de gezinscoach op de hoogte van de huurachterstand.",
		"We hebben een eigen huis; tot die tijd wonen we in een wisselwoning.",
		{ DA_COACH, "Een wisselwoning aanvragen bij de gemeente.", 14 },
	},
	[TH_BABY] = {
		"Via {bron}: {kind} groeit onvoldoende en {ouder} staat er alleen voor.",
		"{ouder} is liefdevol en zoekt zelf hulp; het consultatiebureau kent het gezin goed; "
		"een buurvrouw helpt af en toe.",
		"Extra consulten op het consultatiebureau en een lactatiekundige na de geboorte.",
		{ { "de jeugdarts", "het consult van drie maanden", "{kind} groeit "
		    "onvoldoende en drinkt onrustig.", "Achterstand in groei en ontwikkeling." },
		  { "{ouder}", "de bevalling", "{ouder} slaapt weinig, voelt zich somber en "
		    "heeft niemand om op terug te vallen.", "Uitputting en minder ruimte om op "
		    "{kind} te reageren." } },
		{ { "gezondheid", "{kind} groeit goed en drinkt rustig.", 3, 9 },
		  { "sociaal netwerk & vrije tijd", "{ouder} heeft mensen om zich heen die helpen, "
		    "ook 's nachts.", 2, 7 },
		  { "opvoeding & gezinsrelaties", "{ouder} voelt zich zeker in de verzorging van "
		    "{kind}.", 4, 8 } },
		{ { DA_PRO, "Elke twee weken wegen en het voedingsschema bijstellen.", 14 },
		  { DA_PARENT, "Een voedingsdagboek bijhouden.", 7 },
		  { DA_NETWORK, "Twee nachten per week de nachtvoeding overnemen.", 14 },
		  { DA_COACH, "Een postnatale screening bij de huisarts regelen.", 0 } },
		{ PRO_JEUGDARTS, PRO_HUISARTS1, PRO_HUISARTS2 },
		"Het consultatiebureau en de gezinscoach stemmen na elk consult af over de groei "
		"van {kind}.",
		"{kind} groeit goed en {ouder} krijgt hulp bij de somberheid.",
		{ DA_PRO, "Verwijzing naar de POH-GGZ voor {ouder}.", 21 },
	},
	[TH_JONG] = {
		"{kind} meldde zich zelf: gestopt met school, geen inkomen, en wil zelfstandig "
		"wonen.",
		"{kind} weet wat er moet gebeuren en wil zelf de regie houden; {ouder} wil blijven "
		"helpen; een oom biedt een bijbaan aan.",
		"Begeleiding door de loopbaancoach van het mbo; een eerdere aanvraag bijstand is "
		"niet afgerond.",
		{ { "{kind}", "het stoppen met de opleiding", "Geen inkomen, geen opleiding "
		    "en steeds meer ruzie thuis.", "Schulden en het risico dakloos te raken." },
		  { "{ouder}", "de achttiende verjaardag", "{kind} zegt afspraken met "
		    "instanties af en opent de post niet.", "Boetes en een stopgezette "
		    "zorgtoeslag." } },
		{ { "onderwijs & werk", "Ik heb een baan of een opleiding waar ik elke dag naartoe "
		    "ga.", 2, 8 },
		  { "financiën & schulden", "Ik heb een eigen inkomen en betaal mijn rekeningen "
		    "zelf.", 1, 8 },
		  { "wonen", "Ik heb een eigen kamer.", 1, 8 } },
		{ { DA_CHILD, "Inschrijven bij het jongerenloket en een intake plannen.", 7 },
		  { DA_PRO, "Een gesprek over slapen, stress en wat {kind} nodig heeft.", 21 },
		  { DA_NETWORK, "Helpen bij het zoeken naar een kamer.", 30 },
		  { DA_COACH, "Samen met {kind} de zorgtoeslag en de uitkering aanvragen.", 0 } },
		{ PRO_MENTOR, PRO_HUISARTS1, PRO_HUISARTS2 },
		"De huisarts en de gezinscoach stemmen af als {kind} zich zorgen maakt over de "
		"gezondheid.",
		"Ik werk via een leerwerktraject en ga daarnaast één dag per week naar school.",
		{ DA_CHILD, "Aanmelden voor een leerwerktraject (BBL).", 21 },
	},
	[TH_SCHEIDING] = {
		"Via {bron}: de ouders zijn gescheiden en praten alleen via de kinderen; {kind} zit "
		"klem.",
		"Beide ouders houden van de kinderen en willen het beste voor ze; de kinderen hebben "
		"steun aan hun grootouders; school is een rustige plek.",
		"Mediation tijdens de scheiding (afgebroken) en een omgangsregeling via de rechter.",
		{ { "de gezinscoach", "de scheiding", "De ouders maken ruzie bij de "
		    "overdracht en de kinderen horen alles.", "{kind} zit klem tussen de ouders en "
		    "voelt zich schuldig." },
		  { "school", "dit schooljaar", "{kind} is afwezig met de gedachten en huilt "
		    "snel.", "Dalende cijfers; {kind} trekt zich terug." } },
		{ { "opvoeding & gezinsrelaties", "De ouders maken afspraken over de kinderen "
		    "zonder dat de kinderen de boodschapper zijn.", 2, 8 },
		  { "veiligheid", "De overdracht verloopt rustig, op een neutrale plek.", 3, 9 },
		  { "gezondheid", "{kind} vertelt beide ouders hoe het gaat, zonder zich schuldig te "
		    "voelen.", 3, 8 } },
		{ { DA_PARENT, "Een ouderschapsplan opstellen, samen met de mediator.", 30 },
		  { DA_PRO, "Een vertrouwenspersoon op school aanwijzen voor {kind}.", 14 },
		  { DA_NETWORK, "De overdracht laten plaatsvinden bij de grootouders.", 7 },
		  { DA_COACH, "De ouders apart en samen spreken over communicatie via een "
		    "ouderschapsapp.", 0 } },
		{ PRO_LEERKRACHT, PRO_IB, PRO_MENTOR },
		"School informeert beide ouders gelijk; bij zorgen over {kind} wordt de gezinscoach "
		"betrokken.",
		"De ouders communiceren via een ouderschapsapp en spreken elkaar eens per maand onder "
		"begeleiding.",
		{ DA_PARENT, "De ouderschapsapp installeren en alle afspraken daarin zetten.", 14 },
	},
};

const struct demo_plan_text *demo_plan_text(int theme)
{
	return &texts[theme >= 0 && theme < TH_COUNT ? theme : TH_OPVOEDING];
}

/* Signs of Safety: what are we worried about, what is working well, what needs to
 * happen, and the binding agreements. */
const char *const demo_safety_text[4] = {
	"Bij ruzie tussen de volwassenen wordt geduwd en geslagen, terwijl de kinderen erbij "
	"zijn. {kind} belde zelf 112. De kinderen zijn bang dat het weer gebeurt.",
	"De ouders erkennen het geweld en willen dat het stopt. Oma vangt de kinderen op als het "
	"thuis misgaat. {kind} weet wie te bellen en doet dat ook.",
	"Geen geweld meer waar de kinderen bij zijn; een time-outafspraak die beide volwassenen "
	"nakomen; hulp bij de spanningen; traumabehandeling voor {kind}.",
	"1. Bij oplopende spanning verlaat een van de volwassenen het huis (time-out van minstens "
	"een uur).\n2. Bij onrust gaan de kinderen naar oma; oma is altijd bereikbaar.\n3. Geen "
	"alcohol in huis.\n4. Na elk incident belt {ouder} dezelfde dag de gezinscoach; bij "
	"direct gevaar 112.",
};

/* Evaluation outcomes in turn; the last two close a plan or leave the next date open. */
const char *const demo_eval_text[DEMO_EVAL_TEXTS] = {
	"Evaluatie met {ouder} en de gezinscoach: de eerste afspraken lopen en het gezin scoort "
	"de situatie hoger dan bij de start. Het plan blijft zoals het is.",
	"Evaluatie: vooruitgang op de doelen, maar de afspraken met het netwerk lopen nog niet "
	"vanzelf. Die worden bij de volgende evaluatie opnieuw bekeken.",
	"Evaluatie met het gezin en school: het gaat beter en {kind} zegt zelf dat het thuis "
	"rustiger is. Doorgaan met het plan.",
	"Evaluatie: een terugval na de vakantie, daarna weer herstel. De acties zijn "
	"aangescherpt en de schaalscores opnieuw met het gezin besproken.",
	"Eindevaluatie: de doelen zijn behaald en het gezin redt zich zonder de gezinscoach. "
	"Besloten af te sluiten; de nazorg is afgesproken.",
	"Evaluatie: de doelen zijn deels behaald. Een volgende datum volgt zodra de intake bij "
	"de nieuwe begeleider bekend is.",
};
