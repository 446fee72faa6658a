/* The family plan's rules: drafts and sections, goals with their 0-10 scale, actions
 * with owners and overdue detection, agreeing and freezing (through the API and
 * behind its back), conflicts between two coaches, the uitvoering phase rule,
 * family.next_eval_on, progress on the agreed version, and discarding drafts. */
#include <stdlib.h>
#include <string.h>

#include "casus/family.h"
#include "casus/party.h"
#include "casus/person.h"
#include "casus/plan.h"
#include "casus/regie.h"
#include "casus/setting.h"
#include "fixture.h"

static struct fixture fx;
static char fid[CASUS_ID_LEN];
static struct person mother, sem, noor, other_parent;
static struct party oma, doctor;

static void add_person(const char *fam, const char *given, const char *birth,
	enum person_role role, struct person *out)
{
	struct person_new in = { .given_name = given, .family_name = "Jansen",
		.birth_date = birth, .role = role, .authority = role == PERSON_OUDER };
	ck_ok(person_add(fx.ctx, fam, &in, out, &fx.err));
}

static void add_party(enum party_kind kind, const char *name, const char *org,
	const char *role, struct party *out)
{
	struct party_new in = { .kind = kind, .name = name, .organisation = org, .role = role,
		.contact = "010-1234567" };
	ck_ok(party_add(fx.ctx, fid, &in, out, &fx.err));
}

static void setup(void)
{
	struct family f;
	char other[CASUS_ID_LEN];
	fx_setup(&fx);
	fx_family(&fx, "Jansen", fid);
	fx_family(&fx, "Bakker", other);
	ck_ok(family_get(fx.ctx, fid, &f, &fx.err));
	ck_ok(regie_assign(fx.ctx, &f, "coach1", NULL, &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_INTAKE, NULL, &fx.err));
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_PLAN, NULL, &fx.err));
	fx_act_as(&fx, "coach1");
	add_person(fid, "Mila", "1988-04-12", PERSON_OUDER, &mother);
	add_person(fid, "Sem", "2015-06-01", PERSON_KIND, &sem);
	add_person(fid, "Noor", "2012-03-03", PERSON_KIND, &noor);
	add_person(other, "Piet", "1980-01-01", PERSON_OUDER, &other_parent);
	add_party(PARTY_NETWERK, "Riet de Boer", NULL, "oma", &oma);
	add_party(PARTY_PROFESSIONAL, "Dr. Pieters", "GGD", "jeugdarts", &doctor);
}

static void teardown(void)
{
	fx_teardown(&fx);
	/* Tests move the clock; put it back for the next test when Check does not fork. */
	setenv("CASUS_NOW", "2026-11-23T09:00:00Z", 1);
}

/* ---- helpers ---- */

static void new_goal(const char *plan_id, const char *lg, const char *body, int start,
	int now, int target, struct plan_goal *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->leefgebied, sizeof out->leefgebied, "%s", lg);
	snprintf(out->body, sizeof out->body, "%s", body);
	out->scale_start = start;
	out->scale_now = now;
	out->scale_target = target;
	ck_ok(plan_goal_add(fx.ctx, plan_id, out, &fx.err));
}

static enum casus_rc try_action(const char *plan_id, enum plan_owner_kind kind,
	const char *owner, const char *body, const char *due, struct plan_action *out)
{
	memset(out, 0, sizeof *out);
	out->owner_kind = kind;
	snprintf(out->owner_id, sizeof out->owner_id, "%s", owner);
	snprintf(out->body, sizeof out->body, "%s", body);
	snprintf(out->due_on, sizeof out->due_on, "%s", due ? due : "");
	return plan_action_add(fx.ctx, plan_id, out, &fx.err);
}

static enum casus_rc agree(struct casus_ctx *ctx, struct plan *p)
{
	const char *persons[] = { mother.id };
	const char *parties[] = { doctor.id };
	struct plan_agreement a = { .how = AGREE_IN_PERSON, .person_ids = persons,
		.n_persons = 1, .party_ids = parties, .n_parties = 1 };
	return plan_agree(ctx, p, &a, &fx.err);
}

/* A draft with two goals and two actions, agreed by the mother and the doctor. */
static void agreed_plan(struct plan *p, struct plan_goal *g, struct plan_action *a)
{
	ck_ok(plan_draft(fx.ctx, fid, p, NULL, &fx.err));
	ck_assert(plan_set_section(p, PLAN_KRACHTEN, "Oma helpt elke woensdag."));
	ck_ok(plan_update(fx.ctx, p, &fx.err));
	new_goal(p->id, "veiligheid", "Sem voelt zich veilig thuis.", 3, 3, 8, &g[0]);
	new_goal(p->id, "wonen", "Een huis met een eigen kamer voor Noor.", 2, 2, 7, &g[1]);
	ck_ok(try_action(p->id, OWNER_PERSON, mother.id, "Woningcorporatie bellen", "2026-12-15",
		&a[0]));
	ck_ok(try_action(p->id, OWNER_PROFESSIONAL, doctor.id, "Groeicontrole Sem", "2027-01-10",
		&a[1]));
	ck_ok(plan_get_by_id(fx.ctx, p->id, p, &fx.err)); /* agree to what is there now */
	ck_ok(agree(fx.ctx, p));
}

