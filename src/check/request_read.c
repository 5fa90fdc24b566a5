#include "request_read.h"

#include <string.h>

#include "timestamp.h"

size_t item_count(const struct node *list)
{
	if (!list || list->kind != NODE_SEQUENCE || list->sequence.count > MAX_ITEMS_COMPARED)
		return 0;
	return list->sequence.count;
}

const struct node *item_at(const struct node *list, size_t i)
{
	return list->sequence.items[i];
}

const char *text_of(const struct node *node)
{
	return node_is_string(node) ? node->scalar.text : NULL;
}

bool int_value(const struct node *node, long long *value)
{
	if (!node || node->kind != NODE_SCALAR || node->scalar.type != SCALAR_INT ||
	    node->scalar.int_overflow)
		return false;
	*value = node->scalar.int_value;
	return true;
}

bool same_text(const struct node *a, const struct node *b)
{
	return node_is_string(a) && node_is_string(b) && a->scalar.len == b->scalar.len &&
	       memcmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

bool same_scalar(const struct node *a, const struct node *b)
{
	return a && b && a->kind == NODE_SCALAR && b->kind == NODE_SCALAR &&
	       a->scalar.len == b->scalar.len &&
	       memcmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

const struct node *item_named(const struct node *list, const char *member,
			      const struct node *name, same_fn *same)
{
	for (size_t i = 0; i < item_count(list); i++)
		if (same(node_member(item_at(list, i), member), name))
			return item_at(list, i);
	return NULL;
}

const struct node *variant_named(const struct node *variants, const struct node *name,
				 same_fn *same)
{
	return item_named(variants, "VariantName", name, same);
}

bool is_action(const struct node *value, const char *action)
{
	return node_is_string(value) && strcmp(value->scalar.text, action) == 0;
}

const struct node *action_of(const struct node *actions, const struct node *name,
			     same_fn *same)
{
	for (size_t i = 0; actions && actions->kind == NODE_MAPPING &&
			   i < actions->mapping.count; i++)
		if (same(actions->mapping.pairs[i].key, name))
			return actions->mapping.pairs[i].value;
	return NULL;
}

struct schedule_time schedule_time(const struct node *request, const struct node *current,
				   const char *which, double now)
{
	struct schedule_time t = { false, 0, node_dig(request, "Schedule", which, NULL) };
	const struct node *current_time = node_dig(current, "Schedule", which, NULL);

	if (t.node)
		t.known = timestamp_from_node(t.node, now, &t.seconds);
	else if (current_time)
		t.known = timestamp_from_node(current_time, now, &t.seconds);
	return t;
}
