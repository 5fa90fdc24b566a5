/* What the shape rules share: the checker that walks a value along its
 * shape (check_shape.c, where the rules are registered in shape_rules)
 * and the rules it runs on each value, one function each, rule_NAME for
 * the rule NAME, written by topic: a value's type (shape_types.c), its
 * members (shape_members.c), its timestamps (shape_timestamps.c; a
 * template's, shape_handler_times.c), its
 * lengths, pattern, allowed values and range (shape_values.c). Only the
 * shape rules include this header. */
#ifndef IELINT_SHAPE_RULES_H
#define IELINT_SHAPE_RULES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "naming.h"
#include "base/path.h"
#include "base/quote.h"
#include "load/diag.h"
#include "rules/document_type.h"
#include "rules/model.h"

struct checker {
	struct diag_list *diags;
	struct path path;
	const char *root;  /* what the root is called in messages */
	const struct shape *top; /* the root's shape */
	/* How the document spells the members: the tree is keyed by the
	 * API's names, but every member name a message or path shows is the
	 * document's (naming.h). Keys and values as written are shown as
	 * written. */
	const struct naming *naming;
	/* The members that misspelt keys of the mapping meant_in were taken
	 * for, one bit each (by index): rule_unknown_member, which runs
	 * first, reports them, so rule_missing_member does not. */
	const struct node *meant_in;
	uint64_t meant;
	size_t fixed_by[64]; /* for each, 1 + the index of the diagnostic with
				the fix that renames the key to it, or 0 */
	struct document_type type; /* what the document is: which rules apply */
	double now;        /* the day a time without a date is read on */
	const char *entry; /* a map's key or value being checked: its label */
	enum rule_id rule; /* the rule being checked, which report() raises */
};

/* Raises the rule being checked: a rule's function can raise no other.
 * False when the diagnostic was not recorded (past the file's limit). */
__attribute__((format(printf, 3, 4)))
static inline bool report(struct checker *c, struct span span, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	bool added = diag_addv(c->diags, c->rule, span, path_string(&c->path), format, args);
	va_end(args);
	return added;
}

/* The document's spelling of the member the API names api_name. */
static inline const char *spelled(const struct checker *c, const char *api_name)
{
	return naming_member(c->naming, api_name);
}

/* What the document calls a member: "member", "attribute". */
static inline const char *word(const struct checker *c)
{
	return c->naming ? c->naming->member_word : "member";
}

/* The member a message speaks of: the last step of the path, such as
 * VariantName or CsvContentTypes[0]. The path is spelled as the
 * document spells it, so the label is too. */
static inline const char *label(const struct checker *c)
{
	const char *path = path_string(&c->path);
	const char *dot = strrchr(path, '.');

	if (c->entry)
		return c->entry;
	if (!*path)
		return c->root;
	return dot ? dot + 1 : path;
}

static inline bool is_scalar_of(const struct node *node, enum scalar_type type)
{
	return node->kind == NODE_SCALAR && node->scalar.type == type;
}

/* What a value is, for "found ..." in messages. */
struct description {
	char text[sizeof(struct quoted) + 32];
};
struct description shape_describe(const struct node *node);

/* Each returns false when it reported the value; the walker then spares the
 * value the rules after it, so one mistake makes one diagnostic. */
typedef bool (*shape_check)(struct checker *c, const struct shape *shape,
			    const struct node *node);

/* shape_types.c */
bool rule_wrong_type(struct checker *c, const struct shape *shape, const struct node *node);
bool rule_integer_as_float(struct checker *c, const struct shape *shape,
			   const struct node *node);

/* shape_timestamps.c */
bool rule_invalid_timestamp(struct checker *c, const struct shape *shape,
			    const struct node *node);
bool rule_nonstandard_timestamp(struct checker *c, const struct shape *shape,
				const struct node *node);
bool rule_ambiguous_timestamp(struct checker *c, const struct shape *shape,
			      const struct node *node);

/* shape_handler_times.c */
bool rule_handler_unparseable_time(struct checker *c, const struct shape *shape,
				   const struct node *node);
bool rule_handler_offset_time(struct checker *c, const struct shape *shape,
			      const struct node *node);

/* shape_members.c */
bool rule_unknown_member(struct checker *c, const struct shape *shape,
			 const struct node *node);
bool rule_missing_member(struct checker *c, const struct shape *shape,
			 const struct node *node);

/* shape_values.c */
bool rule_list_length(struct checker *c, const struct shape *shape, const struct node *node);
bool rule_string_length(struct checker *c, const struct shape *shape,
			const struct node *node);
bool rule_pattern_mismatch(struct checker *c, const struct shape *shape,
			   const struct node *node);
bool rule_invalid_enum(struct checker *c, const struct shape *shape, const struct node *node);
bool rule_integer_range(struct checker *c, const struct shape *shape,
			const struct node *node);

#endif
