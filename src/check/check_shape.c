/* Each documented constraint is one rule: a small function, rule_NAME for
 * the rule NAME, registered in shape_rules below, with its catalog entry in rules/catalog.yaml and its
 * cases in testdata/cases/shape/. The walker follows the shapes, not the
 * input, so it goes no deeper than the request's own structure. */
#include "check_shape.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fix.h"
#include "member_place.h"
#include "pattern_words.h"
#include "suggest.h"
#include "timestamp.h"
#include "base/path.h"
#include "base/quote.h"
#include "base/utf8.h"
#include "load/scalar.h"

struct checker {
	struct diag_list *diags;
	struct path path;
	const char *root;  /* what the root is called in messages */
	const struct shape *top; /* the root's shape */
	/* The members that misspelt keys of the mapping meant_in were taken
	 * for, one bit each (by index): rule_unknown_member, which runs
	 * first, reports them, so rule_missing_member does not. */
	const struct node *meant_in;
	uint64_t meant;
	size_t fixed_by[64]; /* for each, 1 + the index of the diagnostic with
				the fix that renames the key to it, or 0 */
	double now;        /* the day a time without a date is read on */
	const char *entry; /* a map's key or value being checked: its label */
	enum rule_id rule; /* the rule being checked, which report() raises */
};

/* Raises the rule being checked: a rule's function can raise no other.
 * False when the diagnostic was not recorded (past the file's limit). */
__attribute__((format(printf, 3, 4)))
static bool report(struct checker *c, struct span span, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	bool added = diag_addv(c->diags, c->rule, span, path_string(&c->path), format, args);
	va_end(args);
	return added;
}

/* The member a message speaks of: the last step of the path, such as
 * VariantName or CsvContentTypes[0]. */
static const char *label(const struct checker *c)
{
	const char *path = path_string(&c->path);
	const char *dot = strrchr(path, '.');

	if (c->entry)
		return c->entry;
	if (!*path)
		return c->root;
	return dot ? dot + 1 : path;
}

/* What a value is, for "found ..." in messages. */
struct description {
	char text[sizeof(struct quoted) + 32];
};

static struct description describe(const struct node *node)
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

static bool is_scalar_of(const struct node *node, enum scalar_type type)
{
	return node->kind == NODE_SCALAR && node->scalar.type == type;
}

/* ---- the type of a value: the gate to every other check ----------------- */

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
			   label(c), describe(node).text) &&
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

/* ---- the rules ---------------------------------------------------------- */

/* Each returns false when it reported the value; the walker then spares the
 * value the rules after it, so one mistake makes one diagnostic. */
typedef bool (*shape_check)(struct checker *c, const struct shape *shape,
			    const struct node *node);

static bool rule_wrong_type(struct checker *c, const struct shape *shape,
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
			   label(c), expected, describe(node).text,
			   quotable ? " (quote it to make it a string)" : "") && quotable)
			fix_quote(c->diags, node);
	}
	return ok;
}

/* A template's number such as 2.0 for an integer member, which the
 * template's reading took as the integer it equals (check/resolve.c). */
