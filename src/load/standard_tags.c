#include "standard_tags.h"

#include <string.h>

#include "scalar.h"
#include "base/hex.h"

static bool suffix_is(const char *suffix, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(suffix, name, len) == 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether c is a digit of the base: the AWS CLI's reader takes !!int 0xAB
 * as 171, as it does 0xab (the prefix itself must be 0x). */
static bool is_digit_of(char c, int base)
{
	int value = hex_digit_value(c);

	return value >= 0 && value < base;
}

/* Text being taken apart: what is left of it. */
struct rest {
	const char *at;
	size_t len;
};

static void trim(struct rest *r)
{
	while (r->len && is_space(r->at[0]))
		r->at++, r->len--;
	while (r->len && is_space(r->at[r->len - 1]))
		r->len--;
}

/* Takes a leading '+' or '-'; true for '-'. */
static bool take_sign(struct rest *r)
{
	bool negative = r->len && r->at[0] == '-';

	if (r->len && (r->at[0] == '+' || r->at[0] == '-'))
		r->at++, r->len--;
	return negative;
}

static bool take(struct rest *r, const char *word)
{
	size_t len = strlen(word);

	if (r->len < len || memcmp(r->at, word, len) != 0)
		return false;
	r->at += len;
	r->len -= len;
	return true;
}

static size_t take_digits(struct rest *r, int base)
{
	size_t count = 0;

	while (r->len && is_digit_of(r->at[0], base))
		r->at++, r->len--, count++;
	return count;
}

/* Both loaders first drop every underscore and (for floats) lowercase the
 * text; the copy lives in the arena. */
static char *cleaned(struct arena *arena, const struct scalar *s, bool lowercase,
		     size_t *len)
{
	char *copy = arena_alloc(arena, s->len + 4); /* room for '-' and ".0" */

	*len = 0;
	if (!copy)
		return NULL;
	for (size_t i = 0; i < s->len; i++)
		if (s->text[i] != '_')
			copy[(*len)++] = lowercase ? lower(s->text[i]) : s->text[i];
	copy[*len] = '\0';
	return copy;
}

/* Writes the number's text over buffer: a '-' when negative, then body. */
static void set_text(struct scalar *s, char *buffer, bool negative, struct rest body)
{
	size_t len = 0;

	if (negative)
		buffer[len++] = '-';
	memmove(buffer + len, body.at, body.len);
	len += body.len;
	buffer[len] = '\0';
	s->text = buffer;
	s->len = len;
}

/* ruamel's construct_yaml_int: an optional sign, then 0b, 0x or 0o and
 * digits of that base, or decimal digits, which Python's int() also takes
 * between spaces and after a sign of their own. `0X10` is refused. */
static bool convert_int(struct scalar *s, char *text, size_t len)
{
	struct rest r = { text, len };
	bool negative;
	int base = 10;

	if (len == 0)
		return false;
	negative = take_sign(&r);
	if (take(&r, "0b"))
		base = 2;
	else if (take(&r, "0o"))
		base = 8;
	else if (take(&r, "0x"))
		base = 16;
	struct rest digits = r;
	trim(&digits);
	negative ^= take_sign(&digits);
	struct rest body = digits;
	if (take_digits(&digits, base) == 0 || digits.len)
		return false;
	if (base != 10) {
		/* The prefix stays: it says how to read the digits. */
		body.at -= 2;
		body.len += 2;
		memcpy((char *)body.at, base == 2 ? "0b" : base == 8 ? "0o" : "0x", 2);
	}
	set_text(s, text, negative, body);
	s->type = SCALAR_INT;
	s->int_overflow = !scalar_parse_int(s->text, s->len, &s->int_value);
	return true;
}

/* What Python's float() reads: a sign, then inf, infinity, nan, or
 * decimal digits with a point and an exponent (at least one digit). */
static bool python_float(struct rest r)
{
	size_t digits;

	take_sign(&r);
	if (r.len == 3 && (take(&r, "inf") || take(&r, "nan")))
		return true;
	if (r.len == 8 && take(&r, "infinity"))
		return true;
	digits = take_digits(&r, 10);
	if (r.len && r.at[0] == '.') {
		r.at++, r.len--;
		digits += take_digits(&r, 10);
	}
	if (!digits)
		return false;
	if (r.len && r.at[0] == 'e') {
		r.at++, r.len--;
		take_sign(&r);
		if (!take_digits(&r, 10))
			return false;
	}
	return r.len == 0;
}

/* ruamel's construct_yaml_float: an optional sign, then .inf, .nan, or
 * what Python's float() takes (spaces around it too). */
static bool convert_float(struct scalar *s, char *text, size_t len)
{
	struct rest r = { text, len };
	bool negative;

	if (len == 0)
		return false;
	negative = take_sign(&r);
	bool special = (r.len == 4 && (memcmp(r.at, ".inf", 4) == 0 ||
				       memcmp(r.at, ".nan", 4) == 0));
	if (!special) {
		trim(&r);
		if (!python_float(r))
			return false;
		negative ^= r.len && r.at[0] == '-';
		take_sign(&r);
	}
	set_text(s, text, negative, r);
	/* Written as Python writes a float, 20.0, so that no message calls
	 * it "the number 20" where an integer is wanted. */
	if (strspn(s->text + negative, "0123456789") == s->len - negative) {
		memcpy(text + s->len, ".0", 3);
		s->len += 2;
	}
	s->type = SCALAR_FLOAT;
	return true;
}

/* ruamel's construct_yaml_bool takes YAML 1.1's words in any case. */
static bool convert_bool(struct scalar *s)
{
	static const char *const words[] = { "true", "yes", "y", "on",
					     "false", "no", "n", "off" };
	char word[6];

	if (s->len >= sizeof word)
		return false;
	for (size_t i = 0; i < s->len; i++)
		word[i] = lower(s->text[i]);
	word[s->len] = '\0';
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		if (strcmp(word, words[i]) == 0) {
			s->type = SCALAR_BOOL;
			s->bool_value = i < 4;
			return true;
		}
	}
	return false;
}

