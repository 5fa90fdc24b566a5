/* A mapping's repeated keys: refused by the AWS CLI in YAML, and in JSON
 * (where the last value wins) an error or, for the same value twice, a
 * warning. */
#include "loader.h"

#include <stdlib.h>

#include "base/memory.h"

/* Orders pairs by key, and equal keys as they appear in the source. */
static int compare_keys(const void *left, const void *right)
{
	const struct node *a = (*(const struct pair *const *)left)->key;
	const struct node *b = (*(const struct pair *const *)right)->key;
	int order = node_key_order(a, b);

	if (!order)
		order = a->span.line != b->span.line ? (a->span.line > b->span.line ? 1 : -1)
						     : (a->span.column > b->span.column) - (a->span.column < b->span.column);
	return order;
}

/* A repeat of the key of `first`. Where the AWS CLI refuses repeated keys
 * (YAML), it is an error; where it keeps the last value (JSON), an error
 * when the values differ and a warning when the author wrote the same
 * value twice. */
void loader_report_repeat(struct loader *ld, const struct pair *first,
			  const struct pair *repeat, bool refused)
{
	const struct node *key = repeat->key;
	bool same = !refused && node_equal(first->value, repeat->value);

	loader_report(ld, same ? RULE_DUPLICATE_KEY_SAME_VALUE : RULE_DUPLICATE_KEY, key->span, key,
		      "duplicate key %s (first at line %d, column %d)%s",
		      quote(key->scalar.text, key->scalar.len).text,
		      first->key->span.line, first->key->span.column,
		      refused ? ": the AWS CLI refuses YAML with a repeated key"
		      : same ? " with the same value: the AWS CLI keeps one of the two"
			     : ": the AWS CLI would silently keep only the last value");
	diag_set_related(ld->diags, first->key->span);
}

/* Where the last value of a repeated key wins, the pairs before it are
 * dropped, as the AWS CLI's loader drops them: no check may report on a
 * value that is never sent. `superseded` marks them. */
static void drop_superseded(struct node *mapping, const bool *superseded)
{
	size_t kept = 0;

	for (size_t i = 0; i < mapping->mapping.count; i++)
		if (!superseded[i])
			mapping->mapping.pairs[kept++] = mapping->mapping.pairs[i];
	mapping->mapping.count = kept;
}

/* Sorting keeps this linear-logarithmic even for a hostile mapping of half
 * a million keys. Each repeat is reported with the first one as related;
 * where the repeat is not refused, only the last value stays. */
void loader_check_duplicate_keys(struct loader *ld, struct node *mapping, bool refused)
{
	size_t count = mapping->mapping.count, keys = 0;
	const struct pair **sorted;

	if (count < 2)
		return;
	sorted = mem_malloc(count * sizeof *sorted);
	if (!sorted)
		return loader_out_of_memory(ld);
	/* Merge keys are read apart: see loader_read_merge_keys(). */
	for (size_t i = 0; i < count; i++)
		if (mapping->mapping.pairs[i].key->kind == NODE_SCALAR &&
		    !mapping->mapping.pairs[i].key->merge_key)
			sorted[keys++] = &mapping->mapping.pairs[i];
	qsort(sorted, keys, sizeof *sorted, compare_keys);
	bool *superseded = refused ? NULL : mem_calloc(count, sizeof *superseded);
	bool repeated = false;
	if (!refused && !superseded) {
		free(sorted);
		return loader_out_of_memory(ld);
	}
	for (size_t first = 0, i = 1; i < keys; i++) {
		if (node_key_order(sorted[first]->key, sorted[i]->key) != 0) {
			first = i;
			continue;
		}
		loader_report_repeat(ld, sorted[first], sorted[i], refused);
		if (superseded)
			superseded[sorted[i - 1] - mapping->mapping.pairs] = true;
		repeated = true;
	}
	if (superseded && repeated)
		drop_superseded(mapping, superseded);
	free(superseded);
	free(sorted);
}
