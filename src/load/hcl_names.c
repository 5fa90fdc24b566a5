/* The names of a body's attributes, to find one set twice (HashiCorp's
 * parser refuses it): an open hash table of their key nodes, grown at
 * half full, so that a body of many attributes costs linear time. */
#include "hcl.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

static size_t name_hash(const struct node *key)
{
	size_t hash = 14695981039346656037u;

	for (size_t i = 0; i < key->scalar.len; i++)
		hash = (hash ^ (unsigned char)key->scalar.text[i]) * 1099511628211u;
	return hash;
}

static const struct node **name_slot(const struct hcl_names *names, const struct node *key)
{
	size_t i = name_hash(key) & (names->capacity - 1);

	while (names->slots[i] && (names->slots[i]->scalar.len != key->scalar.len ||
				   memcmp(names->slots[i]->scalar.text, key->scalar.text,
					  key->scalar.len) != 0))
		i = (i + 1) & (names->capacity - 1);
	return &names->slots[i];
}

bool hcl_names_add(struct hcl_reader *r, struct hcl_names *names, const struct node *key)
{
	if (2 * (names->count + 1) > names->capacity) {
		size_t capacity = names->capacity ? 2 * names->capacity : 16;
		struct hcl_names grown = { mem_calloc(capacity, sizeof *grown.slots), capacity,
					   names->count };
		if (!grown.slots) {
			loader_out_of_memory(r->ld);
			r->failed = true;
			return false;
		}
		for (size_t i = 0; i < names->capacity; i++)
			if (names->slots[i])
				*name_slot(&grown, names->slots[i]) = names->slots[i];
		free(names->slots);
		*names = grown;
	}
	const struct node **slot = name_slot(names, key);
	if (*slot) {
		hcl_error(r, hcl_node_from(r, key).offset, "the attribute %.*s is set twice in "
			  "this body, first on line %d", (int)key->scalar.len, key->scalar.text,
			  (*slot)->span.line);
		return false;
	}
	*slot = key;
	names->count++;
	return true;
}
