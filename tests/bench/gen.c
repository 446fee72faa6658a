/* Benchmark data: a realistic team database of N families, written through the core
 * API (so the search index, the flags, the denormalised sort columns and the audit
 * chain are exactly what casus itself writes), all inside one transaction on a
 * connection with synchronous=OFF (core's db_begin joins an open transaction).
 *
 * Usage: casus-bench-gen [--demo] PATH N   (PATH must not exist; deterministic for N)
 *   --demo   mark the database as a demo team, so that `casus --as coach1` may act as a
 *            coach in it (the screen tests that need a long list use that)
 *
 * At most 2,000 families ("rich", spread evenly) go through the whole core API with
 * the content below; a core write costs a few milliseconds of CPU, so at 10k and 100k
 * the others ("light") are written with prepared SQL mirroring core's INSERTs (family,
 * persons, notes), get their search-index row from family_fts_refresh and a 'create'
 * row in the access log from audit_log (so the chain stays valid); they have no plan,
 * meldcode or escalation and no phase/regie history rows.
 *
 * Proportions per family (roughly what a Dutch youth team carries):
 *   phase: 10% aanmelding, 15% intake, 20% plan, 35% uitvoering, 5% afsluiting,
 *          15% afgesloten; a regievoerder from intake on
 *   members: 1-2 parents/carers and 1-3 children, birth dates, some with a BSN
 *   notes: 0-5 (facts, hypotheses, a few diagnoses)
 *   plan: from phase plan on: hulpvraag, krachten, zorgen, 2-4 goals with 1-2 actions
 *         each; agreed (instemming) from uitvoering on
 *   meldcode: 5% of open families have a trajectory (children concerned, signals)
 *   escalations: 2% of open families (specialistische jeugdhulp, acute Veilig Thuis)
 *   audit: every write above, plus a 'read' row for every third family opened
 * Afterwards it checks with core reads: counts, a deep page, a search, audit_verify. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casus/audit.h"
#include "casus/db.h"
#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/meldcode.h"
#include "casus/note.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "casus/text.h"

static const char *const surnames[] = {
	"Jansen", "de Vries", "van der Berg", "Çelik", "Ødegaard", "Bakker", "Visser", "Smit",
	"Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
	"van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yılmaz", "Kaya", "El Amrani",
	"Nguyen", "Şahin", "van 't Hof", "Zoëtelief", "Ünal", "Öztürk", "ter Horst", "Groen",
	"Bulut", "Boukhari", "Kramer", "Koster", "Prins", "Huisman", "Kuipers", "Postma",
	"van Dijk", "Verbeek", "Schouten", "Willems", "Hoekstra", "Sedney", "Pinas", "Wong",
	"Kowalski", "Nowak", "Haddou", "Benali", "Aydın", "Doğan", "Brink", "Maas", "Jacobs",
	"Vermeulen", "van den Heuvel", "van der Linden", "Sanders", "Lammers", "Gerritsen",
	"Bosman",
};
#define N_SURNAMES (int)(sizeof surnames / sizeof *surnames)
static const char *const given_adult[] = { "Sandra", "Mohammed", "Anouk", "Pieter",
	"Fatima", "Kees", "Esra", "Dennis", "Linda", "Youssef", "Marieke", "Ricardo",
	"Ilse", "Murat", "Chantal", "Bram" };
static const char *const given_child[] = { "Noah", "Emma", "Liam", "Julia", "Sem", "Mila",
	"Daan", "Tess", "Adam", "Sara", "Finn", "Nora", "Ayoub", "Zoë", "Luuk", "Yara", "Jesse",
	"Lina", "Milan", "Evi" };
static const char *const coaches[] = { "coach1", "coach2", "coach3", "coach4", "coach5",
	"coach6", "coach7", "coach8" };
#define N_COACHES 8
static const char *const note_text[] = {
	"Huisbezoek afgelegd. Moeder vertelt dat het rustiger is sinds de nieuwe dagindeling.",
	"School (mentor) meldt dat de oudste vaker te laat komt en moe is in de les.",
	"Telefonisch contact met de huisarts: geen nieuwe zorgen, verwijzing GGZ loopt.",
	"Vader geeft aan dat de schulden over hem heen groeien; afspraak met schuldhulp gemaakt.",
	"Gesprek met beide ouders over de omgangsregeling; spanning loopt op bij overdracht.",
	"Netwerkberaad gehouden met oma, buurvrouw en de voetbaltrainer; iedereen doet mee.",
};
static const char *const goals[] = {
	"We willen weer rust in huis, zonder schreeuwen bij het naar bed gaan.",
	"De kinderen gaan elke dag op tijd naar school.",
	"We hebben overzicht over ons geld en betalen de huur op tijd.",
	"Moeder heeft iemand om mee te praten als het even niet gaat.",
	"Vader en moeder maken samen afspraken over de opvoeding.",
};
static const char *const leefgebieden[] = { "veiligheid", "opvoeding & gezinsrelaties",
	"financiën & schulden", "gezondheid", "onderwijs & werk", "sociaal netwerk & vrije tijd" };

#define RICH_MAX 2000

static struct casus_ctx *ctx;
static struct casus_err err;
static uint32_t rnd_state = 20261123u;

static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static void check(enum casus_rc rc, const char *what)
{
	if (rc == CASUS_OK)
		return;
	fprintf(stderr, "casus-bench-gen: %s: %s\n", what, err.msg);
	exit(1);
}

static void exec_sql(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(ctx->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "casus-bench-gen: %s: %s\n", sql, msg ? msg : "?");
		exit(1);
	}
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void make_team(const char *path, bool demo)
{
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	check(casus_open(path, &o, &ctx, &err), "create");
	check(casus_meta_set(ctx, "team", "Benchteam Jeugd", &err), "meta");
	if (demo)
		check(casus_meta_set(ctx, "demo", "1", &err), "meta");
	struct member m;
	check(member_add_first(ctx, casus_unix_login(), "Tessa Leider", &m, &err), "leader");
	char name[64];
	for (int i = 0; i < N_COACHES; i++) {
		snprintf(name, sizeof name, "%s %s", given_adult[i * 2 % 16], surnames[i + 5]);
		check(member_add(ctx, coaches[i], name, ROLE_COACH, i == 3, NULL, &err), "coach");
	}
	check(member_add(ctx, "gw1", "Greet Wetenschap", ROLE_GEDRAGSWETENSCHAPPER, false, NULL,
		&err), "gw");
	check(casus_identify(ctx, NULL, &err), "identify");
}

static void date_back(char out[11], int days_back)
{
	/* CASUS_NOW is 2026-11-23 in run.sh; dates well in the past stay valid for any
	 * later clock. */
	struct tm tm = { .tm_year = 2026 - 1900, .tm_mon = 10, .tm_mday = 23 - days_back,
		.tm_hour = 12 };
	timegm(&tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

struct fam_ids {
	char id[CASUS_ID_LEN];
	char persons[5][CASUS_ID_LEN];
	int n_persons, first_child;
};

static void add_persons(const char *family_id, const char *surname, struct fam_ids *fi)
{
	int adults = 1 + (int)(rnd() % 2), kids = 1 + (int)(rnd() % 3);
	fi->n_persons = 0;
	fi->first_child = adults;
	for (int i = 0; i < adults + kids; i++) {
		bool kid = i >= adults;
		char birth[11];
		date_back(birth, kid ? 365 + (int)(rnd() % (17 * 365)) : 365 * 25
			+ (int)(rnd() % (20 * 365)));
		struct person_new pn = {
			.given_name = kid ? given_child[rnd() % 20] : given_adult[rnd() % 16],
			.family_name = surname,
			.birth_date = birth,
			.role = kid ? PERSON_KIND : i == 0 ? PERSON_OUDER : rnd() % 4 ? PERSON_OUDER
				: PERSON_PARTNER,
			.authority = !kid,
		};
		if (!kid && pn.role == PERSON_PARTNER)
			pn.authority = false;
		struct person p;
		check(person_add(ctx, family_id, &pn, &p, &err), "person");
		memcpy(fi->persons[fi->n_persons++], p.id, CASUS_ID_LEN);
	}
}

static void add_notes(const char *family_id)
{
	int n = (int)(rnd() % 6);
	for (int i = 0; i < n; i++) {
		uint32_t r = rnd();
		struct note_new nn = { .kind = r % 10 == 0 ? NOTE_DIAGNOSIS : r % 4 == 0
			? NOTE_HYPOTHESIS : NOTE_FACT, .body = note_text[r % 6],
			.confidential = r % 17 == 0 };
		if (nn.kind == NOTE_DIAGNOSIS)
			nn.diagnosed_by = "GZ-psycholoog, GGZ Jeugd";
		check(note_add(ctx, family_id, &nn, NULL, &err), "note");
	}
}

static void add_plan(struct family *f, const struct fam_ids *fi, bool agree)
{
	struct plan p = PLAN_INIT;
	check(plan_draft(ctx, f->id, &p, NULL, &err), "plan draft");
	plan_set_section(&p, PLAN_AANLEIDING, "Aanmelding via de school na zorgen over verzuim.");
	plan_set_section(&p, PLAN_HULPVRAAG, "We willen weer rust in huis en dat de kinderen "
		"goed naar school gaan.");
	plan_set_section(&p, PLAN_KRACHTEN, "Ouders zijn betrokken; oma helpt twee middagen per "
		"week; de oudste voetbalt graag.");
	plan_set_section(&p, PLAN_EERDERE_HULP, "Opvoedondersteuning via het CJG in 2024.");
	check(plan_update(ctx, &p, &err), "plan update");
	int n_goals = 2 + (int)(rnd() % 3);
	for (int g = 0; g < n_goals; g++) {
		struct plan_goal goal;
		memset(&goal, 0, sizeof goal);
		snprintf(goal.leefgebied, sizeof goal.leefgebied, "%s", leefgebieden[rnd() % 6]);
		snprintf(goal.body, sizeof goal.body, "%s", goals[rnd() % 5]);
		goal.scale_start = 3 + (int)(rnd() % 3);
		goal.scale_now = goal.scale_start + (int)(rnd() % 3);
		goal.scale_target = 8;
		goal.status = GOAL_OPEN;
		check(plan_goal_add(ctx, p.id, &goal, &err), "goal");
		int n_act = 1 + (int)(rnd() % 2);
		for (int a = 0; a < n_act; a++) {
			struct plan_action act;
			memset(&act, 0, sizeof act);
			memcpy(act.goal_id, goal.id, CASUS_ID_LEN);
			snprintf(act.body, sizeof act.body, "%s", a ? "Afspraak maken met de "
				"schuldhulpverlening" : "Samen een weekschema maken en op de koelkast hangen");
			if (a == 0) {
				act.owner_kind = OWNER_PERSON;
				memcpy(act.owner_id, fi->persons[0], CASUS_ID_LEN);
			} else {
				act.owner_kind = OWNER_MEMBER;
				snprintf(act.owner_id, sizeof act.owner_id, "%.36s",
					f->regie_login[0] ? f->regie_login : coaches[0]);
			}
			date_back(act.due_on, -(int)(rnd() % 90) + 20);
			act.status = ACTION_OPEN;
			check(plan_action_add(ctx, p.id, &act, &err), "action");
		}
	}
	if (agree) {
		const char *who[1] = { fi->persons[0] };
		char on[11];
		date_back(on, 10 + (int)(rnd() % 200));
		char pid[CASUS_ID_LEN];
		memcpy(pid, p.id, CASUS_ID_LEN);
		plan_clear(&p);
		check(plan_get_by_id(ctx, pid, &p, &err), "plan reread");
		struct plan_agreement ag = { .on = on, .how = AGREE_IN_PERSON, .person_ids = who,
			.n_persons = 1 };
		check(plan_agree(ctx, &p, &ag, &err), "plan agree");
	}
	plan_clear(&p);
}

static void add_meldcode(const struct fam_ids *fi)
{
	const char *kids[3];
	int n = 0;
	for (int i = fi->first_child; i < fi->n_persons && n < 3; i++)
		kids[n++] = fi->persons[i];
	struct meldcode_new mn = { .client = MC_CLIENT_CHILDREN, .children = kids, .n_children = n };
	struct meldcode m;
	check(meldcode_open(ctx, fi->id, &mn, &m, &err), "meldcode");
	int signals = 1 + (int)(rnd() % 3);
	for (int i = 0; i < signals; i++) {
		char on[11];
		date_back(on, 5 + (int)(rnd() % 60));
		struct mc_signal_new s = { .kind = MC_FACT, .observed_on = on, .observer = "coach",
			.description = "Blauwe plek op de bovenarm; kind zegt gevallen te zijn." };
		check(meldcode_add_signal(ctx, m.id, &s, NULL, &err), "signal");
	}
}

static void add_escalation(const struct family *f, bool acute)
{
	struct escalation_new en = {
		.family = f->id,
		.kind = acute ? ESC_VEILIG_THUIS : ESC_SPECIALISTISCH,
		.urgency = acute ? URGENCY_ACUUT : URGENCY_NORMAAL,
		.reason = "Ondanks de inzet van het netwerk blijft de situatie thuis onveilig.",
		.tried = "Netwerkberaad, opvoedondersteuning, schuldhulp.",
		.asked = "Inzet van specialistische jeugdhulp (systeemtherapie).",
	};
	check(escalation_request(ctx, &en, NULL, &err), "escalation");
}

static int phase_for(uint32_t r)
{
	int p = (int)(r % 100);
	return p < 10 ? PHASE_AANMELDING : p < 25 ? PHASE_INTAKE : p < 45 ? PHASE_PLAN
		: p < 80 ? PHASE_UITVOERING : p < 85 ? PHASE_AFSLUITING : PHASE_AFGESLOTEN;
}

static void make_family(int i, long long *counts)
{
	const char *surname = surnames[rnd() % N_SURNAMES];
	char name[128], reg[11], phone[16];
	if (rnd() % 7 == 0)
		snprintf(name, sizeof name, "%s-%s", surname, surnames[rnd() % N_SURNAMES]);
	else
		snprintf(name, sizeof name, "%s", surname);
	date_back(reg, 30 + (int)(rnd() % 1000));
	snprintf(phone, sizeof phone, "06-%08u", (unsigned)(rnd() % 100000000u));
	struct family_new fn = { .display_name = name, .referral_source = rnd() % 3 ? "ouders"
		: "school", .triage = rnd() % 5 ? "ABCD"[rnd() % 4] : 0, .framework = -1,
		.registered_on = reg, .phone = phone };
	struct family f;
	check(family_add(ctx, &fn, &f, &err), "family");
	struct fam_ids fi;
	memcpy(fi.id, f.id, CASUS_ID_LEN);
	add_persons(f.id, surname, &fi);
	add_notes(f.id);
	counts[0]++;
	int phase = phase_for(rnd());
	if (phase >= PHASE_INTAKE) {
		check(regie_assign(ctx, &f, coaches[rnd() % N_COACHES], "teamoverleg", &err),
			"regie");
		int to = phase == PHASE_AFGESLOTEN ? PHASE_UITVOERING : phase;
		for (int p = PHASE_INTAKE; p <= to; p++) {
			check(family_set_phase(ctx, &f, (enum family_phase)p, NULL, &err), "phase");
			if (p == PHASE_PLAN) {
				add_plan(&f, &fi, to >= PHASE_UITVOERING);
				counts[1]++;
			}
		}
		if (phase == PHASE_AFGESLOTEN) {
			check(family_close(ctx, &f, "doelen bereikt", &err), "close");
			return;
		}
	}
	uint32_t r = rnd() % 100;
	if (r < 5 && phase >= PHASE_INTAKE) {
		add_meldcode(&fi);
		counts[2]++;
	}
	if (r >= 50 && r < 52 && phase >= PHASE_INTAKE) {
		add_escalation(&f, r == 51);
		counts[3]++;
	}
	if (i % 3 == 0) {
		struct family tmp;
		check(family_open(ctx, f.id, &tmp, &err), "open");
	}
}

/* ---- light families: prepared SQL mirroring core's INSERTs ---- */

static const char SQL_FAMILY[] =
	"INSERT INTO family(id, case_year, case_seq, case_no, display_name, sort_name, phase,"
	" triage, framework, referral_kind, referral_source, phone, registered_on, closed_on,"
	" regie_id, regie_sort, next_eval_on, created_at, created_by, rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, printf('%04d-%04d', ?2, ?3), ?4, ?5, ?6, ?7, 'vrijwillig',"
	" 'aanmelding', 'ouders', ?8, ?9, ?10, ?11, ?12, ?13, '2026-11-23T09:00:00Z', ?14, 1,"
	" '2026-11-23T09:00:00Z', ?14)";
static const char SQL_PERSON[] =
	"INSERT INTO person(id, family_id, given_name, family_name, birth_date, role, authority,"
	" bsn, created_at, rev, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, '2026-11-23T09:00:00Z', 1,"
	" '2026-11-23T09:00:00Z', ?8)";
static const char SQL_NOTE[] =
	"INSERT INTO note(id, family_id, author_id, kind, body, diagnosed_by, confidential,"
	" corrects, created_at) VALUES (?1, ?2, ?3, ?4, ?5, NULL, 0, NULL,"
	" '2026-11-23T09:00:00Z')";

static sqlite3_stmt *st_family, *st_person, *st_note;
static char coach_ids[N_COACHES][CASUS_ID_LEN], coach_sort[N_COACHES][128];
static int light_seq[2026];

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "casus-bench-gen: %s\n", sqlite3_errmsg(ctx->db));
		exit(1);
	}
	return st;
}

