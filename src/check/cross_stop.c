/* The cross-field rules of a stop request's actions: ModelVariantActions
 * names the experiment's variants, promotes one at most, and agrees with
 * DesiredModelVariants. */
#include "cross.h"

#include <string.h>

#include "suggest.h"
#include "base/memory.h"
#include "base/path.h"
#include "base/quote.h"

const struct node *cross_actions(const struct cross *c)
{
	const struct node *map = node_member(c->request, "ModelVariantActions");

	return map && map->kind == NODE_MAPPING && !cross_already_reported(c, map) ? map : NULL;
}

char *cross_action_path(const struct cross *c, const struct node *key)
{
	const char *actions = cross_member(c, "ModelVariantActions");
	struct path path;
	char *text = NULL;

	path_init(&path);
	path_append_key(&path, actions, strlen(actions));
	if (node_is_string(key))
		path_append_key(&path, key->scalar.text, key->scalar.len);
	if (!path_failed(&path))
		text = mem_strdup(path_string(&path));
	path_free(&path);
	return text;
}

/* Only Remove removes: a value that is no action (Promoted) is a mistake
 * of its own, which the shape rules report, and not a removal. */
bool cross_removes(const struct node *action)
{
	return is_action(action, "Remove");
}

void rule_several_promoted(struct cross *c)
{
	const struct node *map = cross_actions(c), *first = NULL;

	for (size_t i = 0; map && i < map->mapping.count; i++) {
		const struct pair *pair = &map->mapping.pairs[i];
		if (!is_action(pair->value, "Promote"))
			continue;
		if (!first) {
			first = pair->value;
		} else if (cross_report(c, pair->value, cross_action_path(c, pair->key),
					"a second variant is promoted; a stop promotes at most "
					"one, and retains or removes the others")) {
			cross_relate(c, first);
		}
	}
}

void rule_unknown_action_variant(struct cross *c)
{
	const struct node *map = cross_actions(c);
	const struct node *variants = node_member(c->current, "ModelVariants");

	if (!map || !variants)
		return;
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct node *key = map->mapping.pairs[i].key;
		struct suggestion s;
		if (!node_is_string(key) || variant_named(variants, key, same_text))
			continue;
		suggestion_init(&s, key->scalar.text, key->scalar.len);
		cross_consider_variants(&s, variants);
		cross_report(c, key, cross_action_path(c, key),
			     "%s is no variant of the experiment%s%s%s",
			     quote(key->scalar.text, key->scalar.len).text,
			     s.best ? "; did you mean \"" : "", s.best ? s.best : "",
			     s.best ? "\"?" : "");
	}
}

/* Whether an action's variant drew a diagnostic (no variant of the
 * experiment, say): the actions then tell little of what is kept. */
static bool action_reported(const struct cross *c, const struct node *map)
{
	for (size_t i = 0; map && i < map->mapping.count; i++)
		if (cross_reported_at(c, map->mapping.pairs[i].key))
			return true;
	return false;
}

/* A variant desired and removed at once: the two members contradict. */
void rule_desired_variant_not_kept(struct cross *c)
{
	const struct node *map = cross_actions(c);
	const struct node *desired = node_member(c->request, "DesiredModelVariants");

	for (size_t i = 0; map && i < item_count(desired); i++) {
		const struct node *name = node_member(item_at(desired, i), "VariantName");
		if (node_is_string(name) && cross_removes(action_of(map, name, same_text)))
			cross_report(c, name,
				     cross_item_path(c, "DesiredModelVariants", i, "VariantName"),
				     "variant %s is removed by %s, so it cannot stay deployed; %s "
				     "lists the variants promoted or retained",
				     quote(name->scalar.text, name->scalar.len).text,
				     cross_member(c, "ModelVariantActions"),
				     cross_member(c, "DesiredModelVariants"));
	}
}

/* A variant desired without an action: the API does not say what that
 * does, and the name is most often a slip, so a note. */
void rule_desired_variant_not_named(struct cross *c)
{
	const struct node *map = cross_actions(c);
	const struct node *desired = node_member(c->request, "DesiredModelVariants");

	if (!map || action_reported(c, map))
		return;
	for (size_t i = 0; i < item_count(desired); i++) {
		const struct node *name = node_member(item_at(desired, i), "VariantName");
		struct suggestion s;
		if (!node_is_string(name) || action_of(map, name, same_text))
			continue;
		suggestion_init(&s, name->scalar.text, name->scalar.len);
		for (size_t k = 0; k < map->mapping.count; k++)
			if (node_is_string(map->mapping.pairs[k].key))
				suggestion_consider(&s, map->mapping.pairs[k].key->scalar.text);
		cross_report(c, name, cross_item_path(c, "DesiredModelVariants", i, "VariantName"),
			     "%s does not name variant %s, so what becomes of it is not "
			     "documented; %s lists the variants promoted or retained%s%s%s",
			     cross_member(c, "ModelVariantActions"),
			     quote(name->scalar.text, name->scalar.len).text,
			     cross_member(c, "DesiredModelVariants"),
			     s.best ? " (the actions name \"" : "", s.best ? s.best : "",
			     s.best ? "\": is it that?)" : "");
	}
}
