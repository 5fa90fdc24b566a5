/* Lengths of time as people say them: "41 days", "30 days 1 hour",
 * "2 hours 30 minutes", without a zero part. */
#ifndef IELINT_DURATION_H
#define IELINT_DURATION_H

struct duration_text {
	char text[64];
};

/* The largest unit (day, hour, minute, second) of a length of at least a
 * second, and the next unit when it is not zero, in whole units; a shorter
 * or negative length is "0 seconds", a longer one than the years 1 to 9999
 * is their length. */
struct duration_text duration_text(double seconds);

#endif
