#include "timestamp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/regex.h"

static struct regex epoch_seconds =
	REGEX_INIT("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

/* Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 fraction,
 * 8 zone. Month, day and hour may have one digit, as YAML allows. */
static struct regex iso_8601 = REGEX_INIT(
	"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
	"(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]+))?)?"
	"[ \\t]*(Z|z|[-+][0-9]{2}(?::?[0-9]{2})?)?)?");

/* Groups: 1 day, 2 month name, 3 year, 4 hour, 5 minute, 6 second, 7 zone. */
static struct regex rfc_822 = REGEX_INIT(
	"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?([0-9]{1,2}) "
	"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) "
	"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))? (GMT|UTC|UT|Z|[-+][0-9]{4})");

enum { GROUPS = 9 };

/* The AWS CLI reads times into Python datetimes, which hold the years 1 to
 * 9999: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. It refuses (or
 * fails on) anything outside. */
static const double earliest = -62135596800.0, latest = 253402300799.0;

static bool in_range(double seconds)
{
	return seconds >= earliest && seconds < latest + 1;
}

struct civil {
	int year, month, day, hour, minute, second;
	double fraction;
	int offset_minutes; /* east of UTC */
};

static int number_at(const char *text, const long *groups, int group, int fallback)
{
	long start = groups[2 * group], end = groups[2 * group + 1];
	int value = 0;

	if (start < 0)
		return fallback;
	for (long i = start; i < end; i++)
		value = value * 10 + (text[i] - '0');
	return value;
}

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static bool civil_valid(const struct civil *c)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (c->month < 1 || c->month > 12 || c->day < 1)
		return false;
	if (c->day > days[c->month - 1] + (c->month == 2 && is_leap(c->year)))
		return false;
	return c->hour <= 23 && c->minute <= 59 && c->second <= 59 &&
	       c->offset_minutes > -24 * 60 && c->offset_minutes < 24 * 60;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil). */
static long long days_from_civil(long long year, int month, int day)
{
	year -= month <= 2;
	long long era = (year >= 0 ? year : year - 399) / 400;
	long long year_of_era = year - era * 400;
	long long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 +
			       day_of_year;
	return era * 146097 + day_of_era - 719468;
}

/* The inverse: the date of a day counted from 1970-01-01. */
static void civil_from_days(long long days, long long *year, int *month, int *day)
{
	days += 719468;
	long long era = (days >= 0 ? days : days - 146096) / 146097;
	long long day_of_era = days - era * 146097;
	long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
				 day_of_era / 146096) / 365;
	long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 -
					      year_of_era / 100);
	long long shifted_month = (5 * day_of_year + 2) / 153;

	*day = (int)(day_of_year - (153 * shifted_month + 2) / 5 + 1);
	*month = (int)(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
	*year = year_of_era + era * 400 + (*month <= 2);
}

static double civil_seconds(const struct civil *c)
{
	long long days = days_from_civil(c->year, c->month, c->day);

	return (double)(days * 86400 + c->hour * 3600 + c->minute * 60 + c->second -
			c->offset_minutes * 60) + c->fraction;
}

/* "+05:30", "-0800", "+02" or "Z" */
static int zone_minutes(const char *zone, long len)
{
	int sign, hours, minutes = 0;

	if (len <= 1)
		return 0;
	sign = zone[0] == '-' ? -1 : 1;
	hours = (zone[1] - '0') * 10 + (zone[2] - '0');
	if (len > 3) {
		const char *m = zone + (zone[3] == ':' ? 4 : 3);
		minutes = (m[0] - '0') * 10 + (m[1] - '0');
	}
	return sign * (hours * 60 + minutes);
}

