/* What a plan's change gives the experiment: change.after, read with
 * change.after_unknown. Terraform leaves an unknown attribute out of
 * after and writes an unknown list item as null; after_unknown mirrors
 * after (objects with the same keys, lists of the same length) and is
 * true where the value is known only once applied. */
#ifndef IELINT_TERRAFORM_PLAN_AFTER_H
#define IELINT_TERRAFORM_PLAN_AFTER_H

#include <stdbool.h>

#include "plan_json.h"
#include "base/arena.h"
#include "load/node.h"

/* change.after as the request's attributes: nulls left out, each value
 * after_unknown marks true a NODE_UNKNOWN node, and the provider's "id"
 * dropped. No scalar keeps its source text, so that no fix rewrites the
 * plan. NULL when after is no mapping, or memory ran out (then
 * *out_of_memory). The nodes live in arena. */
const struct node *plan_attributes(const struct planned_change *change, struct arena *arena,
				   bool *out_of_memory);

/* Whether a part of after_unknown marks anything as not known. */
bool plan_marks_unknown(const struct node *mark);

#endif
