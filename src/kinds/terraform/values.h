/* The values a configuration names: a variable's default (or what a
 * *.tfvars file gives it), and a local value. A reference to one that is
 * known, var.NAME or local.NAME, stands for it, as a CloudFormation
 * parameter's Default stands for a Ref; every other expression is known
 * only when Terraform plans. */
#ifndef IELINT_TERRAFORM_VALUES_H
#define IELINT_TERRAFORM_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "load/node.h"

enum value_kind { VALUE_VARIABLE, VALUE_LOCAL };

struct named_value {
	enum value_kind kind;
	const char *name;
	size_t len;
	const struct node *value; /* NULL: declared, its value not known */
	/* Where the value was given: 0 for a declaration, then 1, 2, ... for
	 * each variable file in the order they are read, the last winning. */
	unsigned origin;
	/* The value is written in Terraform's JSON syntax, where a string is
	 * a template that may interpolate. */
	bool json;
	/* Written in another file (of the module, or a variable file): its
	 * positions are not the checked file's. */
	bool elsewhere;
};

struct values {
	struct named_value *items;
	size_t count, capacity;
	unsigned files; /* variable files read so far */
	/* Nodes translated from followed values, every resource's together:
	 * a local naming another twice, sixteen deep, stands for 65,536
	 * copies, so what references expand to is bounded as aliases are
	 * (translate.c). */
	size_t followed;
	bool sorted;
	bool out_of_memory;
};

void values_init(struct values *v);
void values_free(struct values *v);

/* Adds the variables and locals one file of a configuration declares
 * (the tree of a *.tf or a *.tf.json file): the file checked, or
 * (elsewhere) another file of its module, its directory. */
void values_add_configuration(struct values *v, const struct node *root, bool json,
			      bool elsewhere);

/* Adds what a variable file (*.tfvars, *.tfvars.json) sets: it overrides
 * a variable's default, and a later file an earlier one. */
void values_add_variable_file(struct values *v, const struct node *root);

/* What a reference names. */
struct reference {
	enum value_kind kind;
	const char *name;
	size_t len;
};

/* Whether the expression is a reference to a variable or a local value:
 * `var.NAME` as HCL writes it (an unknown node), or "${var.NAME}" in
 * Terraform's JSON syntax (json: a string that is all one
 * interpolation). */
bool values_reference(const struct node *expression, bool json, struct reference *ref);

/* What gives the value a reference stands for (its value, its syntax,
 * its file), or NULL when it is not known: not declared, declared twice,
 * a variable without a default, or a value that is null. */
const struct named_value *values_find(struct values *v, const struct reference *ref);

#endif
