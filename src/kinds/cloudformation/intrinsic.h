/* CloudFormation's intrinsic functions as a template writes them: a short
 * tag (!Ref Name) or a mapping of one member ({"Ref": "Name"}). */
#ifndef IELINT_INTRINSIC_H
#define IELINT_INTRINSIC_H

#include <stdbool.h>

#include "load/node.h"

enum intrinsic_function {
	FN_REF,
	FN_GET_ATT,
	FN_SUB,
	FN_JOIN,
	FN_IF,
	FN_SELECT,
	FN_FIND_IN_MAP,
	FN_IMPORT_VALUE,
	FN_BASE64,
	FN_SPLIT,
	FN_GET_AZS,
	FN_CIDR,
	FN_LENGTH,
	FN_TO_JSON_STRING,
	FN_TRANSFORM,
	/* The condition functions, which belong in the Conditions section. */
	FN_EQUALS,
	FN_AND,
	FN_OR,
	FN_NOT,
	FN_CONDITION,
	FN_UNKNOWN, /* a tag or an Fn:: key that names no function */
};

struct intrinsic {
	enum intrinsic_function function;
	const char *name;        /* as written: "!GetAtt" or "Fn::GetAtt" */
	struct span name_span;   /* where the tag or the key is */
	const struct node *call; /* the tagged node or the one-member mapping */
	/* The argument: for a tag, the tagged node itself (whose own tag is
	 * then no call of its own); for a mapping, its member's value. */
	const struct node *argument;
};

/* Whether node is a call of an intrinsic function, read into *call. A
 * node's own tag counts unless it is the argument of the call that the
 * tag makes (see struct intrinsic). */
bool intrinsic_read(const struct node *node, bool with_tag, struct intrinsic *call);

/* Whether an argument node of call is itself a call: what a function takes
 * in place of a literal. */
bool intrinsic_argument_is_call(const struct intrinsic *call, const struct node *argument);

/* The condition an Fn::If names ({"Fn::If": [Name, then, else]}), or
 * NULL for a call of another function or another form. */
const struct node *intrinsic_if_condition(const struct intrinsic *call);

/* The long name of a function: "Fn::GetAtt". */
const char *intrinsic_name(enum intrinsic_function function);

/* For a call of no function, the function of the same form (tag or
 * long name) nearest its name, or NULL. */
const char *intrinsic_suggest(const struct intrinsic *call);

/* Whether a condition function (Fn::Equals ...), which only Conditions
 * may use. */
bool intrinsic_is_condition(enum intrinsic_function function);

#endif