static bool rule_integer_as_float(struct checker *c, const struct shape *shape,
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

/* Whether an unquoted date, once quoted, is a date the AWS CLI takes:
 * quoting 2030-00-17 would leave it refused. */
static bool quoted_date_reads(const struct node *node)
{
	double seconds;

	return timestamp_parse(node->scalar.text, node->scalar.len, &seconds);
}

static bool rule_invalid_timestamp(struct checker *c, const struct shape *shape,
				   const struct node *node)
{
	if (shape->type != SHAPE_TIMESTAMP ||
	    timestamp_read(node, c->now).form != TIMESTAMP_REFUSED)
		return true;
	bool quotable = is_scalar_of(node, SCALAR_DATE) && quoted_date_reads(node);
	if (report(c, node->span,
		   "%s must be a timestamp: ISO 8601 (\"2030-01-10T00:00:00Z\"), "
		   "RFC 822 or epoch seconds; found %s%s",
		   label(c), describe(node).text,
		   quotable ? " (quote it: the AWS CLI refuses an unquoted date)" : "") &&
	    quotable)
		fix_quote(c->diags, node);
	return false;
}

static bool rule_nonstandard_timestamp(struct checker *c, const struct shape *shape,
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

static bool rule_ambiguous_timestamp(struct checker *c, const struct shape *shape,
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

static bool rule_missing_member(struct checker *c, const struct shape *shape,
				const struct node *node)
{
	if (shape->type != SHAPE_STRUCTURE)
		return true;
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *member = &shape->members[i];
		if (!member->required || node_member(node, member->name) ||
		    (c->meant_in == node && i < 64 && (c->meant >> i & 1)))
			continue;
		size_t mark = path_length(&c->path);
		const char *owner = label(c);
		/* The label points into the path, which is about to grow. */
		char owner_copy[sizeof(struct quoted)];
		snprintf(owner_copy, sizeof owner_copy, "%s", owner);
		path_append_key(&c->path, member->name, strlen(member->name));
		/* A template that the resource's schema takes can still fail:
		 * say why, where the two disagree. */
		if (member->optional_in_schema)
			report(c, node->span,
			       "%s lacks the member %s: CloudFormation's schema makes it "
			       "optional, but the CreateInferenceExperiment request the stack "
			       "sends requires it", owner_copy, member->name);
		else
			report(c, node->span,
			       "%s lacks the required member %s", owner_copy, member->name);
		path_truncate(&c->path, mark);
	}
	return true;
}

/* Which members of the shape the mapping has, one bit each (by index);
 * a member past the 64th counts as present, so it is never suggested. */
static uint64_t members_present(const struct shape *shape, const struct node *mapping)
{
	uint64_t present = 0;

	for (size_t i = 0; i < shape->member_count; i++)
		if (i >= 64 || node_member(mapping, shape->members[i].name))
			present |= i < 64 ? UINT64_C(1) << i : 0;
	return present;
}

static bool is_present(uint64_t present, size_t i)
{
	return i >= 64 || (present >> i & 1);
}

/* The index of the shape's member of this name, or member_count. */
static size_t member_index(const struct shape *shape, const char *name)
{
	size_t i = 0;

	while (i < shape->member_count && strcmp(shape->members[i].name, name) != 0)
		i++;
	return i;
}

/* A key surely meant as a member: its diagnostic gets the fix that renames
 * it, unless another key of the mapping was meant as the same member, when
 * neither does (both renamed would be a duplicate key). */
static void claim_member(struct checker *c, const struct shape *shape,
			 const struct node *key, const char *meant, bool reported)
{
	size_t i = member_index(shape, meant);

	if (i >= shape->member_count || i >= 64)
		return;
	if (c->meant >> i & 1) {
		size_t earlier = c->fixed_by[i];
		if (earlier && earlier <= c->diags->count)
			diag_drop_fix(&c->diags->items[earlier - 1]);
		c->fixed_by[i] = 0;
		return;
	}
	c->meant |= UINT64_C(1) << i;
	if (reported) {
		fix_string(c->diags, key, meant, strlen(meant));
		c->fixed_by[i] = c->diags->count;
	}
}

/* A member of a neighbouring API (the catalog's aliases), such as a
 * VariantName among a shadow variant's members: says the member meant
 * and where it goes. A member meant in this very mapping counts as meant,
 * so that its absence is not reported besides. False when the key is no
 * alias, or the member meant has no one place from here. */
static bool report_alias(struct checker *c, const struct shape *shape, uint64_t present,
			 const struct node *key, const char *owner)
{
	const struct member_alias *alias = model_find_alias(shape, key->scalar.text,
							    key->scalar.len);
	bool at_root;
	char *place = alias ? member_place(shape, c->top, alias->meant, strlen(alias->meant),
					   &at_root) : NULL;

	if (!place)
		return false;
	size_t i = at_root ? shape->member_count : member_index(shape, alias->meant);
	bool here = i < shape->member_count && i < 64;
	report(c, key->span, "unknown member %s in %s; that is the name %s: here the member "
	       "is %s%s", quote(key->scalar.text, key->scalar.len).text, owner, alias->from,
	       place, at_root ? " (from the top)"
	       : here && is_present(present, i) ? ", given already" : "");
	if (here)
		c->meant |= UINT64_C(1) << i;
	free(place);
	return true;
}

/* "Did you mean" for a member not known here: a member of a neighbouring
 * API, a misspelling of a member the mapping does not have yet, else the
 * place it belongs. */
static void report_unknown_key(struct checker *c, const struct shape *shape,
			       uint64_t present, const struct node *key, const char *owner)
{
	struct suggestion s;

	/* Past the limit, spare the suggestion's cost: the diagnostic is only
	 * counted, or meets its suppression. */
	if (!diag_list_has_room(c->diags, c->rule, key->span.line)) {
		report(c, key->span, "unknown member in %s", owner);
		return;
	}
	if (!node_is_string(key)) {
		report(c, key->span,
		       "%s is not a member of %s: member names are strings",
		       describe(key).text, owner);
		return;
	}
	if (report_alias(c, shape, present, key, owner))
		return;
	suggestion_init(&s, key->scalar.text, key->scalar.len);
	for (size_t i = 0; i < shape->member_count; i++)
		if (!is_present(present, i))
			suggestion_consider(&s, shape->members[i].name);
	if (s.best) {
		const char *meant = suggestion_certain(&s);
		bool reported = report(c, key->span, "unknown member %s in %s; did you mean \"%s\"?",
				       quote(key->scalar.text, key->scalar.len).text, owner, s.best);
		if (meant)
			claim_member(c, shape, key, meant, reported);
		return;
	}
	/* Near a member given already: a second copy, most likely. */
	suggestion_init(&s, key->scalar.text, key->scalar.len);
	for (size_t i = 0; i < shape->member_count && i < 64; i++)
		if (is_present(present, i))
			suggestion_consider(&s, shape->members[i].name);
	bool at_root;
	char *place = s.best ? NULL : member_place(shape, c->top, key->scalar.text,
						   key->scalar.len, &at_root);
	if (s.best)
		report(c, key->span, "unknown member %s in %s; %s, the member nearest it, is "
		       "given already", quote(key->scalar.text, key->scalar.len).text, owner,
		       s.best);
	else if (place && !strchr(place, '.') && at_root)
		report(c, key->span, "unknown member %s in %s; it belongs at the top of %s",
		       quote(key->scalar.text, key->scalar.len).text, owner, c->root);
	else if (place)
		report(c, key->span, "unknown member %s in %s; did you mean %s%s?",
		       quote(key->scalar.text, key->scalar.len).text, owner, place,
		       at_root ? " (from the top)" : "");
	else
		report(c, key->span, "unknown member %s in %s",
		       quote(key->scalar.text, key->scalar.len).text, owner);
	free(place);
}

static bool rule_unknown_member(struct checker *c, const struct shape *shape,
				const struct node *node)
{
	uint64_t present;

	if (shape->type != SHAPE_STRUCTURE)
		return true;
	present = members_present(shape, node);
	c->meant_in = node;
	c->meant = 0;
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct node *key = node->mapping.pairs[i].key;
		if (node_is_string(key) &&
		    shape_find_member(shape, key->scalar.text, key->scalar.len))
			continue;
		char owner[sizeof(struct quoted)];
		snprintf(owner, sizeof owner, "%s", label(c));
		size_t mark = path_length(&c->path);
		if (node_is_string(key))
			path_append_key(&c->path, key->scalar.text, key->scalar.len);
		report_unknown_key(c, shape, present, key, owner);
		path_truncate(&c->path, mark);
	}
	return true;
}

/* The items of a list, or the entries of a map. */
static bool rule_list_length(struct checker *c, const struct shape *shape,
			     const struct node *node)
{
	size_t count;
	const char *one = shape->type == SHAPE_MAP ? "entry" : "item";
	const char *many = shape->type == SHAPE_MAP ? "entries" : "items";

	if (shape->type != SHAPE_LIST && shape->type != SHAPE_MAP)
		return true;
	count = shape->type == SHAPE_MAP ? node->mapping.count : node->sequence.count;
	if (shape->has_min && (long long)count < shape->min) {
		report(c, node->span,
		       "%s has %zu %s; it needs at least %lld", label(c), count,
		       count == 1 ? one : many, shape->min);
		return false;
	}
	if (shape->has_max && (long long)count > shape->max) {
		report(c, node->span,
		       "%s has %zu %s; at most %lld %s allowed", label(c), count, many,
		       shape->max, shape->max == 1 ? "is" : "are");
		return false;
	}
	return true;
}

static bool rule_string_length(struct checker *c, const struct shape *shape,
			       const struct node *node)
{
	size_t chars;

	if (shape->type != SHAPE_STRING)
		return true;
	chars = utf8_count(node->scalar.text, node->scalar.len);
	if (shape->has_min && (long long)chars < shape->min) {
		const char *unit = shape->min == 1 ? "character" : "characters";
		/* A value of the wrong form as well ("MyRole" for a RoleArn) is
		 * told what it must look like, its length with it, by the
		 * pattern's rule: more use than "too short" alone. */
		if (chars > 0 && !shape_matches_pattern(shape, node->scalar.text, node->scalar.len))
			return true;
		if (chars == 0)
			report(c, node->span,
			       "%s is empty; it needs at least %lld %s", label(c),
			       shape->min, unit);
		else
			report(c, node->span,
			       "%s is %zu characters long; it needs at least %lld %s",
			       label(c), chars, shape->min, unit);
		return false;
	}
	if (shape->has_max && (long long)chars > shape->max) {
		report(c, node->span,
		       "%s is %zu characters long; at most %lld are allowed",
		       label(c), chars, shape->max);
		return false;
	}
	return true;
}

/* A name that is wrong only for the hyphens it ends with ("shadow-") is
 * fixed by dropping them. */
static void fix_trailing_hyphens(struct checker *c, const struct shape *shape,
				 const struct node *node)
{
	size_t len = node->scalar.len;

	while (len > 0 && node->scalar.text[len - 1] == '-')
		len--;
	if (len == node->scalar.len || len == 0 ||
	    (shape->has_min && (long long)utf8_count(node->scalar.text, len) < shape->min) ||
	    !shape_matches_pattern(shape, node->scalar.text, len))
		return;
	fix_string(c->diags, node, node->scalar.text, len);
}

static bool rule_pattern_mismatch(struct checker *c, const struct shape *shape,
			 const struct node *node)
{
	if (shape->type != SHAPE_STRING || !shape->pattern ||
	    shape_matches_pattern(shape, node->scalar.text, node->scalar.len))
		return true;
	/* In words (check/pattern_words.h); the pattern itself goes with the
	 * diagnostic, for the JSON report. */
	char *words = pattern_words_say(shape, node->scalar.text, node->scalar.len);
	size_t chars = utf8_count(node->scalar.text, node->scalar.len);
	char length[96] = "";
	/* Shorter than its minimum too (rule_string_length left it here). */
	if (shape->has_min && (long long)chars < shape->min)
		snprintf(length, sizeof length, " (and it has %zu character%s, fewer than the "
			 "%lld it needs)", chars, chars == 1 ? "" : "s", shape->min);
	bool added = report(c, node->span, "%s %s %s%s", label(c),
			    quote(node->scalar.text, node->scalar.len).text,
			    words ? words : "does not match its pattern", length);
	free(words);
	if (added) {
		diag_set_pattern(c->diags, shape->pattern);
		fix_trailing_hyphens(c, shape, node);
	}
	return false;
}

static bool rule_invalid_enum(struct checker *c, const struct shape *shape,
		      const struct node *node)
{
	struct suggestion s;

	if (shape->type != SHAPE_STRING || shape->enum_count == 0)
		return true;
	for (size_t i = 0; i < shape->enum_count; i++)
		if (strlen(shape->enum_values[i]) == node->scalar.len &&
		    memcmp(shape->enum_values[i], node->scalar.text, node->scalar.len) == 0)
			return true;
	suggestion_init(&s, node->scalar.text, node->scalar.len);
	for (size_t i = 0; i < shape->enum_count; i++)
		suggestion_consider(&s, shape->enum_values[i]);
	if (shape->enum_count == 1) {
		if (report(c, node->span, "%s must be \"%s\"; found %s",
			   label(c), shape->enum_values[0],
			   quote(node->scalar.text, node->scalar.len).text) &&
		    suggestion_certain(&s))
			fix_string(c->diags, node, s.best, strlen(s.best));
		return false;
	}
	if (report(c, node->span,
		   "%s %s is not one of its %zu allowed values%s%s%s", label(c),
		   quote(node->scalar.text, node->scalar.len).text, shape->enum_count,
		   s.best ? "; did you mean \"" : "", s.best ? s.best : "",
		   s.best ? "\"?" : "") && suggestion_certain(&s))
		fix_string(c->diags, node, s.best, strlen(s.best));
	return false;
}

static bool rule_integer_range(struct checker *c, const struct shape *shape,
			       const struct node *node)
{
	long long value;

	if (shape->type != SHAPE_INTEGER)
		return true;
	value = node->scalar.int_value;
	if (shape->has_min && value < shape->min) {
		report(c, node->span,
		       "%s is %lld; it must be at least %lld", label(c), value, shape->min);
		return false;
	}
	if (shape->has_max && value > shape->max) {
		report(c, node->span,
		       "%s is %lld; it must be at most %lld", label(c), value, shape->max);
		return false;
	}
	return true;
}

/* The rules in the order they run on each value, one function each: the
 * value's type first, as the gate to the rest. */
static const struct shape_rule {
	enum rule_id rule;
	shape_check check;
	bool advice; /* the value is still sent as it is read */
} shape_rules[] = {
	{ RULE_WRONG_TYPE, rule_wrong_type, false },
	{ RULE_INTEGER_AS_FLOAT, rule_integer_as_float, true },
	{ RULE_INVALID_TIMESTAMP, rule_invalid_timestamp, false },
	{ RULE_NONSTANDARD_TIMESTAMP, rule_nonstandard_timestamp, true },
	{ RULE_AMBIGUOUS_TIMESTAMP, rule_ambiguous_timestamp, true },
	/* Unknown members first: a misspelt key is reported once, as that. */
	{ RULE_UNKNOWN_MEMBER, rule_unknown_member, false },
	{ RULE_MISSING_MEMBER, rule_missing_member, false },
	{ RULE_LIST_LENGTH, rule_list_length, false },
	{ RULE_STRING_LENGTH, rule_string_length, false },
	{ RULE_PATTERN_MISMATCH, rule_pattern_mismatch, false },
	{ RULE_INVALID_ENUM, rule_invalid_enum, false },
	{ RULE_INTEGER_RANGE, rule_integer_range, false },
};

bool check_shape_refuses(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof shape_rules / sizeof *shape_rules; i++)
		if (shape_rules[i].rule == rule)
			return !shape_rules[i].advice;
	return false;
}

