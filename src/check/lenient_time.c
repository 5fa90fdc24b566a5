/* dateutil 2.8.2's parser.parse(), as the AWS CLI calls it: tzinfos maps
 * GMT to UTC, dayfirst and yearfirst are off, fuzzy is off, and the
 * default for what the string lacks is today at 00:00 on the machine's
 * clock (taken here as UTC, with `now` for today). The structure follows
 * dateutil's: a lexer (_timelex), a pass over the tokens (_parse, with
 * _parse_numeric_token), the year/month/day resolution (_ymd) and the
 * building of the instant (_build_naive, _build_tzaware). Where dateutil
 * raises an error, the CLI refuses the string, and so do we.
 *
 * dateutil works on Python's characters: its lexer classes them with
 * str.isalpha(), str.isdigit() and str.isspace(), all of Unicode, and
 * int(), float() and Decimal() read any Unicode decimal digit. The port
 * works on bytes, one a character (python_chars_bytes): a decimal digit
 * (full-width, Arabic-Indic, ...) is its ASCII digit, a space a space,
 * and any other character that is not ASCII a byte of its class, which
 * lexes as that class and which no name and no number matches, as no
 * name of dateutil's holds such a character (only the Kelvin sign
 * lowers to ASCII, to a k no name has). */
#include "lenient_time.h"
#include "base/memory.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "civil_time.h"
#include "python_chars.h"

enum { NONE = -1 };

/* ---- the lexer ------------------------------------------------------------ */

struct tokens {
	char **items;
	size_t count;
	char *text; /* every token, NUL-terminated, one after another */
	size_t used;
};

/* str.isalpha() */
static bool is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c == PYTHON_ALPHA_BYTE;
}

/* What int(), float() and Decimal() read as a digit. */
static bool is_decimal(char c)
{
	return c >= '0' && c <= '9';
}

/* str.isdigit(), which the lexer and a few checks use: the decimal
 * digits, and the digits no number takes. */
static bool is_num(char c)
{
	return is_decimal(c) || (unsigned char)c == PYTHON_DIGIT_BYTE;
}

static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static void add_token(struct tokens *t, const char *text, size_t len)
{
	char *copy = t->text + t->used;

	memcpy(copy, text, len);
	copy[len] = '\0';
	t->used += len + 1;
	t->items[t->count++] = copy;
}

/* A token with dots (or commas) is split into its parts and the dots, when
 * it has letters, more than one dot, or ends with one: "Sep.20.2009",
 * "2030.01.20", "12.". One dot between digits is a decimal point, and a
 * comma there is one too ("00,5" is 00.5). */
static void emit(struct tokens *t, char *token, size_t len, bool dotted, bool letters)
{
	size_t dots = 0;

	for (size_t i = 0; i < len; i++)
		dots += token[i] == '.';
	if (dotted && (letters || dots > 1 || token[len - 1] == '.' || token[len - 1] == ',')) {
		size_t start = 0;
		for (size_t i = 0; i <= len; i++) {
			if (i < len && token[i] != '.' && token[i] != ',')
				continue;
			if (i > start)
				add_token(t, token + start, i - start);
			if (i < len)
				add_token(t, token + i, 1);
			start = i + 1;
		}
		return;
	}
	if (dotted && !letters && dots == 0)
		for (size_t i = 0; i < len; i++)
			if (token[i] == ',')
				token[i] = '.';
	add_token(t, token, len);
}

enum lex_state { LEX_START, LEX_WORD, LEX_NUMBER, LEX_WORD_DOT, LEX_NUMBER_DOT };

/* _timelex.split: letters, digits, one space for any run... one at a time. */
static bool lex(const char *s, size_t n, struct tokens *t)
{
	char *token = mem_malloc(n + 1);
	size_t at = 0;

	t->items = mem_malloc((2 * n + 1) * sizeof *t->items);
	t->text = mem_malloc(4 * n + 2);
	t->count = t->used = 0;
	if (!token || !t->items || !t->text) {
		free(token);
		return false;
	}
	while (at < n) {
		enum lex_state state = LEX_START;
		bool letters = false;
		size_t len = 0;

		while (at < n) {
			char c = s[at];
			char last = len ? token[len - 1] : '\0';
			if (c == '\0') {
				at++;
				continue;
			}
			if (state == LEX_START) {
				token[len++] = is_space(c) ? ' ' : c;
				at++;
				if (is_word(c))
					state = LEX_WORD;
				else if (is_num(c))
					state = LEX_NUMBER;
				else
					break;
			} else if (state == LEX_WORD) {
				letters = true;
				if (is_word(c) || c == '.')
					token[len++] = c, at++;
				else
					break;
				if (c == '.')
					state = LEX_WORD_DOT;
			} else if (state == LEX_NUMBER) {
				if (is_num(c) || c == '.' || (c == ',' && len >= 2))
					token[len++] = c, at++;
				else
					break;
				if (!is_num(c))
					state = LEX_NUMBER_DOT;
			} else if (state == LEX_WORD_DOT) {
				letters = true;
				if (c == '.' || is_word(c)) {
					token[len++] = c, at++;
				} else if (is_num(c) && last == '.') {
					token[len++] = c, at++;
					state = LEX_NUMBER_DOT;
				} else {
					break;
				}
			} else {
				if (c == '.' || is_num(c)) {
					token[len++] = c, at++;
				} else if (is_word(c) && last == '.') {
					token[len++] = c, at++;
					state = LEX_WORD_DOT;
				} else {
					break;
				}
			}
		}
		if (len)
			emit(t, token, len, state == LEX_WORD_DOT || state == LEX_NUMBER_DOT,
			     letters);
	}
	free(token);
	return true;
}

