/* A template's schedule times, as CloudFormation's resource handler
 * parses them (handler_time.h): the schema takes any string, so a form
 * the handler cannot parse passes every check of the template and fails
 * the stack operation at deploy time. The catalog gives these rules to
 * templates only; a request's times are the AWS CLI's (shape_timestamps.c). */
#include "shape_rules.h"

#include <stdio.h>

#include "deploy_rules.h"
#include "fix.h"
#include "handler_time.h"
#include "timestamp.h"

/* A value as a message shows it: a string quoted, a number as written. */
static struct quoted shown(const struct node *node)
{
	return node->scalar.type == SCALAR_STRING ? quote(node->scalar.text, node->scalar.len)
						  : shorten(node->scalar.text, node->scalar.len);
}

/* What the value is, in words, for "StartTime ... is %s". */
static const char *form_words(const struct handler_reading *r, char *buffer, size_t size)
{
	switch (r->miss) {
	case MISS_NUMBER:
		return "a number";
	case MISS_BOOLEAN:
		return "a boolean";
	case MISS_EPOCH_TEXT:
		return "epoch seconds";
	case MISS_DATE_ONLY:
		return "a date without a time";
	case MISS_RFC_822:
		return "an RFC 822 date";
	case MISS_NO_ZONE:
		return "a date and time without a zone";
	case MISS_NOT_ASCII:
		snprintf(buffer, size, "written with a character other than ASCII (U+%04X)",
			 r->first_non_ascii);
		return buffer;
	case MISS_NONE:
	case MISS_NOT_TEXT:
	case MISS_OTHER:
		break;
	}
	return "not an ISO 8601 date and time with a zone";
}

/* Why the handler cannot parse a value that looks like a time to others. */
static const char *why_words(const struct handler_reading *r)
{
	switch (r->miss) {
	case MISS_NUMBER:
		return " (it gets the number as text, and reads no epoch seconds)";
	case MISS_BOOLEAN:
		return " (it gets the boolean as text)";
	case MISS_EPOCH_TEXT:
		return " (it reads no epoch seconds)";
	default:
		return "";
	}
}

/* What to write instead: the same instant when the value says it exactly,
 * else the AWS CLI's reading as a guess, else the form alone. */
static const char *advice_words(const struct handler_reading *r, const char *instant,
				char *buffer, size_t size)
{
	if (r->readable && (r->miss == MISS_NUMBER || r->miss == MISS_EPOCH_TEXT))
		snprintf(buffer, size, "write it in ISO 8601 with Z (\"%s\", if it means epoch "
			 "seconds)", instant);
	else if (r->known)
		snprintf(buffer, size, "write \"%s\", the same instant", instant);
	else if (r->readable && r->miss == MISS_NO_ZONE)
		snprintf(buffer, size, "give its zone: \"%s\" if it is UTC", instant);
	else if (r->readable)
		snprintf(buffer, size, "write it in ISO 8601 with Z (\"%s\", if that is the "
			 "time meant)", instant);
	else
		snprintf(buffer, size, "write an ISO 8601 date and time with Z, such as "
			 "\"2030-01-10T00:00:00Z\"");
	return buffer;
}

bool rule_handler_unparseable_time(struct checker *c, const struct shape *shape,
				   const struct node *node)
{
	struct handler_reading r;
	char form[96], advice[160];

	if (shape->type != SHAPE_TIMESTAMP ||
	    (r = handler_time_read(node, c->now)).form != HANDLER_UNPARSEABLE)
		return true;
	if (r.miss == MISS_NOT_TEXT) {
		report(c, node->span, "%s must be an ISO 8601 date and time with a zone, such as "
		       "\"2030-01-10T00:00:00Z\"; found %s", label(c), shape_describe(node).text);
		return false;
	}
	struct timestamp_text instant = timestamp_format(r.seconds);
	if (report(c, node->span,
		   "%s %s is %s: %s, but its resource handler cannot parse the time%s, so "
		   "%s; %s",
		   label(c), shown(node).text, form_words(&r, form, sizeof form),
		   deploy_words_of(c->type.kind)->accepts, why_words(&r),
		   deploy_words_of(c->type.kind)->fails,
		   advice_words(&r, instant.text, advice, sizeof advice)) &&
	    r.known)
		fix_string(c->diags, node, instant.text, strlen(instant.text));
	return false;
}

bool rule_handler_offset_time(struct checker *c, const struct shape *shape,
			      const struct node *node)
{
	struct handler_reading r;

	if (shape->type != SHAPE_TIMESTAMP ||
	    (r = handler_time_read(node, c->now)).form != HANDLER_CURRENT_BUILDS)
		return true;
	struct timestamp_text instant = timestamp_format(r.seconds);
	if (report(c, node->span,
		   "%s %s has %s, which current builds of CloudFormation's resource handler "
		   "parse but older ones did not; \"%s\"%s is the form every build takes",
		   label(c), shown(node).text, r.why_current, instant.text,
		   r.exact_in_z ? ", the same instant," : " (to the second)") &&
	    r.exact_in_z)
		fix_string(c->diags, node, instant.text, strlen(instant.text));
	return false;
}