/* Run SQL behind core's back; returns the SQLite result code. */
static int raw(const char *fmt, const char *id)
{
	char *sql = sqlite3_mprintf(fmt, id);
	int rc = sqlite3_exec(fx.ctx->db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	return rc & 0xff; /* the connection reports extended codes */
}

static void family_now(struct family *f)
{
	ck_ok(family_get(fx.ctx, fid, f, &fx.err));
}

/* ---- drafts and sections ---- */

START_TEST(draft_is_made_once_and_keeps_sections)
{
	struct plan p = PLAN_INIT, again = PLAN_INIT;
	bool created = false;
	ck_assert_int_eq(plan_get(fx.ctx, fid, PLAN_LATEST, &p, &fx.err), CASUS_E_NOTFOUND);
	ck_assert_str_eq(fx.err.msg, "Family 2026-0001 has no plan yet.");
	ck_ok(plan_draft(fx.ctx, fid, &p, &created, &fx.err));
	ck_assert(created);
	ck_assert_int_eq(p.version, 1);
	ck_assert_int_eq(p.status, PLAN_DRAFT);
	ck_ok(plan_draft(fx.ctx, "2026-0001", &again, &created, &fx.err));
	ck_assert(!created);
	ck_assert_str_eq(again.id, p.id);

	ck_assert(plan_set_section(&p, PLAN_HULPVRAAG, "\"We willen weer rust in huis.\"\nMila"));
	ck_assert(plan_set_section(&p, PLAN_KRACHTEN, "Hechte band met oma."));
	p.safety_scale = 6;
	int64_t rev = p.rev, seq = p.edit_seq;
	ck_ok(plan_update(fx.ctx, &p, &fx.err));
	ck_assert_int_eq(p.rev, rev + 1);
	ck_assert_int_gt(p.edit_seq, seq);
	ck_assert_str_eq(p.touched_by_login, "coach1");
	ck_ok(plan_get(fx.ctx, fid, PLAN_LATEST, &again, &fx.err));
	ck_assert_str_eq(again.section[PLAN_HULPVRAAG], "\"We willen weer rust in huis.\"\nMila");
	ck_assert_str_eq(again.section[PLAN_EERDERE_HULP], "");
	ck_assert_int_eq(again.safety_scale, 6);

	p.safety_scale = 11;
	ck_assert_int_eq(plan_update(fx.ctx, &p, &fx.err), CASUS_E_INVALID);
	ck_assert_int_eq(p.safety_scale, 11); /* the caller's input is left alone */
	p.safety_scale = -1;
	ck_assert(plan_set_section(&p, PLAN_KRACHTEN, "bad \x1b[2J escape"));
	ck_assert_int_eq(plan_update(fx.ctx, &p, &fx.err), CASUS_E_INVALID);
	plan_clear(&p);
	plan_clear(&again);
}
END_TEST

START_TEST(worries_and_arrangements)
{
	struct plan p = PLAN_INIT;
	ck_ok(plan_draft(fx.ctx, fid, &p, NULL, &fx.err));
	struct plan_worry w = { .who = "school (mentor)", .since = "september 2025",
		.worry = "Noor komt vaak te laat.", .consequences = "Achterstand" };
	ck_ok(plan_worry_add(fx.ctx, p.id, &w, &fx.err));
	ck_assert_int_eq(w.position, 1);
	snprintf(w.worry, sizeof w.worry, "Noor komt vaak te laat en is moe.");
	ck_ok(plan_worry_update(fx.ctx, &w, &fx.err));
	ck_assert_int_eq(w.rev, 2);
	struct plan_worry empty = { .who = "" };
	ck_assert_int_eq(plan_worry_add(fx.ctx, p.id, &empty, &fx.err), CASUS_E_INVALID);

	struct plan_arrangement a = { .body = "Overleg elke zes weken." };
	snprintf(a.party_id, sizeof a.party_id, "%s", doctor.id);
	ck_ok(plan_arrangement_add(fx.ctx, p.id, &a, &fx.err));
	ck_assert_str_eq(a.organisation, "GGD"); /* the professional's organisation */
	ck_assert_str_eq(a.party_name, "Dr. Pieters");
	snprintf(a.party_id, sizeof a.party_id, "%s", oma.id); /* a network member: refused */
	ck_assert_int_eq(plan_arrangement_update(fx.ctx, &a, &fx.err), CASUS_E_INVALID);
	ck_ok(plan_worry_delete(fx.ctx, &w, &fx.err));
	ck_assert_int_eq(plan_worry_delete(fx.ctx, &w, &fx.err), CASUS_E_CONFLICT);
	ck_assert_msg(strstr(fx.err.msg, "removed from the plan by coach1") != NULL, "%s",
		fx.err.msg);
	plan_clear(&p);
}
END_TEST

/* ---- goals ---- */

START_TEST(goal_scale_bounds_and_status)
{
	struct plan p = PLAN_INIT;
	struct plan_goal g;
	ck_ok(plan_draft(fx.ctx, fid, &p, NULL, &fx.err));
	new_goal(p.id, "veiligheid", "Sem voelt zich veilig.", 0, 0, 10, &g);
	ck_assert_int_eq(g.scale_target, 10);
	ck_assert_str_eq(g.updated_by_login, "coach1");

	struct plan_goal bad = g;
	bad.scale_now = 11;
	ck_assert_int_eq(plan_goal_update(fx.ctx, &bad, &fx.err), CASUS_E_INVALID);
	ck_assert_msg(strstr(fx.err.msg, "from 0 to 10") != NULL, "%s", fx.err.msg);
	bad.scale_now = -2;
	ck_assert_int_eq(plan_goal_update(fx.ctx, &bad, &fx.err), CASUS_E_INVALID);
	bad = g;
	bad.scale_start = PLAN_SCALE_UNSET;
	ck_ok(plan_goal_update(fx.ctx, &bad, &fx.err));
	ck_assert_int_eq(bad.scale_start, PLAN_SCALE_UNSET);

	bad.status = GOAL_REACHED;
	ck_assert_int_eq(plan_goal_update(fx.ctx, &bad, &fx.err), CASUS_E_INVALID);
	ck_assert_msg(strstr(fx.err.msg, "needs a reason") != NULL, "%s", fx.err.msg);
	snprintf(bad.reason, sizeof bad.reason, "Sem slaapt weer door.");
	ck_ok(plan_goal_update(fx.ctx, &bad, &fx.err));
	ck_assert_int_eq(bad.status, GOAL_REACHED);

	struct plan_goal odd = g;
	snprintf(odd.leefgebied, sizeof odd.leefgebied, "astrologie");
	ck_assert_int_eq(plan_goal_add(fx.ctx, p.id, &odd, &fx.err), CASUS_E_INVALID);
	/* The list is the team's: a teamleider adds a leefgebied, then it is accepted. */
	fx_act_as_leader(&fx);
	ck_ok(setting_set(fx.ctx, "leefgebieden", "veiligheid\nastrologie", &fx.err));
	fx_act_as(&fx, "coach1");
	ck_ok(plan_goal_add(fx.ctx, p.id, &odd, &fx.err));
	/* The database refuses a scale outside 0-10 even without core. */
	ck_assert_int_eq(raw("UPDATE plan_goal SET scale_now = 11 WHERE id = %Q", g.id),
		SQLITE_CONSTRAINT);
	plan_clear(&p);
}
END_TEST

/* ---- actions ---- */

START_TEST(action_owners_and_overdue)
{
	struct plan p = PLAN_INIT;
	struct plan_action a, b, c, d;
	ck_ok(plan_draft(fx.ctx, fid, &p, NULL, &fx.err));
	ck_ok(try_action(p.id, OWNER_PERSON, mother.id, "Huisarts bellen", "2026-11-01", &a));
	ck_assert_str_eq(a.owner_name, "Mila Jansen");
	ck_assert(a.overdue); /* open and due before today (2026-11-23) */
	ck_ok(try_action(p.id, OWNER_PROFESSIONAL, doctor.id, "Verwijzing sturen", "2026-12-01",
		&b));
	ck_assert(!b.overdue);
	ck_ok(try_action(p.id, OWNER_MEMBER, "coach1", "Huisbezoek plannen", NULL, &c));
	ck_assert_str_eq(c.owner_name, "Carla Coach");
	ck_assert(!c.overdue);
	ck_ok(try_action(p.id, OWNER_NETWORK, oma.id, "Sem ophalen op woensdag", "2026-11-30",
		&d));

	ck_assert_int_eq(try_action(p.id, OWNER_PROFESSIONAL, oma.id, "x", NULL, &d),
		CASUS_E_INVALID); /* oma is network, not a professional */
	ck_assert_int_eq(try_action(p.id, OWNER_PERSON, other_parent.id, "x", NULL, &d),
		CASUS_E_INVALID); /* a person of another family */
	ck_assert_int_eq(try_action(p.id, OWNER_PERSON, mother.id, "x", "2026-02-30", &d),
		CASUS_E_INVALID);
	ck_assert_int_eq(try_action(p.id, OWNER_MEMBER, "", "x", NULL, &d), CASUS_E_INVALID);

	struct plan_flags fl;
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert_int_eq(fl.overdue_actions, 1);
	a.status = ACTION_DONE;
	ck_ok(plan_action_update(fx.ctx, &a, &fx.err));
	ck_assert_str_eq(a.closed_on, "2026-11-23");
	ck_assert(!a.overdue);
	ck_ok(plan_flags(fx.ctx, fid, &fl, &fx.err));
	ck_assert_int_eq(fl.overdue_actions, 0);
	a.status = ACTION_OPEN;
	ck_ok(plan_action_update(fx.ctx, &a, &fx.err));
	ck_assert_str_eq(a.closed_on, "");
	ck_assert(a.overdue);
	plan_clear(&p);
}
END_TEST

/* ---- agreeing ---- */

static int count_consenters(void *arg, const struct plan_consenter *c)
{
	int *n = arg;
	if (*n == 0) {
		ck_assert(c->is_person);
		ck_assert_str_eq(c->name, "Mila Jansen");
		ck_assert_str_eq(c->role, "ouder");
	} else {
		ck_assert(!c->is_person);
		ck_assert_str_eq(c->role, "jeugdarts, GGD");
	}
	(*n)++;
	return 0;
}

START_TEST(agree_needs_family_and_goals)
{
	struct plan p = PLAN_INIT;
	struct plan_goal g;
	ck_ok(plan_draft(fx.ctx, fid, &p, NULL, &fx.err));
	ck_assert_int_eq(agree(fx.ctx, &p), CASUS_E_STATE); /* no goals yet */
	new_goal(p.id, "veiligheid", "Rust in huis.", 4, 4, 8, &g);
	ck_ok(plan_get_by_id(fx.ctx, p.id, &p, &fx.err));

	struct plan_agreement a = { .how = AGREE_PHONE };
	ck_assert_int_eq(plan_agree(fx.ctx, &p, &a, &fx.err), CASUS_E_INVALID);
	const char *stranger[] = { other_parent.id };
	a.person_ids = stranger;
	a.n_persons = 1;
	ck_assert_int_eq(plan_agree(fx.ctx, &p, &a, &fx.err), CASUS_E_INVALID);
	ck_assert_msg(strstr(fx.err.msg, "Only members of family 2026-0001") != NULL, "%s",
		fx.err.msg);
	const char *tomorrow[] = { mother.id };
	a.person_ids = tomorrow;
	a.on = "2026-11-24";
	ck_assert_int_eq(plan_agree(fx.ctx, &p, &a, &fx.err), CASUS_E_INVALID);
	a.on = "2026-11-20";
	ck_ok(plan_agree(fx.ctx, &p, &a, &fx.err));
	ck_assert_int_eq(p.status, PLAN_AGREED);
	ck_assert_str_eq(p.agreed_on, "2026-11-20");
	ck_assert_int_eq(p.agreed_how, AGREE_PHONE);
	ck_assert_str_eq(p.agreed_rec_name, "Carla Coach");
	plan_clear(&p);
}
END_TEST

START_TEST(agreed_version_is_frozen)
{
	struct plan p = PLAN_INIT;
	struct plan_goal g[2];
	struct plan_action a[2];
	agreed_plan(&p, g, a);
	ck_assert_int_eq(p.status, PLAN_AGREED);
	int n = 0;
	ck_ok(plan_agreed_each(fx.ctx, p.id, count_consenters, &n, &fx.err));
	ck_assert_int_eq(n, 2);

	/* Through the API: content is refused with a message that says what to do. */
	ck_assert(plan_set_section(&p, PLAN_KRACHTEN, "anders"));
	ck_assert_int_eq(plan_update(fx.ctx, &p, &fx.err), CASUS_E_STATE);
	ck_assert_msg(strstr(fx.err.msg, "was agreed and is frozen") != NULL, "%s", fx.err.msg);
	struct plan_goal changed = g[0];
	snprintf(changed.body, sizeof changed.body, "Iets anders");
	ck_assert_int_eq(plan_goal_update(fx.ctx, &changed, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(plan_goal_delete(fx.ctx, &g[0], &fx.err), CASUS_E_STATE);
	struct plan_action extra;
	ck_assert_int_eq(try_action(p.id, OWNER_PERSON, mother.id, "x", NULL, &extra),
		CASUS_E_STATE);
	struct plan_action moved = a[0];
	snprintf(moved.due_on, sizeof moved.due_on, "2027-03-01");
	ck_assert_int_eq(plan_action_update(fx.ctx, &moved, &fx.err), CASUS_E_STATE);
	struct plan_worry w = { .who = "school", .worry = "x" };
	ck_assert_int_eq(plan_worry_add(fx.ctx, p.id, &w, &fx.err), CASUS_E_STATE);

	/* Behind core's back: the triggers refuse as well. */
	ck_assert_int_eq(raw("UPDATE plan SET krachten = 'x' WHERE id = %Q", p.id),
		SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("UPDATE plan SET status = 'draft' WHERE id = %Q", p.id),
		SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("DELETE FROM plan WHERE id = %Q", p.id), SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("UPDATE plan_goal SET body = 'x' WHERE id = %Q", g[0].id),
		SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("DELETE FROM plan_goal WHERE id = %Q", g[0].id), SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("UPDATE plan_action SET owner_name = 'x' WHERE id = %Q", a[0].id),
		SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("UPDATE plan_agreed_by SET name = 'x' WHERE plan_id = %Q", p.id),
		SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("INSERT INTO plan_worry(id, plan_id, who, worry, position, updated_at,"
		" updated_by) SELECT lower(hex(randomblob(18))), %Q, 'x', 'x', 9, 'x', id FROM member"
		" LIMIT 1", p.id), SQLITE_CONSTRAINT);

	/* Progress is not content: it still moves on the agreed version. */
	struct plan_goal prog = g[0];
	prog.scale_now = 5;
	ck_ok(plan_goal_update(fx.ctx, &prog, &fx.err));
	ck_assert_int_eq(prog.scale_now, 5);
	struct plan_action done = a[0];
	done.status = ACTION_DONE;
	ck_ok(plan_action_update(fx.ctx, &done, &fx.err));
	ck_assert_int_eq(done.status, ACTION_DONE);
	plan_clear(&p);
}
END_TEST

/* ---- a new draft after agreeing, and the diff ---- */

static const struct plan_change *find_change(const struct plan_diff *d,
	enum plan_change_kind kind, enum plan_change_op op, const char *field)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->changes[i].kind == kind && d->changes[i].op == op
		    && (!field || (d->changes[i].field && strcmp(d->changes[i].field, field) == 0)))
			return &d->changes[i];
	return NULL;
}

struct goals {
	struct plan_goal g[4];
	int n;
};

static int collect_goal(void *arg, const struct plan_goal *g)
{
	struct goals *l = arg;
	ck_assert_int_lt(l->n, 4);
	l->g[l->n++] = *g;
	return 0;
}

struct actions {
	struct plan_action a[4];
	int n;
};

static int collect_action(void *arg, const struct plan_action *a)
{
	struct actions *l = arg;
	ck_assert_int_lt(l->n, 4);
	l->a[l->n++] = *a;
	return 0;
}

/* Version 2 of an agreed plan, changed: a section, a goal's text and scale, one action
 * removed and a goal added. */
static void changed_v2(struct plan *v1, struct plan *v2, struct plan_goal *g)
{
	struct plan_goal added;
	struct plan_action a[2];
	agreed_plan(v1, g, a);
	bool created = false;
	ck_ok(plan_draft(fx.ctx, fid, v2, &created, &fx.err));
	ck_assert(created);
	ck_assert_int_eq(v2->version, 2);
	ck_assert_str_eq(v2->derived_from, v1->id);
	ck_assert_str_eq(v2->section[PLAN_KRACHTEN], "Oma helpt elke woensdag.");
	struct goals gl = { .n = 0 };
	struct actions al = { .n = 0 };
	ck_ok(plan_goal_each(fx.ctx, v2->id, collect_goal, &gl, &fx.err));
	ck_ok(plan_action_each(fx.ctx, v2->id, collect_action, &al, &fx.err));
	ck_assert_int_eq(gl.n, 2);
	ck_assert_int_eq(al.n, 2);
	ck_assert_str_eq(gl.g[0].derived_from, g[0].id);
	ck_assert_str_ne(gl.g[0].id, g[0].id); /* a copy with its own id */
	ck_assert_str_eq(al.a[1].owner_name, "Dr. Pieters");

	struct plan_diff d; /* nothing changed yet: nothing to show */
	ck_ok(plan_diff(fx.ctx, fid, 1, 2, &d, &fx.err));
	ck_assert_int_eq((int)d.n, 0);
	plan_diff_free(&d);

	ck_assert(plan_set_section(v2, PLAN_KRACHTEN, "Oma en de buurvrouw helpen."));
	ck_ok(plan_update(fx.ctx, v2, &fx.err));
	snprintf(gl.g[0].body, sizeof gl.g[0].body, "Sem en Noor voelen zich veilig thuis.");
	gl.g[0].scale_now = 5;
	ck_ok(plan_goal_update(fx.ctx, &gl.g[0], &fx.err));
	ck_ok(plan_action_delete(fx.ctx, &al.a[0], &fx.err));
	new_goal(v2->id, "onderwijs & werk", "Noor gaat elke dag naar school.", 4, 4, 9, &added);
	ck_ok(plan_get_by_id(fx.ctx, v2->id, v2, &fx.err));
}

START_TEST(change_after_agree_makes_new_draft_with_diff)
{
	struct plan v1 = PLAN_INIT, v2 = PLAN_INIT;
	struct plan_goal g[2];
	struct plan_diff d;
	changed_v2(&v1, &v2, g);
	ck_ok(plan_diff(fx.ctx, fid, 1, 2, &d, &fx.err));
	ck_assert_int_eq(d.version_a, 1);
	ck_assert_int_eq(d.version_b, 2);
	const struct plan_change *c = find_change(&d, CHANGE_SECTION, CHANGE_CHANGED, "strengths");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->old_value, "Oma helpt elke woensdag.");
	ck_assert_str_eq(c->new_value, "Oma en de buurvrouw helpen.");
	c = find_change(&d, CHANGE_GOAL, CHANGE_CHANGED, "body");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->old_value, "Sem voelt zich veilig thuis.");
	ck_assert_str_eq(c->new_value, "Sem en Noor voelen zich veilig thuis.");
	ck_assert_str_eq(c->id_a, g[0].id);
	c = find_change(&d, CHANGE_GOAL, CHANGE_CHANGED, "scale_now");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->old_value, "3");
	ck_assert_str_eq(c->new_value, "5");
	c = find_change(&d, CHANGE_GOAL, CHANGE_ADDED, NULL);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->new_value, "Noor gaat elke dag naar school.");
	c = find_change(&d, CHANGE_ACTION, CHANGE_REMOVED, NULL);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->old_value, "Woningcorporatie bellen");
	ck_assert_str_eq(plan_change_op_name(c->op), "removed");
	ck_assert_int_eq((int)d.n, 5);
	plan_diff_free(&d);

	/* The other way round, added and removed swap. */
	ck_ok(plan_diff(fx.ctx, fid, 2, 1, &d, &fx.err));
	ck_assert_ptr_nonnull(find_change(&d, CHANGE_ACTION, CHANGE_ADDED, NULL));
	ck_assert_ptr_nonnull(find_change(&d, CHANGE_GOAL, CHANGE_REMOVED, NULL));
	plan_diff_free(&d);
	plan_clear(&v1);
	plan_clear(&v2);
}
END_TEST