static void step(sqlite3_stmt *st, const char *what)
{
	if (sqlite3_step(st) != SQLITE_DONE) {
		fprintf(stderr, "casus-bench-gen: %s: %s\n", what, sqlite3_errmsg(ctx->db));
		exit(1);
	}
	sqlite3_reset(st);
}

static void light_prepare(void)
{
	st_family = prep(SQL_FAMILY);
	st_person = prep(SQL_PERSON);
	st_note = prep(SQL_NOTE);
	for (int i = 0; i < N_COACHES; i++) {
		struct member m;
		check(member_get_by_login(ctx, coaches[i], &m, &err), "coach");
		memcpy(coach_ids[i], m.id, CASUS_ID_LEN);
		text_sort_key(m.name, coach_sort[i], sizeof coach_sort[i]);
	}
}

static void light_id(char id[CASUS_ID_LEN], unsigned kind, unsigned n)
{
	snprintf(id, CASUS_ID_LEN, "%08x-%04x-4000-8000-%012x", n, kind, n);
}

static void make_light(int i, long long *counts)
{
	const char *surname = surnames[rnd() % N_SURNAMES];
	char name[128], sort[256], id[CASUS_ID_LEN], reg[11], closed[11], eval[11], phone[16];
	if (rnd() % 7 == 0)
		snprintf(name, sizeof name, "%s-%s", surname, surnames[rnd() % N_SURNAMES]);
	else
		snprintf(name, sizeof name, "%s", surname);
	text_sort_key(name, sort, sizeof sort);
	int year = 2016 + (int)(rnd() % 10), seq = ++light_seq[year];
	snprintf(reg, sizeof reg, "%04d-%02d-%02d", year, (int)(rnd() % 12) + 1,
		(int)(rnd() % 28) + 1);
	snprintf(closed, sizeof closed, "%04d-12-31", year);
	date_back(eval, -(int)(rnd() % 120));
	snprintf(phone, sizeof phone, "06-%08u", (unsigned)(rnd() % 100000000u));
	int phase = phase_for(rnd()), coach = (int)(rnd() % N_COACHES);
	char triage[2] = { rnd() % 5 ? "ABCD"[rnd() % 4] : 0, 0 };
	light_id(id, 0xf, (unsigned)i);
	sqlite3_stmt *st = st_family;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, seq);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, sort, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, family_phase_name((enum family_phase)phase), -1, SQLITE_STATIC);
	db_bind_text(st, 7, triage);
	sqlite3_bind_text(st, 8, phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, reg, -1, SQLITE_STATIC);
	db_bind_text(st, 10, phase == PHASE_AFGESLOTEN ? closed : NULL);
	db_bind_text(st, 11, phase >= PHASE_INTAKE ? coach_ids[coach] : NULL);
	db_bind_text(st, 12, phase >= PHASE_INTAKE ? coach_sort[coach] : NULL);
	db_bind_text(st, 13, phase == PHASE_PLAN || phase == PHASE_UITVOERING ? eval : NULL);
	sqlite3_bind_text(st, 14, ctx->user.id, -1, SQLITE_STATIC);
	step(st, "family");
	int adults = 1 + (int)(rnd() % 2), kids = 1 + (int)(rnd() % 3);
	for (int k = 0; k < adults + kids; k++) {
		bool kid = k >= adults;
		char pid[CASUS_ID_LEN], birth[11];
		light_id(pid, 0x100 + (unsigned)k, (unsigned)i);
		date_back(birth, kid ? 365 + (int)(rnd() % (17 * 365)) : 365 * 25
			+ (int)(rnd() % (20 * 365)));
		st = st_person;
		sqlite3_bind_text(st, 1, pid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, kid ? given_child[rnd() % 20] : given_adult[rnd() % 16], -1,
			SQLITE_STATIC);
		sqlite3_bind_text(st, 4, surname, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, birth, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, person_role_name(kid ? PERSON_KIND : PERSON_OUDER), -1,
			SQLITE_STATIC);
		sqlite3_bind_int(st, 7, !kid);
		sqlite3_bind_text(st, 8, ctx->user.id, -1, SQLITE_STATIC);
		step(st, "person");
	}
	int notes = (int)(rnd() % 6);
	for (int k = 0; k < notes; k++) {
		char nid[CASUS_ID_LEN];
		light_id(nid, 0x200 + (unsigned)k, (unsigned)i);
		st = st_note;
		sqlite3_bind_text(st, 1, nid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, coach_ids[coach], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, k % 4 == 3 ? "hypothesis" : "fact", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, note_text[rnd() % 6], -1, SQLITE_STATIC);
		step(st, "note");
	}
	check(family_fts_refresh(ctx, id, &err), "fts");
	check(audit_log(ctx, AUDIT_CREATE, id, "family", id, NULL, &err), "audit");
	counts[4]++;
}

