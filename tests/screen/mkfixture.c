/* The screen tests' fixture: a small demo-flagged team database (so --as works) with
 * families in every phase, names with diacritics, CJK and emoji, persons with ages,
 * flags (overdue evaluations, late first visits) and more rows than one screen.
 * Deterministic under CASUS_NOW and CASUS_UUID_SEED.
 * Usage: mkfixture DB NAMES_FILE   (NAMES_FILE gets every family and person name, one a
 * line, for the privacy check). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/db.h"
#include "casus/escalation.h"
#include "casus/family.h"
#include "casus/meldcode.h"
#include "casus/note.h"
#include "casus/meeting.h"
#include "casus/member.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "casus/setting.h"
#include "casus/team_issue.h"

struct fam_spec {
	const char *name, *registered, *first_visit, *next_eval;
	int phase;
	const char *regie;
	char triage;
	int children;
};

static const struct fam_spec fams[] = {
	{ "Jansen", "2026-09-01", "2026-09-05", "2026-11-01", PHASE_UITVOERING, "coach1", 'C', 3 },
	{ "de Vries", "2026-10-20", NULL, NULL, PHASE_INTAKE, "coach1", 'B', 2 },
	{ "Bakker", "2026-08-11", "2026-08-14", "2027-01-15", PHASE_PLAN, "coach2", 'C', 1 },
	{ "van der Berg-Çelik", "2026-11-02", NULL, NULL, PHASE_AANMELDING, NULL, 0, 2 },
	{ "El Amrani", "2026-07-01", "2026-07-20", "2026-10-15", PHASE_UITVOERING, "coach2", 'D', 4 },
	{ "Öztürk", "2026-11-20", NULL, NULL, PHASE_AANMELDING, NULL, 'A', 1 },
	{ "Nguyễn", "2026-06-03", "2026-06-08", "2026-12-01", PHASE_AFSLUITING, "coach1", 'B', 2 },
	{ "王 Wang", "2026-10-01", "2026-10-06", "2027-02-01", PHASE_PLAN, "af1", 'C', 1 },
	{ "Zonnebloem 🌻", "2026-09-15", "2026-09-30", "2026-11-20", PHASE_UITVOERING, "af1", 'B', 2 },
	{ "Visser", "2026-05-12", "2026-05-15", "2026-12-12", PHASE_UITVOERING, "coach1", 'C', 1 },
	{ "Smit", "2026-11-10", NULL, NULL, PHASE_INTAKE, "coach2", 'B', 3 },
	{ "Meijer", "2026-03-03", "2026-03-09", "2026-09-09", PHASE_UITVOERING, "coach1", 'C', 2 },
	{ "de Boer", "2026-10-28", "2026-11-02", NULL, PHASE_INTAKE, "af1", 'A', 1 },
	{ "Mulder", "2026-02-14", "2026-02-16", "2027-03-01", PHASE_PLAN, "coach2", 'D', 2 },
	{ "de Groot", "2026-11-18", NULL, NULL, PHASE_AANMELDING, NULL, 0, 1 },
	{ "Bos", "2026-04-04", "2026-04-06", "2026-12-24", PHASE_UITVOERING, "coach1", 'B', 3 },
	{ "Vos", "2026-09-09", "2026-09-11", "2027-01-09", PHASE_PLAN, "coach2", 'C', 1 },
	{ "Peters", "2025-12-01", "2025-12-03", NULL, PHASE_AFGESLOTEN, "coach1", 'B', 2 },
	{ "Hendriks", "2026-08-20", "2026-08-24", "2026-11-22", PHASE_UITVOERING, "af1", 'C', 2 },
	{ "van Dijk", "2026-10-10", "2026-10-30", NULL, PHASE_INTAKE, "coach1", 'B', 1 },
	{ "Dekker", "2026-07-07", "2026-07-09", "2027-01-07", PHASE_UITVOERING, "coach2", 'A', 2 },
	{ "Brouwer", "2026-11-21", NULL, NULL, PHASE_AANMELDING, NULL, 'B', 1 },
	{ "de Wit", "2026-06-16", "2026-06-19", "2026-12-16", PHASE_PLAN, "af1", 'C', 3 },
	{ "Dijkstra", "2026-05-25", "2026-05-27", "2026-11-25", PHASE_UITVOERING, "coach1", 'D', 1 },
	{ "Smits", "2026-09-30", "2026-10-02", "2027-03-30", PHASE_PLAN, "coach2", 'B', 2 },
	{ "de Graaf", "2026-11-05", NULL, NULL, PHASE_INTAKE, "coach2", 'C', 2 },
};

static const char *const given_children[] = { "Tim", "Sanne", "Daan", "Emma", "Noah",
	"Julia" };
static const char *const given_parents[] = { "Anna", "Mark", "Fatima", "Kees", "Lotte",
	"Yusuf" };

static void die(const char *what, const struct casus_err *err)
{
	fprintf(stderr, "mkfixture: %s: %s\n", what, err->msg);
	exit(1);
}

/* The surname persons carry: the family name without the emoji or the CJK part. */
static void surname(const char *display, char *out, size_t n)
{
	snprintf(out, n, "%.200s", display);
	char *sp = strchr(out, ' ');
	if (strncmp(display, "王", strlen("王")) == 0)
		snprintf(out, n, "Wang");
	else if (sp && strstr(display, "🌻"))
		*sp = '\0';
}