bool check_shape_raises(enum rule_id rule)
{
	for (size_t i = 0; i < sizeof shape_rules / sizeof *shape_rules; i++)
		if (shape_rules[i].rule == rule)
			return true;
	return false;
}

/* ---- the walk ----------------------------------------------------------- */

static void check_node(struct checker *c, const struct shape *shape,
		       const struct node *node);

/* The member a misspelt key of node is renamed to by a fix that stands
 * and is shown, or NULL. Its value is then checked as that member's,
 * so that the fixes of the key and of its value come in one pass:
 * "InstanceTyp: ml.m5.xlarg" is fixed whole by one --fix, not two. */
static const struct shape_member *renamed_to(const struct checker *c,
					     const struct shape *shape,
					     const struct node *node, const struct node *key)
{
	if (c->meant_in != node)
		return NULL;
	for (size_t i = 0; i < shape->member_count && i < 64; i++) {
		size_t at = c->fixed_by[i];
		const struct diag *diag = at && at <= c->diags->count ? &c->diags->items[at - 1]
								     : NULL;
		if ((c->meant >> i & 1) && diag && !diag->hidden && diag->fix &&
		    diag->fix->at == key->scalar.source)
			return &shape->members[i];
	}
	return NULL;
}

static void check_members(struct checker *c, const struct shape *shape,
			  const struct node *node)
{
	const struct shape_member *renamed[64] = { NULL };

	/* Found before the walk below checks other mappings. */
	for (size_t i = 0; i < node->mapping.count && i < 64; i++)
		if (node_is_string(node->mapping.pairs[i].key))
			renamed[i] = renamed_to(c, shape, node, node->mapping.pairs[i].key);
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		const struct shape_member *member;
		if (!node_is_string(pair->key))
			continue;
		member = shape_find_member(shape, pair->key->scalar.text, pair->key->scalar.len);
		if (!member && i < 64)
			member = renamed[i];
		if (!member)
			continue;
		size_t mark = path_length(&c->path);
		path_append_key(&c->path, member->name, strlen(member->name));
		check_node(c, member->shape, pair->value);
		path_truncate(&c->path, mark);
	}
}