static int64_t count_of(const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st)
	    == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void validate(int n)
{
	struct family_query q = { .phase = -1, .sort = SORT_NAME };
	int64_t c;
	check(family_list_count(ctx, &q, &c, &err), "count");
	if (c != n) {
		fprintf(stderr, "casus-bench-gen: %lld families listed, %d made\n", (long long)c, n);
		exit(1);
	}
	struct family_row rows[50];
	int got;
	check(family_list_page(ctx, &q, n / 2, 50, rows, &got, &err), "deep page");
	if (got != (n - n / 2 < 50 ? n - n / 2 : 50)) {
		fprintf(stderr, "casus-bench-gen: deep page has %d rows\n", got);
		exit(1);
	}
	q.search = "jansen";
	check(family_list_count(ctx, &q, &c, &err), "search");
	if (c < 1) {
		fprintf(stderr, "casus-bench-gen: search found nobody\n");
		exit(1);
	}
	int64_t bad = 0, checked = 0;
	check(audit_verify(ctx, &bad, &checked, &err), "audit verify");
	if (bad) {
		fprintf(stderr, "casus-bench-gen: audit chain broken at row %lld\n", (long long)bad);
		exit(1);
	}
	printf("checked: %lld families listed, deep page ok, search 'jansen' %lld, "
		"audit chain of %lld rows ok\n", (long long)n, (long long)c, (long long)checked);
}

