/* Meeting mode: painting (see view_meeting.h). Built for a projector: a banner line
 * in reverse video for the item under discussion, one fact per line with blank lines
 * between, no tables. Only the family under discussion is named; the agenda shows
 * every other family as initials and ages. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "casus/clock.h"
#include "casus/i18n.h"
#include "draw.h"
#include "view_meeting.h"

static void timer_text(int64_t used, int planned, char *out, size_t n)
{
	snprintf(out, n, _("%lld:%02lld of %d min"), (long long)(used / 60),
		(long long)(used % 60), planned);
}

/* "Item 3 of 12: 4:10 of 20 min    Meeting: 35:00 of 90 min" */
static void paint_timers(struct app *a, WINDOW *w, int y, int width,
	const struct agenda_item *it)
{
	struct meet_ui *mu = a->meet;
	time_t now = clock_now();
	char t1[64], t2[64], line[256];
	timer_text(meeting_item_elapsed(it, now), it->planned_minutes, t1, sizeof t1);
	timer_text(meeting_elapsed(&mu->m, now), mu->m.planned_minutes, t2, sizeof t2);
	snprintf(line, sizeof line, _("Item %d: %s   Meeting: %s"), it->position, t1, t2);
	bool over = meeting_item_elapsed(it, now) > (int64_t)it->planned_minutes * 60;
	draw_text(w, y, 2, line, width - 4, true, draw_attr(over ? DR_ERROR : DR_TITLE));
}

static const char *item_title(const struct meet_ui *mu, const struct agenda_item *it,
	bool named, char *buf, size_t n)
{
	int i = (int)(it - mu->items);
	if (it->team_issue_no)
		snprintf(buf, n, "#%d %s", it->team_issue_no, it->team_issue_title);
	else if (it->case_no[0])
		snprintf(buf, n, "%s  %.400s", it->case_no, named ? it->family_name : mu->masked[i]);
	else
		snprintf(buf, n, "%.1000s", it->question);
	return buf;
}

static int paint_lines(WINDOW *w, int y, int h, int width, const char *head,
	char (*lines)[300], int n, size_t stride)
{
	if (y >= h - 2)
		return y;
	draw_text(w, y++, 2, head, width - 4, true, draw_attr(DR_HEADER));
	for (int i = 0; i < n && y < h - 2; i++) {
		const char *s = (const char *)lines + stride * (size_t)i;
		char row[512];
		snprintf(row, sizeof row, "%s %s", draw_glyph(DG_SELECTED), s);
		draw_text(w, y++, 4, row, width - 6, true, draw_attr(DR_NORMAL));
	}
	return y + 1;
}

static void paint_item(struct app *a, WINDOW *w, int h, int width)
{
	struct meet_ui *mu = a->meet;
	const struct agenda_item *it = meeting_current(mu);
	char buf[1200], line[1400];
	if (!it)
		return;
	snprintf(line, sizeof line, "  %s  %s", agenda_kind_label(it->kind, NULL),
		item_title(mu, it, true, buf, sizeof buf));
	draw_fill(w, 1, 0, width, A_REVERSE | A_BOLD);
	draw_fill(w, 2, 0, width, A_REVERSE | A_BOLD);
	draw_fill(w, 3, 0, width, A_REVERSE | A_BOLD);
	draw_text(w, 2, 0, line, width, true, A_REVERSE | A_BOLD);
	int y = 5;
	if (it->question[0] && it->case_no[0]) {
		snprintf(line, sizeof line, "%.100s %.1200s", _("Question:"), it->question);
		draw_text(w, y++, 2, line, width - 4, true, draw_attr(DR_TITLE));
		y++;
	}
	if (it->round >= 0) {
		line[0] = '\0';
		for (int r = 0; r < ROUND_COUNT; r++) {
			char part[80];
			snprintf(part, sizeof part, r == it->round ? "[%s]" : "%s",
				inbreng_round_label((enum inbreng_round)r, NULL));
			strncat(line, part, sizeof line - strlen(line) - 5);
			if (r + 1 < ROUND_COUNT)
				strncat(line, " > ", sizeof line - strlen(line) - 1);
		}
		draw_text(w, y++, 2, line, width - 4, true, draw_attr(DR_TITLE));
		y++;
	}
	paint_timers(a, w, y, width, it);
	y += 2;
	y = paint_lines(w, y, h, width, _("Decisions"), mu->dec, mu->ndec, sizeof mu->dec[0]);
	paint_lines(w, y, h, width, _("Actions (who: what - by when)"), (char (*)[300])mu->act,
		mu->nact, sizeof mu->act[0]);
}

static void paint_agenda(struct app *a, WINDOW *w, int h, int width)
{
	struct meet_ui *mu = a->meet;
	char line[1400], buf[1200];
	snprintf(line, sizeof line, _("Meeting %s - %s - chair %s, minutes %s - %d min"),
		mu->m.held_on, meeting_status_label(mu->m.status, NULL), mu->m.chair_name,
		mu->m.minutes_name, mu->m.planned_minutes);
	draw_text(w, 1, 0, line, width, true, A_REVERSE | A_BOLD);
	int top = mu->sel > h - 6 ? mu->sel - (h - 6) : 0;
	for (int i = top, y = 3; i < mu->n && y < h - 1; i++, y++) {
		const struct agenda_item *it = &mu->items[i];
		bool running = it->state == ITEM_RUNNING;
		snprintf(line, sizeof line, "%2d  %-14.14s  %-10s  %3d min  %s", it->position,
			agenda_kind_label(it->kind, NULL), agenda_state_label(it->state, NULL),
			it->planned_minutes, item_title(mu, it, running, buf, sizeof buf));
		attr_t at = i == mu->sel ? draw_attr(DR_SELECTED) : draw_attr(running ? DR_TITLE
			: DR_NORMAL);
		draw_text(w, y, 1, line, width - 2, true, at);
	}
	if (mu->n == 0)
		draw_text(w, 3, 2, _("The agenda is empty."), width - 4, true, draw_attr(DR_DIM));
}

void meeting_view_paint(struct app *a, WINDOW *w)
{
	int h, width;
	getmaxyx(w, h, width);
	werase(w);
	struct meet_ui *mu = a->meet;
	if (!mu || !mu->have) {
		draw_text(w, 1, 2, _("There is no meeting planned."), width - 4, true,
			draw_attr(DR_TITLE));
	} else if (mu->item_screen) {
		paint_item(a, w, h, width);
	} else {
		paint_agenda(a, w, h, width);
	}
	if (mu && mu->prompt != MP_NONE)
		return;
	const char *hint = mu && mu->item_screen
		? _("r next round  d decision  a action  n note  D done  x skip  m next meeting  "
		    "Esc agenda")
		: _("Enter open item  J/K move down/up  S start meeting  x skip  m next meeting  "
		    "Esc back");
	draw_text(w, h - 1, 0, hint, width, true, draw_attr(DR_STATUS));
}

void meeting_prompt_paint(struct app *a, WINDOW *w)
{
	static const char *const prompts[] = { "", N_("Decision: "), N_("Action, what: "),
		N_("Action, who (login): "), N_("Action, by when (YYYY-MM-DD, Enter: none): "),
		N_("Note: ") };
	struct meet_ui *mu = a->meet;
	int width = getmaxx(w);
	werase(w);
	le_draw(w, 0, 0, width, &mu->le, _(prompts[mu->prompt]));
}
