#include "template.h"

#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/memory.h"

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

static int compare_name(const struct section_name *name, const char *text, size_t len)
{
	int order = memcmp(name->text, text, name->len < len ? name->len : len);

	if (order)
		return order;
	return name->len < len ? -1 : name->len > len;
}

/* By name; of duplicate names (which the loader reports) the last comes
 * last, so that a lookup finds it, as node_member() does. */
static int compare_names(const void *left, const void *right)
{
	const struct section_name *a = left, *b = right;
	int order = compare_name(a, b->text, b->len);

	if (order)
		return order;
	return a->pair < b->pair ? -1 : a->pair > b->pair;
}

/* A lookup probes at most this many slots past a name's own. Names made
 * to collide would need more: then the section has no table, and lookups
 * take the binary search, which costs more but is bounded whatever the
 * names. */
enum { MAX_PROBES = 32 };

static size_t home_slot(const struct section *section, const char *text, size_t len)
{
	return (size_t)hash_bytes(HASH_START, text, len) & (section->slot_count - 1);
}

static bool same_name(const struct section_name *name, const char *text, size_t len)
{
	return name->len == len && memcmp(name->text, text, len) == 0;
}

static void drop_slots(struct section *section)
{
	free(section->slots);
	section->slots = NULL;
	section->slot_count = 0;
}

/* The names in order, so that of duplicates the last takes the slot. */
static bool build_slots(struct section *section)
{
	size_t slot_count = 16;

	while (slot_count < 2 * section->count)
		slot_count *= 2;
	if (!(section->slots = mem_calloc(slot_count, sizeof *section->slots)))
		return false;
	section->slot_count = slot_count;
	for (size_t i = 0; i < section->count; i++) {
		const struct section_name *name = &section->names[i];
		size_t slot = home_slot(section, name->text, name->len);
		for (size_t probes = 0; section->slots[slot] &&
		     !same_name(&section->names[section->slots[slot] - 1], name->text, name->len);
		     probes++) {
			if (probes == MAX_PROBES) {
				drop_slots(section);
				return true;
			}
			slot = (slot + 1) & (slot_count - 1);
		}
		section->slots[slot] = i + 1;
	}
	return true;
}

bool section_index(struct section *section, const struct node *mapping)
{
	memset(section, 0, sizeof *section);
	if (!mapping || mapping->kind != NODE_MAPPING || mapping->mapping.count == 0)
		return true;
	section->node = mapping;
	section->names = mem_malloc(mapping->mapping.count * sizeof *section->names);
	if (!section->names)
		return false;
	for (size_t i = 0; i < mapping->mapping.count; i++) {
		const struct pair *pair = &mapping->mapping.pairs[i];
		if (node_is_string(pair->key))
			section->names[section->count++] = (struct section_name){
				pair->key->scalar.text, pair->key->scalar.len, pair
			};
	}
	qsort(section->names, section->count, sizeof *section->names, compare_names);
	return build_slots(section);
}

void section_free(struct section *section)
{
	free(section->names);
	free(section->slots);
	memset(section, 0, sizeof *section);
}

static bool read_section(struct section *section, const struct node *root, const char *name)
{
	return section_index(section, node_member(root, name));
}

static bool is_language_extensions(const struct node *name)
{
	return node_is_string(name) && strcmp(name->scalar.text, "AWS::LanguageExtensions") == 0;
}

/* Transform: a macro's name, or a list of them. */
static bool names_language_extensions(const struct node *transform)
{
	if (!transform || transform->kind != NODE_SEQUENCE)
		return is_language_extensions(transform);
	for (size_t i = 0; i < transform->sequence.count; i++)
		if (is_language_extensions(transform->sequence.items[i]))
			return true;
	return false;
}

bool template_read(struct template *template, const struct node *root)
{
	bool read = read_section(&template->parameters, root, "Parameters");

	read = read_section(&template->conditions, root, "Conditions") && read;
	read = read_section(&template->mappings, root, "Mappings") && read;
	read = read_section(&template->resources, root, "Resources") && read;
	template->transformed = node_member(root, "Transform") != NULL;
	template->language_extensions = names_language_extensions(node_member(root, "Transform"));
	return read;
}

void template_free(struct template *template)
{
	section_free(&template->parameters);
	section_free(&template->conditions);
	section_free(&template->mappings);
	section_free(&template->resources);
	memset(template, 0, sizeof *template);
}

static const struct node *hashed_find(const struct section *section, const char *text,
				      size_t len)
{
	size_t slot = home_slot(section, text, len);

	for (size_t probes = 0; probes <= MAX_PROBES && section->slots[slot]; probes++) {
		const struct section_name *name = &section->names[section->slots[slot] - 1];
		if (same_name(name, text, len))
			return name->pair->value;
		slot = (slot + 1) & (section->slot_count - 1);
	}
	return NULL;
}

const struct node *template_find(const struct section *section, const char *text,
				 size_t len)
{
	size_t low = 0, high = section->count;

	if (section->slots)
		return hashed_find(section, text, len);
	/* Past the last name that is not after text. */
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (compare_name(&section->names[middle], text, len) <= 0)
			low = middle + 1;
		else
			high = middle;
	}
	if (low == 0 || compare_name(&section->names[low - 1], text, len) != 0)
		return NULL;
	return section->names[low - 1].pair->value;
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
