/* Private to the demo generator (src/core/demo*.c): the state shared by its parts
 * while one demo database is being built. Nothing outside src/core/demo*.c uses it.
 *
 * demo.c         entry point, replacing an old demo file, the team, the generator
 * demo_family.c  the table of family templates and each family's life (phases, regie)
 * demo_people.c  persons (with BSNs), involved parties and consent
 * demo_names.c   name, street and phone pools
 * demo_notes.c   notes: facts, hypotheses, diagnoses, a correction, a confidential one
 * demo_plan.c    family plans: drafts, agreed and revised versions, evaluations, closure
 * demo_plan_text.c  the plans' texts per theme
 * demo_meldcode.c   meldcode trajectories at every step, closed, melded, acute
 * demo_escalation.c escalations of every kind and state, the gedragswetenschapper's part
 *
 * Later content (meetings) is one more step function in demo_family.c's content_steps[]
 * (or a team-wide step after the families). */
#ifndef CASUS_DEMO_INT_H
#define CASUS_DEMO_INT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "casus/db.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/person.h"

/* The demo team: fixed seats; SEAT_CALLER is the Unix login running casus demo. */
enum demo_seat {
	SEAT_NONE = -1,
	SEAT_TL, SEAT_GW1, SEAT_GW2,
	SEAT_LOTTE, SEAT_MOHAMED, SEAT_NOELLE, SEAT_DAAN, SEAT_FARIDA, SEAT_ESTHER, SEAT_EMRE,
	SEAT_CALLER, SEAT_COUNT
};

struct demo {
	struct casus_ctx *ctx;
	struct casus_err *err;
	uint64_t rng;                     /* our own fixed-seed generator (demo_rand) */
	char today[11];                   /* from the clock: CASUS_NOW fixes it */
	char caller[CASUS_LOGIN_MAX + 1];
	struct member seat[SEAT_COUNT];   /* a skipped seat holds a copy of the caller */
	int bsn_seq;
};

/* The professionals around the team (demo_people.c has their names). */
enum demo_pro {
	PRO_HUISARTS1, PRO_HUISARTS2, PRO_LEERKRACHT, PRO_IB, PRO_MENTOR, PRO_JEUGDARTS, PRO_GGZ,
	PRO_VT, PRO_GV, PRO_SCHULD, PRO_COUNT
};

/* Where a family's names come from (given-name and surname pools). */
enum demo_origin { OR_NL, OR_TR, OR_MA, OR_VN, OR_NO, OR_PL, OR_GH, OR_SO, OR_COUNT };
/* Who lives in the household besides the children. */
enum demo_shape {
	SH_TWO,        /* two parents with authority */
	SH_MOTHER,     /* a mother alone */
	SH_FATHER,     /* a father alone */
	SH_SEPARATED,  /* separated parents, both with authority, the father lives elsewhere */
	SH_PARTNER,    /* a mother and her new partner (no authority) */
	SH_HOUSEMATE,  /* a mother and a housemate (her brother) */
	SH_CARER,      /* the grandmother cares; the mother keeps authority */
	SH_COUNT
};
/* What the case is about: picks the texts of notes and some parties. */
enum demo_theme {
	TH_OPVOEDING, TH_SCHOOL, TH_GELD, TH_VEILIG, TH_GGZ, TH_WONEN, TH_BABY, TH_JONG,
	TH_SCHEIDING, TH_COUNT
};

#define DF_REOPEN 0x01u       /* closed once and reopened (a re-entry) */
#define DF_SWITCH 0x02u       /* started vrijwillig, switched to the template's framework */
#define DF_GGZ 0x04u          /* a GGZ treatment with a diagnosis */
#define DF_CORRECTION 0x08u   /* a note that is later corrected */
#define DF_CONFIDENTIAL 0x10u /* a confidential note */
#define DF_WITHDRAW 0x20u     /* one consent withdrawn */
#define DF_CONSENT_GAP 0x40u  /* a 12-15 year old has not given their own consent yet */

/* One family of the demo, as data. Days count back from today. */
struct demo_tpl {
	const char *name;          /* display name */
	unsigned char oa, ob;      /* origins of the first and second surname */
	unsigned char shape, theme;
	const char *ages;          /* the children's ages in years: "2 5 8" */
	unsigned char phase;       /* where the case is now (enum family_phase) */
	char triage;               /* 'A'..'D', 0 when not triaged yet */
	unsigned char fw;          /* enum family_framework (where it ends up) */
	bool zorg;                 /* a zorgmelding rather than an aanmelding */
	const char *source;        /* referral source */
	short days_ago;            /* registered this many days ago */
	short contact, visit;      /* days after registration; -1: not yet */
	signed char coach, handover; /* enum demo_seat; SEAT_NONE */
	unsigned flags;            /* DF_* */
};

#define DEMO_MAX_PERSONS 8
#define DEMO_MAX_PARTIES 10

struct demo_person {
	char id[CASUS_ID_LEN];
	char given[64];
	char surname[96];
	char born[11];
	enum person_role role;
	bool authority;
	bool female;
	int age;
};

struct demo_party {
	char id[CASUS_ID_LEN];
	int pro;                   /* index of the professional, -1 for the network */
};

/* One family while it is being built. */
struct demo_fam {
	const struct demo_tpl *t;
	int index;
	struct family f;
	char reg[11], contact[11], visit[11];
	int coach;                 /* the seat with regie now, SEAT_NONE before intake */
	struct demo_person p[DEMO_MAX_PERSONS];
	int np;
	struct demo_party party[DEMO_MAX_PARTIES];
	int nparty;
};

