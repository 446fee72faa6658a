/* The action table (see actions.h). Help texts and labels are English msgids,
 * translated where they are shown. */
#include <string.h>

#include "actions.h"
#include "casus/i18n.h"

static const struct action_def table[A_COUNT] = {
	[A_NONE] = { A_NONE, "none", N_("does nothing (to switch a default binding off)"), NULL },
	[A_QUIT] = { A_QUIT, "quit", N_("quit casus"), N_("quit") },
	[A_HELP] = { A_HELP, "help", N_("show the keys of this view"), N_("help") },
	[A_FOCUS_NEXT] = { A_FOCUS_NEXT, "focus-next", N_("move to the next pane"), N_("pane") },
	[A_FOCUS_PREV] = { A_FOCUS_PREV, "focus-prev", N_("move to the previous pane"), NULL },
	[A_ZOOM] = { A_ZOOM, "zoom", N_("show the focused pane on the whole screen, or back"),
		N_("zoom") },
	[A_PRIVACY] = { A_PRIVACY, "privacy",
		N_("privacy mode on/off: names as initials and ages, contact details and "
		   "free text hidden (logged)"), N_("privacy") },
	[A_REDRAW] = { A_REDRAW, "redraw", N_("redraw the screen"), NULL },
	[A_LAYOUT] = { A_LAYOUT, "layout",
		N_("layout: automatic, side by side, or one pane at a time"), NULL },
	[A_BACK] = { A_BACK, "back", N_("close this view or go back to the case list"),
		N_("back") },
	[A_DOWN] = { A_DOWN, "move-down", N_("next line"), NULL },
	[A_UP] = { A_UP, "move-up", N_("previous line"), NULL },
	[A_PAGE_DOWN] = { A_PAGE_DOWN, "page-down", N_("next page"), NULL },
	[A_PAGE_UP] = { A_PAGE_UP, "page-up", N_("previous page"), NULL },
	[A_FIRST] = { A_FIRST, "first", N_("first line"), NULL },
	[A_LAST] = { A_LAST, "last", N_("last line"), NULL },
	[A_OPEN] = { A_OPEN, "open", N_("open the selected family (logged as a read)"),
		N_("open") },
	[A_SEARCH] = { A_SEARCH, "search",
		N_("search names, case numbers and text; the list narrows as you type"),
		N_("search") },
	[A_SEARCH_NEXT] = { A_SEARCH_NEXT, "search-next", N_("next search result"), NULL },
	[A_SEARCH_PREV] = { A_SEARCH_PREV, "search-prev", N_("previous search result"), NULL },
	[A_SORT_NEXT] = { A_SORT_NEXT, "sort-next", N_("sort by the next column"), N_("sort") },
	[A_SORT_REVERSE] = { A_SORT_REVERSE, "sort-reverse", N_("reverse the sort order"), NULL },
	[A_FILTER_PHASE] = { A_FILTER_PHASE, "filter-phase",
		N_("filter by phase: open cases, each phase, all"), N_("phase") },
	[A_FILTER_MINE] = { A_FILTER_MINE, "filter-mine",
		N_("only families where I am regievoerder, or all"), N_("mine") },
	[A_FILTER_FLAG] = { A_FILTER_FLAG, "filter-flag",
		N_("filter by flag: overdue evaluation, late first visit, none"), N_("flag") },
	[A_FILTER_CLEAR] = { A_FILTER_CLEAR, "filter-clear",
		N_("clear search and filters (open cases, sorted by name)"), NULL },
	[A_EDIT_NAME] = { A_EDIT_NAME, "edit-name", N_("edit the family's name"), N_("edit") },
	[A_MC_OPEN] = { A_MC_OPEN, "meldcode",
		N_("show the family's meldcode trajectory, or open one"), NULL },
	[A_MC_ACUTE] = { A_MC_ACUTE, "meldcode-acute",
		N_("acute danger: record that police / Veilig Thuis was contacted"), NULL },
	[A_MC_ADD] = { A_MC_ADD, "meldcode-add",
		N_("record an entry in the selected step (signal, consultation, conversation, "
		   "weighing, decision)"), N_("new") },
	[A_MC_VERDICT] = { A_MC_VERDICT, "meldcode-verdict",
		N_("confirm or refute a hypothesis"), NULL },
	[A_MC_KINDCHECK] = { A_MC_KINDCHECK, "meldcode-kindcheck",
		N_("record the kindcheck (adult client)"), NULL },
	[A_MC_SKIP] = { A_MC_SKIP, "meldcode-skip",
		N_("skip step 3 for one of the two legal reasons"), NULL },
	[A_MC_DONE] = { A_MC_DONE, "meldcode-done", N_("mark the selected step done"), NULL },
	[A_MC_EVENT] = { A_MC_EVENT, "meldcode-event",
		N_("record what follows the decision (discussed, manager, melding, feedback, "
		   "follow-up)"), N_("follow-up") },
	[A_MC_AFTER_ALL] = { A_MC_AFTER_ALL, "meldcode-melden-after-all",
		N_("melden after all: a new decision replacing the current one"), NULL },
	[A_MC_GUIDE] = { A_MC_GUIDE, "meldcode-guidance",
		N_("show or hide the guidance for the selected step"), N_("guidance") },
	[A_MC_CLOSE] = { A_MC_CLOSE, "meldcode-close",
		N_("close the trajectory once its decision was carried out"), NULL },
	[A_QUEUE] = { A_QUEUE, "queue",
		N_("the approvals queue: escalations waiting for a gedragswetenschapper"), NULL },
	[A_APPROVE] = { A_APPROVE, "approve",
		N_("approve the selected request (asks for a motivation)"), N_("approve") },
	[A_REJECT] = { A_REJECT, "reject",
		N_("reject the selected request (asks for a motivation and what is needed "
		   "instead)"), N_("reject") },
	[A_ASK] = { A_ASK, "ask",
		N_("ask the requester for more information (the request goes back to them)"),
		N_("ask") },
	[A_ESC_REQUEST] = { A_ESC_REQUEST, "escalate",
		N_("request an escalation for the opened family (kind, reason, what was tried, "
		   "what is asked, urgency; acute: act now)"), N_("escalate") },
	[A_ESC_WITHDRAW] = { A_ESC_WITHDRAW, "withdraw",
		N_("withdraw your pending request for the opened family"), NULL },
	[A_ESC_ANSWER] = { A_ESC_ANSWER, "answer",
		N_("answer the gedragswetenschapper's question on a request"), NULL },
	[A_PLAN] = { A_PLAN, "plan", N_("show the family's plan, or back to the family"),
		NULL },
	[A_PLAN_EDIT] = { A_PLAN_EDIT, "plan-edit",
		N_("change the selected item: a person, party, text, worry, goal, action, "
		   "arrangement or evaluation (long text in a multi-line editor: F2 or Ctrl-S "
		   "saves, F4 opens $EDITOR, Esc cancels)"), N_("change") },
	[A_PLAN_EDITOR] = { A_PLAN_EDITOR, "plan-editor",
		N_("edit the selected text in $EDITOR (a private temporary file, removed after)"),
		NULL },
	[A_PLAN_ADD_PERSON] = { A_PLAN_ADD_PERSON, "plan-add-person",
		N_("add a member of the family: role, birth date, gezag"), NULL },
	[A_PLAN_ADD_PARTY] = { A_PLAN_ADD_PARTY, "plan-add-party",
		N_("add a network member or a professional with organisation and contact"), NULL },
	[A_PLAN_CONSENT] = { A_PLAN_CONSENT, "plan-consent",
		N_("give or withdraw consent for the selected member; says whose consent the age "
		   "rule needs"), N_("consent") },
	[A_PLAN_BSN] = { A_PLAN_BSN, "plan-bsn",
		N_("show the selected member's BSN (regievoerder or teamleider; recorded in the "
		   "access log; never in privacy mode)"), NULL },
	[A_PLAN_DISCARD] = { A_PLAN_DISCARD, "plan-discard",
		N_("throw the draft away (asks first; agreed versions are never thrown away)"),
		NULL },
	[A_PLAN_ADD_GOAL] = { A_PLAN_ADD_GOAL, "plan-add-goal",
		N_("add a goal under a leefgebied with its 0-10 scale"), N_("goal") },
	[A_PLAN_ADD_ACTION] = { A_PLAN_ADD_ACTION, "plan-add-action",
		N_("add an action: who does what by when"), N_("action") },
	[A_PLAN_ADD_WORRY] = { A_PLAN_ADD_WORRY, "plan-add-worry",
		N_("add a worry: who worries, since when"), NULL },
	[A_PLAN_ADD_EVAL] = { A_PLAN_ADD_EVAL, "plan-add-eval", N_("plan an evaluation date"),
		NULL },
	[A_PLAN_ADD_ARRANGEMENT] = { A_PLAN_ADD_ARRANGEMENT, "plan-add-arrangement",
		N_("add an arrangement with an organisation"), NULL },
	[A_PLAN_AGREE] = { A_PLAN_AGREE, "plan-agree",
		N_("agree the draft on behalf of named family members: how and when"),
		N_("agree") },
	[A_PLAN_DIFF] = { A_PLAN_DIFF, "plan-diff",
		N_("show what the draft changes against the agreed version"), N_("diff") },
	[A_PLAN_PHASE] = { A_PLAN_PHASE, "plan-phase",
		N_("change the phase, close the case (with aftercare) or reopen it"), N_("phase") },
	[A_PLAN_HANDOVER] = { A_PLAN_HANDOVER, "plan-handover",
		N_("hand over regie to another team member (recorded)"), NULL },
	[A_PLAN_EXPORT] = { A_PLAN_EXPORT, "plan-export",
		N_("export the plan for the family to a file in your home folder"), NULL },
	[A_MEETING] = { A_MEETING, "meeting",
		N_("meeting mode: the next meeting's agenda and the current item on the whole screen"),
		NULL },
	[A_MT_START] = { A_MT_START, "meeting-start", N_("start the meeting (chair or minute-taker)"),
		N_("start") },
	[A_MT_LATER] = { A_MT_LATER, "meeting-later", N_("move the agenda item down"), NULL },
	[A_MT_EARLIER] = { A_MT_EARLIER, "meeting-earlier", N_("move the agenda item up"), NULL },
	[A_MT_ROUND] = { A_MT_ROUND, "meeting-round",
		N_("casusinbreng: the next round (inbreng, vragen, advies, keuze, besluit)"),
		N_("round") },
	[A_MT_DONE] = { A_MT_DONE, "meeting-done", N_("the item is done"), N_("done") },
	[A_MT_SKIP] = { A_MT_SKIP, "meeting-skip", N_("skip the item"), N_("skip") },
	[A_MT_MOVE] = { A_MT_MOVE, "meeting-move", N_("move the item to the next meeting"),
		N_("next meeting") },
	[A_MT_DECIDE] = { A_MT_DECIDE, "meeting-decide", N_("record a decision (besluit)"),
		N_("decision") },
	[A_MT_ACTION] = { A_MT_ACTION, "meeting-action",
		N_("record an action: what, who, by when (a family's goes into its plan)"),
		N_("action") },
	[A_MT_NOTE] = { A_MT_NOTE, "meeting-note", N_("add a note to the item"), N_("note") },
	[A_AUDIT] = { A_AUDIT, "audit",
		N_("the access log: who read or changed what, when, from where (teamleider)"),
		NULL },
	[A_AU_FAMILY] = { A_AU_FAMILY, "audit-family", N_("only the rows about one family"),
		N_("family") },
	[A_AU_USER] = { A_AU_USER, "audit-user", N_("only the rows of one user"), N_("user") },
	[A_AU_SINCE] = { A_AU_SINCE, "audit-since", N_("only the rows from a day on"),
		N_("from") },
	[A_AU_UNTIL] = { A_AU_UNTIL, "audit-until", N_("only the rows up to a day"),
		N_("to") },
	[A_NOTES] = { A_NOTES, "notes", N_("the notes in the opened family's dossier"),
		NULL },
	[A_NOTE_GLASS] = { A_NOTE_GLASS, "break-glass",
		N_("read a withheld confidential note anyway, with a reason (recorded)"),
		N_("break the glass") },
};

