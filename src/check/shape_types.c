/* A value's type, the gate to every other shape rule: a member takes a
 * string, a 32-bit integer, a mapping or a list, and a value of another
 * type is reported once, as that, with a fix where quoting or writing
 * the number plainly mends it. */
#include "shape_rules.h"

#include <stdio.h>

#include "fix.h"
#include "load/scalar.h"

/* What a value is, for "found ..." in messages: "the integer 5". */
struct description shape_describe(const struct node *node)
{
	struct description d;
	const struct scalar *s = &node->scalar;
	const char *what = NULL;

	if (node->kind == NODE_MAPPING) {
		snprintf(d.text, sizeof d.text, "a mapping");
		return d;
	}
	if (node->kind == NODE_SEQUENCE) {
		snprintf(d.text, sizeof d.text, "a list");
		return d;
	}
	switch (s->type) {
	case SCALAR_NULL:
		snprintf(d.text, sizeof d.text, "null");
		return d;
	case SCALAR_STRING:
		snprintf(d.text, sizeof d.text, "the string %s", quote(s->text, s->len).text);
		return d;
	case SCALAR_BOOL:
		what = "the boolean";
		break;
	case SCALAR_INT:
		what = "the integer";
		break;
	case SCALAR_FLOAT:
		what = "the number";
		break;
	case SCALAR_DATE:
		what = "the date";
		break;
	case SCALAR_DATETIME:
		what = "the date and time";
		break;
	}
	snprintf(d.text, sizeof d.text, "%s %s", what, shorten(s->text, s->len).text);
	return d;
}

/* The integer a string or number stands for, written plainly ("2" and
 * 2.0 are 2), when it is one beyond doubt and a 32-bit one, as the rule
 * wants: "2147483648" written as a number would still be wrong. False
 * otherwise. */
static bool integer_text(const struct node *node, char *out, size_t size)
{
	const struct scalar *s = &node->scalar;
	size_t digits = 0;
	long long value;

	if (node->kind != NODE_SCALAR || s->len == 0 || s->len > 18)
		return false;
	while (digits < s->len && s->text[digits] >= '0' && s->text[digits] <= '9')
		digits++;
	if (s->type == SCALAR_STRING) {
		if (digits != s->len || (s->len > 1 && s->text[0] == '0'))
			return false; /* 017: an octal meant, or a code, not a count */
	} else {
		/* 2.0, 2.00, 20.0: digits, a point, then only zeros. */
		size_t i = digits;
		if (s->type != SCALAR_FLOAT || digits == 0 || i == s->len || s->text[i] != '.' ||
		    i + 1 == s->len)
			return false;
		for (i++; i < s->len; i++)
			if (s->text[i] != '0')
				return false;
	}
	if (!scalar_parse_int(s->text, digits, &value) || value > INT32_MAX)
		return false;
	snprintf(out, size, "%lld", value);
	return true;
}

static bool check_integer(struct checker *c, const struct node *node)
{
	if (!is_scalar_of(node, SCALAR_INT)) {
		char integer[24];
		if (report(c, node->span, "%s must be an integer; found %s",
			   label(c), shape_describe(node).text) &&
		    integer_text(node, integer, sizeof integer))
			fix_plain(c->diags, node, integer, strlen(integer));
		return false;
	}
	if (node->scalar.int_overflow || node->scalar.int_value < INT32_MIN ||
	    node->scalar.int_value > INT32_MAX) {
		report(c, node->span,
		       "%s must be a 32-bit integer; %s is out of its range",
		       label(c), shorten(node->scalar.text, node->scalar.len).text);
		return false;
	}
	return true;
}

bool rule_wrong_type(struct checker *c, const struct shape *shape,
		     const struct node *node)
{
	const char *expected;
	bool ok;

	switch (shape->type) {
	case SHAPE_INTEGER:
		return check_integer(c, node);
	case SHAPE_STRING:
		expected = "a string";
		ok = is_scalar_of(node, SCALAR_STRING);
		break;
	case SHAPE_STRUCTURE:
		expected = "a mapping";
		ok = node->kind == NODE_MAPPING;
		break;
	case SHAPE_LIST:
		expected = "a list";
		ok = node->kind == NODE_SEQUENCE;
		break;
	case SHAPE_MAP:
		expected = "a mapping";
		ok = node->kind == NODE_MAPPING;
		break;
	case SHAPE_TIMESTAMP: /* rule_invalid_timestamp's */
	case SHAPE_OTHER:
	default:
		return true;
	}
	if (!ok) {
		/* A number, boolean or date where text belongs is fixed by quoting. */
		bool quotable = shape->type == SHAPE_STRING && node->kind == NODE_SCALAR &&
				node->scalar.type != SCALAR_NULL;
		if (report(c, node->span, "%s must be %s; found %s%s",
			   label(c), expected, shape_describe(node).text,
			   quotable ? " (quote it to make it a string)" : "") && quotable)
			fix_quote(c->diags, node);
	}
	return ok;
}

/* A template's number such as 2.0 for an integer member, which the
 * template's reading took as the integer it equals (kinds/cloudformation/resolve.c). */
bool rule_integer_as_float(struct checker *c, const struct shape *shape,
			   const struct node *node)
{
	char integer[24];

	if (shape->type != SHAPE_INTEGER || !is_scalar_of(node, SCALAR_INT) ||
	    !node->scalar.integral_float)
		return true;
	snprintf(integer, sizeof integer, "%lld", node->scalar.int_value);
	if (report(c, node->span,
		   "%s %s is written as a float; cfn-lint and JSON Schema take it as the "
		   "integer %s, but how CloudFormation converts it is not documented: write %s",
		   label(c), shorten(node->scalar.text, node->scalar.len).text, integer, integer))
		fix_plain(c->diags, node, integer, strlen(integer));
	/* The integer is what is checked further, as it is what may be sent. */
	return true;
}
