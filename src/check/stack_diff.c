/* Comparing a template's property with the experiment described. The
 * description is the service's: a time comes back as
 * 2030-01-03T00:00:00+00:00 for 2030-01-03T00:00:00Z, an integer as a
 * number where the template may write "2", and a variant carries its
 * Status; none of these is a change. */
#include "stack_diff.h"

#include <string.h>

#include "request_read.h"
#include "timestamp.h"

/* Nesting deeper than this, or a mapping of more members, is no
 * experiment's: stop looking, rather than look up each member of a huge
 * mapping in another. */
enum { MAX_DEPTH = 16, MAX_MEMBERS = 64 };

struct comparison {
	double now;
	struct path *path; /* of the value being compared; left at a difference */
};

static const struct node *differs(struct comparison *k, const struct node *w,
				  const struct node *c, int depth);

/* Compares a member or an item: the path grows by it, and is cut back
 * unless they differ. */
static const struct node *differs_below(struct comparison *k, const struct node *w,
					const struct node *c, int depth, const struct node *key,
					size_t index)
{
	size_t mark = path_length(k->path);
	const struct node *d;

	if (key)
		path_append_key(k->path, key->scalar.text, key->scalar.len);
	else
		path_append_index(k->path, index);
	if (!(d = differs(k, w, c, depth + 1)))
		path_truncate(k->path, mark);
	return d;
}

/* Members the description gives and a template never writes. */
static bool description_only(const struct node *key)
{
	return node_is_string(key) && strcmp(key->scalar.text, "Status") == 0;
}

static bool is_variants(const struct node *list)
{
	const struct node *first = item_at(list, 0);

	return item_count(list) && node_member(first, "VariantName") &&
	       node_member(first, "InfrastructureConfig");
}

/* Variants, by name: one the experiment lacks differs at its name, one
 * the template drops at the list. */
static const struct node *variants_differ(struct comparison *k, const struct node *w,
					  const struct node *c, int depth)
{
	for (size_t i = 0; i < item_count(w); i++) {
		const struct node *variant = item_at(w, i);
		const struct node *name = node_member(variant, "VariantName");
		const struct node *theirs;
		if (variant->kind == NODE_UNKNOWN || !name || name->kind == NODE_UNKNOWN)
			return NULL;
		if (!(theirs = variant_named(c, name, same_scalar))) {
			path_append_index(k->path, i);
			path_append_key(k->path, "VariantName", strlen("VariantName"));
			return name;
		}
		const struct node *d = differs_below(k, variant, theirs, depth, NULL, i);
		if (d)
			return d;
	}
	return item_count(w) == item_count(c) ? NULL : w;
}

/* A list of scalars (content types) is a set: the description may give
 * its items in another order. */
static bool is_scalar_list(const struct node *list)
{
	for (size_t i = 0; i < item_count(list); i++)
		if (item_at(list, i)->kind != NODE_SCALAR)
			return false;
	return item_count(list) > 0;
}

static const struct node *set_differs(struct comparison *k, const struct node *w,
				      const struct node *c)
{
	if (w->sequence.count != c->sequence.count)
		return w;
	for (size_t i = 0; i < item_count(w); i++) {
		bool found = false;
		for (size_t j = 0; j < item_count(c) && !found; j++)
			found = same_scalar(item_at(w, i), item_at(c, j));
		if (!found) {
			path_append_index(k->path, i);
			return item_at(w, i);
		}
	}
	return NULL;
}

static const struct node *mapping_differs(struct comparison *k, const struct node *w,
					  const struct node *c, int depth)
{
	if (w->mapping.count > MAX_MEMBERS || c->mapping.count > MAX_MEMBERS)
		return NULL;
	for (size_t i = 0; i < w->mapping.count; i++) {
		const struct pair *pair = &w->mapping.pairs[i];
		if (!node_is_string(pair->key))
			continue;
		const struct node *d = differs_below(k, pair->value,
						     node_member(c, pair->key->scalar.text), depth,
						     pair->key, 0);
		if (d)
			return d;
	}
	for (size_t i = 0; i < c->mapping.count; i++) {
		const struct node *key = c->mapping.pairs[i].key;
		if (node_is_string(key) && !description_only(key) &&
		    !node_member(w, key->scalar.text))
			return w;
	}
	return NULL;
}

static const struct node *scalar_differs(const struct node *w, const struct node *c,
					 double now)
{
	double a, b;

	if (same_scalar(w, c))
		return NULL;
	if (timestamp_from_node(w, now, &a) && timestamp_from_node(c, now, &b) && a == b)
		return NULL;
	return w;
}

static const struct node *differs(struct comparison *k, const struct node *w,
				  const struct node *c, int depth)
{
	if (!w || w->kind == NODE_UNKNOWN || (c && c->kind == NODE_UNKNOWN) || depth > MAX_DEPTH)
		return NULL;
	if (!c || c->kind != w->kind)
		return w;
	switch (w->kind) {
	case NODE_MAPPING:
		return mapping_differs(k, w, c, depth);
	case NODE_SEQUENCE:
		if (is_variants(w))
			return variants_differ(k, w, c, depth);
		if (is_scalar_list(w))
			return set_differs(k, w, c);
		if (w->sequence.count != c->sequence.count)
			return w;
		for (size_t i = 0; i < item_count(w); i++) {
			const struct node *d = differs_below(k, item_at(w, i), item_at(c, i), depth,
							     NULL, i);
			if (d)
				return d;
		}
		return NULL;
	case NODE_SCALAR:
		return scalar_differs(w, c, k->now);
	default:
		return NULL;
	}
}

const struct node *stack_difference(const struct node *written, const struct node *current,
				    double now, struct path *path)
{
	struct comparison k = { now, path };

	return differs(&k, written, current, 0);
}