const struct action_def *action_get(enum action a)
{
	return (unsigned)a < A_COUNT ? &table[a] : &table[A_NONE];
}

int action_parse(const char *name)
{
	for (int i = 0; i < A_COUNT; i++)
		if (strcmp(table[i].name, name) == 0)
			return i;
	return -1;
}

static const char *const section_names[SECTION_COUNT] = { "generic", "list", "family",
	"meldcode", "help", "queue", "plan", "meeting", "audit", "notes" };

const char *section_name(enum section s)
{
	return (unsigned)s < SECTION_COUNT ? section_names[s] : "?";
}

int section_parse(const char *name)
{
	for (int i = 0; i < SECTION_COUNT; i++)
		if (strcmp(section_names[i], name) == 0)
			return i;
	return -1;
}

const char *section_title(enum section s)
{
	switch (s) {
	case SECTION_GENERIC: return _("Everywhere");
	case SECTION_LIST: return _("Case list");
	case SECTION_FAMILY: return _("Family");
	case SECTION_MELDCODE: return _("Meldcode");
	case SECTION_HELP: return _("Help");
	case SECTION_MEETING: return _("Meeting");
	case SECTION_QUEUE: return _("Approvals queue");
	case SECTION_PLAN: return _("Plan");
	case SECTION_AUDIT: return _("Access log");
	case SECTION_NOTES: return _("Notes");
	default: return "?";
	}
}
