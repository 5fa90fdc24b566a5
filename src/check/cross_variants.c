/* The cross-field rules of the variants a request deploys (ModelVariants,
 * or a stop's DesiredModelVariants): each once, each with a model of its
 * own and instances to serve it, and for an update, only the experiment's
 * own. */
#include "cross.h"

#include "suggest.h"
#include "base/quote.h"

void cross_consider_variants(struct suggestion *s, const struct node *variants)
{
	for (size_t i = 0; i < item_count(variants); i++) {
		const char *candidate = text_of(node_member(item_at(variants, i), "VariantName"));
		if (candidate)
			suggestion_consider(s, candidate);
	}
}

/* The member of an earlier variant than the i-th with the same text as the
 * i-th's, or NULL; *earlier_index says which variant. */
static const struct node *same_as_earlier(const struct node *variants, size_t i,
					  const char *member, size_t *earlier_index)
{
	const struct node *mine = node_member(item_at(variants, i), member);

	for (size_t j = 0; j < i; j++) {
		const struct node *earlier = node_member(item_at(variants, j), member);
		if (same_text(mine, earlier)) {
			*earlier_index = j;
			return earlier;
		}
	}
	return NULL;
}

/* Variant names are unique. */
void rule_duplicate_variant_name(struct cross *c)
{
	const struct node *variants = node_member(c->request, c->variants_member);
	const char *list = cross_member(c, c->variants_member);
	const struct node *earlier;
	size_t j;

	for (size_t i = 1; i < item_count(variants); i++) {
		const struct node *name = node_member(item_at(variants, i), "VariantName");
		if ((earlier = same_as_earlier(variants, i, "VariantName", &j)) &&
		    cross_report(c, name, cross_item_path(c, c->variants_member, i, "VariantName"),
				 "variant name %s is already used by %s[%zu]",
				 quote(name->scalar.text, name->scalar.len).text, list, j))
			cross_relate(c, earlier);
	}
}

/* Two variants of one model compare nothing. */
void rule_duplicate_model(struct cross *c)
{
	const struct node *variants = node_member(c->request, c->variants_member);
	const char *list = cross_member(c, c->variants_member);
	const struct node *earlier;
	size_t j;

	for (size_t i = 1; i < item_count(variants); i++) {
		const struct node *model = node_member(item_at(variants, i), "ModelName");
		if ((earlier = same_as_earlier(variants, i, "ModelName", &j)) &&
		    cross_report(c, model, cross_item_path(c, c->variants_member, i, "ModelName"),
				 "%s[%zu] runs the same model %s as %s[%zu]; a shadow test "
				 "compares two different models", list, i,
				 quote(model->scalar.text, model->scalar.len).text, list, j))
			cross_relate(c, earlier);
	}
}

/* An update changes only the experiment's own variants. */
void rule_new_variant(struct cross *c)
{
	const struct node *variants = node_member(c->request, "ModelVariants");
	const struct node *current_variants = node_member(c->current, "ModelVariants");

	if (!current_variants)
		return;
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *variant = node_member(item_at(variants, i), "VariantName");
		if (!node_is_string(variant) || variant_named(current_variants, variant, same_text))
			continue;
		cross_report(c, variant, cross_item_path(c, "ModelVariants", i, "VariantName"),
			     "the experiment has no variant %s: an update changes the "
			     "infrastructure of existing variants, it does not add variants",
			     quote(variant->scalar.text, variant->scalar.len).text);
	}
}

/* A variant without instances serves nothing. */
void rule_zero_instances(struct cross *c)
{
	const struct node *variants = node_member(c->request, c->variants_member);
	long long value;

	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *count = node_dig(item_at(variants, i), "InfrastructureConfig",
						    "RealTimeInferenceConfig", "InstanceCount",
						    NULL);
		if (int_value(count, &value) && value == 0)
			cross_report(c, count,
				     cross_item_path(c, c->variants_member, i,
						     "InfrastructureConfig.RealTimeInferenceConfig."
						     "InstanceCount"),
				     "%s is 0: the variant would have no instance to serve it",
				     cross_member(c, "InstanceCount"));
	}
}
