/* Meldcode entries of steps 1-3 and the acute-danger record: signals (fact,
 * hypothesis, diagnosis, and verdicts on hypotheses), the kindcheck, acute danger,
 * consultations (anonymous Veilig Thuis advice included) and conversations. Every
 * entry is append-only; a correction is a new entry naming the one it corrects. */
#include <stdio.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "casus/text.h"

/* ---- corrections ---- */

#define CORRECTED_SQL(table) \
	"SELECT x.trajectory_id, c.created_at, a.login, a.name FROM " table " x" \
	" LEFT JOIN " table " c ON c.corrects = x.id LEFT JOIN member a ON a.id = c.author_id" \
	" WHERE x.id = ?1"
static const char SQL_CORR_SIGNAL[] = CORRECTED_SQL("meldcode_signal");
static const char SQL_CORR_KINDCHECK[] = CORRECTED_SQL("meldcode_kindcheck");
static const char SQL_CORR_ACUTE[] = CORRECTED_SQL("meldcode_acute");
static const char SQL_CORR_CONSULTATION[] = CORRECTED_SQL("meldcode_consultation");
static const char SQL_CORR_CONVERSATION[] = CORRECTED_SQL("meldcode_conversation");
static const char SQL_CORR_WEIGHING[] = CORRECTED_SQL("meldcode_weighing");
static const char SQL_CORR_DECISION[] = CORRECTED_SQL("meldcode_decision");
static const char SQL_CORR_EVENT[] = CORRECTED_SQL("meldcode_event");
static const char *const corrected_sql[MC_T_COUNT] = {
	SQL_CORR_SIGNAL, SQL_CORR_KINDCHECK, SQL_CORR_ACUTE, SQL_CORR_CONSULTATION,
	SQL_CORR_CONVERSATION, SQL_CORR_WEIGHING, SQL_CORR_DECISION, SQL_CORR_EVENT,
};

