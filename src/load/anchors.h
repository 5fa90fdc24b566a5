/* YAML anchors by name, for the loader's aliases. A hash table, so that a
 * hostile file with a million anchors costs no more than its size. */
#ifndef IELINT_ANCHORS_H
#define IELINT_ANCHORS_H

#include <stdbool.h>
#include <stddef.h>

#include "node.h"
#include "base/arena.h"

struct anchor;

struct anchor_table {
	struct anchor **buckets;
	size_t bucket_count; /* a power of two */
	size_t count;
};

/* Adds a name (kept by the caller) for a node; entries live in the arena.
 * A later anchor of the same name hides the earlier one, as YAML says.
 * False when memory runs out. */
bool anchors_add(struct anchor_table *table, struct arena *arena,
		 const char *name, size_t len, struct node *node);

struct node *anchors_find(const struct anchor_table *table, const char *name,
			  size_t len);

void anchors_free(struct anchor_table *table);

#endif
