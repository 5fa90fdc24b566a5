#include "scalar.h"

#include <limits.h>
#include <string.h>

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

struct regex *const scalar_regexes[] = {
	&resolvers[0].regex, &resolvers[1].regex, &resolvers[2].regex,
	&resolvers[3].regex, &resolvers[4].regex, &resolvers[5].regex, NULL,
};
_Static_assert(sizeof scalar_regexes / sizeof scalar_regexes[0] == RESOLVER_COUNT + 1,
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

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
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
		int digit = digit_value(text[i]);
		if (digit >= base)
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

void scalar_release(void)
{
	for (struct regex *const *regex = scalar_regexes; *regex; regex++)
		regex_release(*regex);
}
