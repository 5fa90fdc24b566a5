/* libfyaml's events read into the tree, one at a time: each makes a node,
 * opens or closes a collection, or starts the one document a request may
 * be. */
#include "loader.h"

static void start_document(struct loader *ld, struct fy_event *event)
{
	const struct fy_mark *mark = fy_event_start_mark(event);
	struct position at = mark_known(mark) ? mark_position(mark) : ld->last;

	if (++ld->documents == 1)
		return;
	loader_report(ld, RULE_MULTIPLE_DOCUMENTS, span_at(at), NULL,
		      "a second YAML document starts here; the AWS CLI takes one "
		      "request per file");
	ld->stop = true;
}

void loader_handle_event(struct loader *ld, struct fy_event *event)
{
	const struct fy_mark *start = fy_event_start_mark(event);
	const struct fy_mark *end = fy_event_end_mark(event);
	struct node *node;

	if (ld->json && mark_known(start))
		loader_check_json_gap(ld, start->input_pos);
	if (ld->stop || !loader_count_node(ld, event))
		return;
	switch (event->type) {
	case FYET_DOCUMENT_START:
		start_document(ld, event);
		break;
	case FYET_MAPPING_START:
		loader_open_container(ld, event, NODE_MAPPING);
		break;
	case FYET_SEQUENCE_START:
		loader_open_container(ld, event, NODE_SEQUENCE);
		break;
	case FYET_MAPPING_END:
	case FYET_SEQUENCE_END:
		loader_close_container(ld, event);
		break;
	case FYET_SCALAR:
		node = loader_build_scalar(ld, event);
		if (node && node->merge_key && !loader_key_is_next(ld))
			loader_report(ld, RULE_BAD_MERGE_KEY, node->span, NULL,
				      "an unquoted << is YAML's merge key, which the AWS CLI takes "
				      "only as a key; quote it (\"<<\") for the text");
		if (node) {
			size_t len = 0;
			const char *anchor = event->scalar.anchor
				? loader_copy_token_text(ld, event->scalar.anchor, &len) : NULL;
			if (!event->scalar.anchor || anchor)
				loader_finish_node(ld, node, anchor, len);
		}
		break;
	case FYET_ALIAS:
		loader_build_alias(ld, event);
		break;
	default:
		break;
	}
	if (mark_known(end) && end->input_pos >= ld->last.offset)
		ld->last = mark_position(end);
}
