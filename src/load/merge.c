#include "merge.h"

#include <stdlib.h>

#include "base/memory.h"

/* A member the merged mapping may take: one of its own (source 0), or one
 * of the sources' (source 1 is the first). */
struct candidate {
	const struct pair *pair;
	size_t source;
	size_t index; /* within its mapping */
	bool keep;
};

static bool scalar_key(const struct candidate *c)
{
	return c->pair->key->kind == NODE_SCALAR;
}

/* Orders candidates by key (scalar ones; other keys are all distinct),
 * then by precedence: own members first, then the sources in order, and
 * within one mapping the last written first. */
static int compare_candidates(const void *left, const void *right)
{
	const struct candidate *a = *(const struct candidate *const *)left;
	const struct candidate *b = *(const struct candidate *const *)right;
	int order = (int)scalar_key(b) - (int)scalar_key(a);

	if (!order && scalar_key(a)) {
		order = node_key_order(a->pair->key, b->pair->key);
	} else if (!order) {
		order = (a->pair > b->pair) - (a->pair < b->pair);
	}
	if (!order)
		order = (a->source > b->source) - (a->source < b->source);
	if (!order)
		order = (a->index < b->index) - (a->index > b->index);
	return order;
}

static bool same_scalar_key(const struct candidate *a, const struct candidate *b)
{
	return scalar_key(a) && scalar_key(b) && node_key_order(a->pair->key, b->pair->key) == 0;
}

/* Own members are all kept (their repeats are the loader's to report);
 * a merged one only when it is the first of its key, which the order
 * makes the one that wins. */
static void choose(struct candidate **sorted, size_t count)
{
	for (size_t first = 0, i = 0; i < count; i++) {
		if (i > 0 && !same_scalar_key(sorted[first], sorted[i]))
			first = i;
		sorted[i]->keep = sorted[i]->source == 0 || i == first;
	}
}

static size_t collect(struct candidate *all, const struct pair *pairs, size_t count,
		      const struct node *const *sources, size_t source_count)
{
	size_t n = 0;

	for (size_t i = 0; i < count; i++)
		if (!pairs[i].key->merge_key)
			all[n++] = (struct candidate){ &pairs[i], 0, i, false };
	for (size_t s = 0; s < source_count; s++)
		for (size_t i = 0; i < sources[s]->mapping.count; i++)
			all[n++] = (struct candidate){ &sources[s]->mapping.pairs[i], s + 1, i,
						       false };
	return n;
}

/* Own members in order, the merged ones where the first merge key was. */
static size_t write_members(struct pair *out, const struct candidate *all, size_t total,
			    const struct pair *pairs, size_t count)
{
	size_t n = 0, own = 0;
	bool merged = false;

	for (size_t i = 0; i < count; i++) {
		if (!pairs[i].key->merge_key) {
			out[n++] = *all[own++].pair;
			continue;
		}
		if (merged)
			continue;
		merged = true;
		for (size_t c = 0; c < total; c++)
			if (all[c].source > 0 && all[c].keep)
				out[n++] = *all[c].pair;
	}
	return n;
}

bool merge_members(struct arena *arena, const struct pair *pairs, size_t count,
		   const struct node *const *sources, size_t source_count,
		   struct pair **merged, size_t *merged_count)
{
	size_t total = count;
	struct candidate *all;
	struct candidate **sorted;

	for (size_t s = 0; s < source_count; s++)
		total += sources[s]->mapping.count;
	all = mem_malloc((total ? total : 1) * sizeof *all);
	sorted = mem_malloc((total ? total : 1) * sizeof *sorted);
	*merged = arena_alloc(arena, (total ? total : 1) * sizeof **merged);
	if (!all || !sorted || !*merged) {
		free(all);
		free(sorted);
		return false;
	}
	total = collect(all, pairs, count, sources, source_count);
	for (size_t i = 0; i < total; i++)
		sorted[i] = &all[i];
	qsort(sorted, total, sizeof *sorted, compare_candidates);
	choose(sorted, total);
	*merged_count = write_members(*merged, all, total, pairs, count);
	free(all);
	free(sorted);
	return true;
}
