/* Where a template's property differs from the experiment that --current
 * describes: the first value of the template that a stack update would
 * change, had the handler sent it. */
#ifndef IELINT_STACK_DIFF_H
#define IELINT_STACK_DIFF_H

#include "base/path.h"
#include "load/node.h"

/* The node of written (a property as CloudFormation sends it, keyed by
 * the API's names) where it first differs from current (the same member
 * of the description, or of a previous template), or NULL when they agree
 * or either value is known only when deployed. Variants are matched by VariantName, times by the
 * instant they stand for, other lists item by item; what the description
 * alone has (a variant's Status) is no difference. path, that of
 * written, is left that of the node returned. */
const struct node *stack_difference(const struct node *written, const struct node *current,
				    double now, struct path *path);

#endif