/* ---- words ---------------------------------------------------------------- */

/* Whether word is name, in any case. Most words a timestamp holds are
 * numbers, and no name starts with a digit: the first character settles
 * most comparisons without a call (this lookup was a fifth of a run). */
static bool same_word(const char *word, const char *name)
{
	return tolower((unsigned char)word[0]) == tolower((unsigned char)name[0]) &&
	       strcasecmp(word, name) == 0;
}

static int word_index(const char *word, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (same_word(word, names[i]))
			return (int)i;
	return NONE;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

static bool is_jump(const char *word)
{
	static const char *const jump[] = { " ", ".", ",", ";", "-", "/", "'", "at", "on",
					    "and", "ad", "m", "t", "of", "st", "nd", "rd", "th" };
	return word_index(word, jump, COUNT(jump)) != NONE;
}

/* Monday is 0, as Python's weekday(). */
static int weekday_of(const char *word)
{
	static const char *const days[] = { "mon", "monday", "tue", "tuesday", "wed",
					    "wednesday", "thu", "thursday", "fri", "friday",
					    "sat", "saturday", "sun", "sunday" };
	int i = word_index(word, days, COUNT(days));
	return i == NONE ? NONE : i / 2;
}

/* January is 1. */
static int month_of(const char *word)
{
	static const struct {
		const char *name;
		int month;
	} months[] = {
		{ "jan", 1 }, { "january", 1 }, { "feb", 2 }, { "february", 2 },
		{ "mar", 3 }, { "march", 3 }, { "apr", 4 }, { "april", 4 },
		{ "may", 5 }, { "jun", 6 }, { "june", 6 }, { "jul", 7 }, { "july", 7 },
		{ "aug", 8 }, { "august", 8 }, { "sep", 9 }, { "sept", 9 },
		{ "september", 9 }, { "oct", 10 }, { "october", 10 }, { "nov", 11 },
		{ "november", 11 }, { "dec", 12 }, { "december", 12 },
	};
	for (size_t i = 0; i < COUNT(months); i++)
		if (same_word(word, months[i].name))
			return months[i].month;
	return NONE;
}

/* 0 hours, 1 minutes, 2 seconds. */
static int hms_of(const char *word)
{
	static const char *const names[] = { "h", "hour", "hours", "m", "minute",
					     "minutes", "s", "second", "seconds" };
	int i = word_index(word, names, COUNT(names));
	return i == NONE ? NONE : i / 3;
}

/* 0 am, 1 pm. */
static int ampm_of(const char *word)
{
	static const char *const names[] = { "am", "a", "pm", "p" };
	int i = word_index(word, names, COUNT(names));
	return i == NONE ? NONE : i / 2;
}

static bool is_utc_zone(const char *word)
{
	static const char *const names[] = { "UTC", "GMT", "Z" };
	return word_index(word, names, COUNT(names)) != NONE;
}

static bool is_pertain(const char *word)
{
	return same_word(word, "of");
}

/* Whether int() takes text[0..len): decimal digits only. */
static bool all_digits_n(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_decimal(text[i]))
			return false;
	return len > 0;
}

/* str.isdigit() of a token. */
static bool all_digits(const char *word)
{
	if (!*word)
		return false;
	for (; *word; word++)
		if (!is_num(*word))
			return false;
	return true;
}

/* ---- numbers -------------------------------------------------------------- */

/* A numeric token (digits, perhaps with one '.'), as dateutil's Decimal. */
struct number {
	long long whole;
	long long fraction; /* the digits after the point, as an integer... */
	int fraction_digits; /* ...of this many digits */
};

static double number_value(const struct number *n)
{
	double scale = 1;

	for (int i = 0; i < n->fraction_digits; i++)
		scale *= 10;
	return (double)n->whole + (double)n->fraction / scale;
}

