#include "plan_after.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

/* Nesting below which after is not followed: deeper than any attribute
 * of the experiment, so what lies there is taken as not known. */
enum { MAX_DEPTH = 64 };

static bool is_text(const struct node *node, const char *word)
{
	return node && node_is_string(node) && strcmp(node->scalar.text, word) == 0;
}

static bool is_true(const struct node *node)
{
	return node && node->kind == NODE_SCALAR && node->scalar.type == SCALAR_BOOL &&
	       node->scalar.bool_value;
}

static bool is_null(const struct node *node)
{
	return !node || (node->kind == NODE_SCALAR && node->scalar.type == SCALAR_NULL);
}

/* Whether after_unknown says anything is unknown of a value that after
 * leaves out: true, or anything but false and an empty mapping or list
 * (Terraform writes the value whole as true; anything else is taken as
 * not known too rather than as absent). */
bool plan_marks_unknown(const struct node *node)
{
	switch (node->kind) {
	case NODE_SCALAR:
		return is_true(node);
	case NODE_MAPPING:
		return node->mapping.count > 0;
	case NODE_SEQUENCE:
		return node->sequence.count > 0;
	default:
		return true;
	}
}

struct merge {
	struct arena *arena;
	bool out_of_memory;
};

static struct node *made_node(struct merge *m, const struct node *like)
{
	struct node *made = arena_dup(m->arena, like, sizeof *like);

	if (!made)
		m->out_of_memory = true;
	return made;
}

static struct node *unknown_node(struct merge *m, struct span span)
{
	struct node like = { .kind = NODE_UNKNOWN, .span = span, .weight = 1 };

	like.scalar.type = SCALAR_NULL;
	like.scalar.text = "";
	return made_node(m, &like);
}

/* A scalar without its source text: a fix would rewrite the plan. */
static struct node *plain_scalar(struct merge *m, const struct node *node)
{
	struct node *made = made_node(m, node);

	if (made) {
		made->scalar.source = NULL;
		made->scalar.source_len = 0;
	}
	return made;
}

static int compare_pairs(const void *a, const void *b)
{
	const struct pair *x = *(const struct pair *const *)a, *y = *(const struct pair *const *)b;

	return node_key_order(x->key, y->key);
}

/* after_unknown's members, sorted by key, so that finding each of
 * after's takes a search rather than a scan. */
struct unknown_index {
	const struct pair **pairs;
	bool *taken;
	size_t count;
};

static bool index_unknown(struct unknown_index *ix, const struct node *unknown)
{
	memset(ix, 0, sizeof *ix);
	if (!unknown || unknown->kind != NODE_MAPPING || unknown->mapping.count == 0)
		return true;
	ix->pairs = mem_malloc(unknown->mapping.count * sizeof *ix->pairs);
	ix->taken = mem_calloc(unknown->mapping.count, sizeof *ix->taken);
	if (!ix->pairs || !ix->taken)
		return false;
	for (size_t i = 0; i < unknown->mapping.count; i++)
		ix->pairs[i] = &unknown->mapping.pairs[i];
	ix->count = unknown->mapping.count;
	qsort(ix->pairs, ix->count, sizeof *ix->pairs, compare_pairs);
	return true;
}

static const struct node *find_unknown(struct unknown_index *ix, const struct node *key)
{
	struct pair wanted = { (struct node *)key, NULL };
	const struct pair *p = &wanted;
	const struct pair **found = ix->count
		? bsearch(&p, ix->pairs, ix->count, sizeof *ix->pairs, compare_pairs) : NULL;

	if (!found)
		return NULL;
	ix->taken[found - ix->pairs] = true;
	return (*found)->value;
}

static const struct node *merged(struct merge *m, const struct node *after,
				 const struct node *unknown, struct span at, int depth);

static void add_pair(struct merge *m, struct node *mapping, const struct node *key,
		     const struct node *value)
{
	struct node *kept = plain_scalar(m, key);

	if (kept)
		mapping->mapping.pairs[mapping->mapping.count++] =
			(struct pair){ kept, (struct node *)value };
}

/* after's members that are not null, then the members after_unknown
 * marks that after leaves out (Terraform writes no unknown member). */
