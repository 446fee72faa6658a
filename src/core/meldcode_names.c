/* Meldcode vocabulary: the stored names of every meldcode enum (stable: they are in
 * the database and the JSON export) and their translated labels for the UI. */
#include <string.h>

#include "casus/i18n.h"
#include "casus/meldcode.h"

static int parse(const char *const names[], int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

#define NAME(arr, v) ((unsigned)(v) < sizeof arr / sizeof *arr ? arr[v] : "?")

static const char *const state_names[] = { "not_started", "in_progress", "done", "skipped" };
const char *mc_state_name(enum mc_step_state s) { return NAME(state_names, s); }
int mc_state_parse(const char *s) { return parse(state_names, MC_STATE_COUNT, s); }
const char *mc_state_label(enum mc_step_state s)
{
	switch (s) {
	case MC_NOT_STARTED: return _("not started");
	case MC_IN_PROGRESS: return _("in progress");
	case MC_DONE: return _("done");
	case MC_SKIPPED: return _("skipped");
	default: return "?";
	}
}

static const char *const step_names[] = { "?", "signals", "consultation", "conversation",
	"weighing", "decision" };
const char *mc_step_name(int step) { return NAME(step_names, step); }
const char *mc_step_label(int step)
{
	switch (step) {
	case 1: return _("Mapping the signals");
	case 2: return _("Collegial consultation");
	case 3: return _("Conversation with the client");
	case 4: return _("Weighing");
	case 5: return _("Deciding");
	default: return "?";
	}
}

static const char *const skip_names[] = { "", "safety", "contact_break" };
const char *mc_skip_name(enum mc_skip_reason r) { return NAME(skip_names, r); }
int mc_skip_parse(const char *s)
{
	int r = parse(skip_names, MC_SKIP_COUNT, s);
	return r > 0 ? r : -1;
}
const char *mc_skip_label(enum mc_skip_reason r)
{
	switch (r) {
	case MC_SKIP_SAFETY:
		return _("the safety of the child, others or the professional is at risk");
	case MC_SKIP_CONTACT_BREAK:
		return _("good reason to think the client will break off contact");
	default: return "";
	}
}

static const char *const outcome_names[] = { "", "no_suspicion", "melding", "help",
	"melding_and_help" };
const char *mc_outcome_name(enum mc_outcome o) { return NAME(outcome_names, o); }
const char *mc_outcome_label(enum mc_outcome o)
{
	switch (o) {
	case MC_OUTCOME_NO_SUSPICION: return _("closed: no suspicion (question 1)");
	case MC_OUTCOME_MELDING: return _("closed: reported to Veilig Thuis");
	case MC_OUTCOME_HELP: return _("closed: help organised, violence stopped");
	case MC_OUTCOME_MELDING_AND_HELP: return _("closed: reported and help organised");
	default: return _("open");
	}
}

static const char *const signal_names[] = { "fact", "hypothesis", "diagnosis", "verdict" };
const char *mc_signal_kind_name(enum mc_signal_kind k) { return NAME(signal_names, k); }
int mc_signal_kind_parse(const char *s) { return parse(signal_names, MC_SIGNAL_KIND_COUNT, s); }
const char *mc_signal_kind_label(enum mc_signal_kind k)
{
	switch (k) {
	case MC_FACT: return _("fact");
	case MC_HYPOTHESIS: return _("hypothesis or interpretation");
	case MC_DIAGNOSIS: return _("diagnosis");
	case MC_VERDICT: return _("follow-up of a hypothesis");
	default: return "?";
	}
}

static const char *const tri_names[] = { "yes", "no", "unknown", "not_applicable" };
const char *mc_tri_name(enum mc_tri t) { return NAME(tri_names, t); }
const char *mc_tri_label(enum mc_tri t)
{
	switch (t) {
	case MC_TRI_YES: return _("yes");
	case MC_TRI_NO: return _("no");
	case MC_TRI_UNKNOWN: return _("unknown");
	case MC_TRI_NA: return _("not applicable");
	default: return "?";
	}
}

static const char *const service_names[] = { "police", "veilig_thuis", "both" };
const char *mc_service_name(enum mc_service s) { return NAME(service_names, s); }
const char *mc_service_label(enum mc_service s)
{
	switch (s) {
	case MC_POLICE: return _("police");
	case MC_VEILIG_THUIS: return _("Veilig Thuis");
	case MC_POLICE_AND_VT: return _("police and Veilig Thuis");
	default: return "?";
	}
}

static const char *const consult_names[] = { "colleague", "aandachtsfunctionaris",
	"gedragswetenschapper", "team_meeting", "veilig_thuis" };
const char *mc_consult_name(enum mc_consult c) { return NAME(consult_names, c); }
int mc_consult_parse(const char *s) { return parse(consult_names, MC_CONSULT_COUNT, s); }
const char *mc_consult_label(enum mc_consult c)
{
	switch (c) {
	case MC_WITH_COLLEAGUE: return _("colleague");
	case MC_WITH_AANDACHTSFUNCTIONARIS: return _("aandachtsfunctionaris");
	case MC_WITH_GEDRAGSWETENSCHAPPER: return _("gedragswetenschapper");
	case MC_WITH_TEAM_MEETING: return _("team meeting");
	case MC_WITH_VEILIG_THUIS: return _("Veilig Thuis (advice)");
	default: return "?";
	}
}

static const char *const talk_names[] = { "parent", "child", "both" };
const char *mc_talk_name(enum mc_talk t) { return NAME(talk_names, t); }
const char *mc_talk_label(enum mc_talk t)
{
	switch (t) {
	case MC_TALK_PARENT: return _("parent(s)");
	case MC_TALK_CHILD: return _("child");
	case MC_TALK_BOTH: return _("parent(s) and child");
	default: return "?";
	}
}

static const char *const instrument_names[] = { "none", "lirik", "arij", "care_nl",
	"signs_of_safety", "other" };
const char *mc_instrument_name(enum mc_instrument i) { return NAME(instrument_names, i); }
int mc_instrument_parse(const char *s) { return parse(instrument_names, MC_INSTR_COUNT, s); }
const char *mc_instrument_label(enum mc_instrument i)
{
	switch (i) {
	case MC_INSTR_NONE: return _("no instrument");
	case MC_INSTR_LIRIK: return "LIRIK";
	case MC_INSTR_ARIJ: return "ARIJ";
	case MC_INSTR_CARE_NL: return "CARE-NL";
	case MC_INSTR_SIGNS_OF_SAFETY: return _("Signs of Safety scale");
	case MC_INSTR_OTHER: return _("other instrument");
	default: return "?";
	}
}

static const char *const band_names[] = { "parents", "child_and_parents", "child", "adult",
	"unknown" };
const char *mc_band_name(enum mc_band b) { return NAME(band_names, b); }
const char *mc_band_label(enum mc_band b)
{
	switch (b) {
	case MC_BAND_PARENTS: return _("the parents");
	case MC_BAND_CHILD_AND_PARENTS: return _("the child and the parents");
	case MC_BAND_CHILD: return _("the child");
	case MC_BAND_ADULT: return _("the (adult) client");
	default: return _("unknown (no birth date)");
	}
}

static const char *const exception_names[] = { "safety", "own_safety", "contact_break" };
const char *mc_exception_name(enum mc_exception e) { return NAME(exception_names, e); }
const char *mc_exception_label(enum mc_exception e)
{
	switch (e) {
	case MC_EXC_SAFETY: return _("the safety of the child or others");
	case MC_EXC_OWN_SAFETY: return _("the professional's own safety");
	case MC_EXC_CONTACT_BREAK: return _("a concrete risk that the client breaks off contact");
	default: return "?";
	}
}

static const char *const event_names[] = { "discussed", "exception", "manager_intended",
	"manager_final", "melding", "vt_feedback", "help_followup", "help_checked" };
const char *mc_event_name(enum mc_event_kind k) { return NAME(event_names, k); }
const char *mc_event_label(enum mc_event_kind k)
{
	switch (k) {
	case MC_EV_DISCUSSED: return _("intended melding discussed");
	case MC_EV_EXCEPTION: return _("not discussed (open melden, tenzij)");
	case MC_EV_MANAGER_INTENDED: return _("manager informed of the intended decision");
	case MC_EV_MANAGER_FINAL: return _("manager informed of the final decision");
	case MC_EV_MELDING: return _("melding to Veilig Thuis");
	case MC_EV_VT_FEEDBACK: return _("feedback from Veilig Thuis");
	case MC_EV_HELP_FOLLOWUP: return _("follow-up check planned");
	case MC_EV_HELP_CHECKED: return _("follow-up check");
	default: return "?";
	}
}