START_TEST(agreeing_a_new_version_supersedes_the_old)
{
	struct plan v1 = PLAN_INIT, v2 = PLAN_INIT, v3 = PLAN_INIT;
	struct plan_goal g[2];
	struct plan_diff d;
	changed_v2(&v1, &v2, g);
	ck_ok(agree(fx.ctx, &v2));
	ck_ok(plan_get(fx.ctx, fid, 1, &v1, &fx.err));
	ck_assert_int_eq(v1.status, PLAN_SUPERSEDED);
	ck_assert_str_eq(v1.section[PLAN_KRACHTEN], "Oma helpt elke woensdag.");
	ck_ok(plan_get(fx.ctx, fid, PLAN_IN_FORCE, &v1, &fx.err));
	ck_assert_int_eq(v1.version, 2);
	struct plan_goal late = g[1];
	late.scale_now = 6;
	ck_assert_int_eq(plan_goal_update(fx.ctx, &late, &fx.err), CASUS_E_STATE);
	ck_assert_msg(strstr(fx.err.msg, "old version") != NULL, "%s", fx.err.msg);
	ck_assert_int_eq(raw("UPDATE plan SET rev = rev + 1 WHERE id = %Q", v2.derived_from),
		SQLITE_CONSTRAINT);
	ck_assert_int_eq(raw("UPDATE plan_goal SET scale_now = 1 WHERE id = %Q", g[1].id),
		SQLITE_CONSTRAINT);

	/* Version 1 against version 3 pairs rows across version 2. */
	ck_ok(plan_draft(fx.ctx, fid, &v3, NULL, &fx.err));
	ck_assert_int_eq(v3.version, 3);
	ck_ok(plan_diff(fx.ctx, fid, 1, 3, &d, &fx.err));
	ck_assert_ptr_nonnull(find_change(&d, CHANGE_GOAL, CHANGE_CHANGED, "body"));
	ck_assert_ptr_nonnull(find_change(&d, CHANGE_GOAL, CHANGE_ADDED, NULL));
	ck_assert_int_eq((int)d.n, 5);
	plan_diff_free(&d);
	plan_clear(&v1);
	plan_clear(&v2);
	plan_clear(&v3);
}
END_TEST

