/* How the AWS CLI reads a time string that is not a number: with the
 * lenient parser of python-dateutil 2.8.2 (dateutil.parser.parse, month
 * first, missing parts from the day it runs, a zone name it does not know
 * ignored). This is that parser's algorithm, ported, so that ielint takes
 * every string the CLI takes, as the instant it sends, and can say what
 * in a string the author may not have meant. */
#ifndef IELINT_LENIENT_TIME_H
#define IELINT_LENIENT_TIME_H

#include <stdbool.h>
#include <stddef.h>

/* What makes a reading depend on more than the string, or differ from
 * what it seems to say. */
enum lenient_doubt {
	DOUBT_NO_YEAR = 1 << 0,        /* the year is the current one */
	DOUBT_NO_MONTH = 1 << 1,       /* the month is the current one */
	DOUBT_NO_DAY = 1 << 2,         /* the day is today's (of the month) */
	DOUBT_WEEKDAY_ONLY = 1 << 3,   /* the next such weekday from today */
	DOUBT_TWO_DIGIT_YEAR = 1 << 4, /* the century nearest the current year */
	DOUBT_MONTH_FIRST = 1 << 5,    /* 02/03: two numbers of 12 or less */
	DOUBT_ZONE_IGNORED = 1 << 6,   /* a zone name it does not know: UTC */
	DOUBT_SIGN_REVERSED = 1 << 7,  /* UTC+2 is two hours behind UTC */
	DOUBT_TWELVE_AM = 1 << 8,      /* 12 AM is midnight */
	DOUBT_WEEKDAY_IGNORED = 1 << 9, /* a weekday that is not the date's */
};

struct lenient_time {
	double seconds;  /* since 1970-01-01T00:00:00Z, whole, as the CLI sends */
	unsigned doubts; /* enum lenient_doubt bits */
	char zone[8];    /* the zone name, for DOUBT_ZONE_IGNORED and _SIGN_ */
};

/* Reads text (ASCII; any other byte is left to the caller) as the CLI's
 * parser does, with `now` (seconds since 1970, UTC) as the day it runs.
 * False when the CLI would refuse the string. */
bool lenient_time_parse(const char *text, size_t len, double now,
			struct lenient_time *out);

#endif