/* demo.c */
uint32_t demo_rand(struct demo *d, uint32_t n); /* 0 .. n-1 */
void demo_act(struct demo *d, int seat);         /* act as this team member */
void demo_days_ago(struct demo *d, int days, char out[static 11]);
/* date + days, but never after today */
void demo_after(struct demo *d, const char *date, int days, char out[static 11]);

/* demo_family.c */
enum casus_rc demo_families(struct demo *d);
/* Where the case is heading: the template's phase (afsluiting for a re-entry, which
 * is closed and reopened). */
enum family_phase demo_target_phase(const struct demo_fam *fam);
/* Walk the phases one at a time up to `to` (at most afsluiting), as the acting user. */
enum casus_rc demo_walk(struct demo *d, struct demo_fam *fam, enum family_phase to);

/* demo_plan.c */
/* The family plan: drafted in phase plan, agreed before uitvoering, carried out and
 * evaluated; some plans revised (a superseded version, or a new draft beside the
 * agreed one); a veiligheidsplan where safety is the theme. */
enum casus_rc demo_plan(struct demo *d, struct demo_fam *fam);
/* How the case is closed (kind, relapse risk, aftercare), before family_close. */
enum casus_rc demo_plan_closure(struct demo *d, struct demo_fam *fam);

/* demo_meldcode.c */
/* Meldcode trajectories at every step, closed ones, meldingen, an acute case. */
enum casus_rc demo_meldcode(struct demo *d, struct demo_fam *fam);

/* demo_meeting.c: last week's meeting with minutes, next week's with its agenda */
enum casus_rc demo_meetings(struct demo *d);

/* demo_escalation.c */
/* Escalations of every kind and state, and the gedragswetenschapper's decisions. */
enum casus_rc demo_escalations(struct demo *d, struct demo_fam *fam);
/* A gedragswetenschapper (seat gw) approves the pending melding Veilig Thuis of a
 * meldcode trajectory; afterwards the regievoerder acts again. */
enum casus_rc demo_approve_melding(struct demo *d, struct demo_fam *fam,
	const char *trajectory_id, int gw);

/* demo_plan_text.c */
/* Who owns an action in the texts: a parent, the focus child, the network, the
 * theme's professional, or the coach. */
enum demo_owner { DA_PARENT, DA_CHILD, DA_NETWORK, DA_PRO, DA_COACH };
struct demo_worry_text {
	const char *who, *since, *worry, *consequences;
};
struct demo_goal_text {
	const char *leefgebied, *body;
	signed char start, target; /* 0-10 */
};
struct demo_action_text {
	unsigned char owner;       /* enum demo_owner */
	const char *body;
	short due;                 /* days after agreement; 0: some weeks from today */
};
struct demo_plan_text {
	const char *aanleiding, *krachten, *eerdere_hulp;
	struct demo_worry_text worry[2];
	struct demo_goal_text goal[3];
	struct demo_action_text action[4];
	unsigned char pros[3];     /* the theme's professionals, first one involved wins */
	const char *arrangement;   /* made with that professional */
	const char *revised_goal;  /* the first goal as a later version words it */
	struct demo_action_text new_action; /* added by a later version */
};
const struct demo_plan_text *demo_plan_text(int theme);
extern const char *const demo_safety_text[4]; /* worries, working, needed, agreements */
#define DEMO_EVAL_TEXTS 6
#define DEMO_EVAL_FINAL 4   /* the closing evaluation */
#define DEMO_EVAL_NO_NEXT 5 /* held without fixing the next date */
extern const char *const demo_eval_text[DEMO_EVAL_TEXTS];

/* demo_people.c */
enum casus_rc demo_persons(struct demo *d, struct demo_fam *fam);
enum casus_rc demo_parties(struct demo *d, struct demo_fam *fam);
enum casus_rc demo_consents(struct demo *d, struct demo_fam *fam);
/* A BSN that passes the elfproef, from the 99999xxxx range used for test persons. */
void demo_bsn(struct demo *d, char out[static 10]);
/* The child the case is mostly about (youngest for babies and parenting, else oldest);
 * NULL when the family has no children. */
const struct demo_person *demo_focus_child(const struct demo_fam *fam);
const struct demo_person *demo_first_parent(const struct demo_fam *fam);
/* Whether data are shared with this professional on consent (not Veilig Thuis or the
 * gezinsvoogd, who have a legal basis). */
bool demo_pro_shares(int pro);
/* The family's party for a professional (enum demo_pro), NULL when not involved. */
const struct demo_party *demo_party_of(const struct demo_fam *fam, int pro);

/* demo_names.c */
const char *demo_given_name(struct demo *d, int origin, bool female);
const char *demo_surname(struct demo *d, int origin);
void demo_address(struct demo *d, char *out, size_t outsz);
void demo_mobile(struct demo *d, char *out, size_t outsz);

/* demo_notes.c */
enum casus_rc demo_notes(struct demo *d, struct demo_fam *fam);
enum casus_rc demo_reopen_note(struct demo *d, struct demo_fam *fam);
/* Fill {kind} (the focus child), {ouder} (the first parent), {bron}, {reg}, {bezoek}
 * and {coach} in tpl for this family. */
void demo_fill(struct demo *d, const struct demo_fam *fam, const char *tpl, char *out,
	size_t outsz);
/* The family's question in its own words, as noted at the first home visit. */
const char *demo_question(int theme);

#endif
