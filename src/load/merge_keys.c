/* YAML's merge keys (<<) read as the AWS CLI's loader reads them: what a
 * merge key may name, and the members it brings (merge.h does the
 * merging). CloudFormation does not expand them, so a template gets a
 * note. */
#include "loader.h"

#include <stdio.h>
#include <stdlib.h>

#include "merge.h"
#include "base/memory.h"

struct described loader_describe_value(const struct node *node)
{
	struct described d;
	const struct scalar *s = &node->scalar;

	if (node->kind != NODE_SCALAR)
		snprintf(d.text, sizeof d.text, "a %s", node_kind_name(node->kind));
	else if (s->type == SCALAR_NULL)
		snprintf(d.text, sizeof d.text, "null");
	else if (s->type == SCALAR_STRING)
		snprintf(d.text, sizeof d.text, "the string %s", quote(s->text, s->len).text);
	else
		snprintf(d.text, sizeof d.text, "the %s %s", scalar_type_name(s->type),
			 shorten(s->text, s->len).text);
	return d;
}

/* The mappings a merge key names, in order, added to sources; anything
 * else there makes the AWS CLI refuse the document. */
static void add_merge_sources(struct loader *ld, const struct pair *merge,
			      const struct node **sources, size_t *count)
{
	const struct node *value = merge->value;

	if (value->kind == NODE_MAPPING) {
		sources[(*count)++] = value;
		return;
	}
	if (value->kind != NODE_SEQUENCE) {
		bool named = value->kind == NODE_SCALAR && value->scalar.type == SCALAR_STRING &&
			     anchors_find(&ld->anchors, value->scalar.text, value->scalar.len);
		loader_report(ld, RULE_BAD_MERGE_KEY, value->span, merge->key,
			      "the merge key << takes a mapping or a list of mappings, and the "
			      "AWS CLI refuses %s%s%s", loader_describe_value(value).text,
			      named ? "; an alias is written *" : "",
			      named ? shorten(value->scalar.text, value->scalar.len).text : "");
		return;
	}
	for (size_t i = 0; i < value->sequence.count; i++) {
		const struct node *item = value->sequence.items[i];
		if (item->kind == NODE_MAPPING)
			sources[(*count)++] = item;
		else
			loader_report(ld, RULE_BAD_MERGE_KEY, item->span, merge->key,
				      "the merge key << takes a list of mappings, and the AWS CLI "
				      "refuses %s in it", loader_describe_value(item).text);
	}
}

static size_t count_merge_keys(const struct node *mapping, size_t *sources)
{
	size_t keys = 0;

	*sources = 0;
	for (size_t i = 0; i < mapping->mapping.count; i++) {
		const struct pair *pair = &mapping->mapping.pairs[i];
		if (!pair->key->merge_key)
			continue;
		keys++;
		*sources += pair->value->kind == NODE_SEQUENCE ? pair->value->sequence.count : 1;
	}
	return keys;
}

/* Reads a mapping's merge keys as the AWS CLI's loader does, merging the
 * mappings they name into it, and checks its keys for repeats. The loader
 * refuses a repeated key in YAML, but not in a mapping that has a merge
 * key, nor in one that is merged (written as a merge key's value): there
 * the last value wins, as in JSON. merged says the mapping is one. */
void loader_read_merge_keys(struct loader *ld, struct node *mapping, bool merged)
{
	size_t source_capacity, source_count = 0, count = mapping->mapping.count;
	size_t merge_keys = count_merge_keys(mapping, &source_capacity);
	const struct pair *first = NULL;
	const struct node **sources;

	loader_check_duplicate_keys(ld, mapping, !ld->json && !merged && !merge_keys);
	if (!merge_keys)
		return;
	count = mapping->mapping.count; /* without the values superseded */
	sources = mem_malloc((source_capacity ? source_capacity : 1) * sizeof *sources);
	if (!sources)
		return loader_out_of_memory(ld);
	for (size_t i = 0; i < count; i++) {
		const struct pair *pair = &mapping->mapping.pairs[i];
		if (!pair->key->merge_key)
			continue;
		/* Two merge keys are a repeated key to the loader. */
		if (first)
			loader_report_repeat(ld, first, pair, true);
		else
			first = pair;
		add_merge_sources(ld, pair, sources, &source_count);
		loader_hold_for_template(ld, RULE_NEEDS_PACKAGE, pair->key->span,
					 "the merge key << is expanded by `aws cloudformation "
					 "package` and the SAM CLI before upload, not by "
					 "CloudFormation; deploy the template with one of them");
	}
	if (!merge_members(&ld->doc->arena, mapping->mapping.pairs, count, sources,
			   source_count, &mapping->mapping.pairs, &mapping->mapping.count))
		loader_out_of_memory(ld);
	free(sources);
}
