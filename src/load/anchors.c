#include "anchors.h"
#include "base/memory.h"

#include <stdlib.h>
#include <string.h>

struct anchor {
	const char *name;
	size_t len;
	struct node *node;
	struct anchor *next;
};

static size_t hash_name(const char *name, size_t len)
{
	size_t hash = 2166136261u; /* FNV-1a */

	for (size_t i = 0; i < len; i++)
		hash = (hash ^ (unsigned char)name[i]) * 16777619u;
	return hash;
}

static bool grow(struct anchor_table *table)
{
	size_t count = table->bucket_count ? table->bucket_count * 2 : 64;
	struct anchor **buckets = mem_calloc(count, sizeof *buckets);

	if (!buckets)
		return false;
	for (size_t i = 0; i < table->bucket_count; i++) {
		/* Rehash each chain keeping its order: newer anchors first. */
		struct anchor *entry = table->buckets[i], *reversed = NULL;
		while (entry) {
			struct anchor *next = entry->next;
			entry->next = reversed;
			reversed = entry;
			entry = next;
		}
		for (entry = reversed; entry;) {
			struct anchor *next = entry->next;
			size_t slot = hash_name(entry->name, entry->len) & (count - 1);
			entry->next = buckets[slot];
			buckets[slot] = entry;
			entry = next;
		}
	}
	free(table->buckets);
	table->buckets = buckets;
	table->bucket_count = count;
	return true;
}

bool anchors_add(struct anchor_table *table, struct arena *arena,
		 const char *name, size_t len, struct node *node)
{
	struct anchor *entry = arena_alloc(arena, sizeof *entry);

	if (!entry || (table->count >= table->bucket_count && !grow(table)))
		return false;
	size_t slot = hash_name(name, len) & (table->bucket_count - 1);
	*entry = (struct anchor){ name, len, node, table->buckets[slot] };
	table->buckets[slot] = entry;
	table->count++;
	return true;
}

struct node *anchors_find(const struct anchor_table *table, const char *name,
			  size_t len)
{
	if (!table->bucket_count)
		return NULL;
	size_t slot = hash_name(name, len) & (table->bucket_count - 1);
	for (struct anchor *entry = table->buckets[slot]; entry; entry = entry->next)
		if (entry->len == len && memcmp(entry->name, name, len) == 0)
			return entry->node;
	return NULL;
}

void anchors_free(struct anchor_table *table)
{
	free(table->buckets);
	memset(table, 0, sizeof *table);
}