/* ---- two coaches at once ---- */

START_TEST(concurrent_edits_conflict_and_keep_text)
{
	struct plan mine = PLAN_INIT, theirs = PLAN_INIT, now = PLAN_INIT;
	struct plan_goal g;
	ck_ok(plan_draft(fx.ctx, fid, &mine, NULL, &fx.err));
	new_goal(mine.id, "veiligheid", "Rust in huis.", 4, 4, 8, &g);
	ck_ok(plan_get_by_id(fx.ctx, mine.id, &mine, &fx.err));
	struct casus_ctx *other = fx_second(&fx, "coach2");
	ck_ok(plan_get(other, fid, PLAN_LATEST, &theirs, &fx.err));
	struct plan_goal their_goal;
	ck_ok(plan_goal_get(other, g.id, &their_goal, &fx.err));

	/* coach1 (Carla) saves first; coach2 (Cees) saved on top of an older read. */
	ck_assert(plan_set_section(&mine, PLAN_KRACHTEN, "Carla's tekst"));
	ck_ok(plan_update(fx.ctx, &mine, &fx.err));
	ck_assert(plan_set_section(&theirs, PLAN_KRACHTEN, "Cees' tekst, niet opgeslagen"));
	ck_assert_int_eq(plan_update(other, &theirs, &fx.err), CASUS_E_CONFLICT);
	ck_assert_msg(strstr(fx.err.msg, "changed by Carla Coach (coach1)") != NULL, "%s",
		fx.err.msg);
	ck_assert_str_eq(theirs.section[PLAN_KRACHTEN], "Cees' tekst, niet opgeslagen");
	ck_ok(plan_get(other, fid, PLAN_LATEST, &now, &fx.err));
	ck_assert_str_eq(now.section[PLAN_KRACHTEN], "Carla's tekst");

	g.scale_now = 5;
	ck_ok(plan_goal_update(fx.ctx, &g, &fx.err));
	snprintf(their_goal.body, sizeof their_goal.body, "Cees' doel");
	ck_assert_int_eq(plan_goal_update(other, &their_goal, &fx.err), CASUS_E_CONFLICT);
	ck_assert_msg(strstr(fx.err.msg, "Carla Coach") != NULL, "%s", fx.err.msg);
	ck_assert_str_eq(their_goal.body, "Cees' doel");
	ck_ok(plan_goal_get(other, g.id, &their_goal, &fx.err));
	ck_assert_str_eq(their_goal.body, "Rust in huis.");
	ck_assert_int_eq(their_goal.scale_now, 5);

	/* Agreeing is refused to whoever did not see the latest content. */
	ck_assert_int_eq(agree(other, &theirs), CASUS_E_CONFLICT);
	ck_assert_msg(strstr(fx.err.msg, "Carla Coach") != NULL, "%s", fx.err.msg);
	ck_ok(plan_get(fx.ctx, fid, PLAN_LATEST, &mine, &fx.err));
	ck_ok(agree(fx.ctx, &mine));
	casus_close(other);
	plan_clear(&mine);
	plan_clear(&theirs);
	plan_clear(&now);
}
END_TEST

