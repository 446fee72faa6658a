/* The clock: real or fixed by CASUS_NOW, and strict date parsing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/clock.h"

static bool parse_fields(const char *s, struct tm *tm, bool with_time)
{
	int y, mo, d, h = 0, mi = 0, se = 0, n = 0;
	memset(tm, 0, sizeof *tm);
	if (with_time) {
		if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &se, &n) != 6
		    || n != 20 || s[n] != '\0')
			return false;
	} else {
		if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10 || s[n] != '\0')
			return false;
	}
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	if (y < 1900 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 60 || h < 0
	    || mi < 0 || se < 0)
		return false;
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int max = mdays[mo - 1];
	if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	if (d > max)
		return false;
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = se;
	return true;
}

bool clock_parse_date(const char *s, time_t *out)
{
	struct tm tm;
	if (!s || !parse_fields(s, &tm, false))
		return false;
	if (out)
		*out = timegm(&tm);
	return true;
}

bool clock_parse_iso(const char *s, time_t *out)
{
	struct tm tm;
	if (!s)
		return false;
	if (strlen(s) == 10)
		return clock_parse_date(s, out);
	if (!parse_fields(s, &tm, true))
		return false;
	if (out)
		*out = timegm(&tm);
	return true;
}

time_t clock_now(void)
{
	const char *fixed = getenv("CASUS_NOW");
	time_t t;
	if (fixed && *fixed && clock_parse_iso(fixed, &t))
		return t;
	return time(NULL);
}

void clock_format_date(time_t t, char buf[static 11])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

void clock_format_iso(time_t t, char buf[static 21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void clock_now_iso(char buf[static 21])
{
	clock_format_iso(clock_now(), buf);
}

void clock_today(char buf[static 11])
{
	/* "Today" is the date on the team's wall calendar: between midnight and 01:00 or
	 * 02:00 Dutch time the UTC date is still yesterday. TZ decides (tests use UTC). */
	time_t t = clock_now();
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

int clock_age_years(const char *birth, const char *on)
{
	int by, bm, bd, oy, om, od;
	if (!clock_parse_date(birth, NULL) || !clock_parse_date(on, NULL))
		return -1;
	sscanf(birth, "%d-%d-%d", &by, &bm, &bd);
	sscanf(on, "%d-%d-%d", &oy, &om, &od);
	int age = oy - by;
	if (om < bm || (om == bm && od < bd))
		age--;
	return age;
}

void clock_add_days(const char *date, int days, char out[static 11])
{
	time_t t;
	if (!clock_parse_date(date, &t)) {
		out[0] = '\0';
		return;
	}
	clock_format_date(t + (time_t)days * 86400, out);
}

long clock_days_between(const char *a, const char *b)
{
	time_t ta, tb;
	if (!clock_parse_date(a, &ta) || !clock_parse_date(b, &tb))
		return 0;
	return (long)((tb - ta) / 86400);
}

bool clock_local_day_start(const char *date, bool next_day, char out[static 21])
{
	int y, m, d;
	if (!clock_parse_date(date, NULL) || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return false;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d + next_day,
		.tm_isdst = -1 };
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return false;
	clock_format_iso(t, out);
	return true;
}
