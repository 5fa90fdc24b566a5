/* The cross-field rules of shadow mode: ShadowModeConfig names variants
 * that exist, a source and a shadow that differ, and gives the shadow a
 * share of the traffic. */
#include "cross.h"

#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "base/quote.h"

static const char *const shadows_path = "ShadowModeConfig.ShadowModelVariants";

/* Whether a template names a variant by a value known only when it is
 * deployed: a name may then be that one. */
static bool has_unknown_name(const struct node *variants)
{
	if (variants && variants->kind == NODE_UNKNOWN)
		return true;
	for (size_t i = 0; i < item_count(variants); i++) {
		const struct node *variant = item_at(variants, i);
		const struct node *name = node_member(variant, "VariantName");
		if (variant->kind == NODE_UNKNOWN || (name && name->kind == NODE_UNKNOWN))
			return true;
	}
	return false;
}

/* Whether the request's ModelVariants are all the experiment's variants:
 * a create request (and a template) lists every one, but an update lists
 * only those whose configuration it changes, so its list is whole only
 * when it holds two, the most an experiment has. */
static bool lists_every_variant(const struct cross *c, const struct node *requested)
{
	return c->op != OPERATION_UPDATE || item_count(requested) >= 2;
}

/* A name in ShadowModeConfig refers to a variant of the request or of the
 * current experiment. Without --current, only the request's variants are
 * known, and a name they lack is wrong only when they are every variant
 * the experiment has; otherwise it may be one the update leaves alone.
 * Takes path, as cross_report() does. */
static void check_reference(struct cross *c, const struct node *name, char *path)
{
	const struct node *requested = node_member(c->request, "ModelVariants");
	const struct node *current = node_member(c->current, "ModelVariants");
	struct suggestion s;

	if (!node_is_string(name) || (!current && (item_count(requested) == 0 ||
						   !lists_every_variant(c, requested))) ||
	    has_unknown_name(requested) || variant_named(requested, name, same_text) ||
	    variant_named(current, name, same_text)) {
		free(path);
		return;
	}
	suggestion_init(&s, name->scalar.text, name->scalar.len);
	cross_consider_variants(&s, requested);
	cross_consider_variants(&s, current);
	cross_report(c, name, path, "%s names no variant of %s%s%s%s",
		     quote(name->scalar.text, name->scalar.len).text,
		     !current ? cross_member(c, "ModelVariants")
		     : item_count(requested) ? "the request or the current experiment"
		     : "the current experiment",
		     s.best ? "; did you mean \"" : "", s.best ? s.best : "",
		     s.best ? "\"?" : "");
}

/* Whether a template stops its experiment: with DesiredState Completed
 * or Cancelled, a stack update of a running experiment sends a stop whose
 * ModelVariants are the variants to keep. Leaving the source variant out
 * then removes it and promotes the shadow, so ShadowModeConfig rightly
 * names a variant that ModelVariants no longer lists. */
static bool template_stops(const struct cross *c)
{
	const char *state = text_of(node_member(c->request, "DesiredState"));

	return kind_is_resource(c->kind) && state &&
	       (strcmp(state, "Completed") == 0 || strcmp(state, "Cancelled") == 0);
}

/* ShadowModeConfig names real variants. */
void rule_unknown_variant(struct cross *c)
{
	const struct node *config = node_member(c->request, "ShadowModeConfig");
	const struct node *shadows = node_member(config, "ShadowModelVariants");

	if (!config || template_stops(c))
		return;
	check_reference(c, node_member(config, "SourceModelVariantName"),
			cross_path(c, "ShadowModeConfig.SourceModelVariantName"));
	for (size_t i = 0; i < item_count(shadows); i++)
		check_reference(c, node_member(item_at(shadows, i), "ShadowModelVariantName"),
				cross_item_path(c, shadows_path, i, "ShadowModelVariantName"));
}