int main(int argc, char **argv)
{
	bool demo = argc > 1 && strcmp(argv[1], "--demo") == 0;
	if (demo)
		argc--, argv++;
	if (argc != 3 || atoi(argv[2]) < 1) {
		fprintf(stderr, "usage: casus-bench-gen [--demo] PATH N_FAMILIES\n");
		return 2;
	}
	int n = atoi(argv[2]);
	double t0 = now_s();
	make_team(argv[1], demo);
	exec_sql("PRAGMA synchronous = OFF");
	exec_sql("PRAGMA cache_size = -262144");
	long long counts[5] = { 0 };
	int every = n > RICH_MAX ? (n + RICH_MAX - 1) / RICH_MAX : 1;
	check(db_begin(ctx, &err), "begin");
	light_prepare();
	for (int i = 0; i < n; i++)
		if (i % every == 0)
			make_family(i, counts);
		else
			make_light(i, counts);
	sqlite3_finalize(st_family);
	sqlite3_finalize(st_person);
	sqlite3_finalize(st_note);
	check(db_commit(ctx, &err), "commit");
	exec_sql("PRAGMA wal_checkpoint(TRUNCATE)");
	double t1 = now_s();
	printf("made %d families (%lld light; %lld plans, %lld meldcode trajectories, %lld escalations): "
		"%lld persons, %lld notes, %lld goals, %lld actions, %lld audit rows in %.1f s\n",
		n, counts[4], counts[1], counts[2], counts[3], (long long)count_of("SELECT count(*) FROM person"),
		(long long)count_of("SELECT count(*) FROM note"),
		(long long)count_of("SELECT count(*) FROM plan_goal"),
		(long long)count_of("SELECT count(*) FROM plan_action"),
		(long long)count_of("SELECT count(*) FROM audit"), t1 - t0);
	exec_sql("PRAGMA synchronous = FULL");
	validate(n);
	casus_close(ctx);
	return 0;
}
