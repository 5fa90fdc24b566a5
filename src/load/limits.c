/* The bounds that keep a hostile document cheap (load.h's LOAD_MAX_*):
 * values are counted as the parser reads them, and aliases as what they
 * expand to, without expanding them. Nesting is bounded where a
 * collection opens (build_container.c). */
#include "loader.h"

/* The bytes of text in a node, keys included. Each alias copies only the
 * node, but each is checked as the text it stands for; counting reads as
 * many nodes as the alias expands to, which LOAD_MAX_ALIAS_NODES bounds. */
static size_t text_size(const struct node *node)
{
	size_t size = 0;

	if (node->kind == NODE_SCALAR)
		return node->scalar.len;
	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++)
		size = add_weight(size, add_weight(text_size(node->mapping.pairs[i].key),
						   text_size(node->mapping.pairs[i].value)));
	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++)
		size = add_weight(size, text_size(node->sequence.items[i]));
	return size;
}

bool loader_count_alias(struct loader *ld, const struct node *target, struct span span)
{
	ld->alias_nodes = add_weight(ld->alias_nodes, target->weight);
	if (ld->alias_nodes > LOAD_MAX_ALIAS_NODES) {
		loader_report(ld, RULE_ALIAS_LIMIT, span, NULL,
			      "aliases expand to more than %d nodes; a request is far "
			      "smaller, so the document is refused", LOAD_MAX_ALIAS_NODES);
		ld->stop = true;
		return false;
	}
	ld->alias_text = add_weight(ld->alias_text, text_size(target));
	if (ld->alias_text > LOAD_MAX_ALIAS_TEXT) {
		loader_report(ld, RULE_ALIAS_LIMIT, span, NULL,
			      "aliases expand to more than %d MiB of text; a request is far "
			      "smaller, so the document is refused", LOAD_MAX_ALIAS_TEXT >> 20);
		ld->stop = true;
		return false;
	}
	return true;
}

void loader_report_too_many_nodes(struct loader *ld, struct position at)
{
	loader_report(ld, RULE_TOO_MANY_NODES, span_at(at), NULL,
		      "the document has more than %d values, far more than any request or "
		      "template holds, so the rest is not read", LOAD_MAX_NODES);
	ld->stop = true;
}

/* Stops the parser once the document has more nodes than any request or
 * template could have, before libfyaml and the tree spend more memory. */
bool loader_count_node(struct loader *ld, struct fy_event *event)
{
	const struct fy_mark *start = fy_event_start_mark(event);

	if (event->type != FYET_SCALAR && event->type != FYET_ALIAS &&
	    event->type != FYET_MAPPING_START && event->type != FYET_SEQUENCE_START)
		return true;
	if (++ld->nodes <= LOAD_MAX_NODES)
		return true;
	loader_report_too_many_nodes(ld, mark_known(start) ? mark_position(start) : ld->last);
	return false;
}
