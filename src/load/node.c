#include "node.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

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

/* ---- equality ------------------------------------------------------------ */

static bool same_text(const char *a, size_t a_len, const char *b, size_t b_len)
{
	return a_len == b_len && memcmp(a, b, a_len) == 0;
}

static bool same_tag(const struct node *a, const struct node *b)
{
	if (!a->tag || !b->tag)
		return a->tag == b->tag;
	return same_text(a->tag->text, a->tag->len, b->tag->text, b->tag->len);
}

/* A float's value: its text without underscores, and YAML's .inf and .nan
 * as C reads inf and nan. False when memory runs out. */
static bool float_value(const struct scalar *s, double *value)
{
	char *copy = mem_malloc(s->len + 1);
	size_t len = 0;

	if (!copy)
		return false;
	for (size_t i = 0; i < s->len; i++) {
		bool sign_before = len == 0 || (len == 1 && (copy[0] == '-' || copy[0] == '+'));
		if (s->text[i] == '_' || (s->text[i] == '.' && sign_before && i + 1 < s->len &&
					  strchr("iInN", s->text[i + 1])))
			continue;
		copy[len++] = s->text[i];
	}
	copy[len] = '\0';
	*value = strtod(copy, NULL);
	free(copy);
	return true;
}

bool node_scalar_equal(const struct scalar *a, const struct scalar *b)
{
	double x, y;

	if (a->type != b->type || a->integral_float != b->integral_float)
		return false;
	switch (a->type) {
	case SCALAR_NULL:
		return true;
	case SCALAR_BOOL:
		return a->bool_value == b->bool_value;
	case SCALAR_INT:
		if (!a->int_overflow && !b->int_overflow)
			return a->int_value == b->int_value;
		break;
	case SCALAR_FLOAT:
		if (same_text(a->text, a->len, b->text, b->len))
			return true;
		if (!float_value(a, &x) || !float_value(b, &y))
			return false;
		/* Two NaNs leave the same value, whichever is kept. */
		return x == y || (isnan(x) && isnan(y));
	case SCALAR_STRING:
	case SCALAR_DATE:
	case SCALAR_DATETIME:
		break;
	}
	return same_text(a->text, a->len, b->text, b->len);
}

int node_key_order(const struct node *a, const struct node *b)
{
	const struct scalar *x = &a->scalar, *y = &b->scalar;
	size_t len = x->len < y->len ? x->len : y->len;
	int order = memcmp(x->text, y->text, len);

	if (!order)
		order = (x->len > y->len) - (x->len < y->len);
	if (!order)
		order = (int)x->type - (int)y->type;
	return order;
}

/* Orders pairs by key, and pairs of one key as written. */
static int compare_pairs(const void *left, const void *right)
{
	const struct pair *a = *(const struct pair *const *)left;
	const struct pair *b = *(const struct pair *const *)right;
	int order = (int)a->key->kind - (int)b->key->kind;

	if (!order && a->key->kind == NODE_SCALAR)
		order = node_key_order(a->key, b->key);
	if (!order)
		order = (a > b) - (a < b);
	return order;
}

static const struct pair **sorted_pairs(const struct node *mapping)
{
	size_t count = mapping->mapping.count;
	const struct pair **sorted = mem_malloc((count ? count : 1) * sizeof *sorted);

	if (!sorted)
		return NULL;
	for (size_t i = 0; i < count; i++)
		sorted[i] = &mapping->mapping.pairs[i];
	qsort(sorted, count, sizeof *sorted, compare_pairs);
	return sorted;
}

/* Sorting keeps this linear-logarithmic in the mappings' sizes, and
 * mappings of unequal sizes are told apart before any is sorted. */
static bool same_mapping(const struct node *a, const struct node *b)
{
	size_t count = a->mapping.count;
	const struct pair **x, **y;
	bool same = true;

	if (count != b->mapping.count)
		return false;
	x = sorted_pairs(a);
	y = sorted_pairs(b);
	same = x && y;
	for (size_t i = 0; same && i < count; i++)
		same = node_equal(x[i]->key, y[i]->key) && node_equal(x[i]->value, y[i]->value);
	free(x);
	free(y);
	return same;
}

bool node_equal(const struct node *a, const struct node *b)
{
	if (a == b)
		return true;
	if (a->kind != b->kind || !same_tag(a, b))
		return false;
	switch (a->kind) {
	case NODE_SCALAR:
		return node_scalar_equal(&a->scalar, &b->scalar);
	case NODE_MAPPING:
		return same_mapping(a, b);
	case NODE_SEQUENCE:
		if (a->sequence.count != b->sequence.count)
			return false;
		for (size_t i = 0; i < a->sequence.count; i++)
			if (!node_equal(a->sequence.items[i], b->sequence.items[i]))
				return false;
		return true;
	case NODE_UNKNOWN:
		break;
	}
	return false;
}
