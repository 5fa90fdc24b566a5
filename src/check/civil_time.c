#include "civil_time.h"

static bool is_leap(long long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool civil_valid(const struct civil *c)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (c->year < 1 || c->year > 9999 || c->month < 1 || c->month > 12 || c->day < 1)
		return false;
	if (c->day > days[c->month - 1] + (c->month == 2 && is_leap(c->year)))
		return false;
	return c->hour >= 0 && c->hour <= 23 && c->minute >= 0 && c->minute <= 59 &&
	       c->second >= 0 && c->second <= 59;
}

/* Days from 1970-01-01 to a date (Howard Hinnant's days_from_civil). */
static long long days_from_civil(long long year, long long month, long long day)
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
static void civil_from_days(long long days, struct civil *c)
{
	days += 719468;
	long long era = (days >= 0 ? days : days - 146096) / 146097;
	long long day_of_era = days - era * 146097;
	long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
				 day_of_era / 146096) / 365;
	long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 -
					      year_of_era / 100);
	long long shifted_month = (5 * day_of_year + 2) / 153;

	c->day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
	c->month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
	c->year = year_of_era + era * 400 + (c->month <= 2);
}

long long civil_to_seconds(const struct civil *c)
{
	return days_from_civil(c->year, c->month, c->day) * 86400 + c->hour * 3600 +
	       c->minute * 60 + c->second;
}

long long civil_floor(double seconds)
{
	long long whole = (long long)seconds; /* toward zero */

	return (double)whole > seconds ? whole - 1 : whole;
}

struct civil civil_from_seconds(double seconds)
{
	struct civil c;
	long long whole, days, second_of_day;

	if (!(seconds >= (double)CIVIL_EARLIEST))
		seconds = (double)CIVIL_EARLIEST;
	if (seconds > (double)CIVIL_LATEST)
		seconds = (double)CIVIL_LATEST;
	whole = civil_floor(seconds);
	days = whole >= 0 ? whole / 86400 : -((-whole + 86399) / 86400);
	second_of_day = whole - days * 86400;
	civil_from_days(days, &c);
	c.hour = second_of_day / 3600;
	c.minute = second_of_day / 60 % 60;
	c.second = second_of_day % 60;
	return c;
}

int civil_weekday(const struct civil *c)
{
	/* 1970-01-01 was a Thursday, 3 with Monday 0. */
	long long days = days_from_civil(c->year, c->month, c->day);
	return (int)(((days + 3) % 7 + 7) % 7);
}