/* ---- phases ---- */

START_TEST(uitvoering_needs_an_agreed_plan)
{
	struct family f;
	struct plan p = PLAN_INIT;
	struct plan_goal g[2];
	struct plan_action a[2];
	family_now(&f);
	ck_assert_int_eq(family_set_phase(fx.ctx, &f, PHASE_UITVOERING, NULL, &fx.err),
		CASUS_E_STATE);
	ck_assert_msg(strstr(fx.err.msg, "no agreed plan") != NULL, "%s", fx.err.msg);
	ck_ok(plan_draft(fx.ctx, fid, &p, NULL, &fx.err));
	family_now(&f);
	ck_assert_int_eq(family_set_phase(fx.ctx, &f, PHASE_UITVOERING, NULL, &fx.err),
		CASUS_E_STATE); /* a draft is not enough */
	ck_ok(plan_discard_draft(fx.ctx, &p, &fx.err));
	agreed_plan(&p, g, a);
	family_now(&f);
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_UITVOERING, NULL, &fx.err));
	ck_assert_int_eq(f.phase, PHASE_UITVOERING);
	ck_ok(family_set_phase(fx.ctx, &f, PHASE_AFSLUITING, NULL, &fx.err));
	plan_clear(&p);
}
END_TEST

/* ---- evaluations and family.next_eval_on ---- */

