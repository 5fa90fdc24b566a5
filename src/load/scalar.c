#include "scalar.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hex.h"
#include "base/memory.h"
#include "base/regex.h"

/* The plain-scalar forms that are not strings, tried in order. The
 * expressions follow the AWS CLI's YAML loader (see aws-cli-behaviour in the
 * project's references): `yes` stays a string, `017` is decimal 17, a date
 * needs two-digit month and day, and `12:30` is a string. */
static struct {
	enum scalar_type type;
	struct regex regex;
} resolvers[] = {
	{ SCALAR_NULL, REGEX_INIT("~|null|Null|NULL") },
	{ SCALAR_BOOL, REGEX_INIT("true|True|TRUE|false|False|FALSE") },
	{ SCALAR_INT, REGEX_INIT("[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9_]*[0-9][0-9_]*)") },
	{ SCALAR_FLOAT, REGEX_INIT("[-+]?(?:(?:[0-9][0-9_]*\\.[0-9_]*|\\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
				   "|[0-9][0-9_]*[eE][-+]?[0-9]+|\\.(?:inf|Inf|INF))|\\.(?:nan|NaN|NAN)") },
	{ SCALAR_DATE, REGEX_INIT("[0-9]{4}-[0-9]{2}-[0-9]{2}") },
	{ SCALAR_DATETIME, REGEX_INIT("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
				      "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?") },
};

enum { RESOLVER_COUNT = sizeof resolvers / sizeof resolvers[0] };

/* What a template's plain scalars are to YAML 1.1, as PyYAML's resolver
 * has it (017 is octal, 12:30 is 750 in base 60, 1e3 is text, as the
 * exponent of a float needs a point and a sign), and to YAML 1.2's core
 * schema (the specification's 10.3.2: no underscores, no base 60, 0o17 is
 * octal). Null, the YAML 1.2 booleans and the timestamps are the
 * resolvers' above. */
