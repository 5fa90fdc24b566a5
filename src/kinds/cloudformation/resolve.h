/* What CloudFormation sends for a template's properties: intrinsic
 * functions worked out where the template alone tells their value, and
 * each value converted to the type its shape has, as CloudFormation
 * converts "50" to 50 for an integer property and 15 to "15" for a string
 * one. A plain YAML scalar is read by one YAML version, and where the
 * other reads it as another value, the difference is recorded. The result
 * is a request tree the shape and cross-field rules check like any other. */
#ifndef IELINT_RESOLVE_H
#define IELINT_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "template.h"
#include "base/arena.h"
#include "load/node.h"
#include "load/scalar.h"
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

/* A plain scalar that YAML 1.1 and YAML 1.2 read as different values of
 * its member: Name: 017 is "15" to one and "17" to the other. */
struct reading_difference {
	struct span span;        /* the value's, or the Ref's that stands for it */
	const char *path;        /* the member, from Properties on */
	const char *written;     /* the scalar's text */
	enum shape_type member;  /* SHAPE_STRING, SHAPE_INTEGER or SHAPE_TIMESTAMP */
	struct yaml_value typed[2]; /* how each enum yaml_version types it */
	struct scalar read[2];      /* and what it then is to the member */
	const char *parameter;   /* the parameter whose Default it is, or NULL */
	struct span default_span;
};

struct resolver {
	struct arena *arena; /* owns what is made; freed by the caller */
	const struct template *template;
	const struct scenario *scenario;
	/* The YAML version the template's plain scalars are read by. */
	enum yaml_version version;
	/* The steps from Properties to the value being resolved: a key, or
	 * an index where key is NULL. A difference's path is made of them. */
	struct step {
		const struct node *key;
		size_t index;
	} *steps;
	size_t depth;
	size_t step_capacity;
	struct substitution *substitutions;
	size_t substitution_count;
	size_t substitution_capacity;
	struct reading_difference *differences;
	size_t difference_count;
	size_t difference_capacity;
	/* Bytes of Defaults that may still stand in for a Ref, for the file;
	 * NULL for no bound. Each Ref to a parameter is checked as its
	 * Default's text, so a long Default named many times costs that
	 * text many times: past the bound a Ref is a value not known. */
	size_t *default_text_left;
	bool out_of_memory;
};

void resolver_init(struct resolver *r, struct arena *arena, const struct template *template,
		   const struct scenario *scenario, enum yaml_version version);
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