/* int(text[0..len)) for digits only; false where Python's int() fails, and
 * for numbers too large for any date (which dateutil refuses later). */
static bool parse_int(const char *text, size_t len, long long *value)
{
	*value = 0;
	if (len == 0 || len > 18)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!is_decimal(text[i]))
			return false;
		*value = *value * 10 + (text[i] - '0');
	}
	return true;
}

static bool parse_number(const char *text, struct number *n)
{
	const char *dot = strchr(text, '.');
	size_t whole = dot ? (size_t)(dot - text) : strlen(text);

	memset(n, 0, sizeof *n);
	if (!strpbrk(text, "0123456789"))
		return false; /* Decimal(".") fails */
	/* A number too large for any date still takes its place among the
	 * tokens; it is refused only where it is used. */
	if (whole > 18)
		n->whole = INT64_MAX;
	else if (whole && !parse_int(text, whole, &n->whole))
		return false;
	if (dot) {
		const char *digits = dot + 1;
		size_t len = strlen(digits);
		if (strchr(digits, '.'))
			return false;
		/* Past 17 digits a fraction changes nothing a date can hold. */
		if (len > 17)
			len = 17;
		if (len && !parse_int(digits, len, &n->fraction))
			return false;
		n->fraction_digits = (int)len;
	}
	return true;
}

/* float(token) succeeds: digits with at most one point, or inf and nan,
 * which Decimal then refuses. */
static bool is_numeric(const char *token)
{
	bool digit = false;
	int dots = 0;

	for (const char *p = token; *p; p++) {
		if (*p == '.')
			dots++;
		else if (is_decimal(*p))
			digit = true;
		else
			return false;
	}
	return digit && dots <= 1;
}

static bool is_float_word(const char *token)
{
	return strcasecmp(token, "inf") == 0 || strcasecmp(token, "infinity") == 0 ||
	       strcasecmp(token, "nan") == 0;
}

/* int(value), where more than any time holds stays too many: a later
 * check refuses it, unless another field of the string replaces it. */
static int saturated(long long whole)
{
	return whole > INT32_MAX ? INT32_MAX : (int)whole;
}

/* The minutes of a fractional number of them, and the seconds of the rest. */
static bool min_sec(const struct number *n, int *minute, int *second)
{
	long long scale = 1;

	for (int i = 0; i < n->fraction_digits; i++)
		scale *= 10;
	*minute = saturated(n->whole);
	*second = n->fraction ? (int)(60 * n->fraction / scale) : NONE;
	return true;
}

/* The digits of text[0..len) as an int; more than any time holds is
 * INT32_MAX, which a later check refuses if it is still there then. */
static bool parse_field(const char *text, size_t len, int *value)
{
	long long whole;

	if (len > 18 && all_digits_n(text, len)) {
		*value = INT32_MAX;
		return true;
	}
	if (!parse_int(text, len, &whole))
		return false;
	*value = saturated(whole);
	return true;
}

/* "SS" or "SS.ffffff" into seconds and microseconds (_parsems). */
static bool parse_ms(const char *text, int *second, int *microsecond)
{
	const char *dot = strchr(text, '.');
	char six[7] = "000000";
	int micro;

	if (!dot) {
		*microsecond = 0;
		return parse_field(text, strlen(text), second);
	}
	if (strchr(dot + 1, '.') || !parse_field(text, (size_t)(dot - text), second))
		return false;
	memcpy(six, dot + 1, strlen(dot + 1) < 6 ? strlen(dot + 1) : 6);
	if (!all_digits_n(six, 6) || !parse_field(six, 6, &micro))
		return false;
	*microsecond = micro;
	return true;
}

/* ---- year, month and day (_ymd) -------------------------------------------- */

enum { YMD_MAX = 8 };

struct ymd {
	long long values[YMD_MAX];
	int count;
	int year_at, month_at, day_at; /* which value a word or form said, or NONE */
	bool century_specified;
};

static bool ymd_add(struct ymd *ymd, long long value, char label)
{
	if (ymd->count == YMD_MAX)
		return false;
	ymd->values[ymd->count] = value;
	if (label == 'M') {
		if (ymd->month_at != NONE)
			return false;
		ymd->month_at = ymd->count;
	} else if (label == 'D') {
		if (ymd->day_at != NONE)
			return false;
		ymd->day_at = ymd->count;
	} else if (label == 'Y') {
		if (ymd->year_at != NONE)
			return false;
		ymd->year_at = ymd->count;
	}
	ymd->count++;
	return true;
}

/* ymd.append of a string: digits longer than two are a year. */
static bool ymd_add_text(struct ymd *ymd, const char *text, char label)
{
	long long value;

	if (all_digits(text) && strlen(text) > 2) {
		ymd->century_specified = true;
		label = 'Y';
	}
	return parse_int(text, strlen(text), &value) && ymd_add(ymd, value, label);
}