static struct regex yaml11_bool = REGEX_INIT(
	"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
static struct regex yaml11_int = REGEX_INIT(
	"[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
	"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
static struct regex yaml11_float = REGEX_INIT(
	"[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
	"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
static struct regex yaml12_int = REGEX_INIT("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
static struct regex yaml12_float = REGEX_INIT(
	"[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)"
	"|\\.(?:nan|NaN|NAN)");

struct regex *const scalar_regexes[] = {
	&resolvers[0].regex, &resolvers[1].regex, &resolvers[2].regex,
	&resolvers[3].regex, &resolvers[4].regex, &resolvers[5].regex,
	&yaml11_bool, &yaml11_int, &yaml11_float, &yaml12_int, &yaml12_float, NULL,
};
_Static_assert(sizeof scalar_regexes / sizeof scalar_regexes[0] == RESOLVER_COUNT + 6,
	       "every resolver's pattern is listed");

/* Only scalars that start like a number, a date, null or a boolean can be
 * anything but a string; the rest skip the expressions altogether. The AWS
 * CLI's loader chooses its candidate types by the first character the same
 * way, which is why "_1" is a string but "-_1" an integer. */
static bool may_be_typed(const char *text, size_t len)
{
	if (len == 0)
		return true;
	return strchr("0123456789+-.~nNtTfF", text[0]) != NULL;
}

enum scalar_type scalar_resolve_yaml(const char *text, size_t len)
{
	if (len == 0)
		return SCALAR_NULL;
	if (!may_be_typed(text, len))
		return SCALAR_STRING;
	for (size_t i = 0; i < RESOLVER_COUNT; i++)
		if (regex_match(&resolvers[i].regex, text, len, NULL, 0))
			return resolvers[i].type;
	return SCALAR_STRING;
}

enum scalar_type scalar_resolve_json(const char *text, size_t len)
{
	/* The parser has already refused anything that is not a JSON literal. */
	if (len == 4 && memcmp(text, "null", 4) == 0)
		return SCALAR_NULL;
	if ((len == 4 && memcmp(text, "true", 4) == 0) ||
	    (len == 5 && memcmp(text, "false", 5) == 0))
		return SCALAR_BOOL;
	/* NaN and Infinity are not JSON, but Python's reader takes them as
	 * floats; libfyaml refuses them before they get here. */
	if (memchr(text, '.', len) || memchr(text, 'e', len) || memchr(text, 'E', len) ||
	    memchr(text, 'N', len) || memchr(text, 'I', len))
		return SCALAR_FLOAT;
	return SCALAR_INT;
}

bool scalar_parse_int(const char *text, size_t len, long long *value)
{
	size_t i = 0;
	bool negative = false;
	int base = 10;
	/* Accumulate as a negative number: its range is the larger one. */
	long long result = 0;

	if (i < len && (text[i] == '-' || text[i] == '+'))
		negative = text[i++] == '-';
	if (len - i > 2 && text[i] == '0' && strchr("box", text[i + 1])) {
		base = text[i + 1] == 'b' ? 2 : text[i + 1] == 'o' ? 8 : 16;
		i += 2;
	}
	for (; i < len; i++) {
		if (text[i] == '_')
			continue;
		int digit = hex_digit_value(text[i]);
		if (digit < 0 || digit >= base)
			return false;
		if (result < (LLONG_MIN + digit) / base)
			return false;
		result = result * base - digit;
	}
	if (!negative) {
		if (result == LLONG_MIN)
			return false;
		result = -result;
	}
	*value = result;
	return true;
}

void scalar_set_value(struct scalar *scalar)
{
	if (scalar->type == SCALAR_INT)
		scalar->int_overflow = !scalar_parse_int(scalar->text, scalar->len,
							 &scalar->int_value);
	if (scalar->type == SCALAR_BOOL)
		scalar->bool_value = scalar->text[0] == 't' || scalar->text[0] == 'T';
}

/* ---- a template's plain scalars, by YAML version ------------------------- */

static bool matches(struct regex *regex, const char *text, size_t len)
{
	return regex_match(regex, text, len, NULL, 0);
}

/* Adds a digit to *value, false when it no longer fits. */
static bool accumulate(unsigned long long *value, unsigned base, unsigned digit)
{
	if (*value > (ULLONG_MAX - digit) / base)
		return false;
	*value = *value * base + digit;
	return true;
}

/* A YAML 1.1 integer's value, as PyYAML constructs it: underscores
 * dropped, then 0 alone, 0b binary, 0x hexadecimal, another leading 0
 * octal, colons base 60, else decimal. */
static struct yaml_value yaml11_integer(const char *text, size_t len)
{
	struct yaml_value v = { .type = SCALAR_INT };
	unsigned long long value = 0, part = 0;
	bool negative = false, fits = true, sexagesimal = memchr(text, ':', len) != NULL;
	unsigned base = 10;
	size_t i = 0;

	if (text[0] == '-' || text[0] == '+')
		negative = text[i++] == '-';
	while (i < len && text[i] == '_')
		i++;
	if (len - i > 1 && text[i] == '0' && (text[i + 1] == 'b' || text[i + 1] == 'x')) {
		base = text[i + 1] == 'b' ? 2 : 16;
		v.notation = base == 2 ? "binary" : "hexadecimal";
		i += 2;
	} else if (sexagesimal) {
		v.notation = "base 60";
	} else if (text[i] == '0') {
		for (size_t k = i + 1; k < len; k++)
			if (text[k] != '_') {
				base = 8;
				v.notation = "octal";
				break;
			}
	}
	for (; i < len && fits; i++) {
		if (text[i] == '_')
			continue;
		if (text[i] == ':') {
			fits = accumulate(&value, 60, 0) && value <= ULLONG_MAX - part;
			value += fits ? part : 0;
			part = 0;
			continue;
		}
		/* The pattern that typed the text let only digits through. */
		unsigned digit = (unsigned)hex_digit_value(text[i]);
		if (sexagesimal)
			fits = accumulate(&part, 10, digit);
		else
			fits = accumulate(&value, base, digit);
	}
	if (sexagesimal && fits) {
		fits = accumulate(&value, 60, 0) && value <= ULLONG_MAX - part;
		value += fits ? part : 0;
	}
	if (!fits || value > (unsigned long long)LLONG_MAX) {
		v.int_overflow = true;
		return v;
	}
	v.int_value = negative ? -(long long)value : (long long)value;
	return v;
}

/* A float's value as the version constructs it: YAML 1.1 drops the
 * underscores and reads base 60 (1:30.5 is 90.5). A copy holds the text
 * without underscores; when it cannot be made, the value is NaN, a
 * number no member takes, which loses nothing but the message's words. */
static struct yaml_value yaml_float(const char *text, size_t len)
{
	struct yaml_value v = { .type = SCALAR_FLOAT, .float_value = NAN };
	char small[64], *clean = len < sizeof small ? small : mem_malloc(len + 1);
	size_t n = 0, start;
	double sign = 1, value = 0;

	if (!clean)
		return v;
	for (size_t i = 0; i < len; i++)
		if (text[i] != '_')
			clean[n++] = text[i];
	clean[n] = '\0';
	start = clean[0] == '-' || clean[0] == '+';
	sign = clean[0] == '-' ? -1 : 1;
	if (clean[start] == '.' && (clean[start + 1] == 'i' || clean[start + 1] == 'I')) {
		v.float_value = sign * INFINITY;
	} else if (clean[start] == '.' && (clean[start + 1] == 'n' || clean[start + 1] == 'N')) {
		v.float_value = NAN;
	} else if (strchr(clean, ':')) {
		v.notation = "base 60";
		for (char *part = clean + start, *end; *part; part = *end ? end + 1 : end) {
			value = value * 60 + strtod(part, &end);
			if (*end && *end != ':')
				break;
		}
		v.float_value = sign * value;
	} else {
		v.float_value = strtod(clean, NULL);
	}
	if (clean != small)
		free(clean);
	return v;
}

struct yaml_value scalar_read_yaml(const char *text, size_t len, enum yaml_version version)
{
	struct yaml_value v = { .type = SCALAR_STRING };
	bool one_one = version == YAML_1_1;

	/* Text that starts like no null, boolean, number or date is text. */
	if (len > 0 && !strchr("0123456789+-.~nNtTfFyYoO", text[0]))
		return v;
	if (len == 0 || matches(&resolvers[0].regex, text, len)) {
		v.type = SCALAR_NULL;
	} else if (matches(one_one ? &yaml11_bool : &resolvers[1].regex, text, len)) {
		v.type = SCALAR_BOOL;
		/* true, yes and on, in their three cases */
		v.bool_value = strchr("tTyY", text[0]) || text[1] == 'n' || text[1] == 'N';
	} else if (one_one && matches(&yaml11_int, text, len)) {
		v = yaml11_integer(text, len);
	} else if (!one_one && matches(&yaml12_int, text, len)) {
		v.type = SCALAR_INT;
		v.int_overflow = !scalar_parse_int(text, len, &v.int_value);
		v.notation = len > 1 && text[1] == 'o' ? "octal" : len > 1 && text[1] == 'x'
			? "hexadecimal" : NULL;
	} else if (matches(one_one ? &yaml11_float : &yaml12_float, text, len)) {
		v = yaml_float(text, len);
	} else if (one_one && matches(&resolvers[4].regex, text, len)) {
		v.type = SCALAR_DATE;
	} else if (one_one && matches(&resolvers[5].regex, text, len)) {
		v.type = SCALAR_DATETIME;
	}
	return v;
}

void scalar_format_float(double value, char *out, size_t size)
{
	for (int digits = 1; digits <= 17; digits++) {
		snprintf(out, size, "%.*g", digits, value);
		if (strtod(out, NULL) == value)
			break;
	}
	if (isfinite(value) && !strpbrk(out, ".e"))
		snprintf(out + strlen(out), size - strlen(out), ".0");
}

void scalar_release(void)
{
	for (struct regex *const *regex = scalar_regexes; *regex; regex++)
		regex_release(*regex);
}
