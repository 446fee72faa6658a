/* The clock. CASUS_NOW (an ISO-8601 UTC time "2026-11-23T09:00:00Z" or a date)
 * fixes it for tests and demos; otherwise the system clock. All stored times are UTC. */
#ifndef CASUS_CLOCK_H
#define CASUS_CLOCK_H
#include <stdbool.h>
#include <time.h>

time_t clock_now(void);
/* Write now as "YYYY-MM-DDTHH:MM:SSZ" (buf >= 21 bytes). */
void clock_now_iso(char buf[static 21]);
/* Write today's date "YYYY-MM-DD" (buf >= 11 bytes). */
void clock_today(char buf[static 11]);
void clock_format_date(time_t t, char buf[static 11]);
void clock_format_iso(time_t t, char buf[static 21]);
/* Parse a strict "YYYY-MM-DD" with a real calendar day; sets *out to its UTC midnight. */
bool clock_parse_date(const char *s, time_t *out);
/* The stored (UTC) time at which the local calendar day `date` ("YYYY-MM-DD")
 * begins, or with next_day the day after it (an exclusive end); false when date is
 * not a real day. For filtering stored times by the days a user means. */
bool clock_local_day_start(const char *date, bool next_day, char out[static 21]);
/* Parse "YYYY-MM-DDTHH:MM:SSZ" or a date. */
bool clock_parse_iso(const char *s, time_t *out);
/* Whole years between birth date and on (both "YYYY-MM-DD"); -1 if unparseable. */
int clock_age_years(const char *birth, const char *on);
/* Date plus a number of days. */
void clock_add_days(const char *date, int days, char out[static 11]);
/* Days from a to b (b - a); both dates. */
long clock_days_between(const char *a, const char *b);

#endif
