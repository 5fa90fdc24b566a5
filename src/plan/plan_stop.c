/* The plan of a stop request: the experiment's status, and what becomes
 * of each of its variants, promoted first, then retained, then removed. */
#include "planner.h"

/* "shadow (model fraud-model-v2)": a variant and the model it serves. */
static struct strbuf variant_words(const struct planner *p, const struct node *name)
{
	struct strbuf b = STRBUF_INIT;
	const struct node *variant = variant_named(node_member(p->current, "ModelVariants"), name,
						   same_scalar);
	const struct node *model = node_member(variant, "ModelName");

	strbuf_puts(&b, name_text(p, name).text);
	if (model) {
		strbuf_puts(&b, " (model ");
		strbuf_puts(&b, name_text(p, model).text);
		strbuf_putc(&b, ')');
	}
	return b;
}

/* Promote, Remove or Retain, for one variant. */
static void plan_action(struct planner *p, const struct pair *action, const struct node *source)
{
	const struct node *desired = variant_named(node_member(p->request, "DesiredModelVariants"),
						   action->key, same_scalar);
	struct strbuf b = variant_words(p, action->key);
	const char *words = strbuf_text(&b);

	if (is_action(action->value, "Promote")) {
		bool replaces = node_is_string(source) && !same_scalar(source, action->key);
		/* The source variant promoted has production's infrastructure
		 * already; another is the shadow only when the source is known. */
		plan_change(p, "promotes %s%s%s%s", words, replaces ? " in place of " : "",
			    replaces ? name_text(p, source).text : "",
			    desired ? "" : replaces ? ", keeping the infrastructure it has as a shadow"
			    : !node_is_string(source) ? ", keeping the infrastructure it has" : "");
	} else if (is_action(action->value, "Remove")) {
		plan_change(p, "removes %s", words);
	} else if (is_action(action->value, "Retain")) {
		plan_change(p, "retains %s", words);
	}
	if (b.failed)
		p->plan->out_of_memory = true;
	strbuf_free(&b);
	if (desired && !is_action(action->value, "Remove"))
		plan_compare_variant(p, desired,
				     variant_named(node_member(p->current, "ModelVariants"),
						   action->key, same_scalar));
}

void plan_stop(struct planner *p)
{
	static const char *const action_order[] = { "Promote", "Retain", "Remove" };
	const struct node *actions = node_member(p->request, "ModelVariantActions");
	const struct node *variants = node_member(p->current, "ModelVariants");
	const struct node *source = node_dig(p->current, "ShadowModeConfig",
					"SourceModelVariantName", NULL);
	const struct node *state = node_member(p->request, "DesiredState");
	size_t promoted = 0;

	plan_change(p, "Status %s -> %s",
		    plan_value_text(p, node_member(p->current, "Status"), false).text,
		    state ? plan_value_text(p, state, false).text : "stopped (no DesiredState)");
	/* The promoted variant first, then those retained, then removed. */
	for (size_t order = 0; order < 3; order++) {
		for (size_t i = 0; actions && actions->kind == NODE_MAPPING &&
				   i < actions->mapping.count && i < MAX_ITEMS_COMPARED; i++) {
			const struct pair *action = &actions->mapping.pairs[i];
			if (!is_action(action->value, action_order[order]))
				continue;
			promoted += order == 0;
			plan_action(p, action, source);
		}
		if (order == 0 && !promoted)
			plan_note(p, "promotes none");
	}
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *name = node_member(item_at(variants, i), "VariantName");
		if (name && !action_of(actions, name, same_scalar))
			plan_note(p, "no action for %s", name_text(p, name).text);
	}
}

