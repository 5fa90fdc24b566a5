/* Schedule times as CloudFormation's resource handler for the experiment
 * reads them. The template's schema calls StartTime and EndTime strings,
 * but the handler turns them into instants with the AWS SDK for Java's
 * ISO 8601 parser, which takes far fewer forms than the AWS CLI: an ISO
 * 8601 date and time with seconds and Z is taken by every build of the
 * handler; one with an offset (+02:00), or without seconds, only by
 * current ones; anything else (a date alone, epoch seconds, RFC 822, a
 * time without a zone) fails the stack operation at deploy time. */
#ifndef IELINT_HANDLER_TIME_H
#define IELINT_HANDLER_TIME_H

#include <stdbool.h>

#include "load/node.h"

enum handler_form {
	HANDLER_EVERY_BUILD,    /* 2030-01-10T00:00:00Z, 2030-01-10T00:00:00.000Z */
	HANDLER_CURRENT_BUILDS, /* 2030-01-10T02:00:00+02:00, 2030-01-10T00:00Z */
	HANDLER_UNPARSEABLE,
};

/* What an unparseable value is, for its message. */
enum handler_miss {
	MISS_NONE,
	MISS_NOT_TEXT,    /* null, a list, a mapping */
	MISS_NUMBER,      /* 1894060800: sent as text, and no epoch seconds */
	MISS_BOOLEAN,     /* sent as "true" */
	MISS_EPOCH_TEXT,  /* "1894060800" */
	MISS_DATE_ONLY,   /* 2030-01-10 */
	MISS_RFC_822,     /* Thu, 10 Jan 2030 00:00:00 GMT */
	MISS_NO_ZONE,     /* 2030-01-10T00:00:00 */
	MISS_NOT_ASCII,   /* full-width digits, a no-break space */
	MISS_OTHER,
};

struct handler_reading {
	enum handler_form form;
	enum handler_miss miss;
	/* known: seconds is the instant the value says exactly, the
	 * handler's when it parses the value; for one it cannot parse, the
	 * value's own (a date is its midnight UTC; RFC 822 with its zone),
	 * which a fix may write in the handler's form. readable: seconds is
	 * at least the AWS CLI's reading of the value (a time without a zone
	 * read as UTC, digits as epoch seconds), offered in words only. */
	bool known;
	bool readable;
	double seconds;
	bool exact_in_z; /* the Z form says it to the second: no fraction lost */
	/* How the value says it: "an offset", "no seconds" (the current
	 * builds' forms), for messages. */
	const char *why_current;
	unsigned first_non_ascii; /* the code point, for MISS_NOT_ASCII */
};

/* How the handler reads the value CloudFormation sends for node, on the
 * day now (for the readings of messages only). */
struct handler_reading handler_time_read(const struct node *node, double now);

/* The instant the handler makes of node, when it parses it. */
bool handler_time_instant(const struct node *node, double *seconds);

#endif
