#include "handler_time.h"

#include <string.h>

#include "civil_time.h"
#include "timestamp.h"

/* ---- the forms the handler parses ---------------------------------------- */

/* The SDK tries Java's ISO_INSTANT, then yyyy-MM-dd'T'HH:mm:ss'Z', then (in
 * current releases) ISO_OFFSET_DATE_TIME, after turning a trailing +0000
 * into Z. Together: a date, T, hours and minutes, seconds with up to nine
 * digits of fraction, and Z or an offset; ISO_INSTANT reads T and Z in
 * either case, and 24:00:00 and 23:59:60 too. */
struct iso_time {
	struct civil civil;
	bool has_seconds;
	bool fraction_nonzero;
	bool zone_z;   /* Z, or +0000 made Z */
	bool offset;   /* another offset: +02:00, -0500, +02 */
	long offset_seconds;
};

struct cursor {
	const char *text;
	size_t len, at;
};

static bool take_char(struct cursor *c, const char *any)
{
	if (c->at < c->len && c->text[c->at] && strchr(any, c->text[c->at])) {
		c->at++;
		return true;
	}
	return false;
}

static bool take_digits(struct cursor *c, size_t count, long long *value)
{
	*value = 0;
	for (size_t i = 0; i < count; i++, c->at++) {
		if (c->at >= c->len || c->text[c->at] < '0' || c->text[c->at] > '9')
			return false;
		*value = *value * 10 + (c->text[c->at] - '0');
	}
	return true;
}

static bool take_date(struct cursor *c, struct civil *civil)
{
	return take_digits(c, 4, &civil->year) && take_char(c, "-") &&
	       take_digits(c, 2, &civil->month) && take_char(c, "-") &&
	       take_digits(c, 2, &civil->day);
}

/* An offset after its sign: HH, HH:MM, HHMM, HH:MM:SS or HHMMSS, as the
 * lenient offset parser of ISO_OFFSET_DATE_TIME takes them. */
static bool take_offset(struct cursor *c, long *seconds)
{
	long long hours, minutes = 0, secs = 0;
	bool colon;

	if (!take_digits(c, 2, &hours))
		return false;
	if (c->at < c->len) {
		colon = take_char(c, ":");
		if (!take_digits(c, 2, &minutes))
			return false;
		if (c->at < c->len &&
		    ((colon && !take_char(c, ":")) || !take_digits(c, 2, &secs)))
			return false;
	}
	if (hours > 18 || minutes > 59 || secs > 59 ||
	    hours * 3600 + minutes * 60 + secs > 18 * 3600)
		return false;
	*seconds = (long)(hours * 3600 + minutes * 60 + secs);
	return true;
}

static bool take_zone(struct cursor *c, struct iso_time *t)
{
	size_t rest = c->len - c->at;

	if (rest == 5 && memcmp(c->text + c->at, "+0000", 5) == 0) {
		c->at += 5;
		t->zone_z = true;
		return true;
	}
	if (take_char(c, "Zz")) {
		t->zone_z = true;
		return true;
	}
	bool negative = c->at < c->len && c->text[c->at] == '-';
	if (!take_char(c, "+-") || !take_offset(c, &t->offset_seconds))
		return false;
	if (negative)
		t->offset_seconds = -t->offset_seconds;
	t->offset = true;
	return true;
}

static bool take_fraction(struct cursor *c, struct iso_time *t)
{
	size_t digits = 0;

	if (!take_char(c, "."))
		return true;
	for (; c->at < c->len && c->text[c->at] >= '0' && c->text[c->at] <= '9'; c->at++)
		if (++digits > 9)
			return false;
		else if (c->text[c->at] != '0')
			t->fraction_nonzero = true;
	return true;
}

/* The clock of ISO_INSTANT: 24:00:00 is the next midnight, and a leap
 * second at 23:59:60 is 23:59:59. */