static void check_items(struct checker *c, const struct shape *shape,
			const struct node *node)
{
	for (size_t i = 0; i < node->sequence.count; i++) {
		size_t mark = path_length(&c->path);
		path_append_index(&c->path, i);
		check_node(c, shape->member, node->sequence.items[i]);
		path_truncate(&c->path, mark);
	}
}

/* A map's keys against its key shape, its values against its value shape;
 * messages call them "the ModelVariantActions key" and "the
 * ModelVariantActions value for shadow". */
static void check_entries(struct checker *c, const struct shape *shape,
			  const struct node *node)
{
	char map[sizeof(struct quoted)], key_label[sizeof map + 16];
	char value_label[2 * sizeof map + 32];

	snprintf(map, sizeof map, "%s", label(c));
	snprintf(key_label, sizeof key_label, "the %s key", map);
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		size_t mark = path_length(&c->path);
		if (node_is_string(pair->key))
			path_append_key(&c->path, pair->key->scalar.text, pair->key->scalar.len);
		c->entry = key_label;
		check_node(c, shape->key, pair->key);
		snprintf(value_label, sizeof value_label, "the %s value for %s", map,
			 node_is_string(pair->key) ? shorten(pair->key->scalar.text,
							      pair->key->scalar.len).text : "it");
		c->entry = value_label;
		check_node(c, shape->value, pair->value);
		c->entry = NULL;
		path_truncate(&c->path, mark);
	}
}