static int find_eval(void *arg, const struct plan_eval *e)
{
	struct plan_eval *want = arg;
	if (strcmp(e->planned_on, want->planned_on) != 0)
		return 0;
	*want = *e;
	return 1;
}

static void eval_on(const char *plan_id, const char *on, struct plan_eval *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->planned_on, sizeof out->planned_on, "%s", on);
	ck_ok(plan_eval_each(fx.ctx, plan_id, find_eval, out, &fx.err));
	ck_assert_str_ne(out->id, "");
}

START_TEST(next_eval_on_follows_planned_dates)
{
	struct plan p = PLAN_INIT;
	struct plan_eval e;
	struct family f;
	family_now(&f);
	int64_t rev = f.rev;
	ck_ok(plan_draft(fx.ctx, fid, &p, NULL, &fx.err));
	ck_ok(plan_eval_add(fx.ctx, p.id, "2027-02-01", &e, &fx.err));
	family_now(&f);
	ck_assert_str_eq(f.next_eval_on, "2027-02-01");
	ck_ok(plan_eval_add(fx.ctx, p.id, "2027-01-15", NULL, &fx.err));
	family_now(&f);
	ck_assert_str_eq(f.next_eval_on, "2027-01-15");
	ck_assert_int_eq(plan_eval_add(fx.ctx, p.id, "2027-01-15", NULL, &fx.err), CASUS_E_EXISTS);
	ck_assert_int_eq(plan_eval_add(fx.ctx, p.id, "2027-13-01", NULL, &fx.err),
		CASUS_E_INVALID);
	e.planned_on[8] = '2'; /* 2027-02-21 */
	ck_ok(plan_eval_update(fx.ctx, &e, &fx.err));
	ck_assert_str_eq(e.planned_on, "2027-02-21");
	eval_on(p.id, "2027-01-15", &e);
	ck_ok(plan_eval_delete(fx.ctx, &e, &fx.err));
	family_now(&f);
	ck_assert_str_eq(f.next_eval_on, "2027-02-21");
	/* Derived, not edited: the family's rev and who changed it last stay as they were,
	 * so nobody editing the family's details gets a conflict from the plan. */
	ck_assert_int_eq(f.rev, rev);
	ck_assert_str_eq(f.updated_by_login, casus_unix_login());
	ck_ok(plan_discard_draft(fx.ctx, &p, &fx.err));
	family_now(&f);
	ck_assert_str_eq(f.next_eval_on, "");
	plan_clear(&p);
}
END_TEST