/* ymd.append of a number: above 100 is a year. */
static bool ymd_add_number(struct ymd *ymd, double value, char label)
{
	/* Far past any year there is: no date, and no long long either. */
	if (!(value > -1e15 && value < 1e15))
		return false;
	if (value > 100) {
		if (label && label != 'Y')
			return false;
		ymd->century_specified = true;
		label = 'Y';
	}
	return ymd_add(ymd, (long long)value, label);
}

static int days_in(long long year, long long month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return days[month - 1] + (month == 2 && leap);
}

/* Whether value can be the day; false too where calendar.monthrange would
 * fail, on a month that is no month. */
static bool could_be_day(const struct ymd *ymd, double value)
{
	long long month, year = 2000; /* "be permissive, assume leap year" */

	if (ymd->day_at != NONE)
		return false;
	if (ymd->month_at == NONE)
		return value >= 1 && value <= 31;
	month = ymd->values[ymd->month_at];
	if (ymd->year_at != NONE)
		year = ymd->values[ymd->year_at];
	if (month < 1 || month > 12 || year < 1 || year > 9999)
		return false;
	return value >= 1 && value <= days_in(year, month);
}

struct date_parts {
	long long year, month, day; /* NONE when missing */
};

/* _resolve_from_stridxs: the values the words and forms named. */
static struct date_parts from_labels(const struct ymd *ymd)
{
	int at[3] = { ymd->year_at, ymd->month_at, ymd->day_at };
	struct date_parts d = { NONE, NONE, NONE };
	int known = (at[0] != NONE) + (at[1] != NONE) + (at[2] != NONE);

	if (ymd->count == 3 && known == 2) {
		for (int slot = 0; slot < 3; slot++) {
			bool taken = false;
			for (int k = 0; k < 3; k++)
				taken |= at[k] == slot;
			for (int k = 0; k < 3 && !taken; k++)
				if (at[k] == NONE)
					at[k] = slot;
		}
	}
	if (at[0] != NONE)
		d.year = ymd->values[at[0]];
	if (at[1] != NONE)
		d.month = ymd->values[at[1]];
	if (at[2] != NONE)
		d.day = ymd->values[at[2]];
	return d;
}

static void assign(struct date_parts *d, long long a, long long b, long long c,
		   const char *order)
{
	long long values[3] = { a, b, c };

	for (int i = 0; i < 3 && order[i]; i++) {
		if (order[i] == 'y')
			d->year = values[i];
		else if (order[i] == 'm')
			d->month = values[i];
		else if (order[i] == 'd')
			d->day = values[i];
	}
}

/* resolve_ymd with dayfirst and yearfirst off. *month_first is set where
 * two numbers of 12 or less were taken month, then day. */
static bool resolve_ymd(const struct ymd *ymd, struct date_parts *d, bool *month_first)
{
	const long long *v = ymd->values;
	int known = (ymd->year_at != NONE) + (ymd->month_at != NONE) + (ymd->day_at != NONE);
	int n = ymd->count;

	*d = (struct date_parts){ NONE, NONE, NONE };
	*month_first = false;
	if ((n == known && n > 0) || (n == 3 && known == 2)) {
		*d = from_labels(ymd);
		return true;
	}
	if (n > 3)
		return false;
	if (n == 1 || (ymd->month_at != NONE && n == 2)) {
		long long other = v[0];
		if (ymd->month_at != NONE) {
			d->month = v[ymd->month_at];
			other = v[ymd->month_at == 0 ? 1 : 0];
		}
		if (n > 1 || ymd->month_at == NONE) {
			if (other > 31)
				d->year = other;
			else
				d->day = other;
		}
	} else if (n == 2) {
		if (v[0] > 31) {
			assign(d, v[0], v[1], 0, "ym");
		} else if (v[1] > 31) {
			assign(d, v[0], v[1], 0, "my");
		} else {
			assign(d, v[0], v[1], 0, "md");
			*month_first = v[1] <= 12 && v[0] != v[1];
		}
	} else if (n == 3) {
		if (ymd->month_at == 0) {
			assign(d, v[0], v[1], v[2], v[1] > 31 ? "myd" : "mdy");
		} else if (ymd->month_at == 1) {
			assign(d, v[0], v[1], v[2], v[0] > 31 ? "ymd" : "dmy");
		} else if (ymd->month_at == 2) {
			assign(d, v[0], v[1], v[2], v[1] > 31 ? "dym" : "ydm");
		} else if (v[0] > 31 || ymd->year_at == 0) {
			assign(d, v[0], v[1], v[2], "ymd");
		} else if (v[0] > 12) {
			assign(d, v[0], v[1], v[2], "dmy");
		} else {
			assign(d, v[0], v[1], v[2], "mdy");
			*month_first = v[1] <= 12 && v[0] != v[1];
		}
	}
	return true;
}