static bool digits_between(struct rest *r, size_t min, size_t max)
{
	size_t count = 0;

	while (count < max && r->len && r->at[0] >= '0' && r->at[0] <= '9')
		r->at++, r->len--, count++;
	return count >= min;
}

/* ruamel's timestamp expression: a date (month and day of one or two
 * digits), or a date and a time, which the implicit typing already
 * knows. */
static bool convert_timestamp(struct scalar *s)
{
	struct rest r = { s->text, s->len };

	if (scalar_resolve_yaml(s->text, s->len) == SCALAR_DATETIME) {
		s->type = SCALAR_DATETIME;
		return true;
	}
	if (digits_between(&r, 4, 4) && take(&r, "-") && digits_between(&r, 1, 2) &&
	    take(&r, "-") && digits_between(&r, 1, 2) && r.len == 0) {
		s->type = SCALAR_DATE;
		return true;
	}
	return false;
}

bool standard_tag_convert(struct scalar *s, const char *suffix, size_t len,
			  struct arena *arena, bool *out_of_memory)
{
	bool is_int = suffix_is(suffix, len, "int");

	*out_of_memory = false;
	if (suffix_is(suffix, len, "str")) {
		s->type = SCALAR_STRING;
		return true;
	}
	if (suffix_is(suffix, len, "null")) {
		/* Whatever the text, the constructor returns None. */
		s->type = SCALAR_NULL;
		return true;
	}
	if (suffix_is(suffix, len, "bool"))
		return convert_bool(s);
	if (suffix_is(suffix, len, "timestamp"))
		return convert_timestamp(s);
	if (!is_int && !suffix_is(suffix, len, "float"))
		return false;

	struct scalar converted = *s;
	size_t clean_len;
	char *text = cleaned(arena, s, !is_int, &clean_len);
	if (!text) {
		*out_of_memory = true;
		return false;
	}
	if (!(is_int ? convert_int(&converted, text, clean_len)
		     : convert_float(&converted, text, clean_len)))
		return false;
	*s = converted;
	return true;
}
