/* What the awscc provider sends for an experiment's attributes: the
 * request the checks read (check/checker.h), keyed by the API's names.
 * Each attribute Terraform spells in snake_case takes the API's name, and
 * each value the type its member has, as Terraform converts 017 to "17"
 * for a string attribute and "2" to 2 for a number one. A null is an
 * attribute left out; a reference to a variable or local value that is
 * known stands for its value; every other expression is a NODE_UNKNOWN
 * node. */
#ifndef IELINT_TERRAFORM_TRANSLATE_H
#define IELINT_TERRAFORM_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "values.h"
#include "base/arena.h"
#include "load/node.h"
#include "rules/model.h"

/* A reference that stands for a known value. */
struct substitution {
	struct span ref;   /* where diagnostics about the value point */
	struct span value; /* the default, or the local value, as written */
	enum value_kind kind;
	const char *name;
	size_t len;
	bool elsewhere; /* value is in another file */
};

struct translation {
	struct arena *arena; /* owns what is made; freed by the caller */
	struct values *values;
	/* Terraform's JSON syntax: strings are templates. */
	bool json;
	int depth; /* references followed, against a cycle */
	int elsewhere; /* within a value of another file: how deep */
	struct substitution *substitutions;
	size_t substitution_count, substitution_capacity;
	bool out_of_memory;
};

void translation_init(struct translation *t, struct arena *arena, struct values *values,
		      bool json);
void translation_free(struct translation *t);

/* The resource's attributes as the provider sends them: its body less
 * Terraform's meta-arguments (count, for_each, provider, depends_on,
 * lifecycle, ...), translated; NULL when memory ran out
 * (t->out_of_memory). */
const struct node *translate_resource(struct translation *t, const struct node *body);

/* Whether the pair is a nested block, `schedule { ... }`, rather than an
 * attribute, `schedule = { ... }`: in HCL native syntax, nothing but
 * blank space stands between a block's type and its body. */
bool terraform_block(const struct node *key, const struct node *value);

/* Whether key names one of Terraform's meta-arguments of a resource. */
bool terraform_meta_argument(const struct node *key);

#endif