/* ---- the pass over the tokens (_parse) ----------------------------------- */

struct result {
	long long year, month, day;
	int weekday, hour, minute, second, microsecond, ampm;
	const char *tzname;
	bool has_offset;
	long offset; /* seconds east of UTC */
	unsigned doubts;
};

struct parser {
	char **t;
	size_t n;
	struct ymd ymd;
	struct result res;
	double now;
};

static int adjust_ampm(struct parser *p, int hour, int ampm)
{
	if (hour < 12 && ampm == 1)
		return hour + 12;
	if (hour == 12 && ampm == 0) {
		p->res.doubts |= DOUBT_TWELVE_AM;
		return 0;
	}
	return hour;
}

static bool could_be_tzname(const struct result *res, bool check_offset, const char *token)
{
	size_t len = strlen(token);

	if (res->hour == NONE || res->tzname || (check_offset && res->has_offset) || len > 5)
		return false;
	if (strcmp(token, "UTC") == 0 || strcmp(token, "GMT") == 0 ||
	    strcmp(token, "Z") == 0 || strcmp(token, "z") == 0)
		return true;
	for (size_t i = 0; i < len; i++)
		if (token[i] < 'A' || token[i] > 'Z')
			return false;
	return true;
}

/* _find_hms_idx: a unit word next to the number, or NONE. */
static long find_hms(const struct parser *p, size_t idx)
{
	size_t n = p->n;

	if (idx + 1 < n && hms_of(p->t[idx + 1]) != NONE)
		return (long)idx + 1;
	if (idx + 2 < n && strcmp(p->t[idx + 1], " ") == 0 && hms_of(p->t[idx + 2]) != NONE)
		return (long)idx + 2;
	if (idx > 0 && hms_of(p->t[idx - 1]) != NONE)
		return (long)idx - 1;
	if (idx > 1 && idx == n - 1 && strcmp(p->t[idx - 1], " ") == 0 &&
	    hms_of(p->t[idx - 2]) != NONE)
		return (long)idx - 2;
	return NONE;
}

static bool assign_hms(struct parser *p, const char *text, const struct number *value,
		       int hms)
{
	long long scale = 1;

	for (int i = 0; i < value->fraction_digits; i++)
		scale *= 10;
	if (hms == 0) {
		p->res.hour = saturated(value->whole);
		if (value->fraction)
			p->res.minute = (int)(60 * value->fraction / scale);
	} else if (hms == 1) {
		return min_sec(value, &p->res.minute, &p->res.second);
	} else {
		return parse_ms(text, &p->res.second, &p->res.microsecond);
	}
	return true;
}

static bool numeric_hhmm(struct parser *p, const char *s, size_t len)
{
	long long hour, minute;

	if (!parse_int(s, 2, &hour))
		return false;
	p->res.hour = (int)hour;
	if (len == 4) {
		if (!parse_int(s + 2, 2, &minute))
			return false;
		p->res.minute = (int)minute;
	}
	return true;
}

/* "HHMMSS[.ffffff]", or "YYMMDD" before any date. */
static bool numeric_six(struct parser *p, const char *s)
{
	char part[3] = { 0 };
	long long hour, minute;

	if (p->ymd.count == 0 && !strchr(s, '.')) {
		for (int i = 0; i < 3; i++) {
			memcpy(part, s + 2 * i, 2);
			if (!ymd_add_text(&p->ymd, part, 0))
				return false;
		}
		return true;
	}
	if (!parse_int(s, 2, &hour) || !parse_int(s + 2, 2, &minute))
		return false;
	p->res.hour = (int)hour;
	p->res.minute = (int)minute;
	return parse_ms(s + 4, &p->res.second, &p->res.microsecond);
}

/* "YYYYMMDD[hhmm[ss]]". */
static bool numeric_long(struct parser *p, const char *s, size_t len)
{
	char year[5] = { 0 }, part[3] = { 0 };
	long long value;

	memcpy(year, s, 4);
	if (!ymd_add_text(&p->ymd, year, 'Y'))
		return false;
	for (int i = 0; i < 2; i++) {
		memcpy(part, s + 4 + 2 * i, 2);
		if (!ymd_add_text(&p->ymd, part, 0))
			return false;
	}
	if (len > 8) {
		if (!parse_int(s + 8, 2, &value))
			return false;
		p->res.hour = (int)value;
		if (!parse_int(s + 10, 2, &value))
			return false;
		p->res.minute = (int)value;
	}
	if (len > 12) {
		if (!parse_int(s + 12, len - 12, &value))
			return false;
		p->res.second = (int)value;
	}
	return true;
}

