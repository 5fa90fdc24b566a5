/* What CloudFormation sends for a template's properties: intrinsic
 * functions worked out where the template alone tells their value, and
 * each value converted to the type its shape has, as CloudFormation
 * converts "50" to 50 for an integer property. The result is a request
 * tree the shape and cross-field rules check like any other. */
#ifndef IELINT_RESOLVE_H
#define IELINT_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "template.h"
#include "base/arena.h"
#include "load/node.h"
#include "rules/model.h"

/* The truth of the conditions that the properties' Fn::If name: bit i of
 * values is conditions[i]'s. A condition not named here is unknown, and
 * so is the value of an Fn::If on it. */
struct scenario {
	const char *const *conditions;
	size_t count;
	unsigned long long values;
};

/* A parameter's Default put in place of a Ref to it. */
struct substitution {
	struct span ref;     /* the Ref, where diagnostics about the value point */
	struct span value;   /* the Default */
	const char *parameter;
};

struct resolver {
	struct arena *arena; /* owns what is made; freed by the caller */
	const struct template *template;
	const struct scenario *scenario;
	struct substitution *substitutions;
	size_t substitution_count;
	size_t substitution_capacity;
	/* Bytes of Defaults that may still stand in for a Ref, for the file;
	 * NULL for no bound. Each Ref to a parameter is checked as its
	 * Default's text, so a long Default named many times costs that
	 * text many times: past the bound a Ref is a value not known. */
	size_t *default_text_left;
	bool out_of_memory;
};

void resolver_init(struct resolver *r, struct arena *arena, const struct template *template,
		   const struct scenario *scenario);
void resolver_free(struct resolver *r);

/* The value CloudFormation sends for node, read as shape (NULL: as it is),
 * or NULL when it sends none: a !Ref AWS::NoValue, or memory ran out
 * (r->out_of_memory). A value the template alone cannot tell is a
 * NODE_UNKNOWN node at the call. Read-only members of a structure are
 * left out: the rules of templates report them. What needs no change is
 * the template's own node. */
const struct node *resolve_value(struct resolver *r, const struct node *node,
				 const struct shape *shape);

#endif