static bool clock_valid(struct iso_time *t, bool *next_day)
{
	struct civil *c = &t->civil;

	*next_day = false;
	if (c->hour == 24 && c->minute == 0 && c->second == 0 && !t->fraction_nonzero &&
	    t->has_seconds) {
		c->hour = 0;
		*next_day = true;
	} else if (c->hour == 23 && c->minute == 59 && c->second == 60) {
		c->second = 59;
	}
	return civil_valid(c);
}

/* Whether text is one of the forms above, and its instant. */
static bool parse_iso(const char *text, size_t len, struct iso_time *t, double *seconds)
{
	struct cursor c = { text, len, 0 };
	bool next_day;

	*t = (struct iso_time){ .has_seconds = false };
	if (!take_date(&c, &t->civil) || !take_char(&c, "Tt") ||
	    !take_digits(&c, 2, &t->civil.hour) || !take_char(&c, ":") ||
	    !take_digits(&c, 2, &t->civil.minute))
		return false;
	if (take_char(&c, ":")) {
		t->has_seconds = true;
		if (!take_digits(&c, 2, &t->civil.second) || !take_fraction(&c, t))
			return false;
	}
	if (!take_zone(&c, t) || c.at != len || !clock_valid(t, &next_day))
		return false;
	*seconds = (double)(civil_to_seconds(&t->civil) - t->offset_seconds +
			    (next_day ? 86400 : 0));
	return true;
}

/* ---- what the others are ------------------------------------------------- */

static bool only_digits(const char *text, size_t len, size_t from)
{
	for (size_t i = from; i < len; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return len > from;
}

/* Epoch seconds as text: digits, perhaps signed, perhaps with a fraction. */
static bool is_epoch_text(const char *text, size_t len)
{
	size_t start = len && text[0] == '-';
	const char *dot = memchr(text, '.', len);
	size_t whole = dot ? (size_t)(dot - text) : len;

	return only_digits(text, whole, start) && (!dot || only_digits(text, len, whole + 1));
}

/* A date alone: 2030-01-10, with a real month and day. */
static bool is_date_only(const char *text, size_t len, double *seconds)
{
	struct cursor c = { text, len, 0 };
	struct civil civil = { 0, 0, 0, 0, 0, 0 };

	if (!take_date(&c, &civil) || c.at != len || !civil_valid(&civil))
		return false;
	*seconds = (double)civil_to_seconds(&civil);
	return true;
}

/* A date and a time, and no zone after them. */
static bool is_zoneless(const char *text, size_t len)
{
	struct cursor c = { text, len, 0 };
	struct civil civil;
	long long unused;

	if (!take_date(&c, &civil) || !take_char(&c, "Tt ") || !take_digits(&c, 2, &unused) ||
	    !take_char(&c, ":") || !take_digits(&c, 2, &unused))
		return false;
	if (take_char(&c, ":") && !take_digits(&c, 2, &unused))
		return false;
	if (take_char(&c, ".,"))
		while (c.at < c.len && c.text[c.at] >= '0' && c.text[c.at] <= '9')
			c.at++;
	return c.at == len;
}

/* The first code point past ASCII, or 0. A bad sequence has been refused
 * when the document was read; its lead byte stands for it. */
static unsigned first_non_ascii(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char byte = (unsigned char)text[i];
		if (byte < 0x80)
			continue;
		size_t more = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
		unsigned code = more ? byte & (0x3F >> more) : byte;
		for (size_t k = 1; k <= more && i + k < len; k++)
			code = code << 6 | ((unsigned char)text[i + k] & 0x3F);
		return code;
	}
	return 0;
}

/* RFC 822 as the AWS CLI takes it ("Thu, 10 Jan 2030 00:00:00 GMT"):
 * standard to the CLI, and starting with a weekday or a day of the month. */
static bool is_rfc_822(const char *text, size_t len, const struct timestamp_reading *cli)
{
	bool weekday = len > 0 && ((text[0] >= 'A' && text[0] <= 'Z') ||
				   (text[0] >= 'a' && text[0] <= 'z'));
	bool day = len > 2 && text[0] >= '0' && text[0] <= '9' &&
		   (text[1] == ' ' || text[2] == ' ');

	return cli->form == TIMESTAMP_STANDARD && (weekday || day);
}

