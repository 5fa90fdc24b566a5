/* CloudFormation refuses a Fn::Select whose index is no integer, or picks
 * no item of its list ("Fn::Select cannot select nonexistent value at
 * index N"); when both are written out, the template tells so before it
 * is deployed. */
#include "select_index.h"

#include <string.h>

bool select_literal_index(const struct node *index, long long *value)
{
	const char *text = index->scalar.text;
	size_t i = 0;
	bool negative;

	if (index->kind != NODE_SCALAR || index->tag)
		return false;
	if (index->scalar.type == SCALAR_INT) {
		*value = index->scalar.int_value;
		return !index->scalar.int_overflow;
	}
	if (!node_is_string(index) || index->scalar.len == 0 || index->scalar.len > 18)
		return false;
	negative = text[0] == '-';
	i = negative;
	if (i == index->scalar.len)
		return false;
	for (*value = 0; i < index->scalar.len; i++) {
		if (text[i] < '0' || text[i] > '9')
			return false;
		*value = *value * 10 + (text[i] - '0');
	}
	if (negative)
		*value = -*value;
	return true;
}

/* A string, a boolean or a null where the index belongs: CloudFormation
 * takes an integer, or a string of one. (A float is left alone.) */
static bool is_no_index(const struct intrinsic *call, const struct node *index)
{
	long long value;

	return index->kind == NODE_SCALAR && !intrinsic_argument_is_call(call, index) &&
	       index->scalar.type != SCALAR_FLOAT && !select_literal_index(index, &value);
}

bool rule_select_index(struct resource_check *e, const struct intrinsic *call)
{
	const struct node *a = call->argument, *index, *list;
	long long value;

	if (call->function != FN_SELECT || a->kind != NODE_SEQUENCE || a->sequence.count != 2)
		return true;
	index = a->sequence.items[0];
	list = a->sequence.items[1];
	if (is_no_index(call, index)) {
		resource_report(e, index->span, "%s's index is %s, where it takes an integer", call->name,
		       quote(index->scalar.text, index->scalar.len).text);
		return false;
	}
	if (list->kind != NODE_SEQUENCE || intrinsic_argument_is_call(call, list) ||
	    !select_literal_index(index, &value))
		return true;
	if (value >= 0 && (unsigned long long)value < list->sequence.count)
		return true;
	if (value < 0)
		resource_report(e, index->span, "%s's index is %lld: the first item is at 0", call->name,
		       value);
	else
		resource_report(e, index->span, "%s's index is %lld, but the list has %zu item%s "
		       "(from 0 to %zu)", call->name, value, list->sequence.count,
		       list->sequence.count == 1 ? "" : "s",
		       list->sequence.count ? list->sequence.count - 1 : 0);
	return false;
}
