/* A resource's lifecycle { ignore_changes = [...] }: Terraform plans no
 * update of an attribute it lists (all of them for `all`), so what an
 * apply of the experiment deployed can send leaves those out. The apply
 * that creates the experiment sends them still. */
#ifndef IELINT_TERRAFORM_LIFECYCLE_H
#define IELINT_TERRAFORM_LIFECYCLE_H

#include <stdbool.h>

#include "base/arena.h"
#include "load/node.h"

/* The request (keyed by the API's names) without the members the
 * resource block body ignores the changes of: request itself when it
 * ignores none, NULL when it ignores all, else a mapping made in arena
 * (NULL too, with *out_of_memory set, when memory runs out). An entry
 * that names no attribute plainly is taken to ignore all, so that
 * nothing is said of a change Terraform may not plan. */
const struct node *lifecycle_updatable(struct arena *arena, const struct node *body,
				       const struct node *request, bool *out_of_memory);

#endif