enum casus_rc mc_check_corrects(struct casus_ctx *ctx, enum mc_table table,
	const char *trajectory_id, const char *corrects, struct casus_err *err)
{
	if (!corrects || !*corrects)
		return CASUS_OK;
	if ((unsigned)table >= MC_T_COUNT)
		return err_set(err, CASUS_E_INVALID, "internal error: unknown meldcode table");
	sqlite3_stmt *st = db_stmt(ctx, corrected_sql[table], err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, corrects, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	enum casus_rc r = CASUS_OK;
	if (rc == SQLITE_DONE)
		r = err_set(err, CASUS_E_NOTFOUND,
			_("The entry to correct (%.40s) does not exist or is of another kind."),
			corrects);
	else if (rc != SQLITE_ROW)
		r = db_fail(ctx, rc, err);
	else if (strcmp(mc_col(st, 0), trajectory_id) != 0)
		r = err_set(err, CASUS_E_INVALID,
			_("A correction belongs to the same meldcode trajectory as what it corrects."));
	else if (*mc_col(st, 1))
		r = err_set(err, CASUS_E_CONFLICT,
			_("That entry was already corrected by %s (%s) at %s. Look at their correction; "
			  "to change it again, correct the correction."),
			mc_col(st, 3), mc_col(st, 2), mc_col(st, 1));
	db_done(st);
	return r;
}

/* Commit or roll back, and hand the new id to the caller. */
static enum casus_rc finish(struct casus_ctx *ctx, enum casus_rc r, const char *id,
	char *out_id, struct casus_err *err)
{
	if ((r = mc_end(ctx, r, err)))
		return r;
	if (out_id)
		memcpy(out_id, id, CASUS_ID_LEN);
	return CASUS_OK;
}

/* Bind the columns every entry ends with: corrects, author, created_at. */
static void bind_tail(struct casus_ctx *ctx, sqlite3_stmt *st, int col, const char *corrects)
{
	char now[21];
	clock_now_iso(now);
	db_bind_text(st, col, corrects);
	sqlite3_bind_text(st, col + 1, ctx->user.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, col + 2, now, -1, SQLITE_TRANSIENT);
}

/* ---- step 1: signals ---- */

static enum casus_rc check_signal(const struct mc_signal_new *in, struct casus_err *err)
{
	enum casus_rc r;
	if (in->kind != MC_FACT && in->kind != MC_HYPOTHESIS && in->kind != MC_DIAGNOSIS)
		return err_set(err, CASUS_E_INVALID,
			_("A signal is a fact, a hypothesis or interpretation, or a diagnosis."));
	if ((r = mc_check_date(_("The date of the signal"), in->observed_on, false, err))
	    || (r = text_check(_("Who observed it"), in->observer, MC_NAME_MAX, TEXT_LINE, err))
	    || (r = text_check(_("The description"), in->description, MC_TEXT_MAX,
			TEXT_MULTILINE, err)))
		return r;
	if (in->third_party && (!in->source || !*in->source))
		return err_set(err, CASUS_E_INVALID,
			_("Information from a third party needs its source: name who it comes from."));
	if ((r = text_check_optional(_("The source"), in->source, MC_NAME_MAX, TEXT_LINE, err)))
		return r;
	if (in->kind == MC_HYPOTHESIS && (!in->hypothesis_of || !*in->hypothesis_of))
		return err_set(err, CASUS_E_INVALID,
			_("A hypothesis or interpretation says whose it is."));
	if (in->kind == MC_DIAGNOSIS && (!in->diagnosed_by || !*in->diagnosed_by))
		return err_set(err, CASUS_E_INVALID,
			_("A diagnosis needs the qualified professional who made it."));
	if (in->kind == MC_HYPOTHESIS)
		return text_check(_("Whose hypothesis"), in->hypothesis_of, MC_NAME_MAX, TEXT_LINE,
			err);
	if (in->kind == MC_DIAGNOSIS)
		return text_check(_("The professional who made the diagnosis"), in->diagnosed_by,
			MC_NAME_MAX, TEXT_LINE, err);
	return CASUS_OK;
}

static const char SQL_SIGNAL[] =
	"INSERT INTO meldcode_signal(id, trajectory_id, kind, observed_on, observer, source_kind,"
	" source, description, hypothesis_of, diagnosed_by, verdict, follows_up, corrects,"
	" author_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	" ?14, ?15)";

static enum casus_rc insert_signal(struct casus_ctx *ctx, const struct meldcode *m,
	const char *id, const struct mc_signal_new *in, enum mc_verdict verdict,
	const char *follows_up, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_SIGNAL, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, mc_signal_kind_name(in->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->observed_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, in->observer, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, in->third_party ? "third_party" : "own", -1, SQLITE_STATIC);
	db_bind_text(st, 7, in->source);
	sqlite3_bind_text(st, 8, in->description, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 9, in->kind == MC_HYPOTHESIS ? in->hypothesis_of : NULL);
	db_bind_text(st, 10, in->kind == MC_DIAGNOSIS ? in->diagnosed_by : NULL);
	db_bind_text(st, 11, verdict == MC_CONFIRMED ? "confirmed"
				: verdict == MC_REFUTED ? "refuted" : NULL);
	db_bind_text(st, 12, follows_up);
	bind_tail(ctx, st, 13, in->corrects);
	return db_exec_stmt(ctx, st, err);
}

