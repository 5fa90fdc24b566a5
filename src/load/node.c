#include "node.h"

#include <stdarg.h>
#include <string.h>

bool node_is_string(const struct node *node)
{
	return node && node->kind == NODE_SCALAR &&
	       node->scalar.type == SCALAR_STRING;
}

struct node *node_member(const struct node *mapping, const char *name)
{
	if (!mapping || mapping->kind != NODE_MAPPING)
		return NULL;
	/* Duplicate keys are reported by the loader; like the AWS CLI with
	 * JSON, the last one wins. */
	for (size_t i = mapping->mapping.count; i-- > 0;) {
		const struct pair *pair = &mapping->mapping.pairs[i];
		if (node_is_string(pair->key) &&
		    strcmp(pair->key->scalar.text, name) == 0)
			return pair->value;
	}
	return NULL;
}

const char *node_kind_name(enum node_kind kind)
{
	switch (kind) {
	case NODE_SCALAR:
		return "scalar";
	case NODE_MAPPING:
		return "mapping";
	case NODE_SEQUENCE:
		return "list";
	case NODE_UNKNOWN:
		return "value known only when deployed";
	}
	return "node";
}

const char *scalar_type_name(enum scalar_type type)
{
	switch (type) {
	case SCALAR_NULL:
		return "null";
	case SCALAR_BOOL:
		return "boolean";
	case SCALAR_INT:
		return "integer";
	case SCALAR_FLOAT:
		return "floating-point number";
	case SCALAR_STRING:
		return "string";
	case SCALAR_DATE:
		return "date";
	case SCALAR_DATETIME:
		return "date and time";
	}
	return "scalar";
}

const struct node *node_dig(const struct node *node, ...)
{
	va_list names;
	const char *name;

	va_start(names, node);
	while (node && (name = va_arg(names, const char *)) != NULL)
		node = node_member(node, name);
	va_end(names);
	return node;
}
