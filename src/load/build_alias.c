/* An alias shares its anchor's children but keeps its own position, so a
 * defect in the aliased value is reported where the alias stands. Expansion
 * is counted (limits.c), not performed: a "billion laughs" file costs
 * nothing. */
#include "loader.h"

void loader_build_alias(struct loader *ld, struct fy_event *event)
{
	size_t len = 0;
	const char *name = fy_token_get_text(event->alias.anchor, &len);
	const struct fy_mark *start_mark = fy_event_start_mark(event);
	const struct fy_mark *end_mark = fy_event_end_mark(event);
	struct span span = span_at(ld->last);
	struct node *target = name ? anchors_find(&ld->anchors, name, len) : NULL;

	if (mark_known(start_mark) && mark_known(end_mark)) {
		span = span_between(mark_position(start_mark), mark_position(end_mark));
		span.column--; /* the marks leave out the '*' */
	}
	if (!name)
		name = "";
	if (!target) {
		loader_report(ld, RULE_BAD_ALIAS, span, NULL,
			      loader_anchor_is_open(ld, name, len)
			      ? "the alias *%.*s refers to a node that contains it"
			      : "the alias *%.*s names no anchor defined before it",
			      (int)len, name);
		ld->stop = true;
		return;
	}
	if (!loader_count_alias(ld, target, span))
		return;
	struct node *copy = loader_new_node(ld, NODE_SCALAR);
	if (!copy)
		return;
	*copy = *target;
	copy->span = span;
	/* An alias a merge key names has the merge key's note. */
	if (!(ld->depth && loader_merges_into(ld, ld->depth - 1)))
		loader_hold_for_template(ld, RULE_NEEDS_PACKAGE, span,
					 "CloudFormation refuses YAML aliases such as *%.*s; "
					 "`aws cloudformation package` and the SAM CLI expand "
					 "them before upload, so deploy the template with one "
					 "of them", (int)len, name);
	loader_finish_node(ld, copy, NULL, 0);
}