enum casus_rc meldcode_add_signal(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_signal_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	char id[CASUS_ID_LEN];
	enum casus_rc r = check_signal(in, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	ids_new(id);
	if (!(r = mc_check_corrects(ctx, MC_T_SIGNAL, m.id, in->corrects, err))
	    && !(r = insert_signal(ctx, &m, id, in, MC_VERDICT_NONE, NULL, err)))
		r = mc_entry_added(ctx, &m, 1, "meldcode_signal", id, mc_signal_kind_name(in->kind),
			err);
	return finish(ctx, r, id, out_id, err);
}

static const char SQL_HYPOTHESIS[] =
	"SELECT trajectory_id, kind FROM meldcode_signal WHERE id = ?1";

enum casus_rc meldcode_verdict(struct casus_ctx *ctx, const char *hypothesis_id,
	enum mc_verdict verdict, const char *on, const char *note, char out_id[CASUS_ID_LEN],
	struct casus_err *err)
{
	char traj[CASUS_ID_LEN] = "", kind[16] = "", id[CASUS_ID_LEN];
	enum casus_rc r;
	if (verdict != MC_CONFIRMED && verdict != MC_REFUTED)
		return err_set(err, CASUS_E_INVALID, _("A hypothesis is confirmed or refuted."));
	if ((r = mc_check_date(_("The date"), on, false, err))
	    || (r = text_check(_("The note"), note, MC_TEXT_MAX, TEXT_MULTILINE, err)))
		return r;
	sqlite3_stmt *st = db_stmt(ctx, SQL_HYPOTHESIS, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, hypothesis_id ? hypothesis_id : "", -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_col_text(st, 0, traj, sizeof traj);
		db_col_text(st, 1, kind, sizeof kind);
	}
	db_done(st);
	if (strcmp(kind, "hypothesis") != 0)
		return err_set(err, CASUS_E_NOTFOUND,
			_("Only a recorded hypothesis can be confirmed or refuted."));
	struct meldcode m;
	if ((r = mc_begin(ctx, traj, &m, err)))
		return r;
	struct mc_signal_new in = { .kind = MC_VERDICT, .observed_on = on,
		.observer = ctx->user.name, .description = note };
	ids_new(id);
	if (!(r = insert_signal(ctx, &m, id, &in, verdict, hypothesis_id, err)))
		r = mc_entry_added(ctx, &m, 1, "meldcode_signal", id,
			verdict == MC_CONFIRMED ? "hypothesis confirmed" : "hypothesis refuted", err);
	return finish(ctx, r, id, out_id, err);
}

/* ---- step 1: the kindcheck ---- */

static const char *partner_name(enum mc_tri t)
{
	return t == MC_TRI_NA ? "no_partner" : mc_tri_name(t);
}

static enum casus_rc check_kindcheck(const struct mc_kindcheck_new *in, struct casus_err *err)
{
	enum casus_rc r;
	if ((unsigned)in->minors_in_home >= MC_TRI_NA || (unsigned)in->partner_children >= MC_TRI_COUNT
	    || (unsigned)in->pregnant >= MC_TRI_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Answer each question of the kindcheck."));
	if ((r = text_check_optional(_("Which children"), in->minors_note, MC_NOTE_MAX,
			TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("Who cares for them"), in->carers, MC_NOTE_MAX,
			TEXT_MULTILINE, err))
	    || (r = text_check_optional(_("The note"), in->note, MC_TEXT_MAX, TEXT_MULTILINE, err)))
		return r;
	if (in->minors_in_home == MC_TRI_YES && (!in->minors_note || !*in->minors_note
						 || !in->carers || !*in->carers))
		return err_set(err, CASUS_E_INVALID,
			_("There are minor children in the home: name them (also a new partner's) and "
			  "who cares for them."));
	return CASUS_OK;
}

static const char SQL_KINDCHECK[] =
	"INSERT INTO meldcode_kindcheck(id, trajectory_id, minors_in_home, minors_note,"
	" partner_children, carers, pregnant, note, corrects, author_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

enum casus_rc meldcode_add_kindcheck(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_kindcheck_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	char id[CASUS_ID_LEN];
	enum casus_rc r = check_kindcheck(in, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	ids_new(id);
	if ((r = mc_check_corrects(ctx, MC_T_KINDCHECK, m.id, in->corrects, err)))
		return mc_end(ctx, r, err);
	sqlite3_stmt *st = db_stmt(ctx, SQL_KINDCHECK, err);
	if (!st)
		return mc_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, mc_tri_name(in->minors_in_home), -1, SQLITE_STATIC);
	db_bind_text(st, 4, in->minors_note);
	sqlite3_bind_text(st, 5, partner_name(in->partner_children), -1, SQLITE_STATIC);
	db_bind_text(st, 6, in->carers);
	sqlite3_bind_text(st, 7, mc_tri_name(in->pregnant), -1, SQLITE_STATIC);
	db_bind_text(st, 8, in->note);
	bind_tail(ctx, st, 9, in->corrects);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = mc_entry_added(ctx, &m, 1, "meldcode_kindcheck", id, NULL, err);
	return finish(ctx, r, id, out_id, err);
}

/* ---- acute danger ---- */

static enum casus_rc check_acute(const struct mc_acute_new *in, char at[21],
	struct casus_err *err)
{
	enum casus_rc r;
	time_t t;
	if ((unsigned)in->service >= MC_SERVICE_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Say whether the police, Veilig Thuis or both "
						       "were contacted."));
	if (!in->contacted_at || !*in->contacted_at) {
		clock_now_iso(at);
	} else if (!clock_parse_iso(in->contacted_at, &t)) {
		return err_set(err, CASUS_E_INVALID,
			_("The time of the contact must be written as YYYY-MM-DDTHH:MM:SSZ or "
			  "YYYY-MM-DD, not '%.40s'."), in->contacted_at);
	} else {
		if (t > clock_now())
			return err_set(err, CASUS_E_INVALID, _("%s (%s) lies in the future."),
				_("The time of the contact"), in->contacted_at);
		clock_format_iso(t, at);
	}
	if ((r = text_check_optional(_("Whom you spoke to"), in->contact_name, MC_NAME_MAX,
			TEXT_LINE, err))
	    || (r = text_check_optional(_("The reference"), in->reference, MC_REF_MAX, TEXT_LINE,
			err)))
		return r;
	return text_check(_("What the danger was and what was agreed"), in->danger, MC_TEXT_MAX,
		TEXT_MULTILINE, err);
}

static const char SQL_ACUTE[] =
	"INSERT INTO meldcode_acute(id, trajectory_id, service, contacted_at, contact_name,"
	" reference, danger, corrects, author_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/* Deliberately no check of steps or approvals: acute danger never waits. */
enum casus_rc meldcode_add_acute(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_acute_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	char id[CASUS_ID_LEN], at[21];
	enum casus_rc r = check_acute(in, at, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	ids_new(id);
	if ((r = mc_check_corrects(ctx, MC_T_ACUTE, m.id, in->corrects, err)))
		return mc_end(ctx, r, err);
	sqlite3_stmt *st = db_stmt(ctx, SQL_ACUTE, err);
	if (!st)
		return mc_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, mc_service_name(in->service), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, at, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 5, in->contact_name);
	db_bind_text(st, 6, in->reference);
	sqlite3_bind_text(st, 7, in->danger, -1, SQLITE_TRANSIENT);
	bind_tail(ctx, st, 8, in->corrects);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = mc_entry_added(ctx, &m, 0, "meldcode_acute", id, mc_service_name(in->service),
			err);
	return finish(ctx, r, id, out_id, err);
}

/* ---- step 2: consultations ---- */

static enum casus_rc check_consultation(const struct mc_consultation_new *in,
	struct casus_err *err)
{
	enum casus_rc r;
	if ((unsigned)in->with >= MC_CONSULT_COUNT)
		return err_set(err, CASUS_E_INVALID, _("Say with whom you consulted."));
	if (in->anonymous && in->with != MC_WITH_VEILIG_THUIS)
		return err_set(err, CASUS_E_INVALID,
			_("Only advice from Veilig Thuis is asked anonymously."));
	if ((r = text_check(_("With whom"), in->with_name, MC_NAME_MAX, TEXT_LINE, err))
	    || (r = mc_check_date(_("The date of the consultation"), in->held_on, false, err))
	    || (r = text_check_optional(_("The question"), in->question, MC_TEXT_MAX,
			TEXT_MULTILINE, err)))
		return r;
	return text_check(_("The advice"), in->advice, MC_TEXT_MAX, TEXT_MULTILINE, err);
}

static const char SQL_CONSULTATION[] =
	"INSERT INTO meldcode_consultation(id, trajectory_id, with_kind, with_name, anonymous,"
	" held_on, question, advice, corrects, author_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

enum casus_rc meldcode_add_consultation(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_consultation_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	char id[CASUS_ID_LEN];
	enum casus_rc r = check_consultation(in, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	ids_new(id);
	const char *texts[] = { in->with_name, in->question, in->advice };
	if ((r = mc_check_corrects(ctx, MC_T_CONSULTATION, m.id, in->corrects, err))
	    || (in->anonymous && (r = mc_anonymity_check(ctx, m.family_id, texts, 3, err))))
		return mc_end(ctx, r, err);
	sqlite3_stmt *st = db_stmt(ctx, SQL_CONSULTATION, err);
	if (!st)
		return mc_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, mc_consult_name(in->with), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->with_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, in->anonymous);
	sqlite3_bind_text(st, 6, in->held_on, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 7, in->question);
	sqlite3_bind_text(st, 8, in->advice, -1, SQLITE_TRANSIENT);
	bind_tail(ctx, st, 9, in->corrects);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = mc_entry_added(ctx, &m, 2, "meldcode_consultation", id,
			in->anonymous ? "veilig_thuis (anonymous)" : mc_consult_name(in->with), err);
	return finish(ctx, r, id, out_id, err);
}

/* ---- step 3: conversations ---- */

static const char SQL_CONVERSATION[] =
	"INSERT INTO meldcode_conversation(id, trajectory_id, with_whom, participants, held_on,"
	" said, reaction, corrects, author_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

static enum casus_rc check_conversation(const struct mc_conversation_new *in,
	struct casus_err *err)
{
	enum casus_rc r;
	if ((unsigned)in->with >= MC_TALK_COUNT)
		return err_set(err, CASUS_E_INVALID,
			_("Say with whom you spoke: the parent(s), the child, or both."));
	if ((r = text_check_optional(_("Who took part"), in->participants, MC_NAME_MAX, TEXT_LINE,
			err))
	    || (r = mc_check_date(_("The date of the conversation"), in->held_on, false, err))
	    || (r = text_check(_("What was said"), in->said, MC_TEXT_MAX, TEXT_MULTILINE, err)))
		return r;
	return text_check(_("Their reaction"), in->reaction, MC_TEXT_MAX, TEXT_MULTILINE, err);
}

enum casus_rc meldcode_add_conversation(struct casus_ctx *ctx, const char *trajectory_id,
	const struct mc_conversation_new *in, char out_id[CASUS_ID_LEN], struct casus_err *err)
{
	struct meldcode m;
	char id[CASUS_ID_LEN];
	enum casus_rc r = check_conversation(in, err);
	if (r || (r = mc_begin(ctx, trajectory_id, &m, err)))
		return r;
	ids_new(id);
	if ((r = mc_check_corrects(ctx, MC_T_CONVERSATION, m.id, in->corrects, err)))
		return mc_end(ctx, r, err);
	sqlite3_stmt *st = db_stmt(ctx, SQL_CONVERSATION, err);
	if (!st)
		return mc_end(ctx, err->rc, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, mc_talk_name(in->with), -1, SQLITE_STATIC);
	db_bind_text(st, 4, in->participants);
	sqlite3_bind_text(st, 5, in->held_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, in->said, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, in->reaction, -1, SQLITE_TRANSIENT);
	bind_tail(ctx, st, 8, in->corrects);
	if (!(r = db_exec_stmt(ctx, st, err)))
		r = mc_entry_added(ctx, &m, 3, "meldcode_conversation", id, mc_talk_name(in->with),
			err);
	return finish(ctx, r, id, out_id, err);
}