static bool parse_iso_8601(const char *text, size_t len, double *seconds)
{
	long g[2 * GROUPS];
	struct civil c = { 0 };

	if (!regex_match(&iso_8601, text, len, g, GROUPS))
		return false;
	c.year = number_at(text, g, 1, 0);
	c.month = number_at(text, g, 2, 0);
	c.day = number_at(text, g, 3, 0);
	c.hour = number_at(text, g, 4, 0);
	c.minute = number_at(text, g, 5, 0);
	c.second = number_at(text, g, 6, 0);
	double scale = 0.1;
	for (long i = g[14]; i >= 0 && i < g[15]; i++, scale /= 10)
		c.fraction += (text[i] - '0') * scale;
	if (g[16] >= 0)
		c.offset_minutes = zone_minutes(text + g[16], g[17] - g[16]);
	if (!civil_valid(&c))
		return false;
	*seconds = civil_seconds(&c);
	return in_range(*seconds);
}

static int month_number(const char *name)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	for (int i = 0; i < 12; i++)
		if (memcmp(name, months[i], 3) == 0)
			return i + 1;
	return 0;
}

static bool parse_rfc_822(const char *text, size_t len, double *seconds)
{
	long g[2 * GROUPS];
	struct civil c = { 0 };

	if (!regex_match(&rfc_822, text, len, g, 8))
		return false;
	c.day = number_at(text, g, 1, 0);
	c.month = month_number(text + g[4]);
	c.year = number_at(text, g, 3, 0);
	c.hour = number_at(text, g, 4, 0);
	c.minute = number_at(text, g, 5, 0);
	c.second = number_at(text, g, 6, 0);
	if (text[g[14]] == '+' || text[g[14]] == '-')
		c.offset_minutes = zone_minutes(text + g[14], g[15] - g[14]);
	if (!civil_valid(&c))
		return false;
	*seconds = civil_seconds(&c);
	return in_range(*seconds);
}

static bool parse_epoch(const char *text, size_t len, double *seconds)
{
	if (!regex_match(&epoch_seconds, text, len, NULL, 0))
		return false;
	*seconds = strtod(text, NULL);
	return in_range(*seconds);
}

bool timestamp_parse(const char *text, size_t len, double *seconds)
{
	return parse_epoch(text, len, seconds) || parse_iso_8601(text, len, seconds) ||
	       parse_rfc_822(text, len, seconds);
}

bool timestamp_from_node(const struct node *node, double *seconds)
{
	if (node->kind != NODE_SCALAR)
		return false;
	switch (node->scalar.type) {
	case SCALAR_INT:
		*seconds = (double)node->scalar.int_value;
		return !node->scalar.int_overflow && in_range(*seconds);
	case SCALAR_FLOAT:
		/* Epoch seconds with a fraction; .inf and .nan are no time. */
		return parse_epoch(node->scalar.text, node->scalar.len, seconds);
	case SCALAR_STRING:
		return timestamp_parse(node->scalar.text, node->scalar.len, seconds);
	case SCALAR_DATETIME:
		return parse_iso_8601(node->scalar.text, node->scalar.len, seconds);
	case SCALAR_DATE:  /* the AWS CLI refuses an unquoted YAML date */
	case SCALAR_BOOL:  /* it lets a boolean through, but it is no time */
	case SCALAR_NULL:
		return false;
	}
	return false;
}

struct timestamp_text timestamp_format(double seconds)
{
	struct timestamp_text out;
	long long whole, days, year;
	int month, day, second_of_day;

	if (!in_range(seconds))
		seconds = seconds < earliest ? earliest : latest;
	whole = (long long)floor(seconds);
	days = whole >= 0 ? whole / 86400 : -((-whole + 86399) / 86400);
	second_of_day = (int)(whole - days * 86400);
	civil_from_days(days, &year, &month, &day);
	snprintf(out.text, sizeof out.text, "%04d-%02d-%02dT%02d:%02d:%02dZ",
		 (int)year, month, day, second_of_day / 3600, second_of_day / 60 % 60,
		 second_of_day % 60);
	return out;
}

void timestamp_release(void)
{
	regex_release(&epoch_seconds);
	regex_release(&iso_8601);
	regex_release(&rfc_822);
}
