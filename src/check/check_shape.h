/* Shape rules: every documented constraint of every member. */
#ifndef IELINT_CHECK_SHAPE_H
#define IELINT_CHECK_SHAPE_H

#include "load/diag.h"
#include "load/node.h"
#include "rules/model.h"

/* Checks node, and everything under it, against shape. Messages call the
 * node itself `what` ("the request"). */
void check_shape(const struct shape *shape, const struct node *node,
		 const char *what, struct diag_list *diags);

/* Whether one of the shape rules is this rule. */
bool check_shape_raises(enum rule_id rule);

#endif
