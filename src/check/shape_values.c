/* The constraints of a value of the right type: a list's or map's
 * length, a string's length, pattern and allowed values, an integer's
 * range. */
#include "shape_rules.h"

#include <stdio.h>
#include <stdlib.h>

#include "fix.h"
#include "pattern_words.h"
#include "suggest.h"
#include "base/utf8.h"

/* The items of a list, or the entries of a map. */
bool rule_list_length(struct checker *c, const struct shape *shape,
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

bool rule_string_length(struct checker *c, const struct shape *shape,
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

bool rule_pattern_mismatch(struct checker *c, const struct shape *shape,
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

bool rule_invalid_enum(struct checker *c, const struct shape *shape,
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

bool rule_integer_range(struct checker *c, const struct shape *shape,
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
