/* The attributes Fn::GetAtt may read from each resource type, from the
 * generated table (attribute_table.h), and the rule that checks a call's
 * attribute against its resource's type. */
#ifndef IELINT_ATTRIBUTES_H
#define IELINT_ATTRIBUTES_H

#include <stdbool.h>
#include <stddef.h>

#include "attribute_table.h"
#include "intrinsic.h"
#include "resource_check.h"

/* A Fn::GetAtt call read: the resource it names and the attribute, from
 * "Resource.Attribute" or [Resource, Attribute]. */
struct get_att {
	const char *resource;
	size_t resource_len;
	const char *attribute; /* NULL when a function call gives it */
	size_t attribute_len;
	const struct node *at; /* the node that writes the attribute */
};

/* False for a call of another function, or of another form. */
bool get_att_read(const struct intrinsic *call, struct get_att *out);

/* The Type of the template's resource of this name, or NULL when there is
 * no such resource or its Type is no string. */
const char *resource_type_of(const struct template *template, const char *name, size_t len);

/* The table's entry for a resource type, or NULL when the table does not
 * know the type (a custom resource, a module, a type newer than the table). */
const struct attribute_type *attribute_type_find(const char *type, size_t len);

/* Whether Fn::GetAtt may read the attribute from a resource of the type. */
bool attribute_type_has(const struct attribute_type *type, const char *attribute, size_t len);

/* unknown-attribute: Fn::GetAtt reads an attribute its resource's type
 * lacks. A call rule (template_rules.c); always returns true. */
bool rule_unknown_attribute(struct resource_check *e, const struct intrinsic *call);

#endif
