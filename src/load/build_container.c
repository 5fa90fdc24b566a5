/* Mappings and sequences: opened on their start event, and on their end
 * event made a node of the children read meanwhile, their keys read as
 * the AWS CLI reads them (merge keys, repeats, !!omap). */
#include "loader.h"

#include <string.h>

void loader_open_container(struct loader *ld, struct fy_event *event,
			   enum node_kind kind)
{
	const struct fy_mark *mark = fy_event_start_mark(event);
	struct position start = mark_known(mark) ? mark_position(mark) : ld->last;
	struct fy_token *anchor = fy_event_get_anchor_token(event);
	const char *name = NULL;
	size_t len = 0;

	if (ld->depth == LOAD_MAX_DEPTH) {
		loader_report(ld, RULE_NESTING_TOO_DEEP, span_at(start), NULL,
			      "nesting deeper than %d levels, which no request or template needs",
			      LOAD_MAX_DEPTH);
		ld->stop = true;
		return;
	}
	struct node *node = loader_new_node(ld, kind);
	if (!node || (anchor && !(name = loader_copy_token_text(ld, anchor, &len))))
		return;
	node->span = span_at(start);
	struct fy_token *tag = fy_event_get_tag_token(event);
	bool ordered_map = kind == NODE_SEQUENCE && loader_is_omap_tag(tag);
	if (!ordered_map)
		loader_apply_tag(ld, tag, node, node->span);
	ld->frames[ld->depth++] = (struct frame){ node, ld->children_len, name, len,
						  ordered_map };
}

/* A list tagged !!omap, which the AWS CLI's loader makes an ordered
 * mapping (to the checks, a mapping) of its items' members: each item must
 * be a mapping of one member, and no key may come twice. */
static void read_ordered_map(struct loader *ld, struct node *list)
{
	size_t count = list->sequence.count;
	struct pair *pairs = arena_alloc(&ld->doc->arena, (count ? count : 1) * sizeof *pairs);

	if (!pairs)
		return loader_out_of_memory(ld);
	for (size_t i = 0; i < count; i++) {
		const struct node *item = list->sequence.items[i];
		if (item->kind != NODE_MAPPING || item->mapping.count != 1) {
			loader_report(ld, RULE_UNSUPPORTED_TAG, item->span, NULL,
				      "the tag !!omap takes a list of mappings of one member each, "
				      "and the AWS CLI refuses %s in it",
				      item->kind == NODE_MAPPING
				      ? "a mapping of another size"
				      : loader_describe_value(item).text);
			return;
		}
		pairs[i] = item->mapping.pairs[0];
	}
	list->kind = NODE_MAPPING;
	list->mapping.pairs = pairs;
	list->mapping.count = count;
	loader_check_duplicate_keys(ld, list, true);
}

/* A flow collection ends at its closing bracket; a block one with its last
 * child (libfyaml would place it at the start of whatever follows). */
static struct span container_span(struct fy_event *event, const struct node *node,
				  struct node *const *children, size_t count)
{
	struct fy_token *end_token = event->type == FYET_MAPPING_END
		? event->mapping_end.mapping_end : event->sequence_end.sequence_end;
	enum fy_token_type type = end_token ? fy_token_get_type(end_token) : FYTT_NONE;
	const struct fy_mark *end = fy_event_end_mark(event);
	struct span span = node->span;

	if ((type == FYTT_FLOW_MAPPING_END || type == FYTT_FLOW_SEQUENCE_END) &&
	    mark_known(end)) {
		struct position at = mark_position(end);
		span.end_line = at.line;
		span.end_column = at.column;
	} else if (count > 0) {
		span.end_line = children[count - 1]->span.end_line;
		span.end_column = children[count - 1]->span.end_column;
	}
	return span;
}

void loader_close_container(struct loader *ld, struct fy_event *event)
{
	struct frame frame = ld->frames[ld->depth - 1];
	struct node *node = frame.node;
	size_t count = ld->children_len - frame.first_child;
	/* The stack is still unallocated while no child has been pushed. */
	struct node **children = count ? ld->children + frame.first_child : NULL;

	for (size_t i = 0; i < count; i++)
		node->weight = add_weight(node->weight, children[i]->weight);
	node->span = container_span(event, node, children, count);
	if (node->kind == NODE_MAPPING) {
		struct pair *pairs = arena_alloc(&ld->doc->arena, count / 2 * sizeof *pairs);
		if (!pairs)
			return loader_out_of_memory(ld);
		for (size_t i = 0; i + 1 < count; i += 2)
			pairs[i / 2] = (struct pair){ children[i], children[i + 1] };
		node->mapping.pairs = pairs;
		node->mapping.count = count / 2;
		loader_read_merge_keys(ld, node,
				       ld->depth >= 2 && loader_merges_into(ld, ld->depth - 2));
	} else {
		struct node **items = arena_alloc(&ld->doc->arena, count * sizeof *items);
		if (!items)
			return loader_out_of_memory(ld);
		if (count)
			memcpy(items, children, count * sizeof *items);
		node->sequence.items = items;
		node->sequence.count = count;
	}
	ld->children_len = frame.first_child;
	ld->depth--;
	if (frame.ordered_map)
		read_ordered_map(ld, node);
	loader_finish_node(ld, node, frame.anchor, frame.anchor_len);
}