static char first_child[CASUS_ID_LEN]; /* of the family added last */

/* A BSN that passes the elfproef, different for each family: eight digits from i and
 * the ninth that makes 9*d1 + 8*d2 + ... + 2*d8 - d9 a multiple of 11. */
static void fixture_bsn(int i, char out[10])
{
	for (int v = 0;; v++) {
		int n = 20000000 + i * 7919 + v, sum = 0;
		snprintf(out, 10, "%08d", n % 100000000);
		for (int k = 0; k < 8; k++)
			sum += (9 - k) * (out[k] - '0');
		if (sum % 11 <= 9) {
			out[8] = (char)('0' + sum % 11);
			out[9] = '\0';
			return;
		}
	}
}

static void add_persons(struct casus_ctx *ctx, const struct family *f, int i, int children,
	FILE *names, struct casus_err *err)
{
	char sur[900], birth[32];
	surname(f->display_name, sur, sizeof sur);
	char bsn[10];
	fixture_bsn(i, bsn);
	struct person_new p = { given_parents[i % 6], sur, NULL, PERSON_OUDER, true, bsn };
	snprintf(birth, sizeof birth, "19%02d-0%d-1%d", 80 + i % 15, 1 + i % 9, i % 10);
	p.birth_date = birth;
	if (person_add(ctx, f->id, &p, NULL, err))
		die("person", err);
	/* The BSN joins the names: no screen in privacy mode may show it either. */
	fprintf(names, "%s\n%s\n%s\n", p.given_name, sur, bsn);
	for (int c = 0; c < children; c++) {
		snprintf(birth, sizeof birth, "20%02d-0%d-0%d", 8 + (i + c * 5) % 17, 1 + c, 1 + i % 8);
		struct person_new k = { given_children[(i + c) % 6], sur, birth, PERSON_KIND, false,
			NULL };
		struct person kid;
		if (person_add(ctx, f->id, &k, &kid, err))
			die("child", err);
		if (c == 0)
			snprintf(first_child, sizeof first_child, "%s", kid.id);
		fprintf(names, "%s\n", k.given_name);
	}
}