/* _parse_numeric_token: the number at *idx, and what it is part of. */
static bool numeric_token(struct parser *p, size_t *idx)
{
	const char *s = p->t[*idx];
	size_t len = strlen(s), n = p->n, i = *idx;
	struct number value;
	const char *dot = strchr(s, '.');
	long hms_at;
	bool ok;

	if (!parse_number(s, &value))
		return false;
	if (p->ymd.count == 3 && (len == 2 || len == 4) && p->res.hour == NONE &&
	    (i + 1 >= n || (strcmp(p->t[i + 1], ":") != 0 && hms_of(p->t[i + 1]) == NONE)))
		return numeric_hhmm(p, s, len);
	if (len == 6 || (len > 6 && dot && dot - s == 6))
		return numeric_six(p, s);
	if (len == 8 || len == 12 || len == 14)
		return numeric_long(p, s, len);
	if ((hms_at = find_hms(p, i)) != NONE) {
		int hms = hms_of(p->t[hms_at]);
		if ((size_t)hms_at > i)
			*idx = (size_t)hms_at;
		else
			hms += 1;
		/* hms 3 ("5 s" read backwards): dateutil assigns nothing. */
		return hms > 2 || assign_hms(p, s, &value, hms);
	}
	if (i + 2 < n && strcmp(p->t[i + 1], ":") == 0) {
		struct number minutes;
		if (!parse_number(p->t[i + 2], &minutes))
			return false;
		p->res.hour = saturated(value.whole);
		if (!min_sec(&minutes, &p->res.minute, &p->res.second))
			return false;
		if (i + 4 < n && strcmp(p->t[i + 3], ":") == 0) {
			if (!parse_ms(p->t[i + 4], &p->res.second, &p->res.microsecond))
				return false;
			i += 2;
		}
		*idx = i + 2;
		return true;
	}
	if (i + 1 < n && (strcmp(p->t[i + 1], "-") == 0 || strcmp(p->t[i + 1], "/") == 0 ||
			  strcmp(p->t[i + 1], ".") == 0)) {
		const char *sep = p->t[i + 1];
		if (!ymd_add_text(&p->ymd, s, 0))
			return false;
		if (i + 2 < n && !is_jump(p->t[i + 2])) {
			int month;
			if (all_digits(p->t[i + 2]))
				ok = ymd_add_text(&p->ymd, p->t[i + 2], 0);
			else
				ok = (month = month_of(p->t[i + 2])) != NONE &&
				     ymd_add(&p->ymd, month, 'M');
			if (!ok)
				return false;
			if (i + 3 < n && strcmp(p->t[i + 3], sep) == 0) {
				if (i + 4 >= n)
					return false;
				month = month_of(p->t[i + 4]);
				ok = month != NONE ? ymd_add(&p->ymd, month, 'M')
						   : ymd_add_text(&p->ymd, p->t[i + 4], 0);
				if (!ok)
					return false;
				i += 2;
			}
			i += 1;
		}
		*idx = i + 1;
		return true;
	}
	if (i + 1 >= n || is_jump(p->t[i + 1])) {
		if (i + 2 < n && ampm_of(p->t[i + 2]) != NONE) {
			p->res.hour = adjust_ampm(p, saturated(value.whole), ampm_of(p->t[i + 2]));
			i += 1;
		} else if (!ymd_add_number(&p->ymd, number_value(&value), 0)) {
			return false;
		}
		*idx = i + 1;
		return true;
	}
	if (ampm_of(p->t[i + 1]) != NONE && number_value(&value) < 24) {
		p->res.hour = adjust_ampm(p, saturated(value.whole), ampm_of(p->t[i + 1]));
		*idx = i + 1;
		return true;
	}
	if (could_be_day(&p->ymd, number_value(&value)))
		return ymd_add_number(&p->ymd, number_value(&value), 0);
	return false;
}

/* parserinfo.convertyear: two digits are the year nearest the current one. */
static long long convert_year(long long year, long long current)
{
	long long century = current / 100 * 100;

	year += century;
	if (year >= current + 50)
		year -= 100;
	else if (year < current - 50)
		year += 100;
	return year;
}

