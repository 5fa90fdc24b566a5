/* Dates and times of the proleptic Gregorian calendar, in UTC, and the
 * seconds since 1970 they stand for, within the years 1 to 9999 that the
 * AWS CLI (Python's datetime) can hold. */
#ifndef IELINT_CIVIL_TIME_H
#define IELINT_CIVIL_TIME_H

#include <stdbool.h>

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
#define CIVIL_EARLIEST (-62135596800LL)
#define CIVIL_LATEST 253402300799LL

struct civil {
	long long year;
	long long month, day, hour, minute, second;
};

/* A real date and time of the years 1 to 9999 (no leap second). */
bool civil_valid(const struct civil *c);

long long civil_to_seconds(const struct civil *c);

/* The whole second at or before `seconds`, which is within the years 1 to
 * 9999: floor() without the maths library, which ielint does not link,
 * since loading it took a tenth of a one-document run. */
long long civil_floor(double seconds);

/* The date and time of a second; seconds outside the years 1 to 9999 are
 * taken as the nearest of those. */
struct civil civil_from_seconds(double seconds);

/* Monday is 0, as Python's weekday(). */
int civil_weekday(const struct civil *c);

#endif
