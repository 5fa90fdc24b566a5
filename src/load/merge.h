/* YAML's merge key, as the AWS CLI's loader reads it: `<<: *base` (or
 * `<<: [*a, *b]`) copies the members of the mapping(s) into the mapping
 * that holds it. A member written beside the merge key wins over a merged
 * one, and of several mappings the earlier in the list wins; of a key one
 * merged mapping repeats, its last value counts. */
#ifndef IELINT_MERGE_H
#define IELINT_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "node.h"
#include "base/arena.h"

/* The members of a mapping once its merge keys are read: its own pairs
 * (those that are no merge key, whose key has merge_key set) in order
 * and, where its first merge key stood, the members of the sources
 * (mappings, earliest first) that neither its own keys nor an earlier
 * source has. The merged pairs are the sources' own, so that a finding
 * about a merged value points where it is written. Allocates *merged in
 * arena; false when memory runs out. */
bool merge_members(struct arena *arena, const struct pair *pairs, size_t count,
		   const struct node *const *sources, size_t source_count,
		   struct pair **merged, size_t *merged_count);

#endif