static void set_dates(struct casus_ctx *ctx, const struct fam_spec *s, struct family *f,
	FILE *names, struct casus_err *err)
{
	if (s->first_visit) {
		snprintf(f->first_visit_on, sizeof f->first_visit_on, "%s", s->first_visit);
		snprintf(f->address, sizeof f->address, "Dorpsstraat %d, Maasoever",
			(int)strlen(s->name) * 3);
		snprintf(f->phone, sizeof f->phone, "06-1234%04d", (int)strlen(s->name) * 111);
		if (family_update(ctx, f, err))
			die("update", err);
		/* Contact details count as names for the privacy check. */
		fprintf(names, "%s\n", f->phone);
	}
	if (s->next_eval) {
		/* Evaluations belong to the plan module; the fixture sets the date directly. */
		sqlite3_stmt *st;
		sqlite3_prepare_v2(ctx->db, "UPDATE family SET next_eval_on = ?1 WHERE id = ?2", -1,
			&st, NULL);
		sqlite3_bind_text(st, 1, s->next_eval, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, f->id, -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
}

/* A meldcode trajectory for Bos (2026-0016): step 1 done, step 2 in progress, so the
 * stepper pane shows under the family pane. */
static void add_meldcode(struct casus_ctx *ctx, const char *family_id, const char *child,
	struct casus_err *err)
{
	const char *kids[1] = { child };
	struct meldcode_new in = { MC_CLIENT_CHILDREN, kids, 1, NULL };
	struct meldcode m;
	struct mc_signal_new sig = { .kind = MC_FACT, .observed_on = "2026-11-16",
		.observer = "Carla Coach", .description = "fixture signal" };
	struct mc_consultation_new con = { .with = MC_WITH_AANDACHTSFUNCTIONARIS,
		.with_name = "Anouk Functionaris", .held_on = "2026-11-18",
		.advice = "fixture advice" };
	struct meldcode_step steps[MC_STEPS];
	if (casus_identify(ctx, "coach1", err) || meldcode_open(ctx, family_id, &in, &m, err)
	    || meldcode_add_signal(ctx, m.id, &sig, NULL, err)
	    || meldcode_add_consultation(ctx, m.id, &con, NULL, err)
	    || meldcode_steps(ctx, m.id, steps, err)
	    || meldcode_step_set(ctx, &steps[0], MC_DONE, MC_SKIP_NONE, NULL, err))
		die("meldcode", err);
}

/* A plan draft with the family's question for the families that have a hulpvraag. */
static void add_plan(struct casus_ctx *ctx, const char *family_id, const char *hulpvraag,
	struct casus_err *err)
{
	struct plan p = PLAN_INIT;
	if (plan_draft(ctx, family_id, &p, NULL, err)
	    || !plan_set_section(&p, PLAN_HULPVRAAG, hulpvraag) || plan_update(ctx, &p, err))
		die("plan", err);
	plan_clear(&p);
}

/* Phases through core where it allows; a phase that needs records this fixture does
 * not make (an agreed plan before uitvoering) is written directly: the screens only
 * show the phase. */
static void set_phase(struct casus_ctx *ctx, struct family *f, int phase, struct casus_err *err)
{
	enum casus_rc r = family_set_phase(ctx, f, (enum family_phase)phase, NULL, err);
	if (r == CASUS_OK)
		return;
	if (r != CASUS_E_STATE)
		die("phase", err);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(ctx->db, "UPDATE family SET phase = ?1 WHERE id = ?2", -1, &st, NULL);
	sqlite3_bind_text(st, 1, family_phase_name((enum family_phase)phase), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		die("phase (direct)", err);
	sqlite3_finalize(st);
}

static void add_family(struct casus_ctx *ctx, int i, FILE *names, struct casus_err *err)
{
	const struct fam_spec *s = &fams[i];
	struct family_new in = { .display_name = s->name, .triage = s->triage, .framework = -1,
		.registered_on = s->registered,
		.referral_source = i % 3 == 0 ? "school" : i % 3 == 1 ? "huisarts" : "ouders",
		.referral_kind = i % 4 == 0 ? "zorgmelding" : "aanmelding" };
	struct family f;
	if (family_add(ctx, &in, &f, err))
		die(s->name, err);
	fprintf(names, "%s\nDorpsstraat\n", s->name);
	add_persons(ctx, &f, i, s->children, names, err);
	/* Before the dates: a plan keeps family.next_eval_on in step with its evaluations. */
	if (strcmp(s->name, "Bakker") == 0)
		add_plan(ctx, f.id, "We willen weer rust in huis, en dat Daan weer naar school gaat "
			"zonder elke ochtend ruzie. En dat oma vaker kan helpen op woensdag.", err);
	if (strcmp(s->name, "El Amrani") == 0)
		add_plan(ctx, f.id, "Minder stress over geld.", err);
	if (s->regie && regie_assign(ctx, &f, s->regie, "fixture", err))
		die("regie", err);
	if (family_get(ctx, f.id, &f, err))
		die("get", err);
	set_dates(ctx, s, &f, names, err);
	if (family_get(ctx, f.id, &f, err))
		die("get", err);
	if (strcmp(s->name, "Bos") == 0)
		add_meldcode(ctx, f.id, first_child, err);

	if (casus_identify(ctx, "tl1", err))
		die("identify", err);
	if (s->phase == PHASE_AFGESLOTEN) {
		if (family_set_phase(ctx, &f, PHASE_INTAKE, NULL, err)
		    || family_close(ctx, &f, "fixture", err))
			die("close", err);
	} else if (s->phase != PHASE_AANMELDING) {
		set_phase(ctx, &f, s->phase, err);
	}
}

/* Escalations for the list flags: pending (El Amrani), approved (Hendriks), rejected
 * (Jansen), decided by the gedragswetenschapper (four eyes). */
static void add_escalations(struct casus_ctx *ctx, struct casus_err *err)
{
	static const struct { const char *case_no; int decide; } esc[] = {
		{ "2026-0005", -1 }, { "2026-0019", ESC_DECIDE_APPROVE },
		{ "2026-0001", ESC_DECIDE_REJECT },
	};
	for (size_t i = 0; i < sizeof esc / sizeof esc[0]; i++) {
		struct escalation e;
		struct escalation_new in = { .family = esc[i].case_no, .kind = ESC_SPECIALISTISCH,
			.urgency = URGENCY_NORMAAL, .reason = "fixture" };
		if (casus_identify(ctx, "coach1", err) || escalation_request(ctx, &in, &e, err))
			die("escalation", err);
		if (esc[i].decide < 0)
			continue;
		if (casus_identify(ctx, "gw1", err)
		    || escalation_decide(ctx, &e, (enum escalation_decision)esc[i].decide, "fixture",
			    esc[i].decide == ESC_DECIDE_REJECT ? "more help at home first" : NULL, err))
			die("decide", err);
	}
}

/* The approvals queue (screen tests queue_*, escalation_*): more requests for El
 * Amrani, which is already flagged pending, so the other scripts' screens stay as they
 * are. One of them is gw1's own request (four eyes: gw1 may not decide it). */
static void add_queue(struct casus_ctx *ctx, struct casus_err *err)
{
	static const struct {
		const char *login;
		enum escalation_kind kind;
		enum escalation_urgency urgency;
		const char *reason, *tried, *asked;
	} req[] = {
		{ "coach2", ESC_RAAD, URGENCY_HOOG,
		  "Father refuses every contact since the last incident; the children report "
		  "shouting and a broken door at night.",
		  "Three home visits, a safety plan with the mother, a network meeting.",
		  "Ask the Raad voor de Kinderbescherming for an investigation." },
		{ "gw1", ESC_CRISIS, URGENCY_NORMAAL, "Own observation during the consultation.",
		  NULL, "Crisis placement advice." },
	};
	for (size_t i = 0; i < sizeof req / sizeof req[0]; i++) {
		struct escalation_new in = { .family = "2026-0005", .kind = req[i].kind,
			.urgency = req[i].urgency, .reason = req[i].reason, .tried = req[i].tried,
			.asked = req[i].asked };
		if (casus_identify(ctx, req[i].login, err) || escalation_request(ctx, &in, NULL, err))
			die("queue", err);
	}
}

/* Plan signals for the case list (issue 4), appended after everything above so the
 * rest of the fixture stays as it was: Visser (uitvoering) gets an agreed plan with no
 * evaluation planned (N), an action past its due date (T1), owned by a professional
 * nobody in the family consented to share with (C2: parent and child). */
static void add_plan_flags(struct casus_ctx *ctx, struct casus_err *err)
{
	struct family f;
	struct party pro;
	struct party_new pn = { PARTY_PROFESSIONAL, "Joke Jeugdarts", "GGD Maasoever", "jeugdarts",
		"010-5550100" };
	struct plan p = PLAN_INIT;
	struct plan_goal g = { .scale_start = 4, .scale_now = 4, .scale_target = 7 };
	struct plan_action x = { .owner_kind = OWNER_PROFESSIONAL, .due_on = "2026-11-10" };
	const char *who[1];
	char parent[CASUS_ID_LEN];
	if (casus_identify(ctx, "coach1", err) || family_get(ctx, "2026-0010", &f, err)
	    || party_add(ctx, f.id, &pn, &pro, err) || plan_draft(ctx, f.id, &p, NULL, err))
		die("plan flags", err);
	snprintf(g.leefgebied, sizeof g.leefgebied, "gezondheid");
	snprintf(g.body, sizeof g.body, "fixture goal");
	snprintf(x.body, sizeof x.body, "fixture action");
	snprintf(x.owner_id, sizeof x.owner_id, "%s", pro.id);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(ctx->db, "SELECT id FROM person WHERE family_id = ?1 AND role = 'ouder'",
		-1, &st, NULL);
	sqlite3_bind_text(st, 1, f.id, -1, SQLITE_STATIC);
	parent[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(parent, sizeof parent, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	who[0] = parent;
	struct plan_agreement ag = { NULL, AGREE_IN_PERSON, who, 1, NULL, 0 };
	if (plan_goal_add(ctx, p.id, &g, err) || plan_action_add(ctx, p.id, &x, err)
	    || plan_get(ctx, f.id, PLAN_LATEST, &p, err) || plan_agree(ctx, &p, &ag, err))
		die("plan flags", err);
	plan_clear(&p);
}

/* Meeting mode (screen tests meeting_*): a meeting on 2026-11-16, before the clock of
 * the other scripts (2026-11-23), so it is nobody's "next meeting" there and their
 * screens stay as they are; the meeting_* scripts set CASUS_NOW to that day. Chair
 * coach1, minute-taker coach2; the agenda as casus proposes it, with Jansen brought in
 * by coach1 with a question, and a team issue. */
static void add_meeting(struct casus_ctx *ctx, struct casus_err *err)
{
	char *saved = getenv("CASUS_NOW") ? strdup(getenv("CASUS_NOW")) : NULL;
	setenv("CASUS_NOW", "2026-11-16T08:00:00Z", 1);
	struct meeting_new mn = { "2026-11-16", "coach1", "coach2" };
	struct meeting m;
	struct team_issue_new ti = { .title = "Overdracht bij ziekte", .priority = ISSUE_HOOG,
		.for_meeting = true };
	if (casus_identify(ctx, "coach1", err) || meeting_plan(ctx, &mn, &m, err)
	    || meeting_add_inbreng(ctx, "2026-0001", "Hoe houden we school erbij?", err)
	    || team_issue_add(ctx, &ti, NULL, err) || meeting_propose_agenda(ctx, m.id, NULL, err))
		die("meeting", err);
	if (saved)
		setenv("CASUS_NOW", saved, 1);
	else
		unsetenv("CASUS_NOW");
	free(saved);
}

/* Notes for Jansen (2026-0001, regie coach1) by gw1: a fact, and a confidential
 * hypothesis that the team restricts (privacy.restrict_confidential_notes), so that
 * coach2 sees it withheld and can break the glass (notes_* scripts). */
static void add_notes(struct casus_ctx *ctx, struct casus_err *err)
{
	struct family f;
	struct note_new fact = { .kind = NOTE_FACT,
		.body = "Huisbezoek: moeder vertelt dat de kinderen goed slapen sinds de verhuizing." };
	struct note_new secret = { .kind = NOTE_HYPOTHESIS, .confidential = true,
		.body = "Vermoeden: vader drinkt weer; moeder wil niet dat school dit hoort." };
	if (casus_identify(ctx, "tl1", err)
	    || setting_set(ctx, "privacy.restrict_confidential_notes", "1", err)
	    || casus_identify(ctx, "gw1", err) || family_get(ctx, "2026-0001", &f, err)
	    || note_add(ctx, f.id, &fact, NULL, err) || note_add(ctx, f.id, &secret, NULL, err))
		die("notes", err);
}

int main(int argc, char **argv)
{
	struct casus_ctx *ctx;
	struct casus_err err;
	if (argc != 3) {
		fprintf(stderr, "usage: mkfixture DB NAMES_FILE\n");
		return 2;
	}
	FILE *names = fopen(argv[2], "w");
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	if (!names || casus_open(argv[1], &o, &ctx, &err))
		die(argv[1], &err);
	if (casus_meta_set(ctx, "team", "Testteam Schermen", &err)
	    || casus_meta_set(ctx, "demo", "1", &err))
		die("meta", &err);
	ctx->demo = true;
	if (member_add_first(ctx, "tl1", "Tessa Leider", NULL, &err)
	    || casus_identify(ctx, "tl1", &err))
		die("members", &err);
	if (member_add(ctx, "coach1", "Carla Coach", ROLE_COACH, false, NULL, &err)
	    || member_add(ctx, "coach2", "Cees Çelik", ROLE_COACH, false, NULL, &err)
	    || member_add(ctx, "gw1", "Greet Wetenschap", ROLE_GEDRAGSWETENSCHAPPER, false, NULL,
		    &err)
	    || member_add(ctx, "af1", "Anouk Functionaris", ROLE_COACH, true, NULL, &err))
		die("members", &err);
	for (size_t i = 0; i < sizeof fams / sizeof fams[0]; i++)
		add_family(ctx, (int)i, names, &err);
	add_escalations(ctx, &err);
	add_plan_flags(ctx, &err);
	add_queue(ctx, &err);
	add_meeting(ctx, &err);
	add_notes(ctx, &err);
	casus_close(ctx);
	fclose(names);
	return 0;
}