/* A month name, and what may follow it: "Jan-20-2030", "Jan of 2030". */
static bool month_token(struct parser *p, size_t *idx, int month)
{
	size_t i = *idx, n = p->n;

	if (!ymd_add(&p->ymd, month, 'M'))
		return false;
	if (i + 1 >= n)
		return true;
	if (strcmp(p->t[i + 1], "-") == 0 || strcmp(p->t[i + 1], "/") == 0) {
		const char *sep = p->t[i + 1];
		if (i + 2 >= n || !ymd_add_text(&p->ymd, p->t[i + 2], 0))
			return false;
		if (i + 3 < n && strcmp(p->t[i + 3], sep) == 0) {
			if (i + 4 >= n || !ymd_add_text(&p->ymd, p->t[i + 4], 0))
				return false;
			i += 2;
		}
		i += 2;
	} else if (i + 4 < n && strcmp(p->t[i + 1], " ") == 0 &&
		   strcmp(p->t[i + 3], " ") == 0 && is_pertain(p->t[i + 2])) {
		long long year;
		if (all_digits(p->t[i + 4])) {
			if (!parse_int(p->t[i + 4], strlen(p->t[i + 4]), &year))
				return false;
			/* convertyear at once: the year goes in with its century. */
			if (year < 100) {
				year = convert_year(year, civil_from_seconds(p->now).year);
				p->res.doubts |= DOUBT_TWO_DIGIT_YEAR;
			}
			if (!ymd_add(&p->ymd, year, 'Y'))
				return false;
			p->ymd.century_specified = true;
		}
		i += 4;
	}
	*idx = i;
	return true;
}

/* A sign after a time: "+02:00", "-0500", "+5", perhaps "(EST)" after. */
static bool offset_token(struct parser *p, size_t *idx)
{
	size_t i = *idx, n = p->n;
	int sign = strcmp(p->t[i], "+") == 0 ? 1 : -1;
	long long hours, minutes = 0;
	size_t len;

	if (i + 1 >= n)
		return false;
	len = strlen(p->t[i + 1]);
	if (len == 4) {
		if (!parse_int(p->t[i + 1], 2, &hours) || !parse_int(p->t[i + 1] + 2, 2, &minutes))
			return false;
	} else if (i + 2 < n && strcmp(p->t[i + 2], ":") == 0) {
		if (i + 3 >= n || !parse_int(p->t[i + 1], len, &hours) ||
		    !parse_int(p->t[i + 3], strlen(p->t[i + 3]), &minutes))
			return false;
		i += 2;
	} else if (len <= 2) {
		if (!parse_int(p->t[i + 1], len, &hours))
			return false;
	} else {
		return false;
	}
	if (hours > 1000000 || minutes > 1000000)
		return false;
	p->res.has_offset = true;
	p->res.offset = sign * (long)(hours * 3600 + minutes * 60);
	if (i + 5 < n && is_jump(p->t[i + 2]) && strcmp(p->t[i + 3], "(") == 0 &&
	    strcmp(p->t[i + 5], ")") == 0 && strlen(p->t[i + 4]) >= 3 &&
	    could_be_tzname(&p->res, false, p->t[i + 4])) {
		p->res.tzname = p->t[i + 4];
		i += 4;
	}
	*idx = i + 1;
	return true;
}

/* A zone name; a sign right after it is POSIX's, the other way round. */
static void zone_token(struct parser *p, size_t i)
{
	const char *name = p->t[i];

	p->res.tzname = name;
	p->res.has_offset = strcmp(name, "z") == 0;
	p->res.offset = 0;
	if (i + 1 < p->n && (strcmp(p->t[i + 1], "+") == 0 || strcmp(p->t[i + 1], "-") == 0)) {
		p->t[i + 1][0] = p->t[i + 1][0] == '+' ? '-' : '+';
		p->res.has_offset = false;
		p->res.doubts |= DOUBT_SIGN_REVERSED;
		if (is_utc_zone(name))
			p->res.tzname = NULL;
	}
}

static bool parse_tokens(struct parser *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *token = p->t[i];
		int value;

		if (is_numeric(token)) {
			if (!numeric_token(p, &i))
				return false;
		} else if (is_float_word(token)) {
			return false; /* float() takes it, Decimal's check does not */
		} else if ((value = weekday_of(token)) != NONE) {
			p->res.weekday = value;
		} else if ((value = month_of(token)) != NONE) {
			if (!month_token(p, &i, value))
				return false;
		} else if ((value = ampm_of(token)) != NONE) {
			if (p->res.hour == NONE || p->res.hour > 12)
				return false;
			p->res.hour = adjust_ampm(p, p->res.hour, value);
			p->res.ampm = value;
		} else if (could_be_tzname(&p->res, true, token)) {
			zone_token(p, i);
		} else if (p->res.hour != NONE && (strcmp(token, "+") == 0 || strcmp(token, "-") == 0)) {
			if (!offset_token(p, &i))
				return false;
		} else if (!is_jump(token)) {
			return false;
		}
	}
	return true;
}

/* ---- the instant ----------------------------------------------------------- */

static bool anything_found(const struct result *r)
{
	return r->year != NONE || r->month != NONE || r->day != NONE || r->weekday != NONE ||
	       r->hour != NONE || r->minute != NONE || r->second != NONE ||
	       r->microsecond != NONE || r->tzname || r->has_offset || r->ampm != NONE;
}

