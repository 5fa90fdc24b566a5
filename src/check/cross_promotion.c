/* The cross-field rules of the variant a stop promotes, against the
 * experiment as --current describes it: only that tells which variant
 * serves production and which is the shadow, so without it nothing is
 * guessed. */
#include "cross.h"

#include <stdio.h>

#include "base/quote.h"

static bool desired(const struct cross *c, const struct node *name)
{
	return variant_named(node_member(c->request, "DesiredModelVariants"), name,
			     same_text) != NULL;
}

static size_t promoted_count(const struct node *map)
{
	size_t promoted = 0;

	for (size_t i = 0; map && i < map->mapping.count; i++)
		promoted += is_action(map->mapping.pairs[i].value, "Promote");
	return promoted;
}

/* Whether the note about a promoted variant would restate another
 * mistake: two variants promoted, or a DesiredModelVariants entry that the
 * actions remove or do not name (likely the promoted one, misnamed). */
static bool promotion_unclear(const struct cross *c, const struct node *map)
{
	const struct node *desired_list = node_member(c->request, "DesiredModelVariants");

	for (size_t i = 0; i < item_count(desired_list); i++) {
		const struct node *name = node_member(item_at(desired_list, i), "VariantName");
		const struct node *action = action_of(map, name, same_text);
		if (node_is_string(name) && (!action || cross_removes(action)))
			return true;
	}
	return promoted_count(map) > 1;
}

/* ---- which variant is which, from --current ------------------------- */

/* The experiment's source variant, or NULL. */
static const struct node *current_source(const struct cross *c)
{
	const struct node *source = node_dig(c->current, "ShadowModeConfig",
					     "SourceModelVariantName", NULL);

	return node_is_string(source) ? source : NULL;
}

static bool is_current_shadow(const struct cross *c, const struct node *name)
{
	const struct node *shadows = node_dig(c->current, "ShadowModeConfig",
					      "ShadowModelVariants", NULL);

	return item_named(shadows, "ShadowModelVariantName", name, same_text) != NULL;
}

/* The InfrastructureConfig of the experiment's variant of this name. */
static const struct node *current_infrastructure(const struct cross *c,
						 const struct node *name)
{
	return node_member(variant_named(node_member(c->current, "ModelVariants"), name,
					 same_text),
			   "InfrastructureConfig");
}

/* An infrastructure's instances: "2 ml.m5.xlarge instances", or "" when
 * the description does not give both the type and the count. */
struct instances {
	char text[sizeof(struct quoted) + 48];
};

static struct instances instances_of(const struct node *infrastructure)
{
	const struct node *config = node_member(infrastructure, "RealTimeInferenceConfig");
	const struct node *type = node_member(config, "InstanceType");
	struct instances text = { "" };
	long long count;

	if (node_is_string(type) && int_value(node_member(config, "InstanceCount"), &count))
		snprintf(text.text, sizeof text.text, "%lld %s instance%s", count,
			 shorten(type->scalar.text, type->scalar.len).text, count == 1 ? "" : "s");
	return text;
}

static bool same_infrastructure(const struct node *a, const struct node *b)
{
	const struct node *in_a = node_member(a, "RealTimeInferenceConfig");
	const struct node *in_b = node_member(b, "RealTimeInferenceConfig");
	long long count_a, count_b;

	return same_text(node_member(a, "InfrastructureType"),
			 node_member(b, "InfrastructureType")) &&
	       same_text(node_member(in_a, "InstanceType"), node_member(in_b, "InstanceType")) &&
	       int_value(node_member(in_a, "InstanceCount"), &count_a) &&
	       int_value(node_member(in_b, "InstanceCount"), &count_b) && count_a == count_b;
}

/* ---- the rules ----------------------------------------------------------- */

/* A variant promoted without an entry in DesiredModelVariants keeps the
 * infrastructure it has. With --current the note says what that is
 * against production's, and is left out when the two are alike (the
 * source variant itself is promoted-source-variant's); without it, which
 * variant was the shadow is not guessed. */
void rule_promoted_keeps_infrastructure(struct cross *c)
{
	const struct node *map = cross_actions(c);
	const struct node *source = current_source(c);
	const struct node *production = source ? current_infrastructure(c, source) : NULL;
	const char *desired_list = cross_member(c, "DesiredModelVariants");

	if (!map || promotion_unclear(c, map))
		return;
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct pair *pair = &map->mapping.pairs[i];
		if (!is_action(pair->value, "Promote") || !node_is_string(pair->key) ||
		    desired(c, pair->key) || cross_reported_at(c, pair->key) ||
		    cross_reported_at(c, pair->value) || same_text(pair->key, source))
			continue;
		const struct node *own = current_infrastructure(c, pair->key);
		if (own && production && same_infrastructure(own, production))
			continue;
		struct instances had = instances_of(own), wanted = instances_of(production);
		struct quoted name = quote(pair->key->scalar.text, pair->key->scalar.len);
		if (*had.text && *wanted.text && is_current_shadow(c, pair->key))
			cross_report(c, pair->value, cross_action_path(c, pair->key),
				     "variant %s is promoted without an entry in %s, so it keeps "
				     "the infrastructure it had as a shadow (%s), not production's "
				     "(%s); add its entry to give it production's",
				     name.text, desired_list, had.text, wanted.text);
		else
			cross_report(c, pair->value, cross_action_path(c, pair->key),
				     "variant %s is promoted without an entry in %s, so it keeps "
				     "the infrastructure it has in the experiment; if that is not "
				     "what production needs, add its entry", name.text, desired_list);
	}
}

/* Promote makes a shadow variant the production one; the source variant
 * (known only from --current) is production already. Two variants
 * promoted are several-promoted's. */
void rule_promoted_source_variant(struct cross *c)
{
	const struct node *map = cross_actions(c);
	const struct node *source = current_source(c);
	const struct node *shadows = node_dig(c->current, "ShadowModeConfig",
					      "ShadowModelVariants", NULL);
	const struct node *shadow = item_count(shadows) == 1
		? node_member(item_at(shadows, 0), "ShadowModelVariantName") : NULL;

	if (!map || !source || promoted_count(map) != 1)
		return;
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct pair *pair = &map->mapping.pairs[i];
		if (!is_action(pair->value, "Promote") || !same_text(pair->key, source) ||
		    cross_reported_at(c, pair->key))
			continue;
		struct quoted name = quote(source->scalar.text, source->scalar.len);
		cross_report(c, pair->value, cross_action_path(c, pair->key),
			     "variant %s is the experiment's source, in production already; "
			     "Promote is meant for a shadow variant: to keep %s as it is, Retain "
			     "it%s%s", name.text, name.text,
			     node_is_string(shadow) ? "; to replace it, promote " : "",
			     node_is_string(shadow)
			     ? quote(shadow->scalar.text, shadow->scalar.len).text : "");
	}
}