/* An agreed version with evaluations on 2027-01-15 and 2027-02-21, and a draft of
 * version 2 under way. */
static void agreed_with_evaluations(struct plan *p, struct plan *d)
{
	struct plan_goal g;
	struct plan_action a;
	ck_ok(plan_draft(fx.ctx, fid, p, NULL, &fx.err));
	ck_ok(plan_eval_add(fx.ctx, p->id, "2027-01-15", NULL, &fx.err));
	ck_ok(plan_eval_add(fx.ctx, p->id, "2027-02-21", NULL, &fx.err));
	new_goal(p->id, "veiligheid", "Rust in huis.", 4, 4, 8, &g);
	ck_ok(try_action(p->id, OWNER_PERSON, mother.id, "Bellen", "2027-01-05", &a));
	ck_ok(plan_get_by_id(fx.ctx, p->id, p, &fx.err));
	ck_ok(agree(fx.ctx, p));
	ck_ok(plan_draft(fx.ctx, fid, d, NULL, &fx.err));
}

START_TEST(progress_on_the_agreed_version_reaches_the_draft)
{
	struct plan p = PLAN_INIT, d = PLAN_INIT;
	struct plan_eval e, copy;
	struct family f;
	agreed_with_evaluations(&p, &d);
	family_now(&f);
	int64_t rev = f.rev;
	setenv("CASUS_NOW", "2027-01-20T10:00:00Z", 1);
	eval_on(p.id, "2027-01-15", &e);
	ck_assert_int_eq(plan_eval_hold(fx.ctx, &e, "2027-01-21", "x", NULL, &fx.err),
		CASUS_E_INVALID); /* held in the future */
	ck_assert_int_eq(plan_eval_hold(fx.ctx, &e, "2027-01-16", "x", "2027-01-10", &fx.err),
		CASUS_E_INVALID); /* next before this one */
	ck_ok(plan_eval_hold(fx.ctx, &e, "2027-01-16", "Het gaat beter met Sem.", "2027-04-15",
		&fx.err));
	ck_assert_str_eq(e.held_on, "2027-01-16");
	family_now(&f);
	ck_assert_str_eq(f.next_eval_on, "2027-02-21");
	ck_assert_int_eq(f.rev, rev);

	/* The draft's copy followed, and the newly planned date is in both versions. */
	eval_on(d.id, "2027-01-15", &copy);
	ck_assert_str_eq(copy.held_on, "2027-01-16");
	ck_assert_str_eq(copy.outcome, "Het gaat beter met Sem.");
	eval_on(p.id, "2027-04-15", &copy);
	eval_on(d.id, "2027-04-15", &copy);
	ck_assert_str_ne(copy.derived_from, "");

	struct actions al = { .n = 0 };
	ck_ok(plan_action_each(fx.ctx, p.id, collect_action, &al, &fx.err));
	al.a[0].status = ACTION_DONE;
	ck_ok(plan_action_update(fx.ctx, &al.a[0], &fx.err));
	al.n = 0;
	ck_ok(plan_action_each(fx.ctx, d.id, collect_action, &al, &fx.err));
	ck_assert_int_eq(al.a[0].status, ACTION_DONE);
	ck_assert_str_eq(al.a[0].closed_on, "2027-01-20");

	/* Agreed evaluations stay; the draft's dates do not count while one is agreed. */
	ck_assert_int_eq(plan_eval_delete(fx.ctx, &e, &fx.err), CASUS_E_STATE);
	eval_on(d.id, "2027-02-21", &copy);
	ck_ok(plan_eval_delete(fx.ctx, &copy, &fx.err));
	family_now(&f);
	ck_assert_str_eq(f.next_eval_on, "2027-02-21");
	ck_ok(plan_discard_draft(fx.ctx, &d, &fx.err));
	ck_ok(plan_get(fx.ctx, fid, PLAN_LATEST, &d, &fx.err));
	ck_assert_int_eq(d.version, 1);
	ck_assert_int_eq(d.status, PLAN_AGREED);
	plan_clear(&p);
	plan_clear(&d);
}
END_TEST

