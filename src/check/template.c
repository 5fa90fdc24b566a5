#include "template.h"
#include "base/memory.h"

#include <stdlib.h>
#include <string.h>

static bool has_type(const struct node *resource)
{
	return node_is_string(node_member(resource, "Type"));
}

bool template_detect(const struct node *root)
{
	const struct node *resources = node_member(root, "Resources");

	if (node_member(root, "AWSTemplateFormatVersion"))
		return true;
	if (!resources || resources->kind != NODE_MAPPING || resources->mapping.count == 0)
		return false;
	for (size_t i = 0; i < resources->mapping.count; i++)
		if (!has_type(resources->mapping.pairs[i].value))
			return false;
	return true;
}

static int compare_name(const struct pair *pair, const char *text, size_t len)
{
	size_t key_len = pair->key->scalar.len;
	int order = memcmp(pair->key->scalar.text, text, key_len < len ? key_len : len);

	if (order)
		return order;
	return key_len < len ? -1 : key_len > len;
}

/* By name; of duplicate names (which the loader reports) the last comes
 * last, so that a lookup finds it, as node_member() does. */
static int compare_pairs(const void *left, const void *right)
{
	const struct pair *a = *(const struct pair *const *)left;
	const struct pair *b = *(const struct pair *const *)right;
	int order = compare_name(a, b->key->scalar.text, b->key->scalar.len);

	if (order)
		return order;
	return a < b ? -1 : a > b;
}

static bool read_section(struct section *section, const struct node *root, const char *name)
{
	const struct node *node = node_member(root, name);

	memset(section, 0, sizeof *section);
	if (!node || node->kind != NODE_MAPPING || node->mapping.count == 0)
		return true;
	section->node = node;
	section->sorted = mem_malloc(node->mapping.count * sizeof *section->sorted);
	if (!section->sorted)
		return false;
	for (size_t i = 0; i < node->mapping.count; i++)
		if (node_is_string(node->mapping.pairs[i].key))
			section->sorted[section->count++] = &node->mapping.pairs[i];
	qsort(section->sorted, section->count, sizeof *section->sorted, compare_pairs);
	return true;
}

bool template_read(struct template *template, const struct node *root)
{
	bool read = read_section(&template->parameters, root, "Parameters");

	read = read_section(&template->conditions, root, "Conditions") && read;
	read = read_section(&template->mappings, root, "Mappings") && read;
	read = read_section(&template->resources, root, "Resources") && read;
	template->transformed = node_member(root, "Transform") != NULL;
	return read;
}

void template_free(struct template *template)
{
	free(template->parameters.sorted);
	free(template->conditions.sorted);
	free(template->mappings.sorted);
	free(template->resources.sorted);
	memset(template, 0, sizeof *template);
}

const struct node *template_find(const struct section *section, const char *text,
				 size_t len)
{
	size_t low = 0, high = section->count;

	/* Past the last pair whose name is not after text. */
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (compare_name(section->sorted[middle], text, len) <= 0)
			low = middle + 1;
		else
			high = middle;
	}
	if (low == 0 || compare_name(section->sorted[low - 1], text, len) != 0)
		return NULL;
	return section->sorted[low - 1]->value;
}

bool template_is_pseudo_parameter(const char *text, size_t len)
{
	static const char *const names[] = {
		"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
		"AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i]) == len && memcmp(names[i], text, len) == 0)
			return true;
	return false;
}
