#include "timestamp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "civil_time.h"
#include "lenient_time.h"
#include "python_chars.h"
#include "base/memory.h"
#include "base/regex.h"

/* ---- the standard forms ---------------------------------------------------- */

static struct regex epoch_plain = REGEX_INIT("-?[0-9]+(?:\\.[0-9]+)?");

static struct regex epoch_seconds =
	REGEX_INIT("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

/* ISO 8601, extended and basic. */
static struct regex iso_8601_strict = REGEX_INIT(
	"[0-9]{4}-[0-9]{2}-[0-9]{2}"
	"(?:[Tt ][0-9]{2}(?::[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)?"
	"(?:Z|z|[-+][0-9]{2}(?::?[0-9]{2})?)?)?"
	"|[0-9]{8}T[0-9]{2}(?:[0-9]{2}(?:[0-9]{2}(?:[.,][0-9]+)?)?)?"
	"(?:Z|[-+][0-9]{2}(?:[0-9]{2})?)?");

/* A YAML timestamp, which YAML loaders give the CLI as a datetime: month,
 * day and hour may have one digit. Groups: 1 year, 2 month, 3 day, 4 hour,
 * 5 minute, 6 second, 7 fraction, 8 zone. */
static struct regex iso_8601 = REGEX_INIT(
	"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
	"(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]+))?)?"
	"[ \\t]*(Z|z|[-+](?:[0-9]{1,2}(?::[0-9]{2})?|[0-9]{4}))?)?");

static struct regex rfc_822 = REGEX_INIT(
	"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?[0-9]{1,2} "
	"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
	"[0-9]{2}:[0-9]{2}(?::[0-9]{2})? (?:GMT|UTC|UT|Z|[-+][0-9]{4})");

struct regex *const timestamp_regexes[] = {
	&epoch_plain, &epoch_seconds, &iso_8601_strict, &iso_8601, &rfc_822, NULL,
};

enum { GROUPS = 9 };

static bool in_range(double seconds)
{
	return seconds >= (double)CIVIL_EARLIEST && seconds < (double)CIVIL_LATEST + 1;
}

static long long number_at(const char *text, const long *groups, int group)
{
	long long value = 0;

	for (long i = groups[2 * group]; i >= 0 && i < groups[2 * group + 1]; i++)
		value = value * 10 + (text[i] - '0');
	return value;
}

/* "+05:30", "-0800", "+02", "+5" (YAML allows an hour of one digit) or
 * "Z", in seconds east of UTC. */
static long zone_seconds(const char *zone, long len)
{
	long sign, hours = 0, minutes = 0, i = 1;

	if (len <= 1)
		return 0;
	sign = zone[0] == '-' ? -1 : 1;
	/* The hour: up to a colon, or the first two of four digits. */
	for (; i < len && zone[i] != ':' && !(len == 5 && i == 3); i++)
		hours = hours * 10 + (zone[i] - '0');
	for (i += i < len && zone[i] == ':'; i < len; i++)
		minutes = minutes * 10 + (zone[i] - '0');
	return sign * (hours * 3600 + minutes * 60);
}

/* A YAML timestamp; its fraction of a second is dropped, as the CLI sends
 * whole seconds. */
static bool parse_yaml_timestamp(const char *text, size_t len, double *seconds)
{
	long g[2 * GROUPS];
	struct civil c;
	long offset = 0;

	if (!regex_match(&iso_8601, text, len, g, GROUPS))
		return false;
	c = (struct civil){ number_at(text, g, 1), number_at(text, g, 2), number_at(text, g, 3),
			    number_at(text, g, 4), number_at(text, g, 5), number_at(text, g, 6) };
	if (g[16] >= 0)
		offset = zone_seconds(text + g[16], g[17] - g[16]);
	if (!civil_valid(&c) || offset <= -86400 || offset >= 86400)
		return false;
	*seconds = (double)(civil_to_seconds(&c) - offset);
	return in_range(*seconds);
}

/* ---- epoch seconds ---------------------------------------------------------- */

/* Python's float() over ASCII: spaces around, a sign, digits with single
 * underscores between them, a point, an exponent; or inf, infinity, nan.
 * (python_chars_bytes makes other text ASCII the way float() does first.) */
static bool python_float(const char *text, size_t len, double *value)
{
	char *clean = mem_malloc(len + 1), *end;
	size_t at = 0, i = 0;
	bool ok;

	if (!clean)
		return false;
	while (i < len && strchr(" \t\n\v\f\r", text[i]) && text[i])
		i++;
	while (len > i && strchr(" \t\n\v\f\r", text[len - 1]) && text[len - 1])
		len--;
	for (; i < len; i++) {
		char c = text[i];
		if (c == '_') {
			/* Only between two digits. */
			if (at == 0 || !(clean[at - 1] >= '0' && clean[at - 1] <= '9') ||
			    i + 1 >= len || !(text[i + 1] >= '0' && text[i + 1] <= '9'))
				break;
			continue;
		}
		clean[at++] = c;
	}
	clean[at] = '\0';
	ok = i == len && at > 0;
	if (ok) {
		const char *words[] = { "inf", "+inf", "-inf", "infinity", "+infinity",
					"-infinity", "nan", "+nan", "-nan" };
		bool word = false;
		for (size_t w = 0; w < sizeof words / sizeof *words; w++)
			word |= strcasecmp(clean, words[w]) == 0;
		ok = word || regex_match(&epoch_seconds, clean, at, NULL, 0);
		*value = ok ? strtod(clean, &end) : 0;
	}
	free(clean);
	return ok;
}

static bool all_digits(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return len > 0;
}

static long long digits_at(const char *text, size_t from, size_t count)
{
	long long value = 0;

	for (size_t i = from; i < from + count; i++)
		value = value * 10 + (text[i] - '0');
	return value;
}

static bool plausible_year(long long year)
{
	return year >= 1900 && year <= 2199;
}

/* Digits an author wrote as a date, which the CLI takes as epoch seconds:
 * a year (2030), a month (203001), an ordinal date (2030020), a basic
 * date (20300120), or a year and month with a point (2030.01). */
static bool looks_like_date(const char *text, size_t len)
{
	const char *dot = memchr(text, '.', len);

	if (dot) {
		size_t whole = (size_t)(dot - text), fraction = len - whole - 1;
		long long month;
		if (whole != 4 || fraction < 1 || fraction > 2 || !all_digits(text, 4) ||
		    !all_digits(dot + 1, fraction))
			return false;
		month = digits_at(dot + 1, 0, fraction);
		return plausible_year(digits_at(text, 0, 4)) && month >= 1 && month <= 12;
	}
	if (!all_digits(text, len) || len < 4 || len > 8 || !plausible_year(digits_at(text, 0, 4)))
		return false;
	if (len == 4)
		return true;
	if (len == 6)
		return digits_at(text, 4, 2) >= 1 && digits_at(text, 4, 2) <= 12;
	if (len == 7)
		return digits_at(text, 4, 3) >= 1 && digits_at(text, 4, 3) <= 366;
	if (len == 8) {
		struct civil c = { digits_at(text, 0, 4), digits_at(text, 4, 2),
				   digits_at(text, 6, 2), 0, 0, 0 };
		return civil_valid(&c);
	}
	return false;
}

/* Epoch seconds, written as text; the digits of a date among them are
 * looked for in ascii, the text as float() reads it. */
static struct timestamp_reading read_epoch(double value, const char *text, size_t len,
					   const char *ascii, size_t ascii_len)
{
	struct timestamp_reading r = { TIMESTAMP_REFUSED, 0, 0, "" };

	if (!in_range(value))
		return r;
	r.seconds = (double)civil_floor(value);
	r.form = regex_match(&epoch_plain, text, len, NULL, 0) ? TIMESTAMP_STANDARD
							      : TIMESTAMP_LOOSE;
	if (looks_like_date(ascii, ascii_len)) {
		r.form = TIMESTAMP_DOUBTFUL;
		r.doubts |= DOUBT_EPOCH_DIGITS;
	}
	return r;
}

/* ---- strings ----------------------------------------------------------------- */

/* What dateutil makes of the string, and whether it is a standard form
 * (which takes ASCII only: full-width digits are another form). */
static struct timestamp_reading read_date_string(const char *text, size_t len, double now)
{
	struct timestamp_reading r = { TIMESTAMP_REFUSED, 0, 0, "" };
	struct lenient_time t;

	if (!lenient_time_parse(text, len, now, &t))
		return r;
	r.seconds = t.seconds;
	r.doubts = t.doubts;
	memcpy(r.zone, t.zone, sizeof r.zone);
	/* UT is UTC: dateutil does not know the name, and reads UTC. */
	if (r.doubts == DOUBT_ZONE_IGNORED && strcmp(r.zone, "UT") == 0)
		r.doubts = 0;
	if (r.doubts)
		r.form = TIMESTAMP_DOUBTFUL;
	else if (regex_match(&iso_8601_strict, text, len, NULL, 0) ||
		 regex_match(&rfc_822, text, len, NULL, 0))
		r.form = TIMESTAMP_STANDARD;
	else
		r.form = TIMESTAMP_LOOSE;
	return r;
}

/* botocore's parse_timestamp: a string float() takes is epoch seconds;
 * when the number is out of range, dateutil gets the string after all
 * (the largest numbers make the CLI fail outright). */
static struct timestamp_reading read_string(const char *text, size_t len, double now)
{
	struct timestamp_reading r = { TIMESTAMP_REFUSED, 0, 0, "" };
	char *ascii = mem_malloc(len + 1);
	bool read_all = false;
	size_t ascii_len = ascii ? python_chars_bytes(text, len, ascii, &read_all) : 0;
	double value = 0;
	/* float() fails on a character other than ASCII that is no decimal
	 * digit and no space. */
	bool number = read_all && python_float(ascii, ascii_len, &value);

	if (number && (isnan(value) || isinf(value) || fabs(value) >= 1e17))
		; /* refused */
	else if (number && in_range(value))
		r = read_epoch(value, text, len, ascii, ascii_len);
	else
		r = read_date_string(text, len, now);
	free(ascii);
	return r;
}

/* Several rules read each timestamp of a request, and reading a string is
 * the costliest check there is (the CLI's lenient parser), so the last few
 * readings are kept: by the text itself, never by the node, whose memory
 * a later document may reuse. One memo a thread, for -j. */
enum { MEMO_COUNT = 4, MEMO_TEXT_MAX = 64 };

struct reading_memo {
	char text[MEMO_TEXT_MAX];
	size_t len; /* 0: the slot is empty (an empty string is read at once) */
	double now;
	struct timestamp_reading reading;
};

static _Thread_local struct reading_memo memos[MEMO_COUNT];
static _Thread_local unsigned memo_next;

static struct timestamp_reading read_string_once(const char *text, size_t len, double now)
{
	struct reading_memo *memo;

	if (len == 0 || len > MEMO_TEXT_MAX)
		return read_string(text, len, now);
	for (unsigned i = 0; i < MEMO_COUNT; i++) {
		memo = &memos[i];
		if (memo->len == len && memo->now == now && memcmp(memo->text, text, len) == 0)
			return memo->reading;
	}
	memo = &memos[memo_next++ % MEMO_COUNT];
	memcpy(memo->text, text, len);
	memo->len = len;
	memo->now = now;
	memo->reading = read_string(text, len, now);
	return memo->reading;
}

struct timestamp_reading timestamp_read(const struct node *node, double now)
{
	struct timestamp_reading r = { TIMESTAMP_REFUSED, 0, 0, "" };
	const struct scalar *s = &node->scalar;
	double value;

	if (node->kind != NODE_SCALAR)
		return r;
	switch (s->type) {
	case SCALAR_INT:
	case SCALAR_FLOAT:
		/* Epoch seconds, in any notation YAML or JSON has for a number;
		 * .inf and .nan are no time. */
		if (s->type == SCALAR_INT && s->int_overflow)
			return r;
		value = s->type == SCALAR_INT ? (double)s->int_value : 0;
		if (s->type == SCALAR_FLOAT &&
		    (!python_float(s->text, s->len, &value) || !isfinite(value)))
			return r;
		r = read_epoch(value, s->text, s->len, s->text, s->len);
		if (r.form == TIMESTAMP_LOOSE)
			r.form = TIMESTAMP_STANDARD;
		return r;
	case SCALAR_STRING:
		return read_string_once(s->text, s->len, now);
	case SCALAR_DATETIME:
		if (parse_yaml_timestamp(s->text, s->len, &r.seconds))
			r.form = TIMESTAMP_STANDARD;
		return r;
	case SCALAR_BOOL:
		/* bool is an int to Python: true is epoch second 1. */
		r.form = TIMESTAMP_DOUBTFUL;
		r.seconds = s->bool_value ? 1 : 0;
		r.doubts = DOUBT_BOOLEAN;
		return r;
	case SCALAR_DATE: /* the CLI refuses an unquoted YAML date */
	case SCALAR_NULL:
		return r;
	}
	return r;
}

bool timestamp_from_node(const struct node *node, double now, double *seconds)
{
	struct timestamp_reading r = timestamp_read(node, now);

	*seconds = r.seconds;
	return r.form != TIMESTAMP_REFUSED;
}

/* ---- --now -------------------------------------------------------------------- */

static bool parse_rfc_822(const char *text, size_t len, double *seconds)
{
	struct lenient_time t;

	if (!regex_match(&rfc_822, text, len, NULL, 0) || !lenient_time_parse(text, len, 0, &t))
		return false;
	*seconds = t.seconds;
	return true;
}

bool timestamp_parse(const char *text, size_t len, double *seconds)
{
	if (regex_match(&epoch_seconds, text, len, NULL, 0)) {
		*seconds = strtod(text, NULL);
		return in_range(*seconds);
	}
	return parse_yaml_timestamp(text, len, seconds) || parse_rfc_822(text, len, seconds);
}

struct timestamp_text timestamp_format(double seconds)
{
	struct timestamp_text out;
	struct civil c = civil_from_seconds(seconds);

	snprintf(out.text, sizeof out.text, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)c.year,
		 (int)c.month, (int)c.day, (int)c.hour, (int)c.minute, (int)c.second);
	return out;
}

void timestamp_release(void)
{
	for (struct regex *const *regex = timestamp_regexes; *regex; regex++)
		regex_release(*regex);
}