/* Whether epoch seconds may be what digits mean: not digits written as a
 * date (20300110), and not a time before 2000, which no schedule means
 * (12:30 is 750 to YAML 1.1, and 1970-01-01T00:12:30Z to the CLI). */
static bool plausible_epoch(const struct timestamp_reading *cli)
{
	return cli->form == TIMESTAMP_STANDARD && cli->seconds >= 946684800.0;
}

/* Why a string the handler cannot parse fails, and the instant it says. */
static void classify_text(const struct node *node, double now, struct handler_reading *r)
{
	const char *text = node->scalar.text;
	size_t len = node->scalar.len;
	struct timestamp_reading cli = timestamp_read(node, now);
	/* The AWS CLI's plain reading, offered as "if that is the time meant". */
	bool plain = cli.form == TIMESTAMP_STANDARD || cli.form == TIMESTAMP_LOOSE;

	r->seconds = cli.seconds;
	if ((r->first_non_ascii = first_non_ascii(text, len))) {
		r->miss = MISS_NOT_ASCII;
		r->readable = plain;
	} else if (is_epoch_text(text, len)) {
		r->miss = MISS_EPOCH_TEXT;
		r->readable = plausible_epoch(&cli);
	} else if (is_date_only(text, len, &r->seconds)) {
		r->miss = MISS_DATE_ONLY;
		r->known = r->readable = true;
	} else if (is_zoneless(text, len)) {
		r->miss = MISS_NO_ZONE;
		r->readable = plain;
	} else if (is_rfc_822(text, len, &cli)) {
		r->miss = MISS_RFC_822;
		r->known = r->readable = true;
	} else {
		r->miss = MISS_OTHER;
		r->readable = plain;
	}
}

/* A number is epoch seconds to the AWS CLI, and text to CloudFormation:
 * the CLI's instant is offered in words, as a guess. */
static void classify_number(const struct node *node, double now, struct handler_reading *r)
{
	struct timestamp_reading cli = timestamp_read(node, now);

	r->miss = MISS_NUMBER;
	r->seconds = cli.seconds;
	r->readable = plausible_epoch(&cli);
}

struct handler_reading handler_time_read(const struct node *node, double now)
{
	struct handler_reading r = { .form = HANDLER_UNPARSEABLE, .miss = MISS_NONE };
	const struct scalar *s = &node->scalar;
	struct iso_time t;

	if (node->kind != NODE_SCALAR || s->type == SCALAR_NULL) {
		r.miss = MISS_NOT_TEXT;
		return r;
	}
	if (s->type == SCALAR_INT || s->type == SCALAR_FLOAT) {
		classify_number(node, now, &r);
		return r;
	}
	if (s->type == SCALAR_BOOL) {
		r.miss = MISS_BOOLEAN;
		return r;
	}
	/* A string, or a YAML date given as its text. */
	if (parse_iso(s->text, s->len, &t, &r.seconds)) {
		r.known = r.readable = true;
		r.form = t.has_seconds && t.zone_z ? HANDLER_EVERY_BUILD : HANDLER_CURRENT_BUILDS;
		r.why_current = t.offset ? "an offset" : t.has_seconds ? NULL : "no seconds";
		r.exact_in_z = !t.fraction_nonzero;
		return r;
	}
	classify_text(node, now, &r);
	return r;
}

/* Only strings are parsed, and what fails needs no words here: the
 * lenient reading of classify_text is the costliest there is. */
bool handler_time_instant(const struct node *node, double *seconds)
{
	const struct scalar *s = &node->scalar;
	struct iso_time t;

	return node->kind == NODE_SCALAR &&
	       (s->type == SCALAR_STRING || s->type == SCALAR_DATE || s->type == SCALAR_DATETIME) &&
	       parse_iso(s->text, s->len, &t, seconds);
}