static int64_t audit_rows(const char *detail)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	sqlite3_prepare_v2(fx.ctx->db, "SELECT count(*) FROM audit WHERE detail = ?1", -1, &st,
		NULL);
	sqlite3_bind_text(st, 1, detail, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Only a draft can be thrown away, never an agreed version; throwing one away is on
 * the access log and brings back the agreed version as the newest. */
START_TEST(only_drafts_are_discarded_and_logged)
{
	struct plan p = PLAN_INIT, agreed = PLAN_INIT;
	struct plan_goal g[2];
	struct plan_action a[2];
	agreed_plan(&p, g, a);
	ck_ok(plan_get(fx.ctx, fid, PLAN_LATEST, &agreed, &fx.err));
	ck_assert_int_eq(agreed.status, PLAN_AGREED);
	ck_assert_int_eq(plan_discard_draft(fx.ctx, &agreed, &fx.err), CASUS_E_STATE);
	ck_assert_int_eq(audit_rows("plan v1: draft discarded") + audit_rows("plan v2: draft discarded"), 0);
	ck_ok(plan_get(fx.ctx, fid, PLAN_IN_FORCE, &agreed, &fx.err)); /* still there */
	struct plan d = PLAN_INIT;
	bool created = false;
	ck_ok(plan_draft(fx.ctx, fid, &d, &created, &fx.err));
	ck_assert(created);
	ck_assert_int_eq(d.version, agreed.version + 1);
	struct plan stale = PLAN_INIT;
	ck_assert(plan_copy(&stale, &d));
	ck_assert(plan_set_section(&d, PLAN_KRACHTEN, "changed"));
	ck_ok(plan_update(fx.ctx, &d, &fx.err));
	/* A stale copy (another coach's screen) cannot throw the changed draft away. */
	ck_assert_int_eq(plan_discard_draft(fx.ctx, &stale, &fx.err), CASUS_E_CONFLICT);
	ck_ok(plan_discard_draft(fx.ctx, &d, &fx.err));
	ck_assert_int_eq(audit_rows("plan v2: draft discarded"), 1);
	ck_ok(plan_get(fx.ctx, fid, PLAN_LATEST, &d, &fx.err));
	ck_assert_int_eq(d.version, agreed.version);
	ck_assert_int_eq(d.status, PLAN_AGREED);
	plan_clear(&p);
	plan_clear(&d);
	plan_clear(&stale);
	plan_clear(&agreed);
}
END_TEST

START_TEST(closed_family_plan_is_read_only)
{
	struct plan p = PLAN_INIT;
	struct family f;
	ck_ok(plan_draft(fx.ctx, fid, &p, NULL, &fx.err));
	family_now(&f);
	ck_ok(family_close(fx.ctx, &f, NULL, &fx.err));
	ck_assert(plan_set_section(&p, PLAN_KRACHTEN, "x"));
	ck_assert_int_eq(plan_update(fx.ctx, &p, &fx.err), CASUS_E_STATE);
	ck_assert_msg(strstr(fx.err.msg, "is closed") != NULL, "%s", fx.err.msg);
	ck_assert_int_eq(plan_draft(fx.ctx, fid, &p, NULL, &fx.err), CASUS_E_STATE);
	ck_ok(plan_get(fx.ctx, fid, PLAN_LATEST, &p, &fx.err)); /* still readable */
	plan_clear(&p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, draft_is_made_once_and_keeps_sections);
	tcase_add_test(tc, worries_and_arrangements);
	tcase_add_test(tc, goal_scale_bounds_and_status);
	tcase_add_test(tc, action_owners_and_overdue);
	tcase_add_test(tc, agree_needs_family_and_goals);
	tcase_add_test(tc, agreed_version_is_frozen);
	tcase_add_test(tc, change_after_agree_makes_new_draft_with_diff);
	tcase_add_test(tc, agreeing_a_new_version_supersedes_the_old);
	tcase_add_test(tc, concurrent_edits_conflict_and_keep_text);
	tcase_add_test(tc, uitvoering_needs_an_agreed_plan);
	tcase_add_test(tc, next_eval_on_follows_planned_dates);
	tcase_add_test(tc, progress_on_the_agreed_version_reaches_the_draft);
	tcase_add_test(tc, closed_family_plan_is_read_only);
	tcase_add_test(tc, only_drafts_are_discarded_and_logged);
	suite_add_tcase(s, tc);
	return fx_run(s);
}
