/* A timestamp member's value, read as the AWS CLI reads it (timestamp.h):
 * refused, read though not in a standard form, or read in a way its
 * author may not mean. */
#include "shape_rules.h"

#include <stdio.h>

#include "fix.h"
#include "timestamp.h"

/* Whether an unquoted date, once quoted, is a date the AWS CLI takes:
 * quoting 2030-00-17 would leave it refused. */
static bool quoted_date_reads(const struct node *node)
{
	double seconds;

	return timestamp_parse(node->scalar.text, node->scalar.len, &seconds);
}

bool rule_invalid_timestamp(struct checker *c, const struct shape *shape,
			    const struct node *node)
{
	if (shape->type != SHAPE_TIMESTAMP ||
	    timestamp_read(node, c->now).form != TIMESTAMP_REFUSED)
		return true;
	bool quotable = is_scalar_of(node, SCALAR_DATE) && quoted_date_reads(node);
	if (report(c, node->span,
		   "%s must be a timestamp: ISO 8601 (\"2030-01-10T00:00:00Z\"), "
		   "RFC 822 or epoch seconds; found %s%s",
		   label(c), shape_describe(node).text,
		   quotable ? " (quote it: the AWS CLI refuses an unquoted date)" : "") &&
	    quotable)
		fix_quote(c->diags, node);
	return false;
}

bool rule_nonstandard_timestamp(struct checker *c, const struct shape *shape,
				const struct node *node)
{
	struct timestamp_reading r;

	if (shape->type != SHAPE_TIMESTAMP ||
	    (r = timestamp_read(node, c->now)).form != TIMESTAMP_LOOSE)
		return true;
	/* The same instant in the standard form: what the CLI sends stays. */
	struct timestamp_text standard = timestamp_format(r.seconds);
	if (report(c, node->span,
		   "%s %s is not ISO 8601, RFC 822 or epoch seconds; the AWS CLI reads it "
		   "as %s: write \"%s\"", label(c),
		   quote(node->scalar.text, node->scalar.len).text, standard.text, standard.text))
		fix_string(c->diags, node, standard.text, strlen(standard.text));
	return false;
}

/* What of the date is missing, when the CLI fills it in from today. */
static const char *missing_parts(unsigned doubts)
{
	unsigned missing = doubts & (DOUBT_NO_YEAR | DOUBT_NO_MONTH | DOUBT_NO_DAY);

	if (missing == (DOUBT_NO_YEAR | DOUBT_NO_MONTH | DOUBT_NO_DAY))
		return "no date, and the AWS CLI takes the day it runs";
	if (missing == (DOUBT_NO_YEAR | DOUBT_NO_DAY))
		return "no year and no day, and the AWS CLI takes them from the day it runs";
	if (missing == DOUBT_NO_YEAR)
		return "no year, and the AWS CLI takes the year of the day it runs";
	if (missing == DOUBT_NO_DAY)
		return "no day, and the AWS CLI takes the day of the month it runs";
	return missing ? "no full date, and the AWS CLI fills it in from the day it runs" : NULL;
}

/* Why a reading may not be the time meant, in words. */
static const char *doubt_reason(const struct timestamp_reading *r, char *buffer, size_t size)
{
	static const struct {
		unsigned doubt;
		const char *why;
	} reasons[] = {
		{ DOUBT_EPOCH_DIGITS, "digits alone are epoch seconds to the AWS CLI, not a date" },
		{ DOUBT_BOOLEAN, "the AWS CLI takes a boolean as epoch second 1 (true) or 0 (false)" },
		{ DOUBT_MONTH_FIRST, "the AWS CLI reads two numbers of 12 or less month first" },
		{ DOUBT_SIGN_REVERSED, "the AWS CLI reads an offset after a zone name the POSIX "
				       "way, with its sign reversed (UTC+2 is two hours behind UTC)" },
		{ DOUBT_TWO_DIGIT_YEAR, "the year has two digits, and the AWS CLI takes the "
					"century nearest the day it runs" },
		{ DOUBT_WEEKDAY_ONLY, "it names only a weekday, and the AWS CLI takes the next "
				      "one from the day it runs" },
		{ DOUBT_TWELVE_AM, "12 AM is midnight at the start of the day" },
		{ DOUBT_WEEKDAY_IGNORED, "the weekday is not the date's, and the AWS CLI ignores it" },
	};

	const char *missing = missing_parts(r->doubts);

	if (missing && !(r->doubts & (DOUBT_EPOCH_DIGITS | DOUBT_WEEKDAY_ONLY))) {
		snprintf(buffer, size, "it has %s", missing);
		return buffer;
	}
	if (r->doubts & DOUBT_ZONE_IGNORED) {
		snprintf(buffer, size, "the AWS CLI does not know the zone name %s: it reads the "
			 "time as UTC, or in the zone of the machine it runs on when that is %s",
			 r->zone, r->zone);
		return buffer;
	}
	for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
		if (r->doubts & reasons[i].doubt)
			return reasons[i].why;
	return "the AWS CLI may read it otherwise than it reads";
}

/* A value as a message shows it: a string quoted, a number as written. */
static struct quoted value_text(const struct node *node)
{
	return node->scalar.type == SCALAR_STRING ? quote(node->scalar.text, node->scalar.len)
						  : shorten(node->scalar.text, node->scalar.len);
}

bool rule_ambiguous_timestamp(struct checker *c, const struct shape *shape,
			      const struct node *node)
{
	struct timestamp_reading r;
	char why[256];

	if (shape->type != SHAPE_TIMESTAMP ||
	    (r = timestamp_read(node, c->now)).form != TIMESTAMP_DOUBTFUL)
		return true;
	/* What the CLI fills in from its clock, ielint takes from --now. */
	bool dated = r.doubts & (DOUBT_NO_YEAR | DOUBT_NO_MONTH | DOUBT_NO_DAY |
				 DOUBT_WEEKDAY_ONLY | DOUBT_TWO_DIGIT_YEAR);
	char day[16];
	snprintf(day, sizeof day, "%.10s", timestamp_format(c->now).text);
	report(c, node->span,
	       "%s %s may not be the time meant: %s, so%s%s%s it sends %s; write the time "
	       "meant in ISO 8601 (\"%s\", if that is it)", label(c), value_text(node).text,
	       doubt_reason(&r, why, sizeof why), dated ? ", run on " : "", dated ? day : "",
	       dated ? "," : "", timestamp_format(r.seconds).text,
	       timestamp_format(r.seconds).text);
	return false;
}