static void check_node(struct checker *c, const struct shape *shape,
		       const struct node *node)
{
	/* A template's value known only when it is deployed (check/resolve.h). */
	if (node->kind == NODE_UNKNOWN)
		return;
	for (size_t i = 0; i < sizeof shape_rules / sizeof *shape_rules; i++) {
		c->rule = shape_rules[i].rule;
		if (!shape_rules[i].check(c, shape, node))
			break;
	}
	/* Only a value of the shape's own kind has members or items to walk;
	 * below it, labels come from the path again. */
	c->entry = NULL;
	if (shape->type == SHAPE_STRUCTURE && node->kind == NODE_MAPPING)
		check_members(c, shape, node);
	else if (shape->type == SHAPE_LIST && shape->member && node->kind == NODE_SEQUENCE)
		check_items(c, shape, node);
	else if (shape->type == SHAPE_MAP && shape->key && node->kind == NODE_MAPPING)
		check_entries(c, shape, node);
}

void check_shape(const struct shape *shape, const struct node *node,
		 const char *what, double now, struct diag_list *diags)
{
	struct checker c = { .diags = diags, .root = what, .top = shape, .now = now };

	path_init(&c.path);
	check_node(&c, shape, node);
	if (path_failed(&c.path))
		diags->out_of_memory = true;
	path_free(&c.path);
}
