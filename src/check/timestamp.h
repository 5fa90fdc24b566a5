/* Timestamps as the AWS CLI reads them for a member of type timestamp:
 * a number is epoch seconds; a string that Python's float() takes is too
 * (with Unicode decimal digits, and Unicode spaces around it); any other
 * string goes to dateutil's lenient parser (lenient_time.h), which reads
 * Unicode as Python does. What it sends is whole seconds. ielint tells the standard forms (ISO
 * 8601, RFC 822, epoch seconds) from the others the CLI still takes, and
 * those from the ones whose reading may not be what the author meant. */
#ifndef IELINT_TIMESTAMP_H
#define IELINT_TIMESTAMP_H

#include <stdbool.h>
#include <stddef.h>

#include "lenient_time.h"
#include "load/node.h"

enum timestamp_form {
	TIMESTAMP_STANDARD, /* ISO 8601, RFC 822 or epoch seconds */
	TIMESTAMP_LOOSE,    /* another form, read as the time it plainly says */
	TIMESTAMP_DOUBTFUL, /* read, but perhaps not as the author meant */
	TIMESTAMP_REFUSED,  /* the AWS CLI would not send it */
};

/* Beyond enum lenient_doubt's: doubts about the values dateutil never sees. */
enum {
	DOUBT_EPOCH_DIGITS = 1 << 16, /* 20300120: epoch seconds, not a date */
	DOUBT_BOOLEAN = 1 << 17,      /* true is epoch second 1 */
};

struct timestamp_reading {
	enum timestamp_form form;
	double seconds;  /* since 1970-01-01T00:00:00Z: what the CLI sends, unless refused */
	unsigned doubts; /* enum lenient_doubt and the DOUBT_ bits above */
	char zone[8];    /* the zone name a doubt is about */
};

/* How the CLI reads the node, on the day `now` (seconds since 1970), for
 * a string that lacks a part of its date. */
struct timestamp_reading timestamp_read(const struct node *node, double now);

/* The instant the node stands for, when the CLI would send one. */
bool timestamp_from_node(const struct node *node, double now, double *seconds);

/* Parses text alone (ISO 8601, RFC 822 or epoch seconds), as for --now. */
bool timestamp_parse(const char *text, size_t len, double *seconds);

/* An instant (of the years 1 to 9999) as text for messages:
 * 2030-01-10T00:00:00Z. */
struct timestamp_text {
	char text[32];
};
struct timestamp_text timestamp_format(double seconds);

void timestamp_release(void);

struct regex;
/* The patterns timestamps are read matches with, ending with NULL: the build compiles
 * them ahead (see regex_use_built). */
extern struct regex *const timestamp_regexes[];

#endif