static const struct node *merged_mapping(struct merge *m, const struct node *after,
					 const struct node *unknown, int depth)
{
	size_t most = after->mapping.count +
		      (unknown && unknown->kind == NODE_MAPPING ? unknown->mapping.count : 0);
	struct node *made = made_node(m, after);
	struct unknown_index ix = { 0 };

	if (!made || !index_unknown(&ix, unknown) ||
	    (most && !(made->mapping.pairs = arena_alloc(m->arena, most * sizeof(struct pair))))) {
		m->out_of_memory = true;
		free(ix.pairs);
		free(ix.taken);
		return NULL;
	}
	made->mapping.count = 0;
	for (size_t i = 0; i < after->mapping.count && !m->out_of_memory; i++) {
		const struct pair *pair = &after->mapping.pairs[i];
		const struct node *value = merged(m, pair->value, find_unknown(&ix, pair->key),
						  pair->key->span, depth + 1);
		if (value)
			add_pair(m, made, pair->key, value);
	}
	for (size_t i = 0; i < ix.count && !m->out_of_memory; i++)
		if (!ix.taken[i] && plan_marks_unknown(ix.pairs[i]->value))
			add_pair(m, made, ix.pairs[i]->key,
				 unknown_node(m, ix.pairs[i]->key->span));
	free(ix.pairs);
	free(ix.taken);
	return m->out_of_memory ? NULL : made;
}

/* Each item at its index: an unknown item is null in after. */
static const struct node *merged_sequence(struct merge *m, const struct node *after,
					  const struct node *unknown, int depth)
{
	struct node *made = made_node(m, after);
	size_t count = after->sequence.count;

	if (unknown && unknown->kind != NODE_SEQUENCE)
		unknown = NULL;
	if (!made || (count && !(made->sequence.items = arena_alloc(m->arena,
								    count * sizeof(struct node *))))) {
		m->out_of_memory = true;
		return NULL;
	}
	for (size_t i = 0; i < count; i++) {
		const struct node *item = after->sequence.items[i];
		const struct node *value = merged(m, item,
			unknown && i < unknown->sequence.count ? unknown->sequence.items[i] : NULL,
			item->span, depth + 1);
		if (m->out_of_memory)
			return NULL;
		/* A null item stays, for the shape rules to refuse. */
		made->sequence.items[i] = (struct node *)(value ? value : item);
	}
	return made;
}

/* The value at one place of after, and what after_unknown says of it;
 * at is where a value after leaves out would be. */
static const struct node *merged(struct merge *m, const struct node *after,
				 const struct node *unknown, struct span at, int depth)
{
	if (is_true(unknown) || depth > MAX_DEPTH)
		return unknown_node(m, is_null(after) ? at : after->span);
	if (is_null(after))
		return NULL;
	switch (after->kind) {
	case NODE_MAPPING:
		return merged_mapping(m, after, unknown, depth);
	case NODE_SEQUENCE:
		return merged_sequence(m, after, unknown, depth);
	case NODE_SCALAR:
		return plain_scalar(m, after);
	default:
		return after;
	}
}

/* The resource's "id" is the provider's (the experiment's name, once it
 * exists), in every plan; the other attributes it computes are the
 * resource's read-only ones, which translating leaves out. */
static void drop_id(struct node *attributes)
{
	size_t kept = 0;

	for (size_t i = 0; i < attributes->mapping.count; i++)
		if (!is_text(attributes->mapping.pairs[i].key, "id"))
			attributes->mapping.pairs[kept++] = attributes->mapping.pairs[i];
	attributes->mapping.count = kept;
}

const struct node *plan_attributes(const struct planned_change *change, struct arena *arena,
				   bool *out_of_memory)
{
	struct merge m = { arena, false };
	const struct node *after = change->after;
	const struct node *attributes;

	if (!after || after->kind != NODE_MAPPING)
		return NULL;
	attributes = merged(&m, after, change->after_unknown, after->span, 0);
	if (m.out_of_memory) {
		*out_of_memory = true;
		return NULL;
	}
	if (attributes && attributes->kind == NODE_MAPPING)
		drop_id((struct node *)attributes);
	return attributes;
}