/* The shadow is another variant than the source. */
void rule_shadow_is_source(struct cross *c)
{
	const struct node *config = node_member(c->request, "ShadowModeConfig");
	const struct node *source = node_member(config, "SourceModelVariantName");
	const struct node *shadows = node_member(config, "ShadowModelVariants");

	for (size_t i = 0; i < item_count(shadows); i++) {
		const struct node *shadow = node_member(item_at(shadows, i),
							"ShadowModelVariantName");
		if (same_text(shadow, source) &&
		    cross_report(c, shadow,
				 cross_item_path(c, shadows_path, i, "ShadowModelVariantName"),
				 "the shadow variant %s is also the source; a shadow test needs "
				 "two different variants",
				 quote(shadow->scalar.text, shadow->scalar.len).text))
			cross_relate(c, source);
	}
}

/* With two variants and a ShadowModeConfig, the two are the
 * source and the shadow. A reference that names no variant, or a shadow
 * that is the source, or a variant the experiment lacks, already says
 * what is wrong: this rule speaks only when nothing else did. */
void rule_variant_not_in_shadow_config(struct cross *c)
{
	const struct node *variants = node_member(c->request, "ModelVariants");
	const struct node *config = node_member(c->request, "ShadowModeConfig");
	const struct node *source = node_member(config, "SourceModelVariantName");
	const struct node *shadows = node_member(config, "ShadowModelVariants");

	if (item_count(variants) != 2 || !node_is_string(source) || item_count(shadows) != 1)
		return;
	const struct node *shadow = node_member(item_at(shadows, 0), "ShadowModelVariantName");
	if (!node_is_string(shadow))
		return;
	if (cross_reported_at(c, source) || cross_reported_at(c, shadow))
		return;
	for (size_t i = 0; i < 2; i++) {
		const struct node *name = node_member(item_at(variants, i), "VariantName");
		if (!node_is_string(name) || same_text(name, source) || same_text(name, shadow) ||
		    cross_reported_at(c, name))
			continue;
		cross_report(c, name, cross_item_path(c, "ModelVariants", i, "VariantName"),
			     "variant %s is neither the source (%s) nor the shadow (%s) of %s",
			     quote(name->scalar.text, name->scalar.len).text,
			     quote(source->scalar.text, source->scalar.len).text,
			     quote(shadow->scalar.text, shadow->scalar.len).text,
			     cross_member(c, "ShadowModeConfig"));
	}
}

/* ---- sampling ------------------------------------------------------------ */

/* The i-th shadow variant's SamplingPercentage, when it is an integer. */
static const struct node *sampling(const struct node *shadows, size_t i, long long *value)
{
	const struct node *node = node_member(item_at(shadows, i), "SamplingPercentage");

	return int_value(node, value) ? node : NULL;
}

static const struct node *shadow_variants(const struct cross *c)
{
	return node_dig(c->request, "ShadowModeConfig", "ShadowModelVariants", NULL);
}

/* A negative share of traffic is impossible. */
void rule_negative_sampling(struct cross *c)
{
	const struct node *shadows = shadow_variants(c), *node;
	long long value;

	for (size_t i = 0; i < item_count(shadows); i++)
		if ((node = sampling(shadows, i, &value)) && value < 0)
			cross_report(c, node,
				     cross_item_path(c, shadows_path, i, "SamplingPercentage"),
				     "%s is %lld; a share of traffic cannot be negative",
				     cross_member(c, "SamplingPercentage"), value);
}

/* No traffic at all is legal but almost always a slip. */
void rule_zero_sampling(struct cross *c)
{
	const struct node *shadows = shadow_variants(c), *node;
	long long value;

	for (size_t i = 0; i < item_count(shadows); i++)
		if ((node = sampling(shadows, i, &value)) && value == 0)
			cross_report(c, node,
				     cross_item_path(c, shadows_path, i, "SamplingPercentage"),
				     "%s is 0: the shadow variant would get no traffic",
				     cross_member(c, "SamplingPercentage"));
}