static bool build(struct parser *p, struct lenient_time *out)
{
	struct result *r = &p->res;
	struct civil today = civil_from_seconds(p->now);
	struct civil c = { today.year, today.month, today.day, 0, 0, 0 };
	long long seconds;

	if (r->year != NONE)
		c.year = r->year;
	else
		r->doubts |= DOUBT_NO_YEAR;
	if (r->month != NONE)
		c.month = r->month;
	else
		r->doubts |= DOUBT_NO_MONTH;
	if (r->day != NONE) {
		c.day = r->day;
	} else {
		if (c.month < 1 || c.month > 12)
			return false;
		if (c.day > days_in(c.year, c.month))
			c.day = days_in(c.year, c.month);
		r->doubts |= r->weekday != NONE ? DOUBT_WEEKDAY_ONLY : DOUBT_NO_DAY;
	}
	if (r->hour != NONE)
		c.hour = r->hour;
	if (r->minute != NONE)
		c.minute = r->minute;
	if (r->second != NONE)
		c.second = r->second;
	if (!civil_valid(&c) || (r->microsecond != NONE && r->microsecond > 999999))
		return false;
	seconds = civil_to_seconds(&c);
	if (r->weekday != NONE) {
		int weekday = civil_weekday(&c);
		if (r->day == NONE)
			seconds += 86400LL * ((r->weekday - weekday + 7) % 7);
		else if (weekday != r->weekday)
			r->doubts |= DOUBT_WEEKDAY_IGNORED;
	}
	/* _build_tzaware: GMT is UTC (tzinfos); a name of the machine's zone
	 * (UTC, here) is UTC; an offset is an offset; any other name is
	 * ignored, with a warning, and the time taken as UTC. */
	if (r->tzname && strcmp(r->tzname, "GMT") != 0 && strcmp(r->tzname, "UTC") != 0 &&
	    !r->has_offset) {
		r->doubts |= DOUBT_ZONE_IGNORED;
	} else if (r->has_offset && !(r->tzname && strcmp(r->tzname, "GMT") == 0)) {
		if (r->offset <= -86400 || r->offset >= 86400)
			return false;
		seconds -= r->offset;
	}
	/* astimezone(UTC) fails past the years 1 to 9999. */
	if (seconds < CIVIL_EARLIEST || seconds > CIVIL_LATEST)
		return false;
	out->seconds = (double)seconds;
	out->doubts = r->doubts;
	memset(out->zone, 0, sizeof out->zone);
	if (r->tzname)
		strncpy(out->zone, r->tzname, sizeof out->zone - 1);
	return true;
}

/* parserinfo.validate, then the year and the zone's name settled. */
static void validate(struct parser *p, const struct date_parts *d)
{
	struct result *r = &p->res;
	long long current = civil_from_seconds(p->now).year;

	r->year = d->year;
	r->month = d->month;
	r->day = d->day;
	if (r->year != NONE && r->year < 100 && !p->ymd.century_specified) {
		r->year = convert_year(r->year, current);
		r->doubts |= DOUBT_TWO_DIGIT_YEAR;
	}
	if ((r->has_offset && r->offset == 0 && !r->tzname) ||
	    (r->tzname && (strcmp(r->tzname, "Z") == 0 || strcmp(r->tzname, "z") == 0))) {
		r->tzname = "UTC";
		r->has_offset = true;
		r->offset = 0;
	} else if ((!r->has_offset || r->offset != 0) && r->tzname && is_utc_zone(r->tzname)) {
		r->has_offset = true;
		r->offset = 0;
	}
}

bool lenient_time_parse(const char *text, size_t len, double now,
			struct lenient_time *out)
{
	struct tokens tokens = { 0 };
	struct parser p = { 0 };
	struct date_parts date;
	bool month_first = false, ok;
	char *python = mem_malloc(len + 1);
	bool ascii;

	if (!python || !lex(python, python_chars_bytes(text, len, python, &ascii), &tokens)) {
		free(python);
		free(tokens.items);
		free(tokens.text);
		return false;
	}
	free(python);
	p.t = tokens.items;
	p.n = tokens.count;
	p.now = now;
	p.ymd = (struct ymd){ .year_at = NONE, .month_at = NONE, .day_at = NONE };
	p.res = (struct result){ NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE,
				 NULL, false, 0, 0 };
	ok = parse_tokens(&p) && resolve_ymd(&p.ymd, &date, &month_first);
	if (ok) {
		validate(&p, &date);
		if (month_first)
			p.res.doubts |= DOUBT_MONTH_FIRST;
		ok = anything_found(&p.res) && build(&p, out);
	}
	free(tokens.items);
	free(tokens.text);
	return ok;
}
