/* Timestamps as the AWS CLI reads them for a member of type timestamp:
 * ISO 8601 (with or without a zone; none means UTC), RFC 822, or epoch
 * seconds as a number or a numeric string. */
#ifndef IELINT_TIMESTAMP_H
#define IELINT_TIMESTAMP_H

#include <stdbool.h>

#include "load/node.h"

/* The instant the node stands for, in seconds since 1970-01-01T00:00:00Z,
 * or false when the AWS CLI would not take it as a timestamp (outside the
 * years 1 to 9999, among others). */
bool timestamp_from_node(const struct node *node, double *seconds);

/* Parses text alone (ISO 8601, RFC 822 or epoch seconds), as for --now. */
bool timestamp_parse(const char *text, size_t len, double *seconds);

/* An instant (of the years 1 to 9999) as text for messages:
 * 2030-01-10T00:00:00Z. */
struct timestamp_text {
	char text[32];
};
struct timestamp_text timestamp_format(double seconds);

void timestamp_release(void);

#endif
